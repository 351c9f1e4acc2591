/*
 * seatmap.h - the state of every seat on a day, for the console's map and
 * `callfloor map`.  A state always has a glyph, so colour is never the only
 * signal.  Reads the store; prices nothing.
 */
#ifndef CALLFLOOR_SEATMAP_H
#define CALLFLOOR_SEATMAP_H

#include <stdbool.h>

#include "../db/store.h"
#include "attendance.h"
#include "floor.h"

enum seat_state {
	SEAT_EMPTY,		/* nobody sits there */
	SEAT_PENDING,		/* occupied, not yet inspected today */
	SEAT_OK,		/* inspected and found in order */
	SEAT_INCIDENT,		/* an incident today */
	SEAT_FLAGGED,		/* an incident with a flag for management */
	SEAT_CUSTODY,		/* a confiscated item is held */
	SEAT_NSTATES
};

struct seat_view {
	enum seat_state state;
	int incidents;			/* not voided, today */
	int desk_incidents;		/* of them, floor rules (inspections) */
	fen_t fined;			/* own fines today */
	char worst[STORE_ID];		/* the worst rule today, "" if none */
	bool inspected, custody;
	enum att_status att;		/* the agent's attendance today */
	bool att_threshold;		/* crossed an attendance threshold today */
};

struct seatmap {
	char day[11];
	struct seat_view *seats;	/* floor->nseats */
	int inspected, occupied;	/* inspection coverage */
	bool attendance;		/* attendance is kept on this day */
};

/*
 * The one definition of "inspected": the seats whose desk had an i
 * (inspection) or any mark made on that seat (not voided) on day.  The
 * console's header and the report both count these.  Caller frees *out.
 */
int seatmap_inspected(const struct floor *f, struct store *s, const char *day,
    char (**out)[STORE_ID], int *n, struct err *e);

/* Loads the seat states of day.  Free with seatmap_free. */
int seatmap_load(const struct floor *f, struct store *s, const char *day,
    struct seatmap *m, struct err *e);
void seatmap_free(struct seatmap *m);

/* The glyph of a state: Unicode, or ASCII when ascii is true. */
const char *seat_glyph(enum seat_state st, bool ascii);
/* A word for the state ("empty", "not inspected", ...). */
const char *seat_state_name(enum seat_state st);

/* Seat cell text: glyph, seat id, name, fitted to width columns. */
void seatmap_cell(const struct floor *f, const struct seatmap *m, int seat,
    int width, bool ascii, struct buf *out);

/* The whole map as plain text (no colour), with a header and a legend. */
void seatmap_text(const struct floor *f, const struct seatmap *m, bool ascii,
    struct buf *out);

#endif
