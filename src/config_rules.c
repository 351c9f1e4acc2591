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

static const struct key rule_keys[] = {
	{ "code", K_STRING, true, NULL },
	{ "title", K_STRING, true, NULL },
	{ "title_zh", K_STRING, false, NULL },
	{ "section", K_STRING, false, NULL },
	{ "key", K_STRING, false, NULL },
	{ "fine", K_NUMBER, false, NULL },
	{ "ladder", K_ARRAY, false, NULL },
	{ "range", K_ARRAY, false, NULL },
	{ "repeat_factor", K_INT, false, NULL },
	{ "repeat_from", K_INT, false, NULL },
	{ "window", K_STRING, false, NULL },
	{ "co_penalty", K_LIST, false, NULL },
	{ "group_fine", K_NUMBER, false, NULL },
	{ "confiscate", K_STRING, false, NULL },
	{ "journal", K_BOOL, false, NULL },
	{ "flag", K_STRING, false, NULL },
	{ "positive", K_BOOL, false, NULL },
	{ "note_required", K_BOOL, false, NULL },
	{ "absence_days", K_NUMBER, false, NULL },
	{ NULL, 0, false, NULL }
};

static const struct key co_keys[] = {
	{ "role", K_STRING, true, NULL },
	{ "fine", K_NUMBER, true, NULL },
	{ NULL, 0, false, NULL }
};

static const struct key att_keys[] = {
	{ "late_grace_minutes", K_INT, false, NULL },
	{ "half_day_after_minutes", K_INT, false, NULL },
	{ "lates_per_month_absence", K_INT, false, NULL },
	{ "lates_per_year_termination", K_INT, false, NULL },
	{ "absences_month_forfeit", K_INT, false, NULL },
	{ "absences_total_termination", K_INT, false, NULL },
	{ "consecutive_absences_termination", K_INT, false, NULL },
	{ NULL, 0, false, NULL }
};

static const struct key ded_keys[] = {
	{ "personal_leave_day", K_NUMBER, false, N_("per day of personal leave") },
	{ "sick_leave_day", K_NUMBER, false, N_("per day of sick leave") },
	{ "absence_day", K_NUMBER, false, N_("per day of absence") },
	{ "late_early", K_NUMBER, false, N_("per late arrival or early leave") },
	{ "bonus", K_NUMBER, false, N_("the bonus A6a forfeits") },
	{ "cap_percent", K_INT, false, N_("most of the wage deducted (default 20)") },
	{ "minimum_wage", K_NUMBER, false, N_("least paid out of a wage") },
	{ NULL, 0, false, NULL }
};


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

		if (!check_keys(c, g, co_keys, "co_penalty"))
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
		    "co-penalty fine", &t->co[t->nco].fine))
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
		    "ladder step", &t->ladder[i]))
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
	if (!get_amount(c, config_setting_get_elem(s, 0), "range low", &t->lo) ||
	    !get_amount(c, config_setting_get_elem(s, 1), "range high", &t->hi))
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
	int npricing = 0, i;
	bool ok = true;

	if (!check_keys(c, g, rule_keys, "rule"))
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
	t->repeat_factor = 1;
	t->window = WINDOW_MONTH;
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
		ok &= get_amount(c, s, "fine", &t->fine);
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
	if (get_int(g, "repeat_factor", &t->repeat_factor) &&
	    (t->repeat_factor < 1 || t->repeat_factor > 100)) {
		cerr(c, config_setting_get_member(g, "repeat_factor"),
		    _("rule %s: repeat_factor must be 1 to 100"), code);
		ok = false;
	}
	t->repeat_from = t->repeat_factor > 1 ? 2 : 0;
	if (get_int(g, "repeat_from", &t->repeat_from) && t->repeat_from < 2) {
		cerr(c, config_setting_get_member(g, "repeat_from"),
		    _("rule %s: repeat_from must be 2 or more"), code);
		ok = false;
	}
	if ((v = get_str(g, "window")) != NULL && window_parse(v, &t->window) < 0) {
		cerr(c, config_setting_get_member(g, "window"), _("rule %s: unknown "
		    "window '%s' (day, month, year or ever)"), code, v);
		ok = false;
	}
	if ((s = config_setting_get_member(g, "co_penalty")) != NULL)
		ok &= load_co(c, s, t, code);
	if ((s = config_setting_get_member(g, "group_fine")) != NULL) {
		t->has_group_fine = true;
		ok &= get_amount(c, s, "group_fine", &t->group_fine);
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
	if ((s = config_setting_get_member(g, "absence_days")) != NULL) {
		fen_t d;

		if (get_amount(c, s, "absence_days", &d) && d % 50 == 0 && d <= 1000)
			t->absence_halfdays = (int)(d / 50);
		else {
			cerr(c, s, _("rule %s: absence_days must be a multiple of 0.5 "
			    "up to 10"), code);
			ok = false;
		}
	}
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

void
config_load_attendance(struct ctx *c, const config_setting_t *g)
{
	struct attendance *a = &c->f->att;
	const struct key *k;

	*a = (struct attendance){ 0, 10, 3, 30, 2, 3, 3 };
	if (g == NULL || !check_keys(c, g, att_keys, "attendance"))
		return;
	get_int(g, "late_grace_minutes", &a->late_grace_minutes);
	get_int(g, "half_day_after_minutes", &a->half_day_after_minutes);
	get_int(g, "lates_per_month_absence", &a->lates_per_month_absence);
	get_int(g, "lates_per_year_termination", &a->lates_per_year_termination);
	get_int(g, "absences_month_forfeit", &a->absences_month_forfeit);
	get_int(g, "absences_total_termination", &a->absences_total_termination);
	get_int(g, "consecutive_absences_termination",
	    &a->consecutive_absences_termination);
	for (k = att_keys; k->name; k++) {
		int v;

		if (get_int(g, k->name, &v) && (v < 0 || v > 1000))
			cerr(c, config_setting_get_member(g, k->name),
			    _("attendance %s must be 0 to 1000"), k->name);
	}
}

/* Rule A7's `deductions` block: every amount defaults to 0. */
void
config_load_deductions(struct ctx *c, const config_setting_t *g)
{
	struct deductions *d = &c->f->ded;
	fen_t *amounts[] = { &d->personal_leave_day, &d->sick_leave_day,
		&d->absence_day, &d->late_early, &d->bonus, NULL,
		&d->minimum_wage };
	const struct key *k;
	int i;

	memset(d, 0, sizeof *d);
	d->cap_percent = 20;
	if (g == NULL || !check_keys(c, g, ded_keys, "deductions"))
		return;
	for (k = ded_keys, i = 0; k->name; k++, i++) {
		const config_setting_t *s = config_setting_get_member(g, k->name);

		if (s == NULL)
			continue;
		if (amounts[i] != NULL) {
			get_amount(c, s, k->name, amounts[i]);
			continue;
		}
		if (!get_int(g, k->name, &d->cap_percent) ||
		    d->cap_percent < 0 || d->cap_percent > 100)
			cerr(c, s, _("deductions cap_percent must be 0 to 100"));
	}
}

