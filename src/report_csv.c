/*
 * report_csv.c - the end-of-day summary as CSV: one row per fine line the
 * engine wrote for a not-voided incident of the day, so that a
 * spreadsheet can rebuild every total of the printed report.
 *
 * RFC 4180: CRLF line ends, a header row, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled.  The columns:
 *
 *   day             the shift day of the incident (YYYY-MM-DD)
 *   incident        the incident's id
 *   at              when it happened, floor-local "YYYY-MM-DD HH:MM"
 *   rule            the rule code
 *   offender        staff id of the offender; empty for a rule that falls
 *                   on a whole group (DEPT_COMPLAINT)
 *   offender_group  the offender's group at the time (the group complained
 *                   against, for a group rule)
 *   offence         the offender's nth offence of the rule in its window;
 *                   empty for a group rule
 *   payer           staff id of who pays this line; empty when the role
 *                   was vacant: such a line counts in no total
 *   payer_name      the payer's name (today's staff list; "?" when gone)
 *   payer_group     the payer's own group (today's staff list); the report
 *                   totals each group over these
 *   role            offender, director, deputy, supervisor or member
 *   kind            own (the offender's own fine), co (a co-penalty on a
 *                   role holder) or group (a group fine on a member)
 *   amount          currency units, two decimals, as the engine priced it
 *   doubled         the repeat factor applied to an own fine, else 0
 *
 * The report's "fines today" is the sum of amount over rows with a payer;
 * own / co / group split it by kind; a person's line sums their rows.
 * Nothing here prices anything.
 */
#include "report.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "../db/store.h"
#include "cli.h"
#include "clock.h"
#include "floor.h"

int
report_csv(const struct floor *f, struct store *s, const char *day,
    struct buf *out, struct err *e)
{
	struct fine_line *l;
	char dd[DAY_LEN];
	bool started;
	int n, i, rc;

	if (day == NULL || clock_parse_day(day, dd) < 0)
		return err_set(e, EXIT_USAGE, _("'%s' is not a day YYYY-MM-DD"),
		    day ? day : "");
	if (store_read_begin(s, &started, e) < 0)
		return -1;
	rc = store_fine_lines(s, dd, dd, &l, &n, e);
	store_read_end(s, started);
	if (rc < 0)
		return -1;
	buf_puts(out, "day,incident,at,rule,offender,offender_group,offence,"
	    "payer,payer_name,payer_group,role,kind,amount,doubled\r\n");
	for (i = 0; i < n; i++) {
		const struct incident *in = &l[i].in;
		const struct fine_row *fr = &l[i].f;
		int si = fr->staff[0] ? floor_staff_find(f, fr->staff) : -1;
		char at[32], id[24], offence[16], a[32], doubled[16];
		const char *payer_name = "", *payer_group = "";
		static const char *const kinds[] = { [FINE_OWN] = "own",
			[FINE_CO] = "co", [FINE_GROUP] = "group" };
		const char *kind = kinds[engine_fine_kind(fr)];

		clock_format((time_t)in->at, at, sizeof at);
		snprintf(id, sizeof id, "%lld", (long long)in->id);
		if (in->staff[0])
			snprintf(offence, sizeof offence, "%d", in->offence);
		else
			offence[0] = '\0';
		if (fr->staff[0] != '\0') {
			payer_name = si >= 0 ? f->staff[si].name : "?";
			payer_group = si >= 0 ? f->groups[f->staff[si].group].id : "?";
		}
		snprintf(doubled, sizeof doubled, "%d", fr->doubled);
		const char *row[] = { in->day, id, at, in->rule, in->staff, in->grp,
		    offence, fr->staff, payer_name, payer_group, fr->role, kind,
		    fen_format(fr->amount, a, sizeof a), doubled };

		cli_csv_row(out, row, (int)(sizeof row / sizeof row[0]));
	}
	free(l);
	return 0;
}
