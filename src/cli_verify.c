/*
 * cli_verify.c - callfloor verify [--repair]: the attendance totals carried
 * forward per person and month (db/carry.h) rebuilt from the raw rows and
 * compared; exit 1 and a list on any difference; --repair (managers)
 * writes the rebuilt ones, audited.
 */
#include <stdio.h>
#include <stdlib.h>

#include "attendance.h"
#include "cli.h"
#include "text.h"

static const struct option verify_opts[] = {
	{ "repair", no_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int
verify_exec(struct cli *c, int argc, char **argv)
{
	struct carry_diff *d = NULL;
	struct buf out = { 0 };
	struct err e = { 0 };
	bool repair = false;
	int ch, i, n, checked;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'r')
			repair = true;
		else
			return cli_bad_option("verify", ch, argv);
	}
	if (cli_no_more("verify", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (attendance_verify(c->floor, c->store, &c->actor, repair, &d, &n,
	    &checked, &e) < 0)
		return cli_fail(&e);
	for (i = 0; i < n; i++) {
		if (d[i].month[0])
			buf_printf(&out, "%s %s: %s\n", d[i].month, d[i].staff,
			    d[i].what);
		else
			buf_printf(&out, _("carried totals: %s\n"), d[i].what);
	}
	if (n == 0)
		buf_printf(&out, ngettext("ok: %d carried attendance total "
		    "matches the raw rows\n", "ok: %d carried attendance totals "
		    "match the raw rows\n", checked), checked);
	else if (repair)
		buf_printf(&out, ngettext("repaired: %d difference; every "
		    "carried total rebuilt from the raw rows\n", "repaired: %d "
		    "differences; every carried total rebuilt from the raw "
		    "rows\n", n), n);
	else
		buf_printf(&out, ngettext("%d difference in %d carried "
		    "attendance totals (callfloor verify --repair rebuilds them)\n",
		    "%d differences in %d carried attendance totals (callfloor "
		    "verify --repair rebuilds them)\n", n), n, checked);
	cli_print(&out);
	buf_free(&out);
	free(d);
	return n > 0 && !repair ? EXIT_RUNTIME : 0;
}

const struct verb verb_verify = {
	.name = "verify",
	.args = "[--repair]",
	.help = N_("rebuilds the carried attendance totals from the raw rows "
	    "and\n"
	    "compares; exit 1 and a list on any difference.  --repair (managers)\n"
	    "writes the rebuilt ones, audited.\n"),
	.opts = verify_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = verify_exec,
};
