/*
 * test_viewport.c - the console's pure arithmetic, without a terminal:
 * windows that follow a cursor over a long map or list, seat cell
 * widths, the position indicator, and how the rule menu ranks rules
 * (an exact code before a title that happens to contain it).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../ui/match.h"
#include "../../ui/viewport.h"

Test(viewport, follows_the_cursor_both_ways)
{
	/* 29 rows, 13 shown */
	cr_assert_eq(viewport_follow(0, 0, 13, 29), 0);
	cr_assert_eq(viewport_follow(0, 12, 13, 29), 0);
	cr_assert_eq(viewport_follow(0, 13, 13, 29), 1);
	cr_assert_eq(viewport_follow(0, 28, 13, 29), 16);
	cr_assert_eq(viewport_follow(16, 3, 13, 29), 3);
	/* no blank room at the end once the last row is shown */
	cr_assert_eq(viewport_follow(25, 27, 13, 29), 16);
	/* everything fits: always from the top */
	cr_assert_eq(viewport_follow(4, 2, 13, 10), 0);
	/* the 40 groups of a panel with 3 rows: every group comes in view */
	for (int g = 0, top = 0; g < 40; g++) {
		top = viewport_follow(top, g, 3, 40);
		cr_assert(top <= g && g < top + 3, "group %d not shown (top %d)",
		    g, top);
	}
	cr_assert_eq(viewport_follow(5, -1, 0, 40), 5);
}

Test(viewport, cell_width)
{
	/* fits whole: the width the names need */
	cr_assert_eq(viewport_cellw(15, 200, 12, 6, 1, 4, 12), 15);
	/* does not fit: wide as needed while 4 seats fit */
	cr_assert_eq(viewport_cellw(15, 78, 80, 21, 1, 4, 12), 15);
	cr_assert_eq(viewport_cellw(28, 78, 80, 21, 1, 4, 12), 18);
	/* never under the floor width */
	cr_assert_eq(viewport_cellw(28, 40, 80, 21, 1, 4, 12), 12);
	cr_assert_eq(viewport_cellw(9, 40, 80, 21, 1, 4, 12), 9);
}

Test(viewport, range_text)
{
	char b[32];

	viewport_range(0, 13, 29, b, sizeof b);
	cr_assert_str_eq(b, "1-13/29");
	viewport_range(16, 13, 29, b, sizeof b);
	cr_assert_str_eq(b, "17-29/29");
	viewport_range(37, 5, 40, b, sizeof b);
	cr_assert_str_eq(b, "38-40/40");
}

Test(match, exact_code_before_titles)
{
	/* SECURITY's title mentions another's PC: OTHER must still win. */
	const char *codes[] = { "SECURITY", "OTHER", "PHONE", "OTHERS_PC" };
	const char *titles[] = { "Using other's PC or account", "Other "
	    "misconduct", "Phone at the desk", "x" };
	enum match_rank r[4];
	int items[4] = { 0, 1, 2, 3 }, n, i;

	for (i = 0; i < 4; i++)
		r[i] = match_rule(codes[i], titles[i], NULL, "OTHER");
	cr_assert_eq(r[0], MATCH_TITLE);
	cr_assert_eq(r[1], MATCH_CODE);
	cr_assert_eq(r[2], MATCH_NONE);
	cr_assert_eq(r[3], MATCH_CODE_PREFIX);
	n = match_sort(items, 4, r);
	cr_assert_eq(n, 3);
	cr_assert_eq(items[0], 1);
	cr_assert_eq(items[1], 3);
	cr_assert_eq(items[2], 0);
}

Test(match, case_prefix_part_and_chinese)
{
	cr_assert_eq(match_rule("PHONE", "Phone", NULL, "phone"), MATCH_CODE);
	cr_assert_eq(match_rule("PHONE", "Phone", NULL, "PH"), MATCH_CODE_PREFIX);
	cr_assert_eq(match_rule("DEPT_COMPLAINT", "x", NULL, "COMP"),
	    MATCH_CODE_PART);
	cr_assert_eq(match_rule("SLEEP", "Resting", "趴在桌上休息", "休息"),
	    MATCH_TITLE);
	cr_assert_eq(match_rule("SLEEP", "Resting", NULL, ""), MATCH_ALL);
}

Test(match, sort_is_stable_within_a_rank)
{
	enum match_rank r[5] = { MATCH_TITLE, MATCH_TITLE, MATCH_CODE_PREFIX,
		MATCH_TITLE, MATCH_CODE_PREFIX };
	int items[5] = { 0, 1, 2, 3, 4 };

	cr_assert_eq(match_sort(items, 5, r), 5);
	cr_assert_eq(items[0], 2);
	cr_assert_eq(items[1], 4);
	cr_assert_eq(items[2], 0);
	cr_assert_eq(items[3], 1);
	cr_assert_eq(items[4], 3);
}
