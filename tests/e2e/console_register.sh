#!/usr/bin/env bash
# console_register.sh - rule B14's register from the console at 80x24: K
# on the agent at the cursor asks caller, phone, kind and note (Chinese
# text), refuses a phone that is not a number and an unknown kind by
# asking again, records one entry (and its audit line, without the
# caller's name or phone), shows the agent's open entries in the seat
# detail (the phone masked for a supervisor), and Esc records nothing.
source "$(dirname "$0")/lib.sh"

N() { TZ=Asia/Shanghai date -d "$1" +%s; }
cf init >/dev/null
export CALLFLOOR_NOW=$(N '2026-11-02 10:00')
count() { dbq "SELECT count(*) FROM complaint"; }

# A supervisor (root as wangf's role): masked phones.
SUP=$(config_with_users '{ login = "root"; role = "supervisor"; staff = "S001"; }')
tm_start 80 24 "env CALLFLOOR_NOW=$CALLFLOOR_NOW CALLFLOOR_CONFIG=$SUP $CF -d $DB"
tm_wait "A01 · 李娜 E101"
tm_keys K
tm_wait "Register (B14) for 李娜 E101, caller:"
tm_keys Enter                               # empty: asked again
tm_wait "the caller is required"
tm_keys "张先生" Enter
tm_wait "phone (Enter: none):"
tm_keys "138-12ab" Enter                    # not a number: asked again
tm_wait "not a number: digits, + - and spaces"
tm_keys C-u "138 1234 5678" Enter
tm_wait "kind r repair / c complaint:"
tm_keys "x" Enter                           # unknown kind: asked again
tm_wait "r (repair) or c (complaint)"
tm_keys C-u "c" Enter
tm_wait "note:"
tm_keys "宽带报修三天无人上门" Enter
tm_wait "Register entry #1: complaint of 张先生 for 李娜 E101."
expect_eq "entries after the form" "$(count)" 1
expect_eq "what was stored" "$(dbq "SELECT staff, grp, kind, caller, phone, note, recorded_by FROM complaint")" \
	"E101|A|complaint|张先生|13812345678|宽带报修三天无人上门|root"
audit=$(dbq "SELECT action, object, detail FROM audit WHERE object = 'complaint 1'")
case "$audit" in
complaint\|complaint\ 1\|recorded\ complaint\ entry\ of\ staff\ E101*) ;;
*) fail "audit line: $audit" ;;
esac
case "$audit" in *张先生*|*5678*|*宽带*) fail "the audit line copies the caller: $audit" ;; esac

# The seat detail lists the open entry, its age, the phone masked.
tm_keys Enter
tm_wait "Open in the register of callers (B14): 1"
tm_wait "138****5678"
tm_wait "0 days"
tm_screen | grep -qF 13812345678 && fail "a supervisor sees the whole phone"
tm_keys q
tm_wait_gone "Open in the register"

# Esc at any step writes nothing.
tm_keys K
tm_wait "caller:"
tm_keys "李四" Enter
tm_wait "phone (Enter: none):"
tm_keys Escape
tm_wait "Nothing recorded in the register."
expect_eq "entries after Esc" "$(count)" 1
tm_keys q
tm_wait_gone "A01 · 李娜"

# A lead is refused, and the key says so.
LEAD=$(config_with_users '{ login = "root"; role = "lead"; }')
tm_kill() { tm kill-session -t main 2>/dev/null || true; }
tm_kill
tm_start 80 24 "env CALLFLOOR_NOW=$CALLFLOOR_NOW CALLFLOOR_CONFIG=$LEAD $CF -d $DB"
tm_wait "A01 · 李娜 E101"
tm_keys K
tm_wait "supervisors and up record the register"
expect_eq "entries after a lead's K" "$(count)" 1
tm_keys q

# A manager sees the whole number in the detail.
tm_kill
tm_start 80 24 "env CALLFLOOR_NOW=$(N '2026-11-04 10:00') CALLFLOOR_CONFIG=$CALLFLOOR_CONFIG $CF -d $DB"
tm_wait "A01 · 李娜 E101"
tm_keys Enter
tm_wait "13812345678"
tm_wait "2 days"
tm_keys q
echo ok
