/*
 * cli.c - callfloor's command line.  Each verb parses its own options,
 * checks every argument before it touches the database, asks the engine or
 * the store, and prints in the formats of interface.md.  Errors name the
 * offending value and exit with the codes of util.h.
 */
#include "cli.h"

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
#include "../ui/console.h"
#include "auth.h"
#include "cli_audit.h"
#include "clock.h"
#include "ledger.h"
#include "priv.h"
#include "report.h"
#include "report_pdf.h"
#include "seatmap.h"
#include "terms.h"
#include "text.h"

#ifndef VERSION
#define VERSION "0.1"
#endif
/* Where make install puts the configuration and the shared database. */
#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#ifndef LOCALSTATEDIR
#define LOCALSTATEDIR "/var"
#endif
#define SYSTEM_CONFIG SYSCONFDIR "/callfloor/callfloor.cfg"
#define SHARED_DB_DIR LOCALSTATEDIR "/lib/callfloor"

static const char usage_text[] =
"usage: callfloor [-c FILE] [-d FILE] [COMMAND [OPTIONS]]\n"
"\n"
"Runs a call-center floor by its rulebook: the live seat map, marks, fines.\n"
"\n"
"  callfloor                 the live console (the seat map)\n"
"  callfloor init            create or migrate the database (safe to repeat)\n"
"  callfloor check-config    validate the configuration\n"
"  callfloor mark (--seat S | --staff ID | --group G) --rule CODE\n"
"                [--amount X] [--note TEXT] [--at 'YYYY-MM-DD HH:MM']\n"
"                            record an incident; prints its id, then one\n"
"                            line per fine: STAFF_ID ROLE AMOUNT\n"
"  callfloor void ID --reason TEXT\n"
"                            void an incident (kept on record)\n"
"  callfloor fines [--day D | --month YYYY-MM | --from D --to D]\n"
"                [--group G] [--format text|csv|pdf]\n"
"                            fines per person (default: this month; pdf:\n"
"                            the floor's, with each group's fines by day)\n"
"  callfloor report [--day D] [--format text|csv|pdf] [-o FILE]\n"
"                [--print [--printer NAME]] [--page-lines N]\n"
"                            the end-of-day summary (pdf: to a file or pipe;\n"
"                            --print sends floor.print_format)\n"
"  callfloor journal [--from D --to D]\n"
"                            the management work journal\n"
"  callfloor custody         confiscated items still held\n"
"  callfloor return ID       hand a confiscated item back\n"
"  callfloor map [--day D] [--ascii]\n"
"                            the seat map as plain text\n"
"  callfloor rules           the rulebook in force, with hotkeys\n"
"  callfloor audit [--from D --to D] [--format text|csv]\n"
"                            the audit trail of every write (managers, leads)\n"
"  callfloor backup FILE     a consistent copy of the live database\n"
"                            (managers, leads; never overwrites FILE)\n"
"  callfloor signin STAFF [--at T] / signout STAFF [--at T]\n"
"                            attendance: lateness is fined (LATE)\n"
"  callfloor leave STAFF --from D [--to D] --kind sick|personal\n"
"                --via written|phone|sms --requested-at T\n"
"                [--approved-by LOGIN] [--record-invalid]\n"
"                            a leave request, checked as A4/A5 say\n"
"  callfloor leave-form ID   the written form of a phone request came in\n"
"  callfloor attendance [--month YYYY-MM] [--format text|csv]\n"
"                            late, early, half days, absences, flags\n"
"\n"
"Options:\n"
"  -c, --config FILE   configuration (else $CALLFLOOR_CONFIG, else\n"
"                      /etc/callfloor/callfloor.cfg, else the demo floor)\n"
"  -d, --db FILE       database (else floor.database, else\n"
"                      $XDG_DATA_HOME/callfloor/<floor id>.db)\n"
"  -h, --help          this help\n"
"  -V, --version       the version\n"
"\n"
"Exit status: 0 success, 1 runtime failure, 2 bad usage or configuration,\n"
"3 refused (your role does not allow it).\n";

int
cli_fail(struct err *e)
{
	fprintf(stderr, "callfloor: %s\n", e->msg);
	return e->code ? e->code : EXIT_RUNTIME;
}

int
cli_usage(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

int
cli_usage(const char *verb, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "callfloor: %s%s", verb ? verb : "", verb ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see callfloor --help)\n");
	return EXIT_USAGE;
}

/* ---- configuration and database ---- */

static const char *
config_path(const char *arg)
{
	const char *env;
	struct stat st;

	if (arg != NULL)
		return arg;
	if ((env = secure_getenv("CALLFLOOR_CONFIG")) != NULL && *env != '\0')
		return env;
	if (stat(SYSTEM_CONFIG, &st) == 0)
		return SYSTEM_CONFIG;
	return NULL;
}

static int
mkdirs(const char *path)
{
	char tmp[PATH_MAX], *p;

	snprintf(tmp, sizeof tmp, "%s", path);
	for (p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(tmp, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

int
cli_open_store(struct cli *c, int flags, struct err *e)
{
	const char *xdg;

	/* A database the user picks is opened with the user's own rights. */
	if (c->db_arg != NULL)
		priv_drop();
	if (c->db_arg != NULL)
		snprintf(c->db_path, sizeof c->db_path, "%s", c->db_arg);
	else if (c->floor->database != NULL)
		snprintf(c->db_path, sizeof c->db_path, "%s", c->floor->database);
	else if (c->config_path != NULL && strcmp(c->config_path,
	    SYSTEM_CONFIG) == 0)
		snprintf(c->db_path, sizeof c->db_path, "%s/%s.db", SHARED_DB_DIR,
		    c->floor->id);
	else {
		char dir[PATH_MAX];

		if ((xdg = secure_getenv("XDG_DATA_HOME")) != NULL && xdg[0] == '/')
			snprintf(dir, sizeof dir, "%s/callfloor", xdg);
		else {
			struct passwd *pw = getpwuid(getuid());

			if (pw == NULL)
				return err_set(e, EXIT_RUNTIME, "no home folder for "
				    "the database; give one with --db");
			snprintf(dir, sizeof dir, "%s/.local/share/callfloor",
			    pw->pw_dir);
		}
		if (!(flags & STORE_READONLY) && mkdirs(dir) < 0)
			return err_set(e, EXIT_RUNTIME, "cannot create %s: %s", dir,
			    strerror(errno));
		if ((size_t)snprintf(c->db_path, sizeof c->db_path, "%s/%s.db", dir,
		    c->floor->id) >= sizeof c->db_path)
			return err_set(e, EXIT_RUNTIME, "database path too long");
	}
	priv_shared_folder(c->db_path);
	if (store_open(c->db_path, flags, &c->store, e) < 0)
		return -1;
	store_audit_who(c->actor.login, c->actor.uid, c->actor.tty, c->actor.ssh);
	return 0;
}

int
cli_open_reader(struct cli *c, struct err *e)
{
	struct err e2 = { 0 };

	if (cli_open_store(c, STORE_NOCREATE, e) == 0)
		return 0;
	if (cli_open_store(c, STORE_READONLY | STORE_NOCREATE, &e2) == 0)
		return 0;
	return -1;
}

/* ---- argument helpers ---- */

int
cli_parse_id(const char *verb, const char *what, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v <= 0)
		return cli_usage(verb, "%s '%s' is not a number", what, s);
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
		return cli_usage(verb, "give one of --day, --month or --from/--to");
	if (day != NULL) {
		if (clock_parse_day(day, f) < 0)
			return cli_usage(verb, "--day '%s' is not a date "
			    "YYYY-MM-DD", day);
		memcpy(t, f, DAY_LEN);
	} else if (month != NULL) {
		if (clock_parse_month(month) < 0)
			return cli_usage(verb, "--month '%s' is not a month "
			    "YYYY-MM", month);
		snprintf(f, DAY_LEN, "%s-01", month);
		clock_month_last(f, t);
	} else if (from != NULL || to != NULL) {
		if (from == NULL || to == NULL)
			return cli_usage(verb, "--from and --to go together");
		if (clock_parse_day(from, f) < 0)
			return cli_usage(verb, "--from '%s' is not a date "
			    "YYYY-MM-DD", from);
		if (clock_parse_day(to, t) < 0)
			return cli_usage(verb, "--to '%s' is not a date "
			    "YYYY-MM-DD", to);
		if (strcmp(f, t) > 0)
			return cli_usage(verb, "--from %s is after --to %s", from, to);
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
		return cli_usage(verb, "--format '%s' is not text or csv", s);
	return 0;
}

const struct option cli_no_opts[] = { { NULL, 0, NULL, 0 } };

/* Every verb takes -c/-d too, after its name. */
int
cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts, int *ch)
{
	static struct option all[32];
	static char shorts[64];
	int n = 0;

	for (; longopts[n].name && n < 28; n++)
		all[n] = longopts[n];
	all[n++] = (struct option){ "config", required_argument, NULL, 'c' };
	all[n++] = (struct option){ "db", required_argument, NULL, 'd' };
	all[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
	snprintf(shorts, sizeof shorts, ":c:d:h%s", shortopts);
	for (;;) {
		*ch = getopt_long(argc, argv, shorts, all, NULL);
		if (*ch == 'c')
			c->config_path = optarg;
		else if (*ch == 'd')
			c->db_arg = optarg;
		else
			return *ch;
	}
}

int
cli_bad_option(const char *verb, int ch, char **argv)
{
	if (ch == ':')
		return cli_usage(verb, "%s needs a value", argv[optind - 1]);
	return cli_usage(verb, "unknown option '%s'", argv[optind - 1]);
}

/* ---- verbs ---- */

static int
verb_check_config(struct cli *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	const char *why;
	enum print_format pf = report_print_format(c->floor, &why);

	printf("ok: %d seats, %d staff, %d groups, %d rules\n", c->floor->nseats,
	    c->floor->nstaff, c->floor->ngroups, c->floor->nrules);
	printf("print: %s (%s)\n", pf == PRINT_PDF ? c->floor->paper ==
	    PAPER_LETTER ? "PDF on letter paper" : "PDF on A4 paper" : "text",
	    why);
	return 0;
}

static int
verb_init(struct cli *c, int argc, char **argv)
{
	struct err e = { 0 };
	int ch;

	while (cli_getopt(c, argc, argv, "", cli_no_opts, &ch) != -1)
		return cli_bad_option("init", ch, argv);
	if (optind < argc)
		return cli_usage("init", "unexpected argument '%s'", argv[optind]);
	if (cli_open_store(c, 0, &e) < 0)
		return cli_fail(&e);
	printf("database %s ready (schema %d)\n", c->db_path, STORE_SCHEMA_VERSION);
	return 0;
}

static void
print_vacancies(const struct floor *f, const struct mark_result *r)
{
	int i;
	char a[32];

	for (i = 0; i < r->nfines; i++)
		if (r->fines[i].staff[0] == '\0') {
			int g = floor_group_find(f, r->fines[i].grp);

			fprintf(stderr, "callfloor: note: group %s (%s) has no %s; "
			    "the %s co-penalty of %s falls on nobody\n",
			    r->fines[i].grp, g >= 0 ? f->groups[g].name : "?",
			    r->fines[i].role, r->fines[i].role,
			    fen_format(r->fines[i].amount, a, sizeof a));
		}
}

static int
verb_mark(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "seat", required_argument, NULL, 's' },
		{ "staff", required_argument, NULL, 'S' },
		{ "group", required_argument, NULL, 'g' },
		{ "rule", required_argument, NULL, 'r' },
		{ "amount", required_argument, NULL, 'a' },
		{ "note", required_argument, NULL, 'n' },
		{ "at", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *seat = NULL, *staff = NULL, *group = NULL, *rule = NULL;
	const char *amount = NULL, *note = NULL, *at = NULL;
	const struct floor *f = c->floor;
	struct mark_req r = { -1, -1, -1, -1, NULL, 0, false };
	struct mark_result res;
	struct err e = { 0 };
	int ch, i, targets;

	while (cli_getopt(c, argc, argv, "", opts, &ch) != -1) {
		switch (ch) {
		case 's': seat = optarg; break;
		case 'S': staff = optarg; break;
		case 'g': group = optarg; break;
		case 'r': rule = optarg; break;
		case 'a': amount = optarg; break;
		case 'n': note = optarg; break;
		case 't': at = optarg; break;
		default: return cli_bad_option("mark", ch, argv);
		}
	}
	if (optind < argc)
		return cli_usage("mark", "unexpected argument '%s'", argv[optind]);
	targets = (seat != NULL) + (staff != NULL) + (group != NULL);
	if (targets != 1)
		return cli_usage("mark", "give exactly one of --seat, --staff "
		    "or --group");
	if (rule == NULL)
		return cli_usage("mark", "--rule CODE is required");
	if ((r.rule = floor_rule_find(f, rule)) < 0)
		return cli_usage("mark", "unknown rule '%s' (callfloor rules "
		    "lists them)", rule);
	if (seat != NULL) {
		int si = floor_seat_find(f, seat);

		if (si < 0)
			return cli_usage("mark", "no seat '%s' on floor %s", seat,
			    f->id);
		if ((r.staff = f->seats[si].staff) < 0)
			return cli_usage("mark", "seat %s is empty", seat);
	}
	if (staff != NULL && (r.staff = floor_staff_find(f, staff)) < 0)
		return cli_usage("mark", "no staff '%s' on floor %s", staff, f->id);
	if (group != NULL && (r.group = floor_group_find(f, group)) < 0)
		return cli_usage("mark", "no group '%s' on floor %s", group, f->id);
	if (amount != NULL && fen_parse(amount, &r.amount) < 0)
		return cli_usage("mark", "--amount '%s' is not an amount such as "
		    "12 or 12.50", amount);
	if (note != NULL && !utf8_valid(note))
		return cli_usage("mark", "--note is not valid UTF-8");
	r.note = note;
	r.at = clock_now();
	if (at != NULL) {
		if (clock_parse_local(at, &r.at) < 0)
			return cli_usage("mark", "--at '%s' is not a time "
			    "'YYYY-MM-DD HH:MM'", at);
		r.at_given = true;
	}
	if (cli_open_store(c, 0, &e) < 0)
		return cli_fail(&e);
	if (engine_mark(f, c->store, &c->actor, &r, &res, &e) < 0)
		return cli_fail(&e);
	printf("%lld\n", (long long)res.in.id);
	for (i = 0; i < res.nfines; i++) {
		char a[32];

		if (res.fines[i].staff[0] == '\0')
			continue;
		printf("%s %s %s\n", res.fines[i].staff, res.fines[i].role,
		    fen_format(res.fines[i].amount, a, sizeof a));
	}
	print_vacancies(f, &res);
	if (res.custody != 0)
		fprintf(stderr, "callfloor: %s taken into custody (record %lld); "
		    "`callfloor return %lld` hands it back\n",
		    f->rules[r.rule].t.confiscate, (long long)res.custody,
		    (long long)res.custody);
	mark_result_free(&res);
	return 0;
}

static int
verb_void(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reason = NULL;
	struct err e = { 0 };
	int64_t id;
	int ch;

	while (cli_getopt(c, argc, argv, "", opts, &ch) != -1) {
		if (ch == 'r')
			reason = optarg;
		else
			return cli_bad_option("void", ch, argv);
	}
	if (optind + 1 != argc)
		return cli_usage("void", "give one incident id");
	if (cli_parse_id("void", "incident id", argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("void", "--reason TEXT is required");
	if (!utf8_valid(reason))
		return cli_usage("void", "--reason is not valid UTF-8");
	if (cli_open_store(c, STORE_NOCREATE, &e) < 0 ||
	    engine_void(c->floor, c->store, &c->actor, id, reason, &e) < 0)
		return cli_fail(&e);
	printf("voided incident %lld\n", (long long)id);
	return 0;
}

void
cli_csv_field(struct buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_puts(b, "\"");
	for (; *s; s++) {
		if (*s == '"')
			buf_puts(b, "\"");
		buf_add(b, s, 1);
	}
	buf_puts(b, "\"");
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

	buf_printf(out, "%s: fines %s to %s (%s)\n", f->name, from, to, f->currency);
	if (n == 0) {
		buf_puts(out, "\nno fines\n");
		return;
	}
	for (i = 0; i < n; i++) {
		const struct ledger_row *r = &rows[i];

		if (i == 0 || strcmp(r->group, rows[i - 1].group) != 0) {
			int g = floor_group_find(f, r->group);

			buf_printf(out, "\nGroup %s  %s\n", r->group,
			    g >= 0 ? f->groups[g].name : "(former staff)");
			buf_puts(out, "  ");
			text_fit(out, "staff", 8, false, false);
			text_fit(out, "name", 16, false, false);
			text_fit(out, "role", 10, false, false);
			buf_puts(out, "        own         co      total\n");
			gown = gco = 0;
		}
		buf_puts(out, "  ");
		text_fit(out, r->staff_id, 8, false, false);
		text_fit(out, r->name, 16, false, false);
		text_fit(out, r->role, 10, false, false);
		amounts(out, r->own, r->co);
		gown += r->own;
		gco += r->co;
		town += r->own;
		tco += r->co;
		if (i + 1 == n || strcmp(r->group, rows[i + 1].group) != 0) {
			buf_puts(out, "  ");
			text_fit(out, "group total", 34, false, false);
			amounts(out, gown, gco);
		}
	}
	buf_puts(out, "\n");
	text_fit(out, "floor total", 36, false, false);
	amounts(out, town, tco);
}

static int
verb_fines(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "day", required_argument, NULL, 'D' },
		{ "month", required_argument, NULL, 'M' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "group", required_argument, NULL, 'g' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *day = NULL, *month = NULL, *from = NULL, *to = NULL;
	const char *group = NULL, *format = NULL;
	char f[DAY_LEN], t[DAY_LEN];
	struct ledger_row *rows;
	struct buf out = { 0 };
	struct err e = { 0 };
	bool csv = false, pdf = false;
	int ch, n;

	while (cli_getopt(c, argc, argv, "", opts, &ch) != -1) {
		switch (ch) {
		case 'D': day = optarg; break;
		case 'M': month = optarg; break;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'g': group = optarg; break;
		case 'f': format = optarg; break;
		default: return cli_bad_option("fines", ch, argv);
		}
	}
	if (optind < argc)
		return cli_usage("fines", "unexpected argument '%s'", argv[optind]);
	if (format != NULL && strcmp(format, "pdf") == 0)
		pdf = true;
	else if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "csv") != 0)
		return cli_usage("fines", "--format '%s' is not text, csv or pdf",
		    format);
	if (cli_parse_period("fines", c, day, month, from, to, f, t) != 0 ||
	    (!pdf && cli_parse_format("fines", format, &csv) != 0))
		return EXIT_USAGE;
	if (group != NULL && floor_group_find(c->floor, group) < 0)
		return cli_usage("fines", "no group '%s' on floor %s", group,
		    c->floor->id);
	if (pdf && group != NULL)
		return cli_usage("fines", "--format pdf is the whole floor's "
		    "ledger: leave out --group");
	if (pdf && isatty(STDOUT_FILENO))
		return cli_usage("fines", "a PDF is not for the terminal: "
		    "redirect or pipe it");
	if (pdf) {
		if (cli_open_store(c, 0, &e) < 0 ||
		    report_ledger_pdf(c->floor, c->store, f, t, &out, &e) < 0) {
			buf_free(&out);
			return cli_fail(&e);
		}
		fwrite(out.s, 1, out.len, stdout);
		buf_free(&out);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "callfloor: fines: writing to standard "
			    "output: %s\n", strerror(errno));
			return EXIT_RUNTIME;
		}
		return 0;
	}
	if (cli_open_store(c, 0, &e) < 0 ||
	    ledger_fines(c->floor, c->store, f, t, group, &rows, &n, &e) < 0)
		return cli_fail(&e);
	if (csv)
		fines_csv(rows, n, &out);
	else
		fines_text(c->floor, rows, n, f, t, &out);
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	free(rows);
	return 0;
}

static int
verb_custody(struct cli *c, int argc, char **argv)
{
	struct custody *cu;
	struct err e = { 0 };
	struct buf out = { 0 };
	int n, i;

	(void)argc;
	(void)argv;
	if (cli_open_store(c, 0, &e) < 0 ||
	    store_custody_held(c->store, &cu, &n, &e) < 0)
		return cli_fail(&e);
	if (n == 0)
		buf_puts(&out, "nothing in custody\n");
	else {
		text_fit(&out, "id", 6, false, false);
		text_fit(&out, "seat", 6, false, false);
		text_fit(&out, "staff", 8, false, false);
		text_fit(&out, "name", 16, false, false);
		text_fit(&out, "item", 8, false, false);
		text_fit(&out, "since", 18, false, false);
		buf_puts(&out, "kept by\n");
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
		buf_printf(&out, "%s\n", cu[i].kept_by);
	}
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	free(cu);
	return 0;
}

static int
verb_return(struct cli *c, int argc, char **argv)
{
	struct custody cu;
	struct err e = { 0 };
	int64_t id;
	int si, ch;

	while (cli_getopt(c, argc, argv, "", cli_no_opts, &ch) != -1)
		return cli_bad_option("return", ch, argv);
	if (optind + 1 != argc)
		return cli_usage("return", "give one custody id (callfloor "
		    "custody lists them)");
	if (cli_parse_id("return", "custody id", argv[optind], &id) != 0)
		return EXIT_USAGE;
	if (cli_open_store(c, STORE_NOCREATE, &e) < 0 ||
	    engine_return(c->floor, c->store, &c->actor, id, &e) < 0 ||
	    store_custody_get(c->store, id, &cu, &e) != 0)
		return cli_fail(&e);
	si = floor_staff_find(c->floor, cu.staff);
	printf("returned: %s of %s (%s), custody record %lld\n", cu.item,
	    si >= 0 ? c->floor->staff[si].name : "?", cu.staff, (long long)id);
	return 0;
}

static int
verb_map(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "day", required_argument, NULL, 'D' },
		{ "ascii", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	const char *day = NULL;
	char d[DAY_LEN];
	bool ascii = !text_locale_utf8();
	struct seatmap m;
	struct buf out = { 0 };
	struct err e = { 0 };
	int ch;

	while (cli_getopt(c, argc, argv, "", opts, &ch) != -1) {
		if (ch == 'D')
			day = optarg;
		else if (ch == 'a')
			ascii = true;
		else
			return cli_bad_option("map", ch, argv);
	}
	if (optind < argc)
		return cli_usage("map", "unexpected argument '%s'", argv[optind]);
	if (day != NULL && clock_parse_day(day, d) < 0)
		return cli_usage("map", "--day '%s' is not a date YYYY-MM-DD", day);
	if (day == NULL)
		clock_shift_day(c->floor, clock_now(), d);
	if (cli_open_store(c, 0, &e) < 0 ||
	    seatmap_load(c->floor, c->store, d, &m, &e) < 0)
		return cli_fail(&e);
	seatmap_text(c->floor, &m, ascii, &out);
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	seatmap_free(&m);
	return 0;
}

static int
verb_rules(struct cli *c, int argc, char **argv)
{
	struct buf out = { 0 };
	int i;

	(void)argc;
	(void)argv;
	for (i = 0; i < c->floor->nrules; i++) {
		const struct rule *r = &c->floor->rules[i];
		char key[4] = { r->key ? (char)r->key : '-', 0 };

		text_fit(&out, key, 3, false, false);
		text_fit(&out, r->code, 17, false, false);
		text_fit(&out, r->title_zh[0] ? r->title_zh : r->title, 24, false,
		    false);
		buf_puts(&out, " ");
		terms_describe(&r->t, "", &out);
		buf_puts(&out, "\n");
	}
	fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	return 0;
}

static int
verb_console(struct cli *c)
{
	struct err e = { 0 };

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "callfloor: the console needs a terminal; for "
		    "plain text use `callfloor map`\n");
		return EXIT_USAGE;
	}
	if (cli_open_store(c, 0, &e) < 0) {
		struct err e2 = { 0 };

		/* A database we may read but not write opens read-only. */
		if (cli_open_store(c, STORE_READONLY | STORE_NOCREATE, &e2) < 0)
			return cli_fail(&e);
	}
	return console_run(c->floor, c->store, &c->actor);
}

/* ---- dispatch ---- */

enum { NEEDS_ACTOR = 1 };

static const struct verb {
	const char *name;
	int (*fn)(struct cli *, int, char **);
	int needs;
} verbs[] = {
	{ "check-config", verb_check_config, 0 },
	{ "rules", verb_rules, 0 },
	{ "init", verb_init, NEEDS_ACTOR },
	{ "mark", verb_mark, NEEDS_ACTOR },
	{ "void", verb_void, NEEDS_ACTOR },
	{ "fines", verb_fines, NEEDS_ACTOR },
	{ "report", cli_report, NEEDS_ACTOR },
	{ "journal", cli_journal, NEEDS_ACTOR },
	{ "custody", verb_custody, NEEDS_ACTOR },
	{ "return", verb_return, NEEDS_ACTOR },
	{ "map", verb_map, NEEDS_ACTOR },
	{ "audit", cli_audit, NEEDS_ACTOR },
	{ "backup", cli_backup, NEEDS_ACTOR },
	{ "signin", cli_signin, NEEDS_ACTOR },
	{ "signout", cli_signout, NEEDS_ACTOR },
	{ "leave", cli_leave, NEEDS_ACTOR },
	{ "leave-form", cli_leave_form, NEEDS_ACTOR },
	{ "attendance", cli_attendance, NEEDS_ACTOR },
	{ NULL, NULL, 0 }
};

int
cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli c = { 0 };
	const struct verb *v = NULL;
	struct buf errs = { 0 };
	struct err e = { 0 };
	int ch, rc;

	priv_init();
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:c:d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': c.config_path = optarg; break;
		case 'd': c.db_arg = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		case 'V': printf("callfloor %s\n", VERSION); return 0;
		default: return cli_bad_option(NULL, ch, argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0) {
		if (strcmp(argv[0], "help") == 0) {
			fputs(usage_text, stdout);
			return 0;
		}
		for (v = verbs; v->name; v++)
			if (strcmp(v->name, argv[0]) == 0)
				break;
		if (v->name == NULL)
			return cli_usage(NULL, "unknown command '%s'", argv[0]);
		/* -c/-d may also follow the verb: look ahead before loading. */
		{
			int i;

			for (i = 1; i < argc; i++) {
				if (i + 1 < argc && (strcmp(argv[i], "-c") == 0 ||
				    strcmp(argv[i], "--config") == 0))
					c.config_path = argv[i + 1];
				else if (strncmp(argv[i], "--config=", 9) == 0)
					c.config_path = argv[i] + 9;
				if (strcmp(argv[i], "--help") == 0 ||
				    strcmp(argv[i], "-h") == 0) {
					fputs(usage_text, stdout);
					return 0;
				}
			}
		}
	}
	c.config_path = config_path(c.config_path);
	/* The callfloor group goes with the installed configuration only:
	 * whoever names another one (or none) gets their own rights. */
	if (c.config_path == NULL || strcmp(c.config_path, SYSTEM_CONFIG) != 0)
		priv_drop();
	c.floor = floor_load(c.config_path, &errs);
	if (c.floor == NULL) {
		fputs(errs.s ? errs.s : "callfloor: bad configuration\n", stderr);
		buf_free(&errs);
		return EXIT_USAGE;
	}
	clock_use_floor(c.floor);
	if ((v == NULL || (v->needs & NEEDS_ACTOR)) &&
	    auth_actor(c.floor, &c.actor, &e) < 0) {
		floor_free(c.floor);
		return cli_fail(&e);
	}
	optind = 0;
	rc = v == NULL ? verb_console(&c) : v->fn(&c, argc, argv);
	store_close(c.store);
	floor_free(c.floor);
	return rc;
}
