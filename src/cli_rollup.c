/*
 * cli_rollup.c - headquarters' verbs for many floors in one PostgreSQL
 * database (issue 15): `rollup`, the fines per floor and group of every
 * floor, and `--floor ID` of fines and report, which read another floor.
 * Managers only.  The store answers across floors; this file parses,
 * checks the role and prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"

int
cli_other_floor(struct cli *c, const char *verb, const char *id)
{
	struct err e = { 0 };
	int rc;

	if (c->actor.role != UROLE_MANAGER)
		return cli_usage_refused(c, _("only managers read another floor"));
	if (strcmp(id, c->floor->id) == 0)
		return 0;
	rc = store_use_floor(c->store, id, &e);
	if (rc < 0)
		return e.code == EXIT_USAGE ? cli_usage(verb, "%s", e.msg) :
		    cli_fail(&e);
	if (rc == 1)
		return cli_usage(verb, _("--floor %s: the database holds no such "
		    "floor"), id);
	return 0;
}

static const struct option rollup_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "month", required_argument, NULL, 'M' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

static void
row_text(struct buf *out, const char *floor, const char *grp, fen_t own,
    fen_t co)
{
	char a[32], b[32], t[32];

	buf_printf(out, "  %-12s %-8s %12s %12s %12s\n", floor, grp,
	    fen_format(own, a, sizeof a), fen_format(co, b, sizeof b),
	    fen_format(own + co, t, sizeof t));
}

static int
rollup_exec(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *month = NULL, *format = NULL;
	char from[DAY_LEN], to[DAY_LEN];
	struct rollup_row *rows;
	struct buf out = { 0 };
	struct err e = { 0 };
	fen_t fown = 0, fco = 0, town = 0, tco = 0;
	bool csv;
	int ch, i, n;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'D': day = optarg; break;
		case 'M': month = optarg; break;
		case 'f': format = optarg; break;
		default: return cli_bad_option("rollup", ch, argv);
		}
	}
	if (cli_no_more("rollup", argc, argv, 0) != 0 ||
	    cli_parse_period("rollup", c, day, month, NULL, NULL, from, to) != 0 ||
	    cli_parse_format("rollup", format, &csv) != 0)
		return EXIT_USAGE;
	if (c->actor.role != UROLE_MANAGER)
		return cli_usage_refused(c, _("the roll-up of every floor is for "
		    "managers"));
	if (store_rollup(c->store, c->floor->id, from, to, &rows, &n, &e) < 0)
		return cli_fail(&e);
	if (csv)
		buf_puts(&out, "floor,group,own,co,total\r\n");
	else {
		buf_printf(&out, _("Fines of every floor, %s to %s\n\n"), from, to);
		buf_printf(&out, "  %-12s %-8s %12s %12s %12s\n", _("floor"),
		    _("group"), _("own"), _("co"), _("total"));
	}
	for (i = 0; i < n; i++) {
		if (csv) {
			char a[32], b[32], t[32];
			const char *row[] = { rows[i].floor, rows[i].grp,
			    fen_format(rows[i].own, a, sizeof a),
			    fen_format(rows[i].co, b, sizeof b),
			    fen_format(rows[i].own + rows[i].co, t, sizeof t) };

			cli_csv_row(&out, row, 5);
			continue;
		}
		row_text(&out, rows[i].floor, rows[i].grp, rows[i].own, rows[i].co);
		fown += rows[i].own;
		fco += rows[i].co;
		if (i + 1 == n || strcmp(rows[i + 1].floor, rows[i].floor) != 0) {
			row_text(&out, rows[i].floor, _("all"), fown, fco);
			buf_puts(&out, "\n");
			town += fown;
			tco += fco;
			fown = fco = 0;
		}
	}
	if (!csv)
		row_text(&out, _("every floor"), "", town, tco);
	cli_print(&out);
	buf_free(&out);
	free(rows);
	return 0;
}

const struct verb verb_rollup = {
	.name = "rollup",
	.args = "[--day D | --month YYYY-MM] [--format text|csv]",
	.help = N_("fines per floor and group of every floor in the database\n"
	    "(managers; a shared PostgreSQL database holds many floors, an\n"
	    "SQLite file one).  CSV header floor,group,own,co,total.\n"),
	.opts = rollup_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = rollup_exec,
};
