/*
 * report_appeals.c - the end-of-day summary's APPEALS section (see
 * report_appeals.h): who disputed which fine, how it was decided, and
 * what still waits.  A line each, for report.c to lay out.
 */
#include "report_appeals.h"

#include <stdlib.h>
#include <string.h>

#include "../db/monthend.h"
#include "clock.h"
#include "text.h"

/* "12 DESK on E101 李娜" for incident id, or "incident 12". */
static void
what(const struct floor *f, struct store *s, int64_t id, struct buf *out)
{
	struct incident in;
	struct err e = { 0 };
	int si;

	if (store_incident_get(s, id, &in, &e) != 0) {
		buf_printf(out, _("incident %lld"), (long long)id);
		return;
	}
	si = floor_staff_find(f, in.staff);
	/* TRANSLATORS: incident id, rule code, staff id, name. */
	buf_printf(out, _("%lld %s on %s %s"), (long long)id, in.rule, in.staff,
	    si >= 0 ? f->staff[si].name : "");
}

int
report_appeals_lines(const struct floor *f, struct store *s, const char *day,
    long long end, struct buf *out, struct err *e)
{
	struct appeal *ap;
	int n, i, pending = 0;

	if (store_appeals(s, &ap, &n, e) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		const struct appeal *a = &ap[i];
		char on[DAY_LEN], when[32];
		bool made, decided;

		clock_shift_day(f, (time_t)a->at, on);
		made = strcmp(on, day) == 0;
		decided = false;
		if (a->decision[0]) {
			clock_shift_day(f, (time_t)a->decided_at, on);
			decided = strcmp(on, day) == 0;
		} else if (a->at <= end)
			pending++;
		if (!made && !decided && (a->decision[0] || a->at > end))
			continue;
		buf_printf(out, _("  appeal %lld  "), (long long)a->id);
		what(f, s, a->incident, out);
		if (decided) {
			clock_format((time_t)a->decided_at, when, sizeof when);
			buf_printf(out, strcmp(a->decision, "void") == 0 ?
			    _("  voided by %s %s: ") : _("  upheld by %s %s: "),
			    a->decided_by, when + 11);
			text_clean(out, a->decided_reason, strlen(a->decided_reason),
			    false);
		} else {
			clock_format((time_t)a->at, when, sizeof when);
			buf_printf(out, a->decision[0] ?
			    _("  for %s, recorded by %s %s: ") :
			    _("  for %s, recorded by %s %s, waiting for a manager: "),
			    a->staff, a->by, made ? when + 11 : when);
			text_clean(out, a->reason, strlen(a->reason), false);
		}
		buf_puts(out, "\n");
	}
	if (pending > 0)
		buf_printf(out, ngettext("  %d appeal waiting for a manager's "
		    "decision (callfloor decide); its line is out of payroll "
		    "meanwhile\n", "  %d appeals waiting for a manager's decision "
		    "(callfloor decide); their lines are out of payroll "
		    "meanwhile\n", pending), pending);
	free(ap);
	return 0;
}
