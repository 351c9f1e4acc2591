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


/*
 * "FILE:LINE: " for a place in the configuration at path.  libconfig names
 * an @included file as the @include wrote it, relative to the folder of
 * path; the user needs it relative to where they stand (or absolute).
 */
void
config_where(struct buf *b, const char *path, const char *file, int line)
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
	config_where(c->errs, c->path, file, line);
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
bool
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

bool
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
		config_load_rule(c, config_setting_get_elem(rules, (unsigned)i));
	config_load_attendance(c, config_lookup(cf, "attendance"));
	config_load_breaks(c, config_lookup(cf, "breaks"));
	config_load_cap(c, config_lookup(cf, "max_away"), &c->f->max_away);
	config_load_deductions(c, config_lookup(cf, "deductions"));
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

struct floor *
floor_load(const char *path, struct buf *errs)
{
	struct ctx c = { path ? path : "(demo)", errs, 0, NULL };
	config_t cf;
	char *text = NULL;
	int rc;

	config_init(&cf);
	if (path != NULL && (text = config_read_main(&c, path)) == NULL) {
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
			config_where(errs, c.path, config_error_file(&cf),
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
