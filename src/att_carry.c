/*
 * att_carry.c - the attendance totals carried forward (db/carry.h): per
 * person and finished month, so that a screen or a command walks the
 * days of its own month only, on top of the carried row of the month
 * before; and the running month's up to its last finished day, so that
 * the console's load and `callfloor map` walk today only.  A finished
 * month (or day) is settled (computed once from its raw rows, stored) by
 * the first command that needs it; a write dated into it drops it and the
 * later ones in its own transaction (attendance.c, engine.c).  Also
 * `callfloor verify`, which rebuilds them all from the raw rows.
 * Nothing here speaks SQL or curses.
 */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/carry.h"
#include "att_internal.h"
#include "clock.h"
#include "sha256.h"
#include "trail.h"

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
	for (i = 0; i < f->nstaff; i++) {	/* thousands: no printf */
		buf_add(&b, "staff ", 6);
		buf_puts(&b, f->staff[i].id);
		buf_add(&b, "\n", 1);
	}
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

/* The carried rows of key (a month, or the running month's last finished
 * day) from the tally at its end, the month's own figures included; a
 * finished month counts itself in over_months, a day does not yet. */
static void
tally_rows(const struct floor *f, const char *key, const struct tally *tl,
    struct att_carry *rows, bool month_end)
{
	int i, thr = f->att.lates_per_month_absence;

	for (i = 0; i < f->nstaff; i++) {
		const struct tally *t = &tl[i];
		struct att_carry *c = &rows[i];

		memset(c, 0, sizeof *c);
		snprintf(c->month, sizeof c->month, "%s", key);
		snprintf(c->staff, sizeof c->staff, "%s", f->staff[i].id);
		c->late = t->late_m;
		c->early = t->early_m;
		c->half = t->half_m;
		c->absent = t->absent_m;
		c->meeting_halves = t->meeting_halves_m;
		c->late_year = t->late_y;
		c->absent_total = t->absent_total;
		c->meeting_total = t->meeting_halves_total;
		c->over_months = t->over_months + (month_end && thr > 0 &&
		    t->late_m + t->early_m > thr);
		c->run = t->run;
		c->max_run = t->max_run;
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
	if (att_span_load(f, s, from, from, to, &sp, e) < 0)
		return -1;
	att_walk(f, &sp, from, to, now, tl, NULL, NULL);
	att_span_free(&sp);
	tally_rows(f, month, tl, rows, true);
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

/* The last month carried into a walk that ends on upto (the last finished
 * one before upto's, looking at most 4 back) and the 1st after it. */
static void
carry_through(const struct floor *f, const char *upto, time_t now,
    char through[8], char from[DAY_LEN])
{
	int k;

	snprintf(through, 8, "%.7s", upto);
	month_step(through, -1, through);
	for (k = 0; k < 3 && !month_finished(f, through, now); k++)
		month_step(through, -1, through);
	month_step(through, 1, from);
	snprintf(from + 7, DAY_LEN - 7, "-01");
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
	int rc, n;

	carry_through(f, upto, now, through, from);
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

/* ---- the running month, to its last finished day ---- */

/* The tally at the end of day from its rows (but the leave days). */
static void
day_to_tally(const struct floor *f, const char *day,
    const struct att_carry *rows, int n, struct tally *tl)
{
	int i, si;

	memset(tl, 0, (size_t)f->nstaff * sizeof *tl);
	for (i = 0; i < f->nstaff; i++)
		snprintf(tl[i].month, sizeof tl[i].month, "%.7s", day);
	for (i = 0; i < n; i++) {
		const struct att_carry *c = &rows[i];
		struct tally *t;

		if ((si = floor_staff_find(f, c->staff)) < 0)
			continue;
		t = &tl[si];
		t->late_m = c->late;
		t->early_m = c->early;
		t->half_m = c->half;
		t->absent_m = c->absent;
		t->meeting_halves_m = c->meeting_halves;
		t->late_y = c->late_year;
		t->absent_total = c->absent_total;
		t->meeting_halves_total = c->meeting_total;
		t->over_months = c->over_months;
		t->run = c->run;
		t->max_run = c->max_run;
	}
}

/* 1 when what is carried was settled under this configuration, else 0;
 * with write (in the caller's transaction) drops it all then and makes
 * this configuration's the one carried. */
static int
carry_key_current(const struct floor *f, struct store *s, bool write,
    struct err *e)
{
	char key[SHA256_HEX], stored[SHA256_HEX];
	int rc;

	carry_key(f, key);
	rc = store_meta_get(s, "carry_key", stored, sizeof stored, e);
	if (rc < 0)
		return -1;
	if (rc == 0 && strcmp(stored, key) == 0)
		return 1;
	if (write && (store_carry_drop(s, NULL, e) < 0 ||
	    store_meta_set(s, "carry_key", key, e) < 0))
		return -1;
	return 0;
}

/* Reads the rows of day into tl: 0, or 1 when there are none (dropped
 * meanwhile). */
static int
day_read(const struct floor *f, struct store *s, const char *day,
    struct tally *tl, struct err *e)
{
	struct att_carry *rows;
	int n;

	if (store_carry_month(s, day, &rows, &n, e) < 0)
		return -1;
	if (n > 0 || f->nstaff == 0)
		day_to_tally(f, day, rows, n, tl);
	free(rows);
	return n > 0 || f->nstaff == 0 ? 0 : 1;
}

/*
 * Settles the running month to day (the one before upto, today): under
 * the write lock, so that no write dated into it slips in between.
 * 1 when the store cannot be written now.
 */
static int
day_settle(const struct floor *f, struct store *s, const char *upto,
    const char *day, time_t now, struct tally *tl, char from[DAY_LEN],
    struct err *e)
{
	struct att_carry *rows;
	struct span sp;
	int rc;

	/* The months first (settled in their own transaction if they are
	 * not), then read again under the lock. */
	if (carry_load(f, s, upto, now, tl, from, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return 1;
	rc = carry_key_current(f, s, true, e) < 0 ||
	    carry_load(f, s, upto, now, tl, from, e) < 0 ||
	    att_span_load(f, s, from, from, day, &sp, e) < 0 ? -1 : 0;
	if (rc == 0) {
		att_walk(f, &sp, from, day, now, tl, NULL, NULL);
		att_span_free(&sp);
		rows = xcalloc((size_t)f->nstaff + 1, sizeof *rows);
		tally_rows(f, day, tl, rows, false);
		rc = store_carry_drop_days(s, e) < 0 ||
		    store_carry_put(s, rows, f->nstaff, e) < 0 ||
		    store_commit(s, e) < 0 ? -1 : 0;
		free(rows);
	}
	if (rc < 0)
		store_rollback(s);
	return rc;
}

int
att_carry_upto(const struct floor *f, struct store *s, const char *upto,
    time_t now, struct tally *tl, char from[DAY_LEN], char walk_from[DAY_LEN],
    struct err *e)
{
	char through[8], day[DAY_LEN], have[DAY_LEN], today[DAY_LEN];
	int rc;

	carry_through(f, upto, now, through, from);
	memcpy(walk_from, from, DAY_LEN);
	clock_add_days(upto, -1, day);
	/* Only the finished days of upto's own month are carried. */
	if (strncmp(from, upto, 7) != 0 || strcmp(day, from) < 0 ||
	    !attendance_day_over(f, day, now))
		return carry_load(f, s, upto, now, tl, from, e);
	rc = carry_key_current(f, s, false, e);
	if (rc < 0)
		return -1;
	rc = rc == 0 ? 1 : store_carry_last_day(s, from, day, have, e);
	if (rc < 0)
		return -1;
	if (rc == 0 && strcmp(have, day) == 0 &&
	    (rc = day_read(f, s, have, tl, e)) <= 0) {
		clock_add_days(day, 1, walk_from);
		return rc;
	}
	/* Settled by the first load of the day (on the day itself only:
	 * one day's rows are kept). */
	clock_shift_day(f, now, today);
	if (strcmp(upto, today) == 0 && !store_readonly(s) &&
	    !store_in_transaction(s)) {
		rc = day_settle(f, s, upto, day, now, tl, from, e);
		if (rc == 0)
			clock_add_days(day, 1, walk_from);
		if (rc <= 0)
			return rc;
	}
	/* An earlier day's rows, or the months'. */
	if (rc == 0 && strcmp(have, day) < 0 &&
	    (rc = day_read(f, s, have, tl, e)) <= 0) {
		clock_add_days(have, 1, walk_from);
		return rc;
	}
	return carry_load(f, s, upto, now, tl, from, e);
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

/*
 * The stored rows of the finished days of the month that starts on first
 * (stored: by month then staff), rebuilt on top of tl (what is carried
 * into that month, left as it is), compared and added to rebuilt.
 */
static int
verify_days(const struct floor *f, struct store *s, const char *first,
    time_t now, const struct tally *tl, const struct att_carry *stored,
    int nstored, bool *used, struct att_carry **rebuilt, int *nrebuilt,
    struct carry_diff **d, int *nd, int *checked, struct err *e)
{
	struct tally *t = NULL;
	struct att_carry *rows;
	struct span sp;
	int i, j, k, si;

	for (i = 0; i < nstored; i = k) {
		const char *day = stored[i].month;

		for (k = i; k < nstored && strcmp(stored[k].month, day) == 0; k++)
			;
		if (strlen(day) != DAY_LEN - 1 || strncmp(day, first, 7) != 0 ||
		    !attendance_day_over(f, day, now))
			continue;
		if (t == NULL)
			t = xcalloc((size_t)f->nstaff + 1, sizeof *t);
		memcpy(t, tl, (size_t)f->nstaff * sizeof *t);
		if (att_span_load(f, s, first, first, day, &sp, e) < 0) {
			free(t);
			return -1;
		}
		att_walk(f, &sp, first, day, now, t, NULL, NULL);
		att_span_free(&sp);
		*rebuilt = xrealloc(*rebuilt, ((size_t)*nrebuilt + f->nstaff + 1) *
		    sizeof **rebuilt);
		rows = *rebuilt + *nrebuilt;
		tally_rows(f, day, t, rows, false);
		*nrebuilt += f->nstaff;
		for (j = i; j < k; j++) {
			used[j] = true;
			(*checked)++;
			if ((si = floor_staff_find(f, stored[j].staff)) < 0)
				diff_add(d, nd, day, stored[j].staff,
				    _("carried for someone not on the floor"));
			else
				compare(&stored[j], &rows[si], d, nd);
		}
	}
	free(t);
	return 0;
}

int
attendance_verify(const struct floor *f, struct store *s,
    const struct actor *a, bool repair, struct carry_diff **diffs,
    int *ndiffs, int *checked, struct err *e)
{
	char today[DAY_LEN], through[8], start[8], cur[8], key[SHA256_HEX];
	char stored_key[SHA256_HEX], first[DAY_LEN];
	struct att_carry *stored = NULL, *rebuilt = NULL, *month_rows;
	struct tally *tl;
	time_t now = clock_now();
	int nstored = 0, nrebuilt = 0, i, j, rc, have_start;
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
	carry_through(f, today, now, through, first);
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
		snprintf(first, sizeof first, "%s-01", cur);
		if ((rc = verify_days(f, s, first, now, tl, stored, nstored, used,
		    &rebuilt, &nrebuilt, diffs, ndiffs, checked, e)) < 0)
			break;
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
	/* The running month's, to its last finished day. */
	if (rc == 0) {
		month_step(through, 1, cur);
		snprintf(first, sizeof first, "%s-01", cur);
		rc = verify_days(f, s, first, now, tl, stored, nstored, used,
		    &rebuilt, &nrebuilt, diffs, ndiffs, checked, e);
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
