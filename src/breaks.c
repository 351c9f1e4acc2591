/*
 * breaks.c - the break rules: who may go (signed in where attendance is
 * kept, else seated), the group's cap (max_away), the queue beyond it in
 * the order asked, "next" when a place frees, and the limits.  Nothing is
 * fined here: a break that ends late only offers its over_limit_rule.
 */
#include "breaks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "trail.h"

static const char *state_names[] = { "away", "queued", "next" };

const char *brk_state_name(enum brk_state st) { return state_names[st]; }

int
breaks_cap(const struct floor *f, int g, int present)
{
	const struct cap *c = floor_max_away(f, g);
	int n;

	if (!c->set)
		return -1;
	if (!c->percent)
		return c->value;
	n = present * c->value / 100;
	return n < 1 ? 1 : n;
}

static bool
att_kept(const struct floor *f, const struct att_day *d)
{
	int i;

	for (i = 0; i < f->nstaff; i++)
		if (d[i].status != ATT_UNTRACKED)
			return true;
	return false;
}

static bool
present(const struct floor *f, const struct att_day *d, bool kept, int i)
{
	if (kept)
		return d[i].status == ATT_SIGNED_IN || d[i].status == ATT_LATE;
	return f->staff[i].seat >= 0;
}

static int
minutes_since(time_t now, int64_t t)
{
	return now > t ? (int)((now - t) / 60) : 0;
}

void
breaks_tick(const struct floor *f, struct brk_floor *bf, time_t now)
{
	int i;

	(void)f;
	bf->over = 0;
	for (i = 0; i < bf->n; i++) {
		struct brk *b = &bf->b[i];

		b->minutes = minutes_since(now, b->state == BRK_AWAY ?
		    b->row.started_at : b->row.queued_at);
		b->over = b->state == BRK_AWAY && b->minutes >= b->row.limit_minutes;
		bf->over += b->over;
	}
}

static int
load_with(const struct floor *f, struct store *s, time_t now,
    const struct att_day *d, struct brk_floor *bf, struct err *e)
{
	struct away_row *rows = NULL;
	int *pres, *seen;
	bool kept = att_kept(f, d);
	int n, i, g;

	memset(bf, 0, sizeof *bf);
	if (store_away_open(s, &rows, &n, e) < 0)
		return -1;
	bf->b = xcalloc((size_t)n + 1, sizeof *bf->b);
	bf->away = xcalloc((size_t)f->ngroups + 1, sizeof *bf->away);
	bf->queued = xcalloc((size_t)f->ngroups + 1, sizeof *bf->queued);
	bf->cap = xcalloc((size_t)f->ngroups + 1, sizeof *bf->cap);
	pres = xcalloc((size_t)f->ngroups + 1, sizeof *pres);
	seen = xcalloc((size_t)f->ngroups + 1, sizeof *seen);
	for (i = 0; i < f->nstaff; i++)
		if (f->staff[i].group >= 0 && present(f, d, kept, i))
			pres[f->staff[i].group]++;
	for (g = 0; g < f->ngroups; g++)
		bf->cap[g] = breaks_cap(f, g, pres[g]);
	for (i = 0; i < n; i++) {
		struct brk *b = &bf->b[bf->n++];

		b->row = rows[i];
		b->staff = floor_staff_find(f, rows[i].staff);
		b->group = floor_group_find(f, rows[i].grp);
		b->reason = floor_break_find(f, rows[i].reason);
		if (rows[i].started_at != 0) {
			b->state = BRK_AWAY;
			if (b->group >= 0)
				bf->away[b->group]++;
		}
	}
	/* The queue of each group in the order asked: the first ones that
	 * fit beside those away are next. */
	for (i = 0; i < bf->n; i++) {
		struct brk *b = &bf->b[i];

		if (b->row.started_at != 0)
			continue;
		g = b->group;
		b->place = g >= 0 ? ++seen[g] : 1;
		b->state = g >= 0 && (bf->cap[g] < 0 ||
		    bf->away[g] + b->place <= bf->cap[g]) ? BRK_NEXT : BRK_QUEUED;
		if (g >= 0)
			bf->queued[g]++;
	}
	breaks_tick(f, bf, now);
	free(pres);
	free(seen);
	free(rows);
	return 0;
}

int
breaks_load(const struct floor *f, struct store *s, const char *day,
    time_t now, const struct att_day *d, struct brk_floor *out, struct err *e)
{
	struct att_day *own = NULL;
	int rc;

	if (d == NULL) {
		own = xcalloc((size_t)f->nstaff + 1, sizeof *own);
		if (attendance_day(f, s, day, own, e) < 0) {
			free(own);
			memset(out, 0, sizeof *out);
			return -1;
		}
		d = own;
	}
	rc = load_with(f, s, now, d, out, e);
	free(own);
	return rc;
}

void
breaks_free(struct brk_floor *bf)
{
	free(bf->b);
	free(bf->away);
	free(bf->queued);
	free(bf->cap);
	memset(bf, 0, sizeof *bf);
}

const struct brk *
breaks_of(const struct brk_floor *bf, int staff)
{
	int i;

	for (i = 0; i < bf->n; i++)
		if (bf->b[i].staff == staff)
			return &bf->b[i];
	return NULL;
}

/* Inside the write transaction: the day's attendance and the open
 * breaks as they are now. */
static int
load_now(const struct floor *f, struct store *s, time_t now, char day[DAY_LEN],
    struct brk_floor *bf, struct att_day **d, struct err *e)
{
	clock_shift_day(f, now, day);
	*d = xcalloc((size_t)f->nstaff + 1, sizeof **d);
	if (attendance_day(f, s, day, *d, e) < 0)
		return -1;
	return load_with(f, s, now, *d, bf, e);
}

static int
may_go(const struct floor *f, const struct att_day *d, int staff,
    struct err *e)
{
	const struct staff *p = &f->staff[staff];

	if (att_kept(f, d)) {
		if (!present(f, d, true, staff))
			return err_set(e, EXIT_USAGE, _("%s (%s) is not signed in today "
			    "(%s): where attendance is kept only a signed-in agent "
			    "goes on a break"), p->name, p->id,
			    att_status_name(d[staff].status));
	} else if (p->seat < 0)
		return err_set(e, EXIT_USAGE, _("%s (%s) has no seat on the floor: "
		    "only a seated agent goes on a break"), p->name, p->id);
	return 0;
}

static int
start_in(const struct floor *f, struct store *s, const struct actor *a,
    int staff, int reason, time_t now, const struct brk_floor *bf,
    const struct att_day *d, const char *day, struct brk_result *r,
    struct err *e)
{
	const struct staff *p = &f->staff[staff];
	const struct break_reason *br = &f->breaks[reason];
	const struct brk *b = breaks_of(bf, staff);
	struct away_row row = { 0 };
	char object[48], stamp[32];
	int g = p->group, rc;

	if (b != NULL && b->state == BRK_AWAY) {
		clock_format((time_t)b->row.started_at, stamp, sizeof stamp);
		return err_set(e, EXIT_USAGE, _("%s (%s) is already away (%s since "
		    "%s); end that break first"), p->name, p->id, b->row.reason,
		    stamp + 11);
	}
	if (b != NULL && strcmp(b->row.reason, br->code) != 0)
		return err_set(e, EXIT_USAGE, _("%s (%s) is queued for %s, not %s; "
		    "`break end %s` leaves the queue"), p->name, p->id,
		    b->row.reason, br->code, p->id);
	if (b != NULL && b->state == BRK_QUEUED)
		return err_set(e, EXIT_USAGE, _("%s (%s) is still queued (place %d "
		    "in group %s, %d of %d away); the break starts when a place "
		    "frees"), p->name, p->id, b->place, f->groups[g].id,
		    bf->away[g], bf->cap[g]);
	if (b != NULL) {
		/* next: the supervisor starts it now. */
		if ((rc = store_away_start(s, b->row.id, now, e)) != 0)
			return rc < 0 ? -1 : err_set(e, EXIT_USAGE, _("the break of %s "
			    "changed meanwhile; try again"), p->id);
		r->id = b->row.id;
		r->limit = b->row.limit_minutes;
	} else {
		if (may_go(f, d, staff, e) < 0)
			return -1;
		snprintf(row.staff, sizeof row.staff, "%s", p->id);
		snprintf(row.grp, sizeof row.grp, "%s", f->groups[g].id);
		snprintf(row.reason, sizeof row.reason, "%s", br->code);
		snprintf(row.day, sizeof row.day, "%s", day);
		snprintf(row.by, sizeof row.by, "%s", a->login);
		row.limit_minutes = br->limit_minutes;
		row.queued_at = now;
		r->queued = bf->cap[g] >= 0 &&
		    bf->away[g] + bf->queued[g] >= bf->cap[g];
		row.started_at = r->queued ? 0 : now;
		if ((rc = store_away_add(s, &row, e)) != 0)
			return rc < 0 ? -1 : err_set(e, EXIT_USAGE, _("%s already has a "
			    "break open"), p->id);
		r->id = row.id;
		r->place = r->queued ? bf->queued[g] + 1 : 0;
		r->limit = br->limit_minutes;
	}
	snprintf(object, sizeof object, "break %lld", (long long)r->id);
	return trail_write(f, s, a, r->queued ? "break queued" : "break start",
	    object, e, "%s %s, %s (limit %d min)%s", p->id, p->name, br->code,
	    r->limit, r->queued ? "" : b != NULL ? ", from the queue" : "");
}

int
break_start(const struct floor *f, struct store *s, const struct actor *a,
    int staff, int reason, struct brk_result *r, struct err *e)
{
	struct brk_floor bf = { 0 };
	struct att_day *d = NULL;
	time_t now = clock_now();
	char day[DAY_LEN];
	int rc;

	memset(r, 0, sizeof *r);
	r->next = -1;
	r->reason = reason;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not start "
		    "breaks"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff || f->staff[staff].group < 0)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (reason < 0 || reason >= f->nbreaks)
		return err_set(e, EXIT_USAGE, _("no such break reason"));
	if (store_begin(s, e) < 0)
		return -1;
	rc = load_now(f, s, now, day, &bf, &d, e);
	if (rc == 0)
		rc = start_in(f, s, a, staff, reason, now, &bf, d, day, r, e);
	breaks_free(&bf);
	free(d);
	if (rc != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

int
break_end(const struct floor *f, struct store *s, const struct actor *a,
    int staff, struct brk_result *r, struct err *e)
{
	struct brk_floor bf = { 0 };
	struct att_day *d = NULL;
	const struct brk *b;
	time_t now = clock_now();
	char day[DAY_LEN], object[48];
	int rc, g, i;

	memset(r, 0, sizeof *r);
	r->next = -1;
	r->reason = -1;
	if (!actor_can_mark(a))
		return err_set(e, EXIT_REFUSED, _("%s is a %s: leads do not end "
		    "breaks"), a->login, _(urole_name(a->role)));
	if (staff < 0 || staff >= f->nstaff)
		return err_set(e, EXIT_USAGE, _("no such staff"));
	if (store_begin(s, e) < 0)
		return -1;
	rc = load_now(f, s, now, day, &bf, &d, e);
	if (rc == 0 && (b = breaks_of(&bf, staff)) == NULL)
		rc = err_set(e, EXIT_USAGE, _("%s (%s) is not on a break or in the "
		    "queue"), f->staff[staff].name, f->staff[staff].id);
	else if (rc == 0) {
		r->id = b->row.id;
		r->reason = b->reason;
		r->limit = b->row.limit_minutes;
		r->cancelled = b->state != BRK_AWAY;
		r->minutes = r->cancelled ? 0 : b->minutes;
		r->over = b->over;
		if ((rc = store_away_end(s, b->row.id, now, a->login, r->over, e)) > 0)
			rc = err_set(e, EXIT_USAGE, _("the break of %s changed "
			    "meanwhile; try again"), f->staff[staff].id);
		snprintf(object, sizeof object, "break %lld", (long long)r->id);
		if (rc == 0)
			rc = trail_write(f, s, a, r->cancelled ? "break cancel" :
			    "break end", object, e, "%s %s, %s%s", f->staff[staff].id,
			    f->staff[staff].name, b->row.reason, r->cancelled ?
			    " (left the queue)" : "");
		if (rc == 0 && r->over)
			rc = trail_write(f, s, a, "break over", object, e, "%d min, "
			    "limit %d", r->minutes, r->limit);
	}
	breaks_free(&bf);
	if (rc == 0) {
		/* Who is first in the queue with a free place now. */
		g = f->staff[staff].group;
		rc = load_with(f, s, now, d, &bf, e);
		for (i = 0; rc == 0 && i < bf.n; i++)
			if (bf.b[i].group == g && bf.b[i].state == BRK_NEXT &&
			    bf.b[i].place == 1) {
				r->next = bf.b[i].staff;
				break;
			}
		breaks_free(&bf);
	}
	free(d);
	if (rc != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

/* A break starting (+1) or ending (-1) in a group, for the peak. */
struct edge {
	int64_t at;
	int delta, group;
};

static int
edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->delta - y->delta;	/* an end before a start at once */
}

int
breaks_totals(const struct floor *f, struct store *s, const char *from,
    const char *to, time_t now, struct brk_totals *per, int *peak,
    struct err *e)
{
	struct away_row *rows = NULL;
	struct edge *ev;
	int *cur;
	int n, i, nev = 0;

	memset(per, 0, (size_t)f->nstaff * sizeof *per);
	memset(peak, 0, (size_t)f->ngroups * sizeof *peak);
	if (store_away_range(s, from, to, &rows, &n, e) < 0)
		return -1;
	ev = xcalloc((size_t)n * 2 + 1, sizeof *ev);
	cur = xcalloc((size_t)f->ngroups + 1, sizeof *cur);
	for (i = 0; i < n; i++) {
		int who = floor_staff_find(f, rows[i].staff);
		int64_t end = rows[i].ended_at ? rows[i].ended_at : now;
		int g = floor_group_find(f, rows[i].grp), mins;

		if (rows[i].started_at == 0)
			continue;
		mins = minutes_since((time_t)end, rows[i].started_at);
		if (who >= 0) {
			per[who].breaks++;
			per[who].minutes += mins;
			per[who].over += rows[i].ended_at ? rows[i].over != 0 :
			    mins >= rows[i].limit_minutes;
		}
		if (g < 0)
			continue;
		ev[nev++] = (struct edge){ rows[i].started_at, 1, g };
		ev[nev++] = (struct edge){ end > rows[i].started_at ? end :
		    rows[i].started_at, -1, g };
	}
	qsort(ev, (size_t)nev, sizeof *ev, edge_cmp);
	for (i = 0; i < nev; i++) {
		cur[ev[i].group] += ev[i].delta;
		if (cur[ev[i].group] > peak[ev[i].group])
			peak[ev[i].group] = cur[ev[i].group];
	}
	free(cur);
	free(ev);
	free(rows);
	return 0;
}
