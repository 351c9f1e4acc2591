#!/usr/bin/env bash
# A scripted month of marks through the real binary, then `fines --format
# csv` compared with amounts worked out by hand from rulebook.md.
. "$(dirname "$0")/lib.sh"

# "Now" is 2026-12-02 09:00 in Shanghai, so every November mark is
# backdated (root is the fixture's manager, who may do that).
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-12-02 09:00' +%s)
cf init >/dev/null

m() { cf mark "$@" 2>/dev/null; }
id_of() { head -n1; }

m --staff E101 --rule SLEEP --at '2026-11-02 10:00' >"$T/sleep.out"
expect_eq "SLEEP lines" "$(tail -n +2 "$T/sleep.out")" "E101 offender 10.00
D001 director 10.00
D002 deputy 10.00"
m --seat A01 --rule PHONE --at '2026-11-03 10:00' >/dev/null
out=$(m --seat A01 --rule PHONE --at '2026-11-10 10:00')
expect_eq "2nd PHONE doubled" "$(echo "$out" | tail -n1)" "E101 offender 100.00"

m --staff E102 --rule GAMES --at '2026-11-05 10:00' >/dev/null
games2=$(m --staff E102 --rule GAMES --at '2026-11-06 10:00' | id_of)
m --staff E102 --rule GAMES --at '2026-11-07 10:00' >/dev/null
out=$(m --staff E102 --rule GAMES --at '2026-11-08 10:00')
expect_eq "4th GAMES keeps the last step" "$(echo "$out" | tail -n1)" "E102 offender 50.00"

# Group B has no deputy: the vacancy is said, on stderr, not skipped.
cf mark --seat B01 --rule SLEEP --at '2026-11-09 10:00' >"$T/out" 2>"$T/err"
expect_eq "B SLEEP lines" "$(tail -n +2 "$T/out")" "E201 offender 10.00
D003 director 10.00"
grep -q "has no deputy" "$T/err" || fail "vacant deputy not reported: $(cat "$T/err")"

# A director asleep pays the offender's fine only.
out=$(m --staff D001 --rule SLEEP --at '2026-11-11 10:00')
expect_eq "director asleep" "$(echo "$out" | tail -n +2)" "D001 offender 10.00
D002 deputy 10.00"

out=$(m --group B --rule DEPT_COMPLAINT --at '2026-11-12 10:00')
expect_eq "group fine" "$(echo "$out" | tail -n +2 | sort)" "D003 director 20.00
E201 member 10.00
E202 member 10.00
E203 member 10.00"

m --staff E104 --rule ATTITUDE --amount 50 --at '2026-11-13 10:00' >/dev/null
m --staff E104 --rule ATTITUDE --at '2026-11-14 10:00' >/dev/null
m --staff E105 --rule DESK --at '2026-11-15 10:00' >/dev/null
m --staff E105 --rule DESK --at '2026-11-16 10:00' >/dev/null
out=$(m --seat A03 --rule PCOFF --at '2026-11-17 18:30')
expect_eq "PCOFF" "$(echo "$out" | tail -n +2)" "E103 offender 10.00
S001 supervisor 15.00"

# Void the 2nd GAMES: the 3rd becomes the 2nd (10), the 4th the 3rd (50).
cf void "$games2" --reason "wrong agent" >/dev/null
# Backdate a DESK before the others: it becomes the 1st, the rest doubled.
m --staff E105 --rule DESK --at '2026-11-01 09:30' >/dev/null
# Month boundary in the floor's zone: 23:30 on the 30th is November,
# 00:30 on the 1st is December (both are the same UTC day).
m --staff E203 --rule CONDUCT --at '2026-11-30 23:30' >/dev/null
m --staff E101 --rule DESK --at '2026-12-01 00:30' >/dev/null

cf fines --month 2026-11 --format csv | tr -d '\r' >"$T/got.csv"
cat >"$T/want.csv" <<'CSV'
group,staff_id,name,role,own,co,total
A,D001,王芳,director,10.00,10.00,20.00
A,D002,赵磊,deputy,0.00,20.00,20.00
A,E101,李娜,agent,160.00,0.00,160.00
A,E102,张伟,agent,65.00,0.00,65.00
A,E103,欧阳志远,agent,10.00,0.00,10.00
A,E104,Tom Lee,agent,55.00,0.00,55.00
A,E105,刘洋,agent,25.00,0.00,25.00
A,S001,周敏,supervisor,0.00,15.00,15.00
B,D003,孙丽,director,0.00,30.00,30.00
B,E201,陈静,agent,10.00,10.00,20.00
B,E202,Anna Schmidt,agent,0.00,10.00,10.00
B,E203,王强,agent,10.00,10.00,20.00
CSV
diff -u "$T/want.csv" "$T/got.csv" || fail "November CSV differs"

# CSV lines end in CRLF (RFC 4180).
head -c 200 <(cf fines --month 2026-11 --format csv) | od -c | grep -q '\\r  \\n' ||
	fail "CSV lines do not end in CRLF"

cf fines --month 2026-12 --format csv | tr -d '\r' >"$T/dec.csv"
expect_eq "December" "$(cat "$T/dec.csv")" "group,staff_id,name,role,own,co,total
A,E101,李娜,agent,5.00,0.00,5.00"

# --group filters; the text format carries group and floor totals.
expect_eq "group filter" "$(cf fines --month 2026-11 --group B --format csv | tr -d '\r' | wc -l)" 5
cf fines --month 2026-11 >"$T/text"
grep -q "floor total *345.00 *105.00 *450.00" "$T/text" ||
	{ cat "$T/text"; fail "floor total line"; }
grep -q "group total *325.00 *45.00 *370.00" "$T/text" || fail "group A total"
echo "ok"
