#!/usr/bin/env bash
# A 2,000-seat floor's report as a PDF (bench/gen_floor.py's floor, 40
# groups, a few incidents in every group): no page ends on a group's
# heading, its role holders or a table's column heads; every page after
# the first starts with a section title (a "(continued)" one inside a
# section); the footers count the pages pdfinfo counts.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || fail "python3 is missing"
python3 "$ROOT/bench/gen_floor.py" --seats 2000 --groups 40 --seed 16 \
    --rules "$ROOT/conf/rules.cfg" -o "$T/big.cfg"
export CALLFLOOR_CONFIG="$T/big.cfg"
export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-03-10 19:00' +%s)
cf init >/dev/null
rules=(PHONE SLEEP DESK GAMES PCOFF)
# Three agents a group (every 7th on the staff list), a few rules each.
grep -o 'id = "E[0-9]*"; name = "[^"]*"; group = "G[0-9]*"' "$T/big.cfg" |
	sed 's/id = "\([^"]*\)".*group = "\([^"]*\)"/\2 \1/' |
	awk '{ n[$1]++ } n[$1] % 7 == 0 && n[$1] <= 21 { print $2 }' >"$T/who"
k=0
while read -r id; do
	k=$((k + 1))
	cf mark --staff "$id" --rule "${rules[$((k % 5))]}" \
	    --at "2026-03-10 1$((k % 8)):$(printf %02d $((k % 60)))" >/dev/null 2>>"$T/marks.err" ||
		fail "mark $id: $(tail -1 "$T/marks.err")"
done <"$T/who"
[ "$k" -ge 100 ] || fail "only $k marks"

start=$(date +%s%N)
cf report --day 2026-03-10 --format pdf -o "$T/big.pdf"
ms=$((($(date +%s%N) - start) / 1000000))
pages=$(pdfinfo "$T/big.pdf" | awk '/^Pages:/ { print $2 }')
echo "2,000 seats: $pages pages, $(stat -c %s "$T/big.pdf") bytes, rendered in $ms ms"
[ "$pages" -ge 10 ] || fail "only $pages pages for 40 groups"
pdftotext -layout "$T/big.pdf" "$T/big.txt"

# One page a record: the body is what lies between the header's two lines
# and the footer.
awk -v pages="$pages" '
function check(   i, first, last) {
	first = ""; last = ""
	for (i = 3; i <= n; i++) {
		if (line[i] ~ /page [0-9]+ of [0-9]+ *$/) break
		if (line[i] ~ /^ *$/) continue
		if (first == "") first = line[i]
		last = line[i]
	}
	if (line[i] !~ "page " p " of " pages " *$") { print "page " p ": footer [" line[i] "]"; bad = 1 }
	if (p < pages && last ~ /^ *(GROUP |director |headcount |staff +name|rule +title)/) {
		print "page " p " ends on [" last "]"; bad = 1
	}
	if (p > 1 && first !~ /^[A-Z][A-Z0-9'"'"' ]+/) {
		print "page " p " starts with [" first "]"; bad = 1
	}
}
BEGIN { RS = "\f"; FS = "\n"; bad = 0 }
NF > 0 && p < pages {
	p++; n = split($0, line, "\n"); check()
}
END { exit bad }' "$T/big.txt" || fail "bad page breaks (above)"
# Inside a group a new page repeats the title and the column heads.
grep -q "^ *GROUP G[0-9]* .*(continued)" "$T/big.txt" || fail "no group continued on a new page"
cont=$(grep -c "^ *GROUP G[0-9]* .*(continued)" "$T/big.txt")
heads=$(grep -A1 "^ *GROUP G[0-9]* .*(continued)" "$T/big.txt" | grep -c "staff *name *incidents") || true
expect_eq "column heads under continued groups" "$heads" "$cont"
cp "$T/big.pdf" "${KEEP_PDF:-/dev/null}" 2>/dev/null || true
echo ok
