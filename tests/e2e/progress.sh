#!/usr/bin/env bash
# progress.sh - a long command (the bench generator, some seconds of
# marks; a backup; a payroll counting months; a migration in init) shows "done/total (rate/s, time
# left)" on stderr when stderr is a terminal (under a pty made by script),
# and nothing of it in a pipe.
. "$(dirname "$0")/lib.sh"

GEN="$ROOT/build/bench/gen_history"
[ -x "$GEN" ] || make -s -C "$ROOT" build/bench/gen_history >/dev/null
# Enough marks to take more than the two seconds before the line shows.
N=30000
PIPE=$T/pipe.db TTY=$T/tty.db
if [ -n "${CF_TEST_PG:-}" ]; then
	# PostgreSQL's marks are slower (some 4 ms each here): fewer of them,
	# and the line shown from the start (what is tested is the line and
	# where it goes, not the clock).  Both databases are the cluster's.
	N=3000
	export CALLFLOOR_PROGRESS_AFTER=0
	PIPE=$DB TTY=$(scratch_db tty)
fi

# piped NAME CMD...: runs CMD with stdout and stderr in pipes; stderr must
# hold no byte of progress; stdout is left in $T/NAME.out.
piped() {
	local name=$1
	shift
	"$@" 2>"$T/$name.err" | cat >"$T/$name.out"
	[ ! -s "$T/$name.err" ] || fail "$name: progress in a pipe: $(cat -v "$T/$name.err" | head -c 300)"
}
# on_tty NAME LINE SUMMARY CMD: runs CMD under a pty; the screen must show
# a progress line matching LINE (an extended regex) drawn in place (\r ...
# erase to the end), then SUMMARY, with the line cleared before it.
on_tty() {
	local name=$1 line=$2 summary=$3
	shift 3
	script -qec "$*" /dev/null </dev/null >"$T/$name.tty"
	tr '\r' '\n' <"$T/$name.tty" | sed 's/\x1b\[K//g' >"$T/$name.lines"
	grep -Eq "^$line \([0-9]+/s, [0-9ms?]+ left\)" "$T/$name.lines" ||
		fail "$name: no progress on a terminal: $(cat -v "$T/$name.tty" | head -c 400)"
	grep -q "$summary" "$T/$name.lines" || fail "$name: no summary on a terminal"
	tail -n 2 "$T/$name.lines" | grep -q "left)" && fail "$name: progress left on screen"
	return 0
}

piped gen "$GEN" -c "$CALLFLOOR_CONFIG" -d "$PIPE" -n $N
grep -q "^marks $N " "$T/gen.out" || fail "no summary: $(cat "$T/gen.out")"
on_tty gen "gen_history: marks: [0-9]+/$N" "^marks $N " \
	"$GEN -c $CALLFLOOR_CONFIG -d '$TTY' -n $N"

# The backup (SQLite's copy of its file; refused on PostgreSQL, whose
# own tools copy a database) of that database (7 MB, some 1,700 pages
# since schema 8), page by page.  Copying it takes well under the two seconds, so the delay
# is set to 0 here: what is tested is the line and where it goes, not the
# clock.
if [ -z "${CF_TEST_PG:-}" ]; then
	export CALLFLOOR_PROGRESS_AFTER=0
	piped backup "$CF" -d "$T/pipe.db" backup "$T/pipe.bak"
	grep -q "^copied $T/pipe.db to $T/pipe.bak$" "$T/backup.out" || fail "backup in a pipe: $(cat "$T/backup.out")"
	pages=$(sqlite3 "$T/tty.db" "PRAGMA page_count")
	[ "$pages" -gt 1000 ] || fail "the database is too small to show a backup's progress ($pages pages)"
	on_tty backup "backup: pages copied: [0-9]+/$pages" "^copied $T/tty.db to $T/tty.bak" \
		"$CF -d $T/tty.db backup $T/tty.bak"
	cmp <(sqlite3 "$T/tty.db" "SELECT count(*), sum(amount) FROM fine") \
		<(sqlite3 "$T/tty.bak" "SELECT count(*), sum(amount) FROM fine") || fail "the copy differs"
fi

# A payroll that first counts the year's attendance to carry it (eleven
# months before December), month by month.
piped payroll "$CF" -d "$PIPE" payroll --month 2025-12
grep -q ": payroll 2025-12$" "$T/payroll.out" || fail "payroll in a pipe: $(head -n3 "$T/payroll.out")"
on_tty payroll "attendance: months counted: [0-9]+/11" ": payroll 2025-12$" \
	"$CF -d '$TTY' payroll --month 2025-12"
# The payroll kept what it counted: the next one has nothing to count.
script -qec "$CF -d '$TTY' payroll --month 2025-12" /dev/null </dev/null >"$T/again.tty"
grep -q "months counted" "$T/again.tty" && fail "the second payroll counted the months again"
grep -q ": payroll 2025-12" "$T/again.tty" || fail "no second payroll: $(head -c 300 "$T/again.tty")"

# A migration of an SQLite file (schema 5 to 8: the breaks' table and its
# indexes, the audit trail made compact, then incidents and fines made
# compact, 3 + 23 + 35 statements) in `init`, statement by statement.
# back_to_5 undoes the three steps.  (No PostgreSQL database predates
# schema 7; its step 8 is tests/e2e/schema7.sh's.)
if [ -n "${CF_TEST_PG:-}" ]; then
	echo "progress: ok (PostgreSQL: generator and payroll)"
	exit 0
fi
back_to_5() {
	sqlite3 "$1" "CREATE TABLE incident_v7 (id INTEGER PRIMARY KEY,
	      rule TEXT NOT NULL, rule_version INTEGER NOT NULL REFERENCES
	      rule_version(id), staff TEXT, grp TEXT NOT NULL, seat TEXT,
	      at INTEGER NOT NULL, day TEXT NOT NULL, offence INTEGER NOT NULL
	      DEFAULT 0, amount INTEGER, note TEXT, marked_by TEXT NOT NULL,
	      marked_at INTEGER NOT NULL, voided_at INTEGER, voided_by TEXT,
	      void_reason TEXT);
	    INSERT INTO incident_v7 SELECT id, rule, rule_version, staff, grp,
	      seat, at, day, offence, amount, note, marked_by, marked_at,
	      voided_at, voided_by, void_reason FROM incident;
	    CREATE TABLE fine_v7 (id INTEGER PRIMARY KEY, incident INTEGER NOT
	      NULL REFERENCES incident(id), staff TEXT, grp TEXT NOT NULL,
	      role TEXT NOT NULL, own INTEGER NOT NULL, amount INTEGER NOT NULL,
	      doubled INTEGER NOT NULL DEFAULT 0);
	    INSERT INTO fine_v7 SELECT * FROM fine;
	    DROP VIEW incident; DROP VIEW fine;
	    ALTER TABLE incident_row RENAME TO incident;
	    ALTER TABLE fine_row RENAME TO fine;
	    DROP TABLE fine; DROP TABLE incident; DROP TABLE name;
	    ALTER TABLE incident_v7 RENAME TO incident;
	    ALTER TABLE fine_v7 RENAME TO fine;
	    CREATE INDEX incident_offender ON incident (staff, rule, day);
	    CREATE INDEX incident_day ON incident (day);
	    CREATE INDEX incident_rule ON incident (rule, day);
	    CREATE INDEX fine_incident ON fine (incident);
	    DROP TABLE audit_hour;
	    DROP TABLE away;
	    CREATE TABLE audit_v6 (id INTEGER PRIMARY KEY, at INTEGER NOT NULL,
	      login TEXT NOT NULL, uid INTEGER NOT NULL, terminal TEXT NOT NULL,
	      ssh TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL,
	      detail TEXT NOT NULL);
	    INSERT INTO audit_v6 SELECT * FROM audit;
	    DROP VIEW audit; DROP TABLE audit_line; DROP TABLE audit_who;
	    DROP TABLE audit_word; ALTER TABLE audit_v6 RENAME TO audit;
	    CREATE INDEX audit_at ON audit (at);
	    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
	      SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
	    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
	      SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
	    PRAGMA user_version = 5"
}
back_to_5 "$T/tty.db"
piped init "$CF" -d "$T/tty.db" init
last=$(sqlite3 "$T/tty.db" "SELECT max(id) FROM audit")
q="SELECT count(*), sum(length(detail)), max(object), max(login) FROM audit WHERE id <= $last"
trail=$(sqlite3 "$T/tty.db" "$q")
back_to_5 "$T/tty.db"
on_tty init "migrating the database: statements: [0-9]+/69" "ready (schema 11)" \
	"$CF -d $T/tty.db init"
[ "$(sqlite3 "$T/tty.db" "$q")" = "$trail" ] ||
	fail "the audit trail changed in the migration"
echo "progress: ok"
