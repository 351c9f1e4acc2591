#!/usr/bin/env bash
# The end-of-day summary as CSV (RFC 4180): one row per fine line of the
# scripted day, compared with tests/expected/report_day.csv, and summed
# back into the text report's totals (floor, kind, group, person).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/report_day.sh"
report_day

cf report --day 2026-03-10 --format csv >"$T/day.csv"
diff -u "$ROOT/tests/expected/report_day.csv" "$T/day.csv" ||
	fail "CSV differs from tests/expected/report_day.csv"

# Every line ends in CRLF.
[ "$(grep -c $'\r$' "$T/day.csv")" -eq "$(wc -l <"$T/day.csv")" ] ||
	fail "not every CSV line ends in CRLF"
expect_eq "header" "$(head -n1 "$T/day.csv" | tr -d '\r')" \
	"day,incident,at,rule,offender,offender_group,offence,payer,payer_name,payer_group,role,kind,amount,doubled"

# The rows rebuild the text report's totals (rows without a payer are
# vacant roles and count nowhere).  No field of this day holds a comma.
sums=$(tr -d '\r' <"$T/day.csv" | awk -F, 'NR > 1 && $8 != "" {
	all += $13; kind[$12] += $13; grp[$10] += $13; who[$8] += $13 }
	NR > 1 && $8 == "" { vacant += $13 }
	END { printf "all %.2f own %.2f co %.2f group %.2f A %.2f B %.2f vacant %.2f E201 %.2f D003 %.2f S001 %.2f\n",
	    all, kind["own"], kind["co"], kind["group"], grp["A"], grp["B"], vacant,
	    who["E201"], who["D003"], who["S001"] }')
expect_eq "CSV sums" "$sums" \
	"all 335.00 own 240.00 co 65.00 group 30.00 A 205.00 B 130.00 vacant 30.00 E201 30.00 D003 30.00 S001 15.00"
cf report --day 2026-03-10 >"$T/day.txt"
grep -q '^  Fines today  *335\.00$' "$T/day.txt" || fail "text total is not 335.00"
grep -q '^  Group A total  *170\.00  *35\.00  *205\.00$' "$T/day.txt" ||
	fail "text group A total differs from the CSV's"
grep -q '^  Group B total  *70\.00  *60\.00  *130\.00$' "$T/day.txt" ||
	fail "text group B total differs from the CSV's"

# Quoting: a name with a comma and quotes is one field, quotes doubled.
q=$(variant quoted 's/"Tom Lee"/"Lee, \\"Tom\\""/')
CALLFLOOR_CONFIG="$q" cf report --day 2026-03-10 --format csv >"$T/q.csv"
grep -qF ',E104,"Lee, ""Tom""",A,offender,own,30.00,0' "$T/q.csv" ||
	fail "quoted name not RFC 4180: $(grep E104 "$T/q.csv")"

# -o writes the CSV whole; a day without fines is the header alone.
cf report --day 2026-03-10 --format csv -o "$T/o.csv" >/dev/null
cmp -s "$T/day.csv" "$T/o.csv" || fail "-o CSV differs"
cf report --day 2026-03-11 --format csv >"$T/empty.csv"
expect_eq "empty day" "$(wc -l <"$T/empty.csv")" 1
echo ok
