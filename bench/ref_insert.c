/*
 * ref_insert.c - the reference for `make bench` row 2: the cheapest write
 * a mark could possibly be.  One bare INSERT of an incident row between
 * BEGIN IMMEDIATE and COMMIT, on the same database file, opened the way
 * db/store.c opens it (WAL, synchronous = FULL, foreign keys on), timed
 * per transaction.  Prints "p50_ms p99_ms n".
 *
 * It is a yardstick, not part of callfloor: the SQL here mirrors
 * db/schema.sql and must never be used to write a real floor's database.
 *
 * usage: ref_insert DB [N]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	const double *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

static void
must(sqlite3 *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "ref_insert: %s: %s\n", what, sqlite3_errmsg(db));
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	int n = argc > 2 ? atoi(argv[2]) : 10000, i;
	double *t;

	if (argc < 2 || n <= 0) {
		fprintf(stderr, "usage: ref_insert DB [N]\n");
		return 2;
	}
	t = calloc((size_t)n, sizeof *t);
	if (t == NULL)
		return 1;
	must(db, sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL), "open");
	sqlite3_busy_timeout(db, 10000);
	must(db, sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
	    "PRAGMA synchronous = FULL", NULL, NULL, NULL), "pragmas");
	/* The compact row of schema 8: names as ids of `name` (the first ones
	 * stand in), the day as its number (2025-12-31), marked_at as at. */
	must(db, sqlite3_prepare_v2(db, "INSERT INTO incident_row (rule, "
	    "rule_version, staff, grp, seat, at, day, offence, amount, note, "
	    "marked_by, marked_at) VALUES (6, (SELECT min(id) FROM rule_version), "
	    "7, 8, 9, ?1, 20453, 1, NULL, NULL, 10, NULL)", -1, &st, NULL),
	    "prepare");
	for (i = 0; i < n; i++) {
		double t0 = now_ms();

		must(db, sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
		sqlite3_bind_int64(st, 1, 1767171600 + i);
		must(db, sqlite3_step(st), "insert");
		sqlite3_reset(st);
		must(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
		t[i] = now_ms() - t0;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	qsort(t, (size_t)n, sizeof *t, dbl_cmp);
	printf("%.3f %.3f %d\n", t[n / 2], t[(int)((double)n * 0.99)], n);
	free(t);
	return 0;
}
