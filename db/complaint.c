/*
 * complaint.c - SQL for rule B14's register.  Writes happen inside the
 * caller's transaction; this file decides nothing about who may write.
 */
#include "complaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define COMPLAINT_COLS "id, staff, grp, kind, caller, phone, note, at, day, " \
	"recorded_by, recorded_at, late, incident, forwarded_by, forwarded_at, " \
	"closed_by, closed_at, outcome, purged_at"

static void
complaint_row(db_stmt *st, void *row)
{
	struct complaint *c = row;

	memset(c, 0, sizeof *c);
	c->id = db_column_int64(st, 0);
	store_text_col(st, 1, c->staff, sizeof c->staff);
	store_text_col(st, 2, c->grp, sizeof c->grp);
	store_text_col(st, 3, c->kind, sizeof c->kind);
	store_text_col(st, 4, c->caller, sizeof c->caller);
	store_text_col(st, 5, c->phone, sizeof c->phone);
	store_text_col(st, 6, c->note, sizeof c->note);
	c->at = db_column_int64(st, 7);
	store_text_col(st, 8, c->day, sizeof c->day);
	store_text_col(st, 9, c->recorded_by, sizeof c->recorded_by);
	c->recorded_at = db_column_int64(st, 10);
	c->late = db_column_int(st, 11);
	c->incident = db_column_int64(st, 12);
	store_text_col(st, 13, c->forwarded_by, sizeof c->forwarded_by);
	c->forwarded_at = db_column_int64(st, 14);
	store_text_col(st, 15, c->closed_by, sizeof c->closed_by);
	c->closed_at = db_column_int64(st, 16);
	store_text_col(st, 17, c->outcome, sizeof c->outcome);
	c->purged_at = db_column_int64(st, 18);
}

/* Steps a one-row write: 0, 1 when no row matched, -1. */
static int
update_one(struct store *s, db_stmt *st, struct err *e, const char *what)
{
	int rc = db_step(st);

	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(s, e, what);
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_complaint_add(struct store *s, struct complaint *c, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO complaint (staff, grp, kind, "
	    "caller, phone, note, at, day, recorded_by, recorded_at, late, "
	    "incident) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	    e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->staff, -1, DB_STATIC);
	db_bind_text(st, 2, c->grp, -1, DB_STATIC);
	db_bind_text(st, 3, c->kind, -1, DB_STATIC);
	db_bind_text(st, 4, c->caller, -1, DB_STATIC);
	store_bind_opt(st, 5, c->phone);
	db_bind_text(st, 6, c->note, -1, DB_STATIC);
	db_bind_int64(st, 7, c->at);
	db_bind_text(st, 8, c->day, -1, DB_STATIC);
	db_bind_text(st, 9, c->recorded_by, -1, DB_STATIC);
	db_bind_int64(st, 10, c->recorded_at);
	db_bind_int(st, 11, c->late);
	if (c->incident != 0)
		db_bind_int64(st, 12, c->incident);
	else
		db_bind_null(st, 12);
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_DONE)
		return store_fail(s, e, _("recording a register entry"));
	c->id = db_last_id(s);
	return 0;
}

int
store_complaint_get(struct store *s, int64_t id, struct complaint *out,
    struct err *e)
{
	return store_row_id(s, "SELECT " COMPLAINT_COLS " FROM complaint "
	    "WHERE id = ?1", id, complaint_row, out, e, _("reading the register"));
}

int
store_complaint_forward(struct store *s, int64_t id, const char *by,
    int64_t at, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE complaint SET forwarded_by = ?2, "
	    "forwarded_at = ?3 WHERE id = ?1 AND closed_at IS NULL AND "
	    "forwarded_at IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, by, -1, DB_STATIC);
	db_bind_int64(st, 3, at);
	return update_one(s, st, e, _("forwarding a register entry"));
}

int
store_complaint_close(struct store *s, int64_t id, const char *by,
    int64_t at, const char *outcome, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE complaint SET closed_by = ?2, "
	    "closed_at = ?3, outcome = ?4 WHERE id = ?1 AND closed_at IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, by, -1, DB_STATIC);
	db_bind_int64(st, 3, at);
	db_bind_text(st, 4, outcome, -1, DB_STATIC);
	return update_one(s, st, e, _("closing a register entry"));
}

static int
list(struct store *s, enum complaint_sel sel, const char *day, int64_t end,
    const char *grp, struct complaint **out, int *n, struct err *e)
{
	static const char *const where[] = {
		[CSEL_DAY] = "day = ?1",
		[CSEL_OPEN] = "closed_at IS NULL",
		[CSEL_DAY_OR_OPEN] = "(day = ?1 OR closed_at IS NULL)",
		[CSEL_AS_OF] = "(day = ?1 OR (day < ?1 AND (closed_at IS NULL OR "
		    "closed_at > ?3)))",
	};
	char q[512];
	db_stmt *st;
	int rc;

	snprintf(q, sizeof q, "SELECT " COMPLAINT_COLS " FROM complaint WHERE %s "
	    "AND (CAST(?2 AS TEXT) IS NULL OR grp = ?2) ORDER BY grp, day, id", where[sel]);
	if ((st = store_prepare(s, q, e)) == NULL)
		return -1;
	if (sel != CSEL_OPEN)
		db_bind_text(st, 1, day, -1, DB_STATIC);
	if (grp != NULL)
		db_bind_text(st, 2, grp, -1, DB_STATIC);
	if (sel == CSEL_AS_OF)
		db_bind_int64(st, 3, end);
	rc = store_rows(s, st, sizeof **out, complaint_row, (void **)out, n, e,
	    _("reading the register"));
	db_finalize(st);
	return rc;
}

int
store_complaint_list(struct store *s, enum complaint_sel sel,
    const char *day, const char *grp, struct complaint **out, int *n,
    struct err *e)
{
	return list(s, sel, day, 0, grp, out, n, e);
}

int
store_complaint_as_of(struct store *s, const char *day, int64_t end,
    struct complaint **out, int *n, struct err *e)
{
	return list(s, CSEL_AS_OF, day, end, NULL, out, n, e);
}

int
store_complaint_open_of(struct store *s, const char *staff,
    struct complaint **out, int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT " COMPLAINT_COLS " FROM complaint "
	    "WHERE staff = ?1 AND closed_at IS NULL ORDER BY day, id", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, staff, -1, DB_STATIC);
	rc = store_rows(s, st, sizeof **out, complaint_row, (void **)out, n, e,
	    _("reading the register"));
	db_finalize(st);
	return rc;
}

static void
id_row(db_stmt *st, void *row)
{
	*(int64_t *)row = db_column_int64(st, 0);
}

int
store_complaint_purgeable(struct store *s, int64_t before, int64_t **ids,
    int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT id FROM complaint WHERE closed_at "
	    "IS NOT NULL AND closed_at < ?1 AND purged_at IS NULL ORDER BY "
	    "closed_at, id", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, before);
	rc = store_rows(s, st, sizeof **ids, id_row, (void **)ids, n, e,
	    _("reading the register"));
	db_finalize(st);
	return rc;
}

int
store_complaint_purge(struct store *s, int64_t id, int64_t at, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE complaint SET caller = NULL, phone "
	    "= NULL, purged_at = ?2 WHERE id = ?1 AND closed_at IS NOT NULL AND "
	    "purged_at IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	return update_one(s, st, e, _("purging a register entry"));
}
