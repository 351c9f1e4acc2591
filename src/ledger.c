/*
 * ledger.c - per-person totals for `fines`, the report and the console's
 * group panel.  The store sums; this file attaches names and groups from
 * the floor model and orders the rows.
 */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

static int
row_cmp(const void *a, const void *b)
{
	const struct ledger_row *x = a, *y = b;
	int c = strcmp(x->group, y->group);

	return c != 0 ? c : strcmp(x->staff_id, y->staff_id);
}

int
ledger_fines(const struct floor *f, struct store *s, const char *from,
    const char *to, const char *group, struct ledger_row **rows, int *n,
    struct err *e)
{
	struct fine_total *t;
	int nt, i, k = 0;

	*rows = NULL;
	*n = 0;
	if (store_fine_totals(s, from, to, &t, &nt, e) < 0)
		return -1;
	*rows = xcalloc((size_t)nt + 1, sizeof **rows);
	for (i = 0; i < nt; i++) {
		struct ledger_row *r = &(*rows)[k];
		int si = floor_staff_find(f, t[i].staff);

		if (t[i].own + t[i].co == 0)
			continue;
		r->staff = si;
		memcpy(r->staff_id, t[i].staff, sizeof r->staff_id);
		r->own = t[i].own;
		r->co = t[i].co;
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
	free(t);
	qsort(*rows, (size_t)k, sizeof **rows, row_cmp);
	*n = k;
	return 0;
}
