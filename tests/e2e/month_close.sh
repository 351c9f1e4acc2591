#!/usr/bin/env bash
# A closed month: `close` keeps November's payroll as a snapshot, every
# kind of write dated in November is refused (exit 3, naming the month),
# acts dated later about November stay allowed, the snapshot prints the
# same bytes whatever changes afterwards, and `reopen` (audited) lets the
# writes in again.
. "$(dirname "$0")/lib.sh"

cp "$ROOT/conf/rules.cfg" "$T/rules.cfg"
sed "s|@include \"rules.cfg\"|@include \"$T/rules.cfg\"|" "$ROOT/tests/fixtures/small.cfg" >"$T/floor.cfg"
export CALLFLOOR_CONFIG="$T/floor.cfg"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-12-02 09:00' +%s)
cf init >/dev/null

cf signin E101 --at '2026-11-30 09:30' >/dev/null	# late: a LATE mark
phone=$(cf mark --staff E102 --rule PHONE --at '2026-11-10 10:00' 2>"$T/custody" | head -n1)
custody=$(sed -n 's/.*into custody (record \([0-9]*\)).*/\1/p' "$T/custody")
[ -n "$custody" ] || fail "no custody record: $(cat "$T/custody")"
sleep1=$(cf mark --staff E103 --rule SLEEP --at '2026-11-11 10:00' | head -n1)
cf leave E104 --from 2026-11-30 --to 2026-12-01 --kind personal --via written \
	--requested-at '2026-11-20 10:00' >"$T/leave" 2>&1
leave=$(sed -n "s/^leave \([0-9]*\):.*/\1/p" "$T/leave")
[ -n "$leave" ] || fail "no leave id: $(cat "$T/leave")"
appeal=$(cf appeal "$sleep1" --reason "was not asleep" | head -n1)

# Not before it is over, not out of order, not with undecided appeals.
expect_rc 2 cf close --month 2026-12
grep -q "2026-12 is not over yet" "$T/err" || fail "open month: $(cat "$T/err")"
expect_rc 2 cf close --month 2026-11
grep -q "1 undecided appeal.*appeal $appeal: E103, incident $sleep1" "$T/err" ||
	fail "undecided appeals not listed: $(cat "$T/err")"

cf close --month 2026-11 --force >/dev/null
expect_rc 2 cf close --month 2026-11
grep -q "already closed" "$T/err" || fail "closed twice: $(cat "$T/err")"
cf payroll --month 2026-11 --format csv >"$T/nov.csv"
cf payroll --month 2026-11 >"$T/nov.txt"
head -n2 "$T/nov.txt" | grep -q "^month closed on .* by root: this is the payroll as it stood then$" ||
	fail "snapshot header: $(head -n3 "$T/nov.txt")"

# Every kind of write dated in November is refused, naming the month.
refused() {
	expect_rc 3 "$@"
	grep -q "2026-11 is closed for payroll" "$T/err" || fail "$*: $(cat "$T/err")"
}
refused cf mark --staff E105 --rule DESK --at '2026-11-20 10:00'
refused cf void "$phone" --reason "wrong agent"
refused cf signin E102 --at '2026-11-27 09:00'
refused cf signout E101 --at '2026-11-30 18:05'
refused cf signin --void E101 --day 2026-11-30 --reason "clock wrong"
refused cf explain E105 --day 2026-11-25 --note "doctor"
refused cf leave E105 --from 2026-11-26 --kind sick --via written --requested-at '2026-11-20 10:00'
refused cf leave E105 --from 2026-11-30 --to 2026-12-01 --kind sick --via written --requested-at '2026-11-20 10:00'
refused cf leave-approve "$leave"

# Acts dated later about November stay allowed: the phone handed back,
# the appeal decided (upheld after the close: settled in December).
expect_rc 0 cf return "$custody"
expect_rc 0 cf decide "$appeal" --uphold --reason "the camera shows it"
cf payroll --month 2026-12 | grep -q "appeal $appeal: E103 +10.00: incident $sleep1 of closed 2026-11, appeal upheld" ||
	fail "settled in December: $(cf payroll --month 2026-12)"
# December is open.
expect_rc 0 cf mark --staff E105 --rule DESK --at '2026-12-01 10:00'

# The snapshot prints the same bytes after a deduction edit, a decided
# appeal and a renumbering (December's marks).
sed -i 's/^  absence_day        = 200.00;/  absence_day        = 999.00;/' "$T/rules.cfg"
cf payroll --month 2026-11 --format csv | cmp - "$T/nov.csv" || fail "snapshot CSV changed"
cf payroll --month 2026-11 | cmp - "$T/nov.txt" || fail "snapshot text changed"

# Reopen: a reason is needed, managers only, audited; writes come back.
expect_rc 2 cf reopen --month 2026-11
expect_rc 2 cf reopen --month 2026-10 --reason "typo"
grep -q "2026-10 is not closed" "$T/err" || fail "reopen open month: $(cat "$T/err")"
cf reopen --month 2026-11 --reason "late sick note from E105" >/dev/null
expect_rc 0 cf explain E105 --day 2026-11-25 --note "doctor"
expect_rc 0 cf mark --staff E105 --rule DESK --at '2026-11-20 10:00'
expect_rc 0 cf void "$phone" --reason "wrong agent"
cf payroll --month 2026-11 --format csv | cmp -s - "$T/nov.csv" && fail "reopened month still prints the snapshot"
cf audit >"$T/audit"
grep -q "close .*month 2026-11 .*payroll snapshot kept" "$T/audit" || fail "close not audited"
grep -q "reopen .*month 2026-11 .*snapshot discarded: late sick note from E105" "$T/audit" ||
	fail "reopen not audited: $(tail -n3 "$T/audit")"
echo "month_close: ok"
