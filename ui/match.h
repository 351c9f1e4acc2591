/*
 * match.h - how the rule menu ranks rules against what was typed: an
 * exact code first, then codes that start with it, then codes that
 * contain it, then English or Chinese titles that contain it (the
 * Chinese also by its pinyin: 睡觉 by "shuijiao" or "sj").  Pure (no
 * curses), so the unit tests check it without a terminal.
 */
#ifndef CALLFLOOR_UI_MATCH_H
#define CALLFLOOR_UI_MATCH_H

enum match_rank {
	MATCH_NONE = -1,
	MATCH_CODE = 0,		/* the code itself (any case) */
	MATCH_CODE_PREFIX,
	MATCH_CODE_PART,
	MATCH_TITLE,		/* in the English or the Chinese title */
	MATCH_ALL		/* nothing typed: every rule, in book order */
};

/* The rank of a rule for the typed text; title_zh may be NULL. */
enum match_rank match_rule(const char *code, const char *title,
    const char *title_zh, const char *typed);

/*
 * Orders the n rule indexes in items[] by rank (stable: book order within
 * a rank), dropping those that do not match; ranks[i] is the rank of rule
 * i.  Returns how many are left.
 */
int match_sort(int *items, int n, const enum match_rank *ranks);

#endif
