/*
 * mapview.h - the seat map on screen: cells laid out as the config's
 * layout (aisles included), the cursor and its moves, scrolling that
 * follows the cursor, the one-cell-a-seat overview, and finding a seat by
 * name, staff id or seat id.
 */
#ifndef CALLFLOOR_UI_MAPVIEW_H
#define CALLFLOOR_UI_MAPVIEW_H

#include "keymap.h"
#include "ui.h"

void mapview_init(struct ui *u);
void mapview_free(void);

/* Columns the whole map takes with cells of cellw (and the overview's). */
int mapview_width(const struct ui *u, int cellw);
/* The seat cell width for a map area avail columns wide: names whole
 * where it allows (viewport_cellw). */
int mapview_cellw(const struct ui *u, int avail);
/* The screen line of the cursor's seat, -1 when it is not shown. */
int mapview_cursor_y(const struct ui *u);
/* True when the layout shows the whole map. */
bool mapview_whole(const struct ui *u);
/* "rows 1-14/29 cols 1-5/88" when the map does not fit; nothing else. */
void mapview_where(const struct ui *u, struct buf *out);

/* Draws the map into the layout's map area. */
void mapview_draw(struct ui *u);
/* Scrolls the view so that the cursor is in it: true when it moved. */
bool mapview_follow(struct ui *u);
/* Paints one seat's cell again where the last mapview_draw put it (the
 * layout and the view unchanged since); false when it is not shown. */
bool mapview_draw_seat(struct ui *u, int seat);
/* What the legend lists (the states and letters on the map, breaks): a
 * key that changes when the legend would. */
unsigned mapview_legend_key(const struct ui *u);
/* The line about the seat at the cursor. */
void mapview_draw_info(struct ui *u, int y);
/* The glyph legend. */
void mapview_draw_legend(struct ui *u, int y);

/* The group of the seat at the cursor (or of the seats before it). */
int mapview_cursor_group(const struct ui *u);
/* Moves the cursor for a movement action; false when it is not one. */
bool mapview_move(struct ui *u, enum action act);
/* The next (dir 1) or previous occupied seat in reading order after the
 * cursor, wrapping; -1 when there is none. */
int mapview_next_occupied(const struct ui *u, int dir);

/* The next occupied seat of the cursor's group in reading order; after
 * its last, the first of the next group (an inspection round). */
int mapview_next_in_group(const struct ui *u);

/* The first seat matching text at or after seat `from` in reading order
 * (dir -1: before), wrapping; -1 when none.  *count: all the matches. */
int mapview_find(const struct ui *u, const char *text, int from, int dir,
    bool include_from, int *count);

#endif
