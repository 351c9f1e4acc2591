/*
 * migrate.c - copies a floor's whole record from one store to another
 * (`callfloor migrate --to`, issue 15): SQLite to PostgreSQL to move a
 * floor, or back.  Rows get the target's ids; every id a row had in the
 * source is kept in the target's meta ("migrated/TABLE/OLD" = NEW), which
 * both renumbers the references (a fine's incident, an appeal's fine) and
 * lets a second run copy only the rows the source gained since.  The copy
 * is one transaction on the target, read from one snapshot of the source.
 */
#include "store.h"
#include "store_internal.h"
#include "carry.h"
#include "migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A table copied by id: its columns after id, and which of them hold
 * another table's id (by index into tables[], -1 for none). */
struct table {
	const char *name;
	const char *cols;
	const char *find;		/* SQL finding an equal row, or NULL */
	struct { int col, table; } refs[3];
	bool fixed;			/* its rows never change once written */
};

enum { T_RULE_VERSION, T_INCIDENT, T_FINE, T_APPEAL, T_AUDIT_WHO,
	T_AUDIT_WORD };

static const struct table tables[] = {
	[T_RULE_VERSION] = { "rule_version", "code, title, terms, first_seen",
	    "SELECT id FROM rule_version WHERE code = ?1 AND title = ?2 AND "
	    "terms = ?3", { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	[T_INCIDENT] = { "incident", "rule, rule_version, staff, grp, seat, at, "
	    "day, offence, amount, note, marked_by, marked_at, voided_at, "
	    "voided_by, void_reason", NULL,
	    { { 1, T_RULE_VERSION }, { -1, 0 }, { -1, 0 } } },
	[T_FINE] = { "fine", "incident, staff, grp, role, own, amount, doubled",
	    NULL, { { 0, T_INCIDENT }, { -1, 0 }, { -1, 0 } } },
	[T_APPEAL] = { "appeal", "incident, fine, staff, reason, by, at, decision, "
	    "decided_by, decided_at, decided_reason", NULL,
	    { { 0, T_INCIDENT }, { 1, T_FINE }, { -1, 0 } } },
	/* The audit trail (schema 7): who wrote and the words, each once in
	 * a database, then the lines naming them (their details coded with
	 * db/audit.c's phrase list, the same on both sides). */
	[T_AUDIT_WHO] = { "audit_who", "login, uid, terminal, ssh",
	    "SELECT id FROM audit_who WHERE login = ?1 AND uid = ?2 AND "
	    "terminal = ?3 AND ssh = ?4", { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	[T_AUDIT_WORD] = { "audit_word", "word",
	    "SELECT id FROM audit_word WHERE word = ?1",
	    { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "audit_line", "at, who, action, kind, ref, detail", NULL,
	    { { 1, T_AUDIT_WHO }, { 2, T_AUDIT_WORD }, { 3, T_AUDIT_WORD } },
	    true },
	{ "adjustment", "appeal, month, staff, amount, note", NULL,
	    { { 0, T_APPEAL }, { -1, 0 }, { -1, 0 } } },
	{ "custody", "incident, staff, seat, item, taken_at, kept_by, "
	    "returned_at, returned_by", NULL, { { 0, T_INCIDENT }, { -1, 0 }, { -1, 0 } } },
	{ "inspection", "seat, staff, day, at, by, voided_at, voided_by", NULL,
	    { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "attendance", "staff, day, kind, at, minutes, by, voided_at, voided_by, "
	    "void_reason", NULL, { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "explanation", "staff, day, note, by, at", NULL,
	    { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "away", "staff, grp, reason, day, limit_minutes, queued_at, started_at, "
	    "ended_at, cancelled, over, by, ended_by", NULL,
	    { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "leave", "staff, from_day, to_day, kind, via, requested_at, approved_by, "
	    "valid, why_invalid, form_at, recorded_by, recorded_at, approved_at",
	    NULL, { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "rulebook", "hash, rules, first_seen, text",
	    "SELECT id FROM rulebook WHERE hash = ?1", { { -1, 0 }, { -1, 0 }, { -1, 0 } } },
	{ "complaint", "staff, grp, kind, caller, phone, note, at, day, "
	    "recorded_by, recorded_at, late, incident, forwarded_by, forwarded_at, "
	    "closed_by, closed_at, outcome, purged_at", NULL,
	    { { 11, T_INCIDENT }, { -1, 0 }, { -1, 0 } } },
};
#define NTABLES ((int)(sizeof tables / sizeof tables[0]))

struct pair { int64_t old, new; };
struct map { struct pair *p; int n, cap; };

static int
by_old(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->old < y->old ? -1 : x->old > y->old;
}

static void
map_add(struct map *m, int64_t old, int64_t new)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->p = xrealloc(m->p, (size_t)m->cap * sizeof *m->p);
	}
	m->p[m->n].old = old;
	m->p[m->n++].new = new;
}

static int64_t
map_get(const struct map *m, int64_t old)
{
	struct pair key = { old, 0 }, *hit;

	if (m->n == 0)
		return -1;
	hit = bsearch(&key, m->p, (size_t)m->n, sizeof *m->p, by_old);
	return hit ? hit->new : -1;
}

static int
ncols(const char *cols)
{
	int n = 1;

	for (; *cols; cols++)
		n += *cols == ',';
	return n;
}

/* The target's mappings of earlier runs, sorted, one map a table. */
static int
load_maps(struct store *to, struct map *maps, struct err *e)
{
	db_stmt *st = store_prepare(to, "SELECT name, value FROM meta WHERE "
	    "name LIKE 'migrated/%'", e);
	int rc, t;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *name = (const char *)db_column_text(st, 0) + 9;
		const char *slash = strrchr(name, '/');

		for (t = 0; slash && t < NTABLES; t++)
			if (strlen(tables[t].name) == (size_t)(slash - name) &&
			    strncmp(name, tables[t].name, (size_t)(slash - name)) == 0)
				map_add(&maps[t], strtoll(slash + 1, NULL, 10),
				    db_column_int64(st, 1));
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(to, e, "reading earlier copies");
	for (t = 0; t < NTABLES; t++)
		if (maps[t].n > 1)
			qsort(maps[t].p, (size_t)maps[t].n, sizeof *maps[t].p,
			    by_old);
	return 0;
}

/* ---- what changed on rows copied before ---- */

/* A row's content as a 64-bit FNV-1a hash of its values' text, NULL told
 * from every text: rows of both sides compare by it. */
#define HASH_START 14695981039346656037ULL

static uint64_t
hash_value(uint64_t h, const char *v)
{
	const unsigned char *p = (const unsigned char *)(v ? v : "");

	h = (h ^ (v ? 1u : 2u)) * 1099511628211ULL;
	for (; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (h ^ 0xffu) * 1099511628211ULL;
}

struct rowsum { int64_t id; uint64_t h; };

static int
by_id(const void *a, const void *b)
{
	const struct rowsum *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The target's rows of table tb: their ids and content hashes, by id. */
static int
load_sums(struct store *to, const struct table *tb, int nc,
    struct rowsum **out, int *n, struct err *e)
{
	char *q = xasprintf("SELECT id, %s FROM %s", tb->cols, tb->name);
	db_stmt *st = store_prepare(to, q, e);
	int rc, c, cap = 0;

	free(q);
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		uint64_t h = HASH_START;

		for (c = 0; c < nc; c++)
			h = hash_value(h, db_column_type(st, c + 1) == DB_NULL ? NULL :
			    (const char *)db_column_text(st, c + 1));
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		(*out)[*n].id = db_column_int64(st, 0);
		(*out)[(*n)++].h = h;
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(to, e, tb->name);
	if (*n > 1)
		qsort(*out, (size_t)*n, sizeof **out, by_id);
	return 0;
}

/* "UPDATE t SET a = ?1, b = ?2 ... WHERE id = ?N+1" of a column list. */
static char *
update_sql(const char *table, const char *cols, const char *where)
{
	struct buf b = { 0 };
	const char *p = cols;
	int c = 0;

	buf_printf(&b, "UPDATE %s SET ", table);
	while (*p) {
		size_t len = strcspn(p, ",");

		buf_printf(&b, "%s%.*s = ?%d", c ? ", " : "", (int)len, p, c + 1);
		c++;
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
	buf_printf(&b, " WHERE %s", where);
	return b.s;
}

/* The source row's values as the target holds them: its references
 * renumbered (into vals[c], buffers of 24).  -1 with e set when one
 * points at a row not copied. */
static int
source_values(const struct table *tb, int nc, db_stmt *src,
    const struct map *maps, const char **v, char (*refbuf)[24], struct err *e)
{
	int c, k;

	for (c = 0; c < nc; c++)
		v[c] = db_column_type(src, c + 1) == DB_NULL ? NULL :
		    (const char *)db_column_text(src, c + 1);
	for (k = 0; k < 3; k++) {
		int col = tb->refs[k].col;
		int64_t ref;

		if (col < 0 || v[col] == NULL)
			continue;
		ref = map_get(&maps[tb->refs[k].table], db_column_int64(src, col + 1));
		if (ref < 0)
			return err_set(e, EXIT_RUNTIME, "%s %lld: its %s %lld was not "
			    "copied", tb->name, (long long)db_column_int64(src, 0),
			    tables[tb->refs[k].table].name,
			    (long long)db_column_int64(src, col + 1));
		snprintf(refbuf[col], 24, "%lld", (long long)ref);
		v[col] = refbuf[col];
	}
	return 0;
}

static int
bind_values(db_stmt *st, const char **v, int nc)
{
	int c;

	db_reset(st);
	for (c = 0; c < nc; c++)
		if (v[c] == NULL)
			db_bind_null(st, c + 1);
		else
			db_bind_text(st, c + 1, v[c], -1, DB_TRANSIENT);
	return nc;
}

/* A statement of the copy, prepared once for the run (PostgreSQL: a
 * server-side prepared statement, not parsed again for every row). */
static db_stmt *
kept(struct store *s, const char *sql, struct err *e)
{
	db_stmt *st = NULL;

	if (db_prepare_kept(s, sql, &st) != DB_OK) {
		store_fail(s, e, "prepare");
		return NULL;
	}
	return st;
}

/* The map of old ids to new ones, written to the target's meta a batch
 * of rows a statement. */
#define NOTE_BATCH 100

struct notes {
	char key[NOTE_BATCH][96], val[NOTE_BATCH][24];
	int n;
	db_stmt *full;			/* the statement of NOTE_BATCH rows */
};

static char *
notes_sql(int n)
{
	struct buf b = { 0 };
	int i;

	buf_puts(&b, "INSERT INTO meta (name, value) VALUES ");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s(?%d, ?%d)", i ? ", " : "", 2 * i + 1, 2 * i + 2);
	return b.s;
}

static int
notes_flush(struct store *to, struct notes *nt, struct err *e)
{
	db_stmt *st;
	int i, rc;

	if (nt->n == 0)
		return 0;
	if (nt->n == NOTE_BATCH && nt->full == NULL) {
		char *q = notes_sql(NOTE_BATCH);

		nt->full = kept(to, q, e);
		free(q);
		if (nt->full == NULL)
			return -1;
	}
	if (nt->n == NOTE_BATCH)
		st = nt->full;
	else {
		char *q = notes_sql(nt->n);

		st = store_prepare(to, q, e);
		free(q);
		if (st == NULL)
			return -1;
	}
	db_reset(st);
	for (i = 0; i < nt->n; i++) {
		db_bind_text(st, 2 * i + 1, nt->key[i], -1, DB_STATIC);
		db_bind_text(st, 2 * i + 2, nt->val[i], -1, DB_STATIC);
	}
	rc = db_step(st);
	db_reset(st);
	if (st != nt->full)
		db_finalize(st);
	nt->n = 0;
	return rc == DB_DONE ? 0 : store_fail(to, e, "noting the copy");
}

/* Copies the rows of table t the target lacks and, on rows an earlier
 * run copied, carries over what changed since (a void, a return, a
 * decision): the row's values written again where its hash differs. */
static int
copy_table(struct store *from, struct store *to, int t, struct map *maps,
    struct migrate_report *r, struct err *e)
{
	const struct table *tb = &tables[t];
	int nc = ncols(tb->cols), c, rc, nsums = 0;
	char *sel = xasprintf("SELECT id, %s FROM %s ORDER BY id", tb->cols,
	    tb->name);
	char *idw = xasprintf("id = ?%d", nc + 1);
	char *upd = update_sql(tb->name, tb->cols, idw);
	char (*refbuf)[24] = xcalloc((size_t)nc, sizeof *refbuf);
	const char **v = xcalloc((size_t)nc, sizeof *v);
	struct rowsum *sums = NULL;
	struct buf ins = { 0 };
	struct notes *nt = xcalloc(1, sizeof *nt);
	db_stmt *src = NULL, *dst = NULL, *find = NULL, *up = NULL;
	bool fixed = tb->fixed || tb->find != NULL;

	free(idw);
	buf_printf(&ins, "INSERT INTO %s (%s) VALUES (", tb->name, tb->cols);
	for (c = 0; c < nc; c++)
		buf_printf(&ins, "%s?%d", c ? ", " : "", c + 1);
	/* The new row's id straight back (both dialects have RETURNING). */
	buf_puts(&ins, ") RETURNING id");
	src = store_prepare(from, sel, e);
	dst = src ? kept(to, ins.s, e) : NULL;
	find = dst && tb->find ? kept(to, tb->find, e) : NULL;
	up = dst && !fixed && maps[t].n > 0 ? kept(to, upd, e) : NULL;
	free(sel);
	free(upd);
	buf_free(&ins);
	if (dst == NULL || (tb->find && find == NULL) ||
	    (!fixed && maps[t].n > 0 && up == NULL) ||
	    (up != NULL && load_sums(to, tb, nc, &sums, &nsums, e) < 0)) {
		rc = -1;
		goto done;
	}
	while ((rc = db_step(src)) == DB_ROW) {
		int64_t old = db_column_int64(src, 0), new = map_get(&maps[t], old);

		if (new >= 0) {			/* copied by an earlier run */
			struct rowsum want = { new, 0 }, *have;
			uint64_t h = HASH_START;

			if (up == NULL)
				continue;
			if (source_values(tb, nc, src, maps, v, refbuf, e) < 0) {
				rc = -1;
				goto done;
			}
			for (c = 0; c < nc; c++)
				h = hash_value(h, v[c]);
			have = nsums ? bsearch(&want, sums, (size_t)nsums,
			    sizeof *sums, by_id) : NULL;
			if (have != NULL && have->h == h)
				continue;
			if (have == NULL) {
				rc = err_set(e, EXIT_RUNTIME, "%s %lld: copied as %lld, "
				    "which %s no longer holds", tb->name, (long long)old,
				    (long long)new, store_path(to));
				goto done;
			}
			bind_values(up, v, nc);
			db_bind_int64(up, nc + 1, new);
			if (db_step(up) != DB_DONE) {
				rc = store_fail(to, e, tb->name);
				goto done;
			}
			r->updated++;
			continue;
		}
		if (find != NULL) {
			db_reset(find);
			for (c = 0; c < nc; c++)
				if (db_column_type(src, c + 1) == DB_NULL)
					db_bind_null(find, c + 1);
				else
					db_bind_text(find, c + 1, (const char *)
					    db_column_text(src, c + 1), -1, DB_TRANSIENT);
			if (db_step(find) == DB_ROW)
				new = db_column_int64(find, 0);
			db_reset(find);
		}
		if (new < 0) {
			if (source_values(tb, nc, src, maps, v, refbuf, e) < 0) {
				rc = -1;
				goto done;
			}
			bind_values(dst, v, nc);
			if (db_step(dst) != DB_ROW) {
				rc = store_fail(to, e, tb->name);
				goto done;
			}
			new = db_column_int64(dst, 0);
			db_reset(dst);
		}
		snprintf(nt->key[nt->n], sizeof nt->key[0], "migrated/%s/%lld",
		    tb->name, (long long)old);
		snprintf(nt->val[nt->n++], sizeof nt->val[0], "%lld", (long long)new);
		if (nt->n == NOTE_BATCH && notes_flush(to, nt, e) < 0) {
			rc = -1;
			goto done;
		}
		map_add(&maps[t], old, new);
		r->copied++;
		if (t == T_INCIDENT) {
			r->ids = xrealloc(r->ids, (size_t)(r->nids + 1) * sizeof *r->ids);
			r->ids[r->nids][0] = old;
			r->ids[r->nids++][1] = new;
		}
	}
	rc = rc == DB_DONE ? 0 : store_fail(from, e, tb->name);
	if (rc == 0)
		rc = notes_flush(to, nt, e);
	/* Rows are copied in id order: the map stays sorted (an earlier
	 * run's rows and this run's together, sorted again to be sure). */
	if (maps[t].n > 1)
		qsort(maps[t].p, (size_t)maps[t].n, sizeof *maps[t].p, by_old);
done:
	db_finalize(src);
	db_finalize(dst);
	db_finalize(find);
	db_finalize(up);
	db_finalize(nt->full);
	free(nt);
	free(sums);
	free(refbuf);
	free(v);
	return rc;
}

/* ---- the tables without ids ---- */

/* A table kept by its key: the target made equal to the source, row by
 * row (added, written again where it differs and, when mirror, dropped
 * where the source has none: a reopened month, a carried total the
 * source dropped). */
struct keyed {
	const char *name, *keys, *cols, *where;
	int nkeys;
	bool mirror;
};

static const struct keyed keyed[] = {
	{ "closed_month", "month", "closed_by, closed_at, snapshot_text, "
	    "snapshot_csv", "1 = 1", 1, true },
	{ "att_carry", "month, staff", "late, early, half, absent, "
	    "meeting_halves, late_year, absent_total, meeting_total, "
	    "over_months, run, max_run", "1 = 1", 2, true },
	/* The floor's roster, as of each day it changed (src/roster.c). */
	{ "meta", "name", "value", "name LIKE 'roster%'", 1, false },
};

struct keysum { char *key; uint64_t h; bool seen; };

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct keysum *)a)->key,
	    ((const struct keysum *)b)->key);
}

/* The row's key columns joined by tabs, and the hash of the others. */
static void
key_and_hash(db_stmt *st, int nkeys, int nc, struct buf *key, uint64_t *h)
{
	int c;

	key->len = 0;
	buf_puts(key, "");
	for (c = 0; c < nkeys; c++)
		buf_printf(key, "%s%s", c ? "\t" : "",
		    (const char *)db_column_text(st, c));
	*h = HASH_START;
	for (c = nkeys; c < nkeys + nc; c++)
		*h = hash_value(*h, db_column_type(st, c) == DB_NULL ? NULL :
		    (const char *)db_column_text(st, c));
}

static int
sync_keyed(struct store *from, struct store *to, const struct keyed *k,
    struct migrate_report *r, struct err *e)
{
	int nc = ncols(k->cols), n = 0, cap = 0, i, c, rc = -1;
	char *sel = xasprintf("SELECT %s, %s FROM %s WHERE %s", k->keys, k->cols,
	    k->name, k->where);
	char *where = k->nkeys == 1 ? xasprintf("%s = ?%d", k->keys, nc + 1) :
	    xasprintf("%.*s = ?%d AND %s = ?%d", (int)strcspn(k->keys, ","),
	    k->keys, nc + 1, strchr(k->keys, ',') + 2, nc + 2);
	char *upd = update_sql(k->name, k->cols, where);
	char *ins = NULL, *del = xasprintf("DELETE FROM %s WHERE %s", k->name, where);
	struct keysum *have = NULL;
	struct buf key = { 0 }, vals = { 0 };
	db_stmt *st = store_prepare(to, sel, e), *src = NULL, *up = NULL,
	    *add = NULL, *drop = NULL;

	/* INSERT's values: the columns, then the keys (the slots of upd). */
	for (c = 0; c < nc; c++)
		buf_printf(&vals, "?%d, ", c + 1);
	buf_printf(&vals, "?%d", nc + 1);
	if (k->nkeys == 2)
		buf_printf(&vals, ", ?%d", nc + 2);
	ins = xasprintf("INSERT INTO %s (%s, %s) VALUES (%s)", k->name, k->cols,
	    k->keys, vals.s);
	free(where);
	if (st == NULL)
		goto out;
	while ((rc = db_step(st)) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			have = xrealloc(have, (size_t)cap * sizeof *have);
		}
		key_and_hash(st, k->nkeys, nc, &key, &have[n].h);
		have[n].key = xstrdup(key.s);
		have[n++].seen = false;
	}
	db_finalize(st);
	st = NULL;
	if (rc != DB_DONE) {
		rc = store_fail(to, e, k->name);
		goto out;
	}
	rc = -1;
	if (n > 1)
		qsort(have, (size_t)n, sizeof *have, by_key);
	if ((src = store_prepare(from, sel, e)) == NULL ||
	    (up = store_prepare(to, upd, e)) == NULL ||
	    (add = store_prepare(to, ins, e)) == NULL ||
	    (k->mirror && (drop = store_prepare(to, del, e)) == NULL))
		goto out;
	while ((rc = db_step(src)) == DB_ROW) {
		struct keysum want, *hit;
		db_stmt *w;

		key_and_hash(src, k->nkeys, nc, &key, &want.h);
		want.key = key.s;
		hit = n ? bsearch(&want, have, (size_t)n, sizeof *have, by_key) : NULL;
		if (hit != NULL) {
			hit->seen = true;
			if (hit->h == want.h)
				continue;
		}
		w = hit != NULL ? up : add;
		db_reset(w);
		for (c = 0; c < nc; c++)
			if (db_column_type(src, k->nkeys + c) == DB_NULL)
				db_bind_null(w, c + 1);
			else
				db_bind_text(w, c + 1, (const char *)db_column_text(src,
				    k->nkeys + c), -1, DB_TRANSIENT);
		for (c = 0; c < k->nkeys; c++)
			db_bind_text(w, nc + c + 1, (const char *)db_column_text(src,
			    c), -1, DB_TRANSIENT);
		if (db_step(w) != DB_DONE) {
			rc = store_fail(to, e, k->name);
			goto out;
		}
		if (hit != NULL)
			r->updated++;
		else
			r->copied++;
	}
	if (rc != DB_DONE) {
		rc = store_fail(from, e, k->name);
		goto out;
	}
	for (i = 0; drop != NULL && i < n; i++) {
		char *tab;

		if (have[i].seen)
			continue;
		db_reset(drop);
		tab = strchr(have[i].key, '\t');
		if (tab != NULL)
			*tab = '\0';
		db_bind_text(drop, nc + 1, have[i].key, -1, DB_TRANSIENT);
		if (tab != NULL)
			db_bind_text(drop, nc + 2, tab + 1, -1, DB_TRANSIENT);
		if (db_step(drop) != DB_DONE) {
			rc = store_fail(to, e, k->name);
			goto out;
		}
		r->removed++;
	}
	rc = 0;
out:
	db_finalize(st);
	db_finalize(src);
	db_finalize(up);
	db_finalize(add);
	db_finalize(drop);
	for (i = 0; i < n; i++)
		free(have[i].key);
	free(have);
	free(sel);
	free(upd);
	free(ins);
	free(del);
	buf_free(&key);
	buf_free(&vals);
	return rc;
}

static int
copy_keyed(struct store *from, struct store *to, struct migrate_report *r,
    struct err *e)
{
	size_t i;

	for (i = 0; i < sizeof keyed / sizeof *keyed; i++)
		if (sync_keyed(from, to, &keyed[i], r, e) < 0)
			return -1;
	return 0;
}

/* Row counts and money of one side, for the proof. */
static int
tally(struct store *s, struct migrate_side *side, struct err *e)
{
	static const char *const extra[] = { "att_carry", "closed_month" };
	int t;

	for (t = 0; t < NTABLES + 2; t++) {
		const char *name = t < NTABLES ? tables[t].name : extra[t - NTABLES];
		char *q = xasprintf("SELECT count(*) FROM %s", name);
		db_stmt *st = store_prepare(s, q, e);

		free(q);
		if (st == NULL)
			return -1;
		if (db_step(st) != DB_ROW) {
			db_finalize(st);
			return store_fail(s, e, name);
		}
		side->rows[t] = db_column_int64(st, 0);
		db_finalize(st);
	}
	{
		db_stmt *st = store_prepare(s, "SELECT (SELECT coalesce(sum(amount), "
		    "0) FROM fine), (SELECT coalesce(sum(amount), 0) FROM adjustment)",
		    e);

		if (st == NULL)
			return -1;
		if (db_step(st) != DB_ROW) {
			db_finalize(st);
			return store_fail(s, e, "money");
		}
		side->fines = db_column_int64(st, 0);
		side->adjustments = db_column_int64(st, 1);
		db_finalize(st);
	}
	return 0;
}

const char *
migrate_table_name(int i)
{
	static const char *const extra[] = { "att_carry", "closed_month" };

	if (i < 0 || i >= MIGRATE_TABLES)
		return NULL;
	return i < NTABLES ? tables[i].name : extra[i - NTABLES];
}

int
store_migrate(struct store *from, struct store *to, struct migrate_report *r,
    struct err *e)
{
	struct map maps[NTABLES] = { { 0 } };
	bool started;
	int t, rc = -1;

	_Static_assert(NTABLES + 2 == MIGRATE_TABLES, "MIGRATE_TABLES");
	memset(r, 0, sizeof *r);
	if (store_read_begin(from, &started, e) < 0)
		return -1;
	if (store_begin(to, e) < 0)
		goto out;
	if (load_maps(to, maps, e) < 0)
		goto fail;
	for (t = 0; t < NTABLES; t++)
		if (copy_table(from, to, t, maps, r, e) < 0)
			goto fail;
	if (copy_keyed(from, to, r, e) < 0)
		goto fail;
	if (store_commit(to, e) < 0)
		goto out;
	if (tally(from, &r->source, e) < 0 || tally(to, &r->target, e) < 0)
		goto out;
	rc = 0;
	goto out;
fail:
	store_rollback(to);
out:
	store_read_end(from, started);
	for (t = 0; t < NTABLES; t++)
		free(maps[t].p);
	return rc;
}
