/*
 * report_doc.c - the document the end-of-day summary and the month's
 * ledger are built into (report_doc.h): lines of at most REPORT_WIDTH
 * columns, each marked with what a page break must respect, and the cut
 * into text pages that each carry the page header and, inside a section,
 * its title and column headers again.  It knows nothing of the store or
 * the floor: the sections put their lines in, report_pdf.c and
 * report_doc_paginate take them out.
 */
#include "report_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

#define HEAD_LINES 4		/* the page header: three lines and a gap */

void
report_doc_free(struct doc *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		free(d->l[i].s);
	for (i = 0; i < d->nc; i++) {
		free(d->c[i].title);
		free(d->c[i].cols);
	}
	free(d->l);
	free(d->c);
	buf_free(&d->lb);
	free(d->title);
	free(d->subtitle);
	free(d->bars);
	for (i = 0; i < d->nseries; i++)
		free(d->series[i].day);
	free(d->series);
}

void
report_doc_emit(struct doc *d, int flags)
{
	struct rline *l;
	size_t n = d->lb.len;

	while (n > 0 && d->lb.s[n - 1] == ' ')
		n--;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 128;
		d->l = xrealloc(d->l, (size_t)d->cap * sizeof *d->l);
	}
	l = &d->l[d->n++];
	l->s = xmalloc(n + 1);
	if (n > 0)
		memcpy(l->s, d->lb.s, n);
	l->s[n] = '\0';
	l->ctx = d->cur;
	l->flags = flags;
	d->lb.len = 0;
	if (d->lb.s != NULL)
		d->lb.s[0] = '\0';
}

void
report_doc_line(struct doc *d, int flags, const char *s)
{
	buf_puts(&d->lb, s);
	report_doc_emit(d, flags);
}

void
report_doc_linef(struct doc *d, int flags, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	report_doc_line(d, flags, s);
	free(s);
}

void
report_doc_keep_prev(struct doc *d)
{
	if (d->n > 0)
		d->l[d->n - 1].flags |= KEEP;
}

static void
new_ctx(struct doc *d, const char *title, const char *cols)
{
	d->c = xrealloc(d->c, (size_t)(d->nc + 1) * sizeof *d->c);
	d->c[d->nc].title = xstrdup(title);
	d->c[d->nc].cols = cols ? xstrdup(cols) : NULL;
	d->cur = d->nc++;
}

void
report_doc_section(struct doc *d, const char *title, const char *cont)
{
	d->cur = -1;
	report_doc_emit(d, 0);
	report_doc_line(d, KEEP | HEAD | SECTION, title);
	new_ctx(d, cont, NULL);
}

void
report_doc_table(struct doc *d)
{
	const char *title = d->cur >= 0 ? d->c[d->cur].title : "";

	report_doc_emit(d, KEEP | HEAD | TABLE);
	new_ctx(d, title, d->l[d->n - 1].s);
	d->l[d->n - 1].ctx = d->cur;
}

void
report_doc_note(struct doc *d, int indent, const char *label, const char *text,
    int last_flags)
{
	char **l;
	int n, i;

	n = text_note_wrap(label, text, REPORT_WIDTH - indent, &l);
	for (i = 0; i < n; i++) {
		text_spaces(&d->lb, indent);
		buf_puts(&d->lb, l[i]);
		report_doc_emit(d, i + 1 < n ? KEEP : last_flags);
	}
	text_lines_free(l, n);
}

/* ---- pages ---- */

struct page {
	const char **l;
	int n;
};

static void
page_add(struct page *p, const char *s)
{
	p->l = xrealloc(p->l, (size_t)(p->n + 1) * sizeof *p->l);
	p->l[p->n++] = s;
}

/* A page's header: the title and "page k of n", the subtitle, a rule. */
static void
page_head(struct buf *out, const struct doc *d, int k, int np)
{
	char right[48];
	size_t line;
	int rw, i;

	snprintf(right, sizeof right, _("page %d of %d"), k + 1, np);
	rw = text_width(right);
	text_fit(out, d->title, REPORT_WIDTH - rw - 1, false, false);
	buf_printf(out, " %s\n", right);
	line = out->len;
	text_fit(out, d->subtitle, REPORT_WIDTH, false, false);
	while (out->len > line && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	buf_puts(out, "\n");
	for (i = 0; i < REPORT_WIDTH; i++)
		buf_puts(out, "=");
	buf_puts(out, "\n\n");
}

void
report_doc_paginate(const struct doc *d, int page_lines, struct buf *out)
{
	int cap = page_lines - HEAD_LINES, used = 0, np = 1, i, k;
	struct page *pg = xcalloc(1, sizeof *pg);

	for (i = 0; i < d->n; i++) {
		const struct rline *l = &d->l[i];
		const struct rctx *c = l->ctx >= 0 ? &d->c[l->ctx] : NULL;
		int ctxn = c == NULL || (l->flags & HEAD) ? 0 : 1 + (c->cols != NULL);

		if (i == 0 || !(d->l[i - 1].flags & KEEP)) {
			int chain = 1;

			while (i + chain < d->n && (d->l[i + chain - 1].flags & KEEP))
				chain++;
			if (used > 0 && used + chain > cap && chain <= cap - ctxn)
				used = cap;
		}
		if (used >= cap) {
			pg = xrealloc(pg, (size_t)(np + 1) * sizeof *pg);
			memset(&pg[np++], 0, sizeof *pg);
			used = 0;
		}
		if (used == 0 && l->s[0] == '\0')
			continue;
		if (used == 0 && ctxn > 0) {
			page_add(&pg[np - 1], c->title);
			if (c->cols != NULL)
				page_add(&pg[np - 1], c->cols);
			used += ctxn;
		}
		page_add(&pg[np - 1], l->s);
		used++;
	}
	for (k = 0; k < np; k++) {
		if (k > 0)
			buf_puts(out, "\f");
		page_head(out, d, k, np);
		while (pg[k].n > 0 && pg[k].l[pg[k].n - 1][0] == '\0')
			pg[k].n--;
		for (i = 0; i < pg[k].n; i++)
			buf_printf(out, "%s\n", pg[k].l[i]);
		free(pg[k].l);
	}
	free(pg);
}
