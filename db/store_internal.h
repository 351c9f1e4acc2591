/*
 * store_internal.h - for the other files of db/ only: the connection, the
 * statement API and the error mapping, so each db/ module keeps its own SQL.
 *
 * Two backends sit behind it: SQLite (db/store.c, a thin layer over
 * sqlite3_*) and PostgreSQL through libpq (db/store_pg.c).  The db/
 * modules speak only the db_* statement API below, whose calls mirror
 * SQLite's (db_step returns DB_ROW, DB_DONE, DB_CONSTRAINT or another
 * code); the SQL text is the same on both wherever both dialects accept
 * it, with ?N placeholders (translated to $N for PostgreSQL).
 */
#ifndef CALLFLOOR_STORE_INTERNAL_H
#define CALLFLOOR_STORE_INTERNAL_H

#include <sqlite3.h>
#include <sys/types.h>

#include "store.h"

struct pg_conn;
struct pg_result;
typedef struct db_stmt db_stmt;

/* The results and codes of the statement API (SQLite's values). */
#define DB_OK		0
#define DB_ERROR	1
#define DB_CONSTRAINT	19
#define DB_ROW		100
#define DB_DONE		101
#define DB_INTEGER	1
#define DB_TEXT		3
#define DB_NULL		5
/* How db_bind_text keeps its text: DB_STATIC while the statement runs
 * (the caller's buffer outlives it), DB_TRANSIENT copied now. */
#define DB_STATIC	0
#define DB_TRANSIENT	1

/* The statements kept prepared for the connection: see enum stmt. */
#define STORE_CACHE 64

struct store {
	sqlite3 *db;			/* SQLite: the connection; NULL on PG */
	struct pg_conn *pg;		/* PostgreSQL: the connection */
	char *path;
	char *floor;			/* PG: the floor's id (its rows) */
	bool readonly;
	bool nocreate;			/* an empty file is not ours to fill */
	bool patient;			/* opening: wait for a busy database */
	time_t busy_since;		/* when the last wait for a lock began */
	int64_t found_version;		/* the schema found at open (0: new) */
	int depth;			/* write transactions begun, not ended */
	bool doomed;			/* an inner one rolled back */
	const char *txn_file;		/* where the outermost began */
	int txn_line;
	dev_t wal_dev;			/* the -wal file opened with the database */
	ino_t wal_ino;			/* (0: none), to tell when it is replaced */
	struct timespec busy_start;
	db_stmt *st[STORE_CACHE];
	/* PostgreSQL only */
	int64_t changes;		/* rows the last write changed */
	int64_t notes;			/* change notifications received */
	char *pg_error;			/* the last error's message */
	char pg_state[6];		/* and its SQLSTATE */
	char *begin_sql;		/* BEGIN and the floor's write lock */
	int pg_named;			/* prepared statements made */
	int pg_gen;			/* connections made (1 the first) */
	bool console;			/* opened by the console (patient) */
	time_t pg_retry;		/* when a reconnect was last tried */
	bool pg_unset;			/* reconnected, the floor not yet set */
	struct names *names;		/* db/names.c's copy of the names */
	struct kept_terms *terms;	/* rule versions' terms read so far */
	int nterms;
	bool terms_read;		/* all of the floor's, once */
};

/* Which backend a database string names: true for a PostgreSQL URI
 * (postgresql://, postgres://) or a libpq service (service=NAME). */
bool store_is_pg(const char *path);

/* ---- PostgreSQL's connection (db/store_pg.c) ---- */

/* Connects s (path, flags set) to its database and floor, creating the
 * schema or adding the floor when flags allow: 0, or -1 with e set. */
int store_pg_open(struct store *s, struct err *e);
void store_pg_close(struct store *s);
/* Sets e from the connection's last error and returns -1. */
int store_pg_error(struct store *s, struct err *e, const char *what);
/* The change counter (notifications of this floor); -1 while the server
 * cannot be reached. */
int64_t store_pg_version(struct store *s);
/* Connects again after the server went away, at most once a second and
 * never inside a transaction (the server dropped it: nothing of it was
 * written).  0 when connected. */
int store_pg_reconnect(struct store *s);
/* Keeps the error of res (or the connection's, res NULL) for
 * store_fail. */
void store_pg_keep(struct store *s, const struct pg_result *res);
/* COMMIT, which PostgreSQL turns into a ROLLBACK when a statement of the
 * transaction failed: 0 only when it committed. */
int store_pg_commit(struct store *s, struct err *e);
/* Before a write: connected (again), or -1 with e set. */
int store_pg_ready(struct store *s, struct err *e);

/* ---- the statement API (db/stmt.c) ---- */

/* A statement of sql; DB_OK, or another code with the error kept for
 * store_fail. */
int db_prepare(struct store *s, const char *sql, db_stmt **out);
/* The same, kept for the connection's life (PostgreSQL: PQprepare once,
 * at its second run). */
int db_prepare_kept(struct store *s, const char *sql, db_stmt **out);
/* Every column st returns is an integer, a boolean or text: PostgreSQL
 * sends them binary, which a month's hundred thousand rows read much
 * faster than as text.  Integers are read by db_column_int64 and _int,
 * text by db_column_text only.  Nothing on SQLite. */
void db_binary(db_stmt *st);
int db_bind_text(db_stmt *st, int i, const char *v, int n, int how);
int db_bind_int64(db_stmt *st, int i, int64_t v);
int db_bind_int(db_stmt *st, int i, int v);
int db_bind_null(db_stmt *st, int i);
int db_step(db_stmt *st);
int db_reset(db_stmt *st);
int db_clear_bindings(db_stmt *st);
int db_finalize(db_stmt *st);
int64_t db_column_int64(db_stmt *st, int i);
/* The connection st was prepared on. */
struct store *db_store(db_stmt *st);
int db_column_int(db_stmt *st, int i);
const unsigned char *db_column_text(db_stmt *st, int i);
int db_column_type(db_stmt *st, int i);
/* Rows the last INSERT, UPDATE or DELETE changed; the id the last INSERT
 * added; whether no transaction is open. */
int64_t db_changes(struct store *s);
int64_t db_last_id(struct store *s);
bool db_autocommit(struct store *s);
/* Runs sql (several statements; no parameters, no rows): DB_OK or not. */
int db_exec_sql(struct store *s, const char *sql);
/* The SQL for this connection's dialect: a where both agree, else
 * pg on PostgreSQL. */
const char *db_dialect(struct store *s, const char *a, const char *pg);

/* The SQLite connection, NULL on PostgreSQL (the backup copy only). */
sqlite3 *store_sqlite(struct store *s);
/* "not on PostgreSQL": what (e.g. "backup") needs an SQLite store. */
int store_not_sqlite(struct store *s, struct err *e, const char *what);

/* The statements kept prepared for the connection (db/record.c's, and
 * the change counter); fewer than STORE_CACHE. */
enum stmt {
	Q_DATA_VERSION,
	Q_RULE_VERSION_FIND, Q_RULE_VERSION_ADD, Q_RULE_TERMS,
	Q_INCIDENT_ADD, Q_INCIDENT_GET, Q_INCIDENT_VOID, Q_INCIDENT_OFFENCE,
	Q_OFFENCES, Q_INCIDENTS, Q_INCIDENTS_STAFF, Q_LAST_MARKED,
	Q_FINE_ADD, Q_FINE_SET_OWN, Q_FINES_OF, Q_FINES_BETWEEN, Q_FINE_TOTALS,
	Q_FINE_LINES,
	Q_CUSTODY_ADD, Q_CUSTODY_GET, Q_CUSTODY_RETURN, Q_CUSTODY_HELD,
	Q_INSPECTION_ADD, Q_INSPECTED, Q_INSPECTION_VOID, Q_CUSTODY_UNRETURN,
	Q_RECENT,
	Q_AUDIT_WHO, Q_AUDIT_WORD, Q_AUDIT_LINE,	/* db/audit.c's writes */
	Q_AUDIT_SINCE,			/* and what a console follows */
	Q_NAME_FIND, Q_NAME_ADD, Q_NAME_GET,		/* db/names.c's */
	Q_COUNT
};
/* The cached statement q of sql, reset and its bindings cleared; NULL
 * with e set (e may be NULL). */
db_stmt *store_cached(struct store *s, enum stmt q, const char *sql,
    struct err *e);
/* Steps a statement that returns no rows and resets it: 0, or -1 with e
 * set (what: what was being done). */
int store_run(struct store *s, db_stmt *st, struct err *e,
    const char *what);
/* Sets e from the connection's last error and returns -1. */
int store_fail(struct store *s, struct err *e, const char *what);
/*
 * Steps st (prepared and bound) to its end and collects its rows: one
 * element of `size` bytes a row, filled in by read.  Resets st (a caller
 * that prepared st itself still finalizes it).  0 with *rows (caller
 * frees) and *n set; or -1 with e set (what: what was being read), *rows
 * NULL and *n 0.
 */
/* Steps st (bound) to its end without holding the rows: row(st, arg) for
 * each, until it returns nonzero; finalizes st.  Returns that nonzero, 0
 * at the end, -1 (e set, saying what) on an error or when st is NULL. */
int store_each(struct store *s, db_stmt *st,
    int (*row)(db_stmt *st, void *arg), void *arg, struct err *e,
    const char *what);
int store_rows(struct store *s, db_stmt *st, size_t size,
    void (*read)(db_stmt *st, void *row), void **rows, int *n,
    struct err *e, const char *what);

/*
 * The one-row twin of store_rows: steps st once and, when it returns a
 * row, fills row with read.  Resets st.  0 with a row, 1 when there is
 * none, -1 with e set.
 */
int store_row(struct store *s, db_stmt *st,
    void (*read)(db_stmt *st, void *row), void *row, struct err *e,
    const char *what);

/* store_row of sql with one integer parameter (?1 id: a row by its id):
 * prepares, binds, reads, finalizes.  0, 1 when there is none, -1. */
int store_row_id(struct store *s, const char *sql, int64_t id,
    void (*read)(db_stmt *st, void *row), void *row, struct err *e,
    const char *what);

/* store_rows of sql with two text parameters (?1 a, ?2 b: a range of
 * days, mostly): prepares, binds, collects, finalizes.  *out NULL and *n 0
 * on failure. */
int store_rows2(struct store *s, const char *sql, const char *a, const char *b,
    size_t size, void (*read)(db_stmt *st, void *row), void **out,
    int *n, struct err *e, const char *what);
/* The same on the connection's cached statement q of sql (store_cached),
 * which is reset, never finalized: for a range read that runs often. */
int store_rows2_cached(struct store *s, enum stmt q, const char *sql,
    const char *a, const char *b, size_t size,
    void (*read)(db_stmt *st, void *row), void **out, int *n,
    struct err *e, const char *what);
/* A statement of sql, prepared (the caller finalizes it); NULL with e set. */
db_stmt *store_prepare(struct store *s, const char *sql, struct err *e);
/* Column i as text into out (n bytes, cut to fit); NULL reads as "". */
void store_text_col(db_stmt *st, int i, char *out, size_t n);
/* Binds v as text (copied), or NULL when v is NULL or "". */
void store_bind_opt(db_stmt *st, int i, const char *v);
/* Steps a write to its end and finalizes st: 0 when done, 1 when a
 * constraint refused it, -1 otherwise; e is set but for 0. */
int store_write_done(struct store *s, db_stmt *st, struct err *e,
    const char *what);

/* The SQLite schema's steps from version N - 1 to N (db/steps.c). */
extern const char store_migrate_v2[], store_migrate_v3[], store_migrate_v4[],
    store_migrate_v5[], store_migrate_v6[], store_migrate_v8[],
    store_migrate_v9[], store_migrate_v10[], store_migrate_v11[];

/* Forgets the rule versions' terms store_rule_terms kept. */
void store_terms_forget(struct store *s);

/* ---- names and days as numbers (db/names.c; schema 8) ---- */

/* The id of name in the table `name`, added when missing (inside a
 * write): 0, or -1 with e set.  NULL or "" is id 0 (SQL NULL).  few: one
 * of the names a floor has few of (a rule, a group, a login, a role),
 * which get the shortest ids while they last. */
int store_name_id(struct store *s, const char *name, bool few, int64_t *id,
    struct err *e);
/* The id of name when the table holds it: 0, 1 when not, -1. */
int store_name_find(struct store *s, const char *name, int64_t *id,
    struct err *e);
/* The name of id ("?" when the table cannot be read). */
const char *store_name_of(struct store *s, int64_t id);
/* Column i of st, a name's id or NULL, as the name ("" for NULL). */
void store_name_col(db_stmt *st, int i, char *out, size_t n);
/* Binds name's id (NULL for NULL or ""), adding it: 0, or -1. */
int store_bind_name(struct store *s, db_stmt *st, int i, const char *name,
    bool few, struct err *e);
/* The connection's copy: dropped (closing, reconnecting), after a write
 * that added names rolled back, and kept after a commit. */
void store_names_forget(struct store *s);
void store_names_rolled_back(struct store *s);
void store_names_committed(struct store *s);
/* A shift day "YYYY-MM-DD" as days since 1970-01-01.  A bound that is no
 * calendar day ("0000-00-00", "9999-99-99", "2026-02-31") is the last day
 * before it when upper, else the first day after it. */
int64_t store_day_num(const char *day, bool upper);
void store_day_text(int64_t num, char out[11]);
/* Column i of st, a day's number, as "YYYY-MM-DD". */
void store_day_col(db_stmt *st, int i, char *out);

#endif
