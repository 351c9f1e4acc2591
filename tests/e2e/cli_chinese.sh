#!/usr/bin/env bash
# cli_chinese.sh - the CLI in Chinese and under the pseudo catalog: --help
# and a verb's help translated; `rules` into a pipe shows both titles
# uncut; under LANGUAGE=pseudo (every message bracketed ⟦…⟧) no word of
# the help sits outside brackets but command names, options and
# placeholders, which are never translated.
source "$(dirname "$0")/lib.sh"

locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' ||
	{ echo "zh_CN.UTF-8 is not generated here (make deps does it)"; exit 77; }

help=$(LC_ALL=zh_CN.UTF-8 "$CF" --help)
grep -qF "用法:callfloor [-c FILE]" <<<"$help" || fail "help not Chinese: $help"
grep -qF "实时控制台(座位图)" <<<"$help" || fail "console line not Chinese"
grep -qF "退出状态:0 成功" <<<"$help" || fail "exit status not Chinese"
grep -qi "the live console\|Exit status" <<<"$help" && fail "English left in help"
vh=$(LC_ALL=zh_CN.UTF-8 "$CF" mark -h)
grep -qF "记录一次违规。" <<<"$vh" || fail "mark -h not Chinese: $vh"
# English stays English.
LC_ALL=C.UTF-8 "$CF" --help | grep -qF "the live console (the seat map)" ||
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
echo "ok"
