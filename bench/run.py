"""Benchmarks of the desk on a realistic database (bench/generate.py), run by hand.

    python bench/generate.py                  # once: bench/out/bench.sqlite3, 100,000 reservations
    python bench/run.py --out bench/out/results.json [--repeat 9] [--only startup,startup_admin] [--profile NAME]

Every figure is the median of ``--repeat`` runs; where there is a baseline it is measured in the same
run, alternating with the measured code, on the same file:

- startup: ``consult-desk --db FILE`` until the first paint of the complete Today board (offscreen Qt,
  the hook CONSULT_DESK_BENCH_EXIT_AFTER_SHOW=1 skips the sign-in: a receptionist's window), against
  bench/bare_window.py, a bare PySide6 window that opens the same SQLite file. Also reported: the
  window's first paint (``frame_ms``: its frame, before the services are imported), and both again
  in the process's CPU time (``cpu_ms``, ``frame_cpu_ms``: steadier on a shared machine). Both in fresh
  processes, interpreter start included, with the compiled bytecode (.pyc) an installed desk has:
  the warm-up run writes it even where PYTHONDONTWRITEBYTECODE is set. startup_admin: the same for
  an administrator (every tab).
- month_view / day_view: the calendar's MonthModel (six weeks) and DayModel (the next business day)
  loading for the busiest office, against raw sqlite3 queries returning the same rows.
- availability_month: booking.slots() for every day of this month (no baseline).
- booking_p95 (and p50): booking.book() of new applicants on free slots, on a copy of the file.
- export_csv: export_reservations() of every reservation, against raw sqlite3 + the csv module
  writing the same columns.
- search_phone: search() of a stored mobile number typed with hyphens (no baseline).
- peak_memory_mb: peak resident memory of the start-up process at its first paint, against the bare window.

``--scale 10000,100000,1000000 [--generate] [--cpu]`` runs the everyday reads of issue 18 on
bench/out/bench-<n>.sqlite3 each (generated at the same load per day with ``--generate``) and prints
growth factors; ``--pg 'postgresql://host/bench{rows}'`` does the same on PostgreSQL databases made by
``generate.py --db`` (created with LC_CTYPE C.UTF-8, see the README). ``--cpu`` times CPU instead of
the wall clock (SQLite only: on PostgreSQL the work is in the server).

``--out FILE.json`` writes {"name": {"ms": x, "baseline_ms": y, "ratio": x / y, ...}, ...}; a table
is printed. ``--only`` runs some measures only. ``--profile NAME`` prints a pyinstrument profile of
one run of NAME instead (startup / startup_admin: of the whole start-up process).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OFFICE = "hellowork-kawagoe"  # two seats per slot: the busiest calendar
TARGETS = {  # name: (limit, kind) — "ms": absolute milliseconds, "ratio": times the baseline
    "startup": (1.5, "ratio"),
    "search_name": (5, "ms"),
    "search_surname": (5, "ms"),
    "month_view": (50, "ms"),
    "day_view": (50, "ms"),
    "booking_p95": (10, "ms"),
    "export_csv": (2.0, "ratio"),
    "search_phone": (20, "ms"),
}


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


CLOCK = time.perf_counter  # --cpu: time.process_time (this process's CPU time, steady on a shared machine)


def timed(fn: Callable[[], Any]) -> float:
    t0 = CLOCK()
    fn()
    return CLOCK() - t0


def alternate(measured: Callable[[], Any], baseline: Callable[[], Any] | None, repeat: int) -> tuple[list, list]:
    """Run both ``repeat`` times, alternating, after one warm-up each (caches, imports)."""
    measured()
    if baseline:
        baseline()
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(measured))
        if baseline:
            b.append(timed(baseline))
    return a, b


def entry(ms: float, baseline_ms: float | None, name: str) -> dict[str, Any]:
    ratio = round(ms / baseline_ms, 2) if baseline_ms else None
    result: dict[str, Any] = {"ms": ms, "baseline_ms": baseline_ms, "ratio": ratio}
    if name in TARGETS:
        limit, kind = TARGETS[name]
        value = ratio if kind == "ratio" else ms
        result["target"] = f"<= {limit}x baseline" if kind == "ratio" else f"< {limit} ms"
        result["met"] = value is not None and (value <= limit if kind == "ratio" else value < limit)
    return result


# ---------------------------------------------------------------- start-up (subprocesses)


def first_paint(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """One process: seconds from spawning to the complete first paint (``shown``) and to the first paint
    of all (``frame``, the same for a window that paints complete at once), the process's CPU seconds at
    both, and its peak memory in MiB."""
    t0 = time.time()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    lines = {ln.split()[0]: ln.split()[1:] for ln in done.stdout.splitlines() if ln.startswith("bench-")}
    if done.returncode != 0 or "bench-shown" not in lines:
        raise RuntimeError(f"{argv[:3]} exited {done.returncode}: {done.stderr[-800:]}")
    shown, peak_kib, shown_cpu = (lines["bench-shown"] + ["nan"])[:3]  # an older desk printed no CPU time
    frame, frame_cpu = lines.get("bench-frame", [shown, shown_cpu])
    return {"shown": float(shown) - t0, "frame": float(frame) - t0, "shown_cpu": float(shown_cpu),
            "frame_cpu": float(frame_cpu), "mib": int(peak_kib) / 1024}


def startup_env(home: str, role: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home,
           "CONSULT_DESK_BENCH_EXIT_AFTER_SHOW": "1", "CONSULT_DESK_BENCH_ROLE": role}
    # An installed desk starts from compiled bytecode (pip and the bundle compile it); without it every
    # start would compile the desk's sources again (about 60 ms), which no user's start does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup(db: Path, repeat: int, role: str = "reception") -> tuple[dict[str, Any], dict[str, Any]]:
    home = tempfile.mkdtemp(prefix="consult-desk-bench-home-")
    env = startup_env(home, role)
    app = [sys.executable, "-m", "consult_desk", "--db", str(db)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py"), str(db)]
    first_paint(app, env)  # warm the file cache and the .pyc files
    first_paint(bare, env)
    a, b = [], []
    for _ in range(repeat):
        a.append(first_paint(app, env))
        b.append(first_paint(bare, env))
    shutil.rmtree(home, ignore_errors=True)

    def med(runs: list[dict[str, float]], key: str) -> float:
        return median_ms([run[key] for run in runs])

    memory = {"mb": round(statistics.median(r["mib"] for r in a), 1),
              "baseline_mb": round(statistics.median(r["mib"] for r in b), 1)}
    memory["ratio"] = round(memory["mb"] / memory["baseline_mb"], 2)
    result = entry(med(a, "shown"), med(b, "shown"), "startup")  # the target: the complete Today board
    result["frame_ms"] = med(a, "frame")
    result["frame_ratio"] = round(result["frame_ms"] / result["baseline_ms"], 2)
    result["cpu_ms"], result["cpu_baseline_ms"] = med(a, "shown_cpu"), med(b, "shown_cpu")
    result["cpu_ratio"] = round(result["cpu_ms"] / result["cpu_baseline_ms"], 2)
    result["frame_cpu_ms"] = med(a, "frame_cpu")
    result["frame_cpu_ratio"] = round(result["frame_cpu_ms"] / result["cpu_baseline_ms"], 2)
    result["runs"] = repeat
    return result, memory


# ---------------------------------------------------------------- in-process measurements


class PgRaw:
    """The raw-driver floor on PostgreSQL: the same SQL through a plain psycopg2 connection."""

    def __init__(self, url: str) -> None:
        import psycopg2

        self.conn = psycopg2.connect(url)
        self.conn.autocommit = True

    def execute(self, sql: str, params: tuple = ()) -> Any:
        cursor = self.conn.cursor()
        cursor.execute(sql.replace("?", "%s"), params)
        return cursor


class Bench:
    def __init__(self, db: Path | str, repeat: int) -> None:
        from PySide6.QtWidgets import QApplication

        from consult_desk.clock import SystemClock
        from consult_desk.context import Actor, Context
        from consult_desk.models import open_database
        from consult_desk.models.db import is_url
        from consult_desk.offices import get_config

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.db, self.repeat = db, repeat
        open_database(db, create=False)
        self.pg = is_url(str(db))
        self.raw: Any = PgRaw(str(db)) if self.pg else sqlite3.connect(db)
        self.ctx = Context(Actor("bench", "ベンチマーク", "admin"), SystemClock())
        self.today = self.ctx.clock.today()
        self.config = get_config(OFFICE)
        self.day = self.config.calendar.next_business_day(self.today)
        self.month = self.today.replace(day=1)
        self.phone = self.busiest_phone()
        self.person = self.recent_person()

    # month view ------------------------------------------------
    def month_view(self) -> None:
        from consult_desk.ui.desk.calendar_models import MonthModel

        MonthModel().load(self.ctx, OFFICE, self.month)

    def month_raw(self) -> list:
        first = self.month - dt.timedelta(days=self.month.weekday())
        last = first + dt.timedelta(days=42)
        prefix = f"slot|{OFFICE}|"
        return self.raw.execute(
            "SELECT key FROM seat_claim WHERE key >= ? AND key < ?",
            (f"{prefix}{first:%Y-%m-%d}T00:00", f"{prefix}{last:%Y-%m-%d}T00:00"),
        ).fetchall()

    # day view --------------------------------------------------
    def day_view(self) -> None:
        from consult_desk.ui.desk.calendar_models import DayModel

        DayModel().load(self.ctx, OFFICE, self.day)

    def day_raw(self) -> list:
        lo = dt.datetime.combine(self.day, dt.time.min)
        hi = lo + dt.timedelta(days=1)
        return self.raw.execute(
            "SELECT r.id, r.start, r.end, r.status, r.seat_no, r.event_id, a.name, a.kana, r.channel,"
            " r.terms_version, s.display_name FROM reservation r JOIN applicant a ON a.id = r.applicant_id"
            " LEFT JOIN staff s ON s.id = r.counsellor_id WHERE r.office_id = ? AND r.start >= ? AND r.start < ?"
            " ORDER BY r.start, r.seat_no, r.id",
            (OFFICE, f"{lo:%Y-%m-%d %H:%M:%S}", f"{hi:%Y-%m-%d %H:%M:%S}"),
        ).fetchall()

    # availability ----------------------------------------------
    def availability_month(self) -> None:
        from consult_desk import booking

        day = self.month
        while day.month == self.month.month:
            booking.slots(self.ctx, OFFICE, day)
            day += dt.timedelta(days=1)

    # search ----------------------------------------------------
    def search_phone(self) -> None:
        from consult_desk.search import search

        found = search(self.phone)
        assert found, self.phone

    def busiest_phone(self) -> str:
        digits = self.raw.execute(
            "SELECT a.phone FROM applicant a JOIN reservation r ON r.applicant_id = a.id"
            " WHERE a.anonymised_at IS NULL GROUP BY a.id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"

    # export ----------------------------------------------------
    def export_csv(self) -> None:
        from consult_desk.export import export_reservations

        result = export_reservations(self.ctx, dt.date(1900, 1, 1), dt.date(2999, 12, 31), OUT / "export.csv")
        assert result.rows >= 100_000 or result.rows == self.rows, result.rows

    def export_raw(self) -> None:
        cursor = self.raw.execute(
            "SELECT r.id, r.office_id, r.start, r.end, r.status, r.channel, r.seat_no, a.name, a.kana, a.phone,"
            " a.email, a.address, a.job_seeker_no, r.terms_version, r.created_at"
            " FROM reservation r JOIN applicant a ON a.id = r.applicant_id ORDER BY r.start, r.id"
        )
        with open(OUT / "export-raw.csv", "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(["予約ID", "事業所", "日付", "開始", "終了", "状態", "申込方法", "席", "氏名", "ふりがな",
                             "電話番号", "メールアドレス", "住所", "求職番号", "同意した規約の版", "受付日時"])
            for rid, off, s, e, status, channel, seat, name, kana, phone, email, addr, jsn, terms, created in cursor:
                writer.writerow([rid, off, s[:10], s[11:16], e[11:16], status, channel, seat, name, kana, phone,
                                 email, addr, jsn, terms, created[:16]])

    # everyday reads (issue 18: flat from 10,000 to 1,000,000) ------
    def today_board(self) -> None:
        from consult_desk import session

        now = dt.datetime.combine(self.day, dt.time(10, 0))
        session.today_board(OFFICE, self.day, now)

    def due_list(self) -> None:
        from consult_desk import due

        due.items(dt.datetime.combine(self.today, dt.time(9, 0)), OFFICE)

    def search_name(self) -> None:
        from consult_desk.search import search

        assert search(self.person[0]), self.person[0]

    def search_surname(self) -> None:
        from consult_desk.search import search

        assert search(self.person[0].split(" ")[0]), self.person[0]

    def search_kana(self) -> None:
        from consult_desk.search import search

        assert search(self.person[1].split(" ")[0]), self.person[1]

    def search_name_raw(self) -> list:
        """The applicants' index alone (FTS5 trigram): the floor under a name search."""
        if self.pg:
            key = self.person[0].replace(" ", "")
            return self.raw.execute(
                "SELECT r.id FROM reservation r WHERE r.applicant_id IN (SELECT id FROM applicant WHERE"
                " anonymised_at IS NULL AND name_key LIKE ?) ORDER BY r.start DESC, r.id DESC LIMIT 200",
                (f"%{key}%",),
            ).fetchall()
        key = self.person[0].replace(" ", "")
        return self.raw.execute(
            "SELECT r.id FROM reservation r WHERE r.applicant_id IN"
            " (SELECT rowid FROM applicant_search WHERE applicant_search MATCH ?)"
            " ORDER BY r.start DESC, r.id DESC LIMIT 200", (f'"{key}"',),
        ).fetchall()

    def daily_review(self) -> None:
        from consult_desk import reports

        reports.daily_review(self.ctx, OFFICE, self.today)

    def daily_stats(self) -> None:
        from consult_desk import reports

        reports.statistics(self.ctx, self.today, self.today, OFFICE)

    def monthly_stats(self) -> None:
        from consult_desk import reports

        last = (self.month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        reports.statistics(self.ctx, self.month, last, OFFICE)

    def retention_count(self) -> None:
        from consult_desk import retention

        retention.due(self.ctx)

    def daily_backup(self) -> None:
        from consult_desk import backup

        assert isinstance(self.db, Path)
        folder = self.db.parent / "backups"
        shutil.rmtree(folder, ignore_errors=True)  # today's copy exists after the first run: start afresh
        backup.daily_backup(self.ctx)

    def recent_person(self) -> tuple[str, str]:
        """Someone booked in the last month (a caller phoning about their session); not one of the
        bench's own bookings (``booking_p95`` books ベンチ 太郎n, which stay in a PostgreSQL database)."""
        row = self.raw.execute(
            "SELECT a.name, a.kana FROM reservation r JOIN applicant a ON a.id = r.applicant_id"
            " WHERE a.anonymised_at IS NULL AND a.kana != '' AND a.name NOT LIKE ? ORDER BY r.id DESC LIMIT 1",
            ("ベンチ %",),
        ).fetchone()
        return row[0], row[1]

    @property
    def rows(self) -> int:
        return self.raw.execute("SELECT count(*) FROM reservation").fetchone()[0]

    # booking ---------------------------------------------------
    def booking_samples(self, count: int) -> list[float]:
        from consult_desk import booking

        values = {f.key: f.example or "" for f in self.config.fields}
        answers = {k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")}
        day = self.today + dt.timedelta(days=40)
        free: list[dt.datetime] = []
        while len(free) < count + 2:
            free += [s.start for s in booking.slots(self.ctx, OFFICE, day) for _ in range(s.seats - s.booked)
                     if s.bookable]
            day += dt.timedelta(days=1)
        samples = []
        for n, start in enumerate(free[: count + 2]):
            req = booking.BookingRequest(
                office=OFFICE, start=start, name=f"ベンチ 太郎{n}", kana="べんち たろう", phone=f"070-9{n:03d}-0000",
                email=f"bench{n}@example.jp", channel="phone",
                answers={**answers, "job_seeker_no": f"99{n:03d}-{n:08d}"} if "job_seeker_no" in answers else answers,
                consent_items=self.config.required_consent_keys(),
                acknowledge_trouble=True,  # a pool person's earlier trouble must not stop the measure
            )
            samples.append(timed(lambda req=req: booking.book(self.ctx, req)))
        return samples[2:]  # the first two warm the caches


def profile_startup(db: Path, role: str) -> None:
    """One start-up process under pyinstrument (after a warm-up run that writes the bytecode)."""
    home = tempfile.mkdtemp(prefix="consult-desk-bench-home-")
    env = startup_env(home, role)
    first_paint([sys.executable, "-m", "consult_desk", "--db", str(db)], env)
    subprocess.run([sys.executable, "-m", "pyinstrument", "-i", "0.0005", "-m", "consult_desk", "--db", str(db)],
                   env=env, check=True, timeout=120)
    shutil.rmtree(home, ignore_errors=True)


def profile(bench: Bench, name: str) -> None:
    from pyinstrument import Profiler

    targets = {"month_view": bench.month_view, "day_view": bench.day_view, "search_phone": bench.search_phone,
               "availability_month": bench.availability_month, "export_csv": bench.export_csv,
               "booking_p95": lambda: bench.booking_samples(20)}
    targets[name]()  # warm
    profiler = Profiler(interval=0.0005)
    profiler.start()
    targets[name]()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


MEASURES = ("startup", "startup_admin", "month_view", "day_view", "availability_month", "booking_p95",
            "export_csv", "search_phone", "today_board", "due_list", "search_name", "search_surname", "search_kana",
            "daily_review", "daily_stats", "monthly_stats", "retention_count", "daily_backup", "peak_memory_mb")
# --scale: the everyday operations whose cost must not grow with the years kept (issue 18)
SCALE_MEASURES = ("month_view", "day_view", "today_board", "booking_p95", "search_phone", "due_list",
                  "search_name", "search_surname", "search_kana", "daily_review", "daily_stats", "monthly_stats",
                  "retention_count", "daily_backup")


def run(db: Path, repeat: int, only: tuple[str, ...] = MEASURES) -> dict[str, Any]:
    results: dict[str, Any] = {}
    memory = None
    runs = max(3, repeat // 2 + 1)
    if "startup" in only or "peak_memory_mb" in only:
        print(f"start-up ({runs} runs each) ...", file=sys.stderr)
        results["startup"], memory = startup(db, runs)
    if "startup_admin" in only:
        results["startup_admin"], _ = startup(db, runs, role="admin")  # every tab (supervisor views too)
    day = None
    if any(name in only for name in MEASURES[2:-1]):
        print("views, availability, search, export, booking ...", file=sys.stderr)
        bench = Bench(db, repeat)
        in_process(bench, repeat, only, results)
        day = bench.day.isoformat()
    if memory is not None:
        results["peak_memory_mb"] = memory
    raw = sqlite3.connect(db)
    results["_about"] = {
        "reservations": raw.execute("SELECT count(*) FROM reservation").fetchone()[0], "office": OFFICE,
        "day": day, "repeat": repeat, "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(), "qpa": os.environ.get("QT_QPA_PLATFORM"),
    }
    raw.close()
    return results


def in_process(bench: Bench, repeat: int, only: tuple[str, ...], results: dict[str, Any]) -> None:
    if "month_view" in only:
        a, b = alternate(bench.month_view, bench.month_raw, repeat)
        results["month_view"] = entry(median_ms(a), median_ms(b), "month_view")
    if "day_view" in only:
        a, b = alternate(bench.day_view, bench.day_raw, repeat)
        results["day_view"] = entry(median_ms(a), median_ms(b), "day_view")
    if "availability_month" in only:
        a, _ = alternate(bench.availability_month, None, repeat)
        results["availability_month"] = entry(median_ms(a), None, "availability_month")
    if "booking_p95" in only:
        samples = bench.booking_samples(max(40, repeat * 5))
        p95 = round(statistics.quantiles(samples, n=20)[-1] * 1000, 2)
        results["booking_p95"] = entry(p95, None, "booking_p95")
        results["booking_p95"]["p50_ms"] = median_ms(samples)
    if "export_csv" in only:
        a, b = alternate(bench.export_csv, bench.export_raw, max(3, repeat // 2))
        results["export_csv"] = entry(median_ms(a), median_ms(b), "export_csv")
    if "search_phone" in only:
        a, _ = alternate(bench.search_phone, None, repeat)
        results["search_phone"] = entry(median_ms(a), None, "search_phone")
    for name, measured, baseline in (
        ("today_board", bench.today_board, None),
        ("due_list", bench.due_list, None),
        ("search_name", bench.search_name, bench.search_name_raw),
        ("search_surname", bench.search_surname, None),
        ("search_kana", bench.search_kana, None),
        ("daily_review", bench.daily_review, None),
        ("daily_stats", bench.daily_stats, None),
        ("monthly_stats", bench.monthly_stats, None),
        ("retention_count", bench.retention_count, None),
        ("daily_backup", bench.daily_backup, None),
    ):
        if name in only:
            a, b = alternate(measured, baseline, repeat if name != "daily_backup" else max(3, repeat // 3))
            results[name] = entry(median_ms(a), median_ms(b) if b else None, name)


def table(results: dict[str, Any]) -> str:
    lines = [f"{'measure':<20}{'ms':>10}{'baseline':>10}{'ratio':>8}  target"]
    for name, r in results.items():
        if name.startswith("_"):
            continue
        if name == "peak_memory_mb":
            lines.append(f"{name:<20}{r['mb']:>9}M{r['baseline_mb']:>9}M{r['ratio']:>8}")
            continue
        base = "-" if r["baseline_ms"] is None else r["baseline_ms"]
        ratio = "-" if r["ratio"] is None else r["ratio"]
        target = f"{r.get('target', '')} {'ok' if r.get('met') else 'MISSED' if 'met' in r else ''}".strip()
        extra = f" (p50 {r['p50_ms']} ms)" if "p50_ms" in r else ""
        lines.append(f"{name:<20}{r['ms']:>10}{base:>10}{ratio:>8}  {target}{extra}")
        if "frame_ms" in r:  # start-up: the first paint (the frame), and both in CPU time
            lines.append(f"{'  first paint':<20}{r['frame_ms']:>10}{base:>10}{r['frame_ratio']:>8}  (frame, {r['runs']} runs)")
            lines.append(f"{'  complete, CPU':<20}{r['cpu_ms']:>10}{r['cpu_baseline_ms']:>10}{r['cpu_ratio']:>8}")
            lines.append(f"{'  first paint, CPU':<20}{r['frame_cpu_ms']:>10}{r['cpu_baseline_ms']:>10}{r['frame_cpu_ratio']:>8}")
    return "\n".join(lines)


def scale_db(rows: int, today: str, generate: bool) -> Path:
    """bench/out/bench-<rows>.sqlite3, made by bench/generate.py at the same load per day (5 years per
    100,000 reservations) when --generate is given."""
    path = OUT / f"bench-{rows}.sqlite3"
    if not path.exists():
        if not generate:
            raise SystemExit(f"{path} does not exist: add --generate, or run bench/generate.py --out {path}"
                             f" --reservations {rows} --years {rows * 5 / 100_000:g}")
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--out", str(path), "--reservations",
                        str(rows), "--years", f"{rows * 5 / 100_000:g}", "--today", today], check=True)
    return path


def scale_run(rows_list: list[int], repeat: int, only: tuple[str, ...], today: str, generate: bool,
              pg: str | None = None) -> dict[str, Any]:
    """The same measures on databases of every size; growth = largest / smallest. ``pg``: a URL with
    ``{rows}`` for the size (each made by bench/generate.py --db): measured on the server in place
    (the bookings stay), without the daily backup (SQLite's file copy)."""
    by_scale: dict[str, Any] = {}
    for rows in rows_list:
        from consult_desk.models import DB, open_database
        from consult_desk.models.schema import ensure_schema

        work: Path | str
        if pg:
            work = pg.replace("{rows}", str(rows))
            if DB.obj is not None:
                DB.obj.close()
        else:
            source = scale_db(rows, today, generate)
            work = OUT / f"run-{rows}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(str(work) + suffix).unlink(missing_ok=True)
            shutil.copyfile(source, work)
        open_database(work)
        ensure_schema()  # a file made by an older version: migrated once, before measuring
        print(f"{rows:,} reservations ...", file=sys.stderr)
        results: dict[str, Any] = {}
        measures = tuple(m for m in only if m in SCALE_MEASURES and not (pg and m == "daily_backup"))
        in_process(Bench(work, repeat), repeat, measures, results)
        by_scale[str(rows)] = results
    first, last = str(rows_list[0]), str(rows_list[-1])
    growth = {
        name: round(by_scale[last][name]["ms"] / by_scale[first][name]["ms"], 2)
        for name in by_scale[first] if by_scale[first][name]["ms"]
    }
    return {"scales": by_scale, "growth": growth, "_about": {"today": today, "repeat": repeat,
            "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(),
            "engine": "postgresql" if pg else "sqlite"}}


def scale_table(result: dict[str, Any]) -> str:
    scales = list(result["scales"])
    head = f"{'operation, ms':<18}" + "".join(f"{int(s):>18,}" for s in scales) + f"{'growth':>9}"
    lines = [head]
    for name in result["scales"][scales[0]]:
        cells = []
        for s in scales:
            r = result["scales"][s][name]
            base = f" ({r['baseline_ms']})" if r.get("baseline_ms") else ""
            cells.append(f"{r['ms']}{base}")
        lines.append(f"{name:<18}" + "".join(f"{c:>18}" for c in cells) + f"{result['growth'].get(name, '-'):>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=str(OUT / "bench.sqlite3"), help="made by bench/generate.py")
    parser.add_argument("--out", help="write the results as JSON here")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--only", default=",".join(MEASURES), help="comma-separated measures (default: all)")
    parser.add_argument("--profile", choices=["startup", "startup_admin", "month_view", "day_view",
                                              "availability_month", "booking_p95", "export_csv", "search_phone"])
    parser.add_argument("--scale", help="comma-separated database sizes, e.g. 10000,100000,1000000: the everyday"
                        " operations on bench/out/bench-<size>.sqlite3 each, with growth factors")
    parser.add_argument("--generate", action="store_true", help="with --scale: generate the missing databases")
    parser.add_argument("--pg", help="with --scale: PostgreSQL databases instead, a URL with {rows} for the size,"
                        " e.g. postgresql://postgres@127.0.0.1:5432/bench{rows} (made by bench/generate.py --db)")
    parser.add_argument("--today", default=dt.date.today().isoformat(), help="with --generate: the databases' today")
    parser.add_argument("--cpu", action="store_true", help="in-process measures in CPU time of this process"
                        " instead of wall-clock time (for a machine shared with other work)")
    args = parser.parse_args(argv)
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    if args.scale:
        try:
            sizes = sorted(int(part) for part in args.scale.split(","))
        except ValueError:
            parser.error("--scale takes sizes such as 10000,100000,1000000")
        only = SCALE_MEASURES if args.only == ",".join(MEASURES) else tuple(args.only.split(","))
        OUT.mkdir(parents=True, exist_ok=True)
        if args.pg and "{rows}" not in args.pg:
            parser.error("--pg needs {rows} in the URL, e.g. postgresql://host/bench{rows}")
        result = scale_run(sizes, args.repeat, only, args.today, args.generate, args.pg)
        print(scale_table(result))
        if args.out:
            Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return 0
    only = tuple(name.strip() for name in args.only.split(",") if name.strip())
    unknown = [name for name in only if name not in MEASURES]
    if unknown:
        parser.error(f"unknown measure {', '.join(unknown)} (known: {', '.join(MEASURES)})")
    source = Path(args.db)
    if not source.exists():
        print(f"{source} does not exist: run `python bench/generate.py` first", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    work = OUT / "run.sqlite3"  # bookings are made: measure on a copy
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, work)
    if args.profile in ("startup", "startup_admin"):
        profile_startup(work, "admin" if args.profile == "startup_admin" else "reception")
        return 0
    if args.profile:
        profile(Bench(work, args.repeat), args.profile)
        return 0
    results = run(work, args.repeat, only)
    print(table(results))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
