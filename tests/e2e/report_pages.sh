#!/usr/bin/env bash
# Pagination: with --page-lines 20 the scripted day takes 8 pages; each
# starts with the page header (floor, day, shift, "page N of M"), pages are
# separated by form feeds, a page that begins inside a group repeats the
# group's title and column headers, and nothing is lost or doubled.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

cf report --day 2026-03-10 --page-lines 20 >"$T/p20.txt"
diff -u "$ROOT/tests/expected/report_day_p20.txt" "$T/p20.txt" ||
	fail "paginated report differs from tests/expected/report_day_p20.txt"

# Split at the form feeds: 8 pages of at most 20 lines, numbered in order.
expect_eq "form feeds" "$(tr -cd '\f' <"$T/p20.txt" | wc -c)" 7
awk -v RS='\f' -v T="$T" '{ f = sprintf("%s/page%d", T, NR); printf "%s", $0 > f; close(f) }' "$T/p20.txt"
for n in 1 2 3 4 5 6 7 8; do
	p="$T/page$n"
	lines=$(wc -l <"$p")
	[ "$lines" -le 20 ] || fail "page $n has $lines lines"
	head -n1 "$p" | grep -q "^Test Floor: end-of-day summary  *page $n of 8\$" ||
		fail "page $n header: $(head -n1 "$p")"
	sed -n 2p "$p" | grep -q "^Shift day 2026-03-10 (Tuesday), 09:00-18:00; amounts in ¥\$" ||
		fail "page $n subtitle: $(sed -n 2p "$p")"
done

# A page break falls inside group B's table, and the next page repeats
# the group's title and the column headers before its rows.
grep -A1 -x 'GROUP B  Group B (continued)' "$T/p20.txt" | tail -n1 |
	grep -q '^  staff  name  *incidents (offence numbers)  *own  *co  *total$' ||
	fail "no column headers under 'GROUP B (continued)'"

# The same lines as the 60-line report, once each, in the same order, once
# page headers, repeated headings, column headers and gaps are taken out.
body() {
	tr -d '\f' <"$1" | grep -vE '^(Test Floor: end-of-day summary .*page [0-9]+ of [0-9]+|Shift day |=+$|.*\(continued\)$|  (staff|rule|time|seat)  |$)'
}
cf report --day 2026-03-10 >"$T/p60.txt"
diff -u <(body "$T/p60.txt") <(body "$T/p20.txt") || fail "pages lost or doubled lines"

# A person's row and their co-penalty lines stay on one page: each
# co-penalty line follows its person's row or another co-penalty line.
tr -d '\f' <"$T/p20.txt" | awk '/^         as / && prev !~ /^(  [DES][0-9][0-9][0-9] |         as )/ { bad = 1; print }
	{ prev = $0 } END { exit bad }' || fail "co-penalty lines split from their person"

expect_rc 2 cf report --day 2026-03-10 --page-lines 19
grep -q "page-lines '19'" "$T/err" || fail "bad --page-lines not named: $(cat "$T/err")"
expect_rc 2 cf report --page-lines x
echo ok
