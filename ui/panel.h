/*
 * panel.h - the group panel: per group the fines of today (or this month),
 * own and co-penalty, with the director and the deputy named.
 */
#ifndef CALLFLOOR_UI_PANEL_H
#define CALLFLOOR_UI_PANEL_H

#include "ui.h"

/* Loads the sums for the panel's period; -1 with e set on failure. */
int panel_load(struct ui *u, struct err *e);
void panel_free(struct ui *u);
/* Lines the panel wants at width w. */
int panel_lines(const struct ui *u, int w);
void panel_draw(struct ui *u, int y, int x, int h, int w);
/* Draws again, over the last panel_draw, the lines of the groups set in
 * groups (and the cursor's group when it changed), and the total when
 * total is true; all of it when groups is NULL or the groups shown would
 * scroll.  The cursor's group (mapview_cursor_group) when last drawn is
 * panel.drawn_sel. */
void panel_draw_some(struct ui *u, int y, int x, int h, int w,
    const unsigned char *groups, bool total);

#endif
