/*
 * engine.h - the fine engine: the one place that prices incidents.
 *
 * It records an incident with the terms of the rule in force, numbers the
 * person's offences inside the rule's window, prices the offender's own
 * fine (ladder, range, repeat factor), lays the co-penalties and group
 * fines on the group's role holders and members, and renumbers and
 * re-prices whatever a backdated mark or a void changes - never an incident
 * dated in a month closed for payroll, which keeps the number and price it
 * was paid with (a void settled from there reaches open months only).
 * Each write is one BEGIN IMMEDIATE transaction: all of it happens, or
 * none of it.
 *
 * Views (CLI, console, report) ask the engine and the store; none of them
 * prices a fine itself.
 */
#ifndef CALLFLOOR_ENGINE_H
#define CALLFLOOR_ENGINE_H

#include <stdbool.h>
#include <time.h>

#include "../db/store.h"
#include "floor.h"

/* Who is acting, and with which role (auth.c resolves it). */
struct actor {
	char login[STORE_LOGIN];
	enum urole role;
	int staff;		/* -1 when the user is not on the staff list */
	/* Where from, for the audit trail (auth.c fills them). */
	long long uid;		/* the real uid */
	char tty[64];		/* ttyname of stdin, or "-" */
	char ssh[64];		/* the SSH client's address, or "-" */
};

struct mark_req {
	int rule;		/* index in floor->rules */
	int staff;		/* the offender, -1 for a group rule */
	int group;		/* the group of a group rule, else -1 */
	fen_t amount;		/* range rules; -1 takes the low end */
	const char *note;	/* may be NULL */
	time_t at;		/* when it happened */
	bool at_given;		/* the marker chose the time (managers only) */
};

struct mark_result {
	struct incident in;	/* as stored, with its offence number */
	struct fine_row *fines;	/* own first; vacancies have staff "" */
	int nfines;
	int64_t custody;	/* custody id, 0 when nothing was taken */
};

/*
 * Marks an incident.  Fills out (free with mark_result_free).  Its own
 * transaction, or part of the caller's when one is open (store_begin
 * nests): a sign-in that is also a LATE mark, a complaint recorded late.
 */
int engine_mark(const struct floor *f, struct store *s, const struct actor *a,
    const struct mark_req *r, struct mark_result *out, struct err *e);
void mark_result_free(struct mark_result *r);

/* Voids an incident (kept on record) and renumbers what it affected.
 * Managers void anything; others only what they marked themselves.  Its
 * own transaction, or part of the caller's (a sign-in voided with the
 * LATE mark it caused). */
int engine_void(const struct floor *f, struct store *s, const struct actor *a,
    int64_t id, const char *reason, struct err *e);

/* As engine_void, for an incident dated in a closed month too: an appeal
 * decided after its month closed (settled in a later month; the closed
 * month's rows stay as they were paid). */
int engine_void_settle(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, const char *reason, struct err *e);

/* Numbers and prices again every standing offence dated on or after day,
 * in the rule's window of today's rulebook, as a reopening needs: what a
 * closed month kept, the month reopened counts again.  Inside the
 * caller's transaction. */
int engine_renumber_since(const struct floor *f, struct store *s,
    const char *day, struct err *e);

/*
 * The closed-month check every write calls with the day it writes into:
 * 0 when day's month is open; -1 and EXIT_REFUSED (naming the month and
 * how to reopen it) when a manager closed it for payroll.  Call it inside
 * the write's transaction.  The _span form checks every month of from..to.
 */
int engine_check_open(struct store *s, const char *day, struct err *e);
int engine_check_open_span(struct store *s, const char *from, const char *to,
    struct err *e);

/* The console's undo of its own actions, each one transaction: a mark
 * (voided "undone at console"; a custody record it opened is closed, the
 * item was never taken: *closed counts them), an inspection, a return
 * (the item is held again). */
int engine_undo_mark(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, int *closed, struct err *e);
int engine_undo_inspection(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e);
int engine_undo_return(const struct floor *f, struct store *s,
    const struct actor *a, int64_t custody_id, struct err *e);

/* Voids the actor's own last mark ("undone at console"); id set. */
int engine_undo(const struct floor *f, struct store *s, const struct actor *a,
    int64_t *id, struct err *e);

/* Hands a confiscated item back. */
int engine_return(const struct floor *f, struct store *s, const struct actor *a,
    int64_t custody_id, struct err *e);

/* Records a desk found in order; *id (when id is not NULL) the record. */
int engine_inspect(const struct floor *f, struct store *s, const struct actor *a,
    int seat, int64_t *id, struct err *e);

/* The own fine of the nth offence under terms t (amount: a range's given
 * amount).  *doubled is set when the repeat factor applied. */
fen_t engine_price(const struct rule_terms *t, int nth, fen_t amount,
    int *doubled);

/* A note or reason as a person typed it: refused (EXIT_USAGE, saying
 * which and why) when longer than the store keeps, not UTF-8, or holding a
 * control character.  0 when fit to keep. */
int engine_check_text(const char *what, const char *s, struct err *e);

/* What a fine line is: the offender's own fine, a co-penalty on a role
 * holder, or a group fine on a member.  The one place that reads the
 * stored role text. */
enum fine_kind { FINE_OWN, FINE_CO, FINE_GROUP };
#define FINE_ROLE_OFFENDER "offender"
#define FINE_ROLE_MEMBER "member"
enum fine_kind engine_fine_kind(const struct fine_row *fr);

/* Times more than this many seconds from now count as "another time". */
#define NOW_SLACK 120

/* Refuses a time in the future, and another time than now unless the
 * actor is a manager. */
int engine_check_time(const struct actor *a, time_t at, bool at_given,
    time_t now, struct err *e);

/* True when the rule falls on a whole group rather than a person. */
bool rule_is_group(const struct rule *r);

/* The staff on the floor that the actor's role lets write (not leads). */
bool actor_can_mark(const struct actor *a);

#endif
