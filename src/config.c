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

#include "../db/store.h"
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

/* ---- keys against the table (config_table.c) ---- */

static const char *
ktype_name(enum ktype t)
{
	static const char *names[K_NTYPES] = { "a string", "a whole number",
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
	case K_AMOUNT: return st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64 ||
		    st == CONFIG_TYPE_FLOAT;
	case K_BOOL: return st == CONFIG_TYPE_BOOL;
	case K_ARRAY: return st == CONFIG_TYPE_ARRAY || st == CONFIG_TYPE_LIST;
	case K_LIST: return st == CONFIG_TYPE_LIST || st == CONFIG_TYPE_ARRAY;
	case K_GROUP: return st == CONFIG_TYPE_GROUP;
	case K_CAP: return st == CONFIG_TYPE_INT || st == CONFIG_TYPE_INT64 ||
		    st == CONFIG_TYPE_STRING;
	case K_NTYPES: break;
	}
	return false;
}

/*
 * Checks a group setting against the table's keys of section: unknown
 * keys, wrong types and missing required keys.  Returns false when the
 * entry is unusable.
 */
bool
check_keys(struct ctx *c, const config_setting_t *g, const char *section,
    const char *what)
{
	const struct cfg_key *keys, *const *list;
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
		const struct cfg_key *k = cfg_child(section, name);

		if (k == NULL) {
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
	list = cfg_section(section, &n);
	for (i = 0; i < n; i++)
		if ((keys = list[i])->required &&
		    config_setting_get_member(g, cfg_leaf(keys)) == NULL) {
			cerr(c, g, _("%s has no '%s'"), what, cfg_leaf(keys));
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
get_amount(struct ctx *c, const config_setting_t *s, const char *path,
    const char *what, fen_t *out)
{
	const struct cfg_key *k = cfg_key(path);
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
	if (d < (double)k->min) {
		cerr(c, s, _("%s is negative (%g); amounts are 0 or more"), what, d);
		return false;
	}
	if (d > (double)k->max) {
		cerr(c, s, _("%s is too large (%g; at most %lld)"), what, d, k->max);
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

/* "KEY VALUE is not MIN to MAX UNIT", KEY as "who: leaf" in an entry. */
static void
range_error(struct ctx *c, const config_setting_t *s, const struct cfg_key *k,
    const char *who, long long v)
{
	struct buf name = { 0 };

	if (who != NULL)
		/* TRANSLATORS: a list entry and its key: "rule SLEEP: fine". */
		buf_printf(&name, _("%s: %s"), who, cfg_leaf(k));
	else
		buf_puts(&name, k->name);
	if (k->max == INT_MAX)
		cerr(c, s, _("%s %lld is not %lld or more"), name.s, v, k->min);
	else if (k->unit != NULL)
		cerr(c, s, _("%s %lld is not %lld to %lld %s"), name.s, v, k->min,
		    k->max, _(k->unit));
	else
		cerr(c, s, _("%s %lld is not %lld to %lld"), name.s, v, k->min,
		    k->max);
	buf_free(&name);
}

/* The default amount of k (written in currency units) in fen. */
static fen_t
default_amount(const struct cfg_key *k)
{
	return (fen_t)llround(strtod(k->def, NULL) * 100);
}

bool
cfg_get(struct ctx *c, const config_setting_t *g, const char *path,
    const char *who, void *out)
{
	const struct cfg_key *k = cfg_key(path);
	const config_setting_t *s = g == NULL ? NULL :
	    config_setting_get_member(g, cfg_leaf(k));
	long long v;

	/* A check reads any type; a wrong type of a plain key is
	 * check_keys' error. */
	if (k->check != NULL)
		return k->check(c, s, k, who, out);
	if (s != NULL && !ktype_ok(s, k->type))
		s = NULL;
	switch (k->type) {
	case K_INT:
		if (s == NULL) {
			if (k->def != NULL)
				*(int *)out = atoi(k->def);
			return false;
		}
		v = config_setting_get_int64(s);
		if (k->min < k->max && (v < k->min || v > k->max)) {
			range_error(c, s, k, who, v);
			return false;
		}
		*(int *)out = (int)v;
		return true;
	case K_AMOUNT:
		if (s == NULL) {
			if (k->def != NULL)
				*(fen_t *)out = default_amount(k);
			return false;
		}
		return get_amount(c, s, path, cfg_leaf(k), out);
	default:
		abort();	/* no such key (a slip in the loader) */
	}
}

const char *
cfg_str(const config_setting_t *g, const char *path)
{
	const char *v = get_str(g, cfg_leaf(cfg_key(path)));

	return v != NULL ? v : cfg_key(path)->def;
}

/* The half days of rules.absence_days (a multiple of 0.5 in range). */
bool
cfg_check_half_days(struct ctx *c, const config_setting_t *s,
    const struct cfg_key *k, const char *who, void *out)
{
	fen_t d;

	if (s == NULL) {
		*(int *)out = (int)(default_amount(k) / 50);
		return false;
	}
	if (!get_amount(c, s, k->name, cfg_leaf(k), &d))
		return false;
	if (d % 50 != 0) {
		cerr(c, s, _("%s: %s must be a multiple of 0.5"), who, cfg_leaf(k));
		return false;
	}
	*(int *)out = (int)(d / 50);
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
	const struct cfg_key *k = cfg_key("floor.workdays");
	const config_setting_t *s;
	const char *p;
	int i, n;

	/* The default, "[1, 2, 3, 4, 5]": one digit a weekday. */
	f->workdays = 0;
	for (p = k->def; *p; p++)
		if (isdigit((unsigned char)*p))
			f->workdays |= 1u << ((*p - '0') % 7);
	if ((s = config_setting_get_member(fl, "workdays")) != NULL) {
		f->workdays = 0;
		n = config_setting_length(s);
		for (i = 0; i < n; i++) {
			const config_setting_t *d = config_setting_get_elem(s, (unsigned)i);
			int wd;

			if (config_setting_type(d) != CONFIG_TYPE_INT ||
			    (wd = config_setting_get_int(d)) < k->min || wd > k->max) {
				cerr(c, d, _("workdays are numbers %lld (Monday) to %lld "
				    "(Sunday)"), k->min, k->max);
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
	if (!check_keys(c, fl, "floor", "floor"))
		return;
	v = get_str(fl, "id");
	if (!id_valid(v, ID_MAX))
		cerr(c, config_setting_get_member(fl, "id"),
		    _("floor id '%s' must be letters, digits, '-' or '_'"), v);
	f->id = xstrdup(v);
	f->name = xstrdup(get_str(fl, "name"));
	f->currency = xstrdup(cfg_str(fl, "floor.currency"));
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
		if (v[0] != '/' && !store_is_remote(v))
			cerr(c, config_setting_get_member(fl, "database"), "floor."
			    "database '%s' must be an absolute path", v);
		f->database = xstrdup(v);
	}
	if ((v = get_str(fl, "database_file")) != NULL) {
		if (v[0] != '/')
			cerr(c, config_setting_get_member(fl, "database_file"),
			    "floor.database_file '%s' must be an absolute path", v);
		f->database_file = xstrdup(v);
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
	if ((v = cfg_str(fl, "floor.paper")) != NULL) {
		if (strcmp(v, "a4") == 0 || strcmp(v, "A4") == 0)
			f->paper = PAPER_A4;
		else if (strcmp(v, "letter") == 0)
			f->paper = PAPER_LETTER;
		else
			cerr(c, config_setting_get_member(fl, "paper"),
			    _("paper '%s' is not \"a4\" or \"letter\""), v);
	}
	s = config_setting_get_member(fl, "shift");
	if (check_keys(c, s, "floor.shift", "shift")) {
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
	cfg_get(c, fl, "floor.signin_window", NULL, &f->signin_window);
	cfg_get(c, fl, "floor.signout_window", NULL, &f->signout_window);
	cfg_get(c, fl, "floor.complaint_retention_days", NULL,
	    &f->complaint_retention_days);
	load_layout(c, config_setting_get_member(fl, "layout"));
	load_calendar(c, fl);
}

/* ---- groups, staff, users ---- */

static const config_setting_t *
get_list(struct ctx *c, const config_t *cf, const char *name)
{
	const config_setting_t *s = config_lookup(cf, name);

	if (s == NULL) {
		if (cfg_key(name)->required)
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

		if (!check_keys(c, g, "groups", "group"))
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
		cfg_get(c, g, "groups.max_away", NULL,
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

		if (!check_keys(c, g, "staff", "staff entry"))
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
		if (cfg_get(c, g, "staff.wage", NULL, &st.wage))
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

		if (!check_keys(c, g, "users", "user"))
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
	groups = get_list(c, cf, "groups");
	load_groups(c, groups);
	load_staff(c, get_list(c, cf, "staff"));
	resolve_roles(c, groups);
	load_users(c, get_list(c, cf, "users"));
	rules = get_list(c, cf, "rules");
	n = rules ? config_setting_length(rules) : 0;
	c->f->rules = xcalloc((size_t)n, sizeof *c->f->rules);
	for (i = 0; i < n; i++)
		config_load_rule(c, config_setting_get_elem(rules, (unsigned)i));
	config_load_attendance(c, config_lookup(cf, "attendance"));
	config_load_breaks(c, config_lookup(cf, "breaks"));
	cfg_get(c, config_root_setting(cf), "max_away", NULL, &c->f->max_away);
	config_load_deductions(c, config_lookup(cf, "deductions"));
	/* Top-level keys nobody reads are most likely typos. */
	n = config_setting_length(config_root_setting(cf));
	for (i = 0; i < n; i++) {
		const config_setting_t *s =
		    config_setting_get_elem(config_root_setting(cf), (unsigned)i);
		const struct cfg_key *k = cfg_child("", config_setting_name(s));

		if (k == NULL)
			cerr(c, s, _("unknown top-level key '%s'"),
			    config_setting_name(s));
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
