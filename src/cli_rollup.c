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
#include "roster.h"
#include "text.h"

int
cli_other_floor(struct cli *c, const char *verb, const char *id,
    const char *day)
{
	struct err e = { 0 };
	struct floor *f;
	char *text = NULL;
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
	/* Its people as its roster in the database names them that day, not
	 * as this floor's configuration does. */
	if ((rc = store_roster(c->store, NULL, day, &text, &e)) < 0)
		return cli_fail(&e);
	if (rc == 1)
		text = xasprintf("floor\t%s\t%s\n", id, id);
	if ((f = roster_floor(c->floor, text)) == NULL) {
		free(text);
		err_set(&e, EXIT_RUNTIME, _("the roster of floor %s in the "
		    "database is damaged"), id);
		return cli_fail(&e);
	}
	free(text);
	c->home = c->floor;
	c->floor = f;
	/* Its times and days read in its own zone. */
	clock_use_floor(f);
	return 0;
}

static const struct option rollup_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "month", required_argument, NULL, 'M' },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* *f: a floor of the roll-up as its roster in the database stood on day
 * (the reader's own configuration when the database holds none for it,
 * *own then), or NULL: its ids alone then.  0, or -1 with e set. */
static int
rollup_floor(struct cli *c, const char *id, const char *day,
    struct floor **f, bool *own, struct err *e)
{
	char *text = NULL;
	int rc = store_roster(c->store, id, day, &text, e);

	*f = NULL;
	*own = false;
	if (rc < 0)
		return -1;
	if (rc == 0)
		*f = roster_floor(c->floor, text);
	free(text);
	if (*f == NULL && strcmp(id, c->floor->id) == 0) {
		*own = true;
		*f = c->floor;
	}
	return 0;
}

static const char *
holder_name(const struct floor *f, int g, enum grole r)
{
	int p = f != NULL && g >= 0 ? floor_role_holder(f, g, r) : -1;

	return p >= 0 ? f->staff[p].name : "";
}

static void
row_text(struct buf *out, const char *grp, const char *name,
    const char *director, fen_t own, fen_t co)
{
	char a[32], b[32], t[32];

	buf_puts(out, "  ");
	if (name[0] == '\0' && director[0] == '\0')
		text_col(out, grp, 39);		/* a total's label */
	else {
		text_col(out, grp, 9);
		text_col(out, name, 17);
		text_col(out, director, 13);
	}
	buf_printf(out, "%12s %12s %12s\n", fen_format(own, a, sizeof a),
	    fen_format(co, b, sizeof b), fen_format(own + co, t, sizeof t));
}

static int
rollup_exec(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *month = NULL, *format = NULL;
	char from[DAY_LEN], to[DAY_LEN];
	struct rollup_row *rows;
	struct floor *f = NULL;
	struct buf out = { 0 };
	struct err e = { 0 };
	fen_t fown = 0, fco = 0, town = 0, tco = 0;
	bool csv, own = false;
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
		buf_puts(&out, "floor,floor_name,group,group_name,director,deputy,"
		    "supervisor,own,co,total\r\n");
	else
		buf_printf(&out, _("Fines of every floor, %s to %s\n"), from, to);
	for (i = 0; i < n; i++) {
		char a[32], b[32], t[32];
		int g;

		/* Each floor, its groups and their role holders named as its
		 * roster stood at the period's end. */
		if (i == 0 || strcmp(rows[i - 1].floor, rows[i].floor) != 0) {
			if (rollup_floor(c, rows[i].floor, to, &f, &own, &e) < 0) {
				buf_free(&out);
				free(rows);
				return cli_fail(&e);
			}
			if (!csv) {
				buf_printf(&out, "\n%s  %s\n", rows[i].floor,
				    f != NULL ? f->name : "");
				buf_puts(&out, "  ");
				text_col(&out, _("group"), 9);
				text_col(&out, _("group name"), 17);
				text_col(&out, _("director"), 13);
				buf_printf(&out, "%12s %12s %12s\n", _("own"),
				    _("co"), _("total"));
			}
		}
		g = f != NULL ? floor_group_find(f, rows[i].grp) : -1;
		if (csv) {
			const char *row[] = { rows[i].floor, f ? f->name : "",
			    rows[i].grp, g >= 0 ? f->groups[g].name : "",
			    holder_name(f, g, GROLE_DIRECTOR),
			    holder_name(f, g, GROLE_DEPUTY),
			    holder_name(f, g, GROLE_SUPERVISOR),
			    fen_format(rows[i].own, a, sizeof a),
			    fen_format(rows[i].co, b, sizeof b),
			    fen_format(rows[i].own + rows[i].co, t, sizeof t) };

			cli_csv_row(&out, row, 10);
		} else
			row_text(&out, rows[i].grp, g >= 0 ? f->groups[g].name :
			    "", holder_name(f, g, GROLE_DIRECTOR), rows[i].own,
			    rows[i].co);
		fown += rows[i].own;
		fco += rows[i].co;
		if (i + 1 == n || strcmp(rows[i + 1].floor, rows[i].floor) != 0) {
			if (!csv)
				row_text(&out, _("all"), "", "", fown, fco);
			town += fown;
			tco += fco;
			fown = fco = 0;
			if (!own)
				floor_free_roster(f);
			f = NULL;
		}
	}
	if (!csv) {
		buf_puts(&out, "\n");
		row_text(&out, _("every floor"), "", "", town, tco);
	}
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
	    "SQLite file one), each floor, group and director named as the\n"
	    "floor's roster in the database stood at the period's end.  CSV\n"
	    "header floor,floor_name,group,group_name,director,deputy,\n"
	    "supervisor,own,co,total.\n"),
	.opts = rollup_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = rollup_exec,
};
