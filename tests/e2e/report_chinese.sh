#!/usr/bin/env bash
# report_chinese.sh - the end-of-day summary in the floor's language:
# floor.language = "zh_CN" prints the scripted day of
# tests/fixtures/report_day.sh in Chinese from an English session (text,
# compared with tests/expected/report_day_zh.txt, every line measured in
# columns: CJK is two wide; and the PDF); "en" keeps a Chinese session's
# report English; a language without a catalog is refused as FILE:LINE.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

zh=$(variant zh 's/name = "Test Floor";/&\n  language = "zh_CN";/')
CALLFLOOR_CONFIG=$zh LC_ALL=C.UTF-8 cf report --day 2026-03-10 >"$T/zh.txt"
diff -u "$ROOT/tests/expected/report_day_zh.txt" "$T/zh.txt" ||
	fail "Chinese report differs from tests/expected/report_day_zh.txt"
grep -qF "end-of-day summary" "$T/zh.txt" && fail "English left in the report"

# 80 columns, measured: no line wider; every person row ends in the total
# column; the amounts' headings end where the amounts end.
while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -le 80 ] || fail "line of $w columns: [$line]"
done < <(tr -d '\f' <"$T/zh.txt")
expect_eq "person rows" "$(grep -cE '^  [DES][0-9]{3} ' "$T/zh.txt")" 12
grep -E '^  [DES][0-9]{3} ' "$T/zh.txt" | while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -eq 80 ] || fail "person row is $w columns, not 80: [$line]"
done
grep -F "违规(第几次)" "$T/zh.txt" | while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -eq 80 ] || fail "heading is $w columns, not 80: [$line]"
done
# The rule table's heading ends at 80 columns, as the English one does.
rule=$(grep -m1 -F "违规次数   已作废" "$T/zh.txt") || fail "no rule table heading"
expect_eq "rule table heading" "$(printf '%s' "$rule" | wc -L)" 80

# The PDF speaks the floor's language too.
CALLFLOOR_CONFIG=$zh LC_ALL=C.UTF-8 cf report --day 2026-03-10 --format pdf \
	-o "$T/zh.pdf"
pdftotext -layout "$T/zh.pdf" "$T/zh.pdf.txt"
grep -qF "日终报表" "$T/zh.pdf.txt" || fail "PDF not Chinese: $(head -5 "$T/zh.pdf.txt")"
grep -qF "各组罚款" "$T/zh.pdf.txt" || fail "PDF chart not Chinese"

# floor.language = "en": English whatever the session.
if grep -qix 'zh_CN.utf8' <<<"$(locale -a 2>/dev/null)"; then
	en=$(variant en 's/name = "Test Floor";/&\n  language = "en";/')
	CALLFLOOR_CONFIG=$en LC_ALL=zh_CN.UTF-8 cf report --day 2026-03-10 >"$T/en.txt"
	grep -qF "Test Floor: end-of-day summary" "$T/en.txt" ||
		fail "en floor not English: $(head -2 "$T/en.txt")"
	# Without floor.language the report follows the session.
	LC_ALL=zh_CN.UTF-8 cf report --day 2026-03-10 >"$T/session.txt"
	grep -qF "Test Floor:日终报表" "$T/session.txt" ||
		fail "a Chinese session's report is not Chinese: $(head -3 "$T/session.txt")"
fi

# A language without a catalog: FILE:LINE, exit 2.
bad=$(variant bad 's/name = "Test Floor";/&\n  language = "xx_YY";/')
rc=0
CALLFLOOR_CONFIG=$bad "$CF" check-config 2>"$T/err" || rc=$?
expect_eq "unknown language exit" "$rc" 2
grep -qE "^$bad:7: language 'xx_YY' has no catalog" "$T/err" ||
	fail "no FILE:LINE for the language: $(cat "$T/err")"
echo "ok"
