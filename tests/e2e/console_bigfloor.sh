#!/usr/bin/env bash
# console_bigfloor.sh - a generated floor of 2,000 seats in 40 groups of 50
# (bench/gen_floor.py): at 80x24 the map is a viewport that follows the
# cursor, says where it is, and reaches the last seat of the last group by
# keys; the group panel scrolls to every group, ids apart from names; at
# 200x60 the overview shows all 2,000 seat cells; at 240x70 all 40 groups
# are on screen beside the map.
source "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
python3 "$ROOT/bench/gen_floor.py" --seats 2000 --groups 40 --seed 1 \
	--rules "$ROOT/conf/rules.cfg" -o "$T/big.cfg"
export CALLFLOOR_CONFIG="$T/big.cfg"
cf init >/dev/null
last_seat=G40-50
grep -q "seat = \"$last_seat\"" "$T/big.cfg" || fail "the generated floor has nobody at $last_seat"

# --- 80x24: a viewport, reaching the last seat ---
tm_start 80 24 "$CF" -d "$DB"
tm_wait "inspected 0/"
tm_wait "G01-01 ·"
tm_wait "rows 1-"                # the position indicator
tm_wait "›"                      # more to the right
tm_screen | grep -qF "$last_seat" && fail "$last_seat should be off screen at first"
# Shift-Tab wraps to the last group, End to its row's end, then down.
tm_keys BTab
tm_wait "G40-01 ·"
tm_keys End
tm_wait "G40-10 ·"
tm_wait "‹"                      # more to the left now
tm_keys j j j j
tm_wait "$last_seat ·"
tm_keys Enter
tm_wait "Seat $last_seat"
tm_keys Escape
tm_wait "$last_seat ·"
# The panel scrolls with the cursor's group: Tab through all 40.
tm_keys Tab                      # wraps to G01
tm_wait " G01 G01组"
tm_wait "1-"
for g in $(seq 2 40); do
	id=$(printf 'G%02d' "$g")
	tm_keys Tab
	tm_wait " $id ${id}组"
done
tm_screen | grep -qF "G40G40" && fail "group id runs into its name"
# z hides the panel and shows it again.
tm_keys z
tm_wait "Group panel hidden"
tm_wait_gone " G40 G40组"
tm_keys z
tm_wait " G40 G40组"
tm_keys q
tm kill-session -t main

# --- 200x60: the overview holds every seat ---
tm_start 200 60 "$CF" -d "$DB"
tm_wait "inspected 0/"
tm_keys o
tm_wait " G01 "
cells=0
for i in $(seq 1 40); do
	cells=$(tm_screen | grep -E '^ [○✓!▲▣·] ' | grep -vE '[A-Za-z0-9]' | grep -oE '[○✓!▲▣·]' | wc -l)
	[ "$cells" -eq 2000 ] && break
	sleep 0.05
done
expect_eq "seat cells in the overview at 200x60" "$cells" 2000
# Moving in the overview moves the map's cursor.
tm_keys BTab End
tm_wait "G40-10 ·"
tm_keys o
tm_wait "G40-10 ·"
tm_keys q
tm kill-session -t main

# --- 240x70: every group beside the map ---
tm_start 240 70 "$CF" -d "$DB"
tm_wait "inspected 0/"
tm_wait " G40 G40组"
scr=$(tm_screen)
for g in $(seq 1 40); do
	id=$(printf 'G%02d' "$g")
	grep -qF " $id ${id}组" <<<"$scr" || fail "group $id not on screen at 240x70"
done
echo "ok"
