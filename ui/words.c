/*
 * words.c - the console's wording.  Every user-visible phrase goes through
 * _() so that a Chinese interface is a translation away.  It formats what
 * the engine and the store recorded; it never computes a fine.
 */
#include "words.h"

#include "../src/i18n.h"
#include "../src/terms.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

bool
words_showable(const struct ui *u, const char *s)
{
	if (!u->ascii)
		return true;
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

const char *
words_staff(const struct ui *u, int staff)
{
	const struct staff *st;

	if (staff < 0 || staff >= u->f->nstaff)
		return "?";
	st = &u->f->staff[staff];
	return words_showable(u, st->name) ? st->name : st->id;
}

const char *
words_staff_id(const struct ui *u, const char *id)
{
	int i = floor_staff_find(u->f, id);

	return i >= 0 ? words_staff(u, i) : id;
}

void
words_person(const struct ui *u, const char *id, struct buf *out)
{
	const char *name = words_staff_id(u, id);

	if (strcmp(name, id) != 0)
		buf_printf(out, "%s ", name);
	buf_puts(out, id);
}

const char *
words_group(const struct ui *u, int g)
{
	const struct group *gr = &u->f->groups[g];

	return words_showable(u, gr->name) ? gr->name : gr->id;
}

const char *
words_floor(const struct ui *u)
{
	return words_showable(u, u->f->name) ? u->f->name : u->f->id;
}

const char *
words_sep(const struct ui *u)
{
	return u->ascii ? " | " : " \xc2\xb7 ";
}

void
words_rule_title(const struct ui *u, const struct rule *r, struct buf *out)
{
	/* The interface's language: title_zh in Chinese, title in English. */
	if (i18n_chinese() && r->title_zh && r->title_zh[0] &&
	    words_showable(u, r->title_zh))
		buf_puts(out, r->title_zh);
	else
		buf_puts(out, r->title);
}

void
words_money(const struct ui *u, fen_t amount, struct buf *out)
{
	char a[32];
	const char *cur = u->f->currency ? u->f->currency : "";

	buf_printf(out, "%s%s", words_showable(u, cur) ? cur : "",
	    fen_format(amount, a, sizeof a));
}

void
words_time(int64_t t, bool with_day, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	if (with_day)
		snprintf(out, n, "%02d-%02d %02d:%02d", tm.tm_mon + 1, tm.tm_mday,
		    tm.tm_hour, tm.tm_min);
	else
		snprintf(out, n, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

void
words_terms(const struct ui *u, const struct rule *r, struct buf *out)
{
	const char *cur = u->f->currency ? u->f->currency : "";

	terms_describe(&r->t, words_showable(u, cur) ? cur : "", out);
}

/* The offender's part: "#12 SLEEP 李娜 E101, offence 2: ¥20.00 doubled". */
static void
mark_head(const struct ui *u, const struct mark_result *res, struct buf *out)
{
	const struct incident *in = &res->in;
	int r = floor_rule_find(u->f, in->rule);
	int i, g;

	buf_printf(out, "#%lld %s ", (long long)in->id, in->rule);
	if (in->staff[0] == '\0') {
		g = floor_group_find(u->f, in->grp);
		buf_printf(out, _("on group %s"), g >= 0 ? words_group(u, g) : in->grp);
		return;
	}
	words_person(u, in->staff, out);
	buf_printf(out, ", %s", _("offence"));
	buf_printf(out, " %d", in->offence);
	for (i = 0; i < res->nfines; i++)
		if (res->fines[i].own) {
			buf_puts(out, ": ");
			words_money(u, res->fines[i].amount, out);
			if (res->fines[i].doubled)
				buf_puts(out, _(" (repeat)"));
		}
	if (r >= 0 && u->f->rules[r].t.flag != FLAG_NONE)
		buf_printf(out, _(", flag: %s"), _(flag_name(u->f->rules[r].t.flag)));
	if (r >= 0 && u->f->rules[r].t.positive)
		buf_puts(out, _(", commendation"));
}

/* Members fined through a group rule: one amount, many names. */
static void
mark_members(const struct ui *u, const struct mark_result *res, struct buf *out)
{
	int i, n = 0;

	for (i = 0; i < res->nfines; i++) {
		const struct fine_row *fr = &res->fines[i];

		if (engine_fine_kind(fr) != FINE_GROUP)
			continue;
		if (n++ == 0) {
			buf_printf(out, "%s%s ", words_sep(u), _("members"));
			words_money(u, fr->amount, out);
			buf_printf(out, " %s: ", _("each"));
		} else
			buf_puts(out, ", ");
		buf_puts(out, words_staff_id(u, fr->staff));
	}
}

void
words_mark(const struct ui *u, const struct mark_result *res, struct buf *out)
{
	int i, nco = 0;

	buf_add(out, "", 0);
	mark_head(u, res, out);
	for (i = 0; i < res->nfines; i++) {
		const struct fine_row *fr = &res->fines[i];

		if (engine_fine_kind(fr) != FINE_CO)
			continue;
		buf_puts(out, nco++ == 0 ? words_sep(u) : ", ");
		if (nco == 1)
			buf_printf(out, "%s ", _("co-penalty"));
		if (fr->staff[0] == '\0')
			buf_printf(out, _("%s vacant (nobody pays "), _(fr->role));
		else
			buf_printf(out, "%s (%s) ", words_staff_id(u, fr->staff),
			    _(fr->role));
		words_money(u, fr->amount, out);
		if (fr->staff[0] == '\0')
			buf_puts(out, ")");
	}
	mark_members(u, res, out);
	if (res->custody) {
		int r = floor_rule_find(u->f, res->in.rule);

		buf_printf(out, _("%s%s taken into custody"), words_sep(u),
		    r >= 0 ? u->f->rules[r].t.confiscate : _("item"));
	}
}
