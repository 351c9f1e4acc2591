#!/usr/bin/env bash
# The rulebook and the staff list change after the day: the report of the
# scripted day still adds up.  A rule code no longer in the rulebook is
# shown as its code (its flag still comes from the terms frozen with the
# incident); a person no longer on the staff list gets a section of their
# own instead of vanishing from the totals.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

sed '/code = "QUARREL"/,/},/d' "$ROOT/tests/fixtures/rules.cfg" >"$T/rules_noq.cfg"
! grep -q QUARREL "$T/rules_noq.cfg" || fail "QUARREL not removed"
cfg=$(variant former "/\"E203\"/d; s|$ROOT/tests/fixtures/rules.cfg|$T/rules_noq.cfg|")
! grep -q E203 "$cfg" || fail "E203 not removed"
export CALLFLOOR_CONFIG="$cfg"
cf report --day 2026-03-10 >"$T/r.txt"

want() { grep -qxF -- "$1" "$T/r.txt" || fail "missing line [$1]"; }
want "  QUARREL          (no longer in the rulebook)             1        0      0.00"
want "  total                                                   14        1    335.00"
want "  E202   Anna Schmidt QUARREL×1 #1, PHONE×1 #1         50.00     10.00     60.00"
want "  13:00       #10   E202   Anna Schmidt QUARREL          criticism"
want "  headcount 3; desks inspected 2 of 2 (100%)"
want "  Group B total                                        70.00     50.00    120.00"
want "NOT ON TODAY'S STAFF LIST"
want "  E203   ?            -                                 0.00     10.00     10.00"
want "  total                                                 0.00     10.00     10.00"
want "  Fines today                 335.00"
want "  15:00       #12   E203   ?            PRAISE           root"
cf report --day 2026-03-10 --format csv | grep -qF ',E203,?,?,member,group,10.00,0' ||
	fail "former staff's CSV row"
echo ok
