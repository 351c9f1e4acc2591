#!/usr/bin/env python3
"""gen_attendance.py - a time clock's export for `make bench`: every staff
member of a generated floor signs in and out on every working day
(Monday to Friday, the floor's holidays excepted) of the years asked for,
with realistic lates (some past the half-day threshold), early leaves and
absences.  The CSV is what `callfloor signin --import` reads, so the
bench's attendance history goes through the real code path (each row
judged as signin/signout judge it, LATE fined by the engine).

Deterministic: the same floor, seed and years give the same file.

usage: gen_attendance.py --cfg FLOOR.cfg --from-year Y --years N [--seed S] -o FILE
Standard library only.
"""
import argparse
import datetime
import random
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cfg", required=True)
    ap.add_argument("--from-year", type=int, required=True)
    ap.add_argument("--years", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--until", default="", help="last day (YYYY-MM-DD), "
                    "else the end of the last year")
    ap.add_argument("-o", required=True)
    a = ap.parse_args()
    text = open(a.cfg, encoding="utf-8").read()
    staff = re.findall(r'^\s*\{ id = "([^"]+)";.*group = ', text, re.M)
    m = re.search(r'shift\s*=\s*\{\s*start\s*=\s*"(\d\d):(\d\d)";\s*end\s*=\s*'
                  r'"(\d\d):(\d\d)"', text)
    start = int(m.group(1)) * 60 + int(m.group(2))
    end = int(m.group(3)) * 60 + int(m.group(4))
    hol = set(re.findall(r'"(\d{4}-\d\d-\d\d)"',
                         (re.search(r'holidays\s*=\s*\[([^\]]*)\]', text) or
                          re.match("", "")).group(0) if "holidays" in text else ""))
    rng = random.Random(a.seed)
    day = datetime.date(a.from_year, 1, 1)
    last = (datetime.date.fromisoformat(a.until) if a.until else
            datetime.date(a.from_year + a.years - 1, 12, 31))
    rows = 0
    with open(a.o, "w", encoding="utf-8") as out:
        out.write("staff_id,time,kind\n")
        while day <= last:
            iso = day.isoformat()
            if day.weekday() < 5 and iso not in hol:
                for s in staff:
                    r = rng.random()
                    if r < 0.01:
                        continue                    # absent
                    if r < 0.07:                    # late: 11..45 min
                        t_in = start + rng.randint(11, 45)
                    elif r < 0.09:                  # a little late, in grace
                        t_in = start + rng.randint(1, 10)
                    else:
                        t_in = start - rng.randint(0, 25)
                    if rng.random() < 0.03:         # early leave
                        t_out = end - rng.randint(5, 90)
                    else:
                        t_out = end + rng.randint(0, 30)
                    for t, kind in ((t_in, "in"), (t_out, "out")):
                        out.write("%s,%s %02d:%02d,%s\n" % (s, iso, t // 60,
                                                            t % 60, kind))
                        rows += 1
            day += datetime.timedelta(days=1)
    print("gen_attendance: %d rows for %d staff" % (rows, len(staff)))


if __name__ == "__main__":
    main()
