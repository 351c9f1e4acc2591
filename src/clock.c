/*
 * clock.c - floor-local time, shift days and offence windows.
 * The floor's zone is installed process-wide once (clock_use_floor), so
 * localtime_r and mktime speak floor time everywhere after that.
 */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
format_day(const struct tm *tm, char day[DAY_LEN])
{
	/* Clamped so the text always fits DAY_LEN, whatever the clock says. */
	int y = tm->tm_year + 1900;

	snprintf(day, DAY_LEN, "%04u-%02u-%02u", y < 0 ? 0u : y > 9999 ? 9999u :
	    (unsigned)y, (unsigned)(tm->tm_mon + 1) % 100u,
	    (unsigned)tm->tm_mday % 100u);
}

void
clock_use_floor(const struct floor *f)
{
	if (f->timezone != NULL)
		setenv("TZ", f->timezone, 1);
	tzset();
}

time_t
clock_now(void)
{
	/* A test hook; secure_getenv keeps it out of a setgid run, where no
	 * user may set the floor's clock. */
	const char *s = secure_getenv("CALLFLOOR_NOW");

	if (s != NULL && *s != '\0') {
		char *end;
		long long v = strtoll(s, &end, 10);

		if (*end == '\0')
			return (time_t)v;
	}
	return time(NULL);
}

/*
 * A shift that crosses midnight owns the small hours: anything before the
 * middle of the off-shift gap belongs to the day before.
 */
void
clock_shift_day(const struct floor *f, time_t t, char day[DAY_LEN])
{
	struct tm tm;
	int min;

	localtime_r(&t, &tm);
	min = tm.tm_hour * 60 + tm.tm_min;
	if (f != NULL && f->shift_end < f->shift_start) {
		int cutoff = f->shift_end + (f->shift_start - f->shift_end) / 2;

		if (min < cutoff) {
			tm.tm_mday -= 1;
			tm.tm_hour = 12;	/* clear of DST edges */
			tm.tm_isdst = -1;
			mktime(&tm);
		}
	}
	format_day(&tm, day);
}

static bool
date_real(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < CLOCK_YEAR_MIN || y > CLOCK_YEAR_MAX || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

int
clock_parse_local(const char *s, time_t *out)
{
	int y, mo, d, h, mi, sec = 0, n = 0;
	struct tm tm = { 0 };

	if (s == NULL)
		return -1;
	if (sscanf(s, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5)
		return -1;
	if (s[n] == ':') {
		int n2 = 0;

		if (sscanf(s + n, ":%2d%n", &sec, &n2) != 1)
			return -1;
		n += n2;
	}
	if (s[n] != '\0' || strlen(s) < 16 || !date_real(y, mo, d) || h > 23 ||
	    mi > 59 || sec > 59 || h < 0 || mi < 0 || sec < 0)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	*out = mktime(&tm);
	return *out == (time_t)-1 ? -1 : 0;
}

int
clock_parse_day(const char *s, char day[DAY_LEN])
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    !date_real(y, m, d))
		return -1;
	snprintf(day, DAY_LEN, "%04d-%02d-%02d", y, m, d);
	return 0;
}

int
clock_parse_month(const char *s)
{
	int y, m, n = 0;

	if (s == NULL || strlen(s) != 7 || sscanf(s, "%4d-%2d%n", &y, &m, &n) != 2 ||
	    n != 7 || !date_real(y, m, 1))
		return -1;
	return 0;
}

void
clock_add_days(const char day[DAY_LEN], int n, char out[DAY_LEN])
{
	struct tm tm = { 0 };
	int y, m, d;
	time_t t;

	sscanf(day, "%4d-%2d-%2d", &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + n;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	format_day(&tm, out);
}

void
clock_month_last(const char day[DAY_LEN], char out[DAY_LEN])
{
	char first[DAY_LEN], next[DAY_LEN];

	snprintf(first, sizeof first, "%.7s-28", day);
	clock_add_days(first, 4, next);		/* always in the next month */
	snprintf(first, sizeof first, "%.7s-01", next);
	clock_add_days(first, -1, out);
}

void
clock_format(time_t t, char *out, size_t n)
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

void
clock_window(enum window w, const char day[DAY_LEN], char from[DAY_LEN],
    char to[DAY_LEN])
{
	switch (w) {
	case WINDOW_DAY:
		memcpy(from, day, DAY_LEN);
		memcpy(to, day, DAY_LEN);
		break;
	case WINDOW_MONTH:
		snprintf(from, DAY_LEN, "%.7s-01", day);
		clock_month_last(day, to);	/* a real day: views show it */
		break;
	case WINDOW_YEAR:
		snprintf(from, DAY_LEN, "%.4s-01-01", day);
		snprintf(to, DAY_LEN, "%.4s-12-31", day);
		break;
	case WINDOW_EVER:
		snprintf(from, DAY_LEN, "0000-00-00");
		snprintf(to, DAY_LEN, "9999-99-99");
		break;
	}
}

int
clock_day_number(const char *day)
{
	int k = 0, i;

	for (i = 0; day[i] != '\0' && i < 10; i++)
		if (day[i] >= '0' && day[i] <= '9')
			k = k * 10 + (day[i] - '0');
	return k;
}
