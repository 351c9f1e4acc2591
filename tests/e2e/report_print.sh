#!/usr/bin/env bash
# `report --print`: the text goes to floor.print_command on its standard
# input (here commands that write files), the printer's name reaches the
# command as one argument whatever it holds, and a printer that fails or
# does not exist is a clear error with exit status 1.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

# with_print NAME CMD: the fixture with print_command = CMD (no | & " or \).
with_print() { variant "$1" "s|^  currency = .*|&\n  print_command = \"$2\";|"; }

cf report --day 2026-03-10 >"$T/report.txt"

# Printing writes exactly the text report (form feeds and all).
cfg=$(with_print print "cat > $T/printed")
CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print >"$T/stdout"
cmp -s "$T/report.txt" "$T/printed" || fail "printed text differs from the report"
expect_eq "stdout" "$(cat "$T/stdout")" "report for 2026-03-10 sent to the printer"
# --print and -o together do both.
rm -f "$T/printed"
CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print -o "$T/copy.txt" >/dev/null
cmp -s "$T/report.txt" "$T/printed" || fail "printed text differs with -o"
cmp -s "$T/report.txt" "$T/copy.txt" || fail "-o text differs with --print"

# Nothing of callfloor's own goes along to the print command, however
# high the descriptor: here one the caller left open at 1500.
cfg=$(with_print fds "cat > $T/printed; ls /proc/\$\$/fd > $T/fds")
(exec 1500>"$T/held"; CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print >/dev/null)
grep -qx 0 "$T/fds" || fail "no descriptor list from the print command: $(cat "$T/fds")"
! grep -qx 1500 "$T/fds" || fail "descriptor 1500 reached the print command"

# What the print command says (lp's request id) is kept off the screen:
# the console prints through here while curses owns the terminal.
cfg=$(with_print chatty "cat > $T/printed; echo request id is laser-42; echo warn >/dev/stderr")
CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print >"$T/stdout" 2>"$T/stderr"
expect_eq "stdout" "$(cat "$T/stdout")" "report for 2026-03-10 sent to the printer"
[ ! -s "$T/stderr" ] || fail "the print command wrote to the terminal: $(cat "$T/stderr")"

# --printer NAME is appended as -d NAME, one argument, never shell text.
cfg=$(with_print args "cat > $T/printed; printf '[%s]' > $T/args")
CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print --printer floor3-laser >"$T/stdout"
expect_eq "printer args" "$(cat "$T/args")" "[-d][floor3-laser]"
expect_eq "stdout" "$(cat "$T/stdout")" "report for 2026-03-10 sent to floor3-laser"
evil="x'; touch $T/pwned; echo '\$(touch $T/pwned2)\`touch $T/pwned3\`"
CALLFLOOR_CONFIG="$cfg" cf report --day 2026-03-10 --print --printer "$evil" >/dev/null
expect_eq "hostile printer name" "$(cat "$T/args")" "[-d][$evil]"
[ ! -e "$T/pwned" ] && [ ! -e "$T/pwned2" ] && [ ! -e "$T/pwned3" ] ||
	fail "a printer name ran a command"
cmp -s "$T/report.txt" "$T/printed" || fail "printed text differs with --printer"

# A failing printer: exit 1, a message naming the command and its status.
cfg=$(with_print fails "cat > /dev/null; echo 'lp: The printer or class does not exist.' >/dev/stderr; exit 3")
CALLFLOOR_CONFIG="$cfg" expect_rc 1 cf report --day 2026-03-10 --print
grep -q "^callfloor: printing failed: .* exited with status 3" "$T/err" ||
	fail "no clear message for a failing printer: $(cat "$T/err")"
grep -q "^callfloor: printing failed: .* exited with status 3: lp: The printer or class does not exist\.$" "$T/err" ||
	fail "the print command's own message was lost: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "a failed print still said it printed: $(cat "$T/out")"
# A print command that is not installed.
cfg=$(with_print missing "no-such-print-command-cf -t callfloor")
CALLFLOOR_CONFIG="$cfg" expect_rc 1 cf report --day 2026-03-10 --print
grep -q "^callfloor: printing failed: .*command not found" "$T/err" ||
	fail "no clear message for a missing printer: $(cat "$T/err")"
# Misuse is a usage error.
expect_rc 2 cf report --day 2026-03-10 --printer x
expect_rc 2 cf report --day 2026-03-10 --print --format csv
expect_rc 2 cf report --day 2026-03-10 --print --printer "$(printf 'a\nb')"

echo ok
