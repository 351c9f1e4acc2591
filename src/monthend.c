/*
 * monthend.c - closing and reopening months, appeals and their decisions
 * (see monthend.h).  No SQL, no curses.
 */
#include "monthend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/monthend.h"
#include "clock.h"
#include "engine.h"
#include "payroll.h"
#include "trail.h"

enum manager_act { CLOSES, REOPENS, DECIDES };

static int
manager_only(const struct actor *a, enum manager_act what, struct err *e)
{
	const char *who = a->login, *role = _(urole_name(a->role));

	if (a->role == UROLE_MANAGER)
		return 0;
	/* Whole sentences, one per act, so each translates as a whole. */
	if (what == CLOSES)
		return err_set(e, EXIT_REFUSED, _("only a manager closes a month "
		    "(%s is a %s)"), who, role);
	if (what == REOPENS)
		return err_set(e, EXIT_REFUSED, _("only a manager reopens a month "
		    "(%s is a %s)"), who, role);
	return err_set(e, EXIT_REFUSED, _("only a manager decides an appeal "
	    "(%s is a %s)"), who, role);
}

/* The month after m, "YYYY-MM". */
static void
month_next(const char *m, char out[8])
{
	char d[DAY_LEN];

	snprintf(d, sizeof d, "%.7s-01", m);
	clock_month_last(d, d);
	clock_add_days(d, 1, d);
	snprintf(out, 8, "%.7s", d);
}

/* Refuses a month out of order, already closed, or not over yet. */
static int
close_order(const struct floor *f, struct store *s, const char *month,
    struct err *e)
{
	char last[8], next[8], first[DAY_LEN], end[DAY_LEN], today[DAY_LEN];
	int rc = store_closed_last(s, last, e);

	if (rc < 0)
		return -1;
	if (rc == 0 && strcmp(month, last) <= 0)
		return err_set(e, EXIT_USAGE, _("%s is already closed (closed up to "
		    "%s)"), month, last);
	if (rc == 0 && (month_next(last, next), strcmp(month, next) != 0))
		return err_set(e, EXIT_USAGE, _("months close in order: close %s "
		    "first (the last closed month is %s)"), next, last);
	snprintf(first, sizeof first, "%s-01", month);
	clock_month_last(first, end);
	clock_shift_day(f, clock_now(), today);
	if (strcmp(today, end) <= 0)
		return err_set(e, EXIT_USAGE, _("%s is not over yet (today is shift "
		    "day %s); a month closes after its last day"), month, today);
	return 0;
}

/* The undecided appeals of fines dated in month, one a line into b. */
static int
undecided(struct store *s, const char *month, struct buf *b, int *n,
    struct err *e)
{
	struct appeal *ap;
	int nap, i, rc;

	*n = 0;
	if (store_appeals(s, &ap, &nap, e) < 0)
		return -1;
	for (i = 0, rc = 0; i < nap && rc == 0; i++) {
		struct incident in;

		if (ap[i].decision[0] != '\0')
			continue;
		if ((rc = store_incident_get(s, ap[i].incident, &in, e)) != 0)
			break;
		if (strncmp(in.day, month, 7) != 0)
			continue;
		buf_puts(b, *n ? "; " : " ");
		buf_printf(b, _("appeal %lld: %s, incident %lld (%s, %s)"),
		    (long long)ap[i].id, ap[i].staff, (long long)in.id, in.rule,
		    in.day);
		(*n)++;
	}
	free(ap);
	return rc == 0 ? 0 : -1;
}

int
monthend_close(const struct floor *f, struct store *s, const struct actor *a,
    const char *month, bool force, struct err *e)
{
	struct closed_month c = { 0 };
	struct payroll p;
	struct buf text = { 0 }, csv = { 0 }, pend = { 0 };
	char object[32], sum[32];
	fen_t total = 0;
	int rc, n = 0, i;

	if (manager_only(a, CLOSES, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	rc = close_order(f, s, month, e);
	if (rc == 0)
		rc = undecided(s, month, &pend, &n, e);
	if (rc == 0 && n > 0 && !force)
		rc = err_set(e, EXIT_USAGE, ngettext("%s has %d undecided appeal; "
		    "decide it, or close with --force (it stays out of its "
		    "payroll):%s", "%s has %d undecided appeals; decide them, or "
		    "close with --force (they stay out of its payroll):%s", n),
		    month, n, pend.s);
	if (rc == 0)
		rc = payroll_compute(f, s, month, &p, e);
	if (rc == 0) {
		snprintf(c.month, sizeof c.month, "%s", month);
		snprintf(c.by, sizeof c.by, "%s", a->login);
		c.at = clock_now();
		payroll_text(f, &p, &c, &text);
		payroll_csv(f, &p, &csv);
		for (i = 0; i < p.n; i++)
			total += p.rows[i].total;
		payroll_free(&p);
		c.text = text.s ? text.s : "";
		c.csv = csv.s;
		rc = store_close_month(s, &c, e);
	}
	snprintf(object, sizeof object, "month %s", month);
	if (rc == 0)
		rc = trail_write(f, s, a, "close", object, e, "payroll snapshot "
		    "kept: %d staff, total %s%s", f->nstaff,
		    fen_format(total, sum, sizeof sum), n > 0 && force ?
		    ", closed with undecided appeals (--force)" : "");
	buf_free(&text);
	buf_free(&csv);
	buf_free(&pend);
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
monthend_reopen(const struct floor *f, struct store *s, const struct actor *a,
    const char *month, const char *reason, int *n, struct err *e)
{
	char object[32];
	int rc;

	*n = 0;
	if (manager_only(a, REOPENS, e) < 0 ||
	    engine_check_text("reason", reason, e) < 0)
		return -1;
	if (reason[0] == '\0')
		return err_set(e, EXIT_USAGE, _("a reopening needs a reason (--reason "
		    "TEXT)"));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_closed_get(s, month, NULL, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("%s is not closed"), month);
	if (rc == 0)
		rc = store_reopen_from(s, month, n, e);
	/* What the closing kept, numbered as it stands now (an appeal voided
	 * meanwhile); the adjustments it was settled by stop counting. */
	if (rc == 0) {
		char first[DAY_LEN];

		snprintf(first, sizeof first, "%s-01", month);
		rc = engine_renumber_since(f, s, first, e);
	}
	snprintf(object, sizeof object, "month %s", month);
	if (rc == 0)
		rc = trail_write(f, s, a, "reopen", object, e, "reopened (%d "
		    "month%s), payroll snapshot discarded: %s", *n, *n == 1 ? "" :
		    "s", reason);
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* The line of incident `in` that falls on staff id, into out; 1 if none. */
static int
line_of(struct store *s, int64_t incident, const char *staff,
    struct fine_row *out, struct err *e)
{
	struct fine_row *rows;
	int n, i, rc = 1;

	if (store_fines_of(s, incident, &rows, &n, e) < 0)
		return -1;
	/* Nobody pays twice for one incident: one line a person. */
	for (i = 0; i < n && rc == 1; i++)
		if (strcmp(rows[i].staff, staff) == 0) {
			*out = rows[i];
			rc = 0;
		}
	free(rows);
	return rc;
}

/* The pending appeal of fine line `line`, 0 when none (-1 on error). */
static int
pending_of(struct store *s, int64_t line, struct err *e)
{
	struct appeal *ap;
	int n, i, rc = 0;

	if (store_appeals(s, &ap, &n, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (ap[i].fine == line && ap[i].decision[0] == '\0')
			rc = (int)ap[i].id;
	free(ap);
	return rc;
}

int
appeal_record(const struct floor *f, struct store *s, const struct actor *a,
    int64_t incident, int staff, const char *reason, int64_t *id,
    struct err *e)
{
	struct appeal ap = { 0 };
	struct incident in;
	struct fine_row line = { 0 };
	char object[40], amt[32];
	int rc;

	if (a->role == UROLE_LEAD)
		return err_set(e, EXIT_REFUSED, _("%s is a lead: a supervisor or above "
		    "records an appeal on the agent's behalf"), a->login);
	if (engine_check_text("reason", reason, e) < 0)
		return -1;
	if (reason[0] == '\0')
		return err_set(e, EXIT_USAGE, _("an appeal needs a reason (--reason "
		    "TEXT)"));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_incident_get(s, incident, &in, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("there is no incident %lld"),
		    (long long)incident);
	else if (rc == 0 && in.voided_at != 0)
		rc = err_set(e, EXIT_USAGE, _("incident %lld is voided; there is "
		    "nothing to appeal"), (long long)incident);
	else if (rc == 0 && staff < 0 && in.staff[0] == '\0')
		rc = err_set(e, EXIT_USAGE, _("incident %lld is a group fine: say "
		    "who appeals with --staff"), (long long)incident);
	if (rc == 0) {
		snprintf(ap.staff, sizeof ap.staff, "%s", staff >= 0 ?
		    f->staff[staff].id : in.staff);
		rc = line_of(s, incident, ap.staff, &line, e);
		if (rc > 0)
			rc = err_set(e, EXIT_USAGE, _("%s has no fine in incident %lld"),
			    ap.staff, (long long)incident);
	}
	if (rc == 0) {
		ap.incident = incident;
		ap.fine = line.id;
		snprintf(ap.reason, sizeof ap.reason, "%s", reason);
		snprintf(ap.by, sizeof ap.by, "%s", a->login);
		ap.at = clock_now();
		rc = pending_of(s, line.id, e);
		if (rc > 0)
			rc = err_set(e, EXIT_USAGE, _("%s's fine in incident %lld is "
			    "under appeal already (appeal %d)"), ap.staff,
			    (long long)incident, rc);
		if (rc == 0)
			rc = store_appeal_add(s, &ap, e);
	}
	snprintf(object, sizeof object, "appeal %lld", (long long)ap.id);
	if (rc == 0)
		rc = trail_write(f, s, a, "appeal", object, e, "%s appeals %s of "
		    "incident %lld (%s, %s): %s", ap.staff,
		    fen_format(line.amount, amt, sizeof amt), (long long)incident,
		    in.rule, in.day, reason);
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	*id = ap.id;
	return 0;
}

/* Settles in today's month what a decision changes in a closed month's
 * payroll: amount for staff, when not 0. */
static int
settle(struct store *s, const struct appeal *ap, const char *staff,
    fen_t amount, const char *note, const char *today, struct err *e)
{
	struct adjustment adj = { 0 };

	if (amount == 0)
		return 0;
	adj.appeal = ap->id;
	snprintf(adj.month, sizeof adj.month, "%.7s", today);
	snprintf(adj.staff, sizeof adj.staff, "%s", staff);
	adj.amount = amount;
	snprintf(adj.note, sizeof adj.note, "%s", note);
	return store_adjustment_add(s, &adj, e);
}

/* What the decision changes in a closed month's payroll.  A line appealed
 * before the closing was left out of the snapshot; one appealed after was
 * in it. */
static int
settle_closed(struct store *s, const struct appeal *ap,
    const struct incident *in, const struct closed_month *c, bool uphold,
    bool whole, const char *today, struct err *e)
{
	struct fine_row *rows;
	char note[STORE_TEXT];
	bool counted = ap->at > c->at;
	int n, i, rc = 0;

	if (store_fines_of(s, in->id, &rows, &n, e) < 0)
		return -1;
	snprintf(note, sizeof note, "incident %lld of closed %s, appeal %s",
	    (long long)in->id, c->month, uphold ? "upheld" : "voided");
	for (i = 0; i < n && rc == 0; i++) {
		bool mine = rows[i].id == ap->fine;

		if (rows[i].staff[0] == '\0')
			continue;
		if (mine && uphold && !counted)
			rc = settle(s, ap, rows[i].staff, rows[i].amount, note, today, e);
		else if (mine && !uphold && counted)
			rc = settle(s, ap, rows[i].staff, -rows[i].amount, note, today, e);
		else if (!mine && whole)
			rc = settle(s, ap, rows[i].staff, -rows[i].amount, note, today, e);
	}
	free(rows);
	return rc;
}

int
appeal_decide(const struct floor *f, struct store *s, const struct actor *a,
    int64_t id, bool uphold, const char *reason, struct err *e)
{
	struct appeal ap;
	struct incident in;
	struct closed_month c = { 0 };
	char object[40], today[DAY_LEN], month[8];
	int rc, closed = 1;
	bool whole;

	if (manager_only(a, DECIDES, e) < 0 ||
	    engine_check_text("reason", reason, e) < 0)
		return -1;
	if (reason[0] == '\0')
		return err_set(e, EXIT_USAGE, _("a decision needs a reason (--reason "
		    "TEXT)"));
	clock_shift_day(f, clock_now(), today);
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_appeal_get(s, id, &ap, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("there is no appeal %lld"), (long long)id);
	else if (rc == 0 && ap.decision[0] != '\0')
		rc = err_set(e, EXIT_USAGE, _("appeal %lld was decided already (%s, "
		    "by %s)"), (long long)id, ap.decision, ap.decided_by);
	if (rc == 0 && (rc = store_incident_get(s, ap.incident, &in, e)) > 0)
		rc = err_set(e, EXIT_RUNTIME, _("appeal %lld names incident %lld, "
		    "which is not on record"), (long long)id, (long long)ap.incident);
	if (rc == 0) {
		snprintf(month, sizeof month, "%.7s", in.day);
		closed = store_closed_get(s, month, &c, e);
		rc = closed < 0 ? -1 : 0;
	}
	if (rc == 0)
		rc = store_appeal_decide(s, id, uphold ? "uphold" : "void",
		    a->login, clock_now(), reason, e);
	/* The offender's appeal voided takes the one-person incident whole,
	 * co-penalties and numbering too; in a group fine, or a co-penalty
	 * appealed by the one it fell on, only the appellant's line is
	 * waived. */
	whole = !uphold && rc == 0 && strcmp(in.staff, ap.staff) == 0;
	if (rc == 0 && closed == 0)
		rc = settle_closed(s, &ap, &in, &c, uphold, whole, today, e);
	if (rc == 0 && whole && in.voided_at == 0)
		rc = engine_void_settle(f, s, a, in.id, reason, e);
	snprintf(object, sizeof object, "appeal %lld", (long long)id);
	if (rc == 0)
		rc = trail_write(f, s, a, "decide", object, e, "%s: %s's fine in "
		    "incident %lld %s%s: %s", uphold ? "upheld" : "voided",
		    ap.staff, (long long)in.id, uphold ? "counts again" :
		    whole ? "voided" : "waived", closed == 0 ?
		    " (its month is closed: settled this month)" : "", reason);
	if (closed == 0)
		closed_month_free(&c);
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}
