#!/usr/bin/env bash
# console_inspect.sh - an inspection round: `i` records the desk as in
# order and moves to the next seat of the same group (a group's seats
# before the next group's), one key a desk (`callfloor map` then shows
# them inspected); `u` takes back a mistaken `i`; a phone taken through
# the CLI shows as held, and `r` hands it back.
source "$(dirname "$0")/lib.sh"

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"
tm_wait "A01 · 李娜"

# Group A first: A01 A02 A03, then A04 A05 (A06 is empty), then B01.
tm_keys i
tm_wait "A01 李娜 inspected: in order."
tm_wait "A02 · 张伟"
tm_keys i i
tm_wait "A03 欧阳志远 inspected: in order."
tm_wait "A04 · Tom Lee"          # the group's next row, not B01
tm_keys i i
tm_wait "A05 刘洋 inspected: in order."
tm_wait "B01 · 陈静"             # group A done: on to group B
tm_wait "inspected 5/8"
map=$(cf map)
for s in "A01 李娜" "A02 张伟" "A03 欧阳志远" "A04 Tom Lee" "A05 刘洋"; do
	grep -qF "✓ $s" <<<"$map" || fail "map does not show $s inspected: $map"
done
grep -qF "○ B01 陈静" <<<"$map" || fail "B01 should not be inspected yet"
expect_eq "inspections" "$(dbq "SELECT seat FROM inspection ORDER BY id" | paste -sd' ')" \
	"A01 A02 A03 A04 A05"

# B01, B02, B03 (B04 is empty); a mistaken i is taken back with u.
tm_keys i i
tm_wait "B02 Anna Schmidt inspected: in order."
tm_wait "inspected 7/8"
tm_keys u
tm_wait "Undone: inspection of B02 Anna Schmidt."
tm_wait "inspected 6/8"
expect_eq "undone inspection kept, voided" \
	"$(dbq "SELECT seat FROM inspection WHERE voided_at IS NOT NULL")" "B02"

# A phone confiscated from the CLI appears as held, and r hands it back.
cf mark --seat A05 --rule PHONE >/dev/null 2>&1
tm_wait "▣ A05 刘洋" 2
tm_keys / A05 Enter
tm_wait "A05 · 刘洋 E105"
tm_keys Enter
tm_wait "Held: phone since"
tm_keys Escape
tm_keys r
tm_wait "phone handed back to 刘洋"
tm_wait "! A05 刘洋"
expect_eq "held after r" "$(dbq "SELECT count(*) FROM custody WHERE returned_at IS NULL")" "0"
tm_keys r
tm_wait "Nothing of 刘洋's is held."
echo "ok"
