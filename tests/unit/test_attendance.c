/*
 * test_attendance.c - rulebook section 3 at its boundaries: lateness (10
 * and 11 minutes), the 3rd and 4th late of a month, the 2nd absence, three
 * consecutive working days across a weekend, leave by text message, phone
 * leave 59 and 61 minutes ahead, two-day leave without approval, a holiday.
 * The small floor's shift is 09:00-18:00, Monday to Friday, Asia/Shanghai.
 * November 2026 starts on a Sunday.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../src/attendance.h"
#include "../../src/seatmap.h"
#include "helpers.h"

TestSuite(attendance, .init = fx_small, .fini = fx_done);

static struct signin_result
signin_at(const char *staff, const char *when)
{
	struct signin_result r;
	struct err e = { 0 };

	set_now(when);
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    staff), clock_now(), false, false, &r, &e), 0, "signin %s: %s", staff, e.msg);
	return r;
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

static enum att_status
status_of(const char *staff, const char *day, const char *now)
{
	struct att_day *d = calloc((size_t)fx.f->nstaff, sizeof *d);
	struct err e = { 0 };
	enum att_status st;

	set_now(now);
	cr_assert_eq(attendance_day(fx.f, fx.s, day, d, &e), 0, "%s", e.msg);
	st = d[floor_staff_find(fx.f, staff)].status;
	free(d);
	return st;
}

Test(attendance, ten_minutes_late_is_fined_but_no_half_day)
{
	struct signin_result r = signin_at("E101", "2026-11-02 09:10");

	cr_expect_eq(r.minutes, 10);
	cr_expect(!r.half_day, "10 minutes is not more than 10");
	cr_expect_neq(r.late_incident, 0, "a late arrival is a LATE incident");
	cr_expect_eq(r.late_fine, Y(5));
	cr_expect_eq(own_total("E101"), Y(5));
}

Test(attendance, eleven_minutes_late_is_half_a_day)
{
	struct signin_result r = signin_at("E101", "2026-11-02 09:11");

	cr_expect_eq(r.minutes, 11);
	cr_expect(r.half_day, "more than 10 minutes is half a day (A1)");
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-02 20:00").half_days, 1);
}

Test(attendance, on_time_is_not_late)
{
	struct signin_result r = signin_at("E101", "2026-11-02 09:00");

	cr_expect_eq(r.minutes, 0);
	cr_expect_eq(r.late_incident, 0);
	cr_expect_eq(count_rows("incident"), 0);
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 10:00"), ATT_SIGNED_IN);
}

Test(attendance, signing_in_twice_is_refused)
{
	struct signin_result r;
	struct err e = { 0 };

	signin_at("E101", "2026-11-02 09:20");
	cr_expect_eq(attendance_signin(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E101"), clock_now(), false, false, &r, &e), -1);
	cr_expect(strstr(e.msg, "already signed in") != NULL, "%s", e.msg);
	cr_expect_eq(count_rows("incident"), 1, "no second LATE");
}

Test(attendance, the_fourth_late_of_a_month_is_a_day_of_absence)
{
	/* Everybody else signs in, so that only lateness is counted. */
	static const char *days[] = { "2026-11-02", "2026-11-03", "2026-11-04",
		"2026-11-05" };
	char when[32];
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(when, sizeof when, "%s 09:05", days[i]);
		signin_at("E101", when);
	}
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-04 20:00").late, 3);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-04 20:00").absence_halfdays,
	    0, "three lates are not yet an absence");
	snprintf(when, sizeof when, "%s 09:05", days[3]);
	signin_at("E101", when);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-05 20:00").absence_halfdays,
	    2, "more than three lates count as one day of absence (A3b)");
}

Test(attendance, no_signin_after_the_shift_is_an_absence)
{
	signin_at("E102", "2026-11-02 08:55");	/* attendance is kept */
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 17:59"), ATT_NOT_YET);
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 18:00"), ATT_ABSENT);
}

Test(attendance, the_second_absence_forfeits_the_bonus)
{
	struct att_month m;

	signin_at("E102", "2026-11-02 08:55");
	signin_at("E101", "2026-11-02 08:55");
	/* E101 misses the 3rd; signs in on the 4th; misses the 5th. */
	signin_at("E101", "2026-11-04 08:55");
	m = month_of("E101", "2026-11", "2026-11-04 20:00");
	cr_expect_eq(m.absence_halfdays, 2);
	cr_expect(!m.bonus_forfeit, "one absence keeps the bonus");
	signin_at("E101", "2026-11-06 08:55");
	m = month_of("E101", "2026-11", "2026-11-06 20:00");
	cr_expect_eq(m.absence_halfdays, 4);
	cr_expect(m.bonus_forfeit, "two absences forfeit the bonus (A6a)");
	cr_expect_eq(m.flags[0], '\0', "no termination yet: %s", m.flags);
}

Test(attendance, three_consecutive_working_days_across_a_weekend)
{
	struct att_month m;

	/* Attendance is kept from Monday the 2nd; E101 comes Monday to
	 * Thursday, then misses Friday, Monday and Tuesday. */
	signin_at("E101", "2026-11-02 08:55");
	signin_at("E101", "2026-11-03 08:55");
	signin_at("E101", "2026-11-04 08:55");
	signin_at("E101", "2026-11-05 08:55");
	m = month_of("E101", "2026-11", "2026-11-09 20:00");
	cr_expect_eq(m.absence_halfdays, 4, "Friday and Monday");
	cr_expect(strstr(m.flags, "consecutive") == NULL, "%s", m.flags);
	m = month_of("E101", "2026-11", "2026-11-10 20:00");
	cr_expect_eq(m.absence_halfdays, 6, "the weekend is not counted");
	cr_expect(strstr(m.flags, "3 consecutive days") != NULL, "%s", m.flags);
	cr_expect(strstr(m.flags, "automatic termination") != NULL,
	    "three days in total too (A6b): %s", m.flags);
}

static int64_t last_leave;

static int
leave_as(const struct actor *a, const char *staff, const char *from,
    const char *to, enum leave_via via, const char *requested, bool keep,
    struct err *e)
{
	struct leave_req r = { 0 };
	bool valid;

	r.staff = floor_staff_find(fx.f, staff);
	snprintf(r.from, sizeof r.from, "%s", from);
	snprintf(r.to, sizeof r.to, "%s", to);
	r.kind = LEAVE_PERSONAL;
	r.via = via;
	r.requested_at = at(requested);
	r.record_invalid = keep;
	set_now("2026-11-02 12:00");
	return attendance_leave(fx.f, fx.s, a, &r, &last_leave, &valid, e);
}

static int
leave(const char *staff, const char *from, const char *to, enum leave_via via,
    const char *requested, bool keep, struct err *e)
{
	return leave_as(&SUP, staff, from, to, via, requested, keep, e);
}

Test(attendance, leave_by_text_message_is_never_valid)
{
	struct err e = { 0 };

	cr_expect_eq(leave("E101", "2026-11-03", "2026-11-03", VIA_SMS,
	    "2026-11-01 10:00", false, &e), -1);
	cr_expect_eq(e.code, EXIT_USAGE);
	cr_expect(strstr(e.msg, "text message") != NULL, "%s", e.msg);
	cr_expect_eq(count_rows("leave"), 0, "nothing written");
}

Test(attendance, phone_leave_61_minutes_ahead_is_valid_59_is_not)
{
	struct err e = { 0 };

	cr_expect_eq(leave("E101", "2026-11-02", "2026-11-02", VIA_PHONE,
	    "2026-11-02 07:59", false, &e), 0, "%s", e.msg);
	cr_expect_eq(leave("E102", "2026-11-02", "2026-11-02", VIA_PHONE,
	    "2026-11-02 08:01", false, &e), -1);
	cr_expect(strstr(e.msg, "59 minutes before") != NULL, "%s", e.msg);
}

Test(attendance, two_day_leave_waits_for_a_manager_s_own_approval)
{
	struct err e = { 0 };
	int64_t id;

	signin_at("E103", "2026-11-02 08:55");	/* attendance is kept */
	cr_expect_eq(leave("E101", "2026-11-03", "2026-11-04", VIA_PHONE,
	    "2026-11-01 10:00", false, &e), -1, "more than a day: in writing");
	cr_expect(strstr(e.msg, "in writing (A5)") != NULL, "%s", e.msg);
	cr_assert_eq(leave("E101", "2026-11-03", "2026-11-04", VIA_WRITTEN,
	    "2026-11-01 10:00", false, &e), 0, "%s", e.msg);
	id = last_leave;
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM leave WHERE "
	    "approved_by IS NULL AND approved_at IS NULL"), 1, "pending");
	/* Pending: leave while the day lasts, an absence once it is over. */
	cr_expect_eq(status_of("E101", "2026-11-03", "2026-11-03 12:00"),
	    ATT_ON_LEAVE);
	cr_expect_eq(status_of("E101", "2026-11-03", "2026-11-03 19:00"),
	    ATT_ABSENT);
	/* Nobody approves on a manager's behalf; a supervisor cannot. */
	set_now("2026-11-03 19:00");
	cr_expect_eq(attendance_leave_approve(fx.f, fx.s, &SUP, id, &e), -1);
	cr_expect_eq(e.code, EXIT_REFUSED);
	cr_expect_eq(attendance_leave_approve(fx.f, fx.s, &MGR, id, &e), 0,
	    "%s", e.msg);
	cr_expect_eq(attendance_leave_approve(fx.f, fx.s, &MGR, id, &e), -1,
	    "approved once");
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM leave WHERE "
	    "approved_by = 'root' AND approved_at IS NOT NULL"), 1,
	    "approved by the manager who ran it");
	/* Approved after the 3rd ended: that day stays an absence, the 4th
	 * is leave. */
	cr_expect_eq(status_of("E101", "2026-11-03", "2026-11-04 19:00"),
	    ATT_ABSENT);
	cr_expect_eq(status_of("E101", "2026-11-04", "2026-11-04 19:00"),
	    ATT_ON_LEAVE);
}

Test(attendance, one_day_leave_needs_no_approval)
{
	struct err e = { 0 };

	cr_assert_eq(leave("E101", "2026-11-03", "2026-11-03", VIA_WRITTEN,
	    "2026-11-01 10:00", false, &e), 0, "%s", e.msg);
	cr_expect_eq(attendance_leave_approve(fx.f, fx.s, &MGR, last_leave, &e),
	    -1);
	cr_expect(strstr(e.msg, "needs no approval") != NULL, "%s", e.msg);
	cr_expect_eq(status_of("E101", "2026-11-03", "2026-11-03 19:00"),
	    ATT_ON_LEAVE);
}

Test(attendance, a_supervisor_backdates_a_request_48_hours_at_most)
{
	struct err e = { 0 };

	/* "now" is 2026-11-02 12:00 (leave_as). */
	cr_expect_eq(leave("E101", "2026-11-03", "2026-11-03", VIA_WRITTEN,
	    "2026-10-31 12:00", false, &e), 0, "48 hours: %s", e.msg);
	cr_expect_eq(leave("E102", "2026-11-03", "2026-11-03", VIA_WRITTEN,
	    "2026-10-31 11:59", false, &e), -1);
	cr_expect_eq(e.code, EXIT_REFUSED);
	cr_expect(strstr(e.msg, "48 hours") != NULL, "%s", e.msg);
	cr_expect_eq(leave_as(&MGR, "E102", "2026-11-03", "2026-11-03",
	    VIA_WRITTEN, "2026-10-01 09:00", false, &e), 0, "a manager: %s",
	    e.msg);
	cr_expect_eq(count_rows("leave"), 2);
}

Test(attendance, valid_leave_is_not_an_absence_invalid_leave_is)
{
	struct err e = { 0 };

	signin_at("E103", "2026-11-02 08:55");
	cr_assert_eq(leave("E101", "2026-11-02", "2026-11-02", VIA_PHONE,
	    "2026-11-02 07:00", false, &e), 0, "%s", e.msg);
	cr_assert_eq(leave("E102", "2026-11-02", "2026-11-02", VIA_SMS,
	    "2026-11-02 07:00", true, &e), 0, "recorded as invalid: %s", e.msg);
	cr_expect_eq(count_rows("leave"), 2);
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 19:00"), ATT_ON_LEAVE);
	cr_expect_eq(status_of("E102", "2026-11-02", "2026-11-02 19:00"), ATT_ABSENT);
}

Test(attendance, a_holiday_is_not_an_absence)
{
	char cfg[4096];
	struct buf errs = { 0 };
	const char *p = strstr(small_floor_text, "shift = {");
	struct floor *f;

	cr_assert_not_null(p);
	snprintf(cfg, sizeof cfg, "%.*sholidays = [ \"2026-11-03\" ];\n%s"
	    "@include \"rules.cfg\"\n", (int)(p - small_floor_text),
	    small_floor_text, p);
	f = fx_load("holiday.cfg", cfg, &errs);
	cr_assert_not_null(f, "%s", errs.s ? errs.s : "");
	fx_use(f);
	signin_at("E102", "2026-11-02 08:55");
	cr_expect(!floor_workday(fx.f, "2026-11-03"));
	cr_expect(!floor_workday(fx.f, "2026-11-07"), "a Saturday");
	cr_expect(floor_workday(fx.f, "2026-11-04"));
	cr_expect_eq(status_of("E101", "2026-11-03", "2026-11-03 19:00"), ATT_UNTRACKED);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-03 19:00").absence_halfdays,
	    2, "only Monday the 2nd");
}

Test(attendance, a_missed_meeting_counts_as_a_day_of_absence)
{
	struct marked m = mark(&SUP, "E101", "MEETING", NONE, NULL, "2026-11-02 15:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-02 19:00").absence_halfdays, 2);
	cr_expect_eq(total_of("E101"), 0, "no fine for it");
}

Test(attendance, a_lead_does_not_sign_people_in)
{
	struct signin_result r;
	struct err e = { 0 };

	cr_expect_eq(attendance_signin(fx.f, fx.s, &LEAD, 0, clock_now(), false,
	    false, &r, &e), -1);
	cr_expect_eq(e.code, EXIT_REFUSED);
}

/* ---- the sign-in window, voids, explanations, seen at the desk ---- */

Test(attendance, a_signin_after_the_shift_is_refused_unless_a_manager_says_outside)
{
	struct signin_result r;
	struct err e = { 0 };
	int who = floor_staff_find(fx.f, "E101");

	set_now("2026-11-02 18:22");
	cr_expect_eq(attendance_signin(fx.f, fx.s, &SUP, who, clock_now(), false,
	    false, &r, &e), -1);
	cr_expect(strstr(e.msg, "outside the shift") != NULL, "%s", e.msg);
	cr_expect_eq(count_rows("attendance"), 0);
	cr_expect_eq(count_rows("incident"), 0, "no LATE for a refused sign-in");
	/* A supervisor may not say "outside the shift". */
	cr_expect_eq(attendance_signin(fx.f, fx.s, &SUP, who, clock_now(), false,
	    true, &r, &e), -1);
	cr_expect_eq(e.code, EXIT_REFUSED);
	cr_expect_eq(attendance_signin(fx.f, fx.s, &MGR, who, clock_now(), false,
	    true, &r, &e), 0, "%s", e.msg);
	/* Four hours before the start is fine, a minute earlier is not. */
	set_now("2026-11-03 05:00");
	cr_expect_eq(attendance_signin(fx.f, fx.s, &SUP, who, clock_now(), false,
	    false, &r, &e), 0, "%s", e.msg);
	set_now("2026-11-04 04:59");
	cr_expect_eq(attendance_signin(fx.f, fx.s, &SUP, who, clock_now(), false,
	    false, &r, &e), -1);
}

Test(attendance, a_signout_without_a_signin_is_refused)
{
	struct signin_result r;
	struct err e = { 0 };

	set_now("2026-11-02 17:00");
	cr_expect_eq(attendance_signout(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E102"), clock_now(), false, false, &r, &e), -1);
	cr_expect(strstr(e.msg, "has not signed in") != NULL, "%s", e.msg);
	cr_expect_eq(count_rows("attendance"), 0);
}

Test(attendance, a_voided_signin_takes_its_late_and_allows_a_corrected_one)
{
	struct err e = { 0 };
	struct signin_result r;
	int64_t late = 0;
	int who = floor_staff_find(fx.f, "E101");

	r = signin_at("E101", "2026-11-02 09:40");
	cr_assert_neq(r.late_incident, 0);
	cr_expect_eq(attendance_signin_void(fx.f, fx.s, &SUP, who, "2026-11-02",
	    "wrong person", &late, &e), 0, "%s", e.msg);
	cr_expect_eq(late, r.late_incident);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-02 10:00").late, 0);
	/* The corrected sign-in: on time this time (set by a manager). */
	cr_expect_eq(attendance_signin(fx.f, fx.s, &MGR, who, clock_now() -
	    3600, true, false, &r, &e), 0, "%s", e.msg);
	cr_expect_eq(count_rows("attendance"), 2, "the voided row stays");
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 10:00"),
	    ATT_SIGNED_IN);
	/* Nothing left to void twice. */
	cr_expect_eq(attendance_signin_void(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E102"), "2026-11-02", "x", &late, &e), -1);
}

Test(attendance, seen_at_the_desk_is_not_absent_and_an_explanation_is_no_absence)
{
	struct err e = { 0 };

	signin_at("E102", "2026-11-02 08:50");	/* attendance is kept */
	set_now("2026-11-02 10:00");
	cr_assert_eq(engine_inspect(fx.f, fx.s, &SUP, floor_seat_find(fx.f, "A01"),
	    NULL, &e), 0, "%s", e.msg);
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 10:00"), ATT_SEEN);
	cr_expect_eq(status_of("E103", "2026-11-02", "2026-11-02 10:00"),
	    ATT_NOT_YET);
	/* Unexplained, A2 applies once the shift is over. */
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 19:00"),
	    ATT_ABSENT);
	cr_expect_eq(attendance_explain(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E101"), "2026-11-02", "at a customer visit", &e), 0, "%s", e.msg);
	cr_expect_eq(status_of("E101", "2026-11-02", "2026-11-02 19:00"),
	    ATT_EXPLAINED);
	cr_expect_eq(month_of("E101", "2026-11", "2026-11-02 19:00")
	    .absence_halfdays, 0);
	cr_expect_eq(month_of("E103", "2026-11", "2026-11-02 19:00")
	    .absence_halfdays, 2);
	cr_expect_eq(attendance_explain(fx.f, fx.s, &LEAD, 0, "2026-11-02", "x",
	    &e), -1);
}

Test(attendance, a_supervisor_explains_two_days_back_at_most_and_nobody_the_future)
{
	struct err e = { 0 };
	int who = floor_staff_find(fx.f, "E101");

	set_now("2026-11-05 10:00");
	cr_expect_eq(attendance_explain(fx.f, fx.s, &SUP, who, "2026-11-03",
	    "two days back", &e), 0, "%s", e.msg);
	cr_expect_eq(attendance_explain(fx.f, fx.s, &SUP, who, "2026-11-02",
	    "three days back", &e), -1);
	cr_expect_eq(e.code, EXIT_REFUSED);
	cr_expect(strstr(e.msg, "at most 2 days back (2026-11-03)") != NULL, "%s",
	    e.msg);
	cr_expect_eq(attendance_explain(fx.f, fx.s, &MGR, who, "2026-10-01",
	    "a manager's correction", &e), 0, "%s", e.msg);
	cr_expect_eq(attendance_explain(fx.f, fx.s, &MGR, who, "2026-11-06",
	    "tomorrow", &e), -1, "not even a manager explains tomorrow");
	cr_expect_eq(e.code, EXIT_USAGE);
	cr_expect_eq(count_rows("explanation"), 2);
}

Test(attendance, a_signout_counts_from_the_signin_until_the_signout_window)
{
	struct signin_result r;
	struct err e = { 0 };
	int who = floor_staff_find(fx.f, "E103");

	signin_at("E103", "2026-11-02 08:00");
	set_now("2026-11-02 08:30");	/* before the shift start: still fine */
	cr_expect_eq(attendance_signout(fx.f, fx.s, &SUP, who, clock_now(), false,
	    false, &r, &e), 0, "%s", e.msg);
	signin_at("E104", "2026-11-02 08:50");
	set_now("2026-11-02 22:01");	/* 18:00 + 240 minutes, and a minute */
	cr_expect_eq(attendance_signout(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E104"), clock_now(), false, false, &r, &e), -1);
	cr_expect(strstr(e.msg, "outside the shift") != NULL, "%s", e.msg);
}

/* One definition of "inspected" (header and report): an i, or a mark made
 * on the seat; a LATE from a sign-in is no look at the desk. */
Test(attendance, a_desk_is_inspected_by_an_i_or_a_mark_on_the_seat)
{
	struct seatmap m;
	struct err e = { 0 };
	char (*seats)[STORE_ID] = NULL;
	int n;

	signin_at("E101", "2026-11-02 09:30");			/* LATE on A01 */
	cr_assert_eq(mark(&SUP, "E102", "DESK", -1, NULL, "2026-11-02 10:00").rc, 0);
	cr_assert_eq(engine_inspect(fx.f, fx.s, &SUP, floor_seat_find(fx.f, "A03"),
	    NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(seatmap_inspected(fx.f, fx.s, "2026-11-02", &seats, &n, &e),
	    0, "%s", e.msg);
	cr_expect_eq(n, 2);
	free(seats);
	cr_assert_eq(seatmap_load(fx.f, fx.s, "2026-11-02", &m, &e), 0, "%s", e.msg);
	cr_expect_eq(m.inspected, 2);
	cr_expect(!m.seats[floor_seat_find(fx.f, "A01")].inspected);
	cr_expect(m.seats[floor_seat_find(fx.f, "A02")].inspected);
	seatmap_free(&m);
}

/* The map shows what the engine stored, never today's rulebook: a rule
 * whose flag is dropped after a mark still flags that mark's seat. */
Test(attendance, the_map_keeps_a_marks_frozen_flag_after_a_rulebook_edit)
{
	struct marked mk = mark(&SUP, "E101", "FIGHT", NONE, NULL,
	    "2026-11-02 10:00");
	struct buf errs = { 0 }, rules = { 0 };
	struct seatmap m;
	struct err e = { 0 };
	char link[512], cfg[8192], *p, line[1024];
	struct floor *edited;
	FILE *in;

	cr_assert_eq(mk.rc, 0, "%s", mk.e.msg);
	cr_assert_eq(seatmap_load(fx.f, fx.s, "2026-11-02", &m, &e), 0, "%s", e.msg);
	cr_expect_eq(m.seats[floor_seat_find(fx.f, "A01")].state, SEAT_FLAGGED);
	seatmap_free(&m);
	/* The same rulebook, FIGHT without its flag. */
	in = fopen(SRCDIR "/conf/rules.cfg", "r");
	cr_assert_not_null(in);
	while (fgets(line, sizeof line, in) != NULL)
		if (strstr(line, "flag = \"termination\"; },") == NULL ||
		    strstr(rules.s ? rules.s : "", "code = \"FIGHT\"") == NULL ||
		    (p = strrchr(rules.s, '{')) == NULL || strstr(p, "FIGHT") == NULL)
			buf_puts(&rules, line);
		else
			buf_puts(&rules, "  },\n");
	fclose(in);
	cr_assert_not_null(strstr(rules.s, "code = \"FIGHT\""));
	fx_write("edited-rules.cfg", rules.s);
	snprintf(link, sizeof link, "%s/edited-rules.cfg", fx.dir);
	snprintf(cfg, sizeof cfg, "%s@include \"%s\"\n", small_floor_text, link);
	edited = fx_load("edited.cfg", cfg, &errs);
	cr_assert_not_null(edited, "%s", errs.s ? errs.s : "");
	cr_assert_eq(edited->rules[floor_rule_find(edited, "FIGHT")].t.flag,
	    FLAG_NONE, "the edit took");
	cr_assert_eq(seatmap_load(edited, fx.s, "2026-11-02", &m, &e), 0, "%s",
	    e.msg);
	cr_expect_eq(m.seats[floor_seat_find(edited, "A01")].state, SEAT_FLAGGED,
	    "the mark keeps the flag it was made with");
	seatmap_free(&m);
	floor_free(edited);
	buf_free(&rules);
	buf_free(&errs);
}
