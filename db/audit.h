/*
 * audit.h - the record that keeps callfloor honest: the append-only audit
 * trail of every write, each whole rulebook the database has seen, and a
 * consistent copy of a live database (backup).
 *
 * store_audit_add() belongs inside the caller's BEGIN IMMEDIATE
 * transaction, next to the write it describes, so both land or neither.
 * The audit table's triggers refuse UPDATE and DELETE (schema.sql).
 */
#ifndef CALLFLOOR_AUDIT_H
#define CALLFLOOR_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "store.h"

#define AUDIT_FIELD 64

/*
 * Who is writing, for every audit line this process adds: the login and
 * real uid, the terminal (ttyname of stdin) and the SSH client's address
 * ("-" when none).  One process acts for one person; the engine sets it
 * from its actor before each write.  Until set, lines say "?" and getuid().
 */
void store_audit_who(const char *login, long long uid, const char *terminal,
    const char *ssh);

/*
 * Adds one audit line: action ("mark", "void", "undo", "return",
 * "inspection", "rulebook change", ...), the object it touched
 * ("incident 12", "seat A01"), and a human-readable detail.  The time is
 * the machine's clock at the write.  Call inside the write's transaction.
 */
int store_audit_add(struct store *s, const char *action, const char *object,
    const char *detail, struct err *e);

/* The view `audit` and the trail's append-only triggers, for a new
 * database (after schema.sql); and the SQL of schema step 7, which copies
 * a schema 6 trail into the compact tables and makes the same view
 * (db/schema.sql says how they hold it). */
int store_audit_schema(struct store *s, struct err *e);
char *store_audit_v7_sql(void);		/* the step's SQL; caller frees */

struct audit_row {
	int64_t id, at;
	char login[STORE_LOGIN];
	long long uid;
	char terminal[AUDIT_FIELD], ssh[AUDIT_FIELD];
	char action[AUDIT_FIELD], object[AUDIT_FIELD];
	char *detail;			/* freed by audit_rows_free */
};

/*
 * What was written after audit line `after`: each later line's id, action
 * and object, oldest first, at most max of them (*more set when there were
 * more).  The console follows other writers by this (every write has its
 * line, and lines only ever grow in id); read through the primary key.
 */
struct audit_change {
	int64_t id;
	char action[AUDIT_FIELD], object[AUDIT_FIELD];
};
int store_audit_since(struct store *s, int64_t after, int max,
    struct audit_change **out, int *n, bool *more, struct err *e);
/* The newest audit line's id, 0 when there is none. */
int store_audit_last(struct store *s, int64_t *id, struct err *e);

/* Audit lines with from <= at <= to (Unix seconds), oldest first. */
int store_audit_list(struct store *s, int64_t from, int64_t to,
    struct audit_row **out, int *n, struct err *e);
void audit_rows_free(struct audit_row *rows, int n);

/*
 * Records the rulebook in force (its SHA-256 hash, rule count and
 * canonical text) when the database has not seen it before, and audits
 * that as a "rulebook change".  *added (may be NULL) tells which.  Call
 * inside a write transaction.
 */
int store_rulebook_note(struct store *s, const char *hash, int nrules,
    const char *text, int *added, struct err *e);

/*
 * Writes a consistent snapshot of the whole database to fd (a new, empty
 * file the caller opened), then syncs it.  The live database may be in use
 * by others meanwhile; the copy is one committed state of it.  fn (may be
 * NULL) hears of the pages copied.
 */
int store_backup_fd(struct store *s, int fd, store_progress_fn *fn, void *arg,
    struct err *e);

#endif
