/*
 * monthend.h - closing a month for payroll and reopening it, and appeals
 * (申诉) of fines: who may, in what order, and what each leaves on record.
 * Every act is one BEGIN IMMEDIATE transaction with its audit line.  The
 * check that keeps writes out of a closed month is the engine's
 * (engine_check_open); payroll's figures are payroll.c's.
 */
#ifndef CALLFLOOR_MONTHEND_H
#define CALLFLOOR_MONTHEND_H

#include <stdbool.h>

#include "engine.h"

/*
 * Closes month "YYYY-MM" (managers): a month that is over, the month
 * after the last closed one (or any, when none is), storing its payroll
 * as it stands.  Undecided appeals of its fines refuse it unless force;
 * they are listed in e's message.
 */
int monthend_close(const struct floor *f, struct store *s,
    const struct actor *a, const char *month, bool force, struct err *e);
/* Reopens month and every later closed one (managers); *n how many. */
int monthend_reopen(const struct floor *f, struct store *s,
    const struct actor *a, const char *month, const char *reason, int *n,
    struct err *e);

/* Records staff's appeal of their own line of incident (staff -1: the
 * offender).  Supervisors and above, on the agent's behalf. */
int appeal_record(const struct floor *f, struct store *s,
    const struct actor *a, int64_t incident, int staff, const char *reason,
    int64_t *id, struct err *e);
/* A manager decides appeal id: upheld, the line counts again; voided, a
 * one-person incident is voided, a group incident's line waived.  Decided
 * after its month closed, the change is settled in the decision's month. */
int appeal_decide(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, bool uphold, const char *reason,
    struct err *e);

#endif
