/*
 * migrate_keyed.c - the tables of a floor's record kept by a key rather
 * than an id (closed months, carried attendance totals, the roster in
 * meta), for `callfloor migrate --to` (db/migrate.c): each run makes the
 * target's rows equal to the source's, three ways, so that what the
 * floor changed on the target since the last copy is kept.
 */
#include "store.h"
#include "store_internal.h"
#include "migrate.h"
#include "migrate_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A table migrate_kept by its key: the target made equal to the source, row by
 * row (added, written again where it changed and, when mirror, dropped
 * where the source dropped it: a reopened month, a carried total the
 * source dropped), three ways as copy_table does: each key's note
 * ("migrated/TABLE/KEY") holds the hash of the row the last copy wrote,
 * so that a change made on the target since is migrate_kept, not undone. */
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
	/* The floor's roster, as of each day it changed (src/roster.c), and
	 * the fingerprint the carried totals were made under (att_carry.c):
	 * without it the target's first command dropped the year's totals
	 * and made them again, 15 s on a 2,000-seat floor. */
	{ "meta", "name", "value", "name LIKE 'roster%' OR name = 'carry_key'",
	    1, false },
};

/* A key on the target: its row's hash (t), the last copy's (b). */
struct keysum { char *key; uint64_t t, b; bool has_t, has_b, seen; };

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
		*h = migrate_hash(*h, db_column_type(st, c) == DB_NULL ? NULL :
		    (const char *)db_column_text(st, c));
}

struct keyset { struct keysum *k; int n, cap; };

static struct keysum *
keyset_add(struct keyset *ks, const char *key)
{
	struct keysum *x;

	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 64;
		ks->k = xrealloc(ks->k, (size_t)ks->cap * sizeof *ks->k);
	}
	x = memset(&ks->k[ks->n++], 0, sizeof *x);
	x->key = xstrdup(key);
	return x;
}

/* The target's rows and the notes of earlier copies, one entry a key. */
static int
keyset_load(struct store *to, const struct keyed *k, const char *sel,
    struct keyset *ks, struct err *e)
{
	char *q = xasprintf("SELECT name, value FROM meta WHERE name LIKE "
	    "'migrated/%s/%%'", k->name);
	size_t skip = strlen(k->name) + 10;
	struct keysum *x;
	struct buf key = { 0 };
	db_stmt *st;
	int rc, i, j;
	uint64_t h;

	if ((st = store_prepare(to, sel, e)) == NULL) {
		free(q);
		return -1;
	}
	while ((rc = db_step(st)) == DB_ROW) {
		key_and_hash(st, k->nkeys, migrate_ncols(k->cols), &key, &h);
		x = keyset_add(ks, key.s);
		x->t = h;
		x->has_t = true;
	}
	db_finalize(st);
	buf_free(&key);
	if (rc != DB_DONE) {
		free(q);
		return store_fail(to, e, k->name);
	}
	st = store_prepare(to, q, e);
	free(q);
	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		x = keyset_add(ks, (const char *)db_column_text(st, 0) + skip);
		x->b = strtoull((const char *)db_column_text(st, 1), NULL, 16);
		x->has_b = true;
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(to, e, "reading earlier copies");
	/* A key with both a row and a note: one entry. */
	if (ks->n > 1)
		qsort(ks->k, (size_t)ks->n, sizeof *ks->k, by_key);
	for (i = 0, j = 0; i < ks->n; i++) {
		if (j > 0 && strcmp(ks->k[j - 1].key, ks->k[i].key) == 0) {
			struct keysum *y = &ks->k[j - 1];

			if (ks->k[i].has_t) {
				y->t = ks->k[i].t;
				y->has_t = true;
			}
			if (ks->k[i].has_b) {
				y->b = ks->k[i].b;
				y->has_b = true;
			}
			free(ks->k[i].key);
			continue;
		}
		ks->k[j++] = ks->k[i];
	}
	ks->n = j;
	return 0;
}

/* Notes the key's hash (h) as copied, or drops its note (del). */
static int
key_note(struct store *to, db_stmt *note, db_stmt *unnote, const char *table,
    const char *key, uint64_t h, bool del, struct err *e)
{
	char *name = xasprintf("migrated/%s/%s", table, key), val[24];
	db_stmt *st = del ? unnote : note;
	int rc;

	snprintf(val, sizeof val, "%016llx", (unsigned long long)h);
	db_reset(st);
	db_bind_text(st, 1, name, -1, DB_STATIC);
	if (!del)
		db_bind_text(st, 2, val, -1, DB_STATIC);
	rc = db_step(st);
	db_reset(st);
	free(name);
	return rc == DB_DONE ? 0 : store_fail(to, e, "noting the copy");
}

static int
key_conflict(struct store *to, const struct keyed *k, const char *key,
    struct err *e)
{
	char *shown = xstrdup(key), *tab;

	while ((tab = strchr(shown, '\t')) != NULL)
		*tab = ' ';
	err_set(e, EXIT_RUNTIME, _("%s %s changed both here and in %s since the "
	    "last copy; nothing was written (settle it by hand)"), k->name, shown,
	    store_path(to));
	free(shown);
	return -1;
}

/* Binds a key's columns (tab-joined in key) to slots from first on. */
static void
bind_key(db_stmt *st, int first, char *key)
{
	char *tab = strchr(key, '\t');

	if (tab != NULL)
		*tab = '\0';
	db_bind_text(st, first, key, -1, DB_TRANSIENT);
	if (tab != NULL) {
		db_bind_text(st, first + 1, tab + 1, -1, DB_TRANSIENT);
		*tab = '\t';
	}
}

static int
sync_keyed(struct store *from, struct store *to, const struct keyed *k,
    struct migrate_report *r, struct err *e)
{
	int nc = migrate_ncols(k->cols), i, c, rc = -1;
	char *sel = xasprintf("SELECT %s, %s FROM %s WHERE %s", k->keys, k->cols,
	    k->name, k->where);
	char *where = k->nkeys == 1 ? xasprintf("%s = ?%d", k->keys, nc + 1) :
	    xasprintf("%.*s = ?%d AND %s = ?%d", (int)strcspn(k->keys, ","),
	    k->keys, nc + 1, strchr(k->keys, ',') + 2, nc + 2);
	char *upd = migrate_update_sql(k->name, k->cols, where);
	char *ins = NULL, *del = xasprintf("DELETE FROM %s WHERE %s", k->name, where);
	struct keyset ks = { 0 };
	struct buf key = { 0 }, vals = { 0 };
	db_stmt *src = NULL, *up = NULL, *add = NULL, *drop = NULL, *note = NULL,
	    *unnote = NULL;

	/* INSERT's values: the columns, then the keys (the slots of upd). */
	for (c = 0; c < nc; c++)
		buf_printf(&vals, "?%d, ", c + 1);
	buf_printf(&vals, "?%d", nc + 1);
	if (k->nkeys == 2)
		buf_printf(&vals, ", ?%d", nc + 2);
	ins = xasprintf("INSERT INTO %s (%s, %s) VALUES (%s)", k->name, k->cols,
	    k->keys, vals.s);
	free(where);
	if (keyset_load(to, k, sel, &ks, e) < 0 ||
	    (src = store_prepare(from, sel, e)) == NULL ||
	    (up = store_prepare(to, upd, e)) == NULL ||
	    (add = store_prepare(to, ins, e)) == NULL ||
	    (drop = store_prepare(to, del, e)) == NULL ||
	    (note = store_prepare(to, db_dialect(to, "INSERT INTO meta (name, "
	    "value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = "
	    "excluded.value", "INSERT INTO meta (name, value) VALUES (?1, ?2) "
	    "ON CONFLICT (floor, name) DO UPDATE SET value = excluded.value"),
	    e)) == NULL ||
	    (unnote = store_prepare(to, "DELETE FROM meta WHERE name = ?1", e)) ==
	    NULL)
		goto out;
	while ((rc = db_step(src)) == DB_ROW) {
		struct keysum want = { 0 }, *x;
		uint64_t base;
		db_stmt *w = NULL;

		key_and_hash(src, k->nkeys, nc, &key, &want.t);
		want.key = key.s;
		x = ks.n ? bsearch(&want, ks.k, (size_t)ks.n, sizeof *ks.k,
		    by_key) : NULL;
		if (x != NULL)
			x->seen = true;
		if (x == NULL || (!x->has_t && !x->has_b))
			w = add;		/* new */
		else if (!x->has_t) {
			/* Dropped on the target since (a month reopened
			 * there): migrate_kept so, unless the source changed it too. */
			if (want.t != x->b) {
				rc = key_conflict(to, k, key.s, e);
				goto out;
			}
			continue;
		} else {
			base = x->has_b ? x->b : x->t;
			if (want.t != base && x->t != base && x->t != want.t) {
				rc = key_conflict(to, k, key.s, e);
				goto out;
			}
			if (want.t != base && x->t == base)
				w = up;		/* the source changed it */
			else if (x->has_b && x->b == want.t)
				continue;	/* noted as it is */
		}
		if (w != NULL) {
			db_reset(w);
			for (c = 0; c < nc; c++)
				if (db_column_type(src, k->nkeys + c) == DB_NULL)
					db_bind_null(w, c + 1);
				else
					db_bind_text(w, c + 1, (const char *)db_column_text(
					    src, k->nkeys + c), -1, DB_TRANSIENT);
			bind_key(w, nc + 1, key.s);
			if (db_step(w) != DB_DONE) {
				rc = store_fail(to, e, k->name);
				goto out;
			}
			if (w == up)
				r->updated++;
			else
				r->copied++;
		}
		if (key_note(to, note, unnote, k->name, key.s, want.t, false,
		    e) < 0) {
			rc = -1;
			goto out;
		}
	}
	if (rc != DB_DONE) {
		rc = store_fail(from, e, k->name);
		goto out;
	}
	/* What the source no longer has: dropped on the target too when the
	 * last copy put it there unchanged since; a row the target made
	 * itself (no note) stays. */
	for (i = 0; i < ks.n; i++) {
		struct keysum *x = &ks.k[i];

		if (x->seen || !x->has_b)
			continue;
		if (x->has_t && x->t != x->b) {
			rc = key_conflict(to, k, x->key, e);
			goto out;
		}
		if (x->has_t && k->mirror) {
			db_reset(drop);
			bind_key(drop, nc + 1, x->key);
			if (db_step(drop) != DB_DONE) {
				rc = store_fail(to, e, k->name);
				goto out;
			}
			r->removed++;
		}
		if ((x->has_t ? k->mirror : true) &&
		    key_note(to, note, unnote, k->name, x->key, 0, true, e) < 0) {
			rc = -1;
			goto out;
		}
	}
	rc = 0;
out:
	db_finalize(src);
	db_finalize(up);
	db_finalize(add);
	db_finalize(drop);
	db_finalize(note);
	db_finalize(unnote);
	for (i = 0; i < ks.n; i++)
		free(ks.k[i].key);
	free(ks.k);
	free(sel);
	free(upd);
	free(ins);
	free(del);
	buf_free(&key);
	buf_free(&vals);
	return rc;
}

int
migrate_keyed(struct store *from, struct store *to, struct migrate_report *r,
    struct err *e)
{
	size_t i;

	for (i = 0; i < sizeof keyed / sizeof *keyed; i++)
		if (sync_keyed(from, to, &keyed[i], r, e) < 0)
			return -1;
	return 0;
}
