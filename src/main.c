/*
 * main.c - callfloor's entry point: the locale, the command line, and
 * what runs: a verb, or with none the console.  The only file of src/
 * that knows ui/.
 */
#include <locale.h>

#include "../ui/console.h"
#include "cli.h"
#include "i18n.h"

int
main(int argc, char **argv)
{
	struct cli c;
	int rc;

	i18n_init();
	if (cli_setup(&c, argc, argv, &rc) > 0)
		rc = c.verb != NULL ? cli_run(&c) :
		    console_run(c.floor, c.store, &c.actor);
	cli_finish(&c);
	return rc;
}
