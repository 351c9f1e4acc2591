#!/usr/bin/env bash
# The end-of-day summary as text for the scripted day of
# tests/fixtures/report_day.sh, compared with tests/expected/report_day.txt
# (every amount there is worked out by hand in the fixture's comments);
# Chinese names aligned; -o written whole; a lead may run it; the journal.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

cf report --day 2026-03-10 >"$T/report.txt"
diff -u "$ROOT/tests/expected/report_day.txt" "$T/report.txt" ||
	fail "report text differs from tests/expected/report_day.txt"

# Alignment is measured in columns, not bytes: every person row of a group
# table ends in the total column (80), every co-penalty line in the co
# column (70), whatever the names are made of.
expect_eq "person rows" "$(grep -cE '^  [DES][0-9]{3} ' "$T/report.txt")" 12
grep -E '^  [DES][0-9]{3} ' "$T/report.txt" | while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -eq 80 ] || fail "person row is $w columns, not 80: [$line]"
done
expect_eq "co-penalty lines" "$(grep -cE '^         as ' "$T/report.txt")" 8
grep -E '^         as ' "$T/report.txt" | while IFS= read -r line; do
	w=$(printf '%s' "$line" | wc -L)
	[ "$w" -eq 70 ] || fail "co-penalty line is $w columns, not 70: [$line]"
done
# No line is wider than the page.
w=$(tr -d '\f' <"$T/report.txt" | wc -L)
[ "$w" -le 80 ] || fail "a line is $w columns wide"

# The default day is today's shift day ("now" is 2026-03-10 19:00).
cf report >"$T/today.txt"
cmp -s "$T/report.txt" "$T/today.txt" || fail "default day is not 2026-03-10"

# -o writes the same text, whole, and leaves no temporary file behind.
mkdir "$T/odir"
cf report --day 2026-03-10 -o "$T/odir/day.txt" >"$T/stdout"
cmp -s "$T/report.txt" "$T/odir/day.txt" || fail "-o wrote something else"
[ ! -s "$T/stdout" ] || fail "-o also wrote to stdout"
expect_eq "files in the -o folder" "$(ls "$T/odir")" "day.txt"
expect_rc 1 cf report --day 2026-03-10 -o "$T/no/such/dir/day.txt"
grep -q "cannot write $T/no/such/dir/day.txt" "$T/err" ||
	fail "no clear message for an unwritable -o: $(cat "$T/err")"

# A lead reads and reports (but does not mark).
lead=$(config_with_users '{ login = "root"; role = "lead"; }')
sed -i "s|@include \"$ROOT/conf/rules.cfg\"|@include \"$ROOT/tests/fixtures/rules.cfg\"|" "$lead"
CALLFLOOR_CONFIG="$lead" cf report --day 2026-03-10 >"$T/lead.txt"
cmp -s "$T/report.txt" "$T/lead.txt" || fail "a lead's report differs"
CALLFLOOR_CONFIG="$lead" expect_rc 3 cf mark --seat A01 --rule DESK

# A day without anything still has every section, and says so.
cf report --day 2026-03-11 >"$T/empty.txt"
diff -u "$ROOT/tests/expected/report_empty.txt" "$T/empty.txt" ||
	fail "empty day differs from tests/expected/report_empty.txt"

# Bad arguments are usage errors that name the value.
expect_rc 2 cf report --day 2026-02-30
grep -q "'2026-02-30'" "$T/err" || fail "bad --day not named: $(cat "$T/err")"
expect_rc 2 cf report --format html
expect_rc 2 cf report --page-lines 5
expect_rc 2 cf report extra

# The work journal: GAMES is journal = true; the voided one is left out.
cf journal --from 2026-03-01 --to 2026-03-31 >"$T/journal.txt"
diff -u "$ROOT/tests/expected/report_journal.txt" "$T/journal.txt" ||
	fail "journal differs from tests/expected/report_journal.txt"
cf journal >"$T/journal_default.txt"
cmp -s "$T/journal.txt" "$T/journal_default.txt" || fail "journal default is not this month"
cf journal --from 2026-03-06 --to 2026-03-09 >"$T/journal_none.txt"
grep -q "^no entries$" "$T/journal_none.txt" || fail "an empty journal says nothing"
expect_rc 2 cf journal --from 2026-03-10
expect_rc 2 cf journal --from 2026-03-10 --to 2026-03-01
CALLFLOOR_CONFIG="$lead" cf journal --from 2026-03-01 --to 2026-03-31 >"$T/journal_lead.txt"
cmp -s "$T/journal.txt" "$T/journal_lead.txt" || fail "a lead's journal differs"
# A long note wraps under its entry (column 24, 80 wide), cleaned, whole.
note="caught at the web game again, second time this week; said it was a break; line two"
rd_mark --staff E104 --rule GAMES --at '2026-03-08 09:30' --note "$note" >/dev/null
cf journal --from 2026-03-08 --to 2026-03-08 >"$T/journal_long.txt"
sed -n '5,$p' "$T/journal_long.txt" >"$T/under.txt"
expect_eq "note lines" "$(wc -l <"$T/under.txt")" 2
w=$(wc -L <"$T/under.txt")
[ "$w" -le 80 ] || fail "a journal note line is $w columns: $(cat "$T/under.txt")"
! grep -qv '^                       [^ ]' "$T/under.txt" || fail "a note line not under the entry: $(cat "$T/under.txt")"
expect_eq "the whole note" "$(sed 's/^ *//' "$T/under.txt" | tr '\n' ' ')" "note: $note "
echo ok
