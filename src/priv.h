/*
 * priv.h - the callfloor group of a shared install (make install).
 *
 * The installed binary is setgid callfloor, the way games keep score
 * files: the group may write /var/lib/callfloor, nobody else may, so the
 * only way to change the floor's database is through callfloor's own role
 * checks.  Identity is the real uid alone.  The group's rights are kept
 * only for the installed configuration and its database; anything a user
 * picks (-c, -d, a backup file) is used with the user's own rights, and
 * every outside command (the print command) runs without the group.
 */
#ifndef CALLFLOOR_PRIV_H
#define CALLFLOOR_PRIV_H

#include <stdbool.h>

/* Call first thing: notes whether this is a setgid run and, if so, sets a
 * umask that keeps the shared database group-writable (007). */
void priv_init(void);

/* True while this process holds a group it was not started with. */
bool priv_setgid(void);

/* Gives the group up for good (real, effective and saved); dies when the
 * system refuses.  Safe to call in any run. */
void priv_drop(void);

/* Sets the group aside for a moment (the effective gid becomes the real
 * one) and takes it back; for opening a file the user named. */
void priv_suspend(void);
void priv_resume(void);

/* In a child after fork(), before exec: no group, no way back. */
void priv_child(void);

/* A file about to be created in a setgid folder (a shared one) must be
 * writable by its group: clears the group bits of the umask then. */
void priv_shared_folder(const char *path);

#endif
