#!/usr/bin/env bash
# console_pinyin.sh - a Chinese supervisor finds people and rules by the
# pinyin they type: `/` by full pinyin, initials or a mix; the `x` menu by
# a Chinese title's initials; initials that fit several people step
# through them.
source "$(dirname "$0")/lib.sh"

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "A01 · 李娜"
tm_keys l l l l                        # away from A01 first
tm_wait_gone "A01 · 李娜"
tm_keys / l n Enter
tm_wait "A01 · 李娜"
tm_keys / o u y a n g Enter
tm_wait "A03 · 欧阳志远"
tm_keys / z w Enter                    # 张伟 by initials
tm_wait "A02 · 张伟"
tm_keys / x i a n g z h i Escape       # no one: the cursor goes back
tm_wait "A02 · 张伟"
# "l" fits three: Tom Lee by his letters, 刘洋 and 李娜 by their pinyin;
# the arrows step from one to the next, in reading order.
tm_keys / l
tm_wait "3 found: A04 Tom Lee"
tm_keys Down
tm_wait "3 found: A05 刘洋"
tm_keys Down
tm_wait "3 found: A01 李娜"
tm_keys Escape
# The rule menu by a Chinese title's initials (趴在桌上休息: SLEEP).
tm_keys x p z z
tm_wait "> pzz"
tm_wait "1 of 30"                      # the filter has caught up: one rule
tm_screen | grep -q "SLEEP" || fail "pzz did not list SLEEP: $(tm_screen)"
tm_screen | grep -q "DESK" && fail "pzz also listed DESK: $(tm_screen)"
tm_keys Escape
echo ok
