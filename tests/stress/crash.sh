#!/usr/bin/env bash
# crash.sh - nothing lost when callfloor is killed.
#
# Each trial starts WRITERS loops of `callfloor mark` (with a void now and
# then) on one database and kills them all with SIGKILL after a random
# 0-80 ms, wherever they are: before, inside or after a transaction.  Every
# 10th trial kills `init` on a fresh database instead, then runs it again;
# when the console is built, every 10th trial also kills it under tmux just
# after a mark key.
# After every trial:
#   - PRAGMA integrity_check is ok (SQLite: PostgreSQL has none to run);
#   - every incident whose id a `mark` printed is in the database, and
#     every void that said so is voided;
#   - the fines priced again from scratch equal the stored ones (at the end).
#
# usage: tests/stress/crash.sh [TRIALS]   (or CF_CRASH_TRIALS; default 200)
# On PostgreSQL too (tests/pg.sh): the killed init is then one on an empty
# database of the cluster.
source "$(dirname "$0")/../e2e/lib.sh"

TRIALS=${1:-${CF_CRASH_TRIALS:-200}}
WRITERS=${CF_CRASH_WRITERS:-3}
REPRICE=${CALLFLOOR_REPRICE:-$ROOT/build/tests/stress/reprice}
SEATS=(A01 A02 A03 A04 A05 B01 B02 B03)
RULES=(DESK SLEEP GAMES PHONE PRIVCALL)

cf init >/dev/null

# writer N: marks in a loop, appending what callfloor prints.
writer() {
	local w=$1 k out
	for ((k = 0; ; k++)); do
		if (((k + w) % 3 == 1)) && [ -s "$T/acked" ]; then
			# Void one of the marks acknowledged before this trial.
			out=$(shuf -n 1 "$T/acked")
			"$CF" -d "$DB" void "$out" --reason "crash test" \
				>>"$T/void.$w" 2>>"$T/err.$w" || true
		else
			"$CF" -d "$DB" mark --seat "${SEATS[$(((w + k) % 8))]}" \
				--rule "${RULES[$((k % 5))]}" >>"$T/out.$w" 2>>"$T/err.$w" || true
		fi
	done
}

# integrity WHAT DB: SQLite's check of its file; on PostgreSQL, where a
# killed client's transaction is the server's to undo, there is none.
integrity() {
	[ -z "${CF_TEST_PG:-}" ] || return 0
	expect_eq "$1" "$(sqlite3 -cmd ".timeout 5000" "$2" 'PRAGMA integrity_check')" "ok"
}

# kill_all PID...: stops the writers (so they start nothing new), kills
# their children and them with SIGKILL, and waits until the children have
# died (a dying process may hold a lock for a moment; a zombie holds none).
kill_all() {
	local p k i kids=()
	for p in "$@"; do kill -STOP "$p" 2>/dev/null || true; done
	for p in "$@"; do kids+=($(pgrep -P "$p" || true)); done
	for k in "${kids[@]}"; do kill -KILL "$k" 2>/dev/null || true; done
	for p in "$@"; do kill -KILL "$p" 2>/dev/null || true; done
	for k in "${kids[@]}"; do
		for ((i = 0; i < 500; i++)); do
			case $(ps -o stat= -p "$k" 2>/dev/null) in
			"" | Z*) break ;;
			esac
			sleep 0.01
		done
	done
}

console_pid() {
	local pane
	pane=$(tm list-panes -t main -F '#{pane_pid}' 2>/dev/null) || return 1
	pgrep -P "$pane" -x callfloor | head -1
}

have_console=no
if command -v tmux >/dev/null; then
	tm_start 100 30 "$CF -d $DB"
	sleep 0.5
	tm_screen | grep -q "not built yet" || have_console=yes
	tm kill-server 2>/dev/null || true
fi

: >"$T/acked"
kills=0 inits=0 consoles=0
for ((trial = 1; trial <= TRIALS; trial++)); do
	delay=$(printf '0.%03d' $((RANDOM % 80)))
	if ((trial % 10 == 0)); then
		# A fresh database killed while it is being created.
		fresh=$(scratch_db fresh)
		"$CF" -d "$fresh" init >/dev/null 2>&1 &
		p=$!
		sleep "0.00$((RANDOM % 10))"
		kill -KILL "$p" 2>/dev/null && kills=$((kills + 1))
		wait "$p" 2>/dev/null || true
		"$CF" -d "$fresh" init >/dev/null 2>"$T/init.err" ||
			fail "init after a killed init: $(cat "$T/init.err")"
		integrity "fresh integrity" "$fresh"
		"$CF" -d "$fresh" mark --seat A01 --rule DESK >/dev/null 2>"$T/init.err" ||
			fail "a mark after a killed init: $(cat "$T/init.err")"
		inits=$((inits + 1))
		if [ "$have_console" = yes ]; then
			# Open, mark with a key (SLEEP on the seat under the
			# cursor), and die at a random moment after.
			tm_start 100 30 "$CF -d $DB"
			tm_wait "inspected" 10
			tm_keys s
			sleep "$delay"
			cp=$(console_pid) && kill -KILL "$cp" && consoles=$((consoles + 1))
			tm kill-server 2>/dev/null || true
		fi
	fi
	for ((w = 0; w < WRITERS; w++)); do
		: >"$T/out.$w"
		: >"$T/void.$w"
	done
	# In a subshell, so that bash's "Killed" notices go nowhere.
	(
		pids=()
		for ((w = 0; w < WRITERS; w++)); do
			writer "$w" &
			pids+=($!)
		done
		sleep "$delay"
		kill_all "${pids[@]}"
		for p in "${pids[@]}"; do wait "$p" || true; done
	) 2>/dev/null
	kills=$((kills + WRITERS))

	integrity "integrity after trial $trial" "$DB"
	cat "$T"/out.* | grep -E '^[0-9]+$' >>"$T/acked" || true
	sort -u "$T/acked" -o "$T/acked"
	dbq "SELECT id FROM incident" | sort >"$T/stored"
	missing=$(comm -23 "$T/acked" "$T/stored" | head -3)
	[ -z "$missing" ] || fail "trial $trial: printed ids missing: $missing"
	for v in $(cat "$T"/void.* | sed -n 's/^voided incident //p'); do
		[ "$(dbq "SELECT CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END FROM incident WHERE id = $v")" = 1 ] ||
			fail "trial $trial: incident $v was reported voided but is not"
	done
done

# Nothing in the error logs but what callfloor says on purpose.
cat "$T"/err.* 2>/dev/null | grep -vE "note: group .* has no |taken into custody|already voided" |
	grep -iE "corrupt|malformed|damaged|busy|locked" && fail "errors (above)"
if [ -x "$REPRICE" ]; then
	"$REPRICE" "$CALLFLOOR_CONFIG" "$DB" || fail "fines recomputed from scratch differ"
fi
checked="integrity ok"
[ -z "${CF_TEST_PG:-}" ] || checked="on PostgreSQL"
echo "ok: crash: $TRIALS trials, $kills SIGKILLs ($inits during init," \
	"$consoles consoles), $(wc -l <"$T/acked") printed ids all present, $checked"
