"""Status colours of the calendar and the legend (paint only: the rules are in consult_desk.states)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from consult_desk.i18n import join
from consult_desk.states import Status, status_label

S = Status
# One colour per group of statuses, light enough for black text.
GROUPS: list[tuple[str, tuple[Status, ...]]] = [
    ("#fff3c4", (S.REQUESTED, S.OFFERED)),
    ("#c8e6c9", (S.CONFIRMED,)),
    ("#a5d6a7", (S.DETAILS_SENT,)),
    ("#b3e5fc", (S.CHECKED_IN, S.IN_SESSION)),
    ("#f8bbd0", (S.PHONE_CALLBACK,)),
    ("#e0e0e0", (S.COMPLETED, S.COMPLETED_BY_PHONE)),
    ("#ffcdd2", (S.NO_SHOW, S.UNREACHABLE, S.TERMINATED)),
    ("#f5f5f5", (S.CANCELLED, S.RESCHEDULED, S.REFUSED)),
]
STATUS_COLORS: dict[str, str] = {status.value: color for color, group in GROUPS for status in group}

FREE = "#ffffff"
FREE_MARK = "#2e7d32"
BLOCKED = "#eceff1"
CLOSED = "#e6e6e6"
YEAR_END = "#d7ccc8"
TODAY = "#1565c0"
WARN_BG = "#fff8e1"
WARN_BORDER = "#f9a825"
ERROR = "#c62828"
SUNDAY = "#c62828"
SATURDAY = "#1565c0"


def status_color(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, "#ffffff"))


def legend_entries() -> list[tuple[str, str]]:
    """(colour, "label・label") for the legend, in the order of the life cycle."""
    return [(color, join((status_label(s) for s in group), alternatives=True)) for color, group in GROUPS]
