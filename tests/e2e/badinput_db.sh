#!/usr/bin/env bash
# badinput_db.sh - a database callfloor cannot use as it is: damaged, from
# a newer callfloor, read-only, on a full disk.  Each gives a clear message
# and exit 1, and changes nothing; a read-only one still answers reads.
source "$(dirname "$0")/lib.sh"

cf init >/dev/null
cf mark --seat A01 --rule SLEEP >/dev/null
cf mark --seat B01 --rule PHONE >/dev/null 2>&1

if [ -n "${CF_TEST_PG:-}" ]; then
	# On PostgreSQL a damaged or truncated file, the -wal file, file modes
	# and a full disk are the server's own business (the SQLite part
	# below); what callfloor does with a database it cannot use is the
	# same: one newer than it, a server that takes reads only, a database
	# that is not there, and an empty one.
	state() {
		dbq "SELECT count(*) FROM incident; SELECT count(*) FROM incident
		    WHERE voided_at IS NULL; SELECT count(*), sum(amount) FROM fine;
		    SELECT count(*) FROM custody WHERE returned_at IS NULL;
		    SELECT count(*) FROM audit; SELECT max(version) FROM callfloor_schema;
		    SELECT count(*) FROM callfloor_floor" | paste -sd' '
	}
	# unchanged_after WHAT CMD...: CMD fails with exit 1 and a message
	# containing WHAT, and the database holds what it held.
	unchanged_after() {
		local what=$1 before
		shift
		before=$(state)
		expect_rc 1 "$@"
		grep -qF -- "$what" "$T/err" || fail "want [$what] from $*, got: $(cat "$T/err")"
		expect_eq "what $* left" "$(state)" "$before"
	}
	# --- written by a newer callfloor ---
	v=$(dbq "SELECT max(version) FROM callfloor_schema")
	dbq "UPDATE callfloor_schema SET version = 99"
	for verb in "init" "fines" "mark --seat A02 --rule DESK"; do
		# shellcheck disable=SC2086
		unchanged_after "was written by a newer callfloor (schema 99" cf $verb
	done
	grep -qF "upgrade callfloor" "$T/err" || fail "no advice: $(cat "$T/err")"
	dbq "UPDATE callfloor_schema SET version = $v"
	# --- a server that takes reads only (a hot standby) ---
	RO="$DB&options=-c%20default_transaction_read_only%3Don"
	expect_rc 0 "$CF" -d "$RO" fines --format csv
	grep -q '^A,E101,' "$T/out" || fail "read-only fines: $(cat "$T/out" "$T/err")"
	expect_rc 0 "$CF" -d "$RO" map
	expect_rc 0 "$CF" -d "$RO" custody
	expect_rc 0 "$CF" -d "$RO" audit
	grep -q "mark " "$T/out" || fail "read-only audit: $(cat "$T/out")"
	for verb in "mark --seat A02 --rule DESK" "void 1 --reason x" "return 1"; do
		# shellcheck disable=SC2086
		unchanged_after "is open read-only; nothing was written" "$CF" -d "$RO" $verb
	done
	# --- missing and empty databases: refused, never started afresh ---
	NOPE="${DB%%\?*}_nothing?${DB#*\?}"
	expect_rc 1 "$CF" -d "$NOPE" mark --seat A02 --rule DESK
	grep -q "unavailable: .*does not exist" "$T/err" || fail "missing: $(cat "$T/err")"
	EMPTY=$(scratch_db empty)
	for verb in "mark --seat A02 --rule DESK" "fines" "map" "report"; do
		# shellcheck disable=SC2086
		expect_rc 1 "$CF" -d "$EMPTY" $verb
		grep -qF "holds no callfloor database (run \`callfloor init\`" "$T/err" ||
			fail "empty, $verb: $(cat "$T/err")"
		expect_eq "still empty after $verb" \
			"$(DB=$EMPTY dbq "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" 0
	done
	expect_rc 0 "$CF" -d "$EMPTY" init
	expect_eq "schema after init" "$(DB=$EMPTY dbq 'SELECT max(version) FROM callfloor_schema')" "$v"
	echo "ok: newer, read-only, missing and empty databases (PostgreSQL)"
	exit 0
fi

GOOD="$T/good.db"
cp "$DB" "$GOOD"
[ ! -e "$DB-wal" ] || fail "a -wal file was left after the CLI closed"

# unchanged_after WHAT FILE CMD...: CMD fails with exit 1 and a message
# containing WHAT, and FILE is byte for byte what it was.
unchanged_after() {
	local what=$1 file=$2 sum
	shift 2
	sum=$(sha256sum <"$file")
	expect_rc 1 "$@"
	grep -qF -- "$what" "$T/err" || fail "want [$what] from $*, got: $(cat "$T/err")"
	[ "$(sha256sum <"$file")" = "$sum" ] || fail "$* changed $file"
	[ ! -s "$file-wal" ] || fail "$* left a -wal beside $file"
}

# --- damaged ---
cp "$GOOD" "$T/header.db"
printf 'this is not a database header' | dd of="$T/header.db" conv=notrunc 2>/dev/null
cp "$GOOD" "$T/schema.db"
head -c 3996 /dev/urandom | dd of="$T/schema.db" bs=1 seek=100 conv=notrunc 2>/dev/null
cp "$GOOD" "$T/short.db"
truncate -s 12288 "$T/short.db"
for f in header schema short; do
	for verb in "fines" "map" "mark --seat A02 --rule DESK" "void 1 --reason x" "audit"; do
		# shellcheck disable=SC2086
		unchanged_after "is damaged or not a database" "$T/$f.db" \
			"$CF" -d "$T/$f.db" $verb
	done
done
head -c 20000 /dev/urandom >"$T/noise.db"
unchanged_after "is damaged or not a database" "$T/noise.db" "$CF" -d "$T/noise.db" init

# --- written by a newer callfloor ---
cp "$GOOD" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
for verb in "init" "fines" "mark --seat A02 --rule DESK"; do
	# shellcheck disable=SC2086
	unchanged_after "was written by a newer callfloor (schema 99" "$T/newer.db" \
		"$CF" -d "$T/newer.db" $verb
done
grep -qF "upgrade callfloor" "$T/err" || fail "no advice: $(cat "$T/err")"

# --- read-only: a file and folder the user may not write ---
# Root writes anything, so as root the user is a test account.
mkdir -p "$T/ro"
cp "$GOOD" "$T/ro/r.db"
chmod 755 "$T"
if [ "$(id -u)" = 0 ]; then
	U=cftest_ro$$
	fixture_user "$U"
	CFG=$(config_with_users '{ login = "*"; role = "manager"; }')
	OTHER=$(other_bin)
	asu() { local bin=$1; shift; [ "$bin" = "$CF" ] && bin=$OTHER; as "$U" "$bin" "$@"; }
else
	CFG=$(config_with_users '{ login = "*"; role = "manager"; }')
	asu() { "$@"; }
fi
chmod 444 "$T/ro/r.db"
chmod 555 "$T/ro"
RO="$T/ro/r.db"
expect_rc 0 asu "$CF" -c "$CFG" -d "$RO" fines --format csv
grep -q '^A,E101,' "$T/out" || fail "read-only fines: $(cat "$T/out" "$T/err")"
expect_rc 0 asu "$CF" -c "$CFG" -d "$RO" map
expect_rc 0 asu "$CF" -c "$CFG" -d "$RO" custody
expect_rc 0 asu "$CF" -c "$CFG" -d "$RO" audit
grep -q "mark " "$T/out" || fail "read-only audit: $(cat "$T/out")"
for verb in "mark --seat A02 --rule DESK" "void 1 --reason x" "return 1"; do
	# shellcheck disable=SC2086
	unchanged_after "is open read-only; nothing was written" "$RO" \
		asu "$CF" -c "$CFG" -d "$RO" $verb
done
chmod 755 "$T/ro"

# --- a full disk (a 512 KiB tmpfs; root only) ---
FULL="$T/full"
mkdir -p "$FULL"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=512k tmpfs "$FULL" 2>/dev/null; then
	reader=
	full_cleanup() {
		exec 7>&- 2>/dev/null || true
		[ -z "$reader" ] || kill "$reader" 2>/dev/null || true
		[ -z "$reader" ] || wait "$reader" 2>/dev/null || true
		umount "$FULL" 2>/dev/null || umount -l "$FULL" 2>/dev/null || true
		_cleanup
	}
	trap full_cleanup EXIT
	cp "$GOOD" "$FULL/f.db"
	before=$(sqlite3 "$FULL/f.db" "SELECT count(*) FROM incident; SELECT count(*) FROM fine;
		SELECT count(*) FROM audit")
	dd if=/dev/zero of="$FULL/filler" bs=4k 2>/dev/null || true
	for verb in "mark --seat A02 --rule DESK" "void 1 --reason full" "return 1"; do
		# shellcheck disable=SC2086
		expect_rc 1 "$CF" -d "$FULL/f.db" $verb
		grep -qE "disk is full|No space left|database or disk is full" "$T/err" ||
			fail "full disk, $verb: $(cat "$T/err")"
		grep -qF "nothing was written" "$T/err" || fail "full disk, $verb: $(cat "$T/err")"
	done
	# Again with the -wal and -shm already there (a reader keeps them),
	# so the disk fills in the middle of the transaction itself.
	rm -f "$FULL/filler"
	mkfifo "$T/fifo"
	sqlite3 "$FULL/f.db" <"$T/fifo" >/dev/null &
	reader=$!
	exec 7>"$T/fifo"
	echo "SELECT count(*) FROM incident;" >&7
	for ((i = 0; i < 50; i++)); do [ -e "$FULL/f.db-shm" ] && break; sleep 0.1; done
	expect_rc 0 "$CF" -d "$FULL/f.db" mark --seat A03 --rule DESK
	before=$(sqlite3 "$FULL/f.db" "SELECT count(*) FROM incident; SELECT count(*) FROM fine;
		SELECT count(*) FROM audit")
	dd if=/dev/zero of="$FULL/filler" bs=1k 2>/dev/null || true
	for ((i = 0; i < 5; i++)); do
		expect_rc 1 "$CF" -d "$FULL/f.db" mark --seat A04 --rule SLEEP --note "full disk"
		grep -qF "the disk is full; nothing was written" "$T/err" ||
			fail "full disk mid-transaction: $(cat "$T/err")"
	done
	exec 7>&-
	wait "$reader" || true
	rm -f "$FULL/filler"
	expect_eq "full disk: integrity" "$(sqlite3 "$FULL/f.db" 'PRAGMA integrity_check')" "ok"
	expect_eq "full disk: nothing written" "$(sqlite3 "$FULL/f.db" "SELECT count(*) FROM incident;
		SELECT count(*) FROM fine; SELECT count(*) FROM audit")" "$before"
	# With room again, the next mark goes through.
	expect_rc 0 "$CF" -d "$FULL/f.db" mark --seat A02 --rule DESK
	full="tested on a 512 KiB tmpfs"
else
	full="skipped (needs root and mount)"
fi
# A -wal file deleted under a running console: the console says what
# happened instead of "disk I/O error", and keeps running.
"$CF" -d "$T/wal.db" init >/dev/null
tm_start 250 30 "$CF" -d "$T/wal.db"
tm_wait "Test Floor"
rm -f "$T/wal.db-wal"
tm_keys d
tm_wait "was removed or replaced while this callfloor had it open"
[ "$(sqlite3 "$T/wal.db" 'SELECT count(*) FROM incident')" = 0 ] ||
	fail "a mark went into the removed -wal file"
tm_keys q
tm_wait_gone "Test Floor"

# Missing and empty databases are refused, never started afresh.
expect_rc 1 "$CF" -d "$T/nothing.db" mark --seat A02 --rule DESK
grep -q "no such file (run \`callfloor init\`)" "$T/err" || fail "missing: $(cat "$T/err")"
[ -e "$T/nothing.db" ] && fail "mark created a database"
: >"$T/empty.db"
for verb in "mark --seat A02 --rule DESK" "fines" "map" "report"; do
	# shellcheck disable=SC2086
	expect_rc 1 "$CF" -d "$T/empty.db" $verb
	grep -q "is empty (run \`callfloor init\`" "$T/err" || fail "empty, $verb: $(cat "$T/err")"
	expect_eq "still empty after $verb" "$(stat -c %s "$T/empty.db")" "0"
done
expect_rc 0 "$CF" -d "$T/empty.db" init

echo "ok: damaged, newer, read-only, emptied, -wal-deleted and full-disk databases; full disk $full"
