/*
 * frame.h - the console's frames: the layout, and drawing the screen
 * whole or only the parts that changed since the last frame (ui.dirty,
 * ui.redraw: ui_touch and its kin in ui.h say what changed).
 */
#ifndef CALLFLOOR_UI_FRAME_H
#define CALLFLOOR_UI_FRAME_H

#include "ui.h"

/* Draws what is due and sends it to the terminal: the whole screen when
 * u->dirty, else the parts touched since the last frame over it (or the
 * whole screen when that frame cannot be drawn over); nothing when
 * nothing changed. */
void frame_draw(struct ui *u);
/* Frees what frame_draw and ui_touch kept. */
void frame_free(struct ui *u);

#endif
