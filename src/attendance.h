/*
 * attendance.h - rulebook section 3 (A1-A6) and F11: sign-in, lateness and
 * early leave, leave requests and their validity, absences and the
 * thresholds that follow from them.  Thresholds come from the rulebook
 * file (floor->att), never from code.
 *
 * Absences are derived: a working day on which a person has no sign-in and
 * no valid leave, once the shift is over, is a day of absence.  Derivation
 * starts on the first day anyone signed in, so a floor that does not keep
 * attendance is never declared absent.  What rules need across long windows
 * is carried forward per person and finished month (att_tally.c).
 */
#ifndef CALLFLOOR_ATTENDANCE_H
#define CALLFLOOR_ATTENDANCE_H

#include <stdbool.h>
#include <time.h>

#include "../db/attendance.h"
#include "engine.h"

enum att_status {
	ATT_UNTRACKED,	/* attendance not kept yet, or no working day */
	ATT_NOT_YET,	/* the shift is on and no sign-in yet */
	ATT_SIGNED_IN,
	ATT_LATE,
	ATT_ON_LEAVE,
	ATT_ABSENT,
	ATT_SEEN,	/* no sign-in, but seen at the desk today (an i or a mark
			   on the seat): not an absence while the shift is on */
	ATT_EXPLAINED	/* no sign-in, an attendance explanation (A2) */
};

/* One person's day. */
struct att_day {
	enum att_status status;
	int late_minutes, early_minutes;
	bool half_day;			/* late or early past the threshold */
	bool form_pending;		/* on phone leave, written form missing */
	bool threshold;			/* crossed a threshold today */
	bool seen;			/* no sign-in, but an i or a mark on the
					   seat today (an absence once the shift
					   is over, unless explained) */
};

/* Result of a sign-in or sign-out. */
struct signin_result {
	int minutes;			/* late (in) or early (out), 0 on time */
	bool half_day;
	int64_t late_incident;		/* the LATE mark, 0 when none */
	fen_t late_fine;
};

/*
 * A sign-in is accepted from floor.signin_window minutes before the shift
 * start until the shift end; a sign-out from the sign-in (there must be
 * one) until floor.signout_window minutes after the end.  Outside them
 * only a manager records one, with outside_shift.
 */
int attendance_signin(const struct floor *f, struct store *s,
    const struct actor *a, int staff, time_t at, bool at_given,
    bool outside_shift, struct signin_result *out, struct err *e);
int attendance_signout(const struct floor *f, struct store *s,
    const struct actor *a, int staff, time_t at, bool at_given,
    bool outside_shift, struct signin_result *out, struct err *e);

struct import_row;

/*
 * signin --import (managers): rows of a time clock's file named name,
 * each judged as signin/signout would judge it.  All are checked first;
 * each bad one adds "name:LINE: message\n" to errs and nothing is written
 * (returns 0 with errs set; the caller exits 2).  Otherwise they are
 * written in time order, in short transactions; a row already recorded
 * (the same person, day, kind and time), voided or not, adds nothing.
 * *added and *skipped count them.
 */
int attendance_import(const struct floor *f, struct store *s,
    const struct actor *a, struct import_row *rows, int n, bool outside,
    const char *name, struct buf *errs, int *added, int *skipped,
    struct err *e);

/* Voids staff's sign-in of day and the LATE mark it caused (kept on
 * record); a corrected sign-in can then be recorded.  *late is the LATE
 * incident voided, 0 when none. */
int attendance_signin_void(const struct floor *f, struct store *s,
    const struct actor *a, int staff, const char *day, const char *reason,
    int64_t *late, struct err *e);

/* Records an attendance explanation (考勤说明, A2) for staff on day. */
int attendance_explain(const struct floor *f, struct store *s,
    const struct actor *a, int staff, const char *day, const char *note,
    struct err *e);

enum leave_kind { LEAVE_SICK, LEAVE_PERSONAL };
enum leave_via { VIA_WRITTEN, VIA_PHONE, VIA_SMS };

struct leave_req {
	int staff;
	char from[11], to[11];
	enum leave_kind kind;
	enum leave_via via;
	time_t requested_at;
	bool record_invalid;		/* keep an invalid request on record */
};

/* How far back a supervisor may date a request (yesterday's written or
 * phoned ones); managers may go further. */
#define LEAVE_BACKDATE_HOURS 48

/*
 * Validates a request as A4/A5 say.  A valid one is recorded; an invalid one
 * is refused (EXIT_USAGE, the reason in e) unless record_invalid, when it is
 * recorded as invalid so its days count as absences.  *id is the record.
 * A request of more than one working day is recorded pending a manager's
 * approval (attendance_leave_approve); no one approves on another's behalf.
 */
int attendance_leave(const struct floor *f, struct store *s,
    const struct actor *a, const struct leave_req *r, int64_t *id,
    bool *valid, struct err *e);
/* Why a request is invalid (into why), or 0 when it is valid. */
int leave_check(const struct floor *f, const struct leave_req *r,
    char *why, size_t n);
/* True when a request from..to needs a manager's approval (A5). */
bool leave_needs_approval(const struct floor *f, const char *from,
    const char *to);
/* A manager approves request id, as the one who runs it (A5).  A day of
 * the request that passed before the approval stays an absence. */
int attendance_leave_approve(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e);
/* The written form of a phone request has come in. */
int attendance_leave_form(const struct floor *f, struct store *s,
    const struct actor *a, int64_t id, struct err *e);

/* Everyone's status on day (out has f->nstaff entries). */
int attendance_day(const struct floor *f, struct store *s, const char *day,
    struct att_day *out, struct err *e);
/* True once day's shift is over at now: who has not come is absent. */
bool attendance_day_over(const struct floor *f, const char *day, time_t now);
/* The same, for a caller that knows who was seen at the desk on day
 * (seen: f->nstaff entries; the seat map reads the day's incidents once). */
int attendance_day_seen(const struct floor *f, struct store *s,
    const char *day, const bool *seen, struct att_day *out, struct err *e);

/* Settles (computes once and stores) the carried totals that a look at
 * day needs; for a caller about to read inside one transaction, where
 * they could only be computed.  Where the store cannot be written, does
 * nothing more than the look itself would. */
int attendance_settle(const struct floor *f, struct store *s, const char *day,
    struct err *e);
/* Who hears how many months of attendance are counted when totals are
 * carried (a year of a large floor takes seconds); NULL: nobody. */
void attendance_on_progress(store_progress_fn *fn, void *arg);

/* One person's month. */
struct att_month {
	int late, early, half_days;
	int personal_leave_days;	/* working days on valid leave (A4, A5) */
	int sick_leave_days;
	int absence_halfdays;		/* absences, in half days */
	bool bonus_forfeit;
	char flags[256];		/* "; "-separated, "" when none */
};

/* Everyone's month "YYYY-MM" (out has f->nstaff entries). */
int attendance_month(const struct floor *f, struct store *s, const char *month,
    struct att_month *out, struct err *e);

/* A carried total (db/carry.h) that differs from the raw rows. */
struct carry_diff {
	char month[11];			/* "" for the whole store; a day
					 * for the running month's rows */
	char staff[STORE_ID];
	char what[200];			/* "absent 2, rebuilt 3; ..." */
};

/*
 * callfloor verify: rebuilds every carried attendance total of the
 * finished months from the raw rows and compares them with those stored;
 * *diffs (caller frees) lists the differences, *checked counts the rows
 * compared.  With repair (managers), writes the rebuilt ones, audited, in
 * one transaction.
 */
int attendance_verify(const struct floor *f, struct store *s,
    const struct actor *a, bool repair, struct carry_diff **diffs,
    int *ndiffs, int *checked, struct err *e);

const char *att_status_name(enum att_status st);
/* A one-letter mark for maps: ' ', '-', 'I', 'L', 'V', 'A', 'S', 'E'. */
char att_status_letter(enum att_status st);

#endif
