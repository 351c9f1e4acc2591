/*
 * test_seatfollow.c - the seat map kept up to date by following the audit
 * trail (seatmap_follow) equals the map loaded afresh, seat by seat and
 * group by group, after each kind of write made elsewhere: marks, a
 * confiscation and its return, an i, sign-ins (a LATE), a void that
 * renumbers, a break, an explanation, a missed meeting.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/audit.h"
#include "../../src/attendance.h"
#include "../../src/breaks.h"
#include "../../src/seatmap.h"
#include "helpers.h"

TestSuite(seatfollow, .init = fx_small, .fini = fx_done);

#define DAY "2026-11-02"

/* The followed map m against a fresh load, and its day's fines against
 * the ledger the panel read before. */
static void
same_as_fresh(const struct seatmap *m, const char *step)
{
	struct seatmap fresh;
	struct ledger_row *rows = NULL;
	struct err e = { 0 };
	fen_t own[16] = { 0 }, co[16] = { 0 }, own_t = 0, co_t = 0;
	int i, n;

	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &fresh, &e), 0, "%s", e.msg);
	cr_expect_eq(m->nin, fresh.nin, "%s: incidents of the day", step);
	for (i = 0; i < m->nin && i < fresh.nin; i++) {
		cr_expect_eq(m->in[i].id, fresh.in[i].id, "%s: order", step);
		cr_expect_eq(m->in[i].voided, fresh.in[i].voided, "%s", step);
		cr_expect_eq(m->in[i].own, fresh.in[i].own, "%s: own fine of #%lld",
		    step, (long long)m->in[i].id);
	}
	for (i = 0; i < fx.f->nseats; i++) {
		const struct seat_view *a = &m->seats[i], *b = &fresh.seats[i];
		const char *id = fx.f->seats[i].id;

		cr_expect_eq(a->state, b->state, "%s: seat %s state %d, fresh %d",
		    step, id, a->state, b->state);
		cr_expect_eq(a->incidents, b->incidents, "%s: seat %s", step, id);
		cr_expect_eq(a->desk_incidents, b->desk_incidents, "%s: %s", step, id);
		cr_expect_str_eq(a->worst, b->worst, "%s: seat %s", step, id);
		cr_expect_eq(a->inspected, b->inspected, "%s: seat %s", step, id);
		cr_expect_eq(a->custody, b->custody, "%s: seat %s", step, id);
		cr_expect_eq(a->att, b->att, "%s: seat %s attendance %d, fresh %d",
		    step, id, a->att, b->att);
		cr_expect_eq(a->att_threshold, b->att_threshold, "%s: %s", step, id);
		cr_expect_eq(a->brk, b->brk, "%s: seat %s break", step, id);
		cr_expect_eq(a->brk_place, b->brk_place, "%s: seat %s", step, id);
	}
	/* The counts a followed map keeps seat by seat (taking a touched
	 * seat's old share, adding its new one). */
	for (i = 0; i < SEAT_NSTATES; i++)
		cr_expect_eq(m->nstate[i], fresh.nstate[i], "%s: seats in state %d: "
		    "%d, fresh %d", step, i, m->nstate[i], fresh.nstate[i]);
	for (i = 0; i <= ATT_EXPLAINED; i++)
		cr_expect_eq(m->natt[i], fresh.natt[i], "%s: seats of attendance "
		    "%d: %d, fresh %d", step, i, m->natt[i], fresh.natt[i]);
	cr_expect_eq(m->inspected, fresh.inspected, "%s", step);
	cr_expect_eq(m->occupied, fresh.occupied, "%s", step);
	cr_expect_eq(m->attendance, fresh.attendance, "%s", step);
	cr_expect_eq(m->brk_away, fresh.brk_away, "%s", step);
	cr_expect_eq(m->brk_queued, fresh.brk_queued, "%s", step);
	cr_assert_lt(fx.f->ngroups, 16);
	for (i = 0; i < fx.f->ngroups; i++) {
		cr_expect_eq(m->grp_own[i], fresh.grp_own[i], "%s: group %s", step,
		    fx.f->groups[i].id);
		cr_expect_eq(m->grp_co[i], fresh.grp_co[i], "%s: group %s", step,
		    fx.f->groups[i].id);
		cr_expect_eq(m->grp_away[i], fresh.grp_away[i], "%s", step);
		cr_expect_eq(m->grp_queued[i], fresh.grp_queued[i], "%s", step);
	}
	cr_expect_eq(m->audit, fresh.audit, "%s: the last line followed", step);
	seatmap_free(&fresh);
	/* What the panel read before: the ledger of the day. */
	cr_assert_eq(ledger_fines(fx.f, fx.s, DAY, DAY, NULL, &rows, &n, &e), 0);
	for (i = 0; i < n; i++) {
		int g = floor_group_find(fx.f, rows[i].group);

		own_t += rows[i].own;
		co_t += rows[i].co;
		if (g >= 0) {
			own[g] += rows[i].own;
			co[g] += rows[i].co;
		}
	}
	free(rows);
	cr_expect_eq(m->own_total, own_t, "%s: own fines %lld, ledger %lld", step,
	    (long long)m->own_total, (long long)own_t);
	cr_expect_eq(m->co_total, co_t, "%s", step);
	for (i = 0; i < fx.f->ngroups; i++) {
		cr_expect_eq(m->grp_own[i], own[i], "%s: group %s", step,
		    fx.f->groups[i].id);
		cr_expect_eq(m->grp_co[i], co[i], "%s", step);
	}
}

/* Follows what was written; the news named the incidents expected. */
static void
follow(struct seatmap *m, const char *step, int news_expected)
{
	struct seat_news news;
	struct err e = { 0 };

	cr_assert_eq(seatmap_follow(fx.f, fx.s, m, &news, &e), 0, "%s: %s", step,
	    e.msg);
	cr_expect(news.any, "%s: something was written", step);
	if (news_expected >= 0)
		cr_expect_eq(news.n, news_expected, "%s: %d incidents re-read", step,
		    news.n);
	seat_news_free(&news);
	same_as_fresh(m, step);
}

static int
seat(const char *id)
{
	return floor_seat_find(fx.f, id);
}

static int
staff(const char *id)
{
	return floor_staff_find(fx.f, id);
}

Test(seatfollow, a_followed_map_equals_a_fresh_one_after_every_kind_of_write)
{
	struct seatmap m;
	struct err e = { 0 };
	struct signin_result sr;
	struct brk_result br;
	struct marked a, b, c;
	struct seat_news news;
	int64_t late = 0;

	/* The first write records the rulebook (a line not followed). */
	cr_assert_eq(mark(&SUP, "E105", "DESK", NONE, NULL, "2026-10-30 10:00").rc,
	    0);
	set_now(DAY " 08:00");
	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &m, &e), 0, "%s", e.msg);
	/* Nothing written: nothing to follow. */
	cr_assert_eq(seatmap_follow(fx.f, fx.s, &m, &news, &e), 0, "%s", e.msg);
	cr_expect(!news.any);
	seat_news_free(&news);

	set_now(DAY " 09:20");
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, staff("E103"),
	    at(DAY " 09:20"), false, false, &sr, &e), 0, "%s", e.msg);
	cr_assert_eq(attendance_signin(fx.f, fx.s, &MGR, staff("E101"),
	    at(DAY " 08:50"), true, false, &sr, &e), 0, "%s", e.msg);
	follow(&m, "two sign-ins, one late", 1);
	cr_expect_eq(m.seats[seat("A03")].att, ATT_LATE);

	a = mark(&SUP, "E102", "DESK", NONE, NULL, DAY " 10:00");
	cr_assert_eq(a.rc, 0, "%s", a.e.msg);
	follow(&m, "a desk mark", 1);
	cr_expect_eq(m.seats[seat("A02")].state, SEAT_INCIDENT);
	cr_expect_eq(m.seats[seat("A02")].att, ATT_SEEN, "seen at the desk");

	b = mark(&SUP, "E102", "DESK", NONE, NULL, DAY " 10:30");
	cr_assert_eq(b.rc, 0, "%s", b.e.msg);
	c = mark(&SUP, "E104", "PHONE", NONE, NULL, DAY " 10:40");
	cr_assert_eq(c.rc, 0, "%s", c.e.msg);
	follow(&m, "a second offence and a confiscation", -1);
	cr_expect_eq(m.seats[seat("A04")].state, SEAT_CUSTODY);

	cr_assert_eq(engine_inspect(fx.f, fx.s, &SUP, seat("A05"), NULL, &e), 0,
	    "%s", e.msg);
	follow(&m, "an i", 0);
	cr_expect_eq(m.seats[seat("A05")].state, SEAT_OK);

	/* The first DESK voided: the second becomes offence 1, re-priced. */
	set_now(DAY " 11:00");
	cr_assert_eq(engine_void(fx.f, fx.s, &SUP, a.in.id, "wrong desk", &e), 0,
	    "%s", e.msg);
	follow(&m, "a void that renumbers", 2);
	cr_assert_eq(engine_return(fx.f, fx.s, &SUP, c.custody, &e), 0, "%s",
	    e.msg);
	follow(&m, "an item handed back", 0);
	cr_expect_eq(m.seats[seat("A04")].state, SEAT_INCIDENT);

	cr_assert_eq(break_start(fx.f, fx.s, &SUP, staff("E101"), 0, &br, &e), 0,
	    "%s", e.msg);
	follow(&m, "a break", 0);
	cr_expect_neq(m.seats[seat("A01")].brk, SEAT_BRK_NONE);

	cr_assert_eq(attendance_explain(fx.f, fx.s, &SUP, staff("E105"), DAY,
	    "at the dentist", &e), 0, "%s", e.msg);
	follow(&m, "an explanation", 0);
	cr_assert_eq(mark(&SUP, "E201", "MEETING", NONE, NULL, DAY " 11:30").rc, 0);
	follow(&m, "a missed meeting", 1);
	cr_assert_eq(mark_group(&SUP, "B", "DEPT_COMPLAINT", DAY " 11:40").rc, 0);
	follow(&m, "a group fine", 1);
	cr_assert_eq(attendance_signin_void(fx.f, fx.s, &SUP, staff("E103"), DAY,
	    "clock error", &late, &e), 0, "%s", e.msg);
	cr_expect_neq(late, 0, "its LATE voided with it");
	follow(&m, "a sign-in voided with its LATE", 1);
	seatmap_free(&m);
}

/* A mark made as it happens is the last of its series: only it is read
 * again.  One entered later with an earlier time renumbers and re-prices
 * the day's later ones of the same person and rule: they are read again,
 * and the map shows their new fines. */
Test(seatfollow, a_backdated_mark_re_reads_the_ones_it_renumbers)
{
	struct seatmap m;
	struct err e = { 0 };
	struct marked a, b, c;
	struct signin_result sr;
	int i;

	cr_assert_eq(mark(&SUP, "E105", "DESK", NONE, NULL, "2026-10-30 10:00").rc,
	    0);
	/* Attendance is kept today: one is signed in. */
	set_now(DAY " 08:50");
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, staff("E101"),
	    at(DAY " 08:50"), false, false, &sr, &e), 0, "%s", e.msg);
	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &m, &e), 0, "%s", e.msg);
	cr_expect_eq(m.seats[seat("A02")].att, ATT_NOT_YET);
	a = mark(&SUP, "E102", "DESK", NONE, NULL, DAY " 10:00");
	cr_assert_eq(a.rc, 0, "%s", a.e.msg);
	follow(&m, "a first DESK", 1);
	b = mark(&SUP, "E102", "DESK", NONE, NULL, DAY " 10:30");
	cr_assert_eq(b.rc, 0, "%s", b.e.msg);
	cr_assert_eq(b.in.offence, 2);
	follow(&m, "a second DESK, the last of its series", 1);
	/* Entered at 11:00 as having happened at 09:00: it is offence 1, the
	 * two others 2 and 3, re-priced (DESK doubles from the 2nd). */
	c = mark_back(&MGR, "E102", "DESK", NONE, DAY " 09:00", DAY " 11:00");
	cr_assert_eq(c.rc, 0, "%s", c.e.msg);
	cr_assert_eq(c.in.offence, 1);
	follow(&m, "a DESK backdated before both", 3);
	for (i = 0; i < m.nin; i++)
		if (m.in[i].id == a.in.id)
			cr_expect_neq(m.in[i].own, own_of(&a), "the first DESK "
			    "re-priced as offence 2");
	cr_expect_eq(m.seats[seat("A02")].att, ATT_SEEN, "seen at the desk");
	/* Of two as bad, the later is the seat's worst, whichever was
	 * entered last. */
	cr_assert_eq(mark(&SUP, "E104", "CONDUCT", NONE, NULL, DAY " 11:05").rc, 0);
	follow(&m, "a CONDUCT", 1);
	cr_assert_eq(mark_back(&MGR, "E104", "SLEEP", NONE, DAY " 09:30",
	    DAY " 11:10").rc, 0);
	follow(&m, "a SLEEP as bad, backdated before it", 1);
	cr_expect_str_eq(m.seats[seat("A04")].worst, "CONDUCT");
	cr_assert_eq(mark(&SUP, "E104", "SLEEP", NONE, NULL, DAY " 11:15").rc, 0);
	follow(&m, "a SLEEP as bad, after it", -1);
	cr_expect_str_eq(m.seats[seat("A04")].worst, "SLEEP");
	/* All three voided: nobody looked at A02 today after all. */
	set_now(DAY " 11:30");
	cr_assert_eq(engine_void(fx.f, fx.s, &MGR, a.in.id, "wrong desk", &e), 0,
	    "%s", e.msg);
	cr_assert_eq(engine_void(fx.f, fx.s, &MGR, b.in.id, "wrong desk", &e), 0,
	    "%s", e.msg);
	cr_assert_eq(engine_void(fx.f, fx.s, &MGR, c.in.id, "wrong desk", &e), 0,
	    "%s", e.msg);
	follow(&m, "the three voided", -1);
	cr_expect_eq(m.seats[seat("A02")].state, SEAT_PENDING);
	cr_expect_eq(m.seats[seat("A02")].att, ATT_NOT_YET, "not seen after all");
	seatmap_free(&m);
}

/* The shift ends between two writes: who did not come is absent in the
 * followed map as in a fresh one. */
Test(seatfollow, the_shift_ending_between_writes_is_followed)
{
	struct seatmap m;
	struct err e = { 0 };
	struct signin_result sr;

	cr_assert_eq(mark(&SUP, "E105", "DESK", NONE, NULL, "2026-10-30 10:00").rc,
	    0);
	set_now(DAY " 09:00");
	cr_assert_eq(attendance_signin(fx.f, fx.s, &SUP, staff("E101"),
	    clock_now(), false, false, &sr, &e), 0, "%s", e.msg);
	set_now(DAY " 17:00");
	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &m, &e), 0, "%s", e.msg);
	cr_expect_eq(m.seats[seat("A02")].att, ATT_NOT_YET);
	cr_assert_eq(mark(&SUP, "E101", "DESK", NONE, NULL, DAY " 18:30").rc, 0);
	follow(&m, "a mark after the shift", 1);
	cr_expect_eq(m.seats[seat("A02")].att, ATT_ABSENT);
	seatmap_free(&m);
}

/* A write it does not know how to follow, or too many: a fresh load. */
Test(seatfollow, a_month_closed_or_a_flood_of_writes_is_not_followed)
{
	struct seatmap m;
	struct seat_news news;
	struct err e = { 0 };
	int i;

	set_now(DAY " 08:00");
	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &m, &e), 0, "%s", e.msg);
	for (i = 0; i < 300; i++)
		cr_assert_eq(store_audit_add(fx.s, "inspection", "seat A01", "x", &e),
		    0, "%s", e.msg);
	cr_expect_eq(seatmap_follow(fx.f, fx.s, &m, &news, &e), 1);
	seatmap_free(&m);
	cr_assert_eq(seatmap_load(fx.f, fx.s, DAY, &m, &e), 0, "%s", e.msg);
	cr_assert_eq(store_audit_add(fx.s, "reopen", "month 2026-10", "x", &e), 0);
	cr_expect_eq(seatmap_follow(fx.f, fx.s, &m, &news, &e), 1);
	seatmap_free(&m);
}
