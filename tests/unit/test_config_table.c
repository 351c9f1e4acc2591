/*
 * test_config_table.c - the configuration's key table (config_table.c)
 * and the manual made from it (config_man.c): every row is whole (help,
 * a parent that exists, a default inside its range), and callfloor.cfg(5)
 * lists every key with its type, default and range.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../../src/config_internal.h"

Test(config_table, every_row_is_whole)
{
	const struct cfg_key *k, *j;
	int n = 0;

	for (k = cfg_keys; k->name; k++, n++) {
		const char *dot = strrchr(k->name, '.');

		cr_assert(k->help != NULL && k->help[0] != '\0', "%s: no help",
		    k->name);
		cr_assert_eq(cfg_key(k->name), k, "%s is in the table twice",
		    k->name);
		if (dot != NULL) {
			char parent[128];

			snprintf(parent, sizeof parent, "%.*s", (int)(dot - k->name),
			    k->name);
			j = cfg_key(parent);
			cr_assert_not_null(j, "%s: no row for %s", k->name, parent);
			cr_assert(j->type == K_GROUP || j->type == K_LIST,
			    "%s: %s holds no keys", k->name, parent);
			cr_assert_eq(cfg_child(parent, cfg_leaf(k)), k);
		}
		if (k->type == K_INT) {
			cr_assert_lt(k->min, k->max, "%s has no range", k->name);
			if (k->def != NULL)
				cr_assert(atoll(k->def) >= k->min &&
				    atoll(k->def) <= k->max, "%s: default %s is "
				    "outside its range", k->name, k->def);
		}
		if (k->type == K_AMOUNT)
			cr_assert(k->min == 0 && k->max > 0, "%s: amounts are 0 up",
			    k->name);
		if (k->check != NULL)
			cr_assert_not_null(k->range, "%s: the manual cannot say what "
			    "its check accepts", k->name);
	}
	cr_assert_geq(n, 80);
	cr_assert_null(cfg_key("floor.nonsense"));
	cr_assert(cfg_in(cfg_key("floor"), ""));
	cr_assert(cfg_in(cfg_key("rules.fine"), "rules"));
	cr_assert(!cfg_in(cfg_key("rules.co_penalty.fine"), "rules"));
}

/* The manual's text for a key: ".B NAME" (a top-level key: ".SS NAME"),
 * then its type line. */
static const char *
entry(const char *page, const char *name, char *line, size_t n)
{
	char want[160];
	const char *p, *eol;

	snprintf(want, sizeof want, "\n.%s %s\n", strchr(name, '.') ? "B" :
	    "SS", name);
	p = strstr(strstr(page, "\n.SH KEYS\n"), want);
	if (p == NULL)
		return NULL;
	p += strlen(want);
	eol = strchr(p, '\n');
	snprintf(line, n, "%.*s", (int)(eol - p), p);
	return line;
}

Test(config_table, the_manual_lists_every_key_with_its_default_and_range)
{
	struct buf page = { 0 };
	const struct cfg_key *k;
	char line[512], want[256];

	config_manual(&page);
	cr_assert(strncmp(page.s, ".\\\"", 3) == 0);
	cr_assert_not_null(strstr(page.s, "\n.TH CALLFLOOR.CFG 5 "));
	for (k = cfg_keys; k->name; k++) {
		cr_assert_not_null(entry(page.s, k->name, line, sizeof line),
		    "callfloor.cfg(5) does not list %s", k->name);
		cr_assert_not_null(strstr(line, cfg_type_name(k->type)),
		    "%s: '%s' does not give its type", k->name, line);
		if (k->def != NULL) {
			snprintf(want, sizeof want, "default %s", k->def);
			cr_assert_not_null(strstr(line, want), "%s: '%s' does not "
			    "say '%s'", k->name, line, want);
		} else
			cr_assert_null(strstr(line, "default"));
		if (k->type == K_INT && k->max != INT_MAX) {
			snprintf(want, sizeof want, "%lld to %lld", k->min, k->max);
			cr_assert_not_null(strstr(line, want), "%s: '%s' does not "
			    "say '%s'", k->name, line, want);
		}
		cr_assert_eq(strstr(line, "required") != NULL, k->required,
		    "%s: '%s'", k->name, line);
	}
	entry(page.s, "floor.signin_window", line, sizeof line);
	cr_assert_str_eq(line, "\\fIinteger; default 240; 0 to 1440 minutes.\\fR");
	entry(page.s, "attendance.half_day_after_minutes", line, sizeof line);
	cr_assert_str_eq(line, "\\fIinteger; default 10; 0 to 1000 minutes.\\fR");
	entry(page.s, "rules.absence_days", line, sizeof line);
	cr_assert_str_eq(line, "\\fIamount; default 0; 0 to 10 in steps of "
	    "0.5.\\fR");
	/* The console's keys, which no rule may take. */
	cr_assert_not_null(strstr(page.s, "\n.B q\nquit the console"));
	cr_assert_not_null(strstr(page.s, "\n.B Space\nnext seat"));
	buf_free(&page);
}
