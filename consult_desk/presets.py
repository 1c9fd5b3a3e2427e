"""Office presets: one JSON file per seed office in ``resources/presets/``.

An office is created from a preset and then owns an editable copy of it (``Office.config``).
:class:`OfficeConfig` gives typed access to that copy; the rules read only through it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from consult_desk.calendar import WEEKDAY_KEYS, BusinessCalendar
from consult_desk.errors import RuleError, language
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
    "form": ("申込フォーム", "form"),
    "phone": ("電話", "phone"),
    "email": ("メール", "e-mail"),
    "in-session": ("相談中", "in session"),
}


def channel_label(channel: str) -> str:
    ja, en = CHANNEL_LABELS.get(channel, (channel, channel))
    return en if language() == "en" else ja


def label_text(label: dict[str, str] | str | None) -> str:
    if label is None:
        return ""
    if isinstance(label, str):
        return label
    return label.get(language()) or label.get("ja") or next(iter(label.values()), "")


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
        return "、".join(f"{a:%H:%M}～{b:%H:%M}" for a, b in self.intervals(day)) or "なし"

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
