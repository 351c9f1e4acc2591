/*
 * breaks.h - breaks away from the desk: the rulebook's reasons, each
 * group's cap on how many are away at once (max_away), the queue beyond
 * it, and the limits.  Writes are one BEGIN IMMEDIATE transaction each,
 * with their audit line; reads derive every state from the open breaks.
 * No curses, no SQL.
 */
#ifndef CALLFLOOR_BREAKS_H
#define CALLFLOOR_BREAKS_H

#include <stdbool.h>
#include <time.h>

#include "../db/breaks.h"
#include "attendance.h"
#include "engine.h"

/* An open break: away from the desk, queued, or first in the queue with
 * a free place ("next": starts when the supervisor starts it). */
enum brk_state { BRK_AWAY, BRK_QUEUED, BRK_NEXT };

struct brk {
	struct away_row row;
	int staff, group;		/* indexes; -1 when no longer configured */
	int reason;			/* index in f->breaks, -1 when gone */
	enum brk_state state;
	int place;			/* queued and next: 1-based place */
	int minutes;			/* away: since it started; else queued */
	bool over;			/* away and at or past its limit */
};

/* Every open break of the floor, in queue order, with per-group counts. */
struct brk_floor {
	struct brk *b;
	int n;
	int *away, *queued, *cap;	/* per group; cap -1: no cap */
	int over;			/* breaks at or past their limit */
};

/* Group g's cap given how many of its agents are present (-1: none). */
int breaks_cap(const struct floor *f, int g, int present);

/*
 * Loads the open breaks and derives their states at time now.  d is
 * everyone's attendance today (for a percentage cap), or NULL to read it.
 * Free with breaks_free.
 */
int breaks_load(const struct floor *f, struct store *s, const char *day,
    time_t now, const struct att_day *d, struct brk_floor *out,
    struct err *e);
/* Minutes and over-limit states again at time now (no database). */
void breaks_tick(const struct floor *f, struct brk_floor *bf, time_t now);
void breaks_free(struct brk_floor *bf);
/* The open break of staff, or NULL. */
const struct brk *breaks_of(const struct brk_floor *bf, int staff);

/* What a start or an end did. */
struct brk_result {
	bool queued;			/* start: queued, not away */
	bool cancelled;			/* end: it was still queued */
	int place;			/* queued: its place in the queue */
	int minutes;			/* end: minutes away */
	bool over;			/* end: at or past its limit */
	int limit;			/* its limit in minutes */
	int reason;			/* index in f->breaks */
	int next;			/* end: staff now first in the queue with
					   a free place, or -1 */
	int64_t id;
};

/* Starts (or queues beyond the cap) a break of staff for reason (index in
 * f->breaks); a queued break that is next starts. */
int break_start(const struct floor *f, struct store *s, const struct actor *a,
    int staff, int reason, struct brk_result *r, struct err *e);
/* Ends staff's open break (a queued one leaves the queue). */
int break_end(const struct floor *f, struct store *s, const struct actor *a,
    int staff, struct brk_result *r, struct err *e);

const char *brk_state_name(enum brk_state st);

/* One person's breaks over a period (report, attendance). */
struct brk_totals {
	int breaks, minutes, over;
};
/* Per person (f->nstaff) and the peak number away at once per group
 * (f->ngroups) of breaks asked for between two days; open ones count to
 * now. */
int breaks_totals(const struct floor *f, struct store *s, const char *from,
    const char *to, time_t now, struct brk_totals *per, int *peak,
    struct err *e);

#endif
