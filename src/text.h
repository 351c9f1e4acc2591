/*
 * text.h - text measured in terminal columns, not bytes.  Used by the CLI's
 * aligned tables, the report and the console alike.  No curses here.
 */
#ifndef CALLFLOOR_TEXT_H
#define CALLFLOOR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* True when s is well-formed UTF-8. */
bool utf8_valid(const char *s);
/* True when s is non-NULL, non-empty, valid UTF-8. */
bool check_name_like(const char *s);

/*
 * Decodes one code point from s (at most n bytes); bad bytes decode as
 * U+FFFD consuming one byte.  Returns the bytes used (0 at the end).
 */
size_t utf8_next(const char *s, size_t n, unsigned *cp);

/* Columns a code point takes: 0, 1 or 2 (East Asian wide). */
int cp_width(unsigned cp);
/* Columns a string takes. */
int text_width(const char *s);

/*
 * Appends s to b padded or cut to exactly `width` columns.  A cut string
 * ends in the ellipsis ("…", or "~" when ascii is true); a wide character
 * that would straddle the edge becomes a space.
 */
void text_fit(struct buf *b, const char *s, int width, bool right, bool ascii);

/* True when the locale's character set is UTF-8. */
bool text_locale_utf8(void);

#endif
