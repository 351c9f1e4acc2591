/*
 * keyhelp.c - what is drawn from the keymap (keymap.c): the key bar at the
 * bottom of the map and the help screen, so that neither can drift from
 * the keys the console dispatches.
 */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text.h"
#include "draw.h"
#include "pager.h"
#include "theme.h"
#include "words.h"

void
keymap_draw_bar(const struct ui *u, int y)
{
	int i, n, x = 0;
	const struct binding *tab = keymap_table(&n);

	draw_fill(y, 0, COLS, ROLE_STATUS);
	for (i = 0; i < n; i++) {
		char name[16];
		int w;

		/* Only the keys this user may use. */
		if (tab[i].label == NULL || !keymap_allowed(u, tab[i].act))
			continue;
		keymap_key_name(tab[i].key, u->ascii, name, sizeof name);
		w = text_width(name) + 1 + text_width(_(tab[i].label));
		if (x + w + 1 > COLS)
			break;
		x = draw_run(y, x + 1, COLS, ROLE_STATUS_KEY, name, u->ascii);
		x = draw_run(y, x + 1, COLS, ROLE_STATUS, _(tab[i].label),
		    u->ascii) + 1;
	}
}

/* All the keys of the action at tab[i] (it and the rows after it that
 * repeat the action without help of their own), each name once. */
static int
help_keys(const struct ui *u, int i, struct buf *keys)
{
	int j = i, n;
	const struct binding *tab = keymap_table(&n);
	char name[16], token[20];

	do {
		keymap_key_name(tab[j].key, u->ascii, name, sizeof name);
		snprintf(token, sizeof token, " %s ", name);
		if (strstr(keys->s, token) == NULL)
			buf_printf(keys, "%s ", name);
		j++;
	} while (j < n && tab[j].help == NULL &&
	    tab[j].act == tab[i].act && tab[i].act != ACT_MARK);
	return j;
}

/* "  KEYS        HELP", the keys padded in columns, not bytes. */
static void
help_line(struct ui *u, const char *keys, const char *what)
{
	struct buf line = { 0 };

	buf_puts(&line, "  ");
	text_fit(&line, keys, 12, false, u->ascii);
	buf_printf(&line, " %s", what);
	pager_add(u, ROLE_NORMAL, line.s);
	buf_free(&line);
}

static void
help_rule(struct ui *u, const struct binding *b)
{
	const struct rule *r = &u->f->rules[b->rule];
	struct buf line = { 0 }, title = { 0 }, terms = { 0 };
	char name[16];

	keymap_key_name(b->key, u->ascii, name, sizeof name);
	words_rule_title(u, r, &title);
	words_terms(u, r, &terms);
	text_fit(&line, r->code, 16, false, u->ascii);
	buf_printf(&line, " %s%s%s%s", title.s, u->ascii ? " - " :
	    " \xe2\x80\x94 ", terms.s, keymap_allowed(u, ACT_MARK) ? "" :
	    _(" (not allowed for your role)"));
	help_line(u, name, line.s);
	buf_free(&line);
	buf_free(&title);
	buf_free(&terms);
}

void
keymap_help(struct ui *u)
{
	int i = 0, n;
	const struct binding *tab = keymap_table(&n);

	while (i < n) {
		const struct binding *b = &tab[i];
		struct buf keys = { 0 };

		if (b->act == ACT_SECTION) {
			if (i > 0)
				pager_add(u, ROLE_NORMAL, "");
			pager_add(u, ROLE_TITLE, _(b->help));
			i++;
			continue;
		}
		if (b->act == ACT_MARK) {
			help_rule(u, b);
			i++;
			continue;
		}
		buf_puts(&keys, " ");
		i = help_keys(u, i, &keys);
		if (keymap_allowed(u, b->act))
			help_line(u, keys.s + 1, _(b->help));
		else {
			struct buf h = { 0 };

			buf_printf(&h, "%s%s", _(b->help), _(" (not allowed for your "
			    "role)"));
			help_line(u, keys.s + 1, h.s);
			buf_free(&h);
		}
		buf_free(&keys);
	}
	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, _("Seat states"));
	for (i = 0; i < SEAT_NSTATES; i++) {
		struct buf line = { 0 };

		buf_printf(&line, "  %s  %s", seat_glyph((enum seat_state)i,
		    u->ascii), _(seat_state_name((enum seat_state)i)));
		pager_add(u, theme_seat((enum seat_state)i), line.s);
		buf_free(&line);
	}
	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, _("Attendance letters (after the glyph, once "
	    "attendance is kept)"));
	for (i = ATT_NOT_YET; i <= ATT_EXPLAINED; i++) {
		struct buf line = { 0 };

		buf_printf(&line, "  %c  %s", att_status_letter((enum att_status)i),
		    _(att_status_name((enum att_status)i)));
		pager_add(u, ROLE_NORMAL, line.s);
		buf_free(&line);
	}
	pager_add(u, ROLE_NORMAL, _("  *  an attendance threshold crossed today "
	    "(A1-A6)"));
	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, _("Breaks (after the glyph and letter; B "
	    "starts and ends them)"));
	pager_add(u, ROLE_BRK_AWAY, _("  W12  away 12 minutes, for the reason "
	    "whose code starts with W"));
	pager_add(u, ROLE_BRK_OVER, u->ascii ? _("  !!W12  away past the "
	    "reason's limit (the header counts these)") : _("  \xe2\x80\xbcW12  "
	    "away past the reason's limit (the header counts these)"));
	pager_add(u, ROLE_BRK_QUEUED, _("  Q2   queued, place 2 in the group's "
	    "queue (the group's max_away is reached)"));
	pager_add(u, ROLE_BRK_QUEUED, _("  N    next: a place is free; B on the "
	    "seat starts the break"));
	for (i = 0; i < u->f->nbreaks; i++) {
		const struct break_reason *b = &u->f->breaks[i];
		struct buf line = { 0 };

		buf_printf(&line, "  %c    %s %s%s%s, %d minutes", b->code[0], b->code,
		    b->title, u->ascii || !b->title_zh[0] ? "" : " ", u->ascii ? "" :
		    b->title_zh, b->limit_minutes);
		pager_add(u, ROLE_NORMAL, line.s);
		buf_free(&line);
	}
	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, _("On the map"));
	pager_add(u, ROLE_NORMAL, u->ascii ? _("  < > ^ v  more of the floor "
	    "that way; the line under the map says which rows and columns show") :
	    _("  \xe2\x80\xb9 \xe2\x80\xba \xcb\x84 \xcb\x85  more of the "
	    "floor that way; the line under the map says which rows and columns "
	    "show"));
}
