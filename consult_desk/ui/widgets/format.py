"""Dates as the desk shows them: 2027年1月13日(水), optionally 令和9年1月13日(水); English when chosen."""

from __future__ import annotations

import datetime as dt
import time

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
    from consult_desk.calendar import set_display_era

    set_display_era(_era)  # the rules' messages show dates the same way


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


def join_list(items) -> str:  # noqa: ANN001 (any iterable of str)
    """A list in a sentence: 「氏名、電話番号」 in Japanese, "name, phone" in English (no 、 in English)."""
    return ("、" if language() != "en" else ", ").join(items)


def paren(text: str) -> str:
    """（補足） in Japanese, (note) in English."""
    return f"（{text}）" if language() != "en" else f" ({text})"


def colon(label: str) -> str:
    """A form label: 「パスコード：」 in Japanese, "passcode:" in English."""
    return f"{label}：" if language() != "en" else f"{label}:"


_names: dict[str, str] = {}
_names_read = 0.0


def person(login: str | None) -> str:
    """A staff member as people are shown: their name (受付 花子), the login only for someone unknown
    (a deleted account, "demo", "?"). Names are read at most every 10 seconds."""
    global _names, _names_read
    if not login:
        return ""
    if time.monotonic() - _names_read > 10:
        from consult_desk.auth import display_names
        from consult_desk.errors import ConsultDeskError

        try:
            _names = display_names()
        except ConsultDeskError:
            pass
        _names_read = time.monotonic()
    return _names.get(login) or login


def forget_names() -> None:
    """Read the names again at the next person() (after staff were added or renamed)."""
    global _names_read
    _names_read = 0.0


def fmt_datetime_seconds(when: dt.datetime) -> str:
    return f"{fmt_date(when.date())} {when:%H:%M:%S}"


def date_edit_format() -> str:
    """The Qt display format of a date field in the desk's one date style (2027年1月13日(水) / Wed 13 Jan 2027)."""
    return "ddd d MMM yyyy" if language() == "en" else "yyyy年M月d日(ddd)"


def setup_date_edit(edit) -> None:  # noqa: ANN001 (QDateEdit; this module imports no Qt)
    """A QDateEdit showing dates as every other place does (Japanese weekday names in Japanese)."""
    from PySide6.QtCore import QLocale

    if language() != "en":
        edit.setLocale(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    else:
        edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    edit.setDisplayFormat(date_edit_format())
