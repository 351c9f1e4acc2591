/*
 * test_rules.c - every rule of the shipped rulebook (conf/rules.cfg) marked
 * on the small floor, with the amounts of rulebook.md: who pays, how much
 * (in fen), which offence it is, and what the rule flags.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "../../src/terms.h"

TestSuite(rules, .init = fx_small, .fini = fx_done);

#define T1 "2026-03-02 10:00"
#define T2 "2026-03-03 10:00"
#define T3 "2026-03-04 10:00"
#define T4 "2026-03-05 10:00"

/* Marks a fixed-price rule once on E101 and checks the only fine. */
static void
fixed(const char *rule, fen_t fine)
{
	struct marked m = mark(&SUP, "E101", rule, NONE, NULL, T1);

	cr_assert_eq(m.rc, 0, "%s: %s", rule, m.e.msg);
	cr_assert_eq(m.in.offence, 1, "%s: offence %d", rule, m.in.offence);
	cr_assert_eq(m.nfines, 1, "%s: %d fine rows", rule, m.nfines);
	cr_assert_str_eq(m.fines[0].staff, "E101");
	cr_assert_str_eq(m.fines[0].role, "offender");
	cr_assert_eq(m.fines[0].own, 1);
	cr_assert_eq(m.fines[0].amount, fine, "%s: %lld fen, wanted %lld", rule,
	    (long long)m.fines[0].amount, (long long)fine);
	cr_assert_eq(total_of("E101"), fine);
	cr_assert_eq(ledger_sum(), fine, "%s: someone else paid", rule);
}

/* The frozen terms of an incident's rule version. */
static struct rule_terms
frozen(const struct marked *m)
{
	char text[1024];
	struct rule_terms t;
	struct err e = { 0 };

	cr_assert_eq(store_rule_terms(fx.s, m->in.rule_version, text, sizeof text,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(terms_parse(text, &t), 0, "terms '%s'", text);
	return t;
}

Test(rules, every_code_of_the_rulebook_is_shipped)
{
	static const char *const codes[] = { "PHONE", "DESK", "CONDUCT",
		"QUARREL", "FIGHT", "SLEEP", "POSTURE", "READING", "GAMES",
		"PRIVCALL", "SECURITY", "THEFT", "PCOFF", "RUMOUR", "MEETING",
		"OTHER", "ATTITUDE", "PRAISE", "DISOBEY", "MISHANDLE",
		"MISHANDLE_LOSS", "FALSE_ENTRY", "ABUSE", "IMPATIENT", "UNLOGGED",
		"SLOW_ANSWER", "LATE", "DEPT_COMPLAINT", "PERSON_COMPLAINT" };
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		int r = floor_rule_find(fx.f, codes[i]);

		cr_expect_geq(r, 0, "rule %s is missing from conf/rules.cfg", codes[i]);
		if (r >= 0)
			cr_expect(fx.f->rules[r].title_zh[0] != '\0' &&
			    fx.f->rules[r].section[0] != '\0',
			    "rule %s lacks its Chinese title or section", codes[i]);
	}
}

Test(rules, phone_is_50_and_the_phone_is_taken)
{
	struct marked m = mark(&SUP, "E101", "PHONE", NONE, NULL, T1);
	struct custody c;
	struct err e = { 0 };

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 1);
	cr_assert_eq(own_of(&m), Y(50));
	cr_assert_gt(m.custody, 0, "no custody record");
	cr_assert_eq(store_custody_get(fx.s, m.custody, &c, &e), 0, "%s", e.msg);
	cr_assert_str_eq(c.item, "phone");
	cr_assert_str_eq(c.staff, "E101");
	cr_assert_str_eq(c.seat, "A01");
	cr_assert_str_eq(c.kept_by, "wangf");
	cr_assert_eq(c.incident, m.in.id);
	cr_assert_eq(c.returned_at, 0);
	cr_assert_eq(count_rows("custody"), 1);
}

Test(rules, desk_is_5) { fixed("DESK", Y(5)); }
Test(rules, conduct_is_10) { fixed("CONDUCT", Y(10)); }
Test(rules, unlogged_is_10) { fixed("UNLOGGED", Y(10)); }
Test(rules, late_is_5) { fixed("LATE", Y(5)); }
Test(rules, person_complaint_is_10) { fixed("PERSON_COMPLAINT", Y(10)); }

Test(rules, sleep_is_10_plus_director_10_plus_deputy_10)
{
	struct marked m = mark(&SUP, "E102", "SLEEP", NONE, NULL, T1);

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 3);
	cr_assert_eq(paid(&m, "E102"), Y(10));
	cr_assert_eq(paid(&m, "D001"), Y(10));
	cr_assert_eq(paid(&m, "D002"), Y(10));
	cr_assert_eq(own_total("E102"), Y(10));
	cr_assert_eq(co_total("D001"), Y(10));
	cr_assert_eq(own_total("D001"), 0);
	cr_assert_eq(co_total("D002"), Y(10));
	cr_assert_eq(total_of("S001"), 0, "the supervisor is not fined for SLEEP");
	cr_assert_eq(ledger_sum(), Y(30));
}

Test(rules, pcoff_is_10_plus_supervisor_15)
{
	struct marked m = mark(&SUP, "E201", "PCOFF", NONE, NULL, T1);

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 2);
	cr_assert_eq(paid(&m, "E201"), Y(10));
	cr_assert_eq(paid(&m, "S001"), Y(15));
	cr_assert_eq(co_total("S001"), Y(15));
	cr_assert_eq(total_of("D003"), 0, "the director is not fined for PCOFF");
	cr_assert_eq(ledger_sum(), Y(25));
}

Test(rules, reading_is_5_to_10)
{
	struct marked lo = mark(&SUP, "E101", "READING", NONE, NULL, T1);
	struct marked mid = mark(&SUP, "E102", "READING", 750, NULL, T1);
	struct marked hi = mark(&SUP, "E103", "READING", Y(10), NULL, T1);

	cr_assert_eq(lo.rc + mid.rc + hi.rc, 0, "%s %s %s", lo.e.msg, mid.e.msg,
	    hi.e.msg);
	cr_assert_eq(own_of(&lo), Y(5), "a range defaults to its low end");
	cr_assert_eq(lo.in.amount, Y(5));
	cr_assert_eq(own_of(&mid), 750);
	cr_assert_eq(own_of(&hi), Y(10));
	cr_assert_eq(mark(&SUP, "E104", "READING", 1001, NULL, T1).rc, -1);
	cr_assert_eq(mark(&SUP, "E104", "READING", 499, NULL, T1).rc, -1);
}

/* Low end by default, both ends accepted, one fen past either refused. */
static void
range(const char *rule, fen_t lo, fen_t hi)
{
	struct marked a = mark(&SUP, "E101", rule, NONE, "x", T1);
	struct marked b = mark(&SUP, "E102", rule, lo, "x", T1);
	struct marked c = mark(&SUP, "E103", rule, hi, "x", T1);
	struct marked d = mark(&SUP, "E104", rule, hi + 1, "x", T1);
	struct marked e = mark(&SUP, "E104", rule, lo - 1, "x", T1);

	cr_assert_eq(a.rc + b.rc + c.rc, 0, "%s: %s %s %s", rule, a.e.msg,
	    b.e.msg, c.e.msg);
	cr_assert_eq(own_of(&a), lo, "%s default", rule);
	cr_assert_eq(own_of(&b), lo, "%s low", rule);
	cr_assert_eq(own_of(&c), hi, "%s high", rule);
	cr_assert_eq(c.nfines, 1, "%s fines only the offender", rule);
	cr_assert_eq(d.rc, -1, "%s: above the range accepted", rule);
	cr_assert_eq(d.e.code, EXIT_USAGE);
	cr_assert_eq(e.rc, -1, "%s: below the range accepted", rule);
	cr_assert_eq(total_of("E104"), 0);
	/* A range never doubles: the 2nd offence takes the amount given. */
	{
		struct marked again = mark(&SUP, "E103", rule, hi, "x", T2);

		cr_assert_eq(again.rc, 0, "%s", again.e.msg);
		cr_assert_eq(again.in.offence, 2);
		cr_assert_eq(own_of(&again), hi, "%s 2nd offence", rule);
	}
}

Test(rules, attitude_is_5_to_200) { range("ATTITUDE", Y(5), Y(200)); }
Test(rules, mishandle_is_10_to_20) { range("MISHANDLE", Y(10), Y(20)); }
Test(rules, mishandle_loss_is_20_to_50) { range("MISHANDLE_LOSS", Y(20), Y(50)); }
Test(rules, false_entry_is_20_to_100) { range("FALSE_ENTRY", Y(20), Y(100)); }
Test(rules, abuse_is_10_to_200) { range("ABUSE", Y(10), Y(200)); }
Test(rules, impatient_is_5_to_20) { range("IMPATIENT", Y(5), Y(20)); }
Test(rules, other_is_a_free_amount) { range("OTHER", Y(1), Y(1000)); }

Test(rules, false_entry_and_abuse_ask_for_termination_review)
{
	struct marked a = mark(&SUP, "E101", "FALSE_ENTRY", Y(20), NULL, T1);
	struct marked b = mark(&SUP, "E102", "ABUSE", Y(10), NULL, T1);

	cr_assert_eq(a.rc + b.rc, 0);
	cr_assert_eq(frozen(&a).flag, FLAG_TERMINATION_REVIEW);
	cr_assert_eq(frozen(&b).flag, FLAG_TERMINATION_REVIEW);
}

Test(rules, other_needs_a_note)
{
	struct marked m = mark(&SUP, "E101", "OTHER", Y(30), NULL, T1);

	cr_assert_eq(m.rc, -1, "OTHER marked without a note");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	cr_assert_not_null(strstr(m.e.msg, "note"), "%s", m.e.msg);
	m = mark(&SUP, "E101", "OTHER", Y(30), "", T1);
	cr_assert_eq(m.rc, -1, "OTHER marked with an empty note");
	cr_assert_eq(count_rows("incident"), 0);
	m = mark(&SUP, "E101", "OTHER", Y(30), "slept through a fire drill", T1);
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_str_eq(m.in.note, "slept through a fire drill");
	cr_assert_eq(own_of(&m), Y(30));
}

/* Four offences in the month: the ladder's steps, then the last again. */
static void
ladder(const char *rule, fen_t s1, fen_t s2, fen_t s3)
{
	const char *when[] = { T1, T2, T3, T4 };
	fen_t want[] = { s1, s2, s3, s3 };
	int i;

	for (i = 0; i < 4; i++) {
		struct marked m = mark(&SUP, "E101", rule, NONE, NULL, when[i]);

		cr_assert_eq(m.rc, 0, "%s: %s", rule, m.e.msg);
		cr_assert_eq(m.in.offence, i + 1, "%s: offence %d", rule, m.in.offence);
		cr_assert_eq(own_of(&m), want[i], "%s offence %d: %lld fen", rule,
		    i + 1, (long long)own_of(&m));
		cr_assert_eq(m.fines[0].doubled, 0, "%s is a ladder, no factor", rule);
	}
	cr_assert_eq(total_of("E101"), s1 + s2 + 2 * s3);
}

Test(rules, games_is_5_10_50_then_50) { ladder("GAMES", Y(5), Y(10), Y(50)); }
Test(rules, privcall_is_5_10_50_then_50) { ladder("PRIVCALL", Y(5), Y(10), Y(50)); }
Test(rules, disobey_is_5_10_20_then_20) { ladder("DISOBEY", Y(5), Y(10), Y(20)); }

Test(rules, games_go_into_the_journal)
{
	struct marked m = mark(&SUP, "E101", "GAMES", NONE, NULL, T1);

	cr_assert_eq(m.rc, 0);
	cr_assert(frozen(&m).journal, "GAMES is not entered in the journal");
	m = mark(&SUP, "E101", "PRIVCALL", NONE, NULL, T1);
	cr_assert_not(frozen(&m).journal, "PRIVCALL is not a journal rule");
}

Test(rules, dept_complaint_director_20_deputy_20_members_10)
{
	struct marked m = mark_group(&SUP, "A", "DEPT_COMPLAINT", T1);
	static const char *const members[] = { "E101", "E102", "E103", "E104",
		"E105", "S001" };
	size_t i;

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_str_eq(m.in.staff, "");
	cr_assert_str_eq(m.in.grp, "A");
	cr_assert_eq(own_of(&m), -1, "a group complaint has no offender");
	cr_assert_eq(paid(&m, "D001"), Y(20));
	cr_assert_eq(rows_for(&m, "D001"), 1, "the director is fined once");
	cr_assert_eq(paid(&m, "D002"), Y(20));
	cr_assert_eq(rows_for(&m, "D002"), 1, "the deputy is fined once");
	for (i = 0; i < sizeof members / sizeof members[0]; i++) {
		cr_assert_eq(paid(&m, members[i]), Y(10), "member %s", members[i]);
		cr_assert_eq(co_total(members[i]), Y(10));
	}
	cr_assert_eq(m.nfines, 8);
	cr_assert_eq(total_of("E201"), 0, "group B is not fined");
	cr_assert_eq(total_of("D003"), 0, "group B's director is not fined");
	cr_assert_eq(ledger_sum(), Y(20 + 20 + 6 * 10));
}

Test(rules, dept_complaint_needs_a_group_and_person_rules_a_person)
{
	struct marked m = mark(&SUP, "E101", "DEPT_COMPLAINT", NONE, NULL, T1);

	cr_assert_eq(m.rc, -1, "DEPT_COMPLAINT marked on one person");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	m = mark_group(&SUP, "A", "SLEEP", T1);
	cr_assert_eq(m.rc, -1, "SLEEP marked on a whole group");
	cr_assert_eq(m.e.code, EXIT_USAGE);
	cr_assert_eq(count_rows("incident"), 0);
}

/* A rule that only flags: no fine for anyone, the flag kept with it. */
static void
flag_only(const char *rule, enum flag fl)
{
	struct marked m = mark(&SUP, "E101", rule, NONE, NULL, T1);

	cr_assert_eq(m.rc, 0, "%s: %s", rule, m.e.msg);
	cr_assert_eq(m.nfines, 0, "%s has %d fine rows", rule, m.nfines);
	cr_assert_eq(m.in.offence, 1);
	cr_assert_eq(frozen(&m).flag, fl, "%s flag", rule);
	cr_assert_eq(frozen(&m).pricing, PRICE_NONE, "%s is priced", rule);
	cr_assert_eq(total_of("E101"), 0);
	cr_assert_eq(count_rows("incident"), 1, "%s is on record", rule);
	/* An amount is refused: there is no price to give. */
	cr_assert_eq(mark(&SUP, "E102", rule, Y(5), NULL, T1).rc, -1,
	    "%s took an amount", rule);
}

Test(rules, quarrel_flags_criticism) { flag_only("QUARREL", FLAG_CRITICISM); }
Test(rules, fight_flags_termination) { flag_only("FIGHT", FLAG_TERMINATION); }
Test(rules, posture_flags_warning) { flag_only("POSTURE", FLAG_WARNING); }
Test(rules, security_flags_review) { flag_only("SECURITY", FLAG_TERMINATION_REVIEW); }
Test(rules, theft_flags_termination) { flag_only("THEFT", FLAG_TERMINATION); }
Test(rules, rumour_flags_criticism) { flag_only("RUMOUR", FLAG_CRITICISM); }
Test(rules, slow_answer_flags_warning) { flag_only("SLOW_ANSWER", FLAG_WARNING); }

Test(rules, meeting_and_absence_count_a_day_of_absence)
{
	struct marked m = mark(&SUP, "E101", "MEETING", NONE, NULL, T1);
	struct marked a = mark(&SUP, "E102", "ABSENCE", NONE, NULL, T1);

	cr_assert_eq(m.rc + a.rc, 0);
	cr_assert_eq(m.nfines + a.nfines, 0);
	cr_assert_eq(frozen(&m).absence_halfdays, 2);
	cr_assert_eq(frozen(&a).absence_halfdays, 2);
	cr_assert_eq(ledger_sum(), 0);
}

Test(rules, praise_is_positive_and_fines_nobody)
{
	struct marked m = mark(&SUP, "E101", "PRAISE", NONE, NULL, T1);

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(m.nfines, 0);
	cr_assert(frozen(&m).positive);
	cr_assert_eq(frozen(&m).flag, FLAG_NONE);
	cr_assert_eq(ledger_sum(), 0);
	cr_assert_eq(count_rows("fine"), 0);
}
