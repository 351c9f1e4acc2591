/*
 * config_breaks.c - the rulebook's break reasons (`breaks = ( { code =
 * "WC"; title = "Toilet"; title_zh = "如厕"; limit_minutes = 10; } )`)
 * and max_away, at the top level and in a group's entry: a whole number
 * or a percentage string of the group's agents present ("20%").
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_internal.h"
#include "text.h"

static bool
code_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > BREAK_CODE_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) &&
		    s[i] != '_')
			return false;
	return true;
}

static void
load_break(struct ctx *c, const config_setting_t *g)
{
	struct floor *f = c->f;
	struct break_reason b = { 0 };
	const char *code, *v;
	char who[64];

	if (!check_keys(c, g, "breaks", "break"))
		return;
	code = get_str(g, "code");
	if (!code_ok(code)) {
		cerr(c, g, _("break code '%s' must be 1 to %d capital letters, digits "
		    "or '_'"), code, BREAK_CODE_MAX);
		return;
	}
	if (floor_break_find(f, code) >= 0) {
		cerr(c, g, _("duplicate break code '%s'"), code);
		return;
	}
	if (get_str(g, "title")[0] == '\0') {
		cerr(c, config_setting_get_member(g, "title"), _("break %s: the title "
		    "is empty"), code);
		return;
	}
	snprintf(who, sizeof who, _("break %s"), code);
	if (!cfg_get(c, g, "breaks.limit_minutes", who, &b.limit_minutes))
		return;
	b.over_rule = -1;
	if ((v = get_str(g, "over_limit_rule")) != NULL &&
	    (b.over_rule = floor_rule_find(f, v)) < 0) {
		cerr(c, config_setting_get_member(g, "over_limit_rule"), _("break %s: "
		    "over_limit_rule '%s' is not a rule of the rulebook"), code, v);
		return;
	}
	b.code = xstrdup(code);
	b.title = xstrdup(get_str(g, "title"));
	b.title_zh = xstrdup((v = get_str(g, "title_zh")) ? v : "");
	b.line = config_setting_source_line(g);
	f->breaks[f->nbreaks++] = b;
}

void
config_load_breaks(struct ctx *c, const config_setting_t *l)
{
	int i, n;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST &&
	    config_setting_type(l) != CONFIG_TYPE_ARRAY) {
		cerr(c, l, _("breaks must be a list ( { code = ...; }, ... )"));
		return;
	}
	n = config_setting_length(l);
	c->f->breaks = xcalloc((size_t)n + 1, sizeof *c->f->breaks);
	for (i = 0; i < n; i++)
		load_break(c, config_setting_get_elem(l, (unsigned)i));
}

/* max_away (the top level's, a group's): agents in the row's range, or a
 * percentage string; unset: no cap. */
bool
cfg_check_cap(struct ctx *c, const config_setting_t *s, const struct cfg_key *k,
    const char *who, void *to)
{
	struct cap *out = to;
	const char *v, *p;
	char *end;
	long n;

	(void)who;
	memset(out, 0, sizeof *out);
	if (s == NULL)
		return false;
	if (config_setting_type(s) == CONFIG_TYPE_INT ||
	    config_setting_type(s) == CONFIG_TYPE_INT64) {
		long long x = config_setting_get_int64(s);

		if (x < k->min || x > k->max) {
			cerr(c, s, _("max_away must be %lld to %lld agents, or a "
			    "percentage such as \"20%%\"; not %lld"), k->min, k->max, x);
			return false;
		}
		*out = (struct cap){ true, false, (int)x };
		return true;
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		cerr(c, s, _("max_away must be a number of agents or a percentage "
		    "string such as \"20%%\""));
		return false;
	}
	v = config_setting_get_string(s);
	p = strchr(v, '%');
	n = strtol(v, &end, 10);
	if (p == NULL || end != p || p[1] != '\0' || !isdigit((unsigned char)v[0]) ||
	    n < 1 || n > 100) {
		struct buf shown = { 0 };

		text_clean(&shown, v, strlen(v), false);
		cerr(c, s, _("max_away \"%.40s\" is not a percentage from \"1%%\" to "
		    "\"100%%\" (or give a number of agents: max_away = 3;)"), shown.s);
		buf_free(&shown);
		return false;
	}
	*out = (struct cap){ true, true, (int)n };
	return true;
}
