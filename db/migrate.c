/*
 * migrate.c - copies a floor's whole record from one store to another
 * (`callfloor migrate --to`, issue 15): SQLite to PostgreSQL to move a
 * floor, or back.  Rows get the target's ids; every id a row had in the
 * source is migrate_kept in the target's meta ("migrated/TABLE/OLD" = NEW), which
 * both renumbers the references (a fine's incident, an appeal's fine) and
 * lets a second run copy only the rows the source gained since.  The copy
 * is one transaction on the target, read from one snapshot of the source.
 */
#include "store.h"
#include "store_internal.h"
#include "carry.h"
#include "migrate.h"
#include "migrate_internal.h"

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
	/* Schema 8: read through the view name (as text, on both sides),
	 * written into the table into, with a letter a column in kinds: n a
	 * name (its id of the target's `name`), f one of the few names (a
	 * rule, group, login or role: see store_name_id), d a day (its
	 * number), anything else as it is. */
	const char *into, *kinds;
	/* Schema 11: a column the target's triggers keep (an incident's
	 * own_fine), copied with a new row so that no trigger need write it
	 * again, and never compared: it is not the row's record. */
	const char *derived;
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
	    { { 1, T_RULE_VERSION }, { -1, 0 }, { -1, 0 } }, false,
	    "incident_row", "f-nfn-d---f--f-", "own_fine" },
	[T_FINE] = { "fine", "incident, staff, grp, role, own, amount, doubled",
	    NULL, { { 0, T_INCIDENT }, { -1, 0 }, { -1, 0 } }, false,
	    "fine_row", "-nff---" },
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

/* A row copied before: its id in the source and in the target, and the
 * hash of its values as that copy wrote them (has_h false for a note of
 * an older callfloor, which migrate_kept none). */
struct pair { int64_t old, new; uint64_t h; bool has_h; };
struct map { struct pair *p; int n, cap; };

static int
by_old(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->old < y->old ? -1 : x->old > y->old;
}

static void
map_add(struct map *m, int64_t old, int64_t new, uint64_t h, bool has_h)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->p = xrealloc(m->p, (size_t)m->cap * sizeof *m->p);
	}
	m->p[m->n].old = old;
	m->p[m->n].new = new;
	m->p[m->n].h = h;
	m->p[m->n++].has_h = has_h;
}

/* The pair of old among the first n of m (sorted), or NULL. */
static struct pair *
map_find(const struct map *m, int n, int64_t old)
{
	struct pair key = { old, 0, 0, false };

	if (n == 0)
		return NULL;
	return bsearch(&key, m->p, (size_t)n, sizeof *m->p, by_old);
}

static int64_t
map_get(const struct map *m, int64_t old)
{
	struct pair *hit = map_find(m, m->n, old);

	return hit ? hit->new : -1;
}

int
migrate_ncols(const char *cols)
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

		const char *v = (const char *)db_column_text(st, 1);
		char *end;
		int64_t new = strtoll(v, &end, 10);

		/* "NEW" or "NEW HASH" (the hash of the row as copied). */
		for (t = 0; slash && t < NTABLES; t++)
			if (strlen(tables[t].name) == (size_t)(slash - name) &&
			    strncmp(name, tables[t].name, (size_t)(slash - name)) == 0)
				map_add(&maps[t], strtoll(slash + 1, NULL, 10), new,
				    *end == ' ' ? strtoull(end + 1, NULL, 16) : 0,
				    *end == ' ');
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
uint64_t
migrate_hash(uint64_t h, const char *v)
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
			h = migrate_hash(h, db_column_type(st, c + 1) == DB_NULL ? NULL :
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
char *
migrate_update_sql(const char *table, const char *cols, const char *where)
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

/* Binds a row's values (text, as the views read) to an INSERT or UPDATE
 * of the table it is stored in: names as the target's ids, days as
 * numbers (schema 8).  -1 with e set when a name cannot be stored. */
static int
bind_values(struct store *to, const struct table *tb, db_stmt *st,
    const char **v, int nc, struct err *e)
{
	int c;

	db_reset(st);
	for (c = 0; c < nc; c++) {
		char k = tb->kinds ? tb->kinds[c] : '-';

		if (v[c] == NULL)
			db_bind_null(st, c + 1);
		else if (k == 'd')
			db_bind_int64(st, c + 1, store_day_num(v[c], false));
		else if (k == 'n' || k == 'f') {
			if (store_bind_name(to, st, c + 1, v[c], k == 'f', e) < 0)
				return -1;
		} else
			db_bind_text(st, c + 1, v[c], -1, DB_TRANSIENT);
	}
	return 0;
}

/* A statement of the copy, prepared once for the run (PostgreSQL: a
 * server-side prepared statement, not parsed again for every row). */
db_stmt *
migrate_kept(struct store *s, const char *sql, struct err *e)
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
	char key[NOTE_BATCH][96], val[NOTE_BATCH][48];
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

		nt->full = migrate_kept(to, q, e);
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

/* A copied row's note again, with the hash of its values now. */
static int
note_rewrite(struct store *to, db_stmt **st, const char *table, int64_t old,
    int64_t new, uint64_t h, struct err *e)
{
	char key[96], val[48];

	if (*st == NULL && (*st = migrate_kept(to, "UPDATE meta SET value = ?2 WHERE "
	    "name = ?1", e)) == NULL)
		return -1;
	snprintf(key, sizeof key, "migrated/%s/%lld", table, (long long)old);
	snprintf(val, sizeof val, "%lld %016llx", (long long)new,
	    (unsigned long long)h);
	db_reset(*st);
	db_bind_text(*st, 1, key, -1, DB_STATIC);
	db_bind_text(*st, 2, val, -1, DB_STATIC);
	if (db_step(*st) != DB_DONE)
		return store_fail(to, e, "noting the copy");
	db_reset(*st);
	return 0;
}

/* Copies the rows of table t the target lacks and, on rows an earlier
 * run copied, carries over what changed since (a void, a return, a
 * decision): the row's values written again where its hash differs. */
static int
copy_table(struct store *from, struct store *to, int t, struct map *maps,
    struct migrate_report *r, struct err *e)
{
	const struct table *tb = &tables[t];
	int nc = migrate_ncols(tb->cols), c, rc, nsums = 0;
	char *sel = xasprintf("SELECT id, %s%s%s FROM %s ORDER BY id", tb->cols,
	    tb->derived ? ", " : "", tb->derived ? tb->derived : "", tb->name);
	char *idw = xasprintf("id = ?%d", nc + 1);
	const char *stored = tb->into ? tb->into : tb->name;
	char *upd = migrate_update_sql(stored, tb->cols, idw);
	char (*refbuf)[24] = xcalloc((size_t)nc, sizeof *refbuf);
	const char **v = xcalloc((size_t)nc, sizeof *v);
	struct rowsum *sums = NULL;
	struct buf ins = { 0 };
	struct notes *nt = xcalloc(1, sizeof *nt);
	db_stmt *src = NULL, *dst = NULL, *find = NULL, *up = NULL, *renote = NULL;
	bool fixed = tb->fixed || tb->find != NULL;
	int known = maps[t].n;

	free(idw);
	buf_printf(&ins, "INSERT INTO %s (%s%s%s) VALUES (", stored, tb->cols,
	    tb->derived ? ", " : "", tb->derived ? tb->derived : "");
	for (c = 0; c < nc + (tb->derived != NULL); c++)
		buf_printf(&ins, "%s?%d", c ? ", " : "", c + 1);
	/* The new row's id straight back (both dialects have RETURNING). */
	buf_puts(&ins, ") RETURNING id");
	src = store_prepare(from, sel, e);
	dst = src ? migrate_kept(to, ins.s, e) : NULL;
	find = dst && tb->find ? migrate_kept(to, tb->find, e) : NULL;
	up = dst && !fixed && maps[t].n > 0 ? migrate_kept(to, upd, e) : NULL;
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
		int64_t old = db_column_int64(src, 0), new = -1;
		/* The rows of earlier runs (this run's are added after them). */
		struct pair *p = map_find(&maps[t], known, old);
		uint64_t h = HASH_START;

		if (p != NULL) {		/* copied by an earlier run */
			struct rowsum want = { p->new, 0 }, *have;
			uint64_t base;

			if (up == NULL)
				continue;
			if (source_values(tb, nc, src, maps, v, refbuf, e) < 0) {
				rc = -1;
				goto done;
			}
			for (c = 0; c < nc; c++)
				h = migrate_hash(h, v[c]);
			have = nsums ? bsearch(&want, sums, (size_t)nsums,
			    sizeof *sums, by_id) : NULL;
			if (have == NULL) {
				rc = err_set(e, EXIT_RUNTIME, "%s %lld: copied as %lld, "
				    "which %s no longer holds", tb->name, (long long)old,
				    (long long)p->new, store_path(to));
				goto done;
			}
			/* Three ways: what the last copy wrote (the target's
			 * value when an older callfloor noted no hash), the
			 * source now, the target now.  Only the source changed:
			 * write it; only the target: keep it (the floor went on
			 * there); both, differently: refuse, nothing written. */
			base = p->has_h ? p->h : have->h;
			if (h == base)
				continue;
			if (have->h != base && have->h != h) {
				rc = err_set(e, EXIT_RUNTIME, _("%s %lld (%lld in %s) "
				    "changed both here and there since the last copy; "
				    "nothing was written (settle it by hand)"), tb->name,
				    (long long)old, (long long)p->new, store_path(to));
				goto done;
			}
			if (have->h != h) {
				if (bind_values(to, tb, up, v, nc, e) < 0) {
					rc = -1;
					goto done;
				}
				db_bind_int64(up, nc + 1, p->new);
				if (db_step(up) != DB_DONE) {
					rc = store_fail(to, e, tb->name);
					goto done;
				}
				r->updated++;
			}
			if (note_rewrite(to, &renote, tb->name, old, p->new, h,
			    e) < 0) {
				rc = -1;
				goto done;
			}
			p->h = h;
			p->has_h = true;
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
			for (c = 0; c < nc; c++)
				h = migrate_hash(h, v[c]);
			if (bind_values(to, tb, dst, v, nc, e) < 0) {
				rc = -1;
				goto done;
			}
			if (tb->derived != NULL) {
				if (db_column_type(src, nc + 1) == DB_NULL)
					db_bind_null(dst, nc + 1);
				else
					db_bind_int64(dst, nc + 1,
					    db_column_int64(src, nc + 1));
			}
			if (db_step(dst) != DB_ROW) {
				rc = store_fail(to, e, tb->name);
				goto done;
			}
			new = db_column_int64(dst, 0);
			db_reset(dst);
		}
		/* A row found equal (find) needs no hash: those tables'
		 * rows never change. */
		snprintf(nt->key[nt->n], sizeof nt->key[0], "migrated/%s/%lld",
		    tb->name, (long long)old);
		if (fixed)
			snprintf(nt->val[nt->n++], sizeof nt->val[0], "%lld",
			    (long long)new);
		else
			snprintf(nt->val[nt->n++], sizeof nt->val[0], "%lld %016llx",
			    (long long)new, (unsigned long long)h);
		if (nt->n == NOTE_BATCH && notes_flush(to, nt, e) < 0) {
			rc = -1;
			goto done;
		}
		map_add(&maps[t], old, new, h, !fixed);
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
	db_finalize(renote);
	db_finalize(nt->full);
	free(nt);
	free(sums);
	free(refbuf);
	free(v);
	return rc;
}

/* Row counts and money of one side, for the proof. */
static int
tally(struct store *s, struct migrate_side *side, struct err *e)
{
	static const char *const extra[] = { "att_carry", "closed_month" };
	int t;

	for (t = 0; t < NTABLES + 2; t++) {
		const char *name = t >= NTABLES ? extra[t - NTABLES] :
		    tables[t].into ? tables[t].into : tables[t].name;
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
		    "0) FROM fine_row), (SELECT coalesce(sum(amount), 0) FROM adjustment)",
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

/*
 * PostgreSQL's trail keeps its hours (audit_hour) line by line, which in
 * one long transaction rewrites an hour's row once for each of its lines,
 * a chain of versions that grows with every one.  The copy sets
 * callfloor.bulk for its transaction, so the trigger leaves them (schema
 * 10), then widens each hour once from the lines it added (ids above
 * *last, the highest before).  SQLite keeps them line by line.
 */
static int
bulk_hours(struct store *to, bool start, int64_t *last, struct err *e)
{
	db_stmt *st;
	int rc;

	if (to->pg == NULL)
		return 0;
	st = store_prepare(to, start ? "SELECT coalesce(max(id), 0), "
	    "set_config('callfloor.bulk', 'on', true) FROM audit_line" :
	    "INSERT INTO audit_hour (hour, lo, hi) SELECT at / 3600, min(id), "
	    "max(id) FROM audit_line WHERE id > ?1 GROUP BY at / 3600 "
	    "ON CONFLICT (floor, hour) DO UPDATE SET lo = least(audit_hour.lo, "
	    "excluded.lo), hi = greatest(audit_hour.hi, excluded.hi)", e);
	if (st == NULL)
		return -1;
	if (!start)
		db_bind_int64(st, 1, *last);
	rc = db_step(st);
	if (start && rc == DB_ROW)
		*last = db_column_int64(st, 0);
	db_finalize(st);
	if (rc != (start ? DB_ROW : DB_DONE))
		return store_fail(to, e, "the audit trail's hours");
	if (!start && db_exec_sql(to, "SELECT set_config('callfloor.bulk', "
	    "'off', true)") != DB_OK)
		return store_fail(to, e, "the audit trail's hours");
	return 0;
}

int
store_migrate(struct store *from, struct store *to, struct migrate_report *r,
    struct err *e)
{
	struct map maps[NTABLES] = { { 0 } };
	bool started;
	int64_t last = 0;
	int t, rc = -1;

	_Static_assert(NTABLES + 2 == MIGRATE_TABLES, "MIGRATE_TABLES");
	memset(r, 0, sizeof *r);
	if (store_read_begin(from, &started, e) < 0)
		return -1;
	if (store_begin(to, e) < 0)
		goto out;
	if (load_maps(to, maps, e) < 0 || bulk_hours(to, true, &last, e) < 0)
		goto fail;
	for (t = 0; t < NTABLES; t++)
		if (copy_table(from, to, t, maps, r, e) < 0)
			goto fail;
	if (migrate_keyed(from, to, r, e) < 0 ||
	    bulk_hours(to, false, &last, e) < 0)
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
