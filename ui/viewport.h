/*
 * viewport.h - the arithmetic of windows over things longer than the
 * screen: which part of the map, of the group panel, of the overview is
 * shown, and how wide a seat cell is.  Pure functions: no curses, no
 * store, so the unit tests check them without a terminal.
 */
#ifndef CALLFLOOR_UI_VIEWPORT_H
#define CALLFLOOR_UI_VIEWPORT_H

/*
 * The first item shown of `total`, `visible` at a time, so that item
 * `cur` is in view: moves `first` as little as it must, and never leaves
 * room unused at the end.  cur < 0 only clamps.
 */
int viewport_follow(int first, int cur, int visible, int total);

/*
 * The width of a seat cell: `need` (the widest cell text) when the whole
 * map fits in `avail` columns with it, else as wide as `need` while at
 * least `min_cols` seat columns (with `gap` between) still fit, never
 * under `floor_w` (unless need is smaller).  ncols is the number of seat
 * columns across the whole map, `extra` the columns the aisles take.
 */
int viewport_cellw(int need, int avail, int ncols, int extra, int gap,
    int min_cols, int floor_w);

/* "3-14/40": the 1-based range first..first+visible-1 of total, clamped. */
int viewport_range(int first, int visible, int total, char *out, int n);

#endif
