/*
 * floors.c - what headquarters reads across the floors of one PostgreSQL
 * database (issue 15): the roll-up of fines per floor and group, and the
 * list of floors.  On SQLite, a database of one floor, the same calls
 * answer for that floor alone.
 */
#include "store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
rollup_row(db_stmt *st, void *row)
{
	struct rollup_row *r = row;

	store_text_col(st, 0, r->floor, sizeof r->floor);
	store_text_col(st, 1, r->grp, sizeof r->grp);
	r->own = db_column_int64(st, 2);
	r->co = db_column_int64(st, 3);
}

#define ROLLUP_SUMS "sum(CASE WHEN f.own = 1 THEN f.amount ELSE 0 END) AS own, " \
	"sum(CASE WHEN f.own = 1 THEN 0 ELSE f.amount END) AS co " \
	"FROM incident_row i JOIN fine_row f ON f.incident = i.id " \
	"WHERE i.day BETWEEN ?1 AND ?2 AND i.voided_at IS NULL " \
	"AND f.staff IS NOT NULL "
/* Summed by the group's id, then each group named (every floor's names
 * are seen here, so never through the connection's copy of its own). */
#define ROLLUP_NAMED(sums) "SELECT r.fl, g.name, r.own, r.co FROM (" sums \
	") AS r JOIN name g ON g.id = r.grp ORDER BY r.fl, g.name"

int
store_rollup(struct store *s, const char *floor, const char *from,
    const char *to, struct rollup_row **out, int *n, struct err *e)
{
	db_stmt *st;
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	/* PostgreSQL: every floor's rows, in one read-only snapshot whose
	 * setting row security honours for reading only. */
	if (s->pg != NULL && (db_exec_sql(s, "BEGIN ISOLATION LEVEL REPEATABLE "
	    "READ READ ONLY; SET LOCAL callfloor.read_all = 'on'") != DB_OK))
		return store_fail(s, e, "reading every floor");
	st = store_prepare(s, db_dialect(s, ROLLUP_NAMED("SELECT ?3 AS fl, "
	    "f.grp AS grp, " ROLLUP_SUMS "GROUP BY f.grp"),
	    ROLLUP_NAMED("SELECT i.floor AS fl, f.grp AS grp, " ROLLUP_SUMS
	    "GROUP BY i.floor, f.grp")), e);
	if (st == NULL) {
		if (s->pg != NULL)
			db_exec_sql(s, "ROLLBACK");
		return -1;
	}
	db_bind_int64(st, 1, store_day_num(from, false));
	db_bind_int64(st, 2, store_day_num(to, true));
	if (s->pg == NULL)
		db_bind_text(st, 3, floor, -1, DB_STATIC);
	rc = store_rows(s, st, sizeof **out, rollup_row, &rows, n, e,
	    "reading the roll-up");
	db_finalize(st);
	if (s->pg != NULL)
		db_exec_sql(s, rc == 0 ? "COMMIT" : "ROLLBACK");
	*out = rows;
	return rc;
}

static void
floor_row(db_stmt *st, void *row)
{
	store_text_col(st, 0, row, STORE_ID);
}

int
store_floors(struct store *s, char (**out)[STORE_ID], int *n, struct err *e)
{
	db_stmt *st;
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (s->pg == NULL)
		return 0;
	if ((st = store_prepare(s, "SELECT id FROM callfloor_floor ORDER BY id",
	    e)) == NULL)
		return -1;
	rc = store_rows(s, st, STORE_ID, floor_row, &rows, n, e,
	    "reading the floors");
	db_finalize(st);
	*out = rows;
	return rc;
}

/* The roster text stored as of day: the latest "roster DAY" on or before
 * day, else the earliest there is. */
static int
roster_read(struct store *s, const char *day, char **out, struct err *e)
{
	char key[STORE_ID + 8];
	db_stmt *st;
	int rc;

	snprintf(key, sizeof key, "roster %s", day);
	st = store_prepare(s, "SELECT value FROM meta "
	    "WHERE name LIKE 'roster ____-__-__' "
	    "ORDER BY CASE WHEN name <= ?1 THEN 0 ELSE 1 END, "
	    "CASE WHEN name <= ?1 THEN name END DESC, name LIMIT 1", e);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW)
		*out = xstrdup((const char *)db_column_text(st, 0));
	db_finalize(st);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : store_fail(s, e, _("reading a floor's roster"));
}

int
store_roster(struct store *s, const char *floor, const char *day, char **out,
    struct err *e)
{
	db_stmt *st;
	int rc;

	*out = NULL;
	if (s->pg == NULL || floor == NULL)
		return roster_read(s, day, out, e);
	/* Another floor's meta: its floor set for one read-only transaction
	 * (set_config's local setting ends with it). */
	if (db_exec_sql(s, "BEGIN READ ONLY") != DB_OK)
		return store_fail(s, e, _("reading a floor's roster"));
	st = store_prepare(s, "SELECT set_config('callfloor.floor', ?1, true)", e);
	if (st == NULL) {
		db_exec_sql(s, "ROLLBACK");
		return -1;
	}
	db_bind_text(st, 1, floor, -1, DB_STATIC);
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_ROW) {
		store_fail(s, e, _("reading a floor's roster"));
		db_exec_sql(s, "ROLLBACK");
		return -1;
	}
	rc = roster_read(s, day, out, e);
	db_exec_sql(s, rc < 0 ? "ROLLBACK" : "COMMIT");
	return rc;
}
