#!/usr/bin/env bash
# wallboard.sh - `callfloor wallboard` on a generated 2,000-seat floor at
# 200x60: every seat a tile, the totals per state and per group right
# (breaks away, over the limit and queued, an incident), a break started
# elsewhere showing within a second, no key but q, a resize redrawn, an
# idle board near zero CPU; then TERM=vt100, NO_COLOR and an ASCII locale.
source "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
python3 "$ROOT/bench/gen_floor.py" --seats 2000 --groups 40 --seed 1 \
	--rules "$ROOT/conf/rules.cfg" -o "$T/big.cfg"
export CALLFLOOR_CONFIG="$T/big.cfg"
cf init >/dev/null
t0=$(TZ=Asia/Shanghai date -d '2026-03-02 10:00' +%s)
now=$((t0 + 30 * 60))
occupied=$(grep -c 'seat = "' "$T/big.cfg")
# G01: 20% of 50 present is 10 away at once; 12 ask: 10 away, 2 queued.
# The first three left 20 minutes before the board's clock: WC is over.
for i in $(seq -w 1 12); do
	staff=$(grep -oE "id = \"[^\"]+\"; name = \"[^\"]+\"; group = \"G01\"; seat = \"G01-$i\"" "$T/big.cfg" | cut -d'"' -f2)
	[ -n "$staff" ] || fail "nobody at G01-$i"
	[ "$i" -le 3 ] && at=$((t0 + 10 * 60)) || at=$((t0 + 25 * 60))
	CALLFLOOR_NOW=$at cf break start "$staff" --reason WC >/dev/null
done
CALLFLOOR_NOW=$now cf mark --seat G20-07 --rule DESK >/dev/null
CALLFLOOR_NOW=$now cf mark --seat G40-50 --rule PHONE >/dev/null 2>&1
in=$((occupied - 12))

tm_start 200 60 env CALLFLOOR_NOW=$now "$CF" -d "$DB" wallboard
tm_wait "in $in  away 7  over the limit 3  queued 2  absent 0  ! incident today 2"
tm_wait "G01 in 38 away 10 over 3 q 2 abs 0 ¥0.00"
g40=$(grep -c 'group = "G40"; seat = "' "$T/big.cfg")
tm_wait "G40 in $g40 away 0 over 0 q 0 abs 0 ¥"
# Every seat is a tile: one state glyph each between the totals and the
# group lines.
tiles=$(tm_screen | sed -n '3,50p' | grep -oE '[○✓!▲▣·]' | wc -l)
expect_eq "tiles at 200x60" "$tiles" 2000
tm_screen | grep -q "seats shown" && fail "a 2,000-seat floor fits 200x60"

# A break ended elsewhere shows within a second; the next is queued 1.
first=$(grep -oE "id = \"[^\"]+\"; name = \"[^\"]+\"; group = \"G01\"; seat = \"G01-01\"" "$T/big.cfg" | cut -d'"' -f2)
CALLFLOOR_NOW=$now cf break end "$first" >/dev/null
tm_wait "away 7  over the limit 2  queued 2" 1
tm_wait "G01 in 39 away 9 over 2 q 2" 1

# Keys other than q do nothing; a resize redraws, saying what shows.
tm_keys x B i Enter
sleep 0.3
tm_screen | grep -q "G01 in 39" || fail "a key changed the board"
tm resize-window -t main -x 80 -y 24
tm_wait "of 2000 seats shown: a larger screen shows them all"
tm resize-window -t main -x 200 -y 60
tm_wait_gone "seats shown"

# Idle: its timed wait costs about no CPU (cf. console_live.sh).
pane=$(tm display -p -t main '#{pane_pid}')
pid=$(pgrep -P "$pane" -x callfloor || pgrep -P "$(pgrep -P "$pane" -x env || echo 0)" -x callfloor || true)
[ -z "$pid" ] && pid=$(pgrep -f "callfloor -d $DB wallboard" | head -1)
[ -n "$pid" ] || fail "no wallboard process"
c0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
sleep 3
c1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
[ $((c1 - c0)) -le 10 ] || fail "an idle wallboard used $((c1 - c0)) ticks in 3 s"

tm_keys q
tm_wait_gone "G01 in"
tm kill-session -t main

# Monochrome, vt100, ASCII.
export LANG=C LC_ALL=C
TERM_OVERRIDE=vt100 tm_start 120 40 env NO_COLOR=1 CALLFLOOR_NOW=$now "$CF" -d "$DB" wallboard
tm_wait "over the limit 2"
tm_screen | grep -q '[○✓▲▣·‼]' && fail "a non-ASCII glyph under LANG=C"
tm_screen | sed -n '3,30p' | grep -q 'o' || fail "no ASCII tiles"
tm_keys q
echo "ok"
