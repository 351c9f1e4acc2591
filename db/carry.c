/*
 * carry.c - SQL for the carried attendance totals (see carry.h).
 */
#include "carry.h"

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

#define CARRY_COLS "month, staff, late, early, half, absent, meeting_halves, " \
	"late_year, absent_total, meeting_total, over_months, run, max_run"
#define CARRY_VALUES "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
#define CARRY_SET "late = excluded.late, early = excluded.early, " \
	"half = excluded.half, absent = excluded.absent, " \
	"meeting_halves = excluded.meeting_halves, " \
	"late_year = excluded.late_year, absent_total = excluded.absent_total, " \
	"meeting_total = excluded.meeting_total, " \
	"over_months = excluded.over_months, run = excluded.run, " \
	"max_run = excluded.max_run"

static void
carry_row(db_stmt *st, void *row)
{
	struct att_carry *c = row;

	store_text_col(st, 0, c->month, sizeof c->month);
	store_text_col(st, 1, c->staff, sizeof c->staff);
	c->late = db_column_int(st, 2);
	c->early = db_column_int(st, 3);
	c->half = db_column_int(st, 4);
	c->absent = db_column_int(st, 5);
	c->meeting_halves = db_column_int(st, 6);
	c->late_year = db_column_int(st, 7);
	c->absent_total = db_column_int(st, 8);
	c->meeting_total = db_column_int(st, 9);
	c->over_months = db_column_int(st, 10);
	c->run = db_column_int(st, 11);
	c->max_run = db_column_int(st, 12);
}

static int
carry_rows(struct store *s, const char *sql, const char *month,
    struct att_carry **out, int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, sql, e);
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_binary(st);		/* a month is a row per person */
	if (month)
		db_bind_text(st, 1, month, -1, DB_STATIC);
	rc = store_rows(s, st, sizeof **out, carry_row, &rows, n, e,
	    _("reading carried attendance totals"));
	*out = rows;
	db_finalize(st);
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

/* The largest key of att_carry between from and to (NULL: months only)
 * into out[size]; 1 when there is none. */
static int
carry_max(struct store *s, const char *from, const char *to, char *out,
    size_t size, struct err *e)
{
	db_stmt *st = store_prepare(s, from ? "SELECT max(month) FROM att_carry "
	    "WHERE month BETWEEN ?1 AND ?2" : "SELECT max(month) FROM att_carry "
	    "WHERE length(month) = 7", e);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	if (from != NULL) {
		db_bind_text(st, 1, from, -1, DB_STATIC);
		db_bind_text(st, 2, to, -1, DB_STATIC);
	}
	rc = db_step(st);
	if (rc == DB_ROW && db_column_type(st, 0) != DB_NULL) {
		snprintf(out, size, "%s", (const char *)db_column_text(st, 0));
		found = 1;
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return store_fail(s, e, _("reading carried attendance totals"));
	return found ? 0 : 1;
}

int
store_carry_last(struct store *s, char month[8], struct err *e)
{
	return carry_max(s, NULL, NULL, month, 8, e);
}

int
store_carry_last_day(struct store *s, const char *from, const char *to,
    char day[11], struct err *e)
{
	/* A month's key ("YYYY-MM") sorts before its first day's. */
	return carry_max(s, from, to, day, 11, e);
}

int
store_carry_drop_days(struct store *s, struct err *e)
{
	db_stmt *st = store_prepare(s, "DELETE FROM att_carry WHERE "
	    "length(month) > 7", e);
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? 0 :
	    store_fail(s, e, _("dropping carried attendance totals"));
}

int
store_carry_put(struct store *s, const struct att_carry *rows, int n,
    struct err *e)
{
	/* The key of the upsert: a PostgreSQL row's includes its floor. */
	db_stmt *st = store_prepare(s, db_dialect(s,
	    "INSERT INTO att_carry (" CARRY_COLS ") VALUES " CARRY_VALUES
	    " ON CONFLICT (month, staff) DO UPDATE SET " CARRY_SET,
	    "INSERT INTO att_carry (" CARRY_COLS ") VALUES " CARRY_VALUES
	    " ON CONFLICT (floor, month, staff) DO UPDATE SET " CARRY_SET), e);
	int i;

	if (st == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const struct att_carry *c = &rows[i];
		const int v[] = { c->late, c->early, c->half, c->absent,
			c->meeting_halves, c->late_year, c->absent_total,
			c->meeting_total, c->over_months, c->run, c->max_run };
		int k;

		db_bind_text(st, 1, c->month, -1, DB_STATIC);
		db_bind_text(st, 2, c->staff, -1, DB_STATIC);
		for (k = 0; k < 11; k++)
			db_bind_int(st, k + 3, v[k]);
		if (db_step(st) != DB_DONE) {
			store_fail(s, e, _("writing carried attendance totals"));
			db_finalize(st);
			return -1;
		}
		db_reset(st);
	}
	db_finalize(st);
	return 0;
}

int
store_carry_drop(struct store *s, const char *day, struct err *e)
{
	/* A day's rows from day on and a month's after day's month sort
	 * from day on ("YYYY-MM" sorts before its days); then day's month's
	 * own: two ranges of the key, not a scan (every mark runs this). */
	db_stmt *st = store_prepare(s, day ? "DELETE FROM att_carry WHERE month "
	    ">= ?1 OR month = substr(?1, 1, 7)" : "DELETE FROM att_carry", e);
	int rc;

	if (st == NULL)
		return -1;
	if (day)
		db_bind_text(st, 1, day, -1, DB_STATIC);
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? 0 :
	    store_fail(s, e, _("dropping carried attendance totals"));
}

int
store_meta_get(struct store *s, const char *name, char *out, size_t n,
    struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE name = ?1", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW)
		snprintf(out, n, "%s", (const char *)db_column_text(st, 0));
	db_finalize(st);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : store_fail(s, e, _("reading the store's meta"));
}

int
store_meta_set(struct store *s, const char *name, const char *value,
    struct err *e)
{
	db_stmt *st = store_prepare(s, db_dialect(s,
	    "INSERT INTO meta (name, value) VALUES (?1, ?2) "
	    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
	    "INSERT INTO meta (name, value) VALUES (?1, ?2) "
	    "ON CONFLICT (floor, name) DO UPDATE SET value = excluded.value"), e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name, -1, DB_STATIC);
	db_bind_text(st, 2, value, -1, DB_STATIC);
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? 0 : store_fail(s, e, _("writing the store's meta"));
}

bool
store_in_transaction(struct store *s)
{
	return !db_autocommit(s);
}
