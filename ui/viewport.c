/*
 * viewport.c - windows over lists and maps longer than the screen (see
 * viewport.h).  No curses here: it only counts.
 */
#include "viewport.h"

#include <stdio.h>

int
viewport_follow(int first, int cur, int visible, int total)
{
	if (visible < 1)
		visible = 1;
	if (cur >= 0 && cur < first)
		first = cur;
	if (cur >= 0 && cur >= first + visible)
		first = cur - visible + 1;
	/* No blank room after the last item while earlier ones are hidden. */
	if (first > total - visible)
		first = total - visible;
	if (first < 0)
		first = 0;
	return first;
}

int
viewport_cellw(int need, int avail, int ncols, int extra, int gap,
    int min_cols, int floor_w)
{
	int cw;

	if (ncols < 1)
		return need;
	if (ncols * (need + gap) - gap + extra <= avail)
		return need;
	if (min_cols > ncols)
		min_cols = ncols;
	if (min_cols < 1)
		min_cols = 1;
	cw = (avail + gap) / min_cols - gap;
	if (cw > need)
		cw = need;
	if (cw < floor_w)
		cw = need < floor_w ? need : floor_w;
	return cw;
}

int
viewport_range(int first, int visible, int total, char *out, int n)
{
	int last = first + visible;

	if (last > total)
		last = total;
	if (total <= 0)
		return snprintf(out, (size_t)n, "0/0");
	return snprintf(out, (size_t)n, "%d-%d/%d", first + 1, last, total);
}
