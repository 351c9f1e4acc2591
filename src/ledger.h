/*
 * ledger.h - fines per person over a period, as the engine recorded them:
 * own fines and fines that fell on the person through someone else's
 * incident (co-penalties, group fines).  Sums only; prices nothing.
 */
#ifndef CALLFLOOR_LEDGER_H
#define CALLFLOOR_LEDGER_H

#include "../db/store.h"
#include "floor.h"

struct ledger_row {
	int staff;			/* index, -1 when no longer on staff */
	char staff_id[STORE_ID];
	const char *name;		/* "?" for former staff */
	const char *group;		/* group id, "?" for former staff */
	const char *role;
	fen_t own, co;
};

/*
 * Rows for every person whose total is not zero between from and to
 * (inclusive days), in group id then staff id order; group NULL for all.
 */
int ledger_fines(const struct floor *f, struct store *s, const char *from,
    const char *to, const char *group, struct ledger_row **rows, int *n,
    struct err *e);
/* The same, and each fine line read is given to also(arg, line) as well
 * (trend_add): one pass over the period for two sums. */
int ledger_fines_and(const struct floor *f, struct store *s, const char *from,
    const char *to, const char *group,
    int (*also)(void *arg, const struct fine_tick *l), void *also_arg,
    struct ledger_row **rows, int *n, struct err *e);

#endif
