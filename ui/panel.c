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
#include "theme.h"
#include "words.h"

void
panel_free(struct ui *u)
{
	free(u->panel.own);
	free(u->panel.co);
	u->panel.own = u->panel.co = NULL;
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
	if (ledger_fines(u->f, u->s, p->from, p->to, NULL, &rows, &n, e) < 0)
		return -1;
	panel_free(u);
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

/* Wide: a line a group.  Narrow (beside the map): three lines a group. */
static bool
wide(int w)
{
	return w >= 64;
}

int
panel_lines(const struct ui *u, int w)
{
	return 2 + u->f->ngroups * (wide(w) ? 1 : 3);
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

/* Name column width in a wide panel. */
static int
name_width(int w)
{
	int nw = w - 3 - 2 * 12 - 2 * 13;

	return nw > 24 ? 24 : nw;
}

static void
wide_header(const struct ui *u, struct buf *line, int w)
{
	const char *title = u->panel.month ? _("Fines this month") :
	    _("Fines today");

	text_fit(line, title, 3 + name_width(w), false, u->ascii);
	text_fit(line, _("own"), 12, true, u->ascii);
	text_fit(line, _("co"), 12, true, u->ascii);
	buf_puts(line, "  ");
	text_fit(line, _("director"), 12, false, u->ascii);
	buf_puts(line, " ");
	text_fit(line, _("deputy"), 12, false, u->ascii);
}

static void
wide_row(const struct ui *u, int g, struct buf *line, int w)
{
	const struct group *gr = &u->f->groups[g];

	text_fit(line, gr->id, 3, false, u->ascii);
	/* The id is in the first column already. */
	text_fit(line, words_showable(u, gr->name) ? gr->name : "",
	    name_width(w), false, u->ascii);
	money_cell(u, line, u->panel.own[g], 12);
	money_cell(u, line, u->panel.co[g], 12);
	buf_puts(line, "  ");
	text_fit(line, holder(u, gr->director), 12, false, u->ascii);
	buf_puts(line, " ");
	text_fit(line, holder(u, gr->deputy), 12, false, u->ascii);
}

static void
draw_wide(struct ui *u, int y, int x, int h, int w)
{
	struct buf line = { 0 };
	int g;

	wide_header(u, &line, w);
	draw_text(y, x, w, ROLE_TITLE, line.s, u->ascii);
	buf_free(&line);
	for (g = 0; g < u->f->ngroups && g + 1 < h - 1; g++) {
		struct buf row = { 0 };

		wide_row(u, g, &row, w);
		draw_text(y + 1 + g, x, w, u->panel.own[g] + u->panel.co[g] ?
		    ROLE_NORMAL : ROLE_DIM, row.s, u->ascii);
		buf_free(&row);
	}
	text_fit(&line, "", 3, false, u->ascii);
	text_fit(&line, _("floor"), name_width(w), false, u->ascii);
	money_cell(u, &line, u->panel.own_total, 12);
	money_cell(u, &line, u->panel.co_total, 12);
	draw_text(y + 1 + g, x, w, ROLE_TITLE, line.s, u->ascii);
	buf_free(&line);
}

static void
draw_narrow(struct ui *u, int y, int x, int h, int w)
{
	int g, i = 0;

	draw_text(y + i++, x, w, ROLE_TITLE, u->panel.month ?
	    _("Fines this month: own / co") : _("Fines today: own / co"), u->ascii);
	for (g = 0; g < u->f->ngroups && i + 3 <= h - 1; g++) {
		const struct group *gr = &u->f->groups[g];
		struct buf l1 = { 0 }, l2 = { 0 }, l3 = { 0 };

		buf_printf(&l1, "%s %s", gr->id, words_group(u, g));
		buf_puts(&l2, "  ");
		words_money(u, u->panel.own[g], &l2);
		buf_puts(&l2, " / ");
		words_money(u, u->panel.co[g], &l2);
		buf_printf(&l3, "  %s %s%s%s %s", _("dir"), holder(u, gr->director),
		    words_sep(u), _("dep"), holder(u, gr->deputy));
		draw_text(y + i++, x, w, ROLE_NORMAL, l1.s, u->ascii);
		draw_text(y + i++, x, w, u->panel.own[g] + u->panel.co[g] ?
		    ROLE_NORMAL : ROLE_DIM, l2.s, u->ascii);
		draw_text(y + i++, x, w, ROLE_DIM, l3.s, u->ascii);
		buf_free(&l1);
		buf_free(&l2);
		buf_free(&l3);
	}
	{
		struct buf t = { 0 };

		buf_printf(&t, "%s ", _("floor"));
		words_money(u, u->panel.own_total, &t);
		buf_puts(&t, " / ");
		words_money(u, u->panel.co_total, &t);
		draw_text(y + i, x, w, ROLE_TITLE, t.s, u->ascii);
		buf_free(&t);
	}
}

void
panel_draw(struct ui *u, int y, int x, int h, int w)
{
	if (h < 2 || w < 20)
		return;
	if (!u->panel.loaded) {
		draw_text(y, x, w, ROLE_DIM, _("(fines not loaded)"), u->ascii);
		return;
	}
	if (wide(w))
		draw_wide(u, y, x, h, w);
	else
		draw_narrow(u, y, x, h, w);
}
