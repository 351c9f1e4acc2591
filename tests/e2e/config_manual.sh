#!/usr/bin/env bash
# config_manual.sh - callfloor.cfg(5), made from the configuration's key
# table at build time: man renders it without a warning and within 80
# columns, and it describes every key the shipped configuration uses (the
# unit tests check it against the table itself).
source "$(dirname "$0")/lib.sh"

page="$ROOT/build/callfloor.cfg.5"
[ -f "$page" ] || fail "build/callfloor.cfg.5 not built"
warn=$(groff -Kutf8 -man -Tutf8 -ww -z "$page" 2>&1)
[ -z "$warn" ] || fail "groff warns on callfloor.cfg(5): $warn"
warn=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[ -z "$warn" ] || fail "man warns on callfloor.cfg(5): $warn"
out=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
grep -q "^NAME" <<<"$out" || fail "callfloor.cfg(5) does not render"
w=$(while IFS= read -r l; do printf '%s' "$l" | wc -L; done <<<"$out" | sort -n | tail -1)
[ "$w" -le 80 ] || fail "callfloor.cfg(5) has a line of $w columns"

# Every key of the shipped floor and rulebook, by its last name.
n=0
for k in $(sed -e 's/#.*//' "$ROOT/conf/demo.cfg" "$ROOT/conf/rules.cfg" |
	grep -oE '(^|[{;( ])[a-z_]+ *=' | grep -oE '[a-z_]+' | sort -u); do
	grep -qE "^\.(B|SS) ([a-z_]+\.)*$k\$" "$page" ||
		fail "callfloor.cfg(5) does not describe '$k'"
	n=$((n + 1))
done
[ "$n" -ge 40 ] || fail "only $n keys found in conf/ (the scan is broken)"

# The console's keys that a rule's hotkey may not take.
grep -qA1 '^\.B q$' "$page" || fail "the console's q is not listed"
echo "ok"
