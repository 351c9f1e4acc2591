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
 *
 * The running month is carried too, up to its last finished day: rows
 * keyed by that day ("YYYY-MM-DD" where a month's key is "YYYY-MM"), one
 * day's set at a time, so that today costs today's rows.  A write dated
 * on or before that day drops them with the months' (store_carry_drop).
 */
#ifndef CALLFLOOR_DB_CARRY_H
#define CALLFLOOR_DB_CARRY_H

#include "store.h"

struct att_carry {
	char month[11];			/* "YYYY-MM", or "YYYY-MM-DD" for
					 * the running month to that day */
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
/* The last day carried from..to (both "YYYY-MM-DD") into day[11]; 1 when
 * none is. */
int store_carry_last_day(struct store *s, const char *from, const char *to,
    char day[11], struct err *e);
/* Drops every day's carried rows (before another day's are put). */
int store_carry_drop_days(struct store *s, struct err *e);
/* Writes rows (replacing any of the same month and staff). */
int store_carry_put(struct store *s, const struct att_carry *rows, int n,
    struct err *e);
/* Drops the rows of the month of day ("YYYY-MM-DD" or "YYYY-MM") and of
 * every later month, and those of day itself and every later day; NULL
 * drops them all. */
int store_carry_drop(struct store *s, const char *day, struct err *e);

/* A named value of the store's own (the carried totals' fingerprint). */
int store_meta_get(struct store *s, const char *name, char *out, size_t n,
    struct err *e);
int store_meta_set(struct store *s, const char *name, const char *value,
    struct err *e);

/* True inside store_begin .. store_commit. */
bool store_in_transaction(struct store *s);

#endif
