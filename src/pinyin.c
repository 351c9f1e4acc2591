/*
 * pinyin.c - pinyin matching of names (pinyin.h).  The table is sorted by
 * code point, so a reading is a binary search; a match is a small
 * backtracking walk (names are a few characters, queries a few letters).
 */
#include "pinyin.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

extern const char *const pinyin_sets[];
extern const uint16_t pinyin_cp[], pinyin_set[];
extern const unsigned pinyin_count, pinyin_base;

const char *
pinyin_of(unsigned cp)
{
	unsigned lo = 0, hi = pinyin_count;

	if (cp < pinyin_base || cp - pinyin_base > 0xffff)
		return NULL;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		unsigned c = pinyin_base + pinyin_cp[mid];

		if (c == cp)
			return pinyin_sets[pinyin_set[mid]];
		if (c < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Does q (n letters left) match text from s on?  Consumes characters. */
static bool
match_from(const char *s, size_t len, const char *q)
{
	unsigned cp;
	size_t k;
	const char *r;

	if (*q == '\0')
		return true;
	if ((k = utf8_next(s, len, &cp)) == 0)
		return false;
	if ((r = pinyin_of(cp)) == NULL)
		return cp < 0x80 && tolower((unsigned char)*q) == tolower((int)cp) &&
		    match_from(s + k, len - k, q + 1);
	/* Each reading: try every non-empty beginning of it. */
	while (*r) {
		size_t rl = strcspn(r, " "), i;

		for (i = 0; i < rl && q[i] && tolower((unsigned char)q[i]) == r[i];
		    i++)
			if (match_from(s + k, len - k, q + i + 1))
				return true;
		r += rl + (r[rl] == ' ');
	}
	return false;
}

bool
pinyin_match(const char *text, const char *query)
{
	size_t len = strlen(text), k;
	const char *q;
	unsigned cp;

	if (query[0] == '\0')
		return false;
	for (q = query; *q; q++)
		if (!isalpha((unsigned char)*q) || (unsigned char)*q >= 0x80)
			return false;
	/* A run anywhere in the text: try each starting character. */
	while (len > 0) {
		if (match_from(text, len, query))
			return true;
		if ((k = utf8_next(text, len, &cp)) == 0)
			break;
		text += k;
		len -= k;
	}
	return false;
}
