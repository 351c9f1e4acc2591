/*
 * test_roster.c - the floor's roster in its database (src/roster.h,
 * store_roster): read back as a floor it names the same groups, role
 * holders, staff and seats as the configuration it was written from; the
 * roster of a day is the latest stored on or before it (the earliest for
 * a day before any); a text that is not a roster is refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/carry.h"
#include "../../src/roster.h"
#include "helpers.h"

TestSuite(roster, .init = fx_small, .fini = fx_done);

Test(roster, a_roster_read_back_names_the_same_floor)
{
	struct buf a = { 0 }, b = { 0 };
	struct floor *r;
	int g, p;

	roster_text(fx.f, &a);
	r = roster_floor(fx.f, a.s);
	cr_assert_not_null(r);
	roster_text(r, &b);
	cr_expect_str_eq(b.s, a.s);
	cr_expect_str_eq(r->name, "Test Floor");
	g = floor_group_find(r, "B");
	cr_assert_geq(g, 0);
	cr_expect_str_eq(r->groups[g].name, "Group B");
	cr_expect_str_eq(r->staff[r->groups[g].director].id, "D003");
	cr_expect_eq(r->groups[g].deputy, -1, "B's deputy is vacant");
	p = floor_staff_find(r, "D001");
	cr_expect_eq(r->staff[p].role, GROLE_DIRECTOR);
	p = floor_staff_find(r, "E203");
	cr_expect_str_eq(r->staff[p].name, "王强");
	cr_expect_eq(r->seats[r->staff[p].seat].staff, p);
	cr_expect_str_eq(r->seats[r->staff[p].seat].id, "B03");
	/* What it does not name is the reader's own. */
	cr_expect_eq(r->nrules, fx.f->nrules);
	cr_expect_eq(r->nusers, 0);
	floor_free_roster(r);
	buf_free(&a);
	buf_free(&b);
}

Test(roster, a_text_that_is_not_a_roster_is_refused)
{
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\nstaff\tE1\tA\tNOGROUP\t\n"));
	cr_expect_null(roster_floor(fx.f, "group\tonly two\n"));
}

static const char *
roster_of(const char *day)
{
	static char got[64];
	struct err e = { 0 };
	char *text = NULL;
	int rc = store_roster(fx.s, NULL, day, &text, &e);

	cr_assert_geq(rc, 0, "%s", e.msg);
	snprintf(got, sizeof got, "%s", rc == 1 ? "(none)" : text);
	free(text);
	return got;
}

Test(roster, the_roster_of_a_day_is_the_latest_on_or_before_it)
{
	struct err e = { 0 };

	cr_expect_str_eq(roster_of("2026-11-10"), "(none)");
	cr_assert_eq(store_meta_set(fx.s, "roster 2026-11-05", "fifth", &e), 0);
	cr_assert_eq(store_meta_set(fx.s, "roster 2026-11-20", "twentieth", &e), 0);
	cr_assert_eq(store_meta_set(fx.s, "roster", "latest", &e), 0);
	cr_assert_eq(store_meta_set(fx.s, "roster sha256", "x", &e), 0);
	cr_expect_str_eq(roster_of("2026-11-01"), "fifth", "before any: the earliest");
	cr_expect_str_eq(roster_of("2026-11-05"), "fifth");
	cr_expect_str_eq(roster_of("2026-11-19"), "fifth");
	cr_expect_str_eq(roster_of("2026-11-20"), "twentieth");
	cr_expect_str_eq(roster_of("2027-01-01"), "twentieth");
}
