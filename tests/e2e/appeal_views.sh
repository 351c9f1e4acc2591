#!/usr/bin/env bash
# appeal_views.sh - an appeal shows where its incident does: in the
# console's seat detail (Enter), in the management work journal and in
# the end-of-day report, with its state (pending, then upheld).
source "$(dirname "$0")/lib.sh"

export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-30 11:00' +%s)
cf init >/dev/null
sleep1=$(cf mark --staff E101 --rule SLEEP --at '2026-11-02 10:00' 2>/dev/null | head -n1)
games=$(cf mark --staff E101 --rule GAMES --at '2026-11-03 10:00' 2>/dev/null | head -n1)
a1=$(cf appeal "$sleep1" --reason "eyes closed, on a call" | head -n1)
a2=$(cf appeal "$games" --reason "a colleague's screen" | head -n1)

cf journal --from 2026-11-01 --to 2026-11-30 >"$T/journal"
grep -q "appeal $a2 by E101 (pending): a colleague's screen" "$T/journal" ||
	fail "journal: $(cat "$T/journal")"
cf decide "$a2" --uphold --reason "seen on camera" >/dev/null
cf journal --from 2026-11-01 --to 2026-11-30 | grep -q "appeal $a2 by E101 (upheld)" ||
	fail "journal after the decision: $(cf journal --from 2026-11-01 --to 2026-11-30)"

# The end-of-day report of the day they were recorded and decided.
cf report --day 2026-11-30 >"$T/report"
grep -q "^APPEALS" "$T/report" || fail "no APPEALS section: $(cat "$T/report")"
grep -q "appeal $a1  $sleep1 SLEEP on E101 李娜  for E101, recorded by root 11:00, waiting for a manager: eyes closed, on a call" "$T/report" ||
	fail "the pending appeal: $(grep -A6 '^APPEALS' "$T/report")"
grep -q "appeal $a2  $games GAMES on E101 李娜  upheld by root 11:00: seen on camera" "$T/report" ||
	fail "the decided appeal: $(grep -A6 '^APPEALS' "$T/report")"
grep -q "1 appeal waiting for a manager's decision" "$T/report" || fail "the count"
cf report --day 2026-11-29 | grep -q "^APPEALS" && fail "an APPEALS section on a day without any"

tm_start 120 40 "$CF" -d "$DB"
tm_wait "inspected"
tm_keys Home
tm_wait "A01 · 李娜 E101"
tm_keys Enter
tm_wait "appeal $a1 by E101: pending, out of payroll (eyes closed, on a call)"
tm_wait "appeal $a2 by E101: upheld (a colleague's screen)"
echo "appeal_views: ok"
