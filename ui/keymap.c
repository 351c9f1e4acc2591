/*
 * keymap.c - the keymap table and what is generated from it: dispatch
 * look-ups, the key bar and the help screen.  It binds keys to actions;
 * it does not perform them (console.c does) and it prices nothing.
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

static const struct binding console_keys[] = {
	{ ACT_SECTION, 0, NULL, N_("General"), -1 },
	{ ACT_HELP, '?', N_("help"), N_("this help, made from the keymap"), -1 },
	{ ACT_QUIT, 'q', N_("quit"), N_("quit the console (closes a screen)"), -1 },
	{ ACT_BACK, UI_ESC, NULL, N_("close a screen or a prompt, clear the "
	    "message"), -1 },
	{ ACT_REDRAW, UI_CTRL('L'), NULL, N_("redraw the screen"), -1 },

	{ ACT_SECTION, 0, NULL, N_("Moving"), -1 },
	{ ACT_LEFT, UI_FKEY(KEY_LEFT), NULL, N_("seat to the left"), -1 },
	{ ACT_LEFT, 'h', NULL, NULL, -1 },
	{ ACT_DOWN, UI_FKEY(KEY_DOWN), NULL, N_("seat below"), -1 },
	{ ACT_DOWN, 'j', NULL, NULL, -1 },
	{ ACT_UP, UI_FKEY(KEY_UP), NULL, N_("seat above"), -1 },
	{ ACT_UP, 'k', NULL, NULL, -1 },
	{ ACT_RIGHT, UI_FKEY(KEY_RIGHT), NULL, N_("seat to the right"), -1 },
	{ ACT_RIGHT, 'l', NULL, NULL, -1 },
	{ ACT_HOME, UI_FKEY(KEY_HOME), NULL, N_("first seat of the row"), -1 },
	{ ACT_END, UI_FKEY(KEY_END), NULL, N_("last seat of the row"), -1 },
	{ ACT_PGUP, UI_FKEY(KEY_PPAGE), NULL, N_("a screenful up"), -1 },
	{ ACT_PGDN, UI_FKEY(KEY_NPAGE), NULL, N_("a screenful down"), -1 },
	{ ACT_NEXT_GROUP, '\t', NULL, N_("first seat of the next group"), -1 },
	{ ACT_PREV_GROUP, UI_FKEY(KEY_BTAB), NULL,
	    N_("first seat of the previous group"), -1 },
	{ ACT_NEXT_SEAT, ' ', NULL, N_("next seat in reading order"), -1 },
	{ ACT_SEARCH, '/', N_("find"), N_("find a seat by name (Chinese or "
	    "Latin), staff id or seat id, as you type; Up/Down: other "
	    "matches"), -1 },

	{ ACT_SECTION, 0, NULL, N_("Marking (on the agent at the cursor)"), -1 },
	{ ACT_RULE_MENU, 'x', N_("rules"), N_("every rule, filtered by typing a "
	    "code, an English or a Chinese title"), -1 },
	{ ACT_INSPECT, 'i', N_("inspect"), N_("desk inspected and in order; "
	    "on to the next seat"), -1 },
	{ ACT_UNDO, 'u', N_("undo"), N_("undo this console's last action (a "
	    "mark, an inspection, a sign-in, a return), newest first, several "
	    "levels; voids are kept on record"), -1 },
	{ ACT_RETURN, 'r', N_("return"), N_("hand the agent's confiscated "
	    "item back"), -1 },
	{ ACT_SIGNIN, 'S', N_("sign in"), N_("sign the agent in now (late "
	    "arrivals are fined: LATE; refused outside the sign-in window)"), -1 },
	{ ACT_EXPLAIN, 'E', N_("explain"), N_("record the agent's attendance "
	    "explanation for today (A2): the day is then no absence"), -1 },
	{ ACT_COMPLAINT, 'K', N_("register"), N_("register (B14): record a "
	    "caller's repair or complaint"), -1 },
	{ ACT_BREAK, 'B', N_("break"), N_("the agent's break: the reason menu "
	    "and start (queued beyond the group's max_away); on one away, end "
	    "it; on one next, start it; on one queued, leave the queue"), -1 },

	{ ACT_SECTION, 0, NULL, N_("Viewing"), -1 },
	{ ACT_DETAIL, '\r', N_("detail"), N_("the seat's incidents today and "
	    "this month"), -1 },
	{ ACT_DETAIL, '\n', NULL, NULL, -1 },
	{ ACT_DETAIL, UI_FKEY(KEY_ENTER), NULL, NULL, -1 },
	{ ACT_OVERVIEW, 'o', N_("overview"), N_("the whole floor, one cell a "
	    "seat, paged like the map; moving in it moves the map's cursor (again: "
	    "back)"), -1 },
	{ ACT_PANEL, 'z', N_("groups"), N_("show or hide the group panel (it "
	    "scrolls with the cursor's group)"), -1 },
	{ ACT_MONTH, 'm', N_("month"), N_("group panel: today or this month"),
	    -1 },
	{ ACT_REPORT, 'R', N_("report"), N_("preview today's end-of-day "
	    "report"), -1 },
	{ ACT_PRINT, 'P', N_("print"), N_("print today's end-of-day report"),
	    -1 },
};

#define NCONSOLE (sizeof console_keys / sizeof console_keys[0])

static struct binding *table;
static int ntable;

void
keymap_init(const struct floor *f)
{
	int i;

	table = xcalloc(NCONSOLE + (size_t)f->nrules + 1, sizeof *table);
	memcpy(table, console_keys, sizeof console_keys);
	ntable = (int)NCONSOLE;
	table[ntable++] = (struct binding){ ACT_SECTION, 0, NULL,
	    N_("Rule keys (the rulebook's)"), -1 };
	for (i = 0; i < f->nrules; i++) {
		const struct rule *r = &f->rules[i];

		/* The console's own keys win; config.c refuses such rules. */
		if (r->key == 0 || keymap_find(r->key) != NULL)
			continue;
		/* In the key bar too, after the console's keys, as room allows. */
		table[ntable++] = (struct binding){ ACT_MARK, r->key, r->code,
		    r->title, i };
	}
}

void
keymap_free(void)
{
	free(table);
	table = NULL;
	ntable = 0;
}

const struct binding *
keymap_find(int key)
{
	int i;

	for (i = 0; i < ntable; i++)
		if (table[i].act != ACT_SECTION && table[i].key == key)
			return &table[i];
	return NULL;
}

static const struct {
	int key;
	const char *utf8, *ascii;
} key_names[] = {
	{ UI_FKEY(KEY_LEFT), "\xe2\x86\x90", "Left" },
	{ UI_FKEY(KEY_RIGHT), "\xe2\x86\x92", "Right" },
	{ UI_FKEY(KEY_UP), "\xe2\x86\x91", "Up" },
	{ UI_FKEY(KEY_DOWN), "\xe2\x86\x93", "Down" },
	{ UI_FKEY(KEY_HOME), "Home", "Home" },
	{ UI_FKEY(KEY_END), "End", "End" },
	{ UI_FKEY(KEY_PPAGE), "PgUp", "PgUp" },
	{ UI_FKEY(KEY_NPAGE), "PgDn", "PgDn" },
	{ UI_FKEY(KEY_BTAB), "S-Tab", "S-Tab" },
	{ UI_FKEY(KEY_ENTER), "Enter", "Enter" },
	{ '\r', "Enter", "Enter" },
	{ '\n', "Enter", "Enter" },
	{ '\t', "Tab", "Tab" },
	{ ' ', "Space", "Space" },
	{ UI_ESC, "Esc", "Esc" },
};

void
keymap_key_name(int key, bool ascii, char *out, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key) {
			snprintf(out, n, "%s", ascii ? _(key_names[i].ascii) :
			    _(key_names[i].utf8));
			return;
		}
	if (key > 0 && key < 0x20)
		snprintf(out, n, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(out, n, "%c", key);
	else
		snprintf(out, n, "#%d", key);
}

bool
keymap_allowed(const struct ui *u, enum action act)
{
	switch (act) {
	case ACT_RULE_MENU: case ACT_INSPECT: case ACT_UNDO: case ACT_RETURN:
	case ACT_SIGNIN: case ACT_EXPLAIN: case ACT_COMPLAINT: case ACT_BREAK:
	case ACT_MARK:
		return !u->readonly && actor_can_mark(u->a);
	default:
		return true;
	}
}

void
keymap_draw_bar(const struct ui *u, int y)
{
	int i, x = 0;

	draw_fill(y, 0, COLS, ROLE_STATUS);
	for (i = 0; i < ntable; i++) {
		char name[16];
		int w;

		/* Only the keys this user may use. */
		if (table[i].label == NULL || !keymap_allowed(u, table[i].act))
			continue;
		keymap_key_name(table[i].key, u->ascii, name, sizeof name);
		w = text_width(name) + 1 + text_width(_(table[i].label));
		if (x + w + 1 > COLS)
			break;
		x = draw_run(y, x + 1, COLS, ROLE_STATUS_KEY, name, u->ascii);
		x = draw_run(y, x + 1, COLS, ROLE_STATUS, _(table[i].label),
		    u->ascii) + 1;
	}
}

/* All the keys of the action at table[i] (it and the rows after it that
 * repeat the action without help of their own), each name once. */
static int
help_keys(const struct ui *u, int i, struct buf *keys)
{
	int j = i;
	char name[16], token[20];

	do {
		keymap_key_name(table[j].key, u->ascii, name, sizeof name);
		snprintf(token, sizeof token, " %s ", name);
		if (strstr(keys->s, token) == NULL)
			buf_printf(keys, "%s ", name);
		j++;
	} while (j < ntable && table[j].help == NULL &&
	    table[j].act == table[i].act && table[i].act != ACT_MARK);
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
	int i = 0;

	while (i < ntable) {
		const struct binding *b = &table[i];
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
