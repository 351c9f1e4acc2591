#!/usr/bin/env bash
# console_resize.sh - KEY_RESIZE redraws every screen, prompts included:
# an amount prompt and the rule menu survive resizes (down to "terminal
# too small" and back) and still mark what they were asked for.
source "$(dirname "$0")/lib.sh"

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"

# READING (n) on A01 asks an amount; resize while it is open.
tm_keys n
tm_wait "Amount for READING (¥5.00 to ¥10.00): 5.00"
tm resize-window -t main -x 140 -y 40
tm_wait "Amount for READING (¥5.00 to ¥10.00): 5.00"
tm_wait "B02 Anna Schmi"
tm resize-window -t main -x 50 -y 12
tm_wait "Terminal too small (50x12)"
tm_wait_gone "Amount for READING"
tm resize-window -t main -x 80 -y 24
tm_wait "Amount for READING (¥5.00 to ¥10.00): 5.00"
tm_keys 6 Enter
tm_wait "#1 READING 李娜 E101, offence 1: ¥6.00"
expect_eq "amount" "$(dbq "SELECT amount FROM incident")" "600"

# The rule menu redraws at the new size with its filter kept.
tm_keys x
tm_wait "Mark a rule"
tm_keys SLE
tm_wait "SLEEP"
tm resize-window -t main -x 120 -y 35
tm_wait "Mark a rule"
tm_wait "> SLE"
tm resize-window -t main -x 70 -y 18
tm_wait "> SLE"
tm_keys Escape
tm_wait_gone "Mark a rule"
expect_eq "incidents" "$(dbq "SELECT count(*) FROM incident")" "1"

# The pager too.
tm_keys '?'
tm_wait "seat to the left"
tm resize-window -t main -x 100 -y 30
tm_wait "seat to the left"
tm_wait "1-27/"
tm_keys q
tm_wait "inspected 1/8"
echo "ok"
