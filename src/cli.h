/*
 * cli.h - the command line: option parsing, the verbs of interface.md and
 * their output formats.  No curses; main.c starts the console.
 */
#ifndef CALLFLOOR_CLI_H
#define CALLFLOOR_CLI_H

#include "../db/store.h"
#include "engine.h"
#include "floor.h"

#include <getopt.h>
#include <stdbool.h>

#include "clock.h"

struct cli;

/* What a verb needs opened before it runs (see "privilege" in cli.c). */
enum verb_open {
	OPEN_NONE,	/* the configuration only */
	OPEN_READ,	/* an existing database; read-only where it may not write */
	OPEN_WRITE,	/* an existing database, for writing */
	OPEN_INIT	/* creates or migrates the database (init) */
};

/*
 * One row per verb, like tmux's cmd_entry: everything the shared code
 * needs to parse, count, open and explain a verb; the verb's function
 * sees its options through cli_getopt and a store already open.
 */
struct verb {
	const char *name;
	const char *args;		/* synopsis after the name */
	const char *help;		/* what it does; option notes may follow */
	const char *shortopts;		/* its own short options ("o:") */
	const struct option *opts;	/* its own long options, or NULL */
	enum verb_open open;
	bool needs_actor;		/* a user of the configuration's list */
	int (*exec)(struct cli *, int, char **);
};

/* What every verb gets: the loaded floor, the acting user, the store. */
struct cli {
	const struct verb *verb;	/* NULL: the console */
	const char *config_path;	/* NULL: the embedded demo floor */
	const char *db_arg;		/* -d, or NULL */
	struct floor *floor;
	struct floor *home;		/* the reader's own while floor is
					 * another's (--floor), else NULL */
	struct actor actor;
	struct store *store;		/* open as verb->open says, or NULL */
	char db_path[4096];
	int argc;			/* the verb's name and what follows */
	char **argv;
};

/*
 * Parses the command line, loads the configuration, names the user,
 * opens the database as the verb needs, and gives up the callfloor group
 * for good.  1: run c->verb with cli_run (NULL: the console);
 * 0: nothing to run (help, or an error already printed), exit with *rc.
 */
int cli_setup(struct cli *c, int argc, char **argv, int *rc);
/* Runs c->verb; its exit code. */
int cli_run(struct cli *c);
/* Closes what cli_setup opened. */
void cli_finish(struct cli *c);

/* ---- for the verbs in other files (cli_*.c, journal.c) ---- */

/* The verbs defined outside cli.c. */
extern const struct verb verb_report, verb_journal, verb_audit, verb_backup,
    verb_signin, verb_signout, verb_explain, verb_leave, verb_leave_approve,
    verb_leave_form, verb_attendance, verb_payroll, verb_rollup, verb_migrate, verb_close, verb_reopen,
    verb_appeal, verb_decide, verb_complaint, verb_break, verb_wallboard,
    verb_verify, verb_completion;
/* Every verb, in the order --help lists them; NULL-terminated. */
const struct verb *const *cli_verbs(void);

/* The wallboard's screen (ui/wallboard.c), set by main.c before
 * cli_setup: src/ never includes ui/.  Returns the exit code. */
extern int (*cli_wallboard)(const struct floor *f, struct store *s);

/* printf to standard output / error through the sanitiser (layout kept):
 * every line a verb prints goes through one of these or cli_print. */
void cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints msg and a newline on stderr, its control characters shown
 * visibly (an argument can hold any byte). */
void cli_say(const char *msg);
/* Prints "callfloor: e->msg" and returns e's exit code. */
int cli_fail(struct err *e);
/* Prints "callfloor: VERB: message" and a pointer to --help; returns 2. */
int cli_usage(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* getopt_long over c->verb's options (the global -c/-d/-h were taken
 * before the verb ran and are skipped); *ch and the return are the next
 * option, -1 at the end.  optind then points at the first operand. */
int cli_getopt(struct cli *c, int argc, char **argv, int *ch);
/* The usage message for an unknown option or a missing value; returns 2. */
int cli_bad_option(const char *verb, int ch, char **argv);
/* Writes a finished document to standard output through the one
 * sanitiser (text_clean, layout kept): no control character of a note or
 * a name ever reaches the terminal. */
void cli_print(const struct buf *doc);
/* "callfloor: VERB: LOGIN is a ROLE: why" on stderr; returns 3. */
int cli_usage_refused(const struct cli *c, const char *why);
/* --floor ID (fines, report): the store reads floor id of the same
 * database from now on (managers), and c->floor is that floor as its
 * roster in the database stood on day: 0, or the exit code after saying
 * why. */
int cli_other_floor(struct cli *c, const char *verb, const char *id,
    const char *day);
/* For a verb of no options and no operands: 0, or its usage error (2). */
int cli_bare(struct cli *c, int argc, char **argv);
/* "unexpected argument" for operands past the first `want`; 0 if none. */
int cli_no_more(const char *verb, int argc, char **argv, int want);
/* The staff member s names: a staff id, or a name unique on the floor.
 * Their index, or -1 after the usage error (listing the candidates of an
 * ambiguous name: id, seat, group); the caller returns EXIT_USAGE. */
int cli_staff(const char *verb, const struct floor *f, const char *s);
/* The same for a group: its id, or its name when unique. */
int cli_group(const char *verb, const struct floor *f, const char *s);
int cli_parse_id(const char *verb, const char *what, const char *s,
    int64_t *out);
/* --day/--month/--from/--to into inclusive days; default this month. */
int cli_parse_period(const char *verb, struct cli *c, const char *day,
    const char *month, const char *from, const char *to, char f[DAY_LEN],
    char t[DAY_LEN]);
int cli_parse_format(const char *verb, const char *s, bool *csv);
/* Writes data to path whole or not at all (a temporary file, renamed),
 * with the user's rights (cli_setup dropped the group). */
int cli_write_atomic(const char *path, const char *data, size_t n,
    struct err *e);
/* Appends s as an RFC 4180 field. */
void cli_csv_field(struct buf *b, const char *s);
/* Appends the n fields as one RFC 4180 row, CRLF-terminated. */
void cli_csv_row(struct buf *b, const char *const *fields, int n);

#endif
