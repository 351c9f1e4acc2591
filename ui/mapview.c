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

#include "../src/text.h"
#include "draw.h"
#include "theme.h"
#include "words.h"

static bool *aisle_col;		/* a layout column with no seat in any row */
static bool *aisle_row;

void
mapview_init(struct ui *u)
{
	const struct floor *f = u->f;
	int r, c, n = 0;

	aisle_col = xcalloc((size_t)f->ncols + 1, sizeof *aisle_col);
	aisle_row = xcalloc((size_t)f->nrows + 1, sizeof *aisle_row);
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
			u->order[n++] = seat;
		}
	}
	u->norder = n;
	u->cur = n > 0 ? u->order[0] : -1;
}

void
mapview_free(void)
{
	free(aisle_col);
	free(aisle_row);
	aisle_col = aisle_row = NULL;
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
mapview_height(const struct ui *u)
{
	return u->f->nrows;
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
	int r, c, last = u->f->ncols - 1;

	if (u->cur < 0)
		return;
	r = u->f->seats[u->cur].row;
	c = u->f->seats[u->cur].col;
	if (c < u->view_x)
		u->view_x = c;
	while (u->view_x < c && span_width(u, u->view_x, c) > l->map_w)
		u->view_x++;
	while (u->view_x > 0 && span_width(u, u->view_x - 1, last) <= l->map_w)
		u->view_x--;
	if (r < u->view_row)
		u->view_row = r;
	if (r >= u->view_row + l->map_h)
		u->view_row = r - l->map_h + 1;
	while (u->view_row > 0 && u->f->nrows - (u->view_row - 1) <= l->map_h)
		u->view_row--;
}

static void
draw_cell(struct ui *u, int y, int x, int seat)
{
	struct buf cell = { 0 };
	enum seat_state st = u->map_ok ? u->map.seats[seat].state :
	    (u->f->seats[seat].staff >= 0 ? SEAT_PENDING : SEAT_EMPTY);
	attr_t a = theme_attr(theme_seat(st));

	if (seat == u->cur)
		a |= theme_attr(ROLE_CURSOR) | A_BOLD;
	if (u->overview)
		buf_puts(&cell, seat_glyph(st, u->ascii));
	else if (u->map_ok)
		seatmap_cell(u->f, &u->map, seat, u->lay.cellw, u->ascii, &cell);
	else
		buf_puts(&cell, u->f->seats[seat].id);
	draw_text_attr(y, x, u->lay.cellw, a, cell.s, u->ascii);
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

void
mapview_draw(struct ui *u)
{
	const struct layout *l = &u->lay;
	int i, c, x;

	follow_cursor(u);
	for (i = 0; i < l->map_h; i++) {
		int r = u->view_row + i;
		bool more = false;

		if (r >= u->f->nrows)
			break;
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
	}
	draw_text(y, u->lay.map_x, u->lay.info_w, ROLE_NORMAL, line.s, u->ascii);
	buf_free(&line);
}

void
mapview_draw_legend(struct ui *u, int y)
{
	int st, x = u->lay.map_x, end = u->lay.map_x + u->lay.info_w;

	/* Whole entries only: a cut legend explains nothing. */
	for (st = 0; st < SEAT_NSTATES; st++) {
		const char *g = seat_glyph((enum seat_state)st, u->ascii);
		const char *name = _(seat_state_name((enum seat_state)st));

		if (x + text_width(g) + 1 + text_width(name) > end)
			break;
		x = draw_run(y, x, end, theme_seat((enum seat_state)st), g,
		    u->ascii);
		x = draw_run(y, x + 1, end, ROLE_DIM, name, u->ascii) + 3;
	}
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
	int i;

	for (i = 0; i < u->norder; i++)
		if (u->order[i] == seat)
			return i;
	return 0;
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
	u->dirty = true;
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
	return who >= 0 && (has_nocase(u->f->staff[who].id, text) ||
	    has_nocase(u->f->staff[who].name, text));
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
