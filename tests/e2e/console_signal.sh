#!/usr/bin/env bash
# console_signal.sh - SIGHUP (an SSH link dropped), SIGTERM and SIGINT
# during a prompt leave no incident and a clean database, restore the
# terminal and end the program; a terminal that goes away while SIGHUP is
# ignored ends it too (no spinning); no terminal at all is refused.
source "$(dirname "$0")/lib.sh"

cf_pid() {
	local pane i
	pane=$(tm display -p -t main '#{pane_pid}')
	for ((i = 0; i < 100; i++)); do
		pgrep -x -P "$pane" callfloor && return 0
		sleep 0.05
	done
	fail "no callfloor in the session"
}
# gone PID: polls until the process has ended (30 s at most: under the
# sanitizers on a loaded machine, closing down takes longer).
gone() {
	local i
	for ((i = 0; i < 600; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.05
	done
	fail "callfloor $1 is still running"
}
clean_db() {
	expect_eq "incidents" "$(dbq "SELECT count(*) FROM incident")" "0"
	# (SQLite's own check of its file; PostgreSQL keeps its own.)
	if [ -z "${CF_TEST_PG:-}" ]; then
		expect_eq "integrity" "$(dbq "PRAGMA integrity_check")" "ok"
	fi
}
# open_prompt: a console with the amount prompt of READING open.
open_prompt() {
	tm_start 100 30 "$CF -d $DB; echo exit=\$?"
	tm_wait "inspected 0/8"
	tm_keys n
	tm_wait "Amount for READING"
	tm_keys 7
}

cf init >/dev/null
# (tm_start keeps a session open that outlives the others.)

# SIGHUP to the process: it restores the screen and exits 128+1.
open_prompt
kill -HUP "$(cf_pid)"
tm_wait "exit=129"
tm_wait_gone "Amount for READING"
clean_db
tm kill-session -t main

# SIGTERM likewise.
open_prompt
kill -TERM "$(cf_pid)"
tm_wait "exit=143"
clean_db
tm kill-session -t main

# Ctrl-C at the keyboard (SIGINT).
open_prompt
tm_keys C-c
tm_wait "exit=130"
clean_db
tm kill-session -t main

# The whole session killed (the pty hangs up) during the rule menu.
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"
tm_keys x
tm_wait "Mark a rule"
pid=$(cf_pid)
tm kill-session -t main
gone "$pid"
clean_db

# SIGHUP ignored (nohup): the lost terminal itself ends the program.
printf '#!/bin/sh\ntrap "" HUP\nexec "$@"\n' >"$T/nohup.sh"
chmod +x "$T/nohup.sh"
tm_start 100 30 "$T/nohup.sh" "$CF" -d "$DB"
tm_wait "inspected 0/8"
pid=$(cf_pid)
grep -q '^SigIgn:.*[13579bdf]$' "/proc/$pid/status" || fail "SIGHUP is not ignored in the test"
tm kill-session -t main
gone "$pid"
clean_db

# No terminal: refused, pointing to `callfloor map`.
expect_rc 2 "$CF" -d "$DB" </dev/null
grep -qF "callfloor map" "$T/err" || fail "no pointer to callfloor map: $(cat "$T/err")"
echo "ok"
