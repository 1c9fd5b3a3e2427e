"""Business days: weekdays that are not national holidays, not the year-end closure, not office closures.

Every deadline in the presets ("5 business days before", "営業日上の前々日") counts with this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import jpholiday

from consult_desk.i18n import NP_, _p

# Why a day is closed, in the UI language (jpholiday names the holidays in Japanese).
CLOSED_REASONS = {
    "saturday": NP_("calendar.closed_reasons", "Saturday"),
    "sunday": NP_("calendar.closed_reasons", "Sunday"),
    "year_end": NP_("calendar.closed_reasons", "Year-end closure"),
    "office": NP_("calendar.closed_reasons", "Office closure"),
}
HOLIDAYS = {
    "元日": NP_("calendar.holidays", "New Year's Day"),
    "成人の日": NP_("calendar.holidays", "Coming of Age Day"),
    "建国記念の日": NP_("calendar.holidays", "National Foundation Day"),
    "天皇誕生日": NP_("calendar.holidays", "Emperor's Birthday"),
    "春分の日": NP_("calendar.holidays", "Vernal Equinox Day"),
    "昭和の日": NP_("calendar.holidays", "Showa Day"),
    "憲法記念日": NP_("calendar.holidays", "Constitution Memorial Day"),
    "みどりの日": NP_("calendar.holidays", "Greenery Day"),
    "こどもの日": NP_("calendar.holidays", "Children's Day"),
    "海の日": NP_("calendar.holidays", "Marine Day"),
    "山の日": NP_("calendar.holidays", "Mountain Day"),
    "敬老の日": NP_("calendar.holidays", "Respect for the Aged Day"),
    "秋分の日": NP_("calendar.holidays", "Autumnal Equinox Day"),
    "スポーツの日": NP_("calendar.holidays", "Sports Day"),
    "体育の日": NP_("calendar.holidays", "Health and Sports Day"),
    "文化の日": NP_("calendar.holidays", "Culture Day"),
    "勤労感謝の日": NP_("calendar.holidays", "Labour Thanksgiving Day"),
    "国民の休日": NP_("calendar.holidays", "Citizens' Holiday"),
    "即位礼正殿の儀": NP_("calendar.holidays", "Enthronement Ceremony Day"),
    "天皇の即位の日": NP_("calendar.holidays", "Emperor's Enthronement Day"),
    "振替休日": NP_("calendar.holidays", "substitute holiday"),
}
WEEKDAY_JA = "月火水木金土日"
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_year_end_closure(day: dt.date) -> bool:
    """12/29 to 1/3: public offices close (003 6 names 年末年始 explicitly)."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def holiday_name(day: dt.date) -> str | None:
    """National holiday name from jpholiday (振替休日 and 国民の休日 included), in the UI language."""
    name: str | None = jpholiday.is_holiday_name(day)
    return holiday_label(name) if name else None


def holiday_label(name: str) -> str:
    """jpholiday's name in the UI language: 「こどもの日 振替休日」, "Children's Day (substitute holiday)"."""
    parts = name.split()
    if len(parts) == 2 and parts[1] == "振替休日":
        return _p("calendar.substitute", "{holiday} ({substitute})", holiday=holiday_label(parts[0]),
                  substitute=_p("calendar.holidays", HOLIDAYS["振替休日"]))
    return _p("calendar.holidays", HOLIDAYS[name]) if name in HOLIDAYS else name


def closed_label(key: str) -> str:
    return _p("calendar.closed_reasons", CLOSED_REASONS[key])


class BusinessCalendar:
    def __init__(self, closures: Iterable[dt.date] = ()) -> None:
        self.closures = frozenset(closures)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why the office is closed on ``day`` (in the UI language), or None on a business day."""
        if day.weekday() == 5:
            return closed_label("saturday")
        if day.weekday() == 6:
            return closed_label("sunday")
        name = holiday_name(day)
        if name:
            return name
        if is_year_end_closure(day):
            return closed_label("year_end")
        if day in self.closures:
            return closed_label("office")
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
