/*
 * test_store.c - the SQLite store on its own: creating and migrating,
 * refusing databases that are not ours or are newer, read-only use,
 * transactions that leave nothing behind, constraints, and the queries the
 * engine and the ledger rely on.  Each test has its own database file.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "../../db/attendance.h"
#include "../../src/ledger.h"
#include "../../src/trend.h"
#include "helpers.h"

TestSuite(store, .init = fx_dir, .fini = fx_done);

static char path_buf[192];

static const char *
in_dir(const char *name)
{
	snprintf(path_buf, sizeof path_buf, "%s/%s", fx.dir, name);
	return path_buf;
}

static int64_t
version(const char *code, const char *terms)
{
	int64_t id = 0;
	struct err e = { 0 };

	cr_assert_eq(store_rule_version(fx.s, code, code, terms, 1, &id, &e), 0,
	    "%s", e.msg);
	return id;
}

static int64_t
add(struct incident in)
{
	struct err e = { 0 };

	cr_assert_eq(store_incident_add(fx.s, &in, &e), 0, "%s", e.msg);
	return in.id;
}

Test(store, a_fresh_database_is_ours_and_current)
{
	FX_SQLITE_ONLY();
	fx_open_store();
	cr_assert_eq(db_int(fx.db, "PRAGMA application_id"), STORE_APPLICATION_ID);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name IN ('rule_version', 'incident', 'fine', 'custody', 'inspection')"),
	    5);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM pragma_journal_mode "
	    "WHERE journal_mode = 'wal'"), 1, "not in WAL mode");
	cr_assert_str_eq(store_path(fx.s), fx.db);
	cr_assert_not(store_readonly(fx.s));
}

Test(store, opening_twice_keeps_everything)
{
	struct err e = { 0 };
	int64_t v, id;

	fx_open_store();
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	cr_assert_eq(store_begin(fx.s, &e), 0);
	id = add(fx_incident("E101", "DESK", "2026-03-02", 1000, v));
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	store_close(fx.s);
	fx.s = NULL;
	fx_open_store();
	store_close(fx.s);
	fx.s = NULL;
	fx_open_store();
	cr_assert_eq(count_rows("incident"), 1);
	cr_assert_eq(count_rows("rule_version"), 1);
	cr_assert_eq(db_int(fx.db, fx_pg() ? "SELECT max(version) FROM "
	    "callfloor_schema" : "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(version("DESK", "v=1;p=fine;f=500;w=month"), v);
	(void)id;
}

Test(store, another_programs_database_is_refused)
{
	struct store *s = NULL;
	struct err e = { 0 };
	const char *p = in_dir("theirs.db");

	db_exec(p, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
	    "INSERT INTO accounts (name) VALUES ('x');");
	cr_assert_eq(store_open(p, 0, &s, &e), -1, "opened someone else's db");
	cr_assert_null(s);
	cr_assert_eq(e.code, EXIT_RUNTIME);
	cr_assert_not_null(strstr(e.msg, "not a callfloor database"), "%s", e.msg);
	cr_assert_eq(db_int(p, "SELECT count(*) FROM sqlite_schema"), 1,
	    "tables were added to a foreign database");
	cr_assert_eq(db_int(p, "PRAGMA user_version"), 0);
}

Test(store, another_application_id_is_refused)
{
	struct store *s = NULL;
	struct err e = { 0 };
	const char *p = in_dir("other.db");

	db_exec(p, "PRAGMA application_id = 1234");
	cr_assert_eq(store_open(p, 0, &s, &e), -1);
	cr_assert_not_null(strstr(e.msg, "1234"), "%s", e.msg);
}

Test(store, a_newer_schema_is_refused)
{
	struct store *s = NULL;
	struct err e = { 0 };

	FX_SQLITE_ONLY();
	fx_open_store();
	store_close(fx.s);
	fx.s = NULL;
	db_exec(fx.db, "PRAGMA user_version = 99");
	cr_assert_eq(store_open(fx.db, 0, &s, &e), -1, "opened a newer schema");
	cr_assert_not_null(strstr(e.msg, "newer callfloor"), "%s", e.msg);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), 99, "downgraded");
}

Test(store, nocreate_and_readonly_do_not_create_a_file)
{
	struct store *s = NULL;
	struct err e = { 0 };
	struct stat st;

	cr_assert_eq(store_open(fx.db, STORE_NOCREATE, &s, &e), -1);
	cr_assert_not_null(strstr(e.msg, "callfloor init"), "%s", e.msg);
	cr_assert_eq(store_open(fx.db, STORE_READONLY, &s, &e), -1);
	cr_assert_neq(stat(fx.db, &st), 0, "a database file was created");
}

Test(store, a_folder_is_not_a_database)
{
	struct store *s = NULL;
	struct err e = { 0 };

	cr_assert_eq(store_open(fx.dir, 0, &s, &e), -1);
	cr_assert_not_null(strstr(e.msg, "not a regular file"), "%s", e.msg);
}

Test(store, read_only_writes_nothing)
{
	struct store *ro = NULL;
	struct err e = { 0 };
	int64_t v;

	fx_open_store();
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	(void)v;
	cr_assert_eq(store_open(fx.db, STORE_READONLY, &ro, &e), 0, "%s", e.msg);
	cr_assert(store_readonly(ro));
	cr_assert_eq(store_begin(ro, &e), -1, "began a write on a read-only store");
	cr_assert_not_null(strstr(e.msg, "read-only"), "%s", e.msg);
	store_close(ro);
}

/* A PostgreSQL server that takes reads only (a hot standby; here a session
 * whose transactions are read-only) opens read-only, as an unwritable
 * SQLite file does: reads work, a write is refused before it begins. */
Test(store, a_read_only_server_opens_read_only)
{
	struct store *ro = NULL;
	struct incident *all = NULL;
	struct err e = { 0 };
	char uri[sizeof fx.db + 64];
	int n = -1;

	if (!fx_pg())
		cr_skip_test("PostgreSQL only");
	fx_open_store();
	version("DESK", "v=1;p=fine;f=500;w=month");
	snprintf(uri, sizeof uri, "%s&options=-c%%20default_transaction_read_only"
	    "%%3Don", fx.db);
	cr_assert_eq(store_open(uri, STORE_NOCREATE, &ro, &e), 0, "%s", e.msg);
	cr_assert(store_readonly(ro), "a read-only server opened for writing");
	cr_assert_eq(store_incidents(ro, "0000-01-01", "9999-12-31", NULL, &all,
	    &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 0);
	cr_assert_eq(store_begin(ro, &e), -1, "began a write on a read-only server");
	cr_assert_not_null(strstr(e.msg, "read-only; nothing was written"), "%s",
	    e.msg);
	free(all);
	store_close(ro);
}

Test(store, a_fresh_file_opened_read_only_needs_init)
{
	struct store *ro = NULL;
	struct err e = { 0 };

	FX_SQLITE_ONLY();
	db_exec(fx.db, "PRAGMA user_version = 0");	/* an empty file */
	cr_assert_eq(store_open(fx.db, STORE_READONLY, &ro, &e), -1);
	cr_assert_not_null(strstr(e.msg, "init"), "%s", e.msg);
}

Test(store, a_rollback_leaves_nothing)
{
	struct err e = { 0 };
	struct fine_row f = { 0 };
	int64_t v;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	f.incident = add(fx_incident("E101", "DESK", "2026-03-02", 1000, v));
	snprintf(f.staff, sizeof f.staff, "E101");
	snprintf(f.grp, sizeof f.grp, "A");
	snprintf(f.role, sizeof f.role, "offender");
	f.own = 1;
	f.amount = 500;
	cr_assert_eq(store_fine_add(fx.s, &f, &e), 0, "%s", e.msg);
	store_rollback(fx.s);
	cr_assert_eq(count_rows("incident"), 0);
	cr_assert_eq(count_rows("fine"), 0);
	cr_assert_eq(count_rows("rule_version"), 0);
}

Test(store, constraints_hold)
{
	struct err e = { 0 };
	struct fine_row f = { 0 };
	int64_t v;

	/* Each refused write in its own transaction: on PostgreSQL a
	 * failed statement ends the transaction's usefulness. */
	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	f.incident = add(fx_incident("E101", "DESK", "2026-03-02", 1000, v));
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	snprintf(f.staff, sizeof f.staff, "E101");
	snprintf(f.grp, sizeof f.grp, "A");
	snprintf(f.role, sizeof f.role, "offender");
	f.amount = -1;
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_fine_add(fx.s, &f, &e), -1, "a negative fine");
	store_rollback(fx.s);
	f.incident = 4242;			/* no such incident */
	f.amount = 500;
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_fine_add(fx.s, &f, &e), -1, "a fine without incident");
	store_rollback(fx.s);
	{
		struct incident in = fx_incident("E101", "DESK", "2026-03-02", 1000,
		    9999);

		cr_assert_eq(store_begin(fx.s, &e), 0);
		cr_assert_eq(store_incident_add(fx.s, &in, &e), -1,
		    "an incident of an unknown rule version");
		store_rollback(fx.s);
	}
	cr_assert_eq(count_rows("fine"), 0);
	cr_assert_eq(count_rows("incident"), 1);
}

Test(store, an_incident_round_trips)
{
	struct err e = { 0 };
	struct incident in, out;
	int64_t v;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("ATTITUDE", "v=1;p=range;lo=500;hi=20000;w=month");
	in = fx_incident("E203", "ATTITUDE", "2026-11-30", 1796045400, v);
	snprintf(in.seat, sizeof in.seat, "B03");
	snprintf(in.note, sizeof in.note, "顾客投诉: rude, 'twice'; \"really\"");
	in.amount = 4250;
	in.offence = 2;
	in.marked_at = 1796045460;
	in.id = add(in);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_incident_get(fx.s, in.id, &out, &e), 0, "%s", e.msg);
	cr_assert_str_eq(out.rule, "ATTITUDE");
	cr_assert_eq(out.rule_version, v);
	cr_assert_str_eq(out.staff, "E203");
	cr_assert_str_eq(out.grp, "A");
	cr_assert_str_eq(out.seat, "B03");
	cr_assert_eq(out.at, 1796045400);
	cr_assert_str_eq(out.day, "2026-11-30");
	cr_assert_eq(out.offence, 2);
	cr_assert_eq(out.amount, 4250);
	cr_assert_str_eq(out.note, in.note);
	cr_assert_str_eq(out.marked_by, "wangf");
	cr_assert_eq(out.marked_at, 1796045460);
	cr_assert_eq(out.voided_at, 0);
	cr_assert_eq(store_incident_get(fx.s, in.id + 1, &out, &e), 1,
	    "found an incident that does not exist");
}

Test(store, an_amount_not_given_stays_not_given)
{
	struct err e = { 0 };
	struct incident out;
	int64_t id, v;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	id = add(fx_incident("E101", "DESK", "2026-03-02", 1000, v));
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_incident_get(fx.s, id, &out, &e), 0);
	cr_assert_eq(out.amount, -1);
	cr_assert_str_eq(out.seat, "");
	cr_assert_str_eq(out.note, "");
}

Test(store, offences_are_in_time_order_inside_the_days_and_not_voided)
{
	struct err e = { 0 };
	struct incident *list;
	int64_t v, a, b, c, d, x;
	int n;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	c = add(fx_incident("E101", "DESK", "2026-03-20", 3000, v));
	a = add(fx_incident("E101", "DESK", "2026-03-01", 1000, v));
	b = add(fx_incident("E101", "DESK", "2026-03-10", 2000, v));
	d = add(fx_incident("E101", "DESK", "2026-04-01", 4000, v));
	x = add(fx_incident("E102", "DESK", "2026-03-05", 1500, v));
	add(fx_incident("E101", "PHONE", "2026-03-05", 1500, v));
	cr_assert_eq(store_incident_void(fx.s, b, "root", 5000, "mistake", &e), 0);
	cr_assert_eq(store_incident_void(fx.s, b, "root", 5001, "again", &e), 1,
	    "voided twice");
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_offences(fx.s, "E101", "DESK", "2026-03-01",
	    "2026-03-31", &list, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_assert_eq(list[0].id, a);
	cr_assert_eq(list[1].id, c);
	free(list);
	/* store_incidents: voided ones too, everybody or one person. */
	cr_assert_eq(store_incidents(fx.s, "2026-03-01", "2026-03-31", NULL,
	    &list, &n, &e), 0);
	cr_assert_eq(n, 5);
	cr_assert_eq(list[0].id, a);
	free(list);
	cr_assert_eq(store_incidents(fx.s, "2026-03-01", "2026-04-30", "E101",
	    &list, &n, &e), 0);
	cr_assert_eq(n, 5);
	cr_assert_eq(list[n - 1].id, d);
	free(list);
	(void)x;
}

Test(store, rule_versions_are_shared_and_kept)
{
	char terms[256];
	struct err e = { 0 };
	int64_t a, b, c, id;

	fx_open_store();
	a = version("DESK", "v=1;p=fine;f=500;w=month");
	b = version("DESK", "v=1;p=fine;f=500;w=month");
	c = version("DESK", "v=1;p=fine;f=800;w=month");
	cr_assert_eq(a, b);
	cr_assert_neq(a, c);
	cr_assert_eq(store_rule_version(fx.s, "DESK", "Tidy desk",
	    "v=1;p=fine;f=500;w=month", 1, &id, &e), 0);
	cr_assert_neq(id, a, "a new title is a new version");
	cr_assert_eq(store_rule_terms(fx.s, c, terms, sizeof terms, &e), 0);
	cr_assert_str_eq(terms, "v=1;p=fine;f=800;w=month");
	cr_assert_eq(store_rule_terms(fx.s, 999, terms, sizeof terms, &e), -1);
}

Test(store, fine_totals_split_own_and_co_and_skip_vacancies_and_voids)
{
	struct err e = { 0 };
	struct fine_total *t;
	struct fine_row f = { 0 };
	int64_t v, i1, i2;
	int n;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("SLEEP", "v=1;p=fine;f=1000;w=month");
	i1 = add(fx_incident("E101", "SLEEP", "2026-03-02", 1000, v));
	i2 = add(fx_incident("E101", "SLEEP", "2026-03-03", 2000, v));
	snprintf(f.grp, sizeof f.grp, "A");
	f.incident = i1;
	snprintf(f.staff, sizeof f.staff, "E101");
	snprintf(f.role, sizeof f.role, "offender");
	f.own = 1, f.amount = 1000;
	store_fine_add(fx.s, &f, &e);
	snprintf(f.staff, sizeof f.staff, "D001");
	snprintf(f.role, sizeof f.role, "director");
	f.own = 0, f.amount = 1000;
	store_fine_add(fx.s, &f, &e);
	f.staff[0] = '\0';			/* vacant deputy */
	snprintf(f.role, sizeof f.role, "deputy");
	store_fine_add(fx.s, &f, &e);
	f.incident = i2;			/* voided below */
	snprintf(f.staff, sizeof f.staff, "E101");
	snprintf(f.role, sizeof f.role, "offender");
	f.own = 1, f.amount = 2000;
	store_fine_add(fx.s, &f, &e);
	cr_assert_eq(store_incident_void(fx.s, i2, "root", 3000, "no", &e), 0);
	cr_assert_eq(store_fine_set_own(fx.s, i1, 1500, 0, &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_fine_totals(fx.s, "2026-03-01", "2026-03-31", &t, &n,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2, "the vacancy has a total");
	cr_assert_str_eq(t[0].staff, "D001");
	cr_assert_eq(t[0].own, 0);
	cr_assert_eq(t[0].co, 1000);
	cr_assert_str_eq(t[1].staff, "E101");
	cr_assert_eq(t[1].own, 1500, "re-priced own fine, void excluded");
	cr_assert_eq(t[1].co, 0);
	free(t);
}

/* ledger_fines sums the lines in C (one pass, no GROUP BY): it must give
 * what the store's SQL sums give, former staff and vacancies included, and
 * the pass that also feeds the month at a glance the trend trend_month
 * reads on its own. */
Test(ledger, sums_lines_as_the_sql_totals_and_feeds_the_trend, .init = fx_small,
    .fini = fx_done)
{
	struct err e = { 0 };
	struct fine_total *t;
	struct ledger_row *rows, *rows2;
	struct fine_row f = { 0 };
	struct trend alone, both;
	int64_t v, i1, i2, i3, i4;
	int n, nr, nr2, i, k, g;
	fen_t daily = 0, ledger = 0;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("SLEEP", "v=1;p=fine;f=1000;w=month");
	i1 = add(fx_incident("E101", "SLEEP", "2026-03-02", 1000, v));
	i2 = add(fx_incident("E101", "SLEEP", "2026-03-03", 2000, v));
	i3 = add(fx_incident("X999", "SLEEP", "2026-03-09", 3000, v));
	i4 = add(fx_incident("E101", "SLEEP", "2026-04-01", 4000, v));
	snprintf(f.grp, sizeof f.grp, "A");
	snprintf(f.role, sizeof f.role, "offender");
	f.own = 1;
	f.incident = i1, f.amount = 1000;
	snprintf(f.staff, sizeof f.staff, "E101");
	store_fine_add(fx.s, &f, &e);
	f.incident = i2, f.amount = 700;	/* voided below */
	store_fine_add(fx.s, &f, &e);
	f.incident = i4, f.amount = 900;	/* April: outside */
	store_fine_add(fx.s, &f, &e);
	f.incident = i3, f.amount = 300;	/* someone who has left */
	snprintf(f.staff, sizeof f.staff, "X999");
	store_fine_add(fx.s, &f, &e);
	f.own = 0, f.amount = 250;
	snprintf(f.staff, sizeof f.staff, "D001");
	snprintf(f.role, sizeof f.role, "director");
	store_fine_add(fx.s, &f, &e);
	f.staff[0] = '\0';			/* a vacant deputy */
	snprintf(f.role, sizeof f.role, "deputy");
	store_fine_add(fx.s, &f, &e);
	cr_assert_eq(store_incident_void(fx.s, i2, "root", 5000, "no", &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);

	cr_assert_eq(store_fine_totals(fx.s, "2026-03-01", "2026-03-31", &t, &n,
	    &e), 0, "%s", e.msg);
	cr_assert_eq(ledger_fines(fx.f, fx.s, "2026-03-01", "2026-03-31", NULL,
	    &rows, &nr, &e), 0, "%s", e.msg);
	cr_assert_eq(nr, 3, "E101, D001 and the former X999: %d rows", nr);
	for (i = 0; i < n; i++) {
		for (k = 0; k < nr && strcmp(rows[k].staff_id, t[i].staff); k++)
			;
		cr_assert_lt(k, nr, "%s summed by SQL, not by the ledger",
		    t[i].staff);
		cr_assert_eq(rows[k].own, t[i].own, "%s own", t[i].staff);
		cr_assert_eq(rows[k].co, t[i].co, "%s co", t[i].staff);
		ledger += rows[k].own + rows[k].co;
	}
	cr_assert_eq(ledger, 1000 + 300 + 250, "voided and April left out");
	for (k = 0; k < nr && strcmp(rows[k].staff_id, "X999"); k++)
		;
	cr_assert_lt(k, nr);
	cr_assert_eq(rows[k].staff, -1);
	cr_assert_str_eq(rows[k].group, "?");
	cr_assert_str_eq(rows[k].role, "former");

	cr_assert_eq(trend_month(fx.f, fx.s, "2026-03-15", &alone, &e), 0);
	trend_start(fx.f, "2026-03-15", &both);
	cr_assert_eq(ledger_fines_and(fx.f, fx.s, "2026-03-01", "2026-03-31",
	    NULL, trend_add, &both, &rows2, &nr2, &e), 0, "%s", e.msg);
	trend_finish(&both);
	cr_assert_eq(nr2, nr);
	cr_assert_eq(memcmp(rows2, rows, (size_t)nr * sizeof *rows), 0,
	    "the same rows with the trend fed");
	cr_assert_eq(both.ndays, 31);
	cr_assert_eq(alone.ndays, 31);
	for (g = 0; g < fx.f->ngroups; g++) {
		cr_assert_str_eq(both.top[g], alone.top[g]);
		cr_assert_eq(both.top_amount[g], alone.top_amount[g]);
		for (i = 0; i < 31; i++) {
			cr_assert_eq(both.daily[g * 31 + i], alone.daily[g * 31 + i],
			    "group %d day %d", g, i + 1);
			daily += both.daily[g * 31 + i];
		}
	}
	cr_assert_eq(daily, ledger, "every paid line on its day");
	trend_free(&alone);
	trend_free(&both);
	free(rows);
	free(rows2);
	free(t);
}

Test(store, custody_is_handed_back_once)
{
	struct err e = { 0 };
	struct custody c = { 0 }, out, *held;
	int64_t v;
	int n;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("PHONE", "v=1;p=fine;f=5000;w=month;c=phone");
	c.incident = add(fx_incident("E101", "PHONE", "2026-03-02", 1000, v));
	snprintf(c.staff, sizeof c.staff, "E101");
	snprintf(c.item, sizeof c.item, "phone");
	snprintf(c.kept_by, sizeof c.kept_by, "wangf");
	c.taken_at = 1000;
	cr_assert_eq(store_custody_add(fx.s, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_custody_return(fx.s, c.id, "wangf", 2000, &e), 0);
	cr_assert_eq(store_custody_return(fx.s, c.id, "root", 3000, &e), 1,
	    "handed back twice");
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_custody_get(fx.s, c.id, &out, &e), 0);
	cr_assert_eq(out.returned_at, 2000);
	cr_assert_str_eq(out.returned_by, "wangf");
	cr_assert_str_eq(out.seat, "");
	cr_assert_eq(store_custody_held(fx.s, &held, &n, &e), 0);
	cr_assert_eq(n, 0);
	free(held);
	cr_assert_eq(store_custody_get(fx.s, c.id + 1, &out, &e), 1);
}

Test(store, last_marked_is_the_latest_not_voided)
{
	struct err e = { 0 };
	struct incident out;
	int64_t v, a, b;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	v = version("DESK", "v=1;p=fine;f=500;w=month");
	a = add(fx_incident("E101", "DESK", "2026-03-02", 1000, v));
	b = add(fx_incident("E102", "DESK", "2026-03-01", 500, v));
	cr_assert_eq(store_commit(fx.s, &e), 0);
	/* b was made last, though its clock says earlier: the newest mark is
	 * the one made last (schema 8). */
	cr_assert_eq(store_last_marked(fx.s, "wangf", &out, &e), 0);
	cr_assert_eq(out.id, b);
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_incident_void(fx.s, b, "wangf", 2000, "undo", &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_last_marked(fx.s, "wangf", &out, &e), 0);
	cr_assert_eq(out.id, a);
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_incident_void(fx.s, a, "wangf", 2000, "undo", &e), 0);
	cr_assert_eq(store_commit(fx.s, &e), 0);
	cr_assert_eq(store_last_marked(fx.s, "wangf", &out, &e), 1,
	    "nothing of wangf's is left");
	cr_assert_eq(store_last_marked(fx.s, "nobody", &out, &e), 1);
}

Test(store, inspections_are_listed_once_per_seat)
{
	struct err e = { 0 };
	char (*seats)[STORE_ID];
	int n;

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	store_inspection_add(fx.s, "A02", "E102", "2026-03-02", 1000, "wangf", &e);
	store_inspection_add(fx.s, "A01", "E101", "2026-03-02", 1001, "wangf", &e);
	store_inspection_add(fx.s, "A02", "E102", "2026-03-02", 1002, "wangf", &e);
	store_inspection_add(fx.s, "A03", NULL, "2026-03-03", 1003, "wangf", &e);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_inspected(fx.s, "2026-03-02", &seats, &n, &e), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(seats[0], "A01");
	cr_assert_str_eq(seats[1], "A02");
	free(seats);
}

Test(store, data_version_moves_when_another_connection_writes)
{
	struct store *other = NULL;
	struct err e = { 0 };
	int64_t before;

	fx_open_store();
	cr_assert_eq(store_open(fx.db, 0, &other, &e), 0, "%s", e.msg);
	before = store_data_version(fx.s);
	cr_assert_eq(store_begin(other, &e), 0);
	cr_assert_eq(store_inspection_add(other, "A01", NULL, "2026-03-02", 1,
	    "wangf", &e), 0);
	cr_assert_eq(store_commit(other, &e), 0);
	/* PostgreSQL's notice comes by itself, a moment after the commit. */
	for (int i = 0; i < 300 && fx_pg() && store_data_version(fx.s) == before;
	    i++)
		usleep(10000);
	cr_assert_neq(store_data_version(fx.s), before, "the console would not "
	    "notice another's write");
	store_close(other);
}

/* A version 1 database (the attendance table's old UNIQUE, no void
 * columns) is brought to version 2 with its rows, and a voided sign-in no
 * longer blocks a corrected one. */
Test(store, a_version_1_database_is_migrated)
{
	struct store *s = NULL;
	struct err e = { 0 };
	struct att_mark m = { 0 };
	const char *p = in_dir("v1.db");
	char q[160];

	db_exec(p, "CREATE TABLE rule_version (id INTEGER PRIMARY KEY, code TEXT "
	    "NOT NULL, title TEXT NOT NULL, terms TEXT NOT NULL, first_seen "
	    "INTEGER NOT NULL, UNIQUE (code, title, terms));"
	    "CREATE TABLE incident (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, "
	    "rule_version INTEGER NOT NULL REFERENCES rule_version(id), staff "
	    "TEXT, grp TEXT NOT NULL, seat TEXT, at INTEGER NOT NULL, day TEXT "
	    "NOT NULL, offence INTEGER NOT NULL DEFAULT 0, amount INTEGER, note "
	    "TEXT, marked_by TEXT NOT NULL, marked_at INTEGER NOT NULL, voided_at "
	    "INTEGER, voided_by TEXT, void_reason TEXT);"
	    "CREATE TABLE fine (id INTEGER PRIMARY KEY, incident INTEGER NOT NULL "
	    "REFERENCES incident(id), staff TEXT, grp TEXT NOT NULL, role TEXT NOT "
	    "NULL, own INTEGER NOT NULL, amount INTEGER NOT NULL, doubled INTEGER "
	    "NOT NULL DEFAULT 0);"
	    "CREATE TABLE custody (id INTEGER PRIMARY KEY, incident INTEGER NOT "
	    "NULL REFERENCES incident(id), staff TEXT NOT NULL, seat TEXT, item "
	    "TEXT NOT NULL, taken_at INTEGER NOT NULL, kept_by TEXT NOT NULL, "
	    "returned_at INTEGER, returned_by TEXT);"
	    "INSERT INTO rule_version VALUES (1, 'DESK', 'Desk', 'v=1', 900);"
	    "INSERT INTO incident (rule, rule_version, staff, grp, seat, at, day, "
	    "offence, marked_by, marked_at) VALUES ('DESK', 1, 'E101', 'G1', "
	    "'A01', 900, '2026-03-02', 1, 'wangf', 950);"
	    "INSERT INTO fine (incident, staff, grp, role, own, amount) VALUES "
	    "(1, 'E101', 'G1', 'offender', 1, 500);"
	    "INSERT INTO custody (incident, staff, item, taken_at, kept_by) "
	    "VALUES (1, 'E101', 'phone', 900, 'wangf');"
	    "CREATE TABLE inspection (id INTEGER PRIMARY KEY, seat TEXT "
	    "NOT NULL, staff TEXT, day TEXT NOT NULL, at INTEGER NOT NULL, by "
	    "TEXT NOT NULL);"
	    "CREATE TABLE attendance (id INTEGER PRIMARY KEY, staff TEXT NOT "
	    "NULL, day TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('in', "
	    "'out')), at INTEGER NOT NULL, minutes INTEGER NOT NULL DEFAULT 0, "
	    "by TEXT NOT NULL, UNIQUE (staff, day, kind));"
	    "CREATE INDEX attendance_day ON attendance (day);"
	    "INSERT INTO attendance (staff, day, kind, at, minutes, by) VALUES "
	    "('E101', '2026-03-02', 'in', 1000, 25, 'wangf');"
	    "INSERT INTO inspection (seat, staff, day, at, by) VALUES ('A01', "
	    "'E101', '2026-03-02', 1000, 'wangf');"
	    "CREATE TABLE leave (id INTEGER PRIMARY KEY, staff TEXT NOT NULL, "
	    "from_day TEXT NOT NULL, to_day TEXT NOT NULL, kind TEXT NOT NULL, "
	    "via TEXT NOT NULL, requested_at INTEGER NOT NULL, approved_by TEXT, "
	    "valid INTEGER NOT NULL, why_invalid TEXT, form_at INTEGER, "
	    "recorded_by TEXT NOT NULL, recorded_at INTEGER NOT NULL);"
	    "INSERT INTO leave (staff, from_day, to_day, kind, via, requested_at, "
	    "approved_by, valid, recorded_by, recorded_at) VALUES ('E102', "
	    "'2026-03-03', '2026-03-04', 'sick', 'written', 900, 'root', 1, "
	    "'wangf', 950);"
	    "CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
	    "login TEXT NOT NULL, uid INTEGER NOT NULL, terminal TEXT NOT NULL, "
	    "ssh TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, "
	    "detail TEXT NOT NULL);"
	    "CREATE INDEX audit_at ON audit (at);"
	    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
	    "SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
	    "SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	    "INSERT INTO audit VALUES (1, 950, 'wangf', 1000, '/dev/pts/1', '-', "
	    "'leave', 'leave 1', 'sick, written');"
	    "PRAGMA user_version = 1;");
	snprintf(q, sizeof q, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
	db_exec(p, q);
	cr_assert_eq(store_open(p, 0, &s, &e), 0, "%s", e.msg);
	cr_assert_eq(db_int(p, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(db_int(p, "SELECT minutes FROM attendance WHERE staff = "
	    "'E101'"), 25, "the sign-in was not kept");
	cr_assert_eq(db_int(p, "SELECT count(*) FROM inspection WHERE voided_at "
	    "IS NULL"), 1);
	cr_assert_eq(db_int(p, "SELECT count(*) FROM explanation"), 0);
	cr_assert_eq(db_int(p, "SELECT approved_at FROM leave"), 950,
	    "a version 1 approval dates from its recording");
	cr_assert_eq(db_int(p, "SELECT count(*) FROM incident i JOIN fine f ON "
	    "f.incident = i.id JOIN custody c ON c.incident = i.id WHERE i.rule = "
	    "'DESK' AND i.staff = 'E101' AND i.day = '2026-03-02' AND i.marked_at "
	    "= 950 AND f.role = 'offender' AND f.amount = 500"), 1,
	    "the incident, its fine and custody read as they were");
	cr_assert_eq(db_int(p, "SELECT count(*) FROM audit WHERE id = 1 AND at = "
	    "950 AND login = 'wangf' AND uid = 1000 AND terminal = '/dev/pts/1' "
	    "AND ssh = '-' AND action = 'leave' AND object = 'leave 1' AND detail "
	    "= 'sick, written'"), 1, "the audit line reads as it was written");
	/* Still one live sign-in a day... */
	snprintf(m.staff, sizeof m.staff, "E101");
	snprintf(m.day, sizeof m.day, "2026-03-02");
	snprintf(m.by, sizeof m.by, "wangf");
	m.kind = ATT_IN;
	m.at = 2000;
	cr_assert_eq(store_begin(s, &e), 0);
	cr_assert_eq(store_att_add(s, &m, &e), 1, "a second live sign-in");
	/* ...but a voided one no longer blocks the corrected one. */
	cr_assert_eq(store_att_void(s, 1, "wangf", 3000, "wrong", &e), 0, "%s",
	    e.msg);
	cr_assert_eq(store_att_add(s, &m, &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(s, &e), 0, "%s", e.msg);
	cr_assert_eq(db_int(p, "SELECT count(*) FROM attendance"), 2);
	store_close(s);
}

/* ---- transactions nest, and a left-open one names where it began ---- */

static int
inspections(void)
{
	return (int)db_int(fx.db, "SELECT count(*) FROM inspection");
}

Test(store, an_inner_transaction_joins_the_outer_one)
{
	struct err e = { 0 };
	const char *file;
	int line = 0;

	fx_open_store();
	cr_assert_null(store_txn_where(fx.s, &line));
	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(fx.s, &e), 0, "an inner begin: %s", e.msg);
	cr_assert_eq(store_inspection_add(fx.s, "A01", "E101", "2026-03-02", 1,
	    "wangf", &e), 0, "%s", e.msg);
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	file = store_txn_where(fx.s, &line);
	cr_assert_not_null(file, "the outer transaction is still open");
	cr_assert(strstr(file, "test_store.c") != NULL, "began at %s", file);
	cr_assert_eq(inspections(), 0, "nothing visible before the outer commit");
	cr_assert_eq(store_commit(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(inspections(), 1);
	cr_assert_null(store_txn_where(fx.s, &line));
}

Test(store, an_inner_rollback_undoes_the_whole_write)
{
	struct err e = { 0 };

	fx_open_store();
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_inspection_add(fx.s, "A01", "E101", "2026-03-02", 1,
	    "wangf", &e), 0, "%s", e.msg);
	cr_assert_eq(store_begin(fx.s, &e), 0);
	store_rollback(fx.s);			/* the inner part failed */
	cr_assert_eq(store_commit(fx.s, &e), -1, "the outer must not commit");
	cr_assert(strstr(e.msg, "nothing was written") != NULL, "%s", e.msg);
	cr_assert_eq(inspections(), 0);
	cr_assert_eq(store_commit(fx.s, &e), -1, "no transaction is left");
}

Test(store, a_transaction_left_open_is_named_and_rolled_back,
    .init = cr_redirect_stderr)
{
	struct err e = { 0 };
	char want[200];
	int line;

	fx_open_store();
	line = __LINE__ + 1;
	cr_assert_eq(store_begin(fx.s, &e), 0);
	cr_assert_eq(store_inspection_add(fx.s, "A01", "E101", "2026-03-02", 1,
	    "wangf", &e), 0, "%s", e.msg);
	store_close(fx.s);
	fx.s = NULL;
	fflush(stderr);
	snprintf(want, sizeof want, "callfloor: internal error: the write "
	    "begun at %s:%d was never ended; it was rolled back\n", __FILE__, line);
	cr_assert_stderr_eq_str(want);
	cr_assert_eq(inspections(), 0);
}

/* A version 2 database (no carried totals, no meta, no partial indexes)
 * is brought to version 3 with its rows; its carried totals are left to
 * be settled by the first command that needs them. */
Test(store, a_version_2_database_is_migrated)
{
	struct store *s = NULL;
	struct err e = { 0 };

	FX_SQLITE_ONLY();
	fx_open_store();
	store_close(fx.s);
	fx.s = NULL;
	fx_back_to_v2();
	db_exec(fx.db, "INSERT INTO attendance (staff, day, kind, at, minutes, "
	    "by) VALUES ('E101', '2026-03-02', 'in', 1000, 25, 'wangf');");
	cr_assert_eq(store_open(fx.db, 0, &s, &e), 0, "%s", e.msg);
	cr_expect_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM attendance"), 1);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM att_carry"), 0);
	cr_expect_eq(db_int(fx.db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name IN ('meta', 'incident_voided', 'incident_marker')"), 3);
	store_close(s);
	/* Opened again, nothing more to do. */
	cr_assert_eq(store_open(fx.db, 0, &s, &e), 0, "%s", e.msg);
	store_close(s);
}
