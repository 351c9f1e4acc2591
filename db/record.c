/*
 * record.c - the floor's record in SQL: rule versions, incidents, fines,
 * custody and inspections (db/store.h declares them).  Its statements are
 * prepared once and kept in the connection's cache (store_cached).
 */
#include "store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/i18n.h"

/* The compact rows (schema 8): names as ids of `name` and the day as a
 * number, turned into text by read_incident and read_fine (db/names.c). */
#define INCIDENT_COLS "i.id, i.rule, i.rule_version, i.staff, i.grp, i.seat, " \
	"i.at, i.day, i.offence, i.amount, i.note, i.marked_by, " \
	"coalesce(i.marked_at, i.at), i.voided_at, i.voided_by, i.void_reason"
#define CUSTODY_COLS "id, incident, staff, seat, item, taken_at, kept_by, " \
	"returned_at, returned_by"
#define FINE_COLS "f.id, f.incident, f.staff, f.grp, f.role, f.own, f.amount, f.doubled"

static const char *const sql[Q_COUNT] = {
	[Q_RULE_VERSION_FIND] = "SELECT id FROM rule_version WHERE code = ?1 "
	    "AND title = ?2 AND terms = ?3",
	[Q_RULE_VERSION_ADD] = "INSERT INTO rule_version (code, title, terms, "
	    "first_seen) VALUES (?1, ?2, ?3, ?4)",
	[Q_RULE_TERMS] = "SELECT id, terms FROM rule_version WHERE id = ?1",
	[Q_INCIDENT_ADD] = "INSERT INTO incident_row (rule, rule_version, staff, "
	    "grp, seat, at, day, offence, amount, note, marked_by, marked_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[Q_INCIDENT_GET] = "SELECT " INCIDENT_COLS " FROM incident_row i "
	    "WHERE i.id = ?1",
	[Q_INCIDENT_VOID] = "UPDATE incident_row SET voided_at = ?2, "
	    "voided_by = ?3, void_reason = ?4 WHERE id = ?1 AND voided_at IS NULL",
	[Q_INCIDENT_OFFENCE] = "UPDATE incident_row SET offence = ?2 WHERE id = ?1",
	[Q_OFFENCES] = "SELECT " INCIDENT_COLS " FROM incident_row i WHERE "
	    "i.staff = ?1 AND i.rule = ?2 AND i.day BETWEEN ?3 AND ?4 AND "
	    "i.voided_at IS NULL ORDER BY i.at, i.id",
	/* In the day index's order, sorted by (at, id) in C: SQLite's sort of
	 * whole rows cost a busy day's map 20 M instructions. */
	[Q_INCIDENTS] = "SELECT " INCIDENT_COLS " FROM incident_row i WHERE "
	    "i.day BETWEEN ?1 AND ?2",
	/* The day's last ones picked by (at, id) first, from the day's index
	 * (schema 11), then read whole with their own fine: sorting a busy
	 * day's whole rows, each with its fine looked up, cost the console's
	 * first frame 55 M instructions. */
	[Q_RECENT] = "SELECT " INCIDENT_COLS ", i.own_fine FROM incident_row i "
	    "WHERE i.id IN (SELECT id FROM incident_row WHERE day = ?1 ORDER BY "
	    "at DESC, id DESC LIMIT ?2) ORDER BY i.at DESC, i.id DESC",
	[Q_INCIDENTS_STAFF] = "SELECT " INCIDENT_COLS " FROM incident_row i "
	    "WHERE i.staff = ?3 AND i.day BETWEEN ?1 AND ?2 ORDER BY i.at, i.id",
	/* The newest of the login's live marks: ids grow as marks are made. */
	[Q_LAST_MARKED] = "SELECT " INCIDENT_COLS " FROM incident_row i WHERE "
	    "i.marked_by = ?1 AND i.voided_at IS NULL ORDER BY i.id DESC LIMIT 1",
	[Q_FINE_ADD] = "INSERT INTO fine_row (incident, staff, grp, role, own, "
	    "amount, doubled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[Q_FINE_SET_OWN] = "UPDATE fine_row SET amount = ?2, doubled = ?3 WHERE "
	    "incident = ?1 AND own = 1",
	[Q_FINES_OF] = "SELECT " FINE_COLS " FROM fine_row f WHERE "
	    "f.incident = ?1 ORDER BY f.own DESC, f.id",
	/* By staff id: sorted by name in C (fine_totals). */
	[Q_FINE_TOTALS] = "SELECT f.staff, sum(CASE WHEN f.own = 1 THEN f.amount "
	    "ELSE 0 END), sum(CASE WHEN f.own = 1 THEN 0 ELSE f.amount END) "
	    "FROM incident_row i JOIN fine_row f ON f.incident = i.id "
	    "WHERE i.day BETWEEN ?1 AND ?2 AND i.voided_at IS NULL "
	    "AND f.staff IS NOT NULL GROUP BY f.staff",
	[Q_FINE_LINES] = "SELECT " FINE_COLS ", " INCIDENT_COLS " FROM "
	    "incident_row i JOIN fine_row f ON f.incident = i.id WHERE i.day "
	    "BETWEEN ?1 AND ?2 AND i.voided_at IS NULL ORDER BY i.at, i.id, "
	    "f.own DESC, f.id",
	[Q_CUSTODY_ADD] = "INSERT INTO custody (incident, staff, seat, item, "
	    "taken_at, kept_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_CUSTODY_GET] = "SELECT " CUSTODY_COLS " FROM custody WHERE id = ?1",
	[Q_CUSTODY_RETURN] = "UPDATE custody SET returned_at = ?2, returned_by = ?3 "
	    "WHERE id = ?1 AND returned_at IS NULL",
	[Q_CUSTODY_HELD] = "SELECT " CUSTODY_COLS " FROM custody WHERE "
	    "returned_at IS NULL ORDER BY taken_at, id",
	[Q_INSPECTION_ADD] = "INSERT INTO inspection (seat, staff, day, at, by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_INSPECTED] = "SELECT DISTINCT seat FROM inspection WHERE day = ?1 "
	    "AND voided_at IS NULL ORDER BY seat",
	[Q_INSPECTION_VOID] = "UPDATE inspection SET voided_at = ?2, voided_by = ?3 "
	    "WHERE id = ?1 AND voided_at IS NULL",
	[Q_CUSTODY_UNRETURN] = "UPDATE custody SET returned_at = NULL, "
	    "returned_by = NULL WHERE id = ?1 AND returned_at IS NOT NULL",
};

/* The cached statement for q, reset and with its bindings cleared. */
static db_stmt *
prep(struct store *s, enum stmt q, struct err *e)
{
	return store_cached(s, q, sql[q], e);
}

int
store_rule_version(struct store *s, const char *code, const char *title,
    const char *terms, int64_t now, int64_t *id, struct err *e)
{
	db_stmt *st = prep(s, Q_RULE_VERSION_FIND, e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, code, -1, DB_STATIC);
	db_bind_text(st, 2, title, -1, DB_STATIC);
	db_bind_text(st, 3, terms, -1, DB_STATIC);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_column_int64(st, 0);
		db_reset(st);
		return 0;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return store_fail(s, e, "rule version");
	if ((st = prep(s, Q_RULE_VERSION_ADD, e)) == NULL)
		return -1;
	db_bind_text(st, 1, code, -1, DB_STATIC);
	db_bind_text(st, 2, title, -1, DB_STATIC);
	db_bind_text(st, 3, terms, -1, DB_STATIC);
	db_bind_int64(st, 4, now);
	if (store_run(s, st, e, "adding a rule version") < 0)
		return -1;
	*id = db_last_id(s);
	return 0;
}

/* A rule version's terms never change: they are kept once read.  The
 * floor's are all read at the first need (a console's first frame needs
 * some twenty, a round trip each on PostgreSQL); one added since, or
 * another floor's, is read alone.  Only what is read outside a write is
 * kept: a version added by a write that is rolled back may leave its id
 * to another (SQLite reuses the highest). */
struct kept_terms {
	int64_t id;
	char *terms;
};

static int
by_version(const void *a, const void *b)
{
	const struct kept_terms *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static void
keep_terms(struct store *s, db_stmt *st)
{
	const char *t = (const char *)db_column_text(st, 1);

	s->terms = xrealloc(s->terms, ((size_t)s->nterms + 1) *
	    sizeof *s->terms);
	s->terms[s->nterms].id = db_column_int64(st, 0);
	s->terms[s->nterms++].terms = xstrdup(t ? t : "");
}

void
store_terms_forget(struct store *s)
{
	int i;

	for (i = 0; i < s->nterms; i++)
		free(s->terms[i].terms);
	free(s->terms);
	s->terms = NULL;
	s->nterms = 0;
	s->terms_read = false;
}

int
store_rule_terms(struct store *s, int64_t version, char *out, size_t n,
    struct err *e)
{
	struct kept_terms key = { version, NULL }, *k;
	db_stmt *st;
	int rc;

	if (!s->terms_read && s->depth == 0) {
		st = store_prepare(s, "SELECT id, terms FROM rule_version", e);
		if (st == NULL)
			return -1;
		while ((rc = db_step(st)) == DB_ROW)
			keep_terms(s, st);
		db_finalize(st);
		if (rc != DB_DONE) {
			store_terms_forget(s);
			return store_fail(s, e, "rule terms");
		}
		qsort(s->terms, (size_t)s->nterms, sizeof *s->terms, by_version);
		s->terms_read = true;
	}
	k = s->nterms ? bsearch(&key, s->terms, (size_t)s->nterms,
	    sizeof *s->terms, by_version) : NULL;
	if (k == NULL) {
		if ((st = prep(s, Q_RULE_TERMS, e)) == NULL)
			return -1;
		db_bind_int64(st, 1, version);
		rc = db_step(st);
		if (rc == DB_ROW && s->depth > 0)
			store_text_col(st, 1, out, n);
		else if (rc == DB_ROW) {
			keep_terms(s, st);
			qsort(s->terms, (size_t)s->nterms, sizeof *s->terms,
			    by_version);
			k = bsearch(&key, s->terms, (size_t)s->nterms,
			    sizeof *s->terms, by_version);
		}
		db_reset(st);
		if (rc == DB_DONE)
			return err_set(e, EXIT_RUNTIME, _("rule version %lld is "
			    "missing"), (long long)version);
		if (rc != DB_ROW)
			return store_fail(s, e, "rule terms");
	}
	if (k != NULL)
		snprintf(out, n, "%s", k->terms);
	return 0;
}

static void
read_incident(db_stmt *st, int c, struct incident *in)
{
	memset(in, 0, sizeof *in);
	in->id = db_column_int64(st, c + 0);
	store_name_col(st, c + 1, in->rule, sizeof in->rule);
	in->rule_version = db_column_int64(st, c + 2);
	store_name_col(st, c + 3, in->staff, sizeof in->staff);
	store_name_col(st, c + 4, in->grp, sizeof in->grp);
	store_name_col(st, c + 5, in->seat, sizeof in->seat);
	in->at = db_column_int64(st, c + 6);
	store_day_col(st, c + 7, in->day);
	in->offence = db_column_int(st, c + 8);
	in->amount = db_column_type(st, c + 9) == DB_NULL ? -1 :
	    db_column_int64(st, c + 9);
	store_text_col(st, c + 10, in->note, sizeof in->note);
	store_name_col(st, c + 11, in->marked_by, sizeof in->marked_by);
	in->marked_at = db_column_int64(st, c + 12);
	in->voided_at = db_column_int64(st, c + 13);
	store_name_col(st, c + 14, in->voided_by, sizeof in->voided_by);
	store_text_col(st, c + 15, in->void_reason, sizeof in->void_reason);
}

int
store_incident_add(struct store *s, struct incident *in, struct err *e)
{
	int64_t rule, staff, grp, seat, by;
	db_stmt *st;

	/* The names first: their statements are others than this one. */
	if (store_name_id(s, in->rule, true, &rule, e) < 0 ||
	    store_name_id(s, in->staff, false, &staff, e) < 0 ||
	    store_name_id(s, in->grp, true, &grp, e) < 0 ||
	    store_name_id(s, in->seat, false, &seat, e) < 0 ||
	    store_name_id(s, in->marked_by, true, &by, e) < 0)
		return -1;
	if ((st = prep(s, Q_INCIDENT_ADD, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, rule);
	db_bind_int64(st, 2, in->rule_version);
	if (staff != 0)
		db_bind_int64(st, 3, staff);
	db_bind_int64(st, 4, grp);
	if (seat != 0)
		db_bind_int64(st, 5, seat);
	db_bind_int64(st, 6, in->at);
	db_bind_int64(st, 7, store_day_num(in->day, false));
	db_bind_int(st, 8, in->offence);
	if (in->amount >= 0)
		db_bind_int64(st, 9, in->amount);
	store_bind_opt(st, 10, in->note);
	db_bind_int64(st, 11, by);
	if (in->marked_at != in->at)
		db_bind_int64(st, 12, in->marked_at);
	if (store_run(s, st, e, "adding an incident") < 0)
		return -1;
	in->id = db_last_id(s);
	return 0;
}

static void incident_row(db_stmt *st, void *row);

/* Steps a statement that returns at most one incident. */
static int
one_incident(struct store *s, db_stmt *st, struct incident *out,
    struct err *e)
{
	db_binary(st);
	return store_row(s, st, incident_row, out, e, "reading an incident");
}

int
store_incident_get(struct store *s, int64_t id, struct incident *out,
    struct err *e)
{
	db_stmt *st = prep(s, Q_INCIDENT_GET, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	return one_incident(s, st, out, e);
}

int
store_last_marked(struct store *s, const char *login, struct incident *out,
    struct err *e)
{
	db_stmt *st;
	int64_t by;
	int rc;

	if ((rc = store_name_find(s, login, &by, e)) != 0)
		return rc;		/* -1, or 1: no mark was ever made so */
	if ((st = prep(s, Q_LAST_MARKED, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, by);
	return one_incident(s, st, out, e);
}

int
store_incident_void(struct store *s, int64_t id, const char *by, int64_t at,
    const char *reason, struct err *e)
{
	int64_t who;
	db_stmt *st;

	if (store_name_id(s, by, true, &who, e) < 0 ||
	    (st = prep(s, Q_INCIDENT_VOID, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	db_bind_int64(st, 3, who);
	db_bind_text(st, 4, reason, -1, DB_STATIC);
	if (store_run(s, st, e, "voiding an incident") < 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_incident_set_offence(struct store *s, int64_t id, int offence,
    struct err *e)
{
	db_stmt *st = prep(s, Q_INCIDENT_OFFENCE, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int(st, 2, offence);
	return store_run(s, st, e, "renumbering an incident");
}

static void
incident_row(db_stmt *st, void *row)
{
	read_incident(st, 0, row);
}

/* Collects every incident row a prepared, bound statement returns. */
static int
many_incidents(struct store *s, db_stmt *st, struct incident **out,
    int *n, struct err *e)
{
	void *rows;
	int rc;

	db_binary(st);
	rc = store_rows(s, st, sizeof **out, incident_row, &rows, n, e,
	    "reading incidents");
	*out = rows;
	return rc;
}

int
store_offences(struct store *s, const char *staff, const char *rule,
    const char *from, const char *to, struct incident **out, int *n,
    struct err *e)
{
	int64_t who, code;
	db_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_name_find(s, staff, &who, e)) != 0 ||
	    (rc = store_name_find(s, rule, &code, e)) != 0)
		return rc < 0 ? -1 : 0;	/* a name never used: none */
	if ((st = prep(s, Q_OFFENCES, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, who);
	db_bind_int64(st, 2, code);
	db_bind_int64(st, 3, store_day_num(from, false));
	db_bind_int64(st, 4, store_day_num(to, true));
	return many_incidents(s, st, out, n, e);
}

static int
by_at_id(const void *a, const void *b)
{
	const struct incident *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

int
store_incidents(struct store *s, const char *from, const char *to,
    const char *staff, struct incident **out, int *n, struct err *e)
{
	int64_t who = 0;
	db_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (staff && (rc = store_name_find(s, staff, &who, e)) != 0)
		return rc < 0 ? -1 : 0;
	if ((st = prep(s, staff ? Q_INCIDENTS_STAFF : Q_INCIDENTS, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, store_day_num(from, false));
	db_bind_int64(st, 2, store_day_num(to, true));
	if (staff)
		db_bind_int64(st, 3, who);
	rc = many_incidents(s, st, out, n, e);
	if (rc == 0 && !staff && *n > 1)
		qsort(*out, (size_t)*n, sizeof **out, by_at_id);
	return rc;
}

static void
recent_row(db_stmt *st, void *row)
{
	struct recent *r = row;

	read_incident(st, 0, &r->in);
	r->own = db_column_type(st, 16) == DB_NULL ? -1 :
	    db_column_int64(st, 16);
}

int
store_recent(struct store *s, const char *day, int limit, struct recent **out,
    int *n, struct err *e)
{
	db_stmt *st = prep(s, Q_RECENT, e);
	void *rows;
	int rc;

	if (st == NULL)
		return -1;
	db_binary(st);
	db_bind_int64(st, 1, store_day_num(day, false));
	db_bind_int(st, 2, limit);
	rc = store_rows(s, st, sizeof **out, recent_row, &rows, n, e,
	    "reading recent incidents");
	*out = rows;
	return rc;
}

int
store_fine_add(struct store *s, const struct fine_row *f, struct err *e)
{
	int64_t staff, grp, role;
	db_stmt *st;

	if (store_name_id(s, f->staff, false, &staff, e) < 0 ||
	    store_name_id(s, f->grp, true, &grp, e) < 0 ||
	    store_name_id(s, f->role, true, &role, e) < 0 ||
	    (st = prep(s, Q_FINE_ADD, e)) == NULL)
		return -1;
	db_bind_int64(st, 1, f->incident);
	if (staff != 0)
		db_bind_int64(st, 2, staff);
	db_bind_int64(st, 3, grp);
	db_bind_int64(st, 4, role);
	db_bind_int(st, 5, f->own);
	db_bind_int64(st, 6, f->amount);
	db_bind_int(st, 7, f->doubled);
	return store_run(s, st, e, "adding a fine");
}

int
store_fine_set_own(struct store *s, int64_t incident, fen_t amount, int doubled,
    struct err *e)
{
	db_stmt *st = prep(s, Q_FINE_SET_OWN, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, incident);
	db_bind_int64(st, 2, amount);
	db_bind_int(st, 3, doubled);
	return store_run(s, st, e, "re-pricing a fine");
}

static void
read_fine(db_stmt *st, int c, struct fine_row *f)
{
	memset(f, 0, sizeof *f);
	f->id = db_column_int64(st, c + 0);
	f->incident = db_column_int64(st, c + 1);
	store_name_col(st, c + 2, f->staff, sizeof f->staff);
	store_name_col(st, c + 3, f->grp, sizeof f->grp);
	store_name_col(st, c + 4, f->role, sizeof f->role);
	f->own = db_column_int(st, c + 5);
	f->amount = db_column_int64(st, c + 6);
	f->doubled = db_column_int(st, c + 7);
}

static void
fine_row(db_stmt *st, void *row)
{
	read_fine(st, 0, row);
}

int
store_fines_of(struct store *s, int64_t incident, struct fine_row **out, int *n,
    struct err *e)
{
	db_stmt *st = prep(s, Q_FINES_OF, e);
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, incident);
	rc = store_rows(s, st, sizeof **out, fine_row, &rows, n, e,
	    "reading fines");
	*out = rows;
	return rc;
}

static void
fine_total_row(db_stmt *st, void *row)
{
	struct fine_total *t = row;

	store_name_col(st, 0, t->staff, sizeof t->staff);
	t->own = db_column_int64(st, 1);
	t->co = db_column_int64(st, 2);
}

static int
by_staff(const void *a, const void *b)
{
	return strcmp(((const struct fine_total *)a)->staff,
	    ((const struct fine_total *)b)->staff);
}

/* Runs st (?1 and ?2 the days from and to) into rows; binary when its
 * columns are integers and text (db_binary), not sums. */
static int
day_rows(struct store *s, db_stmt *st, bool binary, const char *from,
    const char *to, size_t size, void (*read)(db_stmt *st, void *row),
    void **out, int *n, struct err *e, const char *what)
{
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	if (binary)
		db_binary(st);
	db_bind_int64(st, 1, store_day_num(from, false));
	db_bind_int64(st, 2, store_day_num(to, true));
	return store_rows(s, st, size, read, out, n, e, what);
}

int
store_fine_totals(struct store *s, const char *from, const char *to,
    struct fine_total **out, int *n, struct err *e)
{
	void *rows;
	int rc = day_rows(s, prep(s, Q_FINE_TOTALS, e), false, from, to,
	    sizeof **out, fine_total_row, &rows, n, e, "summing fines");

	if (rc == 0 && *n > 1)
		qsort(rows, (size_t)*n, sizeof **out, by_staff);
	*out = rows;
	return rc;
}

int
store_fines_between(struct store *s, const char *from, const char *to,
    struct fine_row **out, int *n, struct err *e)
{
	/* PostgreSQL's fine lines carry their day (schema 10): read by its
	 * index, where the day's incidents' lines were looked up one by
	 * one. */
	db_stmt *st = store_cached(s, Q_FINES_BETWEEN, db_dialect(s, "SELECT "
	    FINE_COLS " FROM fine_row f WHERE f.incident IN (SELECT id FROM "
	    "incident_row WHERE day BETWEEN ?1 AND ?2) ORDER BY f.incident, "
	    "f.own DESC, f.id", "SELECT " FINE_COLS " FROM fine_row f WHERE "
	    "f.day BETWEEN ?1 AND ?2 ORDER BY f.incident, f.own DESC, f.id"), e);
	void *rows;
	int rc = day_rows(s, st, true, from, to, sizeof **out, fine_row, &rows,
	    n, e, "reading fines");

	*out = rows;
	return rc;
}

static void
fine_line_row(db_stmt *st, void *row)
{
	struct fine_line *l = row;

	read_fine(st, 0, &l->f);
	read_incident(st, 8, &l->in);
}

int
store_fine_lines(struct store *s, const char *from, const char *to,
    struct fine_line **out, int *n, struct err *e)
{
	void *rows;
	int rc = day_rows(s, prep(s, Q_FINE_LINES, e), true, from, to,
	    sizeof **out, fine_line_row, &rows, n, e, "reading fine lines");

	*out = rows;
	return rc;
}

static void
read_custody(db_stmt *st, struct custody *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_column_int64(st, 0);
	c->incident = db_column_int64(st, 1);
	store_text_col(st, 2, c->staff, sizeof c->staff);
	store_text_col(st, 3, c->seat, sizeof c->seat);
	store_text_col(st, 4, c->item, sizeof c->item);
	c->taken_at = db_column_int64(st, 5);
	store_text_col(st, 6, c->kept_by, sizeof c->kept_by);
	c->returned_at = db_column_int64(st, 7);
	store_text_col(st, 8, c->returned_by, sizeof c->returned_by);
}

static void
custody_row(db_stmt *st, void *row)
{
	read_custody(st, row);
}

int
store_custody_add(struct store *s, struct custody *c, struct err *e)
{
	db_stmt *st = prep(s, Q_CUSTODY_ADD, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, c->incident);
	db_bind_text(st, 2, c->staff, -1, DB_STATIC);
	store_bind_opt(st, 3, c->seat);
	db_bind_text(st, 4, c->item, -1, DB_STATIC);
	db_bind_int64(st, 5, c->taken_at);
	db_bind_text(st, 6, c->kept_by, -1, DB_STATIC);
	if (store_run(s, st, e, "recording custody") < 0)
		return -1;
	c->id = db_last_id(s);
	return 0;
}

int
store_custody_get(struct store *s, int64_t id, struct custody *out,
    struct err *e)
{
	db_stmt *st = prep(s, Q_CUSTODY_GET, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	return store_row(s, st, custody_row, out, e, "reading custody");
}

int
store_custody_return(struct store *s, int64_t id, const char *by, int64_t at,
    struct err *e)
{
	db_stmt *st = prep(s, Q_CUSTODY_RETURN, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	db_bind_text(st, 3, by, -1, DB_STATIC);
	if (store_run(s, st, e, "returning an item") < 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_custody_held(struct store *s, struct custody **out, int *n, struct err *e)
{
	db_stmt *st = prep(s, Q_CUSTODY_HELD, e);
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	rc = store_rows(s, st, sizeof **out, custody_row, &rows, n, e,
	    "reading custody");
	*out = rows;
	return rc;
}

int
store_inspection_add(struct store *s, const char *seat, const char *staff,
    const char *day, int64_t at, const char *by, struct err *e)
{
	db_stmt *st = prep(s, Q_INSPECTION_ADD, e);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, seat, -1, DB_STATIC);
	store_bind_opt(st, 2, staff);
	db_bind_text(st, 3, day, -1, DB_STATIC);
	db_bind_int64(st, 4, at);
	db_bind_text(st, 5, by, -1, DB_STATIC);
	return store_run(s, st, e, "recording an inspection");
}

int64_t
store_last_id(struct store *s)
{
	return db_last_id(s);
}

int
store_inspection_void(struct store *s, int64_t id, const char *by, int64_t at,
    struct err *e)
{
	db_stmt *st = prep(s, Q_INSPECTION_VOID, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, at);
	db_bind_text(st, 3, by, -1, DB_STATIC);
	if (store_run(s, st, e, "undoing an inspection") < 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

int
store_custody_unreturn(struct store *s, int64_t id, struct err *e)
{
	db_stmt *st = prep(s, Q_CUSTODY_UNRETURN, e);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	if (store_run(s, st, e, "undoing a return") < 0)
		return -1;
	return db_changes(s) == 1 ? 0 : 1;
}

static void
inspected_row(db_stmt *st, void *row)
{
	store_text_col(st, 0, row, STORE_ID);
}

int
store_inspected(struct store *s, const char *day, char (**out)[STORE_ID],
    int *n, struct err *e)
{
	db_stmt *st = prep(s, Q_INSPECTED, e);
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, day, -1, DB_STATIC);
	rc = store_rows(s, st, sizeof **out, inspected_row, &rows, n, e,
	    "reading inspections");
	*out = rows;
	return rc;
}

int
store_custody_held_at(struct store *s, int64_t at, struct custody **out,
    int *n, struct err *e)
{
	static const char q[] = "SELECT " CUSTODY_COLS " FROM custody WHERE "
	    "taken_at <= ?1 AND (returned_at IS NULL OR returned_at > ?1) "
	    "ORDER BY taken_at, id";
	db_stmt *st;
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(s, q, &st) != DB_OK)
		return store_fail(s, e, "prepare");
	db_bind_int64(st, 1, at);
	rc = store_rows(s, st, sizeof **out, custody_row, &rows, n, e,
	    "reading custody");
	*out = rows;
	db_finalize(st);
	return rc;
}

int
store_voided_between(struct store *s, int64_t from, int64_t to,
    struct incident **out, int *n, struct err *e)
{
	static const char q[] = "SELECT " INCIDENT_COLS " FROM incident_row i "
	    "WHERE i.voided_at BETWEEN ?1 AND ?2 ORDER BY i.voided_at, i.id";
	db_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(s, q, &st) != DB_OK)
		return store_fail(s, e, "prepare");
	db_bind_int64(st, 1, from);
	db_bind_int64(st, 2, to);
	rc = many_incidents(s, st, out, n, e);
	db_finalize(st);
	return rc;
}

