/*
 * names.c - the names an incident or a fine line holds as numbers (schema
 * 8): a rule's code, a staff id, a group, a seat, a login and a fine's
 * role are each one row of the table `name`, and the rows of incident_row
 * and fine_row hold its id; the shift day is a number of days since
 * 1970-01-01.  The views `incident` and `fine` read them back as text, for
 * anyone's SQL; db/ reads the numbers and turns them into text here, from
 * a copy of the table kept by the connection (names never change nor go,
 * so a copy never goes stale; one added by another process is read when
 * first met).
 */
#include "store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct name_entry {
	int64_t id;
	char *name;
};

struct names {
	struct name_entry *v;
	int n, cap;
	int *by_id, *by_name;		/* open addressing: index + 1, 0 empty */
	unsigned mask;
	int *dense;			/* index + 1 by id, for ids below ndense */
	int64_t ndense;
	char **chunks;			/* the names' text, many to a chunk */
	int nchunks;
	char *next;			/* the free end of the last chunk */
	size_t left;			/* and its bytes */
	bool loaded;			/* the whole table was read once */
	bool added;			/* the open write added a name */
};

static unsigned
hash_id(int64_t id)
{
	uint64_t x = (uint64_t)id * 0x9e3779b97f4a7c15ULL;

	return (unsigned)(x >> 32);
}

static unsigned
hash_name(const char *p)
{
	unsigned h = 2166136261u;

	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

static void
slots_put(struct names *nm, int i)
{
	unsigned h;

	for (h = hash_id(nm->v[i].id) & nm->mask; nm->by_id[h]; h = (h + 1) &
	    nm->mask)
		;
	nm->by_id[h] = i + 1;
	for (h = hash_name(nm->v[i].name) & nm->mask; nm->by_name[h]; h = (h + 1)
	    & nm->mask)
		;
	nm->by_name[h] = i + 1;
}

/* name's text kept for the connection's life, in chunks. */
static char *
text_copy(struct names *nm, const char *name)
{
	size_t len = strlen(name) + 1;
	char *p;

	if (len > nm->left) {
		size_t size = len > 16384 ? len : 16384;

		nm->chunks = xrealloc(nm->chunks, (size_t)(nm->nchunks + 1) *
		    sizeof *nm->chunks);
		nm->chunks[nm->nchunks++] = xmalloc(size);
		nm->next = nm->chunks[nm->nchunks - 1];
		nm->left = size;
	}
	p = nm->next;
	memcpy(p, name, len);
	nm->next += len;
	nm->left -= len;
	return p;
}

/* Ids below this are found by index (SQLite's are 1, 2, 3 ...). */
#define DENSE_MAX (1 << 20)

static void
names_add(struct names *nm, int64_t id, const char *name)
{
	int i;

	if (id > 0 && id < DENSE_MAX) {
		if (id >= nm->ndense) {
			int64_t n = nm->ndense ? nm->ndense : 1024;

			while (n <= id)
				n *= 2;
			nm->dense = xrealloc(nm->dense, (size_t)n * sizeof *nm->dense);
			memset(nm->dense + nm->ndense, 0, (size_t)(n - nm->ndense) *
			    sizeof *nm->dense);
			nm->ndense = n;
		}
		nm->dense[id] = nm->n + 1;
	}

	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 256;
		nm->v = xrealloc(nm->v, (size_t)nm->cap * sizeof *nm->v);
	}
	nm->v[nm->n].id = id;
	nm->v[nm->n].name = text_copy(nm, name);
	nm->n++;
	/* Slots at most half full (a floor has a few thousand names). */
	if ((unsigned)nm->n * 2 > nm->mask) {
		free(nm->by_id);
		free(nm->by_name);
		nm->mask = nm->mask ? nm->mask * 2 + 1 : 8191;
		nm->by_id = xcalloc(nm->mask + 1, sizeof *nm->by_id);
		nm->by_name = xcalloc(nm->mask + 1, sizeof *nm->by_name);
		for (i = 0; i < nm->n; i++)
			slots_put(nm, i);
	} else
		slots_put(nm, nm->n - 1);
}

static const struct name_entry *
cached_id(const struct names *nm, int64_t id)
{
	unsigned h;

	if (nm == NULL || nm->mask == 0)
		return NULL;
	if (id > 0 && id < nm->ndense)
		return nm->dense[id] ? &nm->v[nm->dense[id] - 1] : NULL;
	for (h = hash_id(id) & nm->mask; nm->by_id[h]; h = (h + 1) & nm->mask)
		if (nm->v[nm->by_id[h] - 1].id == id)
			return &nm->v[nm->by_id[h] - 1];
	return NULL;
}

static const struct name_entry *
cached_name(const struct names *nm, const char *name)
{
	unsigned h;

	if (nm == NULL || nm->mask == 0)
		return NULL;
	for (h = hash_name(name) & nm->mask; nm->by_name[h]; h = (h + 1) &
	    nm->mask)
		if (strcmp(nm->v[nm->by_name[h] - 1].name, name) == 0)
			return &nm->v[nm->by_name[h] - 1];
	return NULL;
}

void
store_names_forget(struct store *s)
{
	struct names *nm = s->names;
	int i;

	if (nm == NULL)
		return;
	for (i = 0; i < nm->nchunks; i++)
		free(nm->chunks[i]);
	free(nm->chunks);
	free(nm->v);
	free(nm->dense);
	free(nm->by_id);
	free(nm->by_name);
	free(nm);
	s->names = NULL;
}

void
store_names_rolled_back(struct store *s)
{
	/* A name the write added is gone, and its id may come back for
	 * another name. */
	if (s->names != NULL && s->names->added)
		store_names_forget(s);
}

void
store_names_committed(struct store *s)
{
	if (s->names != NULL)
		s->names->added = false;
}

static struct names *
names_of(struct store *s)
{
	if (s->names == NULL)
		s->names = xcalloc(1, sizeof *s->names);
	return s->names;
}

/* The whole table, once a connection (a few thousand short rows). */
static int
load_all(struct store *s, struct err *e)
{
	struct names *nm = names_of(s);
	db_stmt *st;
	int rc;

	if (nm->loaded)
		return 0;
	if ((st = store_prepare(s, "SELECT id, name FROM name", e)) == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t id = db_column_int64(st, 0);

		if (cached_id(nm, id) == NULL)
			names_add(nm, id, (const char *)db_column_text(st, 1));
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(s, e, "reading names");
	nm->loaded = true;
	return 0;
}

/* The id of name in the table (not the copy): 0 found, 1 none, -1. */
static int
lookup(struct store *s, const char *name, int64_t *id, struct err *e)
{
	db_stmt *st = store_cached(s, Q_NAME_FIND, "SELECT id FROM name WHERE "
	    "name = ?1", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW)
		*id = db_column_int64(st, 0);
	db_reset(st);
	if (rc == DB_ROW) {
		names_add(names_of(s), *id, name);
		return 0;
	}
	return rc == DB_DONE ? 1 : store_fail(s, e, "reading a name");
}

int
store_name_find(struct store *s, const char *name, int64_t *id,
    struct err *e)
{
	const struct name_entry *c;

	if (load_all(s, e) < 0)
		return -1;
	if ((c = cached_name(s->names, name)) != NULL) {
		*id = c->id;
		return 0;
	}
	return lookup(s, name, id, e);
}

/*
 * On SQLite a record holds an id below 128 in one byte, above it in two:
 * the names of which a floor has few (rules, groups, logins, roles), each
 * in a row and an index or two of every incident, take the ids below 128
 * while they last; the many (staff, seats) start at 128.  (WHERE true:
 * without it SQLite reads ON CONFLICT as the FROM clause's join.)
 */
int
store_name_id(struct store *s, const char *name, bool few, int64_t *id,
    struct err *e)
{
	db_stmt *st;
	int rc;

	if (name == NULL || name[0] == '\0') {
		*id = 0;
		return 0;
	}
	if ((rc = store_name_find(s, name, id, e)) <= 0)
		return rc;
	st = store_cached(s, Q_NAME_ADD, db_dialect(s, "INSERT INTO name (id, "
	    "name) SELECT CASE WHEN ?2 AND low < 127 THEN low + 1 ELSE "
	    "max(top, 127) + 1 END, ?1 FROM (SELECT (SELECT coalesce(max(id), 0) "
	    "FROM name WHERE id <= 127) AS low, (SELECT coalesce(max(id), 0) FROM "
	    "name) AS top) WHERE true ON CONFLICT DO NOTHING",
	    "INSERT INTO name (name) VALUES (?1) ON CONFLICT DO NOTHING"), e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1, DB_STATIC);
	db_bind_int(st, 2, few);	/* (PostgreSQL: not used, left out) */
	if (store_run(s, st, e, "adding a name") < 0)
		return -1;
	names_of(s)->added = true;
	rc = lookup(s, name, id, e);
	return rc == 0 ? 0 : rc < 0 ? -1 : store_fail(s, e, "adding a name");
}

const char *
store_name_of(struct store *s, int64_t id)
{
	const struct names *nm = s->names;
	const struct name_entry *c;
	db_stmt *st;
	int rc;

	/* The common case first, without a call: a row's names, by index. */
	if (nm != NULL && id > 0 && id < nm->ndense && nm->dense[id] != 0)
		return nm->v[nm->dense[id] - 1].name;
	c = cached_id(nm, id);
	if (c != NULL)
		return c->name;
	if (!names_of(s)->loaded) {
		if (load_all(s, NULL) == 0 && (c = cached_id(s->names, id)) != NULL)
			return c->name;
	}
	/* Added since (by another process): read it alone. */
	st = store_cached(s, Q_NAME_GET, "SELECT name FROM name WHERE id = ?1",
	    NULL);
	if (st == NULL)
		return "?";
	db_bind_int64(st, 1, id);
	/* The step may have reconnected, which forgets every name. */
	rc = db_step(st);
	if (rc == DB_ROW)
		names_add(names_of(s), id, (const char *)db_column_text(st, 0));
	db_reset(st);
	return rc == DB_ROW ? names_of(s)->v[names_of(s)->n - 1].name : "?";
}

void
store_name_col(db_stmt *st, int i, char *out, size_t n)
{
	int64_t id = db_column_int64(st, i);	/* 0: NULL (ids start at 1) */
	const char *v;
	size_t len;

	if (id == 0) {
		out[0] = '\0';
		return;
	}
	v = store_name_of(db_store(st), id);
	len = strlen(v);
	if (len >= n)
		len = n - 1;
	memcpy(out, v, len);
	out[len] = '\0';
}

int
store_bind_name(struct store *s, db_stmt *st, int i, const char *name,
    bool few, struct err *e)
{
	int64_t id;

	if (store_name_id(s, name, few, &id, e) < 0)
		return -1;
	if (id == 0)
		db_bind_null(st, i);
	else
		db_bind_int64(st, i, id);
	return 0;
}

/* ---- the shift day as a number ---- */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; m 1-12). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
month_days(int64_t y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int64_t
store_day_num(const char *day, bool upper)
{
	int y = 0, m = 0, d = 0;

	if (day == NULL || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return upper ? INT32_MAX : INT32_MIN;
	/* Not a calendar day (a bound such as "9999-99-99" or "2026-02-31"):
	 * the last day before it, or the first after. */
	if (m < 1)
		return upper ? days_from_civil(y, 1, 1) - 1 :
		    days_from_civil(y, 1, 1);
	if (m > 12)
		return upper ? days_from_civil(y + 1, 1, 1) - 1 :
		    days_from_civil(y + 1, 1, 1);
	if (d < 1)
		return upper ? days_from_civil(y, m, 1) - 1 :
		    days_from_civil(y, m, 1);
	if (d > month_days(y, m))
		return upper ? days_from_civil(y, m, month_days(y, m)) :
		    days_from_civil(y, m, month_days(y, m)) + 1;
	return days_from_civil(y, m, d);
}

/* Rows come day by day: the last day's text, kept. */
static int64_t last_day = INT64_MIN;
static char last_text[11];

void
store_day_text(int64_t num, char out[11])
{
	char *text = last_text;
	int64_t z = num + 719468, era, doe, yoe, y, doy, mp, d, m;

	if (num != last_day) {
		era = (z >= 0 ? z : z - 146096) / 146097;
		doe = z - era * 146097;
		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
		y = yoe + era * 400;
		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		mp = (5 * doy + 2) / 153;
		d = doy - (153 * mp + 2) / 5 + 1;
		m = mp + (mp < 10 ? 3 : -9);
		y += m <= 2;
		y = y < 0 ? 0 : y > 9999 ? 9999 : y;
		text[0] = (char)('0' + y / 1000);
		text[1] = (char)('0' + y / 100 % 10);
		text[2] = (char)('0' + y / 10 % 10);
		text[3] = (char)('0' + y % 10);
		text[4] = '-';
		text[5] = (char)('0' + m / 10);
		text[6] = (char)('0' + m % 10);
		text[7] = '-';
		text[8] = (char)('0' + d / 10);
		text[9] = (char)('0' + d % 10);
		text[10] = '\0';
		last_day = num;
	}
	memcpy(out, text, 11);
}

void
store_day_col(db_stmt *st, int i, char *out)
{
	int64_t num = db_column_int64(st, i);

	if (num == last_day)
		memcpy(out, last_text, 11);
	else
		store_day_text(num, out);
}
