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

# Again: nothing new, nothing changes.
before=$(pgq "SELECT count(*) FROM incident; SELECT count(*) FROM audit; SELECT count(*) FROM meta" | paste -sd' ')
expect_rc 0 cf migrate --to "$PG"
grep -q "^copied 0 rows" "$T/out" || fail "second run copied: $(cat "$T/out")"
expect_eq "second run changes nothing" \
	"$(pgq "SELECT count(*) FROM incident; SELECT count(*) FROM audit; SELECT count(*) FROM meta" | paste -sd' ')" "$before"

# A mark at the end of the shift: only it (and its fines, audit) moves.
new=$(cf mark --staff E103 --rule DESK --at '2026-03-10 17:50' | head -n1)
expect_rc 0 cf migrate --to "$PG"
expect_eq "third run maps the new incident only" "$(grep -c '^incident ' "$T/out")" 1
grep -q "^incident $new is " "$T/out" || fail "$(cat "$T/out")"
grep -q "the copy is proved" "$T/out" || fail "$(cat "$T/out")"

# And back: the PostgreSQL floor exported to a new SQLite file.
expect_rc 0 "$CF" -d "$PG" migrate --to "$T/back.db"
grep -q "the copy is proved" "$T/out" || fail "export: $(cat "$T/out")"
expect_eq "fines of the exported file" "$("$CF" -d "$T/back.db" fines --month 2026-03 --format csv)" \
	"$(cf fines --month 2026-03 --format csv)"
# backup is SQLite's: on PostgreSQL it says to use pg_dump, writes nothing.
expect_rc 1 "$CF" -d "$PG" backup "$T/copy.db"
grep -q "pg_dump" "$T/err" || fail "backup on PostgreSQL: $(cat "$T/err")"
[ -s "$T/copy.db" ] && fail "backup on PostgreSQL wrote a file"
expect_rc 2 cf migrate --to "$DB"
expect_rc 2 cf migrate
echo "ok: moved with proof, renumbered, incremental, and back"
