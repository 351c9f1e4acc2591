/*
 * test_report_day.c - the end-of-day summary's sums (report_day.c), as a
 * shift lead checks them against the floor: each person's own fines and
 * the co-penalties that fell on them, the group totals, vacant roles
 * counted nowhere, voided incidents counted nowhere (but said with what
 * they removed), and a night shift's day running to the next morning.
 * The day is what the engine really wrote (marked through engine_mark),
 * read by report_day_load; the last test feeds the pure part by hand.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../../src/report_day.h"

TestSuite(report_day, .init = fx_small, .fini = fx_done);

static void
load(const char *day, struct report_day *d)
{
	struct err e = { 0 };

	set_now("2026-03-10 19:00");
	cr_assert_eq(report_day_load(fx.f, fx.s, day, d, &e), 0, "%s", e.msg);
}

static const struct day_person *
who(const struct report_day *d, const char *id)
{
	int i;

	for (i = 0; i < d->np; i++)
		if (strcmp(d->pp[i].id, id) == 0)
			return &d->pp[i];
	return NULL;
}

static const struct day_inc *
inc(const struct report_day *d, int64_t id)
{
	int i;

	for (i = 0; i < d->ninc; i++)
		if (d->inc[i].in.id == id)
			return &d->inc[i];
	cr_assert_fail("incident #%lld not in the day", (long long)id);
	return NULL;
}

/* own and co of one person, and none at all for someone not named. */
static void
expect(const struct report_day *d, const char *id, fen_t own, fen_t co)
{
	const struct day_person *p = who(d, id);

	if (own == 0 && co == 0 && p == NULL)
		return;
	cr_assert_not_null(p, "%s is not in the day", id);
	cr_assert_eq(p->own, own, "%s own %lld, want %lld", id,
	    (long long)p->own, (long long)own);
	cr_assert_eq(p->co, co, "%s co %lld, want %lld", id, (long long)p->co,
	    (long long)co);
}

Test(report_day, own_fines_and_co_penalties_per_person)
{
	struct report_day d;
	struct day_totals t;
	struct day_group a, b;
	struct marked sleep, p1, p2;

	sleep = mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-10 10:00");
	p1 = mark(&SUP, "E102", "PHONE", NONE, NULL, "2026-03-10 10:30");
	p2 = mark(&SUP, "E102", "PHONE", NONE, NULL, "2026-03-10 11:30");
	cr_assert_eq(sleep.rc + p1.rc + p2.rc, 0);
	load("2026-03-10", &d);

	/* SLEEP: 10 on the sleeper, 10 each on group A's director and
	 * deputy; PHONE 50, the second in the month doubled to 100. */
	expect(&d, "E101", Y(10), 0);
	expect(&d, "D001", 0, Y(10));
	expect(&d, "D002", 0, Y(10));
	expect(&d, "E102", Y(150), 0);
	expect(&d, "E103", 0, 0);
	cr_assert_eq(who(&d, "E102")->ninc, 2);
	cr_assert_eq(who(&d, "D001")->ninc, 0, "a co-penalty is not his incident");
	cr_assert_eq(who(&d, "D001")->nco, 1);
	cr_assert_eq(inc(&d, p1.in.id)->doubled, 0);
	cr_assert_eq(inc(&d, p2.in.id)->doubled, 2, "the 2nd PHONE is not marked *");
	/* An incident's fines are everything it put on people: the
	 * journals' "all fines" (30 for a SLEEP, not the sleeper's 10). */
	cr_assert_eq(inc(&d, sleep.in.id)->fines, Y(30));

	report_day_group(&d, 0, &a);
	cr_assert_eq(a.own, Y(160));
	cr_assert_eq(a.co, Y(20));
	cr_assert_eq(a.grp, 0);
	cr_assert_eq(a.rows, 4, "E101, E102, D001, D002");
	cr_assert_eq(a.head, 8, "group A's staff");
	cr_assert_eq(a.seats, 5);
	report_day_group(&d, 1, &b);
	cr_assert_eq(b.own + b.co + b.rows, 0, "group B had a quiet day");

	report_day_totals(&d, &t);
	cr_assert_eq(t.own, Y(160));
	cr_assert_eq(t.co, Y(20));
	cr_assert_eq(t.grp, 0);
	cr_assert_eq(t.counted, 3);
	cr_assert_eq(t.fined, 4);
	cr_assert_eq(t.voided + t.praised + t.flagged, 0);
	report_day_free(&d);
}

Test(report_day, group_fines_and_vacant_roles)
{
	struct report_day d;
	struct day_totals t;
	struct day_group b;
	struct marked dept, sleep;
	int i, vacant = 0;

	/* Group B has no deputy: his 20 of the complaint and 10 of the
	 * SLEEP fall on nobody and count in no total. */
	dept = mark_group(&MGR, "B", "DEPT_COMPLAINT", "2026-03-10 11:00");
	sleep = mark(&SUP, "E201", "SLEEP", NONE, NULL, "2026-03-10 12:00");
	cr_assert_eq(dept.rc + sleep.rc, 0);
	load("2026-03-10", &d);

	for (i = 0; i < d.nlines; i++)
		vacant += d.lines[i].f.staff[0] == '\0';
	cr_assert_eq(vacant, 2, "the deputy's two lines");
	expect(&d, "D003", 0, Y(20) + Y(10));
	expect(&d, "E201", Y(10), Y(10));
	expect(&d, "E202", 0, Y(10));
	expect(&d, "E203", 0, Y(10));
	cr_assert_eq(who(&d, "E201")->nco, 1, "the group share only");
	cr_assert_eq(inc(&d, dept.in.id)->fines, Y(20) + Y(30));
	cr_assert_eq(inc(&d, sleep.in.id)->fines, Y(20));

	report_day_group(&d, 1, &b);
	cr_assert_eq(b.own, Y(10));
	cr_assert_eq(b.co, Y(30) + Y(30), "director 30, members 3 x 10");
	cr_assert_eq(b.grp, Y(30));
	cr_assert_eq(b.rows, 4);
	report_day_totals(&d, &t);
	cr_assert_eq(t.own, Y(10));
	cr_assert_eq(t.co, Y(30));
	cr_assert_eq(t.grp, Y(30));
	cr_assert_eq(t.own + t.co + t.grp, b.own + b.co, "floor = group B");
	cr_assert_eq(t.counted, 2);
	report_day_free(&d);
}

Test(report_day, voided_incidents_count_nowhere)
{
	struct report_day d;
	struct day_totals t;
	struct day_rule *r;
	struct err e = { 0 };
	struct marked sleep, desk;
	int n;

	sleep = mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-10 10:00");
	desk = mark(&SUP, "E103", "DESK", NONE, NULL, "2026-03-10 10:30");
	cr_assert_eq(sleep.rc + desk.rc, 0);
	set_now("2026-03-10 11:00");
	cr_assert_eq(void_as(&SUP, sleep.in.id, "wrong person", &e), 0, "%s",
	    e.msg);
	load("2026-03-10", &d);

	expect(&d, "E101", 0, 0);
	expect(&d, "D001", 0, 0);
	expect(&d, "E103", Y(5), 0);
	cr_assert_eq(d.np, 1, "only E103 was fined");
	/* Said in VOIDS with what the void removed. */
	cr_assert_eq(inc(&d, sleep.in.id)->fines, Y(30));
	report_day_totals(&d, &t);
	cr_assert_eq(t.own + t.co + t.grp, Y(5));
	cr_assert_eq(t.counted, 1);
	cr_assert_eq(t.voided, 1);
	cr_assert_eq(t.fined, 1);

	n = report_day_rules(&d, &r);
	cr_assert_eq(n, 2, "DESK and SLEEP");
	/* The rulebook's order: DESK comes before SLEEP. */
	cr_assert_str_eq(r[0].code, "DESK");
	cr_assert_eq(r[0].n, 1);
	cr_assert_eq(r[0].fines, Y(5));
	cr_assert_str_eq(r[1].code, "SLEEP");
	cr_assert_eq(r[1].n, 0);
	cr_assert_eq(r[1].voided, 1);
	cr_assert_eq(r[1].fines, 0);
	free(r);
	report_day_free(&d);
}

static void
night_floor(void)
{
	struct buf errs = { 0 }, cfg = { 0 };
	const char *day = "start = \"09:00\"; end = \"18:00\";";
	const char *p = strstr(small_floor_text, day);
	struct floor *f;

	cr_assert_not_null(p);
	buf_add(&cfg, small_floor_text, (size_t)(p - small_floor_text));
	buf_puts(&cfg, "start = \"22:00\"; end = \"06:00\";");
	buf_puts(&cfg, p + strlen(day));
	buf_puts(&cfg, "@include \"rules.cfg\"\n");
	f = fx_load("night.cfg", cfg.s, &errs);
	cr_assert_not_null(f, "%s", errs.s ? errs.s : "");
	fx_use(f);
	buf_free(&cfg);
	buf_free(&errs);
}

Test(report_day, a_night_shift_runs_to_the_next_morning)
{
	struct report_day d;
	struct incident old = { 0 };
	struct err e = { 0 };
	struct marked before, phone, games, next, desk;

	night_floor();
	cr_assert_eq(report_day_end(fx.f, "2026-03-10"), at("2026-03-11 06:00"));
	desk = mark(&SUP, "E105", "DESK", NONE, NULL, "2026-03-10 03:00");
	before = mark(&SUP, "E101", "SLEEP", NONE, NULL, "2026-03-10 22:30");
	phone = mark(&SUP, "E102", "PHONE", NONE, NULL, "2026-03-11 02:00");
	games = mark(&SUP, "E103", "GAMES", NONE, NULL, "2026-03-11 05:50");
	next = mark(&SUP, "E104", "DESK", NONE, NULL, "2026-03-11 22:15");
	cr_assert_eq(desk.rc + before.rc + phone.rc + games.rc + next.rc, 0);
	/* At 03:00 on the 11th, still the 10th's shift, the 9th's DESK is
	 * voided: the 10th's VOIDS say so, the 9th's totals change. */
	set_now("2026-03-11 03:30");
	cr_assert_eq(void_as(&MGR, desk.in.id, "not hers", &e), 0, "%s", e.msg);

	set_now("2026-03-12 08:00");
	cr_assert_eq(report_day_load(fx.f, fx.s, "2026-03-10", &d, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(d.end, at("2026-03-11 06:00"));
	expect(&d, "E101", Y(10), 0);
	expect(&d, "E102", Y(50), 0);
	expect(&d, "E103", Y(5), 0);
	expect(&d, "E104", 0, 0);
	expect(&d, "E105", 0, 0);
	cr_assert_eq(d.ninc, 3, "22:30, 02:00 and 05:50");
	cr_assert_eq(d.nheld, 1, "E102's phone, held at 06:00");
	cr_assert_str_eq(d.held[0].staff, "E102");
	cr_assert_eq(d.nvo, 1);
	cr_assert_eq(d.vo[0].in.id, desk.in.id);
	cr_assert_eq(d.vo[0].fines, Y(5));
	report_day_free(&d);

	/* The same void seen from the days around it. */
	old.voided_at = at("2026-03-11 03:30");
	snprintf(old.day, sizeof old.day, "2026-03-09");
	cr_assert(report_day_voided_here(fx.f, "2026-03-10", &old));
	cr_assert_not(report_day_voided_here(fx.f, "2026-03-11", &old));
	cr_assert_not(report_day_voided_here(fx.f, "2026-03-09", &old),
	    "a day's own voids are in its list already");
	old.voided_at = at("2026-03-11 17:00");
	cr_assert(report_day_voided_here(fx.f, "2026-03-11", &old),
	    "after the cut-off between shifts it is the 11th's");
}

/* The pure part alone, fed by hand: no store at all. */
Test(report_day, sums_what_it_is_given)
{
	struct report_day d;
	struct day_inc *in = xcalloc(2, sizeof *in);
	struct fine_line *l = xcalloc(4, sizeof *l);
	struct day_group a, gone;
	struct day_totals t;
	static const struct { const char *staff, *role; int own, inc; fen_t v; }
	rows[] = {
		{ "E104", "offender", 1, 1, Y(10) },
		{ "D001", "director", 0, 1, Y(10) },
		{ "", "deputy", 0, 1, Y(10) },
		{ "X999", "offender", 1, 2, Y(7) },
	};
	int i;

	in[0].in.id = 1;
	snprintf(in[0].in.staff, sizeof in[0].in.staff, "E104");
	snprintf(in[0].in.rule, sizeof in[0].in.rule, "SLEEP");
	in[1].in.id = 2;
	snprintf(in[1].in.staff, sizeof in[1].in.staff, "X999");
	snprintf(in[1].in.rule, sizeof in[1].in.rule, "GONE");
	in[1].rule = -1;
	for (i = 0; i < 4; i++) {
		snprintf(l[i].f.staff, sizeof l[i].f.staff, "%s", rows[i].staff);
		snprintf(l[i].f.role, sizeof l[i].f.role, "%s", rows[i].role);
		l[i].f.own = rows[i].own;
		l[i].f.incident = rows[i].inc;
		l[i].f.amount = rows[i].v;
		l[i].in = in[rows[i].inc - 1].in;
	}
	cr_assert_eq(report_fines_paid(&l[0].f, 1), Y(10));
	report_day_init(&d, fx.f, "2026-03-10", at("2026-03-10 19:00"));
	report_day_set(&d, in, 2, l, 4);

	cr_assert_eq(d.inc[0].fines, Y(20), "the vacant deputy's 10 left out");
	cr_assert_eq(d.np, 3);
	/* Group A first (D001, E104), then the one no longer on staff. */
	cr_assert_str_eq(d.pp[0].id, "D001");
	cr_assert_str_eq(d.pp[1].id, "E104");
	cr_assert_str_eq(d.pp[2].id, "X999");
	cr_assert_eq(d.pp[2].group, -1);
	report_day_group(&d, 0, &a);
	cr_assert_eq(a.own + a.co, Y(20));
	report_day_group(&d, -1, &gone);
	cr_assert_eq(gone.rows, 1);
	cr_assert_eq(gone.own, Y(7));
	report_day_totals(&d, &t);
	cr_assert_eq(t.own, Y(17));
	cr_assert_eq(t.co, Y(10));
	cr_assert_eq(t.fined, 3);
	report_day_free(&d);
}
