#!/usr/bin/env bash
# Runs every end-to-end script in tests/e2e/ against the real binary and
# prints one closing line: "e2e: N passed, N skipped, N failed".  A script
# that cannot run here (no root, no cupsd) exits 77 and is reported as
# skipped, with its reason, never counted as passed.
set -u
cd "$(dirname "$0")/.."
pass=0 skip=0 fail=0 failed=()
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
		echo "SKIP $name: $(grep -m1 '^skip: ' "$log" | sed 's/^skip: //')"
	else
		fail=$((fail + 1))
		failed+=("$name")
		echo "FAIL $name"
		sed 's/^/     /' "$log" | tail -40
	fi
	rm -f "$log"
done
echo "e2e: $pass passed, $skip skipped, $fail failed"
[ "$fail" -eq 0 ]
