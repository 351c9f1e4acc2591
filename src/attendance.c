/*
 * attendance.c - the rules of rulebook section 3, applied.  Sign-ins and
 * leave are recorded through db/attendance.c; lateness is fined through the
 * engine (rule LATE) in the same transaction; absences and thresholds are
 * derived here from what is recorded.  Nothing here speaks SQL or curses.
 */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "seatmap.h"
#include "trail.h"

static const char *status_names[] = { "-", N_("not yet signed in"), N_("signed in"),
	N_("late"), N_("on leave"), N_("absent"), N_("seen, not signed in"),
	N_("explained (no sign-in)") };
static const char status_letters[] = { ' ', '-', 'I', 'L', 'V', 'A', 'S', 'E' };

const char *att_status_name(enum att_status st) { return status_names[st]; }
char att_status_letter(enum att_status st) { return status_letters[st]; }

/* When the shift of day starts and ends, in floor-local time. */
static time_t
shift_edge(const struct floor *f, const char *day, bool end)
{
	char stamp[32];
	char next[DAY_LEN];
	int min = end ? f->shift_end : f->shift_start;
	time_t t;

	if (end && f->shift_end <= f->shift_start) {
		clock_add_days(day, 1, next);
		day = next;
	}
	snprintf(stamp, sizeof stamp, "%s %02d:%02d", day, (min / 60) % 24, min % 60);
	if (clock_parse_local(stamp, &t) < 0)
		return 0;
	return t;
}

static bool
shift_over(const struct floor *f, const char *day, time_t now)
{
	return now >= shift_edge(f, day, true);
}

/* Refuses a sign-in or sign-out outside its window (unless a manager
 * records it as outside the shift). */
static int
check_window(const struct floor *f, const struct actor *a, int kind,
    const struct att_mark *m, bool outside, struct err *e)
{
	time_t start = shift_edge(f, m->day, false), end = shift_edge(f, m->day, true);
	/* A sign-out's lower bound is the sign-in itself (checked with it). */
	time_t from = kind == ATT_IN ? start - (time_t)f->signin_window * 60 : 0;
	time_t to = kind == ATT_IN ? end : end + (time_t)f->signout_window * 60;
	char a1[32], a2[32], at[32];

	if (outside && a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, kind == ATT_IN ?
		    _("only a manager records a sign-in outside the shift (%s "
		    "is a %s)") : _("only a manager records a sign-out outside "
		    "the shift (%s is a %s)"), a->login, _(urole_name(a->role)));
	if (outside || (m->at >= from && m->at <= to))
		return 0;
	if (kind == ATT_IN)
		clock_format(from, a1, sizeof a1);
	else
		snprintf(a1, sizeof a1, "%s", _("the sign-in"));
	clock_format(to, a2, sizeof a2);
	clock_format(m->at, at, sizeof at);
	return err_set(e, EXIT_USAGE, kind == ATT_IN ?
	    _("a sign-in at %s is outside the shift of %s (accepted from %s to "
	    "%s); a manager records it with --at and --outside-shift") :
	    _("a sign-out at %s is outside the shift of %s (accepted from %s to "
	    "%s); a manager records it with --at and --outside-shift"),
	    at, m->day, a1, a2);
}

static int
sign(const struct floor *f, struct store *s, const struct actor *a, int staff,
    time_t at, bool at_given, bool outside, int kind,
    struct signin_result *out, struct err *e)
{
	struct att_mark m = { 0 }, in;
	time_t now = clock_now(), edge;
	int rc, rule;

	memset(out, 0, sizeof *out);
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not sign "
		    "people in or out"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (engine_check_time(a, at, at_given, now, e) < 0)
		return -1;
	snprintf(m.staff, sizeof m.staff, "%s", f->staff[staff].id);
	clock_shift_day(f, at, m.day);
	m.kind = kind;
	m.at = at;
	snprintf(m.by, sizeof m.by, "%s", a->login);
	if (floor_workday(f, m.day)) {
		edge = shift_edge(f, m.day, kind == ATT_OUT);
		if (kind == ATT_IN && at > edge + f->att.late_grace_minutes * 60)
			m.minutes = (int)((at - edge) / 60);
		if (kind == ATT_OUT && at < edge)
			m.minutes = (int)((edge - at + 59) / 60);
	}
	out->minutes = m.minutes;
	out->half_day = m.minutes > f->att.half_day_after_minutes;
	if (check_window(f, a, kind, &m, outside, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	rc = 0;
	/* A sign-out needs the day's sign-in; without one it is refused,
	 * never taken for an absence. */
	if (kind == ATT_OUT) {
		rc = store_att_live(s, m.staff, m.day, ATT_IN, &in, e);
		if (rc > 0)
			rc = err_set(e, EXIT_USAGE, _("%s (%s) has not signed in on %s: "
			    "a sign-out needs a sign-in first"), f->staff[staff].name,
			    f->staff[staff].id, m.day);
		else if (rc == 0 && at < in.at)
			rc = err_set(e, EXIT_USAGE, _("%s (%s) signed in later than "
			    "that, on %s"), f->staff[staff].name, f->staff[staff].id,
			    m.day);
	}
	if (rc == 0)
		rc = store_att_add(s, &m, e);
	if (rc > 0)
		err_set(e, EXIT_USAGE, kind == ATT_IN ?
		    _("%s (%s) is already signed in on %s") :
		    _("%s (%s) is already signed out on %s"),
		    f->staff[staff].name, f->staff[staff].id, m.day);
	/* Each late arrival is fined (A3a); early leave is not. */
	if (rc == 0 && kind == ATT_IN && m.minutes > 0 &&
	    (rule = floor_rule_find(f, "LATE")) >= 0) {
		struct mark_req r = { rule, staff, -1, -1, NULL, at, at_given };
		struct mark_result res;
		char note[64];

		snprintf(note, sizeof note, "%d minutes late", m.minutes);
		r.note = note;
		rc = engine_mark_in(f, s, a, &r, &res, e);
		if (rc == 0) {
			out->late_incident = res.in.id;
			out->late_fine = res.nfines > 0 ? res.fines[0].amount : 0;
			mark_result_free(&res);
		}
	}
	if (rc == 0) {
		char object[48], when[32];

		snprintf(object, sizeof object, "staff %s", m.staff);
		clock_format(at, when, sizeof when);
		rc = trail_write(f, s, a, kind == ATT_IN ? "sign-in" : "sign-out",
		    object, e, "%s, shift day %s; %d minutes %s", when, m.day,
		    m.minutes, kind == ATT_IN ? "late" : "early");
	}
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
attendance_signin(const struct floor *f, struct store *s, const struct actor *a,
    int staff, time_t at, bool at_given, bool outside,
    struct signin_result *out, struct err *e)
{
	return sign(f, s, a, staff, at, at_given, outside, ATT_IN, out, e);
}

int
attendance_signout(const struct floor *f, struct store *s,
    const struct actor *a, int staff, time_t at, bool at_given, bool outside,
    struct signin_result *out, struct err *e)
{
	return sign(f, s, a, staff, at, at_given, outside, ATT_OUT, out, e);
}

/* The LATE incident a sign-in caused: staff's live LATE of that day. */
static int
late_of(struct store *s, const char *staff, const char *day, int64_t *id,
    struct err *e)
{
	struct incident *in = NULL;
	int n, i;

	*id = 0;
	if (store_incidents(s, day, day, staff, &in, &n, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (in[i].voided_at == 0 && strcmp(in[i].rule, "LATE") == 0)
			*id = in[i].id;
	free(in);
	return 0;
}

int
attendance_signin_void(const struct floor *f, struct store *s,
    const struct actor *a, int staff, const char *day, const char *reason,
    int64_t *late, struct err *e)
{
	struct att_mark m;
	char object[48];
	int rc;

	*late = 0;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not void "
		    "sign-ins"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (engine_check_text(N_("reason"), reason, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_att_live(s, f->staff[staff].id, day, ATT_IN, &m, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("%s (%s) has no sign-in on %s to void"),
		    f->staff[staff].name, f->staff[staff].id, day);
	else if (rc == 0 && a->role != UROLE_MANAGER && strcmp(m.by, a->login) != 0)
		rc = err_set(e, EXIT_REFUSED, _("only a manager voids another's "
		    "sign-in (recorded by %s)"), m.by);
	if (rc == 0)
		rc = store_att_void(s, m.id, a->login, clock_now(), reason, e);
	if (rc == 0 && m.minutes > 0)
		rc = late_of(s, m.staff, day, late, e);
	if (rc == 0 && *late != 0)
		rc = engine_void_in(f, s, a, *late, reason, e);
	if (rc == 0) {
		snprintf(object, sizeof object, "staff %s", m.staff);
		rc = trail_write(f, s, a, "sign-in void", object, e, "sign-in of "
		    "shift day %s voided (%s)%s", day, reason, *late ?
		    "; its LATE mark voided too" : "");
	}
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
attendance_explain(const struct floor *f, struct store *s,
    const struct actor *a, int staff, const char *day, const char *note,
    struct err *e)
{
	struct explanation x = { 0 };
	char object[48];

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not record "
		    "attendance explanations"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (note == NULL || note[0] == '\0')
		return err_set(e, EXIT_USAGE, _("an explanation needs a note "
		    "(--note TEXT)"));
	if (engine_check_text(N_("note"), note, e) < 0)
		return -1;
	snprintf(x.staff, sizeof x.staff, "%s", f->staff[staff].id);
	snprintf(x.day, sizeof x.day, "%s", day);
	snprintf(x.note, sizeof x.note, "%s", note);
	snprintf(x.by, sizeof x.by, "%s", a->login);
	x.at = clock_now();
	snprintf(object, sizeof object, "staff %s", x.staff);
	if (store_begin(s, e) < 0)
		return -1;
	if (store_explain_add(s, &x, e) != 0 ||
	    trail_write(f, s, a, "explanation", object, e, "attendance "
	    "explanation for shift day %s: %s", day, note) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

static int
working_days(const struct floor *f, const char *from, const char *to)
{
	char d[DAY_LEN];
	int n = 0;

	for (memcpy(d, from, DAY_LEN); strcmp(d, to) <= 0; clock_add_days(d, 1, d))
		n += floor_workday(f, d);
	return n;
}

bool
leave_needs_approval(const struct floor *f, const char *from, const char *to)
{
	return working_days(f, from, to) > 1;
}

int
leave_check(const struct floor *f, const struct leave_req *r, char *why,
    size_t n)
{
	char asked[DAY_LEN];
	time_t start = shift_edge(f, r->from, false);

	if (r->via == VIA_SMS)
		return snprintf(why, n, "a text message is not a valid leave "
		    "request (A4)"), 1;
	if (r->via != VIA_WRITTEN && leave_needs_approval(f, r->from, r->to))
		return snprintf(why, n, "leave of more than one day must be "
		    "requested in writing (A5)"), 1;
	if (r->via == VIA_WRITTEN) {
		clock_shift_day(f, r->requested_at, asked);
		if (strcmp(asked, r->from) >= 0)
			return snprintf(why, n, "a written request must come at least "
			    "one day ahead (A4); it came on %s for %s", asked,
			    r->from), 1;
	}
	if (r->via == VIA_PHONE && r->requested_at > start - 3600)
		return snprintf(why, n, "a phone request must come at least one "
		    "hour before the shift (A4); it came %ld minutes before",
		    (long)((start - r->requested_at) / 60)), 1;
	why[0] = '\0';
	return 0;
}

int
attendance_leave(const struct floor *f, struct store *s, const struct actor *a,
    const struct leave_req *r, int64_t *id, bool *valid, struct err *e)
{
	static const char *kinds[] = { "sick", "personal" };
	static const char *vias[] = { "written", "phone", "sms" };
	struct leave l = { 0 };
	char why[STORE_TEXT];

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not record "
		    "leave"), a->login, _(urole_name(a->role)));
	if (strcmp(r->from, r->to) > 0)
		return err_set(e, EXIT_USAGE, _("leave from %s is after its end %s"),
		    r->from, r->to);
	if (r->requested_at > clock_now() + NOW_SLACK)
		return err_set(e, EXIT_USAGE, _("the request time is in the future"));
	if (a->role != UROLE_MANAGER &&
	    r->requested_at < clock_now() - LEAVE_BACKDATE_HOURS * 3600)
		return err_set(e, EXIT_REFUSED, _("%s is a %s: a request may be "
		    "dated at most %d hours back (a manager may record an older "
		    "one)"), a->login, _(urole_name(a->role)), LEAVE_BACKDATE_HOURS);
	*valid = leave_check(f, r, why, sizeof why) == 0;
	if (!*valid && !r->record_invalid)
		return err_set(e, EXIT_USAGE, _("leave refused: %s"), why);
	snprintf(l.staff, sizeof l.staff, "%s", f->staff[r->staff].id);
	memcpy(l.from, r->from, sizeof l.from);
	memcpy(l.to, r->to, sizeof l.to);
	snprintf(l.kind, sizeof l.kind, "%s", kinds[r->kind]);
	snprintf(l.via, sizeof l.via, "%s", vias[r->via]);
	l.requested_at = r->requested_at;
	l.valid = *valid;
	snprintf(l.why_invalid, sizeof l.why_invalid, "%s", *valid ? "" : why);
	l.form_at = r->via == VIA_WRITTEN ? r->requested_at : 0;
	snprintf(l.recorded_by, sizeof l.recorded_by, "%s", a->login);
	l.recorded_at = clock_now();
	if (store_begin(s, e) < 0)
		return -1;
	if (store_leave_add(s, &l, e) < 0 ||
	    trail_leave(f, s, a, &l, e) < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	*id = l.id;
	return 0;
}

int
attendance_leave_approve(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e)
{
	struct leave l;
	int rc;

	if (a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, _("%s is a %s: only a manager "
		    "approves leave (A5)"), a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_leave_get(s, id, &l, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("there is no leave request %lld"),
		    (long long)id);
	else if (rc == 0 && !l.valid)
		rc = err_set(e, EXIT_USAGE, _("leave request %lld is invalid (%s); "
		    "there is nothing to approve"), (long long)id, l.why_invalid);
	else if (rc == 0 && l.approved_at != 0)
		rc = err_set(e, EXIT_USAGE, _("leave request %lld was approved by "
		    "%s already"), (long long)id, l.approved_by);
	else if (rc == 0 && !leave_needs_approval(f, l.from, l.to))
		rc = err_set(e, EXIT_USAGE, _("leave request %lld is for one "
		    "working day and needs no approval (A5)"), (long long)id);
	else if (rc == 0)
		rc = store_leave_approve(s, id, a->login, clock_now(), e);
	if (rc == 0) {
		char object[40];

		snprintf(object, sizeof object, "leave %lld", (long long)id);
		rc = trail_write(f, s, a, "leave approve", object, e, "approved "
		    "%s's leave %s to %s", l.staff, l.from, l.to);
	}
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
attendance_leave_form(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e)
{
	struct leave l;
	int rc;

	(void)f;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not record "
		    "leave"), a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_leave_get(s, id, &l, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("there is no leave request %lld"),
		    (long long)id);
	else if (rc == 0 && l.form_at != 0)
		rc = err_set(e, EXIT_USAGE, _("leave request %lld already has its "
		    "written form"), (long long)id);
	else if (rc == 0)
		rc = store_leave_form(s, id, clock_now(), e);
	if (rc == 0) {
		char object[40];

		snprintf(object, sizeof object, "leave %lld", (long long)id);
		rc = trail_write(f, s, a, "leave form", object, e, "the written "
		    "form of %s's phone request came in", l.staff);
	}
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* ---- derived: absences and thresholds ---- */

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
	return l->approved_at <= shift_edge(f, day, true);
}

/* What is recorded over a span of days, loaded once. */
struct span {
	char first[DAY_LEN];		/* attendance kept since; "" never */
	struct att_mark *marks;
	int nmarks;
	struct leave *leaves;
	int nleaves;
	struct absence_incident *abs;
	int nabs;
	struct explanation *expl;	/* by day */
	int nexpl;
	const bool *seen;		/* seen at the desk on the last day */
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
span_load(const struct floor *f, struct store *s, const char *from,
    const char *to, struct span *sp, struct err *e)
{
	const char *codes[64];
	int i, n = 0, rc;

	memset(sp, 0, sizeof *sp);
	rc = store_att_first_day(s, sp->first, e);
	if (rc < 0)
		return -1;
	if (rc > 0)
		sp->first[0] = '\0';
	for (i = 0; i < f->nrules && n < 64; i++)
		if (f->rules[i].t.absence_halfdays > 0)
			codes[n++] = f->rules[i].code;
	if (store_att_range(s, from, to, &sp->marks, &sp->nmarks, e) < 0 ||
	    store_leave_range(s, from, to, &sp->leaves, &sp->nleaves, e) < 0 ||
	    store_incidents_of_rules(s, from, to, codes, n, &sp->abs, &sp->nabs,
	    e) < 0 ||
	    store_explain_range(s, from, to, &sp->expl, &sp->nexpl, e) < 0) {
		span_free(sp);
		return -1;
	}
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
	    (*mi >= sp->nmarks || strcmp(sp->marks[*mi].day, day) > 0)) {
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
	over = shift_over(f, day, now);
	for (i = 0; i < sp->nleaves; i++) {
		const struct leave *l = &sp->leaves[i];
		int si;

		if (leave_covers(f, l, day, over) &&
		    (si = floor_staff_find(f, l->staff)) >= 0 && lv[si] == NULL)
			lv[si] = l;
	}
	for (; *mi < sp->nmarks && strcmp(sp->marks[*mi].day, day) < 0; (*mi)++)
		;
	for (; *mi < sp->nmarks && strcmp(sp->marks[*mi].day, day) == 0; (*mi)++) {
		const struct att_mark *m = &sp->marks[*mi];
		int si = floor_staff_find(f, m->staff);

		if (si < 0)
			continue;
		if (m->kind == ATT_IN) {
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
			if (m->kind == ATT_IN)
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
	m->absence_halfdays = 2 * t->absent_m + t->meeting_halves_m + 2 * over;
	m->bonus_forfeit = a->absences_month_forfeit > 0 &&
	    m->absence_halfdays >= 2 * a->absences_month_forfeit;
	if (a->lates_per_year_termination > 0 &&
	    t->late_y >= a->lates_per_year_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), "%stermination: %d late/early this year (A3c)",
		    m->flags[0] ? "; " : "", t->late_y);
	if (a->absences_total_termination > 0 &&
	    total_halves >= 2 * a->absences_total_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), "%sautomatic termination: %d.%d days' absence "
		    "in total (A6b)", m->flags[0] ? "; " : "", total_halves / 2,
		    total_halves % 2 * 5);
	if (a->consecutive_absences_termination > 0 &&
	    t->max_run >= a->consecutive_absences_termination)
		snprintf(m->flags + strlen(m->flags), sizeof m->flags -
		    strlen(m->flags), "%stermination, fees withheld: %d consecutive "
		    "days' absence (A2)", m->flags[0] ? "; " : "", t->max_run);
}

/*
 * Tallies everyone from the first day attendance was kept (or from the
 * year's start) up to and including `upto`; fills the month of `upto`
 * and, when day_out is set, the statuses of `upto` itself.  When
 * before_out is set, it also fills the month as it stood the day before
 * `upto` (all zero on the 1st): the same walk, taken one day earlier.
 */
static int
tally_upto(const struct floor *f, struct store *s, const char *upto,
    struct att_month *month_out, struct att_day *day_out,
    struct att_month *before_out, const bool *seen, struct err *e)
{
	struct tally *tl;
	struct span sp;
	char from[DAY_LEN], d[DAY_LEN];
	time_t now = clock_now();
	int i, mi = 0, ai = 0;

	snprintf(from, sizeof from, "%.4s-01-01", upto);
	if (span_load(f, s, "0000-00-00", upto, &sp, e) < 0)
		return -1;
	sp.seen = seen;
	if (sp.first[0] && strcmp(sp.first, from) < 0)
		memcpy(from, sp.first, DAY_LEN);
	/* Absences before the year still count towards A6b's total. */
	if (sp.nabs > 0 && strcmp(sp.abs[0].day, from) < 0)
		memcpy(from, sp.abs[0].day, DAY_LEN);
	tl = xcalloc((size_t)f->nstaff + 1, sizeof *tl);
	for (memcpy(d, from, DAY_LEN); strcmp(d, upto) <= 0; clock_add_days(d, 1, d)) {
		bool last = strcmp(d, upto) == 0;

		if (last && before_out != NULL && strcmp(d + 7, "-01") != 0)
			for (i = 0; i < f->nstaff; i++)
				tally_month(f, &tl[i], &before_out[i]);
		/* The year's late/early count starts again each January. */
		if (strcmp(d + 4, "-01-01") == 0)
			for (i = 0; i < f->nstaff; i++)
				tl[i].late_y = 0;
		tally_day(f, &sp, d, now, &mi, &ai, tl, last ? day_out : NULL);
	}
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
attendance_day(const struct floor *f, struct store *s, const char *day,
    struct att_day *out, struct err *e)
{
	struct att_month *now_m, *before_m;
	bool *seen;
	int i, rc;

	now_m = xcalloc((size_t)f->nstaff + 1, sizeof *now_m);
	before_m = xcalloc((size_t)f->nstaff + 1, sizeof *before_m);
	seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	rc = seen_at_desk(f, s, day, seen, e);
	/* One walk gives both today's month and yesterday's (this runs at
	 * every console reload). */
	if (rc == 0)
		rc = tally_upto(f, s, day, now_m, out, before_m, seen, e);
	/* A threshold crossed today: a flag or the bonus that was not there
	 * yesterday. */
	for (i = 0; rc == 0 && i < f->nstaff; i++)
		out[i].threshold = (now_m[i].bonus_forfeit && !before_m[i].bonus_forfeit) ||
		    strcmp(now_m[i].flags, before_m[i].flags) != 0;
	free(now_m);
	free(before_m);
	free(seen);
	return rc;
}
