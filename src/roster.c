/*
 * roster.c - the floor's roster kept in its database (issue 15): floor
 * name, groups with their role holders, staff with their group and seat,
 * as of each day it changed.  On a PostgreSQL database that many floors
 * share, headquarters can name another floor's people from it without
 * that floor's configuration file.  Written by init and by any command
 * that finds the configuration changed since (meta "roster" holds the
 * text, "roster sha256" its hash, "roster DAY" the text as of DAY).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/carry.h"
#include "clock.h"
#include "roster.h"
#include "sha256.h"

static const char *
holder(const struct floor *f, int staff)
{
	return staff >= 0 ? f->staff[staff].id : "";
}

void
roster_text(const struct floor *f, struct buf *out)
{
	int i;

	const struct attendance *a = &f->att;

	buf_printf(out, "floor\t%s\t%s\n", f->id, f->name);
	buf_printf(out, "clock\t%s\t%d\t%d\t%d\t%d\n",
	    f->timezone ? f->timezone : "", f->shift_start, f->shift_end,
	    f->signin_window, f->signout_window);
	buf_printf(out, "calendar\t%u\t", f->workdays);
	for (i = 0; i < f->nholidays; i++)
		buf_printf(out, "%s%s", i ? " " : "", f->holidays[i]);
	buf_printf(out, "\nattendance\t%d %d %d %d %d %d %d\n",
	    a->late_grace_minutes, a->half_day_after_minutes,
	    a->lates_per_month_absence, a->lates_per_year_termination,
	    a->absences_month_forfeit, a->absences_total_termination,
	    a->consecutive_absences_termination);
	for (i = 0; i < f->ngroups; i++) {
		const struct group *g = &f->groups[i];

		buf_printf(out, "group\t%s\t%s\t%s\t%s\t%s\n", g->id, g->name,
		    holder(f, g->director), holder(f, g->deputy),
		    holder(f, g->supervisor));
	}
	for (i = 0; i < f->nstaff; i++) {
		const struct staff *p = &f->staff[i];

		buf_printf(out, "staff\t%s\t%s\t%s\t%s\n", p->id, p->name,
		    f->groups[p->group].id, p->seat >= 0 ? f->seats[p->seat].id : "");
	}
}

int
roster_note(const struct floor *f, struct store *s, struct err *e)
{
	struct buf text = { 0 };
	char hash[SHA256_HEX], stored[SHA256_HEX + 8], day[DAY_LEN], key[32];
	int rc;

	if (store_readonly(s))
		return 0;
	roster_text(f, &text);
	sha256_hex(text.s, text.len, hash);
	rc = store_meta_get(s, "roster sha256", stored, sizeof stored, e);
	if (rc < 0 || (rc == 0 && strcmp(stored, hash) == 0)) {
		buf_free(&text);
		return rc < 0 ? -1 : 0;
	}
	clock_shift_day(f, clock_now(), day);
	snprintf(key, sizeof key, "roster %s", day);
	rc = store_begin(s, e) < 0 || store_meta_set(s, "roster", text.s, e) < 0 ||
	    store_meta_set(s, key, text.s, e) < 0 ||
	    store_meta_set(s, "roster sha256", hash, e) < 0 ? -1 : 0;
	if (rc == 0)
		rc = store_commit(s, e);
	else
		store_rollback(s);
	buf_free(&text);
	return rc;
}

/* Splits line at tabs in place into at most max fields; their number. */
static int
fields(char *line, char **fld, int max)
{
	int n = 0;

	while (n < max) {
		fld[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

static int
staff_of(const struct floor *f, const char *id)
{
	return id[0] != '\0' ? floor_staff_find(f, id) : -1;
}

/* The roster's lines of one kind into f (staff before groups' holders). */
static int
roster_lines(struct floor *f, char *text, const char *kind)
{
	char *line, *next, *fld[6];
	int n;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n = fields(line, fld, 6);
		if (strcmp(fld[0], kind) != 0)
			continue;
		if (strcmp(kind, "floor") == 0 && n == 3) {
			free(f->id);
			free(f->name);
			f->id = xstrdup(fld[1]);
			f->name = xstrdup(fld[2]);
		} else if (strcmp(kind, "group") == 0 && n == 6) {
			struct group *g;

			f->groups = xrealloc(f->groups, (size_t)(f->ngroups + 1) *
			    sizeof *f->groups);
			g = memset(&f->groups[f->ngroups++], 0, sizeof *g);
			g->id = xstrdup(fld[1]);
			g->name = xstrdup(fld[2]);
			g->director = g->deputy = g->supervisor = -1;
		} else if (strcmp(kind, "staff") == 0 && n == 5) {
			struct staff *p;
			int g = floor_group_find(f, fld[3]);

			if (g < 0)
				return -1;
			f->staff = xrealloc(f->staff, (size_t)(f->nstaff + 1) *
			    sizeof *f->staff);
			p = memset(&f->staff[f->nstaff++], 0, sizeof *p);
			p->id = xstrdup(fld[1]);
			p->name = xstrdup(fld[2]);
			p->group = g;
			p->seat = -1;
			p->role = GROLE_AGENT;
			p->wage = -1;
			if (fld[4][0] != '\0' && floor_seat_find(f, fld[4]) < 0) {
				f->seats = xrealloc(f->seats, (size_t)(f->nseats + 1) *
				    sizeof *f->seats);
				f->seats[f->nseats].id = xstrdup(fld[4]);
				f->seats[f->nseats].row = 0;
				f->seats[f->nseats].col = f->nseats;
				f->seats[f->nseats].staff = f->nstaff - 1;
				p->seat = f->nseats++;
			}
		} else
			return -1;
	}
	return 0;
}

/* A number of a roster line, all of field s; false when it is not one. */
static bool
number(const char *s, long lo, long hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* The floor's clock, calendar and attendance rules from the roster's
 * lines, where it has them; -1 when one is damaged. */
static int
roster_settings(struct floor *f, char *text)
{
	char *line, *next, *fld[6], *tok, *save;
	int n, v[7], k;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n = fields(line, fld, 6);
		if (strcmp(fld[0], "clock") == 0) {
			if (n != 6 || !number(fld[2], 0, 24 * 60 - 1, &v[0]) ||
			    !number(fld[3], 0, 24 * 60 - 1, &v[1]) ||
			    !number(fld[4], 0, 24 * 60, &v[2]) ||
			    !number(fld[5], 0, 24 * 60, &v[3]))
				return -1;
			if (f->timezone != f->base->timezone)
				free(f->timezone);
			f->timezone = fld[1][0] ? xstrdup(fld[1]) : NULL;
			f->shift_start = v[0];
			f->shift_end = v[1];
			f->signin_window = v[2];
			f->signout_window = v[3];
		} else if (strcmp(fld[0], "calendar") == 0) {
			if (n != 3 || !number(fld[1], 0, 127, &v[0]))
				return -1;
			f->workdays = (unsigned)v[0];
			if (f->holidays != f->base->holidays)
				free(f->holidays);
			f->holidays = NULL;
			f->nholidays = 0;
			for (tok = strtok_r(fld[2], " ", &save); tok != NULL;
			    tok = strtok_r(NULL, " ", &save)) {
				if (strlen(tok) != 10)
					return -1;
				f->holidays = xrealloc(f->holidays,
				    (size_t)(f->nholidays + 1) * sizeof *f->holidays);
				memcpy(f->holidays[f->nholidays++], tok, 11);
			}
		} else if (strcmp(fld[0], "attendance") == 0) {
			if (n != 2)
				return -1;
			tok = strtok_r(fld[1], " ", &save);
			for (k = 0; k < 7; k++, tok = strtok_r(NULL, " ", &save))
				if (tok == NULL || !number(tok, -1, 100000, &v[k]))
					return -1;
			if (tok != NULL)
				return -1;
			f->att.late_grace_minutes = v[0];
			f->att.half_day_after_minutes = v[1];
			f->att.lates_per_month_absence = v[2];
			f->att.lates_per_year_termination = v[3];
			f->att.absences_month_forfeit = v[4];
			f->att.absences_total_termination = v[5];
			f->att.consecutive_absences_termination = v[6];
		}
	}
	return 0;
}

/* The groups' role holders, once the staff are known. */
static void
roster_holders(struct floor *f, char *text)
{
	char *line, *next, *fld[6];
	int g;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (fields(line, fld, 6) != 6 || strcmp(fld[0], "group") != 0 ||
		    (g = floor_group_find(f, fld[1])) < 0)
			continue;
		f->groups[g].director = staff_of(f, fld[3]);
		f->groups[g].deputy = staff_of(f, fld[4]);
		f->groups[g].supervisor = staff_of(f, fld[5]);
		if (f->groups[g].director >= 0)
			f->staff[f->groups[g].director].role = GROLE_DIRECTOR;
		if (f->groups[g].deputy >= 0)
			f->staff[f->groups[g].deputy].role = GROLE_DEPUTY;
		if (f->groups[g].supervisor >= 0)
			f->staff[f->groups[g].supervisor].role = GROLE_SUPERVISOR;
	}
}

struct floor *
roster_floor(const struct floor *base, const char *text)
{
	static const char *const kinds[] = { "floor", "group", "staff" };
	struct floor *f = xmalloc(sizeof *f);
	char *copy;
	size_t k;
	int rc;

	*f = *base;
	f->id = xstrdup(base->id);
	f->name = xstrdup(base->name);
	f->seats = NULL;
	f->groups = NULL;
	f->staff = NULL;
	f->nseats = f->ngroups = f->nstaff = 0;
	f->cells = NULL;
	f->nrows = f->ncols = 0;
	f->users = NULL;
	f->nusers = 0;
	f->has_wages = false;
	f->staff_index = f->seat_index = f->rule_index = NULL;
	f->base = base;
	copy = xstrdup(text);
	rc = roster_settings(f, copy);
	free(copy);
	if (rc < 0) {
		floor_free_roster(f);
		return NULL;
	}
	for (k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		copy = xstrdup(text);
		if (roster_lines(f, copy, kinds[k]) < 0) {
			free(copy);
			floor_free_roster(f);
			return NULL;
		}
		free(copy);
	}
	copy = xstrdup(text);
	roster_holders(f, copy);
	free(copy);
	return f;
}
