/*
 * trail.h - the engine's side of the audit trail: one call per write, made
 * inside the write's transaction, that says who (the actor: login, uid,
 * terminal, SSH address) did what to which object.  It also notes the
 * rulebook in force the first time the database sees it.
 */
#ifndef CALLFLOOR_TRAIL_H
#define CALLFLOOR_TRAIL_H

#include "engine.h"

/*
 * Adds an audit line for a write by a: action ("mark", "void", "undo",
 * "return", "inspection", "sign-in", "leave", ...), object ("incident 12"),
 * and a detail made from fmt.  Call between store_begin and store_commit;
 * a failure here must roll the write back.
 */
int trail_write(const struct floor *f, struct store *s, const struct actor *a,
    const char *action, const char *object, struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

struct leave;

/* The audit line of a leave request (db/attendance.h), valid or not. */
int trail_leave(const struct floor *f, struct store *s, const struct actor *a,
    const struct leave *l, struct err *e);

/* The audit line of a mark: the incident, its offender or group, its
 * offence number and every fine laid. */
int trail_mark(const struct floor *f, struct store *s, const struct actor *a,
    const struct mark_result *r, struct err *e);

#endif
