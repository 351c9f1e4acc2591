#!/usr/bin/env bash
# signin --import: a time clock's CSV judged row by row as signin/signout
# would; every bad row as FILE:LINE, nothing written; importing again adds
# nothing and never brings back a voided sign-in.  Then verify and
# verify --repair over the carried attendance totals.
. "$(dirname "$0")/lib.sh"

N() { TZ=Asia/Shanghai date -d "$1" +%s; }
cf init >/dev/null
export CALLFLOOR_NOW=$(N '2026-11-03 20:00')

# A bad file: every error listed, nothing written.
cat >"$T/bad.csv" <<'CSV'
staff_id,time,kind
E101,2026-11-02 09:00,in
E999,2026-11-02 09:00,in
E102,2026-11-02 9:00,in
E103,2026-11-02 09:00,lunch
E104,2026-11-02 18:00,out
E105,2026-11-02 03:00,in
E101,2026-11-02 09:05,in
CSV
expect_rc 2 cf signin --import "$T/bad.csv"
for want in "bad.csv:3: no staff 'E999'" "bad.csv:4: time '2026-11-02 9:00' is not" \
    "bad.csv:5: kind 'lunch' is neither in nor out" \
    "bad.csv:6: Tom Lee (E104) has not signed in on 2026-11-02" \
    "bad.csv:7: a sign-in at 2026-11-02 03:00 is outside the shift" \
    "bad.csv:8: 李娜 (E101) is signed in on 2026-11-02 at 2026-11-02 09:00 by an earlier row"; do
	grep -qF "$want" "$T/err" || fail "missing [$want] in: $(cat "$T/err")"
done
expect_eq "nothing written" "$(dbq 'SELECT count(*) FROM attendance')" "0"
printf 'staff,when,what\n' >"$T/head.csv"
expect_rc 2 cf signin --import "$T/head.csv"
grep -qF "head.csv:1: the header must be staff_id,time,kind" "$T/err" || fail "header: $(cat "$T/err")"
expect_rc 2 cf signin --import "$T/missing.csv"
grep -q "cannot read --import" "$T/err" || fail "missing file: $(cat "$T/err")"

# A good file (out of order on purpose, CRLF): judged like signin.
printf 'staff_id,time,kind\r\nE101,2026-11-02 18:05,out\r\nE101,2026-11-02 09:15,in\r\nE102,2026-11-02 08:50,in\r\nE102,2026-11-02 17:00,out\r\nE103,2026-11-03 09:00,in\r\n' >"$T/good.csv"
expect_rc 0 cf signin --import "$T/good.csv"
grep -qx "5 imported from $T/good.csv (0 already recorded)" "$T/out" || fail "count: $(cat "$T/out")"
expect_eq "late fined" "$(dbq "SELECT staff, note FROM incident WHERE rule = 'LATE'")" "E101|15 minutes late"
expect_eq "early" "$(dbq "SELECT minutes FROM attendance WHERE staff = 'E102' AND kind = 'out'")" "60"
expect_eq "audited" "$(dbq "SELECT count(*) FROM audit WHERE action IN ('sign-in', 'sign-out')")" "5"
# Again: nothing added.  A voided sign-in is not brought back.
expect_rc 0 cf signin --void E103 --day 2026-11-03 --reason "clock error"
expect_rc 0 cf signin --import "$T/good.csv"
grep -qx "0 imported from $T/good.csv (5 already recorded)" "$T/out" || fail "again: $(cat "$T/out")"
expect_eq "live rows" "$(dbq 'SELECT count(*) FROM attendance WHERE voided_at IS NULL')" "4"
# Outside the window: an error unless --outside-shift; leads do not import.
printf 'staff_id,time,kind\nE104,2026-11-03 02:00,in\n' >"$T/night.csv"
expect_rc 2 cf signin --import "$T/night.csv"
grep -q "night.csv:2: a sign-in at 2026-11-03 02:00 is outside the shift" "$T/err" || fail "window: $(cat "$T/err")"
expect_rc 0 cf signin --import "$T/night.csv" --outside-shift
LEADCFG=$(config_with_users '{ login = "root"; role = "lead"; }')
expect_rc 3 "$CF" -c "$LEADCFG" -d "$DB" signin --import "$T/good.csv"

# verify: the carried totals of October (a finished month) match; a
# tampered one is listed (exit 1) and --repair rebuilds it, audited.
export CALLFLOOR_NOW=$(N '2026-12-02 20:00')
cf attendance --month 2026-12 >/dev/null
expect_eq "settled" "$(dbq "SELECT absent FROM att_carry WHERE month = '2026-11' AND staff = 'E105'")" "21"
expect_rc 0 cf verify
grep -q "^ok: [0-9]* carried attendance totals match" "$T/out" || fail "verify: $(cat "$T/out")"
dbq "UPDATE att_carry SET absent = 3 WHERE month = '2026-11' AND staff = 'E105'"
expect_rc 1 cf verify
grep -qF "2026-11 E105: absent 3, rebuilt 21" "$T/out" || fail "diff: $(cat "$T/out")"
expect_rc 0 cf verify --repair
expect_eq "repaired" "$(dbq "SELECT absent FROM att_carry WHERE month = '2026-11' AND staff = 'E105'")" "21"
expect_eq "repair audited" "$(dbq "SELECT count(*) FROM audit WHERE action = 'verify repair'")" "1"
expect_rc 0 cf verify
# December is carried to its last finished day (Tuesday 1 December): a
# tampered total of that day is listed and rebuilt the same way.
expect_eq "day carried" "$(dbq "SELECT absent FROM att_carry WHERE month = '2026-12-01' AND staff = 'E105'")" "1"
dbq "UPDATE att_carry SET absent = 5 WHERE month = '2026-12-01' AND staff = 'E105'"
expect_rc 1 cf verify
grep -qF "2026-12-01 E105: absent 5, rebuilt 1" "$T/out" || fail "day diff: $(cat "$T/out")"
expect_rc 0 cf verify --repair
expect_eq "day repaired" "$(dbq "SELECT absent FROM att_carry WHERE month = '2026-12-01' AND staff = 'E105'")" "1"
expect_rc 0 cf verify
echo ok
