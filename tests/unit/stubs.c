/*
 * stubs.c - the one symbol of ui/ that the core (cli.c's `callfloor` with no
 * verb) refers to.  build/unit_tests links the core without ui/ (no
 * terminal in the unit tests), so this stands in for it.  It is weak: if
 * the real console is ever linked in, the real one wins.
 */
#include "../../src/engine.h"

int console_run(const struct floor *f, struct store *s, const struct actor *a)
    __attribute__((weak));

int
console_run(const struct floor *f, struct store *s, const struct actor *a)
{
	(void)f;
	(void)s;
	(void)a;
	return EXIT_RUNTIME;
}
