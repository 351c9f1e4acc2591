/*
 * config_rules.c - the rulebook part of the configuration: each rule and
 * its terms (fines, ladders, ranges, co-penalties, windows, flags), the
 * attendance thresholds and the deduction policy (A7), checked against
 * their key tables with FILE:LINE errors.  For config.c only.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_internal.h"
#include "console_keys.h"
#include "i18n.h"
#include "text.h"

static bool
load_co(struct ctx *c, const config_setting_t *l, struct rule_terms *t,
    const char *code)
{
	int i, n = config_setting_length(l);

	if (n > CO_MAX) {
		cerr(c, l, _("rule %s: at most %d co-penalties"), code, CO_MAX);
		return false;
	}
	for (i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		const char *role;
		enum grole r;
		int j;

		if (!check_keys(c, g, "rules.co_penalty", "co_penalty"))
			return false;
		role = get_str(g, "role");
		if (grole_parse(role, &r) < 0 || r == GROLE_AGENT) {
			cerr(c, config_setting_get_member(g, "role"), _("rule %s: "
			    "unknown co-penalty role '%s' (director, deputy or "
			    "supervisor)"), code, role);
			return false;
		}
		for (j = 0; j < t->nco; j++)
			if (t->co[j].role == r) {
				cerr(c, g, _("rule %s: co-penalty role '%s' given twice"),
				    code, role);
				return false;
			}
		if (!get_amount(c, config_setting_get_member(g, "fine"),
		    "rules.co_penalty.fine", "co-penalty fine", &t->co[t->nco].fine))
			return false;
		t->co[t->nco++].role = r;
	}
	return true;
}

static bool
load_ladder(struct ctx *c, const config_setting_t *s, struct rule_terms *t,
    const char *code)
{
	int i, n = config_setting_length(s);

	if (n == 0) {
		cerr(c, s, _("rule %s: the ladder is empty"), code);
		return false;
	}
	if (n > LADDER_MAX) {
		cerr(c, s, _("rule %s: a ladder has at most %d steps"), code, LADDER_MAX);
		return false;
	}
	for (i = 0; i < n; i++)
		if (!get_amount(c, config_setting_get_elem(s, (unsigned)i),
		    "rules.ladder", "ladder step", &t->ladder[i]))
			return false;
	t->nladder = n;
	return true;
}

static bool
load_range(struct ctx *c, const config_setting_t *s, struct rule_terms *t,
    const char *code)
{
	char a[32], b[32];

	if (config_setting_length(s) != 2) {
		cerr(c, s, _("rule %s: a range is [low, high]"), code);
		return false;
	}
	if (!get_amount(c, config_setting_get_elem(s, 0), "rules.range",
	    "range low", &t->lo) ||
	    !get_amount(c, config_setting_get_elem(s, 1), "rules.range",
	    "range high", &t->hi))
		return false;
	if (t->lo > t->hi) {
		cerr(c, s, _("rule %s: range low %s is above high %s"), code,
		    fen_format(t->lo, a, sizeof a), fen_format(t->hi, b, sizeof b));
		return false;
	}
	return true;
}

void
config_load_rule(struct ctx *c, const config_setting_t *g)
{
	struct floor *f = c->f;
	struct rule ru = { 0 };
	struct rule_terms *t = &ru.t;
	const config_setting_t *s;
	const struct console_key *ck;
	const char *code, *v;
	char who[64];
	int npricing = 0, i;
	bool ok = true;

	if (!check_keys(c, g, "rules", "rule"))
		return;
	code = get_str(g, "code");
	for (v = code; *v; v++)
		if (!isupper((unsigned char)*v) && !isdigit((unsigned char)*v) && *v != '_')
			break;
	if (*v != '\0' || code[0] == '\0' || strlen(code) > ID_MAX) {
		cerr(c, g, _("rule code '%s' must be capitals, digits and '_'"), code);
		return;
	}
	if (floor_rule_find(f, code) >= 0) {
		cerr(c, g, _("duplicate rule code '%s'"), code);
		return;
	}
	snprintf(who, sizeof who, _("rule %s"), code);
	if ((v = get_str(g, "key")) != NULL) {
		s = config_setting_get_member(g, "key");
		if (strlen(v) != 1 || !isgraph((unsigned char)v[0])) {
			cerr(c, s, _("rule %s: key '%s' must be one printable character"),
			    code, v);
			ok = false;
		} else if ((ck = console_key_find(v[0])) != NULL) {
			cerr(c, s, _("rule %s: key '%s' is kept by the console, "
			    "for %s: %s"), code, v, ck->name, _(console_key_help(ck)));
			ok = false;
		} else if ((i = floor_rule_by_key(f, v[0])) >= 0) {
			cerr(c, s, _("rule %s: key '%s' is already rule %s's"), code, v,
			    f->rules[i].code);
			ok = false;
		} else
			ru.key = (unsigned char)v[0];
	}
	if ((s = config_setting_get_member(g, "fine")) != NULL) {
		npricing++;
		t->pricing = PRICE_FINE;
		ok &= get_amount(c, s, "rules.fine", "fine", &t->fine);
	}
	if ((s = config_setting_get_member(g, "ladder")) != NULL) {
		npricing++;
		t->pricing = PRICE_LADDER;
		ok &= load_ladder(c, s, t, code);
	}
	if ((s = config_setting_get_member(g, "range")) != NULL) {
		npricing++;
		t->pricing = PRICE_RANGE;
		ok &= load_range(c, s, t, code);
	}
	if (npricing > 1) {
		cerr(c, g, _("rule %s: give one of fine, ladder or range"), code);
		ok = false;
	}
	ok &= cfg_get(c, g, "rules.repeat_factor", who, &t->repeat_factor) ||
	    config_setting_get_member(g, "repeat_factor") == NULL;
	/* Unset: from the 2nd offence when there is a factor, else never. */
	t->repeat_from = t->repeat_factor > 1 ? (int)cfg_key("rules.repeat_from")->min
	    : 0;
	ok &= cfg_get(c, g, "rules.repeat_from", who, &t->repeat_from) ||
	    config_setting_get_member(g, "repeat_from") == NULL;
	if (window_parse(v = cfg_str(g, "rules.window"), &t->window) < 0) {
		cerr(c, config_setting_get_member(g, "window"), _("rule %s: unknown "
		    "window '%s' (day, month, year or ever)"), code, v);
		ok = false;
	}
	if ((s = config_setting_get_member(g, "co_penalty")) != NULL)
		ok &= load_co(c, s, t, code);
	if ((s = config_setting_get_member(g, "group_fine")) != NULL) {
		t->has_group_fine = true;
		ok &= get_amount(c, s, "rules.group_fine", "group_fine",
		    &t->group_fine);
		if (npricing > 0) {
			cerr(c, s, _("rule %s: a group rule has no own fine "
			    "(drop fine, ladder or range)"), code);
			ok = false;
		}
	}
	if ((v = get_str(g, "confiscate")) != NULL) {
		if (!id_valid(v, sizeof t->confiscate - 1)) {
			cerr(c, config_setting_get_member(g, "confiscate"),
			    _("rule %s: confiscate '%s' must be a short word"), code, v);
			ok = false;
		} else
			snprintf(t->confiscate, sizeof t->confiscate, "%s", v);
	}
	if ((v = get_str(g, "flag")) != NULL && flag_parse(v, &t->flag) < 0) {
		cerr(c, config_setting_get_member(g, "flag"), _("rule %s: unknown flag "
		    "'%s' (warning, criticism, termination-review or termination)"),
		    code, v);
		ok = false;
	}
	t->journal = get_bool(g, "journal");
	t->positive = get_bool(g, "positive");
	t->note_required = get_bool(g, "note_required");
	if (t->positive && (npricing > 0 || t->nco > 0 || t->has_group_fine)) {
		cerr(c, g, _("rule %s: a positive rule carries no fine"), code);
		ok = false;
	}
	ok &= cfg_get(c, g, "rules.absence_days", who, &t->absence_halfdays) ||
	    config_setting_get_member(g, "absence_days") == NULL;
	if (!check_name_like(get_str(g, "title")) ||
	    ((v = get_str(g, "title_zh")) != NULL && !check_name_like(v))) {
		cerr(c, g, _("rule %s: titles must be non-empty UTF-8"), code);
		ok = false;
	}
	if (!ok)
		return;
	ru.code = xstrdup(code);
	ru.title = xstrdup(get_str(g, "title"));
	ru.title_zh = xstrdup((v = get_str(g, "title_zh")) ? v : "");
	ru.section = xstrdup((v = get_str(g, "section")) ? v : "");
	ru.line = config_setting_source_line(g);
	f->rules[f->nrules++] = ru;
}

/* The attendance thresholds, and the deduction policy (rule A7): every
 * key of the section at its default unless given. */
static void
load_section(struct ctx *c, const config_setting_t *g, const char *section,
    const char *const *paths, void *const *outs)
{
	int i;

	if (g != NULL && !check_keys(c, g, section, section))
		g = NULL;
	for (i = 0; paths[i] != NULL; i++)
		cfg_get(c, g, paths[i], NULL, outs[i]);
}

void
config_load_attendance(struct ctx *c, const config_setting_t *g)
{
	struct attendance *a = &c->f->att;
	static const char *const paths[] = {
		"attendance.late_grace_minutes", "attendance.half_day_after_minutes",
		"attendance.lates_per_month_absence",
		"attendance.lates_per_year_termination",
		"attendance.absences_month_forfeit",
		"attendance.absences_total_termination",
		"attendance.consecutive_absences_termination", NULL };
	void *const outs[] = { &a->late_grace_minutes, &a->half_day_after_minutes,
		&a->lates_per_month_absence, &a->lates_per_year_termination,
		&a->absences_month_forfeit, &a->absences_total_termination,
		&a->consecutive_absences_termination };

	load_section(c, g, "attendance", paths, outs);
}

void
config_load_deductions(struct ctx *c, const config_setting_t *g)
{
	struct deductions *d = &c->f->ded;
	static const char *const paths[] = {
		"deductions.personal_leave_day", "deductions.sick_leave_day",
		"deductions.absence_day", "deductions.late_early", "deductions.bonus",
		"deductions.cap_percent", "deductions.minimum_wage", NULL };
	void *const outs[] = { &d->personal_leave_day, &d->sick_leave_day,
		&d->absence_day, &d->late_early, &d->bonus, &d->cap_percent,
		&d->minimum_wage };

	load_section(c, g, "deductions", paths, outs);
}
