/*
 * pinyin.h - finding a Chinese name by the pinyin a supervisor types:
 * full syllables (lina), initials (ln) or a mix (lin), any reading of a
 * character with several (单: dan or shan).  The readings come from
 * Unihan (src/gen_pinyin.py, at build time).  No curses, no SQL.
 */
#ifndef CALLFLOOR_PINYIN_H
#define CALLFLOOR_PINYIN_H

#include <stdbool.h>

/*
 * True when query (ASCII letters, any case) spells a run of consecutive
 * characters of text: each Han character by a non-empty beginning of one
 * of its readings, any other character by itself (any case).  A query
 * with anything but letters never matches (it is no pinyin).
 */
bool pinyin_match(const char *text, const char *query);

/* The readings of a Han character, space-separated ("dan chan shan"),
 * or NULL when it has none. */
const char *pinyin_of(unsigned cp);

#endif
