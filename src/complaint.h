/*
 * complaint.h - rule B14's register of unrepaired and complaint callers:
 * who may record, forward, close and purge an entry, the checks of what
 * was typed, and the one masking of a caller's phone that every view
 * (report, CSV, console) uses.  Each write is one BEGIN IMMEDIATE
 * transaction with its audit line, which names the entry by id and never
 * copies a caller's name or phone.
 */
#ifndef CALLFLOOR_COMPLAINT_H
#define CALLFLOOR_COMPLAINT_H

#include <stdbool.h>
#include <time.h>

#include "../db/complaint.h"
#include "engine.h"

enum complaint_kind { CKIND_REPAIR, CKIND_COMPLAINT };

struct complaint_req {
	int staff;			/* the agent who took the call */
	enum complaint_kind kind;
	const char *caller;		/* required */
	const char *phone;		/* NULL or "": none */
	const char *note;		/* required */
	time_t at;			/* when the call came */
};

/* "repair" / "complaint" (and 维修 / 投诉, r / c) into *out; -1 otherwise. */
int complaint_kind_parse(const char *s, enum complaint_kind *out);
const char *complaint_kind_name(enum complaint_kind k);

/* A phone number as typed: digits with an optional leading +, spaces and
 * dashes dropped; out gets the normalised number.  Refused (EXIT_USAGE,
 * saying why) otherwise. */
int complaint_phone_norm(const char *in, char out[COMPLAINT_PHONE],
    struct err *e);

/* True when role sees callers' phone numbers whole (managers). */
bool complaint_sees_phone(enum urole role);
/* The one masking of every view: a phone as `role` may see it.  Kept
 * whole for managers; else numbers of 8 digits or more keep their first 3
 * and last 4 digits (138****5678), shorter ones only their last 2.  ""
 * stays "". */
void complaint_phone_show(const char *phone, enum urole role, char *out,
    size_t n);

/* Whole days from day `from` to day `to` (YYYY-MM-DD); the age of an
 * entry recorded on `from` seen on `to`. */
int complaint_age(const char *from, const char *to);
/* "open", "forwarded", "closed". */
const char *complaint_state(const struct complaint *c);

/* Records an entry on behalf of the agent (supervisors and up); *id set. */
int complaint_add(const struct floor *f, struct store *s, const struct actor *a,
    const struct complaint_req *r, int64_t *id, struct err *e);
/* Hands entries to the manager, all or none: the group's director of
 * each, or a manager. */
int complaint_forward(const struct floor *f, struct store *s,
    const struct actor *a, const int64_t *ids, int n, struct err *e);
/* Closes an entry with its outcome (managers). */
int complaint_close(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, const char *outcome, struct err *e);
/* Forgets the caller's name and phone of every entry closed more than
 * floor.complaint_retention_days before `now` (managers); *n purged. */
int complaint_purge(const struct floor *f, struct store *s,
    const struct actor *a, time_t now, int *n, struct err *e);

/* Rule UNLOGGED found a complaint that was not in the register: marks it
 * and records the complaint late (recorded_by: who found it, incident:
 * the mark) in one transaction.  r->kind is a complaint; r->at the time
 * the call came (defaults to the mark's time when 0). */
int complaint_unlogged(const struct floor *f, struct store *s,
    const struct actor *a, const struct mark_req *m,
    const struct complaint_req *r, struct mark_result *out, int64_t *id,
    struct err *e);

#endif
