/*
 * brk.c - the console's break key.  Each write is one engine call
 * (src/breaks.c); this file asks, says what happened, and remembers who
 * is next so that every console watching says when that changes.
 */
#include "brk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/breaks.h"
#include "../src/text.h"
#include "mark.h"
#include "prompt.h"
#include "words.h"

static bool
may_write(struct ui *u)
{
	if (u->readonly) {
		ui_msg(u, true, _("The database is open read-only here: no break "
		    "can be started or ended."));
		return false;
	}
	if (!actor_can_mark(u->a)) {
		ui_msg(u, true, _("Refused: %s is a %s; leads do not start or end "
		    "breaks."), u->a->login, _(urole_name(u->a->role)));
		return false;
	}
	return true;
}

static void
started(struct ui *u, int who, const struct brk_result *r)
{
	const struct break_reason *b = &u->f->breaks[r->reason];

	if (r->queued)
		ui_msg(u, false, _("%s queued for %s: place %d in %s (max_away "
		    "reached); B again when it is next."), words_staff(u, who),
		    b->code, r->place, words_group(u, u->f->staff[who].group));
	else
		ui_msg(u, false, _("%s away: %s %s, limit %d minutes."),
		    words_staff(u, who), b->code, u->ascii ? b->title :
		    (b->title_zh[0] ? b->title_zh : b->title), r->limit);
}

static void
start(struct ui *u, int who, int reason)
{
	struct brk_result r;
	struct err e = { 0 };

	if (break_start(u->f, u->s, u->a, who, reason, &r, &e) < 0) {
		ui_msg(u, true, _("No break: %s"), e.msg);
		return;
	}
	ui_reload(u);
	started(u, who, &r);
}

/* The reason typed: its number in the menu, its code, or the start of
 * one code; -1 when it names none. */
static int
reason_of(const struct floor *f, const char *text)
{
	int i, found = -1;
	size_t n = strlen(text);

	if (n == 0)
		return -1;
	if (n <= 2 && text[0] >= '1' && text[0] <= '9' && (n == 1 ||
	    (text[1] >= '0' && text[1] <= '9'))) {
		i = atoi(text) - 1;
		return i < f->nbreaks ? i : -1;
	}
	if ((i = floor_break_find(f, text)) >= 0)
		return i;
	for (i = 0; i < f->nbreaks; i++)
		if (strncasecmp(f->breaks[i].code, text, n) == 0) {
			if (found >= 0)
				return -1;
			found = i;
		}
	return found;
}

static void ask_reason(struct ui *u, int who, const char *hint);

static void
reason_done(struct ui *u, bool ok, const char *text, int choice)
{
	int who = u->flow.staff, r;

	(void)choice;
	if (!ok)
		return;
	if ((r = reason_of(u->f, text)) < 0) {
		ask_reason(u, who, text);
		return;
	}
	start(u, who, r);
}

static void
ask_reason(struct ui *u, int who, const char *bad)
{
	struct buf label = { 0 };
	int i;

	buf_printf(&label, _(" Break for %s %s:"), words_staff(u, who),
	    u->f->staff[who].id);
	for (i = 0; i < u->f->nbreaks; i++) {
		const struct break_reason *b = &u->f->breaks[i];

		buf_printf(&label, "  %d %s %s %d'", i + 1, b->code, u->ascii ||
		    !b->title_zh[0] ? b->title : b->title_zh, b->limit_minutes);
	}
	buf_puts(&label, _("  (number or code) "));
	memset(&u->flow, 0, sizeof u->flow);
	u->flow.staff = who;
	u->flow.group = u->flow.rule = -1;
	prompt_line(u, label.s, "", false, reason_done);
	if (bad != NULL)
		prompt_hint(u, true, _("'%s' is no reason here"), bad);
	buf_free(&label);
}

static void
over_done(struct ui *u, bool ok, const char *text, int choice)
{
	(void)text;
	(void)choice;
	if (ok && u->flow.rule >= 0)
		mark_rule(u, u->flow.rule);
}

static void
end(struct ui *u, int who)
{
	struct brk_result r;
	struct err e = { 0 };
	struct buf msg = { 0 };
	int rule;

	if (break_end(u->f, u->s, u->a, who, &r, &e) < 0) {
		ui_msg(u, true, _("Break not ended: %s"), e.msg);
		return;
	}
	ui_reload(u);
	if (r.cancelled)
		buf_printf(&msg, _("%s left the queue."), words_staff(u, who));
	else
		buf_printf(&msg, r.over ? _("%s back after %d minutes, over the "
		    "limit.") : _("%s back after %d minutes."), words_staff(u, who),
		    r.minutes);
	if (r.next >= 0)
		buf_printf(&msg, _("  Next: %s %s (B on the seat starts it)."),
		    words_staff(u, r.next), u->f->staff[r.next].id);
	ui_msg(u, r.over, "%s", msg.s);
	buf_free(&msg);
	rule = r.over && r.reason >= 0 ? u->f->breaks[r.reason].over_rule : -1;
	if (rule >= 0) {
		struct buf q = { 0 };

		memset(&u->flow, 0, sizeof u->flow);
		u->flow.rule = rule;
		buf_printf(&q, _("%s was away %d minutes (limit %d): mark %s on "
		    "them? (y/n) "), words_staff(u, who), r.minutes, r.limit,
		    u->f->rules[rule].code);
		prompt_confirm(u, q.s, over_done);
		buf_free(&q);
	}
}

static void
leave_done(struct ui *u, bool ok, const char *text, int choice)
{
	(void)text;
	(void)choice;
	if (ok)
		end(u, u->flow.staff);
}

void
brk_key(struct ui *u)
{
	int who = u->cur >= 0 ? u->f->seats[u->cur].staff : -1;
	const struct seat_view *v;

	if (!may_write(u))
		return;
	if (who < 0) {
		ui_msg(u, true, _("%s is empty: put the cursor on an agent."),
		    u->cur >= 0 ? u->f->seats[u->cur].id : "-");
		return;
	}
	if (u->f->nbreaks == 0) {
		ui_msg(u, true, _("The rulebook has no breaks list: no break "
		    "reasons to choose from."));
		return;
	}
	v = u->map_ok ? &u->map.seats[u->cur] : NULL;
	if (v != NULL && (v->brk == SEAT_BRK_AWAY || v->brk == SEAT_BRK_OVER))
		end(u, who);
	else if (v != NULL && v->brk == SEAT_BRK_NEXT)
		start(u, who, floor_break_find(u->f, v->brk_reason));
	else if (v != NULL && v->brk == SEAT_BRK_QUEUED) {
		struct buf q = { 0 };

		memset(&u->flow, 0, sizeof u->flow);
		u->flow.staff = who;
		buf_printf(&q, _("%s is queued (place %d) for %s: leave the queue? "
		    "(y/n) "), words_staff(u, who), v->brk_place, v->brk_reason);
		prompt_confirm(u, q.s, leave_done);
		buf_free(&q);
	} else
		ask_reason(u, who, NULL);
}

/* Who is next: a byte per staff, compared across reloads. */
void
brk_announce(struct ui *u)
{
	unsigned char *now;
	struct buf msg = { 0 };
	int i, said = 0;

	if (!u->map_ok)
		return;
	now = xcalloc((size_t)u->f->nstaff + 1, 1);
	for (i = 0; i < u->f->nseats; i++)
		if (u->map.seats[i].brk == SEAT_BRK_NEXT && u->f->seats[i].staff >= 0)
			now[u->f->seats[i].staff] = 1;
	for (i = 0; u->brk_next != NULL && i < u->f->nstaff; i++) {
		if (!now[i] || u->brk_next[i])
			continue;
		buf_printf(&msg, said++ ? ", %s %s (%s)" : _("Next on a break: %s "
		    "%s (%s)"), words_staff(u, i), u->f->staff[i].id,
		    words_group(u, u->f->staff[i].group));
	}
	if (said) {
		buf_puts(&msg, _(" - B on the seat starts it."));
		ui_msg(u, false, "%s", msg.s);
	}
	buf_free(&msg);
	free(u->brk_next);
	u->brk_next = now;
}

void
brk_free(struct ui *u)
{
	free(u->brk_next);
	u->brk_next = NULL;
}
