/*
 * seatmap.h - the state of every seat on a day, for the console's map and
 * `callfloor map`.  A state always has a glyph, so colour is never the only
 * signal.  Reads the store; prices nothing.
 */
#ifndef CALLFLOOR_SEATMAP_H
#define CALLFLOOR_SEATMAP_H

#include <stdbool.h>
#include <time.h>

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

/* The agent's break, if any (breaks.h): drawn beside the state glyph. */
enum seat_brk { SEAT_BRK_NONE, SEAT_BRK_AWAY, SEAT_BRK_OVER, SEAT_BRK_QUEUED,
	SEAT_BRK_NEXT };

struct seat_view {
	enum seat_state state;
	int incidents;			/* not voided, today */
	int desk_incidents;		/* of them, floor rules (inspections) */
	char worst[STORE_ID];		/* the worst rule today, "" if none */
	bool inspected, custody;
	enum att_status att;		/* the agent's attendance today */
	bool att_threshold;		/* crossed an attendance threshold today */
	enum seat_brk brk;
	char brk_reason[STORE_ID];	/* its reason's code */
	int brk_minutes;		/* away: minutes away */
	int brk_place;			/* queued, next: place in the queue */
	int64_t brk_since;		/* away: when it started */
	int brk_limit;			/* its limit, minutes */
	/* How the worst incident ranks (seatview.c), kept so that one more
	 * incident is weighed against it without the others. */
	int worst_rank;
	enum flag worst_flag;
	int64_t worst_at, worst_id;	/* of equal ranks the later wins */
};

/* One incident of the map's day, as much of it as the map needs. */
struct seat_in {
	int64_t id, at;
	char rule[STORE_ID];
	int staff;			/* floor index; -1: none or gone */
	int seat;			/* the seat it was marked on, or -1 */
	enum flag flag;			/* frozen with its rule version */
	bool positive, voided;
	bool looks;			/* on a seat: its desk was looked at */
	bool desk;			/* a floor rule's (a failed inspection) */
	fen_t own;			/* the own fine the engine stored */
};

/* One fine line of a not-voided incident of the day (the group panel). */
struct seat_fine {
	int64_t incident;
	int staff;			/* floor index; -1 when not on the floor */
	bool own;
	fen_t amount;
};

struct seatmap {
	char day[11];
	struct seat_view *seats;	/* floor->nseats */
	int inspected, occupied;	/* inspection coverage */
	int nstate[SEAT_NSTATES];	/* seats in each state */
	int natt[ATT_EXPLAINED + 1];	/* occupied seats by attendance */
	bool attendance;		/* attendance is kept on this day */
	int brk_away, brk_over, brk_queued;	/* breaks open now */
	int *grp_away, *grp_over, *grp_queued;	/* per group */
	/* The day's fines (people with a payer), per group and in all. */
	fen_t *grp_own, *grp_co, own_total, co_total;

	/* What the views are derived from, kept so that seatmap_follow
	 * re-reads only what a write touched. */
	struct seat_in *in;		/* the day's incidents, by (at, id) */
	int nin, capin;
	struct seat_fine *fines;
	int nfines, capfines;
	bool *insp_i;			/* per seat: an i today */
	bool *held;			/* per staff: an item in custody */
	struct att_day *att;		/* per staff: attendance today */
	bool att_over;			/* ...read after the shift was over */
	int64_t audit;			/* the last audit line reflected */
	unsigned char *changed;		/* per seat: its view was written
					   since seatmap_follow began */
	int64_t in_top;			/* the largest id in in[] */
	struct seat_touch *touch;	/* seatmap_follow's (seatview.c) */
};

/* What seatmap_follow re-read: the day's incidents a write touched (with
 * their own fines, -1 when none), for the feed; and what the views show
 * differently now, so that a screen redraws only that. */
struct seat_news {
	struct incident *in;
	fen_t *own;
	int n;
	bool incidents;			/* an incident (any day) changed */
	bool any;			/* anything was written */
	int *seats, nseats;		/* seats whose view changed, each once */
	int *groups, ngroups;		/* groups whose day counts changed */
	bool counts;			/* coverage, breaks open, or whether
					   attendance is kept */
	bool fines;			/* the day's fines in all */
	bool breaks;			/* the breaks were read again */
};
void seat_news_free(struct seat_news *n);

/*
 * The one definition of "inspected": the seats whose desk had an i
 * (inspection) or any mark made on that seat (not voided) on day.  The
 * console's header and the report both count these.  Caller frees *out.
 */
int seatmap_inspected(const struct floor *f, struct store *s, const char *day,
    char (**out)[STORE_ID], int *n, struct err *e);
/* The same from the day's incidents in[0..nin), which the caller read. */
int seatmap_inspected_in(const struct floor *f, struct store *s,
    const char *day, const struct incident *in, int nin,
    char (**out)[STORE_ID], int *n, struct err *e);

/* Loads the seat states of day.  Free with seatmap_free. */
int seatmap_load(const struct floor *f, struct store *s, const char *day,
    struct seatmap *m, struct err *e);
void seatmap_free(struct seatmap *m);

/*
 * Brings m up to date with what was written since it was loaded or last
 * followed, reading only what the writes touched: the audit trail's new
 * lines (every write has one) name the incidents, seats, people, breaks
 * and items; each is re-read by its id and the views derived again in
 * memory.  0 when followed (news filled in; free it); 1 when it cannot be
 * followed (too many writes, or one it does not know: a rulebook change,
 * a month closed) and the caller loads afresh; -1 on a read error.
 */
int seatmap_follow(const struct floor *f, struct store *s, struct seatmap *m,
    struct seat_news *news, struct err *e);

/* Minutes away and over-limit states again at time now (no database):
 * a break reaches its limit while nothing is written. */
void seatmap_tick(const struct floor *f, struct seatmap *m, time_t now);
/* The break tag of a seat ("W12", "‼W12", "Q2", "N"), "" when none;
 * out holds at least 16 bytes. */
void seatmap_brk_tag(const struct seat_view *v, bool ascii, char *out,
    size_t n);
/* The breaks' counts and tags explained, and the reasons (a line each). */
void seatmap_brk_legend(const struct floor *f, const struct seatmap *m,
    bool ascii, struct buf *out);
/* A word for a break state ("away", "over the limit", ...). */
const char *seat_brk_name(enum seat_brk b);

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
