#!/usr/bin/env bash
# install_shared.sh - the shared install, proved with two real Unix users.
#
# `make install` into a temporary PREFIX (with SYSCONFDIR and LOCALSTATEDIR
# there too), a configuration that lists user A but not user B, then:
# B cannot mark (exit 3) and cannot open the database file, not even with a
# configuration of B's own; A marks through callfloor but cannot open the
# file directly either; the environment cannot move the clock or the
# configuration of the setgid binary; a backup is A's own file.
#
# On PostgreSQL (tests/pg.sh) the floor's database is the cluster's, named
# with its password in the credentials file floor.database_file,
# root:callfloor 0640: A reaches it through callfloor, neither A nor B
# reads the file, B's own configuration naming it gets nowhere, and no PG*
# variable steers the setgid binary's connection.
#
# Needs root (useradd, groupadd, chown); skips with a message otherwise.
# The users and the group it makes are removed again when it ends.
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "skip: install_shared needs root (it adds two users and the callfloor group)"
	exit 77
fi
UA=cftest_a$$
UB=cftest_b$$
fixture_user "$UA"
fixture_user "$UB"
install_scratch
getent group callfloor >/dev/null || fail "make install made no callfloor group"
expect_eq "binary mode" "$(stat -c '%a %U %G' "$BIN")" "2755 root callfloor"
expect_eq "data folder mode" "$(stat -c '%a %U %G' "$DATA")" "2770 root callfloor"
[ -f "$CONF/callfloor.cfg" ] && [ -f "$CONF/rules.cfg" ] || fail "no configuration in $CONF"
grep -q 'login = "\*"' "$CONF/callfloor.cfg" && fail "the installed demo still lets anyone in"
[ -f "$T/usr/share/man/man1/callfloor.1" ] || fail "no man page"
grep -q "^.B floor.signin_window$" "$T/usr/share/man/man5/callfloor.cfg.5" ||
	fail "no callfloor.cfg(5) installed"
grep -q "^complete -F _callfloor callfloor" "$T/usr/share/bash-completion/completions/callfloor" ||
	fail "no bash completion installed"

# The translations: the catalogs and the Chinese manual page installed;
# the setgid binary reads catalogs from the installed folder only, never
# from one beside it that a user could have put there.
[ -f "$T/usr/share/locale/zh_CN/LC_MESSAGES/callfloor.mo" ] || fail "no zh_CN catalog installed"
[ -f "$T/usr/share/man/zh_CN/man1/callfloor.1" ] || fail "no Chinese man page"
[ -e "$T/usr/share/locale/pseudo" ] && fail "the test-only pseudo catalog was installed"
out=$(as "$UB" env LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$BIN" --help)
grep -qF "实时控制台" <<<"$out" || fail "setgid run does not find the installed catalog"
mkdir -p "$T/usr/bin/locale/zh_CN/LC_MESSAGES"
cp "$ROOT/build/locale/pseudo/LC_MESSAGES/callfloor.mo" \
	"$T/usr/bin/locale/zh_CN/LC_MESSAGES/callfloor.mo"
out=$(as "$UB" env LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$BIN" --help)
grep -qF "⟦" <<<"$out" && fail "setgid run read a catalog beside the binary"
grep -qF "实时控制台" <<<"$out" || fail "setgid run lost the installed catalog"
rm -r "$T/usr/bin/locale"

# A second install keeps an edited configuration.
echo "# edited" >>"$CONF/callfloor.cfg"
make -C "$T/src" -s PREFIX="$T/usr" SYSCONFDIR="$T/etc" LOCALSTATEDIR="$T/var" \
	install >"$T/install.log" 2>&1 || { cat "$T/install.log"; fail "make install again"; }
grep -q '^# edited' "$CONF/callfloor.cfg" || fail "make install overwrote the configuration"

# The floor's configuration: A is a manager, B is nobody.
sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
	sed "s|@include \"rules.cfg\"|users = ( { login = \"$UA\"; role = \"manager\"; } );\n@include \"rules.cfg\"|" \
		>"$CONF/callfloor.cfg"
pg_shared
if [ -n "${CF_TEST_PG:-}" ]; then
	no_database() { expect_eq "tables" "$(dbq "SELECT count(*) FROM pg_class
	    WHERE relnamespace = 'public'::regnamespace")" "0"; }
	NODB="holds no callfloor database (run \`callfloor init\`"
else
	DB="$DATA/small.db"
	no_database() { [ ! -e "$DB" ] || fail "a command other than init created the database"; }
	NODB="no such file (run \`callfloor init\`)"
fi

cd "$T"

# B is refused by callfloor's role check.
expect_rc 3 as "$UB" "$BIN" mark --seat A01 --rule DESK
grep -q "$UB is not a user of floor small" "$T/err" || fail "B's refusal: $(cat "$T/err")"

# Only init creates the database; then A marks through callfloor, and the
# file is group-writable.
expect_rc 1 as "$UA" "$BIN" mark --seat A01 --rule DESK
grep -qF "$NODB" "$T/err" || fail "no database: $(cat "$T/err")"
no_database
expect_rc 0 as "$UA" "$BIN" init
grep -q "Sekr1t" "$T/out" "$T/err" && fail "init showed the password"
expect_rc 0 as "$UA" "$BIN" mark --seat A01 --rule DESK
expect_eq "A's mark" "$(head -1 "$T/out")" "1"
if [ -n "${CF_TEST_PG:-}" ]; then
	expect_eq "credentials mode" "$(stat -c '%a %U %G' "$CONF/db.conn")" "640 root callfloor"
	# Neither reads the credentials: only the group does.
	expect_rc 1 as "$UB" cat "$CONF/db.conn"
	expect_rc 1 as "$UA" cat "$CONF/db.conn"
	# B's own configuration (B as manager) naming the same file runs
	# without the group: the file stays shut.
	sed "s/$UA/$UB/" "$CONF/callfloor.cfg" | sed "s|@include \"rules.cfg\"|@include \"$CONF/rules.cfg\"|" >"$T/b.cfg"
	chmod 644 "$T/b.cfg"
	for verb in "mark --seat A01 --rule DESK" "audit"; do
		# shellcheck disable=SC2086
		expect_rc 1 as "$UB" "$BIN" -c "$T/b.cfg" $verb
		grep -q "cannot read the database credentials $CONF/db.conn: Permission denied" "$T/err" ||
			fail "B's own configuration, $verb: $(cat "$T/err")"
	done
else
	expect_eq "database mode" "$(stat -c '%a %G' "$DB")" "660 callfloor"

	# Neither can open the database directly: only the group passes the folder.
	expect_rc 1 as "$UB" sqlite3 "$DB" "INSERT INTO audit VALUES (99, 0, 'b', 0, '-', '-', 'x', 'x', 'x')"
	expect_rc 1 as "$UB" cat "$DB"
	expect_rc 1 as "$UA" sqlite3 "$DB" "DELETE FROM incident"

	# B's own configuration (B as manager) runs without the group: no way in.
	sed "s/$UA/$UB/" "$CONF/callfloor.cfg" | sed "s|@include \"rules.cfg\"|@include \"$CONF/rules.cfg\"|" >"$T/b.cfg"
	chmod 644 "$T/b.cfg"
	expect_rc 1 as "$UB" "$BIN" -c "$T/b.cfg" -d "$DB" mark --seat A01 --rule DESK
	expect_rc 1 as "$UB" "$BIN" -c "$T/b.cfg" -d "$DB" audit
fi
# The environment does not pick the configuration or move the clock.
expect_rc 3 as "$UB" env CALLFLOOR_CONFIG="$T/b.cfg" "$BIN" mark --seat A01 --rule DESK
expect_rc 0 as "$UA" env CALLFLOOR_NOW=86400 "$BIN" mark --seat A02 --rule DESK
expect_eq "incidents" "$(dbq 'SELECT count(*) FROM incident')" "2"
[ "$(dbq 'SELECT min(at) FROM incident')" -gt 1000000000 ] ||
	fail "CALLFLOOR_NOW moved the setgid binary's clock"
if [ -n "${CF_TEST_PG:-}" ]; then
	# Nor do PostgreSQL's variables steer its connection: options that
	# would make every write fail, another server, another database.
	expect_rc 0 as "$UA" env PGOPTIONS="-c default_transaction_read_only=on" \
		PGHOST=/nonexistent PGDATABASE=postgres PGSERVICE=nosuch \
		"$BIN" mark --seat A03 --rule DESK
	expect_eq "incidents" "$(dbq 'SELECT count(*) FROM incident')" "3"
fi

# The audit trail names A by login and uid.
expect_rc 0 as "$UA" "$BIN" audit --format csv
grep -q ",$UA,$(id -u "$UA"),-,-,mark,incident 1," "$T/out" || fail "audit: $(cat "$T/out")"

# A backup is A's own file, outside the shared folder only (SQLite's copy
# of its file; PostgreSQL refuses it, and writes nothing).
mkdir -m 700 "$T/home_a" && chown "$UA" "$T/home_a"
if [ -n "${CF_TEST_PG:-}" ]; then
	expect_rc 1 as "$UA" "$BIN" backup "$T/home_a/copy.db"
	grep -q "is a PostgreSQL database: a backup copy is for SQLite only" "$T/err" ||
		fail "backup: $(cat "$T/err")"
	grep -q "Sekr1t" "$T/err" && fail "the refusal showed the password"
	[ ! -e "$T/home_a/copy.db" ] || fail "a refused backup wrote a file"
else
	expect_rc 0 as "$UA" "$BIN" backup "$T/home_a/copy.db"
	expect_eq "backup owner" "$(stat -c '%U %a' "$T/home_a/copy.db")" "$UA 600"
	expect_eq "backup content" "$(as "$UA" sqlite3 "$T/home_a/copy.db" 'SELECT count(*) FROM incident')" "2"
	expect_rc 1 as "$UA" "$BIN" backup "$DATA/stray.db"
	[ -e "$DATA/stray.db" ] && fail "a backup landed in the shared folder"
	expect_rc 2 as "$UA" "$BIN" backup "$T/home_a/copy.db"
fi

# The print command runs with A's own ids: no callfloor group, real,
# effective, saved or supplementary.
sed -i "s#^  shift = #  print_command = \"cat >/dev/null; grep -E '^(Gid|Groups):' /proc/self/status >$T/home_a/ids\";\n  shift = #" \
	"$CONF/callfloor.cfg"
expect_rc 0 as "$UA" "$BIN" report --print
cg=$(getent group callfloor | cut -d: -f3)
ga=$(id -g "$UA")
expect_eq "print command's gids" "$(sed -n 's/^Gid:\s*//p' "$T/home_a/ids" | tr -s '\t ' ' ')" \
	"$ga $ga $ga $ga"
grep -q "^Groups:.*\b$cg\b" "$T/home_a/ids" && fail "the print command kept the callfloor group"

if [ -n "${CF_TEST_PG:-}" ]; then
	echo "ok: shared install on PostgreSQL: B refused (3), neither reads $CONF/db.conn; A marks through callfloor"
	exit 0
fi
expect_eq "integrity" "$(dbq 'PRAGMA integrity_check')" "ok"
echo "ok: shared install: B refused (3) and shut out of $DB; A marks through callfloor"
