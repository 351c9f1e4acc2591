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
 * On PostgreSQL (DB a postgresql:// URI, FLOOR the floor's id) the same
 * INSERT between BEGIN and COMMIT, after the per-floor advisory lock that
 * stands for BEGIN IMMEDIATE there (db/store_pg.c), one round trip each.
 *
 * usage: ref_insert DB [N [FLOOR]]
 */
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "timing.h"

static void
must(sqlite3 *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "ref_insert: %s: %s\n", what, sqlite3_errmsg(db));
		exit(1);
	}
}

/* The compact row of schema 8: names as ids of `name` (the first ones
 * stand in), the day as its number (2025-12-31), marked_at NULL (= at). */
#define REF_SQL "INSERT INTO incident_row (rule, rule_version, " \
	"staff, grp, seat, at, day, offence, amount, note, marked_by, marked_at) " \
	"VALUES (6, (SELECT min(id) FROM rule_version), 7, 8, 9, %s, 20453, 1, " \
	"NULL, NULL, 10, %s)"

static void
pg_must(PGconn *pg, PGresult *r, const char *what)
{
	ExecStatusType t = PQresultStatus(r);

	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		fprintf(stderr, "ref_insert: %s: %s", what, PQerrorMessage(pg));
		exit(1);
	}
	PQclear(r);
}

static void
pg_run(const char *uri, const char *floor, double *t, int n)
{
	PGconn *pg = PQconnectdb(uri);
	char *lit, q[512], at[24];
	const char *vals[1] = { at };
	int i;

	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "ref_insert: %s", PQerrorMessage(pg));
		exit(1);
	}
	lit = PQescapeLiteral(pg, floor, strlen(floor));
	snprintf(q, sizeof q, "SELECT set_config('callfloor.floor', %s, false)", lit);
	pg_must(pg, PQexec(pg, q), "floor");
	snprintf(q, sizeof q, REF_SQL, "$1::bigint", "NULL");
	pg_must(pg, PQprepare(pg, "ins", q, 1, NULL), "prepare");
	snprintf(q, sizeof q, "BEGIN; SELECT pg_advisory_xact_lock(hashtext("
	    "'callfloor floor ' || %s))", lit);
	PQfreemem(lit);
	for (i = 0; i < n; i++) {
		double t0 = now_ms();

		snprintf(at, sizeof at, "%d", 1767171600 + i);
		pg_must(pg, PQexec(pg, q), "begin");
		pg_must(pg, PQexecPrepared(pg, "ins", 1, vals, NULL, NULL, 0),
		    "insert");
		pg_must(pg, PQexec(pg, "COMMIT"), "commit");
		t[i] = now_ms() - t0;
	}
	PQfinish(pg);
}

int
main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	int n = argc > 2 ? atoi(argv[2]) : 10000, i;
	double *t;

	if (argc < 2 || n <= 0) {
		fprintf(stderr, "usage: ref_insert DB [N [FLOOR]]\n");
		return 2;
	}
	t = calloc((size_t)n, sizeof *t);
	if (t == NULL)
		return 1;
	if (strncmp(argv[1], "postgresql://", 13) == 0) {
		pg_run(argv[1], argc > 3 ? argv[3] : "default", t, n);
		goto done;
	}
	must(db, sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL), "open");
	sqlite3_busy_timeout(db, 10000);
	must(db, sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
	    "PRAGMA synchronous = FULL", NULL, NULL, NULL), "pragmas");
	{
		char q[512];

		snprintf(q, sizeof q, REF_SQL, "?1", "NULL");
		must(db, sqlite3_prepare_v2(db, q, -1, &st, NULL), "prepare");
	}
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
done:
	print_percentiles(t, n);
	free(t);
	return 0;
}
