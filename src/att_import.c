/*
 * att_import.c - parses a time clock's CSV export (see att_import.h).
 * Judging each row (windows, sign-outs without a sign-in, what is already
 * recorded) is attendance_import's, in attendance.c.
 */
#include "att_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/attendance.h"
#include "clock.h"
#include "text.h"

#define IMPORT_HEADER "staff_id,time,kind"

/* A field as the message shows it: at most 40 bytes, control characters
 * and non-UTF-8 bytes made visible by the caller's printing (cli_print). */
static void
quote(char *out, size_t n, const char *s, size_t len)
{
	if (len > 40)
		len = 40;
	snprintf(out, n, "%.*s", (int)len, s);
}

enum row_bad { NO_STAFF, BAD_TIME, TIME_RANGE, BAD_KIND };

/* "name:LINE: what 'field' why", one whole sentence per kind of error. */
static void
row_error(struct buf *errs, const char *name, int line, enum row_bad why,
    const char *field, size_t flen)
{
	char q[48];

	quote(q, sizeof q, field, flen);
	switch (why) {
	case NO_STAFF:
		buf_printf(errs, _("%s:%d: no staff '%s' on the floor\n"), name,
		    line, q);
		break;
	case BAD_TIME:
		buf_printf(errs, _("%s:%d: time '%s' is not YYYY-MM-DD HH:MM\n"),
		    name, line, q);
		break;
	case TIME_RANGE:
		buf_printf(errs, _("%s:%d: time '%s' is not YYYY-MM-DD HH:MM in "
		    "%s\n"), name, line, q, CLOCK_YEARS);
		break;
	case BAD_KIND:
		buf_printf(errs, _("%s:%d: kind '%s' is neither in nor out\n"),
		    name, line, q);
		break;
	}
}

static int
parse_line(const struct floor *f, const char *name, int line, const char *s,
    size_t len, struct import_row *r, struct buf *errs)
{
	const char *c1 = memchr(s, ',', len), *c2;
	char field[64];
	size_t l1, l2, l3;
	int bad = 0;

	c2 = c1 ? memchr(c1 + 1, ',', len - (size_t)(c1 + 1 - s)) : NULL;
	if (c1 == NULL || c2 == NULL ||
	    memchr(c2 + 1, ',', len - (size_t)(c2 + 1 - s)) != NULL) {
		buf_printf(errs, _("%s:%d: want 3 fields staff_id,time,kind\n"),
		    name, line);
		return 1;
	}
	l1 = (size_t)(c1 - s);
	l2 = (size_t)(c2 - c1 - 1);
	l3 = len - (size_t)(c2 + 1 - s);
	r->line = line;
	r->staff = -1;
	if (l1 > 0 && l1 < sizeof field && memchr(s, '\0', l1) == NULL) {
		memcpy(field, s, l1);
		field[l1] = '\0';
		r->staff = floor_staff_find(f, field);
	}
	if (r->staff < 0) {
		row_error(errs, name, line, NO_STAFF, s, l1);
		bad++;
	}
	r->at = 0;
	if (l2 != 16 || memchr(c1 + 1, '\0', l2) != NULL) {
		row_error(errs, name, line, BAD_TIME, c1 + 1, l2);
		bad++;
	} else {
		memcpy(field, c1 + 1, l2);
		field[l2] = '\0';
		if (clock_parse_local(field, &r->at) < 0) {
			row_error(errs, name, line, TIME_RANGE, c1 + 1, l2);
			bad++;
		}
	}
	if (l3 == 2 && memcmp(c2 + 1, "in", 2) == 0)
		r->kind = ATT_IN;
	else if (l3 == 3 && memcmp(c2 + 1, "out", 3) == 0)
		r->kind = ATT_OUT;
	else {
		row_error(errs, name, line, BAD_KIND, c2 + 1, l3);
		bad++;
	}
	return bad;
}

int
import_parse(const struct floor *f, const char *name, const char *text,
    size_t len, struct import_row **rows, int *n, struct buf *errs)
{
	size_t pos = 0, cap = 0;
	int line = 0, bad = 0;

	*rows = NULL;
	*n = 0;
	while (pos < len) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - s) : len - pos;

		pos += l + (nl != NULL);
		line++;
		if (l > 0 && s[l - 1] == '\r')
			l--;
		if (line == 1) {
			if (l != strlen(IMPORT_HEADER) ||
			    memcmp(s, IMPORT_HEADER, l) != 0) {
				buf_printf(errs, _("%s:1: the header must be "
				    "%s\n"), name, IMPORT_HEADER);
				bad++;
			}
			continue;
		}
		if (l == 0)
			continue;	/* a blank line (the last, usually) */
		if ((size_t)*n == cap) {
			cap = cap ? 2 * cap : 256;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		if (parse_line(f, name, line, s, l, &(*rows)[*n], errs) == 0)
			(*n)++;
		else
			bad++;
	}
	if (line == 0) {
		buf_printf(errs, _("%s:1: empty; the header must be %s\n"),
		    name, IMPORT_HEADER);
		bad++;
	}
	return bad;
}
