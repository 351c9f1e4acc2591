#!/usr/bin/env bash
# pg_credentials.sh - a PostgreSQL floor whose connection string, password
# and all, lives in its own file (floor.database_file, issue 15): callfloor
# connects with it, never shows the password (not in `init`'s line, not in
# an error), and a floor.database URI without a secret works too.
# PostgreSQL only: tests/pg.sh runs it with CF_TEST_PG set.
. "$(dirname "$0")/lib.sh"
[ -n "$_pgdb" ] || { echo "PostgreSQL only (tests/pg.sh runs it)"; exit 77; }

secret="postgresql://callfloor:Sekr1t-pw@/$_pgdb?host=$CF_TEST_PG"
printf '%s\n' "$secret" >"$T/db.conn"
chmod 640 "$T/db.conn"
cfg=$T/floor.cfg
sed -e "s|^  id = \"small\";|  id = \"small\";\n  database_file = \"$T/db.conn\";|" \
	-e "s|@include \"rules.cfg\"|@include \"$ROOT/conf/rules.cfg\"|" "$CALLFLOOR_CONFIG" >"$cfg"
export CALLFLOOR_CONFIG=$cfg
c() { "$CF" "$@"; }

expect_rc 0 c init
grep -q "ready" "$T/out" || fail "init: $(cat "$T/out")"
grep -q "Sekr1t" "$T/out" "$T/err" && fail "init showed the password"
id=$(c mark --seat A01 --rule DESK | head -n1)
expect_eq "the mark is in the database the file names" \
	"$(dbq "SELECT staff FROM incident WHERE id = $id")" "E101"

# A wrong database: refused, libpq's reason given, the password not.
printf '%s\n' "postgresql://callfloor:Sekr1t-pw@/no_such_db?host=$CF_TEST_PG" >"$T/db.conn"
expect_rc 1 c fines
grep -q "no_such_db" "$T/err" || fail "no reason: $(cat "$T/err")"
grep -q "Sekr1t" "$T/err" && fail "the error showed the password: $(cat "$T/err")"
# A file that is not a connection string is refused as such.
echo "/var/lib/callfloor/small.db" >"$T/db.conn"
expect_rc 2 c fines
grep -q "PostgreSQL connection" "$T/err" || fail "$(cat "$T/err")"
# A file that cannot be read.
rm "$T/db.conn"
expect_rc 1 c fines
grep -q "credentials" "$T/err" || fail "$(cat "$T/err")"

# floor.database may hold a URI without a secret (peer or trust).
sed -e "/database_file/d" -e "s|^  id = \"small\";|  id = \"small\";\n  database = \"postgresql://callfloor@/$_pgdb?host=$CF_TEST_PG\";|" \
	"$cfg" >"$T/uri.cfg"
expect_eq "floor.database URI" "$("$CF" -c "$T/uri.cfg" fines --format csv | tr -d '\r' | awk -F, '$2 == "E101" { print $NF }')" "5.00"

# floor.database = "service=NAME": libpq finds NAME in a pg_service.conf
# (here the user's own, named by PGSERVICEFILE: a run without the group).
printf '[cftest]\nhost=%s\ndbname=%s\nuser=callfloor\n' "$CF_TEST_PG" "$_pgdb" >"$T/pg_service.conf"
sed -e "/database_file/d" -e "s|^  id = \"small\";|  id = \"small\";\n  database = \"service=cftest\";|" \
	"$cfg" >"$T/svc.cfg"
expect_rc 0 env PGSERVICEFILE="$T/pg_service.conf" "$CF" -c "$T/svc.cfg" fines --format csv
expect_eq "floor.database service=" "$(tr -d '\r' <"$T/out" | awk -F, '$2 == "E101" { print $NF }')" "5.00"
expect_rc 0 env PGSERVICEFILE="$T/pg_service.conf" "$CF" -c "$T/svc.cfg" mark --seat A02 --rule DESK
expect_eq "a mark through the service" "$(dbq "SELECT count(*) FROM incident")" 2
expect_rc 1 env PGSERVICEFILE="$T/nowhere.conf" "$CF" -c "$T/svc.cfg" fines
grep -q 'cftest' "$T/err" || fail "an unknown service: $(cat "$T/err")"

# --- a setgid run (the shared install) ---
# The installed floor names service=cfsvc, which callfloor looks up in
# its own $CONF/pg_service.conf (root:callfloor 0640).  A manager's
# environment and home name the same service on a database of their own
# (initialised as a floor, so that a redirect would land silently), and
# set PGHOST, PGDATABASE, PGPASSFILE, PGSYSCONFDIR and a PGOPTIONS that
# would make every write fail: the marks still go to the configured
# database, and only there.
[ "$(id -u)" = 0 ] || { echo "ok: credentials from their own file, never shown (setgid part skipped: not root)"; exit 0; }
MGR=cftest_pm$$
fixture_user "$MGR"
mkdir -p "$T/home/$MGR"
chmod 755 "$T" "$T/home"
install_scratch
evil="${_pgdb}_evil"
psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc "CREATE DATABASE $evil OWNER callfloor" >/dev/null
trap 'psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc "DROP DATABASE IF EXISTS $evil WITH (FORCE)" >/dev/null 2>&1; _cleanup' EXIT
EVIL="postgresql://callfloor@/$evil?host=$CF_TEST_PG"
"$CF" -c "$T/uri.cfg" -d "$EVIL" init >/dev/null
printf '[cfsvc]\nhost=%s\ndbname=%s\nuser=callfloor\n' "$CF_TEST_PG" "$_pgdb" >"$CONF/pg_service.conf"
chown root:callfloor "$CONF/pg_service.conf"
chmod 640 "$CONF/pg_service.conf"
sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
	sed -e "s|^  id = \"small\";|  id = \"small\";\n  database = \"service=cfsvc\";|" \
	    -e "s|@include \"rules.cfg\"|users = ( { login = \"$MGR\"; role = \"manager\"; } );\n@include \"rules.cfg\"|" \
	>"$CONF/callfloor.cfg"
chmod 644 "$CONF/callfloor.cfg"
theirs=$(printf '[cfsvc]\nhost=%s\ndbname=%s\nuser=callfloor\n' "$CF_TEST_PG" "$evil")
printf '%s\n' "$theirs" >"$T/home/$MGR/.pg_service.conf"
printf '%s\n' "$theirs" >"$T/home/$MGR/mine.conf"
printf '%s\n' "$theirs" >"$T/home/$MGR/pg_service.conf"
printf '*:*:*:*:guess\n' >"$T/home/$MGR/pgpass"
chmod 600 "$T/home/$MGR/pgpass"
chown -R "$MGR:" "$T/home/$MGR"
chmod 700 "$T/home/$MGR"
userenv=(PGSERVICEFILE="$T/home/$MGR/mine.conf" PGSYSCONFDIR="$T/home/$MGR" PGSERVICE=cfsvc
	PGHOST=/nonexistent PGDATABASE="$evil" PGPASSFILE="$T/home/$MGR/pgpass"
	PGOPTIONS="-c default_transaction_read_only=on" PGAPPNAME=theirs)
ours() { dbq "SELECT count(*) FROM incident"; }
theirs_n() { printf "SET callfloor.floor = 'small';\nSELECT count(*) FROM incident;\n" |
	psql -h "$CF_TEST_PG" -U postgres -d "$evil" -qAtX -f -; }
before=$(ours)
expect_eq "their database, before" "$(theirs_n)" 0
# Without the group (a copy of the binary, not setgid), that environment
# does steer libpq: the test can tell a redirect.
cp "$CF" "$T/plain-callfloor"
chmod 755 "$T/plain-callfloor"
expect_rc 0 as "$MGR" env "${userenv[@]/PGOPTIONS=*/PGOPTIONS=}" "$T/plain-callfloor" -c "$CONF/callfloor.cfg" \
	mark --seat A03 --rule DESK
expect_eq "a run without the group follows the user's service file" "$(theirs_n)" 1
expect_eq "... and leaves ours alone" "$(ours)" "$before"
# The setgid binary: the user's environment and home count for nothing.
expect_eq "the installed binary is setgid" "$(stat -c '%A %G' "$BIN" | cut -c7)/$(stat -c %G "$BIN")" "s/callfloor"
expect_rc 0 as "$MGR" env "${userenv[@]}" "$BIN" mark --seat A04 --rule DESK
expect_eq "setgid, the user's PG* set: the mark is ours" "$(ours)" $((before + 1))
expect_eq "setgid, the user's PG* set: theirs untouched" "$(theirs_n)" 1
expect_rc 0 as "$MGR" "$BIN" mark --seat A05 --rule DESK
expect_eq "setgid, their ~/.pg_service.conf: the mark is ours" "$(ours)" $((before + 2))
expect_eq "setgid, their ~/.pg_service.conf: theirs untouched" "$(theirs_n)" 1
expect_rc 0 as "$MGR" env "${userenv[@]}" "$BIN" fines --format csv
grep -q "^A,E104," "$T/out" || fail "fines through the setgid binary: $(cat "$T/out")"
# The service file is callfloor's: the user cannot read it themselves.
expect_rc 1 as "$MGR" cat "$CONF/pg_service.conf"
echo "ok: credentials from their own file, never shown; service=NAME; a setgid run ignores the user's PG* and files"
