#!/usr/bin/env bash
# progress.sh - a long command (the bench generator, some seconds of
# marks) shows "done/total (rate/s, time left)" on stderr when stderr is a
# terminal (under a pty made by script), and nothing of it in a pipe.
. "$(dirname "$0")/lib.sh"

GEN="$ROOT/build/bench/gen_history"
[ -x "$GEN" ] || make -s -C "$ROOT" build/bench/gen_history >/dev/null
# Enough marks to take more than the two seconds before the line shows.
N=30000

# A pipe: stdout's summary only, not a byte of progress on stderr.
"$GEN" -c "$CALLFLOOR_CONFIG" -d "$T/pipe.db" -n $N 2>"$T/pipe.err" | cat >"$T/pipe.out"
grep -q "^marks $N " "$T/pipe.out" || fail "no summary: $(cat "$T/pipe.out")"
[ ! -s "$T/pipe.err" ] || fail "progress in a pipe: $(cat -v "$T/pipe.err" | head -c 300)"

# A terminal: the line is drawn in place (\r ... erase to the end).
script -qec "$GEN -c $CALLFLOOR_CONFIG -d $T/tty.db -n $N" /dev/null </dev/null >"$T/tty.out"
tr '\r' '\n' <"$T/tty.out" | sed 's/\x1b\[K//g' >"$T/tty.lines"
grep -Eq "^gen_history: marks: [0-9]+/$N \([0-9]+/s, [0-9ms]+ left\)" "$T/tty.lines" ||
	fail "no progress on a terminal: $(cat -v "$T/tty.out" | head -c 400)"
grep -q "^marks $N " "$T/tty.lines" || fail "no summary on a terminal"
# The line is cleared before the summary: nothing of it is left behind.
tail -n 2 "$T/tty.lines" | grep -q "left)" && fail "progress left on screen"
echo "progress: ok"
