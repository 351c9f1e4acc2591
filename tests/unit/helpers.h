/*
 * helpers.h - what the Criterion suites share: a throw-away folder and
 * database per test, the small test floor over the shipped rulebook, actors,
 * and a mark() that hands back the fines a user would read.
 *
 * Criterion runs every test in its own process, so the one fixture (fx) and
 * the process time zone are per test.  Nothing here needs a terminal.
 */
#ifndef CALLFLOOR_TEST_HELPERS_H
#define CALLFLOOR_TEST_HELPERS_H

#include <stdbool.h>
#include <time.h>

#include "../../db/store.h"
#include "../../src/clock.h"
#include "../../src/engine.h"
#include "../../src/floor.h"
#include "../../src/ledger.h"

#define Y(n) ((fen_t)(n) * 100)		/* whole yuan in fen */
#define NONE ((fen_t)-1)		/* no amount given */
#define MAX_FINES 32

struct fx {
	char dir[64];			/* this test's folder in /tmp */
	char db[192];			/* the database file in it, or URI */
	char pgname[48];		/* PostgreSQL: this test's database */
	struct floor *f;
	struct store *s;
};
extern struct fx fx;

/* The small floor: groups A (director D001, deputy D002) and B (director
 * D003, deputy vacant), supervisor S001, agents E101-E105 and E201-E203;
 * users root (manager), wangf (supervisor, S001), lead1 (lead).  It mirrors
 * tests/fixtures/small.cfg, without its last line (the @include). */
extern const char small_floor_text[];

/* Actors: the manager, a supervisor, another supervisor, a lead. */
extern const struct actor MGR, SUP, SUP2, LEAD;

/* .init of the suites: a temp folder with rules.cfg linked to the shipped
 * conf/rules.cfg, the small floor loaded over it, a fresh database. */
void fx_small(void);
/* .init for suites that load their own configurations: folder only. */
void fx_dir(void);
/* .fini: closes and deletes everything fx_small/fx_dir made. */
void fx_done(void);

/* Writes text into the test's folder as name; returns the path (static). */
const char *fx_write(const char *name, const char *text);
/* Loads a configuration from text (written as name); errors into errs. */
struct floor *fx_load(const char *name, const char *text, struct buf *errs);
/* Makes f the floor in use (fx.f is freed first unless it is f). */
void fx_use(struct floor *f);
/* Opens a fresh database for fx (fx.db) when none is open. */
void fx_open_store(void);

/* A bare incident of rule by staff (group A) on day at time t under rule
 * version `version`, marked by wangf with no amount given: for the
 * store's own tests, which write it without the engine. */
struct incident fx_incident(const char *staff, const char *rule,
    const char *day, int64_t t, int64_t version);

/* Floor-local "YYYY-MM-DD HH:MM" as a time; fails the test if malformed. */
time_t at(const char *local);
/* Sets the clock (CALLFLOOR_NOW) to floor-local time. */
void set_now(const char *local);

struct marked {
	int rc;				/* 0, or -1 with e set */
	struct err e;
	struct incident in;
	struct fine_row fines[MAX_FINES];
	int nfines;
	int64_t custody;
};

/*
 * Marks rule on a staff id at floor-local time `when`.  The clock is set to
 * `when` first, so it is an ordinary mark made on the spot.
 */
struct marked mark(const struct actor *a, const char *staff, const char *rule,
    fen_t amount, const char *note, const char *when);
/* The same, on a whole group. */
struct marked mark_group(const struct actor *a, const char *grp,
    const char *rule, const char *when);
/* Marks at time `when` given explicitly, with the clock at `now`. */
struct marked mark_back(const struct actor *a, const char *staff,
    const char *rule, fen_t amount, const char *when, const char *now);

/* What staff pays for this incident (0 when there is no row for them). */
fen_t paid(const struct marked *m, const char *staff);
/* How many fine rows name staff ("" for vacancies). */
int rows_for(const struct marked *m, const char *staff);
/* The offender's own fine of the incident (-1 when it has none). */
fen_t own_of(const struct marked *m);

/* As stored now (after renumbering): the own fine and the offence number. */
fen_t stored_own(int64_t incident);
int stored_offence(int64_t incident);

/* Totals over all time from ledger_fines: own + co, own only, co only. */
fen_t total_of(const char *staff);
fen_t own_total(const char *staff);
fen_t co_total(const char *staff);
/* Sum of the ledger over everybody; sum of fine rows with a payer of all
 * not-voided incidents (read straight from the database file). */
fen_t ledger_sum(void);
fen_t fine_rows_sum(void);

/* Rows in a table, read straight from the database file (not through
 * the store), so that "nothing was written" is checked independently. */
int count_rows(const char *table);
/* One integer from SQL run on the database file at path (read-only). */
int64_t db_int(const char *path, const char *sql);
/* Runs SQL on the database file at path (created when missing). */
void db_exec(const char *path, const char *sql);
/* Runs sql on the database as callfloor would connect: 0, or -1 with the
 * database's message in msg. */
int db_try(const char *path, const char *sql, char *msg, size_t n);
/* Whether this run tests the PostgreSQL backend (CF_TEST_PG set). */
bool fx_pg(void);
/* Skips the test on PostgreSQL: it checks what only SQLite has (a file). */
#define FX_SQLITE_ONLY() do { if (fx_pg()) cr_skip_test("SQLite only"); } while (0)
/* Turns the fixture's closed database back into schema version 2: every
 * table a later step adds is dropped (each step adds its own here). */
void fx_back_to_v2(void);
/* The same back to schema version 7: incidents and fines as tables of
 * text, every row kept (step 8 undone). */
void fx_back_to_v7(void);

/* A store_progress_fn that records what it heard (arg: struct heard). */
struct heard {
	int calls;
	long long first, last, total;
	bool backwards;			/* done went down, or total changed */
};
void hear(void *arg, const char *what, long long done, long long total);

/* Void by a, returning the engine's result; e filled on failure. */
int void_as(const struct actor *a, int64_t id, const char *reason,
    struct err *e);

#endif
