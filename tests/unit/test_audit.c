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
	return db_int(fx.db, q);
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
	char msg[256];

	cr_assert_eq(m.rc, 0, "%s", m.e.msg);
	cr_assert_neq(db_try(fx.db, "UPDATE audit SET login = 'x'", msg,
	    sizeof msg), 0);
	cr_assert(strstr(msg, "append-only") != NULL, "%s", msg);
	cr_assert_neq(db_try(fx.db, "DELETE FROM audit", msg, sizeof msg), 0);
	cr_assert(strstr(msg, "append-only") != NULL, "%s", msg);
	cr_assert_neq(db_try(fx.db, "UPDATE rulebook SET rules = 0", msg,
	    sizeof msg), 0);
	cr_assert_neq(db_try(fx.db, "DELETE FROM rulebook", msg, sizeof msg), 0);
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

	FX_SQLITE_ONLY();
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

/* ---- schema 7: the trail stored compactly reads back as written ---- */

static const struct {
	const char *action, *object, *detail;
} odd[] = {
	{ "mark", "incident 12", "SLEEP on E101 seat A01 at 2026-03-02 10:00, "
	    "offence 2; fines: E101 offender 10.00, D001 director 10.00" },
	{ "mark", "incident 012", "a leading zero stays" },
	{ "mark", "incident -3", "a sign stays" },
	{ "inspection", "seat A01", "desk found in order" },
	{ "rulebook change", "rulebook 3fa9c2d10b7e", "30 rules" },
	{ "verify repair", "", "" },
	{ "close", "month", "no id" },
	{ "note", "two  spaces", "\x01 a code byte of its own \x7f" },
	{ "note", "staff 李娜", "\x7fstarts with the mark; 中文 at 20 on " },
	{ "return", "custody 99999999999999999999", " handed back (taken with "
	    "incident 5) reason: undone at console .00, .00 on " },
};
#define NODD (int)(sizeof odd / sizeof odd[0])

static void
expect_odd_lines(int first)
{
	int i;

	cr_assert_eq(lines(), first + NODD);
	for (i = 0; i < NODD; i++) {
		const struct audit_row *r = &rows[first + i];

		cr_expect_str_eq(r->action, odd[i].action);
		cr_expect_str_eq(r->object, odd[i].object);
		cr_expect_str_eq(r->detail, odd[i].detail);
		cr_expect_str_eq(r->login, "root");
		cr_expect_str_eq(r->terminal, "/dev/pts/7");
		cr_expect_str_eq(r->ssh, "10.0.0.8 52100 22");
	}
}

Test(audit, every_line_reads_back_exactly_as_written)
{
	struct err e = { 0 };
	char msg[256];
	int i;

	store_audit_who("root", 0, "/dev/pts/7", "10.0.0.8 52100 22");
	for (i = 0; i < NODD; i++)
		cr_assert_eq(store_audit_add(fx.s, odd[i].action, odd[i].object,
		    odd[i].detail, &e), 0, "%s", e.msg);
	expect_odd_lines(0);
	/* One who, the words once each, the mark's detail shorter. */
	cr_expect_eq(count("SELECT count(*) FROM audit_who"), 1);
	cr_expect_eq(count("SELECT count(*) FROM audit_word WHERE word = 'mark'"),
	    1);
	cr_expect_lt(count("SELECT length(detail) FROM audit_line WHERE id = 1"),
	    (int64_t)strlen(odd[0].detail) / 2 + 10);
	if (!fx_pg())	/* PostgreSQL's ref column is text */
		cr_expect_eq(count("SELECT typeof(ref) = 'integer' FROM audit_line "
		    "WHERE id = 1"), 1);
	/* Nothing behind the view can be edited or removed either. */
	cr_assert_neq(db_try(fx.db, "UPDATE audit_line SET at = 0", msg,
	    sizeof msg), 0);
	cr_assert(strstr(msg, "append-only") != NULL, "%s", msg);
	cr_assert_neq(db_try(fx.db, "DELETE FROM audit_who", msg, sizeof msg), 0);
	cr_assert_neq(db_try(fx.db, "UPDATE audit_word SET word = 'x'", msg,
	    sizeof msg), 0);
	cr_assert_neq(db_try(fx.db, "INSERT INTO audit (id, at, login, uid, "
	    "terminal, ssh, action, object, detail) VALUES (99, 0, 'b', 0, '-', "
	    "'-', 'x', 'x', 'x')", msg, sizeof msg), 0);
	cr_expect_eq(lines(), NODD);
}

/* A schema 6 trail, lines of every shape, is migrated line for line. */
Test(audit, step_7_migrates_a_schema_6_trail_line_for_line)
{
	struct err e = { 0 };
	int i;

	FX_SQLITE_ONLY();
	store_audit_who("root", 0, "/dev/pts/7", "10.0.0.8 52100 22");
	for (i = 0; i < NODD; i++)
		cr_assert_eq(store_audit_add(fx.s, odd[i].action, odd[i].object,
		    odd[i].detail, &e), 0, "%s", e.msg);
	store_close(fx.s);
	fx.s = NULL;
	fx_back_to_v2();
	cr_assert_eq(db_int(fx.db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name = 'audit' AND type = 'table'"), 1, "the old table is back");
	cr_assert_eq(store_open(fx.db, 0, &fx.s, &e), 0, "%s", e.msg);
	cr_assert_eq(db_int(fx.db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	expect_odd_lines(0);
	cr_expect_eq(count("SELECT count(*) FROM audit_who"), 1);
	/* New lines go on after the old ones. */
	cr_assert_eq(mark(&MGR, "E101", "DESK", NONE, NULL, "2026-03-02 10:00").rc,
	    0);
	cr_expect_eq(lines(), NODD + 2, "a rulebook line and the mark");
	cr_expect_str_eq(rows[NODD + 1].object, "incident 1");
}

/* Read by time (schema 8: through the trail's lines by the hour, not an
 * index on each line): a span gives each line of its time and no other,
 * in id order, whatever order the clock gave the lines in; and the hours
 * can only be widened. */
Test(audit, a_span_of_time_reads_exactly_its_lines)
{
	/* Out of order: the clock stepped back, twice, across hours. */
	static const int64_t at[] = { 7200, 7300, 3600, 10799, 10800, 3599,
		50000, 7250, 3600 };
	static const int64_t span[][2] = { { 0, 3599 }, { 3600, 3600 },
		{ 3600, 7299 }, { 7200, 7200 }, { 7201, 10800 }, { 3599, 50000 },
		{ 10801, 49999 }, { 0, 60000 }, { 50001, 60000 } };
	struct err e = { 0 };
	char q[512], msg[256];
	size_t i, k;

	store_audit_who("root", 0, "-", "-");
	cr_assert_eq(store_audit_add(fx.s, "mark", "incident 1", "now", &e), 0,
	    "%s", e.msg);
	for (i = 0; i < sizeof at / sizeof at[0]; i++) {
		snprintf(q, sizeof q, "INSERT INTO audit_line (at, who, action, "
		    "kind, ref, detail) SELECT %lld, who, action, kind, ref, 'x' "
		    "FROM audit_line WHERE id = (SELECT min(id) FROM audit_line)",
		    (long long)at[i]);
		db_exec(fx.db, q);
	}
	for (k = 0; k < sizeof span / sizeof span[0]; k++) {
		int want = 0, j;

		for (i = 0; i < sizeof at / sizeof at[0]; i++)
			want += at[i] >= span[k][0] && at[i] <= span[k][1];
		if (rows != NULL)
			audit_rows_free(rows, nrows);
		cr_assert_eq(store_audit_list(fx.s, span[k][0], span[k][1], &rows,
		    &nrows, &e), 0, "%s", e.msg);
		cr_expect_eq(nrows, want, "%lld ... %lld: %d lines, not %d",
		    (long long)span[k][0], (long long)span[k][1], nrows, want);
		for (j = 0; j < nrows; j++) {
			cr_expect(rows[j].at >= span[k][0] && rows[j].at <= span[k][1]);
			cr_expect(j == 0 || rows[j].id > rows[j - 1].id);
		}
	}
	cr_expect_eq(lines(), (int)(sizeof at / sizeof at[0]) + 1);
	cr_assert_neq(db_try(fx.db, "DELETE FROM audit_hour", msg, sizeof msg),
	    0, "an hour was removed");
	cr_assert(strstr(msg, "append-only") != NULL, "%s", msg);
	cr_assert_neq(db_try(fx.db, "UPDATE audit_hour SET lo = hi", msg,
	    sizeof msg), 0, "an hour was narrowed");
	cr_assert(strstr(msg, "append-only") != NULL, "%s", msg);
	cr_expect_eq(lines(), (int)(sizeof at / sizeof at[0]) + 1);
}
