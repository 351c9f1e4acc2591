/*
 * test_engine.c - the "Semantics" of rulebook.md: offence numbers in the
 * rule's window (floor time zone), ladders, repeat factors, co-penalties,
 * vacancies, group fines, backdating, voids, frozen prices; and who may do
 * what (leads, supervisors, managers), with nothing written when refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(engine, .init = fx_small, .fini = fx_done);

/* Rules for the window and repeat tests, over the small floor. */
static const char custom_rules[] =
    "rules = (\n"
    "  { code = \"NAP\"; title = \"Nap\"; fine = 10; repeat_factor = 2;\n"
    "    co_penalty = ( { role = \"director\"; fine = 10; } ); },\n"
    "  { code = \"THIRD\"; title = \"Third\"; fine = 10; repeat_factor = 3;\n"
    "    repeat_from = 3; },\n"
    "  { code = \"DAYR\"; title = \"Day\"; ladder = [1, 2, 3]; window = \"day\"; },\n"
    "  { code = \"MONTHR\"; title = \"Month\"; ladder = [1, 2, 3]; },\n"
    "  { code = \"YEARR\"; title = \"Year\"; ladder = [1, 2, 3]; window = \"year\"; },\n"
    "  { code = \"EVERR\"; title = \"Ever\"; ladder = [1, 2, 3]; window = \"ever\"; }\n"
    ");\n";

/* Replaces fx's floor by the small floor with these rules (same database). */
static void
use_rules(const char *name, const char *rules)
{
	struct buf text = { 0 }, errs = { 0 };
	struct floor *f;

	buf_puts(&text, small_floor_text);
	buf_puts(&text, rules);
	f = fx_load(name, text.s, &errs);
	cr_assert_not_null(f, "custom rules do not load:\n%s", errs.s);
	fx_use(f);
	buf_free(&text);
	buf_free(&errs);
}

/* ---- co-penalties and vacancies ---- */

Test(engine, director_asleep_pays_his_own_fine_only)
{
	struct marked m = mark(&SUP, "D001", "SLEEP", NONE, NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(rows_for(&m, "D001"), 1, "the director is fined twice");
	cr_assert_eq(paid(&m, "D001"), Y(10));
	cr_assert_eq(own_of(&m), Y(10));
	cr_assert_eq(paid(&m, "D002"), Y(10), "the deputy still pays");
	cr_assert_eq(m.nfines, 2);
	cr_assert_eq(own_total("D001"), Y(10));
	cr_assert_eq(co_total("D001"), 0);
	cr_assert_eq(ledger_sum(), Y(20));
}

Test(engine, deputy_asleep_pays_his_own_fine_only)
{
	struct marked m = mark(&SUP, "D002", "SLEEP", NONE, NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(rows_for(&m, "D002"), 1);
	cr_assert_eq(paid(&m, "D002"), Y(10));
	cr_assert_eq(paid(&m, "D001"), Y(10));
	cr_assert_eq(ledger_sum(), Y(20));
}

Test(engine, supervisor_who_leaves_his_pc_on_pays_once)
{
	struct marked m = mark(&SUP, "S001", "PCOFF", NONE, NULL, "2026-03-02 18:30");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 1);
	cr_assert_eq(paid(&m, "S001"), Y(10), "own fine only, not +15");
}

Test(engine, vacant_deputy_is_a_row_without_a_payer)
{
	struct marked m = mark(&SUP, "E201", "SLEEP", NONE, NULL, "2026-03-02 10:00");
	int i, vacant = 0;

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 3, "the vacancy must be reported, not skipped");
	for (i = 0; i < m.nfines; i++)
		if (m.fines[i].staff[0] == '\0') {
			vacant++;
			cr_assert_str_eq(m.fines[i].role, "deputy");
			cr_assert_str_eq(m.fines[i].grp, "B");
			cr_assert_eq(m.fines[i].amount, Y(10));
		}
	cr_assert_eq(vacant, 1);
	cr_assert_eq(paid(&m, "E201"), Y(10));
	cr_assert_eq(paid(&m, "D003"), Y(10));
	/* Nobody pays the vacancy: it is in no total. */
	cr_assert_eq(ledger_sum(), Y(20));
	cr_assert_eq(fine_rows_sum(), Y(20));
	cr_assert_eq(total_of("D002"), 0, "group A's deputy stands in for B's");
}

Test(engine, dept_complaint_on_group_with_vacant_deputy)
{
	struct marked m = mark_group(&SUP, "B", "DEPT_COMPLAINT", "2026-03-02 10:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(paid(&m, "D003"), Y(20));
	cr_assert_eq(rows_for(&m, ""), 1, "the vacant deputy has one row");
	cr_assert_eq(paid(&m, "E201"), Y(10));
	cr_assert_eq(paid(&m, "E202"), Y(10));
	cr_assert_eq(paid(&m, "E203"), Y(10));
	cr_assert_eq(rows_for(&m, "S001"), 0, "S001 is a member of A, not B");
	cr_assert_eq(m.nfines, 5);
	cr_assert_eq(ledger_sum(), Y(50));
}

/* ---- ladders and repeat factors ---- */

Test(engine, a_fourth_games_is_50)
{
	const char *days[] = { "2026-03-02 10:00", "2026-03-03 10:00",
		"2026-03-04 10:00", "2026-03-05 10:00" };
	struct marked m;
	int i;

	for (i = 0; i < 4; i++)
		m = mark(&SUP, "E101", "GAMES", NONE, NULL, days[i]);
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.in.offence, 4);
	cr_assert_eq(own_of(&m), Y(50));
	cr_assert_eq(total_of("E101"), Y(5 + 10 + 50 + 50));
}

Test(engine, a_second_phone_is_doubled)
{
	struct marked a = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-09 10:00");
	struct marked c = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-16 10:00");

	cr_assert_eq(a.rc + b.rc + c.rc, 0);
	cr_assert_eq(own_of(&a), Y(50));
	cr_assert_eq(a.fines[0].doubled, 0);
	cr_assert_eq(b.in.offence, 2);
	cr_assert_eq(own_of(&b), Y(100));
	cr_assert_eq(b.fines[0].doubled, 2);
	cr_assert_eq(own_of(&c), Y(100), "doubled, not quadrupled, on the 3rd");
	cr_assert_neq(a.custody, b.custody, "each phone has its own custody");
	cr_assert_eq(count_rows("custody"), 3);
	cr_assert_eq(total_of("E101"), Y(250));
}

Test(engine, a_second_desk_is_10)
{
	struct marked a = mark(&SUP, "E102", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E102", "DESK", NONE, NULL, "2026-03-02 15:00");

	cr_assert_eq(a.rc + b.rc, 0);
	cr_assert_eq(own_of(&a), Y(5));
	cr_assert_eq(own_of(&b), Y(10));
	cr_assert_eq(total_of("E102"), Y(15));
}

Test(engine, offences_count_per_person_and_per_rule)
{
	struct marked a = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E102", "DESK", NONE, NULL, "2026-03-02 10:05");
	struct marked c = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:10");

	cr_assert_eq(a.in.offence + b.in.offence + c.in.offence, 3);
	cr_assert_eq(own_of(&b), Y(5), "E101's desk does not count for E102");
	cr_assert_eq(own_of(&c), Y(50), "a desk does not count for a phone");
}

Test(engine, repeat_factor_never_multiplies_co_penalties)
{
	struct marked a, b;

	use_rules("custom.cfg", custom_rules);
	a = mark(&SUP, "E101", "NAP", NONE, NULL, "2026-03-02 10:00");
	b = mark(&SUP, "E101", "NAP", NONE, NULL, "2026-03-03 10:00");
	cr_assert_eq(a.rc + b.rc, 0, "%s %s", a.e.msg, b.e.msg);
	cr_assert_eq(own_of(&a), Y(10));
	cr_assert_eq(paid(&a, "D001"), Y(10));
	cr_assert_eq(own_of(&b), Y(20), "the own fine doubles");
	cr_assert_eq(paid(&b, "D001"), Y(10), "the director's does not");
	cr_assert_eq(co_total("D001"), Y(20));
}

Test(engine, repeat_from_third_offence)
{
	fen_t want[] = { Y(10), Y(10), Y(30), Y(30) };
	char when[32];
	int i;

	use_rules("custom.cfg", custom_rules);
	for (i = 0; i < 4; i++) {
		struct marked m;

		snprintf(when, sizeof when, "2026-03-0%d 10:00", i + 2);
		m = mark(&SUP, "E101", "THIRD", NONE, NULL, when);
		cr_assert_eq(m.rc, 0, "%s", m.e.msg);
		cr_assert_eq(own_of(&m), want[i], "offence %d: %lld", i + 1,
		    (long long)own_of(&m));
	}
}

Test(engine, engine_price_by_terms)
{
	struct rule_terms t = { 0 };
	int d;

	t.pricing = PRICE_LADDER;
	t.ladder[0] = 500, t.ladder[1] = 1000, t.ladder[2] = 5000;
	t.nladder = 3;
	t.repeat_factor = 1;
	cr_assert_eq(engine_price(&t, 1, -1, &d), 500);
	cr_assert_eq(engine_price(&t, 3, -1, &d), 5000);
	cr_assert_eq(engine_price(&t, 9, -1, &d), 5000);
	cr_assert_eq(d, 0);
	t.pricing = PRICE_RANGE;
	t.lo = 500, t.hi = 1000;
	cr_assert_eq(engine_price(&t, 1, -1, &d), 500, "a range defaults low");
	cr_assert_eq(engine_price(&t, 1, 750, &d), 750);
	t.pricing = PRICE_FINE;
	t.fine = 5000;
	t.repeat_factor = 2, t.repeat_from = 2;
	cr_assert_eq(engine_price(&t, 1, -1, &d), 5000);
	cr_assert_eq(d, 0);
	cr_assert_eq(engine_price(&t, 2, -1, &d), 10000);
	cr_assert_eq(d, 2);
	t.pricing = PRICE_NONE;
	cr_assert_eq(engine_price(&t, 5, -1, &d), 0);
}

/* ---- windows, in the floor's time zone ---- */

Test(engine, month_boundary_in_the_floor_time_zone)
{
	struct marked a = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-11-30 23:30");
	struct marked b = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-12-01 00:30");
	struct marked c = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-12-01 10:00");
	struct tm ua, ub;
	time_t ta = (time_t)a.in.at, tb = (time_t)b.in.at;

	cr_assert_eq(a.rc + b.rc + c.rc, 0);
	/* In UTC both are on 30 November: the floor's zone must decide. */
	gmtime_r(&ta, &ua);
	gmtime_r(&tb, &ub);
	cr_assert_eq(ua.tm_mday, 30);
	cr_assert_eq(ub.tm_mday, 30);
	cr_assert_eq(ua.tm_mon, ub.tm_mon);
	cr_assert_str_eq(a.in.day, "2026-11-30");
	cr_assert_str_eq(b.in.day, "2026-12-01");
	cr_assert_eq(a.in.offence, 1);
	cr_assert_eq(b.in.offence, 1, "a new month starts the count again");
	cr_assert_eq(own_of(&b), Y(50));
	cr_assert_eq(c.in.offence, 2);
	cr_assert_eq(own_of(&c), Y(100));
	cr_assert_eq(stored_own(a.in.id), Y(50));
}

Test(engine, night_shift_small_hours_belong_to_the_evening_before)
{
	char text[4096], *p;
	struct buf errs = { 0 };
	struct floor *f;
	struct marked a, b;

	snprintf(text, sizeof text, "%s@include \"rules.cfg\"\n", small_floor_text);
	p = strstr(text, "\"09:00\"");
	cr_assert_not_null(p);
	memcpy(p, "\"22:00\"", 7);
	p = strstr(text, "\"18:00\"");
	cr_assert_not_null(p);
	memcpy(p, "\"06:00\"", 7);
	f = fx_load("night.cfg", text, &errs);
	cr_assert_not_null(f, "%s", errs.s);
	fx_use(f);
	a = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-11-30 23:00");
	b = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-12-01 02:00");
	cr_assert_eq(a.rc + b.rc, 0, "%s %s", a.e.msg, b.e.msg);
	cr_assert_str_eq(b.in.day, "2026-11-30");
	cr_assert_eq(b.in.offence, 2, "same shift, same month");
	cr_assert_eq(own_of(&b), Y(100));
	buf_free(&errs);
}

Test(engine, window_day)
{
	struct marked m;

	use_rules("custom.cfg", custom_rules);
	mark(&SUP, "E101", "DAYR", NONE, NULL, "2026-03-02 09:30");
	m = mark(&SUP, "E101", "DAYR", NONE, NULL, "2026-03-02 17:30");
	cr_assert_eq(m.in.offence, 2);
	cr_assert_eq(own_of(&m), Y(2));
	m = mark(&SUP, "E101", "DAYR", NONE, NULL, "2026-03-03 09:30");
	cr_assert_eq(m.in.offence, 1, "a new day starts the count again");
	cr_assert_eq(own_of(&m), Y(1));
}

Test(engine, window_month_is_the_default)
{
	struct marked m;

	use_rules("custom.cfg", custom_rules);
	mark(&SUP, "E101", "MONTHR", NONE, NULL, "2026-03-02 10:00");
	m = mark(&SUP, "E101", "MONTHR", NONE, NULL, "2026-03-31 10:00");
	cr_assert_eq(m.in.offence, 2);
	m = mark(&SUP, "E101", "MONTHR", NONE, NULL, "2026-04-01 10:00");
	cr_assert_eq(m.in.offence, 1);
}

Test(engine, window_year)
{
	struct marked m;

	use_rules("custom.cfg", custom_rules);
	mark(&SUP, "E101", "YEARR", NONE, NULL, "2026-01-05 10:00");
	m = mark(&SUP, "E101", "YEARR", NONE, NULL, "2026-12-28 10:00");
	cr_assert_eq(m.in.offence, 2);
	cr_assert_eq(own_of(&m), Y(2));
	m = mark(&SUP, "E101", "YEARR", NONE, NULL, "2027-01-04 10:00");
	cr_assert_eq(m.in.offence, 1);
}

Test(engine, window_ever)
{
	struct marked m;

	use_rules("custom.cfg", custom_rules);
	mark(&SUP, "E101", "EVERR", NONE, NULL, "2020-06-01 10:00");
	mark(&SUP, "E101", "EVERR", NONE, NULL, "2024-02-29 10:00");
	m = mark(&SUP, "E101", "EVERR", NONE, NULL, "2026-03-02 10:00");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.in.offence, 3);
	cr_assert_eq(own_of(&m), Y(3));
}

/* ---- backdating, voids, frozen prices ---- */

Test(engine, a_backdated_incident_renumbers_the_later_ones)
{
	struct marked a = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-10 10:00");
	struct marked b = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-20 10:00");
	struct marked old = mark_back(&MGR, "E101", "GAMES", NONE,
	    "2026-03-05 10:00", "2026-03-25 10:00");

	cr_assert_eq(a.rc + b.rc, 0);
	cr_assert_eq(old.rc, 0, "%s", old.e.msg);
	cr_assert_eq(old.in.offence, 1);
	cr_assert_eq(own_of(&old), Y(5));
	cr_assert_str_eq(old.in.day, "2026-03-05");
	cr_assert_eq(stored_offence(a.in.id), 2);
	cr_assert_eq(stored_own(a.in.id), Y(10));
	cr_assert_eq(stored_offence(b.in.id), 3);
	cr_assert_eq(stored_own(b.in.id), Y(50));
	cr_assert_eq(total_of("E101"), Y(65));
}

Test(engine, a_backdated_phone_doubles_the_later_one)
{
	struct marked a = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-10 10:00");
	struct marked old = mark_back(&MGR, "E101", "PHONE", NONE,
	    "2026-03-05 10:00", "2026-03-11 10:00");

	cr_assert_eq(a.rc + old.rc, 0, "%s", old.e.msg);
	cr_assert_eq(own_of(&old), Y(50));
	cr_assert_eq(stored_own(a.in.id), Y(100));
	cr_assert_eq(total_of("E101"), Y(150));
}

Test(engine, a_backdated_incident_in_another_month_renumbers_nothing)
{
	struct marked a = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-10 10:00");
	struct marked old = mark_back(&MGR, "E101", "GAMES", NONE,
	    "2026-02-27 10:00", "2026-03-11 10:00");

	cr_assert_eq(a.rc + old.rc, 0);
	cr_assert_eq(old.in.offence, 1);
	cr_assert_eq(stored_offence(a.in.id), 1);
	cr_assert_eq(stored_own(a.in.id), Y(5));
}

Test(engine, a_void_renumbers_and_keeps_the_record)
{
	struct marked a = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-03 10:00");
	struct marked c = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-04 10:00");
	struct incident in;
	struct err e = { 0 };

	cr_assert_eq(total_of("E101"), Y(65));
	set_now("2026-03-05 10:00");
	cr_assert_eq(void_as(&SUP, a.in.id, "wrong person", &e), 0, "%s", e.msg);
	cr_assert_eq(stored_offence(b.in.id), 1);
	cr_assert_eq(stored_own(b.in.id), Y(5));
	cr_assert_eq(stored_offence(c.in.id), 2);
	cr_assert_eq(stored_own(c.in.id), Y(10));
	cr_assert_eq(total_of("E101"), Y(15));
	/* Kept on record, with who, when and why. */
	cr_assert_eq(count_rows("incident"), 3);
	cr_assert_eq(store_incident_get(fx.s, a.in.id, &in, &e), 0);
	cr_assert_eq(in.voided_at, at("2026-03-05 10:00"));
	cr_assert_str_eq(in.voided_by, "wangf");
	cr_assert_str_eq(in.void_reason, "wrong person");
	cr_assert_eq(ledger_sum(), fine_rows_sum());
}

Test(engine, a_void_removes_co_penalties_and_group_fines)
{
	struct marked s = mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-02 10:00");
	struct marked g = mark_group(&SUP, "A", "DEPT_COMPLAINT", "2026-03-02 11:00");
	struct err e = { 0 };

	cr_assert_eq(s.rc + g.rc, 0);
	cr_assert_eq(total_of("D001"), Y(30));
	cr_assert_eq(void_as(&SUP, s.in.id, "misread", &e), 0, "%s", e.msg);
	cr_assert_eq(total_of("D001"), Y(20));
	cr_assert_eq(total_of("E101"), Y(10));
	cr_assert_eq(void_as(&SUP, g.in.id, "complaint withdrawn", &e), 0, "%s", e.msg);
	cr_assert_eq(ledger_sum(), 0);
	cr_assert_eq(fine_rows_sum(), 0);
}

Test(engine, prices_are_frozen_at_marking_time)
{
	static const char dearer[] =
	    "rules = (\n"
	    "  { code = \"DESK\"; title = \"Untidy desk or chair not put back\";\n"
	    "    fine = 8; repeat_factor = 2; repeat_from = 2; }\n"
	    ");\n";
	struct marked v1, v2, back;

	v1 = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-10 10:00");
	cr_assert_eq(v1.rc, 0, "%s", v1.e.msg);
	cr_assert_eq(own_of(&v1), Y(5));
	use_rules("dearer.cfg", dearer);
	v2 = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-12 10:00");
	cr_assert_eq(v2.rc, 0, "%s", v2.e.msg);
	cr_assert_eq(own_of(&v2), Y(16), "2nd offence at today's price 8, doubled");
	cr_assert_eq(stored_own(v1.in.id), Y(5), "the past was re-priced");
	cr_assert_neq(v1.in.rule_version, v2.in.rule_version);
	/* A backdated mark renumbers both: each keeps the terms it had. */
	back = mark_back(&MGR, "E101", "DESK", NONE, "2026-03-05 10:00",
	    "2026-03-13 10:00");
	cr_assert_eq(back.rc, 0, "%s", back.e.msg);
	cr_assert_eq(own_of(&back), Y(8));
	cr_assert_eq(stored_offence(v1.in.id), 2);
	cr_assert_eq(stored_own(v1.in.id), Y(10), "5 doubled, not 8 doubled");
	cr_assert_eq(stored_offence(v2.in.id), 3);
	cr_assert_eq(stored_own(v2.in.id), Y(16));
	cr_assert_eq(count_rows("rule_version"), 2);
	cr_assert_eq(total_of("E101"), Y(8 + 10 + 16));
}

Test(engine, the_same_terms_share_one_rule_version)
{
	struct marked a = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E102", "DESK", NONE, NULL, "2026-03-02 10:01");

	cr_assert_eq(a.in.rule_version, b.in.rule_version);
	cr_assert_eq(count_rows("rule_version"), 1);
}

/* ---- refusals: nothing is half-written ---- */

Test(engine, out_of_range_amount_is_refused_and_nothing_written)
{
	struct marked ok = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:00");
	int inc = count_rows("incident"), fin = count_rows("fine");
	int ver = count_rows("rule_version"), cus = count_rows("custody");
	struct marked m = mark(&SUP, "E102", "ATTITUDE", Y(201), NULL,
	    "2026-03-02 10:05");

	cr_assert_eq(ok.rc, 0);
	cr_assert_eq(m.rc, -1, "¥201 accepted for ATTITUDE (5-200)");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	cr_assert_not_null(strstr(m.e.msg, "201.00"), "%s", m.e.msg);
	cr_assert_eq(count_rows("incident"), inc);
	cr_assert_eq(count_rows("fine"), fin);
	cr_assert_eq(count_rows("rule_version"), ver);
	cr_assert_eq(count_rows("custody"), cus);
	m = mark(&SUP, "E102", "ATTITUDE", 499, NULL, "2026-03-02 10:06");
	cr_assert_eq(m.rc, -1, "¥4.99 accepted for ATTITUDE (5-200)");
	cr_assert_eq(count_rows("incident"), inc);
	cr_assert_eq(total_of("E102"), 0);
}

Test(engine, an_amount_on_a_fixed_fine_rule_is_refused)
{
	struct marked m = mark(&SUP, "E101", "DESK", Y(5), NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, -1, "DESK took an amount");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	m = mark(&SUP, "E101", "GAMES", Y(5), NULL, "2026-03-02 10:00");
	cr_assert_eq(m.rc, -1, "GAMES (a ladder) took an amount");
	m = mark(&SUP, "E101", "PHONE", 0, NULL, "2026-03-02 10:00");
	cr_assert_eq(m.rc, -1, "PHONE took an amount of 0");
	cr_assert_eq(count_rows("incident"), 0);
}

Test(engine, a_lead_is_refused)
{
	struct marked m = mark(&LEAD, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct marked ok = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:00");
	struct err e = { 0 };
	int64_t id = 0;

	cr_assert_eq(m.rc, -1, "a lead marked");
	cr_assert_eq(m.e.code, EXIT_REFUSED);
	cr_assert_eq(mark_group(&LEAD, "A", "DEPT_COMPLAINT", "2026-03-02 10:00").rc,
	    -1);
	cr_assert_eq(ok.rc, 0);
	cr_assert_eq(void_as(&LEAD, ok.in.id, "because", &e), -1, "a lead voided");
	cr_assert_eq(e.code, EXIT_REFUSED);
	e.code = 0;
	cr_assert_eq(engine_return(fx.f, fx.s, &LEAD, ok.custody, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	e.code = 0;
	cr_assert_eq(engine_undo(fx.f, fx.s, &LEAD, &id, &e), -1);
	cr_assert_eq(count_rows("incident"), 1);
	cr_assert_eq(total_of("E101"), Y(50), "the lead's void took effect");
}

Test(engine, a_director_marks)
{
	const struct actor dir = { .login = "wangfang", .role = UROLE_DIRECTOR,
	    .staff = -1 };
	struct marked m = mark(&dir, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_str_eq(m.in.marked_by, "wangfang");
}

Test(engine, only_a_manager_backdates)
{
	struct marked m = mark_back(&SUP, "E101", "DESK", NONE, "2026-03-01 10:00",
	    "2026-03-05 10:00");

	cr_assert_eq(m.rc, -1, "a supervisor backdated");
	cr_assert_eq(m.e.code, EXIT_REFUSED);
	cr_assert_eq(count_rows("incident"), 0);
	/* A minute ago is "now", for anyone. */
	m = mark_back(&SUP, "E101", "DESK", NONE, "2026-03-05 09:59",
	    "2026-03-05 10:00");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	m = mark_back(&MGR, "E101", "DESK", NONE, "2026-03-01 10:00",
	    "2026-03-05 10:00");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.in.at, at("2026-03-01 10:00"));
	cr_assert_eq(m.in.marked_at, at("2026-03-05 10:00"));
}

Test(engine, a_future_time_is_refused)
{
	struct marked m = mark_back(&MGR, "E101", "DESK", NONE, "2026-03-06 10:00",
	    "2026-03-05 10:00");

	cr_assert_eq(m.rc, -1, "a manager marked tomorrow");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	cr_assert_not_null(strstr(m.e.msg, "future"), "%s", m.e.msg);
	m = mark_back(&SUP, "E101", "DESK", NONE, "2026-03-05 10:10",
	    "2026-03-05 10:00");
	cr_assert_eq(m.rc, -1, "a supervisor marked in ten minutes");
	cr_assert_eq(count_rows("incident"), 0);
}

Test(engine, void_by_another_is_refused_unless_manager)
{
	struct marked m = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct err e = { 0 };

	cr_assert_eq(void_as(&SUP2, m.in.id, "not mine", &e), -1,
	    "a supervisor voided another's mark");
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_not_null(strstr(e.msg, "wangf"), "%s", e.msg);
	cr_assert_eq(total_of("E101"), Y(5));
	cr_assert_eq(void_as(&MGR, m.in.id, "manager's call", &e), 0, "%s", e.msg);
	cr_assert_eq(total_of("E101"), 0);
}

Test(engine, void_needs_a_reason_an_incident_and_happens_once)
{
	struct marked m = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct err e = { 0 };

	cr_assert_eq(void_as(&SUP, m.in.id, "", &e), -1, "void without reason");
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(void_as(&SUP, m.in.id, NULL, &e), -1);
	cr_assert_eq(void_as(&SUP, 9999, "no such", &e), -1);
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(void_as(&SUP, m.in.id, "first", &e), 0, "%s", e.msg);
	cr_assert_eq(void_as(&MGR, m.in.id, "second", &e), -1, "voided twice");
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_not_null(strstr(e.msg, "already"), "%s", e.msg);
}

Test(engine, undo_voids_my_last_mark)
{
	struct marked a = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "E101", "GAMES", NONE, NULL, "2026-03-02 10:05");
	struct marked other = mark(&MGR, "E102", "DESK", NONE, NULL, "2026-03-02 10:06");
	struct incident in;
	struct err e = { 0 };
	int64_t id = 0;

	cr_assert_eq(a.rc + b.rc + other.rc, 0);
	cr_assert_eq(engine_undo(fx.f, fx.s, &SUP, &id, &e), 0, "%s", e.msg);
	cr_assert_eq(id, b.in.id, "undo took %lld, not the last mark",
	    (long long)id);
	cr_assert_eq(store_incident_get(fx.s, b.in.id, &in, &e), 0);
	cr_assert_neq(in.voided_at, 0);
	cr_assert_str_eq(in.void_reason, "undone at console");
	cr_assert_eq(total_of("E101"), Y(5));
	cr_assert_eq(total_of("E102"), Y(5), "undo touched another's mark");
	cr_assert_eq(engine_undo(fx.f, fx.s, &SUP, &id, &e), 0, "%s", e.msg);
	cr_assert_eq(id, a.in.id);
	cr_assert_eq(engine_undo(fx.f, fx.s, &SUP, &id, &e), -1, "nothing left");
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(engine_undo(fx.f, fx.s, &SUP2, &id, &e), -1);
	cr_assert_eq(total_of("E102"), Y(5));
}

Test(engine, custody_return_once)
{
	struct marked m = mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:00");
	struct custody *held, c;
	struct err e = { 0 };
	int n;

	cr_assert_eq(m.rc, 0);
	cr_assert_eq(store_custody_held(fx.s, &held, &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(held[0].id, m.custody);
	free(held);
	set_now("2026-03-02 18:00");
	cr_assert_eq(engine_return(fx.f, fx.s, &SUP, m.custody, &e), 0, "%s", e.msg);
	cr_assert_eq(store_custody_get(fx.s, m.custody, &c, &e), 0);
	cr_assert_eq(c.returned_at, at("2026-03-02 18:00"));
	cr_assert_str_eq(c.returned_by, "wangf");
	cr_assert_eq(store_custody_held(fx.s, &held, &n, &e), 0);
	cr_assert_eq(n, 0);
	free(held);
	cr_assert_eq(engine_return(fx.f, fx.s, &MGR, m.custody, &e), -1,
	    "handed back twice");
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_not_null(strstr(e.msg, "already"), "%s", e.msg);
	cr_assert_eq(store_custody_get(fx.s, m.custody, &c, &e), 0);
	cr_assert_str_eq(c.returned_by, "wangf", "the second return overwrote");
	cr_assert_eq(engine_return(fx.f, fx.s, &SUP, 4242, &e), -1);
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(total_of("E101"), Y(50), "returning the phone keeps the fine");
}

Test(engine, incidents_keep_seat_group_and_marker)
{
	struct marked a = mark(&SUP, "E203", "DESK", NONE, NULL, "2026-03-02 10:00");
	struct marked b = mark(&SUP, "D001", "CONDUCT", NONE, NULL, "2026-03-02 10:00");

	cr_assert_str_eq(a.in.seat, "B03");
	cr_assert_str_eq(a.in.grp, "B");
	cr_assert_str_eq(a.in.staff, "E203");
	cr_assert_str_eq(a.in.rule, "DESK");
	cr_assert_str_eq(a.in.marked_by, "wangf");
	cr_assert_str_eq(a.in.day, "2026-03-02");
	cr_assert_str_eq(b.in.seat, "", "a director has no fixed seat");
	cr_assert_str_eq(b.in.grp, "A");
}

/* ---- every fine counts exactly once ---- */

Test(engine, each_fine_counts_exactly_once)
{
	struct marked v1, v2;
	struct err e = { 0 };
	fen_t want = 0;

	/* 50 + 100 + 5 + 10 */
	mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-02 10:00");
	mark(&SUP, "E101", "PHONE", NONE, NULL, "2026-03-03 10:00");
	mark(&SUP, "E102", "GAMES", NONE, NULL, "2026-03-02 10:00");
	mark(&SUP, "E102", "GAMES", NONE, NULL, "2026-03-03 10:00");
	want += Y(50 + 100 + 5 + 10);
	/* SLEEP in A (30), in B (20 paid, the deputy vacant), director (20). */
	mark(&SUP, "E103", "SLEEP", NONE, NULL, "2026-03-02 11:00");
	mark(&SUP, "E202", "SLEEP", NONE, NULL, "2026-03-02 11:00");
	mark(&SUP, "D001", "SLEEP", NONE, NULL, "2026-03-04 11:00");
	want += Y(30 + 20 + 20);
	/* Group complaints: A 100, B 50 (vacancy unpaid). */
	mark_group(&SUP, "A", "DEPT_COMPLAINT", "2026-03-05 10:00");
	mark_group(&SUP, "B", "DEPT_COMPLAINT", "2026-03-05 10:00");
	want += Y(100 + 50);
	/* PCOFF 25, a range 42.50, a flag 0, praise 0. */
	mark(&SUP, "E104", "PCOFF", NONE, NULL, "2026-03-05 18:30");
	mark(&SUP, "E105", "ATTITUDE", 4250, NULL, "2026-03-06 10:00");
	mark(&SUP, "E105", "FIGHT", NONE, NULL, "2026-03-06 10:00");
	mark(&SUP, "E201", "PRAISE", NONE, NULL, "2026-03-06 10:00");
	want += Y(25) + 4250;
	/* Two voids: a PCOFF (-25) and a first GAMES (-5, the 2nd becomes 5). */
	v1 = mark(&SUP, "E203", "PCOFF", NONE, NULL, "2026-03-06 18:30");
	v2 = mark(&SUP, "E201", "GAMES", NONE, NULL, "2026-03-07 10:00");
	mark(&SUP, "E201", "GAMES", NONE, NULL, "2026-03-08 10:00");
	cr_assert_eq(void_as(&MGR, v1.in.id, "wrong seat", &e), 0, "%s", e.msg);
	cr_assert_eq(void_as(&MGR, v2.in.id, "wrong day", &e), 0, "%s", e.msg);
	want += Y(5);

	cr_assert_eq(ledger_sum(), want, "ledger %lld, wanted %lld",
	    (long long)ledger_sum(), (long long)want);
	cr_assert_eq(fine_rows_sum(), want, "fine rows %lld, wanted %lld",
	    (long long)fine_rows_sum(), (long long)want);
	/* D001: own SLEEP 10 + E103's SLEEP 10 + complaint 20. */
	cr_assert_eq(own_total("D001"), Y(10));
	cr_assert_eq(co_total("D001"), Y(30));
	/* D002: E103's and D001's SLEEP + complaint. */
	cr_assert_eq(co_total("D002"), Y(40));
	/* S001: E104's PCOFF 15 + member of A 10 (E203's PCOFF is void). */
	cr_assert_eq(co_total("S001"), Y(25));
}

Test(engine, ledger_rows_are_named_ordered_and_filtered)
{
	struct ledger_row *rows;
	struct err e = { 0 };
	int n;

	mark(&SUP, "E201", "DESK", NONE, NULL, "2026-03-02 10:00");
	mark(&SUP, "E102", "SLEEP", NONE, NULL, "2026-03-02 10:00");
	cr_assert_eq(ledger_fines(fx.f, fx.s, "2026-03-01", "2026-03-31", NULL,
	    &rows, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 4);
	cr_assert_str_eq(rows[0].staff_id, "D001");
	cr_assert_str_eq(rows[0].role, "director");
	cr_assert_str_eq(rows[0].name, "王芳");
	cr_assert_str_eq(rows[1].staff_id, "D002");
	cr_assert_str_eq(rows[2].staff_id, "E102");
	cr_assert_str_eq(rows[2].role, "agent");
	cr_assert_eq(rows[2].own, Y(10));
	cr_assert_str_eq(rows[3].staff_id, "E201");
	cr_assert_str_eq(rows[3].group, "B");
	free(rows);
	cr_assert_eq(ledger_fines(fx.f, fx.s, "2026-03-01", "2026-03-31", "B",
	    &rows, &n, &e), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(rows[0].staff_id, "E201");
	free(rows);
	cr_assert_eq(ledger_fines(fx.f, fx.s, "2026-04-01", "2026-04-30", NULL,
	    &rows, &n, &e), 0);
	cr_assert_eq(n, 0, "March fines in April");
	free(rows);
}
