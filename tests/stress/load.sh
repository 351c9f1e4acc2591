#!/usr/bin/env bash
# load.sh - nothing lost under load.
#
# PROCS processes mark MARKS incidents each, all at once, on one database,
# while readers poll it as consoles do (map, fines; the real console under
# tmux when it is built).  Each worker also voids every 50th of its own
# marks.  Then:
#   - every id a `mark` printed (acknowledged) is in the database exactly
#     once, and nothing else is;
#   - no process failed, and no "busy"/"locked" error reached anybody;
#   - every fine, priced again from scratch from the frozen terms and the
#     offence numbers (tests/stress/reprice), equals the stored one, and the
#     ledger's totals equal the recomputed ones;
#   - PRAGMA integrity_check is ok (SQLite), and each write left one audit
#     line.
# On PostgreSQL too (tests/pg.sh).
#
# usage: tests/stress/load.sh [PROCS [MARKS]]   (or CF_STRESS_PROCS,
# CF_STRESS_MARKS; default the full size, 8 x 2000).  CI runs 8 x 200
# through tests/e2e/stress_load.sh.
source "$(dirname "$0")/../e2e/lib.sh"

PROCS=${1:-${CF_STRESS_PROCS:-8}}
MARKS=${2:-${CF_STRESS_MARKS:-2000}}
REPRICE=${CALLFLOOR_REPRICE:-$ROOT/build/tests/stress/reprice}
[ -x "$REPRICE" ] || fail "no $REPRICE (make build/tests/stress/reprice)"

cf init >/dev/null
SEATS=(A01 A02 A03 A04 A05 B01 B02 B03)
RULES=(DESK SLEEP GAMES PHONE READING PRIVCALL PCOFF PERSON_COMPLAINT)

worker() {
	local w=$1 j seat rule out rc id mine=0
	local ids="$T/ids.$w" errs="$T/err.$w" fails="$T/fail.$w"
	: >"$ids"
	: >"$errs"
	: >"$fails"
	for ((j = 0; j < MARKS; j++)); do
		seat=${SEATS[$(((w + j) % ${#SEATS[@]}))]}
		rule=${RULES[$(((w * 3 + j) % ${#RULES[@]}))]}
		rc=0
		if ((j % 97 == 96)); then
			out=$(cf mark --group ${seat:0:1} --rule DEPT_COMPLAINT 2>>"$errs") || rc=$?
		elif [ "$rule" = READING ]; then
			out=$(cf mark --seat "$seat" --rule READING --amount 7.50 2>>"$errs") || rc=$?
		else
			out=$(cf mark --seat "$seat" --rule "$rule" 2>>"$errs") || rc=$?
		fi
		if [ "$rc" -ne 0 ]; then
			echo "mark $seat $rule: exit $rc" >>"$fails"
			continue
		fi
		id=${out%%$'\n'*}
		echo "$id" >>"$ids"
		mine=$((mine + 1))
		if ((mine % 50 == 0)); then
			cf void "$id" --reason "stress: void $w/$j" >/dev/null 2>>"$errs" ||
				echo "void $id: exit $?" >>"$fails"
		fi
	done
}

reader() {
	local n=0
	: >"$T/reader.err"
	while [ ! -e "$T/done" ]; do
		cf map >/dev/null 2>>"$T/reader.err" || echo "map: exit $?" >>"$T/reader.err"
		cf fines --format csv >/dev/null 2>>"$T/reader.err" ||
			echo "fines: exit $?" >>"$T/reader.err"
		n=$((n + 1))
	done
	echo "$n" >"$T/reader.n"
}

# The console, when it is built, polls as it would on the floor.
console=no
if command -v tmux >/dev/null; then
	tm_start 120 40 "$CF -d $DB"
	sleep 1
	if tm_screen | grep -q "not built yet"; then
		console="no (not built yet)"
	else
		console=yes
	fi
fi

start=$(date +%s)
reader &
rpid=$!
pids=()
for ((w = 0; w < PROCS; w++)); do
	worker "$w" &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
touch "$T/done"
wait "$rpid"
secs=$(($(date +%s) - start))

cat "$T"/fail.* >"$T/fails"
cat "$T"/err.* "$T/reader.err" >"$T/errs"
if [ "$console" = yes ]; then
	tm_screen >"$T/console.screen"
	grep -iE "busy|locked" "$T/console.screen" && fail "the console showed a busy/locked error"
fi
grep -iE "busy|locked" "$T/errs" && fail "a busy/locked error reached the user"
[ -s "$T/fails" ] && { head "$T/fails"; fail "$(wc -l <"$T/fails") commands failed"; }
# Vacant-role and custody notes (a void leaves the phone held) are
# expected on stderr; nothing else.
grep -vE "^callfloor: note: group .* has no |taken into custody|stays in custody .* until" "$T/errs" |
	head -5 | grep . && fail "unexpected errors (above)"

total=$((PROCS * MARKS))
cat "$T"/ids.* | sort -n >"$T/acked"
expect_eq "acknowledged marks" "$(wc -l <"$T/acked")" "$total"
expect_eq "distinct acknowledged ids" "$(uniq <"$T/acked" | wc -l)" "$total"
dbq "SELECT id FROM incident ORDER BY id" >"$T/stored"
expect_eq "stored incidents" "$(wc -l <"$T/stored")" "$total"
cmp -s "$T/acked" "$T/stored" || fail "acknowledged ids and stored ids differ"
# (SQLite's check of its own file; PostgreSQL has none to run.)
[ -n "${CF_TEST_PG:-}" ] || expect_eq "integrity" "$(dbq 'PRAGMA integrity_check')" "ok"
voids=$(dbq "SELECT count(*) FROM incident WHERE voided_at IS NOT NULL")
expect_eq "audit lines for marks" \
	"$(dbq "SELECT count(*) FROM audit WHERE action = 'mark'")" "$total"
expect_eq "audit lines for voids" \
	"$(dbq "SELECT count(*) FROM audit WHERE action = 'void'")" "$voids"
"$REPRICE" "$CALLFLOOR_CONFIG" "$DB" || fail "fines recomputed from scratch differ"
echo "ok: load: $PROCS x $MARKS = $total marks ($voids voided) in ${secs}s," \
	"$(cat "$T/reader.n") reader polls, console: $console; every id once, no busy error"
