/*
 * migrate_internal.h - what db/migrate.c and db/migrate_keyed.c share.
 */
#ifndef CALLFLOOR_MIGRATE_INTERNAL_H
#define CALLFLOOR_MIGRATE_INTERNAL_H

#include "migrate.h"
#include "store_internal.h"

/* A row's content as a 64-bit FNV-1a hash of its values' text, NULL told
 * from every text: rows of both sides compare by it.  Start from
 * HASH_START and add each value in column order. */
#define HASH_START 14695981039346656037ULL
uint64_t migrate_hash(uint64_t h, const char *v);
/* The columns of a list "a, b, c". */
int migrate_ncols(const char *cols);
/* "UPDATE table SET a = ?1, b = ?2 ... WHERE where" (malloc'd). */
char *migrate_update_sql(const char *table, const char *cols,
    const char *where);
/* A statement prepared once for the run (PostgreSQL: on the server), or
 * NULL with e set. */
db_stmt *migrate_kept(struct store *s, const char *sql, struct err *e);
/* The tables kept by key, made equal to the source's: 0, or -1 with e. */
int migrate_keyed(struct store *from, struct store *to,
    struct migrate_report *r, struct err *e);

#endif
