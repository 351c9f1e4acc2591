#!/usr/bin/env bash
# migrate.sh - moving a floor (issue 15): `migrate --to` copies the scripted
# report day (marks, voids, custody, inspections) plus attendance and the
# complaint register from SQLite into a PostgreSQL database that already
# holds another floor (so incidents get other ids, each printed), proves
# the copy (counts and money equal), reads the same fines and report there,
# copies nothing on a second run and only the new mark on a third, and
# exports the floor back to a new SQLite file.  PostgreSQL only: tests/pg.sh
# runs it with CF_TEST_PG set (the floor starts in SQLite all the same).
. "$(dirname "$0")/lib.sh"
[ -n "$_pgdb" ] || { echo "PostgreSQL only (tests/pg.sh runs it)"; exit 77; }
. "$ROOT/tests/fixtures/report_day.sh"
PG=$DB
DB=$T/floor.db				# the floor starts on SQLite
pgq() { DB=$PG dbq "$@"; }
report_day
cf signin E101 --at '2026-03-10 08:55' >/dev/null
cf complaint add --staff E102 --kind complaint --caller "张女士" --phone 13800001111 \
	--note "rude" --at '2026-03-10 11:00' >/dev/null
# What the source decides after the first copy is pending in it: a leave
# request, an appeal (of E202's PHONE, incident 17), a closed month.
leave=$(cf leave E102 --from 2026-03-12 --to 2026-03-16 --kind sick --via written --requested-at '2026-03-10 08:00' |
	sed -n 's/^leave \([0-9]*\):.*/\1/p')
[ -n "$leave" ] || fail "no leave request"
appeal=$(cf appeal 17 --reason "the phone was a colleague's" 2>/dev/null | sed -n 's/^appeal \([0-9]*\) recorded.*/\1/p')
[ -n "$appeal" ] || fail "no appeal"
cf close --month 2026-02 >/dev/null
cf attendance --month 2026-03 >/dev/null	# carries January and February

# Another floor in the PostgreSQL database first: its incidents take ids.
sed -e 's/^  id = "small";/  id = "north";/' \
	-e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" "$CALLFLOOR_CONFIG" >"$T/north.cfg"
"$CF" -c "$T/north.cfg" -d "$PG" init >/dev/null
for i in 1 2 3; do
	"$CF" -c "$T/north.cfg" -d "$PG" mark --staff E101 --rule DESK --at "2026-03-0$i 10:00" >/dev/null
done

expect_rc 0 cf migrate --to "$PG"
cp "$T/out" "$T/first"
grep -q "the copy is proved" "$T/first" || fail "not proved: $(cat "$T/first")"
grep -q "DIFFERS" "$T/first" && fail "differs: $(cat "$T/first")"
n_inc=$(pgq "SELECT count(*) FROM incident WHERE floor = 'small'")
[ "$n_inc" -ge 5 ] || fail "only $n_inc incidents copied"
expect_eq "incident mapping lines" "$(grep -c '^incident [0-9]* is [0-9]* in ' "$T/first")" "$n_inc"
grep -q "^incident 1 is 4 in " "$T/first" || fail "the first incident did not get the target's next id: $(head -3 "$T/first")"
grep -qE '^  fines +[0-9.]+ +[0-9.]+$' "$T/first" || fail "no money line"
# The carried attendance totals come with the fingerprint they were made
# under, before any command runs on the target: without it the target's
# first command dropped them all and made them again.
key=$(dbq "SELECT value FROM meta WHERE name = 'carry_key'")
[ -n "$key" ] && [ "$(dbq "SELECT count(*) FROM att_carry")" -gt 0 ] ||
	fail "the source carries no attendance totals: the test proves nothing"
expect_eq "the carried totals' fingerprint on PostgreSQL" \
	"$(pgq "SELECT value FROM meta WHERE floor = 'small' AND name = 'carry_key'")" "$key"
expect_eq "fines on PostgreSQL" "$("$CF" -d "$PG" fines --month 2026-03 --format csv)" \
	"$(cf fines --month 2026-03 --format csv)"
expect_eq "payroll on PostgreSQL" "$("$CF" -d "$PG" payroll --month 2026-03 --format csv)" \
	"$(cf payroll --month 2026-03 --format csv)"
# The report names incidents by id: the same once the ids are mapped.
map_ids() { sed -n 's/^incident \([0-9]*\) is \([0-9]*\) in .*/\1 \2/p' "$T/first"; }
cf report --day 2026-03-10 --format csv | tr -d '\r' |
	awk -F, -v OFS=, 'NR == FNR { m[$1] = $2; next } FNR > 1 { $2 = m[$2] } { print }' \
	<(map_ids | tr ' ' ,) - >"$T/mapped.csv"
"$CF" -d "$PG" report --day 2026-03-10 --format csv | tr -d '\r' >"$T/pg.csv"
diff -u "$T/mapped.csv" "$T/pg.csv" >&2 || fail "the report on PostgreSQL differs"
expect_eq "north untouched" "$(pgq "SELECT count(*) FROM incident WHERE floor = 'north'")" 3
# The trail's hours, which the copy widens once at its end (schema 10),
# hold exactly its lines, every floor's.
hours_off() {
	pgq "SELECT count(*) FROM (SELECT floor, at / 3600 AS hour, min(id) AS lo,
	    max(id) AS hi FROM audit_line GROUP BY 1, 2) a FULL JOIN audit_hour h
	    USING (floor, hour) WHERE a.lo IS DISTINCT FROM h.lo OR
	    a.hi IS DISTINCT FROM h.hi"
}
expect_eq "hours of the trail not matching its lines" "$(hours_off)" 0
[ "$(pgq "SELECT count(*) FROM audit_line WHERE floor = 'small'")" -gt 10 ] ||
	fail "too few audit lines copied"

# Again: nothing new, nothing changes.
before=$(pgq "SELECT count(*) FROM incident; SELECT count(*) FROM audit; SELECT count(*) FROM meta" | paste -sd' ')
expect_rc 0 cf migrate --to "$PG"
grep -q "^nothing new in .* since the last copy: .* is unchanged$" "$T/out" || fail "second run copied: $(cat "$T/out")"
expect_eq "second run changes nothing" \
	"$(pgq "SELECT count(*) FROM incident; SELECT count(*) FROM audit; SELECT count(*) FROM meta" | paste -sd' ')" "$before"

# A mark at the end of the shift: only it (and its fines, audit) moves.
new=$(cf mark --staff E103 --rule DESK --at '2026-03-10 17:50' | head -n1)
expect_rc 0 cf migrate --to "$PG"
expect_eq "third run maps the new incident only" "$(grep -c '^incident ' "$T/out")" 1
grep -q "^incident $new is " "$T/out" || fail "$(cat "$T/out")"
cp "$T/out" "$T/third"
expect_eq "hours after the third run" "$(hours_off)" 0
cf audit --from 2026-03-10 --to 2026-03-10 >/dev/null 2>&1 || true
grep -q "the copy is proved" "$T/out" || fail "$(cat "$T/out")"

# Then the source changes rows copied before: a void that renumbers (E105's
# 1st DESK, incident 14: the 2nd, 15, becomes the 1st at 5.00), E101's
# phone handed back (custody 2), the leave approved, the appeal decided
# (its fine voided), E101's sign-in voided, an explanation added, the
# complaint closed, February reopened.  The next run carries each over.
cf void 14 --reason "wrong seat" >/dev/null
cf return 2 >/dev/null
cf leave-approve "$leave" >/dev/null
cf decide "$appeal" --void --reason "a colleague's phone" >/dev/null
cf signin --void E101 --day 2026-03-10 --reason "signed in for E102" >/dev/null
cf explain E102 --day 2026-03-09 --note "doctor's note" >/dev/null
cf complaint close 1 --outcome "called back, apologised" >/dev/null
cf reopen --month 2026-02 --reason "a late sheet" >/dev/null
stale=$("$CF" -d "$PG" fines --month 2026-03 --format csv)
[ "$stale" != "$(cf fines --month 2026-03 --format csv)" ] || fail "the source's changes changed no fine: the test proves nothing"
expect_rc 0 cf migrate --to "$PG"
cp "$T/out" "$T/fourth"
grep -q "the copy is proved" "$T/fourth" || fail "$(cat "$T/fourth")"
grep -qE "^copied [0-9]+ new rows .*, carried [1-9][0-9]* changes to rows copied before, removed [1-9][0-9]* rows" "$T/fourth" ||
	fail "the run after the changes: $(head -3 "$T/fourth")"
expect_eq "no incident copied again" "$(grep -c '^incident ' "$T/fourth" || true)" 0
# Each incident's own_fine (schema 11) is its own line's amount: copied
# with a new incident, and following a line repriced by a renumbering.
own_off() {
	"$@" "SELECT count(*) FROM incident_row i LEFT JOIN fine_row f ON
	    f.incident = i.id AND f.own <> 0 WHERE coalesce(i.own_fine, -1) <>
	    coalesce(f.amount, -1)"
}
expect_eq "PostgreSQL incidents whose own_fine is not their own line's" "$(own_off pgq)" 0
[ "$(dbq "SELECT sum(own_fine) FROM incident")" -gt 0 ] || fail "no own fine to compare"
expect_eq "own fines on PostgreSQL" \
	"$(pgq "SELECT sum(own_fine) FROM incident WHERE floor = 'small'")" \
	"$(dbq "SELECT sum(own_fine) FROM incident")"
for what in "fines --month 2026-03" "payroll --month 2026-03" "attendance --month 2026-03" \
	"complaint list" "custody"; do
	fmt="--format csv"
	[ "$what" = custody ] && fmt=""
	# shellcheck disable=SC2086
	expect_eq "$what on PostgreSQL after the changes" "$("$CF" -d "$PG" $what $fmt 2>&1)" "$(cf $what $fmt 2>&1)"
done
"$CF" -d "$PG" custody | grep -q "E101" && fail "the phone handed back is still held on PostgreSQL"
expect_eq "the appeal decided on PostgreSQL" "$(pgq "SELECT decision FROM appeal")" "$(dbq "SELECT decision FROM appeal")"
expect_eq "closed months on PostgreSQL" "$(pgq "SELECT count(*) FROM closed_month")" 0
expect_eq "the leave approved on PostgreSQL" "$(pgq "SELECT approved_by IS NOT NULL FROM leave" | tr -d ' ')" \
	"$(dbq "SELECT approved_by IS NOT NULL FROM leave" | sed 's/^1$/t/')"
cf report --day 2026-03-10 --format csv | tr -d '\r' |
	awk -F, -v OFS=, 'NR == FNR { m[$1] = $2; next } FNR > 1 { $2 = m[$2] } { print }' \
	<(sed -n 's/^incident \([0-9]*\) is \([0-9]*\) in .*/\1,\2/p' "$T/first" "$T/third") - >"$T/mapped.csv"
"$CF" -d "$PG" report --day 2026-03-10 --format csv | tr -d '\r' >"$T/pg.csv"
diff -u "$T/mapped.csv" "$T/pg.csv" >&2 || fail "the report on PostgreSQL differs after the changes"
expect_rc 0 cf migrate --to "$PG"
grep -q "^nothing new in .* since the last copy: .* is unchanged$" "$T/out" || fail "after the changes, again: $(cat "$T/out")"

# The floor goes on on PostgreSQL: a void there, a month closed there.
# Copying again from the (now stale) SQLite file keeps them: only what the
# source changed since the last copy is carried over.  A row changed on
# both sides since is refused, and nothing is written.
pg5=$(sed -n 's/^incident 5 is \([0-9]*\) in .*/\1/p' "$T/first")
[ -n "$pg5" ] || fail "no mapping of incident 5"
expect_rc 0 "$CF" -d "$PG" void "$pg5" --reason "voided after the move"
expect_rc 0 "$CF" -d "$PG" close --month 2026-01
moved=$("$CF" -d "$PG" fines --month 2026-03 --format csv)
# The target went on: the counts differ now, and the run says so (exit 1).
expect_rc 1 cf migrate --to "$PG"
grep -q "^nothing new in " "$T/out" || fail "the stale source undid the target's changes: $(head -3 "$T/out")"
grep -q "^  closed_month .* DIFFERS$" "$T/out" && grep -q "the copy differs from the source" "$T/out" ||
	fail "the run after the target went on: $(cat "$T/out")"
expect_eq "the target's void kept" "$(pgq "SELECT void_reason FROM incident WHERE id = $pg5")" "voided after the move"
expect_eq "the target's closed month kept" "$(pgq "SELECT month FROM closed_month")" "2026-01"
expect_eq "the target's fines kept" "$("$CF" -d "$PG" fines --month 2026-03 --format csv)" "$moved"
cf void 5 --reason "voided in the old file too" >/dev/null
before=$(pgq "SELECT count(*) FROM meta; SELECT void_reason FROM incident WHERE id = $pg5" | paste -sd' ')
expect_rc 1 cf migrate --to "$PG"
grep -q "changed both here and there since the last copy; nothing was written" "$T/err" ||
	fail "a row changed on both sides: $(cat "$T/err")"
expect_eq "nothing written on a conflict" \
	"$(pgq "SELECT count(*) FROM meta; SELECT void_reason FROM incident WHERE id = $pg5" | paste -sd' ')" "$before"

# And back: the PostgreSQL floor exported to a new SQLite file.
expect_rc 0 "$CF" -d "$PG" migrate --to "$T/back.db"
grep -q "the copy is proved" "$T/out" || fail "export: $(cat "$T/out")"
expect_eq "fines of the exported file" "$("$CF" -d "$T/back.db" fines --month 2026-03 --format csv)" \
	"$(cf fines --month 2026-03 --format csv)"
expect_eq "exported incidents whose own_fine is not their own line's" \
	"$(own_off sqlite3 "$T/back.db")" 0
# backup is SQLite's: on PostgreSQL it says to use pg_dump, writes nothing.
expect_rc 1 "$CF" -d "$PG" backup "$T/copy.db"
grep -q "pg_dump" "$T/err" || fail "backup on PostgreSQL: $(cat "$T/err")"
[ -s "$T/copy.db" ] && fail "backup on PostgreSQL wrote a file"
expect_rc 2 cf migrate --to "$DB"
expect_rc 2 cf migrate
echo "ok: moved with proof, renumbered, incremental, and back"
