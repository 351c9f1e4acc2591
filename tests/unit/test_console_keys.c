/*
 * test_console_keys.c - the console's key table (src/console_keys.c):
 * every action has keys of its own, the configuration refuses a rule
 * hotkey that the console keeps (at its FILE:LINE, naming what the key
 * does), and the console's keymap (ui/keymap.c) binds exactly the table's
 * keys, then the rulebook's.  No terminal is needed.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "../../src/console_keys.h"
#include "../../ui/keymap.h"

TestSuite(console_keys, .init = fx_dir, .fini = fx_done);

Test(console_keys, every_action_has_keys_of_its_own)
{
	bool seen[ACT_MARK + 1] = { false };
	size_t i, j;
	int a;

	for (i = 0; i < console_nkeys; i++) {
		const struct console_key *k = &console_keys[i];

		if (k->act == ACT_SECTION) {
			cr_assert_not_null(k->help, "a heading without text at row %zu", i);
			continue;
		}
		cr_assert_neq(k->act, ACT_MARK, "ACT_MARK is the rulebook's");
		cr_assert_neq(k->key, 0, "row %zu (%s) has no key", i, k->name);
		cr_assert_not_null(k->name);
		for (j = i + 1; j < console_nkeys; j++)
			cr_assert(console_keys[j].act == ACT_SECTION ||
			    console_keys[j].key != k->key, "%s and %s share key %d",
			    k->name, console_keys[j].name, k->key);
		/* An action's keys are one run of rows, the first with the help. */
		if (seen[k->act])
			cr_assert(console_keys[i - 1].act == k->act && k->help == NULL,
			    "%s's keys are not together, or say the help twice", k->name);
		else
			cr_assert_not_null(k->help, "%s's first key has no help", k->name);
		cr_assert_str_eq(console_key_help(k) ? "" : "?", "");
		seen[k->act] = true;
		cr_assert_eq(console_key_find(k->key), k);
	}
	for (a = ACT_HELP; a < ACT_MARK; a++)
		cr_assert(seen[a], "action %d has no key", a);
	cr_assert_null(console_key_find('d'), "d is free for a rule");
	cr_assert_str_eq(console_key_help(console_key_find('h')),
	    "seat to the left");
	cr_assert_str_eq(console_key_find('q')->name, "quit");
}

/* A rulebook whose rule OWN takes key k, on line 5 of bad.cfg. */
static const char *
floor_with_key(int k)
{
	static char text[2048];

	snprintf(text, sizeof text,
	    "floor = { id = \"t\"; name = \"T\"; timezone = \"Asia/Shanghai\";\n"
	    "  shift = { start = \"09:00\"; end = \"18:00\"; }; layout = [ \"A01\" ]; };\n"
	    "groups = ( { id = \"A\"; name = \"A\"; } );\n"
	    "staff = ( { id = \"E1\"; name = \"E\"; group = \"A\"; seat = \"A01\"; } );\n"
	    "users = ( { login = \"root\"; role = \"manager\"; } );\n"
	    "rules = ( { code = \"OWN\"; title = \"Own\"; fine = 5;\n"
	    "  key = \"%c\"; } );\n", k);
	return text;
}

Test(console_keys, a_rule_hotkey_on_a_console_key_is_refused_at_its_line)
{
	size_t i;
	int tried = 0;

	for (i = 0; i < console_nkeys; i++) {
		const struct console_key *k = &console_keys[i];
		struct buf errs = { 0 };
		struct floor *f;
		char want[256], path[128];
		FILE *fp;

		/* A hotkey is one printable character (others are refused
		 * for that before this check). */
		if (k->act == ACT_SECTION || k->key > 0x7e || !isgraph(k->key))
			continue;
		/* One file written over and over (fx_write keeps 16 names). */
		snprintf(path, sizeof path, "%s/bad.cfg", fx.dir);
		fp = fopen(path, "w");
		cr_assert_not_null(fp);
		fputs(floor_with_key(k->key), fp);
		fclose(fp);
		f = floor_load(path, &errs);
		cr_assert_null(f, "rule key '%c' loaded", k->key);
		snprintf(want, sizeof want, "%s/bad.cfg:7: rule OWN: key '%c' is "
		    "kept by the console, for %s: %s\n", fx.dir, k->key, k->name,
		    console_key_help(k));
		cr_assert_str_eq(errs.s, want);
		buf_free(&errs);
		tried++;
	}
	cr_assert_geq(tried, 20, "only %d printable console keys", tried);
}

Test(console_keys, a_free_key_is_a_rule_hotkey)
{
	struct buf errs = { 0 };
	struct floor *f = fx_load("ok.cfg", floor_with_key('d'), &errs);

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->rules[0].key, 'd');
	floor_free(f);
}

Test(console_keys, the_keymap_binds_the_table_then_the_rulebook)
{
	struct buf errs = { 0 };
	struct floor *f = fx_load("ok.cfg", floor_with_key('d'), &errs);
	const struct binding *tab, *b;
	size_t i;
	int n;

	cr_assert_not_null(f, "%s", errs.s);
	keymap_init(f);
	tab = keymap_table(&n);
	cr_assert_eq(n, (int)console_nkeys + 2, "the table, a heading, rule OWN");
	for (i = 0; i < console_nkeys; i++) {
		const struct console_key *k = &console_keys[i];

		cr_assert_eq(tab[i].act, k->act);
		cr_assert_eq(tab[i].help, k->help);
		cr_assert_eq(tab[i].label, k->label);
		if (k->act == ACT_SECTION)
			continue;
		b = keymap_find(keymap_term_key(k->key));
		cr_assert_not_null(b, "%s's key is not bound", k->name);
		cr_assert_eq(b->act, k->act, "%s's key does another thing", k->name);
	}
	/* The terminal's keys, as curses sends them. */
	cr_assert_eq(keymap_find(UI_FKEY(KEY_LEFT))->act, ACT_LEFT);
	cr_assert_eq(keymap_find(UI_FKEY(KEY_BTAB))->act, ACT_PREV_GROUP);
	cr_assert_eq(keymap_find(UI_FKEY(KEY_ENTER))->act, ACT_DETAIL);
	cr_assert_eq(keymap_find(UI_ESC)->act, ACT_BACK);
	cr_assert_eq(keymap_find(UI_CTRL('L'))->act, ACT_REDRAW);
	cr_assert_eq(keymap_find('h')->act, ACT_LEFT);
	b = keymap_find('d');
	cr_assert_not_null(b);
	cr_assert_eq(b->act, ACT_MARK);
	cr_assert_eq(b->rule, 0);
	cr_assert_null(keymap_find('Z'));
	keymap_free();
	floor_free(f);
}
