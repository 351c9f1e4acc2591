#!/usr/bin/env bash
# A scripted month on a three-person floor: sign-ins, lates, an early
# leave, sick and personal leave, absences, an explanation, fines and an
# appeal; `payroll --format csv` compared byte for byte with figures
# worked out by hand from rulebook.md (A1-A7) and the deduction policy.
. "$(dirname "$0")/lib.sh"

# The shipped rulebook, with a late/early deduction of 10.00 so that the
# column is priced too.
sed 's/^  late_early         = 0.00;/  late_early         = 10.00;/' "$ROOT/conf/rules.cfg" >"$T/rules.cfg"
grep -q '^  late_early         = 10.00;' "$T/rules.cfg" || fail "rules.cfg: no late_early line to edit"
floor_cfg() {	# $1: extra keys of E1, $2: of E2, $3: a minimum_wage line
	cat >"$T/floor.cfg" <<CFG
floor = {
  id = "pay"; name = "Pay Floor"; timezone = "Asia/Shanghai";
  shift = { start = "09:00"; end = "18:00"; };
  layout = [ "A1 A2 . B1" ];
};
groups = ( { id = "A"; name = "Group A"; }, { id = "B"; name = "Group B"; } );
staff = (
  { id = "E1"; name = "李娜"; group = "A"; seat = "A1"; $1 },
  { id = "E2"; name = "张伟"; group = "A"; seat = "A2"; $2 },
  { id = "E3"; name = "Tom Lee"; group = "B"; seat = "B1"; }
);
users = ( { login = "root"; role = "manager"; } );
@include "$T/rules.cfg"
CFG
	if [ -n "$3" ]; then
		sed -i "s/^  minimum_wage       = 0.00;/  minimum_wage       = $3;/" "$T/rules.cfg"
	fi
}
floor_cfg "" "" ""
# as_role ROLE CMD...: runs callfloor with root in another role.
as_role() {
	local role=$1
	shift
	sed "s/role = \"manager\"/role = \"$role\"/" "$T/floor.cfg" >"$T/as.cfg"
	CALLFLOOR_CONFIG="$T/as.cfg" "$CF" -d "$DB" "$@"
}
export CALLFLOOR_CONFIG="$T/floor.cfg"
# Now is 2026-12-02 09:00 in Shanghai: November is over.
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-12-02 09:00' +%s)
cf init >/dev/null

# November 2026: attendance is kept from Monday the 23rd, so the working
# days are 23, 24, 25, 26, 27 and 30.
s() { cf signin "$1" --at "2026-11-$2" >/dev/null 2>&1 || fail "signin $*"; }
# E1: late four times (5, 20, 3, 15 minutes; 20 and 15 pass A1's ten
# minutes: half a day of personal leave each), leaves 30 minutes early on
# the 27th (a half day too).  Five late/early: more than three (A3b), one
# day of absence.  Four LATE fines of 5.00.
s E1 '23 09:05'; s E1 '24 09:20'; s E1 '25 09:03'; s E1 '26 09:15'
s E1 '27 08:55'; s E1 '30 08:58'
cf signout E1 --at '2026-11-27 17:30' >/dev/null
# E2: in on the 23rd and 26th; sick on the 24th, personal leave on the
# 25th (both written a day ahead); nothing on the 27th and 30th: two days
# of absence (A2), so the bonus is forfeited (A6a).
s E2 '23 09:00'; s E2 '26 08:59'
cf leave E2 --from 2026-11-24 --kind sick --via written \
	--requested-at '2026-11-23 10:00' >/dev/null
cf leave E2 --from 2026-11-25 --kind personal --via written \
	--requested-at '2026-11-24 10:00' >/dev/null
# E3: in every day but the 26th, which is explained (not an absence);
# a CONDUCT (10.00) and two DESK marks (5.00, then 10.00 doubled).
s E3 '23 09:00'; s E3 '24 09:00'; s E3 '25 09:00'; s E3 '27 09:00'; s E3 '30 09:00'
cf explain E3 --day 2026-11-26 --note "client visit" >/dev/null
cf mark --staff E3 --rule CONDUCT --at '2026-11-25 11:00' >/dev/null
desk1=$(cf mark --staff E3 --rule DESK --at '2026-11-24 11:00' | head -n1)
out=$(cf mark --staff E3 --rule DESK --at '2026-11-27 11:00')
expect_eq "2nd DESK doubled" "$(echo "$out" | tail -n1)" "E3 offender 10.00"

# The figures, by hand:
#  E1 fines 4 x 5.00 = 20.00; late/early 5; personal leave 2 x 0.5 + 0.5
#     = 1.5 days (150.00); absence 1 day, A3b (200.00); late/early
#     5 x 10.00 = 50.00; deductions 400.00; total 420.00.
#  E2 personal 1.0 (100.00), sick 1.0 (50.00), absence 2.0 (400.00),
#     bonus 300.00: deductions 850.00; total 850.00.
#  E3 fines 10.00 + 5.00 + 10.00 = 25.00; nothing else.
hdr='staff_id,name,group,fines,late_early,personal_leave_days,sick_leave_days,absence_days,bonus_forfeited,deductions,total'
printf '%s\r\n' "$hdr" \
	'E1,李娜,A,20.00,5,1.5,0.0,1.0,0.00,400.00,420.00' \
	'E2,张伟,A,0.00,0,1.0,1.0,2.0,300.00,850.00,850.00' \
	'E3,Tom Lee,B,25.00,0,0.0,0.0,0.0,0.00,0.00,25.00' >"$T/want.csv"
cf payroll --month 2026-11 --format csv >"$T/got.csv"
cmp "$T/got.csv" "$T/want.csv" || fail "payroll CSV: $(diff "$T/got.csv" "$T/want.csv")"
# -o writes the same bytes.
cf payroll --month 2026-11 --format csv -o "$T/out.csv"
cmp "$T/out.csv" "$T/want.csv" || fail "payroll -o differs"

# The text form: group and floor totals.
cf payroll --month 2026-11 >"$T/text"
grep -Eq '^ +group total +A +20\.00 +1250\.00 +1270\.00$' "$T/text" ||
	fail "group A total: $(cat "$T/text")"
grep -Eq '^ +floor total +45\.00 +1250\.00 +1295\.00$' "$T/text" ||
	fail "floor total: $(cat "$T/text")"

# An appeal's life.  The first DESK under appeal leaves payroll's fines
# (25.00 - 5.00) and is listed in the text form.
appeal=$(cf appeal "$desk1" --reason "the chair was not mine" | head -n1)
cf payroll --month 2026-11 --format csv | grep -q '^E3,Tom Lee,B,20.00,' ||
	fail "appealed line still counted: $(cf payroll --month 2026-11 --format csv)"
cf payroll --month 2026-11 | grep -q "appeal $appeal: E3, incident $desk1 (DESK, 2026-11-24), 5.00: the chair was not mine" ||
	fail "pending appeal not listed: $(cf payroll --month 2026-11)"
expect_rc 2 cf appeal "$desk1" --reason "again"
grep -q "under appeal already" "$T/err" || fail "double appeal: $(cat "$T/err")"
expect_rc 3 as_role lead appeal "$desk1" --reason x
# Upheld by a manager, it counts again; a supervisor may not decide.
a2=$(cf appeal 1 --reason "the bus" | head -n1)
cf payroll --month 2026-11 --format csv | grep -q '^E1,李娜,A,15.00,' || fail "E1's appealed LATE counted"
expect_rc 3 as_role supervisor decide "$a2" --uphold --reason x
cf decide "$a2" --uphold --reason "no bus strike that day" >/dev/null
cf payroll --month 2026-11 --format csv | grep -q '^E1,李娜,A,20.00,' || fail "upheld LATE not back"
expect_rc 2 cf decide "$a2" --void --reason again
# Voided: the DESK incident goes, and the second DESK becomes the first
# (5.00 again): E3 10.00 + 5.00.
cf decide "$appeal" --void --reason "chair belongs to the night shift" >/dev/null
cf payroll --month 2026-11 --format csv | grep -q '^E3,Tom Lee,B,15.00,' ||
	fail "voided appeal: $(cf payroll --month 2026-11 --format csv)"
cf audit | grep -q "decide .*appeal $appeal .*voided: E3's fine in incident $desk1 voided" ||
	fail "decision not audited: $(cf audit | tail -3)"

# The legal cap: E1 earns 5000.00 (cap 1000.00), E2 4000.00 with a
# minimum wage of 3500.00: at most 500.00 (not 20 % = 800.00) is taken,
# 350.00 over.  E3 has no wage: no cap.
floor_cfg 'wage = 5000.00;' 'wage = 4000;' '3500.00'
printf '%s\r\n' "$hdr,over_cap" \
	'E1,李娜,A,20.00,5,1.5,0.0,1.0,0.00,400.00,420.00,0.00' \
	'E2,张伟,A,0.00,0,1.0,1.0,2.0,300.00,850.00,500.00,350.00' \
	'E3,Tom Lee,B,15.00,0,0.0,0.0,0.0,0.00,0.00,15.00,0.00' >"$T/want.csv"
cf payroll --month 2026-11 --format csv >"$T/got.csv"
cmp "$T/got.csv" "$T/want.csv" || fail "capped CSV: $(diff "$T/got.csv" "$T/want.csv")"
cf payroll --month 2026-11 | grep -q "E2 张伟: fines and deductions of 850.00 exceed the legal cap of 500.00 (wage 4000.00); 350.00 is not proposed" ||
	fail "cap warning: $(cf payroll --month 2026-11)"

# Who may: managers and leads read payroll; a supervisor does not.
expect_rc 0 as_role lead payroll --month 2026-11
expect_rc 3 as_role supervisor payroll --month 2026-11
# Bad input is named.
expect_rc 2 cf payroll
expect_rc 2 cf payroll --month 2026-13
grep -q "2026-13" "$T/err" || fail "bad month not named"
expect_rc 2 cf payroll --month 2026-11 --format xml
echo "payroll_month: ok"
