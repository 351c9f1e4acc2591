/*
 * report_register.c - rule B14's register in the end-of-day summary: per
 * group, the day's new entries and every one still open with its age,
 * ready to hand to the group's director.  Built into the same document
 * that the text and the PDF render (report_doc.h); reads only.
 */
#include "report_doc.h"
#include "report_sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complaint.h"
#include "floor.h"
#include "text.h"

int
report_register_load(struct store *s, const char *day, long long end,
    struct complaint **out, int *n, struct err *e)
{
	return store_complaint_as_of(s, day, (int64_t)end, out, n, e);
}

static const char *
name_of(const struct floor *f, const char *id)
{
	int i = floor_staff_find(f, id);

	return i >= 0 && strcmp(f->staff[i].id, id) == 0 ? f->staff[i].name : "?";
}

/* One entry: its row, then its note (and how it stands) wrapped below. */
static void
entry(struct doc *doc, const struct floor *f, const char *day,
    const struct complaint *k, int viewer)
{
	struct buf b = { 0 }, more = { 0 };
	char id[24], age[16], ph[COMPLAINT_PHONE], who[96];

	snprintf(id, sizeof id, "#%lld", (long long)k->id);
	snprintf(age, sizeof age, _("%dd"), complaint_age(k->day, day));
	snprintf(who, sizeof who, "%s %s", k->staff, name_of(f, k->staff));
	complaint_phone_show(k->phone, (enum urole)viewer, ph, sizeof ph);
	buf_puts(&b, "  ");
	text_fit(&b, id, 6, false, false);
	text_fit(&b, k->day, 11, false, false);
	text_fit(&b, age, 4, true, false);
	buf_puts(&b, "  ");
	text_fit(&b, _(k->kind), 10, false, false);
	text_fit(&b, who, 15, false, false);
	text_fit(&b, k->purged_at ? _("(purged)") : k->caller, 14, false, false);
	buf_puts(&b, ph[0] ? ph : "-");
	report_doc_line(doc, KEEP, b.s);
	buf_puts(&more, k->note);
	if (k->late)
		buf_printf(&more, _(" [recorded late by %s: found unrecorded, "
		    "UNLOGGED #%lld]"), k->recorded_by, (long long)k->incident);
	if (k->closed_at != 0)
		buf_printf(&more, _(" [closed by %s: %s]"), k->closed_by, k->outcome);
	else if (k->forwarded_at != 0)
		buf_printf(&more, _(" [forwarded to the manager by %s]"),
		    k->forwarded_by);
	report_doc_note(doc, 10, "", more.s, 0);
	buf_free(&b);
	buf_free(&more);
}

void
report_register_section(struct doc *doc, const struct floor *f,
    const char *day, const struct complaint *k, int n, int viewer)
{
	struct buf cols = { 0 }, none = { 0 };
	int g, i, nnew, nold, shown = 0;

	for (g = 0; g < f->ngroups; g++) {
		const struct group *gr = &f->groups[g];
		char *t, *cont, *h;

		nnew = nold = 0;
		for (i = 0; i < n; i++)
			if (strcmp(k[i].grp, gr->id) == 0) {
				if (strcmp(k[i].day, day) == 0)
					nnew++;
				else
					nold++;
			}
		if (nnew + nold == 0) {
			buf_printf(&none, "%s%s", none.len ? ", " : "", gr->id);
			continue;
		}
		shown++;
		t = xasprintf(_("REGISTER OF CALLERS (B14): GROUP %s  %s"), gr->id,
		    gr->name);
		cont = xasprintf(_("REGISTER OF CALLERS (B14): GROUP %s (continued)"),
		    gr->id);
		report_doc_section(doc, t, cont);
		free(t);
		free(cont);
		if (gr->director >= 0)
			h = xasprintf(_("  for director %s %s: %d new today, %d still "
			    "open from earlier days"), f->staff[gr->director].id,
			    f->staff[gr->director].name, nnew, nold);
		else
			h = xasprintf(_("  director vacant (to the manager): %d new "
			    "today, %d still open from earlier days"), nnew, nold);
		report_doc_line(doc, KEEP, h);
		free(h);
		buf_free(&cols);
		buf_puts(&cols, "  ");
		/* TRANSLATORS: the register's headings in the report: entry (6
		 * columns), day (11), age (4), kind (10), agent (15), caller (14),
		 * phone. */
		text_fit(&cols, _("entry"), 6, false, false);
		text_fit(&cols, _("day"), 11, false, false);
		text_fit(&cols, _("age"), 4, true, false);
		buf_puts(&cols, "  ");
		text_fit(&cols, _("kind"), 10, false, false);
		text_fit(&cols, _("agent"), 15, false, false);
		text_fit(&cols, _("caller"), 14, false, false);
		buf_puts(&cols, _("phone"));
		buf_puts(&doc->lb, cols.s);
		report_doc_table(doc);
		for (i = 0; i < n; i++)
			if (strcmp(k[i].grp, gr->id) == 0 && strcmp(k[i].day, day) == 0)
				entry(doc, f, day, &k[i], viewer);
		for (i = 0; i < n; i++)
			if (strcmp(k[i].grp, gr->id) == 0 && strcmp(k[i].day, day) != 0)
				entry(doc, f, day, &k[i], viewer);
	}
	if (shown == 0) {
		report_doc_section(doc, _("REGISTER OF CALLERS (B14)"),
		    _("REGISTER OF CALLERS (B14) (continued)"));
		report_doc_line(doc, 0, _("  nothing recorded today, nothing open"));
	} else if (none.len > 0) {
		char *s = xasprintf(strchr(none.s, ',') ? _("  nothing recorded "
		    "today or open: groups %s") : _("  nothing recorded today or "
		    "open: group %s"), none.s);

		report_doc_line(doc, 0, "");
		report_doc_line(doc, 0, s);
		free(s);
	}
	if (!complaint_sees_phone((enum urole)viewer) && n > 0)
		report_doc_line(doc, 0, _("  Phone numbers are masked: only a manager "
		    "sees them whole."));
	buf_free(&cols);
	buf_free(&none);
}
