/*
 * report.c - the end-of-day summary that a shift lead prints and hands to
 * the manager: read one shift day from the store in one snapshot
 * (incidents, the fine lines the engine wrote, custody, inspections,
 * voids, attendance, the register, breaks, appeals), sum it
 * (report_day.c), lay it out in sections (report_people.c,
 * report_sections.c, report_register.c) and cut it into pages
 * (report_doc.c).  Printing is report_print.c's; the verb is
 * cli_report.c's.
 *
 * It must never price anything: every amount is a fine row as stored.
 * Today's rulebook is consulted by code for titles only.  No SQL, no
 * curses.
 */
#include "report.h"
#include "report_appeals.h"
#include "report_breaks.h"
#include "report_sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/store.h"
#include "attendance.h"
#include "clock.h"
#include "complaint.h"
#include "floor.h"
#include "i18n.h"
#include "seatmap.h"
#include "terms.h"

/* Rule versions' terms read by a load: a version's never change, and a
 * busy day has thousands of incidents of a few dozen versions. */
#define TERMS_KEPT 64
struct terms_seen {
	int n;
	int64_t v[TERMS_KEPT];
	struct rule_terms t[TERMS_KEPT];
};

/* The day's fine rows (store_fines_between): those of one incident. */
struct day_fines {
	struct fine_row *fr;
	int n;
};

static const struct fine_row *
fines_of(const struct day_fines *df, int64_t incident, int *n)
{
	int first = lower_bound_i64(df->fr, df->n, sizeof *df->fr,
	    offsetof(struct fine_row, incident), incident), lo;

	for (lo = first; lo < df->n && df->fr[lo].incident == incident; lo++)
		;
	*n = lo - first;
	return &df->fr[first];
}

/* An incident with its frozen terms, its rule in today's rulebook and,
 * when it is voided, the fines the void removed (from df when it holds
 * the incident's day, else read). */
static int
load_inc(const struct floor *f, struct store *s, struct terms_seen *seen,
    const struct day_fines *df, const struct incident *in,
    struct day_inc *out, struct err *e)
{
	int k;

	memset(out, 0, sizeof *out);
	out->in = *in;
	out->rule = floor_rule_find(f, in->rule);
	for (k = 0; k < seen->n && seen->v[k] != in->rule_version; k++)
		;
	if (k < seen->n)
		out->t = seen->t[k];
	else if (terms_load(s, in->rule_version, &out->t, e) < 0)
		return -1;
	else if (seen->n < TERMS_KEPT) {
		seen->v[seen->n] = in->rule_version;
		seen->t[seen->n++] = out->t;
	}
	if (in->voided_at != 0 && df != NULL) {
		const struct fine_row *fr = fines_of(df, in->id, &k);

		out->fines = report_fines_paid(fr, k);
	} else if (in->voided_at != 0) {
		struct fine_row *fr;
		int n;

		if (store_fines_of(s, in->id, &fr, &n, e) < 0)
			return -1;
		out->fines = report_fines_paid(fr, n);
		free(fr);
	}
	return 0;
}

/* The incidents in[0..n) loaded (with others_voided, only the other
 * days' ones voided on day; df the fines of day's, or NULL). */
static int
load_incs(const struct floor *f, struct store *s, struct terms_seen *seen,
    const struct day_fines *df, const char *day, const struct incident *in,
    int n, bool others_voided, struct day_inc **out, int *nout,
    struct err *e)
{
	int i, rc = 0;

	*out = xcalloc((size_t)n + 1, sizeof **out);
	*nout = 0;
	for (i = 0; i < n && rc == 0; i++) {
		if (others_voided && !report_day_voided_here(f, day, &in[i]))
			continue;
		if ((rc = load_inc(f, s, seen, df, &in[i], &(*out)[*nout],
		    e)) == 0)
			(*nout)++;
	}
	return rc;
}

/* The fine lines of the live incidents of in[0..n) (in time order), as
 * store_fine_lines gives them: each incident's rows in its order. */
static struct fine_line *
live_lines(const struct incident *in, int n, const struct day_fines *df,
    int *nlines)
{
	struct fine_line *l = xcalloc((size_t)df->n + 1, sizeof *l);
	int i, j, k = 0;

	for (i = 0; i < n; i++) {
		const struct fine_row *fr;
		int nf;

		if (in[i].voided_at != 0)
			continue;
		fr = fines_of(df, in[i].id, &nf);
		for (j = 0; j < nf; j++, k++) {
			l[k].f = fr[j];
			l[k].in = in[i];
		}
	}
	*nlines = k;
	return l;
}

int
report_day_load(const struct floor *f, struct store *s, const char *day,
    struct report_day *d, struct err *e)
{
	struct incident *in = NULL;
	struct day_inc *inc = NULL;
	struct fine_line *lines;
	struct day_fines df = { NULL, 0 };
	struct terms_seen seen = { 0 };
	char (*insp)[STORE_ID] = NULL;
	int n = 0, ninc, nlines = 0, ninsp = 0, rc;

	report_day_init(d, f, day, clock_now());
	/* The day's incidents and all their fine rows, once each (the
	 * seats inspected too are found from these incidents). */
	if (store_incidents(s, day, day, NULL, &in, &n, e) < 0 ||
	    store_fines_between(s, day, day, &df.fr, &df.n, e) < 0 ||
	    load_incs(f, s, &seen, &df, day, in, n, false, &inc, &ninc,
	    e) < 0) {
		free(df.fr);
		free(inc);
		free(in);
		return -1;
	}
	lines = live_lines(in, n, &df, &nlines);
	free(df.fr);
	report_day_set(d, inc, ninc, lines, nlines);
	rc = seatmap_inspected_in(f, s, day, in, n, &insp, &ninsp, e);
	free(in);
	if (rc < 0)
		return -1;
	report_day_set_inspected(d, insp, ninsp);
	if (store_custody_held_at(s, (int64_t)d->end, &d->held, &d->nheld, e) < 0)
		return -1;

	/* Voids done during this shift day of incidents of other days. */
	if (store_voided_between(s, (int64_t)report_day_at(day, -1, 0),
	    (int64_t)report_day_at(day, 2, 0), &in, &n, e) < 0)
		return -1;
	rc = load_incs(f, s, &seen, NULL, day, in, n, true, &d->vo, &d->nvo, e);
	free(in);
	return rc;
}

static void
fmt_minutes(int m, char out[8])
{
	snprintf(out, 8, "%02d:%02d", (m / 60) % 100, m % 60);
}

static const char *
weekday(const char *day)
{
	static const char *names[] = { N_("Sunday"), N_("Monday"),
		N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
		N_("Saturday") };
	time_t t = report_day_at(day, 0, 12 * 60);
	struct tm tm;

	localtime_r(&t, &tm);
	return _(names[tm.tm_wday % 7]);
}

/* The sections, in the order the summary prints them. */
static void
build(struct doc *doc, const struct report_day *d, const char *by_login,
    const struct att_day *att, const struct att_month *month,
    const struct complaint *reg, int nreg, struct buf *brk, struct buf *apl)
{
	const struct floor *f = d->f;
	char now[32];
	int g, u;

	doc->cur = -1;
	report_floor_totals(doc, d);
	for (g = 0; g < f->ngroups; g++)
		report_group_section(doc, d, g);
	report_former_section(doc, d);
	doc->cur = -1;
	report_doc_emit(doc, 0);
	report_doc_linef(doc, 0, "  %s", _("Offence numbers count within each "
	    "rule's window (default: the month);"));
	report_doc_linef(doc, 0, "  %s", _("* marks an own fine multiplied by "
	    "the rule's repeat factor."));
	report_custody_section(doc, d);
	u = by_login ? floor_user_find(f, by_login) : -1;
	report_register_section(doc, f, d->day, reg, nreg, u >= 0 ?
	    f->users[u].role : UROLE_LEAD);
	report_attendance_section(doc, f, att, month);
	report_lines_section(doc, _("BREAKS"), _("BREAKS (continued)"), brk);
	report_journal_section(doc, d);
	report_lines_section(doc, _("APPEALS"), _("APPEALS (continued)"), apl);
	report_flags_section(doc, d);
	report_voids_section(doc, d);
	report_praise_section(doc, d);
	doc->cur = -1;
	report_doc_emit(doc, KEEP);
	clock_format(d->now, now, sizeof now);
	report_doc_linef(doc, 0, _("Generated %s by %s.  End of the report."),
	    now, by_login ? by_login : "?");
	doc->now = (long long)d->now;
	report_group_bars(doc, d);
}

int
report_doc_build(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct doc *doc, struct err *e)
{
	struct report_day d;
	struct att_day *att;
	struct att_month *month;
	struct complaint *reg = NULL;
	struct buf brk = { 0 }, apl = { 0 };
	char dd[DAY_LEN], st[8], en[8];
	bool started;
	int rc, nreg = 0;

	if (day == NULL || clock_parse_day(day, dd) < 0)
		return err_set(e, EXIT_USAGE, _("'%s' is not a day YYYY-MM-DD"),
		    day ? day : "");
	/* The carried attendance totals are settled (written) before the
	 * read transaction, where they could only be computed. */
	if (attendance_settle(f, s, dd, e) < 0 ||
	    store_read_begin(s, &started, e) < 0)
		return -1;
	att = xcalloc((size_t)f->nstaff + 1, sizeof *att);
	month = xcalloc((size_t)f->nstaff + 1, sizeof *month);
	rc = report_day_load(f, s, dd, &d, e);
	if (rc == 0) {
		/* Seen at the desk: whoever sits at a seat inspected that day
		 * (as attendance_day would read them again). */
		bool *seen = xcalloc((size_t)f->nstaff + 1, sizeof *seen);
		int i;

		for (i = 0; i < f->nseats; i++)
			if (report_day_inspected(&d, i) && f->seats[i].staff >= 0)
				seen[f->seats[i].staff] = true;
		rc = attendance_day_seen(f, s, dd, seen, att, e);
		free(seen);
	}
	if (rc == 0)
		rc = attendance_month(f, s, dd, month, e);
	if (rc == 0)
		rc = report_register_load(s, dd, (long long)d.end, &reg, &nreg, e);
	if (rc == 0)
		rc = report_breaks_lines(f, s, dd, clock_now(), &brk, e);
	if (rc == 0)
		rc = report_appeals_lines(f, s, dd, (long long)d.end, &apl, e);
	store_read_end(s, started);
	if (rc == 0) {
		build(doc, &d, by_login, att, month, reg, nreg, &brk, &apl);
		fmt_minutes(f->shift_start, st);
		fmt_minutes(f->shift_end, en);
		doc->title = xasprintf(_("%s: end-of-day summary"), f->name);
		doc->subtitle = xasprintf(_("Shift day %s (%s), %s-%s%s; amounts "
		    "in %s"), dd, weekday(dd), st, en, f->shift_end <=
		    f->shift_start ? _(" next day") : "", f->currency);
	}
	buf_free(&brk);
	buf_free(&apl);
	report_day_free(&d);
	free(att);
	free(month);
	free(reg);
	return rc;
}

static int
text_paged(const struct floor *f, struct store *s, const char *day,
    const char *by_login, int page_lines, struct buf *out, struct err *e)
{
	struct doc doc = { 0 };

	if (page_lines < REPORT_PAGE_MIN)
		return err_set(e, EXIT_USAGE, _("a page needs at least %d lines"),
		    REPORT_PAGE_MIN);
	if (report_doc_build(f, s, day, by_login, &doc, e) < 0) {
		report_doc_free(&doc);
		return -1;
	}
	report_doc_paginate(&doc, page_lines, out);
	report_doc_free(&doc);
	return 0;
}

/* The report speaks the floor's language (floor.language) when it has
 * one, whoever prints it; else the interface's. */
int
report_text_paged(const struct floor *f, struct store *s, const char *day,
    const char *by_login, int page_lines, struct buf *out, struct err *e)
{
	int rc;

	i18n_push(f->language);
	rc = text_paged(f, s, day, by_login, page_lines, out, e);
	i18n_pop();
	return rc;
}

int
report_text(const struct floor *f, struct store *s, const char *day,
    const char *by_login, struct buf *out, struct err *e)
{
	return report_text_paged(f, s, day, by_login, REPORT_PAGE_LINES, out, e);
}
