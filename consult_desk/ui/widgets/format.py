"""Dates as the desk shows them: 2027年1月13日(水), optionally 令和9年1月13日(水); English when chosen."""

from __future__ import annotations

import datetime as dt

from consult_desk.calendar import format_date_ja
from consult_desk.errors import language

EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")

_era = False


def set_era(enabled: bool) -> None:
    """Show Japanese era years (令和9年) instead of Western years; from the settings ("ui/era")."""
    global _era
    _era = bool(enabled)


def era() -> bool:
    return _era


def truthy(value: object) -> bool:
    """A QSettings value as a bool (stored as "true"/"false" in INI files)."""
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)


def fmt_date(day: dt.date) -> str:
    if language() == "en":
        return f"{EN_WEEKDAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month - 1][:3]} {day.year}"
    return format_date_ja(day, era=_era)


def fmt_datetime(when: dt.datetime) -> str:
    return f"{fmt_date(when.date())} {when:%H:%M}"


def fmt_span(start: dt.datetime, end: dt.datetime) -> str:
    """2027年1月13日(水) 10:00～10:30."""
    sep = "–" if language() == "en" else "～"
    return f"{fmt_date(start.date())} {start:%H:%M}{sep}{end:%H:%M}"


def fmt_time_span(start: dt.datetime, end: dt.datetime) -> str:
    sep = "–" if language() == "en" else "～"
    return f"{start:%H:%M}{sep}{end:%H:%M}"


def fmt_month(first: dt.date) -> str:
    """2027年1月, 令和9年1月 or January 2027."""
    if language() == "en":
        return f"{EN_MONTHS[first.month - 1]} {first.year}"
    text = format_date_ja(first, era=_era)
    return text[: text.index("月") + 1]


def fmt_short(day: dt.date) -> str:
    """1/13(水) for column headers."""
    if language() == "en":
        return f"{EN_WEEKDAYS[day.weekday()]} {day.day}/{day.month}"
    return f"{day.month}/{day.day}({format_date_ja(day)[-2]})"
