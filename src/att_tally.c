/*
 * att_tally.c - what follows from the attendance records (rulebook
 * section 3): each day's statuses, each month's figures, and the totals
 * rules need across long windows (lates in the year, absences in total,
 * consecutive absences).  Those are carried forward per person and
 * finished month (db/carry.h): a screen or a command walks the days of its
 * own month only, on top of the carried row of the month before, so its
 * cost never depends on the years behind it.  A finished month is settled
 * (computed once from its raw rows, stored) by the first command that
 * needs it; a write dated into a finished month drops it and the later
 * ones in its own transaction (attendance.c, engine.c).
 * Nothing here speaks SQL or curses.
 */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "att_internal.h"
#include "clock.h"
#include "seatmap.h"

bool
attendance_day_over(const struct floor *f, const char *day, time_t now)
{
	return now >= att_shift_edge(f, day, true);
}

/*
 * Whether l excuses day: a valid request whose days include it, and, when
 * it needs a manager's approval, approved before the day's shift ended;
 * while the day is not over, a pending request still shows as leave.
 */
static bool
leave_covers(const struct floor *f, const struct leave *l, const char *day,
    bool over)
{
	if (!l->valid || strcmp(l->from, day) > 0 || strcmp(day, l->to) > 0)
		return false;
	if (!leave_needs_approval(f, l->from, l->to))
		return true;
	if (l->approved_at == 0)
		return !over;
	return l->approved_at <= att_shift_edge(f, day, true);
}

void
att_span_free(struct span *sp)
{
	free(sp->marks);
	free(sp->leaves);
	free(sp->abs);
	free(sp->expl);
}

static int
span_tick(void *arg, const struct att_tick *t)
{
	struct span *sp = arg;
	int si = floor_staff_find(sp->floor, t->staff);
	struct tick *k;

	if (si < 0)
		return 0;	/* someone no longer on the floor counts nowhere */
	if (sp->nmarks == sp->capmarks) {
		sp->capmarks = sp->capmarks ? 2 * sp->capmarks : 1024;
		sp->marks = xrealloc(sp->marks, (size_t)sp->capmarks *
		    sizeof *sp->marks);
	}
	k = &sp->marks[sp->nmarks++];
	k->day = clock_day_number(t->day);
	k->staff = si;
	k->minutes = t->minutes;
	k->in = t->kind == ATT_IN;
	return 0;
}

int
att_span_load(const struct floor *f, struct store *s, const char *ticks_from,
    const char *from, const char *to, struct span *sp, struct err *e)
{
	const char **codes;
	int n, rc;

	memset(sp, 0, sizeof *sp);
	rc = store_att_first_day(s, sp->first, e);
	if (rc < 0)
		return -1;
	if (rc > 0)
		sp->first[0] = '\0';
	codes = floor_absence_codes(f, &n);
	sp->floor = f;
	/* A sign-out on time counts nowhere (0 > half_day_after_minutes
	 * is false unless that is negative): not read. */
	if (store_att_each(s, ticks_from, to, f->att.half_day_after_minutes < 0,
	    span_tick, sp, e) < 0 ||
	    store_leave_range(s, from, to, &sp->leaves, &sp->nleaves, e) < 0 ||
	    store_incidents_of_rules(s, from, to, codes, n, &sp->abs, &sp->nabs,
	    e) < 0 ||
	    store_explain_range(s, from, to, &sp->expl, &sp->nexpl, e) < 0) {
		free(codes);
		att_span_free(sp);
		return -1;
	}
	free(codes);
	return 0;
}

static void
tally_month_roll(const struct floor *f, struct tally *t, const char *day)
{
	if (strncmp(t->month, day, 7) == 0)
		return;
	if (t->month[0] && f->att.lates_per_month_absence > 0 &&
	    t->late_m + t->early_m > f->att.lates_per_month_absence)
		t->over_months++;
	snprintf(t->month, sizeof t->month, "%.7s", day);
	t->late_m = t->early_m = t->half_m = t->absent_m = t->meeting_halves_m = 0;
	t->personal_m = t->sick_m = 0;
}

/* MEETING, ABSENCE and the like marked on day: half days of absence. */
static void
count_absence_marks(const struct floor *f, const struct span *sp,
    const char *day, int *ai, struct tally *tl)
{
	for (; *ai < sp->nabs && strcmp(sp->abs[*ai].day, day) < 0; (*ai)++)
		;
	for (; *ai < sp->nabs && strcmp(sp->abs[*ai].day, day) == 0; (*ai)++) {
		int si = floor_staff_find(f, sp->abs[*ai].staff);
		int r = floor_rule_find(f, sp->abs[*ai].rule);

		if (si >= 0 && r >= 0) {
			tally_month_roll(f, &tl[si], day);
			tl[si].meeting_halves_m += f->rules[r].t.absence_halfdays;
			tl[si].meeting_halves_total += f->rules[r].t.absence_halfdays;
		}
	}
}

static void
tally_day(const struct floor *f, const struct span *sp, const char *day,
    time_t now, int *mi, int *ai, struct tally *tl, struct att_day *out)
{
	bool work = floor_workday(f, day);
	bool tracked = sp->first[0] && strcmp(day, sp->first) >= 0;
	int key = clock_day_number(day);
	bool over, *in, *expl;
	const struct leave **lv;
	int i;

	/* Months roll over on the 1st (and on the walk's first day). */
	if (strcmp(day + 8, "01") == 0 || tl[0].month[0] == '\0')
		for (i = 0; i < f->nstaff; i++)
			tally_month_roll(f, &tl[i], day);
	if (out)
		memset(out, 0, (size_t)f->nstaff * sizeof *out);
	/* A day nobody signed in on and attendance is not kept, that is not
	 * the day asked about, changes no status: only MEETING-like marks
	 * count (the usual day on a floor that keeps no attendance). */
	if (!(work && tracked) && out == NULL &&
	    (*mi >= sp->nmarks || sp->marks[*mi].day > key)) {
		count_absence_marks(f, sp, day, ai, tl);
		return;
	}
	in = xcalloc((size_t)f->nstaff + 1, sizeof *in);
	lv = xcalloc((size_t)f->nstaff + 1, sizeof *lv);
	expl = xcalloc((size_t)f->nstaff + 1, sizeof *expl);
	/* Explanations are few: a walk up to the day is cheap. */
	for (i = 0; i < sp->nexpl && strcmp(sp->expl[i].day, day) <= 0; i++) {
		int si = strcmp(sp->expl[i].day, day) == 0 ?
		    floor_staff_find(f, sp->expl[i].staff) : -1;

		if (si >= 0)
			expl[si] = true;
	}
	over = attendance_day_over(f, day, now);
	for (i = 0; i < sp->nleaves; i++) {
		const struct leave *l = &sp->leaves[i];
		int si;

		if (leave_covers(f, l, day, over) &&
		    (si = floor_staff_find(f, l->staff)) >= 0 && lv[si] == NULL)
			lv[si] = l;
	}
	for (; *mi < sp->nmarks && sp->marks[*mi].day < key; (*mi)++)
		;
	for (; *mi < sp->nmarks && sp->marks[*mi].day == key; (*mi)++) {
		const struct tick *m = &sp->marks[*mi];
		int si = m->staff;

		if (m->in) {
			in[si] = true;
			if (m->minutes > 0) {
				tl[si].late_m++;
				tl[si].late_y++;
			}
		} else if (m->minutes > 0) {
			tl[si].early_m++;
			tl[si].late_y++;
		}
		if (m->minutes > f->att.half_day_after_minutes)
			tl[si].half_m++;
		if (out) {
			if (m->in)
				out[si].late_minutes = m->minutes;
			else
				out[si].early_minutes = m->minutes;
			out[si].half_day |= m->minutes > f->att.half_day_after_minutes;
		}
	}
	count_absence_marks(f, sp, day, ai, tl);
	for (i = 0; i < f->nstaff; i++) {
		const struct leave *l = lv[i];
		enum att_status st = ATT_UNTRACKED;

		if (l != NULL)
			st = ATT_ON_LEAVE;
		else if (in[i])
			st = out && out[i].late_minutes > 0 ? ATT_LATE : ATT_SIGNED_IN;
		else if (work && tracked && expl[i])
			st = ATT_EXPLAINED;	/* A2: no sign-in but explained */
		else if (work && tracked && out && sp->seen && sp->seen[i] && !over)
			st = ATT_SEEN;		/* at the desk, the shift still on */
		else if (work && tracked)
			st = over ? ATT_ABSENT : ATT_NOT_YET;
		if (st == ATT_ON_LEAVE && work) {
			if (strcmp(l->kind, "sick") == 0)
				tl[i].sick_m++;
			else
				tl[i].personal_m++;
		}
		if (st == ATT_ABSENT) {
			tl[i].absent_m++;
			tl[i].absent_total++;
			if (++tl[i].run > tl[i].max_run)
				tl[i].max_run = tl[i].run;
		} else if (work && st != ATT_NOT_YET && st != ATT_SEEN)
			tl[i].run = 0;
		if (out) {
			out[i].status = st;
			out[i].form_pending = l != NULL && l->form_at == 0;
			out[i].seen = sp->seen && sp->seen[i] && !in[i] && !expl[i] &&
			    l == NULL;
		}
	}
	free(in);
	free(lv);
	free(expl);
}

/* What a person's tally raises: the bonus forfeit and the numbers the
 * flags show (a raised flag's is at least 1; 0 when it is not raised).
 * halfdays: the month's absences in half days. */
static void
tally_key(const struct floor *f, const struct tally *t, struct flag_key *k,
    int *halfdays)
{
	const struct attendance *a = &f->att;
	bool over = a->lates_per_month_absence > 0 &&
	    t->late_m + t->early_m > a->lates_per_month_absence;
	int total_halves = 2 * t->absent_total + t->meeting_halves_total +
	    2 * (t->over_months + over);

	*halfdays = 2 * t->absent_m + t->meeting_halves_m + 2 * over;
	k->bonus = a->absences_month_forfeit > 0 &&
	    *halfdays >= 2 * a->absences_month_forfeit;
	k->late = a->lates_per_year_termination > 0 &&
	    t->late_y >= a->lates_per_year_termination ? t->late_y : 0;
	k->total = a->absences_total_termination > 0 &&
	    total_halves >= 2 * a->absences_total_termination ? total_halves : 0;
	k->run = a->consecutive_absences_termination > 0 &&
	    t->max_run >= a->consecutive_absences_termination ? t->max_run : 0;
}

/* Turns a person's tally into the month's figures and flags. */
static void
tally_month(const struct floor *f, const struct tally *t, struct att_month *m)
{
	struct flag_key k;

	memset(m, 0, sizeof *m);
	tally_key(f, t, &k, &m->absence_halfdays);
	m->late = t->late_m;
	m->early = t->early_m;
	m->half_days = t->half_m;
	m->personal_leave_days = t->personal_m;
	m->sick_leave_days = t->sick_m;
	m->bonus_forfeit = k.bonus;
	if (k.late)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%stermination: %d late/early this year "
		    "(A3c)"), m->flags[0] ? "; " : "", k.late);
	if (k.total)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%sautomatic termination: %d.%d days' "
		    "absence in total (A6b)"), m->flags[0] ? "; " : "", k.total / 2,
		    k.total % 2 * 5);
	if (k.run)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%stermination, fees withheld: %d "
		    "consecutive days' absence (A2)"), m->flags[0] ? "; " : "",
		    k.run);
}

/*
 * Walks the days from..upto of sp on top of tl.  day_out: the statuses of
 * upto; before_out: what the month raised the day before upto (left as
 * it is on the 1st).
 */
void
att_walk(const struct floor *f, const struct span *sp, const char *from,
    const char *upto, time_t now, struct tally *tl, struct att_day *day_out,
    struct flag_key *before_out)
{
	char d[DAY_LEN];
	int i, mi = 0, ai = 0, halfdays;

	for (memcpy(d, from, DAY_LEN); strcmp(d, upto) <= 0; clock_add_days(d, 1, d)) {
		bool last = strcmp(d, upto) == 0;

		if (last && before_out != NULL && strcmp(d + 7, "-01") != 0)
			for (i = 0; i < f->nstaff; i++)
				tally_key(f, &tl[i], &before_out[i], &halfdays);
		/* The year's late/early count starts again each January. */
		if (strcmp(d + 4, "-01-01") == 0)
			for (i = 0; i < f->nstaff; i++)
				tl[i].late_y = 0;
		tally_day(f, sp, d, now, &mi, &ai, tl, last ? day_out : NULL);
	}
}

/*
 * Counts the working days on leave from..to into tl (a day's carried row
 * holds every total but these): as tally_day counts them, for the days a
 * walk with no statuses asked of it passes.
 */
void
att_leave_days(const struct floor *f, const struct span *sp, const char *from,
    const char *to, time_t now, struct tally *tl)
{
	const struct leave **lv;
	char d[DAY_LEN];
	int i, si;

	if (sp->nleaves == 0 || sp->first[0] == '\0')
		return;
	lv = xcalloc((size_t)f->nstaff + 1, sizeof *lv);
	for (memcpy(d, from, DAY_LEN); strcmp(d, to) <= 0; clock_add_days(d, 1, d)) {
		bool over;

		if (!floor_workday(f, d) || strcmp(d, sp->first) < 0)
			continue;
		over = attendance_day_over(f, d, now);
		memset(lv, 0, (size_t)f->nstaff * sizeof *lv);
		for (i = 0; i < sp->nleaves; i++) {
			const struct leave *l = &sp->leaves[i];

			if (!leave_covers(f, l, d, over) ||
			    (si = floor_staff_find(f, l->staff)) < 0 || lv[si])
				continue;
			lv[si] = l;
			if (strcmp(l->kind, "sick") == 0)
				tl[si].sick_m++;
			else
				tl[si].personal_m++;
		}
	}
	free(lv);
}

/*
 * Tallies everyone up to and including `upto`: the carried totals up to
 * the day before (att_carry_upto), then the days after them.  Fills the
 * month of `upto` when month_out is set and, when day_out is set, the
 * statuses of `upto` itself with the thresholds crossed on it: what the
 * month raised (the bonus forfeit, a flag) that it had not the day
 * before (nothing before the 1st), taken from the same walk.
 */
static int
tally_upto(const struct floor *f, struct store *s, const char *upto,
    struct att_month *month_out, struct att_day *day_out, const bool *seen,
    struct err *e)
{
	struct flag_key *before = NULL, now_k;
	int halfdays;
	struct tally *tl;
	struct span sp;
	char from[DAY_LEN], walk_from[DAY_LEN], last[DAY_LEN];
	time_t now = clock_now();
	int i;

	tl = xcalloc((size_t)f->nstaff + 1, sizeof *tl);
	if (att_carry_upto(f, s, upto, now, tl, from, walk_from, e) < 0 ||
	    att_span_load(f, s, walk_from, from, upto, &sp, e) < 0) {
		free(tl);
		return -1;
	}
	sp.seen = seen;
	/* Carried to the day before walk_from: its leave days counted again. */
	if (strcmp(walk_from, from) > 0) {
		clock_add_days(walk_from, -1, last);
		att_leave_days(f, &sp, from, last, now, tl);
	}
	if (day_out)
		before = xcalloc((size_t)f->nstaff + 1, sizeof *before);
	att_walk(f, &sp, walk_from, upto, now, tl, day_out, before);
	for (i = 0; month_out && i < f->nstaff; i++)
		tally_month(f, &tl[i], &month_out[i]);
	/* The flags' texts show their numbers: they differ when these do. */
	for (i = 0; day_out && i < f->nstaff; i++) {
		tally_key(f, &tl[i], &now_k, &halfdays);
		day_out[i].threshold = (now_k.bonus && !before[i].bonus) ||
		    now_k.late != before[i].late || now_k.total != before[i].total ||
		    now_k.run != before[i].run;
	}
	free(before);
	free(tl);
	att_span_free(&sp);
	return 0;
}

int
attendance_month(const struct floor *f, struct store *s, const char *month,
    struct att_month *out, struct err *e)
{
	char first[DAY_LEN], last[DAY_LEN], today[DAY_LEN];

	snprintf(first, sizeof first, "%.7s-01", month);
	clock_month_last(first, last);
	clock_shift_day(f, clock_now(), today);
	/* A month still running is counted up to today. */
	return tally_upto(f, s, strcmp(today, last) < 0 ? today : last, out, NULL,
	    NULL, e);
}

/* Who was seen at their desk on day: whoever sits at a seat inspected
 * that day (seatmap_inspected: an i, or a mark made on the seat). */
static int
seen_at_desk(const struct floor *f, struct store *s, const char *day,
    bool *seen, struct err *e)
{
	char (*insp)[STORE_ID] = NULL;
	int n, i, seat;

	if (seatmap_inspected(f, s, day, &insp, &n, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((seat = floor_seat_find(f, insp[i])) >= 0 &&
		    f->seats[seat].staff >= 0)
			seen[f->seats[seat].staff] = true;
	free(insp);
	return 0;
}

int
attendance_day_seen(const struct floor *f, struct store *s, const char *day,
    const bool *seen, struct att_day *out, struct err *e)
{
	/* One walk gives today's statuses and the thresholds crossed (this
	 * runs at every console reload). */
	return tally_upto(f, s, day, NULL, out, seen, e);
}

int
attendance_day(const struct floor *f, struct store *s, const char *day,
    struct att_day *out, struct err *e)
{
	bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	int rc = seen_at_desk(f, s, day, seen, e);

	if (rc == 0)
		rc = attendance_day_seen(f, s, day, seen, out, e);
	free(seen);
	return rc;
}
