/*
 * report_day.c - one shift day summed for the end-of-day summary
 * (report_day.h): who was fined what, per incident, per person and per
 * group, from the incidents and fine lines the store returned.  Pure: no
 * store, no text, no prices.
 */
#include "report_day.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "engine.h"

time_t
report_day_at(const char *day, int days, int minutes)
{
	char d[DAY_LEN], s[32];
	time_t t;

	clock_add_days(day, days, d);
	snprintf(s, sizeof s, "%s %02d:%02d", d, (minutes / 60) % 100,
	    minutes % 60);
	return clock_parse_local(s, &t) < 0 ? 0 : t;
}

time_t
report_day_end(const struct floor *f, const char *day)
{
	return report_day_at(day, f->shift_end <= f->shift_start, f->shift_end);
}

fen_t
report_fines_paid(const struct fine_row *fr, int n)
{
	fen_t sum = 0;
	int i;

	for (i = 0; i < n; i++)
		if (fr[i].staff[0] != '\0')
			sum += fr[i].amount;
	return sum;
}

void
report_day_init(struct report_day *d, const struct floor *f, const char *day,
    time_t now)
{
	memset(d, 0, sizeof *d);
	d->f = f;
	snprintf(d->day, sizeof d->day, "%s", day);
	d->now = now;
	d->end = report_day_end(f, day);
}

void
report_day_free(struct report_day *d)
{
	int i;

	for (i = 0; i < d->np; i++) {
		free(d->pp[i].inc);
		free(d->pp[i].co_line);
	}
	free(d->pp);
	free(d->pidx);
	free(d->inc);
	free(d->lines);
	free(d->by_id);
	free(d->inspected);
	free(d->seat_seen);
	free(d->held);
	free(d->vo);
}

static int
by_id_cmp(const void *a, const void *b)
{
	const struct day_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* A busy day has thousands of incidents and as many fine lines: each
 * line's incident is found by halving, not by a walk. */
static struct day_inc *
find_inc(struct report_day *d, int64_t id)
{
	int lo, i;

	if (d->by_id == NULL) {
		d->by_id = xcalloc((size_t)d->ninc + 1, sizeof *d->by_id);
		for (i = 0; i < d->ninc; i++) {
			d->by_id[i].id = d->inc[i].in.id;
			d->by_id[i].i = i;
		}
		qsort(d->by_id, (size_t)d->ninc, sizeof *d->by_id, by_id_cmp);
	}
	lo = lower_bound_i64(d->by_id, d->ninc, sizeof *d->by_id,
	    offsetof(struct day_id, id), id);
	return lo < d->ninc && d->by_id[lo].id == id ?
	    &d->inc[d->by_id[lo].i] : NULL;
}

static struct day_person *
person(struct report_day *d, const char *id)
{
	struct day_person *p;
	int i, si = floor_staff_find(d->f, id);

	/* Found by the floor's hash, not by a walk over everyone so far
	 * (a busy day names thousands); only former staff are searched. */
	if (si >= 0 && d->pidx == NULL) {
		d->pidx = xcalloc((size_t)d->f->nstaff + 1, sizeof *d->pidx);
		for (i = 0; i < d->f->nstaff; i++)
			d->pidx[i] = -1;
	}
	if (si >= 0 && d->pidx[si] >= 0)
		return &d->pp[d->pidx[si]];
	for (i = 0; si < 0 && i < d->np; i++)
		if (d->pp[i].staff < 0 && strcmp(d->pp[i].id, id) == 0)
			return &d->pp[i];
	d->pp = xrealloc(d->pp, (size_t)(d->np + 1) * sizeof *d->pp);
	if (si >= 0)
		d->pidx[si] = d->np;
	p = &d->pp[d->np++];
	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s", id);
	p->staff = si;
	p->group = si >= 0 ? d->f->staff[si].group : -1;
	return p;
}

static void
push_int(int **a, int *n, int v)
{
	*a = xrealloc(*a, (size_t)(*n + 1) * sizeof **a);
	(*a)[(*n)++] = v;
}

static int
person_cmp(const void *a, const void *b)
{
	const struct day_person *x = a, *y = b;

	if (x->group != y->group)
		return x->group < 0 ? 1 : y->group < 0 ? -1 : x->group - y->group;
	return strcmp(x->id, y->id);
}

void
report_day_set(struct report_day *d, struct day_inc *inc, int ninc,
    struct fine_line *lines, int nlines)
{
	int i;

	d->inc = inc;
	d->ninc = ninc;
	d->lines = lines;
	d->nlines = nlines;
	for (i = 0; i < d->nlines; i++) {
		const struct fine_row *fr = &d->lines[i].f;
		struct day_inc *c = find_inc(d, fr->incident);
		struct day_person *p;

		if (c != NULL && fr->own)
			c->doubled = fr->doubled;
		if (fr->staff[0] == '\0')
			continue;	/* a vacant role: counts in no total */
		if (c != NULL)
			c->fines += fr->amount;
		p = person(d, fr->staff);
		if (fr->own)
			p->own += fr->amount;
		else {
			p->co += fr->amount;
			push_int(&p->co_line, &p->nco, i);
		}
	}
	for (i = 0; i < d->ninc; i++) {
		const struct day_inc *c = &d->inc[i];

		if (c->in.voided_at == 0 && c->in.staff[0] != '\0' &&
		    !c->t.positive) {
			struct day_person *p = person(d, c->in.staff);

			push_int(&p->inc, &p->ninc, i);
		}
	}
	if (d->np > 1) {	/* d->pp is NULL on a day without incidents */
		qsort(d->pp, (size_t)d->np, sizeof *d->pp, person_cmp);
		for (i = 0; i < d->np; i++)
			if (d->pp[i].staff >= 0)
				d->pidx[d->pp[i].staff] = i;
	}
}

bool
report_day_voided_here(const struct floor *f, const char *day,
    const struct incident *in)
{
	char vday[DAY_LEN];

	if (in->voided_at == 0)
		return false;
	clock_shift_day(f, (time_t)in->voided_at, vday);
	return strcmp(vday, day) == 0 && strcmp(in->day, day) != 0;
}

void
report_day_set_inspected(struct report_day *d, char (*ids)[STORE_ID], int n)
{
	int i, seat;

	d->inspected = ids;
	d->ninspected = n;
	/* Flagged once: the totals and each group ask seat by seat. */
	d->seat_seen = xcalloc((size_t)d->f->nseats + 1, sizeof *d->seat_seen);
	for (i = 0; i < n; i++)
		if ((seat = floor_seat_find(d->f, ids[i])) >= 0)
			d->seat_seen[seat] = true;
}

bool
report_day_inspected(const struct report_day *d, int seat)
{
	return d->seat_seen != NULL && d->seat_seen[seat];
}

void
report_day_totals(const struct report_day *d, struct day_totals *t)
{
	const struct floor *f = d->f;
	int i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < d->nlines; i++) {
		const struct fine_row *fr = &d->lines[i].f;

		if (fr->staff[0] == '\0')
			continue;
		switch (engine_fine_kind(fr)) {
		case FINE_OWN: t->own += fr->amount; break;
		case FINE_GROUP: t->grp += fr->amount; break;
		case FINE_CO: t->co += fr->amount; break;
		}
	}
	for (i = 0; i < d->ninc; i++) {
		const struct day_inc *x = &d->inc[i];

		if (x->in.voided_at != 0)
			t->voided++;
		else if (x->t.positive)
			t->praised++;
		else {
			t->counted++;
			t->flagged += x->t.flag != FLAG_NONE;
		}
	}
	for (i = 0; i < d->np; i++)
		t->fined += d->pp[i].own + d->pp[i].co != 0;
	for (i = 0; i < f->nseats; i++)
		if (f->seats[i].staff >= 0) {
			t->seats++;
			t->seen += report_day_inspected(d, i);
		}
}

void
report_day_group(const struct report_day *d, int g, struct day_group *t)
{
	const struct floor *f = d->f;
	int i, k;

	memset(t, 0, sizeof *t);
	for (i = 0; i < f->nstaff; i++)
		t->head += f->staff[i].group == g;
	for (i = 0; i < f->nseats; i++) {
		int who = f->seats[i].staff;

		if (who >= 0 && f->staff[who].group == g) {
			t->seats++;
			t->seen += report_day_inspected(d, i);
		}
	}
	for (i = 0; i < d->np; i++) {
		const struct day_person *p = &d->pp[i];

		if (p->group != g)
			continue;
		t->rows++;
		t->own += p->own;
		t->co += p->co;
		for (k = 0; k < p->nco; k++) {
			const struct fine_row *fr = &d->lines[p->co_line[k]].f;

			if (engine_fine_kind(fr) == FINE_GROUP)
				t->grp += fr->amount;
		}
	}
}

int
report_day_rules(const struct report_day *d, struct day_rule **out)
{
	const struct floor *f = d->f;
	struct day_rule *r = NULL;
	int n = 0, i, j;

	/* The rulebook's codes, then those it lost, each once. */
	for (i = 0; i < f->nrules; i++) {
		r = xrealloc(r, (size_t)(n + 1) * sizeof *r);
		memset(&r[n], 0, sizeof *r);
		r[n++].code = f->rules[i].code;
	}
	for (i = 0; i < d->ninc; i++) {
		if (d->inc[i].rule >= 0)
			continue;
		for (j = f->nrules; j < n; j++)
			if (strcmp(r[j].code, d->inc[i].in.rule) == 0)
				break;
		if (j == n) {
			r = xrealloc(r, (size_t)(n + 1) * sizeof *r);
			memset(&r[n], 0, sizeof *r);
			r[n++].code = d->inc[i].in.rule;
		}
	}
	for (j = 0; j < n; j++)
		for (i = 0; i < d->ninc; i++) {
			const struct day_inc *x = &d->inc[i];

			if (strcmp(x->in.rule, r[j].code) != 0 || x->t.positive)
				continue;
			if (r[j].first == NULL)
				r[j].first = x;
			if (x->in.voided_at != 0)
				r[j].voided++;
			else {
				r[j].n++;
				r[j].fines += x->fines;
			}
		}
	/* Only the rules with incidents. */
	for (i = j = 0; j < n; j++)
		if (r[j].first != NULL)
			r[i++] = r[j];
	*out = r;
	return i;
}
