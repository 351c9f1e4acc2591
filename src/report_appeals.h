/*
 * report_appeals.h - the report's APPEALS section (申诉, rule A7's month
 * end) as lines of text: the day's appeals, those decided that day, and
 * every one still waiting for a manager.  Reads; never prices.
 */
#ifndef CALLFLOOR_REPORT_APPEALS_H
#define CALLFLOOR_REPORT_APPEALS_H

#include "../db/store.h"
#include "floor.h"

/* Appends the section's lines (none when there is nothing to say) for
 * shift day `day`, whose shift ends at `end`. */
int report_appeals_lines(const struct floor *f, struct store *s,
    const char *day, long long end, struct buf *out, struct err *e);

#endif
