/*
 * cli_main.c - the verb table and everything every verb shares: the
 * global options, the per-verb help, loading the configuration, opening
 * the database, and the one place the callfloor group is given up.
 *
 * Privilege (src/priv.h).  A shared install runs setgid callfloor.  The
 * group is held for two things only: reading the installed configuration
 * and opening the configured database.  cli_setup does both, then gives
 * the group up for good (real, effective and saved gid) before any verb
 * runs.  So every path a user names (-o, backup, the print command, the
 * fonts and catalogs the environment points at) is touched with the
 * user's own rights alone, by construction: no verb can forget to set the
 * group aside, because nothing is left to set aside.  A -c or -d the user
 * names drops the group before it is even opened.
 *
 * The database stays usable after the drop: SQLite keeps the database, its
 * -wal and its -shm open on descriptors taken while the group was held,
 * and cli_setup reads the schema version before dropping, which opens
 * all three.  What the group can no longer do is create or unlink files in
 * the data folder; SQLite only tries that when the last connection closes
 * (deleting the -wal), ignores the refusal, and the next opener reuses the
 * file.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../db/audit.h"
#include "attendance.h"
#include "auth.h"
#include "priv.h"
#include "roster.h"
#include "progress.h"
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
/* A setgid run's libpq service file (service=NAME). */
#define SYSTEM_PG_SERVICE SYSCONFDIR "/callfloor/pg_service.conf"
#define SHARED_DB_DIR LOCALSTATEDIR "/lib/callfloor"

extern const struct verb verb_check_config, verb_rules, verb_init, verb_mark,
    verb_void, verb_fines, verb_custody, verb_return, verb_map;

/* In the order --help lists them. */
static const struct verb *const verbs[] = {
	&verb_init, &verb_check_config, &verb_mark, &verb_void, &verb_fines,
	&verb_report, &verb_journal, &verb_custody, &verb_return, &verb_map,
	&verb_rules, &verb_audit, &verb_backup, &verb_signin, &verb_signout,
	&verb_explain, &verb_leave, &verb_leave_approve, &verb_leave_form,
	&verb_attendance, &verb_payroll, &verb_rollup, &verb_migrate, &verb_close, &verb_reopen,
	&verb_appeal, &verb_decide, &verb_complaint, &verb_break,
	&verb_wallboard, &verb_verify, &verb_completion,
	NULL
};

/* The options every verb takes, before or after its name. */
static const struct option global_opts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "db", required_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};
#define GLOBAL_SHORTS "c:d:h"

static const char usage_head[] = N_(
"usage: callfloor [-c FILE] [-d FILE] [COMMAND [OPTIONS]]\n"
"\n"
"Runs a call-center floor by its rulebook: the live seat map, marks, fines.\n"
"\n"
"  callfloor                 the live console (the seat map)\n");

static const char usage_tail[] = N_(
"\n"
"Options (before or after the command):\n"
"  -c, --config FILE   configuration (else $CALLFLOOR_CONFIG, else\n"
"                      %s, else the demo floor)\n"
"  -d, --db FILE       database (else floor.database, else\n"
"                      $XDG_DATA_HOME/callfloor/<floor id>.db)\n"
"  -h, --help          this help; `callfloor COMMAND -h` for one command\n"
"  -V, --version       the version\n"
"\n"
"Exit status: 0 success, 1 runtime failure, 2 bad usage or configuration,\n"
"3 refused (your role does not allow it).\n");

const struct verb *const *
cli_verbs(void)
{
	return verbs;
}

static void
print_usage(void)
{
	const struct verb *const *v;

	fputs(_(usage_head), stdout);
	for (v = verbs; *v; v++) {
		const char *h = _((*v)->help);
		int w = (int)strlen((*v)->name) + ((*v)->args[0] ?
		    1 + (int)strlen((*v)->args) : 0);

		printf("  callfloor %s%s%s", (*v)->name, (*v)->args[0] ? " " : "",
		    (*v)->args);
		/* The help's first line, beside a short synopsis or below. */
		if (w <= 15)
			printf("%*s", 16 - w, "");
		else
			printf("\n%28s", "");
		printf("%.*s\n", (int)strcspn(h, "\n"), h);
	}
	printf(_(usage_tail), SYSTEM_CONFIG);
}

static void
print_verb_usage(const struct verb *v)
{
	const char *h = _(v->help);
	int n = (int)strcspn(h, "\n");

	/* The list's first line, as the page's opening sentence. */
	printf(_("usage: callfloor %s%s%s\n\n%c%.*s.\n%s"), v->name,
	    v->args[0] ? " " : "", v->args, toupper((unsigned char)h[0]), n - 1,
	    h + 1, h[n] ? h + n + 1 : "");
	printf("\n%s\n", _("Every command also takes -c FILE, -d FILE and -h "
	    "(callfloor --help)."));
}

/* vfprintf through the sanitiser, the layout kept. */
static void
clean_vfprintf(FILE *to, const char *fmt, va_list ap)
{
	struct buf b = { 0 };
	char *s = xvasprintf(fmt, ap);

	text_clean(&b, s, strlen(s), true);
	fputs(b.s, to);
	buf_free(&b);
	free(s);
}

void
cli_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	clean_vfprintf(stdout, fmt, ap);
	va_end(ap);
}

void
cli_eprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	clean_vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void
cli_say(const char *msg)
{
	struct buf b = { 0 };

	text_clean(&b, msg, strlen(msg), false);
	fprintf(stderr, "%s\n", b.s);
	buf_free(&b);
}

int
cli_fail(struct err *e)
{
	/* TRANSLATORS: the program's name, before an error message. */
	fputs(_("callfloor: "), stderr);
	cli_say(e->msg);
	return e->code ? e->code : EXIT_RUNTIME;
}

int
cli_bad_option(const char *verb, int ch, char **argv)
{
	if (ch == ':')
		return cli_usage(verb, _("%s needs a value"), argv[optind - 1]);
	return cli_usage(verb, _("unknown option '%s'"), argv[optind - 1]);
}

int
cli_no_more(const char *verb, int argc, char **argv, int want)
{
	if (optind + want < argc)
		return cli_usage(verb, _("unexpected argument '%s'"),
		    argv[optind + want]);
	return 0;
}

void
cli_print(const struct buf *doc)
{
	struct buf clean = { 0 };

	text_clean(&clean, doc->s ? doc->s : "", doc->len, true);
	fwrite(clean.s, 1, clean.len, stdout);
	buf_free(&clean);
}

int
cli_usage_refused(const struct cli *c, const char *why)
{
	cli_eprintf("callfloor: %s: %s is a %s: %s\n", c->verb ? c->verb->name :
	    "callfloor", c->actor.login, urole_name(c->actor.role), why);
	return EXIT_REFUSED;
}

int
cli_bare(struct cli *c, int argc, char **argv)
{
	int ch;

	while (cli_getopt(c, argc, argv, &ch) != -1)
		return cli_bad_option(c->verb->name, ch, argv);
	return cli_no_more(c->verb->name, argc, argv, 0);
}

/* ---- options ---- */

/* The verb's options and the global ones, as one getopt_long table. */
struct optset {
	struct option *longs;
	char shorts[128];
};

static void
optset_make(struct optset *o, const struct verb *v)
{
	size_t n = 0, k = 0, i;

	while (v->opts != NULL && v->opts[n].name != NULL)
		n++;
	o->longs = xcalloc(n + sizeof global_opts / sizeof global_opts[0],
	    sizeof *o->longs);
	for (i = 0; i < n; i++)
		o->longs[k++] = v->opts[i];
	for (i = 0; global_opts[i].name != NULL; i++)
		o->longs[k++] = global_opts[i];
	/* ':' first: a missing value is told apart from an unknown option. */
	if ((size_t)snprintf(o->shorts, sizeof o->shorts, ":" GLOBAL_SHORTS "%s",
	    v->shortopts ? v->shortopts : "") >= sizeof o->shorts)
		die(_("verb %s: too many short options"), v->name);
}

int
cli_getopt(struct cli *c, int argc, char **argv, int *ch)
{
	static struct optset o;
	static const struct verb *made;

	if (made != c->verb) {
		free(o.longs);
		optset_make(&o, c->verb);
		made = c->verb;
	}
	for (;;) {
		*ch = getopt_long(argc, argv, o.shorts, o.longs, NULL);
		/* Taken by cli_setup's own pass over the same table. */
		if (*ch != 'c' && *ch != 'd' && *ch != 'h')
			return *ch;
	}
}

/*
 * The global options wherever they stand: the same getopt_long table the
 * verb parses with later, so "-cFILE", "--config=FILE" and a note that
 * reads "-c" are understood exactly as the verb will understand them.
 * Unknown options are left for the verb to report.  1 for -h.
 */
static int
take_globals(struct cli *c, int argc, char **argv)
{
	struct optset o;
	int ch, help = 0;

	optset_make(&o, c->verb);
	optind = 0;
	while ((ch = getopt_long(argc, argv, o.shorts, o.longs, NULL)) != -1)
		switch (ch) {
		case 'c': c->config_path = optarg; break;
		case 'd': c->db_arg = optarg; break;
		case 'h': help = 1; break;
		default: break;
		}
	free(o.longs);
	optind = 0;
	return help;
}

/* ---- configuration and database ---- */

static const char *
config_path(const char *arg)
{
	const char *env;
	struct stat st;

	if (arg != NULL)
		return arg;
	/* secure_getenv: a setgid run never follows the environment here. */
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

/*
 * floor.database_file: the PostgreSQL connection string with its secret,
 * in a file of its own (root:callfloor 0640 on a shared install), read
 * here while the group is held - once: libpq keeps it for reconnects.
 */
static int
read_secret(struct cli *c, struct err *e)
{
	const char *file = c->floor->database_file;
	FILE *fp = fopen(file, "re");
	size_t n;

	if (fp == NULL)
		return err_set(e, EXIT_RUNTIME, _("cannot read the database "
		    "credentials %s: %s"), file, strerror(errno));
	if (fgets(c->db_path, sizeof c->db_path, fp) == NULL)
		c->db_path[0] = '\0';
	fclose(fp);
	n = strcspn(c->db_path, "\r\n");
	c->db_path[n] = '\0';
	while (n > 0 && c->db_path[n - 1] == ' ')
		c->db_path[--n] = '\0';
	if (!store_is_remote(c->db_path))
		return err_set(e, EXIT_USAGE, _("%s: the first line must be a "
		    "PostgreSQL connection (postgresql://... or service=NAME)"),
		    file);
	return 0;
}

/* Where the database is: -d, floor.database(_file), the shared folder, or
 * the user's own data folder (made when create is true). */
static int
db_path(struct cli *c, bool create, struct err *e)
{
	const char *xdg;
	char dir[PATH_MAX];

	if (c->db_arg != NULL) {
		snprintf(c->db_path, sizeof c->db_path, "%s", c->db_arg);
		return 0;
	}
	if (c->floor->database_file != NULL)
		return read_secret(c, e);
	if (c->floor->database != NULL) {
		snprintf(c->db_path, sizeof c->db_path, "%s", c->floor->database);
		return 0;
	}
	if (c->config_path != NULL && strcmp(c->config_path, SYSTEM_CONFIG) == 0) {
		snprintf(c->db_path, sizeof c->db_path, "%s/%s.db", SHARED_DB_DIR,
		    c->floor->id);
		return 0;
	}
	if ((xdg = secure_getenv("XDG_DATA_HOME")) != NULL && xdg[0] == '/')
		snprintf(dir, sizeof dir, "%s/callfloor", xdg);
	else {
		struct passwd *pw = getpwuid(getuid());

		if (pw == NULL)
			return err_set(e, EXIT_RUNTIME, _("no home folder for the "
			    "database; give one with --db"));
		snprintf(dir, sizeof dir, "%s/.local/share/callfloor", pw->pw_dir);
	}
	if (create && mkdirs(dir) < 0)
		return err_set(e, EXIT_RUNTIME, _("cannot create %s: %s"), dir,
		    strerror(errno));
	if ((size_t)snprintf(c->db_path, sizeof c->db_path, "%s/%s.db", dir,
	    c->floor->id) >= sizeof c->db_path)
		return err_set(e, EXIT_RUNTIME, _("database path too long"));
	return 0;
}

/*
 * Opens the database as the verb needs.  Only init creates one on a
 * configured floor; the demo floor (no configuration) makes its own on
 * first use, so that `callfloor` alone works.  For a reading verb, a
 * database this process may not write opens read-only.
 */
static void
say_waiting(const char *path, time_t since)
{
	char when[16];
	struct tm tm;

	localtime_r(&since, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	fprintf(stderr, _("callfloor: the floor database %s is busy since %s: "
	    "another callfloor holds its write lock; waiting for it (Ctrl-C "
	    "gives up)\n"), path, when);
}

static int
open_store(struct cli *c, enum verb_open how, struct err *e)
{
	/* A migration of a large database, and attendance months counted
	 * for carrying (a payroll of a large floor), show how far they are:
	 * on the terminal of a command, never under the console's screen. */
	static struct progress migration, months;

	bool create = how == OPEN_INIT || c->config_path == NULL;
	/* A console waits out a busy database; a command says so and ends. */
	int flags = (create ? 0 : STORE_NOCREATE) |
	    (c->verb == NULL ? STORE_PATIENT : 0);
	struct err e2 = { 0 };

	if (db_path(c, create, e) < 0)
		return -1;
	/* The shared database is safe only in a folder nobody else reaches. */
	if (priv_held() && !store_is_remote(c->db_path)) {
		char why[512];
		struct stat st;

		if (priv_check_folder(c->db_path, why, sizeof why) < 0)
			return err_set(e, EXIT_RUNTIME, "%s", why);
		if (lstat(c->db_path, &st) == 0 && !S_ISREG(st.st_mode))
			return err_set(e, EXIT_RUNTIME, "database %s is not a "
			    "regular file", c->db_path);
	}
	if (!store_is_remote(c->db_path))
		priv_shared_folder(c->db_path);
	store_on_wait(say_waiting);
	store_set_floor(c->floor->id);
	store_on_progress(progress_hook, &migration);
	if (c->verb != NULL)
		attendance_on_progress(progress_hook, &months);
	if (store_open(c->db_path, flags, &c->store, e) < 0 &&
	    (how != OPEN_READ || store_open(c->db_path, flags | STORE_READONLY,
	    &c->store, &e2) < 0))
		return -1;
	store_audit_who(c->actor.login, c->actor.uid, c->actor.tty, c->actor.ssh);
	return 0;
}

/* ---- the whole run ---- */

int
cli_setup(struct cli *c, int argc, char **argv, int *rc)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct verb *const *v;
	struct buf errs = { 0 };
	struct err e = { 0 };
	enum verb_open how;
	int ch;

	memset(c, 0, sizeof *c);
	priv_init();
	/* No PG* variable or file of the user's steers a setgid run's
	 * connection. */
	if (priv_held())
		store_pg_sealed(SYSTEM_PG_SERVICE);
	opterr = 0;
	*rc = 0;
	while ((ch = getopt_long(argc, argv, "+:c:d:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'c': c->config_path = optarg; break;
		case 'd': c->db_arg = optarg; break;
		case 'h': print_usage(); return 0;
		case 'V': printf("callfloor %s\n", VERSION); return 0;
		default: *rc = cli_bad_option(NULL, ch, argv); return 0;
		}
	}
	c->argc = argc - optind;
	c->argv = argv + optind;
	if (c->argc > 0) {
		if (strcmp(c->argv[0], "help") == 0) {
			print_usage();
			return 0;
		}
		for (v = verbs; *v; v++)
			if (strcmp((*v)->name, c->argv[0]) == 0)
				break;
		if (*v == NULL) {
			*rc = cli_usage(NULL, _("unknown command '%s'"), c->argv[0]);
			return 0;
		}
		c->verb = *v;
		if (take_globals(c, c->argc, c->argv)) {
			print_verb_usage(c->verb);
			return 0;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("callfloor: the console needs a terminal; for "
		    "plain text use `callfloor map`\n"));
		*rc = EXIT_USAGE;
		return 0;
	}
	c->config_path = config_path(c->config_path);
	/* The group goes with the installed configuration only: whoever
	 * names another one (or none), or a database of their own, gets
	 * their own rights from here on. */
	if (c->config_path == NULL || strcmp(c->config_path, SYSTEM_CONFIG) != 0 ||
	    c->db_arg != NULL)
		priv_drop();
	c->floor = floor_load(c->config_path, &errs);
	if (c->floor == NULL) {
		fputs(errs.s ? errs.s : _("callfloor: bad configuration\n"), stderr);
		buf_free(&errs);
		*rc = EXIT_USAGE;
		return 0;
	}
	clock_use_floor(c->floor);
	/* On a shared install the installed configuration is the floor's:
	 * only its users (and root) read it through callfloor. */
	if ((c->verb == NULL || c->verb->needs_actor ||
	    (priv_held() && getuid() != 0)) &&
	    auth_actor(c->floor, &c->actor, &e) < 0) {
		*rc = cli_fail(&e);
		return 0;
	}
	how = c->verb ? c->verb->open : OPEN_READ;
	if (how == OPEN_INIT && c->config_path != NULL &&
	    c->actor.role != UROLE_MANAGER) {
		*rc = cli_usage_refused(c, _("only a manager creates or migrates "
		    "the floor's database"));
		return 0;
	}
	/* The console writes where it may and reads where it may not. */
	if (how != OPEN_NONE && open_store(c, how, &e) < 0) {
		*rc = cli_fail(&e);
		return 0;
	}
	/* The roster in the database follows the configuration (issue 15). */
	if ((how == OPEN_INIT || how == OPEN_WRITE) &&
	    roster_note(c->floor, c->store, &e) < 0) {
		*rc = cli_fail(&e);
		return 0;
	}
	/* The one place: nothing from here on holds the group. */
	priv_drop();
	optind = 0;
	return 1;
}

int
cli_run(struct cli *c)
{
	return c->verb->exec(c, c->argc, c->argv);
}

void
cli_finish(struct cli *c)
{
	store_close(c->store);
	if (c->home != NULL) {
		floor_free_roster(c->floor);
		c->floor = c->home;
	}
	floor_free(c->floor);
	c->store = NULL;
	c->floor = NULL;
	c->home = NULL;
}
