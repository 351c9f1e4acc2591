#!/usr/bin/env bash
# console_readonly.sh - a user who may read the database but not write it
# gets the console all the same, under a READ-ONLY banner: the map, search
# and detail work; marks and inspections are refused with a message and
# nothing is written.  On PostgreSQL the server is the one that takes
# reads only.
# (Needs root to switch to `nobody`; skipped elsewhere.)
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	echo "skip: console_readonly needs root and setpriv"
	exit 77
fi
CFG=$(config_with_users '{ login = "*"; role = "manager"; }')
cf -c "$CFG" init >/dev/null
cf -c "$CFG" mark --seat A02 --rule DESK >/dev/null
if [ -n "${CF_TEST_PG:-}" ]; then
	# On PostgreSQL: a server that takes reads only (a hot standby; here
	# a session whose transactions are read-only, the same to callfloor).
	tm_start 100 30 "$CF" -c "$CFG" -d "'$DB&options=-c%20default_transaction_read_only%3Don'"
	tm_wait "$(id -un) (manager)"
else
	chmod 755 "$T"
	chmod 644 "$CFG" "$DB"
	rm -f "$DB-wal" "$DB-shm"
	# The folder stays writable so that SQLite can share the WAL index.
	chmod 1777 "$T"

	tm_start 100 30 setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$(other_bin)" -c "$CFG" -d "$DB"
	tm_wait "nobody (manager)"
fi
tm_wait "! A02 张伟"
tm_wait "READ-ONLY: this database cannot be written from here"
tm_keys s
tm_wait "read-only"
tm_keys Escape
tm_wait_gone "read-only"
tm_keys i
tm_wait "read-only"
tm_keys / 王强 Enter
tm_wait "B03 · 王强"
tm_keys Enter
tm_wait "Seat B03"
tm_keys Escape
expect_eq "incidents" "$(dbq "SELECT count(*) FROM incident")" "1"
expect_eq "inspections" "$(dbq "SELECT count(*) FROM inspection")" "0"
echo "ok"
