/*
 * floor.c - look-ups in the floor model and the names of its enums.
 * The model is built by config.c; nothing here changes it.
 */
#include "floor.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <strings.h>

#define FIND(arr, n, field, key) do {					\
	int i_;								\
	for (i_ = 0; i_ < (n); i_++)					\
		if (strcmp((arr)[i_].field, (key)) == 0)		\
			return i_;					\
	return -1;							\
} while (0)

/*
 * Staff and seat ids and rule codes are looked up by hash: config.c
 * checks every id against those before it while loading, and the views
 * resolve an id for every incident they show, so a linear scan made a
 * 2,400-person floor quadratic (two thirds of `callfloor fines`'
 * start-up), and a month's sums compared each fine line's rule with the
 * rules before it.  The arrays only ever grow at the end while loading
 * and are never changed after, so an index catches up with what was
 * appended since the last look-up.
 */
struct floor_index {
	int *slot;		/* array index + 1; 0 is empty */
	int cap;		/* a power of two, at least twice n */
	int n;			/* entries indexed so far */
};

typedef const char *(*id_of_fn)(const struct floor *, int);

static const char *staff_id_of(const struct floor *f, int i) { return f->staff[i].id; }
static const char *seat_id_of(const struct floor *f, int i) { return f->seats[i].id; }
static const char *rule_code_of(const struct floor *f, int i) { return f->rules[i].code; }

static void
index_put(struct floor_index *x, const struct floor *f, id_of_fn id_of, int i)
{
	unsigned h = str_hash(id_of(f, i)) & (unsigned)(x->cap - 1);

	while (x->slot[h] != 0)
		h = (h + 1) & (unsigned)(x->cap - 1);
	x->slot[h] = i + 1;
}

/* The index of id among the first n entries, or -1. */
static int
index_find(struct floor_index **xp, const struct floor *f, id_of_fn id_of,
    int n, const char *id)
{
	struct floor_index *x = *xp;
	unsigned h;

	if (x == NULL)
		x = *xp = xcalloc(1, sizeof *x);
	if (n > x->n) {
		if (2 * n > x->cap) {
			/* Grow, and index everything again below. */
			free(x->slot);
			x->cap = 64;
			while (x->cap < 2 * n)
				x->cap *= 2;
			x->slot = xcalloc((size_t)x->cap, sizeof *x->slot);
			x->n = 0;
		}
		for (; x->n < n; x->n++)
			index_put(x, f, id_of, x->n);
	}
	if (x->cap == 0)
		return -1;
	for (h = str_hash(id) & (unsigned)(x->cap - 1); x->slot[h] != 0;
	    h = (h + 1) & (unsigned)(x->cap - 1))
		if (strcmp(id_of(f, x->slot[h] - 1), id) == 0)
			return x->slot[h] - 1;
	return -1;
}

static void
index_free(struct floor_index *x)
{
	if (x != NULL)
		free(x->slot);
	free(x);
}

/* The indexes are a cache: building them does not change the model. */
int
floor_staff_find(const struct floor *f, const char *id)
{
	return index_find(&((struct floor *)f)->staff_index, f, staff_id_of,
	    f->nstaff, id);
}

int
floor_seat_find(const struct floor *f, const char *id)
{
	return index_find(&((struct floor *)f)->seat_index, f, seat_id_of,
	    f->nseats, id);
}

int floor_group_find(const struct floor *f, const char *id) { FIND(f->groups, f->ngroups, id, id); }
int
floor_rule_find(const struct floor *f, const char *code)
{
	return index_find(&((struct floor *)f)->rule_index, f, rule_code_of,
	    f->nrules, code);
}

int
floor_break_find(const struct floor *f, const char *code)
{
	int i;

	for (i = 0; code != NULL && i < f->nbreaks; i++)
		if (strcasecmp(f->breaks[i].code, code) == 0)
			return i;
	return -1;
}

const struct cap *
floor_max_away(const struct floor *f, int g)
{
	if (g >= 0 && g < f->ngroups && f->groups[g].max_away.set)
		return &f->groups[g].max_away;
	return &f->max_away;
}

int
floor_rule_by_key(const struct floor *f, int key)
{
	int i;

	for (i = 0; i < f->nrules; i++)
		if (key != 0 && f->rules[i].key == key)
			return i;
	return -1;
}

int
floor_user_find(const struct floor *f, const char *login)
{
	int i, any = -1;

	for (i = 0; i < f->nusers; i++) {
		if (strcmp(f->users[i].login, login) == 0)
			return i;
		if (strcmp(f->users[i].login, "*") == 0)
			any = i;
	}
	return any;
}

static int
day_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

bool
floor_workday(const struct floor *f, const char *day)
{
	struct tm tm = { 0 };
	int y, m, d;

	if (f->nholidays > 0 && bsearch(day, f->holidays, (size_t)f->nholidays,
	    sizeof *f->holidays, day_cmp))
		return false;
	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	mktime(&tm);
	return (f->workdays >> tm.tm_wday) & 1u;
}

int
floor_role_holder(const struct floor *f, int g, enum grole r)
{
	if (g < 0 || g >= f->ngroups)
		return -1;
	switch (r) {
	case GROLE_DIRECTOR: return f->groups[g].director;
	case GROLE_DEPUTY: return f->groups[g].deputy;
	case GROLE_SUPERVISOR: return f->groups[g].supervisor;
	default: return -1;
	}
}

/* Shown translated where a person reads them (_(name)). */
static const char *grole_names[] = { N_("agent"), N_("director"), N_("deputy"),
    N_("supervisor"), NULL };
static const char *urole_names[] = { N_("lead"), N_("supervisor"),
    N_("director"), N_("manager"), NULL };
/* Other roles a fine or a ledger row names (shown as _(role)): every
 * member of a group, the offender, one no longer on the staff list. */
static const char *const other_roles[] __attribute__((unused)) = {
    N_("member"), N_("offender"), N_("former") };
static const char *window_names[] = { "day", "month", "year", "ever", NULL };
static const char *flag_names[] = { "", "warning", "criticism", "termination-review",
	"termination", NULL };

static int
name_parse(const char **names, const char *s)
{
	int i;

	for (i = 0; s != NULL && names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *grole_name(enum grole r) { return grole_names[r]; }
const char *urole_name(enum urole r) { return urole_names[r]; }
const char *window_name(enum window w) { return window_names[w]; }
const char *flag_name(enum flag fl) { return flag_names[fl]; }

#define PARSE(names, type) do {						\
	int v_ = name_parse(names, s);					\
	if (v_ < 0)							\
		return -1;						\
	*out = (type)v_;						\
	return 0;							\
} while (0)

int grole_parse(const char *s, enum grole *out) { PARSE(grole_names, enum grole); }
int urole_parse(const char *s, enum urole *out) { PARSE(urole_names, enum urole); }
int window_parse(const char *s, enum window *out) { PARSE(window_names, enum window); }

int
flag_parse(const char *s, enum flag *out)
{
	if (s != NULL && s[0] == '\0')
		return -1;
	PARSE(flag_names, enum flag);
}

/* The seats, groups and staff of f and their look-ups, which a floor
 * read from its configuration and one built from a stored roster share. */
static void
roster_parts_free(struct floor *f)
{
	int i;

	for (i = 0; i < f->nseats; i++)
		free(f->seats[i].id);
	free(f->seats);
	for (i = 0; i < f->ngroups; i++) {
		free(f->groups[i].id);
		free(f->groups[i].name);
	}
	free(f->groups);
	for (i = 0; i < f->nstaff; i++) {
		free(f->staff[i].id);
		free(f->staff[i].name);
	}
	free(f->staff);
	index_free(f->staff_index);
	index_free(f->seat_index);
}

void
floor_free_roster(struct floor *f)
{
	if (f == NULL)
		return;
	free(f->id);
	free(f->name);
	if (f->base != NULL && f->timezone != f->base->timezone)
		free(f->timezone);
	if (f->base != NULL && f->holidays != f->base->holidays)
		free(f->holidays);
	index_free(f->rule_index);	/* its own, of the base's rules */
	roster_parts_free(f);
	free(f);
}

void
floor_free(struct floor *f)
{
	int i;

	if (f == NULL)
		return;
	free(f->id); free(f->name); free(f->currency); free(f->timezone);
	free(f->database); free(f->print_command); free(f->source);
	free(f->database_file);
	free(f->language);
	free(f->cells);
	roster_parts_free(f);
	for (i = 0; i < f->nusers; i++)
		free(f->users[i].login);
	free(f->users);
	for (i = 0; i < f->nrules; i++) {
		free(f->rules[i].code); free(f->rules[i].title);
		free(f->rules[i].title_zh); free(f->rules[i].section);
	}
	free(f->rules);
	index_free(f->rule_index);
	for (i = 0; i < f->nbreaks; i++) {
		free(f->breaks[i].code); free(f->breaks[i].title);
		free(f->breaks[i].title_zh);
	}
	free(f->breaks);
	free(f->holidays);
	free(f);
}

const char **
floor_absence_codes(const struct floor *f, int *n)
{
	const char **codes = xcalloc((size_t)f->nrules + 1, sizeof *codes);
	int i;

	for (i = *n = 0; i < f->nrules; i++)
		if (f->rules[i].t.absence_halfdays > 0)
			codes[(*n)++] = f->rules[i].code;
	return codes;
}
