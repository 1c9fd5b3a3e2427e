"""The clock every rule reads. Tests and the ``--today``/``--now`` flags replace it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol
from zoneinfo import ZoneInfo

# Every rule reads Japan time, whatever time zone the computer is set to (issue 14 (8)): a desk PC
# or server left on UTC must not date a mail nine hours early or start "today" at 09:00 JST.
JST = ZoneInfo("Asia/Tokyo")


def jst_now() -> dt.datetime:
    """The current time in Japan, naive (as the database stores it), to the microsecond."""
    return dt.datetime.now(JST).replace(tzinfo=None)


def jst_today() -> dt.date:
    return dt.datetime.now(JST).date()


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Japan Standard Time (Asia/Tokyo), whatever the computer's own time zone."""

    def now(self) -> dt.datetime:
        return jst_now().replace(second=0, microsecond=0)

    def today(self) -> dt.date:
        return jst_today()


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
