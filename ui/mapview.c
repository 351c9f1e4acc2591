/*
 * mapview.c - draws the seat map and moves the cursor over it.  Cells are
 * seatmap_cell()'s text (glyph, seat id, name fitted in columns) in the
 * seat state's colour role.  It reads the loaded seat map; it never
 * touches the store and never writes.
 */
#include "mapview.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/pinyin.h"
#include "../src/text.h"
#include "draw.h"
#include "theme.h"
#include "viewport.h"
#include "words.h"

static bool *aisle_col;		/* a layout column with no seat in any row */
static bool *aisle_row;
static int *col_x;		/* per layout column: its screen column in the
				   last mapview_draw, -1 when not shown */
static int *order_at;		/* per seat: its place in u->order */
static int need_w;		/* the widest cell text: glyph, letters, id, name */
static int most_w;		/* as wide as 17 cells in 20 need */
static int seat_cols, aisle_cols;	/* layout columns of each kind */

/* Columns a seat cell needs to show its id and name whole. */
static int
cell_need(const struct ui *u, int seat)
{
	const struct seat *st = &u->f->seats[seat];
	/* glyph, attendance letter and threshold mark, a space */
	int w = 4 + text_width(st->id);

	if (st->staff >= 0) {
		const char *name = u->f->staff[st->staff].name;

		w += 1 + (u->ascii && text_width(name) != (int)strlen(name) ?
		    text_width(u->f->staff[st->staff].id) : text_width(name));
	}
	return w;
}

void
mapview_init(struct ui *u)
{
	const struct floor *f = u->f;
	int r, c, n = 0;

	aisle_col = xcalloc((size_t)f->ncols + 1, sizeof *aisle_col);
	aisle_row = xcalloc((size_t)f->nrows + 1, sizeof *aisle_row);
	col_x = xcalloc((size_t)f->ncols + 1, sizeof *col_x);
	order_at = xcalloc((size_t)f->nseats + 1, sizeof *order_at);
	u->order = xcalloc((size_t)f->nseats + 1, sizeof *u->order);
	for (c = 0; c < f->ncols; c++)
		aisle_col[c] = true;
	for (r = 0; r < f->nrows; r++) {
		aisle_row[r] = true;
		for (c = 0; c < f->ncols; c++) {
			int seat = f->cells[r * f->ncols + c];

			if (seat < 0)
				continue;
			aisle_row[r] = aisle_col[c] = false;
			order_at[seat] = n;
			u->order[n++] = seat;
		}
	}
	{
		int *w = xcalloc((size_t)n + 1, sizeof *w), i, j;

		/* A few long names (Latin ones) must not make every cell wide. */
		for (i = 0; i < n; i++) {
			int v = cell_need(u, u->order[i]);

			for (j = i; j > 0 && w[j - 1] > v; j--)
				w[j] = w[j - 1];
			w[j] = v;
		}
		need_w = n > 0 ? w[n - 1] : 0;
		most_w = n > 0 ? w[(n * 17) / 20 < n ? (n * 17) / 20 : n - 1] : 0;
		free(w);
	}
	seat_cols = aisle_cols = 0;
	for (c = 0; c < f->ncols; c++)
		aisle_col[c] ? aisle_cols++ : seat_cols++;
	/* A cell wider than this would show too few seats to be useful. */
	if (need_w > 28)
		need_w = 28;
	u->norder = n;
	u->cur = n > 0 ? u->order[0] : -1;
}

void
mapview_free(void)
{
	free(aisle_col);
	free(aisle_row);
	free(col_x);
	free(order_at);
	aisle_col = aisle_row = NULL;
	col_x = order_at = NULL;
	need_w = 0;
}

static int
cell_at(const struct ui *u, int r, int c)
{
	if (r < 0 || r >= u->f->nrows || c < 0 || c >= u->f->ncols)
		return -1;
	return u->f->cells[r * u->f->ncols + c];
}

static int
col_width(const struct ui *u, int c, int cellw)
{
	return (aisle_col[c] ? u->lay.aislew : cellw) + u->lay.gap;
}

int
mapview_width(const struct ui *u, int cellw)
{
	int c, w = 0;

	for (c = 0; c < u->f->ncols; c++)
		w += col_width(u, c, cellw);
	return w > 0 ? w - u->lay.gap : 0;
}

int
mapview_cellw(const struct ui *u, int avail)
{
	int extra = aisle_cols * (u->lay.aislew + u->lay.gap), cw;

	/* Names whole when the whole map fits so; else the whole map with
	 * cells cut no narrower than 14 columns; else a viewport on cells
	 * that show most names whole, at least four seats across. */
	for (cw = need_w; cw >= 14 || cw == need_w; cw--)
		if (seat_cols * (cw + u->lay.gap) - u->lay.gap + extra <= avail)
			return cw;
	return viewport_cellw(most_w, avail, seat_cols, extra, u->lay.gap, 4, 12);
}

bool
mapview_whole(const struct ui *u)
{
	return u->lay.map_h >= u->f->nrows &&
	    mapview_width(u, u->lay.cellw) <= u->lay.map_w;
}

/* Columns taken by layout columns from..to inclusive. */
static int
span_width(const struct ui *u, int from, int to)
{
	int c, w = 0;

	for (c = from; c <= to; c++)
		w += col_width(u, c, u->lay.cellw);
	return w - u->lay.gap;
}

/* Scrolls so that the cursor is in view, using all the room there is. */
static void
follow_cursor(struct ui *u)
{
	const struct layout *l = &u->lay;
	int c, last = u->f->ncols - 1;

	if (u->cur < 0)
		return;
	c = u->f->seats[u->cur].col;
	if (u->view_x > last)
		u->view_x = 0;
	if (c < u->view_x)
		u->view_x = c;
	while (u->view_x < c && span_width(u, u->view_x, c) > l->map_w)
		u->view_x++;
	while (u->view_x > 0 && span_width(u, u->view_x - 1, last) <= l->map_w)
		u->view_x--;
	u->view_row = viewport_follow(u->view_row, u->f->seats[u->cur].row,
	    l->map_h, u->f->nrows);
}

/* The last layout column shown whole from view_x. */
static int
last_shown_col(const struct ui *u)
{
	int c, x = 0;

	for (c = u->view_x; c < u->f->ncols; c++) {
		x += aisle_col[c] ? u->lay.aislew : u->lay.cellw;
		if (x > u->lay.map_w)
			return c - 1;
		x += u->lay.gap;
	}
	return u->f->ncols - 1;
}

static void
draw_cell(struct ui *u, int y, int x, int seat)
{
	struct buf cell = { 0 };
	enum seat_state st = u->map_ok ? u->map.seats[seat].state :
	    (u->f->seats[seat].staff >= 0 ? SEAT_PENDING : SEAT_EMPTY);
	attr_t a = theme_attr(u->map_ok ? theme_seat_view(&u->map.seats[seat]) :
	    theme_seat(st));

	if (seat == u->cur)
		a |= theme_attr(ROLE_CURSOR) | A_BOLD;
	if (u->overview)
		buf_puts(&cell, seat_glyph(st, u->ascii));
	else if (u->map_ok)
		seatmap_cell(u->f, &u->map, seat, u->lay.cellw, u->ascii, &cell);
	else
		buf_puts(&cell, u->f->seats[seat].id);
	draw_text_attr(y, x, u->lay.cellw, a, cell.s, u->ascii);
	/* The attendance letter underlined: "!A A05" must not read as part
	 * of the seat id. */
	if (!u->overview && u->map_ok && u->map.attendance &&
	    u->f->seats[seat].staff >= 0 && u->lay.cellw > 2) {
		char letter[2] = { att_status_letter(u->map.seats[seat].att), 0 };

		draw_text_attr(y, x + text_width(seat_glyph(st, u->ascii)), 1,
		    a | A_UNDERLINE, letter, u->ascii);
	}
	buf_free(&cell);
}

/* Arrows at the edges where the map goes on beyond the screen. */
static void
draw_edges(struct ui *u, int y, bool left, bool right)
{
	const struct layout *l = &u->lay;

	if (left)
		draw_text(y, l->map_x - 1, 1, ROLE_DIM, u->ascii ? "<" :
		    "\xe2\x80\xb9", u->ascii);
	if (right)
		draw_text(y, l->map_x + l->map_w, 1, ROLE_DIM, u->ascii ? ">" :
		    "\xe2\x80\xba", u->ascii);
}

static int
seat_group_of(const struct ui *u, int seat)
{
	int who = seat >= 0 ? u->f->seats[seat].staff : -1;

	return who >= 0 ? u->f->staff[who].group : -1;
}

/* Overview: each group's id over the first column of its block, on the
 * label line above the map and on the aisle rows between blocks. */
static void
draw_labels(struct ui *u, int y, int r)
{
	const struct layout *l = &u->lay;
	int c, x = l->map_x, g, prev = -1;

	for (c = u->view_x; c <= last_shown_col(u); c++) {
		int seat = cell_at(u, r, c);

		g = seat_group_of(u, seat);
		if (aisle_col[c])
			prev = -1;
		else if (g >= 0 && g != prev) {
			draw_run(y, x, l->map_x + l->map_w, ROLE_TITLE,
			    u->f->groups[g].id, u->ascii);
			prev = g;
		}
		x += col_width(u, c, l->cellw);
	}
}

/* Where each layout column goes from view_x, as far as they fit. */
static void
lay_columns(struct ui *u)
{
	const struct layout *l = &u->lay;
	int c, x = l->map_x;
	bool fits = true;

	for (c = 0; c < u->f->ncols; c++)
		col_x[c] = -1;
	for (c = u->view_x; c < u->f->ncols && fits; c++) {
		fits = x + (aisle_col[c] ? l->aislew : l->cellw) <= l->map_x + l->map_w;
		if (fits)
			col_x[c] = x;
		x += col_width(u, c, l->cellw);
	}
}

bool
mapview_follow(struct ui *u)
{
	int row = u->view_row, x = u->view_x;

	follow_cursor(u);
	return row != u->view_row || x != u->view_x;
}

bool
mapview_draw_seat(struct ui *u, int seat)
{
	const struct layout *l = &u->lay;
	int r, x;

	if (seat < 0 || seat >= u->f->nseats)
		return false;
	r = u->f->seats[seat].row - u->view_row;
	x = col_x[u->f->seats[seat].col];
	if (r < 0 || r >= l->map_h || x < 0)
		return false;
	draw_cell(u, l->map_y + r, x, seat);
	return true;
}

void
mapview_draw(struct ui *u)
{
	const struct layout *l = &u->lay;
	int i, c, x;

	follow_cursor(u);
	lay_columns(u);
	if (l->label_y >= 0)
		draw_labels(u, l->label_y, u->view_row);
	for (i = 0; i < l->map_h; i++) {
		int r = u->view_row + i;
		bool more = false;

		if (r >= u->f->nrows)
			break;
		if (u->overview && aisle_row[r] && r + 1 < u->f->nrows) {
			draw_labels(u, l->map_y + i, r + 1);
			continue;
		}
		x = l->map_x;
		for (c = u->view_x; c < u->f->ncols; c++) {
			int seat = cell_at(u, r, c);

			if (x + (aisle_col[c] ? l->aislew : l->cellw) > l->map_x + l->map_w) {
				more = true;
				break;
			}
			if (seat >= 0)
				draw_cell(u, l->map_y + i, x, seat);
			x += col_width(u, c, l->cellw);
		}
		if (!aisle_row[r])
			draw_edges(u, l->map_y + i, u->view_x > 0, more);
	}
	/* More rows above or below: marks at the right edge. */
	if (u->view_row > 0)
		draw_text(l->map_y, l->map_x + l->map_w, 1, ROLE_TITLE,
		    u->ascii ? "^" : "\xcb\x84", u->ascii);
	if (u->view_row + l->map_h < u->f->nrows)
		draw_text(l->map_y + l->map_h - 1, l->map_x + l->map_w, 1,
		    ROLE_TITLE, u->ascii ? "v" : "\xcb\x85", u->ascii);
}

int
mapview_cursor_y(const struct ui *u)
{
	int r;

	if (u->cur < 0)
		return -1;
	r = u->f->seats[u->cur].row - u->view_row;
	return r >= 0 && r < u->lay.map_h ? u->lay.map_y + r : -1;
}

void
mapview_where(const struct ui *u, struct buf *out)
{
	char rows[32], cols[32];
	int shown = last_shown_col(u) - u->view_x + 1;

	if (u->view_row == 0 && u->lay.map_h >= u->f->nrows && u->view_x == 0 &&
	    shown >= u->f->ncols)
		return;
	viewport_range(u->view_row, u->lay.map_h, u->f->nrows, rows, sizeof rows);
	viewport_range(u->view_x, shown, u->f->ncols, cols, sizeof cols);
	buf_printf(out, _("rows %s cols %s"), rows, cols);
}

void
mapview_draw_info(struct ui *u, int y)
{
	struct buf line = { 0 };
	int seat = u->cur, who;
	const struct seat_view *v;

	if (seat < 0)
		return;
	who = u->f->seats[seat].staff;
	v = u->map_ok ? &u->map.seats[seat] : NULL;
	buf_printf(&line, "%s %s", v ? seat_glyph(v->state, u->ascii) : " ",
	    u->f->seats[seat].id);
	if (who < 0)
		buf_printf(&line, "%s%s", words_sep(u), _("empty seat"));
	else {
		const struct staff *st = &u->f->staff[who];

		buf_printf(&line, "%s%s", words_sep(u), words_staff(u, who));
		if (words_showable(u, st->name))
			buf_printf(&line, " %s", st->id);
		buf_printf(&line, "%s%s", words_sep(u), words_group(u, st->group));
	}
	if (v && who >= 0) {
		buf_printf(&line, "%s%s", words_sep(u), _(seat_state_name(v->state)));
		if (v->att != ATT_UNTRACKED)
			buf_printf(&line, "%s%s%s", words_sep(u),
			    _(att_status_name(v->att)), v->att_threshold ?
			    _(" (threshold crossed today)") : "");
		if (v->incidents > 0)
			buf_printf(&line, _(": %d today, the worst %s"),
			    v->incidents, v->worst);
		if (v->brk == SEAT_BRK_AWAY || v->brk == SEAT_BRK_OVER)
			buf_printf(&line, _("%s%s %s %d min (limit %d)"), words_sep(u),
			    _(seat_brk_name(v->brk)), v->brk_reason, v->brk_minutes,
			    v->brk_limit);
		else if (v->brk != SEAT_BRK_NONE)
			buf_printf(&line, _("%s%s for %s, place %d"), words_sep(u),
			    _(seat_brk_name(v->brk)), v->brk_reason, v->brk_place);
	}
	{
		struct buf where = { 0 };
		int ww;

		buf_add(&where, "", 0);
		mapview_where(u, &where);
		ww = where.len ? text_width(where.s) + 2 : 0;
		if (ww > u->lay.info_w / 2)
			ww = 0;
		draw_text(y, u->lay.map_x, u->lay.info_w - ww, ROLE_NORMAL, line.s,
		    u->ascii);
		if (ww)
			draw_right(y, u->lay.map_x + u->lay.info_w - ww, ww, ROLE_DIM,
			    where.s, u->ascii);
		buf_free(&where);
	}
	buf_free(&line);
}

/* One legend entry, whole or not at all; returns the next column. */
static int
legend_entry(struct ui *u, int y, int x, int end, int role, const char *g,
    const char *name)
{
	if (x + text_width(g) + 1 + text_width(name) > end)
		return -1;
	x = draw_run(y, x, end, role, g, u->ascii);
	return draw_run(y, x + 1, end, ROLE_DIM, name, u->ascii) + 2;
}

/* The break tags, when anyone is away or queued. */
static int
brk_legend(struct ui *u, int y, int x, int end)
{
	int i;

	x = legend_entry(u, y, x, end, ROLE_BRK_AWAY, "W12", _("away 12 min"));
	if (x >= 0)
		x = legend_entry(u, y, x, end, ROLE_BRK_OVER, u->ascii ? "!!W12" :
		    "\xe2\x80\xbcW12", _("over the limit"));
	if (x >= 0)
		x = legend_entry(u, y, x, end, ROLE_BRK_QUEUED, "Q2",
		    _("queued, place 2"));
	if (x >= 0)
		x = legend_entry(u, y, x, end, ROLE_BRK_QUEUED, "N",
		    _("next: B starts"));
	for (i = 0; i < u->f->nbreaks && x >= 0; i++) {
		const struct break_reason *b = &u->f->breaks[i];
		char letter[2] = { b->code[0], 0 };

		x = legend_entry(u, y, x, end, ROLE_TITLE, letter, u->ascii ||
		    !b->title_zh[0] ? b->title : b->title_zh);
	}
	return x;
}

void
mapview_draw_legend(struct ui *u, int y)
{
	bool state_on[SEAT_NSTATES] = { 0 }, att_on[ATT_EXPLAINED + 1] = { 0 };
	int st, pass, x = u->lay.map_x, end = u->lay.map_x + u->lay.info_w;

	/* What is on the map first; the rest as room allows. */
	for (st = 0; u->map_ok && st < SEAT_NSTATES; st++)
		state_on[st] = u->map.nstate[st] > 0;
	for (st = 0; u->map_ok && u->map.attendance && st <= ATT_EXPLAINED; st++)
		att_on[st] = u->map.natt[st] > 0;
	for (pass = 0; pass < 2; pass++) {
		for (st = 0; st < SEAT_NSTATES && x >= 0; st++) {
			if (state_on[st] != (pass == 0))
				continue;
			x = legend_entry(u, y, x, end, theme_seat((enum seat_state)st),
			    seat_glyph((enum seat_state)st, u->ascii),
			    _(seat_state_name((enum seat_state)st)));
		}
		for (st = ATT_NOT_YET; u->map_ok && u->map.attendance &&
		    st <= ATT_EXPLAINED && x >= 0; st++) {
			char letter[2] = { att_status_letter((enum att_status)st), 0 };

			if (att_on[st] != (pass == 0))
				continue;
			x = legend_entry(u, y, x, end, ROLE_TITLE, letter,
			    _(att_status_name((enum att_status)st)));
		}
		if (pass == 0 && x >= 0 && u->map_ok && u->map.attendance)
			x = legend_entry(u, y, x, end, ROLE_TITLE, "*",
			    _("attendance threshold crossed today"));
		if (pass == 0 && x >= 0 && u->map_ok &&
		    u->map.brk_away + u->map.brk_queued > 0)
			x = brk_legend(u, y, x, end);
	}
}

unsigned
mapview_legend_key(const struct ui *u)
{
	unsigned key = 0;
	int st;

	if (!u->map_ok)
		return 0;
	for (st = 0; st < SEAT_NSTATES; st++)
		key |= (unsigned)(u->map.nstate[st] > 0) << st;
	for (st = 0; u->map.attendance && st <= ATT_EXPLAINED; st++)
		key |= (unsigned)(u->map.natt[st] > 0) << (8 + st);
	key |= (unsigned)u->map.attendance << 20;
	key |= (unsigned)(u->map.brk_away + u->map.brk_queued > 0) << 21;
	return key;
}

/* ---- moving ---- */

static int
nearest_in_row(const struct ui *u, int r, int c)
{
	int d;

	for (d = 0; d < u->f->ncols; d++) {
		if (cell_at(u, r, c - d) >= 0)
			return cell_at(u, r, c - d);
		if (cell_at(u, r, c + d) >= 0)
			return cell_at(u, r, c + d);
	}
	return -1;
}

static int
step_col(const struct ui *u, int dir)
{
	const struct seat *s = &u->f->seats[u->cur];
	int c;

	for (c = s->col + dir; c >= 0 && c < u->f->ncols; c += dir)
		if (cell_at(u, s->row, c) >= 0)
			return cell_at(u, s->row, c);
	return u->cur;
}

static int
step_row(const struct ui *u, int dir, int rows)
{
	const struct seat *s = &u->f->seats[u->cur];
	int r, best = u->cur;

	for (r = s->row + dir; r >= 0 && r < u->f->nrows && rows > 0; r += dir) {
		int seat = nearest_in_row(u, r, s->col);

		if (seat >= 0) {
			best = seat;
			rows--;
		}
	}
	return best;
}

static int
row_end(const struct ui *u, int dir)
{
	const struct seat *s = &u->f->seats[u->cur];
	int c = dir < 0 ? 0 : u->f->ncols - 1;

	for (; c >= 0 && c < u->f->ncols; c -= dir)
		if (cell_at(u, s->row, c) >= 0)
			return cell_at(u, s->row, c);
	return u->cur;
}

static int
order_index(const struct ui *u, int seat)
{
	return seat >= 0 && seat < u->f->nseats && u->norder > 0 &&
	    u->order[order_at[seat]] == seat ? order_at[seat] : 0;
}

static int
seat_group(const struct ui *u, int seat)
{
	int who = u->f->seats[seat].staff;

	return who >= 0 ? u->f->staff[who].group : -1;
}

/* The group the cursor is in: its agent's, else the one before it. */
static int
cursor_group(const struct ui *u)
{
	int i = order_index(u, u->cur), k;

	for (k = 0; k < u->norder; k++) {
		int g = seat_group(u, u->order[(i - k + u->norder) % u->norder]);

		if (g >= 0)
			return g;
	}
	return -1;
}

int
mapview_cursor_group(const struct ui *u)
{
	return u->cur >= 0 && u->norder > 0 ? cursor_group(u) : -1;
}

static int
group_first_seat(const struct ui *u, int g)
{
	int i;

	for (i = 0; i < u->norder; i++)
		if (seat_group(u, u->order[i]) == g)
			return u->order[i];
	return -1;
}

static int
step_group(const struct ui *u, int dir)
{
	int ng = u->f->ngroups, g = cursor_group(u), k;

	if (ng == 0)
		return u->cur;
	if (g < 0)
		g = dir > 0 ? ng - 1 : 0;
	/* Shift-Tab inside a group goes to its first seat first. */
	if (dir < 0 && group_first_seat(u, g) != u->cur)
		return group_first_seat(u, g);
	for (k = 1; k <= ng; k++) {
		int seat = group_first_seat(u, ((g + dir * k) % ng + ng) % ng);

		if (seat >= 0)
			return seat;
	}
	return u->cur;
}

int
mapview_next_occupied(const struct ui *u, int dir)
{
	int i = order_index(u, u->cur), k;

	for (k = 1; k <= u->norder; k++) {
		int seat = u->order[((i + dir * k) % u->norder + u->norder) %
		    u->norder];

		if (u->f->seats[seat].staff >= 0)
			return seat;
	}
	return -1;
}

int
mapview_next_in_group(const struct ui *u)
{
	int i = order_index(u, u->cur), g = cursor_group(u), k, seat;

	for (k = i + 1; k < u->norder; k++) {
		seat = u->order[k];
		if (u->f->seats[seat].staff >= 0 && seat_group(u, seat) == g)
			return seat;
	}
	/* The group is done: the next group's first occupied seat. */
	for (k = 1; k <= u->f->ngroups; k++) {
		int gg = (g + k) % (u->f->ngroups > 0 ? u->f->ngroups : 1), j;

		for (j = 0; j < u->norder; j++) {
			seat = u->order[j];
			if (u->f->seats[seat].staff >= 0 && seat_group(u, seat) == gg)
				return seat;
		}
	}
	return mapview_next_occupied(u, 1);
}

bool
mapview_move(struct ui *u, enum action act)
{
	int page = u->lay.map_h > 1 ? u->lay.map_h - 1 : 1, to;

	if (u->cur < 0)
		return act >= ACT_LEFT && act <= ACT_NEXT_SEAT;
	switch (act) {
	case ACT_LEFT: to = step_col(u, -1); break;
	case ACT_RIGHT: to = step_col(u, 1); break;
	case ACT_UP: to = step_row(u, -1, 1); break;
	case ACT_DOWN: to = step_row(u, 1, 1); break;
	case ACT_PGUP: to = step_row(u, -1, page); break;
	case ACT_PGDN: to = step_row(u, 1, page); break;
	case ACT_HOME: to = row_end(u, -1); break;
	case ACT_END: to = row_end(u, 1); break;
	case ACT_NEXT_GROUP: to = step_group(u, 1); break;
	case ACT_PREV_GROUP: to = step_group(u, -1); break;
	case ACT_NEXT_SEAT:
		to = mapview_next_occupied(u, 1);
		break;
	default:
		return false;
	}
	if (to >= 0)
		u->cur = to;
	/* The frame finds the cursor moved (and the view, if it scrolls). */
	ui_touch(u, PART_INFO);
	return true;
}

/* ---- finding ---- */

static bool
has_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

static bool
seat_matches(const struct ui *u, int seat, const char *text)
{
	int who = u->f->seats[seat].staff;

	if (has_nocase(u->f->seats[seat].id, text))
		return true;
	/* A Chinese name also by its pinyin: full, initials or mixed. */
	return who >= 0 && (has_nocase(u->f->staff[who].id, text) ||
	    has_nocase(u->f->staff[who].name, text) ||
	    pinyin_match(u->f->staff[who].name, text));
}

int
mapview_find(const struct ui *u, const char *text, int from, int dir,
    bool include_from, int *count)
{
	int i, k, found = -1;

	*count = 0;
	if (text[0] == '\0' || u->norder == 0)
		return -1;
	for (i = 0; i < u->norder; i++)
		*count += seat_matches(u, u->order[i], text);
	i = from >= 0 ? order_index(u, from) : 0;
	for (k = include_from ? 0 : 1; k <= u->norder && found < 0; k++) {
		int seat = u->order[((i + dir * k) % u->norder + u->norder) %
		    u->norder];

		if (seat_matches(u, seat, text))
			found = seat;
	}
	return found;
}
