/*
 * stmt.c - the statement API of db/ (store_internal.h) on its two
 * backends.  On SQLite each call is the sqlite3_* call of the same name.
 * On PostgreSQL a statement keeps its SQL with ?N turned into $N, its
 * parameters as text, and the PGresult of its one execution, which the
 * first db_step sends and the later steps walk.  A kept statement's
 * first run is PQexecParams, like any other: one round trip, where
 * preparing first would be two, and most kept statements of a command
 * run once.  From its second run on it is prepared (once per connection)
 * and run by PQexecPrepared.
 */
#include "store.h"
#include "store_internal.h"

#include <endian.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db_stmt {
	struct store *s;
	sqlite3_stmt *lite;		/* SQLite */
	char *sql;			/* PG: the text with $N */
	char name[16];			/* PG: its prepared name, or "" */
	int gen;			/* PG: the connection it was prepared on,
					 * 0 none yet */
	bool used;			/* PG: a kept one has run once */
	bool binary;			/* PG: results sent binary (db_binary) */
	int nparams;
	char **vals;			/* PG: the parameters (NULL: SQL NULL) */
	Oid *types;			/* PG: 0 (inferred), or text when unused */
	PGresult *res;			/* PG: the rows of this execution */
	int row, nrows;
	bool ran;
};

bool
store_is_pg(const char *path)
{
	return store_is_remote(path);
}

/*
 * SQLite's ?N and ? placeholders as PostgreSQL's $N, outside quotes and
 * comments; *n the highest number.
 */
static char *
translate(const char *q, int *n, bool **used)
{
	struct buf b = { 0 };
	const char *p = q;
	int next = 1;

	*n = 0;
	*used = NULL;
	while (*p) {
		if (*p == '\'' || *p == '"') {
			const char *end = strchr(p + 1, *p);

			end = end ? end + 1 : p + strlen(p);
			buf_add(&b, p, (size_t)(end - p));
			p = end;
		} else if (p[0] == '-' && p[1] == '-') {
			const char *end = strchr(p, '\n');

			end = end ? end : p + strlen(p);
			buf_add(&b, p, (size_t)(end - p));
			p = end;
		} else if (*p == '?') {
			int k;

			p++;
			if (*p >= '0' && *p <= '9') {
				k = (int)strtol(p, (char **)&p, 10);
			} else
				k = next;
			next = k + 1;
			if (k > *n) {
				*used = xrealloc(*used, (size_t)k * sizeof **used);
				memset(*used + *n, 0, (size_t)(k - *n) * sizeof **used);
				*n = k;
			}
			(*used)[k - 1] = true;
			buf_printf(&b, "$%d", k);
		} else {
			buf_add(&b, p, 1);
			p++;
		}
	}
	if (b.s == NULL)
		buf_puts(&b, "");
	return b.s;
}

/* Keeps the error of res (or of the connection) for store_fail. */
void
store_pg_keep(struct store *s, const PGresult *res)
{
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) :
	    NULL;
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	size_t len;

	if (m == NULL || *m == '\0')
		m = res ? PQresultErrorMessage(res) : NULL;
	if (m == NULL || *m == '\0')
		m = PQerrorMessage(s->pg);
	free(s->pg_error);
	s->pg_error = xstrdup(m && *m ? m : "unknown error");
	len = strlen(s->pg_error);
	while (len > 0 && (s->pg_error[len - 1] == '\n' ||
	    s->pg_error[len - 1] == ' '))
		s->pg_error[--len] = '\0';
	snprintf(s->pg_state, sizeof s->pg_state, "%s", st ? st : "");
}

/* PQprepare of a kept statement, on the connection in use. */
static int
pg_prepare(db_stmt *st)
{
	PGresult *r;

	r = PQprepare(st->s->pg, st->name, st->sql, st->nparams, st->types);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		/* Not prepared (in a failed transaction, say): the next run
		 * tries again, and nothing is deallocated. */
		store_pg_keep(st->s, r);
		PQclear(r);
		return DB_ERROR;
	}
	PQclear(r);
	st->gen = st->s->pg_gen;
	return DB_OK;
}

static int
pg_new(struct store *s, const char *sql, bool kept, db_stmt **out)
{
	db_stmt *st = xcalloc(1, sizeof *st);

	bool *used;
	int i;

	st->s = s;
	st->sql = translate(sql, &st->nparams, &used);
	if (st->nparams > 0) {
		st->vals = xcalloc((size_t)st->nparams, sizeof *st->vals);
		/* A number the SQL skips (?2 without ?1) is text, or PostgreSQL
		 * cannot tell its type. */
		st->types = xcalloc((size_t)st->nparams, sizeof *st->types);
		for (i = 0; i < st->nparams; i++)
			st->types[i] = used[i] ? 0 : 25;	/* TEXTOID */
	}
	free(used);
	if (kept)
		snprintf(st->name, sizeof st->name, "cf%d", ++s->pg_named);
	*out = st;
	return DB_OK;
}

static int
prepare(struct store *s, const char *sql, bool kept, db_stmt **out)
{
	sqlite3_stmt *lite = NULL;
	int rc;

	if (s->pg != NULL)
		return pg_new(s, sql, kept, out);
	rc = sqlite3_prepare_v3(s->db, sql, -1, kept ?
	    SQLITE_PREPARE_PERSISTENT : 0, &lite, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(lite);
		*out = NULL;
		return rc;
	}
	*out = xcalloc(1, sizeof **out);
	(*out)->s = s;
	(*out)->lite = lite;
	return DB_OK;
}

int
db_prepare(struct store *s, const char *sql, db_stmt **out)
{
	return prepare(s, sql, false, out);
}

int
db_prepare_kept(struct store *s, const char *sql, db_stmt **out)
{
	return prepare(s, sql, true, out);
}

static void
pg_set(db_stmt *st, int i, char *v)
{
	if (i < 1 || i > st->nparams) {
		free(v);
		return;
	}
	free(st->vals[i - 1]);
	st->vals[i - 1] = v;
}

int
db_bind_text(db_stmt *st, int i, const char *v, int n, int how)
{
	if (st->lite != NULL)
		return sqlite3_bind_text(st->lite, i, v, n, how == DB_STATIC ?
		    SQLITE_STATIC : SQLITE_TRANSIENT);
	if (v == NULL)
		pg_set(st, i, NULL);
	else
		pg_set(st, i, n < 0 ? xstrdup(v) : xasprintf("%.*s", n, v));
	return DB_OK;
}

int
db_bind_int64(db_stmt *st, int i, int64_t v)
{
	if (st->lite != NULL)
		return sqlite3_bind_int64(st->lite, i, v);
	pg_set(st, i, xasprintf("%lld", (long long)v));
	return DB_OK;
}

int
db_bind_int(db_stmt *st, int i, int v)
{
	return db_bind_int64(st, i, v);
}

int
db_bind_null(db_stmt *st, int i)
{
	if (st->lite != NULL)
		return sqlite3_bind_null(st->lite, i);
	pg_set(st, i, NULL);
	return DB_OK;
}

/* Types a statement read binary may return: the integers (int2, int4,
 * int8, boolean), whose binary forms pg_binary reads, and text and
 * varchar, whose binary form is their text. */
static bool
pg_binary_type(Oid t)
{
	return t == 16 || t == 20 || t == 21 || t == 23 || t == 25 ||
	    t == 1043;
}

static bool
pg_binary_ok(db_stmt *st)
{
	int i;

	for (i = 0; i < PQnfields(st->res); i++) {
		Oid t = PQftype(st->res, i);

		if (!pg_binary_type(t)) {
			free(st->s->pg_error);
			st->s->pg_error = xasprintf("column %d of a statement "
			    "read binary has type %u", i + 1, (unsigned)t);
			st->s->pg_state[0] = '\0';
			return false;
		}
	}
	return true;
}

/* The first step of a PostgreSQL statement: one round trip. */
static int
pg_run(db_stmt *st, bool retried)
{
	struct store *s = st->s;
	ExecStatusType t;
	const char *cmd;

	st->ran = true;
	st->row = -1;
	st->nrows = 0;
	if (PQstatus(s->pg) != CONNECTION_OK && store_pg_reconnect(s) < 0) {
		store_pg_keep(s, NULL);
		return DB_ERROR;
	}
	/* A kept statement is prepared at its second run, and again on a
	 * new connection. */
	if (st->name[0] && st->used && st->gen != s->pg_gen &&
	    pg_prepare(st) != DB_OK)
		return DB_ERROR;
	if (st->name[0] && st->used)
		st->res = PQexecPrepared(s->pg, st->name, st->nparams,
		    (const char *const *)st->vals, NULL, NULL, st->binary);
	else
		st->res = PQexecParams(s->pg, st->sql, st->nparams, st->types,
		    (const char *const *)st->vals, NULL, NULL, st->binary);
	t = PQresultStatus(st->res);
	st->used = true;
	/* The server went away since: outside a transaction, a read is
	 * simply sent again on a new connection. */
	if (t == PGRES_FATAL_ERROR && PQstatus(s->pg) != CONNECTION_OK &&
	    s->depth == 0 && !retried && store_pg_reconnect(s) == 0) {
		PQclear(st->res);
		st->res = NULL;
		return pg_run(st, true);
	}
	if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
		store_pg_keep(s, st->res);
		PQclear(st->res);
		st->res = NULL;
		/* Class 23: integrity constraint violation. */
		return strncmp(s->pg_state, "23", 2) == 0 ? DB_CONSTRAINT :
		    DB_ERROR;
	}
	cmd = PQcmdStatus(st->res);
	if (strncmp(cmd, "INSERT", 6) == 0 || strncmp(cmd, "UPDATE", 6) == 0 ||
	    strncmp(cmd, "DELETE", 6) == 0)
		s->changes = strtoll(PQcmdTuples(st->res), NULL, 10);
	st->nrows = t == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
	if (st->binary && !pg_binary_ok(st)) {
		PQclear(st->res);
		st->res = NULL;
		st->nrows = 0;
		return DB_ERROR;
	}
	return DB_OK;
}

int
db_step(db_stmt *st)
{
	int rc;

	if (st->lite != NULL)
		return sqlite3_step(st->lite);
	if (!st->ran && (rc = pg_run(st, false)) != DB_OK)
		return rc;
	if (st->res == NULL)
		return DB_DONE;
	if (st->row + 1 < st->nrows) {
		st->row++;
		return DB_ROW;
	}
	st->row = st->nrows;
	return DB_DONE;
}

int
db_reset(db_stmt *st)
{
	if (st->lite != NULL)
		return sqlite3_reset(st->lite);
	PQclear(st->res);
	st->res = NULL;
	st->ran = false;
	return DB_OK;
}

int
db_clear_bindings(db_stmt *st)
{
	int i;

	if (st->lite != NULL)
		return sqlite3_clear_bindings(st->lite);
	for (i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
	return DB_OK;
}

int
db_finalize(db_stmt *st)
{
	int rc = DB_OK;

	if (st == NULL)
		return DB_OK;
	if (st->lite != NULL)
		rc = sqlite3_finalize(st->lite);
	else {
		db_reset(st);
		db_clear_bindings(st);
		free(st->vals);
		free(st->types);
		free(st->sql);
		if (st->name[0] && st->s->pg != NULL && st->gen == st->s->pg_gen &&
		    PQstatus(st->s->pg) == CONNECTION_OK) {
			char *q = xasprintf("DEALLOCATE %s", st->name);

			PQclear(PQexec(st->s->pg, q));
			free(q);
		}
	}
	free(st);
	return rc;
}

/* Column i of the current row is there (libpq would print a notice of
 * one out of range). */
static bool
pg_cell(db_stmt *st, int i)
{
	return st->res != NULL && st->row >= 0 && st->row < st->nrows &&
	    i >= 0 && i < PQnfields(st->res);
}

static const char *
pg_value(db_stmt *st, int i)
{
	if (!pg_cell(st, i) || PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

void
db_binary(db_stmt *st)
{
	st->binary = st->lite == NULL;
}

/* A binary integer column: big-endian, as wide as its type (a boolean
 * one byte). */
static int64_t
pg_binary(const char *v, int len)
{
	uint64_t u64;
	uint32_t u32;
	uint16_t u16;

	switch (len) {
	case 8:
		memcpy(&u64, v, 8);
		return (int64_t)be64toh(u64);
	case 4:
		memcpy(&u32, v, 4);
		return (int32_t)be32toh(u32);
	case 2:
		memcpy(&u16, v, 2);
		return (int16_t)be16toh(u16);
	case 1:
		return (unsigned char)v[0];
	default:
		return 0;
	}
}

int64_t
db_column_int64(db_stmt *st, int i)
{
	const char *v;

	if (st->lite != NULL)
		return sqlite3_column_int64(st->lite, i);
	/* Binary: a NULL has length 0, as no integer has. */
	if (st->binary)
		return pg_cell(st, i) ? pg_binary(PQgetvalue(st->res, st->row, i),
		    PQgetlength(st->res, st->row, i)) : 0;
	if ((v = pg_value(st, i)) == NULL)
		return 0;
	/* A boolean (a comparison) reads as SQLite's 1 or 0. */
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);
}

int
db_column_int(db_stmt *st, int i)
{
	return (int)db_column_int64(st, i);
}

const unsigned char *
db_column_text(db_stmt *st, int i)
{
	if (st->lite != NULL)
		return sqlite3_column_text(st->lite, i);
	return (const unsigned char *)pg_value(st, i);
}

int
db_column_type(db_stmt *st, int i)
{
	if (st->lite != NULL)
		return sqlite3_column_type(st->lite, i);
	return pg_value(st, i) == NULL ? DB_NULL : DB_TEXT;
}

struct store *
db_store(db_stmt *st)
{
	return st->s;
}

int64_t
db_changes(struct store *s)
{
	if (s->pg == NULL)
		return sqlite3_changes(s->db);
	return s->changes;
}

int64_t
db_last_id(struct store *s)
{
	PGresult *r;
	int64_t v = 0;

	if (s->pg == NULL)
		return sqlite3_last_insert_rowid(s->db);
	r = PQexec(s->pg, "SELECT lastval()");
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

bool
db_autocommit(struct store *s)
{
	if (s->pg == NULL)
		return sqlite3_get_autocommit(s->db) != 0;
	return PQtransactionStatus(s->pg) == PQTRANS_IDLE;
}

int
db_exec_sql(struct store *s, const char *sql)
{
	PGresult *r;
	ExecStatusType t;

	if (s->pg == NULL)
		return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (PQstatus(s->pg) != CONNECTION_OK && store_pg_reconnect(s) < 0) {
		store_pg_keep(s, NULL);
		return DB_ERROR;
	}
	r = PQexec(s->pg, sql);
	t = PQresultStatus(r);
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		store_pg_keep(s, r);
		PQclear(r);
		return DB_ERROR;
	}
	PQclear(r);
	return DB_OK;
}

const char *
db_dialect(struct store *s, const char *a, const char *pg)
{
	return s->pg != NULL ? pg : a;
}

/* ---- the shared helpers of the db/ modules (store_internal.h) ---- */

void
store_text_col(db_stmt *st, int i, char *out, size_t n)
{
	const char *v = (const char *)db_column_text(st, i);
	size_t len = v ? strlen(v) : 0;

	/* What snprintf "%s" would write, without its cost on every
	 * column of every row. */
	if (len >= n)
		len = n - 1;
	if (len > 0)
		memcpy(out, v, len);
	out[len] = '\0';
}

void
store_bind_opt(db_stmt *st, int i, const char *v)
{
	if (v == NULL || v[0] == '\0')
		db_bind_null(st, i);
	else
		db_bind_text(st, i, v, -1, DB_TRANSIENT);
}

int
store_write_done(struct store *s, db_stmt *st, struct err *e,
    const char *what)
{
	int rc = db_step(st);

	if (rc != DB_DONE)
		store_fail(s, e, what);
	db_finalize(st);
	if (rc == DB_DONE)
		return 0;
	return rc == DB_CONSTRAINT ? 1 : -1;
}

int
store_row(struct store *s, db_stmt *st,
    void (*read)(db_stmt *st, void *row), void *row, struct err *e,
    const char *what)
{
	int rc = db_step(st);

	if (rc == DB_ROW)
		read(st, row);
	db_reset(st);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : store_fail(s, e, what);
}
