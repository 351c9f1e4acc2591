#!/usr/bin/env bash
# cli_break.sh - `break start|end|list` as a supervisor uses them: group A
# with max_away = 2, three agents asking (the third queued, next when one
# returns, started by the supervisor), the limit reached on an injected
# clock, the CSV header, and bad input refused with nothing written.
source "$(dirname "$0")/lib.sh"

cp "$ROOT/conf/rules.cfg" "$T/rules.cfg"
sed -e 's|supervisor = "S001"; },|supervisor = "S001"; max_away = 2; },|' \
    -e "s|@include \"rules.cfg\"|@include \"$T/rules.cfg\"|" \
    "$ROOT/tests/fixtures/small.cfg" >"$T/cap.cfg"
grep -q 'max_away = 2' "$T/cap.cfg" || fail "the fixture has no group A line to cap"
export CALLFLOOR_CONFIG="$T/cap.cfg"
cf init >/dev/null
# Monday 2026-03-02 10:00 in Asia/Shanghai.
t0=$(TZ=Asia/Shanghai date -d '2026-03-02 10:00' +%s)
at() { CALLFLOOR_NOW=$((t0 + $1 * 60)) cf "${@:2}"; }
away_rows() { dbq "SELECT count(*) FROM away"; }

expect_eq "start E101" "$(at 0 break start E101 --reason WC)" "E101 李娜 away: WC, limit 10 minutes"
expect_eq "start E102" "$(at 1 break start E102 --reason rest)" "E102 张伟 away: REST, limit 15 minutes"
expect_eq "start E103" "$(at 2 break start E103 --reason WC)" \
	"E103 欧阳志远 queued for WC: place 1 in group A (max_away reached)"
at 3 break start E105 --reason MEAL >/dev/null
# Group B has the rulebook's 20%: one of three.
at 3 break start E201 --reason WC >/dev/null

csv=$(at 4 break list --format csv)
expect_eq "csv" "$csv" "$(printf '%s\r\n' \
	'staff_id,name,group,state,reason,since,minutes' \
	'E101,李娜,A,away,WC,2026-03-02 10:00,4' \
	'E102,张伟,A,away,REST,2026-03-02 10:01,3' \
	'E103,欧阳志远,A,queued,WC,2026-03-02 10:02,2' \
	'E105,刘洋,A,queued,MEAL,2026-03-02 10:03,1' \
	'E201,陈静,B,away,WC,2026-03-02 10:03,1')"

# A queued agent does not start while the cap is reached.
expect_rc 2 at 5 break start E103 --reason WC
grep -q "still queued (place 1 in group A, 2 of 2 away)" "$T/err" || fail "$(cat "$T/err")"

# 10 minutes of WC reach its limit: OVER in the list, counted.
out=$(at 10 break list)
grep -q "^E101 .* OVER  *WC " <<<"$out" || fail "no OVER: $out"
grep -q "^1 over the limit$" <<<"$out" || fail "not counted: $out"
grep -q "^E102 .* away  *REST " <<<"$out" || fail "REST is 15 minutes: $out"

# E101 returns at 12 minutes: over the limit; E103 is next, not E105.
out=$(at 12 break end E101)
expect_eq "end" "$out" "$(printf '%s\n' 'E101 李娜 back after 12 minutes (over the limit)' 'next: E103 欧阳志远 (A)')"
at 12 break list --format csv | grep -q "^E103,欧阳志远,A,next,WC," || fail "E103 not next"
at 12 break list --format csv | grep -q "^E105,刘洋,A,queued,MEAL," || fail "E105 not queued"
# The supervisor starts the next one.
expect_eq "next starts" "$(at 13 break start E103 --reason WC)" "E103 欧阳志远 away: WC, limit 10 minutes"
expect_eq "away in A" "$(dbq "SELECT count(*) FROM away WHERE grp = 'A' AND started_at IS NOT NULL AND ended_at IS NULL")" 2

# Bad input: refused, named, nothing written.
n=$(away_rows)
expect_rc 2 at 14 break start E104 --reason NAP
grep -q "'NAP' is not a break reason of the rulebook: WC (Toilet), REST (Rest), MEAL (Meal)" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 at 14 break start E999 --reason WC
grep -q "no staff 'E999'" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 at 14 break start E104
grep -q "start needs --reason CODE" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 at 14 break end E104
grep -q "is not on a break or in the queue" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 at 14 break start E102 --reason WC
grep -q "already away" "$T/err" || fail "$(cat "$T/err")"
expect_rc 2 at 14 break pause E101
expect_rc 2 at 14 break list --format xml
expect_rc 2 at 14 break start D001 --reason WC
grep -q "has no seat" "$T/err" || fail "$(cat "$T/err")"
expect_eq "nothing written" "$(away_rows)" "$n"

# A lead reads the list but starts nothing.
lead=$(config_with_users '{ login = "root"; role = "lead"; }')
sed -i 's|supervisor = "S001"; },|supervisor = "S001"; max_away = 2; },|' "$lead"
CALLFLOOR_CONFIG="$lead" expect_rc 3 at 15 break start E104 --reason WC
CALLFLOOR_CONFIG="$lead" expect_rc 0 at 15 break list
expect_eq "nothing written by a lead" "$(away_rows)" "$n"

# Leaving the queue.
expect_eq "cancel" "$(at 16 break end E105)" "E105 刘洋 left the queue"
expect_eq "audit" "$(dbq "SELECT count(*) FROM audit WHERE action LIKE 'break%'")" 9
# The rulebook's values are checked like every other key.
sed 's|max_away = 2;|max_away = "lots";|' "$T/cap.cfg" >"$T/bad.cfg"
CALLFLOOR_CONFIG="$T/bad.cfg" expect_rc 2 cf check-config
grep -q "bad.cfg:[0-9]*: max_away \"lots\" is not a percentage" "$T/err" || fail "$(cat "$T/err")"

# The day's report and the month's attendance count them.
rep=$(CALLFLOOR_NOW=$((t0 + 60 * 60)) cf report --day 2026-03-02)
grep -q "^BREAKS" <<<"$rep" || fail "no BREAKS section: $rep"
grep -q "  4 breaks by 4 people, 4 over the limit" <<<"$rep" || fail "$(echo "$rep" | grep -A3 BREAKS)"
grep -q "  most away at once: A 2 B 1" <<<"$rep" || fail "$(echo "$rep" | grep -A3 BREAKS)"
grep -qE "^  E101 +李娜 +A +1 +12 +1$" <<<"$rep" || fail "$(echo "$rep" | grep -A9 BREAKS)"
att=$(CALLFLOOR_NOW=$((t0 + 60 * 60)) cf attendance --month 2026-03 --format csv | tr -d '\r')
grep -qx "E101,李娜,0,0,0,0,no,,1,12,1" <<<"$att" || fail "$(echo "$att" | grep E101)"
echo "ok"
