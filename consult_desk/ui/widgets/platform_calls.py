"""Calls to the meeting platforms (Zoom, Microsoft Graph) without blocking the window (issue 16).

A call (create, move, delete a meeting; the connection test) runs through the shell's shared
operations helper (:func:`consult_desk.ui.shell.ops.run_op`): on a worker thread with its own database
connection, a busy bar and a label in the main window's status bar while it runs. This runner adds
what the platform calls need on top: one call at a time per reservation (a cancel issued while the
meeting is still being created runs right after it), and one ``finished(key, ok, message)`` signal for
the whole application, so a result arrives even when the dialog that started the call has been
closed; the main window shows it in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from consult_desk.errors import ConsultDeskError

Call = Callable[[], Any]


def _main_window() -> QMainWindow | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)


class PlatformCalls(QObject):
    """``run(key, call)``; ``started(key)``, ``finished(key, ok, message)`` on the GUI thread."""

    started = Signal(str)
    finished = Signal(str, bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks: dict[str, Any] = {}  # key -> the running ops.Op
        self.waiting: dict[str, list[Call]] = {}  # calls for a key that is busy: run in order after it

    def busy(self, key: str) -> bool:
        return key in self.tasks

    def run(self, key: str, call: Call, queue: bool = False, label: str = "") -> bool:
        """Start ``call`` unless one with the same key is running: then False, or with ``queue`` it
        runs after that one (a cancel while the meeting is still being created deletes it next)."""
        from consult_desk.ui.shell.ops import run_op

        if key in self.tasks:
            if queue:
                self.waiting.setdefault(key, []).append(call)
            return False
        self.tasks[key] = None
        self.started.emit(key)

        def success(result: Any) -> None:
            ok, message = True, ""
            if result is not None and hasattr(result, "ok"):
                ok, message = bool(result.ok), str(result.message)
            self._done(key, ok, message)

        def failure(error: ConsultDeskError) -> None:
            self._done(key, False, error.message)

        self.tasks[key] = run_op(_main_window(), call, success, failure=failure, label=label or None)
        return True

    def _done(self, key: str, ok: bool, message: str) -> None:  # GUI thread
        self.tasks.pop(key, None)
        self.finished.emit(key, ok, message)
        waiting = self.waiting.get(key)
        if waiting:
            call = waiting.pop(0)
            if not waiting:
                del self.waiting[key]
            self.run(key, call)

    def wait(self, msecs: int = 60_000) -> bool:
        """Let the calls in flight (and those queued behind them) finish (tests; closing the window)."""
        from consult_desk.ui.shell.ops import wait_all

        done = True
        while True:
            done = wait_all(msecs) and done
            QCoreApplication.processEvents()
            if not self.tasks or not done:
                return done


_runner: PlatformCalls | None = None


def runner() -> PlatformCalls:
    global _runner
    if _runner is None:
        app = QCoreApplication.instance()
        _runner = PlatformCalls(app)
    return _runner


def reservation_key(reservation_id: int) -> str:
    return f"reservation/{reservation_id}"


def follow_up(ctx: Any, action: str, reservation: Any) -> bool:
    """After an action committed in the window: the platform meeting follows it (created, moved or
    deleted: ``lifecycle.after_commit``) in the background. True when a call was started. The
    check itself reads the database only (no network), so it is quick on the GUI thread."""
    from consult_desk import lifecycle
    from consult_desk.meetings import wants_follow_up

    if reservation is None or not wants_follow_up(action, reservation):
        return False
    call = lambda: lifecycle.after_commit(ctx, action, reservation)  # noqa: E731
    label = QCoreApplication.translate("PlatformCalls", "Updating the meeting on the platform")
    return runner().run(reservation_key(reservation.id), call, queue=True, label=label)
