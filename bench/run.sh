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
# BENCH_BACKEND=pg measures the same rows on PostgreSQL 15: a throwaway
# cluster (as tests/pg.sh starts one: initdb in a temporary folder as the
# postgres user, a Unix socket, no TCP port; fsync and synchronous_commit
# left on, as SQLite's synchronous = FULL), the cached SQLite history moved
# into it with `callfloor migrate --to` (timed; run twice, the second must
# find nothing new, which proves migrate at size), then measured there.
# Needs root (runuser); the cluster is stopped and removed at the end.
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
REF_MARK=$ROOT/build/bench/ref_mark
for f in "$CF" "$GEN" "$REF" "$REF_MARK"; do
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
PGD=""
cleanup() {
	rm -f "$WORK" "$WORK-wal" "$WORK-shm" "$WORK.ref"*
	if [ -n "$PGD" ]; then
		runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PGD/data" \
			-m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$PGD"
	fi
}
trap cleanup EXIT
cp "$DB" "$WORK"

# The clock stands at the end of the last day's shift: "today" is the last
# day of the generated year.
NOW=$(TZ=Asia/Shanghai date -d "$YEAR-12-31 17:30" +%s)

MEASURE_DB=$WORK
PG_ARGS=()
if [ "${BENCH_BACKEND:-sqlite}" = pg ]; then
	PGBIN=/usr/lib/postgresql/15/bin
	[ "$(id -u)" = 0 ] || { echo "bench: BENCH_BACKEND=pg needs root (runuser postgres)" >&2; exit 1; }
	[ -x "$PGBIN/initdb" ] || { echo "bench: $PGBIN/initdb missing (make deps)" >&2; exit 1; }
	PGD=$(mktemp -d /tmp/callfloor-bench-pg.XXXXXX)
	chown postgres "$PGD"
	chmod 755 "$PGD"
	runuser -u postgres -- "$PGBIN/initdb" -D "$PGD/data" -A trust -U postgres \
		-E UTF8 --locale=C.UTF-8 >"$PGD/initdb.log" 2>&1 ||
		{ cat "$PGD/initdb.log" >&2; echo "bench: initdb failed" >&2; exit 1; }
	runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD/data" -w -t 60 -l "$PGD/server.log" \
		-o "-c listen_addresses='' -k $PGD -c max_connections=100" start >/dev/null ||
		{ cat "$PGD/server.log" >&2; echo "bench: the cluster did not start" >&2; exit 1; }
	psql -h "$PGD" -U postgres -d postgres -qX -c "CREATE ROLE callfloor LOGIN" \
		-c "CREATE DATABASE cfbench OWNER callfloor" >/dev/null
	MEASURE_DB="postgresql://callfloor@/cfbench?host=$PGD"
	FLOOR_ID=$(sed -n 's/^  id *= *"\(.*\)";/\1/p' "$FLOOR" | head -1)
	for run in 1 2; do
		t0=$(date +%s%N)
		"$CF" -c "$FLOOR" -d "$WORK" migrate --to "$MEASURE_DB" >"$PGD/migrate.out" 2>&1 ||
			{ tail -20 "$PGD/migrate.out" >&2; echo "bench: migrate --to failed" >&2; exit 1; }
		ms=$((($(date +%s%N) - t0) / 1000000))
		grep -q "the copy is proved" "$PGD/migrate.out" ||
			{ tail -30 "$PGD/migrate.out" >&2; echo "bench: the copy is not proved" >&2; exit 1; }
		echo "bench: migrate --to PostgreSQL, run $run: $ms ms: $(grep -E '^(copied|nothing new)' "$PGD/migrate.out" | sed "s|$PGD|PGDIR|g")"
	done
	grep -q "^nothing new" "$PGD/migrate.out" ||
		{ echo "bench: the second migrate found something new" >&2; exit 1; }
	grep -E '^  (incident|fine|audit_line|fines) ' "$PGD/migrate.out" | sed 's/^/bench:   /'
	psql -h "$PGD" -U postgres -d cfbench -qX -c "VACUUM ANALYZE" >/dev/null
	psql -h "$PGD" -U postgres -d postgres -qX \
		-c "CREATE DATABASE cfbench_ref OWNER callfloor TEMPLATE cfbench" >/dev/null
	PG_ARGS=(--pg-floor "$FLOOR_ID" --ref-db "postgresql://callfloor@/cfbench_ref?host=$PGD")
fi

python3 bench/measure.py --cf "$CF" --cfg "$FLOOR" --db "$MEASURE_DB" --pristine "$DB" \
	"${PG_ARGS[@]}" --ref-insert "$REF" --ref-mark "$REF_MARK" --now "$NOW" --header "基准楼层" \
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
