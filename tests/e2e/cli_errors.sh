#!/usr/bin/env bash
# Bad input gets a clear message naming what is wrong, the documented exit
# code, and changes nothing in the database.
. "$(dirname "$0")/lib.sh"

cf init >/dev/null
cf mark --seat A01 --rule DESK >/dev/null 2>&1
sum() { dbq "SELECT count(*) FROM incident; SELECT count(*) FROM fine; SELECT coalesce(sum(amount), 0) FROM fine; SELECT count(*) FROM custody" | tr '\n' ' '; }
before=$(sum)

# refused LABEL WANT_RC WANT_MESSAGE CMD...
refused() {
	local label=$1 rc=$2 msg=$3
	shift 3
	expect_rc "$rc" "$@"
	grep -qF -- "$msg" "$T/err" || fail "$label: message [$(cat "$T/err")] lacks [$msg]"
	[ ! -s "$T/out" ] || fail "$label: printed on stdout: $(cat "$T/out")"
	expect_eq "$label: database unchanged" "$(sum)" "$before"
}

refused "unknown rule" 2 "unknown rule 'SLEPP'" cf mark --seat A01 --rule SLEPP
refused "unknown seat" 2 "no seat 'Z99'" cf mark --seat Z99 --rule DESK
refused "empty seat" 2 "seat A06 is empty" cf mark --seat A06 --rule DESK
refused "unknown staff" 2 "no staff 'E999'" cf mark --staff E999 --rule DESK
refused "two targets" 2 "exactly one of" cf mark --seat A01 --staff E101 --rule DESK
refused "no rule" 2 "--rule CODE is required" cf mark --seat A01
refused "out of range" 2 "amount 300.00 is outside rule ATTITUDE's range 5.00 to 200.00" \
	cf mark --seat A01 --rule ATTITUDE --amount 300
refused "bad amount" 2 "--amount '12.345'" cf mark --seat A01 --rule ATTITUDE --amount 12.345
refused "amount on a set fine" 2 "has a set fine" cf mark --seat A01 --rule DESK --amount 7
refused "group rule on a person" 2 "falls on a whole group" cf mark --seat A01 --rule DEPT_COMPLAINT
refused "person rule on a group" 2 "falls on one person" cf mark --group A --rule DESK
refused "note required" 2 "needs a note" cf mark --seat A01 --rule OTHER --amount 20
refused "bad time" 2 "--at '2026-02-30 10:00'" cf mark --seat A01 --rule DESK --at '2026-02-30 10:00'
refused "future" 2 "in the future" cf mark --seat A01 --rule DESK --at '2099-01-01 10:00'
refused "unknown option" 2 "unknown option '--colour'" cf mark --seat A01 --rule DESK --colour
refused "void without reason" 2 "--reason TEXT is required" cf void 1
refused "void unknown" 2 "there is no incident 99" cf void 99 --reason x
refused "void not a number" 2 "incident id 'x1'" cf void x1 --reason x
refused "return unknown" 2 "there is no custody record 7" cf return 7
refused "bad month" 2 "--month '2026-13'" cf fines --month 2026-13
refused "bad format" 2 "--format 'xml'" cf fines --format xml
refused "from without to" 2 "--from and --to go together" cf fines --from 2026-11-01
refused "unknown command" 2 "unknown command 'frobnicate'" cf frobnicate

# Roles: a supervisor marks now but not at another time; a lead reads only;
# someone not in users is refused outright.
sup=$(config_with_users '{ login = "root"; role = "supervisor"; }')
refused "supervisor backdating" 3 "only a manager marks at another time" \
	"$CF" -c "$sup" -d "$DB" mark --seat A01 --rule DESK --at '2026-11-01 10:00'
lead=$(config_with_users '{ login = "root"; role = "lead"; }')
refused "lead marking" 3 "leads read and report" "$CF" -c "$lead" -d "$DB" mark --seat A01 --rule DESK
refused "lead voiding" 3 "leads do not void" "$CF" -c "$lead" -d "$DB" void 1 --reason x
expect_rc 0 "$CF" -c "$lead" -d "$DB" fines --format csv
nobody=$(config_with_users '{ login = "someoneelse"; role = "manager"; }')
refused "unknown user" 3 "root is not a user of floor small" "$CF" -c "$nobody" -d "$DB" fines

# A supervisor voids their own mark (another's is refused: tests/unit, which
# can act as several logins).
out=$("$CF" -c "$sup" -d "$DB" mark --seat A02 --rule DESK 2>/dev/null | head -n1)
expect_rc 0 "$CF" -c "$sup" -d "$DB" void "$out" --reason "my mistake"
before=$(sum)

# Custody: a phone is held until handed back, once.
out=$(cf mark --seat B02 --rule PHONE 2>"$T/err")
grep -q "taken into custody (record 1)" "$T/err" || fail "custody message: $(cat "$T/err")"
cf custody | grep -q "Anna Schmidt *phone" || fail "custody list: $(cf custody)"
cf map --ascii | grep -q "# B02 Anna" || fail "map does not show the phone: $(cf map --ascii)"
expect_rc 0 cf return 1
grep -q "returned: phone of Anna Schmidt (E202)" "$T/out" || fail "return message"
before=$(sum)
refused "return twice" 2 "already handed back" cf return 1
expect_eq "custody empty" "$(cf custody)" "nothing in custody"

# Help, version, check-config.
expect_rc 0 cf --help
grep -q "^usage: callfloor" "$T/out" || fail "--help"
# Each command has its own -h, wherever it stands, and an option's value
# that reads "-h" is a value, not a request for help.
expect_rc 0 cf report -h
grep -q "^usage: callfloor report \[--day D\]" "$T/out" || fail "report -h: $(head -3 "$T/out")"
grep -q "^  --page-lines N" "$T/out" || fail "report -h lists its options"
expect_rc 0 cf mark --seat A02 --help
grep -q "^usage: callfloor mark (--seat S" "$T/out" || fail "mark --help"
refused "a note that reads -h" 2 "give exactly one of --seat" cf mark --note -h
for v in init check-config mark void fines report journal custody return map rules audit \
	backup signin signout leave leave-approve leave-form attendance; do
	expect_rc 0 "$CF" "$v" -h
	grep -q "^usage: callfloor $v" "$T/out" || fail "$v -h: $(head -1 "$T/out")"
done
# A name unique on the floor stands for its staff id (or group id); an
# ambiguous one is refused with the candidates.
before=$(sum)
expect_rc 0 cf mark --staff "Tom Lee" --rule DESK
grep -qx "E104 offender 5.00" "$T/out" || fail "mark by name: $(cat "$T/out")"
expect_rc 0 cf fines --group "Group A" --format csv
grep -q "^A,E104," "$T/out" || fail "fines by group name: $(cat "$T/out")"
dup=$(config_with_users '{ login = "root"; role = "manager"; }')
sed -i 's/name = "Anna Schmidt"/name = "李娜"/' "$dup"
before=$(sum)
refused "an ambiguous name" 2 "'李娜' names 2 people: E101 (seat A01, group A), E202 (seat B02, group B); give the staff id" \
	"$CF" -c "$dup" -d "$DB" mark --staff 李娜 --rule DESK
refused "a name nobody has" 2 "no staff '无名' on floor small (neither an id nor a name)" \
	cf mark --staff 无名 --rule DESK
# Global options after the command, in every spelling, mean what they say.
before=$(sum)
expect_rc 0 "$CF" mark --seat A03 --rule DESK -d"$DB"
expect_rc 0 "$CF" mark --seat A03 --rule DESK --db="$DB" --config="$CALLFLOOR_CONFIG"
expect_eq "two marks through -dFILE and --db=FILE" "$(dbq 'SELECT count(*) FROM incident WHERE seat = '"'A03'")" "2"
expect_rc 2 "$CF" -d "$DB" fines --config="$T/none.cfg"
grep -q "none.cfg: cannot read the configuration: No such file" "$T/err" || fail "--config= after the verb: $(cat "$T/err")"
expect_rc 0 "$CF" --version
grep -q "^callfloor [0-9]" "$T/out" || fail "--version"
expect_eq "check-config" "$("$CF" check-config)" "ok: 10 seats, 12 staff, 2 groups, 30 rules
print: PDF on A4 paper (the default print command, lp)"
expect_rc 0 cf init
expect_rc 0 cf init
echo ok
