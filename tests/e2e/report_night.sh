#!/usr/bin/env bash
# A night shift (22:00-06:00): an incident at 02:00 belongs to the shift
# day that began the evening before, in the report, its custody cut-off
# (06:00 the next morning), the journal and the offence window.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
export CALLFLOOR_CONFIG=$(variant night 's/start = "09:00"; end = "18:00";/start = "22:00"; end = "06:00";/')
grep -q 'start = "22:00"; end = "06:00"' "$CALLFLOOR_CONFIG" || fail "night variant not made"
export CALLFLOOR_NOW=$(now '2026-04-01 08:00')
cf init >/dev/null

rd_mark --staff E105 --rule DESK --at '2026-03-10 03:00' >/dev/null	# 1: day 03-09
rd_mark --staff E101 --rule SLEEP --at '2026-03-10 22:30' >/dev/null	# 2: day 03-10, 10 + 10 + 10
rd_mark --staff E102 --rule PHONE --at '2026-03-11 02:00' >/dev/null	# 3: day 03-10, 50, custody
rd_mark --staff E103 --rule GAMES --at '2026-03-11 05:50' >/dev/null	# 4: day 03-10, 5, journal
rd_mark --staff E104 --rule DESK --at '2026-03-11 22:15' >/dev/null	# 5: day 03-11
rd_mark --staff E201 --rule PHONE --at '2026-03-31 23:00' >/dev/null	# 6: day 03-31, 1st, 50
rd_mark --staff E201 --rule PHONE --at '2026-04-01 02:00' >/dev/null	# 7: day 03-31, 2nd (March), 100

cf report --day 2026-03-10 >"$T/night.txt"
diff -u "$ROOT/tests/expected/report_night.txt" "$T/night.txt" ||
	fail "night report differs from tests/expected/report_night.txt"

# Which day each incident went to, as the CSV says.
rows() { cf report --day "$1" --format csv | tr -d '\r' | tail -n +2 | cut -d, -f2,4,5,7,8,13,14 | tr '\n' ' '; }
expect_eq "03-09" "$(rows 2026-03-09)" "1,DESK,E105,1,E105,5.00,0 "
expect_eq "03-10" "$(rows 2026-03-10)" "2,SLEEP,E101,1,E101,10.00,0 2,SLEEP,E101,1,D001,10.00,0 2,SLEEP,E101,1,D002,10.00,0 3,PHONE,E102,1,E102,50.00,0 4,GAMES,E103,1,E103,5.00,0 "
expect_eq "03-11" "$(rows 2026-03-11)" "5,DESK,E104,1,E104,5.00,0 "
# 02:00 on April 1st is still March's shift: E201's 2nd PHONE, doubled.
expect_eq "03-31" "$(rows 2026-03-31)" "6,PHONE,E201,1,E201,50.00,0 7,PHONE,E201,2,E201,100.00,2 "
expect_eq "04-01" "$(rows 2026-04-01)" ""

# At 08:00 on April 1st the last shift day is March 31st: the default.
cf report >"$T/default.txt"
grep -q "^Shift day 2026-03-31 (Tuesday), 22:00-06:00 next day; amounts in ¥$" "$T/default.txt" ||
	fail "default day at 08:00 is not the night before: $(sed -n 2p "$T/default.txt")"
grep -q '^  E201   陈静  *PHONE×2 #1 #2\*  *150\.00  *0\.00  *150\.00$' "$T/default.txt" ||
	fail "E201's night PHONEs not 50 + 100"
# March 31st's shift ends at 06:00 on April 1st: three phones held then.
grep -A4 '^STILL IN CUSTODY AT THE END OF THE SHIFT (2026-04-01 06:00)$' "$T/default.txt" |
	grep -c '  phone  ' | grep -qx 3 || fail "custody at 06:00 is not three phones"

cf journal --from 2026-03-01 --to 2026-03-31 >"$T/journal.txt"
grep -q '^2026-03-10 03-11 05:50  *#4 ' "$T/journal.txt" ||
	fail "the 05:50 GAMES is not in the 03-10 journal: $(cat "$T/journal.txt")"
echo ok
