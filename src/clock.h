/*
 * clock.h - floor-local time.  Every incident belongs to a "shift day": the
 * calendar day the shift began on, in the floor's time zone.  For a night
 * shift (22:00-06:00) an incident at 02:00 belongs to the evening before.
 * Days are "YYYY-MM-DD" strings so that they sort and compare as text.
 */
#ifndef CALLFLOOR_CLOCK_H
#define CALLFLOOR_CLOCK_H

#include <stdbool.h>
#include <time.h>

#include "floor.h"

#define DAY_LEN 11	/* "YYYY-MM-DD" and NUL */

/* The years a date may name: a floor's records, not the calendar's
 * whole range (a year 9999 day would have no next day to walk to). */
#define CLOCK_YEAR_MIN 2000
#define CLOCK_YEAR_MAX 2099
#define CLOCK_YEARS "2000-2099"

/* Makes the floor's time zone the process's (setenv TZ, tzset). */
void clock_use_floor(const struct floor *f);

/* The time now; CALLFLOOR_NOW (epoch seconds) overrides it for tests. */
time_t clock_now(void);

/* The shift day that t belongs to. */
void clock_shift_day(const struct floor *f, time_t t, char day[DAY_LEN]);

/* Parses floor-local "YYYY-MM-DD HH:MM" (or ":SS"); -1 when malformed or
 * outside CLOCK_YEARS.  The same range for the two below. */
int clock_parse_local(const char *s, time_t *out);
/* Checks and normalises "YYYY-MM-DD"; -1 when it is not a real date. */
int clock_parse_day(const char *s, char day[DAY_LEN]);
/* Checks "YYYY-MM"; -1 when malformed. */
int clock_parse_month(const char *s);
/* The day n days after (or before, n < 0) day. */
void clock_add_days(const char day[DAY_LEN], int n, char out[DAY_LEN]);

/* The last day of day's month. */
void clock_month_last(const char day[DAY_LEN], char out[DAY_LEN]);
/* "YYYY-MM-DD" as one number that orders as the text does: 20251231. */
int clock_day_number(const char *day);

/* "YYYY-MM-DD HH:MM" of t in floor-local time. */
void clock_format(time_t t, char *out, size_t n);

/* The first and last day of the window that contains day. */
void clock_window(enum window w, const char day[DAY_LEN], char from[DAY_LEN],
    char to[DAY_LEN]);

#endif
