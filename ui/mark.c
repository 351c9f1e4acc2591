/*
 * mark.c - the marking conversation.  A rule may need a confirmation
 * (group rules), an amount (range rules, the low end offered) and a note
 * (note_required); the prompts are asked in that order and only then is
 * engine_mark called, once: a mark is all made or not made at all.  The
 * engine prices; this file only reports what it recorded.
 */
#include "mark.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/attendance.h"
#include "prompt.h"
#include "mapview.h"
#include "words.h"

static bool
can_write(struct ui *u)
{
	if (u->readonly) {
		ui_msg(u, true, _("The database is open read-only here: nothing "
		    "can be marked."));
		return false;
	}
	if (!actor_can_mark(u->a)) {
		ui_msg(u, true, _("Refused: %s is a %s; leads read and report but "
		    "do not mark."), u->a->login, _(urole_name(u->a->role)));
		return false;
	}
	return true;
}

static int
cursor_agent(const struct ui *u)
{
	return u->cur >= 0 ? u->f->seats[u->cur].staff : -1;
}

/* Remembers one of this console's writes for u; the oldest goes when
 * the stack is full. */
static void
undo_push(struct ui *u, enum undo_kind kind, int64_t id, int staff,
    const char *day, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
undo_push(struct ui *u, enum undo_kind kind, int64_t id, int staff,
    const char *day, const char *fmt, ...)
{
	struct undo *d;
	va_list ap;

	if (u->nundo == UI_UNDO_MAX) {
		memmove(&u->undo[0], &u->undo[1], (UI_UNDO_MAX - 1) * sizeof u->undo[0]);
		u->nundo--;
	}
	d = &u->undo[u->nundo++];
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->id = id;
	d->staff = staff;
	if (day)
		snprintf(d->day, sizeof d->day, "%s", day);
	va_start(ap, fmt);
	vsnprintf(d->what, sizeof d->what, fmt, ap);
	va_end(ap);
}

static void
commit(struct ui *u)
{
	struct flow *fl = &u->flow;
	const struct rule *r = &u->f->rules[fl->rule];
	struct mark_req req = { 0 };
	struct mark_result res;
	struct err e = { 0 };
	struct buf msg = { 0 };

	req.rule = fl->rule;
	req.staff = fl->staff;
	req.group = fl->group;
	req.amount = r->t.pricing == PRICE_RANGE ? fl->amount : -1;
	req.note = fl->note_set ? fl->note : NULL;
	req.at = clock_now();
	if (engine_mark(u->f, u->s, u->a, &req, &res, &e) < 0) {
		ui_msg(u, true, _("Not marked: %s"), e.msg);
		return;
	}
	words_mark(u, &res, &msg);
	ui_msg(u, false, "%s", msg.s);
	undo_push(u, UNDO_MARK, res.in.id, fl->staff, NULL, "#%lld %s on %s",
	    (long long)res.in.id, r->code, fl->staff >= 0 ? words_staff(u,
	    fl->staff) : words_group(u, fl->group));
	buf_free(&msg);
	mark_result_free(&res);
	ui_reload(u);
}

static void flow_next(struct ui *u);

static void
confirm_done(struct ui *u, bool ok, const char *text, int choice)
{
	(void)text;
	(void)choice;
	if (!ok) {
		ui_msg(u, false, _("Not marked."));
		return;
	}
	u->flow.confirmed = true;
	flow_next(u);
}

static void ask_amount(struct ui *u, const char *text, const char *why);

static void
amount_done(struct ui *u, bool ok, const char *text, int choice)
{
	const struct rule_terms *t = &u->f->rules[u->flow.rule].t;
	fen_t v;

	(void)choice;
	if (!ok) {
		ui_msg(u, false, _("Not marked."));
		return;
	}
	if (fen_parse(text, &v) < 0) {
		ask_amount(u, text, _("not an amount"));
		return;
	}
	if (v < t->lo || v > t->hi) {
		ask_amount(u, text, _("outside the range"));
		return;
	}
	u->flow.amount = v;
	u->flow.amount_set = true;
	flow_next(u);
}

static void note_done(struct ui *u, bool ok, const char *text, int choice);

/* "李娜 E101 (A01): " or "group B (4 people): " - whom the mark falls on. */
static void
flow_whom(const struct ui *u, struct buf *out)
{
	int who = u->flow.staff, i, n = 0;

	if (who >= 0)
		buf_printf(out, "%s %s (%s): ", words_staff(u, who),
		    u->f->staff[who].id, u->f->staff[who].seat >= 0 ?
		    u->f->seats[u->f->staff[who].seat].id : "-");
	else if (u->flow.group >= 0) {
		for (i = 0; i < u->f->nstaff; i++)
			n += u->f->staff[i].group == u->flow.group;
		buf_printf(out, _("group %s (%d people): "), words_group(u,
		    u->flow.group), n);
	}
}

static void
ask_note(struct ui *u, const char *hint)
{
	struct buf label = { 0 };

	buf_printf(&label, _("Note (required): what happened? %s"),
	    u->f->rules[u->flow.rule].code);
	buf_puts(&label, _(" on "));
	flow_whom(u, &label);
	prompt_line(u, label.s, "", false, note_done);
	if (hint)
		prompt_hint(u, true, "%s", hint);
	buf_free(&label);
}

static void
ask_amount(struct ui *u, const char *text, const char *why)
{
	const struct rule *r = &u->f->rules[u->flow.rule];
	struct buf label = { 0 };

	/* On whom, first: every key that writes an amount says so. */
	flow_whom(u, &label);
	buf_printf(&label, _("Amount for %s ("), r->code);
	words_money(u, r->t.lo, &label);
	buf_puts(&label, _(" to "));
	words_money(u, r->t.hi, &label);
	buf_puts(&label, "):");
	prompt_line(u, label.s, text, why == NULL, amount_done);
	u->prompt.ascii_only = true;
	if (why)
		prompt_hint(u, true, "%s", why);
	buf_free(&label);
}

static void
note_done(struct ui *u, bool ok, const char *text, int choice)
{
	(void)choice;
	if (!ok) {
		ui_msg(u, false, _("Not marked."));
		return;
	}
	if (text[0] == '\0') {
		ask_note(u, _("a note is required"));
		return;
	}
	snprintf(u->flow.note, sizeof u->flow.note, "%s", text);
	u->flow.note_set = true;
	flow_next(u);
}

static void
ask_confirm(struct ui *u)
{
	const struct rule *r = &u->f->rules[u->flow.rule];
	struct buf q = { 0 }, terms = { 0 };
	int i, n = 0;

	for (i = 0; i < u->f->nstaff; i++)
		n += u->f->staff[i].group == u->flow.group;
	words_terms(u, r, &terms);
	buf_printf(&q, _("%s falls on the whole of group %s (%d people): %s. "
	    "Mark it?"), r->code, words_group(u, u->flow.group), n, terms.s);
	prompt_confirm(u, q.s, confirm_done);
	buf_free(&q);
	buf_free(&terms);
}

/* A rule that carries a flag says what it writes, and on whom, first. */
static void
ask_confirm_flag(struct ui *u)
{
	const struct rule *r = &u->f->rules[u->flow.rule];
	int who = u->flow.staff;
	struct buf q = { 0 }, terms = { 0 };

	words_terms(u, r, &terms);
	buf_printf(&q, _("%s on %s %s (seat %s): %s, flag: %s. Mark it?"),
	    r->code, words_staff(u, who), u->f->staff[who].id,
	    u->f->staff[who].seat >= 0 ? u->f->seats[u->f->staff[who].seat].id :
	    "-", terms.s, flag_name(r->t.flag));
	prompt_confirm(u, q.s, confirm_done);
	buf_free(&q);
	buf_free(&terms);
}

static void
flow_next(struct ui *u)
{
	const struct rule *r = &u->f->rules[u->flow.rule];
	char lo[32];

	if (u->flow.group >= 0 && !u->flow.confirmed)
		ask_confirm(u);
	else if (r->t.flag != FLAG_NONE && !u->flow.confirmed)
		ask_confirm_flag(u);
	else if (r->t.pricing == PRICE_RANGE && !u->flow.amount_set)
		ask_amount(u, fen_format(r->t.lo, lo, sizeof lo), NULL);
	else if (r->t.note_required && !u->flow.note_set)
		ask_note(u, NULL);
	else
		commit(u);
}

void
mark_rule(struct ui *u, int rule)
{
	const struct rule *r = &u->f->rules[rule];
	int who = cursor_agent(u);

	if (!can_write(u))
		return;
	memset(&u->flow, 0, sizeof u->flow);
	u->flow.rule = rule;
	u->flow.staff = u->flow.group = -1;
	u->flow.amount = -1;
	if (who < 0) {
		ui_msg(u, true, _("%s: %s is empty; put the cursor on %s."),
		    r->code, u->cur >= 0 ? u->f->seats[u->cur].id : "-",
		    rule_is_group(r) ? _("a seat of the group") : _("the agent"));
		return;
	}
	if (rule_is_group(r))
		u->flow.group = u->f->staff[who].group;
	else
		u->flow.staff = who;
	flow_next(u);
}

static void
menu_done(struct ui *u, bool ok, const char *text, int choice)
{
	(void)text;
	if (ok && choice >= 0)
		mark_rule(u, choice);
}

void
mark_menu(struct ui *u)
{
	struct buf label = { 0 };
	int who = cursor_agent(u);

	if (!can_write(u))
		return;
	if (who < 0) {
		ui_msg(u, true, _("%s is empty: put the cursor on an agent to mark."),
		    u->cur >= 0 ? u->f->seats[u->cur].id : "-");
		return;
	}
	/* The menu says on whom the mark will fall. */
	buf_printf(&label, _(" Mark a rule on %s %s, seat %s: type a code or a title "),
	    words_staff(u, who), u->f->staff[who].id, u->f->seats[u->cur].id);
	prompt_menu(u, label.s, menu_done);
	buf_free(&label);
}

/* u: takes back this console's newest write still on the stack. */
void
mark_undo(struct ui *u)
{
	struct undo d;
	struct err e = { 0 };
	int rc = 0, closed = 0;
	int64_t late = 0;

	if (!can_write(u))
		return;
	if (u->nundo == 0) {
		ui_msg(u, false, _("Nothing to undo: u takes back only what this "
		    "console did (marks elsewhere are voided with `callfloor "
		    "void`)."));
		return;
	}
	d = u->undo[--u->nundo];
	switch (d.kind) {
	case UNDO_MARK:
		rc = engine_undo_mark(u->f, u->s, u->a, d.id, &closed, &e);
		break;
	case UNDO_INSPECT:
		rc = engine_undo_inspection(u->f, u->s, u->a, d.id, &e);
		break;
	case UNDO_SIGNIN:
		rc = attendance_signin_void(u->f, u->s, u->a, d.staff, d.day,
		    "undone at console", &late, &e);
		break;
	case UNDO_RETURN:
		rc = engine_undo_return(u->f, u->s, u->a, d.id, &e);
		break;
	}
	if (rc < 0)
		ui_msg(u, true, _("Not undone (%s): %s"), d.what, e.msg);
	else if (d.kind == UNDO_MARK)
		ui_msg(u, false, _("Undone: %s (voided, kept on record)%s"), d.what,
		    closed ? _("; its custody record is closed: the item was "
		    "never taken.") : ".");
	else if (d.kind == UNDO_SIGNIN && late != 0)
		ui_msg(u, false, _("Undone: %s, and its LATE mark #%lld (voided, "
		    "kept on record)."), d.what, (long long)late);
	else
		ui_msg(u, false, _("Undone: %s."), d.what);
	ui_reload(u);
}

void
mark_inspect(struct ui *u)
{
	struct err e = { 0 };
	int who = cursor_agent(u), next;
	int64_t id = 0;

	if (!can_write(u) || u->cur < 0)
		return;
	/* A round walks a group's seats before the next group's. */
	next = mapview_next_in_group(u);
	if (who < 0) {
		ui_msg(u, false, _("%s is empty: nothing to inspect."),
		    u->f->seats[u->cur].id);
	} else if (engine_inspect(u->f, u->s, u->a, u->cur, &id, &e) < 0) {
		ui_msg(u, true, _("Not recorded: %s"), e.msg);
		return;
	} else {
		ui_msg(u, false, _("%s %s inspected: in order."),
		    u->f->seats[u->cur].id, words_staff(u, who));
		undo_push(u, UNDO_INSPECT, id, who, NULL, _("inspection of %s %s"),
		    u->f->seats[u->cur].id, words_staff(u, who));
	}
	if (next >= 0)
		u->cur = next;
	ui_reload(u);
}

void
mark_return(struct ui *u)
{
	struct custody *c = NULL;
	struct err e = { 0 };
	int who = cursor_agent(u), n = 0, i;
	const char *id;

	if (!can_write(u) || who < 0)
		return;
	id = u->f->staff[who].id;
	if (store_custody_held(u->s, &c, &n, &e) < 0) {
		ui_msg(u, true, "%s", e.msg);
		return;
	}
	for (i = 0; i < n && strcmp(c[i].staff, id) != 0; i++)
		;
	if (i == n)
		ui_msg(u, false, _("Nothing of %s's is held."), words_staff(u, who));
	else if (engine_return(u->f, u->s, u->a, c[i].id, &e) < 0)
		ui_msg(u, true, _("Not handed back: %s"), e.msg);
	else {
		char when[32];

		words_time(c[i].taken_at, true, when, sizeof when);
		ui_msg(u, false, _("%s handed back to %s (taken %s, kept by %s)."),
		    c[i].item, words_staff(u, who), when, c[i].kept_by);
		undo_push(u, UNDO_RETURN, c[i].id, who, NULL, _("return of the "
		    "%s to %s"), c[i].item, words_staff(u, who));
		ui_reload(u);
	}
	free(c);
}

void
mark_signin(struct ui *u)
{
	struct signin_result r;
	struct err e = { 0 };
	struct buf msg = { 0 };
	int who = cursor_agent(u);

	if (!can_write(u) || u->cur < 0)
		return;
	if (who < 0) {
		ui_msg(u, false, _("%s is empty: nobody to sign in."),
		    u->f->seats[u->cur].id);
		return;
	}
	if (attendance_signin(u->f, u->s, u->a, who, clock_now(), false, false,
	    &r, &e) < 0) {
		ui_msg(u, true, _("Not signed in: %s"), e.msg);
		return;
	}
	buf_printf(&msg, _("%s signed in"), words_staff(u, who));
	if (r.minutes > 0) {
		buf_printf(&msg, ngettext(", %d minute late", ", %d minutes late",
		    (unsigned long)r.minutes), r.minutes);
		if (r.half_day)
			buf_puts(&msg, _(" (half a day of personal leave)"));
		if (r.late_incident != 0) {
			buf_printf(&msg, _(": #%lld LATE "), (long long)r.late_incident);
			words_money(u, r.late_fine, &msg);
		}
	}
	buf_puts(&msg, ".");
	ui_msg(u, r.half_day, "%s", msg.s);
	{
		char day[DAY_LEN];

		clock_shift_day(u->f, clock_now(), day);
		undo_push(u, UNDO_SIGNIN, 0, who, day, _("sign-in of %s on %s"),
		    words_staff(u, who), day);
	}
	buf_free(&msg);
	ui_reload(u);
}

static void ask_explain(struct ui *u, const char *hint);

static void
explain_done(struct ui *u, bool ok, const char *text, int choice)
{
	struct err e = { 0 };
	char day[DAY_LEN];
	int who = u->flow.staff;

	(void)choice;
	if (!ok) {
		ui_msg(u, false, _("No explanation recorded."));
		return;
	}
	if (text[0] == '\0') {
		ask_explain(u, _("say why (a note is required)"));
		return;
	}
	clock_shift_day(u->f, clock_now(), day);
	if (attendance_explain(u->f, u->s, u->a, who, day, text, &e) < 0) {
		ui_msg(u, true, _("Not recorded: %s"), e.msg);
		return;
	}
	ui_msg(u, false, _("Attendance explanation for %s %s on %s recorded: the "
	    "day is no absence."), words_staff(u, who), u->f->staff[who].id, day);
	ui_reload(u);
}

static void
ask_explain(struct ui *u, const char *hint)
{
	struct buf label = { 0 };
	char day[DAY_LEN];
	int who = u->flow.staff;

	clock_shift_day(u->f, clock_now(), day);
	buf_printf(&label, _("Attendance explanation (A2) for %s %s on %s:"),
	    words_staff(u, who), u->f->staff[who].id, day);
	prompt_line(u, label.s, "", false, explain_done);
	if (hint)
		prompt_hint(u, true, "%s", hint);
	buf_free(&label);
}

void
mark_explain(struct ui *u)
{
	int who = cursor_agent(u);

	if (!can_write(u) || u->cur < 0)
		return;
	if (who < 0) {
		ui_msg(u, false, _("%s is empty: nobody to explain for."),
		    u->f->seats[u->cur].id);
		return;
	}
	memset(&u->flow, 0, sizeof u->flow);
	u->flow.staff = who;
	u->flow.group = -1;
	ask_explain(u, NULL);
}
