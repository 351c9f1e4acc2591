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
DB="$DATA/small.db"

cd "$T"

# B is refused by callfloor's role check.
expect_rc 3 as "$UB" "$BIN" mark --seat A01 --rule DESK
grep -q "$UB is not a user of floor small" "$T/err" || fail "B's refusal: $(cat "$T/err")"

# Only init creates the database; then A marks through callfloor, and the
# file is group-writable.
expect_rc 1 as "$UA" "$BIN" mark --seat A01 --rule DESK
grep -q "no such file (run \`callfloor init\`)" "$T/err" || fail "no database: $(cat "$T/err")"
[ -e "$DB" ] && fail "a command other than init created the database"
expect_rc 0 as "$UA" "$BIN" init
expect_rc 0 as "$UA" "$BIN" mark --seat A01 --rule DESK
expect_eq "A's mark" "$(head -1 "$T/out")" "1"
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
# The environment does not pick the configuration or move the clock.
expect_rc 3 as "$UB" env CALLFLOOR_CONFIG="$T/b.cfg" "$BIN" mark --seat A01 --rule DESK
expect_rc 0 as "$UA" env CALLFLOOR_NOW=86400 "$BIN" mark --seat A02 --rule DESK
expect_eq "incidents" "$(sqlite3 "$DB" 'SELECT count(*) FROM incident')" "2"
[ "$(sqlite3 "$DB" 'SELECT min(at) FROM incident')" -gt 1000000000 ] ||
	fail "CALLFLOOR_NOW moved the setgid binary's clock"

# The audit trail names A by login and uid.
expect_rc 0 as "$UA" "$BIN" audit --format csv
grep -q ",$UA,$(id -u "$UA"),-,-,mark,incident 1," "$T/out" || fail "audit: $(cat "$T/out")"

# A backup is A's own file, outside the shared folder only.
mkdir -m 700 "$T/home_a" && chown "$UA" "$T/home_a"
expect_rc 0 as "$UA" "$BIN" backup "$T/home_a/copy.db"
expect_eq "backup owner" "$(stat -c '%U %a' "$T/home_a/copy.db")" "$UA 600"
expect_eq "backup content" "$(as "$UA" sqlite3 "$T/home_a/copy.db" 'SELECT count(*) FROM incident')" "2"
expect_rc 1 as "$UA" "$BIN" backup "$DATA/stray.db"
[ -e "$DATA/stray.db" ] && fail "a backup landed in the shared folder"
expect_rc 2 as "$UA" "$BIN" backup "$T/home_a/copy.db"

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

expect_eq "integrity" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok"
echo "ok: shared install: B refused (3) and shut out of $DB; A marks through callfloor"
