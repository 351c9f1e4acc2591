/*
 * attendance.c - the rules of rulebook section 3, applied.  Sign-ins and
 * leave are recorded through db/attendance.c; lateness is fined through the
 * engine (rule LATE) in the same transaction; absences and thresholds are
 * derived in att_tally.c from what is recorded; a write dated into a
 * finished month drops the totals carried from it (db/carry.h) in its own
 * transaction.  Nothing here speaks SQL or curses.
 */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/carry.h"
#include "att_import.h"
#include "att_internal.h"
#include "clock.h"
#include "progress.h"
#include "trail.h"

static const char *status_names[] = { "-", N_("not yet signed in"), N_("signed in"),
	N_("late"), N_("on leave"), N_("absent"), N_("seen, not signed in"),
	N_("explained (no sign-in)") };
static const char status_letters[] = { ' ', '-', 'I', 'L', 'V', 'A', 'S', 'E' };

const char *att_status_name(enum att_status st) { return status_names[st]; }
char att_status_letter(enum att_status st) { return status_letters[st]; }

/* When the shift of day starts and ends, in floor-local time. */
time_t
att_shift_edge(const struct floor *f, const char *day, bool end)
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

/* Refuses a sign-in or sign-out outside its window (unless a manager
 * records it as outside the shift). */
static int
check_window(const struct floor *f, const struct actor *a, int kind,
    const struct att_mark *m, bool outside, struct err *e)
{
	time_t start = att_shift_edge(f, m->day, false);
	time_t end = att_shift_edge(f, m->day, true);
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

/* Checks a sign-in or sign-out as signin/signout would (role, time,
 * window) and fills m; out gets its lateness. */
static int
sign_check(const struct floor *f, const struct actor *a, int staff, time_t at,
    bool at_given, bool outside, int kind, struct att_mark *m,
    struct signin_result *out, struct err *e)
{
	time_t now = clock_now(), edge;

	memset(out, 0, sizeof *out);
	memset(m, 0, sizeof *m);
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not sign "
		    "people in or out"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (engine_check_time(a, at, at_given, now, e) < 0)
		return -1;
	snprintf(m->staff, sizeof m->staff, "%s", f->staff[staff].id);
	clock_shift_day(f, at, m->day);
	m->kind = kind;
	m->at = at;
	snprintf(m->by, sizeof m->by, "%s", a->login);
	if (floor_workday(f, m->day)) {
		edge = att_shift_edge(f, m->day, kind == ATT_OUT);
		if (kind == ATT_IN && at > edge + f->att.late_grace_minutes * 60)
			m->minutes = (int)((at - edge) / 60);
		if (kind == ATT_OUT && at < edge)
			m->minutes = (int)((edge - at + 59) / 60);
	}
	out->minutes = m->minutes;
	out->half_day = m->minutes > f->att.half_day_after_minutes;
	return check_window(f, a, kind, m, outside, e);
}

/* Writes a checked sign-in or sign-out, its LATE mark and its audit line,
 * inside the caller's transaction. */
static int
sign_write(const struct floor *f, struct store *s, const struct actor *a,
    int staff, bool at_given, struct att_mark *m, struct signin_result *out,
    struct err *e)
{
	struct att_mark in;
	int rc = 0, rule, kind = m->kind;
	time_t at = m->at;

	rc = engine_check_open(s, m->day, e);
	/* A sign-out needs the day's sign-in; without one it is refused,
	 * never taken for an absence. */
	if (rc == 0 && kind == ATT_OUT) {
		rc = store_att_live(s, m->staff, m->day, ATT_IN, &in, e);
		if (rc > 0)
			rc = err_set(e, EXIT_USAGE, _("%s (%s) has not signed in on %s: "
			    "a sign-out needs a sign-in first"), f->staff[staff].name,
			    f->staff[staff].id, m->day);
		else if (rc == 0 && at < in.at)
			rc = err_set(e, EXIT_USAGE, _("%s (%s) signed in later than "
			    "that, on %s"), f->staff[staff].name, f->staff[staff].id,
			    m->day);
	}
	if (rc == 0)
		rc = store_att_add(s, m, e);
	/* A sign-in dated into a finished month changes what it carries. */
	if (rc == 0)
		rc = store_carry_drop(s, m->day, e);
	if (rc > 0)
		err_set(e, EXIT_USAGE, kind == ATT_IN ?
		    _("%s (%s) is already signed in on %s") :
		    _("%s (%s) is already signed out on %s"),
		    f->staff[staff].name, f->staff[staff].id, m->day);
	/* Each late arrival is fined (A3a); early leave is not. */
	if (rc == 0 && kind == ATT_IN && m->minutes > 0 &&
	    (rule = floor_rule_find(f, "LATE")) >= 0) {
		struct mark_req r = { rule, staff, -1, -1, NULL, at, at_given };
		struct mark_result res;
		char note[64];

		snprintf(note, sizeof note, "%d minutes late", m->minutes);
		r.note = note;
		rc = engine_mark(f, s, a, &r, &res, e);
		if (rc == 0) {
			out->late_incident = res.in.id;
			out->late_fine = res.nfines > 0 ? res.fines[0].amount : 0;
			mark_result_free(&res);
		}
	}
	if (rc == 0) {
		char object[48], when[32];

		snprintf(object, sizeof object, "staff %s", m->staff);
		clock_format(at, when, sizeof when);
		rc = trail_write(f, s, a, kind == ATT_IN ? "sign-in" : "sign-out",
		    object, e, "%s, shift day %s; %d minutes %s", when, m->day,
		    m->minutes, kind == ATT_IN ? "late" : "early");
	}
	return rc == 0 ? 0 : -1;
}

static int
sign(const struct floor *f, struct store *s, const struct actor *a, int staff,
    time_t at, bool at_given, bool outside, int kind,
    struct signin_result *out, struct err *e)
{
	struct att_mark m;

	if (sign_check(f, a, staff, at, at_given, outside, kind, &m, out, e) < 0 ||
	    store_begin(s, e) < 0)
		return -1;
	if (sign_write(f, s, a, staff, at_given, &m, out, e) < 0 ||
	    store_commit(s, e) < 0) {
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
	rc = engine_check_open(s, day, e);
	if (rc == 0)
		rc = store_att_live(s, f->staff[staff].id, day, ATT_IN, &m, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("%s (%s) has no sign-in on %s to void"),
		    f->staff[staff].name, f->staff[staff].id, day);
	else if (rc == 0 && a->role != UROLE_MANAGER && strcmp(m.by, a->login) != 0)
		rc = err_set(e, EXIT_REFUSED, _("only a manager voids another's "
		    "sign-in (recorded by %s)"), m.by);
	if (rc == 0)
		rc = store_att_void(s, m.id, a->login, clock_now(), reason, e);
	if (rc == 0)
		rc = store_carry_drop(s, day, e);
	if (rc == 0 && m.minutes > 0)
		rc = late_of(s, m.staff, day, late, e);
	if (rc == 0 && *late != 0)
		rc = engine_void(f, s, a, *late, reason[0] ? reason :
		    "sign-in voided", e);
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
	{
		char today[DAY_LEN], oldest[DAY_LEN];

		/* A day that has not come is explained by nobody; a supervisor
		 * records yesterday's and the day before's explanations, as with
		 * leave (LEAVE_BACKDATE_HOURS); older ones are a manager's. */
		clock_shift_day(f, clock_now(), today);
		clock_add_days(today, -(LEAVE_BACKDATE_HOURS / 24), oldest);
		if (strcmp(day, today) > 0)
			return err_set(e, EXIT_USAGE, _("%s has not come yet; an "
			    "explanation is for a day that has begun"), day);
		if (a->role != UROLE_MANAGER && strcmp(day, oldest) < 0)
			return err_set(e, EXIT_REFUSED, "%s is a %s: an explanation "
			    "may be recorded at most %d days back (%s); a manager "
			    "records an older one", a->login, urole_name(a->role),
			    LEAVE_BACKDATE_HOURS / 24, oldest);
	}
	snprintf(x.staff, sizeof x.staff, "%s", f->staff[staff].id);
	snprintf(x.day, sizeof x.day, "%s", day);
	snprintf(x.note, sizeof x.note, "%s", note);
	snprintf(x.by, sizeof x.by, "%s", a->login);
	x.at = clock_now();
	snprintf(object, sizeof object, "staff %s", x.staff);
	if (store_begin(s, e) < 0)
		return -1;
	if (engine_check_open(s, day, e) < 0 ||
	    store_explain_add(s, &x, e) != 0 ||
	    store_carry_drop(s, day, e) < 0 ||
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
	time_t start = att_shift_edge(f, r->from, false);

	if (r->via == VIA_SMS)
		return snprintf(why, n, _("a text message is not a valid leave "
		    "request (A4)")), 1;
	if (r->via != VIA_WRITTEN && leave_needs_approval(f, r->from, r->to))
		return snprintf(why, n, _("leave of more than one day must be "
		    "requested in writing (A5)")), 1;
	if (r->via == VIA_WRITTEN) {
		clock_shift_day(f, r->requested_at, asked);
		if (strcmp(asked, r->from) >= 0)
			return snprintf(why, n, _("a written request must come at least "
			    "one day ahead (A4); it came on %s for %s"), asked,
			    r->from), 1;
	}
	if (r->via == VIA_PHONE && r->requested_at > start - 3600)
		return snprintf(why, n, _("a phone request must come at least one "
		    "hour before the shift (A4); it came %ld minutes before"),
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
	if (engine_check_open_span(s, l.from, l.to, e) < 0 ||
	    store_leave_add(s, &l, e) < 0 ||
	    store_carry_drop(s, l.from, e) < 0 ||
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
	else if (rc == 0 && engine_check_open_span(s, l.from, l.to, e) < 0)
		rc = -1;
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

/* ---- signin --import ---- */

static int
row_order(const void *pa, const void *pb)
{
	const struct import_row *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->line - b->line;
}

static int
mark_order(const void *pa, const void *pb)
{
	const struct att_mark *a = pa, *b = pb;
	int c = strcmp(a->staff, b->staff);

	if (c == 0)
		c = strcmp(a->day, b->day);
	if (c == 0)
		c = a->kind - b->kind;
	if (c == 0 && a->at != b->at)
		c = a->at < b->at ? -1 : 1;
	return c;
}

/* What the file's earlier rows (in time order) recorded for one person. */
struct import_seen {
	char in_day[DAY_LEN], out_day[DAY_LEN];
	int64_t in_at, out_at;
};

/* Judges one row against the store and the file's earlier rows: 0 to
 * write, 1 already recorded, -1 an error (in e). */
static int
import_judge(const struct floor *f, struct store *s, const struct actor *a,
    const struct import_row *r, bool outside, const struct att_mark *voided,
    int nvoided, struct import_seen *seen, struct att_mark *m, struct err *e)
{
	const struct staff *p = &f->staff[r->staff];
	struct import_seen *sn = &seen[r->staff];
	struct signin_result res;
	struct att_mark live;
	char when[32];
	int rc;

	if (sign_check(f, a, r->staff, r->at, true, outside, r->kind, m, &res,
	    e) < 0)
		return -1;
	/* A row dated into a closed month is an error of the file, before
	 * anything is written (not a refusal halfway through). */
	if (engine_check_open(s, m->day, e) != 0)
		return -1;
	if (nvoided > 0 &&
	    bsearch(m, voided, (size_t)nvoided, sizeof *voided, mark_order))
		return 1;	/* voided since: never brought back */
	rc = store_att_live(s, m->staff, m->day, r->kind, &live, e);
	if (rc < 0)
		return -1;
	if (rc == 0 && live.at == m->at)
		return 1;	/* imported before */
	if (rc == 0) {
		clock_format((time_t)live.at, when, sizeof when);
		return err_set(e, EXIT_USAGE, r->kind == ATT_IN ?
		    _("%s (%s) is already signed in on %s (at %s)") :
		    _("%s (%s) is already signed out on %s (at %s)"), p->name,
		    p->id, m->day, when);
	}
	/* The file's own earlier rows. */
	if (strcmp(r->kind == ATT_IN ? sn->in_day : sn->out_day, m->day) == 0) {
		int64_t prev = r->kind == ATT_IN ? sn->in_at : sn->out_at;

		if (prev == m->at)
			return 1;	/* the same row twice */
		clock_format((time_t)prev, when, sizeof when);
		return err_set(e, EXIT_USAGE, r->kind == ATT_IN ?
		    _("%s (%s) is signed in on %s at %s by an earlier row") :
		    _("%s (%s) is signed out on %s at %s by an earlier row"),
		    p->name, p->id, m->day, when);
	}
	if (r->kind == ATT_OUT && strcmp(sn->in_day, m->day) != 0) {
		rc = store_att_live(s, m->staff, m->day, ATT_IN, &live, e);
		if (rc < 0)
			return -1;
		if (rc > 0)
			return err_set(e, EXIT_USAGE, _("%s (%s) has not signed in on "
			    "%s: a sign-out needs a sign-in first"), p->name, p->id,
			    m->day);
		if (m->at < live.at)
			return err_set(e, EXIT_USAGE, _("%s (%s) signed in later than "
			    "that, on %s"), p->name, p->id, m->day);
	}
	return 0;
}

int
attendance_import(const struct floor *f, struct store *s,
    const struct actor *a, struct import_row *rows, int n, bool outside,
    const char *name, struct buf *errs, int *added, int *skipped,
    struct err *e)
{
	struct import_seen *seen;
	struct att_mark *voided = NULL, m;
	struct signin_result res;
	struct progress prog;
	char from[DAY_LEN], to[DAY_LEN];
	signed char *judged;
	int nvoided = 0, i, rc = 0, batch;

	*added = *skipped = 0;
	if (a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, "%s is a %s: only a manager "
		    "imports sign-ins", a->login, urole_name(a->role));
	if (n == 0)
		return 0;
	qsort(rows, (size_t)n, sizeof *rows, row_order);
	clock_shift_day(f, rows[0].at, from);
	clock_add_days(from, -1, from);
	clock_shift_day(f, rows[n - 1].at, to);
	if (store_att_voided_range(s, from, to, &voided, &nvoided, e) < 0)
		return -1;
	if (nvoided > 0)
		qsort(voided, (size_t)nvoided, sizeof *voided, mark_order);
	seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	judged = xcalloc((size_t)n + 1, 1);
	/* The whole file first: every row as signin/signout would judge it. */
	for (i = 0; i < n; i++) {
		struct import_seen *sn = &seen[rows[i].staff];
		struct err re = { 0 };

		judged[i] = (signed char)import_judge(f, s, a, &rows[i], outside,
		    voided, nvoided, seen, &m, &re);
		if (judged[i] < 0) {
			if (re.code == EXIT_RUNTIME) {
				*e = re;
				rc = -1;
				break;
			}
			buf_printf(errs, "%s:%d: %s\n", name, rows[i].line, re.msg);
			continue;
		}
		memcpy(rows[i].kind == ATT_IN ? sn->in_day : sn->out_day, m.day,
		    DAY_LEN);
		*(rows[i].kind == ATT_IN ? &sn->in_at : &sn->out_at) = m.at;
	}
	free(seen);
	free(voided);
	/* Then in time order, a few hundred rows a transaction; a long
	 * import says how far it is (on a terminal only). */
	progress_start(&prog, _("importing sign-ins"), n);
	for (i = 0; rc == 0 && errs->len == 0 && i < n; i += batch) {
		struct err we;
		int k;

		progress_update(&prog, i);
		batch = n - i < 256 ? n - i : 256;
		if (store_begin(s, e) < 0) {
			rc = -1;
			break;
		}
		for (k = i; rc == 0 && k < i + batch; k++) {
			if (judged[k] != 0) {
				(*skipped)++;
				continue;
			}
			rc = sign_check(f, a, rows[k].staff, rows[k].at, true,
			    outside, rows[k].kind, &m, &res, e);
			if (rc == 0)
				rc = sign_write(f, s, a, rows[k].staff, true, &m, &res,
				    e);
			if (rc == 0) {
				(*added)++;
				continue;
			}
			we = *e;
			err_set(e, we.code ? we.code : EXIT_RUNTIME, "%s:%d: %s "
			    "(the rows before it were imported; importing the file "
			    "again adds only the rest)", name, rows[k].line, we.msg);
		}
		if (rc != 0 || store_commit(s, e) < 0) {
			store_rollback(s);
			rc = -1;
		}
	}
	progress_end(&prog);
	free(judged);
	return rc;
}
