/*
 * att_internal.h - shared by src/attendance.c (the writes) and
 * src/att_tally.c (what follows from them); not for other files.
 */
#ifndef CALLFLOOR_ATT_INTERNAL_H
#define CALLFLOOR_ATT_INTERNAL_H

#include <stdbool.h>
#include <time.h>

#include "floor.h"

/* When the shift of day starts (end false) or ends, floor-local. */
time_t att_shift_edge(const struct floor *f, const char *day, bool end);

#endif
