/*
 * attendance.c - SQL for sign-ins, sign-outs and leave requests.  Writes
 * happen inside the caller's transaction (store_begin); this file decides
 * nothing about lateness or validity.
 */
#include "attendance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int
store_att_add(struct store *s, struct att_mark *m, struct err *e)
{
	int rc;

	db_stmt *st = store_prepare(s, "INSERT INTO attendance (staff, day, kind, "
	    "at, minutes, by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", e);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, m->staff, -1, DB_STATIC);
	db_bind_text(st, 2, m->day, -1, DB_STATIC);
	db_bind_text(st, 3, m->kind == ATT_IN ? "in" : "out", -1, DB_STATIC);
	db_bind_int64(st, 4, m->at);
	db_bind_int(st, 5, m->minutes);
	db_bind_text(st, 6, m->by, -1, DB_STATIC);
	rc = store_write_done(s, st, e, "recording attendance");
	if (rc == 0)
		m->id = db_last_id(s);
	return rc;
}

#define ATT_COLS "staff, day, kind, at, minutes, by, id"

static void att_row(db_stmt *st, void *row);

int
store_att_live(struct store *s, const char *staff, const char *day, int kind,
    struct att_mark *out, struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT " ATT_COLS " FROM attendance "
	    "WHERE staff = ?1 AND day = ?2 AND kind = ?3 AND voided_at IS NULL", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, staff, -1, DB_STATIC);
	db_bind_text(st, 2, day, -1, DB_STATIC);
	db_bind_text(st, 3, kind == ATT_IN ? "in" : "out", -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW) {
		att_row(st, out);
		db_finalize(st);
		return 0;
	}
	db_finalize(st);
	return rc == DB_DONE ? 1 : store_fail(s, e, "reading attendance");
}

int
store_att_void(struct store *s, int64_t id, const char *by, int64_t at,
    const char *reason, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE attendance SET voided_at = ?2, "
	    "voided_by = ?3, void_reason = ?4 WHERE id = ?1 AND voided_at IS NULL",
	    e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	db_bind_text(st, 3, by, -1, DB_STATIC);
	db_bind_text(st, 4, reason, -1, DB_STATIC);
	rc = store_write_done(s, st, e, "voiding a sign-in");
	if (rc == 0 && db_changes(s) != 1)
		rc = 1;
	return rc;
}

static void
explain_row(db_stmt *st, void *row)
{
	struct explanation *x = row;

	x->id = db_column_int64(st, 0);
	store_text_col(st, 1, x->staff, sizeof x->staff);
	store_text_col(st, 2, x->day, sizeof x->day);
	store_text_col(st, 3, x->note, sizeof x->note);
	store_text_col(st, 4, x->by, sizeof x->by);
	x->at = db_column_int64(st, 5);
}

int
store_explain_add(struct store *s, struct explanation *x, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO explanation (staff, day, note, "
	    "by, at) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, x->staff, -1, DB_STATIC);
	db_bind_text(st, 2, x->day, -1, DB_STATIC);
	db_bind_text(st, 3, x->note, -1, DB_STATIC);
	db_bind_text(st, 4, x->by, -1, DB_STATIC);
	db_bind_int64(st, 5, x->at);
	rc = store_write_done(s, st, e, "recording an explanation");
	if (rc == 0)
		x->id = db_last_id(s);
	return rc;
}

int
store_explain_range(struct store *s, const char *from, const char *to,
    struct explanation **out, int *n, struct err *e)
{
	void *rows;
	int rc = store_rows2(s, "SELECT id, staff, day, note, by, at FROM "
	    "explanation WHERE day BETWEEN ?1 AND ?2 ORDER BY day, staff, id",
	    from, to, sizeof **out, explain_row, &rows, n, e, "reading explanations");

	*out = rows;
	return rc;
}

static void
att_row(db_stmt *st, void *row)
{
	struct att_mark *m = row;

	store_text_col(st, 0, m->staff, sizeof m->staff);
	store_text_col(st, 1, m->day, sizeof m->day);
	m->kind = strcmp((const char *)db_column_text(st, 2), "in") == 0 ?
	    ATT_IN : ATT_OUT;
	m->at = db_column_int64(st, 3);
	m->minutes = db_column_int(st, 4);
	store_text_col(st, 5, m->by, sizeof m->by);
	m->id = db_column_int64(st, 6);
}

struct att_each {
	int (*fn)(void *arg, const struct att_tick *t);
	void *arg;
};

static int
att_each_row(db_stmt *st, void *arg)
{
	const struct att_each *ae = arg;
	const char *kind = (const char *)db_column_text(st, 2);
	struct att_tick t;

	t.staff = (const char *)db_column_text(st, 0);
	t.day = (const char *)db_column_text(st, 1);
	t.kind = kind && strcmp(kind, "in") == 0 ? ATT_IN : ATT_OUT;
	t.minutes = db_column_int(st, 3);
	return t.staff && t.day ? ae->fn(ae->arg, &t) : 0;
}

int
store_att_each(struct store *s, const char *from, const char *to,
    bool plain_outs, int (*fn)(void *arg, const struct att_tick *t),
    void *arg, struct err *e)
{
	/* By day only (the index's order: no sort); a walk needs no order
	 * within a day, since a person has one live row of each kind. */
	db_stmt *st = store_prepare(s, "SELECT staff, day, kind, minutes "
	    "FROM attendance WHERE day BETWEEN ?1 AND ?2 AND voided_at IS NULL "
	    "AND (?3 OR kind = 'in' OR minutes <> 0) ORDER BY day", e);
	struct att_each ae = { fn, arg };

	if (st != NULL) {
		db_binary(st);	/* a month is 100,000 sign-ins */
		db_bind_text(st, 1, from, -1, DB_STATIC);
		db_bind_text(st, 2, to, -1, DB_STATIC);
		db_bind_int(st, 3, plain_outs);
	}
	return store_each(s, st, att_each_row, &ae, e, "reading attendance");
}

int
store_att_first_day(struct store *s, char day[11], struct err *e)
{
	db_stmt *st = store_prepare(s, "SELECT min(day) FROM attendance WHERE "
	    "voided_at IS NULL", e);
	int rc, found = 0;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == DB_ROW && db_column_type(st, 0) != DB_NULL) {
		store_text_col(st, 0, day, 11);
		found = 1;
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return store_fail(s, e, "reading attendance");
	return found ? 0 : 1;
}

#define LEAVE_COLS "id, staff, from_day, to_day, kind, via, requested_at, " \
	"approved_by, valid, why_invalid, form_at, recorded_by, recorded_at, " \
	"approved_at"

static void
read_leave(db_stmt *st, struct leave *l)
{
	memset(l, 0, sizeof *l);
	l->id = db_column_int64(st, 0);
	store_text_col(st, 1, l->staff, sizeof l->staff);
	store_text_col(st, 2, l->from, sizeof l->from);
	store_text_col(st, 3, l->to, sizeof l->to);
	store_text_col(st, 4, l->kind, sizeof l->kind);
	store_text_col(st, 5, l->via, sizeof l->via);
	l->requested_at = db_column_int64(st, 6);
	store_text_col(st, 7, l->approved_by, sizeof l->approved_by);
	l->valid = db_column_int(st, 8);
	store_text_col(st, 9, l->why_invalid, sizeof l->why_invalid);
	l->form_at = db_column_int64(st, 10);
	store_text_col(st, 11, l->recorded_by, sizeof l->recorded_by);
	l->recorded_at = db_column_int64(st, 12);
	l->approved_at = db_column_int64(st, 13);
}

static void
leave_row(db_stmt *st, void *row)
{
	read_leave(st, row);
}

int
store_leave_add(struct store *s, struct leave *l, struct err *e)
{
	db_stmt *st = store_prepare(s, "INSERT INTO leave (staff, from_day, to_day, "
	    "kind, via, requested_at, approved_by, valid, why_invalid, form_at, "
	    "recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "?9, ?10, ?11, ?12)", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, l->staff, -1, DB_STATIC);
	db_bind_text(st, 2, l->from, -1, DB_STATIC);
	db_bind_text(st, 3, l->to, -1, DB_STATIC);
	db_bind_text(st, 4, l->kind, -1, DB_STATIC);
	db_bind_text(st, 5, l->via, -1, DB_STATIC);
	db_bind_int64(st, 6, l->requested_at);
	if (l->approved_by[0])
		db_bind_text(st, 7, l->approved_by, -1, DB_STATIC);
	db_bind_int(st, 8, l->valid);
	if (l->why_invalid[0])
		db_bind_text(st, 9, l->why_invalid, -1, DB_STATIC);
	if (l->form_at)
		db_bind_int64(st, 10, l->form_at);
	db_bind_text(st, 11, l->recorded_by, -1, DB_STATIC);
	db_bind_int64(st, 12, l->recorded_at);
	rc = store_write_done(s, st, e, "recording leave");
	if (rc != 0)
		return rc < 0 ? -1 : store_fail(s, e, "recording leave");
	l->id = db_last_id(s);
	return 0;
}

int
store_leave_get(struct store *s, int64_t id, struct leave *out, struct err *e)
{
	return store_row_id(s, "SELECT " LEAVE_COLS " FROM leave WHERE "
	    "id = ?1", id, leave_row, out, e, "reading leave");
}

int
store_leave_range(struct store *s, const char *from, const char *to,
    struct leave **out, int *n, struct err *e)
{
	void *rows;
	int rc = store_rows2(s, "SELECT " LEAVE_COLS " FROM leave WHERE "
	    "to_day >= ?1 AND from_day <= ?2 ORDER BY from_day, id",
	    from, to, sizeof **out, leave_row, &rows, n, e, "reading leave");

	*out = rows;
	return rc;
}

int
store_leave_form(struct store *s, int64_t id, int64_t at, struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE leave SET form_at = ?2 WHERE id = ?1 "
	    "AND form_at IS NULL", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	rc = store_write_done(s, st, e, "recording a leave form");
	if (rc != 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_leave_approve(struct store *s, int64_t id, const char *login, int64_t at,
    struct err *e)
{
	db_stmt *st = store_prepare(s, "UPDATE leave SET approved_by = ?2, "
	    "approved_at = ?3 WHERE id = ?1 AND approved_at IS NULL", e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, login, -1, DB_STATIC);
	db_bind_int64(st, 3, at);
	rc = store_write_done(s, st, e, "approving leave");
	if (rc != 0)
		return -1;
	return db_changes(s) == 1 ? 0 :
	    err_set(e, EXIT_RUNTIME, _("leave request %lld changed meanwhile; "
	    "nothing was written"), (long long)id);
}

static void
absence_row(db_stmt *st, void *row)
{
	struct absence_incident *a = row;

	store_name_col(st, 0, a->staff, sizeof a->staff);
	store_day_col(st, 1, a->day);
	store_name_col(st, 2, a->rule, sizeof a->rule);
}

static int
by_day_staff(const void *a, const void *b)
{
	const struct absence_incident *x = a, *y = b;
	int c = strcmp(x->day, y->day);

	return c ? c : strcmp(x->staff, y->staff);
}

/* The ids of the rules' codes that were ever used, into ids (*n of them). */
static int
rule_ids(struct store *s, const char *const *codes, int ncodes, int64_t *ids,
    int *n, struct err *e)
{
	int i, rc;

	*n = 0;
	for (i = 0; i < ncodes; i++) {
		if ((rc = store_name_find(s, codes[i], &ids[*n], e)) < 0)
			return -1;
		*n += rc == 0;
	}
	return 0;
}

int
store_incidents_of_rules(struct store *s, const char *from, const char *to,
    const char *const *codes, int ncodes, struct absence_incident **out,
    int *n, struct err *e)
{
	struct buf q = { 0 };
	db_stmt *st;
	void *rows;
	int64_t *ids;
	int i, nids, rc;

	*out = NULL;
	*n = 0;
	if (ncodes == 0)
		return 0;
	ids = xcalloc((size_t)ncodes, sizeof *ids);
	if (rule_ids(s, codes, ncodes, ids, &nids, e) < 0 || nids == 0) {
		free(ids);
		return nids == 0 ? 0 : -1;
	}
	buf_puts(&q, "SELECT staff, day, rule FROM incident_row WHERE voided_at "
	    "IS NULL AND staff IS NOT NULL AND day BETWEEN ?1 AND ?2 AND rule IN (");
	for (i = 0; i < nids; i++)
		buf_printf(&q, "%s?%d", i ? ", " : "", i + 3);
	buf_puts(&q, ")");
	st = store_prepare(s, q.s, e);
	buf_free(&q);
	if (st == NULL) {
		free(ids);
		return -1;
	}
	db_bind_int64(st, 1, store_day_num(from, false));
	db_bind_int64(st, 2, store_day_num(to, true));
	for (i = 0; i < nids; i++)
		db_bind_int64(st, i + 3, ids[i]);
	free(ids);
	rc = store_rows(s, st, sizeof **out, absence_row, &rows, n, e,
	    "reading absences");
	db_finalize(st);
	/* By day, then staff id by name. */
	if (rc == 0 && *n > 1)
		qsort(rows, (size_t)*n, sizeof **out, by_day_staff);
	*out = rows;
	return rc;
}

int
store_first_incident_of_rules(struct store *s, const char *const *codes,
    int ncodes, char day[11], struct err *e)
{
	struct buf q = { 0 };
	db_stmt *st;
	int64_t *ids;
	int i, nids, rc, found = 0;

	if (ncodes == 0)
		return 1;
	ids = xcalloc((size_t)ncodes, sizeof *ids);
	if (rule_ids(s, codes, ncodes, ids, &nids, e) < 0 || nids == 0) {
		free(ids);
		return nids == 0 ? 1 : -1;
	}
	/* One look-up per rule down the (rule, day) index; the aggregate
	 * min() skips a rule that has none. */
	buf_puts(&q, "SELECT min(d) FROM (");
	for (i = 0; i < nids; i++)
		buf_printf(&q, "%sSELECT (SELECT min(day) FROM incident_row WHERE "
		    "rule = ?%d AND voided_at IS NULL AND staff IS NOT NULL) AS d",
		    i ? " UNION ALL " : "", i + 1);
	buf_puts(&q, ") AS first_days");
	st = store_prepare(s, q.s, e);
	buf_free(&q);
	if (st == NULL) {
		free(ids);
		return -1;
	}
	for (i = 0; i < nids; i++)
		db_bind_int64(st, i + 1, ids[i]);
	free(ids);
	rc = db_step(st);
	if (rc == DB_ROW && db_column_type(st, 0) != DB_NULL) {
		store_day_col(st, 0, day);
		found = 1;
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return store_fail(s, e, "reading absences");
	return found ? 0 : 1;
}

int
store_att_voided_range(struct store *s, const char *from, const char *to,
    struct att_mark **out, int *n, struct err *e)
{
	void *rows;
	int rc = store_rows2(s, "SELECT " ATT_COLS " FROM attendance WHERE "
	    "day BETWEEN ?1 AND ?2 AND voided_at IS NOT NULL",
	    from, to, sizeof **out, att_row, &rows, n, e, "reading attendance");

	*out = rows;
	return rc;
}
