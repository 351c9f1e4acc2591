/*
 * regform.c - the register form (rule B14): one prompt after another,
 * each checked as it is answered (a bad phone or kind is asked again with
 * what was wrong), then one engine call.  Esc at any step records nothing.
 */
#include "regform.h"

#include <stdio.h>
#include <string.h>

#include "../src/clock.h"
#include "../src/complaint.h"
#include "prompt.h"
#include "words.h"

static void ask_caller(struct ui *u, const char *hint);
static void ask_phone(struct ui *u, const char *prefill, const char *hint);
static void ask_kind(struct ui *u, const char *hint);
static void ask_note(struct ui *u, const char *hint);

/* "Register (B14), 李娜 E101 — caller:" */
static void
ask(struct ui *u, const char *what, const char *prefill, const char *hint,
    prompt_done_fn done)
{
	struct buf label = { 0 };
	int who = u->flow.staff;

	buf_printf(&label, _("Register (B14) for %s %s, %s:"), words_staff(u, who),
	    u->f->staff[who].id, what);
	prompt_line(u, label.s, prefill, false, done);
	if (hint)
		prompt_hint(u, true, "%s", hint);
	buf_free(&label);
}

static bool
cancelled(struct ui *u, bool ok)
{
	if (!ok)
		ui_msg(u, false, _("Nothing recorded in the register."));
	return !ok;
}

static bool
blank(const char *s)
{
	return strspn(s, " ") == strlen(s);
}

static void
note_done(struct ui *u, bool ok, const char *text, int choice)
{
	struct complaint_req r = { 0 };
	struct err e = { 0 };
	int64_t id;
	int who = u->flow.staff;

	(void)choice;
	if (cancelled(u, ok))
		return;
	if (blank(text)) {
		ask_note(u, _("a note is required: what is to be repaired, or what "
		    "the complaint is"));
		return;
	}
	r.staff = who;
	r.kind = (enum complaint_kind)u->flow.reg_kind;
	r.caller = u->flow.reg_caller;
	r.phone = u->flow.reg_phone;
	r.note = text;
	r.at = clock_now();
	if (complaint_add(u->f, u->s, u->a, &r, &id, &e) < 0) {
		ui_msg(u, true, _("Not recorded: %s"), e.msg);
		return;
	}
	ui_msg(u, false, _("Register entry #%lld: %s of %s for %s %s."),
	    (long long)id, _(complaint_kind_name(r.kind)), r.caller,
	    words_staff(u, who), u->f->staff[who].id);
	ui_reload(u);
}

static void
ask_note(struct ui *u, const char *hint)
{
	ask(u, _("note"), "", hint, note_done);
}

static void
kind_done(struct ui *u, bool ok, const char *text, int choice)
{
	enum complaint_kind k;

	(void)choice;
	if (cancelled(u, ok))
		return;
	if (complaint_kind_parse(text, &k) < 0) {
		ask_kind(u, _("r (repair) or c (complaint)"));
		return;
	}
	u->flow.reg_kind = (int)k;
	ask_note(u, NULL);
}

static void
ask_kind(struct ui *u, const char *hint)
{
	ask(u, _("kind r repair / c complaint"), "", hint, kind_done);
}

static void
phone_done(struct ui *u, bool ok, const char *text, int choice)
{
	struct err e = { 0 };

	(void)choice;
	if (cancelled(u, ok))
		return;
	if (blank(text))
		u->flow.reg_phone[0] = '\0';
	else if (complaint_phone_norm(text, u->flow.reg_phone, &e) < 0) {
		/* e.msg repeats the text; the hint has half a line. */
		ask_phone(u, text, strstr(e.msg, "too long") ? _("too long: at most "
		    "20 digits") : _("not a number: digits, + - and spaces"));
		return;
	}
	ask_kind(u, NULL);
}

static void
ask_phone(struct ui *u, const char *prefill, const char *hint)
{
	ask(u, _("phone (Enter: none)"), prefill, hint, phone_done);
}

static void
caller_done(struct ui *u, bool ok, const char *text, int choice)
{
	struct err e = { 0 };

	(void)choice;
	if (cancelled(u, ok))
		return;
	if (blank(text)) {
		ask_caller(u, _("the caller is required: who called"));
		return;
	}
	if (engine_check_text("caller", text, &e) < 0) {
		ask_caller(u, e.msg);
		return;
	}
	snprintf(u->flow.reg_caller, sizeof u->flow.reg_caller, "%s", text);
	ask_phone(u, "", NULL);
}

static void
ask_caller(struct ui *u, const char *hint)
{
	ask(u, _("caller"), "", hint, caller_done);
}

void
regform_open(struct ui *u)
{
	int who = u->cur >= 0 ? u->f->seats[u->cur].staff : -1;

	if (u->readonly) {
		ui_msg(u, true, _("The database is open read-only here: nothing "
		    "can be recorded."));
		return;
	}
	if (!actor_can_mark(u->a)) {
		ui_msg(u, true, _("Refused: %s is a %s; supervisors and up record "
		    "the register."), u->a->login, _(urole_name(u->a->role)));
		return;
	}
	if (u->cur < 0)
		return;
	if (who < 0) {
		ui_msg(u, false, _("%s is empty: no agent took a call there."),
		    u->f->seats[u->cur].id);
		return;
	}
	memset(&u->flow, 0, sizeof u->flow);
	u->flow.staff = who;
	u->flow.group = -1;
	ask_caller(u, NULL);
}
