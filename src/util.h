/*
 * util.h - small helpers shared by every layer: allocation that never
 * returns NULL, errors that carry an exit code, money in fen, dynamic
 * strings.  Nothing here knows about floors, SQL or curses.
 */
#ifndef CALLFLOOR_UTIL_H
#define CALLFLOOR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Exit codes of interface.md. */
enum {
	EXIT_OK = 0,
	EXIT_RUNTIME = 1,	/* database, printer */
	EXIT_USAGE = 2,		/* bad usage or bad configuration */
	EXIT_REFUSED = 3	/* the user's role does not allow it */
};

/* An error: what went wrong, and the exit code it deserves. */
struct err {
	int code;
	char msg[512];
};

/* Sets e (if not NULL) and returns -1, so callers can `return err_set(...)`. */
int err_set(struct err *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records sorted by an int64_t key at byte offset off: the index of the
 * first of the n (each size bytes) whose key is not below key (n when
 * none is). */
int lower_bound_i64(const void *base, int n, size_t size, size_t off,
    int64_t key);
/* A string's hash for a table indexed by it (FNV-1a). */
unsigned str_hash(const char *s);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));
/* write(2) all of n bytes, through EINTR and short writes: 0, or -1 with
 * errno set (a write of nothing is an error: the file cannot grow). */
int write_all(int fd, const void *p, size_t n);

void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A growable byte string; always NUL-terminated once anything is added. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Money is counted in fen (1/100 of the currency unit), never in floats. */
typedef int64_t fen_t;

/* "12.50" into out (at least 32 bytes); negative amounts get a '-'. */
const char *fen_format(fen_t f, char *out, size_t n);
/* Parses "12", "12.5" or "12.50" (no sign, at most two decimals). */
int fen_parse(const char *s, fen_t *out);

/* True when s is a non-empty string of [A-Za-z0-9_-] no longer than max. */
int id_valid(const char *s, size_t max);

#define ID_MAX 31

/* Every user-visible string goes through gettext (src/i18n.h): _() at the
 * point of use, N_() marks a string in a table, translated where shown. */
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)

#endif
