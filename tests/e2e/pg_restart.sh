#!/usr/bin/env bash
# pg_restart.sh - the PostgreSQL server goes away under a running console
# (issue 15): the console says "database unavailable — reconnecting", a
# mark tried meanwhile (console or command line) is refused with that and
# writes nothing, and when the server is back the console comes back by
# itself and shows what is written after.  PostgreSQL only: tests/pg.sh
# runs it with CF_TEST_PG and CF_TEST_PG_DATA (the cluster it restarts).
. "$(dirname "$0")/lib.sh"
[ -n "$_pgdb" ] && [ -n "${CF_TEST_PG_DATA:-}" ] ||
	{ echo "PostgreSQL only (tests/pg.sh runs it)"; exit 77; }
PGBIN=/usr/lib/postgresql/15/bin
pgctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$CF_TEST_PG_DATA" "$@" >/dev/null; }
# Whatever happens, the cluster is left running for the scripts after.
pgstart() {
	pgctl status || pgctl -w -t 60 start -l "$CF_TEST_PG_DATA/../server.log" \
		-o "-c listen_addresses='' -k $CF_TEST_PG -c fsync=off"
}
trap 'pgstart 2>/dev/null || true; _cleanup' EXIT

cf init >/dev/null
tm_start 100 30 "$CF" -d "$DB"
tm_wait "inspected 0/8"
cf mark --seat A02 --rule DESK >/dev/null
tm_wait "! A02 张伟" 2

# An idle console sends no queries: its server session's last statement
# and the time its state last changed stay as they are (it LISTENs).
console_state() {
	DB=$DB dbq "SELECT query || ' @ ' || state_change FROM pg_stat_activity WHERE
	    application_name = 'callfloor' AND datname = current_database()"
}
s1=$(console_state)
[ -n "$s1" ] || fail "no console session on the server"
t0=$(date +%s%N)
while (( $(date +%s%N) - t0 < 3000000000 )); do
	[ "$(console_state)" = "$s1" ] || fail "the idle console sent a query: [$s1] then [$(console_state)]"
	sleep 0.5
done

pgctl -m fast -w stop
tm_wait "database unavailable — reconnecting" 10

# A mark meanwhile: refused, from the console and from the command line.
tm_keys / 陈静 Enter
tm_wait "B01 · 陈静" 5
tm_keys s
tm_wait "Not marked: database unavailable — reconnecting" 5
expect_rc 1 cf mark --seat A03 --rule DESK
grep -q "unavailable" "$T/err" || fail "CLI during the outage: $(cat "$T/err")"
grep -qi "socket\|connect" "$T/err" || fail "no libpq reason: $(cat "$T/err")"

pgstart
# Nothing of the refused marks was written.
expect_eq "incidents after the outage" "$(dbq "SELECT count(*) FROM incident")" 1
expect_eq "audit lines after the outage" "$(dbq "SELECT count(*) FROM audit WHERE action = 'mark'")" 1
# The console is back by itself: a mark made now shows in it.
cf mark --seat B02 --rule DESK >/dev/null
tm_wait "! B02 Anna Schmidt" 10
tm_wait "inspected 2/8" 5
echo "ok: the console reconnected; marks during the outage were refused, nothing written"
