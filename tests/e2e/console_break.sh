#!/usr/bin/env bash
# console_break.sh - breaks at the console, as a supervisor works: B on an
# agent opens the reason menu and starts the break; a second console sees
# it within the usual second; the group's cap queues the third (Q1), the
# seat that reaches its limit turns to the alert tag and the header counts
# it; B ends a break, the next in the queue is said on the message line of
# every console, B starts it; the over_limit_rule is offered, never laid on
# its own.  Then 80x24 with TERM=vt100, NO_COLOR and an ASCII locale.
source "$(dirname "$0")/lib.sh"

screen_of() { tm capture-pane -p -t "$1"; }
wait_in() {
	local i
	for ((i = 0; i < $3 * 20; i++)); do
		screen_of "$1" | grep -qF -- "$2" && return 0
		sleep 0.05
	done
	screen_of "$1" >&2
	fail "session $1: [$2] did not show within $3 s"
}

cp "$ROOT/conf/rules.cfg" "$T/rules.cfg"
sed -i 's|limit_minutes = 10; }|limit_minutes = 10; over_limit_rule = "DISOBEY"; }|' "$T/rules.cfg"
grep -q 'over_limit_rule = "DISOBEY"' "$T/rules.cfg" || fail "no WC line to give a rule"
sed -e 's|supervisor = "S001"; },|supervisor = "S001"; max_away = 2; },|' \
    -e "s|@include \"rules.cfg\"|@include \"$T/rules.cfg\"|" \
    "$ROOT/tests/fixtures/small.cfg" >"$T/cap.cfg"
export CALLFLOOR_CONFIG="$T/cap.cfg"
cf init >/dev/null
t0=$(TZ=Asia/Shanghai date -d '2026-03-02 10:00' +%s)
# Both consoles' clocks stand at 10:20.
now=$((t0 + 20 * 60))
tm_start 100 30 env CALLFLOOR_NOW=$now CALLFLOOR_CONFIG="$T/cap.cfg" "$CF" -d "$DB"
tm new-session -d -s two -x 100 -y 30 \
	"env LANG=$LANG LC_ALL=$LC_ALL TERM=xterm-256color CALLFLOOR_NOW=$now CALLFLOOR_CONFIG=$T/cap.cfg $CF -d $DB; sleep 30"
tm_wait "inspected 0/8"
wait_in two "inspected 0/8" 10

# B on 李娜: the reason menu, in Chinese, then WC by its number.
tm_keys / 李娜 Enter
tm_wait "A01 李娜"
tm_keys B
tm_wait "Break for 李娜 E101:  1 WC 如厕 10'  2 REST 小休 15'  3 MEAL 用餐 30'"
tm_keys NAP Enter
tm_wait "'NAP' is no reason here"
tm_keys C-u 2>/dev/null || true
tm_keys BSpace BSpace BSpace 1 Enter
tm_wait "李娜 away: WC 如厕, limit 10 minutes."
tm_wait "○ W0 A01"
wait_in two "○ W0 A01" 1
wait_in two "away 1, over 0, queued 0" 1

# From the command line, 11 minutes ago: over the limit on both maps.
CALLFLOOR_NOW=$((t0 + 9 * 60)) cf break start E102 --reason WC >/dev/null
tm_wait "‼W11 A02" 1
wait_in two "‼W11 A02" 1
wait_in two "away 2, over 1, queued 0" 1
# The third of group A is queued (max_away = 2).
CALLFLOOR_NOW=$now cf break start E103 --reason WC >/dev/null
wait_in two "Q1 A03" 1
tm_wait "away 2, over 1, queued 1" 1
# The legend explains the tags.
tm_wait "over the limit"
tm_wait "queued, place 2"

# B on 张伟 ends the late break; the rule is offered, and declined.
tm_keys / 张伟 Enter
tm_wait "A02 张伟"
tm_keys B
tm_wait "张伟 was away 11 minutes (limit 10): mark DISOBEY on them? (y/n)"
tm_keys n
tm_wait "张伟 back after 11 minutes, over the limit.  Next: 欧阳志远 E103"
# The other console says who is next, and shows it on the map.
wait_in two "Next on a break: 欧阳志远 E103" 1
wait_in two "N A03" 1
expect_eq "no fine of its own" "$(dbq "SELECT count(*) FROM incident")" 0

# B on the next one starts the break.
tm_keys / 欧阳 Enter
tm_wait "A03 欧阳志远"
tm_keys B
tm_wait "欧阳志远 away: WC 如厕, limit 10 minutes."
wait_in two "○ W0 A03" 1

# Help explains the break tags.
tm_keys ?
tm_wait "keys (from the keymap)"
tm_keys End
tm_wait "Breaks (after the glyph and letter; B starts and ends them)"
tm_keys q
tm_keys q
tm kill-session -t two

# A break that ends late, the offered mark taken: one DISOBEY, as a mark.
CALLFLOOR_NOW=$((t0 + 5 * 60)) cf break start E104 --reason WC >/dev/null 2>&1 || true
tm kill-session -t main
tm_start 100 30 env CALLFLOOR_NOW=$now CALLFLOOR_CONFIG="$T/cap.cfg" "$CF" -d "$DB"
tm_wait "inspected 0/8"
tm_keys / 李娜 Enter
tm_wait "A01 李娜"
CALLFLOOR_NOW=$((t0 - 5 * 60)) dbq "UPDATE away SET started_at = $((t0 - 300)) WHERE staff = 'E101' AND ended_at IS NULL"
tm_keys C-l
tm_keys B
tm_wait "mark DISOBEY on them? (y/n)"
tm_keys y
tm_wait "#1 DISOBEY 李娜"
expect_eq "the offered mark" "$(dbq "SELECT count(*) FROM incident WHERE rule = 'DISOBEY' AND staff = 'E101'")" 1
tm_keys q
tm kill-session -t main

# 80x24, TERM=vt100, NO_COLOR, an ASCII locale.
export LANG=C LC_ALL=C
CALLFLOOR_NOW=$((t0 + 9 * 60)) cf break start E105 --reason REST >/dev/null 2>&1 || true
dbq "UPDATE away SET started_at = $((t0 - 600)) WHERE staff = 'E103' AND ended_at IS NULL"
TERM_OVERRIDE=vt100 tm_start 80 24 env NO_COLOR=1 CALLFLOOR_NOW=$now CALLFLOOR_CONFIG="$T/cap.cfg" "$CF" -d "$DB"
tm_wait "inspected"
tm_wait "!!W30 A03"
tm_screen | grep -q "‼" && fail "a non-ASCII glyph under LANG=C"
tm_keys q
echo "ok"
