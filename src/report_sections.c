/*
 * report_sections.c - the lists of the end-of-day summary: what is still
 * in custody, attendance, breaks and appeals (lines other files wrote),
 * the work journal, flags for management, voids and commendations.
 * Whether an incident goes to the journal, raises a flag or is a
 * commendation comes from the terms frozen with it, so editing the
 * rulebook never rewrites an old report.  Prices nothing.
 */
#include "report_sections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "clock.h"
#include "i18n.h"
#include "report_fmt.h"
#include "text.h"

/* The attendance table: staff, name, then what happened from ATT_WHAT on. */
enum { ATT_STAFF = 8, ATT_NAME = 16, ATT_WHAT = 2 + ATT_STAFF + ATT_NAME };
/* The custody table's narrow columns. */
enum { C_ITEM = 8, C_INCIDENT = 9, C_SINCE = 17 };

/* login, and the person behind it when the login is on the staff. */
static char *
who(const struct floor *f, const char *login)
{
	int u = floor_user_find(f, login);

	if (u >= 0 && f->users[u].staff >= 0 &&
	    strcmp(f->users[u].login, login) == 0)
		return xasprintf("%s %s", login, f->staff[f->users[u].staff].name);
	return xstrdup(login);
}

void
report_custody_section(struct doc *doc, const struct report_day *d)
{
	char end[32], *t;
	int i;

	clock_format(d->end, end, sizeof end);
	if (d->now < d->end)
		t = xasprintf(_("STILL IN CUSTODY (now; the shift ends %s)"), end);
	else
		t = xasprintf(_("STILL IN CUSTODY AT THE END OF THE SHIFT (%s)"),
		    end);
	report_doc_section(doc, t, _("STILL IN CUSTODY (continued)"));
	free(t);
	if (d->nheld == 0) {
		report_doc_linef(doc, 0, "  %s", _("nothing"));
		return;
	}
	buf_puts(&doc->lb, "  ");
	text_col(&doc->lb, _("seat"), C_SEAT);
	text_col(&doc->lb, _("staff"), C_ID);
	text_col(&doc->lb, _("name"), C_NAME);
	text_col(&doc->lb, _("item"), C_ITEM);
	text_col(&doc->lb, _("incident"), C_INCIDENT);
	text_col(&doc->lb, _("since"), C_SINCE);
	buf_puts(&doc->lb, _("kept by"));
	report_doc_table(doc);
	for (i = 0; i < d->nheld; i++) {
		const struct custody *c = &d->held[i];
		char since[32], no[24], *k = who(d->f, c->kept_by);

		clock_format((time_t)c->taken_at, since, sizeof since);
		snprintf(no, sizeof no, "#%lld", (long long)c->incident);
		buf_puts(&doc->lb, "  ");
		text_col(&doc->lb, c->seat[0] ? c->seat : "-", C_SEAT);
		text_col(&doc->lb, c->staff, C_ID);
		text_col(&doc->lb, report_staff_name(d->f, c->staff), C_NAME);
		text_col(&doc->lb, c->item, C_ITEM);
		text_col(&doc->lb, no, C_INCIDENT);
		text_col(&doc->lb, since, C_SINCE);
		text_fit(&doc->lb, k, REPORT_WIDTH - 2 - C_SEAT - C_ID - C_NAME -
		    C_ITEM - C_INCIDENT - C_SINCE, false, false);
		report_doc_emit(doc, 0);
		free(k);
	}
}

/* The columns that journal, flags, voids and commendations share. */
static void
inc_cols(struct buf *b, const struct report_day *d, const struct day_inc *x)
{
	char tm[32], no[24];

	report_time(d->day, x->in.at, tm);
	snprintf(no, sizeof no, "#%lld", (long long)x->in.id);
	buf_puts(b, "  ");
	text_col(b, tm, C_TIME);
	text_col(b, no, C_NO);
	text_col(b, x->in.staff[0] ? x->in.staff : x->in.grp, C_ID);
	text_col(b, x->in.staff[0] ? report_staff_name(d->f, x->in.staff) :
	    _("(group)"), C_NAME);
	text_col(b, x->in.rule, C_RULE);
}

/* Their headers, then `last` (fit to `w` columns, right-aligned when w
 * is negative; all of it when w is 0). */
static void
inc_head(struct doc *doc, const char *last, int w)
{
	struct buf *b = &doc->lb;

	buf_puts(b, "  ");
	text_col(b, _("time"), C_TIME);
	text_col(b, _("no."), C_NO);
	text_col(b, _("staff"), C_ID);
	text_col(b, _("name"), C_NAME);
	text_col(b, _("rule"), C_RULE);
	if (w == 0)
		buf_puts(b, last);
	else
		text_fit(b, last, w < 0 ? -w : w, w < 0, false);
}

void
report_journal_section(struct doc *doc, const struct report_day *d)
{
	int i, rows = 0;

	report_doc_section(doc, _("WORK JOURNAL"), _("WORK JOURNAL (continued)"));
	for (i = 0; i < d->ninc; i++) {
		const struct day_inc *x = &d->inc[i];
		char no[16], *by, *label;

		if (x->in.voided_at != 0 || !x->t.journal)
			continue;
		if (rows++ == 0) {
			inc_head(doc, _("offence"), 7);
			/* TRANSLATORS: the journals' amount column: every fine
			 * the incident put on people (co-penalties and group
			 * shares too), as INCIDENTS BY RULE adds them. */
			text_fit(&doc->lb, _("all fines"), 10, true, false);
			report_doc_table(doc);
		}
		inc_cols(&doc->lb, d, x);
		snprintf(no, sizeof no, "#%d", x->in.offence);
		buf_printf(&doc->lb, "%-7s", no);
		report_amount(&doc->lb, x->fines);
		report_doc_emit(doc, KEEP);
		by = who(d->f, x->in.marked_by);
		label = x->in.note[0] ? xasprintf(_("marked by %s; note: "), by) :
		    xasprintf(_("marked by %s"), by);
		report_doc_note(doc, C_NOTE, label, x->in.note, 0);
		free(label);
		free(by);
	}
	if (rows == 0)
		report_doc_linef(doc, 0, "  %s", _("no entries"));
}

/* What the attendance table says of one person; empty when nothing. */
static void
att_what(struct buf *what, const struct att_day *x, const struct att_month *m)
{
	if (x->status == ATT_LATE)
		buf_printf(what, _("late %d min"), x->late_minutes);
	else if (x->status == ATT_ABSENT && x->seen)
		buf_puts(what, _("absent: seen at the desk, not explained (A2)"));
	else if (x->status == ATT_ON_LEAVE || x->status == ATT_ABSENT ||
	    x->status == ATT_SEEN || x->status == ATT_EXPLAINED)
		buf_puts(what, _(att_status_name(x->status)));
	if (x->early_minutes > 0)
		buf_printf(what, _("%sleft %d min early"), what->len ? _(", ") : "",
		    x->early_minutes);
	if (x->half_day)
		buf_printf(what, _("%shalf a day of personal leave (A1)"),
		    what->len ? _(", ") : "");
	if (x->form_pending)
		buf_printf(what, _("%swritten form pending"), what->len ?
		    _(", ") : "");
	if (x->threshold && m->bonus_forfeit)
		buf_printf(what, _("%smonth's bonus forfeited (A6a)"),
		    what->len ? _(", ") : "");
	if (x->threshold && m->flags[0])
		buf_printf(what, "%s%s", what->len ? _(", ") : "", m->flags);
}

/*
 * Attendance of the day (rulebook section 3): the counts, then everyone
 * who was late, left early, is on leave or absent, or crossed a threshold.
 */
void
report_attendance_section(struct doc *doc, const struct floor *f,
    const struct att_day *a, const struct att_month *m)
{
	int count[ATT_EXPLAINED + 1] = { 0 }, i, rows = 0, unexplained = 0;

	for (i = 0; i < f->nstaff; i++) {
		count[a[i].status]++;
		unexplained += a[i].seen;
	}
	if (count[ATT_UNTRACKED] == f->nstaff)
		return;
	report_doc_section(doc, _("ATTENDANCE"), _("ATTENDANCE (continued)"));
	report_doc_linef(doc, 0, _("  signed in %d, late %d, on leave %d, absent "
	    "%d, not yet signed in %d"), count[ATT_SIGNED_IN], count[ATT_LATE],
	    count[ATT_ON_LEAVE], count[ATT_ABSENT], count[ATT_NOT_YET]);
	/* Seen at the desk without a sign-in: said apart (A2 counts them
	 * absent once the shift is over unless explained). */
	if (unexplained > 0 || count[ATT_EXPLAINED] > 0)
		report_doc_linef(doc, 0, _("  seen at their desk, not signed in, no "
		    "explanation %d; explained (A2) %d"), unexplained,
		    count[ATT_EXPLAINED]);
	for (i = 0; i < f->nstaff; i++) {
		struct buf what = { 0 };

		att_what(&what, &a[i], &m[i]);
		if (what.len == 0)
			continue;
		if (rows++ == 0) {
			text_spaces(&doc->lb, 2);
			text_col(&doc->lb, _("staff"), ATT_STAFF);
			text_col(&doc->lb, _("name"), ATT_NAME);
			buf_puts(&doc->lb, _("attendance"));
			report_doc_table(doc);
		}
		text_spaces(&doc->lb, 2);
		text_col(&doc->lb, f->staff[i].id, ATT_STAFF);
		text_col(&doc->lb, f->staff[i].name, ATT_NAME);
		if (text_width(what.s) <= REPORT_WIDTH - ATT_WHAT) {
			buf_puts(&doc->lb, what.s);
			report_doc_emit(doc, 0);
		} else {
			report_doc_emit(doc, KEEP);
			report_doc_note(doc, ATT_WHAT, "", what.s, 0);
		}
		buf_free(&what);
	}
}

void
report_lines_section(struct doc *doc, const char *title, const char *cont,
    struct buf *lines)
{
	char *p, *nl;

	if (lines->len == 0)
		return;
	report_doc_section(doc, title, cont);
	for (p = lines->s; *p; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		buf_add(&doc->lb, p, (size_t)(nl - p));
		report_doc_emit(doc, 0);
	}
	buf_free(lines);
}

/* A row of a list with the note under it, when there is one. */
static void
row_and_note(struct doc *doc, const struct day_inc *x)
{
	report_doc_emit(doc, x->in.note[0] ? KEEP : 0);
	if (x->in.note[0])
		report_doc_note(doc, C_NOTE, _("note: "), x->in.note, 0);
}

void
report_flags_section(struct doc *doc, const struct report_day *d)
{
	int fl, i, rows = 0;

	report_doc_section(doc, _("FLAGS FOR MANAGEMENT"),
	    _("FLAGS FOR MANAGEMENT (continued)"));
	/* The gravest first. */
	for (fl = FLAG_TERMINATION; fl > FLAG_NONE; fl--)
		for (i = 0; i < d->ninc; i++) {
			const struct day_inc *x = &d->inc[i];

			if (x->in.voided_at != 0 || (int)x->t.flag != fl)
				continue;
			if (rows++ == 0) {
				inc_head(doc, _("flag"), 0);
				report_doc_table(doc);
			}
			inc_cols(&doc->lb, d, x);
			buf_puts(&doc->lb, flag_name(x->t.flag));
			row_and_note(doc, x);
		}
	if (rows == 0)
		report_doc_linef(doc, 0, "  %s", _("none"));
}

static void
void_head(struct doc *doc)
{
	inc_head(doc, _("removed"), -10);
	buf_printf(&doc->lb, "  %s", _("voided by"));
	report_doc_table(doc);
}

static void
void_row(struct doc *doc, const struct report_day *d, const struct day_inc *x)
{
	char when[32], *by, *reason;

	inc_cols(&doc->lb, d, x);
	report_amount(&doc->lb, x->fines);
	clock_format((time_t)x->in.voided_at, when, sizeof when);
	by = who(d->f, x->in.voided_by);
	buf_puts(&doc->lb, "  ");
	text_fit(&doc->lb, by, REPORT_WIDTH - text_width(doc->lb.s), false,
	    false);
	report_doc_emit(doc, KEEP);
	reason = xasprintf(_("voided %s: "), when);
	report_doc_note(doc, C_NOTE, reason, x->in.void_reason, 0);
	free(reason);
	free(by);
}

void
report_voids_section(struct doc *doc, const struct report_day *d)
{
	int i, rows = 0;

	report_doc_section(doc, _("VOIDS"), _("VOIDS (continued)"));
	for (i = 0; i < d->ninc; i++) {
		if (d->inc[i].in.voided_at == 0)
			continue;
		if (rows++ == 0)
			void_head(doc);
		void_row(doc, d, &d->inc[i]);
	}
	if (rows == 0)
		report_doc_linef(doc, 0, "  %s", _("none of today's incidents"));
	if (d->nvo > 0) {
		report_doc_emit(doc, 0);
		report_doc_linef(doc, KEEP, "  %s", _("voided today, incidents of "
		    "other days (their days' totals changed):"));
		void_head(doc);
		for (i = 0; i < d->nvo; i++)
			void_row(doc, d, &d->vo[i]);
	}
}

void
report_praise_section(struct doc *doc, const struct report_day *d)
{
	int i, rows = 0;

	report_doc_section(doc, _("COMMENDATIONS"), _("COMMENDATIONS (continued)"));
	for (i = 0; i < d->ninc; i++) {
		const struct day_inc *x = &d->inc[i];

		if (x->in.voided_at != 0 || !x->t.positive)
			continue;
		if (rows++ == 0) {
			inc_head(doc, _("marked by"), 0);
			report_doc_table(doc);
		}
		inc_cols(&doc->lb, d, x);
		text_fit(&doc->lb, x->in.marked_by, REPORT_WIDTH -
		    text_width(doc->lb.s), false, false);
		row_and_note(doc, x);
	}
	if (rows == 0)
		report_doc_linef(doc, 0, "  %s", _("none"));
}
