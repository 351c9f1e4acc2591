/*
 * test_audit.c - the audit trail and the rulebook record: one line per
 * write inside the write's own transaction (none for a refused or rolled
 * back one), append-only tables, a rulebook recorded once per version, a
 * backup that is the live database, and the SHA-256 that names rulebooks.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../db/audit.h"
#include "../../db/store_internal.h"
#include "../../src/rulebook.h"
#include "../../src/sha256.h"
#include "helpers.h"

TestSuite(audit, .init = fx_small, .fini = fx_done);

static struct audit_row *rows;
static int nrows;

static int
lines(void)
{
	struct err e = { 0 };

	if (rows != NULL)
		audit_rows_free(rows, nrows);
	cr_assert_eq(store_audit_list(fx.s, INT64_MIN, INT64_MAX, &rows, &nrows,
	    &e), 0, "%s", e.msg);
	return nrows;
}

static int64_t
count(const char *q)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	cr_assert_eq(sqlite3_prepare_v2(store_sqlite(fx.s), q, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

Test(audit, a_mark_writes_the_rulebook_once_then_one_line_each)
{
	struct marked m = mark(&MGR, "E101", "SLEEP", NONE, NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(lines(), 2);
	cr_assert_str_eq(rows[0].action, "rulebook change");
	cr_assert_str_eq(rows[1].action, "mark");
	cr_assert_str_eq(rows[1].object, "incident 1");
	cr_assert_str_eq(rows[1].login, "root");
	cr_assert(strstr(rows[1].detail, "SLEEP on E101") != NULL, "%s",
	    rows[1].detail);
	m = mark(&MGR, "E102", "DESK", NONE, NULL, "2026-03-02 10:05");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(lines(), 3);
	cr_assert_eq(count("SELECT count(*) FROM rulebook"), 1);
}

Test(audit, a_refused_mark_leaves_no_line)
{
	struct marked m = mark(&LEAD, "E101", "SLEEP", NONE, NULL, "2026-03-02 10:00");

	cr_assert_eq(m.rc, -1);
	cr_assert_eq(lines(), 0);
}

Test(audit, a_line_goes_with_its_transaction)
{
	struct err e = { 0 };

	cr_assert_eq(store_begin(fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_audit_add(fx.s, "mark", "incident 9", "x", &e), 0,
	    "%s", e.msg);
	store_rollback(fx.s);
	cr_assert_eq(lines(), 0);
}

Test(audit, the_tables_are_append_only)
{
	struct marked m = mark(&MGR, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	sqlite3 *db = store_sqlite(fx.s);

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_neq(sqlite3_exec(db, "UPDATE audit SET login = 'x'", NULL, NULL,
	    NULL), SQLITE_OK);
	cr_assert(strstr(sqlite3_errmsg(db), "append-only") != NULL);
	cr_assert_neq(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL),
	    SQLITE_OK);
	cr_assert_neq(sqlite3_exec(db, "UPDATE rulebook SET rules = 0", NULL, NULL,
	    NULL), SQLITE_OK);
	cr_assert_neq(sqlite3_exec(db, "DELETE FROM rulebook", NULL, NULL, NULL),
	    SQLITE_OK);
	cr_assert_eq(lines(), 2);
}

Test(audit, a_changed_rulebook_is_a_new_record)
{
	char h1[SHA256_HEX], h2[SHA256_HEX];
	struct marked m = mark(&MGR, "E101", "DESK", NONE, NULL, "2026-03-02 10:00");
	int r = floor_rule_find(fx.f, "DESK");

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	rulebook_hash(fx.f, h1);
	fx.f->rules[r].t.fine += 100;
	rulebook_hash(fx.f, h2);
	cr_assert_str_neq(h1, h2);
	m = mark(&MGR, "E102", "DESK", NONE, NULL, "2026-03-02 10:05");
	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_eq(count("SELECT count(*) FROM rulebook"), 2);
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE action = "
	    "'rulebook change' AND detail LIKE '%replaces rulebook%'"), 1);
}

Test(audit, a_backup_is_the_live_database)
{
	struct heard h = { 0 };
	struct err e = { 0 };
	struct store *copy;
	struct incident *in;
	char path[192];
	int fd, n;

	cr_assert_eq(mark(&MGR, "E101", "DESK", NONE, NULL, "2026-03-02 10:00").rc, 0);
	cr_assert_eq(mark(&MGR, "E102", "SLEEP", NONE, NULL, "2026-03-02 10:05").rc, 0);
	snprintf(path, sizeof path, "%s/copy.db", fx.dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(store_backup_fd(fx.s, fd, hear, &h, &e), 0, "%s", e.msg);
	close(fd);
	/* Its progress: every page, from 0 up to all of them. */
	cr_assert_eq(h.first, 0);
	cr_assert_eq(h.total, db_int(fx.db, "PRAGMA page_count"));
	cr_assert_eq(h.last, h.total);
	cr_assert(!h.backwards);
	cr_assert_eq(store_open(path, STORE_READONLY | STORE_NOCREATE, &copy, &e),
	    0, "%s", e.msg);
	cr_assert_eq(store_incidents(copy, "2026-03-01", "2026-03-31", NULL, &in,
	    &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	free(in);
	store_close(copy);
}

Test(audit, sha256_names_content)
{
	char h[SHA256_HEX];

	sha256_hex("abc", 3, h);
	cr_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, h);
	cr_assert_str_eq(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
