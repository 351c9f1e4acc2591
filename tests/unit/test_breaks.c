/*
 * test_breaks.c - breaks away from the desk: the rulebook's reasons and
 * max_away as validated, the cap and the queue order (3 agents of a group
 * with max_away = 2: the third queued, next when one returns), the limit
 * reached with the injectable clock, refusals that write nothing, the peak
 * away at once, and a version 2 database migrated.  The small floor's
 * shift is 09:00-18:00, Asia/Shanghai; 2026-03-02 is a Monday.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/attendance.h"
#include "../../src/breaks.h"
#include "../../src/seatmap.h"
#include "helpers.h"

TestSuite(breaks, .init = fx_small, .fini = fx_done);

/* The small floor with group A's own max_away line, and extra text. */
static void
use_floor(const char *group_a_cap, const char *extra)
{
	struct buf errs = { 0 }, cfg = { 0 };
	const char *anchor = "supervisor = \"S001\"; },";
	const char *p = strstr(small_floor_text, anchor);
	struct floor *f;

	cr_assert_not_null(p);
	buf_add(&cfg, small_floor_text, (size_t)(p - small_floor_text) +
	    strlen(anchor) - 2);
	buf_printf(&cfg, " %s },%s%s@include \"rules.cfg\"\n", group_a_cap,
	    p + strlen(anchor), extra);
	f = fx_load("floor2.cfg", cfg.s, &errs);
	cr_assert_not_null(f, "does not load:\n%s", errs.s ? errs.s : "");
	fx_use(f);
	buf_free(&errs);
	buf_free(&cfg);
}

/* The errors of a configuration that must not load. */
static char *
load_errors(const char *group_a_cap, const char *extra)
{
	struct buf errs = { 0 }, cfg = { 0 };
	const char *anchor = "supervisor = \"S001\"; },";
	const char *p = strstr(small_floor_text, anchor);

	buf_add(&cfg, small_floor_text, (size_t)(p - small_floor_text) +
	    strlen(anchor) - 2);
	buf_printf(&cfg, " %s },%s%s", group_a_cap, p + strlen(anchor), extra);
	if (strstr(extra, "rules =") == NULL)
		buf_puts(&cfg, "@include \"rules.cfg\"\n");
	cr_assert_null(fx_load("bad.cfg", cfg.s, &errs), "loaded:\n%s", cfg.s);
	buf_free(&cfg);
	return errs.s;
}

static int
reason(const char *code)
{
	int r = floor_break_find(fx.f, code);

	cr_assert_geq(r, 0, "no break reason %s", code);
	return r;
}

static struct brk_result
start(const char *staff, const char *code, const char *when)
{
	struct brk_result r;
	struct err e = { 0 };

	set_now(when);
	cr_assert_eq(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f, staff),
	    reason(code), &r, &e), 0, "start %s: %s", staff, e.msg);
	return r;
}

static struct brk_result
end(const char *staff, const char *when)
{
	struct brk_result r;
	struct err e = { 0 };

	set_now(when);
	cr_assert_eq(break_end(fx.f, fx.s, &SUP, floor_staff_find(fx.f, staff),
	    &r, &e), 0, "end %s: %s", staff, e.msg);
	return r;
}

/* The open break of staff as break list would show it at `when`. */
static struct brk
state_of(const char *staff, const char *when)
{
	struct brk_floor bf;
	struct err e = { 0 };
	const struct brk *b;
	struct brk out;

	set_now(when);
	cr_assert_eq(breaks_load(fx.f, fx.s, "2026-03-02", clock_now(), NULL, &bf,
	    &e), 0, "%s", e.msg);
	b = breaks_of(&bf, floor_staff_find(fx.f, staff));
	cr_assert_not_null(b, "%s has no open break", staff);
	out = *b;
	breaks_free(&bf);
	return out;
}

Test(breaks, the_shipped_rulebook_has_wc_rest_meal_in_chinese_too)
{
	cr_assert_eq(fx.f->nbreaks, 3);
	cr_assert_str_eq(fx.f->breaks[reason("WC")].title_zh, "如厕");
	cr_assert_str_eq(fx.f->breaks[reason("REST")].title_zh, "小休");
	cr_assert_eq(fx.f->breaks[reason("WC")].limit_minutes, 10);
	cr_assert(fx.f->max_away.set && fx.f->max_away.percent);
	cr_assert_eq(fx.f->max_away.value, 20);
	cr_assert_eq(floor_break_find(fx.f, "wc"), reason("WC"), "codes are "
	    "matched case-insensitively");
}

Test(breaks, a_group_override_beats_the_rulebook)
{
	use_floor("max_away = 2;", "");
	cr_assert_eq(breaks_cap(fx.f, floor_group_find(fx.f, "A"), 5), 2);
	/* B: the rulebook's 20% of those present, at least one. */
	cr_assert_eq(breaks_cap(fx.f, floor_group_find(fx.f, "B"), 3), 1);
	cr_assert_eq(breaks_cap(fx.f, floor_group_find(fx.f, "B"), 10), 2);
}

Test(breaks, bad_values_are_named_with_their_line)
{
	char *m = load_errors("max_away = \"120%\";", "");

	cr_assert(strstr(m, "bad.cfg:") && strstr(m, "max_away \"120%\" is not a "
	    "percentage"), "%s", m);
	free(m);
	m = load_errors("max_away = 0;", "");
	cr_assert(strstr(m, "max_away must be 1 to 10000"), "%s", m);
	free(m);
	m = load_errors("max_away = \"many\";", "");
	cr_assert(strstr(m, "\"many\" is not a percentage"), "%s", m);
	free(m);
	m = load_errors("max_away = 1.5;", "");
	cr_assert(strstr(m, "max_away"), "%s", m);
	free(m);
	m = load_errors("", "rules = ( { code = \"DESK\"; title = \"Desk\"; "
	    "title_zh = \"桌\"; section = \"floor\"; fine = 5; } );\n"
	    "breaks = ( { code = \"wc\"; title = \"T\"; "
	    "limit_minutes = 10; }, { code = \"X\"; title = \"T\"; limit_minutes "
	    "= 0; }, { code = \"Y\"; title = \"T\"; limit_minutes = 5; "
	    "over_limit_rule = \"NOPE\"; } );\n");
	cr_assert(strstr(m, "break code 'wc' must be"), "%s", m);
	cr_assert(strstr(m, "break X: limit_minutes 0 is not 1 to 480 minutes"),
	    "%s", m);
	cr_assert(strstr(m, "over_limit_rule 'NOPE' is not a rule"), "%s", m);
	free(m);
}

/* The test: three agents of a group with max_away = 2. */
Test(breaks, the_third_is_queued_and_next_when_one_returns)
{
	struct brk_result r;

	use_floor("max_away = 2;", "");
	r = start("E101", "WC", "2026-03-02 10:00");
	cr_assert(!r.queued);
	r = start("E102", "REST", "2026-03-02 10:01");
	cr_assert(!r.queued);
	r = start("E103", "WC", "2026-03-02 10:02");
	cr_assert(r.queued, "a third away beyond max_away = 2");
	cr_assert_eq(r.place, 1);
	r = start("E104", "WC", "2026-03-02 10:03");
	cr_assert(r.queued);
	cr_assert_eq(r.place, 2);
	cr_assert_eq(state_of("E103", "2026-03-02 10:04").state, BRK_QUEUED);
	/* Group B has a cap of its own (20% of 3 present: 1). */
	cr_assert(!start("E201", "WC", "2026-03-02 10:04").queued);

	r = end("E102", "2026-03-02 10:05");
	cr_assert(!r.cancelled);
	cr_assert_eq(r.next, floor_staff_find(fx.f, "E103"), "the first in the "
	    "queue is next, not the second");
	cr_assert_eq(state_of("E103", "2026-03-02 10:05").state, BRK_NEXT);
	cr_assert_eq(state_of("E104", "2026-03-02 10:05").state, BRK_QUEUED);
	cr_assert_eq(state_of("E104", "2026-03-02 10:05").place, 2);
	/* next starts only when the supervisor starts it; the second may
	 * not jump the queue, nor may a newcomer. */
	{
		struct err e = { 0 };

		cr_assert_lt(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
		    "E104"), reason("WC"), &r, &e), 0);
		cr_assert(strstr(e.msg, "still queued (place 2"), "%s", e.msg);
		cr_assert_eq(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
		    "E105"), reason("WC"), &r, &e), 0, "%s", e.msg);
		cr_assert(r.queued);
		cr_assert_eq(r.place, 3);
	}
	r = start("E103", "WC", "2026-03-02 10:06");
	cr_assert(!r.queued);
	cr_assert_eq(state_of("E103", "2026-03-02 10:06").state, BRK_AWAY);
	cr_assert_eq(state_of("E104", "2026-03-02 10:06").place, 1);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM away WHERE ended_at IS "
	    "NULL AND started_at IS NOT NULL AND grp = 'A'"), 2, "the cap held");
	/* Leaving the queue moves the others up. */
	r = end("E104", "2026-03-02 10:07");
	cr_assert(r.cancelled);
	cr_assert_eq(state_of("E105", "2026-03-02 10:07").place, 1);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE action LIKE "
	    "'break%'"), 9, "one audit line a write");
}

Test(breaks, a_break_that_reaches_its_limit_is_over)
{
	struct brk_result r;
	struct seatmap m;
	struct err e = { 0 };
	int seat = fx.f->staff[floor_staff_find(fx.f, "E101")].seat;

	start("E101", "WC", "2026-03-02 10:00");
	cr_assert(!state_of("E101", "2026-03-02 10:09").over);
	cr_assert_eq(state_of("E101", "2026-03-02 10:09").minutes, 9);
	cr_assert(state_of("E101", "2026-03-02 10:10").over, "10 minutes of a "
	    "10-minute limit reach it");
	/* The map's seat turns to the alert state; the header counts it. */
	cr_assert_eq(seatmap_load(fx.f, fx.s, "2026-03-02", &m, &e), 0, "%s", e.msg);
	cr_assert_eq(m.seats[seat].brk, SEAT_BRK_OVER);
	cr_assert_eq(m.seats[seat].brk_minutes, 10);
	cr_assert_eq(m.brk_over, 1);
	seatmap_free(&m);
	r = end("E101", "2026-03-02 10:12");
	cr_assert(r.over);
	cr_assert_eq(r.minutes, 12);
	cr_assert_eq(db_int(fx.db, "SELECT over FROM away"), 1);
	cr_assert_eq(count_rows("incident"), 0, "nothing is fined on its own");
}

Test(breaks, refusals_write_nothing)
{
	struct brk_result r;
	struct err e = { 0 };
	const char *q = "SELECT count(*) FROM audit WHERE action LIKE 'break%'";

	cr_assert_lt(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f, "E101"),
	    -1, &r, &e), 0);
	cr_assert_lt(break_start(fx.f, fx.s, &SUP, -1, reason("WC"), &r, &e), 0);
	cr_assert_lt(break_start(fx.f, fx.s, &LEAD, floor_staff_find(fx.f,
	    "E101"), reason("WC"), &r, &e), 0);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_lt(break_end(fx.f, fx.s, &SUP, floor_staff_find(fx.f, "E101"),
	    &r, &e), 0);
	cr_assert(strstr(e.msg, "is not on a break"), "%s", e.msg);
	/* No seat, no break (attendance not kept). */
	cr_assert_lt(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f, "D001"),
	    reason("WC"), &r, &e), 0);
	cr_assert(strstr(e.msg, "has no seat"), "%s", e.msg);
	start("E101", "WC", "2026-03-02 10:00");
	cr_assert_lt(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f, "E101"),
	    reason("REST"), &r, &e), 0);
	cr_assert(strstr(e.msg, "already away"), "%s", e.msg);
	cr_assert_eq(count_rows("away"), 1);
	cr_assert_eq(db_int(fx.db, q), 1, "one audit line, for the one start");
}

Test(breaks, where_attendance_is_kept_only_the_signed_in_go)
{
	struct signin_result sr;
	struct brk_result r;
	struct err e = { 0 };

	set_now("2026-03-02 08:55");
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, floor_staff_find(fx.f,
	    "E101"), clock_now(), false, false, &sr, &e), 0, "%s", e.msg);
	set_now("2026-03-02 10:00");
	cr_assert_lt(break_start(fx.f, fx.s, &SUP, floor_staff_find(fx.f, "E102"),
	    reason("WC"), &r, &e), 0);
	cr_assert(strstr(e.msg, "is not signed in today"), "%s", e.msg);
	cr_assert(!start("E101", "WC", "2026-03-02 10:00").queued);
	/* 20% of the one agent of A present: one away, the next queued. */
	cr_assert_eq(count_rows("away"), 1);
}

Test(breaks, totals_and_the_peak_away_at_once)
{
	struct brk_totals per[16];
	int peak[4];
	struct err e = { 0 };

	use_floor("max_away = 3;", "");
	start("E101", "WC", "2026-03-02 10:00");
	start("E102", "WC", "2026-03-02 10:02");
	end("E101", "2026-03-02 10:15");	/* 15 minutes: over 10 */
	start("E103", "REST", "2026-03-02 10:20");
	start("E101", "REST", "2026-03-02 10:21");
	end("E101", "2026-03-02 10:25");
	set_now("2026-03-02 11:00");
	cr_assert_eq(breaks_totals(fx.f, fx.s, "2026-03-02", "2026-03-02",
	    clock_now(), per, peak, &e), 0, "%s", e.msg);
	cr_assert_eq(per[floor_staff_find(fx.f, "E101")].breaks, 2);
	cr_assert_eq(per[floor_staff_find(fx.f, "E101")].minutes, 19);
	cr_assert_eq(per[floor_staff_find(fx.f, "E101")].over, 1);
	cr_assert_eq(per[floor_staff_find(fx.f, "E102")].over, 1, "still away "
	    "58 minutes");
	cr_assert_eq(peak[floor_group_find(fx.f, "A")], 3);
	cr_assert_eq(peak[floor_group_find(fx.f, "B")], 0);
}

/* A version 2 database gains the break table and keeps what it had. */
Test(breaks, a_version_2_database_is_migrated)
{
	struct err e = { 0 };

	start("E101", "WC", "2026-03-02 10:00");
	store_close(fx.s);
	fx.s = NULL;
	fx_back_to_v2();
	cr_assert_eq(store_open(fx.db, 0, &fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(count_rows("away"), 0);
	cr_assert_gt(count_rows("audit"), 0, "the older rows were kept");
	cr_assert(!start("E101", "WC", "2026-03-02 10:30").queued);
	cr_assert_eq(count_rows("away"), 1);
}
