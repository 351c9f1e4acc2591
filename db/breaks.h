/*
 * breaks.h - the store's table of breaks away from the desk.  SQL only;
 * the cap, the queue and the limits are src/breaks.c's.
 */
#ifndef CALLFLOOR_DB_BREAKS_H
#define CALLFLOOR_DB_BREAKS_H

#include "store.h"

struct away_row {
	int64_t id;
	char staff[STORE_ID];
	char grp[STORE_ID];
	char reason[STORE_ID];
	char day[11];
	int limit_minutes;
	int64_t queued_at;
	int64_t started_at;		/* 0 while queued */
	int64_t ended_at;		/* 0 while open */
	int cancelled;			/* ended before it started */
	int over;			/* ended at or past its limit */
	char by[STORE_LOGIN];
	char ended_by[STORE_LOGIN];
};

/* Adds a break (r->id set); 1 (nothing written) when that person already
 * has an open one. */
int store_away_add(struct store *s, struct away_row *r, struct err *e);
/* Starts a queued break at `at`; 1 when it was not queued. */
int store_away_start(struct store *s, int64_t id, int64_t at, struct err *e);
/* Ends an open break: cancelled when it never started; 1 when not open. */
int store_away_end(struct store *s, int64_t id, int64_t at, const char *by,
    int over, struct err *e);
/* Every open break (queued or away), in queue order (queued_at, id). */
int store_away_open(struct store *s, struct away_row **out, int *n,
    struct err *e);
/* Every break asked for between two days (inclusive), by id. */
int store_away_range(struct store *s, const char *from, const char *to,
    struct away_row **out, int *n, struct err *e);

#endif
