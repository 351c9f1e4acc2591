/*
 * progress.h - progress of a long command on stderr: "what: done/total
 * (rate/s, time left)", redrawn in place on one line.  Only when stderr is
 * a terminal, and only once the work has taken PROGRESS_AFTER seconds, so
 * a quick command, a pipe, a log file or a cron mail never sees any of it.
 * Times are the monotonic clock's (CALLFLOOR_NOW does not move them).
 */
#ifndef CALLFLOOR_PROGRESS_H
#define CALLFLOOR_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#define PROGRESS_AFTER 2.0		/* seconds before the line appears */

struct progress {
	const char *what;
	long long total, done;
	double start, drawn;		/* monotonic seconds */
	bool tty;			/* stderr is a terminal */
	bool shown;			/* the line is on screen */
};

/* Starts counting `total` units of `what` (a short label, kept). */
void progress_start(struct progress *p, const char *what, long long total);
/* done units are finished; redraws at most four times a second. */
void progress_update(struct progress *p, long long done);
/* The work is over: the line, if drawn, is cleared. */
void progress_end(struct progress *p);

/* The line as drawn, into out (n bytes): for tests.  elapsed in seconds. */
void progress_format(const char *what, long long done, long long total,
    double elapsed, char *out, size_t n);

#endif
