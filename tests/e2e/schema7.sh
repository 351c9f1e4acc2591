#!/usr/bin/env bash
# schema7.sh - schema 8 (issue 11), 9 (issue 15, PostgreSQL's row
# security) and 10 (PostgreSQL's fine lines carry their incident's day,
# rule and void): a database of schema 7, written by a
# callfloor of schema 7 (tests/fixtures/schema7_make.sh made the dump, an
# SQLite one and a PostgreSQL one, and kept what that callfloor printed),
# is migrated in place by this one at its first open and reads back the
# same: every incident and fine line through the views, the month's fines,
# the day's report, the map, the audit trail and the journal; by time too
# (the trail's lines by the hour); then it takes a new mark.  Runs on both
# backends (tests/pg.sh).
. "$(dirname "$0")/lib.sh"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-04-02 12:00' +%s)
sfx=
if [ -n "$_pgdb" ]; then
	psql -h "$CF_TEST_PG" -U callfloor -d "$_pgdb" -qX -v ON_ERROR_STOP=1 \
		-f "$ROOT/tests/fixtures/schema7_pg.sql" >/dev/null
	# A second floor in the same database, written as schema 7 did: the
	# steps run under this floor's setting and must migrate its rows too.
	psql -h "$CF_TEST_PG" -U callfloor -d "$_pgdb" -qX -v ON_ERROR_STOP=1 \
		>/dev/null <<-'EOF'
	SET callfloor.floor = 'north';
	INSERT INTO callfloor_floor (id, added_at) VALUES ('north', 0);
	INSERT INTO incident (id, rule, rule_version, staff, grp, seat, at, day,
	    offence, marked_by, marked_at) VALUES (900, 'PHONE', 1, 'N001', 'NA',
	    'N01', 1772700000, '2026-03-05', 1, 'boss', 1772700000);
	INSERT INTO fine (id, incident, staff, grp, role, own, amount, doubled)
	    VALUES (900, 900, 'N001', 'NA', 'offender', 1, 5000, 0);
	EOF
	version() { dbq "SELECT max(version) FROM callfloor_schema"; }
	sfx=_pg
else
	sqlite3 "$DB" <"$ROOT/tests/fixtures/schema7.sql"
	version() { dbq "PRAGMA user_version"; }
fi
expect_eq "the dump's schema" "$(version)" 7
rows="SELECT id, rule, rule_version, staff, grp, seat, at, day, offence, \
    amount, note, marked_by, marked_at, voided_at, voided_by, void_reason \
    FROM incident ORDER BY id; SELECT * FROM fine ORDER BY id"
dbq "$rows" >"$T/rows.7"
[ "$(wc -l <"$T/rows.7")" -gt 40 ] || fail "too few rows in the dump: $(wc -l <"$T/rows.7")"

same() {	# same NAME CMD...: CMD prints what schema 7 printed
	"$@" >"$T/$1.out" 2>&1 || fail "$*: $(cat "$T/$1.out")"
	diff -u "$ROOT/tests/expected/schema7_$1.txt" "$T/$1.out" >&2 ||
		fail "$1 differs from what schema 7 printed"
}
fines() { cf fines --month 2026-03; }
report() { cf report --day 2026-03-10; }
map() { CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-03-10 16:00' +%s) cf map; }
journal() { cf journal --from 2026-03-01 --to 2026-04-30; }
same fines fines			# the first open migrates
expect_eq "migrated" "$(version)" 11
# Step 11: each incident carries its own line's amount, or none.
expect_eq "incidents whose own_fine is not their own line's" "$(dbq \
	"SELECT count(*) FROM incident_row i LEFT JOIN fine_row f ON \
	f.incident = i.id AND f.own <> 0 WHERE coalesce(i.own_fine, -1) <> \
	coalesce(f.amount, -1)")" 0
[ "$(dbq "SELECT count(*) FROM incident_row WHERE own_fine > 0")" -gt 0 ] ||
	fail "no incident carries an own fine"
# Step 10 on PostgreSQL: what each fine line carries is its incident's.
carried() {
	dbq "SELECT count(*) FROM fine_row f JOIN incident_row i ON i.id = \
	    f.incident WHERE f.day <> i.day OR f.rule <> i.rule OR \
	    f.live <> (i.voided_at IS NULL)"
}
if [ -n "$_pgdb" ]; then
	expect_eq "fine lines carrying another day, rule or void" "$(carried)" 0
	expect_eq "the other floor's line, carried" \
		"$(dbq "SELECT floor, day, live FROM fine_row WHERE id = 900")" \
		"north|20517|t"
	[ "$(dbq "SELECT count(*) FROM fine_row WHERE NOT live")" -gt 0 ] ||
		fail "the dump has no voided incident's fine line to carry"
	# Step 9: every policy reads the session's floor (or read_all) through
	# a subquery, run once a statement, none by a bare call on each row.
	expect_eq "policies" "$(dbq "SELECT count(*) FROM pg_policies")" 24
	expect_eq "policies reading their setting once a statement" "$(dbq \
		"SELECT count(*) FROM pg_policies WHERE qual LIKE \
		'%(%SELECT current_setting(%'")" 24
fi
dbq "$rows" >"$T/rows.8"
diff -u "$T/rows.7" "$T/rows.8" >&2 || fail "incidents or fines read otherwise through the views"
same report report
same map map
same journal journal
cf audit >"$T/audit.out" 2>&1 || fail "audit: $(cat "$T/audit.out")"
# (the PostgreSQL dump was written some seconds apart: its own times)
diff -u "$ROOT/tests/expected/schema7_audit$sfx.txt" "$T/audit.out" >&2 ||
	fail "the audit trail differs from what schema 7 printed"
# By time: the lines of the day they were written, all of them.
first=$(sed -n 2p "$T/audit.out" | cut -c1-10)
cf audit --from "$first" --to "$first" >"$T/day.out"
diff -u "$T/audit.out" "$T/day.out" >&2 || fail "audit --from/--to lost lines"

# It goes on: a new mark is numbered after the old ones and shows.
id=$(cf mark --seat A05 --rule DESK --at '2026-04-02 11:00' | head -n1)
expect_eq "new incident's id" "$id" 22
expect_eq "through the view" "$(dbq "SELECT rule, staff, seat, day, offence FROM incident WHERE id = $id")" \
	"DESK|E105|A05|2026-04-02|1"
cf fines --month 2026-04 | grep -q "E105" || fail "the new mark's fine is not in April's fines"
# Voided, its fine lines leave the month (on PostgreSQL by the trigger).
cf void "$id" --reason "wrong seat" >/dev/null || fail "void $id"
cf fines --month 2026-04 | grep -q "E105" && fail "the voided mark's fine is still in April's fines"
[ -z "$_pgdb" ] || expect_eq "after the void, lines carrying another" "$(carried)" 0
echo "schema7: ok"
