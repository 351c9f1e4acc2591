/*
 * breaks.c - SQL for breaks away from the desk.  Writes happen inside the
 * caller's transaction (store_begin); nothing here decides who may go.
 */
#include "breaks.h"

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

#define AWAY_COLS "id, staff, grp, reason, day, limit_minutes, queued_at, " \
	"coalesce(started_at, 0), coalesce(ended_at, 0), cancelled, over, by, " \
	"coalesce(ended_by, '')"

static void
away_read(db_stmt *st, void *row)
{
	struct away_row *r = row;

	r->id = db_column_int64(st, 0);
	store_text_col(st, 1, r->staff, sizeof r->staff);
	store_text_col(st, 2, r->grp, sizeof r->grp);
	store_text_col(st, 3, r->reason, sizeof r->reason);
	store_text_col(st, 4, r->day, sizeof r->day);
	r->limit_minutes = db_column_int(st, 5);
	r->queued_at = db_column_int64(st, 6);
	r->started_at = db_column_int64(st, 7);
	r->ended_at = db_column_int64(st, 8);
	r->cancelled = db_column_int(st, 9);
	r->over = db_column_int(st, 10);
	store_text_col(st, 11, r->by, sizeof r->by);
	store_text_col(st, 12, r->ended_by, sizeof r->ended_by);
}

/* Steps a write: 0, 1 for a constraint or no row changed, or -1. */
static int
write_step(struct store *s, db_stmt *st, struct err *e, const char *what)
{
	int rc = db_step(st);

	db_finalize(st);
	if (rc == DB_DONE)
		return db_changes(s) == 1 ? 0 : 1;
	if (rc == DB_CONSTRAINT)
		return 1;
	return store_fail(s, e, what);
}

int
store_away_add(struct store *s, struct away_row *r, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO away (staff, grp, reason, day, "
	    "limit_minutes, queued_at, started_at, by) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, nullif(?7, 0), ?8)", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, r->staff, -1, DB_STATIC);
	db_bind_text(st, 2, r->grp, -1, DB_STATIC);
	db_bind_text(st, 3, r->reason, -1, DB_STATIC);
	db_bind_text(st, 4, r->day, -1, DB_STATIC);
	db_bind_int(st, 5, r->limit_minutes);
	db_bind_int64(st, 6, r->queued_at);
	db_bind_int64(st, 7, r->started_at);
	db_bind_text(st, 8, r->by, -1, DB_STATIC);
	rc = write_step(s, st, e, "recording a break");
	if (rc == 0)
		r->id = db_last_id(s);
	return rc;
}

int
store_away_start(struct store *s, int64_t id, int64_t at, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE away SET started_at = ?2 WHERE "
	    "id = ?1 AND started_at IS NULL AND ended_at IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	return write_step(s, st, e, "starting a break");
}

int
store_away_end(struct store *s, int64_t id, int64_t at, const char *by,
    int over, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE away SET ended_at = ?2, "
	    "ended_by = ?3, over = ?4, cancelled = CASE WHEN started_at IS NULL THEN 1 ELSE 0 END "
	    "WHERE id = ?1 AND ended_at IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	db_bind_text(st, 3, by, -1, DB_STATIC);
	db_bind_int(st, 4, over);
	return write_step(s, st, e, "ending a break");
}

int
store_away_open(struct store *s, struct away_row **out, int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT " AWAY_COLS " FROM away WHERE "
	    "ended_at IS NULL ORDER BY queued_at, id", e);
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	rc = store_rows(s, st, sizeof **out, away_read, &rows, n, e,
	    "reading breaks");
	db_finalize(st);
	*out = rows;
	return rc;
}

int
store_away_range(struct store *s, const char *from, const char *to,
    struct away_row **out, int *n, struct err *e)
{
	void *rows;
	int rc = store_rows2(s, "SELECT " AWAY_COLS " FROM away WHERE "
	    "day BETWEEN ?1 AND ?2 ORDER BY id", from, to, sizeof **out,
	    away_read, &rows, n, e, "reading breaks");

	*out = rows;
	return rc;
}
