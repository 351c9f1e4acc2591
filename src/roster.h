/*
 * roster.h - the floor's roster in its database (src/roster.c).
 */
#ifndef CALLFLOOR_ROSTER_H
#define CALLFLOOR_ROSTER_H

#include "../db/store.h"
#include "floor.h"

/* The roster as text, a line each: "floor ID NAME", "clock ZONE START
 * END SIGNIN_WINDOW SIGNOUT_WINDOW" (minutes), "calendar WORKDAYS
 * HOLIDAY...", "attendance" and the attendance rules' seven numbers,
 * "group ID NAME DIRECTOR DEPUTY SUPERVISOR", "staff ID NAME GROUP SEAT"
 * (tab-separated; the calendar's holidays and the attendance numbers
 * space-separated in one field). */
void roster_text(const struct floor *f, struct buf *out);
/* Stores the roster when it differs from the one stored (and as of
 * today); nothing on a read-only store.  0, or -1 with e set. */
int roster_note(const struct floor *f, struct store *s, struct err *e);
/* The floor a roster text names: base's rulebook and settings with the
 * roster's id and name, clock (zone, shift, sign-in windows), calendar,
 * attendance rules, groups and their role holders, staff and the seats
 * they sit at (no layout, no users, no wages).  A roster written before
 * it carried a clock, calendar or attendance rules keeps base's.  NULL
 * when the text is not a roster.  Free it with floor_free_roster. */
struct floor *roster_floor(const struct floor *base, const char *text);

#endif
