/*
 * draw.h - text on the screen, measured in columns: every string the
 * console shows passes through here, cleaned (no control characters, no
 * bad bytes, ASCII only when the locale is not UTF-8) and cut or padded
 * to the columns it may take.
 */
#ifndef CALLFLOOR_UI_DRAW_H
#define CALLFLOOR_UI_DRAW_H

#include "ui.h"

/* s made safe to show: controls become spaces, bad bytes U+FFFD (or '?'),
 * anything past ASCII '?' when ascii is true.  Appends to out. */
void draw_clean(const char *s, bool ascii, struct buf *out);

/* Draws s at (y, x) in exactly w columns (cut with an ellipsis, padded). */
void draw_text(int y, int x, int w, int role, const char *s, bool ascii);
/* The same with attributes given directly (a role plus the cursor). */
void draw_text_attr(int y, int x, int w, attr_t attr, const char *s,
    bool ascii);
/* Draws s right-aligned in exactly w columns. */
void draw_right(int y, int x, int w, int role, const char *s, bool ascii);
/* Draws s as it is, no wider than up to column maxx; returns the column
 * after it. */
int draw_run(int y, int x, int maxx, int role, const char *s, bool ascii);
/* Where to break s so that its first line fits w columns, at a space
 * when there is one: the bytes of that first line. */
size_t draw_wrap_at(const char *s, int w);
/* Blanks w columns. */
void draw_fill(int y, int x, int w, int role);

/* What was drawn is forgotten: all of it (erase()), or rows y0..y1 whose
 * cells were moved (the feed scrolling).  A field drawn again over what
 * is remembered writes only the columns that differ. */
void draw_forget(void);
void draw_forget_rows(int y0, int y1);

#endif
