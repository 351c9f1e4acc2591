/*
 * keymap.h - the one keymap table: {action, key, label, help}.  It feeds
 * the key dispatch, the key bar at the bottom and the help screen, so the
 * three cannot drift apart.  The rulebook's hotkeys join the same table
 * as ACT_MARK bindings.
 */
#ifndef CALLFLOOR_UI_KEYMAP_H
#define CALLFLOOR_UI_KEYMAP_H

#include "ui.h"

enum action {
	ACT_SECTION,		/* a heading in the help screen, not a key */
	ACT_HELP, ACT_QUIT, ACT_BACK, ACT_REDRAW,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_HOME, ACT_END,
	ACT_PGUP, ACT_PGDN, ACT_NEXT_GROUP, ACT_PREV_GROUP, ACT_NEXT_SEAT,
	ACT_SEARCH,
	ACT_RULE_MENU, ACT_INSPECT, ACT_UNDO, ACT_RETURN, ACT_SIGNIN, ACT_EXPLAIN,
	ACT_COMPLAINT, ACT_BREAK,
	ACT_DETAIL, ACT_OVERVIEW, ACT_PANEL, ACT_MONTH, ACT_REPORT, ACT_PRINT,
	ACT_MARK		/* a rule's hotkey */
};

struct binding {
	enum action act;
	int key;		/* a character, or UI_FKEY(KEY_...) */
	const char *label;	/* in the key bar; NULL: not there */
	const char *help;	/* in the help screen; NULL: another key of
				   the action above says it */
	int rule;		/* ACT_MARK: index in floor->rules */
};

/* Builds the table: the console's keys, then the rulebook's hotkeys. */
void keymap_init(const struct floor *f);
void keymap_free(void);
/* The binding of a key, or NULL. */
const struct binding *keymap_find(int key);
/* "h", "←", "Tab", "Enter", "^L" ... */
void keymap_key_name(int key, bool ascii, char *out, size_t n);

/* True when this user may use the action (leads and read-only
 * databases do not write). */
bool keymap_allowed(const struct ui *u, enum action act);
/* Draws the key bar on line y: the keys this user may use. */
void keymap_draw_bar(const struct ui *u, int y);
/* Fills the pager with the help screen. */
void keymap_help(struct ui *u);

#endif
