/*
 * store_internal.h - for the other files of db/ only: the connection and the
 * error mapping of store.c, so each db/ module keeps its own SQL.
 */
#ifndef CALLFLOOR_STORE_INTERNAL_H
#define CALLFLOOR_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

sqlite3 *store_sqlite(struct store *s);

/* The statements kept prepared for the connection (db/record.c's, and
 * the change counter). */
enum stmt {
	Q_DATA_VERSION,
	Q_RULE_VERSION_FIND, Q_RULE_VERSION_ADD, Q_RULE_TERMS,
	Q_INCIDENT_ADD, Q_INCIDENT_GET, Q_INCIDENT_VOID, Q_INCIDENT_OFFENCE,
	Q_OFFENCES, Q_INCIDENTS, Q_INCIDENTS_STAFF, Q_LAST_MARKED,
	Q_FINE_ADD, Q_FINE_SET_OWN, Q_FINES_OF, Q_FINE_TOTALS, Q_FINE_LINES,
	Q_CUSTODY_ADD, Q_CUSTODY_GET, Q_CUSTODY_RETURN, Q_CUSTODY_HELD,
	Q_INSPECTION_ADD, Q_INSPECTED, Q_INSPECTION_VOID, Q_CUSTODY_UNRETURN,
	Q_RECENT,
	Q_AUDIT_WHO, Q_AUDIT_WORD, Q_AUDIT_LINE,	/* db/audit.c's writes */
	Q_COUNT
};
/* The cached statement q of sql, reset and its bindings cleared; NULL
 * with e set (e may be NULL). */
sqlite3_stmt *store_cached(struct store *s, enum stmt q, const char *sql,
    struct err *e);
/* Steps a statement that returns no rows and resets it: 0, or -1 with e
 * set (what: what was being done). */
int store_run(struct store *s, sqlite3_stmt *st, struct err *e,
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
int store_each(struct store *s, sqlite3_stmt *st,
    int (*row)(sqlite3_stmt *st, void *arg), void *arg, struct err *e,
    const char *what);
int store_rows(struct store *s, sqlite3_stmt *st, size_t size,
    void (*read)(sqlite3_stmt *st, void *row), void **rows, int *n,
    struct err *e, const char *what);

/*
 * The one-row twin of store_rows: steps st once and, when it returns a
 * row, fills row with read.  Resets st.  0 with a row, 1 when there is
 * none, -1 with e set.
 */
int store_row(struct store *s, sqlite3_stmt *st,
    void (*read)(sqlite3_stmt *st, void *row), void *row, struct err *e,
    const char *what);

/* store_rows of sql with two text parameters (?1 a, ?2 b: a range of
 * days, mostly): prepares, binds, collects, finalizes.  *out NULL and *n 0
 * on failure. */
int store_rows2(struct store *s, const char *sql, const char *a, const char *b,
    size_t size, void (*read)(sqlite3_stmt *st, void *row), void **out,
    int *n, struct err *e, const char *what);
/* The same on the connection's cached statement q of sql (store_cached),
 * which is reset, never finalized: for a range read that runs often. */
int store_rows2_cached(struct store *s, enum stmt q, const char *sql,
    const char *a, const char *b, size_t size,
    void (*read)(sqlite3_stmt *st, void *row), void **out, int *n,
    struct err *e, const char *what);
/* A statement of sql, prepared (the caller finalizes it); NULL with e set. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct err *e);
/* Column i as text into out (n bytes, cut to fit); NULL reads as "". */
void store_text_col(sqlite3_stmt *st, int i, char *out, size_t n);
/* Binds v as text (copied), or NULL when v is NULL or "". */
void store_bind_opt(sqlite3_stmt *st, int i, const char *v);
/* Steps a write to its end and finalizes st: 0 when done, 1 when a
 * constraint refused it, -1 otherwise; e is set but for 0. */
int store_write_done(struct store *s, sqlite3_stmt *st, struct err *e,
    const char *what);

#endif
