/*
 * console_keys.h - the console's own keys, one table: {action, key, name,
 * label, help}.  Curses-free, so that both the console's keymap (ui/keymap.c:
 * dispatch, key bar, help screen) and the configuration check (a rule's
 * hotkey may not take a console key) read the same rows.
 */
#ifndef CALLFLOOR_CONSOLE_KEYS_H
#define CALLFLOOR_CONSOLE_KEYS_H

#include <stddef.h>

/* What a key does on the seat map. */
enum action {
	ACT_SECTION,		/* a heading in the help screen, not a key */
	ACT_HELP, ACT_QUIT, ACT_BACK, ACT_REDRAW,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_HOME, ACT_END,
	ACT_PGUP, ACT_PGDN, ACT_NEXT_GROUP, ACT_PREV_GROUP, ACT_NEXT_SEAT,
	ACT_SEARCH,
	ACT_RULE_MENU, ACT_INSPECT, ACT_UNDO, ACT_RETURN, ACT_SIGNIN, ACT_EXPLAIN,
	ACT_COMPLAINT, ACT_BREAK,
	ACT_DETAIL, ACT_OVERVIEW, ACT_PANEL, ACT_MONTH, ACT_REPORT, ACT_PRINT,
	ACT_MARK		/* a rule's hotkey (not in this table) */
};

/* Keys that are no character, above every Unicode code point; the console
 * maps them to the terminal's (ui/keymap.c). */
enum {
	CKEY_BASE = 0x2000000,
	CKEY_LEFT, CKEY_RIGHT, CKEY_UP, CKEY_DOWN, CKEY_HOME, CKEY_END,
	CKEY_PGUP, CKEY_PGDN, CKEY_BTAB, CKEY_ENTER
};
#define CKEY_ESC 27
#define CKEY_CTRL(c) ((c) & 0x1f)

struct console_key {
	enum action act;
	int key;		/* a character, or CKEY_... */
	const char *name;	/* the action's name (ACT_SECTION: NULL) */
	const char *label;	/* in the key bar; NULL: not there */
	const char *help;	/* in the help screen (ACT_SECTION: the
				   heading); NULL: a key of the row above's
				   action, which says it */
};

extern const struct console_key console_keys[];
extern const size_t console_nkeys;

/* The row of a key (never a section heading), or NULL. */
const struct console_key *console_key_find(int key);
/* The help text of k's action: its own, else that of the action's first
 * row (untranslated). */
const char *console_key_help(const struct console_key *k);

#endif
