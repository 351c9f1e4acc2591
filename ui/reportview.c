/*
 * reportview.c - the report preview and printing keys.  It asks report.c
 * for the text (report_text) and report_pdf.c to print (report_print_day:
 * PDF or text, as the floor says); it formats
 * nothing of the report itself and writes nothing to the database.
 */
#include "reportview.h"

#include <stdio.h>

#include "../src/report.h"
#include "../src/report_pdf.h"
#include "pager.h"
#include "prompt.h"
#include "theme.h"

void
reportview_rebuild(struct ui *u)
{
	struct buf text = { 0 };
	struct err e = { 0 };
	char title[128];

	snprintf(title, sizeof title, _("End-of-day report, %s"), u->day);
	pager_open(u, PAGER_REPORT, title);
	if (report_text(u->f, u->s, u->day, u->a->login, &text, &e) < 0)
		pager_addf(u, ROLE_MSG_ERR, _("The report cannot be made: %s"),
		    e.msg);
	else
		pager_add_text(u, ROLE_NORMAL, text.s ? text.s : "");
	buf_free(&text);
	pager_clamp(u);
}

void
reportview_open(struct ui *u)
{
	u->pager.top = 0;
	reportview_rebuild(u);
	ui_show_pager(u);
}

static void
print_done(struct ui *u, bool ok, const char *text, int choice)
{
	struct err e = { 0 };

	(void)text;
	(void)choice;
	if (!ok) {
		ui_msg(u, false, _("Not printed."));
		return;
	}
	/* PDF or text, as floor.print_format says (report_pdf.h). */
	if (report_print_day(u->f, u->s, u->day, u->a->login, NULL, &e) < 0)
		ui_msg(u, true, _("Not printed: %s"), e.msg);
	else
		ui_msg(u, false, _("The report for %s went to the printer."),
		    u->day);
}

void
reportview_print(struct ui *u)
{
	char q[160];

	snprintf(q, sizeof q, _("Print the end-of-day report for %s?"), u->day);
	prompt_confirm(u, q, print_done);
}
