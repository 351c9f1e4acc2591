/*
 * test_fine_each.c - store_fine_each gives exactly the fine lines of the
 * period's live incidents, whatever order the incidents were added in.
 * On PostgreSQL it joins only the run of fine lines between the period's
 * first and last incident (issue 15): an incident of another month added
 * between them (a mark backdated, or one dated ahead) must not slip in,
 * and one added after them must not drop out.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

TestSuite(fine_each, .init = fx_small, .fini = fx_done);

struct seen {
	int n;
	fen_t sum;
	int64_t incident[16];
	char day[16][11];
	char staff[16][STORE_ID];
	bool own[16];
	fen_t amount[16];
};

static int
collect(void *arg, const struct fine_tick *t)
{
	struct seen *s = arg;

	cr_assert_lt(s->n, 16);
	s->incident[s->n] = t->incident;
	snprintf(s->day[s->n], sizeof s->day[s->n], "%s", t->day);
	snprintf(s->staff[s->n], sizeof s->staff[s->n], "%s", t->staff);
	s->own[s->n] = t->own;
	s->amount[s->n] = t->amount;
	s->sum += t->amount;
	cr_assert_str_eq(t->rule, "SLEEP");
	cr_assert_str_eq(t->grp, "A");
	s->n++;
	return 0;
}

/* store_co_fine_each's lines: co-penalties only, no day, rule or group. */
static int
collect_co(void *arg, const struct fine_tick *t)
{
	struct seen *s = arg;

	cr_assert_lt(s->n, 16);
	cr_assert(t->day == NULL && t->rule == NULL && t->grp == NULL);
	cr_assert(!t->own, "an own line among the co-penalties");
	s->incident[s->n] = t->incident;
	snprintf(s->staff[s->n], sizeof s->staff[s->n], "%s", t->staff);
	s->amount[s->n] = t->amount;
	s->sum += t->amount;
	s->n++;
	return 0;
}

struct ticks {
	int n;
	struct incident_tick t[8];
	char rule[8][STORE_ID], staff[8][STORE_ID], seat[8][STORE_ID];
};

static int
tick(void *arg, const struct incident_tick *t)
{
	struct ticks *k = arg;

	cr_assert_lt(k->n, 8);
	k->t[k->n] = *t;
	snprintf(k->rule[k->n], STORE_ID, "%s", t->rule);
	snprintf(k->staff[k->n], STORE_ID, "%s", t->staff);
	snprintf(k->seat[k->n], STORE_ID, "%s", t->seat);
	k->n++;
	return 0;
}

/* The period's lines by store_fine_each.  The seat map's read gives the
 * same: store_co_fine_each each co-penalty line (incident, staff,
 * amount), store_incident_each each live incident's own line as its
 * own_fine, and -1 for one without. */
static struct seen
lines(const char *from, const char *to)
{
	struct seen s = { 0 }, b = { 0 };
	struct ticks k = { 0 };
	struct err e = { 0 };
	int i, j, nco = 0;
	fen_t co = 0;

	cr_assert_eq(store_fine_each(fx.s, from, to, collect, &s, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(store_co_fine_each(fx.s, from, to, collect_co, &b, &e),
	    0, "%s", e.msg);
	cr_assert_eq(store_incident_each(fx.s, from, to, tick, &k, &e), 0,
	    "%s", e.msg);
	for (i = 0; i < s.n; i++) {
		if (s.own[i]) {
			for (j = 0; j < k.n && k.t[j].id != s.incident[i]; j++)
				;
			cr_assert_lt(j, k.n, "no incident %lld",
			    (long long)s.incident[i]);
			cr_assert_eq(k.t[j].own_fine, s.amount[i], "incident "
			    "%lld: own_fine %lld, its line %lld",
			    (long long)s.incident[i],
			    (long long)k.t[j].own_fine, (long long)s.amount[i]);
			cr_assert_str_eq(k.staff[j], s.staff[i]);
			continue;
		}
		nco++;
		co += s.amount[i];
		for (j = 0; j < b.n; j++)
			if (b.incident[j] == s.incident[i] &&
			    b.amount[j] == s.amount[i] &&
			    strcmp(b.staff[j], s.staff[i]) == 0)
				break;
		cr_assert_lt(j, b.n, "co: no line of incident %lld for %s",
		    (long long)s.incident[i], s.staff[i]);
	}
	cr_assert_eq(b.n, nco, "co: %d lines, not %d", b.n, nco);
	cr_assert_eq(b.sum, co);
	for (j = 0; j < k.n; j++) {
		if (k.t[j].voided_at != 0 || k.t[j].own_fine < 0)
			continue;
		for (i = 0; i < s.n && !(s.own[i] && s.incident[i] ==
		    k.t[j].id); i++)
			;
		cr_assert_lt(i, s.n, "incident %lld: own_fine %lld, no own line",
		    (long long)k.t[j].id, (long long)k.t[j].own_fine);
	}
	return s;
}

static int64_t
add_mark(const char *day, int64_t at, int64_t version)
{
	struct incident in = fx_incident("E101", "SLEEP", day, at, version);
	struct err e = { 0 };

	cr_assert_eq(store_incident_add(fx.s, &in, &e), 0, "%s", e.msg);
	return in.id;
}

static void
fine(int64_t incident, const char *staff, const char *role, fen_t amount)
{
	struct fine_row f = { 0 };
	struct err e = { 0 };

	f.incident = incident;
	snprintf(f.staff, sizeof f.staff, "%s", staff);
	snprintf(f.grp, sizeof f.grp, "A");
	snprintf(f.role, sizeof f.role, "%s", role);
	f.own = strcmp(role, "offender") == 0;
	f.amount = amount;
	cr_assert_eq(store_fine_add(fx.s, &f, &e), 0, "%s", e.msg);
}

static bool
has(const struct seen *s, int64_t incident, const char *day)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->incident[i] == incident && strcmp(s->day[i], day) == 0)
			return true;
	return false;
}

Test(fine_each, the_period_only_whatever_the_order_of_ids)
{
	struct err e = { 0 };
	struct seen s;
	int64_t v = 0, a, b, c, d, x;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_rule_version(fx.s, "SLEEP", "SLEEP",
	    "v=1;p=fine;f=1000;w=month", 1, &v, &e), 0, "%s", e.msg);
	a = add_mark("2026-03-02", 1000, v);	/* March's first id */
	fine(a, "E101", "offender", 1000);
	b = add_mark("2026-04-01", 2000, v);	/* April, between March's ids */
	fine(b, "E101", "offender", 4000);
	x = add_mark("2026-03-15", 3000, v);	/* March, voided below */
	fine(x, "E101", "offender", 800);
	c = add_mark("2026-03-31", 4000, v);	/* March again, after April's */
	fine(c, "E101", "offender", 300);
	fine(c, "D001", "director", 250);
	d = add_mark("2026-02-28", 5000, v);	/* February, backdated, last id */
	fine(d, "E101", "offender", 7);
	cr_assert_eq(store_incident_void(fx.s, x, "root", 6000, "no", &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);

	s = lines("2026-03-01", "2026-03-31");
	cr_assert_eq(s.n, 3, "March's three live lines, not %d", s.n);
	cr_assert_eq(s.sum, 1000 + 300 + 250);
	cr_assert(has(&s, a, "2026-03-02"));
	cr_assert(has(&s, c, "2026-03-31"));
	cr_assert_not(has(&s, b, "2026-04-01"), "April's line in March");

	s = lines("2026-04-01", "2026-04-01");
	cr_assert_eq(s.n, 1);
	cr_assert_eq(s.sum, 4000);
	cr_assert(has(&s, b, "2026-04-01") && s.own[0]);

	s = lines("2026-03-31", "2026-03-31");
	cr_assert_eq(s.n, 2, "the day's own line and its co-penalty");
	cr_assert_eq(s.sum, 550);

	s = lines("2026-02-01", "2026-04-30");
	cr_assert_eq(s.n, 5, "every live line of the three months");
	cr_assert_eq(s.sum, 1000 + 4000 + 300 + 250 + 7);
	cr_assert(has(&s, d, "2026-02-28"));

	s = lines("2026-05-01", "2026-05-31");
	cr_assert_eq(s.n, 0, "a month without incidents");
}

/* store_fines_between: the report reads a day's fine rows in one query,
 * a voided incident's too (the void removed them; the report says how
 * much), each incident's rows as store_fines_of gives them. */
Test(fine_each, fines_between_voided_too_each_incident_in_its_order)
{
	struct err e = { 0 };
	struct fine_row *fr, *one;
	int64_t v = 0, a, b, x, other;
	int n, n1, i, j;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_rule_version(fx.s, "SLEEP", "SLEEP",
	    "v=1;p=fine;f=1000;w=month", 1, &v, &e), 0, "%s", e.msg);
	a = add_mark("2026-03-31", 1000, v);
	fine(a, "D001", "director", 250);	/* a co-penalty written first */
	fine(a, "E101", "offender", 1000);
	other = add_mark("2026-04-01", 2000, v);	/* the next day */
	fine(other, "E101", "offender", 4000);
	x = add_mark("2026-03-31", 3000, v);		/* voided below */
	fine(x, "E101", "offender", 800);
	b = add_mark("2026-03-31", 500, v);		/* earlier, a later id */
	fine(b, "E101", "offender", 300);
	cr_assert_eq(store_incident_void(fx.s, x, "root", 6000, "no", &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);

	cr_assert_eq(store_fines_between(fx.s, "2026-03-31", "2026-03-31", &fr,
	    &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 4, "the day's four rows, the voided one's too, not %d",
	    n);
	for (i = 0; i < n; i++) {
		cr_assert_neq(fr[i].incident, other, "the next day's row");
		if (i > 0)
			cr_assert_leq(fr[i - 1].incident, fr[i].incident,
			    "by incident");
	}
	/* Each incident's run equals store_fines_of, row for row. */
	for (i = 0; i < n; i += n1) {
		cr_assert_eq(store_fines_of(fx.s, fr[i].incident, &one, &n1, &e),
		    0);
		cr_assert_gt(n1, 0);
		for (j = 0; j < n1; j++) {
			cr_assert_eq(fr[i + j].id, one[j].id);
			cr_assert_eq(fr[i + j].amount, one[j].amount);
			cr_assert_eq(fr[i + j].own, one[j].own);
			cr_assert_str_eq(fr[i + j].staff, one[j].staff);
			cr_assert_str_eq(fr[i + j].role, one[j].role);
		}
		free(one);
	}
	cr_assert_eq(fr[0].incident, a);
	cr_assert(fr[0].own && fr[0].amount == 1000, "own first");
	cr_assert_str_eq(fr[1].staff, "D001");
	free(fr);

	cr_assert_eq(store_fines_between(fx.s, "2026-05-01", "2026-05-31", &fr,
	    &n, &e), 0);
	cr_assert_eq(n, 0, "a month without incidents");
	free(fr);
}

/* store_incident_each gives each incident of the period as
 * store_incidents does, voided ones too: the seat map reads its day so
 * (on PostgreSQL eight columns, binary), with its own line's amount.  store_incidents reads its
 * text columns binary there too. */
Test(fine_each, incident_each_as_store_incidents_voided_too)
{
	struct err e = { 0 };
	struct incident grp, *in;
	struct ticks k = { 0 };
	int64_t v = 0, a, x, g;
	int n, i, j;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_rule_version(fx.s, "SLEEP", "SLEEP",
	    "v=1;p=fine;f=1000;w=month", 1, &v, &e), 0, "%s", e.msg);
	a = add_mark("2026-03-31", 1000, v);
	x = add_mark("2026-03-31", 900, v);
	add_mark("2026-04-01", 2000, v);		/* the next day */
	grp = fx_incident("", "SLEEP", "2026-03-31", 1500, v);
	snprintf(grp.seat, sizeof grp.seat, "A-07");
	snprintf(grp.note, sizeof grp.note, "全组 睡觉");
	cr_assert_eq(store_incident_add(fx.s, &grp, &e), 0, "%s", e.msg);
	g = grp.id;
	/* Own lines as the engine lays them: 0, then priced (renumber). */
	fine(a, "E101", "offender", 0);
	fine(a, "E102", "director", 1000);
	cr_assert_eq(store_fine_set_own(fx.s, a, 1500, 0, &e), 0, "%s", e.msg);
	cr_assert_eq(store_fine_set_own(fx.s, a, 2000, 1, &e), 0, "%s", e.msg);
	fine(x, "E101", "offender", 500);
	cr_assert_eq(store_incident_void(fx.s, x, "root", 6000, "误记 twice",
	    &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);

	cr_assert_eq(store_incident_each(fx.s, "2026-03-31", "2026-03-31", tick,
	    &k, &e), 0, "%s", e.msg);
	cr_assert_eq(store_incidents(fx.s, "2026-03-31", "2026-03-31", NULL,
	    &in, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(k.n, 3, "the day's three, the voided one too, not %d",
	    k.n);
	cr_assert_eq(n, 3);
	for (i = 0; i < n; i++) {
		for (j = 0; j < k.n && k.t[j].id != in[i].id; j++)
			;
		cr_assert_lt(j, k.n, "incident %lld not given",
		    (long long)in[i].id);
		cr_assert_eq(k.t[j].at, in[i].at);
		cr_assert_eq(k.t[j].rule_version, in[i].rule_version);
		cr_assert_eq(k.t[j].voided_at, in[i].voided_at);
		cr_assert_str_eq(k.rule[j], in[i].rule);
		cr_assert_str_eq(k.staff[j], in[i].staff);
		cr_assert_str_eq(k.seat[j], in[i].seat);
		if (in[i].id == x) {
			cr_assert_eq(in[i].voided_at, 6000);
			cr_assert_str_eq(in[i].void_reason, "误记 twice");
		}
		if (in[i].id == g) {
			cr_assert_str_eq(in[i].staff, "", "a group incident");
			cr_assert_str_eq(in[i].seat, "A-07");
			cr_assert_str_eq(in[i].note, "全组 睡觉");
			cr_assert_eq(in[i].amount, -1);
		}
		if (in[i].id == a) {
			cr_assert_eq(in[i].voided_at, 0);
			cr_assert_eq(k.t[j].own_fine, 2000, "own_fine follows "
			    "its line's price: %lld", (long long)k.t[j].own_fine);
		}
		/* Voided, it keeps the amount; the map counts it nowhere. */
		if (in[i].id == x)
			cr_assert_eq(k.t[j].own_fine, 500);
		if (in[i].id == g)
			cr_assert_eq(k.t[j].own_fine, -1, "no own line");
	}
	lines("2026-03-31", "2026-03-31");
	cr_assert_eq(in[0].id, x, "by time: 900, 1000, 1500");
	cr_assert_eq(in[1].id, a);
	free(in);

	k.n = 0;
	cr_assert_eq(store_incident_each(fx.s, "2026-05-01", "2026-05-31", tick,
	    &k, &e), 0);
	cr_assert_eq(k.n, 0, "a month without incidents");
}

/* store_rule_terms keeps what it read outside a write: a version added
 * later is still found, and one added by a write that was rolled back
 * does not leave its terms to the next version given its id. */
Test(fine_each, rule_terms_kept_but_never_a_rolled_back_version)
{
	struct err e = { 0 };
	char t[256];
	int64_t a = 0, b = 0, gone = 0, c = 0;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_rule_version(fx.s, "SLEEP", "SLEEP",
	    "v=1;p=fine;f=1000;w=month", 1, &a, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_rule_terms(fx.s, a, t, sizeof t, &e), 0, "%s", e.msg);
	cr_assert_str_eq(t, "v=1;p=fine;f=1000;w=month");

	cr_assert_eq(store_begin(fx.s, &e), 0);		/* after the first read */
	cr_assert_eq(store_rule_version(fx.s, "DESK", "DESK",
	    "v=1;p=fine;f=500;w=month", 2, &b, &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_rule_terms(fx.s, b, t, sizeof t, &e), 0, "%s", e.msg);
	cr_assert_str_eq(t, "v=1;p=fine;f=500;w=month");

	cr_assert_eq(store_begin(fx.s, &e), 0);		/* read inside, undone */
	cr_assert_eq(store_rule_version(fx.s, "GAME", "GAME",
	    "v=1;p=fine;f=900;w=month", 3, &gone, &e), 0);
	cr_assert_eq(store_rule_terms(fx.s, gone, t, sizeof t, &e), 0);
	cr_assert_str_eq(t, "v=1;p=fine;f=900;w=month");
	store_rollback(fx.s);

	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_rule_version(fx.s, "LATE", "LATE",
	    "v=1;p=fine;f=700;w=month", 4, &c, &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_rule_terms(fx.s, c, t, sizeof t, &e), 0, "%s", e.msg);
	cr_assert_str_eq(t, "v=1;p=fine;f=700;w=month",
	    "version %lld (the undone one was %lld) read as %s", (long long)c,
	    (long long)gone, t);
	cr_assert_eq(store_rule_terms(fx.s, a, t, sizeof t, &e), 0);
	cr_assert_str_eq(t, "v=1;p=fine;f=1000;w=month");
	cr_assert_eq(store_rule_terms(fx.s, c + 100, t, sizeof t, &e), -1,
	    "a version that is not there");
}
