/*
 * att_import.h - a time clock's export (`callfloor signin --import FILE`):
 * a CSV with the header staff_id,time,kind; time "YYYY-MM-DD HH:MM" in the
 * floor's zone, kind "in" or "out".  The parser is pure (no store, no
 * clock): every error of the file is collected as "NAME:LINE: message",
 * so it can be fuzzed on its own (tests/fuzz/fuzz_import.c).
 */
#ifndef CALLFLOOR_ATT_IMPORT_H
#define CALLFLOOR_ATT_IMPORT_H

#include <stddef.h>
#include <time.h>

#include "floor.h"
#include "util.h"

struct import_row {
	int line;			/* in the file, from 1 (the header) */
	int staff;			/* index into f->staff */
	time_t at;
	int kind;			/* ATT_IN or ATT_OUT */
};

/*
 * Parses text (len bytes, any bytes) named name: *rows (caller frees) in
 * file order, *n of them (the good lines, even when others are bad, so
 * that they can be judged too).  Each bad line adds "name:LINE: message\n" to
 * errs; returns the number of errors (0: the whole file is good).
 */
int import_parse(const struct floor *f, const char *name, const char *text,
    size_t len, struct import_row **rows, int *n, struct buf *errs);

#endif
