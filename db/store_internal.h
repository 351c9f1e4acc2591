/*
 * store_internal.h - for the other files of db/ only: the connection and the
 * error mapping of store.c, so each db/ module keeps its own SQL.
 */
#ifndef CALLFLOOR_STORE_INTERNAL_H
#define CALLFLOOR_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

sqlite3 *store_sqlite(struct store *s);
/* Sets e from the connection's last error and returns -1. */
int store_fail(struct store *s, struct err *e, const char *what);

#endif
