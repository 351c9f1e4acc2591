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
echo "ok: credentials from their own file, never shown"
