/*
 * priv.h - the callfloor group of a shared install (make install).
 *
 * The installed binary is setgid callfloor, the way games keep score
 * files: the group may write /var/lib/callfloor, nobody else may, so the
 * only way to change the floor's database is through callfloor's own role
 * checks.  Identity is the real uid alone.
 *
 * The rule: the group is held only while reading the installed
 * configuration and opening its database, and then given up for good
 * (cli_setup in cli_main.c, the one place).  Every path a user names
 * (-c, -d, -o, a backup file, the printer), and everything the
 * environment can steer (translation catalogs, fonts and their cache,
 * connection settings), is touched after that, with the user's own
 * rights alone; a -c or -d of the user's drops the group before it is
 * opened.  There is no way to set the group aside and take it back.
 */
#ifndef CALLFLOOR_PRIV_H
#define CALLFLOOR_PRIV_H

#include <stdbool.h>
#include <stddef.h>

/* Call first thing: notes whether this is a setgid run and, if so, sets a
 * umask that keeps the shared database group-writable (007). */
void priv_init(void);

/* True while this process holds the group it was installed setgid to. */
bool priv_held(void);

/* With the group held: 0 when path's folder keeps everyone but the group
 * out (root-owned, group callfloor, no access for others), else -1 with
 * the reason in why.  The database's safety rests on that folder. */
int priv_check_folder(const char *path, char *why, size_t n);

/* Gives the group up for good (real, effective and saved); dies when the
 * system refuses.  Safe to call in any run. */
void priv_drop(void);

/* In a child after fork(), before exec: the real uid and gid only, no
 * way back; _exit(127) when the system refuses. */
void priv_child(void);

/* A file about to be created in a setgid folder (a shared one) must be
 * writable by its group: clears the group bits of the umask then. */
void priv_shared_folder(const char *path);

#endif
