"""Several desks at once: N processes running a realistic mix through the services for a fixed time.

    python bench/desks.py --db bench/out/bench-100000.sqlite3 --desks 4 --seconds 30
    python bench/desks.py --db postgresql://postgres@127.0.0.1:5432/bench --desks 4 --seconds 30

Each desk is its own process with its own connection (as each PC is), started together by a barrier,
and repeats, for ``--seconds``, what a reception desk does through the day, in these proportions:
search by phone (25 %), search by name (15 %), the Today board (20 %), a day's slots (15 %), the due
list (10 %), a booking of a new caller on a free slot of the coming weeks (10 %) and a cancellation of
one of its own bookings (5 %). Refusals (a slot taken by another desk meanwhile, a rule) are counted,
not failures. At the end: throughput, p50/p95/p99 per operation, refusals, and the check that no
slot holds more bookings than seats and that models/check.py finds nothing.

A SQLite file is copied first (the bookings are real); a PostgreSQL URL is used as it is: point it
at a database made by ``bench/generate.py --db URL``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import random
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MIX = (
    ("search_phone", 25),
    ("search_name", 15),
    ("today_board", 20),
    ("slots", 15),
    ("due_list", 10),
    ("book", 10),
    ("cancel", 5),
)
OFFICES = ("hellowork-kawagoe", "nishitokyo-childcare", "yamaguchi-vocational", "musashino-hoiku-concierge")


def desk(number: int, target: str, seconds: float, today: str, barrier: Any, out: Any) -> None:
    from consult_desk import booking, due, lifecycle, session
    from consult_desk.clock import FixedClock
    from consult_desk.context import Actor, Context
    from consult_desk.errors import ConsultDeskError
    from consult_desk.models import DB, Applicant, open_database
    from consult_desk.offices import get_config
    from consult_desk.search import search

    open_database(target, create=False)
    rng = random.Random(number)
    day = dt.date.fromisoformat(today)
    ctx = Context(Actor(f"desk{number}", f"窓口{number}", "admin"), FixedClock(dt.datetime.combine(day, dt.time(9, 30))))
    people = DB.execute_sql(
        "SELECT phone, name FROM applicant WHERE anonymised_at IS NULL AND phone != '' ORDER BY id DESC LIMIT 500"
    ).fetchall()
    mine: list[int] = []
    timings: dict[str, list[float]] = {name: [] for name, _ in MIX}
    refused: dict[str, int] = {name: 0 for name, _ in MIX}
    weights = [w for _, w in MIX]
    names = [n for n, _ in MIX]
    made = 0
    reasons: dict[str, str] = {}

    def book_one(office: str) -> None:
        nonlocal made
        config = get_config(office)
        when = day + dt.timedelta(days=rng.randint(31, 60))  # the generated sessions reach 30 days ahead
        free = [s for s in booking.slots(ctx, office, when) if s.bookable]
        if not free:
            raise ConsultDeskError("no free slot")
        slot = rng.choice(free)
        values = {f.key: f.example or "" for f in config.fields}
        channel = next(c for c in (config.get("first_booking_channels") or config["booking_channels"]) if c != "in-session")
        made += 1
        res = booking.book(ctx, booking.BookingRequest(
            office=office, start=slot.start, name=f"窓口{number} 来訪{made}", kana=values.get("kana", ""),
            phone=f"070-{number:02d}{made % 100:02d}-{made // 100 % 10000:04d}", email=f"d{number}-{made}@example.jp",
            channel=channel, answers={k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")},
            consent_items=config.required_consent_keys(),
        ))
        mine.append(res.id)

    ops = {
        "search_phone": lambda: search(rng.choice(people)[0]) if people else None,
        "search_name": lambda: search(rng.choice(people)[1].split(" ")[0]) if people else None,
        "today_board": lambda: session.today_board(rng.choice(OFFICES), day, ctx.clock.now()),
        "slots": lambda: booking.slots(ctx, rng.choice(OFFICES), day + dt.timedelta(days=rng.randint(1, 30))),
        "due_list": lambda: due.items(ctx.clock.now(), rng.choice(OFFICES)),
        "book": lambda: book_one(rng.choice(OFFICES)),
        "cancel": lambda: lifecycle.cancel(ctx, mine.pop(rng.randrange(len(mine))), "phone") if mine else None,
    }
    del Applicant
    barrier.wait()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        name = rng.choices(names, weights)[0]
        t0 = time.perf_counter()
        try:
            ops[name]()
        except ConsultDeskError as exc:
            refused[name] += 1
            reasons.setdefault(f"{name}: {getattr(exc, 'code', '')}", str(exc)[:120])
        timings[name].append(time.perf_counter() - t0)
    out.put({"desk": number, "timings": timings, "refused": refused, "reasons": reasons})


def overbooked() -> list[str]:
    from consult_desk.models import DB
    from consult_desk.models.check import problems

    found = list(problems())
    rows = DB.execute_sql(
        "SELECT key, COUNT(*), COUNT(DISTINCT seat_no) FROM seat_claim GROUP BY key HAVING COUNT(*) != COUNT(DISTINCT seat_no)"
    ).fetchall()
    found += [f"slot {key}: {n} claims on {distinct} seats" for key, n, distinct in rows]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a SQLite file (copied first) or a PostgreSQL URL")
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--today", default=dt.date.today().isoformat(), help="the desks' today (the database's)")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args(argv)
    if not 1 <= args.desks <= 64 or not 1 <= args.seconds <= 3600:
        parser.error("--desks 1..64, --seconds 1..3600")
    target = args.db
    if "://" not in target:
        source = Path(target)
        if not source.exists():
            parser.error(f"{source} does not exist: run bench/generate.py first")
        work = ROOT / "bench" / "out" / "desks.sqlite3"
        work.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, work)
        target = str(work)
    from consult_desk.models import DB, open_database
    from consult_desk.models.schema import ensure_schema

    open_database(target, create=False)
    ensure_schema(create=False)  # a file made by an older version: migrated once, before the desks start
    DB.close()
    context = mp.get_context("spawn")
    barrier, out = context.Barrier(args.desks), context.Queue()
    procs = [context.Process(target=desk, args=(n + 1, target, args.seconds, args.today, barrier, out))
             for n in range(args.desks)]
    for p in procs:
        p.start()
    reports = [out.get(timeout=args.seconds + 600) for _ in procs]
    for p in procs:
        p.join()
    merged: dict[str, list[float]] = {name: [] for name, _ in MIX}
    refusals: dict[str, int] = {name: 0 for name, _ in MIX}
    reasons: dict[str, str] = {}
    for r in reports:
        reasons.update(r["reasons"])
        for name, samples in r["timings"].items():
            merged[name] += samples
            refusals[name] += r["refused"][name]
    result: dict[str, Any] = {"desks": args.desks, "seconds": args.seconds, "operations": {}}
    total = 0
    for name, samples in merged.items():
        total += len(samples)
        if len(samples) < 2:
            continue
        q = statistics.quantiles(samples, n=100)
        result["operations"][name] = {"count": len(samples), "refused": refusals[name],
                                      "p50_ms": round(q[49] * 1000, 2), "p95_ms": round(q[94] * 1000, 2),
                                      "p99_ms": round(q[98] * 1000, 2)}
    result["throughput_per_s"] = round(total / args.seconds, 1)
    result["refusal_reasons"] = reasons
    from consult_desk.models import open_database

    open_database(target, create=False)
    result["problems"] = overbooked()
    print(f"{args.desks} desks, {args.seconds:g} s: {result['throughput_per_s']} operations/s")
    print(f"{'operation':<14}{'count':>8}{'refused':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, r in result["operations"].items():
        print(f"{name:<14}{r['count']:>8}{r['refused']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}")
    for key, text in sorted(reasons.items()):
        print(f"refused {key}: {text}")
    print("overbooking and consistency:", "none" if not result["problems"] else result["problems"])
    if args.out:
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
