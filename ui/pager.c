/*
 * pager.c - a title, lines that scroll, a key bar.  Keys come through the
 * keymap (the same movement keys as the map); Esc, q and Enter go back.
 * It knows nothing of floors or the store.
 */
#include "pager.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keymap.h"
#include "reportview.h"
#include "theme.h"
#include "words.h"

void
pager_free(struct ui *u)
{
	int i;

	for (i = 0; i < u->pager.n; i++)
		free(u->pager.lines[i].text);
	free(u->pager.lines);
	u->pager.lines = NULL;
	u->pager.n = u->pager.cap = 0;
}

void
pager_open(struct ui *u, enum pager_kind kind, const char *title)
{
	pager_free(u);
	u->pager.kind = kind;
	snprintf(u->pager.title, sizeof u->pager.title, "%s", title);
}

void
pager_add(struct ui *u, int role, const char *text)
{
	struct pager *p = &u->pager;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->lines = xrealloc(p->lines, (size_t)p->cap * sizeof *p->lines);
	}
	p->lines[p->n].text = xstrdup(text);
	p->lines[p->n].role = role;
	p->n++;
}

void
pager_addf(struct ui *u, int role, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	pager_add(u, role, s);
	free(s);
}

void
pager_add_text(struct ui *u, int role, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xmalloc(len + 1);
		size_t i, k = 0;

		for (i = 0; i < len; i++)
			if (p[i] != '\f')
				line[k++] = p[i];
		line[k] = '\0';
		pager_add(u, role, line);
		free(line);
		p += len + (nl != NULL);
	}
}

static int
body_lines(void)
{
	return LINES - 3 > 1 ? LINES - 3 : 1;
}

void
pager_clamp(struct ui *u)
{
	int max = u->pager.n - body_lines();

	if (u->pager.top > max)
		u->pager.top = max;
	if (u->pager.top < 0)
		u->pager.top = 0;
}

static void
draw_bar(struct ui *u)
{
	struct buf bar = { 0 };

	buf_printf(&bar, " %s%s%s", u->ascii ? _("Up/Down PgUp/PgDn") :
	    _("\xe2\x86\x91\xe2\x86\x93 PgUp PgDn"), _(" scroll"), words_sep(u));
	buf_puts(&bar, _("Esc back"));
	if (u->pager.kind == PAGER_REPORT) {
		buf_puts(&bar, words_sep(u));
		buf_puts(&bar, _("P print"));
	}
	draw_text(LINES - 1, 0, COLS, ROLE_STATUS, bar.s, u->ascii);
	buf_free(&bar);
}

void
pager_draw(struct ui *u)
{
	struct pager *p = &u->pager;
	int h = body_lines(), i;
	char pos[48];

	pager_clamp(u);
	snprintf(pos, sizeof pos, " %d-%d/%d ", p->n ? p->top + 1 : 0,
	    p->top + h < p->n ? p->top + h : p->n, p->n);
	draw_text(0, 0, COLS, ROLE_HEADER, "", u->ascii);
	draw_text(0, 1, COLS - 1 - (int)strlen(pos), ROLE_HEADER, p->title,
	    u->ascii);
	draw_right(0, COLS - (int)strlen(pos), (int)strlen(pos), ROLE_HEADER, pos,
	    u->ascii);
	for (i = 0; i < h; i++) {
		int k = p->top + i;

		draw_text(1 + i, 0, COLS, k < p->n ? p->lines[k].role : ROLE_NORMAL,
		    k < p->n ? p->lines[k].text : "", u->ascii);
	}
	draw_text(LINES - 2, 0, COLS, u->msg_err ? ROLE_MSG_ERR : ROLE_MSG, u->msg,
	    u->ascii);
	draw_bar(u);
}

void
pager_key(struct ui *u, int key)
{
	const struct binding *b = keymap_find(key);
	int h = body_lines();

	switch (b ? b->act : ACT_SECTION) {
	case ACT_UP: u->pager.top--; break;
	case ACT_DOWN: u->pager.top++; break;
	case ACT_PGUP: u->pager.top -= h - 1; break;
	case ACT_PGDN: case ACT_NEXT_SEAT: u->pager.top += h - 1; break;
	case ACT_HOME: u->pager.top = 0; break;
	case ACT_END: u->pager.top = u->pager.n; break;
	case ACT_BACK: case ACT_QUIT: case ACT_DETAIL: case ACT_HELP:
		ui_close_pager(u);
		return;
	case ACT_PRINT:
		if (u->pager.kind == PAGER_REPORT)
			reportview_print(u);
		break;
	default:
		return;
	}
	pager_clamp(u);
	u->dirty = true;
}
