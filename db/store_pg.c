/*
 * store_pg.c - the PostgreSQL side of the store's connection: opening
 * (libpq), the floor's session setting, the schema (schema_pg.sql) and
 * its versions, the floor's write lock, change notifications and errors.
 * The statements themselves are db/stmt.c's; the transactions' nesting is
 * store.c's, the same for both backends.
 *
 * Many floors share one database: every row carries its floor's id, and
 * row-level security (forced, so it binds the tables' owner too) shows a
 * connection only the rows of the floor in its session setting
 * callfloor.floor, which store_pg_open sets from the floor's id.
 *
 * A write begins with BEGIN and a transaction-scoped advisory lock on the
 * floor: writers of one floor take turns, as BEGIN IMMEDIATE makes them on
 * SQLite, so offence numbers stay exactly serial per floor, while the
 * floors of one database write side by side.  The same transaction
 * queues a NOTIFY callfloor with the floor's id, sent on commit: the
 * consoles of the floor LISTEN for it, instead of polling.
 */
#include "store.h"
#include "store_internal.h"
#include "audit.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/i18n.h"

extern const char store_schema_pg_sql[];	/* db/schema_pg.sql, embedded */

/* The key of the lock that creating or migrating the schema takes. */
#define SCHEMA_LOCK "1128680530"	/* STORE_APPLICATION_ID */

static char *floor_id;

void
store_pg_sealed(const char *service_file)
{
	/* The files libpq would otherwise look for in the user's home
	 * (~/.pgpass, ~/.postgresql/): named where nothing is. */
	static const char *const none[] = { "PGPASSFILE", "PGSSLCERT",
		"PGSSLKEY", "PGSSLROOTCERT", "PGSSLCRL", "PGSSLCRLDIR" };
	extern char **environ;
	size_t i = 0;

	while (environ[i] != NULL)
		if (strncmp(environ[i], "PG", 2) == 0) {
			char name[128];
			size_t n = strcspn(environ[i], "=");

			snprintf(name, sizeof name, "%.*s", (int)n, environ[i]);
			if (unsetenv(name) < 0)
				i++;
		} else
			i++;
	/* A service name is looked up in callfloor's own service file (then
	 * the system's), never in the user's ~/.pg_service.conf, which
	 * would take precedence and could name a server of theirs. */
	setenv("PGSERVICEFILE", service_file, 1);
	for (i = 0; i < sizeof none / sizeof *none; i++)
		setenv(none[i], "/nonexistent/callfloor", 1);
}

/* The connection as shown in messages: no password, whatever it held. */
static char *
shown(const char *conninfo)
{
	PQconninfoOption *opt = PQconninfoParse(conninfo, NULL), *o;
	const char *user = "", *host = "", *port = "", *db = "", *svc = "";
	char *r;

	if (opt == NULL)
		return xstrdup("postgresql");
	for (o = opt; o->keyword != NULL; o++) {
		const char *v = o->val ? o->val : "";

		if (strcmp(o->keyword, "user") == 0) user = v;
		else if (strcmp(o->keyword, "host") == 0) host = v;
		else if (strcmp(o->keyword, "port") == 0) port = v;
		else if (strcmp(o->keyword, "dbname") == 0) db = v;
		else if (strcmp(o->keyword, "service") == 0) svc = v;
	}
	if (svc[0] != '\0')
		r = xasprintf("service=%s", svc);
	else if (host[0] == '/')
		r = xasprintf("postgresql://%s%s/%s?host=%s", user, user[0] ? "@" : "",
		    db, host);
	else
		r = xasprintf("postgresql://%s%s%s%s%s/%s", user, user[0] ? "@" : "",
		    host, port[0] ? ":" : "", port, db);
	PQconninfoFree(opt);
	return r;
}

void
store_set_floor(const char *id)
{
	free(floor_id);
	floor_id = id ? xstrdup(id) : NULL;
}

int
store_not_sqlite(struct store *s, struct err *e, const char *what)
{
	return err_set(e, EXIT_RUNTIME, _("database %s is a PostgreSQL database: "
	    "%s is for SQLite only (use PostgreSQL's own tools, pg_dump)"),
	    s->path, what);
}

int
store_pg_error(struct store *s, struct err *e, const char *what)
{
	const char *m = s->pg_error ? s->pg_error : PQerrorMessage(s->pg);
	size_t n;

	if (PQstatus(s->pg) != CONNECTION_OK) {
		m = PQerrorMessage(s->pg);
		n = strcspn(m, "\n");
		/* The console tries again by itself; a command says why. */
		if (s->console)
			return err_set(e, EXIT_RUNTIME, _("database unavailable — "
			    "reconnecting (%.*s)"), (int)n, m);
		return err_set(e, EXIT_RUNTIME, _("database unavailable: %.*s; "
		    "nothing was written"), (int)n, m);
	}
	/* 25006: read_only_sql_transaction (a hot standby). */
	if (strcmp(s->pg_state, "25006") == 0)
		return err_set(e, EXIT_RUNTIME, _("database %s is read-only; "
		    "nothing was written"), s->path);
	/* 55P03: lock_not_available - the floor's write lock was held for
	 * the whole lock_timeout (STORE_BUSY_SECONDS), as SQLite's busy
	 * timeout says it. */
	if (strcmp(s->pg_state, "55P03") == 0) {
		time_t since = time(NULL) - STORE_BUSY_SECONDS;
		char when[16] = "?";
		struct tm tm;

		if (localtime_r(&since, &tm) != NULL)
			strftime(when, sizeof when, "%H:%M:%S", &tm);
		return err_set(e, EXIT_RUNTIME, _("the floor database %s is busy: "
		    "another callfloor has held its write lock since %s at least "
		    "(%ld s); nothing was written.  Try again; a callfloor "
		    "stopped with Ctrl-Z holds it until it goes on or ends"),
		    s->path, when, (long)STORE_BUSY_SECONDS);
	}
	return err_set(e, EXIT_RUNTIME, _("database %s: %s: %s"), s->path, what,
	    m);
}

/* One value of a query without parameters into out ("" when none). */
static int
one(struct store *s, const char *q, char *out, size_t n)
{
	PGresult *r = PQexec(s->pg, q);

	out[0] = '\0';
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		free(s->pg_error);
		s->pg_error = xstrdup(PQresultErrorMessage(r));
		PQclear(r);
		return -1;
	}
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		snprintf(out, n, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

static int
fail(struct store *s, struct err *e, const char *what)
{
	store_pg_error(s, e, what);
	if (PQtransactionStatus(s->pg) != PQTRANS_IDLE)
		PQclear(PQexec(s->pg, "ROLLBACK"));
	return -1;
}

/* The view `incident` of schema 8 over the compact table (as in
 * schema_pg.sql), as the invoker (row security binds whoever reads it):
 * made by verb, with more columns after those of schema 8 (sel, from
 * ", "). */
#define INCIDENT_VIEW(verb, sel) \
	verb " VIEW incident WITH (security_invoker = true) AS" \
	"  SELECT i.floor, i.id, r.name AS rule, i.rule_version, s.name AS staff," \
	"  g.name AS grp, t.name AS seat, i.at," \
	"  to_char(date '1970-01-01' + i.day, 'YYYY-MM-DD') AS day, i.offence," \
	"  i.amount, i.note, m.name AS marked_by," \
	"  coalesce(i.marked_at, i.at) AS marked_at, i.voided_at," \
	"  v.name AS voided_by, i.void_reason" sel \
	"  FROM incident_row i LEFT JOIN name r ON r.id = i.rule" \
	"  LEFT JOIN name s ON s.id = i.staff LEFT JOIN name g ON g.id = i.grp" \
	"  LEFT JOIN name t ON t.id = i.seat LEFT JOIN name m ON m.id = i.marked_by" \
	"  LEFT JOIN name v ON v.id = i.voided_by;"

/*
 * Step 8 (schema.sql and schema_pg.sql say what it stores how): the names
 * of every floor's incidents and fines into `name`, then both tables
 * renamed and their columns turned into numbers in place (ids, indexes,
 * row security and the tables naming them follow a rename), and the views
 * that read as the old tables did; the audit trail's lines by the hour in
 * place of its index on each line's time.  Run by the tables' owner with row
 * security lifted for it meanwhile, so that every floor's rows are turned.
 */
static const char pg_step8[] =
	"ALTER TABLE incident NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine NO FORCE ROW LEVEL SECURITY;"
	"CREATE TABLE name (floor text NOT NULL DEFAULT"
	"  current_setting('callfloor.floor'), id bigint GENERATED BY DEFAULT"
	"  AS IDENTITY PRIMARY KEY, name TEXT NOT NULL, UNIQUE (floor, name));"
	"INSERT INTO name (floor, name) SELECT floor, x FROM ("
	"  SELECT floor, role AS x FROM fine UNION SELECT floor, grp FROM fine"
	"  UNION SELECT floor, staff FROM fine UNION SELECT floor, rule FROM"
	"  incident UNION SELECT floor, grp FROM incident UNION SELECT floor,"
	"  marked_by FROM incident UNION SELECT floor, voided_by FROM incident"
	"  UNION SELECT floor, staff FROM incident UNION SELECT floor, seat FROM"
	"  incident) AS n WHERE x IS NOT NULL ORDER BY floor, x;"
	"CREATE FUNCTION pg_temp.name_v8(f text, n text) RETURNS bigint"
	"  LANGUAGE sql STABLE AS"
	"  $$ SELECT id FROM name WHERE floor = f AND name = n $$;"
	"ALTER TABLE incident RENAME TO incident_row;"
	"ALTER TABLE fine RENAME TO fine_row;"
	"DROP INDEX incident_marker;"
	"ALTER TABLE incident_row"
	"  ALTER COLUMN rule TYPE bigint USING pg_temp.name_v8(floor, rule),"
	"  ALTER COLUMN staff TYPE bigint USING pg_temp.name_v8(floor, staff),"
	"  ALTER COLUMN grp TYPE bigint USING pg_temp.name_v8(floor, grp),"
	"  ALTER COLUMN seat TYPE bigint USING pg_temp.name_v8(floor, seat),"
	"  ALTER COLUMN day TYPE integer USING day::date - date '1970-01-01',"
	"  ALTER COLUMN marked_by TYPE bigint USING"
	"    pg_temp.name_v8(floor, marked_by),"
	"  ALTER COLUMN marked_at DROP NOT NULL,"
	"  ALTER COLUMN voided_by TYPE bigint USING"
	"    pg_temp.name_v8(floor, voided_by);"
	"ALTER TABLE fine_row"
	"  ALTER COLUMN staff TYPE bigint USING pg_temp.name_v8(floor, staff),"
	"  ALTER COLUMN grp TYPE bigint USING pg_temp.name_v8(floor, grp),"
	"  ALTER COLUMN role TYPE bigint USING pg_temp.name_v8(floor, role);"
	"CREATE INDEX incident_marker ON incident_row (marked_by, id)"
	"  WHERE voided_at IS NULL;"
	"CREATE TRIGGER name_no_change BEFORE UPDATE OR DELETE ON name"
	"  FOR EACH ROW EXECUTE FUNCTION callfloor_append_only('table of names');"
	"ALTER TABLE name ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE name FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY name_floor ON name"
	"  USING (floor = current_setting('callfloor.floor'));"
	"CREATE POLICY name_rollup ON name FOR SELECT"
	"  USING (current_setting('callfloor.read_all', true) = 'on');"
	"ALTER TABLE incident_row FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row FORCE ROW LEVEL SECURITY;"
	INCIDENT_VIEW("CREATE", "")
	"CREATE VIEW fine WITH (security_invoker = true) AS"
	"  SELECT f.floor, f.id, f.incident, s.name AS staff, g.name AS grp,"
	"  r.name AS role, f.own, f.amount, f.doubled"
	"  FROM fine_row f LEFT JOIN name s ON s.id = f.staff"
	"  LEFT JOIN name g ON g.id = f.grp LEFT JOIN name r ON r.id = f.role;"
	"DROP FUNCTION pg_temp.name_v8;"
	/* The trail's lines by the hour, in place of an index on each. */
	"ALTER TABLE audit_line NO FORCE ROW LEVEL SECURITY;"
	"CREATE TABLE audit_hour (floor text NOT NULL DEFAULT"
	"  current_setting('callfloor.floor'), hour bigint NOT NULL,"
	"  lo bigint NOT NULL, hi bigint NOT NULL, PRIMARY KEY (floor, hour));"
	"INSERT INTO audit_hour (floor, hour, lo, hi) SELECT floor, at / 3600,"
	"  min(id), max(id) FROM audit_line GROUP BY floor, at / 3600;"
	"DROP INDEX audit_at;"
	"CREATE FUNCTION callfloor_audit_hour() RETURNS trigger LANGUAGE plpgsql"
	"  AS $$ BEGIN IF TG_TABLE_NAME = 'audit_line' THEN"
	"  INSERT INTO audit_hour (floor, hour, lo, hi) VALUES (NEW.floor,"
	"  NEW.at / 3600, NEW.id, NEW.id) ON CONFLICT (floor, hour) DO"
	"  UPDATE SET lo = least(audit_hour.lo, excluded.lo),"
	"  hi = greatest(audit_hour.hi, excluded.hi); RETURN NULL; END IF;"
	"  IF TG_OP = 'DELETE' OR NEW.floor <> OLD.floor OR NEW.hour <> OLD.hour"
	"  OR NEW.lo > OLD.lo OR NEW.hi < OLD.hi THEN"
	"  RAISE EXCEPTION 'the audit trail is append-only'; END IF;"
	"  RETURN NEW; END $$;"
	"CREATE TRIGGER audit_hour_add AFTER INSERT ON audit_line"
	"  FOR EACH ROW EXECUTE FUNCTION callfloor_audit_hour();"
	"CREATE TRIGGER audit_hour_kept BEFORE UPDATE OR DELETE ON audit_hour"
	"  FOR EACH ROW EXECUTE FUNCTION callfloor_audit_hour();"
	"ALTER TABLE audit_hour ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE audit_hour FORCE ROW LEVEL SECURITY;"
	"CREATE POLICY audit_hour_floor ON audit_hour"
	"  USING (floor = current_setting('callfloor.floor'));"
	"ALTER TABLE audit_line FORCE ROW LEVEL SECURITY;"
	"INSERT INTO callfloor_schema (version) VALUES (8);";

/*
 * Step 9: row security reads the session's floor (and the roll-up's
 * read_all) through a subquery, which PostgreSQL evaluates once a
 * statement; the bare current_setting() of steps up to 8 was called twice
 * for every row a scan passed (a month's fine lines joined in a third of
 * the time without it on the small bench floor; bench/RESULTS.md, issue
 * 15 on schema 8).  The policies' meaning is unchanged.  Nothing changes
 * on SQLite.
 */
/* Each table's floor policy (schema_pg.sql's list). */
#define FLOOR_POLICY(p, t) "ALTER POLICY " p "_floor ON " t " USING (floor ="\
	"  (SELECT current_setting('callfloor.floor')));"
#define ROLLUP_POLICY(p, t) "ALTER POLICY " p "_rollup ON " t " USING ("\
	"  (SELECT current_setting('callfloor.read_all', true)) = 'on');"
static const char pg_step9[] =
	FLOOR_POLICY("rule_version", "rule_version")
	FLOOR_POLICY("name", "name")
	FLOOR_POLICY("incident", "incident_row")
	FLOOR_POLICY("fine", "fine_row")
	FLOOR_POLICY("custody", "custody")
	FLOOR_POLICY("inspection", "inspection")
	FLOOR_POLICY("attendance", "attendance")
	FLOOR_POLICY("att_carry", "att_carry")
	FLOOR_POLICY("meta", "meta")
	FLOOR_POLICY("explanation", "explanation")
	FLOOR_POLICY("away", "away")
	FLOOR_POLICY("leave", "leave")
	FLOOR_POLICY("audit_who", "audit_who")
	FLOOR_POLICY("audit_word", "audit_word")
	FLOOR_POLICY("audit_line", "audit_line")
	FLOOR_POLICY("audit_hour", "audit_hour")
	FLOOR_POLICY("rulebook", "rulebook")
	FLOOR_POLICY("complaint", "complaint")
	FLOOR_POLICY("closed_month", "closed_month")
	FLOOR_POLICY("appeal", "appeal")
	FLOOR_POLICY("adjustment", "adjustment")
	ROLLUP_POLICY("name", "name")
	ROLLUP_POLICY("incident", "incident_row")
	ROLLUP_POLICY("fine", "fine_row")
	"INSERT INTO callfloor_schema (version) VALUES (9);";

/*
 * Step 10: each fine line carries its incident's day and rule and whether
 * the incident is live (not voided), kept by triggers: a fine line's
 * incident never changes, and an incident's day, rule or void is copied
 * to its lines when it changes.  A period's lines are then one index
 * read: the month's live ones with every column a sum needs in the index
 * (an index-only scan), a day's for the report.  Joining them to their
 * incidents read three times the month's lines where a month's ids
 * interleave with its neighbours' (bench/RESULTS.md, issue 15 on schema
 * 10).  And a bulk copy may leave the trail's hours to its end (below).
 * A new database runs these after schema_pg.sql (version 9's tables);
 * on empty tables the copy changes nothing.
 */
static const char pg_step10[] =
	/* Every floor's lines: row security off for the copy (the step runs
	 * under one floor's setting). */
	"ALTER TABLE incident_row NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row ADD COLUMN day integer, ADD COLUMN rule bigint,"
	"  ADD COLUMN live boolean;"
	"UPDATE fine_row f SET day = i.day, rule = i.rule,"
	"  live = i.voided_at IS NULL FROM incident_row i WHERE i.id = f.incident;"
	"ALTER TABLE fine_row ALTER COLUMN day SET NOT NULL,"
	"  ALTER COLUMN rule SET NOT NULL, ALTER COLUMN live SET NOT NULL;"
	"ALTER TABLE incident_row FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row FORCE ROW LEVEL SECURITY;"
	/* The trail's hours are kept line by line, but for a bulk copy
	 * (migrate --to), which sets callfloor.bulk for its transaction and
	 * widens the hours once at its end (store_migrate): line by line, one
	 * transaction rewrote an hour's row for each of its lines, a chain
	 * of row versions that grew with every one (hours for a year's
	 * imported sign-ins, all written within one hour). */
	"CREATE OR REPLACE FUNCTION callfloor_audit_hour() RETURNS trigger"
	"  LANGUAGE plpgsql AS $$ "
	"BEGIN"
	"  IF TG_TABLE_NAME = 'audit_line' THEN"
	"    IF current_setting('callfloor.bulk', true) = 'on' THEN"
	"      RETURN NULL;"
	"    END IF;"
	"    INSERT INTO audit_hour (floor, hour, lo, hi) VALUES (NEW.floor,"
	"      NEW.at / 3600, NEW.id, NEW.id) ON CONFLICT (floor, hour) DO"
	"      UPDATE SET lo = least(audit_hour.lo, excluded.lo),"
	"      hi = greatest(audit_hour.hi, excluded.hi);"
	"    RETURN NULL;"
	"  END IF;"
	"  IF TG_OP = 'DELETE' OR NEW.floor <> OLD.floor OR NEW.hour <> OLD.hour"
	"      OR NEW.lo > OLD.lo OR NEW.hi < OLD.hi THEN"
	"    RAISE EXCEPTION 'the audit trail is append-only';"
	"  END IF;"
	"  RETURN NEW;"
	"END $$;"
	"CREATE FUNCTION callfloor_fine_of() RETURNS trigger LANGUAGE plpgsql AS $$"
	"BEGIN"
	"  SELECT i.day, i.rule, i.voided_at IS NULL INTO NEW.day, NEW.rule,"
	"    NEW.live FROM incident_row i WHERE i.id = NEW.incident;"
	"  RETURN NEW;"
	"END $$;"
	"CREATE TRIGGER fine_of_incident BEFORE INSERT OR UPDATE OF incident"
	"  ON fine_row FOR EACH ROW EXECUTE FUNCTION callfloor_fine_of();"
	"CREATE FUNCTION callfloor_incident_lines() RETURNS trigger"
	"  LANGUAGE plpgsql AS $$ "
	"BEGIN"
	"  UPDATE fine_row SET day = NEW.day, rule = NEW.rule,"
	"    live = NEW.voided_at IS NULL WHERE incident = NEW.id;"
	"  RETURN NULL;"
	"END $$;"
	"CREATE TRIGGER incident_lines AFTER UPDATE OF day, rule, voided_at"
	"  ON incident_row FOR EACH ROW WHEN (OLD.day IS DISTINCT FROM NEW.day"
	"  OR OLD.rule IS DISTINCT FROM NEW.rule OR (OLD.voided_at IS NULL) <>"
	"  (NEW.voided_at IS NULL)) EXECUTE FUNCTION callfloor_incident_lines();"
	"CREATE INDEX fine_day ON fine_row (day) INCLUDE (rule, staff, grp,"
	"  amount, own, incident, live, floor);";

/*
 * Version 10 to 11: an incident carries the amount of its own fine line
 * (own_fine, NULL while it has none), kept by a trigger on fine_row, and
 * the view `incident` shows it.  The seat map reads a day's incidents
 * with their offenders' fines, then only the co-penalty lines: a busy
 * day's thirteen thousand own lines were a third of the map's rows.  The
 * trigger writes only a changed amount, so a copy that brings the
 * incident's own_fine with it (migrate --to) adds no row version.  And
 * the day's index holds each incident's time: the console's feed read
 * the newest 200 of a busy day by sorting all its 13,458 (10 ms; 1 ms).
 */
static const char pg_step11[] =
	"DROP INDEX incident_day;"
	"CREATE INDEX incident_day ON incident_row (day, at);"
	/* Every floor's incidents: row security off for the copy. */
	"ALTER TABLE incident_row NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row NO FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE incident_row ADD COLUMN own_fine bigint;"
	"UPDATE incident_row i SET own_fine = f.amount FROM fine_row f"
	"  WHERE f.incident = i.id AND f.own <> 0;"
	"ALTER TABLE incident_row FORCE ROW LEVEL SECURITY;"
	"ALTER TABLE fine_row FORCE ROW LEVEL SECURITY;"
	INCIDENT_VIEW("CREATE OR REPLACE", ", i.own_fine")
	"CREATE FUNCTION callfloor_own_fine() RETURNS trigger LANGUAGE plpgsql"
	"  AS $$ "
	"BEGIN"
	"  UPDATE incident_row SET own_fine = NEW.amount WHERE id = NEW.incident"
	"    AND own_fine IS DISTINCT FROM NEW.amount;"
	"  RETURN NULL;"
	"END $$;"
	"CREATE TRIGGER fine_own AFTER INSERT OR UPDATE OF amount ON fine_row"
	"  FOR EACH ROW WHEN (NEW.own <> 0) EXECUTE FUNCTION callfloor_own_fine();";

/* Brings a database of an older schema up to this one: every step after
 * ver, under the schema's lock, in one transaction. */
static int
pg_steps(struct store *s, struct err *e)
{
	char v[32];
	long long ver;

	if (db_exec_sql(s, "BEGIN; SELECT pg_advisory_xact_lock(" SCHEMA_LOCK
	    ")") != DB_OK)
		return fail(s, e, "locking the schema");
	/* Read again under the lock: another process may have done it. */
	if (one(s, "SELECT max(version) FROM callfloor_schema", v, sizeof v) < 0)
		return fail(s, e, "reading the schema version");
	ver = strtoll(v, NULL, 10);
	/* No PostgreSQL database predates schema 7 (the compact audit
	 * trail): the steps from there, one a version. */
	if (ver == 7 && db_exec_sql(s, pg_step8) != DB_OK)
		return fail(s, e, "migrating the schema to version 8");
	if (ver <= 8 && db_exec_sql(s, pg_step9) != DB_OK)
		return fail(s, e, "migrating the schema to version 9");
	if (ver <= 9 && (db_exec_sql(s, pg_step10) != DB_OK ||
	    db_exec_sql(s, "INSERT INTO callfloor_schema (version) VALUES (10)")
	    != DB_OK))
		return fail(s, e, "migrating the schema to version 10");
	if (ver <= 10 && (db_exec_sql(s, pg_step11) != DB_OK ||
	    db_exec_sql(s, "INSERT INTO callfloor_schema (version) VALUES (11)")
	    != DB_OK))
		return fail(s, e, "migrating the schema to version 11");
	if (db_exec_sql(s, "COMMIT") != DB_OK)
		return fail(s, e, "migrating the schema");
	return 0;
}

/*
 * Creates the schema in an empty database, refuses a newer one, and adds
 * this floor to the database's floors (init only: flags without
 * STORE_NOCREATE).  All under one lock, so two inits at once do it once.
 */
static int
pg_migrate(struct store *s, struct err *e)
{
	char v[32], found[32], q[256];
	char *lit;
	long long ver;

	if (one(s, "SELECT to_regclass('callfloor_schema')", v, sizeof v) < 0)
		return fail(s, e, "reading the schema version");
	if (v[0] == '\0') {
		if (s->nocreate || s->readonly)
			return err_set(e, EXIT_RUNTIME, _("%s holds no callfloor "
			    "database (run `callfloor init` to start one there)"),
			    s->path);
		if (db_exec_sql(s, "BEGIN; SELECT pg_advisory_xact_lock("
		    SCHEMA_LOCK ")") != DB_OK)
			return fail(s, e, "locking the schema");
		if (one(s, "SELECT to_regclass('callfloor_schema')", v,
		    sizeof v) < 0)
			return fail(s, e, "reading the schema version");
		if (v[0] == '\0') {
			snprintf(q, sizeof q, "INSERT INTO callfloor_schema "
			    "(version) VALUES (%d)", STORE_SCHEMA_VERSION);
			if (db_exec_sql(s, store_schema_pg_sql) != DB_OK ||
			    db_exec_sql(s, pg_step10) != DB_OK ||
			    db_exec_sql(s, pg_step11) != DB_OK ||
			    db_exec_sql(s, q) != DB_OK)
				return fail(s, e, "creating the schema");
			/* The audit trail's view, made from db/audit.c's list. */
			if (store_audit_schema(s, e) < 0) {
				PQclear(PQexec(s->pg, "ROLLBACK"));
				return -1;
			}
		}
		if (db_exec_sql(s, "COMMIT") != DB_OK)
			return fail(s, e, "creating the schema");
	}
	if (one(s, "SELECT max(version) FROM callfloor_schema", v, sizeof v) < 0)
		return fail(s, e, "reading the schema version");
	ver = strtoll(v, NULL, 10);
	if (ver > STORE_SCHEMA_VERSION)
		return err_set(e, EXIT_RUNTIME, _("%s was written by a newer "
		    "callfloor (schema %lld; this one knows %d); upgrade callfloor"),
		    s->path, ver, STORE_SCHEMA_VERSION);
	if (ver < 7 || (ver < STORE_SCHEMA_VERSION && s->readonly))
		return err_set(e, EXIT_RUNTIME, _("%s needs `callfloor init` first "
		    "(schema %lld, wanted %d)"), s->path, ver,
		    STORE_SCHEMA_VERSION);
	if (ver < STORE_SCHEMA_VERSION && pg_steps(s, e) < 0)
		return -1;
	lit = PQescapeLiteral(s->pg, s->floor, strlen(s->floor));
	snprintf(q, sizeof q, "SELECT count(*) FROM callfloor_floor WHERE id = %s",
	    lit ? lit : "''");
	if (one(s, q, found, sizeof found) < 0) {
		PQfreemem(lit);
		return fail(s, e, "reading the floors");
	}
	s->found_version = ver;
	if (strcmp(found, "0") == 0) {
		if (s->nocreate || s->readonly) {
			PQfreemem(lit);
			return err_set(e, EXIT_RUNTIME, _("%s holds no floor %s (run "
			    "`callfloor init` to add it)"), s->path, s->floor);
		}
		snprintf(q, sizeof q, "INSERT INTO callfloor_floor (id, added_at) "
		    "VALUES (%s, extract(epoch FROM now())::bigint) "
		    "ON CONFLICT DO NOTHING", lit ? lit : "''");
		if (db_exec_sql(s, q) != DB_OK) {
			PQfreemem(lit);
			return fail(s, e, "adding the floor");
		}
		s->found_version = 0;
	}
	PQfreemem(lit);
	return 0;
}

/* The connection's floor and its notifications: 0, or -1 (kept error). */
static int
session(struct store *s)
{
	char *lit = PQescapeLiteral(s->pg, s->floor, strlen(s->floor));
	char *q;
	PGresult *r;

	if (lit == NULL)
		return -1;
	/* random_page_cost as for data in memory or on SSD: the floor's
	 * reads are a day's or a month's slice of tables of millions of rows,
	 * found by index; at the default (4, a spinning disk) the planner
	 * scanned all 1.2 M fine lines to join a day's few thousand.  A
	 * month's hundred thousand incidents are hashed in memory (32 MB at
	 * most, per join, in place of 4 MB and batches on disk). */
	q = xasprintf("SET client_min_messages = warning; "
	    "SET random_page_cost = 1.1; SET work_mem = '32MB'; "
	    "SELECT set_config('callfloor.floor', %s, false); LISTEN callfloor",
	    lit);
	PQfreemem(lit);
	r = PQexec(s->pg, q);
	free(q);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		free(s->pg_error);
		s->pg_error = xstrdup(PQresultErrorMessage(r));
		PQclear(r);
		return -1;
	}
	PQclear(r);
	return 0;
}

int
store_pg_reconnect(struct store *s)
{
	time_t now = time(NULL);

	if (PQstatus(s->pg) == CONNECTION_OK && !s->pg_unset)
		return 0;
	/* The server dropped the open transaction: it must end first. */
	if (s->depth > 0 || s->pg_retry == now)
		return -1;
	s->pg_retry = now;
	if (PQstatus(s->pg) != CONNECTION_OK) {
		PQreset(s->pg);
		if (PQstatus(s->pg) != CONNECTION_OK)
			return -1;
		s->pg_gen++;
	}
	/* Until the floor is set again, no statement runs (row security
	 * would refuse them all anyway). */
	s->pg_unset = session(s) < 0;
	if (s->pg_unset)
		return -1;
	/* What others wrote meanwhile is read again. */
	s->notes++;
	store_names_forget(s);
	return 0;
}

int
store_pg_commit(struct store *s, struct err *e)
{
	PGresult *r = PQexec(s->pg, "COMMIT");
	bool ok = PQresultStatus(r) == PGRES_COMMAND_OK &&
	    strcmp(PQcmdStatus(r), "COMMIT") == 0;

	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		store_pg_keep(s, r);
	else if (!ok) {
		free(s->pg_error);
		s->pg_error = xstrdup("a statement of the write failed");
	}
	PQclear(r);
	if (PQtransactionStatus(s->pg) != PQTRANS_IDLE)
		PQclear(PQexec(s->pg, "ROLLBACK"));
	if (ok)
		return 0;
	if (PQstatus(s->pg) == CONNECTION_OK)
		return err_set(e, EXIT_RUNTIME, _("database %s: part of the write "
		    "begun at %s:%d failed; nothing was written"), s->path,
		    s->txn_file, s->txn_line);
	return store_pg_error(s, e, "COMMIT");
}

int
store_pg_ready(struct store *s, struct err *e)
{
	if ((PQstatus(s->pg) == CONNECTION_OK && !s->pg_unset) ||
	    store_pg_reconnect(s) == 0)
		return 0;
	free(s->pg_error);
	s->pg_error = NULL;
	return store_pg_error(s, e, "before a write");
}

int
store_pg_open(struct store *s, struct err *e)
{
	char *lit, ro[8];

	static const char *const keys[] = { "dbname", "fallback_application_name",
		NULL };
	const char *vals[] = { s->path, "callfloor", NULL };

	s->floor = xstrdup(floor_id ? floor_id : "default");
	/* The string whole (expand_dbname): a URI, service=NAME or
	 * key=value pairs; libpq keeps it, secret and all, for PQreset. */
	s->pg = PQconnectdbParams(keys, vals, 1);
	s->path = shown(vals[0]);
	free((char *)vals[0]);
	if (s->pg == NULL || PQstatus(s->pg) != CONNECTION_OK) {
		const char *m = s->pg ? PQerrorMessage(s->pg) : "out of memory";

		return err_set(e, EXIT_RUNTIME, _("database %s unavailable: %.*s"),
		    s->path, (int)strcspn(m, "\n"), m);
	}
	s->pg_gen = 1;
	s->console = s->patient;
	if (session(s) < 0)
		return fail(s, e, "setting the floor");
	/* A server that takes reads only (a hot standby) opens read-only, as
	 * an SQLite file this user may not write does: the console says so
	 * at once, and a write is refused before it begins. */
	if (one(s, "SHOW transaction_read_only", ro, sizeof ro) < 0)
		return fail(s, e, "reading the server's mode");
	if (strcmp(ro, "on") == 0)
		s->readonly = true;
	lit = PQescapeLiteral(s->pg, s->floor, strlen(s->floor));
	if (lit == NULL)
		return fail(s, e, "the floor's id");
	/* A command waits STORE_BUSY_SECONDS for the floor's write lock, as
	 * on SQLite, then says it is busy; a console waits for it. */
	s->begin_sql = xasprintf("BEGIN; SET LOCAL lock_timeout = %d; "
	    "SELECT pg_advisory_xact_lock(hashtext('callfloor floor ' || %s)); "
	    "NOTIFY callfloor, %s", s->patient ? 0 : STORE_BUSY_SECONDS * 1000,
	    lit, lit);
	PQfreemem(lit);
	return pg_migrate(s, e);
}

void
store_pg_close(struct store *s)
{
	if (s->pg != NULL)
		PQfinish(s->pg);
	s->pg = NULL;
	free(s->pg_error);
	free(s->begin_sql);
	free(s->floor);
}

/*
 * The change counter: notifications of this floor received so far, read
 * from the socket without sending anything (an idle console costs the
 * server nothing).
 */
int64_t
store_pg_version(struct store *s)
{
	PGnotify *n;

	if ((PQstatus(s->pg) != CONNECTION_OK || PQconsumeInput(s->pg) == 0) &&
	    store_pg_reconnect(s) < 0)
		return -1;
	while ((n = PQnotifies(s->pg)) != NULL) {
		if (strcmp(n->extra, s->floor) == 0)
			s->notes++;
		PQfreemem(n);
	}
	return s->notes;
}

int
store_use_floor(struct store *s, const char *id, struct err *e)
{
	const char *vals[1] = { id };
	PGresult *r;
	int found;

	if (s->pg == NULL)
		return err_set(e, EXIT_USAGE, _("--floor reads another floor of a "
		    "PostgreSQL database; %s holds one floor only"), s->path);
	r = PQexecParams(s->pg, "SELECT count(*) FROM callfloor_floor WHERE id = $1",
	    1, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		store_pg_keep(s, r);
		PQclear(r);
		return store_pg_error(s, e, "reading the floors");
	}
	found = strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	PQclear(r);
	if (!found)
		return 1;
	free(s->floor);
	s->floor = xstrdup(id);
	s->readonly = true;
	if (session(s) < 0)
		return store_pg_error(s, e, "setting the floor");
	return 0;
}
