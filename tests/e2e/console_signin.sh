#!/usr/bin/env bash
# S signs the agent at the cursor in: late arrivals are fined (LATE) and the
# seat shows the attendance letter; a lead is refused.
. "$(dirname "$0")/lib.sh"

export CALLFLOOR_NOW=$(TZ=Asia/Shanghai date -d '2026-11-02 09:07' +%s)
cf init >/dev/null
tm_start 100 30 "env CALLFLOOR_NOW=$CALLFLOOR_NOW CALLFLOOR_CONFIG=$CALLFLOOR_CONFIG $CF -d $DB"
tm_wait "inspected 0/8"
tm_keys S
tm_wait "7 minutes late"
tm_wait "LATE ¥5.00"
expect_eq "LATE in the ledger" "$(cf fines --month 2026-11 --format csv | tr -d '\r' | grep E101)" \
	"A,E101,李娜,agent,5.00,0.00,5.00"
expect_eq "sign-in row" "$(dbq "SELECT staff, minutes FROM attendance")" "E101|7"
tm_wait "!L A01"
# Everybody else is "not yet signed in" now that attendance is kept.
tm_wait "○- A02"
# A second S on the same agent is refused with the reason.
tm_keys S
tm_wait "already signed in"
expect_eq "still one sign-in" "$(dbq "SELECT count(*) FROM attendance")" 1
tm_keys l S
tm_wait "张伟 signed in, 7 minutes late"
tm_keys q

lead=$(config_with_users '{ login = "root"; role = "lead"; }')
tm kill-session -t main
tm_start 100 30 "env CALLFLOOR_NOW=$CALLFLOOR_NOW $CF -c $lead -d $DB"
tm_wait "inspected"
tm_keys j S
tm_wait "Refused"
expect_eq "lead wrote nothing" "$(dbq "SELECT count(*) FROM attendance")" 2
echo ok
