#!/usr/bin/env bash
# pg_floors.sh - many floors in one PostgreSQL database (issue 15): two
# floors side by side do not see each other's rows, incident ids are unique
# in the database, and 8 processes on 2 floors marking at once lose nothing
# and number every offence exactly as a sequential replay of the same marks
# does.  PostgreSQL only: tests/pg.sh runs it with CF_TEST_PG set.
. "$(dirname "$0")/lib.sh"
[ -n "$_pgdb" ] || { echo "PostgreSQL only (tests/pg.sh runs it)"; exit 77; }

SMALL=$CALLFLOOR_CONFIG
NORTH=$T/north.cfg
sed -e 's/^  id = "small";/  id = "north";/' \
	-e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" "$SMALL" >"$NORTH"
grep -q 'id = "north"' "$NORTH" || fail "north.cfg has no floor id"
small() { "$CF" -c "$SMALL" -d "$DB" "$@"; }
north() { "$CF" -c "$NORTH" -d "$DB" "$@"; }
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-20 12:00' +%s)

# --- two floors, one database ---
expect_rc 0 small init
expect_rc 0 north init
grep -q "ready" "$T/out" || fail "north init: $(cat "$T/out")"
expect_rc 1 "$CF" -c "$NORTH" -d "${DB/$_pgdb/postgres}" fines
grep -q "run \`callfloor init\`" "$T/err" || fail "a database without the floor: $(cat "$T/err")"
s1=$(small mark --staff E101 --rule DESK --at '2026-11-02 10:00' | head -n1)
n1=$(north mark --staff E101 --rule DESK --at '2026-11-03 10:00' | head -n1)
n2=$(north mark --staff E101 --rule DESK --at '2026-11-04 10:00' | head -n1)
[ "$s1" != "$n1" ] && [ "$n1" != "$n2" ] && [ "$s1" != "$n2" ] ||
	fail "incident ids not unique in the database: $s1 $n1 $n2"
# Small's E101 has one DESK (5.00); north's has two, the second doubled
# (5.00 + 10.00): neither floor counts the other's.
line() { "$CF" -c "$1" -d "$DB" fines --month 2026-11 --format csv | tr -d '\r' |
	awk -F, '$2 == "E101" { print $NF }'; }
small_total=$(line "$SMALL")
north_total=$(line "$NORTH")
expect_eq "small E101 total" "$small_total" "5.00"
expect_eq "north E101 total" "$north_total" "15.00"
[ -n "$small_total" ] && [ -n "$north_total" ] || fail "no E101 line"
[ "$small_total" != "$north_total" ] || fail "the floors' totals agree ($small_total): one sees the other's rows"
# Another floor's incident is not there for this one.
expect_rc 2 small void "$n1" --reason "not ours"
grep -q "there is no incident $n1" "$T/err" || fail "another floor's incident: $(cat "$T/err")"
expect_rc 0 north void "$n2" --reason "ours"
expect_eq "small incidents" "$(dbq "SELECT count(*) FROM incident WHERE floor = 'small'")" 1
expect_eq "north incidents" "$(dbq "SELECT count(*) FROM incident WHERE floor = 'north'")" 2
# Row security binds callfloor's own role, the tables' owner, too.
expect_eq "rows the small floor's session sees" "$(printf "SET callfloor.floor = 'small';\nSELECT count(*) FROM incident;\n" |
	psql "$DB" -qAtX -f -)" 1
expect_eq "rows without a floor" "$(printf "SET callfloor.floor = '';\nSELECT count(*) FROM fine;\n" |
	psql "$DB" -qAtX -f -)" 0

# --- 8 processes on 2 floors at once, against a sequential replay ---
# Each process marks its own moments (CALLFLOOR_NOW), out of order with
# the others', so commits land in another order than time: every one that
# lands before a later-committed earlier mark is renumbered.
MARKS=${CF_PG_MARKS:-15}
SEATS=(A01 A02 A03 B01)
RULES=(DESK PHONE GAMES)
base=$(TZ=Asia/Shanghai date -d '2026-11-21 09:00' +%s)
plan() {	# plan W: the marks of worker W, "now seat rule" a line
	local w=$1 j
	for ((j = 0; j < MARKS; j++)); do
		echo "$((base + (MARKS - j) * 600 + w * 37)) ${SEATS[$(((w + j) % 4))]} ${RULES[$(((w + 2 * j) % 3))]}"
	done
}
worker() {	# worker W FLOORFN
	local w=$1 fn=$2 now seat rule
	plan "$w" | while read -r now seat rule; do
		CALLFLOOR_NOW=$now $fn mark --seat "$seat" --rule "$rule" >>"$T/ids.$w" 2>>"$T/err.$w" ||
			echo "mark $w $now: exit $?" >>"$T/fail.$w"
	done
}
pids=()
for w in 0 1 2 3; do worker "$w" small & pids+=($!); done
for w in 4 5 6 7; do worker "$w" north & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
cat "$T"/fail.* 2>/dev/null | head -5 | grep . && fail "marks failed"
grep -hiE "busy|locked|deadlock|serializ" "$T"/err.* && fail "a lock error reached the user"
expect_eq "small incidents after the run" \
	"$(dbq "SELECT count(*) FROM incident WHERE floor = 'small'")" $((1 + 4 * MARKS))
expect_eq "north incidents after the run" \
	"$(dbq "SELECT count(*) FROM incident WHERE floor = 'north'")" $((2 + 4 * MARKS))

# The same marks one after another into a fresh database.
replay_db="${_pgdb}_r"
psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc "CREATE DATABASE $replay_db OWNER callfloor" >/dev/null
R="${DB/$_pgdb/$replay_db}"
trap 'psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc "DROP DATABASE IF EXISTS $replay_db WITH (FORCE)" >/dev/null 2>&1; _cleanup' EXIT
"$CF" -c "$SMALL" -d "$R" init >/dev/null
"$CF" -c "$NORTH" -d "$R" init >/dev/null
"$CF" -c "$SMALL" -d "$R" mark --staff E101 --rule DESK --at '2026-11-02 10:00' >/dev/null
"$CF" -c "$NORTH" -d "$R" mark --staff E101 --rule DESK --at '2026-11-03 10:00' >/dev/null
r2=$("$CF" -c "$NORTH" -d "$R" mark --staff E101 --rule DESK --at '2026-11-04 10:00' | head -n1)
"$CF" -c "$NORTH" -d "$R" void "$r2" --reason "ours" >/dev/null
for w in 0 1 2 3 4 5 6 7; do
	cfg=$SMALL; [ "$w" -ge 4 ] && cfg=$NORTH
	plan "$w" | while read -r now seat rule; do
		CALLFLOOR_NOW=$now "$CF" -c "$cfg" -d "$R" mark --seat "$seat" --rule "$rule" >/dev/null 2>&1 ||
			fail "replay mark failed"
	done
done
numbers() {	# numbers URI: each incident's floor, staff, rule, time, number, fines
	printf '%s\n' "SELECT i.floor, i.staff, i.rule, i.at, i.offence, i.voided_at IS NULL,
	    (SELECT string_agg(f.role || ':' || f.amount, ' ' ORDER BY f.role, f.staff) FROM fine f WHERE f.incident = i.id)
	    FROM incident i ORDER BY 1, 2, 3, 4" | psql -h "$CF_TEST_PG" -U postgres -d "$1" -qAtX -f -
}
numbers "$_pgdb" >"$T/concurrent"
numbers "$replay_db" >"$T/replay"
expect_eq "incidents compared" "$(wc -l <"$T/concurrent")" $((3 + 8 * MARKS))
diff -u "$T/replay" "$T/concurrent" >&2 || fail "concurrent numbering differs from the sequential replay"
for f in small north; do
	cfg=$SMALL; [ "$f" = north ] && cfg=$NORTH
	expect_eq "$f fines = replay" "$("$CF" -c "$cfg" -d "$DB" fines --month 2026-11 --format csv)" \
		"$("$CF" -c "$cfg" -d "$R" fines --month 2026-11 --format csv)"
done

# Headquarters: the roll-up has both floors, each adding up to its own
# fines; a manager of one floor reads the other's fines and report.
ftotal() { "$CF" -c "$1" -d "$DB" fines --month 2026-11 --format csv | tr -d '\r' |
	awk -F, 'NR > 1 { s += $NF } END { printf "%.2f", s }'; }
small rollup --month 2026-11 --format csv | tr -d '\r' >"$T/rollup"
rtotal() { awk -F, -v f="$1" '$1 == f { s += $NF } END { printf "%.2f", s }' "$T/rollup"; }
expect_eq "rollup floors" "$(tail -n +2 "$T/rollup" | cut -d, -f1 | sort -u | paste -sd' ')" "north small"
expect_eq "rollup small = small's fines" "$(rtotal small)" "$(ftotal "$SMALL")"
expect_eq "rollup north = north's fines" "$(rtotal north)" "$(ftotal "$NORTH")"
expect_eq "the same roll-up from either floor" "$(north rollup --month 2026-11 --format csv | tr -d '\r')" "$(cat "$T/rollup")"
expect_eq "fines --floor north" "$(small fines --floor north --month 2026-11 --format csv)" \
	"$(north fines --month 2026-11 --format csv)"
expect_eq "report --floor north" "$(small report --floor north --day 2026-11-21 --format csv)" \
	"$(north report --day 2026-11-21 --format csv)"
[ "$(small fines --month 2026-11 --format csv)" != "$(north fines --month 2026-11 --format csv)" ] ||
	fail "the floors' fines are the same: the --floor comparison proves nothing"

# Each floor's roster is in the database, as of the day it changed:
# headquarters can name another floor's people without its config file.
roster() { dbq "SELECT value FROM meta WHERE floor = '$1' AND name = 'roster'"; }
roster north | grep -qx "staff	E101	李娜	A	A01" || fail "north's roster: $(roster north | head -3)"
roster north | grep -qx "group	B	Group B	D003		S001" || fail "north's groups: $(roster north | grep ^group)"
roster small | grep -qx "floor	small	$(sed -n 's/^  name = "\(.*\)";/\1/p' "$SMALL")" || fail "small's roster: $(roster small | head -1)"
sed -i 's/name = "李娜"/name = "李娜娜"/' "$NORTH"
north mark --staff E102 --rule DESK --at '2026-11-20 10:00' >/dev/null
roster north | grep -qx "staff	E101	李娜娜	A	A01" || fail "north's roster did not follow its configuration"
roster small | grep -qx "staff	E101	李娜	A	A01" || fail "small's roster changed with north's"
expect_eq "north's rosters as of a day" \
	"$(dbq "SELECT count(*) FROM meta WHERE floor = 'north' AND name LIKE 'roster 2026-%'")" 1
echo "ok: 2 floors apart; 8 x $MARKS marks on 2 floors at once number as a sequential replay"
