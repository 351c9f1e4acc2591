#!/usr/bin/env bash
# console_render.sh - the live console draws the demo floor as its layout
# says, at 80x24 (the map scrolls with the cursor) and at 200x60 (all of
# it), with Chinese and Latin names in aligned columns; overview, help,
# seat detail and the month panel open and close.
source "$(dirname "$0")/lib.sh"

# col_of LINE TEXT: the display column (wcwidth) where TEXT starts in LINE.
col_of() {
	local pre=${1%%"$2"*}
	[ "$pre" != "$1" ] || fail "[$2] not in line [$1]"
	printf '%s' "$pre" | wc -L
}
# line_with TEXT: the first screen line holding TEXT.
line_with() { tm_screen | grep -F -m1 -- "$1" || fail "no line with [$1]"; }

DEMO_DB="$T/demo.db"
tm_start 80 24 env -u CALLFLOOR_CONFIG "$CF" -d "$DEMO_DB"
tm_wait "inspected 0/68"
tm_wait "Demo Floor 3"
tm_wait "root (manager)"
# Rows of the front block: the seat below sits in the same column.
r1=$(line_with "A01 李娜")
r2=$(line_with "A05 ")
r3=$(line_with "A09 ")
expect_eq "A02 over A06" "$(col_of "$r1" A02)" "$(col_of "$r2" A06)"
expect_eq "A03 over A11" "$(col_of "$r1" A03)" "$(col_of "$r3" A11)"
expect_eq "B01 over B05 (after the aisle)" "$(col_of "$r1" B01)" "$(col_of "$r2" B05)"
# A Latin name beside Chinese ones keeps the columns (D09 Carlos ...).
d1=$(line_with "D05 ")
d2=$(line_with "D09 ")
expect_eq "D06 over D10" "$(col_of "$d1" D06)" "$(col_of "$d2" D10)"
# 80 columns cannot hold 12 seats: the right edge says there is more.
tm_screen | grep -qF "C04" && fail "C04 should be off screen at 80x24"
tm_wait "›"
# The map scrolls with the cursor: End goes to C04.
tm_keys End
tm_wait "C04 "
tm_wait "C04 · "     # the cursor line names the seat
tm_keys Home
tm_wait "A01 · 李娜 E101"
# Tab jumps to the next group, Shift-Tab back.
tm_keys Tab
tm_wait "B01 · 谢雨涵"
tm_keys BTab
tm_wait "A01 · 李娜"
tm_keys j j
tm_wait "A09 · 胡斌"
tm_keys j              # over the cross aisle
tm_wait "D01 · 魏国栋"
tm_keys j j
tm_wait "D09 · Carlos"
# The group panel names directors and deputies, a vacancy as vacant.
tm_wait "Fines today"
line_with "E组" | grep -qF "vacant" || fail "E's vacant deputy not shown"
line_with "C组" | grep -qF "欧阳志远" || fail "C's director not named"
tm_keys m
tm_wait "Fines this month"
tm_keys m
tm_wait "Fines today"

# 200x60: the whole floor, names uncut, the same columns in every row.
tm resize-window -t main -x 200 -y 60
tm_wait "C04 潘宇"
r1=$(line_with "A01 李娜")
r2=$(line_with "A05 杨帆")
expect_eq "C04 over C08" "$(col_of "$r1" C04)" "$(col_of "$r2" C08)"
expect_eq "B04 over B08" "$(col_of "$r1" B04)" "$(col_of "$r2" B08)"
e1=$(line_with "D01 ")
e2=$(line_with "D05 ")
expect_eq "E03 (Latin) over E07 (Latin)" "$(col_of "$e1" E03)" "$(col_of "$e2" E07)"
expect_eq "F04 (empty) over F08" "$(col_of "$e1" F04)" "$(col_of "$e2" F08)"
tm_screen | grep -qF "›" && fail "nothing should be off screen at 200x60"
tm_wait "flag for management"        # the whole legend fits

# Overview: one cell per seat; Esc or o again goes back.
tm_keys o
tm_wait_gone "A01 李娜"
tm_keys o
tm_wait "A01 李娜"

# Help is made from the keymap: console keys and the rulebook's keys.
tm_keys '?'
tm_wait "Rule keys"
tm_wait "SLEEP"
tm_wait "Tab"
tm_keys End
tm_wait "item in custody"
tm_keys Escape
tm_wait "A01 李娜"

# Seat detail.
tm_keys Enter
tm_wait "Seat D09  Carlos Mendes E409"
tm_wait "Today, "
tm_wait "Earlier this month"
tm_keys q
tm_wait "A01 李娜"
tm_keys q
tm_wait_gone "A01 李娜"
echo "ok"
