/*
 * engine.c - prices fines, and only here.  See engine.h for the contract.
 *
 * Offence numbers are derived, not counted up: after any change to one
 * person's incidents of one rule in one window, the whole window is walked
 * in time order and each incident gets its number and its price again
 * (from the terms frozen with it).  A backdated mark and a void are the
 * same operation as a plain mark as far as numbering goes.
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/carry.h"
#include "../db/monthend.h"
#include "clock.h"
#include "terms.h"
#include "text.h"
#include "trail.h"

enum fine_kind
engine_fine_kind(const struct fine_row *fr)
{
	if (fr->own)
		return FINE_OWN;
	return strcmp(fr->role, FINE_ROLE_MEMBER) == 0 ? FINE_GROUP : FINE_CO;
}

int
engine_check_text(const char *what, const char *s, struct err *e)
{
	if (strlen(s) >= STORE_TEXT)
		return err_set(e, EXIT_USAGE, _("the %s is too long (%zu bytes; at "
		    "most %d)"), _(what), strlen(s), STORE_TEXT - 1);
	if (!utf8_valid(s))
		return err_set(e, EXIT_USAGE, _("the %s is not valid UTF-8"), _(what));
	if (text_has_control(s))
		return err_set(e, EXIT_USAGE, _("the %s has a control character (a "
		    "line break, an escape) in it; write it on one line"), _(what));
	return 0;
}

int
engine_check_open(struct store *s, const char *day, struct err *e)
{
	struct closed_month c;
	char month[8], when[32];
	int rc;

	snprintf(month, sizeof month, "%.7s", day);
	rc = store_closed_get(s, month, &c, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	clock_format((time_t)c.at, when, sizeof when);
	err_set(e, EXIT_REFUSED, _("%s is closed for payroll (closed on %s by %s): "
	    "nothing dated %s is written into it; a manager reopens it with "
	    "`callfloor reopen --month %s --reason TEXT`"), month, when, c.by,
	    day, month);
	closed_month_free(&c);
	return -1;
}

int
engine_check_open_span(struct store *s, const char *from, const char *to,
    struct err *e)
{
	char d[DAY_LEN];

	/* One look a month is enough: a month is closed or not as a whole. */
	for (snprintf(d, sizeof d, "%s", from); strcmp(d, to) <= 0;) {
		if (engine_check_open(s, d, e) < 0)
			return -1;
		clock_month_last(d, d);
		clock_add_days(d, 1, d);
	}
	return 0;
}

bool
rule_is_group(const struct rule *r)
{
	return r->t.has_group_fine;
}

bool
actor_can_mark(const struct actor *a)
{
	return a->role != UROLE_LEAD;
}

fen_t
engine_price(const struct rule_terms *t, int nth, fen_t amount, int *doubled)
{
	fen_t base = 0;

	*doubled = 0;
	switch (t->pricing) {
	case PRICE_NONE:
		return 0;
	case PRICE_FINE:
		base = t->fine;
		break;
	case PRICE_LADDER:
		/* Past the last step, the last step holds. */
		base = t->ladder[(nth < t->nladder ? nth : t->nladder) - 1];
		break;
	case PRICE_RANGE:
		base = amount >= 0 ? amount : t->lo;
		break;
	}
	if (t->repeat_factor > 1 && t->repeat_from > 0 && nth >= t->repeat_from) {
		base *= t->repeat_factor;
		*doubled = t->repeat_factor;
	}
	return base;
}

/* 1 when day's month is closed for payroll, 0 when open; the last month
 * asked and its answer are kept in month/closed. */
static int
month_closed(struct store *s, const char *day, char month[8], int *closed,
    struct err *e)
{
	if (strncmp(month, day, 7) != 0) {
		snprintf(month, 8, "%.7s", day);
		if ((*closed = store_closed_get(s, month, NULL, e)) < 0) {
			month[0] = '\0';
			return -1;
		}
		*closed = *closed == 0;
	}
	return *closed;
}

/*
 * Numbers and prices again every not-voided incident of staff under rule
 * in the window (of kind w) that contains day.  An incident dated in a
 * closed month keeps the number and price it was paid with: it still
 * counts, in its place, for the numbers of the later ones, but nothing
 * reaches back into its rows (a void settled from a closed month, a mark
 * backdated before one, a rulebook edit that widened the window).
 */
static int
renumber(struct store *s, const char *staff, const char *rule, enum window w,
    const char *day, struct err *e)
{
	char from[DAY_LEN], to[DAY_LEN], month[8] = "";
	struct incident *list;
	struct rule_terms t;
	int64_t tv = -1;
	int n, i, rc = 0, closed = 0;

	clock_window(w, day, from, to);
	if (store_offences(s, staff, rule, from, to, &list, &n, e) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		struct incident *in = &list[i];
		int doubled;
		fen_t own;

		/* The price follows from the number alone (and the frozen
		 * terms): an incident that keeps its number keeps its price. */
		if (in->offence == i + 1)
			continue;
		if ((rc = month_closed(s, in->day, month, &closed, e)) != 0) {
			rc = rc < 0 ? -1 : 0;
			continue;
		}
		if (in->rule_version != tv) {
			if ((rc = terms_load(s, in->rule_version, &t, e)) < 0)
				break;
			tv = in->rule_version;
		}
		rc = store_incident_set_offence(s, in->id, i + 1, e);
		if (rc == 0 && t.pricing != PRICE_NONE) {
			own = engine_price(&t, i + 1, in->amount, &doubled);
			rc = store_fine_set_own(s, in->id, own, doubled, e);
		}
	}
	free(list);
	return rc;
}

int
engine_renumber_since(const struct floor *f, struct store *s, const char *day,
    struct err *e)
{
	char from[DAY_LEN], to[DAY_LEN], last[DAY_LEN + 2 * STORE_ID] = "";
	struct series *list;
	int n, i, rc = 0;

	if (store_series_since(s, day, &list, &n, e) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		char key[sizeof last];
		int r = floor_rule_find(f, list[i].rule);

		if (r < 0)	/* a rule since removed: no window to count in */
			continue;
		/* Each window of the series once. */
		clock_window(f->rules[r].t.window, list[i].day, from, to);
		snprintf(key, sizeof key, "%s|%s|%s", list[i].rule,
		    list[i].staff, from);
		if (strcmp(key, last) == 0)
			continue;
		snprintf(last, sizeof last, "%s", key);
		rc = renumber(s, list[i].staff, list[i].rule,
		    f->rules[r].t.window, list[i].day, e);
	}
	free(list);
	return rc;
}

static int
add_fine(struct store *s, const struct floor *f, int64_t incident,
    const char *grp, int who, const char *role, int own, fen_t amount,
    struct err *e)
{
	struct fine_row row = { 0 };

	row.incident = incident;
	if (who >= 0)
		snprintf(row.staff, sizeof row.staff, "%s", f->staff[who].id);
	snprintf(row.grp, sizeof row.grp, "%s", grp);
	snprintf(row.role, sizeof row.role, "%s", role);
	row.own = own;
	row.amount = amount;
	return store_fine_add(s, &row, e);
}

/*
 * Lays the co-penalties and group fines of an incident.  Nobody pays twice
 * for one incident; a vacant role gets a line with no payer.
 */
static int
lay_co_penalties(const struct floor *f, struct store *s, const struct rule_terms *t,
    int64_t incident, int offender, int g, struct err *e)
{
	bool *fined = xcalloc((size_t)f->nstaff + 1, sizeof *fined);
	int i, rc = 0;

	if (offender >= 0)
		fined[offender] = true;
	for (i = 0; i < t->nco && rc == 0; i++) {
		int who = floor_role_holder(f, g, t->co[i].role);

		if (who >= 0 && fined[who])
			continue;
		rc = add_fine(s, f, incident, f->groups[g].id, who,
		    grole_name(t->co[i].role), 0, t->co[i].fine, e);
		if (who >= 0)
			fined[who] = true;
	}
	if (t->has_group_fine)
		for (i = 0; i < f->nstaff && rc == 0; i++)
			if (f->staff[i].group == g && !fined[i]) {
				rc = add_fine(s, f, incident, f->groups[g].id, i,
				    FINE_ROLE_MEMBER, 0, t->group_fine, e);
				fined[i] = true;
			}
	free(fined);
	return rc;
}

int
engine_check_time(const struct actor *a, time_t at, bool at_given, time_t now,
    struct err *e)
{
	if (!at_given || (at >= now - NOW_SLACK && at <= now + NOW_SLACK))
		return 0;
	if (at > now + NOW_SLACK)
		return err_set(e, EXIT_USAGE, _("the time given is in the future"));
	if (a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, _("only a manager marks at another "
		    "time than now (%s is a %s)"), a->login, _(urole_name(a->role)));
	return 0;
}

static int
check_mark(const struct floor *f, const struct actor *a, const struct mark_req *r,
    const struct rule *ru, time_t now, struct err *e)
{
	char lo[32], hi[32], am[32];

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads read and report "
		    "but do not mark"), a->login, _(urole_name(a->role)));
	if (engine_check_time(a, r->at, r->at_given, now, e) < 0)
		return -1;
	if (rule_is_group(ru)) {
		if (r->group < 0)
			return err_set(e, EXIT_USAGE, _("rule %s falls on a whole group: "
			    "mark it with --group"), ru->code);
		if (r->staff >= 0)
			return err_set(e, EXIT_USAGE, _("rule %s falls on a whole group, "
			    "not on one person"), ru->code);
	} else if (r->staff < 0)
		return err_set(e, EXIT_USAGE, _("rule %s falls on one person: mark it "
		    "with --seat or --staff"), ru->code);
	if (r->amount >= 0 && ru->t.pricing != PRICE_RANGE)
		return err_set(e, EXIT_USAGE, _("rule %s has a set fine; an amount is "
		    "only given for a range rule"), ru->code);
	if (ru->t.pricing == PRICE_RANGE && r->amount >= 0 &&
	    (r->amount < ru->t.lo || r->amount > ru->t.hi))
		return err_set(e, EXIT_USAGE, _("amount %s is outside rule %s's range "
		    "%s to %s"), fen_format(r->amount, am, sizeof am), ru->code,
		    fen_format(ru->t.lo, lo, sizeof lo), fen_format(ru->t.hi, hi,
		    sizeof hi));
	if (ru->t.note_required && (r->note == NULL || r->note[0] == '\0'))
		return err_set(e, EXIT_USAGE, _("rule %s needs a note saying what "
		    "happened"), ru->code);
	if (r->note != NULL && engine_check_text(N_("note"), r->note, e) < 0)
		return -1;
	(void)f;
	return 0;
}

static int
mark_in_txn(const struct floor *f, struct store *s, const struct actor *a,
    const struct mark_req *r, time_t now, struct mark_result *out, struct err *e)
{
	const struct rule *ru = &f->rules[r->rule];
	struct incident *in = &out->in;
	struct buf terms = { 0 };
	int g, rc;

	terms_format(&ru->t, &terms);
	memset(in, 0, sizeof *in);
	rc = store_rule_version(s, ru->code, ru->title, terms.s, now,
	    &in->rule_version, e);
	buf_free(&terms);
	if (rc < 0)
		return -1;
	g = r->staff >= 0 ? f->staff[r->staff].group : r->group;
	snprintf(in->rule, sizeof in->rule, "%s", ru->code);
	snprintf(in->grp, sizeof in->grp, "%s", f->groups[g].id);
	if (r->staff >= 0) {
		const struct staff *st = &f->staff[r->staff];

		snprintf(in->staff, sizeof in->staff, "%s", st->id);
		if (st->seat >= 0)
			snprintf(in->seat, sizeof in->seat, "%s", f->seats[st->seat].id);
	}
	in->at = r->at;
	clock_shift_day(f, r->at, in->day);
	if (engine_check_open(s, in->day, e) < 0)
		return -1;
	in->amount = ru->t.pricing == PRICE_RANGE ?
	    (r->amount >= 0 ? r->amount : ru->t.lo) : -1;
	snprintf(in->note, sizeof in->note, "%s", r->note ? r->note : "");
	snprintf(in->marked_by, sizeof in->marked_by, "%s", a->login);
	in->marked_at = now;
	/* An absence mark (MEETING) dated into a finished month changes the
	 * attendance totals carried from it (db/carry.h). */
	if (store_incident_add(s, in, e) < 0 ||
	    store_carry_drop(s, in->day, e) < 0)
		return -1;
	if (r->staff >= 0 && ru->t.pricing != PRICE_NONE &&
	    add_fine(s, f, in->id, in->grp, r->staff, FINE_ROLE_OFFENDER, 1, 0, e) < 0)
		return -1;
	if (lay_co_penalties(f, s, &ru->t, in->id, r->staff, g, e) < 0)
		return -1;
	if (r->staff >= 0 && ru->t.confiscate[0] != '\0') {
		struct custody c = { 0 };

		c.incident = in->id;
		snprintf(c.staff, sizeof c.staff, "%s", in->staff);
		snprintf(c.seat, sizeof c.seat, "%s", in->seat);
		snprintf(c.item, sizeof c.item, "%s", ru->t.confiscate);
		c.taken_at = r->at;
		snprintf(c.kept_by, sizeof c.kept_by, "%s", a->login);
		if (store_custody_add(s, &c, e) < 0)
			return -1;
		out->custody = c.id;
	}
	if (r->staff >= 0 &&
	    renumber(s, in->staff, in->rule, ru->t.window, in->day, e) < 0)
		return -1;
	if (store_incident_get(s, in->id, in, e) != 0)
		return -1;
	if (store_fines_of(s, in->id, &out->fines, &out->nfines, e) < 0)
		return -1;
	return trail_mark(f, s, a, out, e);
}

int
engine_mark(const struct floor *f, struct store *s, const struct actor *a,
    const struct mark_req *r, struct mark_result *out, struct err *e)
{
	time_t now = clock_now();

	memset(out, 0, sizeof *out);
	if (r->rule < 0 || r->rule >= f->nrules)
		return err_set(e, EXIT_USAGE, _("no such rule"));
	if (check_mark(f, a, r, &f->rules[r->rule], now, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	if (mark_in_txn(f, s, a, r, now, out, e) < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		mark_result_free(out);
		return -1;
	}
	return 0;
}

void
mark_result_free(struct mark_result *r)
{
	free(r->fines);
	r->fines = NULL;
	r->nfines = 0;
}

/* Voids incident id; with settle, also one dated in a closed month (an
 * appeal decided later is an act of its own day). */
static int
void_in_txn(struct store *s, const struct actor *a, int64_t id,
    const char *reason, bool settle, struct err *e)
{
	struct incident in;
	struct rule_terms t;
	int rc;

	rc = store_incident_get(s, id, &in, e);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return err_set(e, EXIT_USAGE, _("there is no incident %lld"), (long long)id);
	if (in.voided_at != 0) {
		char when[32];

		clock_format((time_t)in.voided_at, when, sizeof when);
		return err_set(e, EXIT_USAGE, _("incident %lld was already voided on %s "
		    "by %s"), (long long)id, when, in.voided_by);
	}
	if (a->role != UROLE_MANAGER && strcmp(a->login, in.marked_by) != 0)
		return err_set(e, EXIT_REFUSED, _("only a manager voids another's mark "
		    "(incident %lld was marked by %s)"), (long long)id, in.marked_by);
	if (!settle && engine_check_open(s, in.day, e) < 0)
		return -1;
	if (store_incident_void(s, id, a->login, clock_now(), reason, e) != 0 ||
	    store_carry_drop(s, in.day, e) < 0)
		return -1;
	if (in.staff[0] == '\0')
		return 0;
	if (terms_load(s, in.rule_version, &t, e) < 0)
		return -1;
	return renumber(s, in.staff, in.rule, t.window, in.day, e);
}

/* Voids as engine_void says; action names it in the audit trail; settle:
 * the incident may lie in a closed month (an appeal's decision). */
static int
void_as(const struct floor *f, struct store *s, const struct actor *a,
    int64_t id, const char *reason, const char *action, bool settle,
    struct err *e)
{
	char object[40];

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not void"),
		    a->login, _(urole_name(a->role)));
	if (reason == NULL || reason[0] == '\0')
		return err_set(e, EXIT_USAGE, _("a void needs a reason (--reason TEXT)"));
	if (engine_check_text(N_("reason"), reason, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	snprintf(object, sizeof object, "incident %lld", (long long)id);
	if (void_in_txn(s, a, id, reason, settle, e) < 0 ||
	    trail_write(f, s, a, action, object, e, "reason: %s", reason) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
engine_void(const struct floor *f, struct store *s, const struct actor *a,
    int64_t id, const char *reason, struct err *e)
{
	return void_as(f, s, a, id, reason, "void", false, e);
}

int
engine_void_settle(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, const char *reason, struct err *e)
{
	return void_as(f, s, a, id, reason, "void", true, e);
}

int
engine_undo_mark(const struct floor *f, struct store *s, const struct actor *a,
    int64_t id, int *closed, struct err *e)
{
	struct custody *c = NULL;
	char object[40];
	int n = 0, i, rc;

	*closed = 0;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not undo"),
		    a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	snprintf(object, sizeof object, "incident %lld", (long long)id);
	rc = void_in_txn(s, a, id, "undone at console", false, e);
	if (rc == 0)
		rc = trail_write(f, s, a, "undo", object, e, "reason: undone at "
		    "console");
	/* An undo corrects a keystroke: the item was never taken. */
	if (rc == 0)
		rc = store_custody_held(s, &c, &n, e);
	for (i = 0; rc == 0 && i < n; i++) {
		if (c[i].incident != id)
			continue;
		rc = store_custody_return(s, c[i].id, a->login, clock_now(), e);
		if (rc == 0) {
			snprintf(object, sizeof object, "custody %lld",
			    (long long)c[i].id);
			rc = trail_write(f, s, a, "custody closed", object, e, "%s "
			    "of %s was never taken: incident %lld undone at console",
			    c[i].item, c[i].staff, (long long)id);
			(*closed)++;
		}
	}
	free(c);
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
engine_undo_inspection(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e)
{
	char object[40];
	int rc;

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not undo"),
		    a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_inspection_void(s, id, a->login, clock_now(), e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("inspection %lld is already undone"),
		    (long long)id);
	snprintf(object, sizeof object, "inspection %lld", (long long)id);
	if (rc == 0)
		rc = trail_write(f, s, a, "undo", object, e, "inspection undone at "
		    "console");
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
engine_undo_return(const struct floor *f, struct store *s,
    const struct actor *a, int64_t custody_id, struct err *e)
{
	char object[40];
	int rc;

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not undo"),
		    a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_custody_unreturn(s, custody_id, e);
	if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("custody %lld is not handed back"),
		    (long long)custody_id);
	snprintf(object, sizeof object, "custody %lld", (long long)custody_id);
	if (rc == 0)
		rc = trail_write(f, s, a, "undo", object, e, "return undone at "
		    "console: the item is held again");
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
engine_undo(const struct floor *f, struct store *s, const struct actor *a,
    int64_t *id, struct err *e)
{
	struct incident in;
	int rc = store_last_marked(s, a->login, &in, e);

	if (rc < 0)
		return -1;
	if (rc > 0)
		return err_set(e, EXIT_USAGE, _("nothing of yours to undo"));
	*id = in.id;
	return void_as(f, s, a, in.id, "undone at console", "undo", false, e);
}

int
engine_return(const struct floor *f, struct store *s, const struct actor *a,
    int64_t custody_id, struct err *e)
{
	struct custody c;
	int rc;

	(void)f;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not hand back "
		    "confiscated items"), a->login, _(urole_name(a->role)));
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_custody_get(s, custody_id, &c, e);
	if (rc == 0 && c.returned_at != 0)
		rc = err_set(e, EXIT_USAGE, _("item %lld was already handed back by %s"),
		    (long long)custody_id, c.returned_by);
	else if (rc > 0)
		rc = err_set(e, EXIT_USAGE, _("there is no custody record %lld"),
		    (long long)custody_id);
	else if (rc == 0)
		rc = store_custody_return(s, custody_id, a->login, clock_now(), e);
	if (rc == 0) {
		char object[40];

		snprintf(object, sizeof object, "custody %lld", (long long)custody_id);
		rc = trail_write(f, s, a, "return", object, e, "%s of %s handed "
		    "back (taken with incident %lld)", c.item, c.staff,
		    (long long)c.incident);
	}
	if (rc != 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
engine_inspect(const struct floor *f, struct store *s, const struct actor *a,
    int seat, int64_t *id, struct err *e)
{
	char day[DAY_LEN], object[48];
	time_t now = clock_now();
	int who;

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not inspect"),
		    a->login, _(urole_name(a->role)));
	if (seat < 0 || seat >= f->nseats)
		return err_set(e, EXIT_USAGE, _("no such seat"));
	who = f->seats[seat].staff;
	clock_shift_day(f, now, day);
	if (store_begin(s, e) < 0)
		return -1;
	if (engine_check_open(s, day, e) < 0 ||
	    store_inspection_add(s, f->seats[seat].id, who >= 0 ?
	    f->staff[who].id : NULL, day, now, a->login, e) < 0 ||
	    (id != NULL && (*id = store_last_id(s)) < 0) ||
	    (snprintf(object, sizeof object, "seat %s", f->seats[seat].id),
	    trail_write(f, s, a, "inspection", object, e, "desk found in order "
	    "(%s), shift day %s", who >= 0 ? f->staff[who].id : "empty seat",
	    day)) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}
