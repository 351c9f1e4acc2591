/*
 * complaint.c - rule B14's register: the rules and the writes (see
 * complaint.h).  SQL is db/complaint.c's; views only read and mask.
 */
#include "complaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "trail.h"

int
complaint_kind_parse(const char *s, enum complaint_kind *out)
{
	if (strcmp(s, "repair") == 0 || strcmp(s, "r") == 0 ||
	    strcmp(s, "维修") == 0)
		*out = CKIND_REPAIR;
	else if (strcmp(s, "complaint") == 0 || strcmp(s, "c") == 0 ||
	    strcmp(s, "投诉") == 0)
		*out = CKIND_COMPLAINT;
	else
		return -1;
	return 0;
}

const char *
complaint_kind_name(enum complaint_kind k)
{
	return k == CKIND_REPAIR ? N_("repair") : N_("complaint");
}

int
complaint_phone_norm(const char *in, char out[COMPLAINT_PHONE], struct err *e)
{
	size_t n = 0, digits = 0;
	const char *p;

	for (p = in; *p != '\0'; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p == '+' && n == 0 && p == in + strspn(in, " ")) {
			out[n++] = '+';
			continue;
		}
		if (*p < '0' || *p > '9')
			return err_set(e, EXIT_USAGE, _("phone '%s' is not a number: "
			    "digits only (a leading +, spaces and dashes allowed)"), in);
		if (digits >= COMPLAINT_DIGITS)
			return err_set(e, EXIT_USAGE, _("phone '%s' is too long (at most "
			    "%d digits)"), in, COMPLAINT_DIGITS);
		out[n++] = *p;
		digits++;
	}
	out[n] = '\0';
	if (digits < 3)
		return err_set(e, EXIT_USAGE, _("phone '%s' is not a number: it needs "
		    "at least 3 digits"), in);
	return 0;
}

bool
complaint_sees_phone(enum urole role)
{
	return role == UROLE_MANAGER;
}

void
complaint_phone_show(const char *phone, enum urole role, char *out, size_t n)
{
	size_t len = strlen(phone), i, lead = phone[0] == '+', digits, keep_head,
	    keep_tail;
	struct buf b = { 0 };

	if (complaint_sees_phone(role) || len == 0) {
		snprintf(out, n, "%s", phone);
		return;
	}
	digits = len - lead;
	if (digits >= 8) {
		keep_head = 3;
		keep_tail = 4;
	} else {
		keep_head = 0;
		keep_tail = 2;
	}
	if (lead)
		buf_puts(&b, "+");
	for (i = 0; i < digits; i++) {
		char ch[2] = { phone[lead + i], '\0' };

		buf_puts(&b, i < keep_head || i >= digits - keep_tail ? ch : "*");
	}
	snprintf(out, n, "%s", b.s);
	buf_free(&b);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's). */
static long
day_number(const char *day)
{
	int y, m, d, era, yoe, doy, doe;

	if (sscanf(day, "%d-%d-%d", &y, &m, &d) != 3)
		return 0;
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + doe - 719468;
}

int
complaint_age(const char *from, const char *to)
{
	return (int)(day_number(to) - day_number(from));
}

const char *
complaint_state(const struct complaint *c)
{
	if (c->closed_at != 0)
		return N_("closed");
	return c->forwarded_at != 0 ? N_("forwarded") : N_("open");
}

/* Checks r and fills c (but its id, who and when it was recorded). */
static int
check_req(const struct floor *f, const struct complaint_req *r, time_t now,
    struct complaint *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	if (r->staff < 0 || r->staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (r->caller == NULL || r->caller[0] == '\0' ||
	    strspn(r->caller, " ") == strlen(r->caller))
		return err_set(e, EXIT_USAGE, _("an entry needs the caller "
		    "(--caller TEXT): who called"));
	if (engine_check_text("caller", r->caller, e) < 0)
		return -1;
	if (r->note == NULL || r->note[0] == '\0' ||
	    strspn(r->note, " ") == strlen(r->note))
		return err_set(e, EXIT_USAGE, _("an entry needs a note (--note TEXT): "
		    "what is to be repaired or what the complaint is"));
	if (engine_check_text("note", r->note, e) < 0)
		return -1;
	if (r->phone != NULL && r->phone[0] != '\0' &&
	    complaint_phone_norm(r->phone, c->phone, e) < 0)
		return -1;
	if (r->at > now + NOW_SLACK)
		return err_set(e, EXIT_USAGE, _("the time of the call is in the "
		    "future"));
	snprintf(c->staff, sizeof c->staff, "%s", f->staff[r->staff].id);
	snprintf(c->grp, sizeof c->grp, "%s", f->staff[r->staff].group >= 0 ?
	    f->groups[f->staff[r->staff].group].id : "");
	snprintf(c->kind, sizeof c->kind, "%s", complaint_kind_name(r->kind));
	snprintf(c->caller, sizeof c->caller, "%s", r->caller);
	snprintf(c->note, sizeof c->note, "%s", r->note);
	c->at = (int64_t)r->at;
	clock_shift_day(f, r->at, c->day);
	return 0;
}

/* The entry's audit line: ids, kind, staff and group; never the caller. */
static int
trail_entry(const struct floor *f, struct store *s, const struct actor *a,
    const char *action, const struct complaint *c, struct err *e,
    const char *what)
{
	char object[48], inc[48] = "";

	snprintf(object, sizeof object, "complaint %lld", (long long)c->id);
	if (c->incident != 0)
		snprintf(inc, sizeof inc, " (UNLOGGED incident %lld)",
		    (long long)c->incident);
	return trail_write(f, s, a, action, object, e, "%s %s entry of staff %s "
	    "(group %s), shift day %s%s", what, c->kind, c->staff, c->grp, c->day,
	    inc);
}

int
complaint_add(const struct floor *f, struct store *s, const struct actor *a,
    const struct complaint_req *r, int64_t *id, struct err *e)
{
	struct complaint c;
	time_t now = clock_now();

	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: supervisors and up "
		    "record the register (rule B14)"), a->login, _(urole_name(a->role)));
	if (check_req(f, r, now, &c, e) < 0)
		return -1;
	snprintf(c.recorded_by, sizeof c.recorded_by, "%s", a->login);
	c.recorded_at = (int64_t)now;
	if (store_begin(s, e) < 0)
		return -1;
	if (store_complaint_add(s, &c, e) < 0 ||
	    trail_entry(f, s, a, "complaint", &c, e, "recorded") < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	*id = c.id;
	return 0;
}

/* May a forward entries of group g: its director, or a manager. */
static int
may_forward(const struct floor *f, const struct actor *a, const char *grp,
    int64_t id, struct err *e)
{
	int g = floor_group_find(f, grp);
	int dir = g >= 0 ? f->groups[g].director : -1;

	if (a->role == UROLE_MANAGER)
		return 0;
	if (a->role != UROLE_LEAD && dir >= 0 && a->staff == dir)
		return 0;
	if (dir >= 0)
		return err_set(e, EXIT_REFUSED, _("entry %lld belongs to group %s: "
		    "only its director (%s %s) or a manager forwards it; %s is a %s"),
		    (long long)id, grp, f->staff[dir].id, f->staff[dir].name,
		    a->login, _(urole_name(a->role)));
	return err_set(e, EXIT_REFUSED, _("entry %lld belongs to group %s, which "
	    "has no director: only a manager forwards it; %s is a %s"),
	    (long long)id, grp, a->login, _(urole_name(a->role)));
}

int
complaint_forward(const struct floor *f, struct store *s,
    const struct actor *a, const int64_t *ids, int n, struct err *e)
{
	struct complaint c;
	time_t now = clock_now();
	int i, rc;

	if (n <= 0)
		return err_set(e, EXIT_USAGE, _("give the ids of the entries to "
		    "forward"));
	if (store_begin(s, e) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		rc = store_complaint_get(s, ids[i], &c, e);
		if (rc == 1)
			err_set(e, EXIT_USAGE, _("no register entry %lld"), (long long)ids[i]);
		if (rc != 0 || may_forward(f, a, c.grp, c.id, e) < 0)
			goto fail;
		if (c.closed_at != 0) {
			err_set(e, EXIT_USAGE, _("entry %lld is already closed"),
			    (long long)c.id);
			goto fail;
		}
		if (c.forwarded_at != 0) {
			err_set(e, EXIT_USAGE, _("entry %lld was already forwarded by %s"),
			    (long long)c.id, c.forwarded_by);
			goto fail;
		}
		rc = store_complaint_forward(s, c.id, a->login, (int64_t)now, e);
		if (rc == 1)
			err_set(e, EXIT_USAGE, _("entry %lld is no longer open"),
			    (long long)c.id);
		if (rc != 0 || trail_entry(f, s, a, "forward", &c, e,
		    "forwarded to the manager:") < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
complaint_close(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, const char *outcome, struct err *e)
{
	struct complaint c;
	int rc;

	if (a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, _("only a manager closes a register "
		    "entry; %s is a %s"), a->login, _(urole_name(a->role)));
	if (outcome == NULL || outcome[0] == '\0' ||
	    strspn(outcome, " ") == strlen(outcome))
		return err_set(e, EXIT_USAGE, _("closing needs the outcome "
		    "(--outcome TEXT)"));
	if (engine_check_text("outcome", outcome, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	rc = store_complaint_get(s, id, &c, e);
	if (rc == 1)
		err_set(e, EXIT_USAGE, _("no register entry %lld"), (long long)id);
	else if (rc == 0 && c.closed_at != 0) {
		err_set(e, EXIT_USAGE, _("entry %lld is already closed"), (long long)id);
		rc = 1;
	}
	if (rc != 0 || store_complaint_close(s, id, a->login,
	    (int64_t)clock_now(), outcome, e) != 0 ||
	    trail_entry(f, s, a, "close", &c, e, "closed") < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
complaint_purge(const struct floor *f, struct store *s,
    const struct actor *a, time_t now, int *n, struct err *e)
{
	int64_t *ids = NULL, before;
	struct complaint c;
	int i, k = 0;

	*n = 0;
	if (a->role != UROLE_MANAGER)
		return err_set(e, EXIT_REFUSED, _("only a manager purges the register; "
		    "%s is a %s"), a->login, _(urole_name(a->role)));
	before = (int64_t)now - (int64_t)f->complaint_retention_days * 86400;
	if (store_begin(s, e) < 0)
		return -1;
	if (store_complaint_purgeable(s, before, &ids, &k, e) < 0)
		goto fail;
	for (i = 0; i < k; i++) {
		if (store_complaint_get(s, ids[i], &c, e) != 0 ||
		    store_complaint_purge(s, ids[i], (int64_t)now, e) != 0 ||
		    trail_entry(f, s, a, "purge", &c, e, "caller's name "
		    "and phone purged (retention over) from the") < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		goto fail;
	free(ids);
	*n = k;
	return 0;
fail:
	free(ids);
	store_rollback(s);
	return -1;
}

int
complaint_unlogged(const struct floor *f, struct store *s,
    const struct actor *a, const struct mark_req *m,
    const struct complaint_req *r, struct mark_result *out, int64_t *id,
    struct err *e)
{
	struct complaint_req rr = *r;
	struct complaint c;
	time_t now = clock_now();

	memset(out, 0, sizeof *out);
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads read and report "
		    "but do not mark"), a->login, _(urole_name(a->role)));
	if (rr.at == 0)
		rr.at = m->at;
	rr.kind = CKIND_COMPLAINT;
	if (check_req(f, &rr, now, &c, e) < 0)
		return -1;
	snprintf(c.recorded_by, sizeof c.recorded_by, "%s", a->login);
	c.recorded_at = (int64_t)now;
	c.late = 1;
	if (store_begin(s, e) < 0)
		return -1;
	if (engine_mark(f, s, a, m, out, e) < 0)
		goto fail;
	c.incident = out->in.id;
	if (store_complaint_add(s, &c, e) < 0 ||
	    trail_entry(f, s, a, "complaint", &c, e, "recorded late (found "
	    "unrecorded, UNLOGGED mark)") < 0 ||
	    store_commit(s, e) < 0)
		goto fail;
	*id = c.id;
	return 0;
fail:
	store_rollback(s);
	mark_result_free(out);
	return -1;
}
