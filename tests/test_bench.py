"""The benchmark tools keep working (they are run by hand; these tests time nothing):
bench/generate.py makes a database the services accept, bench/run.py writes every measure."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consult_desk.models import History, Reservation, SeatClaim
from consult_desk.states import Status

BENCH = Path(__file__).resolve().parent.parent / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_database_holds_the_services_invariants(any_db):
    generate = load("generate")
    summary = generate.generate(any_db.target, total=2000, years=1, today=dt.date(2027, 1, 15), seed=3)
    assert summary["problems"] == []
    assert summary["reservations"] == 2000 + len(summary["service_made"]) and len(summary["service_made"]) == 3
    statuses = {s for (s,) in Reservation.select(Reservation.status).tuples()}
    assert {"completed", "cancelled", "no_show", "details_sent", "confirmed", "completed_by_phone"} <= statuses
    assert statuses <= {s.value for s in Status}
    assert History.select().count() > 4 * 2000  # whole life cycles, not one row each
    for key in ("slot|hellowork-kawagoe|", "slot|yamaguchi-vocational|", "event|"):
        assert SeatClaim.select().where(SeatClaim.key.startswith(key)).exists()
    first = Reservation.select().order_by(Reservation.start).first().start.date()
    last = Reservation.select().order_by(Reservation.start.desc()).first().start.date()
    assert dt.date(2026, 2, 14) <= first < dt.date(2026, 2, 21)  # a year back from 30 days after "today"
    assert dt.date(2027, 2, 7) < last <= dt.date(2027, 3, 31)  # (the service-made bookings a little later)


def test_start_up_hook_reports_the_first_paint_and_the_complete_one(tmp_path):
    generate = load("generate")
    db = tmp_path / "small.sqlite3"
    assert generate.main(["--out", str(db), "--reservations", "300", "--years", "1"]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONSULT_DESK_BENCH_EXIT_AFTER_SHOW": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for argv in ([sys.executable, "-m", "consult_desk", "--db", str(db)],
                 [sys.executable, str(BENCH / "bare_window.py"), str(db)]):
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        lines = {ln.split()[0]: ln.split()[1:] for ln in done.stdout.splitlines() if ln.startswith("bench-")}
        when, peak_kib, cpu = lines["bench-shown"]
        assert float(when) > 0 and int(peak_kib) > 10_000 and 0 < float(cpu) < 120
        if argv[1] == "-m":  # the desk: its frame first, then the complete board
            frame, frame_cpu = lines["bench-frame"]
            assert float(frame) <= float(when) and float(frame_cpu) <= float(cpu)
        else:  # the bare window's first paint is its complete one
            assert "bench-frame" not in lines


@pytest.mark.slow
def test_run_writes_every_measure(tmp_path, monkeypatch):
    generate, run = load("generate"), load("run")
    db = tmp_path / "bench.sqlite3"
    assert generate.main(["--out", str(db), "--reservations", "1500", "--years", "1"]) == 0
    monkeypatch.setattr(run, "OUT", tmp_path / "out")
    out = tmp_path / "results.json"
    assert run.main(["--db", str(db), "--out", str(out), "--repeat", "1"]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    for name in ("startup", "month_view", "day_view", "availability_month", "booking_p95", "export_csv",
                 "search_phone"):
        assert set(results[name]) >= {"ms", "baseline_ms", "ratio"} and results[name]["ms"] > 0, name
    for name in ("startup", "month_view", "day_view", "export_csv"):
        assert results[name]["baseline_ms"] > 0 and results[name]["ratio"] == pytest.approx(
            results[name]["ms"] / results[name]["baseline_ms"], rel=0.01)
    assert results["availability_month"]["baseline_ms"] is None
    assert results["peak_memory_mb"]["mb"] > 10


@pytest.mark.slow
def test_run_only_the_start_up_measures(tmp_path, monkeypatch):
    generate, run = load("generate"), load("run")
    db = tmp_path / "bench.sqlite3"
    assert generate.main(["--out", str(db), "--reservations", "300", "--years", "1"]) == 0
    monkeypatch.setattr(run, "OUT", tmp_path / "out")
    out = tmp_path / "results.json"
    assert run.main(["--db", str(db), "--out", str(out), "--repeat", "1", "--only", "startup,startup_admin"]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))
    assert set(results) == {"startup", "startup_admin", "peak_memory_mb", "_about"}
    assert results["startup_admin"]["baseline_ms"] > 0 and results["_about"]["reservations"] == 300 + 3
    with pytest.raises(SystemExit):
        run.main(["--db", str(db), "--only", "startup,nothing"])
