/*
 * timing.h - what the bench's reference programs share (ref_insert.c,
 * ref_mark.c): a monotonic clock in milliseconds, and the p50, p99 and
 * count of n timings printed on one line, as bench/measure.py reads them.
 */
#ifndef CALLFLOOR_BENCH_TIMING_H
#define CALLFLOOR_BENCH_TIMING_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static inline int
dbl_cmp(const void *a, const void *b)
{
	const double *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/* Sorts t and prints "P50 P99 N". */
static inline void
print_percentiles(double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, dbl_cmp);
	printf("%.3f %.3f %d\n", t[n / 2], t[(int)((double)n * 0.99)], n);
}

#endif
