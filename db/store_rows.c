/*
 * store_rows.c - stepping a prepared statement through its rows, for the
 * db/ modules (store_internal.h): all of them into an array (store_rows,
 * store_rows2), or one by one without holding them (store_each).
 */
#include "store.h"
#include "store_internal.h"

#include <sqlite3.h>
#include <stdlib.h>

/* The rows of st (NULL: it could not be prepared) with ?1 a and ?2 b. */
static int
rows2(struct store *s, db_stmt *st, const char *a, const char *b,
    size_t size, void (*read)(db_stmt *st, void *row), void **out,
    int *n, struct err *e, const char *what)
{
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, a, -1, DB_STATIC);
	db_bind_text(st, 2, b, -1, DB_STATIC);
	return store_rows(s, st, size, read, out, n, e, what);
}

int
store_rows2(struct store *s, const char *q, const char *a, const char *b,
    size_t size, void (*read)(db_stmt *st, void *row), void **out,
    int *n, struct err *e, const char *what)
{
	db_stmt *st = store_prepare(s, q, e);
	int rc = rows2(s, st, a, b, size, read, out, n, e, what);

	db_finalize(st);
	return rc;
}

int
store_rows2_cached(struct store *s, enum stmt q, const char *sql,
    const char *a, const char *b, size_t size,
    void (*read)(db_stmt *st, void *row), void **out, int *n,
    struct err *e, const char *what)
{
	return rows2(s, store_cached(s, q, sql, e), a, b, size, read, out, n, e,
	    what);
}

int
store_each(struct store *s, db_stmt *st,
    int (*row)(db_stmt *st, void *arg), void *arg, struct err *e,
    const char *what)
{
	int rc = DB_DONE, stop = 0;

	if (st == NULL)
		return -1;
	while (stop == 0 && (rc = db_step(st)) == DB_ROW)
		stop = row(st, arg);
	db_finalize(st);
	if (stop)
		return stop;
	return rc == DB_DONE ? 0 : store_fail(s, e, what);
}

int
store_rows(struct store *s, db_stmt *st, size_t size,
    void (*read)(db_stmt *st, void *row), void **rows, int *n,
    struct err *e, const char *what)
{
	char *r = NULL;
	int cap = 0, rc;

	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			r = xrealloc(r, (size_t)cap * size);
		}
		read(st, r + (size_t)(*n)++ * size);
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(r);
		*rows = NULL;
		*n = 0;
		return store_fail(s, e, what);
	}
	*rows = r;
	return 0;
}

int
store_row_id(struct store *s, const char *sql, int64_t id,
    void (*read)(db_stmt *st, void *row), void *row, struct err *e,
    const char *what)
{
	db_stmt *st = store_prepare(s, sql, e);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	rc = store_row(s, st, read, row, e, what);
	db_finalize(st);
	return rc;
}
