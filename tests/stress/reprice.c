/*
 * reprice.c - prices every incident of a database again from scratch and
 * compares with what the engine stored.  For the stress tests: after many
 * processes marked at once, each not-voided incident must carry the
 * offence number its place in its window gives it, and every fine must be
 * what its frozen terms say.
 *
 * usage: reprice CONFIG DB     exit 0 when all agree, 1 when not, 2 usage
 *
 * It reads only, through the store and engine_price(); it shares no code
 * with the engine's renumbering, so the two can disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/store.h"
#include "../../src/clock.h"
#include "../../src/engine.h"
#include "../../src/terms.h"

struct item {
	struct incident in;
	struct rule_terms t;
	char key[STORE_ID * 2 + DAY_LEN + 4];	/* staff, rule, window start */
	int nth;
};

static int
by_key(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	if (x->in.at != y->in.at)
		return x->in.at < y->in.at ? -1 : 1;
	return x->in.id < y->in.id ? -1 : x->in.id > y->in.id;
}

static int bad;

static void
mismatch(const struct incident *in, const char *what, long long got,
    long long want)
{
	if (bad++ < 20)
		fprintf(stderr, "reprice: incident %lld (%s %s): %s is %lld, "
		    "want %lld\n", (long long)in->id, in->rule, in->staff, what,
		    got, want);
}

int
main(int argc, char **argv)
{
	struct floor *f;
	struct store *s;
	struct buf errs = { 0 };
	struct err e = { 0 };
	struct incident *all;
	struct item *it;
	struct fine_total *tot;
	int n, ni = 0, i, j, nt, nfines = 0;
	long long stored_sum = 0, want_sum = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: reprice CONFIG DB\n");
		return 2;
	}
	if ((f = floor_load(argv[1], &errs)) == NULL) {
		fputs(errs.s, stderr);
		return 2;
	}
	clock_use_floor(f);
	store_set_floor(f->id);		/* PostgreSQL: the floor's rows */
	if (store_open(argv[2], STORE_READONLY | STORE_NOCREATE, &s, &e) < 0 ||
	    store_incidents(s, "0000-01-01", "9999-12-31", NULL, &all, &n, &e) < 0) {
		fprintf(stderr, "reprice: %s\n", e.msg);
		return 1;
	}
	it = xcalloc((size_t)n + 1, sizeof *it);
	for (i = 0; i < n; i++) {
		struct item *x = &it[ni];
		char text[1024], from[DAY_LEN], to[DAY_LEN];

		if (all[i].voided_at != 0)
			continue;
		x->in = all[i];
		if (store_rule_terms(s, x->in.rule_version, text, sizeof text, &e) < 0 ||
		    terms_parse(text, &x->t) < 0) {
			fprintf(stderr, "reprice: incident %lld: terms: %s\n",
			    (long long)x->in.id, e.msg);
			return 1;
		}
		clock_window(x->t.window, x->in.day, from, to);
		snprintf(x->key, sizeof x->key, "%s\t%s\t%s", x->in.staff,
		    x->in.rule, from);
		ni++;
	}
	qsort(it, (size_t)ni, sizeof *it, by_key);
	for (i = 0; i < ni; i++)
		it[i].nth = i > 0 && strcmp(it[i].key, it[i - 1].key) == 0 ?
		    it[i - 1].nth + 1 : 1;
	for (i = 0; i < ni; i++) {
		const struct item *x = &it[i];
		struct fine_row *fr;
		int nf, owns = 0, dbl = 0;
		fen_t own = 0;

		if (x->in.staff[0] != '\0') {
			if (x->in.offence != x->nth)
				mismatch(&x->in, "offence", x->in.offence, x->nth);
			own = engine_price(&x->t, x->nth, x->in.amount, &dbl);
		}
		if (store_fines_of(s, x->in.id, &fr, &nf, &e) < 0) {
			fprintf(stderr, "reprice: %s\n", e.msg);
			return 1;
		}
		for (j = 0; j < nf; j++) {
			fen_t want = -1;
			int k;

			nfines++;
			if (fr[j].own) {
				owns++;
				want = own;
			} else if (strcmp(fr[j].role, "member") == 0)
				want = x->t.has_group_fine ? x->t.group_fine : -1;
			else
				for (k = 0; k < x->t.nco; k++)
					if (strcmp(grole_name(x->t.co[k].role),
					    fr[j].role) == 0)
						want = x->t.co[k].fine;
			if (fr[j].amount != want)
				mismatch(&x->in, fr[j].role, fr[j].amount, want);
			if (fr[j].staff[0] != '\0') {
				stored_sum += fr[j].amount;
				want_sum += want;
			}
		}
		if (owns != (x->in.staff[0] != '\0' && x->t.pricing != PRICE_NONE))
			mismatch(&x->in, "own fine lines", owns, !owns);
		free(fr);
	}
	/* The ledger's sums are what every report shows. */
	if (store_fine_totals(s, "0000-01-01", "9999-12-31", &tot, &nt, &e) < 0) {
		fprintf(stderr, "reprice: %s\n", e.msg);
		return 1;
	}
	{
		long long ledger = 0;

		for (i = 0; i < nt; i++)
			ledger += tot[i].own + tot[i].co;
		if (ledger != want_sum || stored_sum != want_sum) {
			fprintf(stderr, "reprice: totals: ledger %lld, stored %lld, "
			    "recomputed %lld fen\n", ledger, stored_sum, want_sum);
			bad++;
		}
		free(tot);
	}
	printf("reprice: %d incidents (%d voided), %d fine lines, %lld fen: %s\n",
	    ni, n - ni, nfines, want_sum, bad ? "MISMATCH" : "all agree");
	free(it);
	free(all);
	store_close(s);
	floor_free(f);
	return bad ? 1 : 0;
}
