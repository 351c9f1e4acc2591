/*
 * test_monthend.c - month end through the domain API: payroll's figures
 * and the legal cap, the closed-month check in the engine's write paths,
 * appeals in payroll, and the schema 5 migration of a version 2 database.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/carry.h"
#include "../../db/monthend.h"
#include "../../src/monthend.h"
#include "../../src/payroll.h"
#include "../../src/trend.h"
#include "helpers.h"

TestSuite(monthend, .init = fx_small, .fini = fx_done);

static const struct pay_row *
row_of(const struct payroll *p, const char *staff)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (strcmp(fx.f->staff[p->rows[i].staff].id, staff) == 0)
			return &p->rows[i];
	cr_assert_fail("%s is not in the payroll", staff);
	return NULL;
}

static struct payroll
payroll_of(const char *month)
{
	struct payroll p;
	struct err e = { 0 };

	cr_assert_eq(payroll_compute(fx.f, fx.s, month, &p, &e), 0, "%s", e.msg);
	return p;
}

Test(monthend, payroll_sums_own_co_and_group_fines_sorted_by_group)
{
	struct payroll p;

	mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	mark_group(&MGR, "B", "DEPT_COMPLAINT", "2026-11-03 10:00");
	mark(&MGR, "E101", "DESK", NONE, NULL, "2026-12-01 10:00");
	set_now("2026-12-02 09:00");
	p = payroll_of("2026-11");
	cr_assert_eq(p.n, fx.f->nstaff, "everyone is in the payroll");
	cr_assert_eq(row_of(&p, "E101")->fines, Y(10), "December's DESK counted");
	cr_assert_eq(row_of(&p, "D001")->fines, Y(10) + Y(0), "co-penalty");
	cr_assert_eq(row_of(&p, "D003")->fines, Y(20), "group fine's director");
	cr_assert_eq(row_of(&p, "E201")->fines, Y(10));
	cr_assert_eq(row_of(&p, "E201")->total, Y(10));
	cr_assert_eq(row_of(&p, "E102")->total, 0);
	/* Group A first, then B; inside a group by staff id. */
	cr_assert_str_eq(fx.f->staff[p.rows[0].staff].id, "D001");
	cr_assert_str_eq(fx.f->staff[p.rows[p.n - 1].staff].id, "E203");
	payroll_free(&p);
}

Test(monthend, the_cap_takes_the_lower_of_the_percentage_and_the_minimum_wage)
{
	struct payroll p;
	int e101 = floor_staff_find(fx.f, "E101");

	mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	mark(&MGR, "E101", "CONDUCT", NONE, NULL, "2026-11-03 10:00");
	set_now("2026-12-02 09:00");
	fx.f->has_wages = true;
	fx.f->staff[e101].wage = Y(100);	/* 20 %: 20.00 */
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->total, Y(20));
	cr_assert_eq(row_of(&p, "E101")->over_cap, 0);
	payroll_free(&p);
	fx.f->staff[e101].wage = Y(60);		/* 20 %: 12.00 */
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->fines, Y(20));
	cr_assert_eq(row_of(&p, "E101")->total, Y(12));
	cr_assert_eq(row_of(&p, "E101")->over_cap, Y(8));
	payroll_free(&p);
	fx.f->ded.minimum_wage = Y(55);		/* at most 5.00 leaves 55.00 */
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->total, Y(5));
	cr_assert_eq(row_of(&p, "E101")->over_cap, Y(15));
	cr_assert_eq(row_of(&p, "E102")->cap, -1, "no wage, no cap");
	payroll_free(&p);
	fx.f->ded.minimum_wage = Y(70);		/* below the minimum: nothing */
	fx.f->staff[e101].wage = Y(60) + 1;
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->total, 0);
	cr_assert_eq(row_of(&p, "E101")->over_cap, Y(20));
	payroll_free(&p);
}

Test(monthend, a_closed_month_refuses_writes_dated_in_it_until_reopened)
{
	struct marked m = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	struct mark_result r;
	struct mark_req q = { 0 };
	struct err e = { 0 };
	int n;

	set_now("2026-12-02 09:00");
	cr_assert_eq(monthend_close(fx.f, fx.s, &SUP, "2026-11", false, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-11", false, &e), 0,
	    "%s", e.msg);
	q.rule = floor_rule_find(fx.f, "DESK");
	q.staff = floor_staff_find(fx.f, "E102");
	q.group = -1;
	q.amount = NONE;
	q.at = at("2026-11-20 10:00");
	q.at_given = true;
	cr_assert_eq(engine_mark(fx.f, fx.s, &MGR, &q, &r, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert(strstr(e.msg, "2026-11 is closed for payroll") != NULL, "%s",
	    e.msg);
	cr_assert_eq(void_as(&MGR, m.in.id, "wrong", &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(count_rows("incident"), 1, "nothing was written");
	/* December is open. */
	q.at = at("2026-12-01 10:00");
	cr_assert_eq(engine_mark(fx.f, fx.s, &MGR, &q, &r, &e), 0, "%s", e.msg);
	mark_result_free(&r);
	cr_assert_eq(monthend_reopen(fx.f, fx.s, &MGR, "2026-11", "a late "
	    "correction", &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_assert_eq(void_as(&MGR, m.in.id, "wrong", &e), 0, "%s", e.msg);
}

Test(monthend, months_close_in_order_and_only_once_over)
{
	struct err e = { 0 };
	int n;

	set_now("2026-12-02 09:00");
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-12", false, &e), -1);
	cr_assert(strstr(e.msg, "not over yet") != NULL, "%s", e.msg);
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-10", false, &e), 0,
	    "%s", e.msg);
	set_now("2027-01-05 09:00");
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-12", false, &e), -1);
	cr_assert(strstr(e.msg, "close 2026-11 first") != NULL, "%s", e.msg);
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-11", false, &e), 0);
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-12", false, &e), 0);
	/* Reopening October reopens the later ones too. */
	cr_assert_eq(monthend_reopen(fx.f, fx.s, &MGR, "2026-10", "audit", &n,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(n, 3);
	cr_assert_eq(count_rows("closed_month"), 0);
}

Test(monthend, an_appealed_line_leaves_payroll_until_upheld)
{
	struct marked m = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	struct marked g = mark_group(&MGR, "B", "DEPT_COMPLAINT", "2026-11-03 10:00");
	struct payroll p;
	struct err e = { 0 };
	int64_t a1, a2;

	set_now("2026-11-20 10:00");
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, m.in.id, -1, "not asleep",
	    &a1, &e), 0, "%s", e.msg);
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, g.in.id, -1, "x", &a2, &e),
	    -1, "a group fine needs --staff");
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, g.in.id,
	    floor_staff_find(fx.f, "E202"), "was off", &a2, &e), 0, "%s", e.msg);
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->fines, 0, "the appealed own fine");
	cr_assert_eq(row_of(&p, "D001")->fines, Y(10), "co-penalty not appealed");
	cr_assert_eq(row_of(&p, "E202")->fines, 0);
	cr_assert_eq(p.npending, 2);
	payroll_free(&p);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &SUP, a1, true, "ok", &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &MGR, a1, true, "photo", &e), 0);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &MGR, a2, false, "off", &e), 0);
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->fines, Y(10), "upheld: back in");
	cr_assert_eq(row_of(&p, "E202")->fines, 0, "waived in the group fine");
	cr_assert_eq(row_of(&p, "E201")->fines, Y(10), "the others still pay");
	cr_assert_eq(p.npending, 0);
	payroll_free(&p);
}

/* A version 2 database (before closed months and appeals) is brought to
 * schema 5 with its rows. */
Test(monthend, a_version_2_database_is_migrated)
{
	struct marked m = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	struct closed_month c = { .month = "2026-11", .by = "root", .at = 5,
		.text = "t", .csv = "c" };
	struct heard h = { 0 };
	struct err e = { 0 };

	FX_SQLITE_ONLY();
	store_close(fx.s);
	fx.s = NULL;
	fx_back_to_v2();
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), 2);
	store_on_progress(hear, &h);
	cr_assert_eq(store_open(fx.db, 0, &fx.s, &e), 0, "%s", e.msg);
	store_on_progress(NULL, NULL);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* The migration told how far it was, statement by statement: the
	 * steps 3 to 6 hold 4 + 3 + 5 + 3 of them, step 7 23 (13 to copy the
	 * audit trail, its view and 9 append-only triggers), step 8 35 (the
	 * names, the compact incidents and fines, their indexes and views, the
	 * trail's lines by the hour), step 11 8 (the day's index again, an
	 * incident's own fine: the column, its values, the view again and 2
	 * triggers). */
	cr_assert_eq(h.total, 81, "%lld statements", (long long)h.total);
	cr_assert_eq(h.first, 0);
	cr_assert_eq(h.last, h.total);
	cr_assert_geq(h.calls, h.total + 1);
	cr_assert(!h.backwards);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM incident"), 1);
	cr_assert_eq(stored_own(m.in.id), Y(10), "the fine was kept");
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_close_month(fx.s, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_closed_get(fx.s, "2026-11", NULL, &e), 0);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM appeal"), 0);
}

/* The sparkline's scale: the largest value is the top glyph, 0 the
 * bottom one, and any fine at all shows above the bottom. */
static char *
spark(const fen_t *v, int n, bool ascii)
{
	struct buf b = { 0 };

	trend_spark(v, n, ascii, &b);
	return b.s ? b.s : strdup("");
}

Test(monthend, sparkline_of_all_zero_is_flat)
{
	fen_t v[5] = { 0 };
	char *s = spark(v, 5, false), *a = spark(v, 5, true);

	cr_assert_str_eq(s, "▁▁▁▁▁");
	cr_assert_str_eq(a, "_____");
	free(s);
	free(a);
}

Test(monthend, sparkline_of_one_spike)
{
	fen_t v[4] = { 0, 0, Y(500), 0 };
	char *s = spark(v, 4, false), *a = spark(v, 4, true);

	cr_assert_str_eq(s, "▁▁█▁");
	cr_assert_str_eq(a, "__#_");
	free(s);
	free(a);
}

Test(monthend, sparkline_scales_to_the_largest_and_rounds_up)
{
	/* 1 + v x 6 / 80, rounded down: 1 fen and 10.00 the second glyph,
	 * 40.00 the fifth (1 + 3), 70.00 the seventh (1 + 5.25), 80.00 the
	 * top. */
	fen_t v[6] = { 0, 1, Y(10), Y(40), Y(70), Y(80) };
	char *s = spark(v, 6, false), *a = spark(v, 6, true);

	cr_assert_str_eq(s, "▁▂▂▅▇█");
	/* ASCII has five: 1 + v x 3 / 80. */
	cr_assert_str_eq(a, "_..-=#");
	free(s);
	free(a);
}

Test(monthend, trend_sums_a_group_by_day_and_names_its_costliest_rule)
{
	struct trend t;
	struct err e = { 0 };
	int a = floor_group_find(fx.f, "A"), b = floor_group_find(fx.f, "B");

	mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	mark(&MGR, "E102", "DESK", NONE, NULL, "2026-11-02 11:00");
	mark(&MGR, "E201", "DESK", NONE, NULL, "2026-11-30 10:00");
	mark(&MGR, "E201", "DESK", NONE, NULL, "2026-12-01 10:00");
	cr_assert_eq(trend_month(fx.f, fx.s, "2026-11", &t, &e), 0, "%s", e.msg);
	cr_assert_eq(t.ndays, 30);
	cr_assert_eq(t.daily[a * 30 + 1], Y(30) + Y(5), "SLEEP with co, DESK");
	cr_assert_eq(t.daily[b * 30 + 29], Y(5));
	cr_assert_str_eq(t.top[a], "SLEEP");
	cr_assert_eq(t.top_amount[a], Y(30));
	cr_assert_str_eq(t.top[b], "DESK");
	cr_assert_eq(t.top_amount[b], Y(5), "December is not November");
	trend_free(&t);
}

Test(monthend, a_voided_appeal_of_a_co_penalty_waives_that_line_only)
{
	struct marked m = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-02 10:00");
	struct marked m2 = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-11-04 10:00");
	struct payroll p;
	struct err e = { 0 };
	int64_t a1, a2;

	set_now("2026-11-20 10:00");
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, m.in.id,
	    floor_staff_find(fx.f, "D001"), "was on leave", &a1, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &MGR, a1, false, "leave", &e), 0,
	    "%s", e.msg);
	cr_assert_eq(stored_offence(m2.in.id), 2, "the incident stands");
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "D001")->fines, Y(10), "one of two co-penalties");
	cr_assert_eq(row_of(&p, "D002")->fines, Y(20));
	payroll_free(&p);
	/* The offender's appeal voided takes the incident: the second SLEEP
	 * becomes the first. */
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, m.in.id, -1, "not asleep",
	    &a2, &e), 0, "%s", e.msg);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &MGR, a2, false, "eyes open",
	    &e), 0, "%s", e.msg);
	cr_assert_eq(stored_offence(m2.in.id), 1, "renumbered");
	p = payroll_of("2026-11");
	cr_assert_eq(row_of(&p, "E101")->fines, Y(10));
	cr_assert_eq(row_of(&p, "D002")->fines, Y(10));
	payroll_free(&p);
}

/* GAMES counted over the year on a ladder of four steps: 5, 10, 20, 40. */
static int
games_by_year(void)
{
	int r = floor_rule_find(fx.f, "GAMES");
	struct rule_terms *t = &fx.f->rules[r].t;

	t->window = WINDOW_YEAR;
	t->nladder = 4;
	t->ladder[0] = Y(5);
	t->ladder[1] = Y(10);
	t->ladder[2] = Y(20);
	t->ladder[3] = Y(40);
	return r;
}

static char *
snapshot_csv(const char *month)
{
	struct closed_month c;
	struct err e = { 0 };
	char *csv;

	cr_assert_eq(store_closed_get(fx.s, month, &c, &e), 0, "%s", e.msg);
	csv = c.csv;
	c.csv = NULL;
	closed_month_free(&c);
	return csv;
}

Test(monthend, a_void_settled_from_a_closed_month_renumbers_only_open_months)
{
	struct marked g1, g2, g3, g4, g5;
	struct payroll p;
	struct err e = { 0 };
	char *before, *after;
	int64_t ap;

	games_by_year();
	g1 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-11-05 10:00");
	g2 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-11-10 10:00");
	g3 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-11-20 10:00");
	set_now("2026-12-01 10:00");
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-11", false, &e), 0,
	    "%s", e.msg);
	before = snapshot_csv("2026-11");
	g4 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-12-01 11:00");
	g5 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-12-02 10:00");
	cr_assert_eq(stored_offence(g4.in.id), 4);
	cr_assert_eq(stored_own(g5.in.id), Y(40));
	set_now("2026-12-03 10:00");
	cr_assert_eq(appeal_record(fx.f, fx.s, &SUP, g2.in.id, -1, "was on a "
	    "customer's site", &ap, &e), 0, "%s", e.msg);
	cr_assert_eq(appeal_decide(fx.f, fx.s, &MGR, ap, false, "it was work",
	    &e), 0, "%s", e.msg);
	/* November stands as it was paid: 1 at 5.00, (2 at 10.00), 3 at 20.00. */
	cr_assert_eq(stored_offence(g1.in.id), 1);
	cr_assert_eq(stored_own(g1.in.id), Y(5));
	cr_assert_eq(stored_offence(g2.in.id), 2);
	cr_assert_eq(stored_own(g2.in.id), Y(10));
	cr_assert_eq(stored_offence(g3.in.id), 3, "a closed month renumbered");
	cr_assert_eq(stored_own(g3.in.id), Y(20), "a closed month re-priced");
	/* December counts what stands: g1, g3, then g4 third, g5 fourth. */
	cr_assert_eq(stored_offence(g4.in.id), 3);
	cr_assert_eq(stored_own(g4.in.id), Y(20));
	cr_assert_eq(stored_offence(g5.in.id), 4);
	cr_assert_eq(stored_own(g5.in.id), Y(40));
	after = snapshot_csv("2026-11");
	cr_assert_str_eq(after, before, "the snapshot changed");
	p = payroll_of("2026-12");
	cr_assert_eq(row_of(&p, "E101")->fines, Y(20) + Y(40) - Y(10),
	    "December: g4, g5 and the 10.00 of g2 given back");
	cr_assert_eq(p.nadj, 1);
	payroll_free(&p);
	free(before);
	free(after);
}

Test(monthend, a_widened_window_or_an_earlier_mark_never_renumbers_a_closed_month)
{
	int r = floor_rule_find(fx.f, "GAMES");
	struct marked g0, g1, g2, g3;
	struct err e = { 0 };

	g1 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-11-05 10:00");
	g2 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-11-10 10:00");
	set_now("2026-12-01 10:00");
	cr_assert_eq(monthend_close(fx.f, fx.s, &MGR, "2026-11", false, &e), 0,
	    "%s", e.msg);
	/* The rulebook now counts GAMES over the year, and a manager marks
	 * one in October, which is open: November would be 2 and 3. */
	fx.f->rules[r].t.window = WINDOW_YEAR;
	g0 = mark_back(&MGR, "E101", "GAMES", NONE, "2026-10-20 10:00",
	    "2026-12-01 10:30");
	cr_assert_eq(g0.rc, 0, "%s", g0.e.msg);
	cr_assert_eq(stored_offence(g0.in.id), 1);
	cr_assert_eq(stored_offence(g1.in.id), 1, "a closed month renumbered");
	cr_assert_eq(stored_own(g1.in.id), Y(5));
	cr_assert_eq(stored_offence(g2.in.id), 2);
	cr_assert_eq(stored_own(g2.in.id), Y(10));
	/* December counts October's and November's as they stand. */
	g3 = mark(&MGR, "E101", "GAMES", NONE, NULL, "2026-12-01 11:00");
	cr_assert_eq(stored_offence(g3.in.id), 4);
	cr_assert_eq(stored_own(g3.in.id), Y(50));
}

/* On PostgreSQL a failed statement aborts its whole transaction, where
 * SQLite would let it go on: a write that meets a constraint (closing a
 * closed month) is rolled back whole on both, its earlier statements
 * included, and the next write goes through. */
Test(monthend, a_failed_statement_rolls_its_write_back_whole_and_the_next_goes_on)
{
	char text[] = "t", csv[] = "c", v[16];
	struct closed_month c = { "2026-10", "root", 1, text, csv };
	struct err e = { 0 };

	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_close_month(fx.s, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);

	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meta_set(fx.s, "before the failure", "1", &e), 0);
	cr_expect_eq(store_close_month(fx.s, &c, &e), -1, "closed twice");
	store_rollback(fx.s);
	cr_expect_eq(store_meta_get(fx.s, "before the failure", v, sizeof v, &e),
	    1, "the write before the failed statement stayed: %s", v);

	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_meta_set(fx.s, "after", "2", &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	cr_expect_eq(store_meta_get(fx.s, "after", v, sizeof v, &e), 0, "%s", e.msg);
	cr_expect_str_eq(v, "2");
}
