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

#endif
