"""iCalendar (.ics) of sessions, for a counsellor's or the office's calendar program.

Times are in Asia/Tokyo with its VTIMEZONE. Without ``with_names`` an event says only the
office, the reservation number and the status: no name, phone, e-mail or credentials. With
``with_names`` (a role allowed to export personal data; audited) the summary names the applicant.
Credentials never go into the file. A group event (002) is one calendar entry with its count.
UIDs are stable, so importing a later export updates the entries instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from consult_desk import audit
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.files import write_bytes
from consult_desk.i18n import _p
from consult_desk.models import Applicant, Event, Reservation, Staff, transaction
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.states import Status, status_label

TOKYO = ZoneInfo("Asia/Tokyo")
PRODID = "-//Consult Desk//consult-desk//JA"
UID_DOMAIN = "consult-desk.invalid"
# Sessions that take or took place; cancelled, moved, refused and no-shows are left out.
INCLUDED = (
    Status.REQUESTED,
    Status.OFFERED,
    Status.CONFIRMED,
    Status.DETAILS_SENT,
    Status.CHECKED_IN,
    Status.IN_SESSION,
    Status.PHONE_CALLBACK,
    Status.COMPLETED,
    Status.COMPLETED_BY_PHONE,
    Status.TERMINATED,
    Status.UNREACHABLE,
)
TENTATIVE = (Status.REQUESTED, Status.OFFERED)


@dataclass
class IcsResult:
    events: int
    path: Path
    with_names: bool

    def as_json(self) -> dict[str, Any]:
        return {"events": self.events, "out": str(self.path), "with_names": self.with_names}


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=TOKYO)


def build_calendar(
    start: dt.date,
    end: dt.date,
    stamp: dt.datetime,
    office: str | None = None,
    counsellor: str | None = None,
    with_names: bool = False,
) -> tuple[icalendar.Calendar, int]:
    """The calendar of sessions whose start falls in [start, end]."""
    query = (
        Reservation.select(Reservation, Applicant)
        .join(Applicant)
        .where(
            (Reservation.start >= dt.datetime.combine(start, dt.time.min))
            & (Reservation.start < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
            & Reservation.status.in_([s.value for s in INCLUDED])
        )
        .order_by(Reservation.start, Reservation.id)
    )
    if office:
        query = query.where(Reservation.office == office)
    if counsellor:
        staff = Staff.get_or_none(Staff.login == counsellor)
        if staff is None:
            raise RuleError("invalid_value", label=_p("label", "counsellor"), value=counsellor)
        query = query.where(Reservation.counsellor == staff.id)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = get_config(office).short_name if office else "Consult Desk"
    cal.add("x-wr-calname", f"{name} オンライン相談")
    cal.add("x-wr-timezone", "Asia/Tokyo")
    stamp_utc = (stamp if stamp.tzinfo else stamp.replace(tzinfo=TOKYO)).astimezone(dt.UTC)

    groups: dict[int, list[Reservation]] = {}
    count = 0
    short_names: dict[str, str] = {}
    for res in query:
        if res.event_id is not None:
            groups.setdefault(res.event_id, []).append(res)
            continue
        office_name = short_names.get(res.office_id) or short_names.setdefault(
            res.office_id, get_config(res.office_id).short_name
        )
        event = icalendar.Event()
        event.add("uid", f"reservation-{res.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp_utc)
        event.add("dtstart", _aware(res.start))
        event.add("dtend", _aware(res.end))
        who = f"{res.applicant.name} 様" if with_names else f"予約{res.id}"
        event.add("summary", f"オンライン相談 {who}（{office_name}）")
        lines = [f"予約番号：{res.id}", f"状態：{status_label(res.status)}", f"事業所：{office_name}"]
        if with_names and res.applicant.kana:
            lines.insert(0, f"ふりがな：{res.applicant.kana}")
        event.add("description", "\n".join(lines))
        event.add("status", "TENTATIVE" if Status(res.status) in TENTATIVE else "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
        count += 1
    for event_id, members in groups.items():
        group = Event.get_by_id(event_id)
        office_name = get_config(group.office_id).short_name
        entry = icalendar.Event()
        entry.add("uid", f"event-{event_id}@{UID_DOMAIN}")
        entry.add("dtstamp", stamp_utc)
        entry.add("dtstart", _aware(group.start))
        entry.add("dtend", _aware(group.end))
        entry.add("summary", f"{group.title}（{office_name}・参加{len(members)}名）")
        lines = [f"参加予定：{len(members)}名／定員{group.capacity}名"]
        if with_names:
            lines.extend(f"・{m.applicant.name} 様（予約{m.id}）" for m in members)
        entry.add("description", "\n".join(lines))
        entry.add("status", "CONFIRMED")
        cal.add_component(entry)
        count += 1
    cal.add_missing_timezones()
    return cal, count


def export_ics(
    ctx: Context,
    start: dt.date,
    end: dt.date,
    out: Path,
    office: str | None = None,
    counsellor: str | None = None,
    with_names: bool = False,
) -> IcsResult:
    """Write the .ics file; names only when asked and allowed; the export is audited (004 第5条)."""
    require(ctx, "export_pii" if with_names else "export")
    if end < start:
        raise RuleError("invalid_value", label=_p("label", "period"), value=f"{start}..{end}")
    cal, count = build_calendar(start, end, ctx.clock.now(), office, counsellor, with_names)
    out = Path(out)
    write_bytes(out, cal.to_ical())
    with transaction():
        audit.record(
            ctx,
            "export_ics_pii" if with_names else "export_ics",
            target=f"{office or '*'} {start}..{end} -> {out.name}",
            count=count,
            detail=f"counsellor={counsellor or '*'}",
        )
    return IcsResult(count, out, with_names)
