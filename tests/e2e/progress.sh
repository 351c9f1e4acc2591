#!/usr/bin/env bash
# progress.sh - a long command (the bench generator, some seconds of
# marks; a backup; a migration in init) shows "done/total (rate/s, time
# left)" on stderr when stderr is a terminal (under a pty made by script),
# and nothing of it in a pipe.
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

# The backup of that database (12 MB, some 3,000 pages), page by page.
# Copying it takes well under the two seconds, so the delay is set to 0
# here: what is tested is the line and where it goes, not the clock.
export CALLFLOOR_PROGRESS_AFTER=0
"$CF" -d "$T/pipe.db" backup "$T/pipe.bak" 2>"$T/bpipe.err" | cat >"$T/bpipe.out"
grep -q "^copied $T/pipe.db to $T/pipe.bak$" "$T/bpipe.out" || fail "backup in a pipe: $(cat "$T/bpipe.out")"
[ ! -s "$T/bpipe.err" ] || fail "backup progress in a pipe: $(cat -v "$T/bpipe.err" | head -c 300)"
pages=$(sqlite3 "$T/tty.db" "PRAGMA page_count")
[ "$pages" -gt 2000 ] || fail "the database is too small to show a backup's progress ($pages pages)"
script -qec "$CF -d $T/tty.db backup $T/tty.bak" /dev/null </dev/null >"$T/btty.out"
tr '\r' '\n' <"$T/btty.out" | sed 's/\x1b\[K//g' >"$T/btty.lines"
grep -Eq "^backup: pages copied: [0-9]+/$pages \([0-9]+/s, [0-9ms?]+ left\)" "$T/btty.lines" ||
	fail "no backup progress on a terminal: $(cat -v "$T/btty.out" | head -c 400)"
grep -q "^copied $T/tty.db to $T/tty.bak" "$T/btty.lines" || fail "no backup summary on a terminal"
tail -n 2 "$T/btty.lines" | grep -q "left)" && fail "backup progress left on screen"
cmp <(sqlite3 "$T/tty.db" "SELECT count(*), sum(amount) FROM fine") \
	<(sqlite3 "$T/tty.bak" "SELECT count(*), sum(amount) FROM fine") || fail "the copy differs"

# A migration (schema 5 to 6: the breaks' table and its indexes) in
# `init`, statement by statement.
sqlite3 "$T/tty.db" "DROP TABLE away; PRAGMA user_version = 5"
"$CF" -d "$T/tty.db" init 2>"$T/mpipe.err" | cat >/dev/null
[ ! -s "$T/mpipe.err" ] || fail "migration progress in a pipe: $(cat -v "$T/mpipe.err")"
sqlite3 "$T/tty.db" "DROP TABLE away; PRAGMA user_version = 5"
script -qec "$CF -d $T/tty.db init" /dev/null </dev/null >"$T/mtty.out"
tr '\r' '\n' <"$T/mtty.out" | sed 's/\x1b\[K//g' >"$T/mtty.lines"
grep -Eq "^migrating the database: statements: [0-3]/3 \(" "$T/mtty.lines" ||
	fail "no migration progress on a terminal: $(cat -v "$T/mtty.out" | head -c 400)"
grep -q "ready (schema 6)" "$T/mtty.lines" || fail "init did not finish: $(cat -v "$T/mtty.out")"
echo "progress: ok"
