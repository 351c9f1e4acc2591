/*
 * config.c - loads the floor configuration (libconfig) into the floor model
 * and validates all of it before anything else runs.
 *
 * Every problem is reported as "FILE:LINE: message"; all of them are
 * collected and returned together.  A configuration with any error yields
 * no model at all.  This file must not open the database or the terminal.
 */
#include "floor.h"
#include "i18n.h"

#include <ctype.h>
#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "config_internal.h"
#include "text.h"

/* Keys the console keeps for itself; a rule may not take them. */
const char floor_reserved_keys[] = FLOOR_RESERVED_KEYS;


/*
 * "FILE:LINE: " for a place in the configuration at path.  libconfig names
 * an @included file as the @include wrote it, relative to the folder of
 * path; the user needs it relative to where they stand (or absolute).
 */
static void
where(struct buf *b, const char *path, const char *file, int line)
{
	const char *slash = strrchr(path, '/');

	if (file == NULL)
		file = path;
	if (file[0] != '/' && slash != NULL && strcmp(file, path) != 0)
		buf_printf(b, "%.*s/%s:%d: ", (int)(slash - path), path, file, line);
	else
		buf_printf(b, "%s:%d: ", file, line);
}

void
cerr(struct ctx *c, const config_setting_t *s, const char *fmt, ...)
{
	va_list ap;
	char msg[512];
	const char *file = NULL;
	int line = 0;

	if (s != NULL) {
		file = config_setting_source_file(s);
		line = config_setting_source_line(s);
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	where(c->errs, c->path, file, line);
	buf_printf(c->errs, "%s\n", msg);
	c->nerr++;
}

/* ---- the schema: which keys each kind of entry may have ---- */


static const struct key floor_keys[] = {
	{ "id", K_STRING, true, "short name, used for the default database file" },
	{ "name", K_STRING, true, "the floor's name, shown in every header" },
	{ "currency", K_STRING, false, "currency sign, default \"¥\"" },
	{ "timezone", K_STRING, false, "IANA time zone, default the machine's" },
	{ "database", K_STRING, false, "database file" },
	{ "print_command", K_STRING, false, "how reports are printed" },
	{ "print_format", K_STRING, false,
	  "what --print sends: \"pdf\" or \"text\"; default pdf when "
	  "print_command is lp or lpr (or unset), else text" },
	{ "paper", K_STRING, false, "the PDF's paper: \"a4\" (default) or "
	  "\"letter\"" },
	{ "language", K_STRING, false, "the printed report's language, e.g. "
	  "\"zh_CN\" or \"en\"; default the reader's" },
	{ "shift", K_GROUP, true, "shift = { start = \"09:00\"; end = \"18:00\"; }" },
	{ "layout", K_ARRAY, true, "the seat map, one string a row" },
	{ "workdays", K_ARRAY, false, "working weekdays, e.g. [1,2,3,4,5]" },
	{ "holidays", K_ARRAY, false, "public holidays, \"YYYY-MM-DD\"" },
	{ "signin_window", K_INT, false, "minutes before the shift start a "
	    "sign-in is accepted (default 240)" },
	{ "signout_window", K_INT, false, "minutes after the shift end a "
	    "sign-out is accepted (default 240)" },
	{ "complaint_retention_days", K_INT, false, "days after its close a "
	    "register entry keeps the caller's name and phone, until "
	    "`complaint purge` (default 180, 0 to 3650)" },
	{ NULL, 0, false, NULL }
};

static const struct key group_keys[] = {
	{ "id", K_STRING, true, NULL },
	{ "name", K_STRING, true, NULL },
	{ "director", K_STRING, false, NULL },
	{ "deputy", K_STRING, false, NULL },
	{ "supervisor", K_STRING, false, NULL },
	{ "max_away", K_CAP, false, NULL },
	{ NULL, 0, false, NULL }
};

static const struct key staff_keys[] = {
	{ "id", K_STRING, true, NULL },
	{ "name", K_STRING, true, NULL },
	{ "group", K_STRING, true, NULL },
	{ "seat", K_STRING, false, NULL },
	{ "wage", K_NUMBER, false, N_("the month's wage, for payroll's legal cap") },
	{ NULL, 0, false, NULL }
};

static const struct key user_keys[] = {
	{ "login", K_STRING, true, NULL },
	{ "role", K_STRING, true, NULL },
	{ "staff", K_STRING, false, NULL },
	{ NULL, 0, false, NULL }
};

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

static const char *
ktype_name(enum ktype t)
{
	static const char *names[] = { "a string", "a whole number",
		"a number", "true or false", "an array [ ... ]", "a list ( ... )",
		"a group { ... }", "a number or a percentage string (\"20%\")" };
	return names[t];
}

static bool
ktype_ok(const config_setting_t *s, enum ktype t)
{
	int st = config_setting_type(s);

	switch (t) {
	case K_STRING: return st == CONFIG_TYPE_STRING;
	case K_INT: return st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64;
	case K_NUMBER: return st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64 ||
		    st == CONFIG_TYPE_FLOAT;
	case K_BOOL: return st == CONFIG_TYPE_BOOL;
	case K_ARRAY: return st == CONFIG_TYPE_ARRAY || st == CONFIG_TYPE_LIST;
	case K_LIST: return st == CONFIG_TYPE_LIST || st == CONFIG_TYPE_ARRAY;
	case K_GROUP: return st == CONFIG_TYPE_GROUP;
	case K_CAP: return st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64 ||
		    st == CONFIG_TYPE_STRING;
	}
	return false;
}

/*
 * Checks a group setting against a key table: unknown keys, wrong types and
 * missing required keys.  Returns false when the entry is unusable.
 */
bool
check_keys(struct ctx *c, const config_setting_t *g, const struct key *keys,
    const char *what)
{
	bool ok = true;
	int i, n;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		cerr(c, g, _("%s must be a group { ... }"), what);
		return false;
	}
	n = config_setting_length(g);
	for (i = 0; i < n; i++) {
		const config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(s);
		const struct key *k;

		for (k = keys; k->name; k++)
			if (strcmp(k->name, name) == 0)
				break;
		if (k->name == NULL) {
			cerr(c, s, _("unknown key '%s' in %s"), name, what);
			continue;
		}
		if (!ktype_ok(s, k->type)) {
			cerr(c, s, _("%s: '%s' must be %s"), what, name,
			    ktype_name(k->type));
			ok = false;
		} else if (k->type == K_STRING &&
		    text_has_control(config_setting_get_string(s))) {
			struct buf shown = { 0 };
			const char *v = config_setting_get_string(s);

			/* It would reach terminals and printers as a command. */
			text_clean(&shown, v, strlen(v), false);
			cerr(c, s, _("%s: '%s' has a control character in it (\"%.60s\"); "
			    "names and texts are printable characters only"), what,
			    name, shown.s);
			buf_free(&shown);
		}
	}
	for (; keys->name; keys++)
		if (keys->required && config_setting_get_member(g, keys->name) == NULL) {
			cerr(c, g, _("%s has no '%s'"), what, keys->name);
			ok = false;
		}
	return ok;
}

const char *
get_str(const config_setting_t *g, const char *name)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	if (s == NULL || config_setting_type(s) != CONFIG_TYPE_STRING)
		return NULL;
	return config_setting_get_string(s);
}

/* A money amount in currency units, int or float, into fen. */
static bool
get_amount(struct ctx *c, const config_setting_t *s, const char *what, fen_t *out)
{
	double d, r;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		d = (double)config_setting_get_int64(s);
		break;
	case CONFIG_TYPE_FLOAT:
		d = config_setting_get_float(s);
		break;
	default:
		cerr(c, s, _("%s must be a number"), what);
		return false;
	}
	if (d < 0) {
		cerr(c, s, _("%s is negative (%g); amounts are 0 or more"), what, d);
		return false;
	}
	if (d > 1e9) {
		cerr(c, s, _("%s is too large (%g)"), what, d);
		return false;
	}
	r = round(d * 100);
	if (fabs(r - d * 100) > 1e-6) {
		cerr(c, s, _("%s has more than two decimals (%g)"), what, d);
		return false;
	}
	*out = (fen_t)r;
	return true;
}

bool
get_int(const config_setting_t *g, const char *name, int *out)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	if (s == NULL || (config_setting_type(s) != CONFIG_TYPE_INT &&
	    config_setting_type(s) != CONFIG_TYPE_INT64))
		return false;
	*out = config_setting_get_int(s);
	return true;
}

static bool
get_bool(const config_setting_t *g, const char *name)
{
	const config_setting_t *s = config_setting_get_member(g, name);

	return s != NULL && config_setting_type(s) == CONFIG_TYPE_BOOL &&
	    config_setting_get_bool(s);
}

static int
parse_hhmm(const char *s)
{
	int h, m;
	char tail;

	if (s == NULL || sscanf(s, "%d:%d%c", &h, &m, &tail) != 2 ||
	    strlen(s) != 5 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

/* ---- the floor section ---- */

static bool
timezone_known(const char *tz)
{
	char path[PATH_MAX];
	struct stat st;

	if (tz[0] == '\0' || strstr(tz, "..") != NULL || tz[0] == '/')
		return false;
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void
load_layout(struct ctx *c, const config_setting_t *lay)
{
	struct floor *f = c->f;
	int r, nrows = config_setting_length(lay), cap = 0;

	f->nrows = nrows;
	f->ncols = 0;
	/* First pass: seats and widest row. */
	for (r = 0; r < nrows; r++) {
		const config_setting_t *row = config_setting_get_elem(lay, (unsigned)r);
		const char *line;
		char *copy, *tok, *save;
		int col = 0;

		if (config_setting_type(row) != CONFIG_TYPE_STRING) {
			cerr(c, row, _("layout row %d must be a string of seat ids"), r + 1);
			continue;
		}
		line = config_setting_get_string(row);
		copy = xstrdup(line);
		for (tok = strtok_r(copy, " \t", &save); tok;
		    tok = strtok_r(NULL, " \t", &save), col++) {
			int i;

			if (strcmp(tok, ".") == 0)
				continue;
			if (!id_valid(tok, ID_MAX)) {
				cerr(c, row, _("layout row %d: '%s' is not a seat id "
				    "(letters, digits, '-', '_'; '.' for an aisle)"),
				    r + 1, tok);
				continue;
			}
			if ((i = floor_seat_find(f, tok)) >= 0) {
				cerr(c, row, _("seat %s is listed twice in the layout "
				    "(rows %d and %d)"), tok, f->seats[i].row + 1, r + 1);
				continue;
			}
			if (f->nseats == cap) {
				cap = cap ? cap * 2 : 64;
				f->seats = xrealloc(f->seats, (size_t)cap * sizeof *f->seats);
			}
			f->seats[f->nseats++] = (struct seat){ xstrdup(tok), r, col, -1 };
		}
		if (col > f->ncols)
			f->ncols = col;
		free(copy);
	}
	f->cells = xmalloc((size_t)(f->nrows * f->ncols + 1) * sizeof *f->cells);
	for (r = 0; r < f->nrows * f->ncols; r++)
		f->cells[r] = -1;
	for (r = 0; r < f->nseats; r++)
		f->cells[f->seats[r].row * f->ncols + f->seats[r].col] = r;
	if (f->nseats == 0 && nrows > 0)
		cerr(c, lay, _("the layout has no seats"));
}

static int
day_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Working weekdays (1 = Monday ... 7 = Sunday) and public holidays. */
static void
load_calendar(struct ctx *c, const config_setting_t *fl)
{
	struct floor *f = c->f;
	const config_setting_t *s;
	int i, n;

	f->workdays = 0x3e;			/* Monday to Friday */
	if ((s = config_setting_get_member(fl, "workdays")) != NULL) {
		f->workdays = 0;
		n = config_setting_length(s);
		for (i = 0; i < n; i++) {
			const config_setting_t *d = config_setting_get_elem(s, (unsigned)i);
			int wd;

			if (config_setting_type(d) != CONFIG_TYPE_INT ||
			    (wd = config_setting_get_int(d)) < 1 || wd > 7) {
				cerr(c, d, _("workdays are numbers 1 (Monday) to 7 (Sunday)"));
				continue;
			}
			f->workdays |= 1u << (wd % 7);
		}
		if (f->workdays == 0 && n > 0)
			cerr(c, s, _("no working weekdays"));
	}
	if ((s = config_setting_get_member(fl, "holidays")) == NULL)
		return;
	n = config_setting_length(s);
	f->holidays = xcalloc((size_t)n + 1, sizeof *f->holidays);
	for (i = 0; i < n; i++) {
		const config_setting_t *d = config_setting_get_elem(s, (unsigned)i);
		const char *v = config_setting_type(d) == CONFIG_TYPE_STRING ?
		    config_setting_get_string(d) : NULL;

		if (clock_parse_day(v, f->holidays[f->nholidays]) < 0) {
			cerr(c, d, _("holiday '%s' is not a date YYYY-MM-DD in %s"), v ? v : "?", CLOCK_YEARS);
			continue;
		}
		f->nholidays++;
	}
	qsort(f->holidays, (size_t)f->nholidays, sizeof *f->holidays, day_cmp);
}

static void
load_floor(struct ctx *c, const config_setting_t *fl)
{
	struct floor *f = c->f;
	const config_setting_t *s;
	const char *v;

	if (fl == NULL) {
		cerr(c, NULL, _("no 'floor' section"));
		return;
	}
	if (!check_keys(c, fl, floor_keys, "floor"))
		return;
	v = get_str(fl, "id");
	if (!id_valid(v, ID_MAX))
		cerr(c, config_setting_get_member(fl, "id"),
		    _("floor id '%s' must be letters, digits, '-' or '_'"), v);
	f->id = xstrdup(v);
	f->name = xstrdup(get_str(fl, "name"));
	f->currency = xstrdup((v = get_str(fl, "currency")) ? v : "¥");
	if ((v = get_str(fl, "timezone")) != NULL) {
		if (!timezone_known(v))
			cerr(c, config_setting_get_member(fl, "timezone"),
			    _("unknown time zone '%s' (expected a name such as "
			    "\"Asia/Shanghai\")"), v);
		f->timezone = xstrdup(v);
	}
	if ((v = get_str(fl, "database")) != NULL) {
		/* Relative, it would mean a different file in every user's
		 * working folder (and one the user picks, on a shared install). */
		if (v[0] != '/')
			cerr(c, config_setting_get_member(fl, "database"), "floor."
			    "database '%s' must be an absolute path", v);
		f->database = xstrdup(v);
	}
	if ((v = get_str(fl, "print_command")) != NULL)
		f->print_command = xstrdup(v);
	if ((v = get_str(fl, "language")) != NULL) {
		if (!i18n_known(v))
			cerr(c, config_setting_get_member(fl, "language"),
			    _("language '%s' has no catalog here (\"en\" or a "
			    "language callfloor is translated into, e.g. "
			    "\"zh_CN\")"), v);
		f->language = xstrdup(v);
	}
	if ((v = get_str(fl, "print_format")) != NULL) {
		if (strcmp(v, "pdf") == 0)
			f->print_format = PRINT_PDF;
		else if (strcmp(v, "text") == 0)
			f->print_format = PRINT_TEXT;
		else
			cerr(c, config_setting_get_member(fl, "print_format"),
			    _("print_format '%s' is not \"pdf\" or \"text\""), v);
	}
	if ((v = get_str(fl, "paper")) != NULL) {
		if (strcmp(v, "a4") == 0 || strcmp(v, "A4") == 0)
			f->paper = PAPER_A4;
		else if (strcmp(v, "letter") == 0)
			f->paper = PAPER_LETTER;
		else
			cerr(c, config_setting_get_member(fl, "paper"),
			    _("paper '%s' is not \"a4\" or \"letter\""), v);
	}
	s = config_setting_get_member(fl, "shift");
	if (check_keys(c, s, (const struct key[]){
	    { "start", K_STRING, true, NULL }, { "end", K_STRING, true, NULL },
	    { NULL, 0, false, NULL } }, "shift")) {
		f->shift_start = parse_hhmm(get_str(s, "start"));
		f->shift_end = parse_hhmm(get_str(s, "end"));
		if (f->shift_start < 0)
			cerr(c, config_setting_get_member(s, "start"),
			    _("shift start '%s' is not a time HH:MM"), get_str(s, "start"));
		if (f->shift_end < 0)
			cerr(c, config_setting_get_member(s, "end"),
			    _("shift end '%s' is not a time HH:MM"), get_str(s, "end"));
		if (f->shift_start >= 0 && f->shift_start == f->shift_end)
			cerr(c, s, _("the shift starts and ends at the same time"));
	}
	f->signin_window = f->signout_window = 240;
	if (get_int(fl, "signin_window", &f->signin_window) &&
	    (f->signin_window < 0 || f->signin_window > 24 * 60))
		cerr(c, config_setting_get_member(fl, "signin_window"),
		    _("signin_window %d is not 0 to 1440 minutes"), f->signin_window);
	if (get_int(fl, "signout_window", &f->signout_window) &&
	    (f->signout_window < 0 || f->signout_window > 24 * 60))
		cerr(c, config_setting_get_member(fl, "signout_window"),
		    _("signout_window %d is not 0 to 1440 minutes"), f->signout_window);
	f->complaint_retention_days = 180;
	if (get_int(fl, "complaint_retention_days", &f->complaint_retention_days)
	    && (f->complaint_retention_days < 0 ||
	    f->complaint_retention_days > 3650))
		cerr(c, config_setting_get_member(fl, "complaint_retention_days"),
		    _("complaint_retention_days %d is not 0 to 3650 days"),
		    f->complaint_retention_days);
	load_layout(c, config_setting_get_member(fl, "layout"));
	load_calendar(c, fl);
}

/* ---- groups, staff, users ---- */

static const config_setting_t *
get_list(struct ctx *c, const config_t *cf, const char *name, bool required)
{
	const config_setting_t *s = config_lookup(cf, name);

	if (s == NULL) {
		if (required)
			cerr(c, NULL, _("no '%s' list"), name);
		return NULL;
	}
	if (config_setting_type(s) != CONFIG_TYPE_LIST &&
	    config_setting_type(s) != CONFIG_TYPE_ARRAY) {
		cerr(c, s, _("'%s' must be a list ( { ... }, ... )"), name);
		return NULL;
	}
	return s;
}

static bool
check_name(struct ctx *c, const config_setting_t *g, const char *what, const char *id)
{
	const char *name = get_str(g, "name");

	if (!utf8_valid(name)) {
		cerr(c, config_setting_get_member(g, "name"),
		    _("%s %s: the name is not valid UTF-8"), what, id);
		return false;
	}
	if (name[0] == '\0') {
		cerr(c, config_setting_get_member(g, "name"),
		    _("%s %s: the name is empty"), what, id);
		return false;
	}
	return true;
}

static void
load_groups(struct ctx *c, const config_setting_t *l)
{
	struct floor *f = c->f;
	int i, n = l ? config_setting_length(l) : 0;

	f->groups = xcalloc((size_t)n, sizeof *f->groups);
	for (i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		const char *id;

		if (!check_keys(c, g, group_keys, "group"))
			continue;
		id = get_str(g, "id");
		if (!id_valid(id, ID_MAX)) {
			cerr(c, g, _("group id '%s' must be letters, digits, '-' or '_'"), id);
			continue;
		}
		if (floor_group_find(f, id) >= 0) {
			cerr(c, g, _("duplicate group id '%s'"), id);
			continue;
		}
		check_name(c, g, "group", id);
		f->groups[f->ngroups++] = (struct group){ xstrdup(id),
			xstrdup(get_str(g, "name")), -1, -1, -1, { 0 } };
		config_load_cap(c, config_setting_get_member(g, "max_away"),
		    &f->groups[f->ngroups - 1].max_away);
	}
}

static void
load_staff(struct ctx *c, const config_setting_t *l)
{
	struct floor *f = c->f;
	int i, n = l ? config_setting_length(l) : 0;

	f->staff = xcalloc((size_t)n, sizeof *f->staff);
	for (i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		const char *id, *grp, *seat;
		struct staff st = { NULL, NULL, -1, -1, GROLE_AGENT, -1 };
		const config_setting_t *w;

		if (!check_keys(c, g, staff_keys, "staff entry"))
			continue;
		id = get_str(g, "id");
		if (!id_valid(id, ID_MAX)) {
			cerr(c, g, _("staff id '%s' must be letters, digits, '-' or '_'"), id);
			continue;
		}
		if (floor_staff_find(f, id) >= 0) {
			cerr(c, g, _("duplicate staff id '%s'"), id);
			continue;
		}
		if (!check_name(c, g, "staff", id))
			continue;
		grp = get_str(g, "group");
		if ((st.group = floor_group_find(f, grp)) < 0)
			cerr(c, config_setting_get_member(g, "group"),
			    _("staff %s: unknown group '%s'"), id, grp);
		if ((seat = get_str(g, "seat")) != NULL) {
			st.seat = floor_seat_find(f, seat);
			if (st.seat < 0)
				cerr(c, config_setting_get_member(g, "seat"),
				    _("staff %s: seat '%s' is not in the layout"), id, seat);
			else if (f->seats[st.seat].staff >= 0) {
				cerr(c, config_setting_get_member(g, "seat"),
				    _("staff %s: seat %s is already taken by %s"), id, seat,
				    f->staff[f->seats[st.seat].staff].id);
				st.seat = -1;
			}
		}
		if ((w = config_setting_get_member(g, "wage")) != NULL &&
		    get_amount(c, w, "wage", &st.wage))
			f->has_wages = true;
		st.id = xstrdup(id);
		st.name = xstrdup(get_str(g, "name"));
		if (st.seat >= 0)
			f->seats[st.seat].staff = f->nstaff;
		f->staff[f->nstaff++] = st;
	}
}

/* Resolves the group's director, deputy and supervisor references. */
static void
resolve_roles(struct ctx *c, const config_setting_t *l)
{
	static const struct { const char *key; enum grole role; } roles[] = {
		{ "director", GROLE_DIRECTOR }, { "deputy", GROLE_DEPUTY },
		{ "supervisor", GROLE_SUPERVISOR } };
	struct floor *f = c->f;
	int i, n = l ? config_setting_length(l) : 0;
	size_t r;

	for (i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		const char *gid = get_str(g, "id");
		int gi = gid ? floor_group_find(f, gid) : -1;

		if (gi < 0 || strcmp(f->groups[gi].id, gid) != 0)
			continue;
		for (r = 0; r < sizeof roles / sizeof roles[0]; r++) {
			const char *sid = get_str(g, roles[r].key);
			int si;

			if (sid == NULL)
				continue;
			si = floor_staff_find(f, sid);
			if (si < 0) {
				cerr(c, config_setting_get_member(g, roles[r].key),
				    _("group %s: %s '%s' is not on the staff list"), gid,
				    roles[r].key, sid);
				continue;
			}
			if (roles[r].role != GROLE_SUPERVISOR && f->staff[si].group != gi) {
				cerr(c, config_setting_get_member(g, roles[r].key),
				    _("group %s: %s %s belongs to group %s"), gid,
				    roles[r].key, sid, f->staff[si].group >= 0 ?
				    f->groups[f->staff[si].group].id : "?");
				continue;
			}
			if (roles[r].role == GROLE_DEPUTY && f->groups[gi].director == si) {
				cerr(c, config_setting_get_member(g, roles[r].key),
				    _("group %s: %s is both director and deputy"), gid, sid);
				continue;
			}
			switch (roles[r].role) {
			case GROLE_DIRECTOR: f->groups[gi].director = si; break;
			case GROLE_DEPUTY: f->groups[gi].deputy = si; break;
			default: f->groups[gi].supervisor = si; break;
			}
			if (f->staff[si].role == GROLE_AGENT)
				f->staff[si].role = roles[r].role;
		}
	}
}

static void
load_users(struct ctx *c, const config_setting_t *l)
{
	struct floor *f = c->f;
	int i, n = l ? config_setting_length(l) : 0;

	f->users = xcalloc((size_t)n, sizeof *f->users);
	for (i = 0; i < n; i++) {
		const config_setting_t *g = config_setting_get_elem(l, (unsigned)i);
		const char *login, *role, *st;
		struct user u = { NULL, UROLE_LEAD, -1 };
		int j;

		if (!check_keys(c, g, user_keys, "user"))
			continue;
		login = get_str(g, "login");
		if (strcmp(login, "*") != 0 && !id_valid(login, 64) &&
		    strchr(login, '.') == NULL) {
			cerr(c, g, _("user login '%s' is not a valid login"), login);
			continue;
		}
		for (j = 0; j < f->nusers; j++)
			if (strcmp(f->users[j].login, login) == 0)
				break;
		if (j < f->nusers) {
			cerr(c, g, _("duplicate user login '%s'"), login);
			continue;
		}
		role = get_str(g, "role");
		if (urole_parse(role, &u.role) < 0) {
			cerr(c, config_setting_get_member(g, "role"),
			    _("user %s: unknown role '%s' (lead, supervisor, "
			    "director or manager)"), login, role);
			continue;
		}
		if ((st = get_str(g, "staff")) != NULL &&
		    (u.staff = floor_staff_find(f, st)) < 0) {
			cerr(c, config_setting_get_member(g, "staff"),
			    _("user %s: staff '%s' is not on the staff list"), login, st);
			continue;
		}
		u.login = xstrdup(login);
		f->users[f->nusers++] = u;
	}
}

/* ---- the rulebook ---- */

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

static void
load_rule(struct ctx *c, const config_setting_t *g)
{
	struct floor *f = c->f;
	struct rule ru = { 0 };
	struct rule_terms *t = &ru.t;
	const config_setting_t *s;
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
		} else if (strchr(floor_reserved_keys, v[0]) != NULL) {
			cerr(c, s, _("rule %s: key '%s' is kept by the console (%s)"),
			    code, v, FLOOR_RESERVED_KEYS);
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

static void
load_attendance(struct ctx *c, const config_setting_t *g)
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
static void
load_deductions(struct ctx *c, const config_setting_t *g)
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

static void
load_all(struct ctx *c, const config_t *cf)
{
	const config_setting_t *groups, *rules;
	int i, n;

	load_floor(c, config_lookup(cf, "floor"));
	groups = get_list(c, cf, "groups", true);
	load_groups(c, groups);
	load_staff(c, get_list(c, cf, "staff", true));
	resolve_roles(c, groups);
	load_users(c, get_list(c, cf, "users", true));
	rules = get_list(c, cf, "rules", true);
	n = rules ? config_setting_length(rules) : 0;
	c->f->rules = xcalloc((size_t)n, sizeof *c->f->rules);
	for (i = 0; i < n; i++)
		load_rule(c, config_setting_get_elem(rules, (unsigned)i));
	load_attendance(c, config_lookup(cf, "attendance"));
	config_load_breaks(c, config_lookup(cf, "breaks"));
	config_load_cap(c, config_lookup(cf, "max_away"), &c->f->max_away);
	load_deductions(c, config_lookup(cf, "deductions"));
	/* Top-level keys nobody reads are most likely typos. */
	n = config_setting_length(config_root_setting(cf));
	for (i = 0; i < n; i++) {
		const config_setting_t *s =
		    config_setting_get_elem(config_root_setting(cf), (unsigned)i);
		const char *name = config_setting_name(s);
		static const char *known[] = { "floor", "groups", "staff", "users",
			"rules", "attendance", "breaks", "max_away", "deductions", NULL };
		const char **k;

		for (k = known; *k; k++)
			if (strcmp(*k, name) == 0)
				break;
		if (*k == NULL)
			cerr(c, s, _("unknown top-level key '%s'"), name);
	}
}

/*
 * Reading the configuration without ever changing the working folder.
 *
 * libconfig 1.5 glues its include_dir before every @include, absolute
 * ones too, and resolves the rest against the working folder.  So the
 * main file is read into memory here and each of its @include paths is
 * made absolute, against the main file's own folder (as a reader of the
 * file expects), before libconfig sees the text; a file included from an
 * included file must name an absolute path.  Every file is checked for
 * size first: libconfig takes time quadratic in a string's length.
 */
#define CONFIG_MAX_BYTES (1 << 20)	/* all files of one configuration */
#define CONFIG_MAX_DEPTH 10		/* libconfig's own include limit */

struct cfgread {
	struct ctx *c;
	size_t total;		/* bytes read so far, all files */
};

/* Where the @include on line p (a whole line) names its file: the span
 * between the quotes, or NULL when the line is no @include. */
static const char *
include_span(const char *p, const char *end, size_t *n)
{
	const char *q;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 9 || strncmp(p, "@include", 8) != 0)
		return NULL;
	for (p += 8; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p != '"')
		return NULL;
	for (q = ++p; q < end && *q != '"'; q++)
		;
	if (q >= end)
		return NULL;
	*n = (size_t)(q - p);
	return p;
}

/* The whole file at path, at most what is left of CONFIG_MAX_BYTES;
 * NULL with an error (naming where, when an @include asked for it). */
static char *
slurp(struct cfgread *r, const char *path, const char *from, int line)
{
	struct stat st;
	char *text;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0 ||
	    fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > CONFIG_MAX_BYTES - r->total) {
		int en = errno;
		long long kib = (long long)st.st_size / 1024;

		if (from != NULL)
			where(r->c->errs, r->c->path, from, line);
		buf_printf(r->c->errs, "%s: ", path);
		if (fd < 0)
			buf_printf(r->c->errs, from ? _("cannot read the @included "
			    "file: %s\n") : _("cannot read the configuration: "
			    "%s\n"), strerror(en));
		else if (!S_ISREG(st.st_mode))
			buf_puts(r->c->errs, from ? _("the @included file is not a "
			    "file\n") : _("the configuration is not a file\n"));
		else
			buf_printf(r->c->errs, from ? _("the @included file is too "
			    "large (%lld KiB): a configuration is at most %d KiB, all "
			    "its files together\n") : _("the configuration is too "
			    "large (%lld KiB): a configuration is at most %d KiB, all "
			    "its files together\n"), kib, CONFIG_MAX_BYTES / 1024);
		r->c->nerr++;
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	text = xmalloc((size_t)st.st_size + 1);
	if (read(fd, text, (size_t)st.st_size) != st.st_size) {
		buf_printf(r->c->errs, _("%s: cannot read it whole\n"), path);
		r->c->nerr++;
		free(text);
		close(fd);
		return NULL;
	}
	close(fd);
	text[st.st_size] = '\0';
	r->total += (size_t)st.st_size;
	return text;
}

/* Checks included file path (named at from:at) and what it includes in
 * turn, depth levels down. */
static int
check_nested(struct cfgread *r, const char *path, int depth, const char *from,
    int at)
{
	char *text = slurp(r, path, from, at), *p, *eol;
	int line = 1, rc = 0;

	if (text == NULL)
		return -1;
	for (p = text; *p && rc == 0; p = eol + (*eol != '\0'), line++) {
		const char *f;
		char *inc;
		size_t n;

		eol = p + strcspn(p, "\n");
		if ((f = include_span(p, eol, &n)) == NULL)
			continue;
		inc = xasprintf("%.*s", (int)n, f);
		if (inc[0] != '/') {
			where(r->c->errs, r->c->path, path, line);
			buf_printf(r->c->errs, _("@include \"%s\": inside an included "
			    "file, give the absolute path\n"), inc);
			r->c->nerr++;
			rc = -1;
		} else if (depth >= CONFIG_MAX_DEPTH) {
			where(r->c->errs, r->c->path, path, line);
			buf_printf(r->c->errs, _("@include nested more than %d deep\n"),
			    CONFIG_MAX_DEPTH);
			r->c->nerr++;
			rc = -1;
		} else
			rc = check_nested(r, inc, depth + 1, path, line);
		free(inc);
	}
	free(text);
	return rc;
}

/*
 * The main file's text with its @include paths made absolute (lines and
 * their numbers unchanged); NULL when a file is missing or too large.
 */
static char *
read_main(struct ctx *c, const char *path)
{
	struct cfgread r = { c, 0 };
	char *text = slurp(&r, path, NULL, 0), *p, *eol, *dir, *slash;
	struct buf out = { 0 };
	int line = 1, bad = 0;

	if (text == NULL)
		return NULL;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir] = '\0';
	else
		strcpy(dir, ".");
	buf_add(&out, "", 0);
	for (p = text; *p; p = eol + (*eol != '\0'), line++) {
		const char *f;
		char *inc;
		size_t n;

		eol = p + strcspn(p, "\n");
		if ((f = include_span(p, eol, &n)) == NULL) {
			buf_add(&out, p, (size_t)(eol - p) + (*eol != '\0'));
			continue;
		}
		inc = f[0] == '/' ? xasprintf("%.*s", (int)n, f) :
		    xasprintf("%s/%.*s", dir, (int)n, f);
		if (check_nested(&r, inc, 1, path, line) < 0)
			bad = 1;
		buf_add(&out, p, (size_t)(f - p));
		buf_puts(&out, inc);
		buf_add(&out, f + n, (size_t)(eol - (f + n)) + (*eol != '\0'));
		free(inc);
	}
	free(dir);
	free(text);
	if (bad) {
		buf_free(&out);
		return NULL;
	}
	return out.s;
}

struct floor *
floor_load(const char *path, struct buf *errs)
{
	struct ctx c = { path ? path : "(demo)", errs, 0, NULL };
	config_t cf;
	char *text = NULL;
	int rc;

	config_init(&cf);
	if (path != NULL && (text = read_main(&c, path)) == NULL) {
		config_destroy(&cf);
		return NULL;
	}
	rc = config_read_string(&cf, text ? text : demo_config_text);
	free(text);
	if (rc != CONFIG_TRUE) {
		if (config_error_type(&cf) == CONFIG_ERR_FILE_IO)
			buf_printf(errs, _("%s: cannot read an @included file\n"),
			    c.path);
		else {
			where(errs, c.path, config_error_file(&cf),
			    config_error_line(&cf));
			buf_printf(errs, "%s\n", config_error_text(&cf));
		}
		config_destroy(&cf);
		return NULL;
	}
	c.f = xcalloc(1, sizeof *c.f);
	c.f->source = xstrdup(c.path);
	load_all(&c, &cf);
	config_destroy(&cf);
	if (c.nerr > 0) {
		floor_free(c.f);
		return NULL;
	}
	return c.f;
}
