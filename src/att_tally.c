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

#include "../db/carry.h"
#include "att_internal.h"
#include "clock.h"
#include "seatmap.h"
#include "sha256.h"
#include "trail.h"

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

static void
span_free(struct span *sp)
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

static int
span_load(const struct floor *f, struct store *s, const char *from,
    const char *to, struct span *sp, struct err *e)
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
	if (store_att_each(s, from, to, f->att.half_day_after_minutes < 0,
	    span_tick, sp, e) < 0 ||
	    store_leave_range(s, from, to, &sp->leaves, &sp->nleaves, e) < 0 ||
	    store_incidents_of_rules(s, from, to, codes, n, &sp->abs, &sp->nabs,
	    e) < 0 ||
	    store_explain_range(s, from, to, &sp->expl, &sp->nexpl, e) < 0) {
		free(codes);
		span_free(sp);
		return -1;
	}
	free(codes);
	return 0;
}

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

/* Turns a person's tally into the month's figures and flags. */
static void
tally_month(const struct floor *f, const struct tally *t, struct att_month *m)
{
	const struct attendance *a = &f->att;
	bool over = a->lates_per_month_absence > 0 &&
	    t->late_m + t->early_m > a->lates_per_month_absence;
	int total_halves = 2 * t->absent_total + t->meeting_halves_total +
	    2 * (t->over_months + over);

	memset(m, 0, sizeof *m);
	m->late = t->late_m;
	m->early = t->early_m;
	m->half_days = t->half_m;
	m->personal_leave_days = t->personal_m;
	m->sick_leave_days = t->sick_m;
	m->absence_halfdays = 2 * t->absent_m + t->meeting_halves_m + 2 * over;
	m->bonus_forfeit = a->absences_month_forfeit > 0 &&
	    m->absence_halfdays >= 2 * a->absences_month_forfeit;
	if (a->lates_per_year_termination > 0 &&
	    t->late_y >= a->lates_per_year_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%stermination: %d late/early this year "
		    "(A3c)"), m->flags[0] ? "; " : "", t->late_y);
	if (a->absences_total_termination > 0 &&
	    total_halves >= 2 * a->absences_total_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%sautomatic termination: %d.%d days' "
		    "absence in total (A6b)"), m->flags[0] ? "; " : "", total_halves / 2,
		    total_halves % 2 * 5);
	if (a->consecutive_absences_termination > 0 &&
	    t->max_run >= a->consecutive_absences_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), _("%stermination, fees withheld: %d "
		    "consecutive days' absence (A2)"), m->flags[0] ? "; " : "",
		    t->max_run);
}

/* ---- carried totals ---- */

static void
month_step(const char *m, int by, char out[8])
{
	int y = atoi(m), mo = atoi(m + 5) + by;

	if (mo < 1) {
		mo = 12;
		y--;
	} else if (mo > 12) {
		mo = 1;
		y++;
	}
	y = y < 0 ? 0 : y % 10000;
	snprintf(out, 8, "%04d-%02d", y, mo % 100);
}

static void
month_last_day(const char *m, char out[DAY_LEN])
{
	char first[DAY_LEN];

	snprintf(first, sizeof first, "%.7s-01", m);
	clock_month_last(first, out);
}

/* A month is finished once the shift of its last day is over. */
static bool
month_finished(const struct floor *f, const char *m, time_t now)
{
	char last[DAY_LEN];

	month_last_day(m, last);
	return attendance_day_over(f, last, now);
}

/* The fingerprint of what the carried totals depend on in the
 * configuration: another one drops them all. */
static void
carry_key(const struct floor *f, char out[SHA256_HEX])
{
	struct buf b = { 0 };
	int i;

	buf_printf(&b, "carry 1\nworkdays %u\nshift %d %d\nhalf %d\nover %d\n",
	    f->workdays, f->shift_start, f->shift_end,
	    f->att.half_day_after_minutes, f->att.lates_per_month_absence);
	for (i = 0; i < f->nholidays; i++)
		buf_printf(&b, "holiday %s\n", f->holidays[i]);
	for (i = 0; i < f->nrules; i++)
		if (f->rules[i].t.absence_halfdays > 0)
			buf_printf(&b, "absence %s %d\n", f->rules[i].code,
			    f->rules[i].t.absence_halfdays);
	for (i = 0; i < f->nstaff; i++)
		buf_printf(&b, "staff %s\n", f->staff[i].id);
	sha256_hex(b.s ? b.s : "", b.len, out);
	buf_free(&b);
}

/* The first month anything counts in: the first sign-in, or the first
 * absence mark (MEETING); 1 when there is neither. */
static int
carry_start(const struct floor *f, struct store *s, char start[8],
    struct err *e)
{
	char day[DAY_LEN], mark[DAY_LEN];
	const char **codes;
	int n, rc1, rc2;

	rc1 = store_att_first_day(s, day, e);
	if (rc1 < 0)
		return -1;
	codes = floor_absence_codes(f, &n);
	rc2 = store_first_incident_of_rules(s, codes, n, mark, e);
	free(codes);
	if (rc2 < 0)
		return -1;
	if (rc1 > 0 && rc2 > 0)
		return 1;
	if (rc1 > 0 || (rc2 == 0 && strcmp(mark, day) < 0))
		memcpy(day, mark, DAY_LEN);
	snprintf(start, 8, "%.7s", day);
	return 0;
}

static void
carry_to_tally(const struct floor *f, const struct att_carry *rows, int n,
    struct tally *tl)
{
	int i, si;

	memset(tl, 0, (size_t)f->nstaff * sizeof *tl);
	for (i = 0; i < n; i++) {
		if ((si = floor_staff_find(f, rows[i].staff)) < 0)
			continue;
		tl[si].late_y = rows[i].late_year;
		tl[si].absent_total = rows[i].absent_total;
		tl[si].meeting_halves_total = rows[i].meeting_total;
		tl[si].over_months = rows[i].over_months;
		tl[si].run = rows[i].run;
		tl[si].max_run = rows[i].max_run;
	}
}

static void
tally_to_carry(const struct floor *f, const char *month,
    const struct tally *tl, struct att_carry *rows)
{
	int i, thr = f->att.lates_per_month_absence;

	for (i = 0; i < f->nstaff; i++) {
		const struct tally *t = &tl[i];
		struct att_carry *c = &rows[i];

		memset(c, 0, sizeof *c);
		snprintf(c->month, sizeof c->month, "%s", month);
		snprintf(c->staff, sizeof c->staff, "%s", f->staff[i].id);
		c->late = t->late_m;
		c->early = t->early_m;
		c->half = t->half_m;
		c->absent = t->absent_m;
		c->meeting_halves = t->meeting_halves_m;
		c->late_year = t->late_y;
		c->absent_total = t->absent_total;
		c->meeting_total = t->meeting_halves_total;
		c->over_months = t->over_months +
		    (thr > 0 && t->late_m + t->early_m > thr);
		c->run = t->run;
		c->max_run = t->max_run;
	}
}

/*
 * Walks the days from..upto of sp on top of tl.  day_out: the statuses of
 * upto; before_out: the month as it stood the day before upto (left as
 * it is on the 1st).
 */
static void
walk(const struct floor *f, const struct span *sp, const char *from,
    const char *upto, time_t now, struct tally *tl, struct att_day *day_out,
    struct att_month *before_out)
{
	char d[DAY_LEN];
	int i, mi = 0, ai = 0;

	for (memcpy(d, from, DAY_LEN); strcmp(d, upto) <= 0; clock_add_days(d, 1, d)) {
		bool last = strcmp(d, upto) == 0;

		if (last && before_out != NULL && strcmp(d + 7, "-01") != 0)
			for (i = 0; i < f->nstaff; i++)
				tally_month(f, &tl[i], &before_out[i]);
		/* The year's late/early count starts again each January. */
		if (strcmp(d + 4, "-01-01") == 0)
			for (i = 0; i < f->nstaff; i++)
				tl[i].late_y = 0;
		tally_day(f, sp, d, now, &mi, &ai, tl, last ? day_out : NULL);
	}
}

/* Settles month on top of tl (what is carried into it): rows gets the
 * month's carried totals (f->nstaff of them), and tl them again. */
static int
settle_month(const struct floor *f, struct store *s, const char *month,
    time_t now, struct tally *tl, struct att_carry *rows, struct err *e)
{
	char from[DAY_LEN], to[DAY_LEN];
	struct span sp;

	snprintf(from, sizeof from, "%s-01", month);
	month_last_day(month, to);
	if (span_load(f, s, from, to, &sp, e) < 0)
		return -1;
	walk(f, &sp, from, to, now, tl, NULL, NULL);
	span_free(&sp);
	tally_to_carry(f, month, tl, rows);
	carry_to_tally(f, rows, f->nstaff, tl);
	return 0;
}

static store_progress_fn *progress_fn;
static void *progress_arg;

void
attendance_on_progress(store_progress_fn *fn, void *arg)
{
	progress_fn = fn;
	progress_arg = arg;
}

/* Months from..to, both "YYYY-MM", counted in: 0 when to is before. */
static long long
months_between(const char *from, const char *to)
{
	int fy, fm, ty, tm;

	if (sscanf(from, "%4d-%2d", &fy, &fm) != 2 ||
	    sscanf(to, "%4d-%2d", &ty, &tm) != 2 || strcmp(from, to) > 0)
		return 0;
	return (long long)(ty - fy) * 12 + (tm - fm) + 1;
}

/*
 * Fills tl with the totals carried to the end of month `through` (zero
 * before `start`), settling the months not yet stored; with `write`
 * (inside the caller's transaction) stores them.
 */
static int
carry_settle(const struct floor *f, struct store *s, const char *start,
    const char *through, time_t now, bool write, struct tally *tl,
    struct err *e)
{
	char key[SHA256_HEX], stored[SHA256_HEX], have[8], cur[8];
	struct att_carry *rows = NULL;
	long long total, done = 0;
	int n = 0, rc;

	carry_key(f, key);
	rc = store_meta_get(s, "carry_key", stored, sizeof stored, e);
	if (rc < 0)
		return -1;
	if (rc > 0 || strcmp(stored, key) != 0) {
		if (write && (store_carry_drop(s, NULL, e) < 0 ||
		    store_meta_set(s, "carry_key", key, e) < 0))
			return -1;
		rc = 1;
	} else if ((rc = store_carry_last(s, have, e)) < 0)
		return -1;
	if (rc == 0 && strcmp(have, through) > 0)
		memcpy(have, through, sizeof have);
	if (rc == 0 && strcmp(have, start) >= 0) {
		if (store_carry_month(s, have, &rows, &n, e) < 0)
			return -1;
		carry_to_tally(f, rows, n, tl);
		free(rows);
		month_step(have, 1, cur);
	} else {
		memset(tl, 0, (size_t)f->nstaff * sizeof *tl);
		memcpy(cur, start, sizeof cur);
	}
	/* Each month walks every day of everyone: on a large floor with
	 * months to settle, this is what takes seconds. */
	total = months_between(cur, through);
	if (progress_fn && total > 0)
		progress_fn(progress_arg, _("attendance: months counted"), 0, total);
	rows = xcalloc((size_t)f->nstaff + 1, sizeof *rows);
	for (rc = 0; rc == 0 && strcmp(cur, through) <= 0; month_step(cur, 1, cur)) {
		rc = settle_month(f, s, cur, now, tl, rows, e);
		if (rc == 0 && write)
			rc = store_carry_put(s, rows, f->nstaff, e);
		if (progress_fn && total > 0)
			progress_fn(progress_arg, _("attendance: months counted"),
			    rc == 0 ? ++done : total, total);
	}
	free(rows);
	return rc;
}

/*
 * What is carried into the walk that ends on upto: tl gets the totals to
 * the end of the last finished month before upto's, from the first day
 * still to walk (the 1st of the month after it).
 */
static int
carry_load(const struct floor *f, struct store *s, const char *upto,
    time_t now, struct tally *tl, char from[DAY_LEN], struct err *e)
{
	char through[8], start[8], have[8], key[SHA256_HEX], stored[SHA256_HEX];
	struct att_carry *rows;
	int rc, n, k;

	snprintf(through, sizeof through, "%.7s", upto);
	month_step(through, -1, through);
	for (k = 0; k < 3 && !month_finished(f, through, now); k++)
		month_step(through, -1, through);
	month_step(through, 1, from);
	snprintf(from + 7, DAY_LEN - 7, "-01");
	rc = carry_start(f, s, start, e);
	if (rc != 0 || strcmp(start, through) > 0) {
		memset(tl, 0, (size_t)f->nstaff * sizeof *tl);
		return rc < 0 ? -1 : 0;
	}
	if (store_readonly(s) || store_in_transaction(s))
		return carry_settle(f, s, start, through, now, false, tl, e);
	/* Settled already (the usual case): one month's rows. */
	carry_key(f, key);
	if (store_meta_get(s, "carry_key", stored, sizeof stored, e) == 0 &&
	    strcmp(stored, key) == 0 && store_carry_last(s, have, e) == 0 &&
	    strcmp(have, through) >= 0 &&
	    store_carry_month(s, through, &rows, &n, e) == 0) {
		if (n > 0 || f->nstaff == 0) {
			carry_to_tally(f, rows, n, tl);
			free(rows);
			return 0;
		}
		free(rows);	/* dropped meanwhile: settle below */
	}
	/* Settle under the write lock, so that no write dated into these
	 * months slips in between; where the store cannot be written now,
	 * compute without keeping. */
	if (store_begin(s, e) < 0)
		return carry_settle(f, s, start, through, now, false, tl, e);
	if (carry_settle(f, s, start, through, now, true, tl, e) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
attendance_settle(const struct floor *f, struct store *s, const char *day,
    struct err *e)
{
	struct tally *tl = xcalloc((size_t)f->nstaff + 1, sizeof *tl);
	char from[DAY_LEN];
	int rc = carry_load(f, s, day, clock_now(), tl, from, e);

	free(tl);
	return rc;
}

/*
 * Tallies everyone up to and including `upto`: the carried totals of the
 * months before, then the days of upto's month.  Fills the month of `upto`
 * and, when day_out is set, the statuses of `upto` itself; when before_out
 * is set, also the month as it stood the day before `upto` (all zero on
 * the 1st): the same walk, taken one day earlier.
 */
static int
tally_upto(const struct floor *f, struct store *s, const char *upto,
    struct att_month *month_out, struct att_day *day_out,
    struct att_month *before_out, const bool *seen, struct err *e)
{
	struct tally *tl;
	struct span sp;
	char from[DAY_LEN];
	time_t now = clock_now();
	int i;

	tl = xcalloc((size_t)f->nstaff + 1, sizeof *tl);
	if (carry_load(f, s, upto, now, tl, from, e) < 0 ||
	    span_load(f, s, from, upto, &sp, e) < 0) {
		free(tl);
		return -1;
	}
	sp.seen = seen;
	walk(f, &sp, from, upto, now, tl, day_out, before_out);
	for (i = 0; month_out && i < f->nstaff; i++)
		tally_month(f, &tl[i], &month_out[i]);
	free(tl);
	span_free(&sp);
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
	    NULL, NULL, e);
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
	struct att_month *now_m, *before_m;
	int i, rc;

	now_m = xcalloc((size_t)f->nstaff + 1, sizeof *now_m);
	before_m = xcalloc((size_t)f->nstaff + 1, sizeof *before_m);
	/* One walk gives both today's month and yesterday's (this runs at
	 * every console reload). */
	rc = tally_upto(f, s, day, now_m, out, before_m, seen, e);
	/* A threshold crossed today: a flag or the bonus that was not there
	 * yesterday. */
	for (i = 0; rc == 0 && i < f->nstaff; i++)
		out[i].threshold = (now_m[i].bonus_forfeit && !before_m[i].bonus_forfeit) ||
		    strcmp(now_m[i].flags, before_m[i].flags) != 0;
	free(now_m);
	free(before_m);
	return rc;
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

/* ---- callfloor verify ---- */

static void
diff_field(struct buf *b, const char *name, int stored, int rebuilt)
{
	if (stored != rebuilt)
		/* TRANSLATORS: verify: a carried total, its stored value, the
		 * value rebuilt from the raw rows. */
		buf_printf(b, _("%s%s %d, rebuilt %d"), b->len ? "; " : "",
		    _(name), stored, rebuilt);
}

static void
diff_add(struct carry_diff **d, int *n, const char *month, const char *staff,
    const char *what)
{
	struct carry_diff *x;

	*d = xrealloc(*d, ((size_t)*n + 1) * sizeof **d);
	x = &(*d)[(*n)++];
	snprintf(x->month, sizeof x->month, "%s", month);
	snprintf(x->staff, sizeof x->staff, "%s", staff);
	snprintf(x->what, sizeof x->what, "%s", what);
}

static void
compare(const struct att_carry *st, const struct att_carry *rb,
    struct carry_diff **d, int *n)
{
	struct buf b = { 0 };

	diff_field(&b, N_("late"), st->late, rb->late);
	diff_field(&b, N_("early"), st->early, rb->early);
	diff_field(&b, N_("half days"), st->half, rb->half);
	diff_field(&b, N_("absent"), st->absent, rb->absent);
	diff_field(&b, N_("meeting half days"), st->meeting_halves, rb->meeting_halves);
	diff_field(&b, N_("late this year"), st->late_year, rb->late_year);
	diff_field(&b, N_("absent in total"), st->absent_total, rb->absent_total);
	diff_field(&b, N_("meeting half days in total"), st->meeting_total,
	    rb->meeting_total);
	diff_field(&b, N_("months over"), st->over_months, rb->over_months);
	diff_field(&b, N_("absence run"), st->run, rb->run);
	diff_field(&b, N_("longest run"), st->max_run, rb->max_run);
	if (b.len)
		diff_add(d, n, st->month, st->staff, b.s);
	buf_free(&b);
}

int
attendance_verify(const struct floor *f, struct store *s,
    const struct actor *a, bool repair, struct carry_diff **diffs,
    int *ndiffs, int *checked, struct err *e)
{
	char today[DAY_LEN], through[8], start[8], cur[8], key[SHA256_HEX];
	char stored_key[SHA256_HEX];
	struct att_carry *stored = NULL, *rebuilt = NULL, *month_rows;
	struct tally *tl;
	time_t now = clock_now();
	int nstored = 0, nrebuilt = 0, i, j, k, rc, have_start;
	bool *used;

	*diffs = NULL;
	*ndiffs = *checked = 0;
	if (repair && a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, _("%s is a %s: only a manager "
		    "repairs the carried totals"), a->login,
		    _(urole_name(a->role)));
	if (repair && store_begin(s, e) < 0)
		return -1;
	clock_shift_day(f, now, today);
	snprintf(through, sizeof through, "%.7s", today);
	month_step(through, -1, through);
	for (k = 0; k < 3 && !month_finished(f, through, now); k++)
		month_step(through, -1, through);
	rc = store_carry_all(s, &stored, &nstored, e);
	if (rc == 0)
		rc = store_meta_get(s, "carry_key", stored_key, sizeof stored_key, e);
	if (rc < 0)
		goto out;
	carry_key(f, key);
	if (nstored > 0 && (rc > 0 || strcmp(stored_key, key) != 0))
		diff_add(diffs, ndiffs, "", "", _("settled under another "
		    "configuration (work calendar, shift, thresholds or staff)"));
	have_start = carry_start(f, s, start, e);
	if (have_start < 0) {
		rc = -1;
		goto out;
	}
	used = xcalloc((size_t)nstored + 1, sizeof *used);
	tl = xcalloc((size_t)f->nstaff + 1, sizeof *tl);
	rc = 0;
	for (memcpy(cur, start, sizeof cur); have_start == 0 && rc == 0 &&
	    strcmp(cur, through) <= 0; month_step(cur, 1, cur)) {
		rebuilt = xrealloc(rebuilt, ((size_t)nrebuilt + f->nstaff + 1) *
		    sizeof *rebuilt);
		month_rows = rebuilt + nrebuilt;
		if ((rc = settle_month(f, s, cur, now, tl, month_rows, e)) < 0)
			break;
		nrebuilt += f->nstaff;
		/* Stored rows are by month then staff: those of cur. */
		for (i = 0; i < nstored; i++) {
			if (strcmp(stored[i].month, cur) != 0)
				continue;
			used[i] = true;
			(*checked)++;
			if ((j = floor_staff_find(f, stored[i].staff)) < 0)
				diff_add(diffs, ndiffs, cur, stored[i].staff,
				    _("carried for someone not on the floor"));
			else
				compare(&stored[i], &month_rows[j], diffs, ndiffs);
		}
	}
	for (i = 0; rc == 0 && i < nstored; i++)
		if (!used[i]) {
			(*checked)++;
			diff_add(diffs, ndiffs, stored[i].month, stored[i].staff,
			    _("carried for a month with nothing to carry (or "
			    "not finished)"));
		}
	free(used);
	free(tl);
	if (rc == 0 && repair) {
		char object[] = "attendance totals";

		rc = store_carry_drop(s, NULL, e);
		if (rc == 0)
			rc = store_carry_put(s, rebuilt, nrebuilt, e);
		if (rc == 0)
			rc = store_meta_set(s, "carry_key", key, e);
		if (rc == 0)
			rc = trail_write(f, s, a, "verify repair", object, e,
			    "%d carried totals differed from the raw rows; %d "
			    "rebuilt (%s to %s)", *ndiffs, nrebuilt,
			    have_start == 0 ? start : "-", through);
		if (rc == 0)
			rc = store_commit(s, e);
	}
out:
	if (repair && rc < 0)
		store_rollback(s);
	free(stored);
	free(rebuilt);
	if (rc < 0) {
		free(*diffs);
		*diffs = NULL;
		*ndiffs = 0;
	}
	return rc < 0 ? -1 : 0;
}
