/*
 * test_complaint.c - rule B14's register in the engine and the store: the
 * one phone masking, phone checks, ages, who may forward, close and purge,
 * all-or-none forwarding, and a version 2 database migrated to the
 * register's schema with its rows kept.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../src/complaint.h"
#include "helpers.h"

TestSuite(complaint, .init = fx_small, .fini = fx_done);

static const char *
shown(const char *phone, enum urole role)
{
	static char out[COMPLAINT_PHONE];

	complaint_phone_show(phone, role, out, sizeof out);
	return out;
}

Test(complaint, phones_are_masked_for_everyone_but_managers)
{
	cr_assert_str_eq(shown("13812345678", UROLE_LEAD), "138****5678");
	cr_assert_str_eq(shown("13812345678", UROLE_SUPERVISOR), "138****5678");
	cr_assert_str_eq(shown("13812345678", UROLE_DIRECTOR), "138****5678");
	cr_assert_str_eq(shown("13812345678", UROLE_MANAGER), "13812345678");
	cr_assert_str_eq(shown("12345678", UROLE_LEAD), "123*5678");
	cr_assert_str_eq(shown("1234567", UROLE_LEAD), "*****67");
	cr_assert_str_eq(shown("110", UROLE_LEAD), "*10");
	cr_assert_str_eq(shown("+8613812345678", UROLE_LEAD), "+861******5678");
	cr_assert_str_eq(shown("", UROLE_LEAD), "");
}

Test(complaint, phones_are_digits_with_spaces_and_dashes_dropped)
{
	char out[COMPLAINT_PHONE];
	struct err e = { 0 };

	cr_assert_eq(complaint_phone_norm("138-1234 5678", out, &e), 0);
	cr_assert_str_eq(out, "13812345678");
	cr_assert_eq(complaint_phone_norm("+86 138 1234 5678", out, &e), 0);
	cr_assert_str_eq(out, "+8613812345678");
	cr_assert_eq(complaint_phone_norm("138abc", out, &e), -1);
	cr_assert(strstr(e.msg, "'138abc' is not a number") != NULL, "%s", e.msg);
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(complaint_phone_norm("12+3", out, &e), -1);
	cr_assert_eq(complaint_phone_norm("--", out, &e), -1);
	cr_assert_eq(complaint_phone_norm("12345678901234567890", out, &e), 0);
	cr_assert_eq(complaint_phone_norm("123456789012345678901", out, &e), -1);
	cr_assert(strstr(e.msg, "too long") != NULL, "%s", e.msg);
}

Test(complaint, age_counts_whole_days_across_months_and_years)
{
	cr_assert_eq(complaint_age("2026-11-02", "2026-11-02"), 0);
	cr_assert_eq(complaint_age("2026-10-30", "2026-11-02"), 3);
	cr_assert_eq(complaint_age("2027-12-31", "2028-03-01"), 61);	/* leap */
}

static int64_t
add(const struct actor *a, const char *staff, const char *caller,
    const char *phone, struct err *e)
{
	struct complaint_req r = { floor_staff_find(fx.f, staff),
	    CKIND_COMPLAINT, caller, phone, "客服态度差", 0 };
	int64_t id = 0;

	r.at = clock_now();
	if (complaint_add(fx.f, fx.s, a, &r, &id, e) < 0)
		return -1;
	return id;
}

Test(complaint, an_entry_is_added_forwarded_and_closed_by_the_right_roles)
{
	struct actor dira = SUP, dirb = SUP;
	struct complaint c;
	struct err e = { 0 };
	int64_t ids[2];

	set_now("2026-11-02 10:00");
	dira.role = dirb.role = UROLE_DIRECTOR;
	dira.staff = floor_staff_find(fx.f, "D001");
	dirb.staff = floor_staff_find(fx.f, "D003");
	cr_assert_eq(add(&LEAD, "E101", "张女士", "", &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	ids[0] = add(&SUP, "E101", "张女士", "13812345678", &e);
	ids[1] = add(&SUP, "E201", "Mr Wu", NULL, &e);
	cr_assert(ids[0] > 0 && ids[1] > 0, "%s", e.msg);
	cr_assert_eq(count_rows("complaint"), 2);

	/* Group B's director may not forward A's entry: neither is forwarded. */
	cr_assert_eq(complaint_forward(fx.f, fx.s, &dirb, ids, 2, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM complaint WHERE "
	    "forwarded_at IS NOT NULL"), 0, "a refused forward wrote");
	cr_assert_eq(complaint_forward(fx.f, fx.s, &SUP, ids, 1, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(complaint_forward(fx.f, fx.s, &dira, ids, 1, &e), 0, "%s",
	    e.msg);
	cr_assert_eq(complaint_forward(fx.f, fx.s, &MGR, ids + 1, 1, &e), 0);
	cr_assert_eq(store_complaint_get(fx.s, ids[0], &c, &e), 0);
	cr_assert_str_eq(complaint_state(&c), "forwarded");

	cr_assert_eq(complaint_close(fx.f, fx.s, &dira, ids[0], "done", &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(complaint_close(fx.f, fx.s, &MGR, ids[0], "", &e), -1);
	cr_assert_eq(e.code, EXIT_USAGE);
	cr_assert_eq(complaint_close(fx.f, fx.s, &MGR, ids[0], "已道歉", &e), 0);
	cr_assert_eq(store_complaint_get(fx.s, ids[0], &c, &e), 0);
	cr_assert_str_eq(complaint_state(&c), "closed");
	cr_assert_str_eq(c.outcome, "已道歉");
	cr_assert_str_eq(c.caller, "张女士", "closing keeps the caller");
	/* Five writes (two adds, two forwards, a close), five audit lines,
	 * none naming the caller. */
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE object "
	    "LIKE 'complaint %'"), 5);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE detail "
	    "LIKE '%张女士%' OR detail LIKE '%5678%'"), 0);
}

Test(complaint, purge_forgets_only_callers_of_entries_closed_long_ago)
{
	struct err e = { 0 };
	int64_t open, closed_old, closed_new;
	int n = -1;

	set_now("2026-01-05 10:00");
	open = add(&SUP, "E101", "甲", "13800000001", &e);
	closed_old = add(&SUP, "E102", "乙", "13800000002", &e);
	cr_assert_eq(complaint_close(fx.f, fx.s, &MGR, closed_old, "ok", &e), 0);
	set_now("2026-06-01 10:00");
	closed_new = add(&SUP, "E103", "丙", "13800000003", &e);
	cr_assert_eq(complaint_close(fx.f, fx.s, &MGR, closed_new, "ok", &e), 0);

	set_now("2026-07-05 10:00");	/* 181 days after the first close */
	cr_assert_eq(complaint_purge(fx.f, fx.s, &SUP, clock_now(), &n, &e), -1);
	cr_assert_eq(e.code, EXIT_REFUSED);
	cr_assert_eq(complaint_purge(fx.f, fx.s, &MGR, clock_now(), &n, &e), 0,
	    "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM complaint WHERE caller "
	    "IS NULL AND phone IS NULL AND outcome = 'ok'"), 1);
	cr_assert_eq(db_int(fx.db, "SELECT id FROM complaint WHERE caller IS "
	    "NULL"), closed_old);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM audit WHERE action = "
	    "'purge'"), 1);
	(void)open;
	/* Again: nothing more to purge. */
	cr_assert_eq(complaint_purge(fx.f, fx.s, &MGR, clock_now(), &n, &e), 0);
	cr_assert_eq(n, 0);
}

/* A version 2 database (the schema before the register) is brought to
 * this version with its rows kept, and takes register entries. */
Test(complaint, a_version_2_database_is_migrated)
{
	struct err e = { 0 };
	struct marked m;
	int64_t id;

	FX_SQLITE_ONLY();
	m = mark(&SUP, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	cr_assert_eq(m.rc, 0);
	store_close(fx.s);
	fx.s = NULL;
	fx_back_to_v2();
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name = 'complaint'"), 0);
	cr_assert_eq(store_open(fx.db, 0, &fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM incident"), 1,
	    "the incident was not kept");
	id = add(&SUP, "E101", "张女士", "13812345678", &e);
	cr_assert(id > 0, "%s", e.msg);
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name IN ('complaint_day', 'complaint_open')"), 2);
}
