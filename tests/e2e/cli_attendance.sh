#!/usr/bin/env bash
# Attendance through the CLI: lateness at its boundaries, leave checked as
# A4/A5 say, absences on the map and in the month's attendance.
. "$(dirname "$0")/lib.sh"

N() { TZ=Asia/Shanghai date -d "$1" +%s; }
cf init >/dev/null

# 10 minutes late: fined, not half a day; 11 minutes: half a day.
export CALLFLOOR_NOW=$(N '2026-11-02 09:10')
out=$(cf signin E101)
case "$out" in *"10 minutes late"*"LATE incident 1: E101 5.00"*) ;; *) fail "10 min: $out" ;; esac
case "$out" in *"half a day"*) fail "10 minutes is not a half day: $out" ;; esac
export CALLFLOOR_NOW=$(N '2026-11-02 09:11')
cf signin E102 | grep -q "11 minutes late (half a day of personal leave, A1)" || fail "11 min"
expect_rc 2 cf signin E102
grep -q "already signed in" "$T/err" || fail "twice: $(cat "$T/err")"
export CALLFLOOR_NOW=$(N '2026-11-02 08:59')
# (08:59 is before the 09:10 sign-in above: still allowed, it is E103's.)
cf signin E103 | grep -q "signed in at 2026-11-02 08:59$" || fail "on time"

# Leave: a text message is never valid; phone 61 minutes ahead is, 59 not.
export CALLFLOOR_NOW=$(N '2026-11-02 12:00')
expect_rc 2 cf leave E104 --from 2026-11-02 --kind personal --via sms --requested-at '2026-11-01 10:00'
grep -q "text message is not a valid leave request" "$T/err" || fail "sms: $(cat "$T/err")"
expect_rc 0 cf leave E104 --from 2026-11-02 --kind personal --via phone --requested-at '2026-11-02 07:59'
grep -q "written form pending" "$T/out" || fail "phone leave: $(cat "$T/out")"
expect_rc 2 cf leave E105 --from 2026-11-02 --kind sick --via phone --requested-at '2026-11-02 08:01'
grep -q "59 minutes before" "$T/err" || fail "59 min: $(cat "$T/err")"
# Two days wait for a manager's own approval: nobody names an approver.
expect_rc 2 cf leave E201 --from 2026-11-03 --to 2026-11-04 --kind sick --via written --requested-at '2026-11-02 10:00' --approved-by root
grep -q "unknown option '--approved-by'" "$T/err" || fail "--approved-by: $(cat "$T/err")"
expect_rc 0 cf leave E201 --from 2026-11-03 --to 2026-11-04 --kind sick --via written --requested-at '2026-11-02 10:00'
grep -q "pending a manager's approval (A5): callfloor leave-approve 2" "$T/out" || fail "pending: $(cat "$T/out")"
# A supervisor records a request of yesterday, not of last week.
SUPCFG=$(config_with_users '{ login = "root"; role = "supervisor"; }')
expect_rc 3 "$CF" -c "$SUPCFG" -d "$DB" leave E202 --from 2026-11-03 --kind sick --via written --requested-at '2026-10-30 10:00'
grep -q "at most 48 hours back" "$T/err" || fail "backdated: $(cat "$T/err")"
expect_rc 3 "$CF" -c "$SUPCFG" -d "$DB" leave-approve 2
grep -q "only a manager approves leave" "$T/err" || fail "supervisor approves: $(cat "$T/err")"
expect_rc 0 cf leave-approve 2
grep -qx "leave 2: approved by root" "$T/out" || fail "approve: $(cat "$T/out")"
expect_eq "approver" "$(dbq 'SELECT approved_by, CASE WHEN approved_at > 0 THEN 1 ELSE 0 END FROM leave WHERE id = 2')" "root|1"
expect_rc 2 cf leave-approve 2
expect_rc 2 cf leave-approve 1
grep -q "needs no approval" "$T/err" || fail "one day: $(cat "$T/err")"
# An invalid request can be kept on record: its day is then an absence.
expect_rc 0 cf leave E105 --from 2026-11-02 --kind sick --via sms --requested-at '2026-11-02 07:00' --record-invalid
grep -q "recorded as INVALID" "$T/out" || fail "record invalid"
expect_eq "leave rows" "$(dbq 'SELECT count(*), sum(valid) FROM leave')" "3|2"

# After the shift: who never signed in and has no valid leave is absent.
export CALLFLOOR_NOW=$(N '2026-11-02 19:00')
map=$(cf map --ascii --day 2026-11-02)
grep -q "L A01 E101" <<<"$map" || fail "late on the map: $map"
grep -q "V A04 Tom Lee" <<<"$map" || fail "on leave on the map: $map"
grep -q "A A05 E105" <<<"$map" || fail "absent on the map: $map"
grep -q "I A03 E103" <<<"$map" || fail "signed in on the map: $map"

cf attendance --month 2026-11 --format csv | tr -d '\r' >"$T/att.csv"
head -n1 "$T/att.csv" | grep -qx "staff_id,name,late,early,half_days,absences,bonus_forfeit,flags,breaks,break_minutes,breaks_over" ||
	fail "header: $(head -n1 "$T/att.csv")"
grep -qx "E101,李娜,1,0,0,0,no,,0,0,0" "$T/att.csv" || fail "E101: $(grep E101 "$T/att.csv")"
grep -qx "E102,张伟,1,0,1,0,no,,0,0,0" "$T/att.csv" || fail "E102: $(grep E102 "$T/att.csv")"
grep -qx "E104,Tom Lee,0,0,0,0,no,,0,0,0" "$T/att.csv" || fail "E104: $(grep E104 "$T/att.csv")"
grep -qx "E105,刘洋,0,0,0,1,no,,0,0,0" "$T/att.csv" || fail "E105: $(grep E105 "$T/att.csv")"
# The approved two days are leave, not absence.
export CALLFLOOR_NOW=$(N '2026-11-04 19:00')
cf map --ascii --day 2026-11-04 | grep -q "V B01 E201" ||
	fail "E201 on leave on the 4th: $(cf map --ascii --day 2026-11-04)"
cf attendance --month 2026-11 --format csv | tr -d '\r' | grep -q "^E201,[^,]*,0,0,0,1," ||
	fail "E201: only the 2nd is an absence: $(cf attendance --month 2026-11 --format csv | grep E201)"
export CALLFLOOR_NOW=$(N '2026-11-02 19:00')

# Lateness is a fine like any other.
cf fines --month 2026-11 --format csv | tr -d '\r' | grep -qx "A,E102,张伟,agent,5.00,0.00,5.00" ||
	fail "LATE fine: $(cf fines --month 2026-11 --format csv)"
echo ok
