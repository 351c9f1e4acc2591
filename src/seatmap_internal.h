/*
 * seatmap_internal.h - shared by seatmap.c (the views, the text map) and
 * seatload.c (the model and how it follows writes) only.
 */
#ifndef CALLFLOOR_SEATMAP_INTERNAL_H
#define CALLFLOOR_SEATMAP_INTERNAL_H

#include <stdbool.h>

#include "floor.h"

/* True when a mark of rule made on a seat counts as a look at its desk
 * (a LATE from a sign-in or a missed meeting does not). */
bool seatmap_rule_looks(const struct floor *f, const char *rule);

#endif
