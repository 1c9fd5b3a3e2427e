"""The clock every rule reads. Tests and the ``--today``/``--now`` flags replace it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Local wall-clock time (the desk PC runs in Japan Standard Time)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(second=0, microsecond=0)

    def today(self) -> dt.date:
        return dt.date.today()


@dataclass
class FixedClock:
    """A clock that moves only when told to: for tests, demo data and fixed-date checks."""

    current: dt.datetime = field(default_factory=lambda: dt.datetime(2027, 1, 4, 9, 0))

    def now(self) -> dt.datetime:
        return self.current

    def today(self) -> dt.date:
        return self.current.date()

    def set(self, when: dt.datetime) -> None:
        self.current = when

    def advance(self, **delta: float) -> None:
        self.current = self.current + dt.timedelta(**delta)
