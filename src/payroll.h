/*
 * payroll.h - rule A7 at month end: each person's fines and the
 * deductions of the company's policy (the rulebook's `deductions` block)
 * from the month's attendance, under the legal cap of 工资支付暂行规定
 * art. 16.  The one place deductions are priced; attendance comes from
 * attendance_month, fines from the engine's lines, never recounted.
 * Nothing here speaks SQL or curses.
 */
#ifndef CALLFLOOR_PAYROLL_H
#define CALLFLOOR_PAYROLL_H

#include <stdbool.h>

#include "../db/monthend.h"
#include "floor.h"
#include "util.h"

struct pay_row {
	int staff;			/* index in floor->staff */
	fen_t fines;			/* own, co-penalties, group fines; lines
					   under appeal out, adjustments in */
	int late_early;			/* late arrivals and early leaves */
	int personal_halves;		/* personal leave, A1's half days too */
	int sick_halves;
	int absence_halves;
	fen_t bonus_forfeited;
	fen_t deductions;		/* day and late amounts and the bonus */
	fen_t total;			/* fines + deductions, at most the cap */
	fen_t over_cap;			/* what the cap kept out of total */
	fen_t cap;			/* the cap, -1 without a wage */
};

/* A fine line under appeal, left out of the month's fines. */
struct pay_appeal {
	int64_t appeal, incident;
	char staff[STORE_ID], rule[STORE_ID], day[11];
	fen_t amount;
	char reason[STORE_TEXT];
};

struct payroll {
	char month[8];
	struct pay_row *rows;		/* sorted by group, then staff id */
	int n;
	struct pay_appeal *pending;
	int npending;
	struct adjustment *adj;		/* appeals settled in this month */
	int nadj;
};

/* The month "YYYY-MM" as it stands now.  Free with payroll_free. */
int payroll_compute(const struct floor *f, struct store *s, const char *month,
    struct payroll *p, struct err *e);
void payroll_free(struct payroll *p);

/* The CSV form (RFC 4180; over_cap added when wages are configured). */
void payroll_csv(const struct floor *f, const struct payroll *p,
    struct buf *out);
/* The text form, with group and floor totals, warnings and appeals;
 * closed (may be NULL) names who closed the month and when. */
void payroll_text(const struct floor *f, const struct payroll *p,
    const struct closed_month *closed, struct buf *out);

#endif
