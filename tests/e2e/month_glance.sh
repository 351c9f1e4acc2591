#!/usr/bin/env bash
# month_glance.sh - the month at a glance: the console's month panel (m)
# draws each group's fines day by day as a sparkline with its costliest
# rule, in UTF-8 and in ASCII, and `fines --month` prints the same line.
source "$(dirname "$0")/lib.sh"

export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-30 11:00' +%s)
cf init >/dev/null
# Group A: SLEEP on the 2nd (10.00 and two co-penalties of 10.00: 30.00,
# 1 + 30 x 6 / 50 = the fifth glyph), PHONE on the 5th (50.00, the
# month's top day).  Group B: DESK on the
# 30th (5.00).
cf mark --staff E101 --rule SLEEP --at '2026-11-02 10:00' >/dev/null
cf mark --staff E102 --rule PHONE --at '2026-11-05 10:00' >/dev/null 2>&1
cf mark --staff E201 --rule DESK >/dev/null
flat='▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁'
want_a="A      ▁▅▁▁█${flat}▁  top PHONE 50.00"
want_b="B      ▁▁▁▁▁${flat}█  top DESK 5.00"
out=$(cf fines --month 2026-11)
grep -qxF "  $want_a" <<<"$out" || fail "fines --month, group A: $out"
grep -qxF "  $want_b" <<<"$out" || fail "fines --month, group B: $out"
# Not for a day or a span: the glance is a month's.
cf fines --day 2026-11-05 | grep -q "at a glance" && fail "glance on a day's fines"
# ASCII where the locale is not UTF-8.
LC_ALL=C LANG=C cf fines --month 2026-11 | grep -qF "A      _-__#$(printf "_%.0s" $(seq 25))  top PHONE 50.00" ||
	fail "ASCII glance: $(LC_ALL=C LANG=C cf fines --month 2026-11 | tail -3)"

tm_start 120 30 "$CF" -d "$DB"
tm_wait "Fines today"
tm_keys m
tm_wait "Fines this month"
tm_wait "▁▅▁▁█${flat}▁  PHONE 50.00"
tm_wait "▁▁▁▁▁${flat}█  DESK 5.00"
tm_keys m
tm_wait "Fines today"
tm_wait_gone "PHONE 50.00"
tm_keys q
echo "month_glance: ok"
