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
HQ=$T/hq.cfg
# North: the same seats and ids as small, its own floor, group and staff
# names, and its own clock and calendar: Tokyo's time, 08:00 to 17:00,
# Saturdays worked.
sed -e 's/^  id = "small";/  id = "north";/' -e 's/name = "Test Floor"/name = "North Floor"/' \
	-e 's|timezone = "Asia/Shanghai";|timezone = "Asia/Tokyo"; workdays = [1, 2, 3, 4, 5, 6];|' \
	-e 's/start = "09:00"; end = "18:00"/start = "08:00"; end = "17:00"/' \
	-e 's/name = "Group A"/name = "北一组"/' -e 's/name = "Group B"/name = "北二组"/' \
	-e 's/name = "李娜"/name = "林北"/' -e 's/name = "张伟"/name = "张北"/' \
	-e 's/name = "欧阳志远"/name = "欧阳北"/' -e 's/name = "王芳"/name = "方北"/' \
	-e 's/name = "孙丽"/name = "孙北"/' -e 's/name = "周敏"/name = "周北"/' \
	-e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" "$SMALL" >"$NORTH"
grep -q 'id = "north"' "$NORTH" && grep -q '"北二组"' "$NORTH" && grep -q '"张北"' "$NORTH" &&
	grep -q 'Asia/Tokyo"; workdays' "$NORTH" && grep -q 'start = "08:00"' "$NORTH" ||
	fail "north.cfg: $(head -20 "$NORTH")"
# Headquarters: a floor of its own that knows neither floor's groups or
# people (its manager reads theirs from the database).
cat >"$HQ" <<CFG
floor = { id = "hq"; name = "Headquarters"; currency = "¥"; timezone = "Asia/Shanghai";
  shift = { start = "09:00"; end = "18:00"; }; layout = [ "H01" ]; };
groups = ( { id = "H"; name = "Head office"; director = "H001"; } );
staff = ( { id = "H001"; name = "总部经理"; group = "H"; seat = "H01"; } );
users = ( { login = "*"; role = "manager"; } );
@include "$ROOT/conf/rules.cfg"
CFG
small() { "$CF" -c "$SMALL" -d "$DB" "$@"; }
north() { "$CF" -c "$NORTH" -d "$DB" "$@"; }
hq() { "$CF" -c "$HQ" -d "$DB" "$@"; }
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
# Saturday the 21st is a working day on north, not at headquarters: E101
# signs in at 08:30 Tokyo time, late on north's 08:00 shift; E102 stays
# away, an absence only on north's calendar.
CALLFLOOR_NOW=$(TZ=Asia/Tokyo date -d '2026-11-21 08:30' +%s) north signin E101 >"$T/out" ||
	fail "north signin: $(cat "$T/out")"
grep -q "30 minutes late" "$T/out" || fail "north's E101 not late by its own shift: $(cat "$T/out")"
# Headquarters' manager reads each floor as that floor reads itself,
# named from the floor's roster in the database, not from hq.cfg: its
# people, and its zone, shift and calendar.
expect_rc 0 hq init
for f in small north; do
	cfg=$SMALL; [ "$f" = north ] && cfg=$NORTH
	expect_eq "fines --floor $f" "$(hq fines --floor $f --month 2026-11 --format csv)" \
		"$("$CF" -c "$cfg" -d "$DB" fines --month 2026-11 --format csv)"
	expect_eq "report --floor $f (csv)" "$(hq report --floor $f --day 2026-11-21 --format csv)" \
		"$("$CF" -c "$cfg" -d "$DB" report --day 2026-11-21 --format csv)"
	expect_eq "report --floor $f (text)" "$(hq report --floor $f --day 2026-11-21 | grep -v '^Printed')" \
		"$("$CF" -c "$cfg" -d "$DB" report --day 2026-11-21 | grep -v '^Printed')"
done
[ "$(small fines --month 2026-11 --format csv)" != "$(north fines --month 2026-11 --format csv)" ] ||
	fail "the floors' fines are the same: the --floor comparison proves nothing"
hq report --floor north --day 2026-11-21 >"$T/north.txt"
for name in "North Floor" 北一组 北二组 张北 欧阳北; do
	grep -q "$name" "$T/north.txt" || fail "report --floor north does not name $name: $(cat "$T/north.txt")"
done
grep -E "Test Floor|张伟|欧阳志远|王芳|孙丽|Head office|总部" "$T/north.txt" &&
	fail "report --floor north names another floor's people"
hq fines --floor small --month 2026-11 --format csv | grep -q ",张伟," ||
	fail "fines --floor small does not name small's people"
hq rollup --month 2026-11 --format csv | tr -d '\r' >"$T/hq-rollup"
grep -qx "north,North Floor,A,北一组,方北,赵磊,周北,.*" "$T/hq-rollup" || fail "rollup names: $(cat "$T/hq-rollup")"
grep -qx "small,Test Floor,B,Group B,孙丽,,周敏,.*" "$T/hq-rollup" || fail "rollup names: $(cat "$T/hq-rollup")"

# Each floor's roster is in the database, as of the day it changed:
# headquarters can name another floor's people without its config file.
roster() { dbq "SELECT value FROM meta WHERE floor = '$1' AND name = 'roster'"; }
roster north | grep -qx "staff	E101	林北	A	A01" || fail "north's roster: $(roster north | head -3)"
roster north | grep -qx "group	B	北二组	D003		S001" || fail "north's groups: $(roster north | grep ^group)"
roster small | grep -qx "floor	small	$(sed -n 's/^  name = "\(.*\)";/\1/p' "$SMALL")" || fail "small's roster: $(roster small | head -1)"
sed -i 's/name = "林北"/name = "林北北"/' "$NORTH"
north mark --staff E102 --rule DESK --at '2026-11-20 10:00' >/dev/null
roster north | grep -qx "staff	E101	林北北	A	A01" || fail "north's roster did not follow its configuration"
roster small | grep -qx "staff	E101	李娜	A	A01" || fail "small's roster changed with north's"
expect_eq "north's rosters as of a day" \
	"$(dbq "SELECT count(*) FROM meta WHERE floor = 'north' AND name LIKE 'roster 2026-%'")" 1

# Five days later north renames 张北 and group A, and moves 欧阳北 (E103)
# to group B: headquarters names the 21st as it was, the 25th as it is.
sed -i -e 's/name = "张北"/name = "张北京"/' -e 's/name = "北一组"/name = "北甲组"/' \
	-e 's/\(id = "E103";.*group = \)"A"/\1"B"/' "$NORTH"
grep -q 'id = "E103".*group = "B"' "$NORTH" || fail "E103 not moved: $(grep E103 "$NORTH")"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-25 12:00' +%s)
north mark --staff E102 --rule DESK --at '2026-11-25 10:00' >/dev/null
north mark --staff E103 --rule DESK --at '2026-11-25 10:05' >/dev/null
expect_eq "north's rosters as of a day, five days on" \
	"$(dbq "SELECT count(*) FROM meta WHERE floor = 'north' AND name LIKE 'roster 2026-%'")" 2
csvcol() {	# csvcol COL: staff id and column COL of report CSV on stdin
	tr -d '\r' | awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
		{ print $k }' | sort -u | paste -sd' '; }
hq report --floor north --day 2026-11-21 --format csv >"$T/r21"
hq report --floor north --day 2026-11-25 --format csv >"$T/r25"
csvcol payer_name <"$T/r21" | grep -qw 张北 || fail "the 21st, before the rename: $(csvcol payer_name <"$T/r21")"
csvcol payer_name <"$T/r21" | grep -qw 张北京 && fail "the 21st named with the later name"
csvcol payer_name <"$T/r25" | grep -qw 张北京 || fail "the 25th, after the rename: $(csvcol payer_name <"$T/r25")"
hq report --floor north --day 2026-11-21 >"$T/t21"
hq report --floor north --day 2026-11-25 >"$T/t25"
grep -q 北一组 "$T/t21" && ! grep -q 北甲组 "$T/t21" || fail "the 21st's group name: $(cat "$T/t21")"
grep -q 北甲组 "$T/t25" || fail "the 25th's group name: $(cat "$T/t25")"
# E103's line: in group A on the 21st, in B on the 25th.
tr -d '\r' <"$T/r25" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	$h["payer"] == "E103" { print $h["payer_group"] }' | sort -u >"$T/g25"
tr -d '\r' <"$T/r21" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
	$h["payer"] == "E103" { print $h["payer_group"] }' | sort -u >"$T/g21"
expect_eq "E103's group on the 21st" "$(cat "$T/g21")" A
expect_eq "E103's group on the 25th" "$(cat "$T/g25")" B
expect_eq "fines --floor north --day 2026-11-21: E102's name" \
	"$(hq fines --floor north --day 2026-11-21 --format csv | tr -d '\r' | awk -F, '$2 == "E102" { print $3 }')" 张北
expect_eq "fines --floor north --day 2026-11-25: E102's name" \
	"$(hq fines --floor north --day 2026-11-25 --format csv | tr -d '\r' | awk -F, '$2 == "E102" { print $3 }')" 张北京
hq rollup --day 2026-11-21 --format csv | tr -d '\r' | grep -q "^north,North Floor,A,北一组," ||
	fail "rollup of the 21st: $(hq rollup --day 2026-11-21 --format csv)"
hq rollup --day 2026-11-25 --format csv | tr -d '\r' | grep -q "^north,North Floor,A,北甲组," ||
	fail "rollup of the 25th: $(hq rollup --day 2026-11-25 --format csv)"
echo "ok: 2 floors apart; 8 x $MARKS marks on 2 floors at once number as a sequential replay; headquarters names each floor's people as of the day"
