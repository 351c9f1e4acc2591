/*
 * test_config.c - configuration loading and validation.  Each bad
 * configuration is the valid `base` below with one line changed; the line
 * that must be blamed carries a "#!" comment, and the test asserts the
 * exact "FILE:LINE: " of every error, and that there are no others.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(config, .init = fx_dir, .fini = fx_done);

static const char base[] =
    "floor = {\n"
    "  id = \"t\";\n"
    "  name = \"T\";\n"
    "  timezone = \"Asia/Shanghai\";\n"
    "  shift = { start = \"09:00\"; end = \"18:00\"; };\n"
    "  layout = [ \"A01 A02 . B01\",\n"
    "             \"A03 A04 . B02\" ];\n"
    "};\n"
    "groups = (\n"
    "  { id = \"A\"; name = \"Group A\"; director = \"D1\"; deputy = \"D2\"; supervisor = \"S1\"; },\n"
    "  { id = \"B\"; name = \"Group B\"; director = \"D3\"; }\n"
    ");\n"
    "staff = (\n"
    "  { id = \"E1\"; name = \"李娜\"; group = \"A\"; seat = \"A01\"; },\n"
    "  { id = \"E2\"; name = \"张伟\"; group = \"A\"; seat = \"A02\"; },\n"
    "  { id = \"E3\"; name = \"陈静\"; group = \"B\"; seat = \"B01\"; },\n"
    "  { id = \"D1\"; name = \"王芳\"; group = \"A\"; },\n"
    "  { id = \"D2\"; name = \"赵磊\"; group = \"A\"; },\n"
    "  { id = \"D3\"; name = \"孙丽\"; group = \"B\"; },\n"
    "  { id = \"S1\"; name = \"周敏\"; group = \"A\"; }\n"
    ");\n"
    "users = (\n"
    "  { login = \"root\"; role = \"manager\"; },\n"
    "  { login = \"wangf\"; role = \"supervisor\"; staff = \"S1\"; }\n"
    ");\n"
    "rules = (\n"
    "  { code = \"DESK\"; title = \"Desk\"; key = \"d\"; fine = 5; },\n"
    "  { code = \"GAMES\"; title = \"Games\"; key = \"g\"; ladder = [5, 10, 50]; },\n"
    "  { code = \"READING\"; title = \"Reading\"; key = \"n\"; range = [5, 10]; },\n"
    "  { code = \"SLEEP\"; title = \"Sleep\"; key = \"s\"; fine = 10;\n"
    "    co_penalty = ( { role = \"director\"; fine = 10; } ); }\n"
    ");\n";

/* base with `from` replaced by `to` (each must occur once); caller frees. */
static char *
edit(const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);
	size_t n;
	char *out;

	cr_assert_not_null(p, "'%s' is not in the configuration", from);
	cr_assert_null(strstr(p + 1, from), "'%s' occurs twice", from);
	n = strlen(text) - strlen(from) + strlen(to) + 1;
	out = malloc(n);
	snprintf(out, n, "%.*s%s%s", (int)(p - text), text, to, p + strlen(from));
	return out;
}

/* The line numbers (1-based) of the lines carrying "#!", in order. */
static int
marked_lines(const char *text, int *lines, int max)
{
	int line = 1, n = 0;
	const char *p;

	for (p = text; *p; p++) {
		if (p[0] == '#' && p[1] == '!' && n < max)
			lines[n++] = line;
		if (*p == '\n')
			line++;
	}
	return n;
}

/*
 * Loads text as name; the load must fail with exactly one error per "#!"
 * line, each "PATH:LINE: " on that line, each containing the matching
 * needle.  Returns nothing: the test fails on any difference.
 */
static void
expect_errors(const char *name, const char *text, const char *const *needles)
{
	struct buf errs = { 0 };
	struct floor *f;
	int lines[8], n = marked_lines(text, lines, 8), i;
	const char *p;
	char path[192], prefix[256];

	cr_assert_gt(n, 0, "the test marks no line with #!");
	f = fx_load(name, text, &errs);
	snprintf(path, sizeof path, "%s/%s", fx.dir, name);
	cr_assert_null(f, "the configuration loaded; wanted %d error(s)", n);
	cr_assert_not_null(errs.s, "no error text");
	for (i = 0, p = errs.s; i < n; i++) {
		const char *eol = strchr(p, '\n');

		cr_assert_not_null(eol, "error %d of %d is missing:\n%s", i + 1, n,
		    errs.s);
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, lines[i]);
		cr_assert(strncmp(p, prefix, strlen(prefix)) == 0,
		    "wanted '%s...', got:\n%s", prefix, errs.s);
		cr_assert(memmem(p, (size_t)(eol - p), needles[i], strlen(needles[i]))
		    != NULL, "error '%.*s' does not say '%s'", (int)(eol - p), p,
		    needles[i]);
		p = eol + 1;
	}
	cr_assert_str_eq(p, "", "more errors than expected:\n%s", errs.s);
	buf_free(&errs);
}

/* One edit of base, one error on the "#!" line. */
static void
one(const char *from, const char *to, const char *needle)
{
	char *text = edit(base, from, to);
	const char *needles[] = { needle };

	expect_errors("bad.cfg", text, needles);
	free(text);
}

Test(config, the_base_is_valid)
{
	struct buf errs = { 0 };
	struct floor *f = fx_load("ok.cfg", base, &errs);

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->nseats, 6);
	cr_assert_eq(f->nstaff, 7);
	cr_assert_eq(f->ngroups, 2);
	cr_assert_eq(f->nrules, 4);
	cr_assert_eq(f->nrows, 2);
	cr_assert_eq(f->ncols, 4);
	cr_assert_eq(f->cells[2], -1, "the '.' is an aisle");
	cr_assert_str_eq(f->seats[f->cells[3]].id, "B01");
	cr_assert_str_eq(f->seats[f->cells[4 + 1]].id, "A04");
	cr_assert_eq(f->seats[floor_seat_find(f, "A01")].staff,
	    floor_staff_find(f, "E1"));
	cr_assert_eq(f->seats[floor_seat_find(f, "A04")].staff, -1);
	cr_assert_eq(f->groups[1].deputy, -1, "B's deputy is vacant");
	cr_assert_eq(f->staff[floor_staff_find(f, "D1")].role, GROLE_DIRECTOR);
	cr_assert_eq(f->staff[floor_staff_find(f, "S1")].role, GROLE_SUPERVISOR);
	cr_assert_eq(f->staff[floor_staff_find(f, "E1")].role, GROLE_AGENT);
	cr_assert_eq(f->shift_start, 9 * 60);
	cr_assert_eq(f->shift_end, 18 * 60);
	cr_assert_eq(f->rules[0].t.fine, Y(5));
	cr_assert_eq(f->rules[0].key, 'd');
	cr_assert_eq(f->rules[0].t.window, WINDOW_MONTH);
	cr_assert_eq(f->rules[3].t.co[0].role, GROLE_DIRECTOR);
	cr_assert_eq(f->rules[3].t.co[0].fine, Y(10));
	cr_assert_eq(f->rules[3].line, 30);
	floor_free(f);
	buf_free(&errs);
}

/* ---- references ---- */

Test(config, unknown_group_of_a_staff)
{
	one("group = \"B\"; seat = \"B01\"; },", "group = \"Z\"; seat = \"B01\"; }, #!",
	    "unknown group 'Z'");
}

Test(config, unknown_seat_of_a_staff)
{
	one("seat = \"B01\"; },", "seat = \"B09\"; }, #!", "'B09' is not in the layout");
}

Test(config, unknown_director_of_a_group)
{
	one("director = \"D3\"; }", "director = \"D9\"; } #!", "'D9' is not on the staff");
}

Test(config, director_from_another_group)
{
	one("director = \"D3\"; }", "director = \"D1\"; } #!", "belongs to group A");
}

Test(config, unknown_staff_of_a_user)
{
	one("staff = \"S1\"; }", "staff = \"S9\"; } #!", "'S9' is not on the staff");
}

Test(config, unknown_role_of_a_user)
{
	one("role = \"manager\"; },", "role = \"boss\"; }, #!", "unknown role 'boss'");
}

Test(config, unknown_co_penalty_role)
{
	one("role = \"director\"; fine = 10; } ); }",
	    "role = \"captain\"; fine = 10; } ); } #!", "role 'captain'");
}

/* ---- duplicates ---- */

Test(config, duplicate_group_id)
{
	one("director = \"D3\"; }\n", "director = \"D3\"; },\n"
	    "  { id = \"A\"; name = \"Again\"; } #!\n", "duplicate group id 'A'");
}

Test(config, duplicate_staff_id)
{
	one("{ id = \"S1\"; name = \"周敏\"; group = \"A\"; }\n",
	    "{ id = \"S1\"; name = \"周敏\"; group = \"A\"; },\n"
	    "  { id = \"E1\"; name = \"Again\"; group = \"B\"; } #!\n",
	    "duplicate staff id 'E1'");
}

Test(config, seat_listed_twice_in_the_layout)
{
	one("\"A03 A04 . B02\" ];", "\"A03 A01 . B02\" ]; #!", "A01 is listed twice");
}

Test(config, duplicate_user_login)
{
	one("staff = \"S1\"; }\n", "staff = \"S1\"; },\n"
	    "  { login = \"root\"; role = \"lead\"; } #!\n", "duplicate user login 'root'");
}

Test(config, duplicate_rule_code)
{
	one("key = \"n\"; range = [5, 10]; },", "key = \"n\"; range = [5, 10]; },\n"
	    "  { code = \"DESK\"; title = \"Desk again\"; fine = 7; }, #!",
	    "duplicate rule code 'DESK'");
}

Test(config, duplicate_hotkey)
{
	one("key = \"g\";", "key = \"d\"; #!\n", "already rule DESK's");
}

Test(config, reserved_console_key)
{
	one("key = \"g\";", "key = \"q\"; #!\n", "kept by the console");
}

Test(config, two_staff_on_one_seat)
{
	one("group = \"A\"; seat = \"A02\"; },", "group = \"A\"; seat = \"A01\"; }, #!",
	    "A01 is already taken by E1");
}

/* ---- rule terms ---- */

Test(config, empty_ladder)
{
	one("ladder = [5, 10, 50]; },", "ladder = [ ]; }, #!", "ladder is empty");
}

Test(config, range_low_above_high)
{
	one("range = [5, 10]; },", "range = [10, 5]; }, #!", "10.00 is above high 5.00");
}

Test(config, negative_fine)
{
	one("fine = 5; },", "fine = -5; }, #!", "negative");
}

Test(config, negative_co_penalty)
{
	one("fine = 10; } ); }", "fine = -10; } ); } #!", "negative");
}

Test(config, negative_ladder_step)
{
	one("ladder = [5, 10, 50]; },", "ladder = [5, -10, 50]; }, #!", "negative");
}

Test(config, unknown_window)
{
	one("fine = 5; },", "fine = 5; window = \"week\"; }, #!", "unknown window 'week'");
}

Test(config, unknown_flag)
{
	one("fine = 5; },", "fine = 5; flag = \"sacked\"; }, #!", "unknown flag 'sacked'");
}

Test(config, more_than_two_decimals)
{
	one("fine = 5; },", "fine = 5.125; }, #!", "more than two decimals");
}

Test(config, two_prices_on_one_rule)
{
	one("fine = 5; },", "fine = 5; range = [1, 2]; }, #!", "one of fine, ladder or range");
}

/* ---- keys, times, zones, syntax ---- */

Test(config, unknown_key_in_a_rule)
{
	one("fine = 5; },", "fien = 5; }, #!", "unknown key 'fien'");
}

Test(config, unknown_key_in_the_floor)
{
	one("  timezone = \"Asia/Shanghai\";\n", "  timezone = \"Asia/Shanghai\";\n"
	    "  databse = \"/tmp/x.db\"; #!\n", "unknown key 'databse'");
}

Test(config, unknown_top_level_key)
{
	char *text = edit(base, "users = (", "stafff = ( ); #!\nusers = (");
	const char *needles[] = { "unknown top-level key 'stafff'" };

	expect_errors("bad.cfg", text, needles);
	free(text);
}

Test(config, wrong_type)
{
	one("fine = 5; },", "fine = \"five\"; }, #!", "'fine' must be a number");
}

Test(config, bad_shift_time)
{
	one("start = \"09:00\";", "start = \"25:00\"; #!\n", "'25:00' is not a time");
	one("end = \"18:00\"; };", "end = \"6pm\"; }; #!", "'6pm' is not a time");
}

Test(config, unknown_time_zone)
{
	one("timezone = \"Asia/Shanghai\";", "timezone = \"Mars/Olympus_Mons\"; #!",
	    "unknown time zone 'Mars/Olympus_Mons'");
	one("timezone = \"Asia/Shanghai\";", "timezone = \"../../etc/passwd\"; #!",
	    "unknown time zone");
}

Test(config, a_parse_error)
{
	one("  name = \"T\";", "  name = \"T\"; ] #!", "syntax error");
}

Test(config, a_missing_file)
{
	struct buf errs = { 0 };

	cr_assert_null(floor_load("/nonexistent/callfloor.cfg", &errs));
	cr_assert_str_eq(errs.s, "/nonexistent/callfloor.cfg: cannot read the "
	    "configuration: No such file or directory\n");
	buf_free(&errs);
}

Test(config, all_errors_at_once)
{
	char *a = edit(base, "timezone = \"Asia/Shanghai\";",
	    "timezone = \"Nowhere/Land\"; #!");
	char *b = edit(a, "group = \"B\"; seat = \"B01\"; },",
	    "group = \"Z\"; seat = \"B01\"; }, #!");
	char *c = edit(b, "range = [5, 10]; },", "range = [10, 5]; }, #!");
	const char *needles[] = { "unknown time zone", "unknown group 'Z'",
		"above high" };

	expect_errors("three.cfg", c, needles);
	free(a);
	free(b);
	free(c);
}

Test(config, an_error_in_an_included_file_names_that_file)
{
	static const char rules[] =
	    "# the rulebook\n"
	    "rules = (\n"
	    "  { code = \"DESK\"; title = \"Desk\"; fine = 5; },\n"
	    "  { code = \"LATE\"; title = \"Late\"; fine = 5; window = \"fortnight\"; }\n"
	    ");\n";
	struct buf errs = { 0 };
	char want[256], text[sizeof base];
	const char *inc = fx_write("inc.cfg", rules);

	snprintf(text, sizeof text, "%.*s@include \"inc.cfg\"\n",
	    (int)(strstr(base, "rules = (") - base), base);

	cr_assert_null(fx_load("main.cfg", text, &errs));
	snprintf(want, sizeof want, "%s:4: rule LATE: unknown window 'fortnight'",
	    inc);
	cr_assert(strncmp(errs.s, want, strlen(want)) == 0, "wanted '%s', got:\n%s",
	    want, errs.s);
	buf_free(&errs);
}

Test(config, a_parse_error_in_an_included_file_names_that_file)
{
	struct buf errs = { 0 };
	char want[256], text[sizeof base];
	const char *inc = fx_write("inc.cfg", "rules = (\n"
	    "  { code = \"DESK\"; title = \"Desk\"; fine = 5; }\n"
	    "  { code = \"LATE\"; title = \"Late\"; fine = 5; }\n"
	    ");\n");

	snprintf(text, sizeof text, "%.*s@include \"inc.cfg\"\n",
	    (int)(strstr(base, "rules = (") - base), base);
	cr_assert_null(fx_load("main.cfg", text, &errs));
	snprintf(want, sizeof want, "%s:3: syntax error", inc);
	cr_assert(strncmp(errs.s, want, strlen(want)) == 0, "wanted '%s', got:\n%s",
	    want, errs.s);
	buf_free(&errs);
}

Test(config, a_file_included_from_an_included_file_must_be_absolute)
{
	struct buf errs = { 0 };
	char want[256], text[sizeof base];
	const char *inc = fx_write("inc.cfg", "# rules elsewhere\n"
	    "@include \"more.cfg\"\n");

	snprintf(text, sizeof text, "%.*s@include \"inc.cfg\"\n",
	    (int)(strstr(base, "rules = (") - base), base);
	cr_assert_null(fx_load("main.cfg", text, &errs));
	snprintf(want, sizeof want, "%s:2: @include \"more.cfg\": inside an "
	    "included file, give the absolute path\n", inc);
	cr_assert_str_eq(errs.s, want);
	buf_free(&errs);
}

Test(config, a_configuration_over_a_mebibyte_is_refused_before_parsing)
{
	struct buf errs = { 0 };
	size_t n = (1u << 20) + 16;
	char *big = malloc(n + 1), want[256], text[sizeof base];
	const char *inc;

	/* One long string: libconfig would take seconds (quadratic). */
	memset(big, 'a', n);
	memcpy(big, "x = \"", 5);
	memcpy(big + n - 3, "\";\n", 3);
	big[n] = '\0';
	inc = fx_write("big.cfg", big);
	snprintf(text, sizeof text, "%.*s@include \"big.cfg\"\n",
	    (int)(strstr(base, "rules = (") - base), base);
	cr_assert_null(fx_load("main.cfg", text, &errs));
	snprintf(want, sizeof want, ": %s: the @included file is too large "
	    "(1024 KiB): a configuration is at most 1024 KiB", inc);
	cr_assert_not_null(strstr(errs.s, want), "wanted '%s', got:\n%s", want,
	    errs.s);
	buf_free(&errs);
	free(big);
}

Test(config, a_name_with_a_control_character_is_refused_at_its_line)
{
	one("  name = \"T\";", "  name = \"T\\x1b]0;owned\\x07\"; #!",
	    "floor: 'name' has a control character in it (\"T^[]0;owned^G\")");
}

/* ---- the shipped files ---- */

static void
demo_checks(struct floor *f)
{
	int g, vacant = 0;

	cr_assert_geq(f->ngroups, 6);
	cr_assert_geq(f->nseats, 60);
	for (g = 0; g < f->ngroups; g++) {
		cr_assert_geq(f->groups[g].director, 0, "group %s has no director",
		    f->groups[g].id);
		cr_assert_geq(f->groups[g].supervisor, 0, "group %s has no supervisor",
		    f->groups[g].id);
		vacant += f->groups[g].deputy < 0;
	}
	cr_assert_eq(vacant, 1, "the demo floor has one group without a deputy");
	cr_assert_geq(floor_rule_find(f, "DEPT_COMPLAINT"), 0);
}

Test(config, the_demo_floor_loads_from_conf)
{
	struct buf errs = { 0 };
	struct floor *f = floor_load(SRCDIR "/conf/demo.cfg", &errs);

	cr_assert_not_null(f, "%s", errs.s);
	demo_checks(f);
	floor_free(f);
}

Test(config, the_embedded_demo_floor_loads)
{
	struct buf errs = { 0 };
	struct floor *f = floor_load(NULL, &errs);

	cr_assert_not_null(f, "%s", errs.s);
	demo_checks(f);
	cr_assert_str_eq(f->source, "(demo)");
	floor_free(f);
}

Test(config, the_small_fixture_loads)
{
	struct buf errs = { 0 };
	struct floor *f = floor_load(SRCDIR "/tests/fixtures/small.cfg", &errs);

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->nseats, 10);
	cr_assert_eq(f->nstaff, 12);
	cr_assert_eq(f->ngroups, 2);
	cr_assert_eq(f->groups[floor_group_find(f, "B")].deputy, -1);
	cr_assert_str_eq(f->timezone, "Asia/Shanghai");
	floor_free(f);
}

/* floor.complaint_retention_days (rule B14's register): 180 by default,
 * 0 to 3650 days, an error on its line otherwise. */
Test(config, complaint_retention_days_default_and_range)
{
	struct buf errs = { 0 };
	char *text = edit(base, "  timezone", "  complaint_retention_days = 30;\n"
	    "  timezone");
	struct floor *f = fx_load("ok.cfg", base, &errs);

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->complaint_retention_days, 180);
	floor_free(f);
	f = fx_load("thirty.cfg", text, &errs);
	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->complaint_retention_days, 30);
	floor_free(f);
	free(text);
	buf_free(&errs);
	one("  timezone", "  complaint_retention_days = 4000;  #!\n  timezone",
	    "complaint_retention_days 4000 is not 0 to 3650 days");
}

/* Rule A7's deduction policy and the wages of the legal cap (payroll). */
#define LAST_RULE "fine = 10; } ); }\n);\n"

Test(config, deductions_are_validated_like_every_key)
{
	one(LAST_RULE, LAST_RULE "deductions = {\n  absence_day = -5.0; #!\n};\n",
	    "absence_day is negative");
	one(LAST_RULE, LAST_RULE "deductions = {\n  cap_percent = 150; #!\n};\n",
	    "deductions.cap_percent 150 is not 0 to 100 percent");
	one(LAST_RULE, LAST_RULE "deductions = {\n  bonuses = 300; #!\n};\n",
	    "unknown key 'bonuses' in deductions");
	one(LAST_RULE, LAST_RULE "deductions = {\n  bonus = \"300\"; #!\n};\n",
	    "'bonus' must be a number");
	one("seat = \"A01\"; },", "seat = \"A01\"; wage = 4000.005; }, #!",
	    "wage has more than two decimals");
}

Test(config, deductions_default_to_nothing_and_load_in_fen)
{
	struct buf errs = { 0 };
	struct floor *f = fx_load("none.cfg", base, &errs);
	char *text, *t1;

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->ded.absence_day, 0);
	cr_assert_eq(f->ded.bonus, 0);
	cr_assert_eq(f->ded.cap_percent, 20);
	cr_assert_eq(f->staff[0].wage, -1);
	cr_assert(!f->has_wages);
	floor_free(f);
	t1 = edit(base, LAST_RULE, LAST_RULE "deductions = { "
	    "personal_leave_day = 100.5; absence_day = 200; bonus = 300.00; "
	    "cap_percent = 15; minimum_wage = 2490; };\n");
	text = edit(t1, "seat = \"A02\"; },", "seat = \"A02\"; wage = 4000; },");
	free(t1);
	f = fx_load("ded.cfg", text, &errs);
	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->ded.personal_leave_day, 10050);
	cr_assert_eq(f->ded.absence_day, 20000);
	cr_assert_eq(f->ded.bonus, 30000);
	cr_assert_eq(f->ded.sick_leave_day, 0);
	cr_assert_eq(f->ded.cap_percent, 15);
	cr_assert_eq(f->ded.minimum_wage, 249000);
	cr_assert_eq(f->staff[floor_staff_find(f, "E2")].wage, 400000);
	cr_assert_eq(f->staff[floor_staff_find(f, "E1")].wage, -1);
	cr_assert(f->has_wages);
	floor_free(f);
	free(text);
}

/* ---- the key table (config_table.c) ---- */

Test(config, defaults_come_from_the_key_table)
{
	struct buf errs = { 0 };
	struct floor *f = fx_load("ok.cfg", base, &errs);

	cr_assert_not_null(f, "%s", errs.s);
	/* As the rulebook's section 3 had them before the table. */
	cr_assert_eq(f->att.late_grace_minutes, 0);
	cr_assert_eq(f->att.half_day_after_minutes, 10);
	cr_assert_eq(f->att.lates_per_month_absence, 3);
	cr_assert_eq(f->att.lates_per_year_termination, 30);
	cr_assert_eq(f->att.absences_month_forfeit, 2);
	cr_assert_eq(f->att.absences_total_termination, 3);
	cr_assert_eq(f->att.consecutive_absences_termination, 3);
	cr_assert_eq(f->signin_window, 240);
	cr_assert_eq(f->signout_window, 240);
	cr_assert_eq(f->workdays, 0x3eu, "Monday to Friday");
	cr_assert_str_eq(f->currency, "¥");
	cr_assert_eq(f->paper, PAPER_A4);
	cr_assert_eq(f->rules[0].t.repeat_factor, 1);
	cr_assert_eq(f->rules[0].t.repeat_from, 0);
	cr_assert_eq(f->rules[0].t.absence_halfdays, 0);
	cr_assert(!f->max_away.set);
	floor_free(f);
	buf_free(&errs);
}

Test(config, ranges_come_from_the_key_table)
{
	one("fine = 5; },", "fine = 5; repeat_factor = 0; }, #!",
	    "rule DESK: repeat_factor 0 is not 1 to 100");
	one("fine = 5; },", "fine = 5; repeat_factor = 2; repeat_from = 1; }, #!",
	    "rule DESK: repeat_from 1 is not 2 or more");
	one("fine = 5; },", "fine = 5; absence_days = 0.3; }, #!",
	    "rule DESK: absence_days must be a multiple of 0.5");
	one("fine = 5; },", "fine = 5; absence_days = 10.5; }, #!",
	    "absence_days is too large (10.5; at most 10)");
	one("fine = 5; },", "fine = 2000000000; }, #!",
	    "fine is too large (2e+09; at most 1000000000)");
	one("  timezone", "  signin_window = 1441; #!\n  timezone",
	    "floor.signin_window 1441 is not 0 to 1440 minutes");
	one("  timezone", "  workdays = [1, 8]; #!\n  timezone",
	    "workdays are numbers 1 (Monday) to 7 (Sunday)");
	one(LAST_RULE, LAST_RULE "attendance = {\n  late_grace_minutes = 1001; "
	    "#!\n};\n", "attendance.late_grace_minutes 1001 is not 0 to 1000 "
	    "minutes");
	one(LAST_RULE, LAST_RULE "attendance = {\n  lates_per_month_absence = -1; "
	    "#!\n};\n", "attendance.lates_per_month_absence -1 is not 0 to 1000");
}

Test(config, given_values_load)
{
	struct buf errs = { 0 };
	char *t1 = edit(base, "fine = 5; },", "fine = 5; repeat_factor = 3; "
	    "absence_days = 1.5; },");
	char *text = edit(t1, LAST_RULE, LAST_RULE "attendance = { "
	    "half_day_after_minutes = 30; };\nmax_away = \"25%\";\n");
	struct floor *f = fx_load("ok.cfg", text, &errs);

	cr_assert_not_null(f, "%s", errs.s);
	cr_assert_eq(f->rules[0].t.repeat_factor, 3);
	cr_assert_eq(f->rules[0].t.repeat_from, 2, "the 2nd offence by default");
	cr_assert_eq(f->rules[0].t.absence_halfdays, 3);
	cr_assert_eq(f->att.half_day_after_minutes, 30);
	cr_assert_eq(f->att.lates_per_month_absence, 3);
	cr_assert(f->max_away.set && f->max_away.percent);
	cr_assert_eq(f->max_away.value, 25);
	floor_free(f);
	free(t1);
	free(text);
	buf_free(&errs);
}
