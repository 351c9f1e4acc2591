/*
 * feed.h - today's marks, newest first: what the floor has done so far,
 * shown in the room a large screen has left under the panel.
 */
#ifndef CALLFLOOR_UI_FEED_H
#define CALLFLOOR_UI_FEED_H

#include "ui.h"

int feed_load(struct ui *u, struct err *e);
/* Puts what a write touched into the feed: a line replaced, or a new one
 * in its place (the newest FEED_MAX are kept). */
void feed_apply(struct ui *u, const struct seat_news *news);
void feed_free(struct ui *u);
void feed_draw(struct ui *u, int y, int x, int h, int w);
/* Draws over the last feed_draw what feed_apply changed since: the rows
 * move with their lines, and only the lines new to a row are drawn. */
void feed_draw_edits(struct ui *u, int y, int x, int h, int w);
/* The feed's edits are on the screen (or it is not shown): forgets them. */
void feed_drawn(struct ui *u);
/* Lets go of the window feed_draw_edits keeps over the screen (before a
 * whole frame, and before the screen goes). */
void feed_release(struct ui *u);

#endif
