/*
 * match.c - ranking rules for the rule menu (see match.h).  It compares
 * text; it does not know about screens or the store.
 */
#include "match.h"

#include <string.h>
#include <strings.h>

#include "../src/pinyin.h"

static int
has_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

enum match_rank
match_rule(const char *code, const char *title, const char *title_zh,
    const char *typed)
{
	if (typed[0] == '\0')
		return MATCH_ALL;
	if (strcasecmp(code, typed) == 0)
		return MATCH_CODE;
	if (strncasecmp(code, typed, strlen(typed)) == 0)
		return MATCH_CODE_PREFIX;
	if (has_nocase(code, typed))
		return MATCH_CODE_PART;
	if ((title && has_nocase(title, typed)) ||
	    (title_zh && (strstr(title_zh, typed) != NULL ||
	    pinyin_match(title_zh, typed))))
		return MATCH_TITLE;
	return MATCH_NONE;
}

int
match_sort(int *items, int n, const enum match_rank *ranks)
{
	int i, j, k = 0;

	for (i = 0; i < n; i++)
		if (ranks[items[i]] != MATCH_NONE)
			items[k++] = items[i];
	/* Insertion sort: stable, and a rulebook is a few dozen rules. */
	for (i = 1; i < k; i++) {
		int v = items[i];

		for (j = i; j > 0 && ranks[items[j - 1]] > ranks[v]; j--)
			items[j] = items[j - 1];
		items[j] = v;
	}
	return k;
}
