/*
 * test_carry.c - attendance totals carried forward per person and month
 * (db/carry.h): a finished month is settled once and read back, a run of
 * absences crosses the month's end, a write dated into a finished month
 * drops what it carried, and verify finds and repairs a carried total
 * that differs from the raw rows.  The small floor's shift is 09:00-18:00,
 * Monday to Friday; 29 and 30 October 2026 are a Thursday and a Friday.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/attendance.h"
#include "helpers.h"

TestSuite(carry, .init = fx_small, .fini = fx_done);

static void
signin_at(const char *staff, const char *when)
{
	struct signin_result r;
	struct err e = { 0 };

	set_now(when);
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    staff), clock_now(), false, false, &r, &e), 0, "signin %s: %s",
	    staff, e.msg);
}

static struct att_month
month_of(const char *staff, const char *month, const char *now)
{
	struct att_month *m = calloc((size_t)fx.f->nstaff, sizeof *m), r;
	struct err e = { 0 };

	set_now(now);
	cr_assert_eq(attendance_month(fx.f, fx.s, month, m, &e), 0, "%s", e.msg);
	r = m[floor_staff_find(fx.f, staff)];
	free(m);
	return r;
}

/* E101 signs in on Wednesday 28 October, then misses Thursday, Friday
 * and Monday 2 November. */
static void
three_days_across_the_month(void)
{
	signin_at("E101", "2026-10-28 08:55");
}

Test(carry, a_run_of_absences_crosses_the_month_end_from_the_carried_row)
{
	struct att_month m;

	three_days_across_the_month();
	m = month_of("E101", "2026-11", "2026-11-02 20:00");
	cr_expect(strstr(m.flags, "3 consecutive days") != NULL, "%s", m.flags);
	cr_expect_eq(m.absence_halfdays, 2, "November's own absence: Monday");
	/* October was settled once and is read back from then on. */
	cr_expect_eq(db_int(fx.db, "SELECT absent FROM att_carry WHERE month = "
	    "'2026-10' AND staff = 'E101'"), 2);
	cr_expect_eq(db_int(fx.db, "SELECT run FROM att_carry WHERE month = "
	    "'2026-10' AND staff = 'E101'"), 2);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    "= '2026-11'"), 0, "a month still running is never carried");
	m = month_of("E101", "2026-11", "2026-11-02 20:30");
	cr_expect(strstr(m.flags, "3 consecutive days") != NULL, "%s", m.flags);
	/* October itself, from its raw rows plus nothing before. */
	m = month_of("E101", "2026-10", "2026-11-02 20:30");
	cr_expect_eq(m.absence_halfdays, 4);
	cr_expect(strstr(m.flags, "consecutive") == NULL, "%s", m.flags);
}

Test(carry, an_explanation_dated_into_a_finished_month_drops_what_it_carried)
{
	struct att_month m;
	struct err e = { 0 };

	three_days_across_the_month();
	m = month_of("E101", "2026-11", "2026-11-02 20:00");
	cr_assert(strstr(m.flags, "3 consecutive days") != NULL, "%s", m.flags);
	cr_assert_gt(count_rows("att_carry"), 0);
	cr_assert_eq(attendance_explain(fx.f, fx.s, &MGR, floor_staff_find(fx.f,
	    "E101"), "2026-10-30", "doctor's note", &e), 0, "%s", e.msg);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    ">= '2026-10'"), 0, "October's totals survived a write into it");
	m = month_of("E101", "2026-11", "2026-11-02 20:30");
	cr_expect(strstr(m.flags, "consecutive") == NULL, "the explained Friday "
	    "breaks the run: %s", m.flags);
	cr_expect_eq(db_int(fx.db, "SELECT absent FROM att_carry WHERE month = "
	    "'2026-10' AND staff = 'E101'"), 1, "settled again");
}

Test(carry, a_meeting_marked_into_a_finished_month_counts)
{
	struct att_month m;

	three_days_across_the_month();
	m = month_of("E102", "2026-11", "2026-11-02 20:00");
	cr_expect(strstr(m.flags, "automatic termination") != NULL, "E102 has "
	    "not come since the 28th either: %s", m.flags);
	cr_assert_gt(count_rows("att_carry"), 0);
	mark_back(&MGR, "E101", "MEETING", NONE, "2026-10-28 10:00",
	    "2026-11-02 20:10");
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    ">= '2026-10'"), 0);
	month_of("E101", "2026-11", "2026-11-02 20:30");
	cr_expect_eq(db_int(fx.db, "SELECT meeting_halves FROM att_carry WHERE "
	    "month = '2026-10' AND staff = 'E101'"), 2);
}

Test(carry, verify_lists_a_tampered_total_and_repair_rebuilds_it)
{
	struct carry_diff *d = NULL;
	struct err e = { 0 };
	int n, checked;

	three_days_across_the_month();
	month_of("E101", "2026-11", "2026-11-02 20:00");
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0, "%s", n ? d[0].what : "");
	cr_expect_eq(checked, fx.f->nstaff);
	free(d);
	db_exec(fx.db, "UPDATE att_carry SET absent = 9 WHERE staff = 'E101'");
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(d[0].staff, "E101");
	cr_expect_str_eq(d[0].month, "2026-10");
	cr_expect(strstr(d[0].what, "absent 9, rebuilt 2") != NULL, "%s",
	    d[0].what);
	free(d);
	cr_expect_eq(attendance_verify(fx.f, fx.s, &LEAD, true, &d, &n,
	    &checked, &e), -1, "a lead repaired");
	cr_expect_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(attendance_verify(fx.f, fx.s, &MGR, true, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	free(d);
	cr_expect_eq(db_int(fx.db, "SELECT absent FROM att_carry WHERE staff = "
	    "'E101'"), 2);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE action = "
	    "'verify repair'"), 1, "the repair is not audited");
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0);
	free(d);
}
