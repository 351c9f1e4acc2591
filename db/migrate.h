/*
 * migrate.h - copying a floor's record to another database (db/migrate.c).
 */
#ifndef CALLFLOOR_MIGRATE_H
#define CALLFLOOR_MIGRATE_H

#include "store.h"

/* The tables compared: those copied by id, then att_carry, closed_month. */
#define MIGRATE_TABLES 18

struct migrate_side {
	int64_t rows[MIGRATE_TABLES];
	fen_t fines, adjustments;	/* every fine line; appeal adjustments */
};

struct migrate_report {
	int64_t copied;			/* rows this run added */
	int64_t updated;		/* rows copied before, changed since */
	int64_t removed;		/* rows the source no longer has (a
					 * reopened month, a dropped carry) */
	int64_t (*ids)[2];		/* incidents copied: source id, target id */
	int nids;
	struct migrate_side source, target;
};

/* The name of table i of the report (NULL past the last). */
const char *migrate_table_name(int i);

/*
 * Copies what of from's floor to is missing (all of it the first time),
 * and what changed since on rows copied before, in one transaction on to,
 * then counts both sides.  0 with r filled (free
 * r->ids), or -1 with e set and nothing written to to.
 */
int store_migrate(struct store *from, struct store *to,
    struct migrate_report *r, struct err *e);

#endif
