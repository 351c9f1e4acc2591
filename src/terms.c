/*
 * terms.c - frozen rule terms: format, parse, and load from the store.
 * The engine prices every incident from the terms stored with it, never
 * from today's rulebook.
 */
#include "terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/store.h"

static const char *pricing_names[] = { "none", "fine", "ladder", "range" };

void
terms_format(const struct rule_terms *t, struct buf *b)
{
	int i;

	buf_printf(b, "v=1;p=%s", pricing_names[t->pricing]);
	if (t->pricing == PRICE_FINE)
		buf_printf(b, ";f=%lld", (long long)t->fine);
	if (t->pricing == PRICE_LADDER) {
		buf_puts(b, ";l=");
		for (i = 0; i < t->nladder; i++)
			buf_printf(b, "%s%lld", i ? "," : "", (long long)t->ladder[i]);
	}
	if (t->pricing == PRICE_RANGE)
		buf_printf(b, ";lo=%lld;hi=%lld", (long long)t->lo, (long long)t->hi);
	if (t->repeat_factor > 1)
		buf_printf(b, ";rf=%d;rs=%d", t->repeat_factor, t->repeat_from);
	buf_printf(b, ";w=%s", window_name(t->window));
	if (t->nco > 0) {
		buf_puts(b, ";co=");
		for (i = 0; i < t->nco; i++)
			buf_printf(b, "%s%s:%lld", i ? "," : "",
			    grole_name(t->co[i].role), (long long)t->co[i].fine);
	}
	if (t->has_group_fine)
		buf_printf(b, ";g=%lld", (long long)t->group_fine);
	if (t->confiscate[0])
		buf_printf(b, ";c=%s", t->confiscate);
	if (t->journal)
		buf_puts(b, ";j=1");
	if (t->flag != FLAG_NONE)
		buf_printf(b, ";fl=%s", flag_name(t->flag));
	if (t->positive)
		buf_puts(b, ";pos=1");
	if (t->note_required)
		buf_puts(b, ";nr=1");
	if (t->absence_halfdays)
		buf_printf(b, ";ab=%d", t->absence_halfdays);
}

static int
parse_fen(const char *s, fen_t *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (end == s || *end != '\0' || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int
parse_pair(const char *k, char *v, struct rule_terms *t)
{
	char *tok, *save;
	int i;

	if (strcmp(k, "v") == 0)
		return strcmp(v, "1") == 0 ? 0 : -1;
	if (strcmp(k, "p") == 0) {
		for (i = 0; i < 4; i++)
			if (strcmp(v, pricing_names[i]) == 0) {
				t->pricing = (enum pricing)i;
				return 0;
			}
		return -1;
	}
	if (strcmp(k, "f") == 0)
		return parse_fen(v, &t->fine);
	if (strcmp(k, "lo") == 0)
		return parse_fen(v, &t->lo);
	if (strcmp(k, "hi") == 0)
		return parse_fen(v, &t->hi);
	if (strcmp(k, "g") == 0) {
		t->has_group_fine = true;
		return parse_fen(v, &t->group_fine);
	}
	if (strcmp(k, "l") == 0) {
		for (tok = strtok_r(v, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			if (t->nladder == LADDER_MAX ||
			    parse_fen(tok, &t->ladder[t->nladder]) < 0)
				return -1;
			t->nladder++;
		}
		return t->nladder > 0 ? 0 : -1;
	}
	if (strcmp(k, "co") == 0) {
		for (tok = strtok_r(v, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *colon = strchr(tok, ':');

			if (colon == NULL || t->nco == CO_MAX)
				return -1;
			*colon = '\0';
			if (grole_parse(tok, &t->co[t->nco].role) < 0 ||
			    parse_fen(colon + 1, &t->co[t->nco].fine) < 0)
				return -1;
			t->nco++;
		}
		return 0;
	}
	if (strcmp(k, "rf") == 0)
		return (t->repeat_factor = atoi(v)) >= 1 ? 0 : -1;
	if (strcmp(k, "rs") == 0)
		return (t->repeat_from = atoi(v)) >= 0 ? 0 : -1;
	if (strcmp(k, "w") == 0)
		return window_parse(v, &t->window);
	if (strcmp(k, "c") == 0) {
		snprintf(t->confiscate, sizeof t->confiscate, "%s", v);
		return 0;
	}
	if (strcmp(k, "fl") == 0)
		return flag_parse(v, &t->flag);
	if (strcmp(k, "j") == 0)
		return (t->journal = true), 0;
	if (strcmp(k, "pos") == 0)
		return (t->positive = true), 0;
	if (strcmp(k, "nr") == 0)
		return (t->note_required = true), 0;
	if (strcmp(k, "ab") == 0)
		return (t->absence_halfdays = atoi(v)) >= 0 ? 0 : -1;
	return -1;
}

int
terms_parse(const char *s, struct rule_terms *t)
{
	char *copy = xstrdup(s), *pair, *save;
	int rc = 0;

	memset(t, 0, sizeof *t);
	t->repeat_factor = 1;
	t->window = WINDOW_MONTH;
	/* terms_format starts with the version; without it this is not ours
	 * (an empty text would otherwise read as "no fine"). */
	if (strncmp(s, "v=", 2) != 0)
		rc = -1;
	for (pair = strtok_r(copy, ";", &save); pair && rc == 0;
	    pair = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(pair, '=');

		if (eq == NULL) {
			rc = -1;
			break;
		}
		*eq = '\0';
		rc = parse_pair(pair, eq + 1, t);
	}
	free(copy);
	return rc;
}

static void
money(const char *currency, fen_t f, struct buf *out)
{
	char a[32];

	buf_printf(out, "%s%s", currency, fen_format(f, a, sizeof a));
}

void
terms_describe(const struct rule_terms *t, const char *currency,
    struct buf *out)
{
	size_t start = out->len;
	int i;

	buf_add(out, "", 0);
	switch (t->pricing) {
	case PRICE_FINE:
		money(currency, t->fine, out);
		break;
	case PRICE_LADDER:
		for (i = 0; i < t->nladder; i++) {
			if (i)
				buf_puts(out, "/");
			money(currency, t->ladder[i], out);
		}
		break;
	case PRICE_RANGE:
		money(currency, t->lo, out);
		buf_puts(out, _(" to "));
		money(currency, t->hi, out);
		break;
	case PRICE_NONE:
		break;
	}
	if (t->repeat_factor > 1)
		buf_printf(out, _(" x%d from offence %d"), t->repeat_factor,
		    t->repeat_from);
	for (i = 0; i < t->nco; i++) {
		buf_printf(out, " +%s ", _(grole_name(t->co[i].role)));
		money(currency, t->co[i].fine, out);
	}
	if (t->has_group_fine) {
		buf_printf(out, " +%s ", _("every member"));
		money(currency, t->group_fine, out);
	}
	if (t->confiscate[0])
		buf_printf(out, _(" %s confiscated"), t->confiscate);
	if (t->flag != FLAG_NONE)
		buf_printf(out, " [%s]", _(flag_name(t->flag)));
	if (t->positive)
		buf_puts(out, _(" commendation"));
	if (t->absence_halfdays)
		buf_printf(out, _(" absence %d.%d day"), t->absence_halfdays / 2,
		    t->absence_halfdays % 2 * 5);
	if (t->journal)
		buf_puts(out, _(" journal"));
	if (t->note_required)
		buf_puts(out, _(" (note)"));
	/* No leading blank when the rule has no amount of its own. */
	if (out->len > start && out->s[start] == ' ') {
		memmove(out->s + start, out->s + start + 1, out->len - start);
		out->len--;
	}
}

int
terms_load(struct store *s, int64_t version, struct rule_terms *t,
    struct err *e)
{
	char text[1024];

	if (store_rule_terms(s, version, text, sizeof text, e) < 0)
		return -1;
	if (terms_parse(text, t) < 0)
		return err_set(e, EXIT_RUNTIME, _("rule version %lld has terms this "
		    "callfloor cannot read: %s"), (long long)version, text);
	return 0;
}
