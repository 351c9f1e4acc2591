/*
 * keymap.c - the keymap: the console's keys (src/console_keys.c, one
 * table that the configuration check reads too) bound to the terminal's
 * keys, then the rulebook's hotkeys; dispatch look-ups and key names.  It
 * binds keys to actions; it does not perform them (console.c does), and
 * it draws nothing (keyhelp.c draws the key bar and the help screen), so
 * it is unit-tested without a terminal.
 */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct binding *table;
static int ntable;

/* The terminal's key for a key of the console's table. */
int
keymap_term_key(int key)
{
	static const int fkeys[] = {
		[CKEY_LEFT - CKEY_BASE] = KEY_LEFT, [CKEY_RIGHT - CKEY_BASE] = KEY_RIGHT,
		[CKEY_UP - CKEY_BASE] = KEY_UP, [CKEY_DOWN - CKEY_BASE] = KEY_DOWN,
		[CKEY_HOME - CKEY_BASE] = KEY_HOME, [CKEY_END - CKEY_BASE] = KEY_END,
		[CKEY_PGUP - CKEY_BASE] = KEY_PPAGE, [CKEY_PGDN - CKEY_BASE] = KEY_NPAGE,
		[CKEY_BTAB - CKEY_BASE] = KEY_BTAB, [CKEY_ENTER - CKEY_BASE] = KEY_ENTER,
	};

	if (key > CKEY_BASE && key - CKEY_BASE < (int)(sizeof fkeys / sizeof fkeys[0]))
		return UI_FKEY(fkeys[key - CKEY_BASE]);
	return key;
}

void
keymap_init(const struct floor *f)
{
	size_t k;
	int i;

	table = xcalloc(console_nkeys + (size_t)f->nrules + 1, sizeof *table);
	ntable = 0;
	for (k = 0; k < console_nkeys; k++) {
		const struct console_key *c = &console_keys[k];

		table[ntable++] = (struct binding){ c->act, keymap_term_key(c->key),
		    c->label, c->help, -1 };
	}
	table[ntable++] = (struct binding){ ACT_SECTION, 0, NULL,
	    N_("Rule keys (the rulebook's)"), -1 };
	for (i = 0; i < f->nrules; i++) {
		const struct rule *r = &f->rules[i];

		/* The console's own keys win; config_rules.c refuses such
		 * rules (console_key_find). */
		if (r->key == 0 || keymap_find(r->key) != NULL)
			continue;
		/* In the key bar too, after the console's keys, as room allows. */
		table[ntable++] = (struct binding){ ACT_MARK, r->key, r->code,
		    r->title, i };
	}
}

const struct binding *
keymap_table(int *n)
{
	*n = ntable;
	return table;
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

