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

void
trend_start(const struct floor *f, const char *day, struct trend *t)
{
	char first[DAY_LEN], last[DAY_LEN];

	memset(t, 0, sizeof *t);
	snprintf(first, sizeof first, "%.7s-01", day);
	clock_month_last(first, last);
	t->f = f;
	t->ndays = atoi(last + 8);
	t->daily = xcalloc((size_t)(f->ngroups * t->ndays) + 1, sizeof *t->daily);
	t->top = xcalloc((size_t)f->ngroups + 1, sizeof *t->top);
	t->top_amount = xcalloc((size_t)f->ngroups + 1, sizeof *t->top_amount);
	t->by_rule = xcalloc((size_t)(f->ngroups * f->nrules) + 1,
	    sizeof *t->by_rule);
}

/* Sums, so the order the lines come in does not matter. */
int
trend_add(void *arg, const struct fine_tick *l)
{
	struct trend *t = arg;
	const struct floor *f = t->f;
	/* The day of the month of "YYYY-MM-DD", from 0 (one atoi a line was
	 * a thirtieth of a month's sums). */
	int si, r, d = (l->day[8] - '0') * 10 + (l->day[9] - '0') - 1, g;

	if (l->staff[0] == '\0')
		return 0;	/* a vacancy: nobody pays */
	si = floor_staff_find(f, l->staff);
	g = si >= 0 ? f->staff[si].group : floor_group_find(f, l->grp);
	if (g < 0 || d < 0 || d >= t->ndays)
		return 0;
	t->daily[g * t->ndays + d] += l->amount;
	if ((r = floor_rule_find(f, l->rule)) >= 0)
		t->by_rule[g * f->nrules + r] += l->amount;
	return 0;
}

void
trend_finish(struct trend *t)
{
	const struct floor *f = t->f;
	int g, i;

	/* The costliest rule; a tie goes to the rulebook's earlier rule. */
	for (g = 0; g < f->ngroups; g++)
		for (i = 0; i < f->nrules; i++)
			if (t->by_rule[g * f->nrules + i] > t->top_amount[g]) {
				t->top_amount[g] = t->by_rule[g * f->nrules + i];
				snprintf(t->top[g], STORE_ID, "%s", f->rules[i].code);
			}
	free(t->by_rule);
	t->by_rule = NULL;
}

int
trend_month(const struct floor *f, struct store *s, const char *day,
    struct trend *t, struct err *e)
{
	char first[DAY_LEN], last[DAY_LEN];

	trend_start(f, day, t);
	snprintf(first, sizeof first, "%.7s-01", day);
	clock_month_last(first, last);
	if (store_fine_each(s, first, last, trend_add, t, e) < 0) {
		trend_free(t);
		return -1;
	}
	trend_finish(t);
	return 0;
}

void
trend_free(struct trend *t)
{
	free(t->daily);
	free(t->top);
	free(t->top_amount);
	free(t->by_rule);
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
