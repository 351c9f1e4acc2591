#!/usr/bin/env bash
# pg.sh - the tests again on PostgreSQL 15 (issue 15): a throwaway cluster
# for this run only - initdb in a temporary folder as the unprivileged
# postgres user that Debian's postgresql-15 package creates (initdb refuses
# root), its Unix socket in that folder, no TCP port - stopped and removed
# whatever happens.  The Criterion suites and the end-to-end scripts named
# below run with CF_TEST_PG set to the socket folder: the test helpers and
# tests/e2e/lib.sh then give each test a database of its own in the cluster
# in place of the SQLite file.  Prints "pg: N passed, N failed, N skipped".
#
# Needs root (runuser); without it the run is skipped (exit 77).  A cluster
# that cannot start fails the run.
set -u
cd "$(dirname "$0")/.."
PGBIN=/usr/lib/postgresql/15/bin
UNIT=${CF_UNIT:-build/unit_tests}
# The scripts that run on both backends (and the PostgreSQL-only ones):
# every end-to-end script but these three, NOT_PG, each with its reason:
#   completion     opens no database (OPEN_NONE: the verb table and the
#                  configuration only); nothing of it depends on the backend
#   config_manual  opens no database (the built manual page callfloor.cfg(5))
#   bench_smoke    `make bench-smoke` measures SQLite files of its own
#                  (bench/run.sh); PostgreSQL's rows in bench/RESULTS.md are
#                  measured by `BENCH_BACKEND=pg make bench`, which no
#                  test runs
# Inside the others, what only an SQLite file has (a damaged or truncated
# file, its -wal, its mode and folder, a full disk, integrity_check, the
# backup copy, a schema-5 file to migrate) is checked on SQLite only; the
# shared install's PostgreSQL side is the credentials file (install_shared,
# privilege, report_pdf_setgid and pg_credentials).
E2E=${CF_PG_E2E:-"cli_month cli_errors cli_attendance cli_complaint cli_break
	cli_chinese cli_import month_close month_settle month_glance payroll_month
	progress
	audit_trail appeal_views badinput_db
	report_csv report_text report_chinese report_former report_night
	report_pages report_print report_pdf report_pdf_big report_pdf_print
	report_pdf_cups report_pdf_setgid install_shared privilege
	console_mark console_live console_chinese console_render console_attendance
	console_bigfloor console_break console_inspect console_keys console_pinyin
	console_print_pdf console_register console_report console_resize
	console_readonly console_signal console_signin console_term wallboard
	stress_load stress_crash
	rollup migrate schema7 pg_floors pg_restart pg_credentials"}
NOT_PG="completion config_manual bench_smoke"

if [ "$(id -u)" != 0 ]; then
	echo "pg: skipped: the throwaway cluster needs root (runuser postgres)"
	exit 77
fi
for t in "$PGBIN/initdb" "$PGBIN/pg_ctl"; do
	[ -x "$t" ] || { echo "pg: FAIL: $t missing (make deps installs postgresql-15)"; exit 1; }
done
id postgres >/dev/null 2>&1 || { echo "pg: FAIL: no postgres user (make deps)"; exit 1; }

D=$(mktemp -d /tmp/callfloor-pg.XXXXXX)
chown postgres "$D"
chmod 755 "$D"
stop() {
	runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m immediate -w stop \
		>/dev/null 2>&1 || true
	rm -rf "$D"
}
trap stop EXIT
trap 'exit 130' INT TERM

if ! runuser -u postgres -- "$PGBIN/initdb" -D "$D/data" -A trust -U postgres \
	-E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1; then
	cat "$D/initdb.log"
	echo "pg: FAIL: initdb failed"
	exit 1
fi
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -w -t 60 -l "$D/server.log" \
	-o "-c listen_addresses='' -k $D -c fsync=off -c max_connections=100" start \
	>/dev/null 2>&1; then
	cat "$D/server.log"
	echo "pg: FAIL: the PostgreSQL cluster did not start"
	exit 1
fi
# The role callfloor connects as: not a superuser, so that row-level
# security binds it.
psql -h "$D" -U postgres -d postgres -qXc "CREATE ROLE callfloor LOGIN" || {
	echo "pg: FAIL: cannot reach the cluster"; exit 1; }
export CF_TEST_PG="$D" CF_TEST_PG_DATA="$D/data"

pass=0 fail=0 skip=0
# A new script is run here too, or named in NOT_PG with its reason.
if [ -z "${CF_PG_E2E:-}" ]; then
	for t in tests/e2e/*.sh; do
		name=$(basename "$t" .sh)
		case " lib $(echo $E2E $NOT_PG) " in *" $name "*) continue ;; esac
		fail=$((fail + 1))
		echo "FAIL $name: not run on PostgreSQL, and tests/pg.sh does not say why"
	done
fi
echo "pg: unit tests (Criterion) on PostgreSQL"
start=$SECONDS
if CF_TEST_PG="$D" "$UNIT" --jobs 2 >"$D/unit.log" 2>&1; then
	pass=$((pass + 1)); echo "ok   unit ($((SECONDS - start)) s): $(tail -1 "$D/unit.log")"
else
	fail=$((fail + 1)); echo "FAIL unit"; grep -v '^\[----\] *$' "$D/unit.log" | tail -60
fi
for name in $E2E; do
	t=tests/e2e/$name.sh
	[ -f "$t" ] || { echo "FAIL $name: no such script"; fail=$((fail + 1)); continue; }
	rc=0 start=$SECONDS
	bash "$t" >"$D/e2e.log" 2>&1 || rc=$?
	if [ "$rc" -eq 0 ]; then
		pass=$((pass + 1)); echo "ok   $name (PostgreSQL, $((SECONDS - start)) s)"
	elif [ "$rc" -eq 77 ]; then
		skip=$((skip + 1)); echo "skip $name: $(tail -1 "$D/e2e.log")"
	else
		fail=$((fail + 1)); echo "FAIL $name (PostgreSQL, exit $rc)"
		sed 's/^/     /' "$D/e2e.log" | tail -40
	fi
done
echo "pg: $pass passed, $fail failed, $skip skipped ($SECONDS s)"
[ "$fail" -eq 0 ]
