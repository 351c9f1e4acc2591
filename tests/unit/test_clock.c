/*
 * test_clock.c - floor-local time: shift days (a night shift owns the small
 * hours), parsing of times, days and months, day arithmetic and the
 * offence windows, in the floor's zone and across DST.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"

static void
shanghai(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
}

static void
new_york(void)
{
	setenv("TZ", "America/New_York", 1);
	tzset();
}

TestSuite(clock, .init = shanghai);

static struct floor night = { .shift_start = 22 * 60, .shift_end = 6 * 60 };
static struct floor day_shift = { .shift_start = 9 * 60, .shift_end = 18 * 60 };

/* The shift day of floor-local time s on floor f. */
static const char *
shift_day(const struct floor *f, const char *s)
{
	static char day[DAY_LEN];
	time_t t;

	cr_assert_eq(clock_parse_local(s, &t), 0, "bad time %s", s);
	clock_shift_day(f, t, day);
	return day;
}

Test(clock, a_day_shift_keeps_the_calendar_day)
{
	cr_assert_str_eq(shift_day(&day_shift, "2026-03-15 02:00"), "2026-03-15");
	cr_assert_str_eq(shift_day(&day_shift, "2026-03-15 23:59"), "2026-03-15");
	cr_assert_str_eq(shift_day(NULL, "2026-03-15 00:00"), "2026-03-15");
}

Test(clock, a_night_shift_owns_the_small_hours)
{
	cr_assert_str_eq(shift_day(&night, "2026-03-15 22:00"), "2026-03-15");
	cr_assert_str_eq(shift_day(&night, "2026-03-15 23:59"), "2026-03-15");
	cr_assert_str_eq(shift_day(&night, "2026-03-16 00:00"), "2026-03-15");
	cr_assert_str_eq(shift_day(&night, "2026-03-16 02:00"), "2026-03-15");
	cr_assert_str_eq(shift_day(&night, "2026-03-16 05:59"), "2026-03-15");
	/* The off-shift gap is split in the middle (06:00-22:00: 14:00). */
	cr_assert_str_eq(shift_day(&night, "2026-03-16 13:59"), "2026-03-15");
	cr_assert_str_eq(shift_day(&night, "2026-03-16 14:00"), "2026-03-16");
}

Test(clock, a_night_shift_across_month_year_and_leap_day)
{
	cr_assert_str_eq(shift_day(&night, "2026-12-01 02:00"), "2026-11-30");
	cr_assert_str_eq(shift_day(&night, "2027-01-01 02:00"), "2026-12-31");
	cr_assert_str_eq(shift_day(&night, "2028-03-01 02:00"), "2028-02-29");
}

Test(clock, a_night_shift_across_dst)
{
	new_york();
	/* 2026-03-08: clocks go from 02:00 to 03:00; 2026-11-01: 02:00 to 01:00. */
	cr_assert_str_eq(shift_day(&night, "2026-03-08 01:30"), "2026-03-07");
	cr_assert_str_eq(shift_day(&night, "2026-03-08 04:00"), "2026-03-07");
	cr_assert_str_eq(shift_day(&night, "2026-11-01 01:30"), "2026-10-31");
	cr_assert_str_eq(shift_day(&night, "2026-11-01 23:00"), "2026-11-01");
}

Test(clock, the_floor_zone_decides_the_day)
{
	time_t t = 1796056200;	/* 2026-11-30 16:30 UTC */
	char day[DAY_LEN];

	clock_shift_day(&day_shift, t, day);
	cr_assert_str_eq(day, "2026-12-01", "Shanghai is UTC+8");
	new_york();
	clock_shift_day(&day_shift, t, day);
	cr_assert_str_eq(day, "2026-11-30");
}

Test(clock, clock_use_floor_installs_the_zone)
{
	struct floor f = { .timezone = "America/New_York" };
	char day[DAY_LEN];

	clock_use_floor(&f);
	clock_shift_day(NULL, 1796056200, day);
	cr_assert_str_eq(day, "2026-11-30");
	cr_assert_str_eq(getenv("TZ"), "America/New_York");
}

Test(clock, parse_local_is_floor_time)
{
	time_t t;

	cr_assert_eq(clock_parse_local("2026-12-01 00:30", &t), 0);
	cr_assert_eq(t, 1796056200, "%lld: not 2026-11-30 16:30 UTC", (long long)t);
	cr_assert_eq(clock_parse_local("2026-12-01 00:30:59", &t), 0);
	cr_assert_eq(t, 1796056259);
	cr_assert_eq(clock_parse_local("2028-02-29 10:00", &t), 0);
}

Test(clock, parse_local_refuses_what_is_not_a_time)
{
	static const char *const bad[] = { "", "2026-02-29 10:00",
		"2026-03-02 24:00", "2026-03-02 10:60", "2026-03-02 10:00:60",
		"2026-03-02T10:00", "2026-3-2 10:00", "2026-03-02 10:00 ",
		"2026-03-02", "10:00", "2026-13-01 10:00", "2026-00-10 10:00",
		"1969-12-31 23:00", "2026-03-02 10:00:", "2026-03-02 -1:00",
		"2026-03-02 10:00x" };
	size_t i;
	time_t t;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_expect_eq(clock_parse_local(bad[i], &t), -1, "'%s' accepted",
		    bad[i]);
	cr_assert_eq(clock_parse_local(NULL, &t), -1);
}

Test(clock, parse_day_and_month)
{
	char day[DAY_LEN];

	cr_assert_eq(clock_parse_day("2026-02-28", day), 0);
	cr_assert_str_eq(day, "2026-02-28");
	cr_assert_eq(clock_parse_day("2028-02-29", day), 0);
	cr_assert_eq(clock_parse_day("2026-02-29", day), -1);
	cr_assert_eq(clock_parse_day("2100-02-29", day), -1, "2100 is no leap year");
	cr_assert_eq(clock_parse_day("2000-02-29", day), 0, "2000 is");
	cr_assert_eq(clock_parse_day("2026-04-31", day), -1);
	cr_assert_eq(clock_parse_day("2026-13-01", day), -1);
	cr_assert_eq(clock_parse_day("2026-1-01", day), -1);
	cr_assert_eq(clock_parse_day("2026-01-01x", day), -1);
	cr_assert_eq(clock_parse_day("26-01-0001", day), -1);
	cr_assert_eq(clock_parse_day("", day), -1);
	cr_assert_eq(clock_parse_day(NULL, day), -1);
	cr_assert_eq(clock_parse_month("2026-12"), 0);
	cr_assert_eq(clock_parse_month("2026-13"), -1);
	cr_assert_eq(clock_parse_month("2026-00"), -1);
	cr_assert_eq(clock_parse_month("2026-1"), -1);
	cr_assert_eq(clock_parse_month("2026-12-01"), -1);
	cr_assert_eq(clock_parse_month(NULL), -1);
}

Test(clock, add_days)
{
	char out[DAY_LEN];

	clock_add_days("2026-12-31", 1, out);
	cr_assert_str_eq(out, "2027-01-01");
	clock_add_days("2026-03-01", -1, out);
	cr_assert_str_eq(out, "2026-02-28");
	clock_add_days("2028-03-01", -1, out);
	cr_assert_str_eq(out, "2028-02-29");
	clock_add_days("2026-03-02", 0, out);
	cr_assert_str_eq(out, "2026-03-02");
	clock_add_days("2026-01-01", 365, out);
	cr_assert_str_eq(out, "2027-01-01");
	new_york();
	clock_add_days("2026-03-07", 1, out);
	cr_assert_str_eq(out, "2026-03-08");
	clock_add_days("2026-03-08", 1, out);
	cr_assert_str_eq(out, "2026-03-09", "a 23-hour day skipped");
	clock_add_days("2026-11-01", 1, out);
	cr_assert_str_eq(out, "2026-11-02", "a 25-hour day repeated");
}

Test(clock, month_last)
{
	char out[DAY_LEN];

	clock_month_last("2026-02-10", out);
	cr_assert_str_eq(out, "2026-02-28");
	clock_month_last("2028-02-01", out);
	cr_assert_str_eq(out, "2028-02-29");
	clock_month_last("2026-04-30", out);
	cr_assert_str_eq(out, "2026-04-30");
	clock_month_last("2026-12-05", out);
	cr_assert_str_eq(out, "2026-12-31");
}

Test(clock, windows_are_first_and_last_day)
{
	char from[DAY_LEN], to[DAY_LEN];

	clock_window(WINDOW_DAY, "2026-11-15", from, to);
	cr_assert_str_eq(from, "2026-11-15");
	cr_assert_str_eq(to, "2026-11-15");
	clock_window(WINDOW_MONTH, "2026-11-15", from, to);
	cr_assert_str_eq(from, "2026-11-01");
	cr_assert_str_eq(to, "2026-11-30", "November has 30 days");
	clock_window(WINDOW_MONTH, "2028-02-29", from, to);
	cr_assert_str_eq(from, "2028-02-01");
	cr_assert_str_eq(to, "2028-02-29");
	clock_window(WINDOW_YEAR, "2026-11-15", from, to);
	cr_assert_str_eq(from, "2026-01-01");
	cr_assert_str_eq(to, "2026-12-31");
	clock_window(WINDOW_EVER, "2026-11-15", from, to);
	cr_assert_lt(strcmp(from, "1970-01-01"), 0, "ever starts at %s", from);
	cr_assert_gt(strcmp(to, "9999-12-31"), -1, "ever ends at %s", to);
}

Test(clock, format_is_floor_time)
{
	char out[32];

	clock_format(1796056200, out, sizeof out);
	cr_assert_str_eq(out, "2026-12-01 00:30");
}

Test(clock, callfloor_now_overrides_the_clock)
{
	time_t real;

	setenv("CALLFLOOR_NOW", "1796056200", 1);
	cr_assert_eq(clock_now(), 1796056200);
	setenv("CALLFLOOR_NOW", "soon", 1);
	real = time(NULL);
	cr_assert_geq(clock_now(), real, "a malformed override is ignored");
	unsetenv("CALLFLOOR_NOW");
	cr_assert_leq(clock_now() - time(NULL), 1);
}
