/*
 * carry.c - SQL for the carried attendance totals (see carry.h).
 */
#include "carry.h"

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

#define CARRY_COLS "month, staff, late, early, half, absent, meeting_halves, " \
	"late_year, absent_total, meeting_total, over_months, run, max_run"

static void
carry_row(sqlite3_stmt *st, void *row)
{
	struct att_carry *c = row;
	const unsigned char *t;

	t = sqlite3_column_text(st, 0);
	snprintf(c->month, sizeof c->month, "%s", t ? (const char *)t : "");
	t = sqlite3_column_text(st, 1);
	snprintf(c->staff, sizeof c->staff, "%s", t ? (const char *)t : "");
	c->late = sqlite3_column_int(st, 2);
	c->early = sqlite3_column_int(st, 3);
	c->half = sqlite3_column_int(st, 4);
	c->absent = sqlite3_column_int(st, 5);
	c->meeting_halves = sqlite3_column_int(st, 6);
	c->late_year = sqlite3_column_int(st, 7);
	c->absent_total = sqlite3_column_int(st, 8);
	c->meeting_total = sqlite3_column_int(st, 9);
	c->over_months = sqlite3_column_int(st, 10);
	c->run = sqlite3_column_int(st, 11);
	c->max_run = sqlite3_column_int(st, 12);
}

static int
carry_rows(struct store *s, const char *sql, const char *month,
    struct att_carry **out, int *n, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	if (month)
		sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	rc = store_rows(s, st, sizeof **out, carry_row, &rows, n, e,
	    _("reading carried attendance totals"));
	*out = rows;
	sqlite3_finalize(st);
	return rc;
}

int
store_carry_month(struct store *s, const char *month, struct att_carry **out,
    int *n, struct err *e)
{
	return carry_rows(s, "SELECT " CARRY_COLS " FROM att_carry WHERE "
	    "month = ?1 ORDER BY staff", month, out, n, e);
}

int
store_carry_all(struct store *s, struct att_carry **out, int *n,
    struct err *e)
{
	return carry_rows(s, "SELECT " CARRY_COLS " FROM att_carry ORDER BY "
	    "month, staff", NULL, out, n, e);
}

int
store_carry_last(struct store *s, char month[8], struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT max(month) FROM att_carry", e);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		snprintf(month, 8, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, e, _("reading carried attendance totals"));
	return found ? 0 : 1;
}

int
store_carry_put(struct store *s, const struct att_carry *rows, int n,
    struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT OR REPLACE INTO att_carry (" CARRY_COLS
	    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", e);
	int i;

	if (st == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const struct att_carry *c = &rows[i];
		const int v[] = { c->late, c->early, c->half, c->absent,
			c->meeting_halves, c->late_year, c->absent_total,
			c->meeting_total, c->over_months, c->run, c->max_run };
		int k;

		sqlite3_bind_text(st, 1, c->month, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->staff, -1, SQLITE_STATIC);
		for (k = 0; k < 11; k++)
			sqlite3_bind_int(st, k + 3, v[k]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			store_fail(s, e, _("writing carried attendance totals"));
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

int
store_carry_drop(struct store *s, const char *day, struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, day ? "DELETE FROM att_carry WHERE month "
	    ">= substr(?1, 1, 7)" : "DELETE FROM att_carry", e);
	int rc;

	if (st == NULL)
		return -1;
	if (day)
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 :
	    store_fail(s, e, _("dropping carried attendance totals"));
}

int
store_meta_get(struct store *s, const char *name, char *out, size_t n,
    struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE name = ?1", e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : store_fail(s, e, _("reading the store's meta"));
}

int
store_meta_set(struct store *s, const char *name, const char *value,
    struct err *e)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT OR REPLACE INTO meta (name, value) "
	    "VALUES (?1, ?2)", e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, e, _("writing the store's meta"));
}

bool
store_in_transaction(struct store *s)
{
	return !sqlite3_get_autocommit(store_sqlite(s));
}
