/*
 * panel.c - sums ledger_fines() rows per group and draws them.  The sums
 * are of fines the engine recorded; nothing here prices anything, and it
 * only reads the store through the ledger.
 */
#include "panel.h"

#include <stdlib.h>
#include <string.h>

#include "../src/ledger.h"
#include "../src/text.h"
#include "draw.h"
#include "mapview.h"
#include "viewport.h"
#include "theme.h"
#include "words.h"

void
panel_free(struct ui *u)
{
	free(u->panel.own);
	free(u->panel.co);
	u->panel.own = u->panel.co = NULL;
	trend_free(&u->panel.trend);
	u->panel.loaded = false;
}

int
panel_load(struct ui *u, struct err *e)
{
	struct panel *p = &u->panel;
	struct ledger_row *rows = NULL;
	int n, i;

	if (p->month)
		clock_window(WINDOW_MONTH, u->day, p->from, p->to);
	else {
		memcpy(p->from, u->day, DAY_LEN);
		memcpy(p->to, u->day, DAY_LEN);
	}
	/* The day's sums are the seat map's (it keeps the day's fines). */
	if (!p->month && u->map_ok) {
		panel_free(u);
		n = u->f->ngroups + 1;
		p->own = xcalloc((size_t)n, sizeof *p->own);
		p->co = xcalloc((size_t)n, sizeof *p->co);
		memcpy(p->own, u->map.grp_own, (size_t)n * sizeof *p->own);
		memcpy(p->co, u->map.grp_co, (size_t)n * sizeof *p->co);
		p->own_total = u->map.own_total;
		p->co_total = u->map.co_total;
		p->loaded = true;
		return 0;
	}
	if (ledger_fines(u->f, u->s, p->from, p->to, NULL, &rows, &n, e) < 0)
		return -1;
	panel_free(u);
	/* The month at a glance: each group's days and its costliest rule. */
	if (p->month && trend_month(u->f, u->s, u->day, &p->trend, e) < 0) {
		free(rows);
		return -1;
	}
	p->own = xcalloc((size_t)u->f->ngroups + 1, sizeof *p->own);
	p->co = xcalloc((size_t)u->f->ngroups + 1, sizeof *p->co);
	p->own_total = p->co_total = 0;
	for (i = 0; i < n; i++) {
		int g = floor_group_find(u->f, rows[i].group);

		p->own_total += rows[i].own;
		p->co_total += rows[i].co;
		if (g < 0)
			continue;
		p->own[g] += rows[i].own;
		p->co[g] += rows[i].co;
	}
	free(rows);
	p->loaded = true;
	return 0;
}

/* Wide: a line a group with directors and deputies; narrow: a line a
 * group, id, name and the two sums. */
static int name_width(const struct ui *u, int w);

/* Month mode: the trend's columns, the sparkline and "  top RULE sum". */
static bool
trending(const struct ui *u)
{
	return u->panel.month && u->panel.trend.ndays > 0;
}

static int id_width(const struct ui *u);

static bool
wide(const struct ui *u, int w)
{
	/* In month mode the name gives way before the sparkline does. */
	if (trending(u))
		return w - id_width(u) - 2 * 12 - 2 >= u->panel.trend.ndays;
	return name_width(u, w) >= 10;
}

int
panel_lines(const struct ui *u, int w)
{
	(void)w;
	return 2 + u->f->ngroups;
}

static const char *
holder(const struct ui *u, int staff)
{
	return staff >= 0 ? words_staff(u, staff) : _("vacant");
}

static void
money_cell(const struct ui *u, struct buf *line, fen_t v, int w)
{
	struct buf m = { 0 };

	words_money(u, v, &m);
	text_fit(line, m.s, w, true, u->ascii);
	buf_free(&m);
}

/* The id column: the widest group id and a space, so "G01 G01组". */
static int
id_width(const struct ui *u)
{
	static const struct floor *of;	/* the floor it was measured on */
	static int w;
	int g;

	if (of == u->f)
		return w;
	for (g = 0, w = 1; g < u->f->ngroups; g++)
		if (text_width(u->f->groups[g].id) > w)
			w = text_width(u->f->groups[g].id);
	w++;
	of = u->f;
	return w;
}

/* Name column width in a wide panel. */
static int
name_width(const struct ui *u, int w)
{
	int tail = trending(u) ? u->panel.trend.ndays + 20 : 12 + 1 + 12;
	int nw = w - id_width(u) - 2 * 12 - 2 - tail;

	if (trending(u) && nw < 0)
		nw = 0;
	return nw > 24 ? 24 : nw;
}

/* What is left of a wide line after the id, name and sums. */
static int
rest_width(const struct ui *u, int w)
{
	int nw = name_width(u, w);

	return w - id_width(u) - (nw > 0 ? nw : 0) - 2 * 12 - 2;
}

static const char *
group_name(const struct ui *u, int g)
{
	const char *n = u->f->groups[g].name;

	/* The id is in its own column: a name equal to it says nothing. */
	return words_showable(u, n) && strcmp(n, u->f->groups[g].id) != 0 ? n : "";
}

/* The title line: which groups are shown when not all are. */
static void
title_line(const struct ui *u, struct buf *line, int first, int shown)
{
	const char *title = u->panel.month ? _("Fines this month") :
	    _("Fines today");

	buf_puts(line, title);
	if (shown < u->f->ngroups) {
		char range[32];

		viewport_range(first, shown, u->f->ngroups, range, sizeof range);
		buf_printf(line, " %s%s%s", u->ascii ? "" : "", range,
		    first > 0 && first + shown < u->f->ngroups ? (u->ascii ?
		    " ^v" : " \xcb\x84\xcb\x85") : first > 0 ? (u->ascii ? " ^" :
		    " \xcb\x84") : (u->ascii ? " v" : " \xcb\x85"));
	}
}

static void
wide_header(const struct ui *u, struct buf *line, int w, int first, int shown)
{
	struct buf t = { 0 };

	title_line(u, &t, first, shown);
	/* The month's sparkline may leave the names little room: then the
	 * title runs across and says which sum is which itself. */
	if (trending(u) && text_width(t.s) > id_width(u) + name_width(u, w)) {
		buf_printf(&t, ": %s / %s, %s", _("own"), _("co"),
		    _("day by day, top rule"));
		text_fit(line, t.s, w, false, u->ascii);
		buf_free(&t);
		return;
	}
	text_fit(line, t.s, id_width(u) + name_width(u, w), false, u->ascii);
	text_fit(line, _("own"), 12, true, u->ascii);
	text_fit(line, _("co"), 12, true, u->ascii);
	buf_puts(line, "  ");
	if (trending(u)) {
		text_fit(line, _("day by day, top rule"), rest_width(u, w), false,
		    u->ascii);
		buf_free(&t);
		return;
	}
	text_fit(line, _("director"), 12, false, u->ascii);
	buf_puts(line, " ");
	text_fit(line, _("deputy"), 12, false, u->ascii);
	buf_free(&t);
}

static void
wide_row(const struct ui *u, int g, struct buf *line, int w)
{
	const struct group *gr = &u->f->groups[g];

	text_fit(line, gr->id, id_width(u), false, u->ascii);
	text_fit(line, group_name(u, g), name_width(u, w), false, u->ascii);
	money_cell(u, line, u->panel.own[g], 12);
	money_cell(u, line, u->panel.co[g], 12);
	buf_puts(line, "  ");
	if (trending(u)) {
		const struct trend *t = &u->panel.trend;
		struct buf tr = { 0 };
		char m[32];

		trend_spark(&t->daily[g * t->ndays], t->ndays, u->ascii, &tr);
		if (t->top[g][0])
			buf_printf(&tr, "  %s %s", t->top[g],
			    fen_format(t->top_amount[g], m, sizeof m));
		text_fit(line, tr.s, rest_width(u, w), false, u->ascii);
		buf_free(&tr);
		return;
	}
	text_fit(line, holder(u, gr->director), 12, false, u->ascii);
	buf_puts(line, " ");
	text_fit(line, holder(u, gr->deputy), 12, false, u->ascii);
}

/* Narrow: "G01 name    own / co", the sums right-aligned. */
static void
narrow_row(const struct ui *u, int g, struct buf *line, int w)
{
	struct buf m = { 0 };
	int mw;

	words_money(u, u->panel.own[g], &m);
	buf_puts(&m, " / ");
	words_money(u, u->panel.co[g], &m);
	mw = text_width(m.s);
	text_fit(line, u->f->groups[g].id, id_width(u), false, u->ascii);
	text_fit(line, group_name(u, g), w - id_width(u) - mw - 1 > 0 ?
	    w - id_width(u) - mw - 1 : 0, false, u->ascii);
	buf_printf(line, " %s", m.s);
	buf_free(&m);
}

/* One group's line, highlighted when it is the cursor's (sel). */
static void
group_line(const struct ui *u, int g, int sel, bool is_wide, int y, int x,
    int w)
{
	struct buf row = { 0 };
	int role = u->panel.own[g] + u->panel.co[g] ? ROLE_NORMAL : ROLE_DIM;

	if (is_wide)
		wide_row(u, g, &row, w);
	else
		narrow_row(u, g, &row, w);
	if (g == sel)
		role = ROLE_SELECT;
	draw_text(y, x, w, role, row.s, u->ascii);
	buf_free(&row);
}

/* The floor's total, the panel's last line. */
static void
total_line(const struct ui *u, bool is_wide, int y, int x, int w)
{
	struct buf line = { 0 };

	if (is_wide) {
		text_fit(&line, "", id_width(u), false, u->ascii);
		text_fit(&line, _("floor"), name_width(u, w), false, u->ascii);
		money_cell(u, &line, u->panel.own_total, 12);
		money_cell(u, &line, u->panel.co_total, 12);
	} else {
		buf_printf(&line, "%s ", _("floor"));
		words_money(u, u->panel.own_total, &line);
		buf_puts(&line, " / ");
		words_money(u, u->panel.co_total, &line);
	}
	draw_text(y, x, w, ROLE_TITLE, line.s, u->ascii);
	buf_free(&line);
}

/* The groups shown: as many as fit between the header and the total. */
static int
groups_shown(const struct ui *u, int h)
{
	int shown = h - 2 < u->f->ngroups ? h - 2 : u->f->ngroups;

	return shown < 0 ? 0 : shown;
}

void
panel_draw(struct ui *u, int y, int x, int h, int w)
{
	struct buf line = { 0 };
	int g, shown, first, sel = mapview_cursor_group(u);
	bool is_wide;

	u->panel.drawn_sel = sel;
	if (h < 1 || w < 20)
		return;
	if (!u->panel.loaded) {
		draw_text(y, x, w, ROLE_DIM, _("(fines not loaded)"), u->ascii);
		return;
	}
	/* A header and the floor's total around the groups; the groups
	 * scroll so that the cursor's group is always among them. */
	shown = groups_shown(u, h);
	first = viewport_follow(u->panel.top, sel, shown, u->f->ngroups);
	u->panel.top = first;
	is_wide = wide(u, w);
	if (is_wide)
		wide_header(u, &line, w, first, shown);
	else {
		title_line(u, &line, first, shown);
		buf_printf(&line, ": %s / %s", _("own"), _("co"));
	}
	draw_text(y, x, w, ROLE_TITLE, line.s, u->ascii);
	buf_free(&line);
	for (g = first; g < first + shown; g++)
		group_line(u, g, sel, is_wide, y + 1 + g - first, x, w);
	if (h >= 2)
		total_line(u, is_wide, y + 1 + shown, x, w);
}

void
panel_draw_some(struct ui *u, int y, int x, int h, int w,
    const unsigned char *groups, bool total)
{
	int g, shown, first, sel = mapview_cursor_group(u), was = u->panel.drawn_sel;
	bool is_wide;

	if (groups == NULL || h < 2 || w < 20 || !u->panel.loaded) {
		panel_draw(u, y, x, h, w);
		return;
	}
	shown = groups_shown(u, h);
	first = viewport_follow(u->panel.top, sel, shown, u->f->ngroups);
	if (first != u->panel.top) {	/* it scrolls: the title says so */
		panel_draw(u, y, x, h, w);
		return;
	}
	is_wide = wide(u, w);
	for (g = first; g < first + shown; g++)
		if (groups[g] || (sel != was && (g == sel || g == was)))
			group_line(u, g, sel, is_wide, y + 1 + g - first, x, w);
	if (total)
		total_line(u, is_wide, y + 1 + shown, x, w);
	u->panel.drawn_sel = sel;
}
