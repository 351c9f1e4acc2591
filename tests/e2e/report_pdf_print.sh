#!/usr/bin/env bash
# `report --print` and floor.print_format: with lp or lpr (or no print
# command: lp) the printer gets the PDF, with any other command the text,
# unless floor.print_format says; --format overrides both.  A stand-in
# `lp` on PATH captures the bytes; check-config says which applies.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/demo_day.sh"
DEMO="$ROOT/conf/demo.cfg"
demo_day "$DB"

# A fake lp and lpr that keep what they are given and their arguments.
mkdir -p "$T/bin"
for p in lp lpr; do
	cat >"$T/bin/$p" <<EOF
#!/bin/sh
printf '[%s]' "\$@" > "$T/$p.args"
cat > "$T/$p.got"
echo "request id is floorpdf-7 (1 file(s))"
EOF
	chmod +x "$T/bin/$p"
done
export PATH="$T/bin:$PATH"
variant_demo() {
	sed -e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" \
	    -e "s|^  currency = .*|&\n$2|" "$DEMO" >"$T/$1.cfg"
	echo "$T/$1.cfg"
}
is_pdf() { head -c 5 "$1" | grep -q '^%PDF-' && tail -c 7 "$1" | grep -q '%%EOF'; }

# No print command: lp, and a PDF, whole (the NULs and all).
"$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --format pdf -o "$T/want.pdf"
"$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --print --printer floorpdf >"$T/stdout"
expect_eq "stdout" "$(cat "$T/stdout")" "report for 2026-03-10 sent to floorpdf as PDF"
is_pdf "$T/lp.got" || fail "lp did not get a PDF: $(head -c 40 "$T/lp.got" | od -c | head -3)"
cmp -s "$T/want.pdf" "$T/lp.got" || fail "the printed PDF differs from -o's"
expect_eq "lp args" "$(cat "$T/lp.args")" "[-t][callfloor][-d][floorpdf]"
grep -q "李娜" <<<"$(pdftotext "$T/lp.got" -)" || fail "no Chinese in the printed PDF"
expect_eq "check-config" "$("$CF" -c "$DEMO" check-config | sed -n 2p)" \
    "print: PDF on A4 paper (the default print command, lp)"

# lpr by its path: PDF too.
cfg=$(variant_demo lpr "  print_command = \"$T/bin/lpr -P floor3\";")
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print >/dev/null
is_pdf "$T/lpr.got" || fail "lpr did not get a PDF"
expect_eq "check-config" "$("$CF" -c "$cfg" check-config | sed -n 2p)" \
    "print: PDF on A4 paper (floor.print_command is lp or lpr)"

# A command of the floor's own: text, as before.
cfg=$(variant_demo own "  print_command = \"cat > $T/own.got\";")
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print >"$T/stdout"
expect_eq "stdout" "$(cat "$T/stdout")" "report for 2026-03-10 sent to the printer"
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 >"$T/report.txt"
cmp -s "$T/report.txt" "$T/own.got" || fail "the own command did not get the text report"
expect_eq "check-config" "$("$CF" -c "$cfg" check-config | sed -n 2p)" \
    "print: text (floor.print_command is not lp or lpr)"
# ... unless --format pdf asks, or floor.print_format says pdf.
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print --format pdf >/dev/null
is_pdf "$T/own.got" || fail "--format pdf --print did not send a PDF"
cfg=$(variant_demo ownpdf "  print_command = \"cat > $T/own.got\"; print_format = \"pdf\";")
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print >/dev/null
is_pdf "$T/own.got" || fail "print_format = pdf did not send a PDF"
expect_eq "check-config" "$("$CF" -c "$cfg" check-config | sed -n 2p)" \
    "print: PDF on A4 paper (floor.print_format)"

# lp with print_format = "text": a line printer behind lp.
cfg=$(variant_demo lptext '  print_format = "text";')
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print >/dev/null
cmp -s "$T/report.txt" "$T/lp.got" || fail "print_format = text did not send the text"
"$CF" -c "$cfg" -d "$DB" report --day 2026-03-10 --print --format pdf >/dev/null
is_pdf "$T/lp.got" || fail "--format pdf did not override print_format = text"
expect_eq "check-config" "$("$CF" -c "$cfg" check-config | sed -n 2p)" \
    "print: text (floor.print_format)"

# --print -o FILE: the same PDF in both places.
rm -f "$T/lp.got"
"$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --print -o "$T/copy.pdf" >/dev/null
cmp -s "$T/copy.pdf" "$T/lp.got" || fail "-o and --print differ"

# A failing lp: exit 1 and its message, as for text.
cat >"$T/bin/lp" <<'EOF'
#!/bin/sh
cat >/dev/null; echo 'lp: The printer or class does not exist.' >&2; exit 1
EOF
expect_rc 1 "$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --print --printer nosuch
grep -q "^callfloor: printing failed: .* exited with status 1: lp: The printer or class does not exist\.$" "$T/err" ||
	fail "no clear message: $(cat "$T/err")"
echo ok
