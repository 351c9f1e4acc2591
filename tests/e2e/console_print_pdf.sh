#!/usr/bin/env bash
# console_print_pdf.sh - the console's print key sends what the floor
# prints: with floor.print_format = "pdf" the print command gets the PDF
# (the same a `report --print` sends), and nothing the rendering says
# reaches the screen curses is drawing.
source "$(dirname "$0")/lib.sh"
CFG="$T/print.cfg"
sed "s|^  shift = |  print_command = \"cat > $T/printed\"; print_format = \"pdf\";\n  shift = |" \
	"$ROOT/tests/fixtures/small.cfg" |
	sed "s|@include \"rules.cfg\"|@include \"$ROOT/tests/fixtures/rules.cfg\"|" >"$CFG"
cf -c "$CFG" check-config >"$T/cc" || fail "the test config is bad: $(cat "$T/cc")"
grep -qx 'print: PDF on A4 paper (floor.print_format)' "$T/cc" || fail "check-config: $(cat "$T/cc")"
cf -c "$CFG" init >/dev/null
cf -c "$CFG" mark --seat A03 --rule SLEEP >/dev/null

tm_start 100 30 "$CF" -c "$CFG" -d "$DB"
tm_wait "inspected 1/8"
tm_keys P
tm_wait "[y/N]"
tm_keys y
tm_wait "went to the printer"
head -c 5 "$T/printed" | grep -q '^%PDF-' || fail "the console did not print a PDF"
grep -qF "Test Floor: end-of-day summary" <<<"$(pdftotext "$T/printed" -)" || fail "not the report"
grep -qiE "pango|fontconfig|cairo|glib" <<<"$(tm_screen)" && fail "the rendering wrote on the screen"
echo "ok"
