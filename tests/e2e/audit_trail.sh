#!/usr/bin/env bash
# audit_trail.sh - every write leaves one audit line in its own transaction
# (a refused or failed write leaves none); the trail and the rulebook
# record refuse UPDATE and DELETE; a rulebook change is recorded once;
# audit and backup are for managers and leads; backup never overwrites.
source "$(dirname "$0")/lib.sh"

SQL() { dbq "$@"; }
actions() { SQL "SELECT action FROM audit ORDER BY id" | paste -sd, -; }

cf init >/dev/null
expect_eq "init on the record" "$(actions)" "rulebook change,init"
cf init >/dev/null
expect_eq "a second init changes nothing" "$(actions)" "rulebook change,init"
cf mark --seat A01 --rule SLEEP --note "head down" >/dev/null
cf mark --seat B01 --rule PHONE >/dev/null 2>&1
cf void 1 --reason "wrong seat" >/dev/null
cf return 1 >/dev/null
expect_eq "actions" "$(actions)" "rulebook change,init,mark,mark,void,return"
expect_eq "one rulebook" "$(SQL 'SELECT count(*) FROM rulebook')" "1"
expect_eq "who" "$(SQL "SELECT DISTINCT login || ' ' || uid FROM audit")" "$(id -un) $(id -u)"
SQL "SELECT detail FROM audit WHERE action = 'mark' AND object = 'incident 1'" |
	grep -q "^SLEEP on E101 seat A01 at .*, offence 1; fines: E101 offender 10.00, D001 director 10.00, D002 deputy 10.00; note: head down$" ||
	fail "mark detail: $(SQL "SELECT detail FROM audit WHERE object = 'incident 1'")"

# Where from: the SSH client's address (informational).
SSH_CONNECTION="192.0.2.7 50022 192.0.2.1 22" cf mark --seat A04 --rule DESK >/dev/null
expect_eq "ssh address" "$(SQL "SELECT ssh FROM audit ORDER BY id DESC LIMIT 1")" "192.0.2.7"
SSH_CONNECTION='$(evil) x' cf mark --seat A05 --rule DESK >/dev/null
expect_eq "ssh address cleaned" "$(SQL "SELECT ssh FROM audit ORDER BY id DESC LIMIT 1")" "evil"
SQL "SELECT ssh FROM audit WHERE id < 7" | grep -qvx -- - && fail "an address without SSH"
cf void 3 --reason "test line" >/dev/null
cf void 4 --reason "test line" >/dev/null

# Refused and failed writes leave no line.
expect_rc 2 cf void 99 --reason nothing
expect_rc 2 cf void 1 --reason again
expect_rc 2 cf return 1
expect_eq "lines after refusals" "$(SQL 'SELECT count(*) FROM audit')" "10"

# Append-only, even for the database's owner.
SQL "UPDATE audit SET login = 'someone' WHERE id = 2" 2>"$T/err" && fail "UPDATE went through"
grep -q "the audit trail is append-only" "$T/err" || fail "update: $(cat "$T/err")"
SQL "DELETE FROM audit" 2>"$T/err" && fail "DELETE went through"
SQL "DELETE FROM rulebook" 2>"$T/err" && fail "DELETE FROM rulebook went through"
expect_eq "lines kept" "$(SQL 'SELECT count(*) FROM audit')" "10"

# A changed rulebook is recorded once, when the next write happens under it.
sed 's/fine = 5; repeat_factor = 2;/fine = 6; repeat_factor = 2;/' "$ROOT/conf/rules.cfg" >"$T/rules2.cfg"
cmp -s "$ROOT/conf/rules.cfg" "$T/rules2.cfg" && fail "the rulebook edit did not take"
sed "s|@include \"rules.cfg\"|@include \"$T/rules2.cfg\"|" "$ROOT/tests/fixtures/small.cfg" >"$T/small2.cfg"
cf -c "$T/small2.cfg" mark --seat A02 --rule DESK >/dev/null
cf -c "$T/small2.cfg" mark --seat A03 --rule DESK >/dev/null
expect_eq "two rulebooks" "$(SQL 'SELECT count(*) FROM rulebook')" "2"
SQL "SELECT detail FROM audit WHERE action = 'rulebook change' ORDER BY id DESC LIMIT 1" |
	grep -q "replaces rulebook $(SQL 'SELECT substr(hash, 1, 12) FROM rulebook WHERE id = 1')" ||
	fail "rulebook change detail"

# The listing: text, csv, a period; leads read it, supervisors do not.
expect_rc 0 cf audit
grep -q "^when  *login  *uid  *terminal  *from  *action  *object  *detail$" "$T/out" ||
	fail "audit header: $(head -1 "$T/out")"
expect_eq "text lines" "$(($(wc -l <"$T/out") - 1))" "$(SQL 'SELECT count(*) FROM audit')"
expect_rc 0 cf audit --format csv
expect_eq "csv header" "$(head -1 "$T/out" | tr -d '\r')" "at,login,uid,terminal,ssh,action,object,detail"
grep -q ',void,incident 1,reason: wrong seat' "$T/out" || fail "csv void line"
expect_rc 0 cf audit --from 2000-01-01 --to 2000-01-31
expect_eq "an empty period" "$(cat "$T/out")" "no audit lines"
expect_rc 2 cf audit --from 2026-02-01
expect_rc 2 cf audit --format xml
LEAD=$(config_with_users "{ login = \"$(id -un)\"; role = \"lead\"; }")
SUP=$(config_with_users "{ login = \"$(id -un)\"; role = \"supervisor\"; staff = \"S001\"; }")
expect_rc 0 cf -c "$LEAD" audit
expect_rc 3 cf -c "$SUP" audit
expect_rc 3 cf -c "$SUP" backup "$T/sup.db"
[ ! -e "$T/sup.db" ] || fail "a refused backup wrote a file"

# backup: a consistent, readable copy; never over an existing file.  It
# is SQLite's copy of the file; on PostgreSQL it is refused (pg_dump is
# the tool there) and writes no file.
if [ -n "${CF_TEST_PG:-}" ]; then
	lines=$(SQL 'SELECT count(*) FROM audit')
	expect_rc 1 cf backup "$T/copy.db"
	grep -q "is a PostgreSQL database: a backup copy is for SQLite only" "$T/err" ||
		fail "backup on PostgreSQL: $(cat "$T/err")"
	[ ! -e "$T/copy.db" ] || fail "a refused backup wrote a file"
	expect_eq "lines after the refused backup" "$(SQL 'SELECT count(*) FROM audit')" "$lines"
	echo "ok: audit trail (PostgreSQL; backup refused there)"
	exit 0
fi
expect_rc 0 cf backup "$T/copy.db"
expect_eq "copy integrity" "$(sqlite3 "$T/copy.db" 'PRAGMA integrity_check')" "ok"
expect_eq "copy content" "$(sqlite3 "$T/copy.db" 'SELECT count(*) FROM incident; SELECT count(*) FROM audit')" \
	"$(SQL 'SELECT count(*) FROM incident; SELECT count(*) FROM audit')"
expect_eq "copy mode" "$(stat -c %a "$T/copy.db")" "600"
"$CF" -d "$T/copy.db" fines --format csv >/dev/null || fail "the copy does not open"
echo "keep" >"$T/exists.db"
expect_rc 2 cf backup "$T/exists.db"
grep -q "already exists" "$T/err" || fail "backup over a file: $(cat "$T/err")"
expect_eq "untouched" "$(cat "$T/exists.db")" "keep"
ln -s "$T/elsewhere.db" "$T/link.db"
expect_rc 2 cf backup "$T/link.db"
[ ! -e "$T/elsewhere.db" ] || fail "backup followed a symbolic link"
echo "ok: audit trail and backup"
