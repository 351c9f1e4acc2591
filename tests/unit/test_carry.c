/*
 * test_carry.c - attendance totals carried forward per person and month
 * (db/carry.h): a finished month is settled once and read back, a run of
 * absences crosses the month's end, a write dated into a finished month
 * drops what it carried, and verify finds and repairs a carried total
 * that differs from the raw rows.  The running month is carried to its last
 * finished day the same way.  The small floor's shift is 09:00-18:00,
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
	cr_expect_eq(checked, 2 * fx.f->nstaff, "October's and the running "
	    "month's to Sunday 1 November");
	free(d);
	db_exec(fx.db, "UPDATE att_carry SET absent = 9 WHERE staff = 'E101' "
	    "AND month = '2026-10'");
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
	    "'E101' AND month = '2026-10'"), 2);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE action = "
	    "'verify repair'"), 1, "the repair is not audited");
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0);
	free(d);
}

/* E101 signs in 20 minutes late on Monday 2 November 2026, then misses
 * Tuesday and Wednesday; E102 is on sick leave on Tuesday. */
static void
late_then_away(void)
{
	struct leave_req r = { 0 };
	struct err e = { 0 };
	int64_t id;
	bool valid;

	signin_at("E101", "2026-11-02 09:20");
	set_now("2026-11-02 08:00");
	r.staff = floor_staff_find(fx.f, "E102");
	snprintf(r.from, sizeof r.from, "2026-11-03");
	snprintf(r.to, sizeof r.to, "2026-11-03");
	r.kind = LEAVE_SICK;
	r.via = VIA_WRITTEN;
	r.requested_at = clock_now();
	cr_assert_eq(attendance_leave(fx.f, fx.s, &MGR, &r, &id, &valid, &e),
	    0, "%s", e.msg);
	cr_assert(valid);
}

Test(carry, the_running_month_is_carried_to_its_last_finished_day)
{
	struct att_month m;

	late_then_away();
	m = month_of("E101", "2026-11", "2026-11-04 20:00");
	cr_expect_eq(m.late, 1);
	cr_expect_eq(m.absence_halfdays, 4, "Tuesday and Wednesday");
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    "= '2026-11-03'"), fx.f->nstaff, "Tuesday not carried");
	cr_expect_eq(db_int(fx.db, "SELECT absent FROM att_carry WHERE month "
	    "= '2026-11-03' AND staff = 'E101'"), 1);
	/* Read back from then on (what the row says is what counts), the
	 * leave days counted again from the leave. */
	db_exec(fx.db, "UPDATE att_carry SET late = 5 WHERE month = "
	    "'2026-11-03' AND staff = 'E101'");
	m = month_of("E101", "2026-11", "2026-11-04 20:10");
	cr_expect_eq(m.late, 5, "the carried day was not read");
	cr_expect_eq(month_of("E102", "2026-11", "2026-11-04 20:10").
	    sick_leave_days, 1);
	db_exec(fx.db, "UPDATE att_carry SET late = 1 WHERE month = "
	    "'2026-11-03' AND staff = 'E101'");
	/* A sign-in dated today leaves it; one dated into it drops it. */
	signin_at("E103", "2026-11-04 17:00");
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    "= '2026-11-03'"), fx.f->nstaff, "dropped by a write dated after it");
	mark_back(&MGR, "E101", "MEETING", NONE, "2026-11-03 10:00",
	    "2026-11-04 20:30");
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE month "
	    "= '2026-11-03'"), 0, "kept after a mark dated into it");
	m = month_of("E101", "2026-11", "2026-11-04 20:40");
	cr_expect_eq(m.absence_halfdays, 6, "the meeting's two half days "
	    "on top of the two days away: %d", m.absence_halfdays);
	cr_expect_eq(db_int(fx.db, "SELECT meeting_halves FROM att_carry WHERE "
	    "month = '2026-11-03' AND staff = 'E101'"), 2, "settled again");
}

Test(carry, the_carried_day_gives_what_the_walk_from_the_first_gives)
{
	struct att_month *with, *without;
	struct err e = { 0 };
	int i;

	late_then_away();
	with = calloc((size_t)fx.f->nstaff, sizeof *with);
	without = calloc((size_t)fx.f->nstaff, sizeof *without);
	set_now("2026-11-04 20:00");
	cr_assert_eq(attendance_month(fx.f, fx.s, "2026-11", with, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(attendance_month(fx.f, fx.s, "2026-11", with, &e), 0, "%s",
	    e.msg);
	cr_assert_gt(db_int(fx.db, "SELECT count(*) FROM att_carry WHERE "
	    "month = '2026-11-03'"), 0);
	/* Read-only: nothing carried is kept, every day walked. */
	db_exec(fx.db, "DELETE FROM att_carry WHERE length(month) > 7");
	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(attendance_month(fx.f, fx.s, "2026-11", without, &e), 0,
	    "%s", e.msg);
	store_rollback(fx.s);
	for (i = 0; i < fx.f->nstaff; i++)
		cr_expect(memcmp(&with[i], &without[i], sizeof with[i]) == 0,
		    "%s differs", fx.f->staff[i].id);
	cr_expect_eq(without[floor_staff_find(fx.f, "E102")].sick_leave_days, 1);
	free(with);
	free(without);
}

Test(carry, verify_rebuilds_the_running_months_carried_day)
{
	struct carry_diff *d = NULL;
	struct err e = { 0 };
	int n, checked;

	late_then_away();
	month_of("E101", "2026-11", "2026-11-04 20:00");
	db_exec(fx.db, "UPDATE att_carry SET absent = 7 WHERE month = "
	    "'2026-11-03' AND staff = 'E101'");
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(d[0].month, "2026-11-03");
	cr_expect(strstr(d[0].what, "absent 7, rebuilt 1") != NULL, "%s",
	    d[0].what);
	free(d);
	cr_assert_eq(attendance_verify(fx.f, fx.s, &MGR, true, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	free(d);
	cr_expect_eq(db_int(fx.db, "SELECT absent FROM att_carry WHERE month = "
	    "'2026-11-03' AND staff = 'E101'"), 1);
	cr_assert_eq(attendance_verify(fx.f, fx.s, &LEAD, false, &d, &n,
	    &checked, &e), 0, "%s", e.msg);
	cr_expect_eq(n, 0, "%s", n ? d[0].what : "");
	free(d);
}
