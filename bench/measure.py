#!/usr/bin/env python3
"""measure.py - the measurements of `make bench`, run by bench/run.sh.

Measures the real callfloor binary on a prepared floor and database and
prints one table: what, target, measured, a reference measured in the same
run, the ratio, and pass/miss.  The console is driven through a real
pseudo-terminal, as a person's terminal would: keys go in, and the bytes
the console writes come out with a timestamp each.

"Redrawn" means the console has written its answer: the burst of output
that follows a key (or a commit by another process) has ended, i.e. no
byte came for a short quiet spell.  The time taken is that of the burst's
last byte; the quiet spell itself is not counted.

Rows that need the console or the report print "n/a (not built)" while
those are placeholders.  Exit status: 0 when the harness worked (whatever
the times), 1 when it broke.  It writes nothing but the work database it
is given (and a scratch copy for the write reference).

On PostgreSQL (--pg-floor ID: the work database a postgresql:// URI, the
floor's rows read as that floor) the references are the same hand-written
queries through psql, the write references (ref_mark's engine calls, then
ref_insert's bare inserts) write into --ref-db (a copy of the work
database), and sizes are the tables' pg_total_relation_size.

Standard library only.
"""
import argparse
import datetime
import os
import platform
import pty
import random
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def now():
    return time.perf_counter()


def dnum(day):
    """A shift day's number as schema 8 stores it (days since 1970)."""
    return (datetime.date.fromisoformat(day) - datetime.date(1970, 1, 1)).days


def dstr(n):
    """The shift day of a stored number."""
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=n)).isoformat()


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return xs[k]


class NotBuilt(Exception):
    pass


class Console:
    """callfloor's console on a pseudo-terminal of cols x rows."""

    def __init__(self, argv, env, cols, rows):
        self.out = bytearray()
        self.eof = False
        self.t_start = now()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                import fcntl
                import struct
                import termios
                fcntl.ioctl(0, termios.TIOCSWINSZ,
                            struct.pack("HHHH", rows, cols, 0, 0))
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.status = None

    def pump(self, timeout):
        """Reads what is there within timeout; returns (time, bytes)."""
        if self.eof:
            time.sleep(max(0.0, timeout))
            return None, b""
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return None, b""
        t = now()
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.eof = True
            return None, b""
        self.out += data
        return t, data

    def send(self, keys):
        os.write(self.fd, keys)
        return now()

    def wait_text(self, text, timeout):
        """Time at which text had arrived, or None (timeout or exit)."""
        end = now() + timeout
        while now() < end and not self.eof:
            t, _ = self.pump(end - now())
            if t is not None and text in self.out:
                return t
        return None

    def burst(self, quiet, first_timeout):
        """Waits for output to start (up to first_timeout), then for a
        quiet spell; returns (first, last, nbytes) or (None, None, 0)."""
        t_first = t_last = None
        n = 0
        end = now() + first_timeout
        while not self.eof:
            wait = (end - now()) if t_first is None else quiet
            if wait <= 0:
                break
            t, data = self.pump(wait)
            if t is None:
                if t_first is not None:
                    break
                continue
            if t_first is None:
                t_first = t
            t_last = t
            n += len(data)
        return t_first, t_last, n

    def drain(self, quiet=0.05, limit=2.0):
        end = now() + limit
        while now() < end:
            t, _ = self.pump(quiet)
            if t is None:
                return

    def cpu_seconds(self):
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def hwm_kib(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def alive(self):
        if self.status is not None:
            return False
        pid, st = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = st
        return False

    def close(self):
        if self.alive():
            try:
                self.send(b"q")
            except OSError:
                pass
            end = now() + 2
            while now() < end and self.alive():
                self.pump(0.05)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not self.alive():
                break
            os.kill(self.pid, sig)
            end = now() + 1
            while now() < end and self.alive():
                time.sleep(0.02)
        try:
            os.close(self.fd)
        except OSError:
            pass


class Bench:
    def __init__(self, a):
        self.a = a
        self.env = dict(os.environ)
        self.env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                         "TERM": "xterm-256color",
                         "CALLFLOOR_NOW": str(a.now),
                         "CALLFLOOR_CONFIG": a.cfg})
        self.env.pop("NO_COLOR", None)
        self.base = [a.cf, "-c", a.cfg, "-d", a.db]
        self.rows = []
        self.hwm = []
        self.console_state = None      # None: unknown, False: not built
        self.notes = []

    # ---- helpers ----

    def run(self, argv, **kw):
        return subprocess.run(argv, env=self.env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, **kw)

    def timed(self, argv, n):
        """Median wall time (ms) of n runs after a warm-up, and the last
        result."""
        r = self.run(argv)
        ts = []
        for _ in range(n):
            t0 = now()
            r = self.run(argv)
            ts.append((now() - t0) * 1e3)
        return statistics.median(ts), r

    def pg(self, db=None):
        return (db or self.a.db).startswith("postgresql://")

    def query_argv(self, q, db=None):
        """The hand-written query q through the backend's own shell."""
        db = db or self.a.db
        if self.pg(db):
            return ["psql", db, "-qAtX", "-F", "|", "-c",
                    "SET callfloor.floor = '%s'" % self.a.pg_floor, "-c", q]
        return ["sqlite3", db, q]

    def today(self):
        """The last shift day with incidents (schema 8: days as numbers)."""
        return dstr(self.sql("SELECT max(day) FROM incident_row")[0][0])

    def sql(self, q, db=None):
        db = db or self.a.db
        if self.pg(db):
            r = self.run(self.query_argv(q, db))
            if r.returncode != 0:
                raise RuntimeError("psql: " + r.stderr.decode(errors="replace")
                                   .strip()[:200])
            rows = []
            for line in r.stdout.decode().splitlines():
                rows.append(tuple(int(v) if v.lstrip("-").isdigit() else
                                  (v or None) for v in line.split("|")))
            return rows
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        try:
            return con.execute(q).fetchall()
        finally:
            con.close()

    def console(self, cols=None, rows=None):
        """A console on the first full frame; raises NotBuilt."""
        c = Console(self.base, self.env, cols or self.a.cols, rows or self.a.lines)
        t = c.wait_text(self.a.header.encode(), 10)
        if t is None:
            c.close()
            text = c.out.decode("utf-8", "replace")
            if "not built yet" in text:
                self.console_state = False
                raise NotBuilt()
            raise RuntimeError("the console showed no [%s] within 10 s; it "
                               "wrote: %r" % (self.a.header, text[-300:]))
        # The first frame is complete when the output pauses.
        _, last, _ = c.burst(0.1, 0.1)
        c.t_frame = last or t
        self.console_state = True
        return c

    def row(self, num, what, target, measured, ref="—", ratio="—", result="—"):
        self.rows.append((str(num), what, target, measured, ref, ratio, result))

    def na(self, num, what, target, why="n/a (not built)"):
        self.row(num, what, target, why)

    # ---- the rows ----

    def row1_cold_start(self):
        what, target = "console cold start to first full frame", "≤ 100 ms"
        today = self.today()
        q = "SELECT count(*) FROM incident_row WHERE day = %d" % dnum(today)
        ref, _ = self.timed(self.query_argv(q), self.a.runs)
        try:
            ts = []
            for _ in range(self.a.runs + 1):
                c = self.console()
                ts.append((c.t_frame - c.t_start) * 1e3)
                self.hwm.append(c.hwm_kib())
                c.close()
            ms = statistics.median(ts[1:])
        except NotBuilt:
            return self.na(1, what, target)
        self.row(1, what, target, "%.0f ms" % ms, "%.1f ms" % ref,
                 "%.1f×" % (ms / ref), "pass" if ms <= 100 else "miss")

    # Row 2: the quiet spell that ends a mark's redraw (s).
    QUIET2 = 0.015

    def refs2(self, n):
        """Row 2's references, measured in this run on a scratch copy of
        the work database (PostgreSQL: run.sh's copy): the mark's own
        transaction without the console (ref_mark: the engine call and
        its commit, the same rules marked the same way, as far apart as
        the console's marks), then the bare
        INSERT+COMMIT (ref_insert).  ((p50, p99) or None, (p50, p99))."""
        keys = self.a.mark_keys.replace(",", "")

        def two(r, name):
            if r.returncode != 0:
                raise RuntimeError("%s: %s" % (name, r.stderr.decode(
                    errors="replace").strip()[:200]))
            out = r.stdout.split()
            return float(out[0]), float(out[1])

        if self.pg():
            db, scratch = self.a.ref_db, None
        else:
            db = scratch = self.a.db + ".ref"
            shutil.copyfile(self.a.db, scratch)
        try:
            eng = None
            if self.a.ref_mark:
                # As far apart as the console's marks: the quiet spell
                # row 2 waits for after each one.
                eng = two(self.run([self.a.ref_mark, self.a.cfg, db, str(n),
                                    keys, str(int(self.QUIET2 * 1000))]),
                          "ref_mark")
            argv = [self.a.ref_insert, db, str(n)]
            if self.pg():
                argv.append(self.a.pg_floor)
            ins = two(self.run(argv), "ref_insert")
        finally:
            for ext in ("", "-wal", "-shm"):
                if scratch and os.path.exists(scratch + ext):
                    os.unlink(scratch + ext)
        return eng, ins

    def row2_marks(self):
        what = "one mark: key → commit → redrawn (p50 / p99)"
        target = "≤ 1.5 × engine call (stretch: ≤ 1.5 × bare insert)"
        n = self.a.marks
        eng, (r50, r99) = self.refs2(n)
        refs = "engine %s; insert %.2f / %.2f ms" % (
            "%.2f / %.2f ms" % eng if eng else "n/a (no ref_mark)", r50, r99)
        if self.console_state is False:
            return self.row(2, what, target, "n/a (not built)", refs)
        before = self.sql("SELECT count(*) FROM incident_row")[0][0]
        try:
            c = self.console()
        except NotBuilt:
            return self.row(2, what, target, "n/a (not built)", refs)
        keys = [k.encode() for k in self.a.mark_keys.split(",")]
        lat, silent = [], 0
        try:
            for i in range(n):
                k = keys[i % len(keys)]
                if i % len(keys) == 0:
                    c.send(self.a.move_key.encode())
                    c.drain(0.01, 1.0)
                if self.a.confirm:
                    c.send(k)
                    c.drain(0.01, 1.0)
                    k = self.a.confirm.encode()
                t0 = c.send(k)
                _, last, nb = c.burst(self.QUIET2, 5.0)
                if last is None:
                    silent += 1
                    continue
                lat.append((last - t0) * 1e3)
            self.hwm.append(c.hwm_kib())
        finally:
            c.close()
        added = self.sql("SELECT count(*) FROM incident_row")[0][0] - before
        p50, p99 = pct(lat, 50), pct(lat, 99)
        if added < n:
            self.notes.append("row 2: %d of %d mark keys committed an "
                              "incident; %d drew nothing" % (added, n, silent))
        # Held to the engine call (the target) and to the bare insert
        # (the stretch), both shown.
        stretch = p50 <= 1.5 * r50 and p99 <= 1.5 * r99
        ratio = "insert %.1f× / %.1f×" % (p50 / r50, p99 / r99)
        if eng:
            ok = p50 <= 1.5 * eng[0] and p99 <= 1.5 * eng[1]
            ratio = "engine %.1f× / %.1f×; %s" % (p50 / eng[0], p99 / eng[1],
                                                  ratio)
            verdict = "pass" if ok else "miss"
        else:
            verdict = "n/a"
        verdict += "; stretch " + ("pass" if stretch else "miss")
        self.row(2, what, target, "%.2f / %.2f ms" % (p50, p99), refs, ratio,
                 verdict + ("" if added >= n else " (%d committed)" % added))

    def row3_fines(self):
        what, target = "`fines --month` on the busiest month", "≤ 200 ms, ≤ 1.5 × ref"
        per = {}
        for d, k in self.sql("SELECT day, count(*) FROM incident_row GROUP BY day"):
            per[dstr(d)[:7]] = per.get(dstr(d)[:7], 0) + k
        month = sorted(per, key=lambda m: (-per[m], m))[0]
        first = dnum(month + "-01")
        last = dnum((datetime.date.fromisoformat(month + "-01") +
                     datetime.timedelta(days=31)).replace(day=1).isoformat()) - 1
        ms, r = self.timed(self.base + ["fines", "--month", month], self.a.runs)
        if r.returncode != 0:
            return self.row(3, what, target, "failed: " +
                            r.stderr.decode(errors="replace").strip()[:60])
        # The same sums, hand-written, through the backend's shell.
        q = ("SELECT f.staff, sum(CASE WHEN f.own = 1 THEN f.amount ELSE 0 END), "
             "sum(CASE WHEN f.own = 1 THEN 0 ELSE f.amount END) FROM incident_row i "
             "JOIN fine_row f ON f.incident = i.id WHERE i.day BETWEEN "
             "%d AND %d AND i.voided_at IS NULL AND f.staff IS NOT "
             "NULL GROUP BY f.staff" % (first, last))
        ref, _ = self.timed(self.query_argv(q), self.a.runs)
        ok = ms <= 200 and ms <= 1.5 * ref
        self.row(3, what + " (%s)" % month, target, "%.0f ms" % ms,
                 "%.0f ms" % ref, "%.2f×" % (ms / ref), "pass" if ok else "miss")

    def row4_report(self):
        what, target = "`report --day` on the busiest day", "≤ 300 ms"
        day = dstr(self.sql("SELECT day FROM incident_row GROUP BY day "
                            "ORDER BY count(*) DESC, day LIMIT 1")[0][0])
        r = self.run(self.base + ["report", "--day", day])
        if r.returncode != 0:
            err = r.stderr.decode(errors="replace")
            if "not built yet" in err:
                return self.na(4, what, target)
            return self.row(4, what, target, "failed: " + err.strip()[:60])
        ms, _ = self.timed(self.base + ["report", "--day", day], self.a.runs)
        self.row(4, what + " (%s)" % day, target, "%.0f ms" % ms, "—", "—",
                 "pass" if ms <= 300 else "miss")

    def row5_other_process(self):
        what = "a mark elsewhere seen on a console (p50 / p95)"
        target = "p95 ≤ 300 ms"
        ref = "4 s / 5 s (VICIdial / NICE)"
        if self.console_state is False:
            return self.na(5, what, target)
        today = self.today()
        seats = [r[0] for r in self.sql(
            "SELECT n.name FROM incident_row i JOIN name n ON n.id = i.seat "
            "WHERE i.day = %d" % dnum(today))]
        taken = set(seats)
        free = [s for s in self.seat_ids() if s not in taken]
        random.Random(7).shuffle(free)
        try:
            c = self.console()
        except NotBuilt:
            return self.na(5, what, target)
        lat, unseen = [], 0
        rng = random.Random(5)
        try:
            for seat in free[:self.a.watch]:
                c.drain(0.2, 3.0)
                # A random phase against the console's own tick.
                time.sleep(rng.uniform(0, 0.5))
                p = subprocess.Popen(self.base + ["mark", "--seat", seat,
                                                  "--rule", "DESK"],
                                     env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
                first = last = None
                while p.poll() is None:
                    t, _ = c.pump(0.002)
                    if t is not None:
                        first = first or t
                        last = t
                t_commit = now()
                if last is None or now() - last < 0.05:
                    _, l2, _ = c.burst(0.05, 5.0 if last is None else 0.05)
                    last = l2 or last
                if p.returncode != 0:
                    raise RuntimeError("callfloor mark --seat %s: %s" % (
                        seat, p.stderr.read().decode(errors="replace").strip()))
                if last is None:
                    unseen += 1
                    lat.append(5000.0)
                else:
                    lat.append(max(0.0, (last - t_commit) * 1e3))
            self.hwm.append(c.hwm_kib())
        finally:
            c.close()
        p50, p95 = pct(lat, 50), pct(lat, 95)
        if unseen:
            self.notes.append("row 5: %d of %d marks never showed within 5 s "
                              "(counted as 5 s)" % (unseen, len(lat)))
        self.row(5, what, target, "%.0f / %.0f ms" % (p50, p95), ref, "—",
                 "pass" if p95 <= 300 else "miss")

    def row6_7_idle(self):
        what6 = "idle console for %d s: CPU, bytes to the terminal" % self.a.idle
        target6 = "≤ %.2g s, ≤ %d bytes" % (0.2 * self.a.idle / 60,
                                              round(500 * self.a.idle / 60))
        what7, target7 = "console peak memory (VmHWM)", "≤ 32 MiB"
        if self.console_state is False:
            self.na(6, what6, target6)
            return self.na(7, what7, target7)
        try:
            c = self.console()
        except NotBuilt:
            self.na(6, what6, target6)
            return self.na(7, what7, target7)
        try:
            c.drain(0.5, 5)
            cpu0, n0 = c.cpu_seconds(), len(c.out)
            end = now() + self.a.idle
            while now() < end:
                c.pump(end - now())
            cpu, nbytes = c.cpu_seconds() - cpu0, len(c.out) - n0
            self.hwm.append(c.hwm_kib())
        finally:
            c.close()
        scale = self.a.idle / 60
        ok = cpu <= 0.2 * scale and nbytes <= 500 * scale
        self.row(6, what6, target6, "%.2f s, %d bytes" % (cpu, nbytes), "—", "—",
                 "pass" if ok else "miss")
        mib = max(self.hwm) / 1024
        self.row(7, what7, target7, "%.1f MiB" % mib, "—", "—",
                 "pass" if mib <= 32 else "miss")

    def row8_size(self):
        if self.pg():
            return self.row8_size_pg()
        n = self.sql("SELECT count(*) FROM incident_row", self.a.pristine)[0][0]
        nf = self.sql("SELECT count(*) FROM fine_row", self.a.pristine)[0][0]
        size = os.path.getsize(self.a.pristine)
        # Attendance is reported on its own (row 11): its tables are left
        # out here (their audit lines stay in).
        att = self.table_bytes(["attendance", "attendance_day",
                                "attendance_live", "att_carry"]) or 0
        size -= att
        per = size / n
        self.row(8, "database size per incident, indexes included "
                 "(%d incidents, %d fine lines, %.0f MiB)"
                 % (n, nf, size / 1048576), "≤ 250 bytes", "%.0f bytes" % per,
                 "—", "—", "pass" if per <= 250 else "miss")

    PG_SIZE = ("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM "
               "pg_class c WHERE c.relkind = 'r' AND c.relnamespace = "
               "'public'::regnamespace AND c.relname %s")

    def row8_size_pg(self):
        """The tables of the work database with their indexes and TOAST,
        but attendance (row 11) and meta, which holds migrate's map of
        every copied row's old id (reported apart)."""
        n = self.sql("SELECT count(*) FROM incident_row")[0][0]
        nf = self.sql("SELECT count(*) FROM fine_row")[0][0]
        size = self.sql(self.PG_SIZE % "NOT IN ('attendance', 'att_carry', "
                        "'meta', 'callfloor_floor', 'callfloor_schema')")[0][0]
        meta = self.sql(self.PG_SIZE % "= 'meta'")[0][0]
        per = size / n
        self.notes.append("row 8: meta (migrate's map of old ids, a row per "
                          "row copied) holds %.0f MiB more" % (meta / 1048576))
        self.row(8, "database size per incident, indexes included "
                 "(%d incidents, %d fine lines, %.0f MiB)"
                 % (n, nf, size / 1048576), "≤ 250 bytes", "%.0f bytes" % per,
                 "—", "—", "pass" if per <= 250 else "miss")

    def row9_attendance(self):
        what, target = "`attendance --month` (the last month)", "≤ 100 ms"
        month = self.today()[:7]
        ms, r = self.timed(self.base + ["attendance", "--month", month],
                           self.a.runs)
        if r.returncode != 0:
            return self.row(9, what, target, "failed: " +
                            r.stderr.decode(errors="replace").strip()[:60])
        q = ("SELECT staff, sum(CASE WHEN minutes > 0 THEN 1 ELSE 0 END) "
             "FROM attendance WHERE day BETWEEN '%s-01' AND '%s-31' AND "
             "voided_at IS NULL GROUP BY staff" % (month, month))
        ref, _ = self.timed(self.query_argv(q), self.a.runs)
        self.row(9, what + " (%s)" % month, target, "%.0f ms" % ms,
                 "%.0f ms (the month's lates by hand)" % ref,
                 "%.2f×" % (ms / ref), "pass" if ms <= 100 else "miss")

    def row10_map(self):
        what, target = "`map` (today)", "≤ 100 ms"
        ms, r = self.timed(self.base + ["map"], self.a.runs)
        if r.returncode != 0:
            return self.row(10, what, target, "failed: " +
                            r.stderr.decode(errors="replace").strip()[:60])
        today = self.today()
        q = "SELECT count(*) FROM incident_row WHERE day = %d" % dnum(today)
        ref, _ = self.timed(self.query_argv(q), self.a.runs)
        self.row(10, what, target, "%.0f ms" % ms, "%.1f ms (count of today)"
                 % ref, "%.1f×" % (ms / ref), "pass" if ms <= 100 else "miss")

    def table_bytes(self, names):
        """Bytes of the named tables and indexes (dbstat, sqlite3 shell;
        on PostgreSQL the tables' total relation size)."""
        if self.pg():
            return self.sql(self.PG_SIZE % "IN (%s)" % ",".join(
                "'%s'" % n for n in names))[0][0]
        q = ("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (%s)"
             % ",".join("'%s'" % n for n in names))
        r = self.run(["sqlite3", self.a.pristine, q])
        try:
            return int(r.stdout.decode().strip())
        except ValueError:
            return None

    def row11_attendance_size(self):
        what, target = "bytes per attendance row, indexes included", "≤ 120 bytes"
        n = self.sql("SELECT count(*) FROM attendance",
                     None if self.pg() else self.a.pristine)[0][0]
        if n == 0:
            return self.row(11, what, target, "n/a (no attendance kept)")
        b = self.table_bytes(["attendance", "attendance_day",
                              "attendance_live", "att_carry"])
        if b is None:
            return self.row(11, what, target, "n/a (no dbstat)")
        self.row(11, what + " (%d rows)" % n, target, "%.0f bytes" % (b / n),
                 "—", "—", "pass" if b / n <= 120 else "miss")

    def seat_ids(self):
        """The seats someone sits at, in the order of the configuration
        (gen_floor.py writes one staff entry a line)."""
        ids = []
        with open(self.a.cfg, encoding="utf-8") as f:
            for line in f:
                if line.lstrip().startswith("{ id =") and ' seat = "' in line:
                    ids.append(line.split(' seat = "', 1)[1].split('"', 1)[0])
        return ids

    # ---- the table ----

    def table(self):
        head = ("#", "what", "target", "measured", "reference (same run)",
                "ratio", "result")
        rows = [head] + self.rows
        w = [max(len(r[i]) for r in rows) for i in range(len(head))]
        line = lambda r: "| " + " | ".join(r[i].ljust(w[i]) for i in range(len(r))) + " |"
        out = [line(head), "|" + "|".join("-" * (x + 2) for x in w) + "|"]
        out += [line(r) for r in self.rows]
        return "\n".join(out)


def machine(pg_db=None):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB" % (int(f.readline().split()[1]) / 1048576)
    except OSError:
        pass
    try:
        sq = subprocess.run(["sqlite3", "--version"], stdout=subprocess.PIPE,
                            text=True).stdout.split()[0]
    except (OSError, IndexError):
        sq = "?"
    line = ("machine: %d cores (nproc), %s, %s memory, %s %s, sqlite %s "
            "(library %s)" % (os.cpu_count(), cpu, mem, platform.system(),
                              platform.release(), sq, sqlite3.sqlite_version))
    if pg_db:
        v = subprocess.run(["psql", pg_db, "-qAtX", "-c", "SHOW server_version"],
                           stdout=subprocess.PIPE, text=True).stdout.strip()
        line += "; PostgreSQL %s (a throwaway cluster on a Unix socket)" % v
    return line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cf", required=True)
    ap.add_argument("--cfg", required=True)
    ap.add_argument("--db", required=True, help="the work copy (written)")
    ap.add_argument("--pristine", required=True, help="the cached database")
    ap.add_argument("--ref-insert", required=True)
    ap.add_argument("--ref-mark", default="",
                    help="row 2's engine-call reference (build/bench/ref_mark)")
    ap.add_argument("--now", type=int, required=True)
    ap.add_argument("--header", required=True, help="text of the first frame")
    ap.add_argument("--cols", type=int, default=240)
    ap.add_argument("--lines", type=int, default=80)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--marks", type=int, default=10000)
    ap.add_argument("--watch", type=int, default=60)
    ap.add_argument("--idle", type=int, default=60)
    ap.add_argument("--mark-keys", default="d,c,L,s")
    ap.add_argument("--move-key", default=" ")
    ap.add_argument("--confirm", default="")
    ap.add_argument("--only", default="12345678AB9")
    ap.add_argument("--pg-floor", default="",
                    help="PostgreSQL: the floor's id (--db is a URI)")
    ap.add_argument("--ref-db", default="",
                    help="PostgreSQL: a copy of --db for the write reference")
    a = ap.parse_args()

    b = Bench(a)
    print(machine(a.db if a.pg_floor else None))
    print("floor: %s; database: %s%s" % (a.cfg, a.pristine, "; moved to "
          "PostgreSQL (callfloor migrate --to) and measured there" if
          a.pg_floor else ""))
    sys.stdout.flush()
    steps = [("1", b.row1_cold_start), ("3", b.row3_fines), ("4", b.row4_report),
             ("6", b.row6_7_idle), ("5", b.row5_other_process),
             ("2", b.row2_marks), ("8", b.row8_size),
             ("9", b.row9_attendance), ("A", b.row10_map),
             ("B", b.row11_attendance_size)]
    broken = False
    for key, fn in steps:
        if key not in a.only:
            continue
        try:
            fn()
        except Exception as e:     # a broken harness: say so, go on
            broken = True
            b.row(key, fn.__name__, "—", "harness error: %s" % str(e)[:120])
    b.rows.sort(key=lambda r: int(r[0]) if r[0].isdigit() else 99)
    print()
    print(b.table())
    for n in b.notes:
        print("note: " + n)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
