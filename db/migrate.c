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
	/* Schema 8: read through the view name, written into the table into,
	 * with a letter a column in kinds: n a name (its id of the target's
	 * `name`), f one of the few names (a rule, group, login or role: see
	 * store_name_id), d a day (its number), anything else as it is. */
	const char *into, *kinds;
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
	    { { 1, T_RULE_VERSION }, { -1, 0 }, { -1, 0 } },
	    "incident_row", "f-nfn-d---f--f-" },
	[T_FINE] = { "fine", "incident, staff, grp, role, own, amount, doubled",
	    NULL, { { 0, T_INCIDENT }, { -1, 0 }, { -1, 0 } },
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
	    { { 1, T_AUDIT_WHO }, { 2, T_AUDIT_WORD }, { 3, T_AUDIT_WORD } } },
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

/* Binds column c of the source row (at index c + 1) to target slot i. */
static void
bind_from(db_stmt *dst, int i, db_stmt *src, int c)
{
	if (db_column_type(src, c + 1) == DB_NULL)
		db_bind_null(dst, i);
	else
		db_bind_text(dst, i, (const char *)db_column_text(src, c + 1), -1,
		    DB_TRANSIENT);
}

static int
copy_table(struct store *from, struct store *to, int t, struct map *maps,
    struct migrate_report *r, struct err *e)
{
	const struct table *tb = &tables[t];
	int nc = ncols(tb->cols), c, k, rc;
	char *sel = xasprintf("SELECT id, %s FROM %s ORDER BY id", tb->cols,
	    tb->name);
	struct buf ins = { 0 };
	db_stmt *src = NULL, *dst = NULL, *find = NULL, *note = NULL;

	buf_printf(&ins, "INSERT INTO %s (%s) VALUES (", tb->into ? tb->into :
	    tb->name, tb->cols);
	for (c = 0; c < nc; c++)
		buf_printf(&ins, "%s?%d", c ? ", " : "", c + 1);
	buf_puts(&ins, ")");
	src = store_prepare(from, sel, e);
	dst = src ? store_prepare(to, ins.s, e) : NULL;
	note = dst ? store_prepare(to, "INSERT INTO meta (name, value) VALUES "
	    "(?1, ?2)", e) : NULL;
	find = note && tb->find ? store_prepare(to, tb->find, e) : NULL;
	free(sel);
	buf_free(&ins);
	if (note == NULL || (tb->find && find == NULL)) {
		rc = -1;
		goto done;
	}
	while ((rc = db_step(src)) == DB_ROW) {
		int64_t old = db_column_int64(src, 0), new = -1;
		char key[96], val[32];

		if (map_get(&maps[t], old) >= 0)
			continue;		/* copied by an earlier run */
		if (find != NULL) {
			db_reset(find);
			for (c = 0; c < nc; c++)
				bind_from(find, c + 1, src, c);
			if (db_step(find) == DB_ROW)
				new = db_column_int64(find, 0);
			db_reset(find);
		}
		if (new < 0) {
			db_reset(dst);
			for (c = 0; c < nc; c++)
				bind_from(dst, c + 1, src, c);
			for (c = 0; tb->kinds && c < nc; c++) {
				const char *v = (const char *)db_column_text(src, c + 1);

				if (v == NULL)
					continue;
				if (tb->kinds[c] == 'd')
					db_bind_int64(dst, c + 1, store_day_num(v, false));
				else if ((tb->kinds[c] == 'n' || tb->kinds[c] == 'f') &&
				    store_bind_name(to, dst, c + 1, v,
				    tb->kinds[c] == 'f', e) < 0) {
					rc = -1;
					goto done;
				}
			}
			for (k = 0; k < 3; k++) {
				int col = tb->refs[k].col;
				int64_t ref;

				if (col < 0 || db_column_type(src, col + 1) == DB_NULL)
					continue;
				ref = map_get(&maps[tb->refs[k].table],
				    db_column_int64(src, col + 1));
				if (ref < 0) {
					rc = err_set(e, EXIT_RUNTIME, "%s %lld: its %s %lld "
					    "was not copied", tb->name, (long long)old,
					    tables[tb->refs[k].table].name,
					    (long long)db_column_int64(src, col + 1));
					goto done;
				}
				db_bind_int64(dst, col + 1, ref);
			}
			if (db_step(dst) != DB_DONE) {
				rc = store_fail(to, e, tb->name);
				goto done;
			}
			new = db_last_id(to);
		}
		snprintf(key, sizeof key, "migrated/%s/%lld", tb->name,
		    (long long)old);
		snprintf(val, sizeof val, "%lld", (long long)new);
		db_reset(note);
		db_bind_text(note, 1, key, -1, DB_STATIC);
		db_bind_text(note, 2, val, -1, DB_STATIC);
		if (db_step(note) != DB_DONE) {
			rc = store_fail(to, e, "noting the copy");
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
	/* Rows are copied in id order: the map stays sorted (an earlier
	 * run's rows and this run's together, sorted again to be sure). */
	if (maps[t].n > 1)
		qsort(maps[t].p, (size_t)maps[t].n, sizeof *maps[t].p, by_old);
done:
	db_finalize(src);
	db_finalize(dst);
	db_finalize(find);
	db_finalize(note);
	return rc;
}

/* The tables without ids: carried totals (replaced) and closed months
 * (added when missing). */
static int
copy_keyed(struct store *from, struct store *to, struct migrate_report *r,
    struct err *e)
{
	struct att_carry *rows;
	db_stmt *src, *dst;
	int n, rc;

	if (store_carry_all(from, &rows, &n, e) < 0)
		return -1;
	rc = store_carry_put(to, rows, n, e);
	free(rows);
	if (rc < 0)
		return -1;
	src = store_prepare(from, "SELECT month, closed_by, closed_at, "
	    "snapshot_text, snapshot_csv FROM closed_month ORDER BY month", e);
	dst = src ? store_prepare(to, "INSERT INTO closed_month (month, "
	    "closed_by, closed_at, snapshot_text, snapshot_csv) VALUES (?1, ?2, "
	    "?3, ?4, ?5) ON CONFLICT DO NOTHING", e) : NULL;
	if (dst == NULL) {
		db_finalize(src);
		return -1;
	}
	while ((rc = db_step(src)) == DB_ROW) {
		int c;

		db_reset(dst);
		for (c = 0; c < 5; c++)
			db_bind_text(dst, c + 1, (const char *)db_column_text(src, c),
			    -1, DB_TRANSIENT);
		if (db_step(dst) != DB_DONE) {
			rc = DB_ERROR;
			store_fail(to, e, "closed_month");
			break;
		}
		r->copied += db_changes(to) > 0;
	}
	db_finalize(src);
	db_finalize(dst);
	return rc == DB_DONE ? 0 : rc == DB_ERROR ? -1 :
	    store_fail(from, e, "closed_month");
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
