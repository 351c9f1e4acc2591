#!/usr/bin/env bash
# An end-to-end print through a real CUPS: a throwaway cupsd of this
# test's own (configuration, spool, logs and socket in a temporary folder,
# CUPS_SERVER pointing at its socket) with a cups-pdf queue, then
# `report --print --printer floorpdf` through the stock lp, and checks on
# the PDF that comes out of the queue.
#
# cups-pdf reads its settings from /etc/cups only, so cupsd runs in a
# mount namespace of its own (unshare -m) where the test's folder is
# bind-mounted over /etc/cups: the machine's print system is untouched.
# Needs root, cupsd, the cups-pdf backend and mount namespaces; exits 77
# (reported as skipped by tests/run-e2e.sh, never as passed) otherwise.
#
# The queue's chain (pdftopdf, pdftops, ghostscript in cups-pdf) draws the
# text as outlines, so the queue's PDF has no text to extract: its first
# page is compared, as a picture, with callfloor's own; a page of empty
# boxes where the Chinese should be does not match (checked below).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/fixtures/demo_day.sh"
skip() { echo "skip: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root (cupsd runs the cups-pdf backend as root)"
command -v cupsd >/dev/null || skip "no cupsd (apt-get install cups)"
command -v lpadmin >/dev/null && command -v lp >/dev/null || skip "no lpadmin/lp (cups-client)"
[ -x /usr/lib/cups/backend/cups-pdf ] || skip "no cups-pdf backend (printer-driver-cups-pdf)"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -r "$PPD" ] || skip "no $PPD"
command -v python3 >/dev/null || skip "no python3 (the picture comparison)"
unshare -m true 2>/dev/null || skip "no mount namespaces here (unshare -m)"

# The filters run as lp: the folder must be theirs to read.
C=$(mktemp -d /tmp/callfloor-cups.XXXXXX)
chmod 755 "$C"
mkdir -p "$C"/{etc/ppd,spool,cache,state,log,out,anon,pdfspool,run,tmp}
chmod 1777 "$C/tmp"
CUPSD_PID=
cups_cleanup() {
	if [ -n "$CUPSD_PID" ]; then
		kill "$CUPSD_PID" 2>/dev/null || true
		wait "$CUPSD_PID" 2>/dev/null || true
	fi
	rm -rf "$C"
	_cleanup
}
trap cups_cleanup EXIT
before=$(find /etc/cups -printf '%p %m %s %T@\n' 2>/dev/null | sort || true)

cat >"$C/etc/cups-files.conf" <<EOF
ServerRoot $C/etc
RequestRoot $C/spool
TempDir $C/tmp
CacheDir $C/cache
StateDir $C/state
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
User lp
Group lp
SystemGroup root
Sandboxing Relaxed
EOF
cat >"$C/etc/cupsd.conf" <<EOF
Listen $C/run/cups.sock
LogLevel debug
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
cat >"$C/etc/cups-pdf.conf" <<EOF
Out $C/out
AnonDirName $C/anon
Spool $C/pdfspool
Logdir $C/log
Grp root
EOF
cp /etc/cups/raw.types /etc/cups/raw.convs "$C/etc/" 2>/dev/null || true

unshare -m sh -c "mount --bind '$C/etc' /etc/cups && exec cupsd -f \
    -c '$C/etc/cupsd.conf' -s '$C/etc/cups-files.conf'" >"$C/log/cupsd.out" 2>&1 &
CUPSD_PID=$!
for ((i = 0; i < 100; i++)); do
	[ -S "$C/run/cups.sock" ] && break
	kill -0 "$CUPSD_PID" 2>/dev/null || skip "cupsd did not start: $(tail -3 "$C/log/cupsd.out")"
	sleep 0.1
done
[ -S "$C/run/cups.sock" ] || skip "cupsd did not open its socket in 10 s"
export CUPS_SERVER="$C/run/cups.sock"
lpadmin -p floorpdf -E -v cups-pdf:/ -P "$PPD" 2>"$T/lpadmin.err" ||
	fail "lpadmin: $(cat "$T/lpadmin.err")"

DEMO="$ROOT/conf/demo.cfg"
demo_day "$DB"
"$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --format pdf -o "$T/own.pdf"
out=$("$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 --print --printer floorpdf)
expect_eq "stdout" "$out" "report for 2026-03-10 sent to floorpdf as PDF"

# The job goes through the filters; its PDF lands in $C/out.
for ((i = 0; i < 600; i++)); do
	got=$(find "$C/out" "$C/anon" -name '*.pdf' 2>/dev/null | head -n1)
	[ -n "$got" ] && [ -z "$(lpstat -o floorpdf 2>/dev/null)" ] && break
	sleep 0.1
done
[ -n "$got" ] || fail "no PDF came out of the queue in 60 s: $(grep -E '^E ' "$C/log/error_log" | tail -5)"
sleep 0.3
head -c 5 "$got" | grep -q '^%PDF-' || fail "the queue's output is not a PDF"
pages=$(pdfinfo "$T/own.pdf" | awk '/^Pages:/ { print $2 }')
info=$(pdfinfo "$got")
grep -q "^Pages: *$pages\$" <<<"$info" || fail "the queue printed other pages than $pages: $info"
grep -q '^Page size: *595.* x 842.* (A4)' <<<"$info" || fail "the queue's page is not A4: $info"

# Page 1 as printed against page 1 as callfloor drew it: the dark pixels
# of each lie (within a pixel) on dark pixels of the other.
mkdir -p "$ROOT/build/test-artifacts"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$got" "$ROOT/build/test-artifacts/report_pdf_cups_page1"
pdftoppm -gray -r 60 -f 1 -l 1 -singlefile "$got" "$T/queue"
pdftoppm -gray -r 60 -f 1 -l 1 -singlefile "$T/own.pdf" "$T/own"
cat >"$T/same.py" <<'EOF'
import sys
def ink(path):
    data = open(path, 'rb').read()
    magic, w, h, maxval, px = data.split(maxsplit=4)
    w = int(w)
    return {(i % w, i // w) for i, v in enumerate(px) if v < 140}
def near(s, t):
    hit = sum(1 for (x, y) in s
              if any((x + dx, y + dy) in t for dx in (-1, 0, 1) for dy in (-1, 0, 1)))
    return hit / max(1, len(s))
a, b = ink(sys.argv[1]), ink(sys.argv[2])
print("%.3f %.3f" % (near(a, b), near(b, a)))
EOF
read -r m1 m2 < <(python3 "$T/same.py" "$T/queue.pgm" "$T/own.pgm")
echo "page 1 through CUPS matches callfloor's: $m1 / $m2"
python3 -c "import sys; sys.exit(0 if min($m1, $m2) >= 0.75 else 1)" ||
	fail "the printed page 1 does not look like callfloor's ($m1 / $m2)"

# The comparison tells boxes from Chinese: the same report drawn without
# any CJK font does not match.
mkdir -p "$T/fc"
cat >"$T/fc/fonts.conf" <<EOF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>$T/fc/cache</cachedir></fontconfig>
EOF
FONTCONFIG_FILE="$T/fc/fonts.conf" "$CF" -c "$DEMO" -d "$DB" report --day 2026-03-10 \
    --format pdf -o "$T/boxes.pdf"
pdftoppm -gray -r 60 -f 1 -l 1 -singlefile "$T/boxes.pdf" "$T/boxes"
read -r b1 b2 < <(python3 "$T/same.py" "$T/boxes.pgm" "$T/own.pgm")
python3 -c "import sys; sys.exit(0 if min($b1, $b2) < 0.75 else 1)" ||
	fail "a page without CJK fonts passes the comparison ($b1 / $b2)"

after=$(find /etc/cups -printf '%p %m %s %T@\n' 2>/dev/null | sort || true)
[ "$before" == "$after" ] || fail "the machine's /etc/cups changed: $(diff <(echo "$before") <(echo "$after"))"
echo ok
