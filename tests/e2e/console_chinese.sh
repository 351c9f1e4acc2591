#!/usr/bin/env bash
# console_chinese.sh - the console in Chinese on the demo floor: under
# zh_CN.UTF-8 at 80x24 and 200x60 (header, key bar, help, a mark's message
# line, columns aligned), and under a zh_CN locale that is not installed
# (UTF-8 names kept, the notice said, the interface still Chinese).
source "$(dirname "$0")/lib.sh"

col_of() {
	local pre=${1%%"$2"*}
	[ "$pre" != "$1" ] || fail "[$2] not in line [$1]"
	printf '%s' "$pre" | wc -L
}
line_with() { tm_screen | grep -F -m1 -- "$1" || fail "no line with [$1]"; }

grep -qix 'zh_CN.utf8' <<<"$(locale -a 2>/dev/null)" ||
	{ echo "zh_CN.UTF-8 is not generated here (make deps does it)"; exit 77; }

DEMO_DB="$T/demo.db"
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 \
	tm_start 80 24 env -u CALLFLOOR_CONFIG "$CF" -d "$DEMO_DB"
tm_wait "A01 李娜"
tm_wait "今日罚款"                 # the group panel's title
tm_wait "root (经理)"              # the header's role
grep -qF "Fines today" <<<"$(tm_screen)" && fail "English panel title in Chinese"
# Columns stay aligned with Chinese labels around them.
r1=$(line_with "A01 李娜")
r2=$(line_with "A05 ")
expect_eq "A02 over A06" "$(col_of "$r1" A02)" "$(col_of "$r2" A06)"
# No screen line is wider than the terminal.
w=$(tm_screen | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -n | tail -1)
[ "$w" -le 80 ] || fail "a line is $w columns wide at 80x24"

# A mark: the prompt, the confirmation and the message line in Chinese.
tm_keys d
tm_wait "#1 DESK 李娜 E101, 违规 1: ¥5.00"
tm_wait "今日有违规"                # the legend
tm_keys u
tm_wait "已撤销:#1 DESK"

# 200x60: everything fits, still Chinese, columns aligned.
tm resize-window -t main -x 200 -y 60
tm_wait "C04 潘宇"
r1=$(line_with "A01 李娜")
r2=$(line_with "A05 杨帆")
expect_eq "C04 over C08" "$(col_of "$r1" C04)" "$(col_of "$r2" C08)"
# Help, from the keymap, in Chinese; rule titles in Chinese.
tm_keys '?'
tm_wait "通用"
tm_wait "条款快捷键"
tm_wait "座位状态"
tm_wait "工作区使用手机"
tm_keys Escape
tm_wait "A01 李娜"

tm_keys q
tm_wait_gone "A01 李娜"
tm kill-session -t main

# A locale that is not installed: C.UTF-8 underneath, names in UTF-8,
# the interface still Chinese, and the notice on stderr.
printf '#!/bin/sh\nunset CALLFLOOR_CONFIG\nexec "%s" -d "%s" 2>"%s"\n' \
	"$CF" "$DEMO_DB" "$T/notice" >"$T/run.sh"
chmod +x "$T/run.sh"
# (bash itself warns that it cannot set that locale: quieted.)
(LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 tm_start 80 24 "$T/run.sh") 2>/dev/null
tm_wait "A01 李娜"
tm_wait "今日罚款"
tm_wait "未安装区域设置 zh_CN.GB18030"   # the notice, on the message line
tm_keys q
tm_wait_gone "A01 李娜"
grep -qF "zh_CN.GB18030" "$T/notice" || fail "no notice: $(cat "$T/notice")"
grep -qF "localedef -i zh_CN -f UTF-8" "$T/notice" || fail "notice says no fix"
# The CLI says it once, in Chinese, and keeps UTF-8 names.
out=$(env -u CALLFLOOR_CONFIG LC_ALL=zh_CN.GB18030 LANG= "$CF" -d "$DEMO_DB" map 2>"$T/err")
grep -qF "李娜" <<<"$out" || fail "names lost under a missing locale"
expect_eq "notice lines" "$(grep -c 'callfloor:' "$T/err")" 1
grep -qF "未安装区域设置" "$T/err" || fail "notice not in Chinese: $(cat "$T/err")"

# The pseudo catalog (every message ⟦bracketed⟧) at 80x24: the map, the
# help and a mark's message line show no word outside brackets but data
# (names, ids, the floor's and groups' names, the login) and key names.
allowed='Demo|Floor|root|Anna|Sc|Schmidt|Carlos|Mendes|Tom|Lee|Enter|Esc|Tab|S-Tab|PgUp|PgDn|Home|End|Space|DESK|PHONE|LATE|[A-Z][0-9]+|callfloor'
check_pseudo() {
	local left
	left=$(tm_screen | sed -e 's/⟦[^⟧]*⟧//g' -e 's/⟦[^⟧]*$//' -e 's/^[^⟦]*⟧//' |
		grep -oE '[A-Za-z][A-Za-z-]+' | grep -vxE "$allowed" || true)
	[ -z "$left" ] || { tm_screen >&2; fail "$1: outside brackets: $left"; }
}
tm kill-session -t main
LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=pseudo \
	tm_start 80 24 env -u CALLFLOOR_CONFIG LANGUAGE=pseudo "$CF" -d "$T/pseudo.db"
tm_wait "A01 李娜"
tm_wait "⟦Fines today⟧"
check_pseudo "map"
tm_keys d
tm_wait "DESK 李娜"
check_pseudo "mark message"
tm_keys '?'
tm_wait "⟦General⟧"
check_pseudo "help"
tm_keys Escape q
echo "ok"
