/*
 * cli.h - the command line: option parsing, the verbs of interface.md and
 * their output formats.  No curses; the console is started through
 * console_run() (ui/console.h).
 */
#ifndef CALLFLOOR_CLI_H
#define CALLFLOOR_CLI_H

#include "../db/store.h"
#include "engine.h"
#include "floor.h"

/* What every verb gets: the loaded floor, the acting user, the store. */
struct cli {
	const char *config_path;	/* NULL: the embedded demo floor */
	const char *db_arg;		/* -d, or NULL */
	struct floor *floor;
	struct actor actor;
	struct store *store;
	char db_path[4096];
};

/* Runs callfloor with argv; returns the exit code. */
int cli_main(int argc, char **argv);

/* Resolves and opens the database (creating it when needed). */
int cli_open_store(struct cli *c, int flags, struct err *e);
/* Opens an existing database to read it: for writing when it may, else
 * read-only (a lead may not be able to write it).  0, or -1 with e set
 * from the first attempt. */
int cli_open_reader(struct cli *c, struct err *e);

/* ---- for the verbs in other files (cli_*.c, report*.c, journal.c) ---- */

#include <getopt.h>
#include <stdbool.h>

#include "clock.h"

/* Prints "callfloor: e->msg" and returns e's exit code. */
int cli_fail(struct err *e);
/* Prints "callfloor: VERB: message" and a pointer to --help; returns 2. */
int cli_usage(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* getopt_long over a verb's options, plus -c/-d/-h; *ch and the return are
 * the next option, -1 at the end. */
int cli_getopt(struct cli *c, int argc, char **argv, const char *shortopts,
    const struct option *longopts, int *ch);
int cli_bad_option(const char *verb, int ch, char **argv);
extern const struct option cli_no_opts[];
int cli_parse_id(const char *verb, const char *what, const char *s,
    int64_t *out);
/* --day/--month/--from/--to into inclusive days; default this month. */
int cli_parse_period(const char *verb, struct cli *c, const char *day,
    const char *month, const char *from, const char *to, char f[DAY_LEN],
    char t[DAY_LEN]);
int cli_parse_format(const char *verb, const char *s, bool *csv);
/* Appends s as an RFC 4180 field. */
void cli_csv_field(struct buf *b, const char *s);
/* Appends the n fields as one RFC 4180 row, CRLF-terminated. */
void cli_csv_row(struct buf *b, const char *const *fields, int n);

/* cli_attendance.c */
int cli_signin(struct cli *c, int argc, char **argv);
int cli_signout(struct cli *c, int argc, char **argv);
int cli_explain(struct cli *c, int argc, char **argv);
int cli_leave(struct cli *c, int argc, char **argv);
int cli_leave_form(struct cli *c, int argc, char **argv);
int cli_attendance(struct cli *c, int argc, char **argv);

#endif
