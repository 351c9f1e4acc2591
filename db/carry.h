/*
 * carry.h - attendance totals carried forward per person and month
 * (schema 3), so that a screen or a command reads one month of raw rows
 * and one row of carried totals per person, never the years behind it.
 * SQL only; src/att_tally.c decides what the totals are.
 *
 * The carried rows form a prefix of finished months: a write that changes
 * a finished month (a sign-in, void, explanation, leave or absence mark
 * dated into it) drops that month's rows and every later month's, in its
 * own transaction; the next command that needs them settles them again.
 */
#ifndef CALLFLOOR_DB_CARRY_H
#define CALLFLOOR_DB_CARRY_H

#include "store.h"

struct att_carry {
	char month[8];			/* "YYYY-MM" */
	char staff[STORE_ID];
	/* the month's own figures */
	int late, early, half, absent, meeting_halves;
	/* carried to the month's end */
	int late_year;			/* late and early since January */
	int absent_total, meeting_total; /* days absent; half days marked */
	int over_months;		/* months past the late/early threshold */
	int run, max_run;		/* consecutive absences: now, longest */
};

/* The rows of one month, by staff. */
int store_carry_month(struct store *s, const char *month,
    struct att_carry **out, int *n, struct err *e);
/* Every carried row, by month then staff (callfloor verify). */
int store_carry_all(struct store *s, struct att_carry **out, int *n,
    struct err *e);
/* The last month carried into month[8]; 1 when none is. */
int store_carry_last(struct store *s, char month[8], struct err *e);
/* Writes rows (replacing any of the same month and staff). */
int store_carry_put(struct store *s, const struct att_carry *rows, int n,
    struct err *e);
/* Drops the rows of the month of day ("YYYY-MM-DD" or "YYYY-MM") and of
 * every later month; NULL drops them all. */
int store_carry_drop(struct store *s, const char *day, struct err *e);

/* A named value of the store's own (the carried totals' fingerprint). */
int store_meta_get(struct store *s, const char *name, char *out, size_t n,
    struct err *e);
int store_meta_set(struct store *s, const char *name, const char *value,
    struct err *e);

/* True inside store_begin .. store_commit. */
bool store_in_transaction(struct store *s);

#endif
