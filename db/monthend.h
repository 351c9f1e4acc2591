/*
 * monthend.h - SQL for month end: closed months with their payroll
 * snapshot, appeals of fine lines, and the adjustments an appeal decided
 * after its month closed leaves in a later month.  Writes happen inside
 * the caller's transaction; nothing here decides who may close, appeal or
 * decide, or what a payroll holds (src/payroll.c, src/appeal.c do).
 */
#ifndef CALLFLOOR_DB_MONTHEND_H
#define CALLFLOOR_DB_MONTHEND_H

#include "store.h"

struct closed_month {
	char month[8];			/* "YYYY-MM" */
	char by[STORE_LOGIN];
	int64_t at;
	char *text, *csv;		/* the payroll as it stood (caller frees) */
};

/* Month's closing, 1 when it is open.  With out NULL only tells which. */
int store_closed_get(struct store *s, const char *month,
    struct closed_month *out, struct err *e);
/* The latest closed month into out ("" and 1 when none is closed). */
int store_closed_last(struct store *s, char out[8], struct err *e);
int store_close_month(struct store *s, const struct closed_month *c,
    struct err *e);
/* Discards month's closing and every later one; *n how many. */
int store_reopen_from(struct store *s, const char *month, int *n,
    struct err *e);
void closed_month_free(struct closed_month *c);

/* One person's offences under one rule on one day. */
struct series {
	char staff[STORE_ID];
	char rule[STORE_ID];
	char day[11];
};

/* Every (staff, rule, day) with a standing incident on or after day,
 * ordered by rule, staff and day: what a reopening numbers again. */
int store_series_since(struct store *s, const char *day, struct series **out,
    int *n, struct err *e);

struct appeal {
	int64_t id, incident, fine;	/* fine: the line appealed */
	char staff[STORE_ID];
	char reason[STORE_TEXT];
	char by[STORE_LOGIN];
	int64_t at;
	char decision[8];		/* "" pending, "uphold" or "void" */
	char decided_by[STORE_LOGIN];
	int64_t decided_at;
	char decided_reason[STORE_TEXT];
};

int store_appeal_add(struct store *s, struct appeal *a, struct err *e);
int store_appeal_get(struct store *s, int64_t id, struct appeal *out,
    struct err *e);
/* Every appeal, oldest first. */
int store_appeals(struct store *s, struct appeal **out, int *n, struct err *e);
int store_appeal_decide(struct store *s, int64_t id, const char *decision,
    const char *by, int64_t at, const char *reason, struct err *e);

/* A correction to a closed month's payroll, settled in a later month. */
struct adjustment {
	int64_t id, appeal;
	char month[8];			/* the month it is settled in */
	char staff[STORE_ID];
	fen_t amount;			/* added to that month's fines */
	char note[STORE_TEXT];
};

int store_adjustment_add(struct store *s, const struct adjustment *a,
    struct err *e);
/* The adjustments settled in month, oldest first. */
int store_adjustments(struct store *s, const char *month,
    struct adjustment **out, int *n, struct err *e);

#endif
