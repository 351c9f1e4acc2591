#!/usr/bin/env bash
# rollup.sh - headquarters' roll-up (issue 15) on either backend: the
# fines per floor and group add up to the floor's own `fines`; --floor of
# a floor the database does not hold is refused; a non-manager is refused.
# (pg_floors.sh checks the roll-up and --floor across two floors.)
. "$(dirname "$0")/lib.sh"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-20 12:00' +%s)
cf init >/dev/null
cf mark --staff E101 --rule SLEEP --at '2026-11-02 10:00' >/dev/null
cf mark --group B --rule DEPT_COMPLAINT --at '2026-11-03 10:00' >/dev/null
cf mark --staff E102 --rule DESK --at '2026-11-04 10:00' >/dev/null

expect_rc 0 cf rollup --month 2026-11 --format csv
expect_eq "rollup csv" "$(tr -d '\r' <"$T/out")" "floor,floor_name,group,group_name,director,deputy,supervisor,own,co,total
small,Test Floor,A,Group A,王芳,赵磊,周敏,15.00,20.00,35.00
small,Test Floor,B,Group B,孙丽,,周敏,0.00,50.00,50.00"
fines_total=$(cf fines --month 2026-11 --format csv | tr -d '\r' |
	awk -F, 'NR > 1 { s += $NF } END { printf "%.2f", s }')
expect_eq "rollup = fines" "$fines_total" "85.00"
expect_rc 0 cf rollup --month 2026-11
grep -q "every floor .*85.00$" "$T/out" || fail "text total: $(cat "$T/out")"
grep -q "^  B  *Group B  *孙丽  *0.00  *50.00  *50.00$" "$T/out" || fail "text group row: $(cat "$T/out")"
expect_rc 0 cf rollup --day 2026-11-02 --format csv
expect_eq "one day" "$(tr -d '\r' <"$T/out" | tail -n +2)" "small,Test Floor,A,Group A,王芳,赵磊,周敏,10.00,20.00,30.00"

expect_rc 2 cf fines --floor nowhere --month 2026-11
grep -q "floor" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 cf rollup --month 13
sup=$(config_with_users '{ login = "root"; role = "supervisor"; staff = "S001"; }')
expect_rc 3 "$CF" -c "$sup" -d "$DB" rollup --month 2026-11
expect_rc 3 "$CF" -c "$sup" -d "$DB" fines --floor small --month 2026-11
echo "ok"
