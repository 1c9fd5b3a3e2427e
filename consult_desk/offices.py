"""Offices: created from a preset, then edited; several can live in one database."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from consult_desk.audit import record as _audit
from consult_desk.calendar import BusinessCalendar
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import Closure, Office, transaction
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig, load_preset

# Keys an office may add after creation that presets do not carry: the SMTP settings and the
# mail templates edited in the window (consult_desk.mail, consult_desk.templates), the platform that
# creates the meetings (consult_desk.meetings, issue 16), the days after a session its meeting
# credentials are wiped (issue 13). Issue 17: the outbox schedule's times (consult_desk.outbox), saved
# form-import mappings (consult_desk.form_import) and the earlier terms versions with their dates (an
# imported form's consent is to the terms in force when it was sent).
OPTIONAL_KEYS = frozenset(
    {"smtp", "mail_templates", "meetings", "credentials_wipe_days", "mail_schedule", "form_mappings", "terms_history"}
)


def create_office(ctx: Context, preset_id: str, code: str | None = None) -> Office:
    """A new office holding an editable copy of the preset."""
    data = load_preset(preset_id)
    code = code or preset_id
    with transaction():
        if Office.get_or_none(Office.code == code) is not None:
            raise RuleError("office_exists", office=code)
        office = Office.create(code=code, name=data["name"], preset=preset_id, config=data)
        _audit(ctx, "office_create", code)
        touch(Topic.OFFICES)
    return office


def list_offices() -> list[Office]:
    return list(Office.select().order_by(Office.created_at, Office.code))


def display_name(office: Office) -> str:
    """The office's name in the UI language (the stored ``name`` is the official Japanese)."""
    return OfficeConfig(office.code, office.config).display_name


def get_office(code: str) -> Office:
    office = Office.get_or_none(Office.code == code)
    if office is None:
        raise RuleError("unknown_office", office=code)
    return office


# Inside configs_read_once(): the configurations read so far, by office (this thread's only).
_READ_ONCE: ContextVar[dict[str, OfficeConfig] | None] = ContextVar("configs_read_once", default=None)


@contextmanager
def configs_read_once() -> Iterator[None]:
    """Within the block each office's configuration is read from the database once: building the window
    asks for it a dozen times (board, panel, due list, callback queue), and nothing changes it meanwhile
    on this thread. Callers must not change the configuration object they get."""
    token = _READ_ONCE.set({})
    try:
        yield
    finally:
        _READ_ONCE.reset(token)


def get_config(code: str) -> OfficeConfig:
    """The office's rules as configured now, with its extra closures in the calendar."""
    memo = _READ_ONCE.get()
    if memo is not None and code in memo:
        return memo[code]
    config = _read_config(code)
    if memo is not None:
        memo[code] = config
    return config


def _read_config(code: str) -> OfficeConfig:
    office = get_office(code)
    config = OfficeConfig(code, office.config)
    closures = [row.day for row in Closure.select(Closure.day).where(Closure.office == code)]
    preset_closures = [dt.date.fromisoformat(d) for d in office.config.get("closures", [])]
    config.__dict__["calendar"] = BusinessCalendar([*closures, *preset_closures])
    return config


def update_config(ctx: Context, code: str, changes: dict[str, Any]) -> OfficeConfig:
    """Edit an office's configuration (hours, seats, deadlines, terms...). Keys must exist."""
    require(ctx, "manage_offices")
    with transaction():
        office = get_office(code)
        data = copy.deepcopy(office.config)
        for key, value in changes.items():
            if key not in data and key not in OPTIONAL_KEYS:
                raise RuleError("unknown_field", key=key)
            _check_type(key, data.get(key), value)
            _check_range(key, value)
            if key == "mail_schedule":
                from consult_desk.outbox import validate_schedule

                value = validate_schedule(value)
            data[key] = value
        if "meetings" in changes or ("platform" in changes and data.get("meetings")):
            from consult_desk.meetings.settings import parse

            parsed = parse(data.get("meetings"), str(data.get("platform")))
            data["meetings"] = parsed.as_json() if parsed is not None else None
        office.config = data
        office.name = data["name"]
        office.save()
        _audit(ctx, "office_update", code, detail=",".join(sorted(changes)))
        touch(Topic.OFFICES)
    return get_config(code)


# Whole-number settings and the range each may take (issue 14 (3)): a typo such as seats=100000000000
# would otherwise be stored and break the calendar. Other whole numbers: 0 to NUMBER_MAX.
NUMBER_RANGES: dict[str, tuple[int, int]] = {
    "seats": (1, 100),
    "slot_minutes": (5, 480),
    "session_minutes": (5, 480),
    "max_session_minutes": (5, 480),
    "no_show_grace_minutes": (0, 120),
    "application_deadline_business_days": (0, 120),
    "details_deadline_business_days": (0, 120),
    "offer_reply_business_days": (0, 120),
    "idle_lock_minutes": (1, 24 * 60),
    "retention_days": (1, 36_500),
}
NUMBER_MAX = 100_000


def _check_range(key: str, value: Any) -> None:
    """Every whole number in a setting (nested ones too) within its range, else a sentence."""
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        low, high = NUMBER_RANGES.get(key, (0, NUMBER_MAX))
        if not low <= value <= high:
            raise RuleError("number_range", label=key, low=low, high=high, value=value)
    elif isinstance(value, float):
        raise RuleError("invalid_value", label=key, value=value)
    elif isinstance(value, dict):
        for sub, item in value.items():
            _check_range(f"{key}.{sub}", item)
    elif isinstance(value, list):
        for item in value:
            _check_range(key, item)


def _check_type(key: str, old: Any, new: Any) -> None:
    """An edit keeps the value's kind: a number stays a whole number of at least 0, a list a list..."""
    if key == "credentials_wipe_days" and old is None:
        old = 0  # not in the presets: a whole number of days (retention.CREDENTIAL_WIPE_DAYS by default)
    if old is None or new is None:
        return
    if isinstance(old, bool) or isinstance(new, bool):
        ok = isinstance(old, bool) and isinstance(new, bool)
    elif isinstance(old, int):
        ok = isinstance(new, int) and new >= 0 and (new > 0 or key not in ("seats", "slot_minutes", "session_minutes"))
    else:
        ok = isinstance(new, type(old))
    if not ok:
        raise RuleError("invalid_value", label=key, value=new)


def change_terms(ctx: Context, code: str, version: str, effective_date: dt.date, text: str) -> OfficeConfig:
    """The office changed its terms (000 第11条, 004 第11条): new bookings consent to the new version."""
    office = get_office(code)
    terms = dict(office.config["terms"])
    history = list(office.config.get("terms_history") or [])
    if terms.get("version") != version:
        history.append({"version": terms.get("version"), "effective_date": terms.get("effective_date")})
    terms.update(version=version, effective_date=effective_date.isoformat(), text=text)
    return update_config(ctx, code, {"terms": terms, "terms_history": history})


def add_closure(ctx: Context, code: str, day: dt.date, reason: str = "臨時休業") -> None:
    require(ctx, "manage_offices")
    with transaction():
        get_office(code)
        Closure.insert(office=code, day=day, reason=reason).on_conflict_ignore().execute()
        _audit(ctx, "closure_add", f"{code} {day.isoformat()}")
        touch(Topic.OFFICES)

