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
 * The one sanitiser of text bound for a terminal or a printer.  Appends s
 * to b with every control character shown visibly instead of sent: a
 * newline as "\n", a tab as "\t", ESC as "^[", other C0 characters as
 * "^X", DEL as "^?", C1 characters as "\u0085"; bytes that are not UTF-8
 * become U+FFFD.  With layout true, the layout characters of a whole
 * document (newline, carriage return, tab, form feed) pass through: for
 * a document already built from cleaned fields.
 */
void text_clean(struct buf *b, const char *s, size_t n, bool layout);
/* True when s holds a control character (C0, DEL or C1). */
bool text_has_control(const char *s);

/*
 * Appends s to b padded or cut to exactly `width` columns.  A cut string
 * ends in the ellipsis ("…", or "~" when ascii is true); a wide character
 * that would straddle the edge becomes a space.  Control characters are
 * shown visibly (text_clean) before the cut, so a cut never halves one.
 */
void text_fit(struct buf *b, const char *s, int width, bool right, bool ascii);

/* A table's column: s fit to w - 1 columns (text_fit), then the space
 * between columns. */
void text_col(struct buf *b, const char *s, int w);
/* n spaces. */
void text_spaces(struct buf *b, int n);

/*
 * Cuts s into lines of at most width columns, at spaces where it can,
 * inside a word (or a run of Chinese) where it must; leading and trailing
 * spaces of each line dropped.  Returns the count; *out holds the lines,
 * the caller's to free with text_lines_free.
 */
int text_wrap(const char *s, int width, char ***out);
void text_lines_free(char **l, int n);

/*
 * A note (or a reason) under a table row: label, then text with every
 * control character shown visibly (text_clean; a newline or form feed in a
 * note would break the page), cut by text_wrap to width columns.
 */
int text_note_wrap(const char *label, const char *text, int width,
    char ***out);

/* True when the locale's character set is UTF-8. */
bool text_locale_utf8(void);

#endif
