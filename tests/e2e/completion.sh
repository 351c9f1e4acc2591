#!/usr/bin/env bash
# The bash completion script made from the verb table: verbs, each verb's
# options, and the floor's rule codes, staff, seats and groups as one types.
source "$(dirname "$0")/lib.sh"

"$CF" completion >"$T/callfloor.bash"
bash -n "$T/callfloor.bash" || fail "the script is not valid bash"
source "$T/callfloor.bash"

# complete WORD...: COMPREPLY for the last word, sorted, on one line.
complete_() {
	COMP_WORDS=("$CF" "$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_callfloor
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect_eq "verbs" "$(complete_ ma)" "map mark"
expect_eq "leave verbs" "$(complete_ leave)" "leave leave-approve leave-form"
expect_eq "mark options" "$(complete_ mark --r)" "--rule"
expect_eq "report options" "$(complete_ report --pa)" "--page-lines"
expect_eq "rule codes" "$(complete_ mark --rule DE)" "DEPT_COMPLAINT DESK"
expect_eq "seats" "$(complete_ mark --seat B0)" "B01 B02 B03 B04"
expect_eq "groups" "$(complete_ fines --group "")" "A B"
expect_eq "staff operand" "$(complete_ signin E10)" "E101 E102 E103 E104 E105"
expect_eq "formats" "$(complete_ report --format p)" "pdf"
# Options after the verb are still the verb's; -c before it picks the floor.
expect_eq "after -c" "$(complete_ -c "$CALLFLOOR_CONFIG" explain E20)" "E201 E202 E203"
# Every verb of --help is offered.
for v in $("$CF" --help | sed -n 's/^  callfloor \([a-z-]*\).*/\1/p'); do
	complete_ "$v" | grep -qw -- "$v" || fail "verb $v is not completed"
done
expect_rc 2 "$CF" completion --words nonsense
grep -q "is not rules, staff, seats or groups" "$T/err" || fail "bad --words: $(cat "$T/err")"
echo ok
