/*
 * att_internal.h - shared by src/attendance.c (the writes),
 * src/att_tally.c (what follows from them) and src/att_carry.c (the
 * totals carried forward, callfloor verify); not for other files.
 */
#ifndef CALLFLOOR_ATT_INTERNAL_H
#define CALLFLOOR_ATT_INTERNAL_H

#include <stdbool.h>
#include <time.h>

#include "attendance.h"
#include "clock.h"
#include "floor.h"

/* When the shift of day starts (end false) or ends, floor-local. */
time_t att_shift_edge(const struct floor *f, const char *day, bool end);

/* A live sign-in or sign-out, held compactly (a large floor's month has
 * a hundred thousand): its day (clock_day_number), staff index, minutes. */
struct tick {
	int day, staff, minutes;
	bool in;
};

/* What is recorded over a span of days, loaded once. */
struct span {
	char first[DAY_LEN];		/* attendance kept since; "" never */
	struct tick *marks;		/* by day */
	int nmarks, capmarks;
	struct leave *leaves;
	int nleaves;
	struct absence_incident *abs;
	int nabs;
	struct explanation *expl;	/* by day */
	int nexpl;
	const bool *seen;		/* seen at the desk on the last day */
	const struct floor *floor;
};

/*
 * Walks every day of the span once; for each person keeps the month's and
 * the year's counts and the run of consecutive absences.
 */
struct tally {
	int late_m, early_m, half_m, absent_m, meeting_halves_m;
	int late_y, absent_total, meeting_halves_total, run, max_run;
	int over_months;		/* months past the late/early threshold */
	int personal_m, sick_m;		/* working days on valid leave */
	char month[8];			/* the month late_m/early_m count in */
};

/* What a month raises: the bonus forfeit and the numbers its flags show
 * (0 for a flag not raised). */
struct flag_key {
	bool bonus;
	int late, total, run;
};

/* Loads the span from..to: its sign-ins from ticks_from on only (the
 * days before are carried), the rest (leave, explanations, absence
 * marks, all few) from `from`. */
int att_span_load(const struct floor *f, struct store *s,
    const char *ticks_from, const char *from, const char *to,
    struct span *sp, struct err *e);
void att_span_free(struct span *sp);
/* Walks the days from..upto of sp on top of tl.  day_out: the statuses of
 * upto; before_out: what the month raised the day before upto (left as
 * it is on the 1st). */
void att_walk(const struct floor *f, const struct span *sp, const char *from,
    const char *upto, time_t now, struct tally *tl, struct att_day *day_out,
    struct flag_key *before_out);
/* Counts the working days on leave from..to into tl. */
void att_leave_days(const struct floor *f, const struct span *sp,
    const char *from, const char *to, time_t now, struct tally *tl);

/*
 * What is carried into the walk that ends on upto (src/att_carry.c): tl
 * gets the totals to the end of the day before walk_from; `from` is the
 * first day of the walk's month (the 1st after the last carried month).
 * walk_from is `from` when only months are carried, or the day after
 * the carried day of upto's month.
 */
int att_carry_upto(const struct floor *f, struct store *s, const char *upto,
    time_t now, struct tally *tl, char from[DAY_LEN], char walk_from[DAY_LEN],
    struct err *e);

#endif
