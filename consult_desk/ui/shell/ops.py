"""Slow work off the window's thread, in the manner of anki's ``QueryOp`` / Picard's ``run_task``.

``run_op(parent, op, success)`` runs ``op()`` (a service call) on a worker thread and hands its result
to ``success(result)`` on the GUI thread, or its error to ``failure(error)`` (by default the usual
message box sentence). The worker uses its own database connection: peewee keeps one connection per
thread, so the worker opens one to the same target and closes it when the call returns. The worker
never touches a widget; the label, when given, is shown in the status bar of the parent's window with a
busy bar while the work runs. A parent closed meanwhile gets no callback.

What the call wrote is reported by the service itself (``consult_desk.changes``); the change hub
moves that news to the GUI thread, so the views refresh as after any other action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMainWindow, QProgressBar, QWidget

from consult_desk.errors import ConsultDeskError
from consult_desk.models import DB
from consult_desk.ui.widgets.messages import show_error

T = TypeVar("T")
log = logging.getLogger(__name__)
_RUNNING: set[Op[Any]] = set()  # kept alive until their result is delivered


class _Relay(QObject):
    done = Signal(object, object)  # result, error (ConsultDeskError or None)


class _Task(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay, database: bool = True) -> None:
        super().__init__()
        self.op = op
        self.relay = relay
        self.database = database
        self.setAutoDelete(False)

    def run(self) -> None:  # worker thread: the service call, on its own connection; no widget
        database = DB.obj if self.database else None
        opened = False
        result: Any = None
        error: ConsultDeskError | None = None
        try:
            if database is not None:
                opened = database.connect(reuse_if_open=True)
            result = self.op()
        except ConsultDeskError as exc:
            error = exc
        except Exception as exc:  # noqa: BLE001 - shown as a sentence, logged with its traceback
            log.exception("operation failed")
            error = ConsultDeskError("operation_failed", detail=f"{type(exc).__name__}: {str(exc)[:200]}")
        finally:
            if opened and database is not None and not database.is_closed():
                database.close()  # this thread's connection only
        self.relay.done.emit(result, error)


class Op(Generic[T]):
    """One run of a service call off the GUI thread (see :func:`run_op`)."""

    def __init__(
        self,
        parent: QWidget | None,
        op: Callable[[], T],
        success: Callable[[T], object] | None = None,
        failure: Callable[[ConsultDeskError], object] | None = None,
        label: str | None = None,
        pool: QThreadPool | None = None,
        database: bool = True,
    ) -> None:
        self.parent = parent
        self.op = op
        self.success = success
        self.failure = failure
        self.label = label
        self.pool = pool or QThreadPool.globalInstance()
        self.relay = _Relay()
        self.relay.done.connect(self._done)  # queued: the relay lives on the GUI thread
        self.task = _Task(op, self.relay, database)
        self.finished = False
        self.result: T | None = None
        self.error: ConsultDeskError | None = None
        self._bar: QProgressBar | None = None

    def run(self) -> Op[T]:
        _RUNNING.add(self)
        self._show_progress()
        self.pool.start(self.task)
        return self

    def _window(self) -> QMainWindow | None:
        if self.parent is None or not shiboken6.isValid(self.parent):
            return None
        window = self.parent.window()
        return window if isinstance(window, QMainWindow) else None

    def _show_progress(self) -> None:
        window = self._window()
        if window is None or not self.label:
            return
        bar = QProgressBar(window)
        bar.setObjectName("op_progress")
        bar.setRange(0, 0)  # busy: the services report no fractions
        bar.setMaximumWidth(120)
        window.statusBar().addPermanentWidget(bar)
        window.statusBar().showMessage(self.label + "…")
        self._bar = bar

    def _done(self, result: T, error: ConsultDeskError | None) -> None:  # GUI thread
        _RUNNING.discard(self)
        self.finished = True
        self.result, self.error = result, error
        if self._bar is not None and shiboken6.isValid(self._bar):
            window = self._window()
            if window is not None:
                window.statusBar().removeWidget(self._bar)
                window.statusBar().clearMessage()
            self._bar.deleteLater()
        if self.parent is not None and not shiboken6.isValid(self.parent):
            return  # closed meanwhile: nobody to tell
        if error is not None:
            if self.failure is not None:
                self.failure(error)
            else:
                show_error(self.parent, error)
        elif self.success is not None:
            self.success(result)


class Outcome(Generic[T]):
    """The end of a chain of steps (operations, questions): ``finished`` and ``result`` once known."""

    def __init__(self) -> None:
        self.finished = False
        self.result: T | None = None

    def set(self, result: T) -> None:
        self.finished, self.result = True, result


def run_op(
    parent: QWidget | None,
    op: Callable[[], T],
    success: Callable[[T], object] | None = None,
    *,
    failure: Callable[[ConsultDeskError], object] | None = None,
    label: str | None = None,
    pool: QThreadPool | None = None,
    database: bool = True,
) -> Op[T]:
    """Run ``op()`` on a worker thread; ``success(result)`` / ``failure(error)`` on the GUI thread.
    ``database=False``: the call needs no database (sending mail), so no connection is opened."""
    return Op(parent, op, success, failure, label, pool, database).run()


def running() -> int:
    """How many operations are under way (closing the window waits for them)."""
    return len(_RUNNING)


def wait_all(msecs: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(msecs)
