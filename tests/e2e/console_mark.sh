#!/usr/bin/env bash
# console_mark.sh - marking from the keyboard records exactly the incident
# meant: `/` + a name + a rule key, undo, a range rule from the `x` menu
# with its amount prompt, a note a rule requires, a group rule confirmed
# (and one declined), and a lead's marking keys refused with a message.
source "$(dirname "$0")/lib.sh"

fines() { cf fines --day "$(cf map | sed -n '1s/.* · \([0-9-]*\) · .*/\1/p')" --format csv | tr -d '\r'; }
incidents() { dbq "SELECT count(*) FROM incident WHERE voided_at IS NULL"; }

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"

# Find 欧阳志远 by part of the name, then `s` (SLEEP) marks on that seat.
tm_keys / 欧阳
tm_wait "1 found: A03 欧阳志远"
tm_keys Enter
tm_wait "A03 · 欧阳志远 E103"
tm_keys s
tm_wait "#1 SLEEP 欧阳志远 E103, offence 1: ¥10.00"
tm_wait "王芳 (director) ¥10.00"
tm_wait "赵磊 (deputy)"
tm_wait "! A03 欧阳志远"
expect_eq "fines after SLEEP" "$(fines)" "group,staff_id,name,role,own,co,total
A,D001,王芳,director,0.00,10.00,10.00
A,D002,赵磊,deputy,0.00,10.00,10.00
A,E103,欧阳志远,agent,10.00,0.00,10.00"
expect_eq "incident rule/staff/seat" \
	"$(dbq "SELECT rule, staff, seat, marked_by FROM incident")" "SLEEP|E103|A03|root"

# u voids it (kept on record, fines gone).
tm_keys u
tm_wait "Undone: #1 SLEEP on 欧阳志远"
tm_wait "○ A03 欧阳志远"
expect_eq "fines after undo" "$(fines)" "group,staff_id,name,role,own,co,total"
expect_eq "undo reason" "$(dbq "SELECT void_reason FROM incident WHERE id = 1")" \
	"undone at console"

# A Latin name, case-insensitively; B has no deputy: the vacancy is said.
tm_keys / anna Enter
tm_wait "B02 · Anna Schmidt E202"
tm_keys s
tm_wait "#2 SLEEP Anna Schmidt E202"
tm_wait "deputy vacant"

# x: the menu filtered by a Chinese title; a range rule asks the amount,
# the low end filled in; a bad amount is refused in place.
tm_keys / E105 Enter
tm_wait "A05 · 刘洋 E105"
tm_keys x
tm_wait "Mark a rule"
tm_keys 看报
tm_wait "1 of "
tm_wait "READING"
tm_keys Enter
tm_wait "Amount for READING (¥5.00 to ¥10.00): 5.00"
tm_keys 1 2 Enter
tm_wait "outside the range"
tm_keys BSpace BSpace 7 . 5 Enter
tm_wait "#3 READING 刘洋 E105, offence 1: ¥7.50"
expect_eq "READING amount" "$(dbq "SELECT amount FROM incident WHERE id = 3")" "750"

# Esc in the amount prompt marks nothing.
tm_keys n
tm_wait "Amount for READING"
tm_keys Escape
tm_wait "Not marked."
expect_eq "incidents after Esc" "$(incidents)" "2"

# OTHER needs a note: asked after the amount.
tm_keys O
tm_wait "Amount for OTHER"
tm_keys Enter
tm_wait "Note (required)"
tm_keys Enter
tm_wait "a note is required"
tm_keys "broke the headset" Enter
tm_wait "#4 OTHER 刘洋 E105"
expect_eq "OTHER note" "$(dbq "SELECT note FROM incident WHERE id = 4")" "broke the headset"

# A group rule: declined, then confirmed; it falls on the cursor's group.
tm_keys C
tm_wait "DEPT_COMPLAINT falls on the whole of group Group A"
tm_keys n
tm_wait "Not marked."
expect_eq "incidents after n" "$(incidents)" "3"
tm_keys C
tm_wait "[y/N]"
tm_keys y
tm_wait "#5 DEPT_COMPLAINT on group Group A"
tm_wait "members ¥10.00 each"
expect_eq "group fines" "$(dbq "SELECT staff, role, amount FROM fine WHERE incident = 5 ORDER BY staff")" \
"D001|director|2000
D002|deputy|2000
E101|member|1000
E102|member|1000
E103|member|1000
E104|member|1000
E105|member|1000
S001|member|1000"

# An unbound key says so instead of doing nothing silently.
tm_keys Z
tm_wait "The key Z does nothing here"
tm_keys q
tm_wait_gone "inspected "
tm kill-session -t main

# A lead may look but not mark: every marking key is refused.
LEADCFG=$(config_with_users '{ login = "root"; role = "lead"; }')
tm_start 100 30 "$CF" -c "$LEADCFG" -d "$DB"
tm_wait "root (lead)"
tm_keys s
tm_wait "Refused: root is a lead"
tm_keys x
tm_wait "Refused: root is a lead"
tm_keys i
tm_wait "Refused: root is a lead"
expect_eq "incidents after lead" "$(incidents)" "4"
expect_eq "inspections after lead" "$(dbq "SELECT count(*) FROM inspection")" "0"
echo "ok"
