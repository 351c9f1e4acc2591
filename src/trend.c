/*
 * trend.c - the month at a glance (see trend.h).
 */
#include "trend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "text.h"

static const char *const spark_utf8[] = { "\xe2\x96\x81", "\xe2\x96\x82",
	"\xe2\x96\x83", "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
	"\xe2\x96\x87", "\xe2\x96\x88" };
static const char *const spark_ascii[] = { "_", ".", "-", "=", "#" };

void
trend_spark(const fen_t *v, int n, bool ascii, struct buf *out)
{
	const char *const *glyph = ascii ? spark_ascii : spark_utf8;
	int levels = ascii ? 5 : 8, i;
	fen_t max = 0;

	for (i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (i = 0; i < n; i++) {
		int l = 0;

		/* Any fine lifts a day off the floor; the rest of the glyphs
		 * share the scale, the top one the month's largest day. */
		if (max > 0 && v[i] > 0)
			l = 1 + (int)(v[i] * (levels - 2) / max);
		buf_puts(out, glyph[l]);
	}
}

int
trend_month(const struct floor *f, struct store *s, const char *day,
    struct trend *t, struct err *e)
{
	char first[DAY_LEN], last[DAY_LEN];
	struct fine_line *lines;
	fen_t *by_rule;
	int n, i, g;

	memset(t, 0, sizeof *t);
	snprintf(first, sizeof first, "%.7s-01", day);
	clock_month_last(first, last);
	if (store_fine_lines(s, first, last, &lines, &n, e) < 0)
		return -1;
	t->ndays = atoi(last + 8);
	t->daily = xcalloc((size_t)(f->ngroups * t->ndays) + 1, sizeof *t->daily);
	t->top = xcalloc((size_t)f->ngroups + 1, sizeof *t->top);
	t->top_amount = xcalloc((size_t)f->ngroups + 1, sizeof *t->top_amount);
	by_rule = xcalloc((size_t)(f->ngroups * f->nrules) + 1, sizeof *by_rule);
	for (i = 0; i < n; i++) {
		const struct fine_line *l = &lines[i];
		int si = l->f.staff[0] ? floor_staff_find(f, l->f.staff) : -1;
		int r = floor_rule_find(f, l->in.rule);
		int d = atoi(l->in.day + 8) - 1;

		if (l->f.staff[0] == '\0')
			continue;	/* a vacancy: nobody pays */
		g = si >= 0 ? f->staff[si].group : floor_group_find(f, l->f.grp);
		if (g < 0 || d < 0 || d >= t->ndays)
			continue;
		t->daily[g * t->ndays + d] += l->f.amount;
		if (r >= 0)
			by_rule[g * f->nrules + r] += l->f.amount;
	}
	/* The costliest rule; a tie goes to the rulebook's earlier rule. */
	for (g = 0; g < f->ngroups; g++)
		for (i = 0; i < f->nrules; i++)
			if (by_rule[g * f->nrules + i] > t->top_amount[g]) {
				t->top_amount[g] = by_rule[g * f->nrules + i];
				snprintf(t->top[g], STORE_ID, "%s", f->rules[i].code);
			}
	free(by_rule);
	free(lines);
	return 0;
}

void
trend_free(struct trend *t)
{
	free(t->daily);
	free(t->top);
	free(t->top_amount);
	memset(t, 0, sizeof *t);
}

void
trend_line(const struct floor *f, const struct trend *t, int g, bool ascii,
    struct buf *out)
{
	char m[32];

	text_fit(out, f->groups[g].id, 6, false, ascii);
	buf_puts(out, " ");
	trend_spark(&t->daily[g * t->ndays], t->ndays, ascii, out);
	if (t->top[g][0])
		/* TRANSLATORS: the month at a glance: the group's costliest
		 * rule code and its amount. */
		buf_printf(out, _("  top %s %s"), t->top[g],
		    fen_format(t->top_amount[g], m, sizeof m));
	else
		buf_puts(out, _("  no fines"));
}
