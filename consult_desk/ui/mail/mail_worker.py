"""Sending mail without blocking the window: the network part runs on a QThreadPool.

The main thread prepares the message (database, keyring) and records the result; the worker
only talks to the SMTP server (:func:`consult_desk.mail.transmit`) and touches no widget and no
database. Results come back through a queued signal. One sender serves the whole application,
so a result is recorded even when the dialog that started the send has been closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from consult_desk import mail
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError

Transmit = Callable[[mail.Prepared], None]


class _Relay(QObject):
    done = Signal(int, str)  # outbox id, error text ("" when sent)


class _SendTask(QRunnable):
    def __init__(self, prepared: mail.Prepared, relay: _Relay, transmit: Transmit) -> None:
        super().__init__()
        self.prepared = prepared
        self.relay = relay
        self.transmit = transmit

    def run(self) -> None:  # worker thread: network only
        error = ""
        try:
            self.transmit(self.prepared)
        except ConsultDeskError as exc:
            error = exc.message
        except Exception as exc:  # noqa: BLE001 (anything else is shown, never a crash of the worker)
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        self.relay.done.emit(self.prepared.outbox_id, error)


class MailSender(QObject):
    """``send(ctx, outbox_id)``; ``finished(outbox_id, error)`` after the outcome is in the outbox."""

    started = Signal(int)
    finished = Signal(int, str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.transmit: Transmit = mail.transmit  # tests may slow it down to prove the window stays responsive
        self.relay = _Relay(self)
        self.relay.done.connect(self._done)
        self.in_flight: dict[int, Context] = {}
        self.tasks: dict[int, _SendTask] = {}  # kept alive until their result is in

    def busy(self, outbox_id: int) -> bool:
        return outbox_id in self.in_flight

    def send(self, ctx: Context, outbox_id: int) -> None:
        """Prepare here, send on a worker. A refusal before sending (no settings, no password...)
        is recorded on the row and raised for the caller to show."""
        if outbox_id in self.in_flight:
            return
        prepared = mail.prepare(ctx, outbox_id)
        self.in_flight[outbox_id] = ctx
        task = _SendTask(prepared, self.relay, self.transmit)
        task.setAutoDelete(False)
        self.tasks[outbox_id] = task
        self.pool.start(task)
        self.started.emit(outbox_id)

    def _done(self, outbox_id: int, error: str) -> None:  # main thread
        ctx = self.in_flight.pop(outbox_id, None)
        self.tasks.pop(outbox_id, None)
        if ctx is not None:
            try:
                mail.record_result(ctx, outbox_id, error or None)
            except ConsultDeskError as exc:  # the database went away meanwhile: say so
                error = error or exc.message
        self.finished.emit(outbox_id, error)

    def wait(self, msecs: int = 30_000) -> bool:
        """Let sends in progress finish (closing the window)."""
        return self.pool.waitForDone(msecs)


_sender: MailSender | None = None


def sender() -> MailSender:
    """The application's sender (parented to the application, so it outlives dialogs)."""
    global _sender
    if _sender is None:
        _sender = MailSender(QCoreApplication.instance())
    return _sender


def finish_pending_sends(msecs: int = 30_000) -> None:
    """At exit: let messages being sent finish and record their result in the outbox (nothing left 'sending')."""
    if _sender is None:
        return
    _sender.wait(msecs)
    QCoreApplication.processEvents()  # the results come back to the main thread as queued signals
