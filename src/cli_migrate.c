/*
 * cli_migrate.c - `callfloor migrate --to TARGET` (issue 15): this floor's
 * whole record copied into another database, a PostgreSQL one to move the
 * floor there, or an SQLite file to export it back, with the proof printed:
 * every table's row count and the money on both sides.  Run again, it
 * copies only what this database gained since, new rows and changes to
 * rows copied before alike.  Managers only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/migrate.h"
#include "cli.h"

static const struct option migrate_opts[] = {
	{ "to", required_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 }
};

static int
migrate_exec(struct cli *c, int argc, char **argv)
{
	const char *target = NULL;
	struct migrate_report r;
	struct store *to = NULL;
	struct buf out = { 0 };
	struct err e = { 0 };
	char a[32], b[32];
	bool equal = true;
	int ch, i;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 't')
			target = optarg;
		else
			return cli_bad_option("migrate", ch, argv);
	}
	if (cli_no_more("migrate", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (target == NULL || target[0] == '\0')
		return cli_usage("migrate", _("--to TARGET is required (a "
		    "postgresql:// URI, service=NAME or an SQLite file)"));
	if (strcmp(target, c->db_path) == 0)
		return cli_usage("migrate", _("--to %s is this floor's own "
		    "database"), target);
	if (c->actor.role != UROLE_MANAGER)
		return cli_usage_refused(c, _("only managers move a floor's "
		    "record"));
	store_set_floor(c->floor->id);
	if (store_open(target, 0, &to, &e) < 0)
		return cli_fail(&e);
	if (store_migrate(c->store, to, &r, &e) < 0) {
		store_close(to);
		return cli_fail(&e);
	}
	for (i = 0; i < r.nids; i++)
		buf_printf(&out, _("incident %lld is %lld in %s\n"),
		    (long long)r.ids[i][0], (long long)r.ids[i][1], store_path(to));
	if (r.copied == 0 && r.updated == 0 && r.removed == 0)
		buf_printf(&out, _("nothing new in %s since the last copy: %s is "
		    "unchanged\n\n"), store_path(c->store), store_path(to));
	else
		buf_printf(&out, _("copied %lld new rows from %s to %s, carried "
		    "%lld changes to rows copied before, removed %lld rows the "
		    "source no longer has\n\n"), (long long)r.copied,
		    store_path(c->store), store_path(to), (long long)r.updated,
		    (long long)r.removed);
	buf_printf(&out, "  %-14s %12s %12s\n", _("table"), _("source"),
	    _("target"));
	for (i = 0; i < MIGRATE_TABLES; i++) {
		bool same = r.source.rows[i] == r.target.rows[i];

		buf_printf(&out, "  %-14s %12lld %12lld%s\n", migrate_table_name(i),
		    (long long)r.source.rows[i], (long long)r.target.rows[i],
		    same ? "" : _("  DIFFERS"));
		equal = equal && same;
	}
	buf_printf(&out, "  %-14s %12s %12s%s\n", _("fines"),
	    fen_format(r.source.fines, a, sizeof a),
	    fen_format(r.target.fines, b, sizeof b),
	    r.source.fines == r.target.fines ? "" : _("  DIFFERS"));
	buf_printf(&out, "  %-14s %12s %12s%s\n", _("adjustments"),
	    fen_format(r.source.adjustments, a, sizeof a),
	    fen_format(r.target.adjustments, b, sizeof b),
	    r.source.adjustments == r.target.adjustments ? "" : _("  DIFFERS"));
	equal = equal && r.source.fines == r.target.fines &&
	    r.source.adjustments == r.target.adjustments;
	buf_puts(&out, equal ? _("\nthe copy is proved: every count and total "
	    "is equal\n") : _("\nthe copy differs from the source (above)\n"));
	cli_print(&out);
	buf_free(&out);
	free(r.ids);
	store_close(to);
	return equal ? 0 : EXIT_RUNTIME;
}

const struct verb verb_migrate = {
	.name = "migrate",
	.args = "--to TARGET",
	.help = N_("copies this floor's whole record to another database\n"
	    "(a postgresql:// URI or service=NAME to move the floor to\n"
	    "PostgreSQL, an SQLite file to export it back), then prints the row\n"
	    "counts and money of both sides.  Incidents get the target's ids\n"
	    "(printed).  Run again, it copies only what the source gained since:\n"
	    "new rows, and changes to rows copied before (voids, returns,\n"
	    "approvals, decisions, closed or reopened months) (managers).\n"),
	.opts = migrate_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = migrate_exec,
};
