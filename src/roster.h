/*
 * roster.h - the floor's roster in its database (src/roster.c).
 */
#ifndef CALLFLOOR_ROSTER_H
#define CALLFLOOR_ROSTER_H

#include "../db/store.h"
#include "floor.h"

/* The roster as text, a line each: "floor ID NAME", "group ID NAME
 * DIRECTOR DEPUTY SUPERVISOR", "staff ID NAME GROUP SEAT" (tab-separated). */
void roster_text(const struct floor *f, struct buf *out);
/* Stores the roster when it differs from the one stored (and as of
 * today); nothing on a read-only store.  0, or -1 with e set. */
int roster_note(const struct floor *f, struct store *s, struct err *e);

#endif
