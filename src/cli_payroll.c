/*
 * cli_payroll.c - the month-end verbs: payroll, close, reopen, appeal and
 * decide.  Figures come from payroll.c, the rules of closing and appeals
 * from monthend.c; this file parses, checks roles for reading, prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/monthend.h"
#include "cli.h"
#include "monthend.h"
#include "payroll.h"
#include "text.h"

/* --month YYYY-MM, required: 0, or the usage error (2). */
static int
parse_month(const char *verb, const char *month, char out[8])
{
	if (month == NULL)
		return cli_usage(verb, _("--month YYYY-MM is required"));
	if (clock_parse_month(month) < 0)
		return cli_usage(verb, _("--month '%s' is not a month YYYY-MM in %s"),
		    month, CLOCK_YEARS);
	snprintf(out, 8, "%s", month);
	return 0;
}

static const struct option payroll_opts[] = {
	{ "month", required_argument, NULL, 'M' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ NULL, 0, NULL, 0 }
};

static int
payroll_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	const char *month = NULL, *format = NULL, *output = NULL;
	struct closed_month closed;
	struct buf out = { 0 }, doc = { 0 };
	struct err e = { 0 };
	char m[8];
	bool csv;
	int ch, rc;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'M')
			month = optarg;
		else if (ch == 'f')
			format = optarg;
		else if (ch == 'o')
			output = optarg;
		else
			return cli_bad_option("payroll", ch, argv);
	}
	if (cli_no_more("payroll", argc, argv, 0) != 0 ||
	    parse_month("payroll", month, m) != 0 ||
	    cli_parse_format("payroll", format, &csv) != 0)
		return EXIT_USAGE;
	if (c->actor.role != UROLE_MANAGER && c->actor.role != UROLE_LEAD) {
		cli_eprintf(_("callfloor: payroll is for managers and leads (%s "
		    "is a %s)\n"), c->actor.login, _(urole_name(c->actor.role)));
		return EXIT_REFUSED;
	}
	rc = store_closed_get(c->store, m, &closed, &e);
	if (rc < 0)
		return cli_fail(&e);
	if (rc == 0) {
		/* A closed month prints what was kept, byte for byte. */
		buf_puts(&out, csv ? closed.csv : closed.text);
		closed_month_free(&closed);
	} else {
		struct payroll p;

		if (payroll_compute(f, c->store, m, &p, &e) < 0)
			return cli_fail(&e);
		if (csv)
			payroll_csv(f, &p, &out);
		else
			payroll_text(f, &p, NULL, &out);
		payroll_free(&p);
	}
	text_clean(&doc, out.s ? out.s : "", out.len, true);
	buf_free(&out);
	if (output != NULL) {
		rc = cli_write_atomic(output, doc.s ? doc.s : "", doc.len, &e);
		buf_free(&doc);
		return rc < 0 ? cli_fail(&e) : 0;
	}
	fwrite(doc.s ? doc.s : "", 1, doc.len, stdout);
	buf_free(&doc);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_eprintf(_("callfloor: payroll: writing to standard output: "
		    "%s\n"), strerror(errno));
		return EXIT_RUNTIME;
	}
	return 0;
}

const struct verb verb_payroll = {
	.name = "payroll",
	.args = "--month YYYY-MM [--format text|csv] [-o FILE]",
	.help = N_("the month's fines and attendance deductions per person (A7)\n"
	    "One row per staff member, by group then staff id; the amounts come\n"
	    "from the rulebook's `deductions` block.  With wages configured, no\n"
	    "total exceeds the legal cap; the excess shows in over_cap.  A closed\n"
	    "month prints the snapshot taken when it closed.\n"),
	.shortopts = "o:",
	.opts = payroll_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = payroll_exec,
};

static const struct option close_opts[] = {
	{ "month", required_argument, NULL, 'M' },
	{ "force", no_argument, NULL, 'F' },
	{ NULL, 0, NULL, 0 }
};

static int
close_exec(struct cli *c, int argc, char **argv)
{
	const char *month = NULL;
	struct err e = { 0 };
	bool force = false;
	char m[8];
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'M')
			month = optarg;
		else if (ch == 'F')
			force = true;
		else
			return cli_bad_option("close", ch, argv);
	}
	if (cli_no_more("close", argc, argv, 0) != 0 ||
	    parse_month("close", month, m) != 0)
		return EXIT_USAGE;
	if (monthend_close(c->floor, c->store, &c->actor, m, force, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("%s closed: its payroll is kept as it stands; nothing dated "
	    "in it is written until a manager reopens it\n"), m);
	return 0;
}

const struct verb verb_close = {
	.name = "close",
	.args = "--month YYYY-MM [--force]",
	.help = N_("closes a month for payroll (managers)\n"
	    "Months close in order, once over.  The payroll is kept as a\n"
	    "snapshot, and marks, voids, sign-ins, leave and explanations dated\n"
	    "in the month are refused until it is reopened.  Undecided appeals\n"
	    "of its fines need --force.\n"),
	.opts = close_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = close_exec,
};

static const struct option reopen_opts[] = {
	{ "month", required_argument, NULL, 'M' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int
reopen_exec(struct cli *c, int argc, char **argv)
{
	const char *month = NULL, *reason = NULL;
	struct err e = { 0 };
	char m[8];
	int ch, n;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'M')
			month = optarg;
		else if (ch == 'r')
			reason = optarg;
		else
			return cli_bad_option("reopen", ch, argv);
	}
	if (cli_no_more("reopen", argc, argv, 0) != 0 ||
	    parse_month("reopen", month, m) != 0)
		return EXIT_USAGE;
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("reopen", _("--reason TEXT is required"));
	if (monthend_reopen(c->floor, c->store, &c->actor, m, reason, &n, &e) < 0)
		return cli_fail(&e);
	if (n > 1)
		cli_printf(_("%s reopened with the later closed months; its "
		    "payroll snapshot is discarded\n"), m);
	else
		cli_printf(_("%s reopened; its payroll snapshot is discarded\n"),
		    m);
	return 0;
}

const struct verb verb_reopen = {
	.name = "reopen",
	.args = "--month YYYY-MM --reason TEXT",
	.help = N_("reopens a closed month, and every later closed one "
	    "(managers)\n"),
	.opts = reopen_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = reopen_exec,
};

static const struct option appeal_opts[] = {
	{ "staff", required_argument, NULL, 's' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int
appeal_exec(struct cli *c, int argc, char **argv)
{
	const struct floor *f = c->floor;
	const char *staff = NULL, *reason = NULL;
	struct err e = { 0 };
	int64_t incident, id;
	int ch, who = -1;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 's')
			staff = optarg;
		else if (ch == 'r')
			reason = optarg;
		else
			return cli_bad_option("appeal", ch, argv);
	}
	if (optind + 1 != argc)
		return cli_usage("appeal", _("give one incident id"));
	if (cli_parse_id("appeal", _("incident id"), argv[optind], &incident) != 0)
		return EXIT_USAGE;
	if (staff != NULL && (who = cli_staff("appeal", f, staff)) < 0)
		return EXIT_USAGE;
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("appeal", _("--reason TEXT is required"));
	if (appeal_record(f, c->store, &c->actor, incident, who, reason, &id,
	    &e) < 0)
		return cli_fail(&e);
	cli_printf(_("%lld\nappeal %lld recorded: the fine stays out of payroll "
	    "until a manager decides\n"), (long long)id, (long long)id);
	return 0;
}

const struct verb verb_appeal = {
	.name = "appeal",
	.args = "ID [--staff STAFF] --reason TEXT",
	.help = N_("records an agent's appeal (申诉) of their fine in incident "
	    "ID\n"
	    "Recorded by a supervisor or above on the agent's behalf: the\n"
	    "offender by default, for a group fine the member named by --staff.\n"
	    "Prints the appeal's id alone on the first line.\n"),
	.opts = appeal_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = appeal_exec,
};

static const struct option decide_opts[] = {
	{ "uphold", no_argument, NULL, 'u' },
	{ "void", no_argument, NULL, 'v' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int
decide_exec(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct err e = { 0 };
	int uphold = 0, voiding = 0, ch;
	int64_t id;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'u')
			uphold = 1;
		else if (ch == 'v')
			voiding = 1;
		else if (ch == 'r')
			reason = optarg;
		else
			return cli_bad_option("decide", ch, argv);
	}
	if (optind + 1 != argc)
		return cli_usage("decide", _("give one appeal id"));
	if (cli_parse_id("decide", _("appeal id"), argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (uphold + voiding != 1)
		return cli_usage("decide", _("give one of --uphold or --void"));
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("decide", _("--reason TEXT is required"));
	if (appeal_decide(c->floor, c->store, &c->actor, id, uphold, reason,
	    &e) < 0)
		return cli_fail(&e);
	cli_printf(uphold ? _("appeal %lld upheld: the fine counts again\n") :
	    _("appeal %lld voided: the fine is gone\n"), (long long)id);
	return 0;
}

const struct verb verb_decide = {
	.name = "decide",
	.args = "APPEAL --uphold|--void --reason TEXT",
	.help = N_("decides an appeal (managers)\n"
	    "--uphold: the fine counts again.  --void: a one-person incident is\n"
	    "voided (co-penalties too, later offences renumbered); in a group\n"
	    "fine only the appellant's line is waived.\n"),
	.opts = decide_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = decide_exec,
};
