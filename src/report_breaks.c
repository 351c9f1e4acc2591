/*
 * report_breaks.c - the breaks of a day for the end-of-day report: per
 * person the breaks, minutes away and breaks over the limit; per group the
 * most away at once.  Lines of text; report.c places them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "report_breaks.h"
#include "text.h"

int
report_breaks_lines(const struct floor *f, struct store *s, const char *day,
    time_t now, struct buf *out, struct err *e)
{
	struct brk_totals *per = xcalloc((size_t)f->nstaff + 1, sizeof *per);
	int *peak = xcalloc((size_t)f->ngroups + 1, sizeof *peak);
	int i, g, people = 0, breaks = 0, over = 0;

	if (breaks_totals(f, s, day, day, now, per, peak, e) < 0) {
		free(per);
		free(peak);
		return -1;
	}
	for (i = 0; i < f->nstaff; i++) {
		people += per[i].breaks > 0;
		breaks += per[i].breaks;
		over += per[i].over;
	}
	if (breaks > 0) {
		buf_printf(out, ngettext("  %d break by %d people, %d over the "
		    "limit\n", "  %d breaks by %d people, %d over the limit\n",
		    breaks), breaks, people, over);
		buf_puts(out, _("  most away at once:"));
		for (g = 0; g < f->ngroups; g++)
			if (peak[g] > 0)
				buf_printf(out, " %s %d", f->groups[g].id, peak[g]);
		buf_puts(out, "\n  ");
		/* TRANSLATORS: the headings of the report's BREAKS lines:
		 * staff (8 columns), name (16), group (8), breaks (6, right),
		 * minutes (7, right), over (4, right). */
		text_fit(out, _("staff"), 8, false, false);
		text_fit(out, _("name"), 16, false, false);
		text_fit(out, _("group"), 8, false, false);
		buf_puts(out, " ");
		text_fit(out, _("breaks"), 6, true, false);
		buf_puts(out, " ");
		text_fit(out, _("minutes"), 7, true, false);
		buf_puts(out, " ");
		text_fit(out, _("over"), 4, true, false);
		buf_puts(out, "\n");
		for (i = 0; i < f->nstaff; i++) {
			if (per[i].breaks == 0)
				continue;
			buf_puts(out, "  ");
			text_fit(out, f->staff[i].id, 8, false, false);
			text_fit(out, f->staff[i].name, 16, false, false);
			text_fit(out, f->groups[f->staff[i].group].id, 8, false, false);
			buf_printf(out, " %6d %7d %4d\n", per[i].breaks, per[i].minutes,
			    per[i].over);
		}
	}
	free(per);
	free(peak);
	return 0;
}
