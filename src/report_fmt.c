/*
 * report_fmt.c - amounts, names and times as the report's tables show
 * them (report_fmt.h).
 */
#include "report_fmt.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "floor.h"

void
report_amount(struct buf *b, fen_t v)
{
	char a[32];

	buf_printf(b, " %9s", fen_format(v, a, sizeof a));
}

const char *
report_staff_name(const struct floor *f, const char *id)
{
	int si = floor_staff_find(f, id);

	return si >= 0 ? f->staff[si].name : "?";
}

void
report_time(const char *day, int64_t t, char out[32])
{
	char full[32];

	clock_format((time_t)t, full, sizeof full);
	if (strncmp(full, day, 10) == 0)
		snprintf(out, 32, "%s", full + 11);
	else
		snprintf(out, 32, "%s", full + 5);
}
