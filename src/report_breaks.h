/*
 * report_breaks.h - the report's BREAKS section as lines of text.
 */
#ifndef CALLFLOOR_REPORT_BREAKS_H
#define CALLFLOOR_REPORT_BREAKS_H

#include <time.h>

#include "../db/store.h"
#include "floor.h"

/* Appends the section's lines (none when nobody took a break that day):
 * totals, the most away at once per group, then a row per person.  Open
 * breaks count up to now. */
int report_breaks_lines(const struct floor *f, struct store *s,
    const char *day, time_t now, struct buf *out, struct err *e);

#endif
