#!/usr/bin/env bash
# The PDF is rendered without the callfloor group, on a shared install
# (the setgid binary, as install_shared.sh builds it): fontconfig, which
# reads the user's environment, writes its cache as the user.  Here the
# user's FONTCONFIG_FILE sends that cache to a folder of the user's own;
# every file in it must belong to the user's group, never to callfloor's.
# On PostgreSQL the floor's database is the cluster's, through the
# credentials file (pg_shared).
#
# Needs root (useradd, groupadd, chown); exits 77 (skipped) otherwise.
# The user and the group it makes are removed when it ends.
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" = 0 ] || { echo "skip: needs root (a user and the callfloor group)"; exit 77; }
U=cftest_pdf$$
fixture_user "$U"
install_scratch
expect_eq "binary mode" "$(stat -c '%a %G' "$BIN")" "2755 callfloor"
sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
	sed "s|@include \"rules.cfg\"|users = ( { login = \"$U\"; role = \"manager\"; } );\n@include \"rules.cfg\"|" \
		>"$T/etc/callfloor/callfloor.cfg"
pg_shared	# on PostgreSQL: the floor's database through its credentials file

H="$T/home"
mkdir -m 700 "$H" && chown "$U" "$H"
# Only the CJK font and a cache folder of the user's: no cache is current
# there, so fontconfig writes one, with the ids the renderer runs with.
cat >"$H/fonts.conf" <<EOF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/wqy</dir>
<cachedir>$H/fc-cache</cachedir></fontconfig>
EOF
chown "$U" "$H/fonts.conf"
as() { runuser -u "$U" -- env HOME="$H" XDG_CACHE_HOME="$H/cache" FONTCONFIG_FILE="$H/fonts.conf" "$@"; }
cd "$T"
expect_rc 0 as "$BIN" init
expect_rc 0 as "$BIN" mark --seat A01 --rule PHONE
[ -n "${CF_TEST_PG:-}" ] || DB="$DATA/small.db"
expect_eq "the floor's marks" "$(dbq 'SELECT count(*) FROM incident')" "1"
expect_rc 0 as "$BIN" report --format pdf -o "$H/r.pdf"
head -c 5 "$H/r.pdf" | grep -q '^%PDF-' || fail "no PDF"
find "$H/fc-cache" -type f >"$T/cache.files" 2>/dev/null || true
[ -s "$T/cache.files" ] || fail "fontconfig wrote no cache in $H/fc-cache"
ga=$(id -gn "$U")
while read -r f; do
	expect_eq "group of $f" "$(stat -c %G "$f")" "$ga"
done <"$T/cache.files"
grep -q WenQuanYi <<<"$(pdffonts "$H/r.pdf")" || fail "the CJK font was not used"
echo "ok: rendered as $U without the callfloor group ($(wc -l <"$T/cache.files") cache file(s), group $ga)"
