"""Calls to the meeting platforms (Zoom, Microsoft Graph) without blocking the window (issue 16).

A call (create, move, delete a meeting; the connection test) runs on a QThreadPool worker: the
service does the network part and then its own short transaction (peewee gives the worker thread its
own connection, closed when the call ends). The result comes back to the GUI thread by a queued
signal as one sentence. One runner serves the whole application, so a result arrives even when the
dialog that started the call has been closed; the main window shows it in the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from consult_desk.errors import ConsultDeskError

log = logging.getLogger(__name__)

Call = Callable[[], Any]


class _Relay(QObject):
    done = Signal(str, bool, str)  # key, ok, message


class _Task(QRunnable):
    def __init__(self, key: str, call: Call, relay: _Relay) -> None:
        super().__init__()
        self.key, self.call, self.relay = key, call, relay

    def run(self) -> None:  # worker thread: network, then the service's own transaction
        from consult_desk.models import DB

        ok, message = True, ""
        try:
            result = self.call()
            if result is not None and hasattr(result, "ok"):
                ok, message = bool(result.ok), str(result.message)
        except ConsultDeskError as exc:
            ok, message = False, exc.message
        except Exception as exc:  # noqa: BLE001 (a bug is logged and said, never a crash of the worker)
            log.exception("platform call %s failed", self.key)
            ok, message = False, f"{type(exc).__name__}: {str(exc)[:200]}"
        finally:
            try:
                if DB.obj is not None and not DB.is_closed():
                    DB.close()  # this worker thread's connection only
            except Exception:  # noqa: BLE001
                log.debug("closing the worker's connection failed", exc_info=True)
        self.relay.done.emit(self.key, ok, message)


class PlatformCalls(QObject):
    """``run(key, call)``; ``started(key)``, ``finished(key, ok, message)`` on the GUI thread."""

    started = Signal(str)
    finished = Signal(str, bool, str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.relay = _Relay(self)
        self.relay.done.connect(self._done)
        self.tasks: dict[str, _Task] = {}
        self.waiting: dict[str, list[Call]] = {}  # calls for a key that is busy: run in order after it

    def busy(self, key: str) -> bool:
        return key in self.tasks

    def run(self, key: str, call: Call, queue: bool = False) -> bool:
        """Start ``call`` unless one with the same key is running: then False, or with ``queue`` it
        runs after that one (a cancel while the meeting is still being created deletes it next)."""
        if key in self.tasks:
            if queue:
                self.waiting.setdefault(key, []).append(call)
            return False
        task = _Task(key, call, self.relay)
        task.setAutoDelete(False)
        self.tasks[key] = task
        self.started.emit(key)
        self.pool.start(task)
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
        done = True
        while True:
            done = self.pool.waitForDone(msecs) and done
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
    return runner().run(reservation_key(reservation.id), call, queue=True)
