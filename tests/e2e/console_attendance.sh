#!/usr/bin/env bash
# console_attendance.sh - attendance that does not contradict the floor:
# an agent inspected but not signed in shows as seen (S), not absent, and
# an explanation (console E, `callfloor explain`) removes the absence; a
# sign-in after the shift is refused, and accepted with --outside-shift
# from a manager only; a sign-out without a sign-in is refused; a voided
# sign-in (console u, `signin --void`) takes its LATE with it and a
# corrected one can be recorded.
source "$(dirname "$0")/lib.sh"

N() { TZ=Asia/Shanghai date -d "$1" +%s; }
cf init >/dev/null

# 2026-11-02 is a Monday; the shift is 09:00-18:00.
export CALLFLOOR_NOW=$(N '2026-11-02 10:00')
cf signin E105 >/dev/null                 # attendance is kept from today
tm_start 100 30 "env CALLFLOOR_NOW=$CALLFLOOR_NOW CALLFLOOR_CONFIG=$CALLFLOOR_CONFIG $CF -d $DB"
tm_wait "inspected 0/8"
tm_wait "○- A01 李娜"
tm_keys i                                 # A01 seen at the desk
tm_wait "✓S A01 李娜"
tm_wait "○- A02 张伟"
tm_keys h                                 # back to A01
tm_wait "A01 · 李娜 E101"
tm_wait "seen, not signed in"
# E records the explanation for today.
tm_keys E
tm_wait "Attendance explanation (A2) for 李娜 E101 on 2026-11-02:"
tm_keys "customer visit" Enter
tm_wait "recorded: the day is no absence"
tm_wait "✓E A01 李娜"
expect_eq "explanation row" "$(dbq "SELECT staff, day, note FROM explanation")" \
	"E101|2026-11-02|customer visit"
# S then u: the sign-in is undone (and its LATE), and S again works.
tm_keys j                                 # A04
tm_wait "A04 · Tom Lee"
tm_keys S
tm_wait "Tom Lee signed in, 60 minutes late"
tm_keys u
tm_wait "Undone: sign-in of Tom Lee on 2026-11-02, and its LATE mark"
expect_eq "no live LATE of E104" "$(dbq "SELECT count(*) FROM incident WHERE rule = 'LATE' AND staff = 'E104' AND voided_at IS NULL")" 0
tm_keys S
tm_wait "Tom Lee signed in, 60 minutes late"
tm_keys q
tm kill-session -t main

# The CLI explanation for someone seen but not signed in (A02 marked);
# B01 is seen (marked) too, and never explained.
cf mark --seat A02 --rule DESK >/dev/null
cf mark --seat B01 --rule DESK >/dev/null
cf explain E102 --day 2026-11-02 --note "doctor's note" | grep -q "explanation for 2026-11-02 recorded" ||
	fail "explain printed nothing"
expect_rc 2 cf explain E102 --day 2026-11-02
grep -q "note" "$T/err" || fail "explain without a note: $(cat "$T/err")"

# After the shift: E101 and E102 explained, E103 (never seen) absent.
export CALLFLOOR_NOW=$(N '2026-11-02 19:00')
att=$(cf attendance --month 2026-11 --format csv | tr -d '\r')
absent() { awk -F, -v s="$1" '$1 == s { print $0 }' <<<"$att"; }
head -1 <<<"$att" | grep -q absences || fail "no absences column: $att"
col=$(head -1 <<<"$att" | tr ',' '\n' | grep -n '^absences' | head -1 | cut -d: -f1)
expect_eq "E101 explained: not absent" "$(absent E101 | cut -d, -f"$col")" "0"
expect_eq "E102 explained: not absent" "$(absent E102 | cut -d, -f"$col")" "0"
[ "$(absent E103 | cut -d, -f"$col")" != "0" ] || fail "E103 should be absent: $att"
# The report says the seen-but-unexplained apart.
cf report --day 2026-11-02 >"$T/report.txt"
grep -qF "seen at their desk, not signed in, no explanation 1; explained (A2) 2" "$T/report.txt" ||
	fail "report summary: $(grep -A3 ATTENDANCE "$T/report.txt")"
grep -F "E201" "$T/report.txt" | grep -qF "absent: seen at the desk, not explained (A2)" ||
	fail "report does not list E201 as seen, unexplained: $(grep -A12 ATTENDANCE "$T/report.txt")"

# A sign-in after the shift is refused; a manager records it as outside.
expect_rc 2 cf signin E103
grep -q "outside the shift" "$T/err" || fail "after shift: $(cat "$T/err")"
expect_eq "no LATE for it" "$(dbq "SELECT count(*) FROM incident WHERE rule = 'LATE' AND staff = 'E103'")" 0
sup=$(config_with_users '{ login = "root"; role = "supervisor"; staff = "S001"; }')
expect_rc 3 cf -c "$sup" signin E103 --at '2026-11-02 19:00' --outside-shift
expect_rc 0 cf signin E103 --at '2026-11-02 19:00' --outside-shift
grep -q "outside the shift" "$T/out" || fail "outside: $(cat "$T/out")"
# A sign-out without a sign-in is refused, never an absence.
expect_rc 2 cf signout E201 --at '2026-11-02 18:30'
grep -q "has not signed in" "$T/err" || fail "signout: $(cat "$T/err")"

# A voided sign-in, then the corrected one.
export CALLFLOOR_NOW=$(N '2026-11-03 09:40')
cf signin E201 | grep -q "40 minutes late" || fail "late sign-in"
expect_rc 0 cf signin --void E201 --day 2026-11-03 --reason "she was at 08:55"
grep -q "LATE incident .* voided" "$T/out" || fail "void: $(cat "$T/out")"
expect_rc 0 cf signin E201 --at '2026-11-03 08:55'
expect_eq "sign-ins of E201 (voided kept)" \
	"$(dbq "SELECT minutes, CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END FROM attendance WHERE staff = 'E201' ORDER BY id")" \
	"40|1
0|0"
expect_eq "no live LATE for E201" "$(dbq "SELECT count(*) FROM incident WHERE staff = 'E201' AND rule = 'LATE' AND voided_at IS NULL")" 0
echo ok
