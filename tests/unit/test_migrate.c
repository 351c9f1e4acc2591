/*
 * test_migrate.c - copying a floor's record to another database
 * (db/migrate.h), here into an SQLite file (from whichever backend the
 * suite runs on): the first run copies everything; a void in the source
 * afterwards (which renumbers the later offence) reaches the target on
 * the next run as changes to rows copied before, so both ledgers agree;
 * a run with nothing new changes nothing.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/migrate.h"
#include "helpers.h"

TestSuite(migrate, .init = fx_small, .fini = fx_done);

/* "staff own co" lines of the whole ledger of store s. */
static char *
ledger_text(struct store *s)
{
	struct ledger_row *rows;
	struct buf b = { 0 };
	struct err e = { 0 };
	int n, i;

	cr_assert_eq(ledger_fines(fx.f, s, "0000-01-01", "9999-12-31", NULL,
	    &rows, &n, &e), 0, "%s", e.msg);
	buf_puts(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s %lld %lld\n", rows[i].staff_id,
		    (long long)rows[i].own, (long long)rows[i].co);
	free(rows);
	return b.s;
}

static struct migrate_report
migrate_to(struct store *to)
{
	struct migrate_report r;
	struct err e = { 0 };
	int i;

	cr_assert_eq(store_migrate(fx.s, to, &r, &e), 0, "%s", e.msg);
	for (i = 0; i < MIGRATE_TABLES; i++)
		cr_expect_eq(r.source.rows[i], r.target.rows[i], "%s: %lld vs %lld",
		    migrate_table_name(i), (long long)r.source.rows[i],
		    (long long)r.target.rows[i]);
	cr_expect_eq(r.source.fines, r.target.fines);
	free(r.ids);
	return r;
}

Test(migrate, a_later_void_reaches_the_copy_and_nothing_new_changes_nothing)
{
	struct migrate_report r;
	struct store *to = NULL;
	struct err e = { 0 };
	struct marked m1;
	char path[256], *a, *b;

	set_now("2026-11-20 12:00");
	m1 = mark_back(&MGR, "E101", "DESK", NONE, "2026-11-02 10:00",
	    "2026-11-20 12:00");
	cr_assert_eq(m1.rc, 0, "%s", m1.e.msg);
	cr_assert_eq(mark_back(&MGR, "E101", "DESK", NONE, "2026-11-03 10:00",
	    "2026-11-20 12:00").rc, 0);
	cr_assert_eq(mark_back(&MGR, "E102", "SLEEP", NONE, "2026-11-04 10:00",
	    "2026-11-20 12:00").rc, 0);
	snprintf(path, sizeof path, "%s/copy.db", fx.dir);
	store_set_floor(fx.f->id);
	cr_assert_eq(store_open(path, 0, &to, &e), 0, "%s", e.msg);

	r = migrate_to(to);
	cr_expect_gt(r.copied, 0);
	cr_expect_eq(r.updated, 0);
	a = ledger_text(fx.s);
	b = ledger_text(to);
	cr_expect_str_eq(b, a);
	free(a);
	free(b);

	/* The first DESK voided: the second becomes E101's first (5.00). */
	cr_assert_eq(void_as(&MGR, m1.in.id, "wrong person", &e), 0, "%s", e.msg);
	a = ledger_text(fx.s);
	b = ledger_text(to);
	cr_assert(strcmp(a, b) != 0, "the void changed no fine: %s", a);
	free(b);
	r = migrate_to(to);
	cr_expect_geq(r.updated, 2, "the voided incident and the renumbered "
	    "one's fine: %lld", (long long)r.updated);
	b = ledger_text(to);
	cr_expect_str_eq(b, a);
	free(a);
	free(b);

	r = migrate_to(to);
	cr_expect_eq(r.copied, 0);
	cr_expect_eq(r.updated, 0);
	cr_expect_eq(r.removed, 0);
	store_close(to);
}

/* The floor goes on on the target: a void there is kept when the stale
 * source is copied again (it did not change that row); the same row
 * changed on both sides is refused, and nothing is written. */
Test(migrate, what_the_target_changed_is_kept_and_a_change_on_both_refused)
{
	struct migrate_report r;
	struct store *to = NULL;
	struct err e = { 0 };
	struct marked m1, m2;
	char path[256], *a, *b;
	int64_t t2;

	set_now("2026-11-20 12:00");
	m1 = mark_back(&MGR, "E101", "DESK", NONE, "2026-11-02 10:00",
	    "2026-11-20 12:00");
	m2 = mark_back(&MGR, "E102", "SLEEP", NONE, "2026-11-03 10:00",
	    "2026-11-20 12:00");
	cr_assert(m1.rc == 0 && m2.rc == 0);
	snprintf(path, sizeof path, "%s/copy.db", fx.dir);
	store_set_floor(fx.f->id);
	cr_assert_eq(store_open(path, 0, &to, &e), 0, "%s", e.msg);
	cr_assert_eq(store_migrate(fx.s, to, &r, &e), 0, "%s", e.msg);
	t2 = r.ids[1][1];
	free(r.ids);

	cr_assert_eq(engine_void(fx.f, to, &MGR, t2, "after the move", &e), 0,
	    "%s", e.msg);
	b = ledger_text(to);
	cr_assert_eq(store_migrate(fx.s, to, &r, &e), 0, "%s", e.msg);
	free(r.ids);
	cr_expect_eq(r.updated, 0, "the stale source wrote %lld rows",
	    (long long)r.updated);
	a = ledger_text(to);
	cr_expect_str_eq(a, b, "the target's void was undone");
	free(a);
	free(b);

	cr_assert_eq(void_as(&MGR, m2.in.id, "in the old file too", &e), 0);
	cr_expect_eq(store_migrate(fx.s, to, &r, &e), -1, "a row changed on both "
	    "sides was copied over");
	cr_expect(strstr(e.msg, "changed both here and there") != NULL, "%s",
	    e.msg);
	store_close(to);
}
