#!/usr/bin/env bash
# `report --format pdf`: the demo floor's day as a PDF, checked with
# poppler's tools as a reader would: every word of the text report is in
# the PDF's text (Chinese names, group names, rule titles, every total),
# the fonts are embedded, the pages are A4 (or letter) and as many as the
# footers count; page 1 is kept as a PNG (build/test-artifacts/) to look
# at.  Then floor.print_format, check-config and the refusals.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/demo_day.sh"
for tool in pdftotext pdffonts pdfinfo pdftoppm; do
	command -v $tool >/dev/null || fail "$tool is missing (make deps installs poppler-utils)"
done
DEMO="$ROOT/conf/demo.cfg"
demo_day "$DB"
dcf() { "$CF" -c "$DEMO" -d "$DB" "$@"; }

dcf report --day 2026-03-10 >"$T/report.txt"
start=$(date +%s%N)
dcf report --day 2026-03-10 --format pdf -o "$T/r.pdf"
ms=$((($(date +%s%N) - start) / 1000000))
echo "rendered in $ms ms, $(stat -c %s "$T/r.pdf") bytes"
head -c 5 "$T/r.pdf" | grep -q '^%PDF-' || fail "not a PDF"

# The same words as the text report.  Its page headers differ (other
# page breaks) and its rule of '=' is drawn as a line, so those go.
pdftotext -layout "$T/r.pdf" "$T/r.txt"
grep -v -e '^=*$' -e ' page [0-9]* of [0-9]*$' "$T/report.txt" |
	tr -s ' ' '\n' | sed '/^$/d' | sort -u >"$T/want.words"
tr -s ' \f' '\n\n' <"$T/r.txt" | sed '/^$/d' | sort -u >"$T/got.words"
missing=$(comm -23 "$T/want.words" "$T/got.words")
[ -z "$missing" ] || fail "words of the text report not in the PDF: $(echo $missing)"
# Spot checks a person would make.
for w in 李娜 王芳 "A组 · 账单查询" "E组 · 英语专线" "Mobile phone in the work area" \
    "Resting head on the desk" "客服热线 · Demo Floor 3" "Group A total" "415.00" "FINES BY GROUP" \
    "STILL IN CUSTODY" "WORK JOURNAL" "FLAGS FOR MANAGEMENT" VOIDS \
    COMMENDATIONS 看错座位 客户来电表扬; do
	grep -qF -- "$w" "$T/r.txt" || fail "'$w' is not in the PDF"
done

# Fonts: all embedded (and subset); the CJK one among them.
pdffonts "$T/r.pdf" >"$T/fonts"
awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' "$T/fonts" ||
	fail "a font is not embedded: $(cat "$T/fonts")"
grep -q 'WenQuanYi.* yes yes yes' "$T/fonts" || fail "no embedded CJK font: $(cat "$T/fonts")"

# A4; as many pages as the footers say, each numbered.
pdfinfo "$T/r.pdf" >"$T/info"
grep -q '^Page size: *595.* x 841.* (A4)' "$T/info" || fail "not A4: $(cat "$T/info")"
pages=$(awk '/^Pages:/ { print $2 }' "$T/info")
[ "$pages" -ge 2 ] || fail "only $pages page(s)"
for ((k = 1; k <= pages; k++)); do
	grep -q "page $k of $pages\$" "$T/r.txt" || fail "no 'page $k of $pages' footer"
done
grep -q "page $((pages + 1)) of" "$T/r.txt" && fail "a footer counts past $pages pages"
grep -q "^Title: *客服热线 · Demo Floor 3: end-of-day summary" "$T/info" || fail "title: $(cat "$T/info")"

# The picture: a bar per group with the group's total beside it, the
# same totals as the groups' total rows.
for g in A B C D E F; do
	want=$(grep "^  Group $g total" "$T/report.txt" | awk '{ print $NF }')
	grep -q "^ *$g *${g}组 · .* $want\$" "$T/r.txt" || fail "group $g's bar total is not $want"
done

# Page 1 as a picture, kept for people to look at.
mkdir -p "$ROOT/build/test-artifacts"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$T/r.pdf" "$ROOT/build/test-artifacts/report_pdf_page1"
[ -s "$ROOT/build/test-artifacts/report_pdf_page1.png" ] || fail "no PNG of page 1"

# floor.paper = "letter".
variant_demo() {
	sed -e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" \
	    -e "$2" "$DEMO" >"$T/$1.cfg"
	echo "$T/$1.cfg"
}
letter=$(variant_demo letter 's|^  currency = .*|&\n  paper = "letter";|')
"$CF" -c "$letter" -d "$DB" report --day 2026-03-10 --format pdf -o "$T/l.pdf"
grep -q '^Page size: *612 x 792 pts (letter)' <<<"$(pdfinfo "$T/l.pdf")" ||
	fail "not letter: $(pdfinfo "$T/l.pdf")"
grep -qx 'print: PDF on letter paper (the default print command, lp)' <<<"$("$CF" -c "$letter" check-config)" ||
	fail "check-config on letter: $("$CF" -c "$letter" check-config)"

# Bad values are configuration errors naming FILE:LINE.
bad=$(variant_demo bad 's|^  currency = .*|&\n  paper = "a3";\n  print_format = "postscript";|')
"$CF" -c "$bad" check-config >"$T/out" 2>"$T/err" && fail "a3 and postscript were accepted"
grep -q "^$bad:[0-9]*: paper 'a3' is not \"a4\" or \"letter\"" "$T/err" ||
	fail "no FILE:LINE for paper: $(cat "$T/err")"
grep -q "^$bad:[0-9]*: print_format 'postscript' is not \"pdf\" or \"text\"" "$T/err" ||
	fail "no FILE:LINE for print_format: $(cat "$T/err")"

# -o and stdout give the same bytes but the creation time, which is the
# report's own (CALLFLOOR_NOW), so the same day renders the same.
dcf report --day 2026-03-10 --format pdf >"$T/stdout.pdf"
cmp -s "$T/r.pdf" "$T/stdout.pdf" || fail "stdout and -o differ"

# Never binary onto a terminal; --page-lines is for text.
script -qec "$CF -c $DEMO -d $DB report --day 2026-03-10 --format pdf; echo rc=\$?" /dev/null >"$T/tty" </dev/null
grep -q "a PDF is not for the terminal" "$T/tty" || fail "PDF went to a terminal: $(head -c 300 "$T/tty")"
grep -q "rc=2" "$T/tty" || fail "PDF to a terminal: not exit 2: $(cat "$T/tty")"
expect_rc 2 dcf report --day 2026-03-10 --format pdf --page-lines 40 -o "$T/x.pdf"
expect_rc 2 dcf report --day 2026-03-10 --format html
[ ! -e "$T/x.pdf" ] || fail "a refused PDF was written"

# The month's ledger (`fines --format pdf`): the same words and totals
# as `fines --month`, and a key with each group's month total.
dcf mark --seat B03 --rule SLEEP --at '2026-03-02 10:00' >/dev/null 2>&1
dcf mark --seat D03 --rule PHONE --at '2026-03-05 11:00' >/dev/null 2>&1
dcf fines --month 2026-03 >"$T/month.txt"
dcf fines --month 2026-03 --format pdf >"$T/month.pdf"
head -c 5 "$T/month.pdf" | grep -q '^%PDF-' || fail "fines --format pdf: not a PDF"
pdftotext -layout "$T/month.pdf" "$T/month.pdf.txt"
# (The text's closing "month at a glance" sparklines are the console's
# panel in words; the PDF draws each group's days as its own picture.)
sed '/^the month at a glance/,$d' "$T/month.txt" | tail -n +2 | tr -s ' ' '\n' |
	sed -e '/^$/d' -e '/^Group$/d' | sort -u >"$T/want.words"
grep -q "^the month at a glance" "$T/month.txt" || fail "fines --month: no glance"
tr -s ' \f' '\n\n' <"$T/month.pdf.txt" | sed '/^$/d' | sort -u >"$T/got.words"
missing=$(comm -23 "$T/want.words" "$T/got.words")
[ -z "$missing" ] || fail "words of fines --month not in its PDF: $(echo $missing)"
grep -q "FINES BY GROUP, DAY BY DAY" "$T/month.pdf.txt" || fail "no picture in the ledger"
awk '/^Group / { g = $2 } /group total/ { print g, $NF }' "$T/month.txt" >"$T/group.totals"
[ -s "$T/group.totals" ] || fail "no group totals in fines --month"
while read -r g tot; do
	grep -qE "(^| )$g $tot( |\$)" "$T/month.pdf.txt" || fail "the key lacks group $g's $tot"
done <"$T/group.totals"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$T/month.pdf" "$ROOT/build/test-artifacts/fines_pdf_page1"
expect_rc 2 dcf fines --month 2026-03 --format pdf --group A
script -qec "$CF -c $DEMO -d $DB fines --month 2026-03 --format pdf; echo rc=\$?" /dev/null >"$T/tty" </dev/null
grep -q "rc=2" "$T/tty" || fail "fines PDF to a terminal: $(head -c 300 "$T/tty")"

echo ok
