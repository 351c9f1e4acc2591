/*
 * seatload.c - the seat map's model: what a day's seat states are derived
 * from (the day's incidents and their fines, the i's, the items held, each
 * person's attendance, the open breaks), read in full by seatmap_load and
 * kept up to date by seatmap_follow, which reads only what the audit
 * trail's new lines name.  The views (seat states, coverage, the group
 * fines of the day) are derived from it in memory, the same way either
 * way, so a followed map and a fresh one agree seat by seat.
 */
#include "seatmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/audit.h"
#include "breaks.h"
#include "clock.h"
#include "seatmap_internal.h"
#include "terms.h"

/* More new audit lines than this at once: load afresh. */
#define FOLLOW_MAX 256

/* ---- the raw material ---- */

static int
seat_of_staff(const struct floor *f, int staff)
{
	return staff >= 0 ? f->staff[staff].seat : -1;
}

/* What the map takes from a rule version, its terms and what its rule is
 * on this floor, found once a load (a version's rule and terms never
 * change; a day has a few dozen versions). */
struct looks_seen {
	int n;
	struct {
		int64_t version;
		enum flag flag;
		bool positive, looks, desk;
	} v[64];
};

/* in as the map keeps it (its own fine filled in later); seen, when not
 * NULL, keeps the terms read. */
static int
to_seat_in(const struct floor *f, struct store *s,
    const struct incident_tick *in, struct seat_in *out,
    struct looks_seen *seen, struct err *e)
{
	struct rule_terms t;
	bool looks, desk;
	int r, k = seen ? seen->n : 0;

	while (k > 0 && seen->v[k - 1].version != in->rule_version)
		k--;
	if (k > 0) {
		t.flag = seen->v[k - 1].flag;
		t.positive = seen->v[k - 1].positive;
		looks = seen->v[k - 1].looks;
		desk = seen->v[k - 1].desk;
	} else if (terms_load(s, in->rule_version, &t, e) < 0)
		return -1;
	else {
		/* What the rule is on this floor. */
		looks = seatmap_rule_looks(f, in->rule);
		r = floor_rule_find(f, in->rule);
		desk = r >= 0 && strcmp(f->rules[r].section, "floor") == 0;
		if (seen && seen->n < (int)(sizeof seen->v /
		    sizeof seen->v[0])) {
			seen->v[seen->n].version = in->rule_version;
			seen->v[seen->n].flag = t.flag;
			seen->v[seen->n].positive = t.positive;
			seen->v[seen->n].looks = looks;
			seen->v[seen->n++].desk = desk;
		}
	}
	memset(out, 0, sizeof *out);
	out->id = in->id;
	out->at = in->at;
	memcpy(out->rule, in->rule, strnlen(in->rule, STORE_ID - 1));
	out->staff = in->staff[0] ? floor_staff_find(f, in->staff) : -1;
	out->seat = in->seat[0] ? floor_seat_find(f, in->seat) : -1;
	out->flag = t.flag;
	out->positive = t.positive;
	out->voided = in->voided_at != 0;
	out->looks = looks;
	out->desk = desk;
	return 0;
}

static bool
before(const struct seat_in *a, int64_t at, int64_t id)
{
	return a->at < at || (a->at == at && a->id < id);
}

/* The entry of incident id, or -1. */
static int
find_in(const struct seatmap *m, int64_t id)
{
	int i;

	if (id > m->in_top)	/* a new one */
		return -1;
	for (i = m->nin - 1; i >= 0; i--)
		if (m->in[i].id == id)
			return i;
	return -1;
}

/* Puts v in its place (by time, then id), replacing the entry of its id
 * (i, from find_in). */
static void
put_in(struct seatmap *m, const struct seat_in *v, int i)
{
	if (v->id > m->in_top)
		m->in_top = v->id;

	if (i >= 0 && m->in[i].at == v->at) {
		m->in[i] = *v;
		return;
	}
	if (i >= 0) {
		memmove(&m->in[i], &m->in[i + 1], (size_t)(m->nin - i - 1) *
		    sizeof *m->in);
		m->nin--;
	}
	if (m->nin == m->capin) {
		m->capin = m->capin ? 2 * m->capin : 256;
		m->in = xrealloc(m->in, (size_t)m->capin * sizeof *m->in);
	}
	for (i = m->nin; i > 0 && !before(&m->in[i - 1], v->at, v->id); i--)
		;
	memmove(&m->in[i + 1], &m->in[i], (size_t)(m->nin - i) * sizeof *m->in);
	m->in[i] = *v;
	m->nin++;
}

static void
add_fine_of(const struct floor *f, struct seatmap *m, int64_t incident,
    const char *staff, bool own, fen_t amount)
{
	struct seat_fine *x;

	if (staff[0] == '\0')	/* a vacancy pays nothing */
		return;
	if (m->nfines == m->capfines) {
		m->capfines = m->capfines ? 2 * m->capfines : 512;
		m->fines = xrealloc(m->fines, (size_t)m->capfines * sizeof *m->fines);
	}
	x = &m->fines[m->nfines++];
	x->incident = incident;
	x->staff = floor_staff_find(f, staff);
	x->own = own;
	x->amount = amount;
}

/* A followed fine line, with its share of the day's fines. */
static void
add_fine(const struct floor *f, struct seatmap *m, const struct fine_row *r)
{
	int n = m->nfines;

	add_fine_of(f, m, r->incident, r->staff, r->own != 0, r->amount);
	if (m->nfines > n)
		seatview_fine(f, m, &m->fines[n], 1);
}

/* Drops incident's fine lines, and their shares of the day's fines. */
static void
drop_fines(const struct floor *f, struct seatmap *m, int64_t incident)
{
	int i, k = 0;

	for (i = 0; i < m->nfines; i++)
		if (m->fines[i].incident != incident)
			m->fines[k++] = m->fines[i];
		else
			seatview_fine(f, m, &m->fines[i], -1);
	m->nfines = k;
}

struct day_marks {
	const struct floor *f;
	struct store *s;
	struct seatmap *m;
	struct looks_seen seen;
	struct err *e;
};

/* A co-penalty or group line of the day. */
static int
day_line(void *arg, const struct fine_tick *l)
{
	struct day_marks *dm = arg;

	add_fine_of(dm->f, dm->m, l->incident, l->staff, false, l->amount);
	return 0;
}

static int
by_at_then_id(const void *a, const void *b)
{
	const struct seat_in *x = a, *y = b;

	if (before(x, y->at, y->id))
		return -1;
	return before(y, x->at, x->id);
}

/* An incident of the day, with its offender's own fine when it is live
 * (the own line is read with it: schema 11). */
static int
day_mark(void *arg, const struct incident_tick *t)
{
	struct day_marks *dm = arg;
	struct seatmap *m = dm->m;
	struct seat_in *v;

	if (m->nin == m->capin) {
		m->capin = m->capin ? 2 * m->capin : 256;
		m->in = xrealloc(m->in, (size_t)m->capin * sizeof *m->in);
	}
	v = &m->in[m->nin];
	if (to_seat_in(dm->f, dm->s, t, v, &dm->seen, dm->e) < 0)
		return -1;
	if (t->voided_at == 0 && t->own_fine >= 0) {
		v->own = t->own_fine;
		add_fine_of(dm->f, m, t->id, t->staff, true, t->own_fine);
	}
	if (t->id > m->in_top)
		m->in_top = t->id;
	m->nin++;
	return 0;
}

/* The day's incidents, by time then id, and the fines of the live ones:
 * each offender's own with its incident, then the co-penalty lines (both
 * read bare, in no order: the map sums the lines, and the incidents
 * mostly come in order already). */
static int
load_incidents(const struct floor *f, struct store *s, struct seatmap *m,
    struct err *e)
{
	struct day_marks dm = { f, s, m, { 0 }, e };
	int i;

	if (store_incident_each(s, m->day, m->day, day_mark, &dm, e) != 0 ||
	    store_co_fine_each(s, m->day, m->day, day_line, &dm, e) < 0)
		return -1;
	for (i = 1; i < m->nin && before(&m->in[i - 1], m->in[i].at,
	    m->in[i].id); i++)
		;
	if (i < m->nin)
		qsort(m->in, (size_t)m->nin, sizeof *m->in, by_at_then_id);
	return 0;
}

/* Re-reads incident id into *in: when it is of the map's day, its entry
 * and its fine lines too, and it joins news; the seats it counts on, before
 * and now, are touched.  1 when there is none. */
static int
reread_incident(const struct floor *f, struct store *s, struct seatmap *m,
    int64_t id, struct incident *in, struct seat_news *news,
    struct seat_touch *touch, struct err *e)
{
	struct fine_row *fr = NULL;
	struct incident_tick tick;
	struct seat_in v;
	bool has_own = false;
	fen_t news_own;
	int nfr = 0, i, rc, at;

	rc = store_incident_get(s, id, in, e);
	if (rc != 0)
		return rc < 0 ? -1 : 1;
	if (strcmp(in->day, m->day) != 0)
		return 0;
	tick = (struct incident_tick){ in->id, in->at, in->rule_version,
	    in->voided_at, in->rule, in->staff, in->seat, -1 };
	if (to_seat_in(f, s, &tick, &v, NULL, e) < 0 ||
	    store_fines_of(s, id, &fr, &nfr, e) < 0)
		return -1;
	/* A new one has no fine lines kept yet. */
	if ((at = find_in(m, id)) >= 0) {
		drop_fines(f, m, id);
		seatview_touch(touch, seat_of_staff(f, m->in[at].staff));
		seatview_touch(touch, m->in[at].seat);
	}
	seatview_touch(touch, seat_of_staff(f, v.staff));
	seatview_touch(touch, v.seat);
	for (i = 0; i < nfr; i++) {
		if (fr[i].own) {
			v.own += fr[i].amount;
			has_own = true;
		}
		if (!v.voided)
			add_fine(f, m, &fr[i]);
	}
	free(fr);
	/* The feed shows a voided incident's fine; the seat counts none. */
	news_own = has_own ? v.own : -1;
	if (v.voided)
		v.own = 0;
	put_in(m, &v, at);
	/* One new to the map is weighed alone (seatview.c). */
	if (at >= 0 || touch->nadded ==
	    (int)(sizeof touch->added / sizeof touch->added[0]))
		touch->rescan = true;
	else
		touch->added[touch->nadded++] = v;
	for (i = 0; i < news->n && news->in[i].id != id; i++)
		;
	if (i == news->n) {
		news->in = xrealloc(news->in, (size_t)(news->n + 1) *
		    sizeof *news->in);
		news->own = xrealloc(news->own, (size_t)(news->n + 1) *
		    sizeof *news->own);
		news->n++;
	}
	news->in[i] = *in;
	news->own[i] = news_own;
	return 0;
}

static int
load_inspections(const struct floor *f, struct store *s, struct seatmap *m,
    struct err *e)
{
	char (*ids)[STORE_ID] = NULL;
	int n, i, st;

	if (store_inspected(s, m->day, &ids, &n, e) < 0)
		return -1;
	memset(m->insp_i, 0, (size_t)f->nseats * sizeof *m->insp_i);
	for (i = 0; i < n; i++)
		if ((st = floor_seat_find(f, ids[i])) >= 0)
			m->insp_i[st] = true;
	free(ids);
	return 0;
}

static int
load_custody(const struct floor *f, struct store *s, struct seatmap *m,
    struct err *e)
{
	struct custody *cu = NULL;
	int n, i, si;

	if (store_custody_held(s, &cu, &n, e) < 0)
		return -1;
	memset(m->held, 0, (size_t)f->nstaff * sizeof *m->held);
	for (i = 0; i < n; i++)
		if ((si = floor_staff_find(f, cu[i].staff)) >= 0)
			m->held[si] = true;
	free(cu);
	return 0;
}

/* The seats inspected today (insp): an i, or a mark made on the seat. */
static void
derive_inspected(const struct floor *f, const struct seatmap *m, bool *insp)
{
	int i;

	memcpy(insp, m->insp_i, (size_t)f->nseats * sizeof *insp);
	for (i = 0; i < m->nin; i++)
		if (!m->in[i].voided && m->in[i].seat >= 0 && m->in[i].looks)
			insp[m->in[i].seat] = true;
}

/* Who was seen at the desk: whoever sits at an inspected seat. */
static void
derive_seen(const struct floor *f, const bool *insp, bool *seen)
{
	int i;

	memset(seen, 0, (size_t)(f->nstaff + 1) * sizeof *seen);
	for (i = 0; i < f->nseats; i++)
		if (insp[i] && f->seats[i].staff >= 0)
			seen[f->seats[i].staff] = true;
}

static int
load_attendance(const struct floor *f, struct store *s, struct seatmap *m,
    const bool *insp, struct err *e)
{
	bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	int rc;

	derive_seen(f, insp, seen);
	m->att_over = attendance_day_over(f, m->day, clock_now());
	rc = attendance_day_seen(f, s, m->day, seen, m->att, e);
	free(seen);
	return rc;
}

/*
 * Being seen at the desk changes one thing of a day's attendance: a
 * person not signed in yet, with the shift still on, is "seen" rather
 * than "not yet" (no total counts either).  So a mark or an i, or one
 * taken back, moves that status without walking the month again.
 */
static void
follow_seen(const struct floor *f, struct seatmap *m, const bool *insp)
{
	bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
	int i;

	derive_seen(f, insp, seen);
	for (i = 0; i < f->nstaff; i++) {
		struct att_day *d = &m->att[i];

		if (d->status == ATT_NOT_YET && seen[i])
			d->status = ATT_SEEN;
		else if (d->status == ATT_SEEN && !seen[i])
			d->status = ATT_NOT_YET;
		if (d->status == ATT_NOT_YET || d->status == ATT_SEEN)
			d->seen = seen[i];
	}
	free(seen);
}

/* The open breaks, on the seats of those who take them (today only). */
static int
load_breaks(const struct floor *f, struct store *s, struct seatmap *m,
    struct err *e)
{
	struct brk_floor bf;
	time_t now = clock_now();
	char today[DAY_LEN];
	int i;

	m->brk_away = m->brk_over = m->brk_queued = 0;
	for (i = 0; i < f->ngroups; i++)
		m->grp_away[i] = m->grp_over[i] = m->grp_queued[i] = 0;
	for (i = 0; i < f->nseats; i++) {
		struct seat_view *v = &m->seats[i];

		if (v->brk != SEAT_BRK_NONE)	/* it may end or move */
			m->changed[i] = 1;
		v->brk = SEAT_BRK_NONE;
		v->brk_reason[0] = '\0';
		v->brk_minutes = v->brk_place = v->brk_limit = 0;
		v->brk_since = 0;
	}
	clock_shift_day(f, now, today);
	if (strcmp(today, m->day) != 0)
		return 0;
	if (breaks_load(f, s, m->day, now, m->att, &bf, e) < 0)
		return -1;
	for (i = 0; i < bf.n; i++) {
		const struct brk *b = &bf.b[i];
		struct seat_view *v;
		int seat = seat_of_staff(f, b->staff);

		if (b->group >= 0) {
			if (b->state == BRK_AWAY)
				m->grp_away[b->group]++;
			else
				m->grp_queued[b->group]++;
		}
		if (b->state == BRK_AWAY)
			m->brk_away++;
		else
			m->brk_queued++;
		if (seat < 0)
			continue;
		v = &m->seats[seat];
		m->changed[seat] = 1;
		v->brk = b->state == BRK_AWAY ? SEAT_BRK_AWAY : b->state ==
		    BRK_NEXT ? SEAT_BRK_NEXT : SEAT_BRK_QUEUED;
		memcpy(v->brk_reason, b->row.reason, STORE_ID);
		v->brk_place = b->place;
		v->brk_since = b->row.started_at;
		v->brk_limit = b->row.limit_minutes;
	}
	breaks_free(&bf);
	seatmap_tick(f, m, now);
	return 0;
}

/* ---- loading and following ---- */

int
seatmap_load(const struct floor *f, struct store *s, const char *day,
    struct seatmap *m, struct err *e)
{
	bool *insp;
	int rc;

	memset(m, 0, sizeof *m);
	snprintf(m->day, sizeof m->day, "%s", day);
	m->seats = xcalloc((size_t)f->nseats + 1, sizeof *m->seats);
	m->insp_i = xcalloc((size_t)f->nseats + 1, sizeof *m->insp_i);
	m->held = xcalloc((size_t)f->nstaff + 1, sizeof *m->held);
	m->att = xcalloc((size_t)f->nstaff + 1, sizeof *m->att);
	m->grp_away = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_away);
	m->grp_over = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_over);
	m->grp_queued = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_queued);
	m->grp_own = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_own);
	m->grp_co = xcalloc((size_t)f->ngroups + 1, sizeof *m->grp_co);
	m->changed = xcalloc((size_t)f->nseats + 1, sizeof *m->changed);
	insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	/* The audit line first: a write that lands while the rest is read
	 * is followed again later (re-reading is harmless). */
	rc = store_audit_last(s, &m->audit, e);
	if (rc == 0)
		rc = load_incidents(f, s, m, e);
	if (rc == 0)
		rc = load_inspections(f, s, m, e);
	if (rc == 0)
		rc = load_custody(f, s, m, e);
	if (rc == 0) {
		derive_inspected(f, m, insp);
		rc = load_attendance(f, s, m, insp, e);
	}
	if (rc == 0)
		rc = load_breaks(f, s, m, e);
	if (rc == 0)
		seatview_derive(f, m, insp);
	free(insp);
	if (rc < 0)
		seatmap_free(m);
	return rc;
}

void
seatmap_free(struct seatmap *m)
{
	free(m->seats);
	free(m->grp_away);
	free(m->grp_over);
	free(m->grp_queued);
	free(m->grp_own);
	free(m->grp_co);
	free(m->in);
	free(m->fines);
	free(m->insp_i);
	free(m->held);
	free(m->att);
	free(m->changed);
	if (m->touch) {
		free(m->touch->slot);
		free(m->touch->list);
		free(m->touch);
	}
	memset(m, 0, sizeof *m);
}

void
seat_news_free(struct seat_news *n)
{
	free(n->in);
	free(n->own);
	free(n->seats);
	free(n->groups);
	memset(n, 0, sizeof *n);
}

/* What one audit line's object names: "incident 12", "seat A01". */
enum touch { T_INCIDENT, T_CUSTODY, T_INSPECTION, T_ATTENDANCE, T_BREAK,
	T_NOTHING, T_UNKNOWN };

static enum touch
touch_of(const struct audit_change *c, int64_t *id)
{
	static const struct {
		const char *prefix;
		enum touch t;
	} kinds[] = {
		{ "incident ", T_INCIDENT }, { "custody ", T_CUSTODY },
		{ "inspection ", T_INSPECTION }, { "seat ", T_INSPECTION },
		{ "staff ", T_ATTENDANCE }, { "leave ", T_ATTENDANCE },
		{ "break ", T_BREAK }, { "complaint ", T_NOTHING },
	};
	size_t i, n;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		n = strlen(kinds[i].prefix);
		if (strncmp(c->object, kinds[i].prefix, n) == 0) {
			*id = strtoll(c->object + n, NULL, 10);
			return kinds[i].t;
		}
	}
	return T_UNKNOWN;
}

/* Incident id changed: it, and the day's incidents of the same person
 * and rule (renumbered and re-priced with it), are read again.  A new
 * incident of the map's day renumbers only those after it (the engine
 * numbers a series by time, and one added leaves those before it as they
 * were): none, for a mark made as it happens. */
static int
follow_incident(const struct floor *f, struct store *s, struct seatmap *m,
    int64_t id, struct seat_news *news, struct seat_touch *touch, bool *att,
    bool *custody, struct err *e)
{
	struct incident in;
	int64_t *ids;
	bool was_new = find_in(m, id) < 0, after_only;
	int i, n = 0, rc, staff, r, k;

	if ((rc = reread_incident(f, s, m, id, &in, news, touch, e)) != 0)
		return rc;
	r = floor_rule_find(f, in.rule);
	if (r >= 0 && f->rules[r].t.absence_halfdays > 0)
		*att = true;
	/* A mark that confiscates holds an item (its return, or an undo that
	 * closes it, has a custody line of its own). */
	if (r < 0 || f->rules[r].t.confiscate[0] != '\0')
		*custody = true;
	if (in.staff[0] == '\0')
		return 0;
	staff = floor_staff_find(f, in.staff);
	after_only = was_new && strcmp(in.day, m->day) == 0;
	k = after_only ? find_in(m, id) + 1 : 0;
	ids = xcalloc((size_t)m->nin + 1, sizeof *ids);
	for (i = k; i < m->nin; i++)
		if (m->in[i].id != id && m->in[i].staff == staff &&
		    strcmp(m->in[i].rule, in.rule) == 0)
			ids[n++] = m->in[i].id;
	for (i = 0; i < n && rc == 0; i++)
		rc = reread_incident(f, s, m, ids[i], &in, news, touch, e);
	free(ids);
	return rc;
}

/* The views as they were before a follow, to tell what it changed (a
 * seat's view is noted in m->changed where it is written anew). */
struct views_before {
	fen_t *grp[2];
	int *cnt[3];
	int inspected, occupied, brk_away, brk_over, brk_queued;
	bool attendance;
	fen_t own_total, co_total;
};

static void *
dup_of(const void *p, size_t n)
{
	void *q = xcalloc(1, n);

	memcpy(q, p, n);
	return q;
}

static void
views_keep(const struct floor *f, struct seatmap *m,
    struct views_before *b)
{
	size_t ng = (size_t)f->ngroups + 1;

	memset(m->changed, 0, (size_t)f->nseats * sizeof *m->changed);
	b->grp[0] = dup_of(m->grp_own, ng * sizeof *m->grp_own);
	b->grp[1] = dup_of(m->grp_co, ng * sizeof *m->grp_co);
	b->cnt[0] = dup_of(m->grp_away, ng * sizeof *m->grp_away);
	b->cnt[1] = dup_of(m->grp_over, ng * sizeof *m->grp_over);
	b->cnt[2] = dup_of(m->grp_queued, ng * sizeof *m->grp_queued);
	b->inspected = m->inspected;
	b->occupied = m->occupied;
	b->brk_away = m->brk_away;
	b->brk_over = m->brk_over;
	b->brk_queued = m->brk_queued;
	b->attendance = m->attendance;
	b->own_total = m->own_total;
	b->co_total = m->co_total;
}

/* The seats and groups whose views differ from b, into news; frees b. */
static void
views_compare(const struct floor *f, const struct seatmap *m,
    struct views_before *b, struct seat_news *news)
{
	int i;

	for (i = 0; i < f->nseats; i++) {
		if (!m->changed[i])
			continue;
		if (news->nseats % 64 == 0)
			news->seats = xrealloc(news->seats, (size_t)(news->nseats +
			    64) * sizeof *news->seats);
		news->seats[news->nseats++] = i;
	}
	for (i = 0; i < f->ngroups; i++) {
		if (b->grp[0][i] == m->grp_own[i] && b->grp[1][i] == m->grp_co[i] &&
		    b->cnt[0][i] == m->grp_away[i] && b->cnt[1][i] ==
		    m->grp_over[i] && b->cnt[2][i] == m->grp_queued[i])
			continue;
		if (news->ngroups % 16 == 0)
			news->groups = xrealloc(news->groups, (size_t)(news->ngroups +
			    16) * sizeof *news->groups);
		news->groups[news->ngroups++] = i;
	}
	news->counts = b->inspected != m->inspected || b->occupied !=
	    m->occupied || b->brk_away != m->brk_away || b->brk_over !=
	    m->brk_over || b->brk_queued != m->brk_queued || b->attendance !=
	    m->attendance;
	news->fines = b->own_total != m->own_total || b->co_total != m->co_total;
	for (i = 0; i < 2; i++)
		free(b->grp[i]);
	for (i = 0; i < 3; i++)
		free(b->cnt[i]);
}

/* The seats a follow touches, kept with the map (cleared as used). */
static struct seat_touch *
touch_start(const struct floor *f, struct seatmap *m)
{
	if (m->touch == NULL) {
		m->touch = xcalloc(1, sizeof *m->touch);
		m->touch->slot = xcalloc((size_t)f->nseats + 1,
		    sizeof *m->touch->slot);
		m->touch->list = xcalloc((size_t)f->nseats + 1,
		    sizeof *m->touch->list);
	}
	return m->touch;
}

static void
touch_end(struct seat_touch *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		t->slot[t->list[i]] = 0;
	t->n = t->nadded = 0;
	t->rescan = false;
}

int
seatmap_follow(const struct floor *f, struct store *s, struct seatmap *m,
    struct seat_news *news, struct err *e)
{
	struct views_before before;
	struct audit_change *ch = NULL;
	struct seat_touch *touch;
	bool more, insp_i = false, custody = false, att = false, brk = false;
	bool *insp;
	int n, i, rc = 0;

	memset(news, 0, sizeof *news);
	if (store_audit_since(s, m->audit, FOLLOW_MAX, &ch, &n, &more, e) < 0)
		return -1;
	if (more || n == 0) {
		free(ch);
		return more ? 1 : 0;
	}
	news->any = true;
	/* Before the incidents are read again: the day's fines move with
	 * each line followed. */
	views_keep(f, m, &before);
	touch = touch_start(f, m);
	for (i = 0; i < n && rc == 0; i++) {
		int64_t id = 0;

		switch (touch_of(&ch[i], &id)) {
		case T_INCIDENT:
			news->incidents = true;
			rc = follow_incident(f, s, m, id, news, touch, &att,
			    &custody, e);
			break;
		case T_CUSTODY: custody = true; break;
		case T_INSPECTION: insp_i = true; break;
		case T_ATTENDANCE: att = true; break;
		case T_BREAK: brk = true; break;
		case T_NOTHING: break;
		default: rc = 1; break;
		}
	}
	if (rc == 0)
		m->audit = ch[n - 1].id;
	free(ch);
	/* The shift ended since attendance was read: who did not come is
	 * absent now (the walk says so). */
	if (m->att_over != attendance_day_over(f, m->day, clock_now()))
		att = true;
	if (rc == 0 && custody)
		rc = load_custody(f, s, m, e);
	/* A mark, a void, an item taken or handed back: only the seats they
	 * touch can change. */
	if (rc == 0 && !insp_i && !att && !brk) {
		if (custody)
			seatview_touch_inputs(f, m, NULL, touch);
		seatview_follow_touched(f, m, touch);
		touch_end(touch);
		views_compare(f, m, &before, news);
		return 0;
	}
	insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	if (rc == 0 && insp_i)
		rc = load_inspections(f, s, m, e);
	if (rc == 0) {
		derive_inspected(f, m, insp);
		if (att)
			rc = load_attendance(f, s, m, insp, e);
		else
			follow_seen(f, m, insp);
	}
	/* The breaks' caps count who is present. */
	if (rc == 0 && (att || brk)) {
		rc = load_breaks(f, s, m, e);
		news->breaks = true;
	}
	/* Attendance or breaks read again may move any seat: all are
	 * derived; otherwise only the seats the write touched. */
	if (rc == 0 && (att || brk))
		seatview_derive(f, m, insp);
	else if (rc == 0) {
		seatview_touch_inputs(f, m, insp, touch);
		seatview_derive_some(f, m, insp, touch);
	}
	touch_end(touch);
	free(insp);
	views_compare(f, m, &before, news);
	if (rc != 0)
		seat_news_free(news);
	return rc;
}
