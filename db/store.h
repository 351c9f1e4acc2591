/*
 * store.h - the store: SQLite (a file path) or PostgreSQL (a postgresql://
 * URI or service=NAME), the same to its callers.  The only code in
 * callfloor that speaks SQL.
 *
 * Writes happen between store_begin() (BEGIN IMMEDIATE) and store_commit();
 * a caller that fails in between calls store_rollback().  Transactions nest
 * by a counter, as fossil's db_begin_write() does: an inner begin joins the
 * outer transaction, an inner rollback dooms it (the outer commit then
 * rolls back and says so), and only the outermost commit commits.  Each
 * begin remembers its __FILE__:__LINE__, so a transaction left open names
 * where it began.  Reads may happen inside or outside a transaction.  Functions return 0 on success and -1
 * with e set on failure; look-ups return 1 when nothing was found.
 * Arrays handed out are the caller's to free().
 */
#ifndef CALLFLOOR_STORE_H
#define CALLFLOOR_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "../src/util.h"

#define STORE_SCHEMA_VERSION 11
#define STORE_APPLICATION_ID 0x43464c52	/* "CFLR" */
#define STORE_ID 32
#define STORE_LOGIN 64
#define STORE_TEXT 256

struct store;

enum {
	STORE_READONLY = 1,	/* open for reading only */
	STORE_NOCREATE = 2,	/* fail when the file is missing or empty */
	STORE_PATIENT = 4	/* while opening, wait out a busy database */
};

/* How long a write waits for another process's write lock. */
#define STORE_BUSY_SECONDS 10

/*
 * Opens (and with flags 0, creates or migrates) the database at path.
 * Without STORE_NOCREATE a missing or empty file becomes a new database;
 * with it, either is refused ("run callfloor init"), so a lost database
 * is noticed at once.  0, or -1 with e set.
 */
int store_open(const char *path, int flags, struct store **out, struct err *e);
/* Called once when a STORE_PATIENT open has waited a second for a busy
 * database, with the time the wait began (for a "waiting" note). */
void store_on_wait(void (*note)(const char *path, time_t since));
/*
 * Progress of a long piece of store work (a migration, a backup): done of
 * total units of what (a translated label).  The first call has done 0,
 * the last done == total; arg is the caller's.  src/progress.c draws it.
 */
typedef void store_progress_fn(void *arg, const char *what, long long done,
    long long total);
/* Who hears of the progress of a migration store_open runs (NULL: none). */
void store_on_progress(store_progress_fn *fn, void *arg);
void store_close(struct store *s);
/* The floor whose rows a PostgreSQL database shows this process (one
 * database holds many floors); set before store_open.  SQLite ignores it. */
void store_set_floor(const char *id);
/* A setgid run: clears every PG* variable of the environment, so that
 * libpq takes nothing from the user (server, password file, service
 * file); service names are looked up in service_file (then the system's
 * pg_service.conf), and no file of the user's home (~/.pg_service.conf,
 * ~/.pgpass, ~/.postgresql/) is read.  The connection string is passed
 * whole (PQconnectdbParams). */
void store_pg_sealed(const char *service_file);
/* Whether path names a PostgreSQL database (a postgresql:// or
 * postgres:// URI, or service=NAME) rather than an SQLite file. */
static inline bool
store_is_remote(const char *path)
{
	return __builtin_strncmp(path, "postgresql://", 13) == 0 ||
	    __builtin_strncmp(path, "postgres://", 11) == 0 ||
	    __builtin_strncmp(path, "service=", 8) == 0;
}
const char *store_path(const struct store *s);
/* The schema version the database had when opened: 0 when this open
 * created it, below STORE_SCHEMA_VERSION when it migrated it. */
int64_t store_found_version(const struct store *s);
bool store_readonly(const struct store *s);

#define store_begin(s, e) store_begin_at((s), (e), __FILE__, __LINE__)
int store_begin_at(struct store *s, struct err *e, const char *file, int line);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);
/* Where the open write transaction began ("engine.c:212"), or NULL. */
const char *store_txn_where(const struct store *s, int *line);

/* Changes when another connection commits (PRAGMA data_version). */
int64_t store_data_version(struct store *s);

/* The id of a rule's terms, added when this version is new. */
int store_rule_version(struct store *s, const char *code, const char *title,
    const char *terms, int64_t now, int64_t *id, struct err *e);
/* The terms text of a version into out. */
int store_rule_terms(struct store *s, int64_t version, char *out, size_t n,
    struct err *e);

struct incident {
	int64_t id;
	char rule[STORE_ID];
	int64_t rule_version;
	char staff[STORE_ID];		/* "" for a group incident */
	char grp[STORE_ID];
	char seat[STORE_ID];
	int64_t at;
	char day[11];
	int offence;
	int64_t amount;			/* -1 when none was given */
	char note[STORE_TEXT];
	char marked_by[STORE_LOGIN];
	int64_t marked_at;
	int64_t voided_at;		/* 0 when not voided */
	char voided_by[STORE_LOGIN];
	char void_reason[STORE_TEXT];
};

int store_incident_add(struct store *s, struct incident *in, struct err *e);
int store_incident_get(struct store *s, int64_t id, struct incident *out,
    struct err *e);
int store_incident_void(struct store *s, int64_t id, const char *by,
    int64_t at, const char *reason, struct err *e);
int store_incident_set_offence(struct store *s, int64_t id, int offence,
    struct err *e);
/* One person's not-voided incidents of a rule between two days, in the
 * order they happened. */
int store_offences(struct store *s, const char *staff, const char *rule,
    const char *from, const char *to, struct incident **out, int *n,
    struct err *e);
/* Every incident between two days, voided ones too, in time order;
 * staff NULL for everybody. */
int store_incidents(struct store *s, const char *from, const char *to,
    const char *staff, struct incident **out, int *n, struct err *e);
/* The newest `limit` incidents of a day (voided ones too), newest first,
 * each with its own fine (-1 when it has none). */
struct recent {
	struct incident in;
	fen_t own;
};
int store_recent(struct store *s, const char *day, int limit,
    struct recent **out, int *n, struct err *e);
/* The last not-voided incident marked by login, 1 when there is none. */
int store_last_marked(struct store *s, const char *login, struct incident *out,
    struct err *e);

struct fine_row {
	int64_t id, incident;
	char staff[STORE_ID];		/* "" for a vacant role */
	char grp[STORE_ID];
	char role[16];
	int own;
	fen_t amount;
	int doubled;
};

int store_fine_add(struct store *s, const struct fine_row *f, struct err *e);
int store_fine_set_own(struct store *s, int64_t incident, fen_t amount,
    int doubled, struct err *e);
int store_fines_of(struct store *s, int64_t incident, struct fine_row **out,
    int *n, struct err *e);
/* The fine rows of every incident between two days, voided ones' too,
 * by incident and within one as store_fines_of gives them: one query
 * where a busy day's incidents one by one would be thousands. */
int store_fines_between(struct store *s, const char *from, const char *to,
    struct fine_row **out, int *n, struct err *e);

/* Fines of not-voided incidents between two days, summed per person. */
struct fine_total {
	char staff[STORE_ID];
	fen_t own, co;
};
int store_fine_totals(struct store *s, const char *from, const char *to,
    struct fine_total **out, int *n, struct err *e);

/* A fine line of a not-voided incident as a sum over a period needs it;
 * the strings are valid only during the call that is given it. */
struct fine_tick {
	int64_t incident;
	const char *day, *rule;		/* the incident's */
	const char *staff, *grp;	/* staff "" for a vacancy */
	fen_t amount;
	bool own;
};
/* An incident as the seat map needs it; the strings are valid only
 * during the call that is given it. */
struct incident_tick {
	int64_t id, at, rule_version;
	int64_t voided_at;		/* 0 when not voided */
	const char *rule;
	const char *staff, *seat;	/* "" when none */
	fen_t own_fine;			/* its own line's amount; -1: none */
};
/* Calls fn for each incident between two days, voided ones too, in no
 * particular order, without holding them; fn returns nonzero to stop,
 * and that is returned. */
int store_incident_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct incident_tick *t), void *arg,
    struct err *e);
/* Calls fn for each fine line of not-voided incidents between two days,
 * in no particular order, without holding them; fn returns nonzero to
 * stop, and that is returned. */
int store_fine_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct fine_tick *t), void *arg,
    struct err *e);
/* As store_fine_each, but the co-penalty and group lines only (own is
 * false: each offender's own line is its incident's own_fine), and of
 * each its incident, staff and amount: day, rule and grp are NULL (the
 * seat map's day, which needs no more). */
int store_co_fine_each(struct store *s, const char *from, const char *to,
    int (*fn)(void *arg, const struct fine_tick *t), void *arg,
    struct err *e);

/* Every fine line of not-voided incidents between two days, with its
 * incident, in time order. */
struct fine_line {
	struct fine_row f;
	struct incident in;
};
int store_fine_lines(struct store *s, const char *from, const char *to,
    struct fine_line **out, int *n, struct err *e);

struct custody {
	int64_t id, incident;
	char staff[STORE_ID], seat[STORE_ID], item[16];
	int64_t taken_at;
	char kept_by[STORE_LOGIN];
	int64_t returned_at;		/* 0 while held */
	char returned_by[STORE_LOGIN];
};
int store_custody_add(struct store *s, struct custody *c, struct err *e);
int store_custody_get(struct store *s, int64_t id, struct custody *out,
    struct err *e);
int store_custody_return(struct store *s, int64_t id, const char *by,
    int64_t at, struct err *e);
/* Items still held (returned_at = 0), oldest first. */
int store_custody_held(struct store *s, struct custody **out, int *n,
    struct err *e);

int store_inspection_add(struct store *s, const char *seat, const char *staff,
    const char *day, int64_t at, const char *by, struct err *e);
/* Seat ids inspected on day (each once). */
/* The id of the row the last INSERT on this connection added. */
int64_t store_last_id(struct store *s);
/* Voids an inspection (undone at the console); 1 when none was live. */
int store_inspection_void(struct store *s, int64_t id, const char *by,
    int64_t at, struct err *e);
/* Holds an item again whose return was undone; 1 when it was not returned. */
int store_custody_unreturn(struct store *s, int64_t id, struct err *e);
int store_inspected(struct store *s, const char *day, char (**out)[STORE_ID],
    int *n, struct err *e);

/* ---- many floors in one PostgreSQL database ---- */

/* Fines of not-voided incidents between two days, per floor and group
 * (headquarters' roll-up): every floor of a PostgreSQL database; on
 * SQLite the one floor, named floor. */
struct rollup_row {
	char floor[STORE_ID];
	char grp[STORE_ID];
	fen_t own, co;
};
int store_rollup(struct store *s, const char *floor, const char *from,
    const char *to, struct rollup_row **out, int *n, struct err *e);
/* From now on this connection reads floor id's rows (another floor of the
 * same PostgreSQL database), read-only; 1 when the database holds no such
 * floor; -1 with e set (on SQLite: it holds one floor only). */
int store_use_floor(struct store *s, const char *id, struct err *e);
/* The roster (src/roster.h) of floor (NULL: the floor this connection
 * reads) as of day: the latest stored on or before day, else the earliest;
 * *out malloc'd.  0; 1 when none is stored; -1 with e set. */
int store_roster(struct store *s, const char *floor, const char *day,
    char **out, struct err *e);
/* The floors of the database, in id order (SQLite: none). */
int store_floors(struct store *s, char (**out)[STORE_ID], int *n,
    struct err *e);

/* ---- reads for the end-of-day report ---- */

/*
 * A read snapshot across several queries (BEGIN DEFERRED ... COMMIT), so
 * that a report's totals agree with each other.  Inside a transaction that
 * is already open it does nothing; *started says whether it began one.
 */
int store_read_begin(struct store *s, bool *started, struct err *e);
void store_read_end(struct store *s, bool started);
/* Items held at time `at`: taken by then and not yet handed back. */
int store_custody_held_at(struct store *s, int64_t at, struct custody **out,
    int *n, struct err *e);
/* Incidents voided between two times (inclusive), in the order voided. */
int store_voided_between(struct store *s, int64_t from, int64_t to,
    struct incident **out, int *n, struct err *e);

/*
 * Sets PRAGMA synchronous: full true is FULL (the default store_open sets),
 * false is OFF.  OFF is for bench/gen_history only, which builds a year of
 * throw-away history: every write is still one BEGIN IMMEDIATE transaction,
 * but a power cut may lose the last ones.  Never use it on a real floor.
 */
int store_set_synchronous(struct store *s, bool full, struct err *e);

#endif
