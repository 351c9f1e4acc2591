#!/usr/bin/env bash
# pg_compare.sh - the hand measurements of bench/RESULTS.md (issue 15):
# the same commands on the small test floor, on SQLite, or on PostgreSQL
# with CF_TEST_PG set to a cluster's socket folder (as tests/pg.sh makes one).
# usage: bash bench/pg_compare.sh; CF_TEST_PG=/path bash bench/pg_compare.sh
. "$(dirname "$0")/../tests/e2e/lib.sh"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-20 12:00' +%s)
cf init >/dev/null
N=100
t0=$(date +%s%N)
for ((i = 0; i < N; i++)); do cf mark --seat A0$((i % 5 + 1)) --rule DESK >/dev/null 2>&1; done
t1=$(date +%s%N)
echo "marks: $N in $(( (t1 - t0) / 1000000 )) ms, $(( (t1 - t0) / N / 1000000 )) ms each"
t0=$(date +%s%N); for i in 1 2 3 4 5 6 7 8 9 10; do cf fines --month 2026-11 --format csv >/dev/null; done; t1=$(date +%s%N)
echo "fines --month: $(( (t1 - t0) / 10000000 )) ms each"
t0=$(date +%s%N); for i in 1 2 3 4 5 6 7 8 9 10; do cf report --format csv >/dev/null; done; t1=$(date +%s%N)
echo "report csv: $(( (t1 - t0) / 10000000 )) ms each"
# console: mark elsewhere -> shows
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected"
lat=()
for i in 1 2 3 4 5 6 7 8 9 10; do
	before=$(tm_screen | md5sum)
	t0=$(date +%s%N)
	cf void "$(cf mark --seat B0$(( i % 3 + 1 )) --rule PHONE 2>/dev/null | head -1)" --reason x >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	while [ "$(tm_screen | md5sum)" = "$before" ]; do sleep 0.01; done
	t2=$(date +%s%N)
	lat+=($(( (t2 - t1) / 1000000 )))
done
echo "console shows another's write after its commit (ms): ${lat[*]}"
