/*
 * ref_mark.c - the primary reference for `make bench` row 2 (issue 11): a
 * mark's own transaction, without the console.  The real engine call the
 * console makes when a mark key is pressed (engine_mark: BEGIN IMMEDIATE,
 * the offence numbered and priced, the incident, its fines and its audit
 * line written, COMMIT), on the same database the way the console opens
 * it (store_open: WAL, synchronous = FULL), timed per call.  Prints
 * "p50_ms p99_ms n".
 *
 * It marks as row 2 drives the console: the rules of the keys given (by
 * default d, c, L, s: DESK, CONDUCT, LATE, SLEEP on the bench's rulebook)
 * in turn on the person at a seat, the next occupied seat (in the floor's
 * order) after each round, at the time CALLFLOOR_NOW says, as the one who
 * runs it (auth_actor, as the console).  What the console adds to this -
 * the key, following the write, the frame - is what row 2 holds to 1.5x.
 *
 * PAUSE_MS (0) is slept after each call, untimed: row 2 passes the quiet
 * spell it waits for after each of the console's marks, so that the
 * engine calls come as far apart as the console's do (a mark after a
 * pause meets a colder disk and cache than one straight after another:
 * 3.6 against 2.3-2.9 ms p50 on the bench floor, loaded machine).
 *
 * On PostgreSQL (DB a postgresql:// URI) the same calls on that database;
 * the floor's id is the configuration's.
 *
 * It writes: give it a scratch copy, never a real floor's database.
 *
 * usage: ref_mark FLOOR.cfg DB [N [KEYS [PAUSE_MS]]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../db/audit.h"
#include "../db/store.h"
#include "../src/auth.h"
#include "../src/clock.h"
#include "../src/engine.h"
#include "../src/floor.h"
#include "timing.h"

/* The rule a key marks (the console's keymap: the rule's own key). */
static int
rule_of_key(const struct floor *f, char key)
{
	int i;

	for (i = 0; i < f->nrules; i++)
		if (f->rules[i].key == key)
			return i;
	return -1;
}

/* The next occupied seat after seat (-1: the first). */
static int
next_seat(const struct floor *f, int seat)
{
	int i, k;

	for (k = 1; k <= f->nseats; k++) {
		i = (seat + k) % f->nseats;
		if (i < 0)
			i += f->nseats;
		if (f->seats[i].staff >= 0)
			return i;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct buf errs = { 0 };
	struct err e = { 0 };
	struct floor *f;
	struct store *s = NULL;
	struct actor a;
	const char *keys = argc > 4 ? argv[4] : "dcLs";
	int n = argc > 3 ? atoi(argv[3]) : 1000, nkeys, i, seat = -1;
	int pause = argc > 5 ? atoi(argv[5]) : 0;
	int rules[16];
	double *t;

	if (argc < 3 || n <= 0) {
		fprintf(stderr, "usage: ref_mark FLOOR.cfg DB [N [KEYS "
		    "[PAUSE_MS]]]\n");
		return 2;
	}
	if ((f = floor_load(argv[1], &errs)) == NULL) {
		fputs(errs.s ? errs.s : "ref_mark: bad configuration\n", stderr);
		return 2;
	}
	clock_use_floor(f);
	for (nkeys = 0; keys[nkeys] && nkeys < 16; nkeys++)
		if ((rules[nkeys] = rule_of_key(f, keys[nkeys])) < 0) {
			fprintf(stderr, "ref_mark: no rule has the key %c\n",
			    keys[nkeys]);
			return 2;
		}
	if (nkeys == 0 || auth_actor(f, &a, &e) < 0) {
		fprintf(stderr, "ref_mark: %s\n", nkeys ? e.msg : "no keys");
		return 2;
	}
	store_set_floor(f->id);
	if (store_open(argv[2], 0, &s, &e) < 0) {
		fprintf(stderr, "ref_mark: %s\n", e.msg);
		return 1;
	}
	store_audit_who(a.login, a.uid, a.tty, a.ssh);
	t = calloc((size_t)n, sizeof *t);
	if (t == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		struct mark_req req = { 0 };
		struct mark_result res;
		double t0;

		if (i % nkeys == 0 && (seat = next_seat(f, seat)) < 0) {
			fprintf(stderr, "ref_mark: no seat is occupied\n");
			return 2;
		}
		req.rule = rules[i % nkeys];
		req.staff = f->seats[seat].staff;
		req.group = -1;
		req.amount = -1;
		t0 = now_ms();
		req.at = clock_now();
		if (engine_mark(f, s, &a, &req, &res, &e) < 0) {
			fprintf(stderr, "ref_mark: mark %d: %s\n", i + 1, e.msg);
			return 1;
		}
		t[i] = now_ms() - t0;
		mark_result_free(&res);
		if (pause > 0)
			usleep((useconds_t)pause * 1000);
	}
	store_close(s);
	floor_free(f);
	print_percentiles(t, n);
	free(t);
	return 0;
}
