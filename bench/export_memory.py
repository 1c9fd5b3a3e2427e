"""Peak memory of a CSV export of every reservation, in a fresh process, on SQLite or PostgreSQL.

    python bench/export_memory.py --db bench/out/bench-10000.sqlite3
    python bench/export_memory.py --db postgresql://postgres@127.0.0.1:5432/bench

Prints one JSON line: {"rows", "seconds", "peak_mb", "baseline_mb"}. The baseline is the same process
after opening the database and importing the export module, before the export: what the export adds
is peak_mb - baseline_mb, and with rows read in batches it does not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)
    from consult_desk.clock import SystemClock
    from consult_desk.context import Actor, Context
    from consult_desk.export import export_reservations
    from consult_desk.models import Reservation, open_database

    open_database(args.db, create=False)
    Reservation.select().limit(1).count()  # connected, models loaded
    baseline = peak_mb()
    ctx = Context(Actor("bench", "ベンチマーク", "admin"), SystemClock())
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        result = export_reservations(ctx, dt.date(1900, 1, 1), dt.date(2999, 12, 31), Path(folder) / "all.csv")
        seconds = time.perf_counter() - t0
    print(json.dumps({"rows": result.rows, "seconds": round(seconds, 1), "peak_mb": round(peak_mb(), 1),
                      "baseline_mb": round(baseline, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
