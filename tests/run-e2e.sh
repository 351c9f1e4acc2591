#!/usr/bin/env bash
# Runs every end-to-end script in tests/e2e/ against the real binary and
# prints one closing line: "e2e: N passed, N failed, N skipped".  A script
# that cannot run here (not root, say) exits 77 and counts as skipped,
# never as passed.
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0 skip=0 failed=()
for t in tests/e2e/*.sh; do
	case "$t" in */lib.sh) continue ;; esac
	name=$(basename "$t" .sh)
	log=$(mktemp)
	rc=0
	bash "$t" >"$log" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok   $name"
	elif [ "$rc" -eq 77 ]; then
		skip=$((skip + 1))
		echo "skip $name: $(tail -1 "$log")"
	else
		fail=$((fail + 1))
		failed+=("$name")
		echo "FAIL $name"
		sed 's/^/     /' "$log" | tail -40
	fi
	rm -f "$log"
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
