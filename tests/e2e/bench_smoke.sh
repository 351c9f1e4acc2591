#!/usr/bin/env bash
# bench_smoke.sh - keeps `make bench` working: the small benchmark (100
# seats, 10,000 incidents, short runs) must build its data, drive the real
# binary and print the whole table.  It never fails on a time: only on a
# broken harness (a missing row, a harness error, a non-zero exit).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$(make -s -C "$ROOT" bench-smoke 2>&1) || { echo "$out"; fail "make bench-smoke exited non-zero"; }
echo "$out"
grep -q '^machine: ' <<<"$out" || fail "no machine line"
for n in 1 2 3 4 5 6 7 8; do
	grep -q "^| $n " <<<"$out" || fail "row $n is missing from the table"
done
if grep -q 'harness error' <<<"$out"; then fail "the harness broke"; fi
# Row 2 holds the console to the engine call measured in the same run
# (bench/ref_mark) and shows the bare insert beside it.
grep -Eq '^\| 2 .*engine [0-9.]+ / [0-9.]+ ms; insert [0-9.]+ / [0-9.]+ ms.*engine [0-9.]+× / [0-9.]+×; insert [0-9.]+×' <<<"$out" ||
	fail "row 2 does not show the engine-call and the insert references"

# The same rows on PostgreSQL (BENCH_BACKEND=pg: a throwaway cluster, the
# small history moved there by migrate --to), short: it needs root and
# Debian's postgresql-15, as tests/pg.sh does.
if [ "$(id -u)" = 0 ] && [ -x /usr/lib/postgresql/15/bin/initdb ] && id postgres >/dev/null 2>&1; then
	out=$(BENCH_BACKEND=pg BENCH_MARKS=40 BENCH_IDLE=2 BENCH_RUNS=1 make -s -C "$ROOT" bench-smoke 2>&1) ||
		{ echo "$out"; fail "BENCH_BACKEND=pg make bench-smoke exited non-zero"; }
	echo "$out"
	grep -q '^machine: .*PostgreSQL 15' <<<"$out" || fail "no PostgreSQL on the machine line"
	grep -q '^bench: migrate --to PostgreSQL, run 2: .*nothing new' <<<"$out" ||
		fail "the second migrate did not find nothing new"
	for n in 1 2 3 4 5 6 7 8 9 10 11; do
		grep -q "^| $n " <<<"$out" || fail "PostgreSQL: row $n is missing from the table"
	done
	if grep -q 'harness error' <<<"$out"; then fail "the harness broke on PostgreSQL"; fi
	grep -Eq '^\| 2 .*engine [0-9.]+ / [0-9.]+ ms; insert [0-9.]+ / [0-9.]+ ms' <<<"$out" ||
		fail "PostgreSQL: row 2 does not show the engine-call and the insert references"
fi
