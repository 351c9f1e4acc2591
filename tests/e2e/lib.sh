# lib.sh - shared helpers for the end-to-end scripts.  Source it; it makes
# a private work folder ($T), points callfloor at tests/fixtures/small.cfg
# and a fresh database, and cleans up (tmux sessions included) on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# make check points CALLFLOOR_BIN at the sanitized build.
CF="${CALLFLOOR_BIN:-$ROOT/callfloor}"
T=$(mktemp -d /tmp/callfloor-e2e.XXXXXX)
export CALLFLOOR_CONFIG="$ROOT/tests/fixtures/small.cfg"
export XDG_DATA_HOME="$T/data"
DB="$T/test.db"
# tests/pg.sh runs a script on PostgreSQL too: CF_TEST_PG is the socket
# folder of its throwaway cluster, and the script gets a database of its
# own there (owned by the role callfloor, dropped on exit) in place of the
# SQLite file.
_pgdb=""
if [ -n "${CF_TEST_PG:-}" ]; then
	_pgdb="cfe_$$"
	psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc \
		"CREATE DATABASE $_pgdb OWNER callfloor" >/dev/null
	DB="postgresql://callfloor@/$_pgdb?host=$CF_TEST_PG"
fi
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE
TMUX_SOCK="cf-$$"
_made_users=()
_made_group=""
_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null || true
	local u
	for u in "${_made_users[@]}"; do
		pkill -KILL -u "$u" 2>/dev/null || true
		userdel "$u" 2>/dev/null || true
	done
	[ -z "$_made_group" ] || groupdel "$_made_group" 2>/dev/null || true
	if [ -n "$_pgdb" ]; then
		local d
		for d in $_pgdb $(psql -h "$CF_TEST_PG" -U postgres -d postgres -qAtXc \
			"SELECT datname FROM pg_database WHERE datname LIKE '${_pgdb}\\_%'" 2>/dev/null); do
			psql -h "$CF_TEST_PG" -U postgres -d postgres -qXc \
				"DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
		done
	fi
	rm -rf "$T"
}
trap _cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# dbq SQL: runs SQL (one or more statements) straight on the test
# database, past callfloor, and prints the rows as sqlite3 does (a|b); on
# PostgreSQL as the cluster's superuser, for the floor CF_FLOOR (default
# small, the fixture's).  Keep the SQL to what both dialects share.
# `DB=$OTHER dbq SQL` runs it on another database of the script
# (scratch_db).
dbq() {
	if [ -n "$_pgdb" ] && [ "${DB#postgresql://}" != "$DB" ]; then
		local name=${DB#postgresql://*/}
		name=${name%%\?*}
		printf "SET callfloor.floor = '%s';\n%s;\n" "${CF_FLOOR:-small}" "$1" | psql -h "$CF_TEST_PG" -U postgres -d "$name" -qAtX -v ON_ERROR_STOP=1 -f -
	else
		sqlite3 -cmd ".timeout 2000" "$DB" "$1"
	fi
}

# scratch_db NAME: another database of the script's own beside $DB, on
# the same backend, empty (made anew when it was there): the file
# $T/NAME.db, not there yet, or on PostgreSQL an empty database of the
# cluster (dropped on exit).  Prints what callfloor's -d takes.
scratch_db() {
	if [ -n "$_pgdb" ]; then
		psql -h "$CF_TEST_PG" -U postgres -d postgres -qX \
			-c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${_pgdb}_$1 WITH (FORCE)" \
			-c "CREATE DATABASE ${_pgdb}_$1 OWNER callfloor" >/dev/null
		echo "postgresql://callfloor@/${_pgdb}_$1?host=$CF_TEST_PG"
	else
		rm -f "$T/$1.db" "$T/$1.db-wal" "$T/$1.db-shm"
		echo "$T/$1.db"
	fi
}

# cf ARGS...: runs callfloor on the test database.
cf() { "$CF" -d "$DB" "$@"; }

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" == "$3" ] || fail "$1: got [$2], want [$3]"
}

# expect_rc WANT CMD...: runs CMD, checks its exit code.
expect_rc() {
	local want=$1 rc=0
	shift
	"$@" >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" -eq "$want" ] || fail "exit $rc (want $want) from: $* :: $(cat "$T/err")"
}

# A config with the given users list replacing the fixture's.  It and the
# rulebook it includes live in $T, where another user can read them (a
# checkout in root's home, mode 0700, is out of their reach).
config_with_users() {
	local out
	out=$(mktemp "$T/users.XXXXXX.cfg")
	[ -f "$T/rules.cfg" ] || cp "$ROOT/conf/rules.cfg" "$T/rules.cfg"
	sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
		sed "s|@include \"rules.cfg\"|users = ( $1 );\n@include \"$T/rules.cfg\"|" >"$out"
	chmod 644 "$out" "$T/rules.cfg"
	echo "$out"
}

# other_bin: a copy of the binary that another user can run, for the same
# reason; prints its path.
other_bin() {
	[ -x "$T/bin/callfloor" ] || install -D -m 755 "$CF" "$T/bin/callfloor"
	chmod 755 "$T" "$T/bin"
	echo "$T/bin/callfloor"
}

# --- tmux: drive the console as a person would ---

# tm_start W H CMD...: starts CMD in a detached tmux session "main".
tm_start() {
	local w=$1 h=$2
	shift 2
	# A session that outlives the others keeps the server up between them
	# (a new server started while the last one exits fails at random).
	tmux -L "$TMUX_SOCK" has-session -t keep 2>/dev/null ||
		tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s keep "sleep 3600"
	tmux -L "$TMUX_SOCK" new-session -d -s main -x "$w" -y "$h" \
		"env LANG=$LANG LC_ALL=$LC_ALL TERM=${TERM_OVERRIDE:-xterm-256color} $*; sleep 30"
}
tm() { tmux -L "$TMUX_SOCK" "$@"; }
tm_keys() { tmux -L "$TMUX_SOCK" send-keys -t main "$@"; }
tm_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t main; }

# tm_wait TEXT [SECONDS]: polls the screen until TEXT shows (default 10 s).
tm_wait() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		tm_screen 2>/dev/null | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	echo "--- screen ---" >&2
	tm_screen >&2 || true
	fail "timed out waiting for [$text]"
}

# tm_wait_gone TEXT [SECONDS]: polls until TEXT is no longer on screen.
tm_wait_gone() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		tm_screen 2>/dev/null | grep -qF -- "$text" || return 0
		sleep 0.05
	done
	tm_screen >&2 || true
	fail "timed out waiting for [$text] to go"
}

# --- a shared install, tested as real users (needs root) ---

# fixture_user NAME: a throwaway system user, removed when the script
# ends (only if this script made it).  Names start with cftest_ so that a
# leftover says what it is.
fixture_user() {
	id "$1" >/dev/null 2>&1 && return 0
	useradd --system --no-create-home --shell /usr/sbin/nologin "$1"
	_made_users+=("$1")
}

# install_scratch: `make install` of this tree with its prefix, /etc and
# /var all under $T.  Sets BIN, DATA and CONF.  The callfloor group is
# made if missing, and removed again on exit if this script made it.
install_scratch() {
	local src="$T/src"

	getent group callfloor >/dev/null || _made_group=callfloor
	chmod 755 "$T"
	mkdir -p "$src"
	(cd "$ROOT" && cp -pr Makefile callfloor.1 callfloor.zh_CN.1 src db ui tools \
		conf po "$src/")
	mkdir -p "$src/tests" && cp -p "$ROOT/tests/pseudo.sh" "$src/tests/"
	if [ -d "$ROOT/build" ]; then
		# Objects of the main build are reused; cli_main.c holds the
		# installed paths (i18n.c the catalogs'), so they are built anew.
		cp -pr "$ROOT/build" "$src/build"
		rm -f "$src/build/src/cli_main.o" "$src/build/src/cli.o" \
			"$src/build/src/i18n.o"
	fi
	make -C "$src" -s -j2 PREFIX="$T/usr" SYSCONFDIR="$T/etc" \
		LOCALSTATEDIR="$T/var" install >"$T/install.log" 2>&1 ||
		{ cat "$T/install.log"; fail "make install"; }
	BIN="$T/usr/bin/callfloor"
	DATA="$T/var/lib/callfloor"
	CONF="$T/etc/callfloor"
}

# pg_shared: on PostgreSQL, makes the installed floor's database
# (install_scratch, its configuration written) this script's database of
# the cluster, named with a password in the credentials file
# $CONF/db.conn, root:callfloor 0640, as README sets it up (the test
# cluster trusts its socket, so the password is the file's secret, not the
# server's).  Does nothing on SQLite, whose shared database is the file in
# $DATA.
pg_shared() {
	[ -n "$_pgdb" ] || return 0
	printf '%s\n' "${DB/callfloor@/callfloor:Sekr1t-pw@}" >"$CONF/db.conn"
	chown root:callfloor "$CONF/db.conn"
	chmod 640 "$CONF/db.conn"
	sed -i "s|^  id = \"small\";|  id = \"small\";\n  database_file = \"$CONF/db.conn\";|" \
		"$CONF/callfloor.cfg"
}

# as USER CMD...: runs CMD as USER (in USER's home under $T when it has
# one).  setpriv execs CMD in place: no runuser stays behind as a parent,
# so a test can stop and continue the command itself.
as() {
	local u=$1
	shift
	if [ -d "$T/home/$u" ]; then
		(cd "$T/home/$u" && exec setpriv --reuid="$u" --regid="$u" \
			--init-groups -- env HOME="$T/home/$u" "$@")
	else
		setpriv --reuid="$u" --regid="$u" --init-groups -- "$@"
	fi
}
