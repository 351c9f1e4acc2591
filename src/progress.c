/*
 * progress.c - the one progress line of long commands (see progress.h).
 * Writes to stderr only, never to stdout (a command's output stays clean
 * when stdout is piped and stderr is the terminal).
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
progress_start(struct progress *p, const char *what, long long total)
{
	const char *env;
	char *end;

	p->what = what;
	p->total = total;
	p->done = 0;
	p->start = mono();
	p->drawn = 0;
	p->tty = isatty(STDERR_FILENO) == 1;
	p->shown = false;
	p->after = PROGRESS_AFTER;
	if ((env = getenv("CALLFLOOR_PROGRESS_AFTER")) != NULL && *env) {
		double v = strtod(env, &end);

		if (*end == '\0' && v >= 0)
			p->after = v;
	}
}

/* Seconds as "42s", "3m05s" or "1h02m". */
static void
duration(double s, char *out, size_t n)
{
	long t = (long)(s + 0.5);

	if (t < 60)
		snprintf(out, n, "%lds", t);
	else if (t < 3600)
		snprintf(out, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(out, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
}

void
progress_format(const char *what, long long done, long long total,
    double elapsed, char *out, size_t n)
{
	double rate = elapsed > 0 ? (double)done / elapsed : 0;
	char left[32];

	if (rate > 0 && total >= done)
		duration((double)(total - done) / rate, left, sizeof left);
	else
		snprintf(left, sizeof left, "?");
	/* TRANSLATORS: progress line: what, done/total, rate per second,
	 * time left (like 3m05s). */
	snprintf(out, n, _("%s: %lld/%lld (%.0f/s, %s left)"), what, done, total,
	    rate, left);
}

void
progress_update(struct progress *p, long long done)
{
	double now;
	char line[160];

	p->done = done;
	if (!p->tty)
		return;
	now = mono();
	if (now - p->start < p->after || now - p->drawn < 0.25)
		return;
	progress_format(p->what, done, p->total, now - p->start, line,
	    sizeof line);
	/* \r and "erase to the end of the line": one line, drawn in place. */
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->drawn = now;
	p->shown = true;
}

void
progress_end(struct progress *p)
{
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->shown = false;
}

void
progress_hook(void *arg, const char *what, long long done, long long total)
{
	struct progress *p = arg;

	if (done == 0)
		progress_start(p, what, total);
	progress_update(p, done);
	if (done >= total)
		progress_end(p);
}
