#!/usr/bin/env bash
# console_term.sh - any terminal: colour where there is colour, glyphs
# everywhere (NO_COLOR=1, TERM=vt100: no colour escapes at all), ASCII
# glyphs and staff ids in a non-UTF-8 locale, TERM screen and linux, and
# a "terminal too small" screen below the minimum.
source "$(dirname "$0")/lib.sh"

# colours: how many SGR colour parameters the screen holds (30-37, 40-47,
# 38;5;N, 48;5;N).
colours() {
	tm capture-pane -e -p -t main | grep -oE $'\e\\[[0-9;]*m' |
		grep -cE '\[(([0-9;]*;)?(3[0-8]|4[0-8])(;[0-9;]*)?)m' || true
}
restart() { tm kill-session -t main; }

cf init >/dev/null
cf mark --seat A02 --rule SLEEP >/dev/null 2>&1
cf mark --seat B01 --rule PHONE >/dev/null 2>&1

# xterm-256color: colour roles and glyphs.
tm_start 100 30 "$CF" -d "$DB"
tm_wait "! A02 张伟"
tm_wait "▣ B01 陈静"
[ "$(colours)" -gt 0 ] || fail "no colour on xterm-256color"
restart

# NO_COLOR: the same glyphs, no colour at all.
tm_start 100 30 NO_COLOR=1 "$CF" -d "$DB"
tm_wait "! A02 张伟"
tm_wait "▣ B01 陈静"
tm_wait "○ A01 李娜"
expect_eq "colours with NO_COLOR" "$(colours)" "0"
restart

# vt100: no colour capability; glyphs, bold and reverse only.
TERM_OVERRIDE=vt100 tm_start 100 30 "$CF" -d "$DB"
tm_wait "! A02 张伟"
tm_wait "▣ B01 陈静"
expect_eq "colours on vt100" "$(colours)" "0"
tm_keys x
tm_wait "Mark a rule"
tm_keys Escape
tm_wait_gone "Mark a rule"
restart

# screen and linux draw too.
for term in screen linux; do
	TERM_OVERRIDE=$term tm_start 100 30 "$CF" -d "$DB"
	tm_wait "! A02 张伟"
	tm_keys l
	tm_wait "A02 · 张伟"
	restart
done

# A C locale: ASCII glyphs, staff ids for names it cannot show.
LANG=C LC_ALL=C tm_start 100 30 "$CF" -d "$DB"
tm_wait "! A02 E102"
tm_wait "# B01 E201"
tm_wait "o A04 Tom Lee"
tm_wait "Test Floor | "
tm_screen | grep -qP '[^\x00-\x7f]' && fail "non-ASCII output in a C locale: $(tm_screen)"
tm_keys / E103 Enter
tm_wait "A03 | E103 | Group A"
restart

# Too small, then big enough.
tm_start 50 12 "$CF" -d "$DB"
tm_wait "Terminal too small (50x12)"
tm resize-window -t main -x 80 -y 24
tm_wait "! A02 张伟"
echo "ok"
