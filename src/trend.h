/*
 * trend.h - the month at a glance: each group's fines day by day as a
 * sparkline, and the rule that cost the group most.  Sums the engine's
 * fine lines; prices nothing.  No curses: the console's month panel and
 * `fines --month` draw the same strings.
 */
#ifndef CALLFLOOR_TREND_H
#define CALLFLOOR_TREND_H

#include <stdbool.h>

#include "../db/store.h"
#include "floor.h"

struct trend {
	int ndays;			/* days of the month */
	fen_t *daily;			/* ngroups x ndays, row by group */
	char (*top)[STORE_ID];		/* per group: the costliest rule, "" */
	fen_t *top_amount;		/* per group: what it cost */
	const struct floor *f;		/* while summing: */
	fen_t *by_rule;			/* ngroups x nrules */
};

/* The month of `day` ("YYYY-MM-DD" or "YYYY-MM"), per group of f (fines
 * fall in the payer's group).  Free with trend_free. */
int trend_month(const struct floor *f, struct store *s, const char *day,
    struct trend *t, struct err *e);
void trend_free(struct trend *t);
/* The same in steps, for a caller that reads the month's fine lines for
 * something else too (fines --month): trend_start, then trend_add for
 * each line (a store_fine_each callback; t is the argument), then
 * trend_finish. */
void trend_start(const struct floor *f, const char *day, struct trend *t);
int trend_add(void *t, const struct fine_tick *l);
void trend_finish(struct trend *t);

/*
 * Appends n values as a sparkline, one glyph each: "▁▂▃▄▅▆▇█", or "_.-=#"
 * when ascii.  0 is the bottom glyph; a value above 0 is 1 + v x (L - 2)
 * / max rounded down (L glyphs): at least the second glyph, the top one
 * for the largest value.  All zero is a flat line of bottom glyphs.
 */
void trend_spark(const fen_t *v, int n, bool ascii, struct buf *out);

/* One group's line: "A  SPARK  top RULE 40.00" (no newline). */
void trend_line(const struct floor *f, const struct trend *t, int g,
    bool ascii, struct buf *out);

#endif
