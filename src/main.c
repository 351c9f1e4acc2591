/*
 * main.c - callfloor's entry point: the locale, the command line, and
 * what runs: a verb, or with none the console.  The only file of src/
 * that knows ui/: it hands the wallboard's screen to the verb table.
 */
#include <locale.h>

#include "../ui/console.h"
#include "../ui/wallboard.h"
#include "cli.h"
#include "i18n.h"

int
main(int argc, char **argv)
{
	struct cli c;
	int rc;

	i18n_init();
	cli_wallboard = wallboard_run;
	if (cli_setup(&c, argc, argv, &rc) > 0)
		rc = c.verb != NULL ? cli_run(&c) :
		    console_run(c.floor, c.store, &c.actor);
	cli_finish(&c);
	return rc;
}
