"""The desk's timed sender (issue 17): every minute, what is due in the outbox goes out, off the UI thread.

Each tick runs :func:`consult_desk.outbox.send_due` on a worker thread of its own pool (its own
database connection, closed when the run ends; the window never waits on the network or the
database lock). Whichever desk holds the sender lease sends; the others' ticks stand aside and take
over when the holder stops renewing it. One run at a time per desk; at exit the lease is let go.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from consult_desk import outbox
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.models import DB

INTERVAL_MS = 60_000


class _Relay(QObject):
    done = Signal(object, str)  # SendReport or None, error text


class _Run(QRunnable):
    def __init__(self, ctx: Context, relay: _Relay) -> None:
        super().__init__()
        self.ctx = ctx
        self.relay = relay

    def run(self) -> None:  # worker thread: its own connection
        report, error = None, ""
        try:
            report = outbox.send_due(self.ctx, keep_lease=True)
        except ConsultDeskError as exc:
            error = exc.message
        except Exception as exc:  # noqa: BLE001 (shown in the status bar, never a crash of the worker)
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        finally:
            try:
                DB.close()
            except Exception:  # noqa: BLE001, S110 (the connection is gone already)
                pass
        self.relay.done.emit(report, error)


class OutboxSender(QObject):
    """``start()``; ``ran(report)`` after each run that sent or failed something; ``error(text)``."""

    ran = Signal(object)
    error = Signal(str)

    def __init__(self, ctx: Context, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.relay = _Relay(self)
        self.relay.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)
        self.first = QTimer(self)  # soon after start-up, not before the first paint
        self.first.setSingleShot(True)
        self.first.setInterval(5_000)
        self.first.timeout.connect(self.run_now)
        self.running = False
        self._task: _Run | None = None

    def start(self) -> None:
        self.timer.start()
        self.first.start()

    def run_now(self) -> None:
        if self.running:
            return
        self.running = True
        self._task = _Run(self.ctx, self.relay)
        self._task.setAutoDelete(False)
        self.pool.start(self._task)

    def _done(self, report: outbox.SendReport | None, error: str) -> None:  # main thread
        self.running = False
        self._task = None
        if error:
            self.error.emit(error)
        elif report is not None and (report.sent or report.failed or report.retrying or report.interrupted):
            self.ran.emit(report)

    def stop(self, msecs: int = 30_000) -> None:
        """At exit: let a run in progress finish (its results recorded), then let go of the lease."""
        self.timer.stop()
        self.first.stop()
        self.pool.waitForDone(msecs)
        try:
            outbox.release_lease(self.ctx)
        except ConsultDeskError:
            pass
