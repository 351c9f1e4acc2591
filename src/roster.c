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

	buf_printf(out, "floor\t%s\t%s\n", f->id, f->name);
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
