#!/usr/bin/env bash
# console_live.sh - two consoles on one database: a mark made through the
# command line, and one made in the other console, show within a second;
# an idle console sleeps in its timed wait (almost no CPU).
source "$(dirname "$0")/lib.sh"

# cf_pid SESSION: the callfloor process running in a tmux session.
cf_pid() {
	local pane
	pane=$(tm display -p -t "$1" '#{pane_pid}')
	pgrep -x -P "$pane" callfloor || fail "no callfloor in session $1"
}
# cpu_ticks PID: user + system clock ticks used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# screen_of SESSION
screen_of() { tm capture-pane -p -t "$1"; }
# wait_in SESSION TEXT SECONDS: polls another session's screen.
wait_in() {
	local i
	for ((i = 0; i < $3 * 20; i++)); do
		screen_of "$1" | grep -qF -- "$2" && return 0
		sleep 0.05
	done
	screen_of "$1" >&2
	fail "session $1: [$2] did not show within $3 s"
}

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm new-session -d -s two -x 100 -y 30 \
	"env LANG=$LANG LC_ALL=$LC_ALL TERM=xterm-256color $CF -d $DB; sleep 30"
tm_wait "inspected 0/8"
wait_in two "inspected 0/8" 10

# A mark through the CLI: both consoles show it within a second.
cf mark --seat A02 --rule DESK >/dev/null
tm_wait "! A02 张伟" 1
wait_in two "! A02 张伟" 1
tm_wait "inspected 1/8" 1

# A mark in console two shows in console one (cursor there is elsewhere).
tm send-keys -t two / 陈静 Enter
wait_in two "B01 · 陈静" 5
tm send-keys -t two s
wait_in two "#2 SLEEP 陈静" 5
tm_wait "! B01 陈静" 1
tm_wait "inspected 2/8" 1
# ... and its undo.
tm send-keys -t two u
wait_in two "Undone: #2" 5
tm_wait "○ B01 陈静" 1

# Idle: a timed wait, 4 ticks a second, each one a PRAGMA: about 0% CPU.
# The bound (10 clock ticks in 3 s, 3%) leaves room for a loaded machine
# and still catches any spinning loop (300 ticks).
pid=$(cf_pid main)
t0=$(cpu_ticks "$pid")
sleep 3
t1=$(cpu_ticks "$pid")
hz=$(getconf CLK_TCK)
[ $((t1 - t0)) -le $((hz / 10)) ] || fail "idle console used $((t1 - t0)) ticks in 3 s"
echo "ok (idle: $((t1 - t0)) ticks in 3 s at $hz Hz)"
