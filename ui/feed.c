/*
 * feed.c - the list of today's incidents with their own fines (as the
 * engine recorded them) and voids.  Reads the newest through store_recent;
 * prices nothing, writes nothing.
 */
#include "feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text.h"
#include "draw.h"
#include "theme.h"
#include "words.h"

void
feed_free(struct ui *u)
{
	int i;

	for (i = 0; i < u->feed.n; i++)
		free(u->feed.lines[i].text);
	free(u->feed.lines);
	free(u->feed.id);
	free(u->feed.at);
	u->feed.lines = NULL;
	u->feed.id = u->feed.at = NULL;
	u->feed.n = 0;
}

static char *
feed_line(const struct ui *u, const struct incident *in, fen_t own)
{
	struct buf line = { 0 }, who = { 0 };
	char when[16], id[24];
	int g;

	words_time(in->at, false, when, sizeof when);
	snprintf(id, sizeof id, "#%lld", (long long)in->id);
	buf_printf(&line, "%s ", when);
	text_fit(&line, id, 6, false, u->ascii);
	text_fit(&line, in->seat, 4, false, u->ascii);
	if (in->staff[0])
		words_person(u, in->staff, &who);
	else if ((g = floor_group_find(u->f, in->grp)) >= 0)
		buf_printf(&who, "%s %s", _("group"), words_group(u, g));
	text_fit(&line, who.s ? who.s : "", 20, false, u->ascii);
	buf_puts(&line, " ");
	text_fit(&line, in->rule, 15, false, u->ascii);
	if (in->staff[0])
		buf_printf(&line, " %s %d", _("offence"), in->offence);
	if (own >= 0) {
		struct buf m = { 0 };

		words_money(u, own, &m);
		text_fit(&line, m.s, 10, true, u->ascii);
		buf_free(&m);
	} else
		text_fit(&line, "", 10, true, u->ascii);
	buf_printf(&line, "  %s %s", _("by"), in->marked_by);
	if (in->voided_at)
		buf_printf(&line, "  %s (%s)", _("VOIDED"), in->void_reason);
	buf_free(&who);
	return line.s;
}

/* More lines than any screen shows: only the newest are read. */
#define FEED_MAX 200

int
feed_load(struct ui *u, struct err *e)
{
	struct recent *r = NULL;
	int n = 0, i;

	if (store_recent(u->s, u->day, FEED_MAX, &r, &n, e) < 0)
		return -1;
	feed_free(u);
	u->feed.edits_lost = true;	/* drawn whole next */
	u->feed.lines = xcalloc(FEED_MAX + 1, sizeof *u->feed.lines);
	u->feed.id = xcalloc(FEED_MAX + 1, sizeof *u->feed.id);
	u->feed.at = xcalloc(FEED_MAX + 1, sizeof *u->feed.at);
	for (i = 0; i < n && i < FEED_MAX; i++) {
		struct pline *pl = &u->feed.lines[u->feed.n];

		pl->text = feed_line(u, &r[i].in, r[i].own);
		pl->role = r[i].in.voided_at ? ROLE_VOID : ROLE_NORMAL;
		u->feed.id[u->feed.n] = r[i].in.id;
		u->feed.at[u->feed.n++] = r[i].in.at;
	}
	free(r);
	return 0;
}

/* Notes an edit of the lines for the next draw. */
static void
edit(struct feed *fd, enum feed_edit_kind kind, int at)
{
	if (fd->nedits == FEED_EDITS_MAX) {
		fd->edits_lost = true;
		return;
	}
	fd->edits[fd->nedits].kind = kind;
	fd->edits[fd->nedits++].at = at;
}

void
feed_apply(struct ui *u, const struct seat_news *news)
{
	struct feed *fd = &u->feed;
	int k, i;

	if (fd->lines == NULL)
		return;
	for (k = 0; k < news->n; k++) {
		const struct incident *in = &news->in[k];

		for (i = 0; i < fd->n && fd->id[i] != in->id; i++)
			;
		if (i < fd->n && fd->at[i] != in->at) {	/* moved: out first */
			free(fd->lines[i].text);
			memmove(&fd->lines[i], &fd->lines[i + 1], (size_t)(fd->n -
			    i - 1) * sizeof *fd->lines);
			memmove(&fd->id[i], &fd->id[i + 1], (size_t)(fd->n - i - 1) *
			    sizeof *fd->id);
			memmove(&fd->at[i], &fd->at[i + 1], (size_t)(fd->n - i - 1) *
			    sizeof *fd->at);
			fd->n--;
			edit(fd, FEED_OUT, i);
			i = fd->n;
		}
		if (i == fd->n) {	/* a new line, in its place */
			for (i = 0; i < fd->n && (fd->at[i] > in->at ||
			    (fd->at[i] == in->at && fd->id[i] > in->id)); i++)
				;
			if (i == FEED_MAX)
				continue;
			if (fd->n == FEED_MAX)
				free(fd->lines[--fd->n].text);
			memmove(&fd->lines[i + 1], &fd->lines[i], (size_t)(fd->n - i) *
			    sizeof *fd->lines);
			memmove(&fd->id[i + 1], &fd->id[i], (size_t)(fd->n - i) *
			    sizeof *fd->id);
			memmove(&fd->at[i + 1], &fd->at[i], (size_t)(fd->n - i) *
			    sizeof *fd->at);
			fd->n++;
			edit(fd, FEED_IN, i);
		} else {
			free(fd->lines[i].text);
			edit(fd, FEED_SET, i);
		}
		fd->lines[i].text = feed_line(u, in, news->own[k]);
		fd->lines[i].role = in->voided_at ? ROLE_VOID : ROLE_NORMAL;
		fd->id[i] = in->id;
		fd->at[i] = in->at;
	}
}

void
feed_drawn(struct ui *u)
{
	u->feed.nedits = 0;
	u->feed.edits_lost = false;
	u->feed.drawn_n = u->feed.n;
}

void
feed_draw(struct ui *u, int y, int x, int h, int w)
{
	int i;

	feed_drawn(u);
	if (h < 2 || w < 20)
		return;
	draw_text(y, x, w, ROLE_TITLE, _("Today's marks, newest first"),
	    u->ascii);
	if (u->feed.n == 0)
		draw_text(y + 1, x, w, ROLE_DIM, _("none yet"), u->ascii);
	for (i = 0; i < u->feed.n && i + 1 < h; i++)
		draw_text(y + 1 + i, x, w, u->feed.lines[i].role,
		    u->feed.lines[i].text, u->ascii);
}

void
feed_release(struct ui *u)
{
	if (u->feed.win != NULL)
		delwin(u->feed.win);
	u->feed.win = NULL;
}

/* The window over the feed's line rows (y, x, rows, w), made when first
 * needed; NULL when curses cannot make it. */
static WINDOW *
lines_window(struct ui *u, int y, int x, int rows, int w)
{
	struct feed *fd = &u->feed;

	if (fd->win != NULL && (fd->win_y != y || fd->win_x != x ||
	    fd->win_h != rows || fd->win_w != w))
		feed_release(u);
	if (fd->win == NULL) {
		fd->win = derwin(stdscr, rows, w, y, x);
		if (fd->win == NULL)
			return NULL;
		scrollok(fd->win, TRUE);
		fd->win_y = y;
		fd->win_x = x;
		fd->win_h = rows;
		fd->win_w = w;
	}
	return fd->win;
}

/* Moves the window's rows top..bottom down one row (dir 1) or up one
 * (dir -1): curses copies their cells, nothing is composed again. */
static void
shift_rows(WINDOW *win, int top, int bottom, int dir)
{
	if (bottom <= top)
		return;
	wsetscrreg(win, top, bottom);
	wscrl(win, -dir);
	/* stdscr learns which of its cells changed */
	wsyncup(win);
}

void
feed_draw_edits(struct ui *u, int y, int x, int h, int w)
{
	struct feed *fd = &u->feed;
	int rows = h - 1, k, r;
	unsigned char *stale;
	WINDOW *win;

	if (h < 2 || w < 20) {
		feed_drawn(u);
		return;
	}
	/* "none yet", or more edits than were kept: all of it. */
	if (fd->edits_lost || fd->drawn_n == 0 || fd->n == 0 ||
	    (win = lines_window(u, y + 1, x, rows, w)) == NULL) {
		feed_draw(u, y, x, h, w);
		return;
	}
	/* The rows move as the lines did; the rows that show a line they
	 * did not show before are drawn, once, after all the moves. */
	stale = xcalloc((size_t)rows + 1, 1);
	/* The rows' cells move: what was drawn on them is not there. */
	if (fd->nedits > 0)
		draw_forget_rows(y + 1, y + rows);
	for (k = 0; k < fd->nedits; k++) {
		const struct feed_edit *e = &fd->edits[k];

		if (e->at >= rows)
			continue;
		switch (e->kind) {
		case FEED_IN:
			shift_rows(win, e->at, rows - 1, 1);
			for (r = rows - 1; r > e->at; r--)
				stale[r] = stale[r - 1];
			stale[e->at] = 1;
			break;
		case FEED_OUT:
			shift_rows(win, e->at, rows - 1, -1);
			for (r = e->at; r + 1 < rows; r++)
				stale[r] = stale[r + 1];
			stale[rows - 1] = 1;
			break;
		case FEED_SET:
			stale[e->at] = 1;
			break;
		}
	}
	for (r = 0; r < rows; r++) {
		if (!stale[r])
			continue;
		if (r < fd->n)
			draw_text(y + 1 + r, x, w, fd->lines[r].role,
			    fd->lines[r].text, u->ascii);
		else
			draw_fill(y + 1 + r, x, w, ROLE_NORMAL);
	}
	free(stale);
	feed_drawn(u);
}
