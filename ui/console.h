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

/* The console on a terminal the caller set up (newterm), without its
 * loop, for tests: open it into u (a struct ui, ui.h), give it keys and
 * ticks as the loop would (frame_draw, frame.h, draws), close it. */
struct ui;
void console_open(struct ui *u, const struct floor *f, struct store *s,
    const struct actor *a);
void console_key(struct ui *u, int key);
/* What the loop does when no key came: follows writes, moves the clock. */
void console_tick(struct ui *u);
void console_close(struct ui *u);

#endif
