/*
 * frame.c - what the console puts on the screen, a frame at a time: the
 * layout (where the map, the panel and the feed go), the map screen's
 * header and message lines, and the choice between a whole frame and one
 * that draws only what changed.
 *
 * A whole frame erases the screen and composes every part: at start, on a
 * resize, a scroll, another screen or a prompt, a new day, a full load.
 * After a write (here or followed from elsewhere) only the parts it
 * changed are drawn again over the last frame - the seats' cells, their
 * groups' panel lines, the feed's new lines, the header, the message - so
 * a mark does not compose the floor's 2,000 cells again.  Curses then
 * sends the terminal what differs, either way.  The two must agree cell
 * for cell (tests/unit/test_frame.c).
 */
#include "frame.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/i18n.h"
#include "../src/text.h"
#include "draw.h"
#include "feed.h"
#include "keymap.h"
#include "mapview.h"
#include "pager.h"
#include "panel.h"
#include "prompt.h"
#include "theme.h"
#include "words.h"

/* ---- layout ---- */

/* The panel beside the map: its width, and the least the map keeps. */
#define PANEL_BESIDE_W 66
#define MAP_BESIDE_MIN 90
/* Below the map, the panel keeps at least this many rows (a header,
 * three groups, the floor's total) when the map wants them all. */
#define PANEL_BELOW_MIN 5

/* The panel beside the map: when the terminal is wide enough for both
 * and tall enough for every group. */
static bool
layout_beside(struct ui *u, struct layout *l, int avail)
{
	int pw = PANEL_BESIDE_W;

	if (u->overview || u->panel.hidden || u->f->ngroups == 0)
		return false;
	if (COLS - pw - 4 < MAP_BESIDE_MIN || avail < 8)
		return false;
	if (COLS - MAP_BESIDE_MIN - 4 > 80)
		pw = 80;
	else if (COLS - MAP_BESIDE_MIN - 4 > pw)
		pw = COLS - MAP_BESIDE_MIN - 4;
	l->beside = true;
	l->panel_w = pw;
	l->panel_x = COLS - pw - 1;
	l->panel_y = l->top;
	l->panel_h = avail;
	l->map_w = l->panel_x - 3 - l->map_x;
	l->cellw = mapview_cellw(u, l->map_w);
	l->map_h = u->f->nrows < avail - 2 ? u->f->nrows : avail - 2;
	l->info_y = l->map_y + l->map_h;
	l->info_w = l->map_w;
	l->legend_y = l->info_y + 1;
	/* The feed under the map, where the lines are long enough. */
	l->feed_y = l->legend_y + 2;
	l->feed_x = l->map_x;
	l->feed_w = l->map_w;
	l->feed_h = l->msg_y - l->feed_y;
	return true;
}

/* The panel under the map: the map takes the rows it needs first, the
 * panel keeps a few (it scrolls), the feed takes what is left. */
static void
layout_below(struct ui *u, struct layout *l, int avail)
{
	int want = u->panel.hidden ? 0 : panel_lines(u, COLS - 2);
	int keep = want < PANEL_BELOW_MIN ? want : PANEL_BELOW_MIN;
	int labels = u->overview ? 1 : 0, rest;

	l->map_w = COLS - 3;
	l->cellw = u->overview ? 1 : mapview_cellw(u, l->map_w);
	if (labels) {
		l->label_y = l->map_y;
		l->map_y++;
	}
	/* the info line, the legend, and a blank line before the panel */
	l->map_h = avail - labels - 2 - (keep > 0 ? keep + 1 : 0);
	if (l->map_h > u->f->nrows)
		l->map_h = u->f->nrows;
	if (l->map_h < 1)
		l->map_h = 1;
	l->info_y = l->map_y + l->map_h;
	l->info_w = COLS - 2;
	rest = l->msg_y - l->info_y - 1;
	/* The legend always: it explains what is on the map. */
	l->legend_y = l->info_y + 1;
	rest--;
	l->panel_x = 1;
	l->panel_w = COLS - 2;
	l->panel_y = l->msg_y - rest + 1;
	l->panel_h = want == 0 ? 0 : rest - 1;
	if (l->panel_h > want)
		l->panel_h = want;
	/* What is left under the panel goes to today's marks. */
	if (rest - 1 - l->panel_h > 3) {
		l->feed_y = l->panel_y + l->panel_h + (l->panel_h > 0);
		l->feed_x = 1;
		l->feed_w = COLS - 2;
		l->feed_h = l->msg_y - l->feed_y;
	}
}

static void
layout_compute(struct ui *u)
{
	struct layout *l = &u->lay;
	int avail;

	memset(l, 0, sizeof *l);
	l->small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	l->top = 1 + u->readonly;
	l->status_y = LINES - 1;
	l->msg_h = LINES >= 24 ? 2 : 1;
	l->msg_y = l->status_y - l->msg_h;
	l->gap = 1;
	l->aislew = 2;
	l->map_x = 1;
	l->map_y = l->top;
	l->label_y = -1;
	avail = l->msg_y - l->top;
	/* Below is easier to read; beside when below would hide part of the
	 * map or of the panel. */
	layout_below(u, l, avail);
	if (!mapview_whole(u) || (!u->panel.hidden && l->panel_h <
	    panel_lines(u, l->panel_w))) {
		struct layout below = *l;

		memset(l, 0, sizeof *l);
		memcpy(l, &below, sizeof *l);
		l->feed_h = 0;
		l->label_y = -1;
		l->map_y = l->top;
		if (!layout_beside(u, l, avail))
			*l = below;
	}
	if (l->map_h < 1)
		l->map_h = 1;
}

/* ---- drawing the map screen ---- */

/* The top line: floor, day and clock on the left; user, role and the
 * inspection coverage on the right.  When it is tight the floor's name
 * gives way first. */
static void
draw_header(struct ui *u)
{
	struct buf when = { 0 }, right = { 0 }, left = { 0 };
	time_t now = clock_now();
	struct tm tm;
	int rw, namew;

	localtime_r(&now, &tm);
	buf_printf(&when, "%s %02d:%02d", u->day, tm.tm_hour, tm.tm_min);
	buf_printf(&right, "%s (%s)", u->a->login, _(urole_name(u->a->role)));
	if (u->map_ok && u->map.brk_away + u->map.brk_queued > 0)
		buf_printf(&right, _("%saway %d, over %d, queued %d"), words_sep(u),
		    u->map.brk_away, u->map.brk_over, u->map.brk_queued);
	if (u->map_ok)
		buf_printf(&right, "%s%s %d/%d ", words_sep(u), _("inspected"),
		    u->map.inspected, u->map.occupied);
	rw = text_width(right.s);
	namew = COLS - rw - text_width(when.s) - text_width(words_sep(u)) - 3;
	buf_puts(&left, " ");
	if (namew >= 6) {
		text_fit(&left, words_floor(u), namew < text_width(words_floor(u)) ?
		    namew : text_width(words_floor(u)), false, u->ascii);
		buf_puts(&left, words_sep(u));
	}
	buf_puts(&left, when.s);
	/* Two fields side by side, not one over the other: drawn again,
	 * each writes only what changed in it (a count, the minute). */
	if (rw < COLS - text_width(left.s) - 1) {
		draw_text(0, 0, COLS - rw, ROLE_HEADER, left.s, u->ascii);
		draw_right(0, COLS - rw, rw, ROLE_HEADER, right.s, u->ascii);
	} else
		draw_text(0, 0, COLS, ROLE_HEADER, left.s, u->ascii);
	if (u->readonly)
		draw_text(1, 0, COLS, ROLE_BANNER, _(" READ-ONLY: this database "
		    "cannot be written from here; marks are refused."), u->ascii);
	buf_free(&when);
	buf_free(&right);
	buf_free(&left);
}

static void
draw_message(struct ui *u)
{
	const char *p = u->msg;
	int i;

	/* A line prompt takes the message lines: no half of a wrapped
	 * message stays above it. */
	if (u->prompt.kind == PROMPT_LINE || u->prompt.kind == PROMPT_CONFIRM)
		p = "";
	for (i = 0; i < u->lay.msg_h; i++) {
		size_t len = i + 1 < u->lay.msg_h ? draw_wrap_at(p, COLS - 2) : strlen(p);
		char *line = strndup(p, len);

		draw_text(u->lay.msg_y + i, 0, 1, ROLE_NORMAL, "", u->ascii);
		draw_text(u->lay.msg_y + i, 1, COLS - 1, u->msg_err ? ROLE_MSG_ERR :
		    ROLE_MSG, line, u->ascii);
		free(line);
		p += len;
	}
}

static void
map_draw(struct ui *u)
{
	const struct layout *l = &u->lay;

	draw_header(u);
	if (u->cur < 0)
		draw_text(l->map_y, l->map_x, l->map_w, ROLE_DIM,
		    _("This floor has no seats in its layout."), u->ascii);
	mapview_draw(u);
	mapview_draw_info(u, l->info_y);
	if (l->legend_y >= 0)
		mapview_draw_legend(u, l->legend_y);
	if (l->panel_h > 0)
		panel_draw(u, l->panel_y, l->panel_x, l->panel_h, l->panel_w);
	if (l->feed_h >= 3)
		feed_draw(u, l->feed_y, l->feed_x, l->feed_h, l->feed_w);
	draw_message(u);
	keymap_draw_bar(u, l->status_y);
}

static void
draw_too_small(struct ui *u)
{
	char line[128];

	snprintf(line, sizeof line, _("Terminal too small (%dx%d): callfloor "
	    "needs %dx%d. q quits."), COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
	draw_text(LINES / 2, 0, COLS, ROLE_MSG_ERR, line, u->ascii);
}


/* ---- what changed since the last frame ---- */

void
ui_touch(struct ui *u, unsigned parts)
{
	u->redraw.parts |= parts;
}

void
ui_touch_seat(struct ui *u, int seat)
{
	struct redraw *r = &u->redraw;

	if (seat < 0 || seat >= u->f->nseats)
		return;
	if (r->seat_on == NULL) {
		r->seat_on = xcalloc((size_t)u->f->nseats + 1, 1);
		r->seats = xcalloc((size_t)u->f->nseats + 1, sizeof *r->seats);
	}
	r->parts |= PART_CELLS;
	if (r->seat_on[seat])
		return;
	r->seat_on[seat] = 1;
	r->seats[r->nseats++] = seat;
}

void
ui_touch_group(struct ui *u, int group)
{
	struct redraw *r = &u->redraw;

	if (group < 0 || group >= u->f->ngroups)
		return;
	if (r->group_on == NULL)
		r->group_on = xcalloc((size_t)u->f->ngroups + 1, 1);
	r->group_on[group] = 1;
	r->parts |= PART_PANEL;
}

/* Per group: its panel line changed (none may have). */
static const unsigned char *
groups_touched(struct ui *u)
{
	if (u->redraw.group_on == NULL)
		u->redraw.group_on = xcalloc((size_t)u->f->ngroups + 1, 1);
	return u->redraw.group_on;
}

static void
redraw_done(struct ui *u)
{
	struct redraw *r = &u->redraw;
	int i;

	for (i = 0; i < r->nseats; i++)
		r->seat_on[r->seats[i]] = 0;
	r->nseats = 0;
	if (r->group_on)
		memset(r->group_on, 0, (size_t)u->f->ngroups + 1);
	r->parts = 0;
	u->dirty = false;
	feed_drawn(u);
}

void
frame_free(struct ui *u)
{
	feed_release(u);
	free(u->redraw.seats);
	free(u->redraw.seat_on);
	free(u->redraw.group_on);
	memset(&u->redraw, 0, sizeof u->redraw);
}

/* ---- whole frames and partial ones ---- */

static bool
layout_same(const struct layout *a, const struct layout *b)
{
	return a->small == b->small && a->top == b->top && a->map_y == b->map_y &&
	    a->map_x == b->map_x && a->map_h == b->map_h && a->map_w == b->map_w &&
	    a->label_y == b->label_y && a->info_y == b->info_y &&
	    a->info_w == b->info_w && a->legend_y == b->legend_y &&
	    a->panel_y == b->panel_y && a->panel_x == b->panel_x &&
	    a->panel_h == b->panel_h && a->panel_w == b->panel_w &&
	    a->beside == b->beside && a->feed_y == b->feed_y &&
	    a->feed_x == b->feed_x && a->feed_h == b->feed_h &&
	    a->feed_w == b->feed_w && a->msg_y == b->msg_y &&
	    a->msg_h == b->msg_h && a->status_y == b->status_y &&
	    a->cellw == b->cellw && a->gap == b->gap && a->aislew == b->aislew;
}

/* What a partial frame must find as it was to draw over this one. */
static void
remember(struct ui *u)
{
	struct drawn *d = &u->drawn;

	d->valid = !u->lay.small && u->screen == SCR_MAP &&
	    u->prompt.kind == PROMPT_NONE;
	d->lay = u->lay;
	d->view_row = u->view_row;
	d->view_x = u->view_x;
	d->cur = u->cur;
	d->overview = u->overview;
	d->map_ok = u->map_ok;
	d->attendance = u->map_ok && u->map.attendance;
	d->panel_month = u->panel.month;
	d->panel_hidden = u->panel.hidden;
	d->legend = mapview_legend_key(u);
}

static void
frame_whole(struct ui *u)
{
	feed_release(u);
	erase();
	draw_forget();
	layout_compute(u);
	if (u->lay.small)
		draw_too_small(u);
	else {
		if (u->screen == SCR_MAP)
			map_draw(u);
		else
			pager_draw(u);
		prompt_draw(u);
	}
	curs_set(u->prompt.kind != PROMPT_NONE && !u->lay.small ? 1 : 0);
	remember(u);
}

/* Draws only what changed over the last frame; false (nothing drawn)
 * when that frame cannot be drawn over: another screen, a prompt, another
 * layout, a view that scrolls, cells that show more or less. */
static bool
frame_some(struct ui *u)
{
	const struct drawn *d = &u->drawn;
	const struct layout *l = &u->lay;
	unsigned parts = u->redraw.parts;
	int i;

	if (!d->valid || u->screen != SCR_MAP || u->prompt.kind != PROMPT_NONE)
		return false;
	layout_compute(u);
	if (!layout_same(&u->lay, &d->lay) || u->overview != d->overview ||
	    u->map_ok != d->map_ok || (u->map_ok && u->map.attendance) !=
	    d->attendance || u->panel.month != d->panel_month ||
	    u->panel.hidden != d->panel_hidden || mapview_follow(u))
		return false;
	if (u->cur != d->cur) {
		ui_touch_seat(u, d->cur);
		ui_touch_seat(u, u->cur);
		parts |= PART_INFO;
	}
	if (parts & PART_HEADER)
		draw_header(u);
	for (i = 0; i < u->redraw.nseats; i++) {
		mapview_draw_seat(u, u->redraw.seats[i]);
		if (u->redraw.seats[i] == u->cur)
			parts |= PART_INFO;
	}
	if (parts & PART_INFO)
		mapview_draw_info(u, l->info_y);
	if (l->legend_y >= 0 && mapview_legend_key(u) != d->legend) {
		draw_fill(l->legend_y, l->map_x, l->info_w, ROLE_NORMAL);
		mapview_draw_legend(u, l->legend_y);
	}
	if (l->panel_h > 0 && ((parts & (PART_PANEL | PART_PANEL_ALL)) ||
	    (u->cur != d->cur && mapview_cursor_group(u) != u->panel.drawn_sel)))
		panel_draw_some(u, l->panel_y, l->panel_x, l->panel_h, l->panel_w,
		    parts & PART_PANEL_ALL ? NULL : groups_touched(u),
		    (parts & PART_PANEL) != 0);
	if (l->feed_h >= 3 && (parts & PART_FEED))
		feed_draw_edits(u, l->feed_y, l->feed_x, l->feed_h, l->feed_w);
	if (parts & PART_MSG)
		draw_message(u);
	remember(u);
	return true;
}

void
frame_draw(struct ui *u)
{
	if (!u->dirty && u->redraw.parts == 0)
		return;
	if (!u->dirty && frame_some(u))
		u->drawn.partials++;
	else {
		frame_whole(u);
		u->drawn.wholes++;
	}
	redraw_done(u);
	refresh();
}
