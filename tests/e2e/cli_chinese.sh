#!/usr/bin/env bash
# cli_chinese.sh - the CLI in Chinese and under the pseudo catalog: --help
# and a verb's help translated; `rules` into a pipe shows both titles
# uncut; under LANGUAGE=pseudo (every message bracketed ⟦…⟧) no word of
# the help sits outside brackets but command names, options and
# placeholders, which are never translated.
source "$(dirname "$0")/lib.sh"

grep -qix 'zh_CN.utf8' <<<"$(locale -a 2>/dev/null)" ||
	{ echo "zh_CN.UTF-8 is not generated here (make deps does it)"; exit 77; }

help=$(LC_ALL=zh_CN.UTF-8 "$CF" --help)
grep -qF "用法:callfloor [-c FILE]" <<<"$help" || fail "help not Chinese: $help"
grep -qF "实时控制台(座位图)" <<<"$help" || fail "console line not Chinese"
grep -qF "退出状态:0 成功" <<<"$help" || fail "exit status not Chinese"
grep -qi "the live console\|Exit status" <<<"$help" && fail "English left in help"
vh=$(LC_ALL=zh_CN.UTF-8 "$CF" mark -h)
grep -qF "记录一次违规。" <<<"$vh" || fail "mark -h not Chinese: $vh"
# English stays English.
grep -qF "the live console (the seat map)" <<<"$(LC_ALL=C.UTF-8 "$CF" --help)" ||
	fail "English help changed"

# rules into a pipe: both titles, uncut, whatever the language.
for l in C.UTF-8 zh_CN.UTF-8; do
	r=$(LC_ALL=$l "$CF" rules)
	grep -qF "Untidy desk or chair not put back / 桌面摆放混乱、离席椅子未放回" <<<"$r" ||
		fail "rules under $l cut or missing a title: $r"
done

# The pseudo catalog: nothing of the help outside brackets but what is
# never translated (synopsis lines: command names, options, placeholders).
ph=$(LC_ALL=C.UTF-8 LANGUAGE=pseudo "$CF" --help)
grep -qF "⟦" <<<"$ph" || fail "pseudo catalog not found"
left=$(sed -e 's/⟦[^⟧]*⟧//g' -e '/^  callfloor /d' -e '/^ *[[(-]/d' <<<"$ph" |
	grep -E '[A-Za-z]{2,}' || true)
[ -z "$left" ] || fail "untranslated help under the pseudo catalog: $left"
pv=$(LC_ALL=C.UTF-8 LANGUAGE=pseudo "$CF" report -h)
left=$(sed -e 's/⟦[^⟧]*⟧//g' -e '/^⟦*usage: callfloor /d' -e '/^ *[[(-]/d' <<<"$pv" |
	grep -E '[A-Za-z]{2,}' || true)
[ -z "$left" ] || fail "untranslated verb help under the pseudo catalog: $left"

# Errors and tables in Chinese on the demo floor; columns measured.
DEMO="$T/demo.db"
z() { LC_ALL=zh_CN.UTF-8 env -u CALLFLOOR_CONFIG "$CF" -d "$DEMO" "$@"; }
z init >/dev/null
rc=0; z mark --seat A01 --rule NOPE 2>"$T/err" || rc=$?
expect_eq "unknown rule exit" "$rc" 2
grep -qF "未知条款“NOPE”" "$T/err" || fail "error not Chinese: $(cat "$T/err")"
grep -qF "(见 callfloor mark --help)" "$T/err" || fail "hint not Chinese"
z mark --seat A01 --rule PHONE >/dev/null 2>"$T/err"
grep -qF "已没收代管" "$T/err" || fail "custody note not Chinese: $(cat "$T/err")"
fines=$(z fines)
head=$(grep -F "工号" <<<"$fines") || fail "fines heading not Chinese: $fines"
row=$(grep -F "李娜" <<<"$fines")
expect_eq "fines heading as wide as its rows" "$(printf '%s' "$head" | wc -L)" \
	"$(printf '%s' "$row" | wc -L)"
grep -qF "坐席员" <<<"$row" || fail "role not Chinese: $row"
att=$(z attendance)
ah=$(grep -F "迟到" <<<"$att") || fail "attendance heading not Chinese"
ar=$(grep -F "王峰" <<<"$att")
# The last number column (absences) ends where its heading ends.
expect_eq "absent column" "$(printf '%s' "${ah%%旷工*}旷工" | wc -L)" \
	"$(printf '%s' "$ar" | sed -E 's/^(([^0-9]*[0-9]+){5}).*/\1/' | wc -L)"
grep -qF "保管人" <<<"$(z custody)" || fail "custody table not Chinese"

# The same under the pseudo catalog: nothing but data outside brackets.
p() { LC_ALL=C.UTF-8 LANGUAGE=pseudo env -u CALLFLOOR_CONFIG "$CF" -d "$DEMO" "$@"; }
p mark --seat A01 --rule NOPE 2>"$T/err" || true
left=$(sed -e 's/⟦[^⟧]*⟧//g' "$T/err" | grep -E '[A-Za-z]{2,}' || true)
[ -z "$left" ] || fail "untranslated error under the pseudo catalog: $left"
for v in fines attendance custody; do
	left=$(p $v | sed -e 's/⟦[^⟧]*⟧//g' | grep -wE 'own|co|total|staff|name|role|Group|late|early|kept|since|item' || true)
	[ -z "$left" ] || fail "untranslated $v under the pseudo catalog: $left"
done

# The Chinese manual page: every command of --help described, rendered by
# man at 80 columns without a groff warning or a line past the margin.
page="$ROOT/build/callfloor.zh_CN.1"
[ -f "$page" ] || fail "build/callfloor.zh_CN.1 not built"
for v in $(LC_ALL=C.UTF-8 "$CF" --help | sed -n 's/^  callfloor \([a-z-]*\).*/\1/p'); do
	grep -qE "^\.B(I)? $v( |\$)|\\\\fB$v\\\\fP" "$page" ||
		fail "the Chinese manual page does not describe $v"
done
warn=$(groff -Kutf8 -man -Tutf8 -ww -z "$page" 2>&1)
[ -z "$warn" ] || fail "groff warns on the Chinese page: $warn"
w=$(LC_ALL=zh_CN.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null |
	while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -n | tail -1)
[ "$w" -le 80 ] || fail "the Chinese page has a line of $w columns"
grep -qF "按规章制度管理呼叫中心现场" <<<"$(LC_ALL=zh_CN.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)" ||
	fail "the Chinese page does not render"
echo "ok"
