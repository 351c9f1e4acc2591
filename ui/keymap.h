/*
 * keymap.h - the keymap: {action, key, label, help}, made from the
 * console's key table (src/console_keys.h) with the terminal's keys, then
 * the rulebook's hotkeys as ACT_MARK bindings.  It feeds the key
 * dispatch, the key bar at the bottom and the help screen (keyhelp.c), so
 * the three cannot drift apart.
 */
#ifndef CALLFLOOR_UI_KEYMAP_H
#define CALLFLOOR_UI_KEYMAP_H

#include "ui.h"
#include "../src/console_keys.h"

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
/* The whole keymap, in help-screen order; *n rows. */
const struct binding *keymap_table(int *n);
/* The terminal's key (a character or UI_FKEY(KEY_...)) for a key of the
 * console's table (a character or CKEY_...). */
int keymap_term_key(int key);
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
