/*
 * gen_history.c - builds a year of made-up history for `make bench` through
 * the real fine engine: every incident is an engine_mark, every void an
 * engine_void, every phone handed back an engine_return, each its own
 * BEGIN IMMEDIATE transaction, exactly as the CLI and the console do it.
 *
 * The one difference from a real floor: the database is written with
 * PRAGMA synchronous = OFF (store_set_synchronous), so that a million
 * marks take minutes instead of hours.  The file it leaves is an ordinary
 * callfloor database; the measurements open it the usual way (FULL).
 *
 * Time is driven through CALLFLOOR_NOW, set before each engine call to the
 * moment the supervisor acts, so marked_at, voided_at and returned_at look
 * like a real year.  Most marks are made as it happens; a few are entered
 * later by a manager with the time it happened (at_given).
 *
 * Deterministic: the same floor, seed, size and year give the same history.
 * It must not be linked into callfloor, nor used on a real floor.
 *
 * usage: gen_history -c FLOOR.cfg -d NEW.db [-n INCIDENTS] [-s SEED] [-y YEAR] [-a]
 *
 * -a adds the year to an existing database (made by an earlier run for the
 * year before): `make bench` builds several years of history so.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../db/store.h"
#include "../src/clock.h"
#include "../src/engine.h"
#include "../src/floor.h"
#include "../src/progress.h"

/* ---- a small seeded generator (splitmix64), the same on every machine ---- */

static uint64_t rng_state;

static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double
rng_unit(void)
{
	return (double)(rng_next() >> 11) / 9007199254740992.0;
}

/* Uniform in [0, n). */
static int
rng_below(int n)
{
	return (int)(rng_unit() * n);
}

static bool
rng_chance(double p)
{
	return rng_unit() < p;
}

/* A weighted pick: cum holds n running totals. */
static int
pick_cum(const double *cum, int n)
{
	double x = rng_unit() * cum[n - 1];
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ---- the mix ---- */

enum who { WHO_AGENT, WHO_ANYONE, WHO_GROUP };

/* Relative frequency of each rule among the marks of a year. */
static const struct mix {
	const char *code;
	double weight;
	enum who who;
} mix[] = {
	{ "DESK", 22, WHO_AGENT },
	{ "LATE", 15, WHO_ANYONE },
	{ "CONDUCT", 13, WHO_AGENT },
	{ "PHONE", 11, WHO_AGENT },
	{ "SLEEP", 9, WHO_AGENT },
	{ "GAMES", 8, WHO_AGENT },
	{ "PRIVCALL", 2, WHO_AGENT },
	{ "READING", 2, WHO_AGENT },
	{ "PCOFF", 2, WHO_AGENT },
	{ "ATTITUDE", 1.8, WHO_AGENT },
	{ "IMPATIENT", 1.8, WHO_AGENT },
	{ "DISOBEY", 1.5, WHO_AGENT },
	{ "MISHANDLE", 1.4, WHO_AGENT },
	{ "PRAISE", 1.5, WHO_AGENT },
	{ "SLOW_ANSWER", 1.2, WHO_AGENT },
	{ "UNLOGGED", 1, WHO_AGENT },
	{ "PERSON_COMPLAINT", 1, WHO_AGENT },
	{ "POSTURE", 1, WHO_AGENT },
	{ "MISHANDLE_LOSS", 0.5, WHO_AGENT },
	{ "ABSENCE", 0.5, WHO_ANYONE },
	{ "MEETING", 0.3, WHO_ANYONE },
	{ "OTHER", 0.3, WHO_AGENT },
	{ "ABUSE", 0.2, WHO_AGENT },
	{ "FALSE_ENTRY", 0.2, WHO_AGENT },
	{ "DEPT_COMPLAINT", 0.1, WHO_GROUP },
	{ "QUARREL", 0.05, WHO_AGENT },
	{ "RUMOUR", 0.05, WHO_AGENT },
	{ "SECURITY", 0.02, WHO_AGENT },
	{ "FIGHT", 0.01, WHO_AGENT },
	{ "THEFT", 0.005, WHO_AGENT },
};
#define NMIX ((int)(sizeof mix / sizeof mix[0]))

static const char *notes[] = {
	"客户投诉后复核属实", "现场主管当面指出", "第二次提醒仍未改正",
	"录音抽检发现", "质检组反馈", "with the customer on hold",
	"班前会已通报", "监控回放确认",
};
static const char *void_reasons[] = {
	"marked the wrong seat", "误判，已与员工核实", "duplicate mark",
	"approved leave not yet entered", "质检复核撤销",
};

/* Month weights (Spring Festival in February, the November sales peak). */
static const double month_weight[12] = {
	0.95, 0.70, 1.00, 1.00, 1.05, 1.05, 0.95, 0.95, 1.00, 1.05, 1.35, 1.15
};

/* ---- state ---- */

struct pending {		/* a phone to hand back on a later day */
	int64_t id;
	int day;		/* day of the year */
};

static const struct floor *F;
static struct store *S;
static int rule_of[NMIX];
static double cum_mix[NMIX];
static double *cum_agent, *cum_all;	/* propensity, running totals */
static int *agents, nagents;
static int64_t *recent;			/* incidents that may still be voided */
static int nrecent, caprecent;
static struct pending *later;
static int nlater, caplater;
static long n_marks, n_fail, n_voids, n_undos, n_returns, n_backdated;

static void
set_now(time_t t)
{
	char v[32];

	snprintf(v, sizeof v, "%lld", (long long)t);
	setenv("CALLFLOOR_NOW", v, 1);
}

static void
actor_for(struct actor *a, int group)
{
	/* Each group's supervisor marks; "*" makes every login a manager. */
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "sup%02d", group / 2 + 1);
	a->role = UROLE_MANAGER;
	a->staff = F->groups[group].supervisor;
}

static void
remember(int64_t id)
{
	if (nrecent == caprecent) {
		caprecent = caprecent ? caprecent * 2 : 4096;
		recent = xrealloc(recent, (size_t)caprecent * sizeof *recent);
	}
	recent[nrecent++] = id;
	/* Only the last few thousand are candidates for a void. */
	if (nrecent > 6000) {
		memmove(recent, recent + 2000, (size_t)(nrecent - 2000) * sizeof *recent);
		nrecent -= 2000;
	}
}

static void
do_void(int64_t id, const char *reason, time_t now)
{
	struct actor a;
	struct err e = { 0 };

	actor_for(&a, 0);
	set_now(now);
	if (engine_void(F, S, &a, id, reason, &e) < 0) {
		fprintf(stderr, "gen_history: void %lld: %s\n", (long long)id, e.msg);
		n_fail++;
	} else
		n_voids++;
}

static void
do_return(int64_t custody, time_t now)
{
	struct actor a;
	struct err e = { 0 };

	actor_for(&a, 0);
	set_now(now);
	if (engine_return(F, S, &a, custody, &e) < 0) {
		fprintf(stderr, "gen_history: return %lld: %s\n", (long long)custody,
		    e.msg);
		n_fail++;
	} else
		n_returns++;
}

/* One mark made at time `now`, about something that happened at `at`. */
static void
one_mark(time_t now, time_t at, int64_t **today_custody, int *ntc, int *captc)
{
	const struct rule *ru;
	struct mark_req r = { -1, -1, -1, -1, NULL, 0, false };
	struct mark_result res;
	struct actor a;
	struct err e = { 0 };
	char note[STORE_TEXT];
	int g, m = pick_cum(cum_mix, NMIX);
	r.rule = rule_of[m];
	ru = &F->rules[r.rule];
	if (mix[m].who == WHO_GROUP) {
		r.group = rng_below(F->ngroups);
		g = r.group;
	} else {
		if (mix[m].who == WHO_ANYONE && rng_chance(0.08))
			r.staff = pick_cum(cum_all, F->nstaff);
		else
			r.staff = agents[pick_cum(cum_agent, nagents)];
		g = F->staff[r.staff].group;
	}
	if (ru->t.pricing == PRICE_RANGE) {
		/* Mostly the low end; now and then up to the top. */
		double u = rng_unit();
		fen_t span = (ru->t.hi - ru->t.lo) / 100;

		r.amount = ru->t.lo + (fen_t)(u * u * u * (double)(span + 1)) * 100;
		if (r.amount > ru->t.hi)
			r.amount = ru->t.hi;
	}
	if (ru->t.note_required || rng_chance(0.03)) {
		snprintf(note, sizeof note, "%s", notes[rng_below(
		    (int)(sizeof notes / sizeof notes[0]))]);
		r.note = note;
	}
	r.at = at;
	r.at_given = at != now;
	actor_for(&a, g);
	set_now(now);
	if (engine_mark(F, S, &a, &r, &res, &e) < 0) {
		fprintf(stderr, "gen_history: mark %s: %s\n", ru->code, e.msg);
		n_fail++;
		return;
	}
	n_marks++;
	n_backdated += r.at_given;
	if (res.custody != 0) {
		if (*ntc == *captc) {
			*captc = *captc ? *captc * 2 : 256;
			*today_custody = xrealloc(*today_custody,
			    (size_t)*captc * sizeof **today_custody);
		}
		(*today_custody)[(*ntc)++] = res.custody;
	}
	mark_result_free(&res);
	if (r.staff < 0)
		return;
	/* About 2% are voided: a third undone at once, the rest days later. */
	if (rng_chance(0.007)) {
		do_void(res.in.id, "undone at console", now + 5 + rng_below(50));
		n_undos++;
	} else
		remember(res.in.id);
	if (nrecent > 0 && rng_chance(0.0135)) {
		int k = nrecent - 1 - rng_below(nrecent < 3000 ? nrecent : 3000);
		int64_t id = recent[k];

		recent[k] = recent[--nrecent];
		do_void(id, void_reasons[rng_below((int)(sizeof void_reasons /
		    sizeof void_reasons[0]))], now + 60 + rng_below(600));
	}
}

static int
time_cmp(const void *a, const void *b)
{
	const time_t *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

static time_t
day_start(int year, int doy)
{
	struct tm tm = { 0 };

	tm.tm_year = year - 1900;
	tm.tm_mon = 0;
	tm.tm_mday = 1 + doy;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static void
usage(void)
{
	fprintf(stderr, "usage: gen_history -c FLOOR.cfg -d NEW.db [-n INCIDENTS] "
	    "[-s SEED] [-y YEAR] [-a]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *cfg = NULL, *db = NULL;
	long total = 1000000;
	unsigned long long seed = 1;
	int year = 2025, ch, ndays, d, i, append = 0;
	double *w, wsum = 0, carry = 0;
	struct buf errs = { 0 };
	struct err e = { 0 };
	struct floor *fl;
	struct progress pg;
	int64_t *tc = NULL;
	int ntc = 0, captc = 0;

	while ((ch = getopt(argc, argv, "ac:d:n:s:y:")) != -1) {
		switch (ch) {
		case 'c': cfg = optarg; break;
		case 'd': db = optarg; break;
		case 'n': total = atol(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'y': year = atoi(optarg); break;
		case 'a': append = 1; break;
		default: usage();
		}
	}
	if (cfg == NULL || db == NULL || total <= 0 || year < 1971)
		usage();
	/* An added year draws its own marks. */
	rng_state = seed * 0x2545F4914F6CDD1DULL + 7 +
	    (append ? (unsigned long long)year : 0);
	if ((fl = floor_load(cfg, &errs)) == NULL) {
		fputs(errs.s ? errs.s : "gen_history: bad configuration\n", stderr);
		return 2;
	}
	F = fl;
	clock_use_floor(F);
	if (!append && unlink(db) < 0 && errno != ENOENT)
		die("gen_history: cannot remove %s", db);
	store_set_floor(fl->id);	/* PostgreSQL: the floor's rows */
	if (store_open(db, 0, &S, &e) < 0 || store_set_synchronous(S, false, &e) < 0)
		die("gen_history: %s", e.msg);

	for (i = 0; i < NMIX; i++) {
		if ((rule_of[i] = floor_rule_find(F, mix[i].code)) < 0)
			die("gen_history: the rulebook has no rule %s", mix[i].code);
		cum_mix[i] = (i ? cum_mix[i - 1] : 0) + mix[i].weight;
	}

	/* Some people are marked far more often than others (log-normal). */
	agents = xcalloc((size_t)F->nstaff, sizeof *agents);
	cum_agent = xcalloc((size_t)F->nstaff, sizeof *cum_agent);
	cum_all = xcalloc((size_t)F->nstaff, sizeof *cum_all);
	for (i = 0; i < F->nstaff; i++) {
		double u1 = rng_unit() + 1e-12, u2 = rng_unit();
		double z = sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
		double p = exp(0.9 * z);

		cum_all[i] = (i ? cum_all[i - 1] : 0) + p;
		if (F->staff[i].role == GROLE_AGENT) {
			/* Agents without a desk are on the floor less often. */
			if (F->staff[i].seat < 0)
				p *= 0.4;
			cum_agent[nagents] = (nagents ? cum_agent[nagents - 1] : 0) + p;
			agents[nagents++] = i;
		}
	}
	if (nagents == 0)
		die("gen_history: the floor has no agents");

	/* Marks per day: weekends quieter, a peak month, two peak days. */
	ndays = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365;
	w = xcalloc((size_t)ndays, sizeof *w);
	for (d = 0; d < ndays; d++) {
		time_t t = day_start(year, d) + 12 * 3600;
		struct tm tm;

		localtime_r(&t, &tm);
		w[d] = month_weight[tm.tm_mon] *
		    (tm.tm_wday == 0 ? 0.5 : tm.tm_wday == 6 ? 0.65 : 1.0) *
		    (0.9 + 0.2 * rng_unit());
		if (tm.tm_mon == 10 && tm.tm_mday == 11)
			w[d] *= 2.2;	/* Singles' Day */
		if (tm.tm_mon == 11 && tm.tm_mday == 12)
			w[d] *= 1.6;
		wsum += w[d];
	}

	/* On a terminal, how far it has got; in a pipe or a log, nothing. */
	progress_start(&pg, "gen_history: marks", total);
	for (d = 0; d < ndays; d++) {
		time_t base = day_start(year, d), *times;
		long want;
		double x = (double)total * w[d] / wsum + carry;
		int k;

		want = (long)x;
		carry = x - (double)want;
		if (d == ndays - 1)
			want = total - n_marks - n_fail;
		if (want < 0)
			want = 0;
		times = xcalloc((size_t)want + 1, sizeof *times);
		/* When the supervisor marks: the shift, 09:00 to 18:30. */
		for (k = 0; k < want; k++)
			times[k] = base + 9 * 3600 + rng_below(9 * 3600 + 1800);
		qsort(times, (size_t)want, sizeof *times, time_cmp);
		ntc = 0;
		for (k = 0; k < want; k++) {
			time_t now = times[k], at = now;

			/* 4% are entered later by a manager, up to 3 days late. */
			if (rng_chance(0.04)) {
				at = now - 3600 - rng_below(3 * 86400);
				if (at < day_start(year, 0) + 9 * 3600)
					at = now;
			}
			one_mark(now, at, &tc, &ntc, &captc);
			progress_update(&pg, n_marks + n_fail);
		}
		free(times);
		/* Phones go back at the end of the shift; a few days later for
		 * some, and a very few are never collected. */
		for (k = 0; k < ntc; k++) {
			double u = rng_unit();

			if (u < 0.95)
				do_return(tc[k], base + 18 * 3600 + 1800 + rng_below(1800));
			else if (u < 0.999) {
				if (nlater == caplater) {
					caplater = caplater ? caplater * 2 : 256;
					later = xrealloc(later, (size_t)caplater * sizeof *later);
				}
				later[nlater++] = (struct pending){ tc[k], d + 1 + rng_below(5) };
			}
		}
		for (k = 0; k < nlater; k++)
			if (later[k].day == d) {
				do_return(later[k].id, base + 9 * 3600 + rng_below(8 * 3600));
				later[k--] = later[--nlater];
			}
	}
	progress_end(&pg);
	free(w);
	free(tc);
	store_close(S);
	printf("marks %ld (backdated %ld), voids %ld (undone at once %ld), "
	    "returns %ld, failed %ld\n", n_marks, n_backdated, n_voids, n_undos,
	    n_returns, n_fail);
	floor_free(fl);
	return n_fail == 0 ? 0 : 1;
}
