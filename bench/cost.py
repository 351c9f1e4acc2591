#!/usr/bin/env python3
"""cost.py - what a mark costs the console, in instructions (valgrind
callgrind), which the machine's load does not move.

Runs the real console under callgrind on a scratch copy of a database, on
a pseudo-terminal (bench/measure.py's Console), in one of two sessions:

  own:        K marks made at this console (move, mark key), each waited
              for until the screen is quiet;
  elsewhere:  K marks made by `callfloor mark` in another process (not
              instrumented), each waited for until this console redrew.

Then prints, from callgrind_annotate's inclusive counts, per event: the
mark's commit at the console (engine call and the reload after it), the
engine call alone, the reload alone, and the frames (frame_draw: a frame,
whole or partial, sent; mapview_draw: a whole frame's map, so its calls
count the whole frames; mapview_draw_seat, panel_draw_some,
feed_draw_edits: a partial frame's cells, panel lines and feed lines;
wrefresh: curses sending the difference).  Standard library only.

    bench/cost.py --cf ./callfloor --cfg FLOOR --db DB --now SECONDS \
        --session own|elsewhere [--marks 20] [--header TEXT] [--frames]

With --frames, callgrind dumps its counts after every frame sent, and the
instructions from one frame to the next are printed instead: for a mark
at the console, from its key (map_key; the ticks while the console
waited for it are counted apart), the engine call and commit, the reload
and the frame; for one elsewhere, the ticks, the reload and the frame.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import Console  # noqa: E402


def inclusive(out_file):
    """{function name: (inclusive Ir, calls)} from a callgrind file."""
    txt = subprocess.run(["callgrind_annotate", "--inclusive=yes",
                          "--threshold=100", out_file],
                         stdout=subprocess.PIPE, text=True).stdout
    res = {}
    for line in txt.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+\S+:(\S+)", line)
        if m:
            name = m.group(2).split("'")[0]
            res.setdefault(name, int(m.group(1).replace(",", "")))
    return res


def calls(out_file, fn):
    """How many times fn was called (the calls= lines into it)."""
    n = 0
    target = None
    ids = {}
    with open(out_file) as f:
        for line in f:
            m = re.match(r"(c?fn)=\((\d+)\)(?: (.*))?", line)
            if m:
                if m.group(3):
                    ids[m.group(2)] = m.group(3)
                name = ids.get(m.group(2), "")
                if m.group(1) == "cfn":
                    target = name
                continue
            if line.startswith("calls=") and target == fn:
                n += int(line.split("=")[1].split()[0])
    return n


def per_frame(out, a):
    """Instructions from one frame sent (wrefresh) to the next, from the
    dumps callgrind wrote after each (callgrind.out.N; the first is the
    start-up; callgrind.out itself, the way out, is not counted)."""
    d = os.path.dirname(out)
    dumps = sorted((f for f in os.listdir(d) if f.startswith("callgrind.out")
                    and f != "callgrind.out"),
                   key=lambda f: int(f.rsplit(".", 1)[1]))
    tot, idle = [], []
    for f in dumps:
        before_key = False
        with open(os.path.join(d, f)) as fh:
            for line in fh:
                if line.startswith("desc: Trigger:"):
                    before_key = "--dump-before" in line
                if line.startswith(("totals:", "summary:")):
                    (idle if before_key else tot).append(
                        int(line.split()[1]))
                    break
    frames = tot[1:]
    print("session %s, %d marks, %s: %d frames after the first" % (
        a.session, a.marks, a.cf, len(frames)))
    groups = [("a mark, key to frame sent", frames[1::2]),
              ("a cursor move", frames[0::2])] if a.session == "own" else \
        [("a mark elsewhere, tick to frame sent", frames)]
    for what, xs in groups:
        if xs:
            xs = sorted(xs)
            print("  %-38s median %12s Ir  (min %s, max %s, %d frames)" % (
                what, format(xs[len(xs) // 2], ","), format(xs[0], ","),
                format(xs[-1], ","), len(xs)))
    print("  every frame: " + " ".join(format(x, ",") for x in frames))
    if idle:
        # The ticks while the console waited for the key (every 100 ms,
        # many under valgrind): before the key, not part of its cost.
        xs = sorted(idle[1:] or idle)
        print("  %-38s median %12s Ir  (%d waits, not counted above)" % (
            "waiting for a key (ticks)", format(xs[len(xs) // 2], ","),
            len(xs)))
    if not os.environ.get("CFCOST_KEEP"):
        shutil.rmtree(d, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cf", required=True)
    ap.add_argument("--cfg", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--now", type=int, required=True)
    ap.add_argument("--session", choices=["own", "elsewhere"], required=True)
    ap.add_argument("--marks", type=int, default=20)
    ap.add_argument("--header", default="基准楼层")
    ap.add_argument("--cols", type=int, default=240)
    ap.add_argument("--lines", type=int, default=80)
    ap.add_argument("--frames", action="store_true",
                    help="count each frame's instructions apart (from the "
                    "last frame sent to this one: the key or the tick, the "
                    "write, the reload, the frame)")
    a = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="cfcost.")
    db = os.path.join(tmp, "work.db")
    shutil.copyfile(a.db, db)
    out = os.path.join(tmp, "callgrind.out")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8",
               TERM="xterm-256color", CALLFLOOR_NOW=str(a.now),
               CALLFLOOR_CONFIG=a.cfg)
    env.pop("NO_COLOR", None)
    base = [a.cf, "-c", a.cfg, "-d", db]
    # Settle what a first command settles (carried totals), outside.
    subprocess.run(base + ["map"], env=env, stdout=subprocess.DEVNULL)
    vg = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
    if a.frames:
        vg.append("--dump-after=wrefresh")
        # A key's count starts when the map screen takes it (map_key):
        # the ticks while it waited are counted apart.
        if a.session == "own":
            vg.append("--dump-before=map_key")
    c = Console(vg + base, env, a.cols, a.lines)
    if c.wait_text(a.header.encode(), 600) is None:
        c.close()
        sys.exit("cost: the console showed no first frame")
    c.burst(2.0, 2.0)
    seats = []
    if a.session == "elsewhere":
        import sqlite3
        con = sqlite3.connect(db)
        today = con.execute("SELECT max(day) FROM incident_row").fetchone()[0]
        taken = {r[0] for r in con.execute(
            "SELECT n.name FROM incident_row i JOIN name n ON n.id = i.seat "
            "WHERE i.day = ?", (today,))}
        con.close()
        with open(a.cfg, encoding="utf-8") as f:
            for line in f:
                if line.lstrip().startswith("{ id =") and ' seat = "' in line:
                    s = line.split(' seat = "', 1)[1].split('"', 1)[0]
                    if s not in taken:
                        seats.append(s)
    unseen = 0
    for i in range(a.marks):
        if a.session == "own":
            c.send(b" ")
            c.burst(1.0, 30.0)
            c.send(b"d")
            _, last, _ = c.burst(2.0, 60.0)
        else:
            subprocess.run(base + ["mark", "--seat", seats[i], "--rule",
                                   "DESK"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            _, last, _ = c.burst(2.0, 60.0)
        unseen += last is None
    c.send(b"q")
    end = time.time() + 120
    while time.time() < end and c.alive():
        c.pump(0.5)
    c.close()
    if a.frames:
        return per_frame(out, a)
    inc = inclusive(out)
    k = a.marks
    print("session %s, %d marks, %s" % (a.session, k, a.cf))
    for fn in ("commit", "engine_mark", "ui_reload", "ui_load",
               "seatmap_follow", "seatmap_load", "frame_draw", "map_draw",
               "mapview_draw", "mapview_draw_seat", "panel_draw_some",
               "feed_draw_edits", "wrefresh"):
        n = calls(out, fn)
        if fn in inc and n:
            print("  %-16s %6d calls  %14s Ir  %12s Ir a call" % (
                fn, n, format(inc[fn], ","), format(inc[fn] // n, ",")))
    if unseen:
        print("  (%d marks drew nothing within 60 s)" % unseen)
    if not os.environ.get("CFCOST_KEEP"):
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print("  kept " + out)


if __name__ == "__main__":
    main()
