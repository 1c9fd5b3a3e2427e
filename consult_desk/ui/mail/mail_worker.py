"""Sending mail without blocking the window: the network part runs through ``shell/ops.run_op``.

The main thread prepares the message (database, keyring) and records the result; the operation run
off the window's thread only talks to the SMTP server (:func:`consult_desk.mail.transmit`) and touches
no widget. One sender serves the whole application, so a result is recorded even when the dialog that
started the send has been closed (the operation has no parent widget).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from consult_desk import mail
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.ui.shell.ops import Op, run_op

Transmit = Callable[[mail.Prepared], None]


class MailSender(QObject):
    """``send(ctx, outbox_id)``; ``finished(outbox_id, error)`` after the outcome is in the outbox."""

    started = Signal(int)
    finished = Signal(int, str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.transmit: Transmit = mail.transmit  # tests may slow it down to prove the window stays responsive
        self.in_flight: dict[int, Context] = {}
        self.ops: dict[int, Op[None]] = {}

    def busy(self, outbox_id: int) -> bool:
        return outbox_id in self.in_flight

    def send(self, ctx: Context, outbox_id: int) -> None:
        """Prepare here, send on a worker. A refusal before sending (no settings, no password...)
        is recorded on the row and raised for the caller to show."""
        if outbox_id in self.in_flight:
            return
        prepared = mail.prepare(ctx, outbox_id)
        self.in_flight[outbox_id] = ctx
        transmit = self.transmit
        self.ops[outbox_id] = run_op(
            None, lambda: transmit(prepared), lambda _none: self._done(outbox_id, ""),
            failure=lambda exc: self._done(outbox_id, exc.message), pool=self.pool, database=False,
        )
        self.started.emit(outbox_id)

    def _done(self, outbox_id: int, error: str) -> None:  # main thread
        ctx = self.in_flight.pop(outbox_id, None)
        self.ops.pop(outbox_id, None)
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
