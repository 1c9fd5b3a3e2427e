"""Business days: weekdays that are not national holidays, not the year-end closure, not office closures.

Every deadline in the presets ("5 business days before", "営業日上の前々日") counts with this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import jpholiday

YEAR_END_NAME = "年末年始休業"
WEEKDAY_JA = "月火水木金土日"
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_year_end_closure(day: dt.date) -> bool:
    """12/29 to 1/3: public offices close (003 6 names 年末年始 explicitly)."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def holiday_name(day: dt.date) -> str | None:
    """National holiday name from jpholiday (振替休日 and 国民の休日 included)."""
    return jpholiday.is_holiday_name(day)


class BusinessCalendar:
    def __init__(self, closures: Iterable[dt.date] = ()) -> None:
        self.closures = frozenset(closures)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the office is closed on ``day`` (Japanese), or None on a business day."""
        if day.weekday() == 5:
            return "土曜日"
        if day.weekday() == 6:
            return "日曜日"
        name = holiday_name(day)
        if name:
            return name
        if is_year_end_closure(day):
            return YEAR_END_NAME
        if day in self.closures:
            return "臨時休業"
        return None

    def is_business_day(self, day: dt.date) -> bool:
        return self.closed_reason(day) is None

    def business_days_before(self, day: dt.date, n: int) -> dt.date:
        """The n-th business day counted back from ``day`` (``day`` itself not counted)."""
        current = day
        counted = 0
        while counted < n:
            current -= dt.timedelta(days=1)
            if self.is_business_day(current):
                counted += 1
        return current

    def business_days_after(self, day: dt.date, n: int) -> dt.date:
        """The n-th business day after ``day`` (``day`` itself not counted)."""
        current = day
        counted = 0
        while counted < n:
            current += dt.timedelta(days=1)
            if self.is_business_day(current):
                counted += 1
        return current

    def next_business_day(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a business day, else the next one."""
        current = day
        while not self.is_business_day(current):
            current += dt.timedelta(days=1)
        return current


def format_date_ja(day: dt.date, era: bool = False) -> str:
    """2027年1月13日(水), or 令和9年1月13日(水) with ``era``."""
    weekday = WEEKDAY_JA[day.weekday()]
    if era and day >= dt.date(2019, 5, 1):
        year = day.year - 2018
        year_text = "令和元年" if year == 1 else f"令和{year}年"
        return f"{year_text}{day.month}月{day.day}日({weekday})"
    return f"{day.year}年{day.month}月{day.day}日({weekday})"


_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_display_era = False


def set_display_era(enabled: bool) -> None:
    """和暦 (令和9年) in displayed dates; the desk's setting (ui/era), applied at once."""
    global _display_era
    _display_era = bool(enabled)


def format_date(day: dt.date) -> str:
    """A date as the user reads it, in the UI language: 2027年1月13日(水) (or 令和9年… when chosen),
    Wed 13 Jan 2027 in English, so that no Japanese date lands inside an English sentence. For a
    message's parameters; mail to applicants and CSV keep their own formats."""
    from consult_desk.errors import language

    if language() == "en":
        return f"{_EN_WEEKDAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    return format_date_ja(day, era=_display_era)


def format_datetime_ja(when: dt.datetime, era: bool = False) -> str:
    return f"{format_date_ja(when.date(), era)} {when:%H:%M}"
