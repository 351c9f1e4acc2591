/*
 * monthend.c - SQL for closed months, appeals and adjustments (see
 * monthend.h).  Writes happen inside the caller's transaction; this file
 * decides nothing.
 */
#include "monthend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static void
closed_row(db_stmt *st, void *row)
{
	struct closed_month *c = row;
	const unsigned char *t = db_column_text(st, 3);
	const unsigned char *v = db_column_text(st, 4);

	store_text_col(st, 0, c->month, sizeof c->month);
	store_text_col(st, 1, c->by, sizeof c->by);
	c->at = db_column_int64(st, 2);
	c->text = xstrdup(t ? (const char *)t : "");
	c->csv = xstrdup(v ? (const char *)v : "");
}

int
store_closed_get(struct store *s, const char *month, struct closed_month *out,
    struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT month, closed_by, closed_at, "
	    "snapshot_text, snapshot_csv FROM closed_month WHERE month = ?1", e);
	struct closed_month tmp;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, month, -1, DB_STATIC);
	rc = store_row(s, st, closed_row, &tmp, e, _("reading closed months"));
	db_finalize(st);
	if (rc == 0) {
		if (out != NULL)
			*out = tmp;
		else
			closed_month_free(&tmp);
	}
	return rc;
}

int
store_closed_last(struct store *s, char out[8], struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT max(month) FROM closed_month", e);
	int rc;

	out[0] = '\0';
	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == DB_ROW)
		store_text_col(st, 0, out, 8);
	db_finalize(st);
	if (rc != DB_ROW)
		return store_fail(s, e, _("reading closed months"));
	return out[0] ? 0 : 1;
}

int
store_close_month(struct store *s, const struct closed_month *c, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO closed_month (month, "
	    "closed_by, closed_at, snapshot_text, snapshot_csv) VALUES "
	    "(?1, ?2, ?3, ?4, ?5)", e);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, c->month, -1, DB_STATIC);
	db_bind_text(st, 2, c->by, -1, DB_STATIC);
	db_bind_int64(st, 3, c->at);
	db_bind_text(st, 4, c->text, -1, DB_STATIC);
	db_bind_text(st, 5, c->csv, -1, DB_STATIC);
	return store_write_done(s, st, e, _("closing a month")) == 0 ? 0 : -1;
}

int
store_reopen_from(struct store *s, const char *month, int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, "DELETE FROM closed_month WHERE month >= ?1",
	    e);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, month, -1, DB_STATIC);
	if (store_write_done(s, st, e, _("reopening a month")) != 0)
		return -1;
	*n = db_changes(s);
	return 0;
}

static void
series_row(db_stmt *st, void *row)
{
	struct series *r = row;

	store_name_col(st, 0, r->staff, sizeof r->staff);
	store_name_col(st, 1, r->rule, sizeof r->rule);
	store_day_col(st, 2, r->day);
}

static int
by_rule_staff_day(const void *a, const void *b)
{
	const struct series *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);

	if (c == 0)
		c = strcmp(x->staff, y->staff);
	return c ? c : strcmp(x->day, y->day);
}

int
store_series_since(struct store *s, const char *day, struct series **out,
    int *n, struct err *e)
{
	/* ORDER BY day: down the day's index from ?1, never a walk of the
	 * (staff, rule, day) one over every incident for the DISTINCT. */
	db_stmt *st = store_prepare(s, "SELECT DISTINCT staff, rule, day "
	    "FROM incident_row WHERE day >= ?1 AND staff IS NOT NULL "
	    "AND voided_at IS NULL ORDER BY day", e);
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, store_day_num(day, false));
	rc = store_rows(s, st, sizeof **out, series_row, &rows, n, e,
	    _("reading the offences to number again"));
	db_finalize(st);
	/* By rule, staff and day, each by its name. */
	if (rc == 0 && *n > 1)
		qsort(rows, (size_t)*n, sizeof **out, by_rule_staff_day);
	*out = rows;
	return rc;
}

void
closed_month_free(struct closed_month *c)
{
	free(c->text);
	free(c->csv);
	c->text = c->csv = NULL;
}

#define APPEAL_COLS "id, incident, fine, staff, reason, by, at, " \
	"coalesce(decision, ''), coalesce(decided_by, ''), " \
	"coalesce(decided_at, 0), coalesce(decided_reason, '')"

static void
appeal_row(db_stmt *st, void *row)
{
	struct appeal *a = row;

	memset(a, 0, sizeof *a);
	a->id = db_column_int64(st, 0);
	a->incident = db_column_int64(st, 1);
	a->fine = db_column_int64(st, 2);
	store_text_col(st, 3, a->staff, sizeof a->staff);
	store_text_col(st, 4, a->reason, sizeof a->reason);
	store_text_col(st, 5, a->by, sizeof a->by);
	a->at = db_column_int64(st, 6);
	store_text_col(st, 7, a->decision, sizeof a->decision);
	store_text_col(st, 8, a->decided_by, sizeof a->decided_by);
	a->decided_at = db_column_int64(st, 9);
	store_text_col(st, 10, a->decided_reason, sizeof a->decided_reason);
}

int
store_appeal_add(struct store *s, struct appeal *a, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO appeal (incident, fine, staff, "
	    "reason, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, a->incident);
	db_bind_int64(st, 2, a->fine);
	db_bind_text(st, 3, a->staff, -1, DB_STATIC);
	db_bind_text(st, 4, a->reason, -1, DB_STATIC);
	db_bind_text(st, 5, a->by, -1, DB_STATIC);
	db_bind_int64(st, 6, a->at);
	if (store_write_done(s, st, e, _("recording an appeal")) != 0)
		return -1;
	a->id = db_last_id(s);
	return 0;
}

int
store_appeal_get(struct store *s, int64_t id, struct appeal *out,
    struct err *e)
{
	return store_row_id(s, "SELECT " APPEAL_COLS " FROM appeal "
	    "WHERE id = ?1", id, appeal_row, out, e, _("reading an appeal"));
}

int
store_appeals(struct store *s, struct appeal **out, int *n, struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT " APPEAL_COLS " FROM appeal "
	    "ORDER BY id", e);
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	rc = store_rows(s, st, sizeof **out, appeal_row, &rows, n, e,
	    _("reading appeals"));
	db_finalize(st);
	*out = rows;
	return rc;
}

int
store_appeal_decide(struct store *s, int64_t id, const char *decision,
    const char *by, int64_t at, const char *reason, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE appeal SET decision = ?2, "
	    "decided_by = ?3, decided_at = ?4, decided_reason = ?5 "
	    "WHERE id = ?1 AND decision IS NULL", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, decision, -1, DB_STATIC);
	db_bind_text(st, 3, by, -1, DB_STATIC);
	db_bind_int64(st, 4, at);
	db_bind_text(st, 5, reason, -1, DB_STATIC);
	if (store_write_done(s, st, e, _("deciding an appeal")) != 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_adjustment_add(struct store *s, const struct adjustment *a,
    struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO adjustment (appeal, month, "
	    "staff, amount, note) VALUES (?1, ?2, ?3, ?4, ?5)", e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, a->appeal);
	db_bind_text(st, 2, a->month, -1, DB_STATIC);
	db_bind_text(st, 3, a->staff, -1, DB_STATIC);
	db_bind_int64(st, 4, a->amount);
	db_bind_text(st, 5, a->note, -1, DB_STATIC);
	return store_write_done(s, st, e, _("recording an adjustment")) == 0 ?
	    0 : -1;
}

static void
adjustment_row(db_stmt *st, void *row)
{
	struct adjustment *a = row;

	memset(a, 0, sizeof *a);
	a->id = db_column_int64(st, 0);
	a->appeal = db_column_int64(st, 1);
	store_text_col(st, 2, a->month, sizeof a->month);
	store_text_col(st, 3, a->staff, sizeof a->staff);
	a->amount = db_column_int64(st, 4);
	store_text_col(st, 5, a->note, sizeof a->note);
}

int
store_adjustments(struct store *s, const char *month, struct adjustment **out,
    int *n, struct err *e)
{
	/* An adjustment stands while the closing it corrected stands: once
	 * its incident's month is reopened, that month counts the decision
	 * itself (and a later closing's snapshot holds it). */
	db_stmt *st = store_prepare(s, "SELECT a.id, a.appeal, a.month, "
	    "a.staff, a.amount, a.note FROM adjustment a "
	    "JOIN appeal p ON p.id = a.appeal "
	    "JOIN incident i ON i.id = p.incident "
	    "JOIN closed_month c ON c.month = substr(i.day, 1, 7) "
	    "AND c.closed_at <= p.decided_at "
	    "WHERE a.month = ?1 ORDER BY a.id", e);
	void *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, month, -1, DB_STATIC);
	rc = store_rows(s, st, sizeof **out, adjustment_row, &rows, n, e,
	    _("reading adjustments"));
	db_finalize(st);
	*out = rows;
	return rc;
}
