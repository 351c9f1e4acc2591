/*
 * fuzz_import.c - a libFuzzer target for the time clock import parser
 * (src/att_import.c, `callfloor signin --import FILE`).
 *
 * The small test floor (tests/fixtures/small.cfg) is loaded once; each
 * input is parsed as a file's bytes.  The parser must never crash, hang,
 * leak or exit, whatever the bytes; a file it refuses must say why (an
 * error line "import.csv:LINE: ..."), and one it accepts must hand back
 * rows that name a staff member of the floor and a time in range.
 *
 * Built by `make fuzz-import` (clang, -fsanitize=fuzzer,address,undefined);
 * with tests/fuzz/replay.c for a main, `make check` replays
 * tests/fuzz/import_corpus/ under gcc's sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/att_import.h"
#include "../../src/clock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct floor *floor_;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf errs = { 0 };
	struct import_row *rows;
	int n, bad, i;

	if (floor_ == NULL) {
		floor_ = floor_load(SRCDIR "/tests/fixtures/small.cfg", &errs);
		if (floor_ == NULL)
			abort();
		buf_free(&errs);
	}
	bad = import_parse(floor_, "import.csv", (const char *)data, size, &rows,
	    &n, &errs);
	if (bad > 0 && (errs.s == NULL || strncmp(errs.s, "import.csv:", 11) != 0))
		abort();	/* a refusal must say where and why */
	if (bad == 0 && errs.len != 0)
		abort();
	for (i = 0; i < n; i++)
		if (rows[i].staff < 0 || rows[i].staff >= floor_->nstaff ||
		    rows[i].line < 2 || rows[i].at <= 0)
			abort();
	free(rows);
	buf_free(&errs);
	return 0;
}
