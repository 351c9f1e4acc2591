/*
 * attendance.h - the store's attendance tables: sign-ins, sign-outs and
 * leave requests.  SQL only; the rules (lateness, validity, absences) are
 * src/attendance.c's.
 */
#ifndef CALLFLOOR_DB_ATTENDANCE_H
#define CALLFLOOR_DB_ATTENDANCE_H

#include "store.h"

enum { ATT_IN, ATT_OUT };

struct att_mark {
	int64_t id;
	char staff[STORE_ID];
	char day[11];
	int kind;			/* ATT_IN or ATT_OUT */
	int64_t at;
	int minutes;			/* late (in) or early (out) */
	char by[STORE_LOGIN];
};

/* Adds a sign-in or sign-out (m->id set); returns 1 (nothing written) when
 * that person already has a live one of that kind on that day. */
int store_att_add(struct store *s, struct att_mark *m, struct err *e);
/* The live sign-in (or sign-out) of staff on day; 1 when there is none. */
int store_att_live(struct store *s, const char *staff, const char *day,
    int kind, struct att_mark *out, struct err *e);
/* Voids a sign-in or sign-out (kept on record); 1 when it was not live. */
int store_att_void(struct store *s, int64_t id, const char *by, int64_t at,
    const char *reason, struct err *e);
/* A live sign-in or sign-out as a walk over days needs it; the strings
 * are valid only during the call that is given it. */
struct att_tick {
	const char *staff;
	const char *day;
	int kind;			/* ATT_IN or ATT_OUT */
	int minutes;			/* late (in) or early (out) */
};
/* Calls fn for each live sign-in and sign-out between two days
 * (inclusive), by day, without holding them; fn returns nonzero to stop,
 * and that is returned.  Sign-outs with no minutes (on time: half of all
 * rows, and they change no count) only when plain_outs. */
int store_att_each(struct store *s, const char *from, const char *to,
    bool plain_outs, int (*fn)(void *arg, const struct att_tick *t),
    void *arg, struct err *e);
/* Voided sign-ins and sign-outs between two days (inclusive). */
int store_att_voided_range(struct store *s, const char *from, const char *to,
    struct att_mark **out, int *n, struct err *e);
/* The first day anyone signed in; returns 1 when nobody ever did. */
int store_att_first_day(struct store *s, char day[11], struct err *e);

struct leave {
	int64_t id;
	char staff[STORE_ID];
	char from[11], to[11];
	char kind[16], via[16];
	int64_t requested_at;
	char approved_by[STORE_LOGIN];	/* "" until a manager approves */
	int64_t approved_at;		/* 0 until then */
	int valid;
	char why_invalid[STORE_TEXT];
	int64_t form_at;		/* 0 while the written form is missing */
	char recorded_by[STORE_LOGIN];
	int64_t recorded_at;
};

int store_leave_add(struct store *s, struct leave *l, struct err *e);
int store_leave_get(struct store *s, int64_t id, struct leave *out,
    struct err *e);
/* Requests that overlap the days from..to. */
int store_leave_range(struct store *s, const char *from, const char *to,
    struct leave **out, int *n, struct err *e);
/* Records a manager's approval of request id. */
int store_leave_approve(struct store *s, int64_t id, const char *login,
    int64_t at, struct err *e);
/* Marks the written form of a phone request as received. */
int store_leave_form(struct store *s, int64_t id, int64_t at, struct err *e);



/* Attendance explanations (考勤说明). */
struct explanation {
	int64_t id;
	char staff[STORE_ID];
	char day[11];
	char note[STORE_TEXT];
	char by[STORE_LOGIN];
	int64_t at;
};
int store_explain_add(struct store *s, struct explanation *x, struct err *e);
/* Explanations between two days (inclusive), by day then staff. */
int store_explain_range(struct store *s, const char *from, const char *to,
    struct explanation **out, int *n, struct err *e);

/* Not-voided incidents of the given rules between two days: who and when. */
struct absence_incident {
	char staff[STORE_ID];
	char day[11];
	char rule[STORE_ID];
};
int store_incidents_of_rules(struct store *s, const char *from, const char *to,
    const char *const *codes, int ncodes, struct absence_incident **out,
    int *n, struct err *e);
/* The first day of a not-voided incident of the given rules; 1 when none. */
int store_first_incident_of_rules(struct store *s, const char *const *codes,
    int ncodes, char day[11], struct err *e);
#endif
