/*
 * test_report_pdf.c - the PDF's picture and its choice of format: the
 * bars of the day's fines per group add up to the groups' total rows of
 * the report, their lengths follow the amounts, and `--print` picks PDF
 * or text by floor.print_format and the print command.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../../src/report_doc.h"
#include "../../src/report_pdf.h"

TestSuite(report_pdf, .init = fx_small, .fini = fx_done);

/* The last amount on the document's "Group G total" line. */
static fen_t
group_total(const struct doc *d, const char *g)
{
	char want[32];
	int i;

	snprintf(want, sizeof want, "  Group %s total", g);
	for (i = 0; i < d->n; i++)
		if (strncmp(d->l[i].s, want, strlen(want)) == 0) {
			const char *last = strrchr(d->l[i].s, ' ') + 1;
			fen_t v;

			cr_assert_eq(fen_parse(last, &v), 0, "'%s'", last);
			cr_assert(d->l[i].flags & TOTAL, "a total row not marked");
			return v;
		}
	cr_assert_fail("no total row for group %s", g);
	return 0;
}

Test(report_pdf, bars_add_up_to_the_group_totals)
{
	struct doc d = { 0 };
	struct err e = { 0 };
	double len[3], full = 200;
	fen_t max = 0;
	int i;

	/* A: an own fine and two co-penalties; B: a group fine on 3 and a
	 * sleeper whose deputy post is vacant. */
	cr_assert_eq(mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-10 10:00").rc, 0);
	cr_assert_eq(mark(&SUP, "E102", "PHONE", NONE, NULL, "2026-03-10 10:30").rc, 0);
	cr_assert_eq(mark_group(&MGR, "B", "DEPT_COMPLAINT", "2026-03-10 11:00").rc, 0);
	cr_assert_eq(mark(&SUP, "E201", "SLEEP", NONE, NULL, "2026-03-10 12:00").rc, 0);
	set_now("2026-03-10 19:00");
	cr_assert_eq(report_doc_build(fx.f, fx.s, "2026-03-10", "root", &d, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(d.nbars, 2);
	cr_assert_str_eq(d.bars[0].id, "A");
	cr_assert_eq(d.bars[0].own, Y(10) + Y(50));
	cr_assert_eq(d.bars[0].co, Y(20), "the director's and deputy's 10 each");
	cr_assert_eq(d.bars[0].grp, 0);
	cr_assert_gt(d.bars[1].grp, 0, "group B's fine is not in its bar");
	for (i = 0; i < d.nbars; i++) {
		const struct report_bar *b = &d.bars[i];
		fen_t t = b->own + b->co + b->grp;

		cr_assert_eq(t, group_total(&d, b->id), "group %s: bar %lld", b->id,
		    (long long)t);
		if (t > max)
			max = t;
	}
	/* The longest bar fills the width; the others in proportion. */
	for (i = 0; i < d.nbars; i++) {
		const struct report_bar *b = &d.bars[i];
		fen_t t = b->own + b->co + b->grp;

		report_bar_lengths(b, max, full, len);
		cr_assert_float_eq(len[0] + len[1] + len[2],
		    full * (double)t / (double)max, 1e-9);
		cr_assert_float_eq(len[0], full * (double)b->own / (double)max, 1e-9);
	}
	report_doc_free(&d);
}

Test(report_pdf, bar_lengths)
{
	struct report_bar b = { "A", "A", Y(50), Y(20), Y(30) }, z = { 0 };
	double len[3];

	report_bar_lengths(&b, Y(100), 200, len);
	cr_assert_float_eq(len[0], 100, 1e-9);
	cr_assert_float_eq(len[1], 40, 1e-9);
	cr_assert_float_eq(len[2], 60, 1e-9);
	report_bar_lengths(&b, 0, 200, len);
	cr_assert(len[0] == 0 && len[1] == 0 && len[2] == 0, "no scale, no bar");
	report_bar_lengths(&z, Y(100), 200, len);
	cr_assert(len[0] == 0 && len[1] == 0 && len[2] == 0, "a day without fines");
}

Test(report_pdf, print_format_follows_the_print_command)
{
	struct floor *f = fx.f;
	char *saved = f->print_command;
	const char *why;
	static const struct { const char *cmd; enum print_format want; } cases[] = {
		{ NULL, PRINT_PDF }, { "", PRINT_PDF },
		{ "lp -t 'callfloor'", PRINT_PDF }, { "lpr -P x", PRINT_PDF },
		{ "/usr/bin/lp", PRINT_PDF }, { "  lpr", PRINT_PDF },
		{ "lpq", PRINT_TEXT }, { "cat > /tmp/x", PRINT_TEXT },
		{ "enscript -d x", PRINT_TEXT }, { "/opt/lp/bin/print", PRINT_TEXT },
		{ "lpx", PRINT_TEXT }, { "l", PRINT_TEXT },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f->print_command = (char *)cases[i].cmd;
		cr_assert_eq(report_print_format(f, &why), cases[i].want, "'%s'",
		    cases[i].cmd ? cases[i].cmd : "(unset)");
	}
	f->print_command = (char *)"cat";
	f->print_format = PRINT_PDF;
	cr_assert_eq(report_print_format(f, &why), PRINT_PDF);
	cr_assert_str_eq(why, "floor.print_format");
	f->print_command = NULL;
	f->print_format = PRINT_TEXT;
	cr_assert_eq(report_print_format(f, NULL), PRINT_TEXT);
	f->print_command = saved;
	f->print_format = PRINT_AUTO;
}

Test(report_pdf, ledger_lines_add_up_to_the_group_totals)
{
	struct doc d = { 0 };
	struct err e = { 0 };
	int i, k;

	cr_assert_eq(mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-02 10:00").rc, 0);
	cr_assert_eq(mark(&SUP, "E102", "PHONE", NONE, NULL, "2026-03-05 10:30").rc, 0);
	cr_assert_eq(mark(&SUP, "E201", "DESK", NONE, NULL, "2026-03-05 11:00").rc, 0);
	cr_assert_eq(mark_group(&MGR, "B", "DEPT_COMPLAINT", "2026-03-31 11:00").rc, 0);
	set_now("2026-04-01 10:00");
	cr_assert_eq(report_ledger_doc(fx.f, fx.s, "2026-03-01", "2026-03-31", &d,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(d.ndays, 31);
	cr_assert_eq(d.nseries, 2);
	for (i = 0; i < d.nseries; i++) {
		fen_t sum = 0, want = -1;
		int seen = 0;

		for (k = 0; k < d.ndays; k++)
			sum += d.series[i].day[k];
		cr_assert_eq(sum, d.series[i].total);
		/* The "group total" row under the group's heading. */
		for (k = 0; k < d.n; k++) {
			char head[32];

			snprintf(head, sizeof head, "GROUP %s ", d.series[i].id);
			if (strncmp(d.l[k].s, head, strlen(head)) == 0)
				seen = 1;
			else if (seen && (d.l[k].flags & TOTAL)) {
				cr_assert_eq(fen_parse(strrchr(d.l[k].s, ' ') + 1,
				    &want), 0);
				break;
			}
		}
		cr_assert_eq(sum, want, "group %s: line %lld, total row %lld",
		    d.series[i].id, (long long)sum, (long long)want);
	}
	cr_assert_eq(d.series[0].day[1] > 0 || d.series[1].day[1] > 0, 1,
	    "the 2nd's fines are not on the 2nd");
	report_doc_free(&d);
}
