/*
 * console.h - the live console (ncurses).  The only interface between the
 * command line and ui/.
 */
#ifndef CALLFLOOR_CONSOLE_H
#define CALLFLOOR_CONSOLE_H

#include "../db/store.h"
#include "../src/engine.h"
#include "../src/floor.h"

/* Runs the console until the user quits; returns an exit code. */
int console_run(const struct floor *f, struct store *s, const struct actor *a);

#endif
