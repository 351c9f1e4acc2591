#!/usr/bin/env bash
# bench/run.sh - `make bench`: builds (once) a floor and a year of history,
# then measures the real ./callfloor on it and prints one table.
#
#   make bench                 2,000 seats, 40 groups, 1,000,000 incidents
#   BENCH_SMALL=1 make bench   100 seats, 4 groups, 10,000 incidents, short
#   (= make bench-smoke)       runs; what CI runs; never fails on a time
#
# The floor and the database are cached in bench/data/ under a key made of
# the seed, the sizes, the year and a hash of what shapes them (generators,
# rulebook, schema), so a second run starts measuring at once.  The
# measurements work on a copy; the cached database is never written.
#
# BENCH_YEARS (1) years of history end on 2025-12-31 (N incidents a year);
# BENCH_ATTENDANCE (1) makes every staff member sign in and out on every
# working day of them, imported by `callfloor signin --import` (the real
# code path; bench/gen_attendance.py writes the time clock's file).
#
# BENCH_COST=1 also counts, under valgrind callgrind (bench/cost.py), the
# instructions of a mark made at the console and of one made elsewhere,
# which the machine's load does not move (BENCH_COST_MARKS of each, 10).
#
# Knobs (environment): BENCH_SEED (1), BENCH_SMALL, BENCH_RUNS, BENCH_ONLY (rows to run,
# e.g. "138"), BENCH_MARKS, BENCH_IDLE (seconds), BENCH_MARK_KEYS ("d,c,L,s"),
# BENCH_CONFIRM (a key that confirms a mark, when the console asks).
# Exit status: 0 when the harness worked, whatever the times; 1 when not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CF=$ROOT/callfloor
GEN=$ROOT/build/bench/gen_history
REF=$ROOT/build/bench/ref_insert
for f in "$CF" "$GEN" "$REF"; do
	[ -x "$f" ] || { echo "bench: $f is missing (run make bench)" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell (make deps)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 1; }

SEED=${BENCH_SEED:-1}
YEAR=2025
YEARS=${BENCH_YEARS:-1}
ATT=${BENCH_ATTENDANCE:-1}
if [ "${BENCH_SMALL:-0}" = 1 ]; then
	SEATS=100 NGROUPS=4 N=10000
	MARKS=${BENCH_MARKS:-200} IDLE=${BENCH_IDLE:-5} RUNS=${BENCH_RUNS:-3} WATCH=10 COLS=120 LINES=40
else
	SEATS=2000 NGROUPS=40 N=1000000
	MARKS=${BENCH_MARKS:-10000} IDLE=${BENCH_IDLE:-60} RUNS=${BENCH_RUNS:-5} WATCH=60 COLS=240 LINES=80
fi

DATA=$ROOT/bench/data
mkdir -p "$DATA"
HASH=$(cat bench/gen_floor.py bench/gen_history.c bench/gen_attendance.py \
	conf/rules.cfg db/schema.sql | sha256sum | cut -c1-10)
KEY=s$SEED-seats$SEATS-n$N-y$YEAR-$YEARS-a$ATT-$HASH
FLOOR=$DATA/floor-$KEY.cfg
DB=$DATA/history-$KEY.db

if [ ! -s "$DB" ] || [ ! -s "$FLOOR" ]; then
	# Older builds of the same size are stale: make room.
	rm -f "$DATA"/history-s$SEED-seats$SEATS-n$N-y$YEAR-$YEARS-a$ATT-*.db \
		"$DATA"/floor-s$SEED-seats$SEATS-n$N-y$YEAR-$YEARS-a$ATT-*.cfg
	echo "bench: generating $SEATS seats, $N incidents a year for $YEARS year(s), attendance $ATT (seed $SEED; once, cached in bench/data/)" >&2
	python3 bench/gen_floor.py --seats "$SEATS" --groups "$NGROUPS" --seed "$SEED" \
		--rules "$ROOT/conf/rules.cfg" -o "$FLOOR.tmp"
	"$CF" -c "$FLOOR.tmp" check-config >&2
	t0=$(date +%s)
	rm -f "$DB.tmp"
	for ((y = YEAR - YEARS + 1; y <= YEAR; y++)); do
		"$GEN" -c "$FLOOR.tmp" -d "$DB.tmp" -n "$N" -s "$SEED" -y "$y" \
			$([ "$y" -gt $((YEAR - YEARS + 1)) ] && echo -a) 2>"$DATA/gen.log" >&2 ||
			{ tail -5 "$DATA/gen.log" >&2; echo "bench: generation failed" >&2; exit 1; }
	done
	if [ "$ATT" = 1 ]; then
		python3 bench/gen_attendance.py --cfg "$FLOOR.tmp" --from-year $((YEAR - YEARS + 1)) \
			--years "$YEARS" --seed "$SEED" -o "$DATA/clock.csv" >&2
		t1=$(date +%s)
		CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d "$YEAR-12-31 23:00" +%s) \
			"$CF" -c "$FLOOR.tmp" -d "$DB.tmp" signin --import "$DATA/clock.csv" >&2 ||
			{ echo "bench: the attendance import failed" >&2; exit 1; }
		echo "bench: attendance imported in $(($(date +%s) - t1)) s" >&2
		rm -f "$DATA/clock.csv"
	fi
	echo "bench: generated in $(($(date +%s) - t0)) s" >&2
	mv "$FLOOR.tmp" "$FLOOR"
	mv "$DB.tmp" "$DB"
fi

WORK=$(mktemp "$DATA/work.XXXXXX")
trap 'rm -f "$WORK" "$WORK-wal" "$WORK-shm" "$WORK.ref"*' EXIT
cp "$DB" "$WORK"

# The clock stands at the end of the last day's shift: "today" is the last
# day of the generated year.
NOW=$(TZ=Asia/Shanghai date -d "$YEAR-12-31 17:30" +%s)

python3 bench/measure.py --cf "$CF" --cfg "$FLOOR" --db "$WORK" --pristine "$DB" \
	--ref-insert "$REF" --now "$NOW" --header "基准楼层" \
	--cols "$COLS" --lines "$LINES" --runs "$RUNS" --marks "$MARKS" \
	--watch "$WATCH" --idle "$IDLE" --mark-keys "${BENCH_MARK_KEYS:-d,c,L,s}" \
	--confirm "${BENCH_CONFIRM:-}" --only "${BENCH_ONLY:-123456789AB}"

if [ "${BENCH_COST:-0}" = 1 ]; then
	command -v valgrind >/dev/null || { echo "bench: BENCH_COST needs valgrind" >&2; exit 1; }
	for session in own elsewhere; do
		python3 bench/cost.py --cf "$CF" --cfg "$FLOOR" --db "$DB" --now "$NOW" \
			--session "$session" --marks "${BENCH_COST_MARKS:-10}" \
			--cols "$COLS" --lines "$LINES"
	done
fi
