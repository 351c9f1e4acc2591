/*
 * detail.c - fills the pager with one seat's story.  It reads incidents,
 * fines and custody through the store's read functions and shows the
 * amounts the engine recorded; it computes no fine and writes nothing.
 */
#include "detail.h"

#include "../db/monthend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/complaint.h"
#include "../src/ledger.h"
#include "../src/text.h"
#include "pager.h"
#include "theme.h"
#include "words.h"

/* "  co: 王芳 (director) ¥10.00, deputy vacant ¥10.00" */
static void
co_line(struct ui *u, const struct fine_row *fr, int n)
{
	struct buf line = { 0 };
	int i, k = 0, members = 0;

	buf_printf(&line, "             %s ", _("co-penalties:"));
	for (i = 0; i < n; i++) {
		if (fr[i].own)
			continue;
		if (engine_fine_kind(&fr[i]) == FINE_GROUP) {
			members++;
			continue;
		}
		if (k++)
			buf_puts(&line, ", ");
		if (fr[i].staff[0])
			buf_printf(&line, "%s (%s) ", words_staff_id(u, fr[i].staff),
			    _(fr[i].role));
		else
			buf_printf(&line, _("%s vacant "), _(fr[i].role));
		words_money(u, fr[i].amount, &line);
	}
	if (members)
		buf_printf(&line, ngettext("%s%d member fined", "%s%d members "
		    "fined", members), k ? ", " : "", members);
	if (k || members)
		pager_add(u, ROLE_DIM, line.s);
	buf_free(&line);
}

/* The appeals (申诉) of the incident's lines, one a line. */
static void
appeal_lines(struct ui *u, int64_t incident)
{
	struct appeal *ap = NULL;
	struct err e = { 0 };
	int n = 0, i;

	if (store_appeals(u->s, &ap, &n, &e) < 0)
		return;
	for (i = 0; i < n; i++) {
		struct buf line = { 0 };

		if (ap[i].incident != incident)
			continue;
		buf_printf(&line, _("    appeal %lld by %s: %s (%s)"),
		    (long long)ap[i].id, ap[i].staff, ap[i].decision[0] == '\0' ?
		    _("pending, out of payroll") : strcmp(ap[i].decision,
		    "uphold") == 0 ? _("upheld") : _("voided"), ap[i].reason);
		pager_add(u, ROLE_DIM, line.s);
		buf_free(&line);
	}
	free(ap);
}

static void
incident_lines(struct ui *u, const struct incident *in, bool with_day)
{
	struct buf line = { 0 };
	struct fine_row *fr = NULL;
	struct err e = { 0 };
	char when[32];
	int n = 0, i, r = floor_rule_find(u->f, in->rule);

	words_time(in->at, with_day, when, sizeof when);
	buf_printf(&line, "  %s  #%-4lld ", when, (long long)in->id);
	text_fit(&line, in->rule, 15, false, u->ascii);
	buf_printf(&line, " %s %d", _("offence"), in->offence);
	if (store_fines_of(u->s, in->id, &fr, &n, &e) < 0)
		buf_printf(&line, "  (%s)", e.msg);
	for (i = 0; i < n; i++)
		if (fr[i].own) {
			buf_puts(&line, "  ");
			words_money(u, fr[i].amount, &line);
			if (fr[i].doubled)
				buf_puts(&line, _(" (repeat)"));
		}
	if (r >= 0 && u->f->rules[r].t.flag != FLAG_NONE)
		buf_printf(&line, "  [%s]", _(flag_name(u->f->rules[r].t.flag)));
	if (in->note[0])
		buf_printf(&line, "  \"%s\"", in->note);
	if (in->voided_at) {
		words_time(in->voided_at, true, when, sizeof when);
		buf_printf(&line, _("  VOIDED %s by %s: %s"), when, in->voided_by,
		    in->void_reason);
	}
	pager_add(u, in->voided_at ? ROLE_VOID : ROLE_NORMAL, line.s);
	if (!in->voided_at)
		co_line(u, fr, n);
	appeal_lines(u, in->id);
	free(fr);
	buf_free(&line);
}

static void
incidents_section(struct ui *u, const char *title, const struct incident *in,
    int n, const char *from, const char *to, bool with_day)
{
	int i, shown = 0;

	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, title);
	for (i = 0; i < n; i++)
		if (strcmp(in[i].day, from) >= 0 && strcmp(in[i].day, to) <= 0) {
			incident_lines(u, &in[i], with_day);
			shown++;
		}
	if (!shown)
		pager_add(u, ROLE_DIM, _("  none"));
}

/* Fines that fell on the agent through someone else's incident. */
static void
fell_on(struct ui *u, const char *staff, const char *from, const char *to)
{
	struct fine_line *fl = NULL;
	struct err e = { 0 };
	int n = 0, i, shown = 0;

	pager_add(u, ROLE_NORMAL, "");
	pager_add(u, ROLE_TITLE, _("Fines through others' incidents this month"));
	if (store_fine_lines(u->s, from, to, &fl, &n, &e) < 0) {
		pager_add(u, ROLE_MSG_ERR, e.msg);
		return;
	}
	for (i = 0; i < n; i++) {
		struct buf line = { 0 };
		char when[32];

		if (fl[i].f.own || strcmp(fl[i].f.staff, staff) != 0)
			continue;
		words_time(fl[i].in.at, true, when, sizeof when);
		buf_printf(&line, "  %s  #%-4lld ", when, (long long)fl[i].in.id);
		/* TRANSLATORS: seat detail: rule code, who offended (a staff
		 * id and name, or "the group"), this person's role in it. */
		buf_printf(&line, _("%s by %s, %s "), fl[i].in.rule,
		    fl[i].in.staff[0] ? words_staff_id(u, fl[i].in.staff) :
		    _("the group"), _(fl[i].f.role));
		words_money(u, fl[i].f.amount, &line);
		pager_add(u, ROLE_NORMAL, line.s);
		buf_free(&line);
		shown++;
	}
	if (!shown)
		pager_add(u, ROLE_DIM, _("  none"));
	free(fl);
}

static void
totals(struct ui *u, const char *staff, const char *from)
{
	struct ledger_row *rows = NULL;
	struct err e = { 0 };
	struct buf line = { 0 };
	int n = 0, i, pass;

	pager_add(u, ROLE_NORMAL, "");
	buf_printf(&line, "%s ", _("Totals:"));
	for (pass = 0; pass < 2; pass++) {
		fen_t own = 0, co = 0;

		if (ledger_fines(u->f, u->s, pass ? from : u->day, u->day, NULL, &rows,
		    &n, &e) < 0)
			break;
		for (i = 0; i < n; i++)
			if (strcmp(rows[i].staff_id, staff) == 0)
				own = rows[i].own, co = rows[i].co;
		free(rows);
		buf_printf(&line, "%s%s ", pass ? words_sep(u) : "",
		    pass ? _("this month own") : _("today own"));
		words_money(u, own, &line);
		buf_printf(&line, " %s ", _("co"));
		words_money(u, co, &line);
	}
	pager_add(u, ROLE_TITLE, line.s);
	buf_free(&line);
}

static void
custody_lines(struct ui *u, const char *staff)
{
	struct custody *c = NULL;
	struct err e = { 0 };
	int n = 0, i;

	if (store_custody_held(u->s, &c, &n, &e) < 0)
		return;
	for (i = 0; i < n; i++)
		if (strcmp(c[i].staff, staff) == 0) {
			char when[32];

			struct incident in;
			bool voided = store_incident_get(u->s, c[i].incident, &in,
			    &e) == 0 && in.voided_at != 0;

			words_time(c[i].taken_at, true, when, sizeof when);
			pager_addf(u, theme_seat(SEAT_CUSTODY), _("Held: %s since %s, "
			    "kept by %s (custody %lld; r hands it back)%s"), c[i].item,
			    when, c[i].kept_by, (long long)c[i].id, voided ?
			    _(" (incident voided)") : "");
		}
	free(c);
}

/* The agent's open entries of rule B14's register, with their age;
 * phones masked as every view masks them (complaint_phone_show). */
static void
register_lines(struct ui *u, const char *staff)
{
	struct complaint *k = NULL;
	struct err e = { 0 };
	int n = 0, i;

	if (store_complaint_open_of(u->s, staff, &k, &n, &e) < 0) {
		pager_add(u, ROLE_MSG_ERR, e.msg);
		return;
	}
	if (n > 0)
		pager_addf(u, ROLE_TITLE, _("Open in the register of callers (B14): "
		    "%d"), n);
	for (i = 0; i < n; i++) {
		struct buf line = { 0 };
		char ph[COMPLAINT_PHONE];
		int age;

		complaint_phone_show(k[i].phone, u->a->role, ph, sizeof ph);
		buf_printf(&line, "  #%-4lld %s  ", (long long)k[i].id, k[i].day);
		age = complaint_age(k[i].day, u->day);
		buf_printf(&line, ngettext("%d day", "%d days", age), age);
		buf_printf(&line, "  %s  %s%s%s", _(k[i].kind), k[i].purged_at ?
		    _("(purged)") : k[i].caller, ph[0] ? "  " : "", ph);
		if (k[i].forwarded_at)
			buf_printf(&line, _("  [forwarded by %s]"), k[i].forwarded_by);
		pager_add(u, ROLE_NORMAL, line.s);
		pager_addf(u, ROLE_DIM, "         %s", k[i].note);
		buf_free(&line);
	}
	free(k);
}

static void
agent_story(struct ui *u, int who)
{
	const char *id = u->f->staff[who].id;
	struct incident *in = NULL;
	struct err e = { 0 };
	char from[DAY_LEN], to[DAY_LEN], yesterday[DAY_LEN], title[128];
	int n = 0;

	clock_window(WINDOW_MONTH, u->day, from, to);
	clock_add_days(u->day, -1, yesterday);
	custody_lines(u, id);
	register_lines(u, id);
	if (store_incidents(u->s, from, u->day, id, &in, &n, &e) < 0) {
		pager_add(u, ROLE_MSG_ERR, e.msg);
		return;
	}
	snprintf(title, sizeof title, _("Today, %s"), u->day);
	incidents_section(u, title, in, n, u->day, u->day, false);
	snprintf(title, sizeof title, _("Earlier this month (from %s)"), from);
	incidents_section(u, title, in, n, from, yesterday, true);
	free(in);
	fell_on(u, id, from, u->day);
	totals(u, id, from);
}

void
detail_rebuild(struct ui *u)
{
	int seat = u->pager.seat, who = u->f->seats[seat].staff;
	struct buf title = { 0 };
	const struct seat_view *v = u->map_ok ? &u->map.seats[seat] : NULL;

	buf_printf(&title, "%s %s  ", _("Seat"), u->f->seats[seat].id);
	if (who >= 0) {
		words_person(u, u->f->staff[who].id, &title);
		buf_printf(&title, "%s%s", words_sep(u),
		    words_group(u, u->f->staff[who].group));
	} else
		buf_puts(&title, _("empty seat"));
	pager_open(u, PAGER_DETAIL, title.s);
	buf_free(&title);
	if (v)
		pager_addf(u, theme_seat(v->state), "%s %s%s%s", seat_glyph(v->state,
		    u->ascii), _(seat_state_name(v->state)),
		    v->inspected && v->state != SEAT_OK ? words_sep(u) : "",
		    v->inspected && v->state != SEAT_OK ? _("inspected today") : "");
	if (who >= 0)
		agent_story(u, who);
	pager_clamp(u);
}

void
detail_open(struct ui *u, int seat)
{
	if (seat < 0)
		return;
	u->pager.seat = seat;
	u->pager.top = 0;
	detail_rebuild(u);
	ui_show_pager(u);
}
