#!/usr/bin/env bash
# Runs every end-to-end script in tests/e2e/ against the real binary and
# prints one closing line: "e2e: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0 failed=()
for t in tests/e2e/*.sh; do
	case "$t" in */lib.sh) continue ;; esac
	name=$(basename "$t" .sh)
	log=$(mktemp)
	if bash "$t" >"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		failed+=("$name")
		echo "FAIL $name"
		sed 's/^/     /' "$log" | tail -40
	fi
	rm -f "$log"
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
