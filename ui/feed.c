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
	u->feed.lines = NULL;
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
	u->feed.lines = xcalloc((size_t)n + 1, sizeof *u->feed.lines);
	for (i = 0; i < n; i++) {
		struct pline *pl = &u->feed.lines[u->feed.n++];

		pl->text = feed_line(u, &r[i].in, r[i].own);
		pl->role = r[i].in.voided_at ? ROLE_VOID : ROLE_NORMAL;
	}
	free(r);
	return 0;
}

void
feed_draw(struct ui *u, int y, int x, int h, int w)
{
	int i;

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
