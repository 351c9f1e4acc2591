/*
 * progress.h - progress of a long command on stderr: "what: done/total
 * (rate/s, time left)", redrawn in place on one line.  Only when stderr is
 * a terminal, and only once the work has taken PROGRESS_AFTER seconds, so
 * a quick command, a pipe, a log file or a cron mail never sees any of it.
 * Times are the monotonic clock's (CALLFLOOR_NOW does not move them).
 * CALLFLOOR_PROGRESS_AFTER (seconds) sets another delay: the tests use 0
 * to see the line of a command that a test database makes quick.
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
	double after;			/* the delay before the line appears */
	bool tty;			/* stderr is a terminal */
	bool shown;			/* the line is on screen */
};

/* Starts counting `total` units of `what` (a short label, kept). */
void progress_start(struct progress *p, const char *what, long long total);
/* done units are finished; redraws at most four times a second. */
void progress_update(struct progress *p, long long done);
/* The work is over: the line, if drawn, is cleared. */
void progress_end(struct progress *p);

/* The same driven by a store_progress_fn (db/store.h): arg is the
 * struct progress; done 0 starts it, done == total ends it. */
void progress_hook(void *arg, const char *what, long long done,
    long long total);

/* The line as drawn, into out (n bytes): for tests.  elapsed in seconds. */
void progress_format(const char *what, long long done, long long total,
    double elapsed, char *out, size_t n);

#endif
