/*
 * complaint.h - the store's side of rule B14's register (table complaint,
 * schema.sql): SQL only.  Who may write what, and the checks of typed
 * text, are src/complaint.c's; writes happen inside the caller's
 * transaction (store_begin).
 */
#ifndef CALLFLOOR_DB_COMPLAINT_H
#define CALLFLOOR_DB_COMPLAINT_H

#include "store.h"

#define COMPLAINT_PHONE 32	/* digits and a leading +, with the NUL */
#define COMPLAINT_DIGITS 20	/* the most digits a phone may have */

struct complaint {
	int64_t id;
	char staff[STORE_ID];		/* the agent who took the call */
	char grp[STORE_ID];
	char kind[16];			/* "repair" or "complaint" */
	char caller[STORE_TEXT];	/* "" once purged */
	char phone[COMPLAINT_PHONE];	/* "" when none or purged */
	char note[STORE_TEXT];
	int64_t at;
	char day[11];
	char recorded_by[STORE_LOGIN];
	int64_t recorded_at;
	int late;			/* recorded after UNLOGGED found it */
	int64_t incident;		/* that UNLOGGED mark, 0 when none */
	char forwarded_by[STORE_LOGIN];
	int64_t forwarded_at;		/* 0 until handed to the manager */
	char closed_by[STORE_LOGIN];
	int64_t closed_at;		/* 0 while open */
	char outcome[STORE_TEXT];
	int64_t purged_at;		/* 0 while the caller's data is kept */
};

/* Adds an entry (c->id set); forwarding, closing and purging come later. */
int store_complaint_add(struct store *s, struct complaint *c, struct err *e);
/* One entry; 1 when there is none of that id. */
int store_complaint_get(struct store *s, int64_t id, struct complaint *out,
    struct err *e);
/* Marks an open entry handed to the manager; 1 when it was not open or
 * already forwarded (nothing written). */
int store_complaint_forward(struct store *s, int64_t id, const char *by,
    int64_t at, struct err *e);
/* Closes an open entry with its outcome; 1 when it was not open. */
int store_complaint_close(struct store *s, int64_t id, const char *by,
    int64_t at, const char *outcome, struct err *e);

/* Which entries a list holds. */
enum complaint_sel {
	CSEL_DAY,		/* recorded for shift day `day` */
	CSEL_OPEN,		/* every entry not closed */
	CSEL_DAY_OR_OPEN,	/* both: today's list */
	CSEL_AS_OF		/* recorded on `day`, or before it and not
				   closed by `end`: a day's report */
};
/* Entries by selection, of group grp (NULL: every group), by group, then
 * day, then id. */
int store_complaint_list(struct store *s, enum complaint_sel sel,
    const char *day, const char *grp, struct complaint **out, int *n,
    struct err *e);
/* CSEL_AS_OF: as store_complaint_list, the day ending at time end. */
int store_complaint_as_of(struct store *s, const char *day, int64_t end,
    struct complaint **out, int *n, struct err *e);
/* Entries of staff not closed, oldest first. */
int store_complaint_open_of(struct store *s, const char *staff,
    struct complaint **out, int *n, struct err *e);
/* Ids of entries closed before `before` whose caller's data is still
 * kept, oldest first. */
int store_complaint_purgeable(struct store *s, int64_t before, int64_t **ids,
    int *n, struct err *e);
/* Forgets the caller's name and phone of one closed entry; 1 when it was
 * not closed or already purged. */
int store_complaint_purge(struct store *s, int64_t id, int64_t at,
    struct err *e);

#endif
