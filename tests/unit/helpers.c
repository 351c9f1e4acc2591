/*
 * helpers.c - fixtures for the Criterion suites (see helpers.h).  Every test
 * gets its own folder under /tmp and its own database; fx_done removes both.
 * The row counts read the database file directly with SQLite, on purpose:
 * "nothing was written" must not be judged by the store's own queries.
 *
 * With CF_TEST_PG set to the socket folder of a throwaway PostgreSQL
 * cluster (tests/pg.sh), each test gets a fresh PostgreSQL database there
 * instead (owned by the role callfloor, which the store connects as), and
 * the row counts read it as the cluster's superuser, past row security.
 */
#include "helpers.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct fx fx;

static void pg_admin(const char *db, const char *q, int64_t *v);

const struct actor MGR = { .login = "root", .role = UROLE_MANAGER, .staff = -1 };
const struct actor SUP = { .login = "wangf", .role = UROLE_SUPERVISOR, .staff = -1 };
const struct actor SUP2 = { .login = "zhoum", .role = UROLE_SUPERVISOR, .staff = -1 };
const struct actor LEAD = { .login = "lead1", .role = UROLE_LEAD, .staff = -1 };

const char small_floor_text[] =
    "floor = {\n"
    "  id = \"small\";\n"
    "  name = \"Test Floor\";\n"
    "  currency = \"¥\";\n"
    "  timezone = \"Asia/Shanghai\";\n"
    "  shift = { start = \"09:00\"; end = \"18:00\"; };\n"
    "  layout = [ \"A01 A02 A03 . B01 B02\",\n"
    "             \"A04 A05 A06 . B03 B04\" ];\n"
    "};\n"
    "groups = (\n"
    "  { id = \"A\"; name = \"Group A\"; director = \"D001\"; deputy = \"D002\"; supervisor = \"S001\"; },\n"
    "  { id = \"B\"; name = \"Group B\"; director = \"D003\"; supervisor = \"S001\"; }\n"
    ");\n"
    "staff = (\n"
    "  { id = \"E101\"; name = \"李娜\"; group = \"A\"; seat = \"A01\"; },\n"
    "  { id = \"E102\"; name = \"张伟\"; group = \"A\"; seat = \"A02\"; },\n"
    "  { id = \"E103\"; name = \"欧阳志远\"; group = \"A\"; seat = \"A03\"; },\n"
    "  { id = \"E104\"; name = \"Tom Lee\"; group = \"A\"; seat = \"A04\"; },\n"
    "  { id = \"E105\"; name = \"刘洋\"; group = \"A\"; seat = \"A05\"; },\n"
    "  { id = \"E201\"; name = \"陈静\"; group = \"B\"; seat = \"B01\"; },\n"
    "  { id = \"E202\"; name = \"Anna Schmidt\"; group = \"B\"; seat = \"B02\"; },\n"
    "  { id = \"E203\"; name = \"王强\"; group = \"B\"; seat = \"B03\"; },\n"
    "  { id = \"D001\"; name = \"王芳\"; group = \"A\"; },\n"
    "  { id = \"D002\"; name = \"赵磊\"; group = \"A\"; },\n"
    "  { id = \"D003\"; name = \"孙丽\"; group = \"B\"; },\n"
    "  { id = \"S001\"; name = \"周敏\"; group = \"A\"; }\n"
    ");\n"
    "users = (\n"
    "  { login = \"root\"; role = \"manager\"; },\n"
    "  { login = \"wangf\"; role = \"supervisor\"; staff = \"S001\"; },\n"
    "  { login = \"lead1\"; role = \"lead\"; }\n"
    ");\n";

static char written[16][160];
static int nwritten;

void
fx_dir(void)
{
	memset(&fx, 0, sizeof fx);
	nwritten = 0;
	snprintf(fx.dir, sizeof fx.dir, "/tmp/cfunit.XXXXXX");
	cr_assert_not_null(mkdtemp(fx.dir), "mkdtemp");
	snprintf(fx.db, sizeof fx.db, "%s/floor.db", fx.dir);
	unsetenv("CALLFLOOR_NOW");
	if (fx_pg()) {
		static int made;
		char q[128];

		snprintf(fx.pgname, sizeof fx.pgname, "cfu_%ld_%d", (long)getpid(),
		    ++made);
		snprintf(q, sizeof q, "CREATE DATABASE %s OWNER callfloor",
		    fx.pgname);
		pg_admin("postgres", q, NULL);
		snprintf(fx.db, sizeof fx.db, "postgresql://callfloor@/%s?host=%s",
		    fx.pgname, getenv("CF_TEST_PG"));
	}
}

bool
fx_pg(void)
{
	const char *h = getenv("CF_TEST_PG");

	return h != NULL && h[0] != '\0';
}

/* Runs q as the cluster's superuser in database db; the first value of
 * its first row into *v when v is not NULL. */
static void
pg_admin(const char *db, const char *q, int64_t *v)
{
	char info[256];
	PGconn *c;
	PGresult *r;

	snprintf(info, sizeof info, "host=%s user=postgres dbname=%s",
	    getenv("CF_TEST_PG"), db);
	c = PQconnectdb(info);
	cr_assert_eq(PQstatus(c), CONNECTION_OK, "%s", PQerrorMessage(c));
	/* The view `audit` reads as its owner, whom row security binds. */
	PQclear(PQexec(c, "SET callfloor.floor = 'default'"));
	r = PQexec(c, q);
	cr_assert(PQresultStatus(r) == PGRES_TUPLES_OK ||
	    PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", q,
	    PQresultErrorMessage(r));
	if (v != NULL)
		*v = PQntuples(r) > 0 ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : -1;
	PQclear(r);
	PQfinish(c);
}

int
db_try(const char *path, const char *q, char *msg, size_t n)
{
	int rc;

	msg[0] = '\0';
	if (store_is_remote(path)) {
		PGconn *c = PQconnectdb(path);
		PGresult *r;

		cr_assert_eq(PQstatus(c), CONNECTION_OK, "%s", PQerrorMessage(c));
		PQclear(PQexec(c, "SELECT set_config('callfloor.floor', 'default', "
		    "false)"));
		r = PQexec(c, q);
		rc = PQresultStatus(r) == PGRES_COMMAND_OK ||
		    PQresultStatus(r) == PGRES_TUPLES_OK ? 0 : -1;
		snprintf(msg, n, "%s", PQresultErrorMessage(r));
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db;
		char *m = NULL;

		cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK, "open %s", path);
		rc = sqlite3_exec(db, q, NULL, NULL, &m) == SQLITE_OK ? 0 : -1;
		snprintf(msg, n, "%s", m ? m : "");
		sqlite3_free(m);
		sqlite3_close(db);
	}
	return rc;
}

void
fx_small(void)
{
	char link[128], cfg[4096];
	struct buf errs = { 0 };

	fx_dir();
	snprintf(link, sizeof link, "%s/rules.cfg", fx.dir);
	cr_assert_eq(symlink(SRCDIR "/conf/rules.cfg", link), 0, "symlink");
	snprintf(cfg, sizeof cfg, "%s@include \"rules.cfg\"\n", small_floor_text);
	fx.f = fx_load("floor.cfg", cfg, &errs);
	cr_assert_not_null(fx.f, "the small floor does not load:\n%s",
	    errs.s ? errs.s : "");
	buf_free(&errs);
	fx_open_store();
	set_now("2026-03-02 10:00");
}

struct incident
fx_incident(const char *staff, const char *rule, const char *day, int64_t t,
    int64_t version)
{
	struct incident in;

	memset(&in, 0, sizeof in);
	snprintf(in.rule, sizeof in.rule, "%s", rule);
	snprintf(in.staff, sizeof in.staff, "%s", staff);
	snprintf(in.grp, sizeof in.grp, "A");
	snprintf(in.day, sizeof in.day, "%s", day);
	snprintf(in.marked_by, sizeof in.marked_by, "wangf");
	in.rule_version = version;
	in.at = t;
	in.marked_at = t;
	in.amount = -1;
	return in;
}

void
fx_open_store(void)
{
	struct err e = { 0 };

	if (fx.s != NULL)
		return;
	cr_assert_eq(store_open(fx.db, 0, &fx.s, &e), 0, "store_open: %s", e.msg);
}

/* Removes the test's folder and whatever the test left in it (flat). */
void
fx_done(void)
{
	char path[320];
	struct dirent *de;
	DIR *d;

	store_close(fx.s);
	fx.s = NULL;
	floor_free(fx.f);
	fx.f = NULL;
	if (fx.pgname[0] != '\0') {
		char q[128];

		snprintf(q, sizeof q, "DROP DATABASE %s WITH (FORCE)", fx.pgname);
		pg_admin("postgres", q, NULL);
		fx.pgname[0] = '\0';
	}
	if (fx.dir[0] == '\0' || (d = opendir(fx.dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
			snprintf(path, sizeof path, "%s/%s", fx.dir, de->d_name);
			if (unlink(path) < 0)
				rmdir(path);
		}
	closedir(d);
	rmdir(fx.dir);
}

const char *
fx_write(const char *name, const char *text)
{
	char *path = written[nwritten];
	FILE *fp;

	cr_assert_lt(nwritten, 16);
	snprintf(path, sizeof written[0], "%s/%s", fx.dir, name);
	fp = fopen(path, "w");
	cr_assert_not_null(fp, "cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	nwritten++;
	return path;
}

struct floor *
fx_load(const char *name, const char *text, struct buf *errs)
{
	struct floor *f = floor_load(fx_write(name, text), errs);

	if (f != NULL)
		clock_use_floor(f);
	return f;
}

void
fx_use(struct floor *f)
{
	if (fx.f != f)
		floor_free(fx.f);
	fx.f = f;
	clock_use_floor(f);
}

time_t
at(const char *local)
{
	time_t t;

	cr_assert_eq(clock_parse_local(local, &t), 0, "bad time '%s'", local);
	return t;
}

void
set_now(const char *local)
{
	char v[32];

	snprintf(v, sizeof v, "%lld", (long long)at(local));
	setenv("CALLFLOOR_NOW", v, 1);
}

static struct marked
do_mark(const struct actor *a, const char *staff, const char *grp,
    const char *rule, fen_t amount, const char *note, const char *when,
    const char *now)
{
	struct marked m;
	struct mark_req r = { 0 };
	struct mark_result res;

	memset(&m, 0, sizeof m);
	r.rule = floor_rule_find(fx.f, rule);
	cr_assert_geq(r.rule, 0, "no rule %s in the rulebook", rule);
	r.staff = staff ? floor_staff_find(fx.f, staff) : -1;
	cr_assert(staff == NULL || r.staff >= 0, "no staff %s", staff);
	r.group = grp ? floor_group_find(fx.f, grp) : -1;
	cr_assert(grp == NULL || r.group >= 0, "no group %s", grp);
	r.amount = amount;
	r.note = note;
	set_now(now ? now : when);
	r.at = at(when);
	r.at_given = now != NULL;
	m.rc = engine_mark(fx.f, fx.s, a, &r, &res, &m.e);
	if (m.rc == 0) {
		cr_assert_leq(res.nfines, MAX_FINES);
		m.in = res.in;
		m.nfines = res.nfines;
		if (res.nfines > 0)	/* res.fines is NULL when there are none */
			memcpy(m.fines, res.fines, (size_t)res.nfines *
			    sizeof *res.fines);
		m.custody = res.custody;
		mark_result_free(&res);
	}
	return m;
}

struct marked
mark(const struct actor *a, const char *staff, const char *rule, fen_t amount,
    const char *note, const char *when)
{
	return do_mark(a, staff, NULL, rule, amount, note, when, NULL);
}

struct marked
mark_group(const struct actor *a, const char *grp, const char *rule,
    const char *when)
{
	return do_mark(a, NULL, grp, rule, NONE, NULL, when, NULL);
}

struct marked
mark_back(const struct actor *a, const char *staff, const char *rule,
    fen_t amount, const char *when, const char *now)
{
	return do_mark(a, staff, NULL, rule, amount, NULL, when, now);
}

fen_t
paid(const struct marked *m, const char *staff)
{
	fen_t sum = 0;
	int i;

	for (i = 0; i < m->nfines; i++)
		if (strcmp(m->fines[i].staff, staff) == 0)
			sum += m->fines[i].amount;
	return sum;
}

int
rows_for(const struct marked *m, const char *staff)
{
	int i, n = 0;

	for (i = 0; i < m->nfines; i++)
		n += strcmp(m->fines[i].staff, staff) == 0;
	return n;
}

fen_t
own_of(const struct marked *m)
{
	int i;

	for (i = 0; i < m->nfines; i++)
		if (m->fines[i].own)
			return m->fines[i].amount;
	return -1;
}

fen_t
stored_own(int64_t incident)
{
	struct fine_row *rows;
	struct err e = { 0 };
	fen_t own = -1;
	int n, i;

	cr_assert_eq(store_fines_of(fx.s, incident, &rows, &n, &e), 0, "%s", e.msg);
	for (i = 0; i < n; i++)
		if (rows[i].own)
			own = rows[i].amount;
	free(rows);
	return own;
}

int
stored_offence(int64_t incident)
{
	struct incident in;
	struct err e = { 0 };

	cr_assert_eq(store_incident_get(fx.s, incident, &in, &e), 0,
	    "incident %lld: %s", (long long)incident, e.msg);
	return in.offence;
}

static void
ledger_of(const char *staff, fen_t *own, fen_t *co)
{
	struct ledger_row *rows;
	struct err e = { 0 };
	int n, i;

	*own = *co = 0;
	cr_assert_eq(ledger_fines(fx.f, fx.s, "0000-01-01", "9999-12-31", NULL,
	    &rows, &n, &e), 0, "ledger_fines: %s", e.msg);
	for (i = 0; i < n; i++)
		if (staff == NULL || strcmp(rows[i].staff_id, staff) == 0) {
			*own += rows[i].own;
			*co += rows[i].co;
		}
	free(rows);
}

fen_t
total_of(const char *staff)
{
	fen_t own, co;

	ledger_of(staff, &own, &co);
	return own + co;
}

fen_t
own_total(const char *staff)
{
	fen_t own, co;

	ledger_of(staff, &own, &co);
	return own;
}

fen_t
co_total(const char *staff)
{
	fen_t own, co;

	ledger_of(staff, &own, &co);
	return co;
}

fen_t
ledger_sum(void)
{
	return total_of(NULL);
}

int64_t
db_int(const char *path, const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	if (store_is_remote(path)) {
		pg_admin(fx.pgname, q, &v);
		return v;
	}
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	    SQLITE_OK, "open %s", path);
	cr_assert_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK,
	    "%s: %s", q, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static int64_t
query_int(const char *q)
{
	return db_int(fx.db, q);
}

void
db_exec(const char *path, const char *q)
{
	sqlite3 *db;
	char *msg = NULL;

	if (store_is_remote(path)) {
		pg_admin(fx.pgname, q, NULL);
		return;
	}
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK, "open %s", path);
	cr_assert_eq(sqlite3_exec(db, q, NULL, NULL, &msg), SQLITE_OK, "%s: %s",
	    q, msg ? msg : "?");
	sqlite3_close(db);
}

fen_t
fine_rows_sum(void)
{
	return query_int("SELECT coalesce(sum(f.amount), 0) FROM fine f JOIN "
	    "incident i ON i.id = f.incident WHERE i.voided_at IS NULL AND "
	    "f.staff IS NOT NULL");
}

int
count_rows(const char *table)
{
	char q[128];

	snprintf(q, sizeof q, "SELECT count(*) FROM %s", table);
	return (int)query_int(q);
}

int
void_as(const struct actor *a, int64_t id, const char *reason, struct err *e)
{
	return engine_void(fx.f, fx.s, a, id, reason, e);
}

void
fx_back_to_v7(void)
{
	/* Step 8: incidents and fines as tables of text again, under the
	 * names the tables naming them (custody, complaint, appeal) use. */
	db_exec(fx.db, "CREATE TABLE incident_v7 (id INTEGER PRIMARY KEY,"
	    "  rule TEXT NOT NULL, rule_version INTEGER NOT NULL REFERENCES"
	    "  rule_version(id), staff TEXT, grp TEXT NOT NULL, seat TEXT,"
	    "  at INTEGER NOT NULL, day TEXT NOT NULL, offence INTEGER NOT NULL"
	    "  DEFAULT 0, amount INTEGER, note TEXT, marked_by TEXT NOT NULL,"
	    "  marked_at INTEGER NOT NULL, voided_at INTEGER, voided_by TEXT,"
	    "  void_reason TEXT,"
	    "  CHECK (voided_at IS NULL OR void_reason IS NOT NULL));"
	    "INSERT INTO incident_v7 SELECT id, rule, rule_version, staff, grp,"
	    "  seat, at, day, offence, amount, note, marked_by, marked_at,"
	    "  voided_at, voided_by, void_reason FROM incident;"
	    "CREATE TABLE fine_v7 (id INTEGER PRIMARY KEY, incident INTEGER NOT"
	    "  NULL REFERENCES incident(id), staff TEXT, grp TEXT NOT NULL,"
	    "  role TEXT NOT NULL, own INTEGER NOT NULL, amount INTEGER NOT NULL"
	    "  CHECK (amount >= 0), doubled INTEGER NOT NULL DEFAULT 0);"
	    "INSERT INTO fine_v7 SELECT * FROM fine;"
	    "DROP VIEW incident; DROP VIEW fine;"
	    "ALTER TABLE incident_row RENAME TO incident;"
	    "ALTER TABLE fine_row RENAME TO fine;"
	    "DROP TABLE fine; DROP TABLE incident; DROP TABLE name;"
	    "ALTER TABLE incident_v7 RENAME TO incident;"
	    "ALTER TABLE fine_v7 RENAME TO fine;"
	    "CREATE INDEX incident_offender ON incident (staff, rule, day);"
	    "CREATE INDEX incident_day ON incident (day);"
	    "CREATE INDEX incident_rule ON incident (rule, day);"
	    "CREATE INDEX incident_voided ON incident (voided_at)"
	    "  WHERE voided_at IS NOT NULL;"
	    "CREATE INDEX incident_marker ON incident (marked_by, marked_at)"
	    "  WHERE voided_at IS NULL;"
	    "CREATE INDEX fine_incident ON fine (incident);"
	    "DROP TRIGGER audit_hour_add; DROP TABLE audit_hour;"
	    "CREATE INDEX audit_at ON audit_line (at);"
	    "PRAGMA user_version = 7;");
}

void
fx_back_to_v2(void)
{
	fx_back_to_v7();
	db_exec(fx.db, "DROP TABLE IF EXISTS att_carry;"	/* step 3 */
	    "DROP TABLE IF EXISTS meta;"
	    "DROP INDEX IF EXISTS incident_voided;"
	    "DROP INDEX IF EXISTS incident_marker;"
	    "DROP TABLE IF EXISTS complaint;"			/* step 4 */
	    "DROP TABLE IF EXISTS adjustment;"			/* step 5 */
	    "DROP TABLE IF EXISTS appeal;"
	    "DROP TABLE IF EXISTS closed_month;"
	    "DROP TABLE IF EXISTS away;"			/* step 6 */
	    /* step 7: the audit trail as one table again */
	    "CREATE TABLE audit_v6 (id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
	    "  login TEXT NOT NULL, uid INTEGER NOT NULL, terminal TEXT NOT NULL,"
	    "  ssh TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL,"
	    "  detail TEXT NOT NULL);"
	    "INSERT INTO audit_v6 SELECT * FROM audit;"
	    "DROP VIEW audit; DROP TABLE audit_line; DROP TABLE audit_who;"
	    "DROP TABLE audit_word; ALTER TABLE audit_v6 RENAME TO audit;"
	    "CREATE INDEX audit_at ON audit (at);"
	    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
	    "  SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
	    "  SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	    "PRAGMA user_version = 2;");
}

void
hear(void *arg, const char *what, long long done, long long total)
{
	struct heard *h = arg;

	(void)what;
	if (h->calls == 0) {
		h->first = done;
		h->total = total;
	} else if (done < h->last || total != h->total)
		h->backwards = true;
	h->last = done;
	h->calls++;
}
