"""The slow calls the window runs off its thread (issue 11, ``consult_desk/ui/shell/ops.py``), timed on
the benchmark database (bench/generate.py), run by hand:

    python bench/ops.py [--db bench/out/bench.sqlite3] [--repeat 3]

For each call: how long it takes (the median of ``--repeat`` runs on the GUI thread, as the window
did before: the window is frozen that long) and, through ``run_op``, how long the GUI thread is held
(from the call to run_op returning) and how long until the result is back on the GUI thread.
Every call over about 50 ms belongs behind run_op. Writes go to a copy of the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "bench.sqlite3"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from consult_desk import audit, backup, export, reports, retention
    from consult_desk.clock import SystemClock
    from consult_desk.context import Actor, Context
    from consult_desk.models import open_database
    from consult_desk.models.schema import ensure_schema
    from consult_desk.offices import list_offices
    from consult_desk.ui.shell import ops
    from consult_desk.ui.supervisor.daily_review import save_review_pdf

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="consult-desk-ops-"))
    db = work / "desk.sqlite3"
    shutil.copyfile(args.db, db)
    open_database(db, create=False)
    ensure_schema(create=False)  # a file made by an older generate.py is brought forward (on the copy)
    ctx = Context(Actor("bench", "ベンチマーク", "admin"), SystemClock())
    office = list_offices()[0].code
    today = ctx.clock.today()
    month = reports.parse_month(f"{today:%Y-%m}")
    year_ago = today - dt.timedelta(days=365)
    review = reports.daily_review(ctx, office, today)
    calls = {
        "backup_to": lambda: backup.backup_to(ctx, work / f"copy-{time.monotonic_ns()}.sqlite3"),
        "check_backup": lambda: backup.check_backup(db),
        "export_csv (1 year)": lambda: export.export_reservations(ctx, year_ago, today, work / "r.csv"),
        "audit export_csv": lambda: audit.export_csv(ctx, work / "a.csv"),
        "statistics (month, all offices)": lambda: reports.statistics(ctx, month[0], month[1], None),
        "retention.plan": lambda: retention.plan(ctx),
        "daily review PDF": lambda: save_review_pdf(review, work / "day.pdf"),
    }
    print(f"{'call':34} {'direct ms':>10} {'GUI held ms':>12} {'result ms':>10}")
    for name, call in calls.items():
        direct = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            call()
            direct.append((time.perf_counter() - start) * 1000)
        held, total = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            op = ops.run_op(None, call)
            held.append((time.perf_counter() - start) * 1000)
            while not op.finished:
                app.processEvents()
                time.sleep(0.001)
            total.append((time.perf_counter() - start) * 1000)
            if op.error is not None:
                print(f"  {name}: {op.error.message}")
        print(f"{name:34} {statistics.median(direct):10.1f} {statistics.median(held):12.2f} {statistics.median(total):10.1f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
