"""Start-up measurement for bench/run.py: with ``CONSULT_DESK_BENCH_EXIT_AFTER_SHOW=1`` the window
opens without the sign-in, for a receptionist (``CONSULT_DESK_BENCH_ROLE=admin``: every tab), prints
one line when it has painted for the first time and quits:

    bench-shown <time.time() at the first paint> <peak resident memory in KiB>

bench/bare_window.py prints the same line for the baseline (a bare PySide6 window on the same file).
"""

from __future__ import annotations

import os
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from consult_desk.context import ROLES, Actor

ENV = "CONSULT_DESK_BENCH_EXIT_AFTER_SHOW"


ROLE_ENV = "CONSULT_DESK_BENCH_ROLE"  # reception (default: the desk as most staff see it) or admin


def active() -> bool:
    return os.environ.get(ENV) == "1"


def actor() -> Actor:
    role = os.environ.get(ROLE_ENV, "reception")
    return Actor("bench", "ベンチマーク", role if role in ROLES else "reception")


def report_line() -> str:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return f"bench-shown {time.time():.6f} {peak_kib}"


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if not self.done and watched is self.window and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._finish)  # after this paint has completed
        return False

    def _finish(self) -> None:
        print(report_line(), flush=True)
        self.app.quit()


def exit_after_first_paint(app: QApplication, window: QWidget, limit_ms: int = 60_000) -> int:
    """Run the event loop until the window's first paint, report it, quit (exit 3 if it never paints)."""
    watcher = _FirstPaint(app, window)
    window.installEventFilter(watcher)
    QTimer.singleShot(limit_ms, lambda: (print("bench: no paint", file=sys.stderr), app.exit(3)))
    return app.exec()
