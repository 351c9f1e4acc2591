/*
 * test_roster.c - the floor's roster in its database (src/roster.h,
 * store_roster): read back as a floor it names the same groups, role
 * holders, staff and seats as the configuration it was written from; the
 * roster of a day is the latest stored on or before it (the earliest for
 * a day before any); it carries the floor's clock, calendar and
 * attendance rules; a text that is not a roster is refused.
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

/* Another floor's clock, calendar and attendance rules come with its
 * roster (headquarters reads its days as it does); a roster written
 * before they were part of it keeps the reader's. */
Test(roster, a_roster_carries_its_floors_clock_and_calendar)
{
	struct buf a = { 0 };
	struct floor *r;
	const char *other =
	    "floor\tnorth\tNorth\n"
	    "clock\tAsia/Tokyo\t480\t1020\t60\t30\n"
	    "calendar\t126\t2026-01-01 2026-05-01\n"
	    "attendance\t5 120 3 10 2 6 3\n"
	    "group\tA\t北一组\t\t\t\n";

	r = roster_floor(fx.f, other);
	cr_assert_not_null(r);
	cr_expect_str_eq(r->timezone, "Asia/Tokyo");
	cr_expect_eq(r->shift_start, 480);
	cr_expect_eq(r->shift_end, 1020);
	cr_expect_eq(r->signin_window, 60);
	cr_expect_eq(r->signout_window, 30);
	cr_expect_eq(r->workdays, 126u, "Monday to Saturday");
	cr_expect(floor_workday(r, "2026-11-21"), "a Saturday is worked");
	cr_expect_not(floor_workday(r, "2026-05-01"), "a holiday");
	cr_expect_not(floor_workday(fx.f, "2026-11-21"), "the reader's own calendar is untouched");
	cr_expect_eq(r->att.late_grace_minutes, 5);
	cr_expect_eq(r->att.half_day_after_minutes, 120);
	cr_expect_eq(r->att.consecutive_absences_termination, 3);
	cr_expect_str_eq(fx.f->timezone, "Asia/Shanghai");
	roster_text(r, &a);
	cr_expect(strstr(a.s, "calendar\t126\t2026-01-01 2026-05-01\n") != NULL, "%s", a.s);
	floor_free_roster(r);
	buf_free(&a);

	r = roster_floor(fx.f, "floor\told\tOld\ngroup\tA\tA\t\t\t\n");
	cr_assert_not_null(r);
	cr_expect_eq(r->timezone, fx.f->timezone, "an older roster: the reader's zone");
	cr_expect_eq(r->shift_start, fx.f->shift_start);
	cr_expect_eq(r->workdays, fx.f->workdays);
	floor_free_roster(r);
}

Test(roster, a_text_that_is_not_a_roster_is_refused)
{
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\nstaff\tE1\tA\tNOGROUP\t\n"));
	cr_expect_null(roster_floor(fx.f, "group\tonly two\n"));
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\nclock\tAsia/Tokyo\t25:00\t1020\t0\t0\n"));
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\ncalendar\t300\t\n"));
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\ncalendar\t31\t2026-1-1\n"));
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\nattendance\t1 2 3\n"));
	cr_expect_null(roster_floor(fx.f, "floor\tx\tX\nattendance\t1 2 3 4 5 6 7 8\n"));
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
