#!/usr/bin/env bash
# console_report.sh - R previews today's end-of-day report in a scrolling
# screen that follows new marks; P prints it through the floor's
# print_command after a confirmation (declining prints nothing).
source "$(dirname "$0")/lib.sh"

# The fixture with a print command that writes to a file.
CFG="$T/print.cfg"
sed "s|^  shift = |  print_command = \"cat > $T/printed\";\n  shift = |" \
	"$ROOT/tests/fixtures/small.cfg" |
	sed "s|@include \"rules.cfg\"|@include \"$ROOT/tests/fixtures/rules.cfg\"|" >"$CFG"
cf -c "$CFG" check-config >/dev/null || fail "the test config is bad: $(cf -c "$CFG" check-config 2>&1)"
cf -c "$CFG" init >/dev/null
cf -c "$CFG" mark --seat A03 --rule SLEEP >/dev/null

tm_start 100 30 "$CF" -c "$CFG" -d "$DB"
tm_wait "inspected 1/8"
tm_keys R
tm_wait "End-of-day report, "
tm_wait "Test Floor: end-of-day summary"
tm_wait "FLOOR TOTALS"
tm_wait "Incidents                        1"
# A mark elsewhere refreshes the open preview.
cf -c "$CFG" mark --seat B01 --rule DESK >/dev/null
tm_wait "Incidents                        2" 2
tm_keys PageDown
tm_wait_gone "FLOOR TOTALS"
tm_keys Home
tm_wait "FLOOR TOTALS"

# P: declined, then confirmed.
tm_keys P
tm_wait "Print the end-of-day report for"
tm_keys n
tm_wait "Not printed."
[ ! -e "$T/printed" ] || fail "printed although declined"
tm_keys P
tm_wait "[y/N]"
tm_keys y
tm_wait "went to the printer"
grep -qF "Test Floor: end-of-day summary" "$T/printed" || fail "nothing printed"
tm_keys Escape
tm_wait "inspected 2/8"

# P works from the map as well (Esc clears the last message first).
rm -f "$T/printed"
tm_keys Escape
tm_wait_gone "went to the printer"
tm_keys P
tm_wait "[y/N]"
tm_keys y
tm_wait "went to the printer"
grep -qF "FLOOR TOTALS" "$T/printed" || fail "nothing printed from the map"
echo "ok"
