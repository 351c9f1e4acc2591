#!/usr/bin/env bash
# console_keys.sh - every key lands where the supervisor means: `x` + an
# exact code marks that rule (not one whose title contains the word); `u`
# takes back this console's own actions only, newest first, each named,
# and undoing a PHONE mark closes its custody record; a void elsewhere
# keeps the phone held and says so; a flag rule asks first and Escape
# writes nothing; a lead's key bar shows no marking keys.
source "$(dirname "$0")/lib.sh"

live() { dbq "SELECT count(*) FROM incident WHERE voided_at IS NULL"; }

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"
tm_wait "A01 · 李娜"

# The menu leaves the cursor's row in view (A04, the second row).
tm_keys j
tm_wait "A04 · Tom Lee"
tm_keys x
tm_wait "Mark a rule on Tom Lee E104, seat A04"
tm_screen | grep -qF "○ A04 Tom Lee" || fail "the menu hides the cursor's seat"
tm_keys Escape k
tm_wait "A01 · 李娜"

# x, OTHER, Enter: OTHER (its note asked), not SECURITY ("other's PC").
tm_keys x
tm_wait "Mark a rule on 李娜 E101, seat A01"
tm_keys O T H E R
tm_wait "O OTHER"
tm_keys Enter
tm_wait "Amount for OTHER"
tm_keys Enter
tm_wait "Note (required)"
tm_keys "left the floor" Enter
tm_wait "#1 OTHER 李娜 E101"
expect_eq "x OTHER marks OTHER" "$(dbq "SELECT rule, staff FROM incident")" "OTHER|E101"

# A CLI mark by the same login is not this console's: u leaves it.
cf mark --seat A02 --rule DESK >/dev/null
tm_wait "! A02 张伟"
tm_keys i                         # A01 inspected, cursor to A02
tm_wait "A01 李娜 inspected: in order."
tm_keys u
tm_wait "Undone: inspection of A01 李娜."
expect_eq "inspection undone" "$(dbq "SELECT count(*) FROM inspection WHERE voided_at IS NULL")" 0
tm_keys u
tm_wait "Undone: #1 OTHER on 李娜 (voided, kept on record)."
tm_keys u
tm_wait "Nothing to undo: u takes back only what this console did"
expect_eq "the CLI mark stays" "$(dbq "SELECT rule FROM incident WHERE voided_at IS NULL")" "DESK"

# PHONE then u: the phone was never taken, its custody record is closed.
tm_keys / E103 Enter
tm_wait "A03 · 欧阳志远"
tm_keys p
tm_wait "#3 PHONE 欧阳志远"
tm_wait "▣ A03"
tm_keys u
tm_wait "its custody record is closed"
expect_eq "custody closed by the undo" \
	"$(dbq "SELECT count(*) FROM custody WHERE returned_at IS NULL")" 0
tm_wait_gone "▣ A03"

# A void elsewhere keeps the phone in custody, and says so.
id=$(cf mark --seat A04 --rule PHONE 2>/dev/null | head -1)
expect_rc 0 cf void "$id" --reason "wrong desk"
grep -q "stays in custody" "$T/err" || fail "void said nothing of the phone: $(cat "$T/err")"
cf custody | grep -F "E104" | grep -qF "(incident voided)" || fail "custody: $(cf custody)"

# A flag rule asks first: Escape writes nothing, y marks.
before=$(live)
tm_keys / E105 Enter
tm_wait "A05 · 刘洋"
tm_keys f
tm_wait "FIGHT on 刘洋 E105 (seat A05)"
tm_wait "flag: termination"
tm_keys Escape
tm_wait "Not marked."
expect_eq "Escape wrote nothing" "$(live)" "$before"
tm_keys T
tm_wait "THEFT on 刘洋"
tm_keys y
tm_wait "THEFT 刘洋 E105"
expect_eq "y marked" "$(live)" "$((before + 1))"
tm_keys q
tm kill-session -t main

# A lead's key bar: no marking keys; help lists them as not allowed.
lead=$(config_with_users '{ login = "root"; role = "lead"; }')
tm_start 200 30 "$CF" -c "$lead" -d "$DB"
tm_wait "root (lead)"
tm_wait "? help"
bar=$(tm_screen | tail -n 1)
for k in "x rules" "i inspect" "u undo" "r return" "S sign in" "E explain" "p PHONE"; do
	grep -qF "$k" <<<"$bar" && fail "the lead's key bar shows [$k]: $bar"
done
grep -qF "R report" <<<"$bar" || fail "the lead's key bar lacks R report: $bar"
tm_keys '?'
tm_wait "not allowed for your role"
echo ok
