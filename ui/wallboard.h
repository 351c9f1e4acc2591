/*
 * wallboard.h - `callfloor wallboard`: a read-only full-screen view of
 * the floor for a TV.  It writes nothing and takes no key but q.
 */
#ifndef CALLFLOOR_UI_WALLBOARD_H
#define CALLFLOOR_UI_WALLBOARD_H

#include "../db/store.h"
#include "../src/floor.h"

/* Runs until q or a signal: 0, EXIT_USAGE (no terminal), EXIT_RUNTIME
 * (the terminal went away) or 128 + the signal. */
int wallboard_run(const struct floor *f, struct store *s);

#endif
