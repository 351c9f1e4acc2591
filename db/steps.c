/*
 * steps.c - the SQLite schema's steps (db/store.c's migration table runs
 * them in order; step 7 is made by db/audit.c from its phrase list): each
 * brings a database of the version before to its own, in place.
 */
#include "store.h"
#include "store_internal.h"

/*
 * Version 1 to 2: inspections and sign-ins can be voided (undone at the
 * console, `signin --void`), a voided sign-in no longer blocks a corrected
 * one (the table-wide UNIQUE becomes a partial index over live rows, which
 * SQLite can only do by copying the table), attendance explanations, and a
 * leave approval is the approver's own act with its time (approved_by
 * alone was typed by whoever recorded the request).
 */
const char store_migrate_v2[] =
	"ALTER TABLE inspection ADD COLUMN voided_at INTEGER;"
	"ALTER TABLE inspection ADD COLUMN voided_by TEXT;"
	"CREATE TABLE attendance_v2 ("
	"  id INTEGER PRIMARY KEY, staff TEXT NOT NULL, day TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),"
	"  at INTEGER NOT NULL, minutes INTEGER NOT NULL DEFAULT 0,"
	"  by TEXT NOT NULL, voided_at INTEGER, voided_by TEXT, void_reason TEXT);"
	"INSERT INTO attendance_v2 (id, staff, day, kind, at, minutes, by)"
	"  SELECT id, staff, day, kind, at, minutes, by FROM attendance;"
	"DROP TABLE attendance;"
	"ALTER TABLE attendance_v2 RENAME TO attendance;"
	"CREATE INDEX attendance_day ON attendance (day);"
	"CREATE UNIQUE INDEX attendance_live ON attendance (staff, day, kind)"
	"  WHERE voided_at IS NULL;"
	"CREATE TABLE explanation (id INTEGER PRIMARY KEY, staff TEXT NOT NULL,"
	"  day TEXT NOT NULL, note TEXT NOT NULL, by TEXT NOT NULL,"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX explanation_day ON explanation (day, staff);"
	"ALTER TABLE leave ADD COLUMN approved_at INTEGER;"
	"UPDATE leave SET approved_at = recorded_at WHERE approved_by IS NOT NULL;";

/* Schema 5: closed months, appeals, adjustments (db/schema.sql says
 * what each is for). */
const char store_migrate_v5[] =
	"CREATE TABLE closed_month ( "
	"month TEXT PRIMARY KEY, "
	"closed_by TEXT NOT NULL, "
	"closed_at INTEGER NOT NULL, "
	"snapshot_text TEXT NOT NULL, "
	"snapshot_csv TEXT NOT NULL "
	"); "
	"CREATE TABLE appeal ( "
	"id INTEGER PRIMARY KEY, "
	"incident INTEGER NOT NULL REFERENCES incident(id), "
	"fine INTEGER NOT NULL REFERENCES fine(id), "
	"staff TEXT NOT NULL, "
	"reason TEXT NOT NULL, "
	"by TEXT NOT NULL, "
	"at INTEGER NOT NULL, "
	"decision TEXT CHECK (decision IN ('uphold', 'void')), "
	"decided_by TEXT, "
	"decided_at INTEGER, "
	"decided_reason TEXT "
	"); "
	"CREATE UNIQUE INDEX appeal_pending ON appeal (fine) WHERE decision IS NULL; "
	"CREATE TABLE adjustment ( "
	"id INTEGER PRIMARY KEY, "
	"appeal INTEGER NOT NULL REFERENCES appeal(id), "
	"month TEXT NOT NULL, "
	"staff TEXT NOT NULL, "
	"amount INTEGER NOT NULL, "
	"note TEXT NOT NULL "
	"); "
	"CREATE INDEX adjustment_month ON adjustment (month);";

/*
 * Version 2 to 3: attendance totals carried forward per person and month
 * (left empty: the first command that needs a finished month settles it
 * from the raw rows), the store's meta, and the partial indexes for the
 * report's voids and the undo key's last mark.
 */
const char store_migrate_v3[] =
	"CREATE INDEX incident_voided ON incident (voided_at)"
	"  WHERE voided_at IS NOT NULL;"
	"CREATE INDEX incident_marker ON incident (marked_by, marked_at)"
	"  WHERE voided_at IS NULL;"
	"CREATE TABLE att_carry (month TEXT NOT NULL, staff TEXT NOT NULL,"
	"  late INTEGER NOT NULL, early INTEGER NOT NULL, half INTEGER NOT NULL,"
	"  absent INTEGER NOT NULL, meeting_halves INTEGER NOT NULL,"
	"  late_year INTEGER NOT NULL, absent_total INTEGER NOT NULL,"
	"  meeting_total INTEGER NOT NULL, over_months INTEGER NOT NULL,"
	"  run INTEGER NOT NULL, max_run INTEGER NOT NULL,"
	"  PRIMARY KEY (month, staff)) WITHOUT ROWID;"
	"CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"
	"  WITHOUT ROWID;";

/*
 * Version 4 (issue 17): rule B14's register of unrepaired and complaint
 * callers (see schema.sql).  Self-contained: only its own table.
 */
const char store_migrate_v4[] =
	"CREATE TABLE complaint ("
	"  id INTEGER PRIMARY KEY, staff TEXT NOT NULL, grp TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('repair', 'complaint')),"
	"  caller TEXT, phone TEXT, note TEXT NOT NULL, at INTEGER NOT NULL,"
	"  day TEXT NOT NULL, recorded_by TEXT NOT NULL,"
	"  recorded_at INTEGER NOT NULL, late INTEGER NOT NULL DEFAULT 0,"
	"  incident INTEGER REFERENCES incident (id), forwarded_by TEXT,"
	"  forwarded_at INTEGER, closed_by TEXT, closed_at INTEGER, outcome TEXT,"
	"  purged_at INTEGER);"
	"CREATE INDEX complaint_day ON complaint (day);"
	"CREATE INDEX complaint_open ON complaint (grp) WHERE closed_at IS NULL;";

/*
 * Version 5 to 6: breaks away from the desk (issue 19), self-contained.
 */
const char store_migrate_v6[] =
	"CREATE TABLE away (id INTEGER PRIMARY KEY, staff TEXT NOT NULL,"
	"  grp TEXT NOT NULL, reason TEXT NOT NULL, day TEXT NOT NULL,"
	"  limit_minutes INTEGER NOT NULL, queued_at INTEGER NOT NULL,"
	"  started_at INTEGER, ended_at INTEGER,"
	"  cancelled INTEGER NOT NULL DEFAULT 0, over INTEGER NOT NULL DEFAULT 0,"
	"  by TEXT NOT NULL, ended_by TEXT);"
	"CREATE INDEX away_day ON away (day, staff);"
	"CREATE UNIQUE INDEX away_open ON away (staff) WHERE ended_at IS NULL;";

/* The views of schema 8 over the compact tables (as in schema.sql); the
 * incident's has more columns after those of schema 8 (cols, named as
 * the view shows them, and sel, what they read; each starts ", "). */
#define INCIDENT_VIEW(cols, sel) \
	"CREATE VIEW incident (id, rule, rule_version, staff, grp, seat, at, day," \
	"  offence, amount, note, marked_by, marked_at, voided_at, voided_by," \
	"  void_reason" cols ") AS" \
	"  SELECT i.id, r.name, i.rule_version, s.name, g.name, t.name, i.at," \
	"  date(i.day * 86400, 'unixepoch'), i.offence, i.amount, i.note, m.name," \
	"  coalesce(i.marked_at, i.at), i.voided_at, v.name, i.void_reason" sel \
	"  FROM incident_row i LEFT JOIN name r ON r.id = i.rule" \
	"  LEFT JOIN name s ON s.id = i.staff LEFT JOIN name g ON g.id = i.grp" \
	"  LEFT JOIN name t ON t.id = i.seat LEFT JOIN name m ON m.id = i.marked_by" \
	"  LEFT JOIN name v ON v.id = i.voided_by;"
#define FINE_VIEW \
	"CREATE VIEW fine (id, incident, staff, grp, role, own, amount, doubled) AS" \
	"  SELECT f.id, f.incident, s.name, g.name, r.name, f.own, f.amount," \
	"  f.doubled FROM fine_row f LEFT JOIN name s ON s.id = f.staff" \
	"  LEFT JOIN name g ON g.id = f.grp LEFT JOIN name r ON r.id = f.role;"

/*
 * Version 7 to 8: incidents and fine lines stored compactly (schema.sql
 * says how): the names they hold go to the table `name` (the roles, rules,
 * groups and logins first, so the most repeated ones get the shortest
 * ids), each table is copied into its compact form under the same ids and
 * the views `incident` and `fine` read as the tables did; the audit
 * trail's index on each line's time gives way to its lines by the hour
 * (audit_hour, kept by a trigger).  The old tables
 * are renamed first, so that the tables naming them (custody, complaint,
 * appeal) name the compact ones after; run with foreign keys off (SQLite
 * cannot drop a table others name otherwise) and checked at the end.
 */
const char store_migrate_v8[] =
	"CREATE TABLE name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"INSERT INTO name (name) VALUES ('offender'), ('director'), ('deputy'),"
	"  ('supervisor'), ('member');"
	"INSERT OR IGNORE INTO name (name) SELECT role FROM fine GROUP BY role"
	"  ORDER BY role;"
	"INSERT OR IGNORE INTO name (name) SELECT rule FROM incident GROUP BY"
	"  rule ORDER BY rule;"
	"INSERT OR IGNORE INTO name (name) SELECT grp FROM incident UNION"
	"  SELECT grp FROM fine ORDER BY 1;"
	"INSERT OR IGNORE INTO name (name) SELECT marked_by FROM incident UNION"
	"  SELECT voided_by FROM incident WHERE voided_by IS NOT NULL ORDER BY 1;"
	"INSERT OR IGNORE INTO name (name) SELECT staff FROM incident WHERE staff"
	"  IS NOT NULL UNION SELECT staff FROM fine WHERE staff IS NOT NULL"
	"  ORDER BY 1;"
	"INSERT OR IGNORE INTO name (name) SELECT seat FROM incident WHERE seat"
	"  IS NOT NULL GROUP BY seat ORDER BY seat;"
	"CREATE TRIGGER name_no_update BEFORE UPDATE ON name BEGIN"
	"  SELECT RAISE(ABORT, 'names are never changed'); END;"
	"CREATE TRIGGER name_no_delete BEFORE DELETE ON name BEGIN"
	"  SELECT RAISE(ABORT, 'names are never removed'); END;"
	"ALTER TABLE incident RENAME TO incident_row;"
	"ALTER TABLE fine RENAME TO fine_row;"
	"CREATE TABLE incident_v8 (id INTEGER PRIMARY KEY,"
	"  rule INTEGER NOT NULL,"
	"  rule_version INTEGER NOT NULL REFERENCES rule_version(id),"
	"  staff INTEGER, grp INTEGER NOT NULL, seat INTEGER,"
	"  at INTEGER NOT NULL, day INTEGER NOT NULL,"
	"  offence INTEGER NOT NULL DEFAULT 0, amount INTEGER, note TEXT,"
	"  marked_by INTEGER NOT NULL, marked_at INTEGER, voided_at INTEGER,"
	"  voided_by INTEGER, void_reason TEXT,"
	"  CHECK (voided_at IS NULL OR void_reason IS NOT NULL));"
	/* LEFT JOINs: a name not found fails NOT NULL, never drops a row. */
	"INSERT INTO incident_v8 (id, rule, rule_version, staff, grp, seat, at,"
	"  day, offence, amount, note, marked_by, marked_at, voided_at,"
	"  voided_by, void_reason)"
	"  SELECT i.id, r.id, i.rule_version, s.id, g.id, t.id, i.at,"
	"  CAST(julianday(i.day) - 2440587.5 AS INTEGER), i.offence, i.amount,"
	"  i.note, m.id, nullif(i.marked_at, i.at), i.voided_at, v.id,"
	"  i.void_reason FROM incident_row i"
	"  LEFT JOIN name r ON r.name = i.rule LEFT JOIN name s ON s.name = i.staff"
	"  LEFT JOIN name g ON g.name = i.grp LEFT JOIN name t ON t.name = i.seat"
	"  LEFT JOIN name m ON m.name = i.marked_by"
	"  LEFT JOIN name v ON v.name = i.voided_by ORDER BY i.id;"
	"CREATE TABLE fine_v8 (id INTEGER PRIMARY KEY,"
	"  incident INTEGER NOT NULL REFERENCES incident_row(id),"
	"  staff INTEGER, grp INTEGER NOT NULL, role INTEGER NOT NULL,"
	"  own INTEGER NOT NULL, amount INTEGER NOT NULL CHECK (amount >= 0),"
	"  doubled INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO fine_v8 (id, incident, staff, grp, role, own, amount,"
	"  doubled) SELECT f.id, f.incident, s.id, g.id, r.id, f.own, f.amount,"
	"  f.doubled FROM fine_row f LEFT JOIN name s ON s.name = f.staff"
	"  LEFT JOIN name g ON g.name = f.grp LEFT JOIN name r ON r.name = f.role"
	"  ORDER BY f.id;"
	"DROP TABLE fine_row;"
	"DROP TABLE incident_row;"
	"ALTER TABLE incident_v8 RENAME TO incident_row;"
	"ALTER TABLE fine_v8 RENAME TO fine_row;"
	"CREATE INDEX incident_offender ON incident_row (staff, rule, day);"
	"CREATE INDEX incident_day ON incident_row (day);"
	"CREATE INDEX incident_rule ON incident_row (rule, day);"
	"CREATE INDEX incident_voided ON incident_row (voided_at)"
	"  WHERE voided_at IS NOT NULL;"
	"CREATE INDEX incident_marker ON incident_row (marked_by)"
	"  WHERE voided_at IS NULL;"
	"CREATE INDEX fine_incident ON fine_row (incident);"
	INCIDENT_VIEW("", "") FINE_VIEW
	/* The trail's lines by the hour, in place of an index on each. */
	"CREATE TABLE audit_hour (hour INTEGER PRIMARY KEY, lo INTEGER NOT NULL,"
	"  hi INTEGER NOT NULL);"
	"INSERT INTO audit_hour (hour, lo, hi) SELECT at / 3600, min(id), max(id)"
	"  FROM audit_line GROUP BY at / 3600;"
	"DROP INDEX audit_at;"
	"CREATE TRIGGER audit_hour_add AFTER INSERT ON audit_line BEGIN"
	"  INSERT INTO audit_hour (hour, lo, hi) VALUES (new.at / 3600, new.id,"
	"  new.id) ON CONFLICT (hour) DO UPDATE SET lo = min(lo, excluded.lo),"
	"  hi = max(hi, excluded.hi); END;"
	"CREATE TRIGGER audit_hour_kept BEFORE UPDATE ON audit_hour"
	"  WHEN new.hour <> old.hour OR new.lo > old.lo OR new.hi < old.hi BEGIN"
	"  SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	"CREATE TRIGGER audit_hour_no_delete BEFORE DELETE ON audit_hour BEGIN"
	"  SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	"PRAGMA foreign_key_check;";

/*
 * Version 8 to 9: PostgreSQL's row security reads the session's floor once
 * a statement (db/store_pg.c's step 9).  An SQLite file has one floor and
 * no row security: nothing of it changes but its version.
 */
const char store_migrate_v9[] = "";

/*
 * Version 9 to 10: on PostgreSQL each fine line carries its incident's
 * day and rule and whether it is live, for the month's lines read by one
 * index (db/store_pg.c's step 10).  SQLite joins them fast enough from
 * the incident: nothing of its file changes but its version.
 */
const char store_migrate_v10[] = "";

/*
 * Version 10 to 11: an incident carries the amount of its own fine line
 * (own_fine, kept by triggers on fine_row; schema.sql says why), and the
 * view `incident` shows it; the day's index holds each incident's time,
 * so the console's feed reads a busy day's newest 200 without sorting
 * the day's thirteen thousand.
 */
const char store_migrate_v11[] =
	"DROP INDEX incident_day;"
	"CREATE INDEX incident_day ON incident_row (day, at);"
	"ALTER TABLE incident_row ADD COLUMN own_fine INTEGER;"
	"UPDATE incident_row SET own_fine = f.amount FROM fine_row f"
	"  WHERE f.incident = incident_row.id AND f.own;"
	"DROP VIEW incident;"
	INCIDENT_VIEW(", own_fine", ", i.own_fine")
	"CREATE TRIGGER fine_own_add AFTER INSERT ON fine_row WHEN new.own BEGIN"
	"  UPDATE incident_row SET own_fine = new.amount WHERE id = new.incident"
	"  AND own_fine IS NOT new.amount; END;"
	"CREATE TRIGGER fine_own_set AFTER UPDATE OF amount ON fine_row WHEN"
	"  new.own BEGIN UPDATE incident_row SET own_fine = new.amount"
	"  WHERE id = new.incident AND own_fine IS NOT new.amount; END;";
