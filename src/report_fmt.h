/*
 * report_fmt.h - the report's own text helpers, shared by its sections
 * and the work journal (journal.c): amounts, names and times as every
 * table of the report shows them.  The column and wrapping helpers they
 * build on are text.h's.
 */
#ifndef CALLFLOOR_REPORT_FMT_H
#define CALLFLOOR_REPORT_FMT_H

#include <stdint.h>

#include "util.h"

struct floor;

/* An amount right-aligned in 10 columns (a space, then 9). */
void report_amount(struct buf *b, fen_t v);
/* The staff member's name, "?" when id is no longer on the staff. */
const char *report_staff_name(const struct floor *f, const char *id);
/* "HH:MM", or "MM-DD HH:MM" when t is not on the calendar day `day` (a
 * night shift's small hours). */
void report_time(const char *day, int64_t t, char out[32]);

#endif
