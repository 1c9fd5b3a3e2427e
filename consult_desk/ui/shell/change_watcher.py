"""Noticing other desks' changes: the database's change counter, polled on a timer.

Every stored action bumps the counter (``models.schema.bump_changes``) in its own transaction, so a
different value means some desk (this one included) wrote something. The watcher reads it every
two seconds and emits :attr:`ChangeWatcher.changed`; the main window then refreshes its views.

The watcher has no clock of its own to fake: :meth:`poll` does one check and can be called
directly (tests do); the QTimer only calls it. A read that fails (server restarting, network
share gone) emits :attr:`unavailable` with the message and is tried again at the next tick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import peewee as pw
from PySide6.QtCore import QObject, QTimer, Signal

from consult_desk.errors import ConsultDeskError
from consult_desk.models import DB
from consult_desk.models.schema import change_count

POLL_MS = 2000


class ChangeWatcher(QObject):
    changed = Signal(int)  # the new counter value
    unavailable = Signal(str)  # why the counter could not be read (shown in the status bar)

    def __init__(
        self, read: Callable[[], int] = change_count, interval_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._failed = False
        self.last: int | None = self._read_safely()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> bool:
        """Read the counter once; emit ``changed`` and return True when it moved since the last read
        (or when the database is back after an outage: what was missed is unknown, so refresh)."""
        recovering = self._failed
        value = self._read_safely()
        if value is None:
            return False
        moved = value != self.last or recovering
        self.last = value
        if moved:
            self.changed.emit(value)
        return moved

    def acknowledge(self) -> None:
        """This desk has just refreshed everything itself: take the current value as seen."""
        value = self._read_safely()
        if value is not None:
            self.last = value

    def _read_safely(self) -> int | None:
        try:
            value = int(self._read())
        except (ConsultDeskError, pw.PeeweeException, sqlite3.Error, ValueError) as exc:
            self._failed = True
            message = exc.message if isinstance(exc, ConsultDeskError) else str(exc).strip().splitlines()[0]
            self.unavailable.emit(message)
            _drop_connection()
            return None
        self._failed = False
        return value


def _drop_connection() -> None:
    """After a failed read, close the connection so the next tick opens a fresh one (a PostgreSQL
    server that restarted, a network that came back). Never inside a transaction: polls run
    between user actions."""
    database = DB.obj
    if database is None or database.in_transaction():
        return
    try:
        database.close()
    except Exception:  # noqa: BLE001 - a broken connection may fail to close; the next tick reconnects
        pass
