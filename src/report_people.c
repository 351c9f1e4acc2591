/*
 * report_people.c - the money of the end-of-day summary: the floor's
 * totals, incidents by rule, a section per group (its heads, its desks,
 * its group fines and vacant roles, a row per person with the fines that
 * fell on them) and the people no longer on the staff list.  The sums are
 * report_day.c's; this file lays them out.  Prices nothing.
 */
#include "report_sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "i18n.h"
#include "report_fmt.h"
#include "text.h"

/* The INCIDENTS BY RULE title column. */
#define C_TITLE 32

static const char *
rule_title(const struct floor *f, const struct day_inc *c)
{
	const struct rule *r;

	if (c->rule < 0)
		return _("(no longer in the rulebook)");
	r = &f->rules[c->rule];
	/* The report's language: the Chinese title in Chinese. */
	return i18n_chinese() && r->title_zh != NULL && r->title_zh[0] ?
	    r->title_zh : r->title;
}

/* A line of the floor totals: the label fit to w columns (measured, so a
 * Chinese label lines up too), the value right-aligned in 9, a tail. */
static void
total_line(struct doc *doc, int indent, int w, const char *label,
    const char *value, const char *tail)
{
	text_spaces(&doc->lb, indent);
	text_fit(&doc->lb, label, w, false, false);
	buf_printf(&doc->lb, " %9s%s", value, tail);
	report_doc_emit(doc, 0);
}

static void
count_line(struct doc *doc, const char *label, int n, const char *tail)
{
	char num[16];

	snprintf(num, sizeof num, "%d", n);
	total_line(doc, 2, 24, label, num, tail);
}

static void
by_rule(struct doc *doc, const struct report_day *d)
{
	struct day_rule *r;
	int n = report_day_rules(d, &r), tn = 0, tv = 0, j;
	fen_t tf = 0;

	report_doc_section(doc, _("INCIDENTS BY RULE"),
	    _("INCIDENTS BY RULE (continued)"));
	buf_puts(&doc->lb, "  ");
	text_col(&doc->lb, _("rule"), C_RULE);
	text_col(&doc->lb, _("title"), C_TITLE);
	/* The numbers' headings, right-aligned over their columns. */
	text_fit(&doc->lb, _("incidents"), 9, true, false);
	buf_puts(&doc->lb, " ");
	text_fit(&doc->lb, _("voided"), 8, true, false);
	buf_puts(&doc->lb, " ");
	text_fit(&doc->lb, _("fines"), 10, true, false);
	report_doc_table(doc);
	for (j = 0; j < n; j++) {
		buf_puts(&doc->lb, "  ");
		text_col(&doc->lb, r[j].code, C_RULE);
		text_col(&doc->lb, rule_title(d->f, r[j].first), C_TITLE);
		buf_printf(&doc->lb, "%9d %8d", r[j].n, r[j].voided);
		report_amount(&doc->lb, r[j].fines);
		report_doc_emit(doc, 0);
		tn += r[j].n;
		tv += r[j].voided;
		tf += r[j].fines;
	}
	if (n == 0)
		report_doc_linef(doc, 0, "  %s", _("no incidents"));
	else {
		report_doc_keep_prev(doc);
		buf_puts(&doc->lb, "  ");
		text_col(&doc->lb, _("total"), C_RULE + C_TITLE);
		buf_printf(&doc->lb, "%9d %8d", tn, tv);
		report_amount(&doc->lb, tf);
		report_doc_emit(doc, TOTAL);
	}
	free(r);
}

void
report_floor_totals(struct doc *doc, const struct report_day *d)
{
	struct day_totals t;
	char a[32], *tail;

	report_day_totals(d, &t);
	report_doc_section(doc, _("FLOOR TOTALS"), _("FLOOR TOTALS (continued)"));
	total_line(doc, 2, 24, _("Fines today"),
	    fen_format(t.own + t.co + t.grp, a, sizeof a), "");
	total_line(doc, 4, 22, _("own fines"), fen_format(t.own, a, sizeof a),
	    "");
	total_line(doc, 4, 22, _("co-penalties"), fen_format(t.co, a, sizeof a),
	    "");
	total_line(doc, 4, 22, _("group fines"), fen_format(t.grp, a, sizeof a),
	    "");
	tail = xasprintf(_("   and %d voided, counted nowhere"), t.voided);
	count_line(doc, _("Incidents"), t.counted, tail);
	free(tail);
	count_line(doc, _("People fined"), t.fined, "");
	count_line(doc, _("Flags for management"), t.flagged, "");
	count_line(doc, _("Commendations"), t.praised, "");
	tail = xasprintf(_("   of %d occupied"), t.seats);
	count_line(doc, _("Desks inspected"), t.seen, tail);
	free(tail);
	by_rule(doc, d);
}

static void
holder(struct buf *b, const struct floor *f, const char *label, int who)
{
	char *s;

	buf_printf(b, "%s ", label);
	if (who < 0)
		s = xstrdup(_("(vacant)"));
	else
		s = xasprintf("%s %s", f->staff[who].id, f->staff[who].name);
	text_col(b, s, 27 - text_width(label) - 1);
	free(s);
}

/* "PHONE×2 #1 #2*, DESK×1 #3": a person's incidents of the day. */
static char *
incidents_text(const struct report_day *d, const struct day_person *p)
{
	struct buf b = { 0 };
	bool *done = xcalloc((size_t)p->ninc + 1, sizeof *done);
	int i, j;

	buf_add(&b, "", 0);
	for (i = 0; i < p->ninc; i++) {
		const struct day_inc *x = &d->inc[p->inc[i]];
		int count = 0;

		if (done[i])
			continue;
		for (j = i; j < p->ninc; j++)
			count += strcmp(d->inc[p->inc[j]].in.rule, x->in.rule) == 0;
		buf_printf(&b, "%s%s\xc3\x97%d", b.len ? ", " : "", x->in.rule, count);
		for (j = i; j < p->ninc; j++) {
			const struct day_inc *y = &d->inc[p->inc[j]];

			if (strcmp(y->in.rule, x->in.rule) != 0)
				continue;
			done[j] = true;
			buf_printf(&b, " #%d%s", y->in.offence, y->doubled ? "*" : "");
		}
	}
	free(done);
	return b.s;
}

/* The detail under a person: one line per fine that fell on them. */
static void
co_line(struct doc *doc, const struct report_day *d,
    const struct fine_line *fl, int flags)
{
	const struct incident *in = &fl->in;
	char *s;

	if (in->staff[0] != '\0')
		s = xasprintf(_("as %s: #%lld %s, %s %s"), _(fl->f.role),
		    (long long)in->id, in->rule, in->staff,
		    report_staff_name(d->f, in->staff));
	else
		s = xasprintf(_("as %s: #%lld %s, group %s"), _(fl->f.role),
		    (long long)in->id, in->rule, in->grp);
	text_spaces(&doc->lb, 2 + C_ID);
	text_col(&doc->lb, s, C_NAME + C_INC);
	text_spaces(&doc->lb, 10);
	report_amount(&doc->lb, fl->f.amount);
	report_doc_emit(doc, flags);
	free(s);
}

static void
person_rows(struct doc *doc, const struct report_day *d,
    const struct day_person *p)
{
	char *inc = incidents_text(d, p), **l;
	int n, i;

	n = text_wrap(p->ninc ? inc : "-", C_INC - 1, &l);
	for (i = 0; i < n; i++) {
		buf_puts(&doc->lb, "  ");
		text_col(&doc->lb, i == 0 ? p->id : "", C_ID);
		text_col(&doc->lb, i > 0 ? "" : p->staff >= 0 ?
		    d->f->staff[p->staff].name : "?", C_NAME);
		text_col(&doc->lb, l[i], C_INC);
		if (i == 0) {
			report_amount(&doc->lb, p->own);
			report_amount(&doc->lb, p->co);
			report_amount(&doc->lb, p->own + p->co);
		}
		report_doc_emit(doc, i + 1 < n || p->nco > 0 ? KEEP : 0);
	}
	for (i = 0; i < p->nco; i++)
		co_line(doc, d, &d->lines[p->co_line[i]], i + 1 < p->nco ? KEEP : 0);
	text_lines_free(l, n);
	free(inc);
}

static void
person_table_head(struct doc *doc)
{
	buf_puts(&doc->lb, "  ");
	text_col(&doc->lb, _("staff"), C_ID);
	text_col(&doc->lb, _("name"), C_NAME);
	text_col(&doc->lb, _("incidents (offence numbers)"), C_INC);
	/* Over the amounts, right-aligned in their 10 columns. */
	text_fit(&doc->lb, _("own"), 10, true, false);
	text_fit(&doc->lb, _("co"), 10, true, false);
	text_fit(&doc->lb, _("total"), 10, true, false);
	report_doc_table(doc);
}

static void
total_row(struct doc *doc, const char *label, fen_t own, fen_t co)
{
	buf_puts(&doc->lb, "  ");
	text_col(&doc->lb, label, C_ID + C_NAME + C_INC);
	report_amount(&doc->lb, own);
	report_amount(&doc->lb, co);
	report_amount(&doc->lb, own + co);
	report_doc_emit(doc, TOTAL);
}

/* The group's people (group -1: those no longer on staff), one row each. */
static void
people_rows(struct doc *doc, const struct report_day *d, int g)
{
	int i;

	person_table_head(doc);
	for (i = 0; i < d->np; i++)
		if (d->pp[i].group == g)
			person_rows(doc, d, &d->pp[i]);
}

void
report_group_section(struct doc *doc, const struct report_day *d, int g)
{
	const struct floor *f = d->f;
	const struct group *gr = &f->groups[g];
	struct day_group t;
	char *s, *cont;
	int i, j;

	report_day_group(d, g, &t);
	s = xasprintf(_("GROUP %s  %s"), gr->id, gr->name);
	cont = xasprintf(_("GROUP %s  %s (continued)"), gr->id, gr->name);
	report_doc_section(doc, s, cont);
	free(s);
	free(cont);
	buf_puts(&doc->lb, "  ");
	holder(&doc->lb, f, _("director"), gr->director);
	holder(&doc->lb, f, _("deputy"), gr->deputy);
	holder(&doc->lb, f, _("supervisor"), gr->supervisor);
	report_doc_emit(doc, KEEP);
	if (t.seats > 0)
		report_doc_linef(doc, KEEP, _("  headcount %d; desks inspected %d "
		    "of %d (%d%%)"), t.head, t.seen, t.seats,
		    (t.seen * 100 + t.seats / 2) / t.seats);
	else
		report_doc_linef(doc, KEEP, _("  headcount %d; no fixed desks"),
		    t.head);
	for (i = 0; i < d->ninc; i++) {
		const struct day_inc *x = &d->inc[i];
		char tm[32], a[32];
		int payers = 0;

		if (x->in.voided_at != 0 || x->in.staff[0] != '\0' ||
		    strcmp(x->in.grp, gr->id) != 0)
			continue;
		for (j = 0; j < d->nlines; j++)
			payers += d->lines[j].f.incident == x->in.id &&
			    d->lines[j].f.staff[0] != '\0';
		report_time(d->day, x->in.at, tm);
		report_doc_linef(doc, KEEP, ngettext("  against the whole group: "
		    "#%lld %s at %s, %s on %d person", "  against the whole group: "
		    "#%lld %s at %s, %s on %d people", (unsigned long)payers),
		    (long long)x->in.id, x->in.rule, tm,
		    fen_format(x->fines, a, sizeof a), payers);
	}
	/* Co-penalties that fell on a vacant role: said, never dropped. */
	for (i = 0; i < d->nlines; i++) {
		const struct fine_line *fl = &d->lines[i];
		char a[32];

		if (fl->f.staff[0] != '\0' || strcmp(fl->f.grp, gr->id) != 0)
			continue;
		s = xasprintf(_("vacant %s: the %s of #%lld %s (%s %s) falls on "
		    "nobody"), _(fl->f.role), fen_format(fl->f.amount, a, sizeof a),
		    (long long)fl->in.id, fl->in.rule, fl->in.staff[0] ?
		    fl->in.staff : _("group"), fl->in.staff[0] ?
		    report_staff_name(f, fl->in.staff) : fl->in.grp);
		report_doc_note(doc, 2, "", s, KEEP);
		free(s);
	}
	report_doc_emit(doc, KEEP);
	people_rows(doc, d, g);
	if (t.rows == 0)
		report_doc_linef(doc, 0, "  %s", _("no incidents, no fines"));
	report_doc_keep_prev(doc);
	s = xasprintf(_("Group %s total"), gr->id);
	total_row(doc, s, t.own, t.co);
	free(s);
}

void
report_former_section(struct doc *doc, const struct report_day *d)
{
	struct day_group t;

	report_day_group(d, -1, &t);
	if (t.rows == 0)
		return;
	report_doc_section(doc, _("NOT ON TODAY'S STAFF LIST"),
	    _("NOT ON TODAY'S STAFF LIST (continued)"));
	people_rows(doc, d, -1);
	report_doc_keep_prev(doc);
	total_row(doc, _("total"), t.own, t.co);
}

void
report_group_bars(struct doc *doc, const struct report_day *d)
{
	const struct floor *f = d->f;
	int g;

	doc->bars = xcalloc((size_t)f->ngroups + 1, sizeof *doc->bars);
	doc->nbars = f->ngroups;
	for (g = 0; g < f->ngroups; g++) {
		struct day_group t;

		report_day_group(d, g, &t);
		doc->bars[g].id = f->groups[g].id;
		doc->bars[g].name = f->groups[g].name;
		doc->bars[g].own = t.own;
		doc->bars[g].co = t.co - t.grp;
		doc->bars[g].grp = t.grp;
	}
}
