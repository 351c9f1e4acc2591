/*
 * report_day.h - one shift day as the end-of-day summary sees it, built
 * from what the store returned (report_day_load, in report.c, reads it
 * inside one snapshot): the day's incidents with the terms frozen with
 * them, the fine lines the engine wrote, summed per person and per group.
 * report_day.c is pure: no store, no text; it prices nothing, every
 * amount is a stored fine row.
 *
 * The sums a shift lead checks: a person's own fines and the co-penalties
 * and group shares that fell on them (co); a fine line of a vacant role
 * counts in no total; a voided incident counts nowhere (its fines are
 * what the void removed).
 */
#ifndef CALLFLOOR_REPORT_DAY_H
#define CALLFLOOR_REPORT_DAY_H

#include <stdbool.h>
#include <time.h>

#include "../db/store.h"
#include "clock.h"
#include "floor.h"

/* An incident of the day, with what the report needs beside it. */
struct day_inc {
	struct incident in;
	struct rule_terms t;	/* frozen with it */
	int rule;		/* in today's rulebook, -1 when gone */
	fen_t fines;		/* what fell on people (removed, when voided) */
	int doubled;		/* the repeat factor on its own fine, 0 */
};

/* Someone a fine line of the day names. */
struct day_person {
	char id[STORE_ID];
	int staff, group;	/* floor indexes, -1 when no longer on staff */
	fen_t own;		/* their own fines */
	fen_t co;		/* co-penalties and group shares on them */
	int *inc, ninc;		/* own not-voided incidents, into day.inc */
	int *co_line, nco;	/* the others' fine lines on them, into lines */
};

struct day_id {
	int64_t id;
	int i;			/* into inc */
};

struct report_day {
	const struct floor *f;
	char day[DAY_LEN];
	time_t now, end;	/* end: when the shift ends */
	struct day_inc *inc;	/* the day's incidents, voided ones too */
	int ninc;
	struct fine_line *lines;	/* fine lines of not-voided ones */
	int nlines;
	struct day_person *pp;	/* by group (floor order), then id; the
				 * people no longer on staff last */
	int np;
	int *pidx;		/* staff index -> its person in pp, -1 none */
	struct day_id *by_id;	/* inc's ids sorted, to find a line's */
	char (*inspected)[STORE_ID];	/* seats inspected on the day */
	int ninspected;
	bool *seat_seen;	/* by floor seat: inspected (NULL: none) */
	struct custody *held;	/* items held at `end` */
	int nheld;
	struct day_inc *vo;	/* other days' incidents voided on this day */
	int nvo;
};

/* The floor's totals of the day (FLOOR TOTALS). */
struct day_totals {
	fen_t own, co, grp;	/* by kind, vacant roles left out */
	int counted;		/* incidents neither voided nor praise */
	int voided, praised, flagged;
	int fined;		/* people with any fine */
	int seats, seen;	/* occupied desks, and those inspected */
};

/* One group's part of the day. */
struct day_group {
	int head;		/* its staff */
	int seats, seen;	/* its occupied desks, and those inspected */
	int rows;		/* its people with a fine or an incident */
	fen_t own, co;		/* their own fines; co-penalties and shares */
	fen_t grp;		/* of co, the shares of group fines */
};

/* Incidents of one rule (INCIDENTS BY RULE); commendations left out. */
struct day_rule {
	const char *code;
	const struct day_inc *first;	/* for its title */
	int n, voided;
	fen_t fines;		/* of the n counted */
};

/* Floor-local time `minutes` after midnight of day, plus `days` days. */
time_t report_day_at(const char *day, int days, int minutes);
/* When the shift of day ends: the next morning on a night shift. */
time_t report_day_end(const struct floor *f, const char *day);

/* What fell on people of a fine row list (a vacant role's row left out). */
fen_t report_fines_paid(const struct fine_row *fr, int n);

/* Starts d for shift day `day` at time now (d is overwritten). */
void report_day_init(struct report_day *d, const struct floor *f,
    const char *day, time_t now);
/*
 * The day's incidents (inc, with in, t, rule and, for voided ones, fines
 * set), then its fine lines: d takes both arrays (xmalloc'd) and sums the
 * lines per incident and per person.  Call once, in that order.
 */
void report_day_set(struct report_day *d, struct day_inc *inc, int ninc,
    struct fine_line *lines, int nlines);
/* True when in, voided at in->voided_at, goes in the VOIDS of day: it was
 * voided during that shift day and belongs to another. */
bool report_day_voided_here(const struct floor *f, const char *day,
    const struct incident *in);
void report_day_free(struct report_day *d);

/*
 * Reads shift day `day` from the store into d, inside the caller's read
 * snapshot (report.c: the one reader, the rest of this module is pure).
 * 0, or -1 with e set; report_day_free either way.
 */
int report_day_load(const struct floor *f, struct store *s, const char *day,
    struct report_day *d, struct err *e);

/* Takes the day's inspected seats (xmalloc'd; d frees them) and flags
 * the floor's seats among them, once. */
void report_day_set_inspected(struct report_day *d, char (*ids)[STORE_ID],
    int n);
/* True when the floor's seat (an index) was inspected on the day. */
bool report_day_inspected(const struct report_day *d, int seat);
void report_day_totals(const struct report_day *d, struct day_totals *t);
void report_day_group(const struct report_day *d, int g, struct day_group *t);
/* Rules with incidents: the rulebook's order, then the codes it lost.
 * Returns the count; *out is the caller's to free. */
int report_day_rules(const struct report_day *d, struct day_rule **out);

#endif
