/*
 * ledger.c - per-person totals for `fines`, the report and the console's
 * group panel.  The store gives the period's fine lines; this file sums
 * them per person, attaches names and groups from the floor model and
 * orders the rows.
 */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
row_cmp(const void *a, const void *b)
{
	const struct ledger_row *x = a, *y = b;
	int c = strcmp(x->group, y->group);

	return c != 0 ? c : strcmp(x->staff_id, y->staff_id);
}

/* Each person's own fines and co-penalties, summed as the lines come. */
struct sums {
	const struct floor *f;
	fen_t *own, *co;		/* by staff index */
	struct fine_total *former;	/* not on the floor (any more) */
	int nformer;
	int (*also)(void *arg, const struct fine_tick *l);
	void *also_arg;
};

static int
sum_line(void *arg, const struct fine_tick *l)
{
	struct sums *sm = arg;
	fen_t *own, *co;
	int si, i;

	if (sm->also != NULL && (i = sm->also(sm->also_arg, l)) != 0)
		return i;
	if (l->staff[0] == '\0')
		return 0;	/* a vacant role: nobody pays */
	if ((si = floor_staff_find(sm->f, l->staff)) >= 0) {
		own = &sm->own[si];
		co = &sm->co[si];
	} else {
		for (i = 0; i < sm->nformer &&
		    strcmp(sm->former[i].staff, l->staff) != 0; i++)
			;
		if (i == sm->nformer) {
			sm->former = xrealloc(sm->former, ((size_t)i + 1) *
			    sizeof *sm->former);
			memset(&sm->former[i], 0, sizeof *sm->former);
			snprintf(sm->former[i].staff, sizeof sm->former[i].staff,
			    "%s", l->staff);
			sm->nformer++;
		}
		own = &sm->former[i].own;
		co = &sm->former[i].co;
	}
	*(l->own ? own : co) += l->amount;
	return 0;
}

int
ledger_fines(const struct floor *f, struct store *s, const char *from,
    const char *to, const char *group, struct ledger_row **rows, int *n,
    struct err *e)
{
	return ledger_fines_and(f, s, from, to, group, NULL, NULL, rows, n, e);
}

int
ledger_fines_and(const struct floor *f, struct store *s, const char *from,
    const char *to, const char *group,
    int (*also)(void *arg, const struct fine_tick *l), void *also_arg,
    struct ledger_row **rows, int *n, struct err *e)
{
	struct sums sm = { f, NULL, NULL, NULL, 0, also, also_arg };
	int i, k = 0;

	*rows = NULL;
	*n = 0;
	sm.own = xcalloc((size_t)f->nstaff + 1, sizeof *sm.own);
	sm.co = xcalloc((size_t)f->nstaff + 1, sizeof *sm.co);
	/* Summed here from the lines as they come: a month of a large floor
	 * is a hundred thousand lines, and grouping them in SQL sorted them
	 * all first. */
	if (store_fine_each(s, from, to, sum_line, &sm, e) < 0) {
		free(sm.own);
		free(sm.co);
		free(sm.former);
		return -1;
	}
	*rows = xcalloc((size_t)f->nstaff + (size_t)sm.nformer + 1, sizeof **rows);
	for (i = 0; i < f->nstaff + sm.nformer; i++) {
		struct ledger_row *r = &(*rows)[k];
		int si = i < f->nstaff ? i : -1;
		fen_t own = si >= 0 ? sm.own[i] : sm.former[i - f->nstaff].own;
		fen_t co = si >= 0 ? sm.co[i] : sm.former[i - f->nstaff].co;

		if (own + co == 0)
			continue;
		r->staff = si;
		snprintf(r->staff_id, sizeof r->staff_id, "%s", si >= 0 ?
		    f->staff[si].id : sm.former[i - f->nstaff].staff);
		r->own = own;
		r->co = co;
		if (si >= 0) {
			r->name = f->staff[si].name;
			r->group = f->groups[f->staff[si].group].id;
			r->role = grole_name(f->staff[si].role);
		} else {
			r->name = "?";
			r->group = "?";
			r->role = "former";
		}
		if (group != NULL && strcmp(group, r->group) != 0)
			continue;
		k++;
	}
	free(sm.own);
	free(sm.co);
	free(sm.former);
	/* (group, staff) orders every row: the order they were summed in
	 * does not matter. */
	qsort(*rows, (size_t)k, sizeof **rows, row_cmp);
	*n = k;
	return 0;
}
