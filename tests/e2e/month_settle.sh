#!/usr/bin/env bash
# month_settle.sh - an appeal on a November fine decided --void in
# December, after November closed: every stored November fine row and the
# numbers of November's incidents stay byte for byte as they were paid,
# November's payroll prints the same bytes, December's payroll carries the
# 10.00 given back, and E101's December offences are renumbered from what
# stands (worked out by hand below).  A rulebook edit, a December mark
# and verify --repair leave November's rows and carried totals alone too.
. "$(dirname "$0")/lib.sh"

# GAMES counted over the year on four steps: 5, 10, 20, 40.
sed '/code = "GAMES"/,/journal = true/s/ladder = \[5, 10, 50\]; journal = true;/ladder = [5, 10, 20, 40]; journal = true; window = "year";/' \
	"$ROOT/conf/rules.cfg" >"$T/rules.cfg"
grep -q 'ladder = \[5, 10, 20, 40\]; journal = true; window = "year";' "$T/rules.cfg" ||
	fail "the GAMES rule was not rewritten"
sed "s|@include \"rules.cfg\"|@include \"$T/rules.cfg\"|" "$ROOT/tests/fixtures/small.cfg" >"$T/floor.cfg"
export CALLFLOOR_CONFIG="$T/floor.cfg"
now() { CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d "$1" +%s); export CALLFLOOR_NOW; }
now '2026-11-30 17:00'
cf init >/dev/null

g1=$(cf mark --staff E101 --rule GAMES --at '2026-11-05 10:00' | head -n1)
g2=$(cf mark --staff E101 --rule GAMES --at '2026-11-10 10:00' | head -n1)
g3=$(cf mark --staff E101 --rule GAMES --at '2026-11-20 10:00' | head -n1)
s1=$(cf mark --staff E102 --rule SLEEP --at '2026-11-21 10:00' | head -n1)
cf signin E103 --at '2026-11-02 09:20' >/dev/null	# late: attendance to carry

# November's rows as SQL sees them: incidents (number, void) and fines.
dump() {
	dbq "SELECT i.id, i.day, i.offence, f.id, f.staff, f.role, f.own,
	    f.amount, f.doubled FROM incident i JOIN fine f ON f.incident = i.id
	    WHERE i.day BETWEEN '2026-11-01' AND '2026-11-30' ORDER BY f.id"
}
numbers() {	# id:offence:own amount of each incident given
	local id
	for id in "$@"; do
		dbq "SELECT i.id || ':' || i.offence || ':' || f.amount FROM
		    incident i JOIN fine f ON f.incident = i.id AND f.own = 1 WHERE i.id = $id"
	done | paste -sd' '
}
expect_eq "November as marked" "$(numbers "$g1" "$g2" "$g3")" \
	"$g1:1:500 $g2:2:1000 $g3:3:2000"

now '2026-12-01 10:00'
cf close --month 2026-11 >/dev/null
dump >"$T/nov.before"
[ "$(wc -l <"$T/nov.before")" -eq 7 ] || fail "November's rows: $(cat "$T/nov.before")"
cf payroll --month 2026-11 --format csv >"$T/nov.csv"
cf payroll --month 2026-11 >"$T/nov.txt"
# November's carried attendance totals (a payroll of December keeps them).
carried() { dbq "SELECT * FROM att_carry WHERE month = '2026-11' ORDER BY staff"; }
cf payroll --month 2026-12 >/dev/null
carried >"$T/carry.before"
[ -s "$T/carry.before" ] || fail "November's attendance totals were not carried"

now '2026-12-01 11:00'
g4=$(cf mark --staff E101 --rule GAMES | head -n1)
now '2026-12-02 10:00'
g5=$(cf mark --staff E101 --rule GAMES | head -n1)
expect_eq "December before the decision" "$(numbers "$g4" "$g5")" \
	"$g4:4:4000 $g5:5:4000"

# The appeal is recorded after the close (g2's 10.00 was in the snapshot)
# and decided --void: g2 is voided, its 10.00 settled in December.
now '2026-12-03 10:00'
appeal=$(cf appeal "$g2" --reason "was on the customer's site" | head -n1)
expect_rc 0 cf decide "$appeal" --void --reason "the ticket shows it was work"

# November: not a byte of its rows changed (g3 stays third at 20.00, which
# is what was paid), and its payroll prints the same bytes.
dump >"$T/nov.after"
cmp "$T/nov.before" "$T/nov.after" || fail "November's rows changed:
$(diff "$T/nov.before" "$T/nov.after")"
expect_eq "November after the decision" "$(numbers "$g1" "$g2" "$g3")" \
	"$g1:1:500 $g2:2:1000 $g3:3:2000"
expect_eq "g2 voided" "$(dbq "SELECT CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END FROM incident WHERE id = $g2")" 1
cf payroll --month 2026-11 --format csv | cmp - "$T/nov.csv" || fail "November's payroll CSV changed"
cf payroll --month 2026-11 | cmp - "$T/nov.txt" || fail "November's payroll text changed"

# December: what stands is g1, g3 (November's, as paid), then g4 third
# (20.00) and g5 fourth (40.00); E101 pays 20 + 40 - 10 = 50.00.
expect_eq "December renumbered" "$(numbers "$g4" "$g5")" "$g4:3:2000 $g5:4:4000"
cf payroll --month 2026-12 --format csv >"$T/dec.csv"
grep -q '^E101,李娜,A,50\.00,' "$T/dec.csv" || fail "December's E101: $(grep E101 "$T/dec.csv")"
cf payroll --month 2026-12 >"$T/dec.txt"
grep -q "appeal $appeal: E101 -10\.00: incident $g2 of closed 2026-11, appeal voided" "$T/dec.txt" ||
	fail "no adjustment in December: $(cat "$T/dec.txt")"

# Nothing else reaches back either: a rulebook edit (SLEEP counted over
# the year, its fine doubled from the second) and a December SLEEP leave
# November's SLEEP as it was; verify --repair leaves November's rows and
# its carried attendance totals as they were.
sed -i '/code = "SLEEP"/,/fine = 10;/s/fine = 10;/fine = 10; window = "year"; repeat_factor = 2; repeat_from = 2;/' "$T/rules.cfg"
grep -q 'fine = 10; window = "year"; repeat_factor = 2' "$T/rules.cfg" || fail "SLEEP not rewritten"
s2=$(cf mark --staff E102 --rule SLEEP | head -n1)
expect_eq "December's SLEEP is the second" "$(numbers "$s2")" "$s2:2:2000"
expect_rc 0 cf verify --repair
dump | cmp - "$T/nov.before" || fail "November's rows changed after a rulebook edit or a repair"
cf payroll --month 2026-12 >/dev/null
carried | cmp - "$T/carry.before" || fail "November's carried totals changed"
cf payroll --month 2026-11 --format csv | cmp - "$T/nov.csv" || fail "November's payroll changed"
# A reopening of November takes the decision in itself: g3 counts second
# again (10.00), g2 is gone from November's payroll, and December's
# adjustment stops counting (E101 pays 20 + 40 in December, no 10.00
# given back twice).  Closing November again keeps it so.
now '2026-12-04 10:00'
expect_rc 0 cf reopen --month 2026-11 --reason "appeal decided after payroll"
expect_eq "November reopened" "$(numbers "$g1" "$g3" "$g4" "$g5")" \
	"$g1:1:500 $g3:2:1000 $g4:3:2000 $g5:4:4000"
cf payroll --month 2026-11 --format csv >"$T/nov.reopened.csv"
grep -q '^E101,李娜,A,15\.00,' "$T/nov.reopened.csv" ||
	fail "November's E101 after the reopening: $(grep E101 "$T/nov.reopened.csv")"
check_december() {
	cf payroll --month 2026-12 --format csv >"$T/dec2.csv"
	grep -q '^E101,李娜,A,60\.00,' "$T/dec2.csv" ||
		fail "December's E101 $1: $(grep E101 "$T/dec2.csv")"
	cf payroll --month 2026-12 | grep -q "appeal $appeal" &&
		fail "December still settles appeal $appeal $1"
	return 0
}
check_december "after the reopening"
expect_rc 0 cf close --month 2026-11
cf payroll --month 2026-11 --format csv | cmp - "$T/nov.reopened.csv" ||
	fail "November closed again differs from November reopened"
check_december "after closing November again"
echo "month_settle: ok"
