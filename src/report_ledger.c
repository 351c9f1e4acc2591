/*
 * report_ledger.c - the fines ledger of a period (`fines --month M
 * --format pdf`) as a document (report_doc.h) for report_pdf.c: the
 * groups' people with their own and co fines, the groups' and the floor's
 * totals, laid out as `fines` prints them, and each group's fines day by
 * day for a picture.  Every amount is a sum from the ledger (ledger.h),
 * which sums the engine's stored fine rows: nothing is priced here.
 * No SQL, no curses.
 */
#include "report_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "floor.h"
#include "ledger.h"
#include "text.h"

/* "  staff   name   role   own   co   total" with amounts at the right. */
static char *
row(const char *id, const char *name, const char *role, fen_t own, fen_t co)
{
	struct buf b = { 0 };
	char a[32], c[32], t[32];

	buf_puts(&b, "  ");
	text_fit(&b, id, 8, false, false);
	text_fit(&b, name, 16, false, false);
	text_fit(&b, role, 10, false, false);
	buf_printf(&b, "   %12s %12s %12s", fen_format(own, a, sizeof a),
	    fen_format(co, c, sizeof c), fen_format(own + co, t, sizeof t));
	return b.s;
}

static char *
total(const char *label, fen_t own, fen_t co)
{
	struct buf b = { 0 };
	char a[32], c[32], t[32];

	buf_puts(&b, "  ");
	text_fit(&b, label, 34, false, false);
	buf_printf(&b, "   %12s %12s %12s", fen_format(own, a, sizeof a),
	    fen_format(co, c, sizeof c), fen_format(own + co, t, sizeof t));
	return b.s;
}

static int
series_cmp(const void *a, const void *b)
{
	const struct report_series *x = a, *y = b;

	return x->total < y->total ? 1 : x->total > y->total ? -1 :
	    strcmp(x->id, y->id);
}

/* Each group's fines day by day; the most fined REPORT_SERIES_MAX kept. */
static int
series(const struct floor *f, struct store *s, const char *from,
    const char *to, struct doc *d, struct err *e)
{
	char day[DAY_LEN];
	int g, i, k, n;

	memcpy(d->from, from, DAY_LEN);
	for (n = 1, memcpy(day, from, DAY_LEN); strcmp(day, to) < 0; n++)
		clock_add_days(day, 1, day);
	if (n > REPORT_SERIES_DAYS || f->ngroups == 0)
		return 0;
	d->ndays = n;
	d->series = xcalloc((size_t)f->ngroups, sizeof *d->series);
	for (g = 0; g < f->ngroups; g++) {
		d->series[g].id = f->groups[g].id;
		d->series[g].name = f->groups[g].name;
		d->series[g].day = xcalloc((size_t)n, sizeof(fen_t));
	}
	d->nseries = f->ngroups;
	memcpy(day, from, DAY_LEN);
	for (k = 0; k < n; k++, clock_add_days(day, 1, day)) {
		struct ledger_row *rows;
		int nr;

		if (ledger_fines(f, s, day, day, NULL, &rows, &nr, e) < 0)
			return -1;
		for (i = 0; i < nr; i++) {
			g = floor_group_find(f, rows[i].group);
			if (g < 0)
				continue;	/* former staff: in no group's line */
			d->series[g].day[k] += rows[i].own + rows[i].co;
			d->series[g].total += rows[i].own + rows[i].co;
		}
		free(rows);
	}
	qsort(d->series, (size_t)d->nseries, sizeof *d->series, series_cmp);
	for (g = 0; g < d->nseries && d->series[g].total > 0; g++)
		;
	d->nseries_all = g;
	for (i = g < REPORT_SERIES_MAX ? g : REPORT_SERIES_MAX; i < d->nseries;
	    i++)
		free(d->series[i].day);
	d->nseries = g < REPORT_SERIES_MAX ? g : REPORT_SERIES_MAX;
	return 0;
}

int
report_ledger_doc(const struct floor *f, struct store *s, const char *from,
    const char *to, struct doc *d, struct err *e)
{
	struct ledger_row *rows;
	fen_t gown = 0, gco = 0, town = 0, tco = 0;
	char *cols, *t;
	int n, i;

	d->cur = -1;
	if (ledger_fines(f, s, from, to, NULL, &rows, &n, e) < 0)
		return -1;
	/* The column heads: the rows' layout, with labels for amounts. */
	{
		struct buf b = { 0 };

		buf_puts(&b, "  ");
		text_fit(&b, "staff", 8, false, false);
		text_fit(&b, "name", 16, false, false);
		text_fit(&b, "role", 10, false, false);
		buf_printf(&b, "   %12s %12s %12s", "own", "co", "total");
		cols = b.s;
	}
	for (i = 0; i < n; i++) {
		const struct ledger_row *r = &rows[i];

		if (i == 0 || strcmp(r->group, rows[i - 1].group) != 0) {
			int g = floor_group_find(f, r->group);

			const char *name = g >= 0 ? f->groups[g].name :
			    "(former staff)";
			char *cont;

			t = xasprintf("GROUP %s  %s", r->group, name);
			cont = xasprintf("GROUP %s  %s (continued)", r->group, name);
			report_doc_section(d, t, cont);
			free(t);
			free(cont);
			buf_puts(&d->lb, cols);
			report_doc_table(d);
			gown = gco = 0;
		}
		t = row(r->staff_id, r->name, r->role, r->own, r->co);
		gown += r->own;
		gco += r->co;
		town += r->own;
		tco += r->co;
		if (i + 1 == n || strcmp(r->group, rows[i + 1].group) != 0) {
			report_doc_line(d, KEEP, t);
			free(t);
			t = total("group total", gown, gco);
			report_doc_line(d, TOTAL, t);
		} else
			report_doc_line(d, 0, t);
		free(t);
	}
	report_doc_section(d, "FLOOR TOTAL", "FLOOR TOTAL");
	t = total(n == 0 ? "no fines" : "floor total", town, tco);
	report_doc_line(d, TOTAL, t);
	free(t);
	free(cols);
	free(rows);
	d->title = xasprintf("%s: fines %s to %s", f->name, from, to);
	d->subtitle = xasprintf("Own fines and co fines (co-penalties and group "
	    "fines) per person; amounts in %s", f->currency);
	d->now = (long long)clock_now();
	return series(f, s, from, to, d, e);
}
