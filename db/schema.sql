-- schema.sql - the callfloor database, schema version 8 (db/store.c
-- migrates an older one step by step: the steps are in db/steps.c).
--
-- Money is integer fen.  Times are Unix seconds; "day" is the floor-local
-- shift day "YYYY-MM-DD" that an incident belongs to (see src/clock.h).
-- Nothing is ever deleted: a voided incident keeps its row and its fines,
-- and every total filters on incident.voided_at IS NULL.
-- The application_id and user_version pragmas are set by db/store.c.

-- Each version of a rule's terms the database has seen.  An incident points
-- at the terms in force when it was marked, so prices stay frozen.
CREATE TABLE rule_version (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL,
	title       TEXT NOT NULL,
	terms       TEXT NOT NULL,          -- src/terms.c's text
	first_seen  INTEGER NOT NULL,
	UNIQUE (code, title, terms)
);

-- Names (schema 8): each rule code, staff id, group, seat, login and fine
-- role that an incident or a fine line names, once; their rows hold the id.
-- Never changed nor removed (db/names.c keeps a copy).  The five roles
-- come first, so the most repeated names have the smallest ids.
CREATE TABLE name (
	id    INTEGER PRIMARY KEY,
	name  TEXT NOT NULL UNIQUE
);
INSERT INTO name (name) VALUES ('offender'), ('director'), ('deputy'),
	('supervisor'), ('member');
CREATE TRIGGER name_no_update BEFORE UPDATE ON name
BEGIN
	SELECT RAISE(ABORT, 'names are never changed');
END;
CREATE TRIGGER name_no_delete BEFORE DELETE ON name
BEGIN
	SELECT RAISE(ABORT, 'names are never removed');
END;

-- What a supervisor saw.  staff is NULL for a rule that falls on a whole
-- group (DEPT_COMPLAINT); grp is the offender's group at the time.
--
-- Stored compactly (schema 8): rule, staff, grp, seat, marked_by and
-- voided_by are ids of `name`, day is the shift day "YYYY-MM-DD" as days
-- since 1970-01-01, and marked_at is NULL when it equals at (marked as it
-- happened).  The view `incident` below reads exactly as the table of
-- schema 7 did.
CREATE TABLE incident_row (
	id           INTEGER PRIMARY KEY,
	rule         INTEGER NOT NULL,              -- name
	rule_version INTEGER NOT NULL REFERENCES rule_version(id),
	staff        INTEGER,                       -- name
	grp          INTEGER NOT NULL,              -- name
	seat         INTEGER,                       -- name
	at           INTEGER NOT NULL,
	day          INTEGER NOT NULL,              -- days since 1970-01-01
	offence      INTEGER NOT NULL DEFAULT 0,    -- nth in the rule's window
	amount       INTEGER,                       -- given amount, range rules
	note         TEXT,
	marked_by    INTEGER NOT NULL,              -- name
	marked_at    INTEGER,                       -- NULL: at
	voided_at    INTEGER,
	voided_by    INTEGER,                       -- name
	void_reason  TEXT,
	own_fine     INTEGER,                       -- schema 11: below
	CHECK (voided_at IS NULL OR void_reason IS NOT NULL)
);
-- Offence numbering walks one person's incidents of one rule in a window.
CREATE INDEX incident_offender ON incident_row (staff, rule, day);
-- A day's incidents, and its newest ones first (the console's feed).
CREATE INDEX incident_day ON incident_row (day, at);
-- Attendance finds the first incident of a few rules (MEETING, ABSENCE)
-- and counts a month's.
CREATE INDEX incident_rule ON incident_row (rule, day);
-- The report's voids of a day (few rows among millions) and the undo key's
-- last mark of a login (the newest id): partial indexes, small on disk.
CREATE INDEX incident_voided ON incident_row (voided_at)
	WHERE voided_at IS NOT NULL;
CREATE INDEX incident_marker ON incident_row (marked_by)
	WHERE voided_at IS NULL;
CREATE VIEW incident (id, rule, rule_version, staff, grp, seat, at, day,
	offence, amount, note, marked_by, marked_at, voided_at, voided_by,
	void_reason, own_fine) AS
	SELECT i.id, r.name, i.rule_version, s.name, g.name, t.name, i.at,
	date(i.day * 86400, 'unixepoch'), i.offence, i.amount, i.note, m.name,
	coalesce(i.marked_at, i.at), i.voided_at, v.name, i.void_reason,
	i.own_fine
	FROM incident_row i LEFT JOIN name r ON r.id = i.rule
	LEFT JOIN name s ON s.id = i.staff LEFT JOIN name g ON g.id = i.grp
	LEFT JOIN name t ON t.id = i.seat LEFT JOIN name m ON m.id = i.marked_by
	LEFT JOIN name v ON v.id = i.voided_by;

-- Who pays what for an incident.  own = 1 is the offender's own fine;
-- the rest are co-penalties and group fines.  staff is NULL where the role
-- was vacant: the line records the vacancy and counts in no total.
-- Stored compactly (schema 8): staff, grp and role are ids of `name`; the
-- view `fine` reads as the table of schema 7 did.
CREATE TABLE fine_row (
	id        INTEGER PRIMARY KEY,
	incident  INTEGER NOT NULL REFERENCES incident_row(id),
	staff     INTEGER,           -- name
	grp       INTEGER NOT NULL,  -- name
	role      INTEGER NOT NULL,  -- name: offender, director, deputy, supervisor, member
	own       INTEGER NOT NULL,
	amount    INTEGER NOT NULL CHECK (amount >= 0),
	doubled   INTEGER NOT NULL DEFAULT 0  -- the repeat factor applied
);
CREATE INDEX fine_incident ON fine_row (incident);
-- Schema 11: an incident's own_fine is the amount of its own line (NULL
-- while it has none), kept by these triggers, so that the seat map reads
-- a day's offenders' fines with its incidents and only the co-penalties
-- from here (db/ticks.c).
CREATE TRIGGER fine_own_add AFTER INSERT ON fine_row WHEN new.own BEGIN
	UPDATE incident_row SET own_fine = new.amount WHERE id = new.incident
	AND own_fine IS NOT new.amount; END;
CREATE TRIGGER fine_own_set AFTER UPDATE OF amount ON fine_row WHEN new.own
	BEGIN UPDATE incident_row SET own_fine = new.amount
	WHERE id = new.incident AND own_fine IS NOT new.amount; END;
CREATE VIEW fine (id, incident, staff, grp, role, own, amount, doubled) AS
	SELECT f.id, f.incident, s.name, g.name, r.name, f.own, f.amount,
	f.doubled FROM fine_row f LEFT JOIN name s ON s.id = f.staff
	LEFT JOIN name g ON g.id = f.grp LEFT JOIN name r ON r.id = f.role;

-- Confiscated items held by the supervisor until handed back.
CREATE TABLE custody (
	id           INTEGER PRIMARY KEY,
	incident     INTEGER NOT NULL REFERENCES incident_row(id),
	staff        TEXT NOT NULL,
	seat         TEXT,
	item         TEXT NOT NULL,
	taken_at     INTEGER NOT NULL,
	kept_by      TEXT NOT NULL,
	returned_at  INTEGER,
	returned_by  TEXT
);
CREATE INDEX custody_open ON custody (returned_at);

-- Desk inspections found in order.  An inspection undone at the console
-- keeps its row with voided_at set and counts nowhere.
CREATE TABLE inspection (
	id     INTEGER PRIMARY KEY,
	seat   TEXT NOT NULL,
	staff  TEXT,
	day    TEXT NOT NULL,
	at     INTEGER NOT NULL,
	by     TEXT NOT NULL,
	voided_at  INTEGER,
	voided_by  TEXT
);
CREATE INDEX inspection_day ON inspection (day, seat);

-- Attendance (rulebook section 3): sign-ins and sign-outs, one live one of
-- each per person and shift day.  minutes is how late (in) or how early
-- (out).  A voided one (undone at the console, `signin --void`) keeps its
-- row and never blocks a corrected one.
CREATE TABLE attendance (
	id        INTEGER PRIMARY KEY,
	staff     TEXT NOT NULL,
	day       TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('in', 'out')),
	at        INTEGER NOT NULL,
	minutes   INTEGER NOT NULL DEFAULT 0,
	by        TEXT NOT NULL,
	voided_at    INTEGER,
	voided_by    TEXT,
	void_reason  TEXT
);
CREATE INDEX attendance_day ON attendance (day);
CREATE UNIQUE INDEX attendance_live ON attendance (staff, day, kind)
	WHERE voided_at IS NULL;

-- Attendance totals carried forward per person and finished month (schema
-- 3; db/carry.h): the month's own figures and what rules need across long
-- windows, up to the month's end.  Derived from the rows above, settled by
-- the first command that needs a finished month, dropped from a month on
-- by any write dated into it (in that write's transaction); `callfloor
-- verify` rebuilds them from the raw rows and compares.
CREATE TABLE att_carry (
	month           TEXT NOT NULL,      -- "YYYY-MM"
	staff           TEXT NOT NULL,
	late            INTEGER NOT NULL,
	early           INTEGER NOT NULL,
	half            INTEGER NOT NULL,
	absent          INTEGER NOT NULL,
	meeting_halves  INTEGER NOT NULL,
	late_year       INTEGER NOT NULL,
	absent_total    INTEGER NOT NULL,
	meeting_total   INTEGER NOT NULL,
	over_months     INTEGER NOT NULL,
	run             INTEGER NOT NULL,
	max_run         INTEGER NOT NULL,
	PRIMARY KEY (month, staff)
) WITHOUT ROWID;

-- Named values of the store's own: "carry_key" is the fingerprint of the
-- configuration the carried totals were settled under (work calendar,
-- shift, thresholds, staff); another one drops them.
CREATE TABLE meta (
	name   TEXT PRIMARY KEY,
	value  TEXT NOT NULL
) WITHOUT ROWID;

-- Attendance explanations (考勤说明, rule A2): a day with one is not an
-- absence, signed in or not.
CREATE TABLE explanation (
	id     INTEGER PRIMARY KEY,
	staff  TEXT NOT NULL,
	day    TEXT NOT NULL,
	note   TEXT NOT NULL,
	by     TEXT NOT NULL,
	at     INTEGER NOT NULL
);
CREATE INDEX explanation_day ON explanation (day, staff);

-- Breaks away from the desk (小休、如厕排队), one row per request.  A break
-- is queued (started_at NULL) when its group's max_away is reached, away
-- from started_at, and over when ended_at is set; a queued request ended
-- before it started is cancelled.  limit_minutes is the reason's limit when
-- it was asked for; over is set when it ended at or past it.
CREATE TABLE away (
	id             INTEGER PRIMARY KEY,
	staff          TEXT NOT NULL,
	grp            TEXT NOT NULL,
	reason         TEXT NOT NULL,
	day            TEXT NOT NULL,
	limit_minutes  INTEGER NOT NULL,
	queued_at      INTEGER NOT NULL,
	started_at     INTEGER,
	ended_at       INTEGER,
	cancelled      INTEGER NOT NULL DEFAULT 0,
	over           INTEGER NOT NULL DEFAULT 0,
	by             TEXT NOT NULL,
	ended_by       TEXT
);
CREATE INDEX away_day ON away (day, staff);
-- One open break (queued or away) per person at a time.
CREATE UNIQUE INDEX away_open ON away (staff) WHERE ended_at IS NULL;

-- Leave requests as made, valid or not (A4, A5).  An invalid request is kept
-- so that the record shows why the day counted as an absence.
CREATE TABLE leave (
	id            INTEGER PRIMARY KEY,
	staff         TEXT NOT NULL,
	from_day      TEXT NOT NULL,
	to_day        TEXT NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('sick', 'personal')),
	via           TEXT NOT NULL CHECK (via IN ('written', 'phone', 'sms')),
	requested_at  INTEGER NOT NULL,
	approved_by   TEXT,             -- the manager who approved (A5), by login
	valid         INTEGER NOT NULL,
	why_invalid   TEXT,
	form_at       INTEGER,          -- written form received (phone leave)
	recorded_by   TEXT NOT NULL,
	recorded_at   INTEGER NOT NULL,
	approved_at   INTEGER           -- when (schema 2); NULL while pending
);
CREATE INDEX leave_days ON leave (to_day, from_day);

-- The audit trail: one line for every write (mark, void, undo, return,
-- inspection, sign-in, leave, rulebook change), added in the same
-- transaction as the write itself.  Who: the login and real uid; where
-- from: the terminal (ttyname of stdin) and the SSH client's address, "-"
-- when none (informational: the address comes from the environment or the
-- login record).  at is the machine's clock, Unix seconds.
--
-- Stored compactly (schema 7): who wrote is one row of audit_who, the
-- action and the object's kind are words of audit_word, the object's id
-- is an integer (its name, "seat A01", text), and the detail's common
-- phrases are single bytes.  The view `audit` (created by db/audit.c from
-- its phrase list, so the list is written once) reads exactly as the
-- table did: id, at, login, uid, terminal, ssh, action, object, detail.
CREATE TABLE audit_who (
	id        INTEGER PRIMARY KEY,
	login     TEXT NOT NULL,
	uid       INTEGER NOT NULL,
	terminal  TEXT NOT NULL,
	ssh       TEXT NOT NULL,
	UNIQUE (login, uid, terminal, ssh)
);
CREATE TABLE audit_word (
	id    INTEGER PRIMARY KEY,
	word  TEXT NOT NULL UNIQUE      -- "mark", "incident", "seat", ...
);
CREATE TABLE audit_line (
	id      INTEGER PRIMARY KEY,
	at      INTEGER NOT NULL,
	who     INTEGER NOT NULL REFERENCES audit_who (id),
	action  INTEGER NOT NULL REFERENCES audit_word (id),
	kind    INTEGER NOT NULL REFERENCES audit_word (id),  -- object's first word
	ref,            -- the rest: an integer id, a name (text), NULL for none
	detail  TEXT NOT NULL           -- phrases coded (db/audit.c)
);
-- The trail by the hour (schema 8): the first and the last line of each
-- hour (at / 3600) that holds any, kept by the trigger below as lines are
-- added, so that a span of time is read as a span of ids (an index on
-- every line's time cost 15 bytes an incident).  Only ever widened.
CREATE TABLE audit_hour (
	hour  INTEGER PRIMARY KEY,     -- at / 3600
	lo    INTEGER NOT NULL,        -- its first line's id
	hi    INTEGER NOT NULL         -- its last line's id
);
CREATE TRIGGER audit_hour_add AFTER INSERT ON audit_line
BEGIN
	INSERT INTO audit_hour (hour, lo, hi) VALUES (new.at / 3600, new.id,
		new.id) ON CONFLICT (hour) DO UPDATE SET lo = min(lo, excluded.lo),
		hi = max(hi, excluded.hi);
END;
CREATE TRIGGER audit_hour_kept BEFORE UPDATE ON audit_hour
	WHEN new.hour <> old.hour OR new.lo > old.lo OR new.hi < old.hi
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_hour_no_delete BEFORE DELETE ON audit_hour
BEGIN
	SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
-- Append-only: nothing edits or removes a line once written, nor who or
-- which word it names.  (db/audit.c adds the same triggers on all three.)

-- Each whole rulebook the database has seen, named by the SHA-256 of its
-- canonical text (each rule's code, titles and frozen terms, one a line),
-- so any past fine can be explained by the rules in force that day.
-- rule_version keeps the same per rule; this keeps the book as a whole.
CREATE TABLE rulebook (
	id          INTEGER PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,
	rules       INTEGER NOT NULL,
	first_seen  INTEGER NOT NULL,
	text        TEXT NOT NULL
);
CREATE TRIGGER rulebook_no_update BEFORE UPDATE ON rulebook
BEGIN
	SELECT RAISE(ABORT, 'the rulebook record is append-only');
END;
CREATE TRIGGER rulebook_no_delete BEFORE DELETE ON rulebook
BEGIN
	SELECT RAISE(ABORT, 'the rulebook record is append-only');
END;

-- Rule B14's register: each day's callers whose repair is still open and
-- callers who complained, recorded on behalf of the agent who took the
-- call, handed by the group's director to the manager (forwarded_*), and
-- closed by a manager with an outcome.  An entry stays open across days
-- until closed.  `late` marks one recorded after it was found unrecorded
-- (rule UNLOGGED; `incident` is that mark, recorded_by who found it).
-- The caller's name and phone are personal data: `complaint purge` sets
-- them to NULL (purged_at) once the entry has been closed long enough;
-- the entry, its dates and outcome stay.  The audit trail names entries by
-- id and never copies a caller's name or phone.
CREATE TABLE complaint (
	id            INTEGER PRIMARY KEY,
	staff         TEXT NOT NULL,    -- the agent who took the call
	grp           TEXT NOT NULL,    -- the agent's group when recorded
	kind          TEXT NOT NULL CHECK (kind IN ('repair', 'complaint')),
	caller        TEXT,             -- NULL once purged
	phone         TEXT,             -- digits (leading +); NULL: none or purged
	note          TEXT NOT NULL,
	at            INTEGER NOT NULL, -- when the call came
	day           TEXT NOT NULL,    -- its shift day
	recorded_by   TEXT NOT NULL,
	recorded_at   INTEGER NOT NULL,
	late          INTEGER NOT NULL DEFAULT 0,
	incident      INTEGER REFERENCES incident_row (id),
	forwarded_by  TEXT,
	forwarded_at  INTEGER,
	closed_by     TEXT,
	closed_at     INTEGER,
	outcome       TEXT,
	purged_at     INTEGER
);
CREATE INDEX complaint_day ON complaint (day);
CREATE INDEX complaint_open ON complaint (grp) WHERE closed_at IS NULL;

-- Month end (schema 5).  A closed month keeps the payroll as it stood
-- when a manager closed it, in both forms, printed as it is ever after;
-- nothing dated inside it is written while it stays closed (the engine
-- checks).  Reopening deletes the row (the audit trail keeps the act).
CREATE TABLE closed_month (
	month          TEXT PRIMARY KEY,   -- YYYY-MM
	closed_by      TEXT NOT NULL,
	closed_at      INTEGER NOT NULL,
	snapshot_text  TEXT NOT NULL,
	snapshot_csv   TEXT NOT NULL
);

-- An agent's appeal (申诉) of their own line of an incident, recorded by a
-- supervisor or above.  While decision is NULL the line leaves payroll.
CREATE TABLE appeal (
	id              INTEGER PRIMARY KEY,
	incident        INTEGER NOT NULL REFERENCES incident_row(id),
	fine            INTEGER NOT NULL REFERENCES fine_row(id),
	staff           TEXT NOT NULL,
	reason          TEXT NOT NULL,
	by              TEXT NOT NULL,
	at              INTEGER NOT NULL,
	decision        TEXT CHECK (decision IN ('uphold', 'void')),
	decided_by      TEXT,
	decided_at      INTEGER,
	decided_reason  TEXT
);
CREATE UNIQUE INDEX appeal_pending ON appeal (fine) WHERE decision IS NULL;

-- What an appeal decided after its month closed changes, settled in the
-- month of the decision (amount added to that month's fines).
CREATE TABLE adjustment (
	id      INTEGER PRIMARY KEY,
	appeal  INTEGER NOT NULL REFERENCES appeal(id),
	month   TEXT NOT NULL,
	staff   TEXT NOT NULL,
	amount  INTEGER NOT NULL,
	note    TEXT NOT NULL
);
CREATE INDEX adjustment_month ON adjustment (month);
