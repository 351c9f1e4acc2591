/*
 * cli.c - the argument helpers every verb shares, and the verbs of the
 * floor's record: init, check-config, mark, void, fines, custody, return,
 * map and rules.  Each verb parses its options (its row in the verb table
 * is at the end of its function), checks every argument before it writes,
 * asks the engine or the store, and prints in the formats of
 * interface.md.  Errors name the offending value and exit with the codes
 * of util.h.  The verbs find the store open (cli_main.c).
 */
#include "cli.h"
#include "complaint.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../db/audit.h"
#include "auth.h"
#include "clock.h"
#include "i18n.h"
#include "ledger.h"
#include "report.h"
#include "report_pdf.h"
#include "seatmap.h"
#include "terms.h"
#include "text.h"
#include "trend.h"
#include "trail.h"

int
cli_usage(const char *verb, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	cli_eprintf(_("callfloor: %s%s"), verb ? verb : "", verb ? ": " : "");
	cli_say(msg);
	cli_eprintf(_("(see callfloor %s%s--help)\n"), verb ? verb : "",
	    verb ? " " : "");
	free(msg);
	return EXIT_USAGE;
}

/* ---- argument helpers ---- */

int
cli_staff(const char *verb, const struct floor *f, const char *s)
{
	struct buf who = { 0 };
	int i, found = -1, n = 0;

	if ((i = floor_staff_find(f, s)) >= 0)
		return i;
	for (i = 0; i < f->nstaff; i++)
		if (strcmp(f->staff[i].name, s) == 0) {
			const struct staff *p = &f->staff[i];
			int g = p->group;

			found = i;
			buf_printf(&who, "%s%s (seat %s, group %s)", n++ ? ", " : "",
			    p->id, p->seat >= 0 ? f->seats[p->seat].id : "none",
			    g >= 0 ? f->groups[g].id : "none");
		}
	if (n == 1) {
		buf_free(&who);
		return found;
	}
	if (n > 1)
		cli_usage(verb, _("'%s' names %d people: %s; give the staff id"), s, n,
		    who.s);
	else
		cli_usage(verb, _("no staff '%s' on floor %s (neither an id nor a "
		    "name)"), s, f->id);
	buf_free(&who);
	return -1;
}

int
cli_group(const char *verb, const struct floor *f, const char *s)
{
	struct buf which = { 0 };
	int i, found = -1, n = 0;

	if ((i = floor_group_find(f, s)) >= 0)
		return i;
	for (i = 0; i < f->ngroups; i++)
		if (strcmp(f->groups[i].name, s) == 0) {
			found = i;
			buf_printf(&which, "%s%s", n++ ? ", " : "", f->groups[i].id);
		}
	if (n == 1) {
		buf_free(&which);
		return found;
	}
	if (n > 1)
		cli_usage(verb, _("'%s' names %d groups: %s; give the group id"), s, n,
		    which.s);
	else
		cli_usage(verb, _("no group '%s' on floor %s (neither an id nor a "
		    "name)"), s, f->id);
	buf_free(&which);
	return -1;
}

int
cli_parse_id(const char *verb, const char *what, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return cli_usage(verb, _("%s '%s' is not a number"), what, s);
	*out = v;
	return 0;
}

/* Resolves --day/--month/--from/--to into an inclusive day range. */
int
cli_parse_period(const char *verb, struct cli *c, const char *day, const char *month,
    const char *from, const char *to, char f[DAY_LEN], char t[DAY_LEN])
{
	int given = (day != NULL) + (month != NULL) + (from != NULL || to != NULL);

	if (given > 1)
		return cli_usage(verb, _("give one of --day, --month or --from/--to"));
	if (day != NULL) {
		if (clock_parse_day(day, f) < 0)
			return cli_usage(verb, _("--day '%s' is not a date YYYY-MM-DD in %s"), day, CLOCK_YEARS);
		memcpy(t, f, DAY_LEN);
	} else if (month != NULL) {
		if (clock_parse_month(month) < 0)
			return cli_usage(verb, _("--month '%s' is not a month YYYY-MM in %s"), month, CLOCK_YEARS);
		snprintf(f, DAY_LEN, "%s-01", month);
		clock_month_last(f, t);
	} else if (from != NULL || to != NULL) {
		if (from == NULL || to == NULL)
			return cli_usage(verb, _("--from and --to go together"));
		if (clock_parse_day(from, f) < 0)
			return cli_usage(verb, _("--from '%s' is not a date YYYY-MM-DD in %s"), from, CLOCK_YEARS);
		if (clock_parse_day(to, t) < 0)
			return cli_usage(verb, _("--to '%s' is not a date YYYY-MM-DD in %s"), to, CLOCK_YEARS);
		if (strcmp(f, t) > 0)
			return cli_usage(verb, _("--from %s is after --to %s"), from, to);
	} else {
		char today[DAY_LEN];

		clock_shift_day(c->floor, clock_now(), today);
		snprintf(f, DAY_LEN, "%.7s-01", today);
		clock_month_last(f, t);
	}
	return 0;
}

int
cli_parse_format(const char *verb, const char *s, bool *csv)
{
	if (s == NULL || strcmp(s, "text") == 0)
		*csv = false;
	else if (strcmp(s, "csv") == 0)
		*csv = true;
	else
		return cli_usage(verb, _("--format '%s' is not text or csv"), s);
	return 0;
}

/* ---- verbs ---- */

static int
check_config_exec(struct cli *c, int argc, char **argv)
{
	const char *why;
	enum print_format pf;

	if (cli_bare(c, argc, argv) != 0)
		return EXIT_USAGE;
	pf = report_print_format(c->floor, &why);
	cli_printf("ok: %d seats, %d staff, %d groups, %d rules\n", c->floor->nseats,
	    c->floor->nstaff, c->floor->ngroups, c->floor->nrules);
	cli_printf("print: %s (%s)\n", pf == PRINT_PDF ? c->floor->paper ==
	    PAPER_LETTER ? "PDF on letter paper" : "PDF on A4 paper" : "text",
	    why);
	return 0;
}

const struct verb verb_check_config = {
	.name = "check-config",
	.args = "",
	.help = N_("validates the configuration\n"
	    "Prints ok: N seats, N staff, N groups, N rules, or every error as\n"
	    "FILE:LINE: message.\n"),
	.open = OPEN_NONE,
	.needs_actor = false,
	.exec = check_config_exec,
};

static int
init_exec(struct cli *c, int argc, char **argv)
{
	int64_t was = store_found_version(c->store);
	struct err e = { 0 };
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option("init", ch, argv);
	if (cli_no_more("init", argc, argv, 0) != 0)
		return EXIT_USAGE;
	/* Creating or migrating the floor's record is on the record too. */
	if (was < STORE_SCHEMA_VERSION) {
		char what[80];

		if (was == 0)
			snprintf(what, sizeof what, "created the database (schema "
			    "%d)", STORE_SCHEMA_VERSION);
		else
			snprintf(what, sizeof what, "migrated the database from "
			    "schema %lld to %d", (long long)was, STORE_SCHEMA_VERSION);
		if (store_begin(c->store, &e) < 0 || trail_write(c->floor,
		    c->store, &c->actor, "init", "database", &e, "%s", what) < 0 ||
		    store_commit(c->store, &e) < 0) {
			store_rollback(c->store);
			return cli_fail(&e);
		}
	}
	cli_printf(_("database %s ready (schema %d)\n"), store_path(c->store),
	    STORE_SCHEMA_VERSION);
	return 0;
}

const struct verb verb_init = {
	.name = "init",
	.args = "",
	.help = N_("creates or migrates the database (safe to repeat)\n"
	    "The only command that creates one on a configured floor.\n"),
	.open = OPEN_INIT,
	.needs_actor = true,
	.exec = init_exec,
};

static void
print_vacancies(const struct floor *f, const struct mark_result *r)
{
	int i;
	char a[32];

	for (i = 0; i < r->nfines; i++)
		if (r->fines[i].staff[0] == '\0') {
			int g = floor_group_find(f, r->fines[i].grp);

			cli_eprintf(_("callfloor: note: group %s (%s) has no %s; "
			    "the %s co-penalty of %s falls on nobody\n"),
			    r->fines[i].grp, g >= 0 ? f->groups[g].name : "?",
			    _(r->fines[i].role), _(r->fines[i].role),
			    fen_format(r->fines[i].amount, a, sizeof a));
		}
}

static const struct option mark_opts[] = {
	{ "seat", required_argument, NULL, 's' },
	{ "staff", required_argument, NULL, 'S' },
	{ "group", required_argument, NULL, 'g' },
	{ "rule", required_argument, NULL, 'r' },
	{ "amount", required_argument, NULL, 'a' },
	{ "note", required_argument, NULL, 'n' },
	{ "at", required_argument, NULL, 't' },
	{ "caller", required_argument, NULL, 'C' },
	{ "phone", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 }
};

static int
mark_exec(struct cli *c, int argc, char **argv)
{
	const char *seat = NULL, *staff = NULL, *group = NULL, *rule = NULL;
	const char *amount = NULL, *note = NULL, *at = NULL;
	const char *caller = NULL, *phone = NULL;
	const struct floor *f = c->floor;
	struct mark_req r = { -1, -1, -1, -1, NULL, 0, false };
	struct mark_result res;
	struct err e = { 0 };
	int64_t entry = 0;
	int ch, i, targets;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 's': seat = optarg; break;
		case 'S': staff = optarg; break;
		case 'g': group = optarg; break;
		case 'r': rule = optarg; break;
		case 'a': amount = optarg; break;
		case 'n': note = optarg; break;
		case 't': at = optarg; break;
		case 'C': caller = optarg; break;
		case 'p': phone = optarg; break;
		default: return cli_bad_option("mark", ch, argv);
		}
	}
	if (cli_no_more("mark", argc, argv, 0) != 0)
		return EXIT_USAGE;
	targets = (seat != NULL) + (staff != NULL) + (group != NULL);
	if (targets != 1)
		return cli_usage("mark", _("give exactly one of --seat, --staff "
		    "or --group"));
	if (rule == NULL)
		return cli_usage("mark", _("--rule CODE is required"));
	if ((r.rule = floor_rule_find(f, rule)) < 0)
		return cli_usage("mark", _("unknown rule '%s' (callfloor rules "
		    "lists them)"), rule);
	if (seat != NULL) {
		int si = floor_seat_find(f, seat);

		if (si < 0)
			return cli_usage("mark", _("no seat '%s' on floor %s"), seat,
			    f->id);
		if ((r.staff = f->seats[si].staff) < 0)
			return cli_usage("mark", _("seat %s is empty"), seat);
	}
	if (staff != NULL && (r.staff = cli_staff("mark", f, staff)) < 0)
		return EXIT_USAGE;
	if (group != NULL && (r.group = cli_group("mark", f, group)) < 0)
		return EXIT_USAGE;
	if (amount != NULL && fen_parse(amount, &r.amount) < 0)
		return cli_usage("mark", _("--amount '%s' is not an amount such as "
		    "12 or 12.50"), amount);
	if (note != NULL && !utf8_valid(note))
		return cli_usage("mark", _("--note is not valid UTF-8"));
	r.note = note;
	r.at = clock_now();
	if (at != NULL) {
		if (clock_parse_local(at, &r.at) < 0)
			return cli_usage("mark", _("--at '%s' is not a time "
			    "'YYYY-MM-DD HH:MM'"), at);
		r.at_given = true;
	}
	if ((caller != NULL || phone != NULL) && (strcmp(f->rules[r.rule].code,
	    "UNLOGGED") != 0 || r.staff < 0))
		return cli_usage("mark", _("--caller and --phone go with --rule "
		    "UNLOGGED on a person: the complaint found unrecorded"));
	if (caller != NULL) {
		/* B14: the register records the complaint late, in the mark's
		 * transaction, with who found it. */
		struct complaint_req q = { r.staff, CKIND_COMPLAINT, caller, phone,
		    note, r.at };

		if (complaint_unlogged(f, c->store, &c->actor, &r, &q, &res, &entry,
		    &e) < 0)
			return cli_fail(&e);
	} else if (engine_mark(f, c->store, &c->actor, &r, &res, &e) < 0)
		return cli_fail(&e);
	cli_printf("%lld\n", (long long)res.in.id);
	for (i = 0; i < res.nfines; i++) {
		char a[32];

		if (res.fines[i].staff[0] == '\0')
			continue;
		cli_printf("%s %s %s\n", res.fines[i].staff, res.fines[i].role,
		    fen_format(res.fines[i].amount, a, sizeof a));
	}
	print_vacancies(f, &res);
	if (res.custody != 0)
		cli_eprintf(_("callfloor: %s taken into custody (record %lld); "
		    "`callfloor return %lld` hands it back\n"),
		    f->rules[r.rule].t.confiscate, (long long)res.custody,
		    (long long)res.custody);
	if (entry != 0)
		cli_eprintf(_("callfloor: the complaint is now register entry "
		    "%lld, recorded late by %s\n"), (long long)entry, c->actor.login);
	else if (strcmp(f->rules[r.rule].code, "UNLOGGED") == 0 && r.staff >= 0)
		cli_eprintf(_("callfloor: the complaint is not in the register: "
		    "`complaint add`, or mark with --caller TEXT --note TEXT, "
		    "records it\n"));
	mark_result_free(&res);
	return 0;
}

const struct verb verb_mark = {
	.name = "mark",
	.args = "(--seat S | --staff ID | --group G) --rule CODE\n"
	    "                [--amount X] [--note TEXT] [--at 'YYYY-MM-DD HH:MM']\n"
	    "                [--caller TEXT [--phone NUMBER]]",
	.help = N_("records an incident\n"
	    "Prints its id, then one line per fine: STAFF_ID ROLE AMOUNT (ROLE:\n"
	    "offender, director, deputy, supervisor, member).  A vacant role is\n"
	    "said on stderr.  --rule UNLOGGED --caller TEXT --note TEXT also\n"
	    "records the complaint found unrecorded in rule B14's register, late,\n"
	    "with who found it (its entry id on stderr).\n"),
	.opts = mark_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = mark_exec,
};

static const struct option void_opts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 }
};

static int
void_exec(struct cli *c, int argc, char **argv)
{
	const char *reason = NULL;
	struct err e = { 0 };
	int64_t id;
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'r')
			reason = optarg;
		else
			return cli_bad_option("void", ch, argv);
	}
	if (optind + 1 != argc)
		return cli_usage("void", _("give one incident id"));
	if (cli_parse_id("void", _("incident id"), argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("void", _("--reason TEXT is required"));
	if (!utf8_valid(reason))
		return cli_usage("void", _("--reason is not valid UTF-8"));
	if (engine_void(c->floor, c->store, &c->actor, id, reason, &e) < 0)
		return cli_fail(&e);
	cli_printf(_("voided incident %lld\n"), (long long)id);
	/* The item is physically held until it is handed back: say so. */
	{
		struct custody *cu = NULL;
		int n = 0, i;

		if (store_custody_held(c->store, &cu, &n, &e) == 0)
			for (i = 0; i < n; i++)
				if (cu[i].incident == id)
					cli_eprintf(_("callfloor: the %s of %s stays in "
					    "custody %lld until `callfloor return %lld`\n"),
					    cu[i].item, cu[i].staff, (long long)cu[i].id,
					    (long long)cu[i].id);
		free(cu);
	}
	return 0;
}

const struct verb verb_void = {
	.name = "void",
	.args = "ID --reason TEXT",
	.help = N_("voids an incident (kept on record)\n"
	    "Later offences are renumbered.\n"),
	.opts = void_opts,
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = void_exec,
};

void
cli_csv_field(struct buf *b, const char *raw)
{
	struct buf c = { 0 };
	const char *s;

	/* No control character reaches a terminal through CSV either. */
	text_clean(&c, raw, strlen(raw), false);
	s = c.s;
	if (strpbrk(s, ",\"") == NULL)
		buf_puts(b, s);
	else {
		buf_puts(b, "\"");
		for (; *s; s++) {
			if (*s == '"')
				buf_puts(b, "\"");
			buf_add(b, s, 1);
		}
		buf_puts(b, "\"");
	}
	buf_free(&c);
}

void
cli_csv_row(struct buf *b, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		cli_csv_field(b, fields[i]);
		buf_puts(b, i + 1 < n ? "," : "\r\n");
	}
}

static void
fines_csv(const struct ledger_row *rows, int n, struct buf *out)
{
	int i;

	buf_puts(out, "group,staff_id,name,role,own,co,total\r\n");
	for (i = 0; i < n; i++) {
		char a[32], b[32], t[32];
		const char *row[] = { rows[i].group, rows[i].staff_id, rows[i].name,
		    rows[i].role, fen_format(rows[i].own, a, sizeof a),
		    fen_format(rows[i].co, b, sizeof b),
		    fen_format(rows[i].own + rows[i].co, t, sizeof t) };

		cli_csv_row(out, row, (int)(sizeof row / sizeof row[0]));
	}
}

static void
amounts(struct buf *out, fen_t own, fen_t co)
{
	char a[32], b[32], t[32];

	buf_printf(out, " %10s %10s %10s\n", fen_format(own, a, sizeof a),
	    fen_format(co, b, sizeof b), fen_format(own + co, t, sizeof t));
}

static void
fines_text(const struct floor *f, const struct ledger_row *rows, int n,
    const char *from, const char *to, struct buf *out)
{
	fen_t gown = 0, gco = 0, town = 0, tco = 0;
	int i;

	buf_printf(out, _("%s: fines %s to %s (%s)\n"), f->name, from, to,
	    f->currency);
	if (n == 0) {
		buf_printf(out, "\n%s\n", _("no fines"));
		return;
	}
	for (i = 0; i < n; i++) {
		const struct ledger_row *r = &rows[i];

		if (i == 0 || strcmp(r->group, rows[i - 1].group) != 0) {
			int g = floor_group_find(f, r->group);

			buf_printf(out, _("\nGroup %s  %s\n"), r->group,
			    g >= 0 ? f->groups[g].name : _("(former staff)"));
			buf_puts(out, "  ");
			text_fit(out, _("staff"), 8, false, false);
			text_fit(out, _("name"), 16, false, false);
			text_fit(out, _("role"), 10, false, false);
			/* The amounts' headings, right-aligned in 11
			 * columns like the amounts below. */
			text_fit(out, _("own"), 11, true, false);
			text_fit(out, _("co"), 11, true, false);
			text_fit(out, _("total"), 11, true, false);
			buf_puts(out, "\n");
			gown = gco = 0;
		}
		buf_puts(out, "  ");
		text_fit(out, r->staff_id, 8, false, false);
		text_fit(out, r->name, 16, false, false);
		text_fit(out, _(r->role), 10, false, false);
		amounts(out, r->own, r->co);
		gown += r->own;
		gco += r->co;
		town += r->own;
		tco += r->co;
		if (i + 1 == n || strcmp(r->group, rows[i + 1].group) != 0) {
			buf_puts(out, "  ");
			text_fit(out, _("group total"), 34, false, false);
			amounts(out, gown, gco);
		}
	}
	buf_puts(out, "\n");
	text_fit(out, _("floor total"), 36, false, false);
	amounts(out, town, tco);
}

/* fines --month: each group's month at a glance, as the console's panel
 * shows it (t summed by the same pass as the ledger). */
static void
fines_glance(struct cli *c, const struct trend *t, struct buf *out)
{
	bool ascii = !text_locale_utf8();
	int g;

	buf_puts(out, _("\nthe month at a glance (each group's fines day by day, "
	    "and its costliest rule)\n"));
	for (g = 0; g < c->floor->ngroups; g++) {
		buf_puts(out, "  ");
		trend_line(c->floor, t, g, ascii, out);
		buf_puts(out, "\n");
	}
}

static const struct option fines_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "month", required_argument, NULL, 'M' },
	{ "from", required_argument, NULL, 'F' },
	{ "to", required_argument, NULL, 'T' },
	{ "group", required_argument, NULL, 'g' },
	{ "format", required_argument, NULL, 'f' },
	{ "floor", required_argument, NULL, 'L' },
	{ NULL, 0, NULL, 0 }
};

static int
fines_exec(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *month = NULL, *from = NULL, *to = NULL;
	const char *group = NULL, *format = NULL, *other = NULL;
	char f[DAY_LEN], t[DAY_LEN];
	struct ledger_row *rows;
	struct trend tr = { 0 };
	struct buf out = { 0 };
	struct err e = { 0 };
	bool csv = false, pdf = false, glance;
	int ch, n;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		switch (ch) {
		case 'D': day = optarg; break;
		case 'M': month = optarg; break;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'g': group = optarg; break;
		case 'f': format = optarg; break;
		case 'L': other = optarg; break;
		default: return cli_bad_option("fines", ch, argv);
		}
	}
	if (cli_no_more("fines", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (format != NULL && strcmp(format, "pdf") == 0)
		pdf = true;
	else if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage("fines", _("--format '%s' is not text, csv or pdf"),
		    format);
	if (cli_parse_period("fines", c, day, month, from, to, f, t) != 0 ||
	    (!pdf && cli_parse_format("fines", format, &csv) != 0))
		return EXIT_USAGE;
	/* Another floor is named as it stood at the period's end. */
	if (other != NULL && (ch = cli_other_floor(c, "fines", other, t)) != 0)
		return ch;
	if (group != NULL) {
		int g = cli_group("fines", c->floor, group);

		if (g < 0)
			return EXIT_USAGE;
		group = c->floor->groups[g].id;
	}
	if (pdf && group != NULL)
		return cli_usage("fines", _("--format pdf is the whole floor's "
		    "ledger: leave out --group"));
	if (pdf && isatty(STDOUT_FILENO))
		return cli_usage("fines", _("a PDF is not for the terminal: "
		    "redirect or pipe it"));
	if (pdf) {
		if (report_ledger_pdf(c->floor, c->store, f, t, &out, &e) < 0) {
			buf_free(&out);
			return cli_fail(&e);
		}
		fwrite(out.s, 1, out.len, stdout);
		buf_free(&out);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			cli_eprintf(_("callfloor: fines: writing to standard "
			    "output: %s\n"), strerror(errno));
			return EXIT_RUNTIME;
		}
		return 0;
	}
	/* One pass over the period's fine lines sums the ledger and, for a
	 * month, the month at a glance. */
	glance = !csv && month != NULL;
	if (glance)
		trend_start(c->floor, f, &tr);
	if (ledger_fines_and(c->floor, c->store, f, t, group, glance ? trend_add :
	    NULL, &tr, &rows, &n, &e) < 0) {
		trend_free(&tr);
		return cli_fail(&e);
	}
	if (csv)
		fines_csv(rows, n, &out);
	else
		fines_text(c->floor, rows, n, f, t, &out);
	if (glance) {
		trend_finish(&tr);
		fines_glance(c, &tr, &out);
		trend_free(&tr);
	}
	cli_print(&out);
	buf_free(&out);
	free(rows);
	return 0;
}

const struct verb verb_fines = {
	.name = "fines",
	.args = "[--day D | --month YYYY-MM | --from D --to D]\n"
	    "                [--group G] [--format text|csv|pdf] [--floor ID]",
	.help = N_("fines per person (default: this month)\n"
	    "--format pdf: the floor's ledger with each group's fines by day, to\n"
	    "a file or a pipe (not with --group).  --floor ID: another floor of\n"
	    "the same PostgreSQL database (managers).\n"),
	.opts = fines_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = fines_exec,
};

/* True when the incident that took an item has been voided since. */
static bool
custody_voided(struct store *s, int64_t incident)
{
	struct incident in;
	struct err e = { 0 };

	return store_incident_get(s, incident, &in, &e) == 0 && in.voided_at != 0;
}

static int
custody_exec(struct cli *c, int argc, char **argv)
{
	struct custody *cu;
	struct err e = { 0 };
	struct buf out = { 0 };
	int n, i;

	if (cli_bare(c, argc, argv) != 0)
		return EXIT_USAGE;
	if (store_custody_held(c->store, &cu, &n, &e) < 0)
		return cli_fail(&e);
	if (n == 0)
		buf_printf(&out, "%s\n", _("nothing in custody"));
	else {
		text_fit(&out, _("id"), 6, false, false);
		text_fit(&out, _("seat"), 6, false, false);
		text_fit(&out, _("staff"), 8, false, false);
		text_fit(&out, _("name"), 16, false, false);
		text_fit(&out, _("item"), 8, false, false);
		text_fit(&out, _("since"), 18, false, false);
		buf_printf(&out, "%s\n", _("kept by"));
	}
	for (i = 0; i < n; i++) {
		int si = floor_staff_find(c->floor, cu[i].staff);
		char id[24], when[32];

		snprintf(id, sizeof id, "%lld", (long long)cu[i].id);
		clock_format((time_t)cu[i].taken_at, when, sizeof when);
		text_fit(&out, id, 6, false, false);
		text_fit(&out, cu[i].seat[0] ? cu[i].seat : "-", 6, false, false);
		text_fit(&out, cu[i].staff, 8, false, false);
		text_fit(&out, si >= 0 ? c->floor->staff[si].name : "?", 16, false,
		    false);
		text_fit(&out, cu[i].item, 8, false, false);
		text_fit(&out, when, 18, false, false);
		buf_printf(&out, "%s%s\n", cu[i].kept_by, custody_voided(c->store,
		    cu[i].incident) ? _(" (incident voided)") : "");
	}
	cli_print(&out);
	buf_free(&out);
	free(cu);
	return 0;
}

const struct verb verb_custody = {
	.name = "custody",
	.args = "",
	.help = N_("confiscated items still held\n"),
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = custody_exec,
};

static int
return_exec(struct cli *c, int argc, char **argv)
{
	struct custody cu;
	struct err e = { 0 };
	int64_t id;
	int si, ch;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option("return", ch, argv);
	if (optind + 1 != argc)
		return cli_usage("return", _("give one custody id (callfloor "
		    "custody lists them)"));
	if (cli_parse_id("return", _("custody id"), argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (engine_return(c->floor, c->store, &c->actor, id, &e) < 0 ||
	    store_custody_get(c->store, id, &cu, &e) != 0)
		return cli_fail(&e);
	si = floor_staff_find(c->floor, cu.staff);
	cli_printf(_("returned: %s of %s (%s), custody record %lld\n"), cu.item,
	    si >= 0 ? c->floor->staff[si].name : "?", cu.staff, (long long)id);
	return 0;
}

const struct verb verb_return = {
	.name = "return",
	.args = "ID",
	.help = N_("hands a confiscated item back (ids: callfloor custody)\n"),
	.open = OPEN_WRITE,
	.needs_actor = true,
	.exec = return_exec,
};

static const struct option map_opts[] = {
	{ "day", required_argument, NULL, 'D' },
	{ "ascii", no_argument, NULL, 'a' },
	{ NULL, 0, NULL, 0 }
};

static int
map_exec(struct cli *c, int argc, char **argv)
{
	const char *day = NULL;
	char d[DAY_LEN];
	bool ascii = !text_locale_utf8();
	struct seatmap m;
	struct buf out = { 0 };
	struct err e = { 0 };
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1) {
		if (ch == 'D')
			day = optarg;
		else if (ch == 'a')
			ascii = true;
		else
			return cli_bad_option("map", ch, argv);
	}
	if (cli_no_more("map", argc, argv, 0) != 0)
		return EXIT_USAGE;
	if (day != NULL && clock_parse_day(day, d) < 0)
		return cli_usage("map", _("--day '%s' is not a date YYYY-MM-DD in %s"), day, CLOCK_YEARS);
	if (day == NULL)
		clock_shift_day(c->floor, clock_now(), d);
	if (seatmap_load(c->floor, c->store, d, &m, &e) < 0)
		return cli_fail(&e);
	seatmap_text(c->floor, &m, ascii, &out);
	cli_print(&out);
	buf_free(&out);
	seatmap_free(&m);
	return 0;
}

const struct verb verb_map = {
	.name = "map",
	.args = "[--day D] [--ascii]",
	.help = N_("the seat map as plain text\n"),
	.opts = map_opts,
	.open = OPEN_READ,
	.needs_actor = true,
	.exec = map_exec,
};

static int
rules_exec(struct cli *c, int argc, char **argv)
{
	struct buf out = { 0 };
	bool tty = isatty(STDOUT_FILENO), zh = i18n_chinese();
	int i;

	if (cli_bare(c, argc, argv) != 0)
		return EXIT_USAGE;
	for (i = 0; i < c->floor->nrules; i++) {
		const struct rule *r = &c->floor->rules[i];
		char key[4] = { r->key ? (char)r->key : '-', 0 };

		text_fit(&out, key, 3, false, false);
		text_fit(&out, r->code, 17, false, false);
		if (tty) {
			/* A terminal: the interface language's title, cut to
			 * its column. */
			text_fit(&out, zh && r->title_zh[0] ? r->title_zh :
			    r->title, 24, false, false);
			buf_puts(&out, " ");
		} else {
			/* A file or a pipe: both titles, never cut. */
			buf_printf(&out, "%s%s%s  ", r->title,
			    r->title_zh[0] ? " / " : "", r->title_zh);
		}
		terms_describe(&r->t, "", &out);
		buf_puts(&out, "\n");
	}
	cli_print(&out);
	buf_free(&out);
	return 0;
}

const struct verb verb_rules = {
	.name = "rules",
	.args = "",
	.help = N_("the rulebook in force, with hotkeys and amounts\n"),
	.open = OPEN_NONE,
	.needs_actor = false,
	.exec = rules_exec,
};

