"""Start-up measurement for bench/run.py: with ``CONSULT_DESK_BENCH_EXIT_AFTER_SHOW=1`` the window
opens without the sign-in, for a receptionist (``CONSULT_DESK_BENCH_ROLE=admin``: every tab), prints
two lines and quits:

    bench-frame <time.time() after the window's first paint (its frame, before the services are imported)> <CPU s>
    bench-shown <time.time() after the first paint of the filled window> <peak resident memory in KiB> <CPU s>

(CPU s: the process's CPU time so far, time.process_time(), steadier than the clock on a shared machine.)

The second is the complete Today board (the view shown at start): it is painted after the turn of the
event loop that imported the services, opened the database and filled the window
(:mod:`consult_desk.ui.shell.app`). bench/bare_window.py prints the ``bench-shown`` line for the
baseline (a bare PySide6 window on the same file), whose first paint is also its complete one.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

if TYPE_CHECKING:
    from consult_desk.context import Actor

ENV = "CONSULT_DESK_BENCH_EXIT_AFTER_SHOW"


ROLE_ENV = "CONSULT_DESK_BENCH_ROLE"  # reception (default: the desk as most staff see it) or admin


def active() -> bool:
    return os.environ.get(ENV) == "1"


def actor() -> Actor:
    from consult_desk.context import ROLES, Actor

    role = os.environ.get(ROLE_ENV, "reception")
    return Actor("bench", "ベンチマーク", role if role in ROLES else "reception")


def report_line(tag: str = "bench-shown") -> str:
    now, cpu = time.time(), time.process_time()
    if tag != "bench-shown":
        return f"{tag} {now:.6f} {cpu:.6f}"
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return f"bench-shown {now:.6f} {peak_kib} {cpu:.6f}"


class _FirstPaint(QObject):
    """Prints ``tag``'s line once the first paint of ``widget`` has completed; ``then`` afterwards."""

    def __init__(self, widget: QWidget, tag: str, then=None) -> None:  # noqa: ANN001
        super().__init__(widget)
        self.widget, self.tag, self.then = widget, tag, then
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if not self.done and watched is self.widget and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._finish)  # after this paint (the whole window's repaint) has completed
        return False

    def _finish(self) -> None:
        self.widget.removeEventFilter(self)
        print(report_line(self.tag), flush=True)
        if self.then is not None:
            self.then()


def watch(app: QApplication, window: QMainWindow, limit_ms: int = 60_000) -> None:
    """Before the frame shows: report its first paint; :func:`filled` reports the complete one."""
    _FirstPaint(window, "bench-frame")
    QTimer.singleShot(limit_ms, window, lambda: (print("bench: no paint", file=sys.stderr), app.exit(3)))


def filled(window: QMainWindow) -> None:
    """The window was just filled: report the first paint of the view it shows (the Today board) and quit.
    The view is new, so it is painted in the next repaint of the window."""
    app = QApplication.instance()
    view = getattr(window, "tabs", None)
    target = view.currentWidget() if view is not None and view.currentWidget() is not None else window
    _FirstPaint(target, "bench-shown", then=app.quit if app is not None else None)

