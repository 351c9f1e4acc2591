/*
 * seatview.c - the seat map's views (each seat's state, the coverage and
 * attendance counts, the group fines of the day), derived in memory from
 * the model seatload.c reads and follows: all of them after a load, or
 * only the seats a followed write touched.  Either way a seat's view comes
 * from the same function, so a followed map and a fresh one agree seat by
 * seat.
 */
#include "seatmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seatmap_internal.h"

/* A seat's incidents of the day: how many count, how many are a floor
 * rule's, and the worst (its rank, flag and rule; none while count is 0). */
struct seat_tally {
	int count, desk, sev;
	enum flag flag;
	char rule[STORE_ID];
	int64_t at, id;
};

/*
 * The worst incident of a seat: a flag first, then the larger own fine,
 * then the later (by time, then id), whatever order they come in.
 * A view never prices: the flag is the one frozen with the incident's rule
 * version, the fine the one the engine stored, so the map and the report
 * agree after a rulebook edit.
 */
static void
tally_add(struct seat_tally *t, const struct seat_in *in)
{
	int rank;

	t->count++;
	/* A failed inspection is a floor rule's mark. */
	if (in->desk)
		t->desk++;
	rank = (int)in->flag * 1000000 + (int)(in->own / 100);
	if (t->count == 1 || rank > t->sev || (rank == t->sev && (in->at >
	    t->at || (in->at == t->at && in->id > t->id)))) {
		t->sev = rank;
		t->flag = in->flag;
		memcpy(t->rule, in->rule, STORE_ID);
		t->at = in->at;
		t->id = in->id;
	}
}

/* A seat's tally as its view keeps it. */
static void
tally_of_view(struct seat_tally *t, const struct seat_view *v)
{
	t->count = v->incidents;
	t->desk = v->desk_incidents;
	t->sev = v->worst_rank;
	t->flag = v->worst_flag;
	memcpy(t->rule, v->worst, STORE_ID);
	t->at = v->worst_at;
	t->id = v->worst_id;
}

/* The seat an incident counts on: its person's seat now. */
static int
counts_on(const struct floor *f, const struct seat_in *in)
{
	if (in->voided || in->positive || in->staff < 0)
		return -1;
	return f->staff[in->staff].seat;
}

/* Seat i's share of the map's counts, added (sign 1) or taken (-1). */
static void
seat_count(const struct floor *f, struct seatmap *m, int i, int sign)
{
	const struct seat_view *v = &m->seats[i];

	m->nstate[v->state] += sign;
	if (f->seats[i].staff >= 0) {
		m->occupied += sign;
		m->inspected += sign * (v->inspected ? 1 : 0);
		m->natt[v->att] += sign;
	}
}

/* Seat i's view, written (and noted in m->changed) only where it differs
 * from what it was. */
static void
seat_derive(const struct floor *f, struct seatmap *m, int i,
    const struct seat_tally *t, const bool *insp)
{
	struct seat_view *v = &m->seats[i];
	int who = f->seats[i].staff;
	bool custody = who >= 0 && m->held[who];
	enum att_status att = who >= 0 ? m->att[who].status : ATT_UNTRACKED;
	bool threshold = who >= 0 && m->att[who].threshold;
	const char *rule = t->count > 0 ? t->rule : "";
	enum seat_state state;

	if (who < 0)
		state = SEAT_EMPTY;
	else if (custody)
		state = SEAT_CUSTODY;
	else if (t->count > 0 && t->flag != FLAG_NONE)
		state = SEAT_FLAGGED;
	else if (t->count > 0)
		state = SEAT_INCIDENT;
	else if (insp[i])
		state = SEAT_OK;
	else
		state = SEAT_PENDING;
	if (v->state != state || v->incidents != t->count ||
	    v->desk_incidents != t->desk || v->inspected != insp[i] ||
	    v->custody != custody || v->att != att ||
	    v->att_threshold != threshold || v->worst[0] != rule[0] ||
	    (rule[0] != '\0' && strcmp(v->worst, rule) != 0)) {
		v->state = state;
		v->incidents = t->count;
		v->desk_incidents = t->desk;
		v->inspected = insp[i];
		v->custody = custody;
		v->att = att;
		v->att_threshold = threshold;
		snprintf(v->worst, sizeof v->worst, "%s", rule);
		m->changed[i] = 1;
	}
	v->worst_rank = t->count > 0 ? t->sev : 0;
	v->worst_flag = t->count > 0 ? t->flag : FLAG_NONE;
	v->worst_at = t->count > 0 ? t->at : 0;
	v->worst_id = t->count > 0 ? t->id : 0;
}

void
seatview_fine(const struct floor *f, struct seatmap *m,
    const struct seat_fine *x, int sign)
{
	fen_t *g = x->own ? m->grp_own : m->grp_co;

	*(x->own ? &m->own_total : &m->co_total) += sign * x->amount;
	if (x->staff >= 0)
		g[f->staff[x->staff].group] += sign * x->amount;
}

/* The group panel's day: fines by the payer's group now. */
static void
derive_fines(const struct floor *f, struct seatmap *m)
{
	int i;

	memset(m->grp_own, 0, (size_t)(f->ngroups + 1) * sizeof *m->grp_own);
	memset(m->grp_co, 0, (size_t)(f->ngroups + 1) * sizeof *m->grp_co);
	m->own_total = m->co_total = 0;
	for (i = 0; i < m->nfines; i++)
		seatview_fine(f, m, &m->fines[i], 1);
}

/* Attendance is kept on the day when any occupied seat shows it. */
static void
derive_kept(struct seatmap *m)
{
	m->attendance = m->occupied > m->natt[ATT_UNTRACKED];
}

void
seatview_derive(const struct floor *f, struct seatmap *m, const bool *insp)
{
	struct seat_tally *t = xcalloc((size_t)f->nseats + 1, sizeof *t);
	int i, st;

	m->inspected = m->occupied = 0;
	memset(m->nstate, 0, sizeof m->nstate);
	memset(m->natt, 0, sizeof m->natt);
	for (i = 0; i < m->nin; i++)
		if ((st = counts_on(f, &m->in[i])) >= 0)
			tally_add(&t[st], &m->in[i]);
	for (i = 0; i < f->nseats; i++) {
		seat_derive(f, m, i, &t[i], insp);
		seat_count(f, m, i, 1);
	}
	derive_kept(m);
	derive_fines(f, m);
	free(t);
}

void
seatview_touch(struct seat_touch *t, int seat)
{
	if (seat < 0 || t->slot[seat] != 0)
		return;
	t->list[t->n] = seat;
	t->slot[seat] = ++t->n;
}

void
seatview_touch_inputs(const struct floor *f, const struct seatmap *m,
    const bool *insp, struct seat_touch *t)
{
	int i;

	for (i = 0; i < f->nseats; i++) {
		const struct seat_view *v = &m->seats[i];
		int who = f->seats[i].staff;

		if ((insp && v->inspected != insp[i]) || (who >= 0 &&
		    (v->custody != m->held[who] || (insp && (v->att !=
		    m->att[who].status || v->att_threshold !=
		    m->att[who].threshold)))))
			seatview_touch(t, i);
	}
}

void
seatview_derive_some(const struct floor *f, struct seatmap *m,
    const bool *insp, const struct seat_touch *touch)
{
	struct seat_tally *t = xcalloc((size_t)touch->n + 1, sizeof *t);
	int i, st;

	for (i = 0; i < m->nin; i++)
		if ((st = counts_on(f, &m->in[i])) >= 0 && touch->slot[st] > 0)
			tally_add(&t[touch->slot[st] - 1], &m->in[i]);
	for (i = 0; i < touch->n; i++) {
		st = touch->list[i];
		seat_count(f, m, st, -1);
		seat_derive(f, m, st, &t[i], insp);
		seat_count(f, m, st, 1);
	}
	derive_kept(m);
	free(t);
}

/*
 * Being seen at the desk moves one thing of a day's attendance: a person
 * not signed in yet, with the shift still on, is "seen" rather than "not
 * yet" (as seatload.c's follow_seen, for one person).
 */
static void
seen_again(struct seatmap *m, int who, bool seen)
{
	struct att_day *d = &m->att[who];

	if (d->status == ATT_NOT_YET && seen)
		d->status = ATT_SEEN;
	else if (d->status == ATT_SEEN && !seen)
		d->status = ATT_NOT_YET;
	if (d->status == ATT_NOT_YET || d->status == ATT_SEEN)
		d->seen = seen;
}

void
seatview_follow_touched(const struct floor *f, struct seatmap *m,
    const struct seat_touch *touch)
{
	struct seat_tally *t = xcalloc((size_t)touch->n + 1, sizeof *t);
	bool *insp = xcalloc((size_t)f->nseats + 1, sizeof *insp);
	int i, st, who;

	const struct seat_in *in;
	int n = touch->rescan ? m->nin : touch->nadded;

	/* Only incidents new to the map: each weighed against what the
	 * views keep.  Otherwise the touched seats from the start, in one
	 * pass over the day's incidents. */
	for (i = 0; i < touch->n; i++) {
		st = touch->list[i];
		if (touch->rescan)
			insp[st] = m->insp_i[st];
		else {
			insp[st] = m->seats[st].inspected;
			tally_of_view(&t[i], &m->seats[st]);
		}
	}
	for (i = 0; i < n; i++) {
		in = touch->rescan ? &m->in[i] : &touch->added[i];
		if (in->seat >= 0 && touch->slot[in->seat] > 0 && in->looks &&
		    !in->voided)
			insp[in->seat] = true;
		if ((st = counts_on(f, in)) >= 0 && touch->slot[st] > 0)
			tally_add(&t[touch->slot[st] - 1], in);
	}
	for (i = 0; i < touch->n; i++) {
		st = touch->list[i];
		if ((who = f->seats[st].staff) >= 0)
			seen_again(m, who, insp[st]);
		seat_count(f, m, st, -1);
		seat_derive(f, m, st, &t[i], insp);
		seat_count(f, m, st, 1);
	}
	derive_kept(m);
	free(insp);
	free(t);
}
