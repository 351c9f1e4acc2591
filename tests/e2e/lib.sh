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
export LANG=C.UTF-8 LC_ALL=C.UTF-8
TMUX_SOCK="cf-$$"
_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null || true
	rm -rf "$T"
}
trap _cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

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

# A config with the given users list replacing the fixture's.
config_with_users() {
	local out
	out=$(mktemp "$T/users.XXXXXX.cfg")
	sed '/^users = (/,/^);/d' "$ROOT/tests/fixtures/small.cfg" |
		sed "s|@include \"rules.cfg\"|users = ( $1 );\n@include \"$ROOT/conf/rules.cfg\"|" >"$out"
	echo "$out"
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
