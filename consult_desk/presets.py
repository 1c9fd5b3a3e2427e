"""Office presets: one JSON file per seed office in ``resources/presets/``.

An office is created from a preset and then owns an editable copy of it (``Office.config``).
:class:`OfficeConfig` gives typed access to that copy; the rules read only through it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from consult_desk.calendar import WEEKDAY_KEYS, BusinessCalendar
from consult_desk.errors import RuleError, language
from consult_desk.i18n import NP_, _p, join
from consult_desk.paths import resources_dir

PRESET_IDS = (
    "nishitokyo-childcare",
    "musashino-hoiku-concierge",
    "funabashi-kosodate",
    "yamaguchi-vocational",
    "hellowork-kawagoe",
)
STANDARD_FIELDS = ("name", "kana", "phone", "email")
CHANNELS = ("form", "phone", "email", "in-session")
CHANNEL_LABELS = {
    "form": NP_("presets.channel", "form"),
    "phone": NP_("presets.channel", "phone"),
    "email": NP_("presets.channel", "e-mail"),
    "in-session": NP_("presets.channel", "in session"),
}


def channel_label(channel: str) -> str:
    return _p("presets.channel", CHANNEL_LABELS.get(channel, channel))


def label_text(label: dict[str, str] | str | None) -> str:
    if label is None:
        return ""
    if isinstance(label, str):
        return label
    return label.get(language()) or label.get("ja") or next(iter(label.values()), "")


# The English of a preset's Japanese display texts: the preset's ``en`` block names each by a key
# (``choices`` maps each Japanese choice to its English). Where the Japanese lives in the config:
ENGLISH_SOURCES: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "short_name": ("short_name",),
    "platform_label": ("platform_label",),
    "terms_title": ("terms", "title"),
    "terms_version": ("terms", "version"),
    "department": ("contact", "department"),
    "contact_hours": ("contact", "hours"),
}


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


@cache
def _shipped(preset_id: str) -> dict[str, Any]:
    """The shipped preset as it is now (read at run time: an office created before the preset had
    English texts gets them without a migration)."""
    path = presets_dir() / f"{preset_id}.json"
    if not preset_id or not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def english_text(data: dict[str, Any], key: str) -> str | None:
    """The English of the display text ``key`` (see :data:`ENGLISH_SOURCES`): the office's own ``en``
    block, else the shipped preset's, which holds only while the office still has the shipped
    Japanese (an edited name has no English until the office gives one)."""
    own = (data.get("en") or {}).get(key)
    if own:
        return str(own)
    shipped = _shipped(str(data.get("id") or ""))
    japanese = _at(data, ENGLISH_SOURCES[key])
    if shipped and japanese and japanese == _at(shipped, ENGLISH_SOURCES[key]):
        english = (shipped.get("en") or {}).get(key)
        return str(english) if english else None
    return None


def display_text(data: dict[str, Any], key: str) -> str:
    """The display text ``key`` of an office's config in the UI language (Japanese when there is no English)."""
    japanese = str(_at(data, ENGLISH_SOURCES[key]) or "")
    if language() == "en" and japanese:
        return english_text(data, key) or japanese
    return japanese


def choice_text(data: dict[str, Any], value: str) -> str:
    """A choice field's answer (stored in Japanese, as the form gives it) in the UI language."""
    if language() != "en" or not value:
        return value
    own = (data.get("en") or {}).get("choices") or {}
    shipped = (_shipped(str(data.get("id") or "")).get("en") or {}).get("choices") or {}
    return str(own.get(value) or shipped.get(value) or value)


def presets_dir() -> Path:
    return resources_dir() / "presets"


def list_presets() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob("*.json"))


def load_preset(preset_id: str) -> dict[str, Any]:
    """The preset as shipped, with its terms text read in."""
    path = presets_dir() / f"{preset_id}.json"
    if not path.is_file():
        raise RuleError("unknown_preset", preset=preset_id)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    terms = dict(data["terms"])
    terms["text"] = (resources_dir() / terms["file"]).read_text(encoding="utf-8")
    data["terms"] = terms
    return data


def _parse_hm(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    required: bool
    choices: list[str] | None
    eligible: list[str] | None
    example: str | None
    clause: str | None
    help: str


class OfficeConfig:
    """Typed, read-only view over an office's configuration (its edited copy of the preset)."""

    def __init__(self, office_id: str, data: dict[str, Any]) -> None:
        self.office_id = office_id
        self.data = data

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def name(self) -> str:
        return str(self.data["name"])

    @property
    def short_name(self) -> str:
        return str(self.data.get("short_name") or self.data["name"])

    @property
    def display_name(self) -> str:
        """The office's name in the UI language (``name`` stays the official Japanese, for mail)."""
        return display_text(self.data, "name")

    @property
    def display_short_name(self) -> str:
        """The short name in the UI language, for lists and titles."""
        return display_text(self.data, "short_name") if self.data.get("short_name") else self.display_name

    @property
    def platform_label(self) -> str:
        """The meeting platform's name in the UI language."""
        return display_text(self.data, "platform_label") if self.data.get("platform_label") else self.platform

    @property
    def platform(self) -> str:
        return str(self.data["platform"])

    @property
    def slot_minutes(self) -> int:
        return int(self.data["slot_minutes"])

    @property
    def session_minutes(self) -> int:
        return int(self.data["session_minutes"])

    @property
    def session_lengths(self) -> list[int]:
        """The session lengths a booking may choose (003 6: 30, 45 or 60 minutes); the default first
        when the preset gives only one."""
        lengths = self.data.get("session_lengths") or [self.session_minutes]
        return sorted({int(m) for m in lengths})

    @property
    def max_session_minutes(self) -> int:
        return int(self.data["max_session_minutes"])

    @property
    def seats(self) -> int:
        return int(self.data["seats"])

    @property
    def grace_minutes(self) -> int:
        return int(self.data["no_show_grace_minutes"])

    @property
    def terms_version(self) -> str:
        return str(self.data["terms"]["version"])

    def version_text(self, version: str | None = None) -> str:
        """A terms version as the user reads it (default: the current one); English where the preset
        gives the current version's English (「令和5年7月14日改定」, "revised 14 Jul 2023 (Reiwa 5)")."""
        if version is None or version == self.terms_version:
            return display_text(self.data, "terms_version")
        return version

    @cached_property
    def fields(self) -> list[Field]:
        return [
            Field(
                key=f["key"],
                label=label_text(f["label"]),
                type=f["type"],
                required=bool(f["required"]),
                choices=f.get("choices"),
                eligible=f.get("eligible"),
                example=f.get("example"),
                clause=f.get("clause"),
                help=label_text(f.get("help")),
            )
            for f in self.data["fields"]
        ]

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    @cached_property
    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(dt.date.fromisoformat(d) for d in self.data.get("closures", []))

    def intervals(self, day: dt.date) -> list[tuple[dt.time, dt.time]]:
        """Opening intervals on that weekday (breaks are the gaps)."""
        hours = self.data["hours"].get(WEEKDAY_KEYS[day.weekday()], [])
        return [(_parse_hm(a), _parse_hm(b)) for a, b in hours]

    def hours_text(self, day: dt.date) -> str:
        ranges = [_p("time range", "{start}-{end}", start=a.strftime("%H:%M"), end=b.strftime("%H:%M")) for a, b in self.intervals(day)]
        return join(ranges) or _p("hours", "none")

    def grid(self, day: dt.date, minutes: int | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
        """Every slot of the day on the office's grid: [start, start + length) inside an interval.
        ``minutes``: that length (default: the shortest the office offers, so every start that some
        session length fits is on the grid)."""
        slots = []
        step = dt.timedelta(minutes=self.slot_minutes)
        length = dt.timedelta(minutes=minutes or self.session_lengths[0])
        for start_t, end_t in self.intervals(day):
            start = dt.datetime.combine(day, start_t)
            end = dt.datetime.combine(day, end_t)
            while start + length <= end:
                slots.append((start, start + length))
                start += step
        return slots

    def fits(self, start: dt.datetime, minutes: int) -> bool:
        """True when [start, start + minutes) lies inside one opening interval of that day."""
        end = start + dt.timedelta(minutes=minutes)
        return any(
            dt.datetime.combine(start.date(), a) <= start and end <= dt.datetime.combine(start.date(), b)
            for a, b in self.intervals(start.date())
        )

    def consent_items(self) -> list[dict[str, Any]]:
        return list(self.data["consent_items"])

    def required_consent_keys(self) -> list[str]:
        """The conditions of use: agreeing to them is required to book (001 2, 004 前文, 004 第2条(2))."""
        return [c["key"] for c in self.data["consent_items"] if c.get("required", True)]

    def advice_keys(self) -> list[str]:
        """Advice the terms ask the user to follow (updates, firewall, battery, quiet room...): read out
        or sent and recorded as advised, never blocking a booking."""
        return [c["key"] for c in self.data["consent_items"] if not c.get("required", True)]

    def prohibited_acts(self) -> list[dict[str, Any]]:
        return list(self.data["prohibited_acts"])

    def clause(self, rule: str) -> str | None:
        """The seed clause behind a rule for this office, where the preset names one."""
        clause: str | None = self.data.get("clauses", {}).get(rule)
        return clause
