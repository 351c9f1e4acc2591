#!/usr/bin/env bash
# privilege.sh - the shared install attacked by its own users.
#
# A scratch `make install` (setgid callfloor, data folder 2770), four
# throwaway users (cftest_mgr, cftest_sup, cftest_lead on the floor,
# cftest_out not), and every way a user can name a path aimed at the
# data folder, at the database itself and through a folder swapped for a
# symlink while the process is stopped.  Also forged approvals, control
# characters through every text output, a missing and an empty database,
# far-future dates, global options after the verb, an unreadable working
# folder, and a writer that holds the lock.  After each attack the
# database must pass integrity_check and hold every acknowledged mark.
#
# On PostgreSQL (tests/pg.sh) the floor's database is the cluster's, named
# in the credentials file (lib.sh's pg_shared) that the users cannot read:
# the same attacks, a user's configuration naming that file, and the
# floor's write lock held; what only an SQLite file has (its folder and
# mode, backup copies into and out of it, integrity_check) stays SQLite's.
#
# Needs root; skips (reported as a skip) otherwise.  The users and the
# group it makes are removed when it ends.
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "skip: privilege needs root (it adds users and the callfloor group)"
	exit 77
fi
# Named per run, so that two runs at once never meet.
MGR=cftest_m$$ SUP=cftest_s$$ LEAD=cftest_l$$ OUT=cftest_o$$
for u in "$MGR" "$SUP" "$LEAD" "$OUT"; do
	fixture_user "$u"
	mkdir -p "$T/home/$u"
	chown "$u:" "$T/home/$u"
	chmod 700 "$T/home/$u"
done
chmod 755 "$T" "$T/home"
install_scratch
sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
	sed "s|@include \"rules.cfg\"|users = (\n  { login = \"$MGR\"; role = \"manager\"; },\n  { login = \"$SUP\"; role = \"supervisor\"; staff = \"S001\"; },\n  { login = \"$LEAD\"; role = \"lead\"; }\n);\n@include \"rules.cfg\"|" \
	>"$CONF/callfloor.cfg"
pg_shared
# DBFILE: the shared database's file, or on PostgreSQL where it would be
# (a path a user may aim at all the same).  DBLINE names the database in a
# user's own configuration.
DBFILE="$DATA/small.db"
if [ -n "${CF_TEST_PG:-}" ]; then
	DBLINE="database_file = \"$CONF/db.conn\";"
	schema() { dbq "SELECT max(version) FROM callfloor_schema"; }
	no_database() { [ "$(dbq "SELECT count(*) FROM pg_class
	    WHERE relnamespace = 'public'::regnamespace")" = 0 ]; }
	KEEP='^$'	# nothing at all in the data folder
	CHR=chr
else
	DB=$DBFILE
	DBLINE="database = \"$DB\";"
	schema() { dbq 'PRAGMA user_version'; }
	no_database() { [ ! -e "$DB" ]; }
	KEEP='^small\.db\(-wal\|-shm\)\?$'
	CHR=char
fi
cd "$T"

# --- the acknowledged record ---
# Only a manager creates the floor's database, and it is on the record.
expect_rc 3 as "$SUP" "$BIN" init
grep -q "only a manager creates or migrates the floor's database" "$T/err" || fail "init as a supervisor: $(cat "$T/err")"
no_database || fail "a supervisor's init created the database"
expect_rc 0 as "$MGR" "$BIN" init
expect_eq "init on the record" "$(dbq "SELECT login || ' ' || detail FROM audit WHERE action = 'init'")" \
	"$MGR created the database (schema $(schema))"
MARKS=0
mark_ok() {	# USER SEAT: a mark that must be kept
	expect_rc 0 as "$1" "$BIN" mark --seat "$2" --rule DESK
	MARKS=$((MARKS + 1))
}
mark_ok "$SUP" A01
mark_ok "$SUP" A02
mark_ok "$MGR" B01
# The database as the data folder holds it, and a check after each attack.
intact() {
	if [ -z "${CF_TEST_PG:-}" ]; then
		[ -f "$DB" ] && [ ! -L "$DB" ] || fail "$1: the database file is gone"
		expect_eq "$1: integrity" "$(dbq 'PRAGMA integrity_check')" "ok"
		expect_eq "$1: owner" "$(stat -c '%G %a' "$DB")" "callfloor 660"
	fi
	expect_eq "$1: marks" "$(dbq 'SELECT count(*) FROM incident')" "$MARKS"
	expect_eq "$1: data folder" "$(cd "$DATA" && ls -A | grep -v "$KEEP" || true)" ""
}
intact "setup"

# --- every user-named path, as every user, aimed at the data folder ---
for u in "$MGR" "$SUP" "$LEAD" "$OUT"; do
	# -o onto the database, into the folder, next to it.
	for target in "$DBFILE" "$DATA/planted.txt" "$DATA/small.db-wal"; do
		as "$u" "$BIN" report -o "$target" >"$T/out" 2>"$T/err" &&
			fail "$u: report -o $target succeeded"
		intact "$u report -o $target"
	done
	# backup onto the database and into the folder.
	for target in "$DBFILE" "$DATA/stray.db"; do
		as "$u" "$BIN" backup "$target" >"$T/out" 2>"$T/err" &&
			fail "$u: backup $target succeeded"
		intact "$u backup $target"
	done
	# -d and -c name files: the group is gone before they are opened,
	# whether they come before or after the verb, in any spelling.
	# The user's own configuration: the user a manager, the shared file
	# as its database.
	sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
		sed "s|^  id = \"small\";|  id = \"small\";\n  $DBLINE|; s|@include \"rules.cfg\"|users = ( { login = \"$u\"; role = \"manager\"; } );\n@include \"$CONF/rules.cfg\"|" \
		>"$T/home/$u/own.cfg"
	chown "$u:" "$T/home/$u/own.cfg"
	for args in "-d $DBFILE mark --seat A03 --rule DESK" \
		"mark --seat A03 --rule DESK -d $DBFILE" \
		"mark --seat A03 --rule DESK -d$DBFILE" \
		"mark --seat A03 --rule DESK --db=$DBFILE" \
		"-c $T/home/$u/own.cfg mark --seat A03 --rule DESK" \
		"mark --seat A03 --rule DESK -c$T/home/$u/own.cfg" \
		"mark --seat A03 --rule DESK --config=$T/home/$u/own.cfg" \
		"void 1 --reason x --config=$T/home/$u/own.cfg" \
		"backup $T/home/$u/b.db -d $DBFILE"; do
		# shellcheck disable=SC2086
		as "$u" "$BIN" $args >"$T/out" 2>"$T/err" &&
			fail "$u: '$args' succeeded: $(cat "$T/out")"
		grep -q "Permission denied\|not a user of floor" "$T/err" ||
			fail "$u: '$args': $(cat "$T/err")"
		grep -q "Sekr1t" "$T/out" "$T/err" && fail "$u: '$args' showed the password"
		intact "$u $args"
	done
	# Nothing was made in the user's home by the group either.
	[ -z "$(find "$T/home/$u" -group callfloor)" ] ||
		fail "$u: files of group callfloor in the home: $(find "$T/home/$u" -group callfloor)"
done

# A -o and a backup of the user's own are the user's, not the group's.
expect_rc 0 as "$LEAD" "$BIN" report -o "$T/home/$LEAD/r.txt"
expect_eq "report owner" "$(stat -c '%U %G' "$T/home/$LEAD/r.txt")" "$LEAD $LEAD"
if [ -z "${CF_TEST_PG:-}" ]; then	# (a backup copy is SQLite's)
	expect_rc 0 as "$LEAD" "$BIN" backup "$T/home/$LEAD/copy.db"
	expect_eq "backup owner" "$(stat -c '%U %G %a' "$T/home/$LEAD/copy.db")" "$LEAD $LEAD 600"
fi

# --- stopped and swapped: the group is gone before any user path ---
# The print command stands still until told: callfloor waits for it, and
# its own ids are read from /proc meanwhile (deterministic).
sed -i "s#^  shift = #  print_command = \"cat >/dev/null; touch $T/home/$LEAD/printing; while [ ! -e $T/home/$LEAD/go ]; do sleep 0.05; done\";\n  shift = #" \
	"$CONF/callfloor.cfg"
as "$LEAD" "$BIN" report --print >"$T/print.out" 2>&1 &
bg=$!
for ((i = 0; i < 200; i++)); do [ -e "$T/home/$LEAD/printing" ] && break; sleep 0.05; done
[ -e "$T/home/$LEAD/printing" ] || fail "the print command never ran: $(cat "$T/print.out")"
cf_pid=$(pgrep -u "$LEAD" -x callfloor | head -1)
[ -n "$cf_pid" ] || fail "no callfloor process of $LEAD"
ga=$(id -g "$LEAD")
expect_eq "callfloor's gids while printing" \
	"$(sed -n 's/^Gid:\s*//p' "/proc/$cf_pid/status" | tr -s '\t ' ' ')" "$ga $ga $ga $ga"
touch "$T/home/$LEAD/go"
wait "$bg" || fail "report --print: $(cat "$T/print.out")"
sed -i '/print_command/d' "$CONF/callfloor.cfg"

# backup into a folder that is swapped for a symlink to the data folder
# while the process is stopped.  A large database makes the copy slow
# enough for the stop to land between the copy's creation and its check;
# each trial records where it landed.
# (SQLite only: the copy of its file.)
if [ -z "${CF_TEST_PG:-}" ]; then
	sqlite3 "$DB" "CREATE TABLE ballast (b BLOB); INSERT INTO ballast
	    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
	    SELECT randomblob(100000) FROM n;"
	landed=0
	for trial in 1 2 3 4 5 6; do
		d="$T/home/$MGR/drop$trial"
		as "$MGR" mkdir "$d"
		as "$MGR" "$BIN" backup "$d/small.db" >"$T/out" 2>"$T/err" &
		bg=$!
		for ((i = 0; i < 20000; i++)); do [ -e "$d/small.db" ] && break; done
		cf_pid=$(pgrep -u "$MGR" -x callfloor | head -1)
		if [ -n "$cf_pid" ] && [ -e "$d/small.db" ]; then
			kill -STOP "$cf_pid"
			gm=$(id -g "$MGR")
			expect_eq "stopped backup's gids" \
				"$(sed -n 's/^Gid:\s*//p' "/proc/$cf_pid/status" | tr -s '\t ' ' ')" "$gm $gm $gm $gm"
			[ "$(stat -c %s "$d/small.db")" -lt 40000000 ] && landed=$((landed + 1))
			as "$MGR" mv "$d" "$d.real"
			as "$MGR" ln -s "$DATA" "$d"
			kill -CONT "$cf_pid"
		fi
		wait "$bg" || true
		intact "backup swapped, trial $trial"
	done
	echo "note: $landed of 6 stops landed inside the copy"
	sqlite3 "$DB" "DROP TABLE ballast; VACUUM;"
fi

# A relative -o from a working folder that cannot be opened (mode 0311)
# lands there, not in the configuration's folder.
mkdir "$T/home/$SUP/wx"
chown "$SUP:" "$T/home/$SUP/wx"
chmod 0311 "$T/home/$SUP/wx"
(cd "$T/home/$SUP/wx" && runuser -u "$SUP" -- "$BIN" report -o rel.txt) ||
	fail "report -o from a 0311 folder"
[ -f "$T/home/$SUP/wx/rel.txt" ] || fail "rel.txt is not in the working folder"
[ -e "$CONF/rel.txt" ] && fail "rel.txt went to the configuration's folder"

# --- a database the group would guard in vain is refused ---
# (SQLite only: the folder of a database file.)
if [ -z "${CF_TEST_PG:-}" ]; then
	cp "$CONF/callfloor.cfg" "$T/cfg.saved"
	install -d -o root -g callfloor -m 2775 "$T/srv"
	sed -i "s|^  id = \"small\";|  id = \"small\";\n  database = \"$T/srv/floor.db\";|" "$CONF/callfloor.cfg"
	expect_rc 1 as "$MGR" "$BIN" init
	grep -q "the database folder $T/srv must be a folder owned by root, group callfloor, mode 2770 (it is 2775" "$T/err" ||
		fail "an open folder: $(cat "$T/err")"
	[ -e "$T/srv/floor.db" ] && fail "init made a database in an open folder"
	sed -i "s|database = \"$T/srv/floor.db\";|database = \"rel.db\";|" "$CONF/callfloor.cfg"
	expect_rc 2 as "$SUP" "$BIN" fines
	grep -q "floor.database 'rel.db' must be an absolute path" "$T/err" || fail "relative database: $(cat "$T/err")"
	cp "$T/cfg.saved" "$CONF/callfloor.cfg"
fi
# The installed configuration is read through callfloor by its users only.
expect_rc 3 as "$OUT" "$BIN" rules
expect_rc 3 as "$OUT" "$BIN" check-config
expect_rc 0 as "$LEAD" "$BIN" rules
intact "folder checks"

# --- no act in another's name ---
expect_rc 2 as "$SUP" "$BIN" leave E101 --from 2026-12-20 --to 2026-12-22 --kind personal \
	--via written --requested-at "$(date '+%Y-%m-%d %H:%M')" --approved-by "$MGR"
grep -q "unknown option '--approved-by'" "$T/err" || fail "--approved-by: $(cat "$T/err")"
expect_rc 0 as "$SUP" "$BIN" leave E101 --from 2030-12-02 --to 2030-12-04 --kind personal \
	--via written --requested-at "$(date '+%Y-%m-%d %H:%M')"
lid=$(dbq 'SELECT max(id) FROM leave')
expect_rc 3 as "$SUP" "$BIN" leave-approve "$lid"
expect_rc 3 as "$LEAD" "$BIN" leave-approve "$lid"
expect_eq "still pending" "$(dbq "SELECT CASE WHEN approved_by IS NULL THEN 1 ELSE 0 END FROM leave WHERE id = $lid")" "1"
expect_rc 0 as "$MGR" "$BIN" leave-approve "$lid"
expect_eq "approved by" "$(dbq "SELECT approved_by FROM leave WHERE id = $lid")" "$MGR"
dbq "SELECT login, action, detail FROM audit WHERE object = 'leave $lid'" >"$T/trail"
grep -q "^$SUP|leave|.*pending a manager's approval" "$T/trail" || fail "trail: $(cat "$T/trail")"
grep -q "^$MGR|leave approve|approved E101" "$T/trail" || fail "trail: $(cat "$T/trail")"
# A supervisor dates a request 48 hours back at most; over-long values fail.
expect_rc 3 as "$SUP" "$BIN" leave E102 --from 2030-12-02 --kind personal --via written \
	--requested-at "$(date -d '-3 days' '+%Y-%m-%d %H:%M')"
expect_rc 2 as "$SUP" "$BIN" leave E102 --from 2030-12-02 --kind personal --via written \
	--requested-at "$(printf '2026-11-01 09:00%0200d' 0)"
expect_rc 0 as "$MGR" "$BIN" leave E102 --from 2030-12-02 --kind personal --via written \
	--requested-at "$(date -d '-30 days' '+%Y-%m-%d %H:%M')"

# --- control characters never reach a terminal ---
expect_rc 2 as "$SUP" "$BIN" mark --seat A03 --rule DESK --note $'x\n2026-01-01 00:00:00 cftest_mgr void incident 1'
grep -q "control character" "$T/err" || fail "note with a newline: $(cat "$T/err")"
expect_rc 2 as "$MGR" "$BIN" void 1 --reason $'\e]0;owned\a'
# Old data may hold them: put some in behind callfloor's back.
# (SQLite's char(n) is PostgreSQL's chr(n).)
ctl="'a' || $CHR(10) || 'forged row ' || $CHR(27) || '[2J' || $CHR(27) || ']0;t' || $CHR(7)"
# (The trail's line goes into its compact table, schema 7: the detail holds
# a phrase's code byte, char(7), so it is stored as it is after 0x7f.)
if [ -n "${CF_TEST_PG:-}" ]; then
	who="INSERT INTO audit_who (login, uid, terminal, ssh) VALUES ('$MGR', 0, '-', '-')
	    ON CONFLICT DO NOTHING" now="extract(epoch FROM now())::bigint"
else
	who="INSERT OR IGNORE INTO audit_who (login, uid, terminal, ssh) VALUES ('$MGR', 0, '-', '-')"
	now="strftime('%s')"
fi
dbq "UPDATE incident SET note = $ctl WHERE id = 2;
    $who;
    INSERT INTO audit_line (at, who, action, kind, ref, detail) VALUES ($now,
      (SELECT id FROM audit_who WHERE login = '$MGR' AND uid = 0 AND terminal = '-' AND ssh = '-'),
      (SELECT id FROM audit_word WHERE word = 'mark'), (SELECT id FROM audit_word WHERE word = 'incident'),
      '2', $CHR(127) || $ctl)"
[ "$(dbq "SELECT count(*) FROM audit WHERE object = 'incident 2' AND detail = $ctl")" = 1 ] ||
	fail "the forged line does not read back as written"
for args in "audit" "audit --format csv" "report" "report --format csv" "journal" "fines" "map" "custody"; do
	# shellcheck disable=SC2086
	as "$MGR" "$BIN" $args >"$T/o.raw" 2>&1 || fail "$args: $(cat "$T/o.raw")"
	if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0e-\x1f\x7f]' "$T/o.raw"; then
		fail "$args printed a control character: $(od -c "$T/o.raw" | grep -m3 '033\|007')"
	fi
	grep -q "^forged row" "$T/o.raw" && fail "$args: a note forged a line"
done
as "$MGR" "$BIN" audit >"$T/o.raw"
grep -q 'a\\nforged row \^\[\[2J\^\[\]0;t\^G$' "$T/o.raw" || fail "not shown visibly: $(grep -a forged "$T/o.raw")"
# Items read back from the database are printed through the sanitiser too.
expect_rc 0 as "$SUP" "$BIN" mark --seat B02 --rule PHONE
MARKS=$((MARKS + 1))
mid=$(head -n1 "$T/out")
cid=$(dbq 'SELECT max(id) FROM custody')
dbq "UPDATE custody SET item = 'ph' || $CHR(27) || ']0;pwned' || $CHR(7) WHERE id = $cid"
for args in "void $mid --reason test" "return $cid"; do
	# shellcheck disable=SC2086
	as "$MGR" "$BIN" $args >"$T/o.raw" 2>&1 || fail "$args: $(cat "$T/o.raw")"
	LC_ALL=C grep -q $'[\x01-\x08\x0b\x0e-\x1f\x7f]' "$T/o.raw" &&
		fail "$args printed a control character: $(od -c "$T/o.raw" | head)"
	grep -qF 'ph^[]0;pwned^G' "$T/o.raw" || fail "$args: the item is not shown visibly: $(cat "$T/o.raw")"
done
# Names with control characters are refused when the configuration loads.
sed 's/name = "Test Floor";/name = "Test\\x1b[2J Floor";/' "$CONF/callfloor.cfg" | sed "s|@include \"rules.cfg\"|@include \"$CONF/rules.cfg\"|" >"$T/home/$MGR/ctl.cfg"
expect_rc 2 "$BIN" -c "$T/home/$MGR/ctl.cfg" check-config
grep -q "ctl.cfg:[0-9]*: floor: 'name' has a control character" "$T/err" || fail "ctl name: $(cat "$T/err")"

# --- far-future dates: refused at once, no endless loop ---
for args in "report --day 9999-12-31" "map --day 9999-12-31" "fines --day 9999-12-31" \
	"report --day 1969-12-31" "attendance --month 9999-12"; do
	# shellcheck disable=SC2086
	expect_rc 2 timeout 10 runuser -u "$MGR" -- "$BIN" $args
done

# --- a writer that holds the lock: others are told, not hung ---
# A writer takes the write lock and stands still until its input ends,
# as a callfloor stopped mid-write would.  On PostgreSQL the write lock
# is the floor's transaction lock, as db/store_pg.c takes it.
mkfifo "$T/hold"
if [ -n "${CF_TEST_PG:-}" ]; then
	name=${DB#postgresql://*/}
	psql -h "$CF_TEST_PG" -U postgres -d "${name%%\?*}" -qAtX <"$T/hold" >/dev/null &
	holder=$!
	exec 4>"$T/hold"
	echo "BEGIN; SELECT pg_advisory_xact_lock(hashtext('callfloor floor ' || 'small'));" >&4
	locked() { [ "$(dbq "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
	    AND granted AND database = (SELECT oid FROM pg_database
	    WHERE datname = current_database())")" = 1 ]; }
else
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
sys.stdin.read()' "$DB" <"$T/hold" &
	holder=$!
	exec 4>"$T/hold"
	locked() { ! sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; }
fi
sleep_until_locked() {
	local i
	for ((i = 0; i < 100; i++)); do
		locked && return 0
		sleep 0.05
	done
	fail "the holder never took the lock"
}
sleep_until_locked
# (timeout: a writer hung for ever behind the lock fails here, 124.)
expect_rc 1 as "$SUP" timeout 60 "$BIN" mark --seat A04 --rule DESK
grep -q "is busy: another callfloor has held its write lock since" "$T/err" || fail "busy: $(cat "$T/err")"
expect_rc 0 as "$LEAD" "$BIN" fines     # readers are not held up
exec 4>&-
wait "$holder" || true
mark_ok "$SUP" A04
intact "after the lock"

# --- a missing or empty database is noticed, never re-created ---
if [ -n "${CF_TEST_PG:-}" ]; then
	# The credentials file names a database that is not there, then an
	# empty one (the file keeps its owner and mode).
	cp "$CONF/db.conn" "$T/conn.saved"
	printf '%s\n' "$(sed 's|/\([^/?]*\)?|/\1_nothing?|' "$T/conn.saved")" >"$CONF/db.conn"
	expect_rc 1 as "$SUP" "$BIN" mark --seat A05 --rule DESK
	grep -q "unavailable: .*_nothing\" does not exist" "$T/err" || fail "missing: $(cat "$T/err")"
	grep -q "Sekr1t" "$T/err" && fail "missing: the password shown"
	EMPTY=$(scratch_db empty)
	printf '%s\n' "${EMPTY/callfloor@/callfloor:Sekr1t-pw@}" >"$CONF/db.conn"
	expect_rc 1 as "$SUP" "$BIN" mark --seat A05 --rule DESK
	grep -q "holds no callfloor database (run \`callfloor init\`" "$T/err" || fail "empty: $(cat "$T/err")"
	(DB=$EMPTY; no_database) || fail "mark made a database in the empty one"
	cp "$T/conn.saved" "$CONF/db.conn"
	expect_eq "credentials mode" "$(stat -c '%a %U %G' "$CONF/db.conn")" "640 root callfloor"
	intact "restored"
	echo "ok: privilege on PostgreSQL: no user reached the database but through callfloor; $MARKS marks intact"
	exit 0
fi
mv "$DB" "$T/saved.db"
rm -f "$DB-wal" "$DB-shm"
expect_rc 1 as "$SUP" "$BIN" mark --seat A05 --rule DESK
grep -q "no such file (run \`callfloor init\`)" "$T/err" || fail "missing: $(cat "$T/err")"
[ -e "$DB" ] && fail "mark re-created the database"
install -m 660 -g callfloor /dev/null "$DB"
expect_rc 1 as "$SUP" "$BIN" mark --seat A05 --rule DESK
grep -q "is empty" "$T/err" || fail "empty: $(cat "$T/err")"
expect_eq "still empty" "$(stat -c %s "$DB")" "0"
mv "$T/saved.db" "$DB"
intact "restored"

echo "ok: privilege: no user wrote a file with the group's rights; $MARKS marks intact"
