"""Booking rules: one service used by the window and the command line.

A refused booking raises :class:`RuleError` naming the rule (and the seed clause where the
office's preset gives one) and writes nothing. Seats are taken with an INSERT into
``seat_claim`` guarded by a unique index, inside the booking's transaction, so two desks can
never take the same last seat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from consult_desk import audit, changes
from consult_desk.actions import Action
from consult_desk.calendar import format_date, format_date_ja
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.i18n import _p, join
from consult_desk.models import (
    DB,
    Applicant,
    Consent,
    Event,
    History,
    Office,
    PersonClaim,
    Reservation,
    SeatClaim,
    transaction,
)
from consult_desk.models.db import is_sqlite, retry_conflicts, valid_id
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import CHANNELS, STANDARD_FIELDS, OfficeConfig, channel_label, label_text
from consult_desk.states import TROUBLE, Status, status_label
from consult_desk.validation import (
    name_key,
    nfkc,
    normalise_email,
    normalise_job_seeker_no,
    normalise_kana,
    normalise_line,
    normalise_phone,
    normalise_text,
    person_keys,
)


@dataclass
class SlotInfo:
    start: dt.datetime
    end: dt.datetime
    seats: int
    booked: int
    bookable: bool
    reason: str | None
    rule: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start.strftime("%Y-%m-%dT%H:%M"),
            "end": self.end.strftime("%Y-%m-%dT%H:%M"),
            "seats": self.seats,
            "booked": self.booked,
            "bookable": self.bookable,
            "reason": self.reason,
        }


@dataclass
class BookingRequest:
    office: str
    start: dt.datetime | None
    name: str
    phone: str
    email: str
    channel: str
    kana: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    consent_items: list[str] | None = None  # checklist keys ticked; None: no consent recorded
    terms_version: str | None = None  # the version shown when consent was taken (default: current)
    companions: list[dict[str, str]] = field(default_factory=list)
    event_id: int | None = None
    note: str = ""
    rescheduled_from: int | None = None
    minutes: int | None = None  # session length where the office offers several (003 6); default: the office's
    # The city re-arranges a session its own failure spoiled (000 第10条(7)): not a new application, so
    # the application deadline does not apply (the same day or the next business day is possible).
    city_rearrangement: bool = False
    # When the applicant submitted it (an imported form application): the deadline is judged then,
    # and the consent is to the terms in force then. None: now (a booking taken at the desk).
    submitted_at: dt.datetime | None = None
    # Staff saw the applicant's earlier trouble (no-show, termination, refusal) and book all the same
    # (003 7(2), 004 第4条(4), 002 6). Without it a booking of a person with earlier trouble is refused.
    acknowledge_trouble: bool = False


@dataclass
class Trouble:
    """Earlier trouble of an applicant, shown when booking (003 7(2), 004 第4条(4), 002 6)."""

    reservation_id: int
    office: str
    status: str
    start: dt.datetime

    def text(self) -> str:
        return f"{format_date_ja(self.start.date())} {status_label(self.status)}（予約{self.reservation_id}）"


def slot_key(office: str, start: dt.datetime) -> str:
    return f"slot|{office}|{start:%Y-%m-%dT%H:%M}"


def event_key(event_id: int) -> str:
    return f"event|{event_id}"


# ---------------------------------------------------------------- deadlines and slots


def application_deadline(config: OfficeConfig, day: dt.date) -> dt.date | None:
    """Last day an application for ``day`` is taken (000 第4条(2): 5 business days; 004 第4条(1): 2)."""
    days = config.get("application_deadline_business_days")
    if days is None:
        return None
    return config.calendar.business_days_before(day, int(days))


def answer_due(config: OfficeConfig, applied: dt.date, session_day: dt.date) -> dt.date:
    """Hello Work: the day the office's confirming mail is due: the business day after the application
    (004 第4条(2) 「予約申込みの翌営業日中」), and never after the 前々日 (004 第4条(1) 「営業日上の前々日までに
    予約が完了」), when the booking must be complete."""
    due = config.calendar.business_days_after(applied, int(config.get("offer_reply_business_days") or 1))
    complete_by = application_deadline(config, session_day)
    return min(due, complete_by) if complete_by is not None else due


def details_deadline(config: OfficeConfig, day: dt.date) -> dt.date | None:
    """Day by which meeting details must reach the applicant (000 第4条(3): 3 business days before)."""
    days = config.get("details_deadline_business_days")
    if days is None:
        return None
    return config.calendar.business_days_before(day, int(days))


def _notify_by(config: OfficeConfig, day: dt.date, today: dt.date) -> dt.date | None:
    """The meeting-details deadline; today at the latest when it has passed (the city's re-arrangement
    after its own failure, 000 第10条(7), may be the same day or the next business day)."""
    deadline = details_deadline(config, day)
    return max(deadline, today) if deadline is not None else None


def _booked_counts(office: str, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = (
        SeatClaim.select(SeatClaim.key, pw.fn.COUNT(SeatClaim.id).alias("n"))
        .where(SeatClaim.key.in_(keys))
        .group_by(SeatClaim.key)
        .tuples()
    )
    return {key: n for key, n in rows}


def _slot_refusal(
    config: OfficeConfig,
    start: dt.datetime,
    ctx: Context,
    submitted: dt.datetime | None = None,
    new_application: bool = True,
) -> RuleError | None:
    """Why a grid slot cannot be booked now (past, deadline), independent of seats. ``submitted``:
    the application's own time (a form's), at which the deadline is judged instead of today. The
    deadline holds for a new application only (not the city's re-arrangement, 000 第10条(7))."""
    if start <= ctx.clock.now() or start.date() < ctx.clock.today():
        return RuleError("past", start=f"{start:%Y-%m-%d %H:%M}")
    if not new_application:
        return None
    deadline = application_deadline(config, start.date())
    applied = submitted.date() if submitted is not None else ctx.clock.today()
    if deadline is not None and applied > deadline:
        return RuleError(
            "app_deadline",
            clause=config.clause("application_deadline"),
            deadline=format_date(deadline),
            days=config["application_deadline_business_days"],
        )
    return None


def overlapping(config: OfficeConfig) -> bool:
    """Sessions may overlap the next grid slot: lengths beyond the grid step (003 6: 30/45/60 minutes on
    a 30-minute grid). Seats are then free only when no session on them overlaps the new one."""
    return max(config.session_lengths) > config.slot_minutes


def _busy_seats(office: str, start: dt.datetime, end: dt.datetime) -> dict[int, int]:
    """Seat number -> reservation of the individual sessions holding a seat that overlap [start, end)."""
    rows = (
        Reservation.select(Reservation.id, Reservation.seat_no)
        .join(SeatClaim, on=(SeatClaim.reservation == Reservation.id))
        .where(
            Reservation.office == office,
            Reservation.event.is_null(),
            Reservation.start < end,
            Reservation.end > start,
        )
        .tuples()
    )
    return {seat: rid for rid, seat in rows if seat is not None}


def _overlap_counts(office: str, grid: list[tuple[dt.datetime, dt.datetime]]) -> dict[str, int]:
    """Per grid slot: seats taken by any session overlapping it (one query for the day)."""
    if not grid:
        return {}
    lo, hi = grid[0][0], max(e for _, e in grid)
    rows = list(
        Reservation.select(Reservation.start, Reservation.end, Reservation.seat_no)
        .join(SeatClaim, on=(SeatClaim.reservation == Reservation.id))
        .where(Reservation.office == office, Reservation.event.is_null(), Reservation.start < hi, Reservation.end > lo)
        .tuples()
    )
    return {
        slot_key(office, s): len({seat for rs, re_, seat in rows if rs < e and re_ > s})
        for s, e in grid
    }


def _shown_end(config: OfficeConfig, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """A slot's end as listed: the office's default length where it fits, else the longest that fits
    (003 6: the 16:00 slot is 30 minutes, ending at 16:30)."""
    fitting = [m for m in config.session_lengths if config.fits(start, m)]
    if config.session_minutes in fitting:
        return start + dt.timedelta(minutes=config.session_minutes)
    return start + dt.timedelta(minutes=max(fitting)) if fitting else end


def slots(ctx: Context, office: str, day: dt.date, new_application: bool = True) -> list[SlotInfo]:
    """Every grid slot of ``day`` with its seats; a closed day has none. ``new_application=False``: the
    city's re-arrangement after its own failure (000 第10条(7)), which the application deadline spares."""
    config = get_config(office)
    if config.calendar.closed_reason(day):
        return []
    grid = config.grid(day)
    if overlapping(config):
        counts = _overlap_counts(office, grid)
    else:
        counts = _booked_counts(office, [slot_key(office, s) for s, _ in grid])
    result = []
    for start, end in grid:
        booked = counts.get(slot_key(office, start), 0)
        refusal = _slot_refusal(config, start, ctx, new_application=new_application)
        if refusal is None and booked >= config.seats:
            refusal = RuleError("full", start=f"{start:%H:%M}")
        result.append(
            SlotInfo(
                start=start,
                end=_shown_end(config, start, end),
                seats=config.seats,
                booked=booked,
                bookable=refusal is None,
                reason=refusal.message if refusal else None,
                rule=refusal.code if refusal else None,
            )
        )
    return result


def month_summary(ctx: Context, office: str, first: dt.date, last: dt.date) -> dict[dt.date, tuple[int, int]]:
    """Per business day from ``first`` to ``last``: (seats in total, seats booked). One query."""
    config = get_config(office)
    lo = dt.datetime.combine(first, dt.time.min)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)
    prefix = f"slot|{office}|"
    rows = (
        SeatClaim.select(SeatClaim.key)
        .where((SeatClaim.key >= prefix + f"{lo:%Y-%m-%dT%H:%M}") & (SeatClaim.key < prefix + f"{hi:%Y-%m-%dT%H:%M}"))
        .tuples()
    )
    booked: dict[dt.date, int] = {}
    for (key,) in rows:
        day = dt.date.fromisoformat(key[len(prefix) : len(prefix) + 10])
        booked[day] = booked.get(day, 0) + 1
    summary = {}
    day = first
    while day <= last:
        if not config.calendar.closed_reason(day):
            summary[day] = (len(config.grid(day)) * config.seats, booked.get(day, 0))
        day += dt.timedelta(days=1)
    return summary


def session_length(config: OfficeConfig, minutes: int | None, start: dt.datetime | None = None) -> int:
    """The booking's length: one the office offers (003 6: 30, 45 or 60 minutes). Not given: the
    office's own, or at a start where it does not end within the hours, the longest that does, which
    is the length the day's slot list shows for that start (16:00 at Yamaguchi: 30 minutes)."""
    if minutes is None:
        if start is not None:
            return int((_shown_end(config, start, start) - start).total_seconds() // 60) or config.session_minutes
        return config.session_minutes
    if minutes not in config.session_lengths:
        raise RuleError(
            "session_length",
            clause=config.clause("max_session"),
            minutes=minutes,
            allowed=join((str(m) for m in config.session_lengths), alternatives=True),
        )
    return minutes


def check_slot(
    config: OfficeConfig,
    start: dt.datetime,
    ctx: Context,
    minutes: int | None = None,
    submitted: dt.datetime | None = None,
    new_application: bool = True,
) -> None:
    """The slot rules: business day, inside the hours, on the grid, not past, deadline met."""
    reason = config.calendar.closed_reason(start.date())
    if reason:
        raise RuleError("closed_day", clause=config.clause("closed_day"), date=format_date(start.date()), reason=reason)
    length_minutes = minutes or config.session_minutes
    grid = config.grid(start.date(), length_minutes)
    if not any(s == start for s, _ in grid):
        inside = config.fits(start, length_minutes)
        if not inside:
            raise RuleError(
                "outside_hours",
                clause=config.clause("hours"),
                time=f"{start:%H:%M}",
                hours=config.hours_text(start.date()),
            )
        raise RuleError("off_grid", clause=config.clause("hours"), minutes=config.slot_minutes)
    refusal = _slot_refusal(config, start, ctx, submitted, new_application)
    if refusal:
        raise refusal


def check_submitted_at(ctx: Context, submitted: dt.datetime | None) -> None:
    """A recorded submission time is a real past moment: not after now (the import's time)."""
    if submitted is None:
        return
    if submitted.tzinfo is not None or submitted > ctx.clock.now():
        raise RuleError("submitted_in_future", at=f"{submitted:%Y-%m-%d %H:%M}")


def terms_version_at(config: OfficeConfig, when: dt.datetime | None) -> str:
    """The terms version in force at ``when`` (the current one, or an earlier one from the office's
    ``terms_history`` when the current terms took effect later); now when ``when`` is None."""
    if when is None:
        return config.terms_version
    effective = config["terms"].get("effective_date")
    if not effective or when.date() >= dt.date.fromisoformat(effective):
        return config.terms_version
    older = sorted(
        (h for h in config.get("terms_history") or [] if h.get("effective_date") and h.get("version")),
        key=lambda h: h["effective_date"],
    )
    version = config.terms_version
    for item in older:
        if when.date() >= dt.date.fromisoformat(item["effective_date"]):
            version = item["version"]
    return version


# ---------------------------------------------------------------- intake


def intake_fields(office: str) -> list[dict[str, Any]]:
    """The office's intake fields, as the `fields` command and the booking dialog show them."""
    config = get_config(office)
    return [
        {"key": f.key, "label": f.label, "required": f.required, "choices": f.choices, "example": f.example}
        for f in config.fields
    ]


def validate_field(config: OfficeConfig, key: str, value: str) -> str:
    """Normalise and check one field's value; raises the rule's own message. '' when empty and optional."""
    spec = config.field(key)
    if spec is None:
        raise RuleError("unknown_field", key=key)
    text = nfkc(value or "")  # a value of spaces or invisible characters only is empty
    if not text:
        if spec.required:
            raise RuleError("required", clause=spec.clause, label=spec.label)
        return ""
    if spec.type == "phone":
        return normalise_phone(text)
    if spec.type == "email":
        return normalise_email(text)
    if spec.type == "job_seeker_no":
        return normalise_job_seeker_no(text)
    if spec.type == "kana":
        return normalise_kana(text)
    text = normalise_line(text, spec.label)
    if spec.type == "choice" and spec.choices:
        if text not in spec.choices:
            raise RuleError("invalid_choice", clause=spec.clause, label=spec.label)
        if spec.eligible is not None and text not in spec.eligible:
            raise RuleError("ineligible", clause=spec.clause, label=spec.label, value=text)
    return text


def validate_intake(config: OfficeConfig, values: dict[str, str]) -> dict[str, str]:
    """Every field in preset order; unknown keys refused. Returns normalised values."""
    for key in values:
        if config.field(key) is None:
            raise RuleError("unknown_field", key=key)
    return {f.key: validate_field(config, f.key, values.get(f.key, "")) for f in config.fields}


def validate_companions(config: OfficeConfig, companions: list[dict[str, str]]) -> list[dict[str, str]]:
    """Companions named in advance with affiliation (003 5(1)①, 004 第10条(3))."""
    if not companions:
        return []
    if config.get("companions", "none") == "none":
        raise RuleError("companions_not_accepted")
    cleaned = []
    for item in companions:
        name = normalise_line(item.get("name", ""), _p("label", "name"), 100)
        relation = normalise_line(item.get("relation", ""), _p("label", "affiliation or relation"), 100)
        if not name and not relation:
            continue
        if not name or not relation:
            raise RuleError("companion_incomplete", clause=config.clause("companions"))
        cleaned.append({"name": name, "relation": relation})
    return cleaned


def check_consent(
    config: OfficeConfig, items: list[str] | None, version: str | None, in_force: str | None = None
) -> list[str]:
    """Every required checklist item ticked, against the terms version in force (now, or at submission)."""
    current = in_force or config.terms_version
    if version is not None and version != current:
        raise RuleError("consent_outdated", clause=config.clause("consent"), given=version, current=current)
    ticked = list(items or [])
    missing = [key for key in config.required_consent_keys() if key not in ticked]
    if missing:
        labels = {c["key"]: c["label"] for c in config.consent_items()}
        raise RuleError(
            "consent_missing",
            clause=config.clause("consent"),
            items=join(label_text(labels.get(k, k)) for k in missing),
        )
    return ticked


def check_channel(config: OfficeConfig, channel: str, first_booking: bool) -> None:
    allowed = list(config["booking_channels"])
    if channel not in CHANNELS or channel not in allowed:
        raise RuleError(
            "channel_not_accepted",
            clause=config.clause("booking_channels"),
            channel=channel_label(channel),
            allowed=join((channel_label(c) for c in allowed), alternatives=True),
        )
    first = config.get("first_booking_channels")
    if first_booking and first and channel not in first:
        raise RuleError(
            "first_booking_channel",
            clause=config.clause("first_booking_channels"),
            allowed=join((channel_label(c) for c in first), alternatives=True),
        )


# ---------------------------------------------------------------- applicants and trouble


def find_applicant(phone: str, name: str) -> Applicant | None:
    key = name_key(name)
    for applicant in Applicant.select().where(Applicant.phone == phone, Applicant.anonymised_at.is_null()):
        if name_key(applicant.name) == key:
            return applicant
    return None


def trouble_for(phone: str = "", email: str = "", job_seeker_no: str = "") -> list[Trouble]:
    """Earlier no-shows, terminations and refusals of the same person (phone, e-mail or 求職番号)."""
    conditions = []
    if phone:
        conditions.append(Applicant.phone == phone)
    if email:
        conditions.append(Applicant.email == email)
    if job_seeker_no:
        conditions.append(Applicant.job_seeker_no == job_seeker_no)
    if not conditions:
        return []
    cond = conditions[0]
    for extra in conditions[1:]:
        cond = cond | extra
    # The person's reservations through the applicant indexes, the status checked here: with the status
    # in the query, SQLite without statistics walks the status index (every no-show of five years).
    rows = (
        Reservation.select(Reservation.id, Reservation.office, Reservation.status, Reservation.start)
        .where(Reservation.applicant.in_(Applicant.select(Applicant.id).where(cond)))
        .order_by(Reservation.start, Reservation.id)
    )
    trouble = {s.value for s in TROUBLE}
    return [Trouble(r.id, r.office_id, r.status, r.start) for r in rows if r.status in trouble]


def _has_earlier_booking(office: str, phone: str, name: str) -> bool:
    applicant = find_applicant(phone, name)
    if applicant is None:
        return False
    return Reservation.select().where(Reservation.applicant == applicant, Reservation.office == office).exists()


# ---------------------------------------------------------------- booking


def _claim_seat(key: str, seats: int, reservation: Reservation) -> int | None:
    """Insert a claim on the first free seat; the unique index settles races between desks."""
    taken = {n for (n,) in SeatClaim.select(SeatClaim.seat_no).where(SeatClaim.key == key).tuples()}
    return _claim_first(key, seats, reservation, taken)


def _claim_first(key: str, seats: int, reservation: Reservation, busy: Container[int]) -> int | None:
    """Claim the first seat not in ``busy``, each try in a savepoint: the unique (key, seat) index
    settles a race with another desk, and the next seat is tried."""
    for seat in range(1, seats + 1):
        if seat in busy:
            continue
        try:
            with DB.atomic():
                SeatClaim.create(key=key, seat_no=seat, reservation=reservation)
            return seat
        except pw.IntegrityError:
            continue
    return None


def _claim_free_seat(office: str, key: str, seats: int, reservation: Reservation) -> int | None:
    """A seat no other session overlaps (003 6: lengths beyond the grid step). The office's row is locked
    first (PostgreSQL FOR UPDATE; SQLite's BEGIN IMMEDIATE already serialises), so two desks checking
    overlaps one after the other cannot both take the same seat; the unique index still guards the start."""
    if not is_sqlite():
        Office.select().where(Office.code == office).for_update().execute()
    return _claim_first(key, seats, reservation, _busy_seats(office, reservation.start, reservation.end))


def release_seat(reservation: Reservation) -> None:
    SeatClaim.delete().where(SeatClaim.reservation == reservation).execute()
    PersonClaim.delete().where(PersonClaim.reservation == reservation).execute()


def _claim_person(config: OfficeConfig, key: str, reservation: Reservation, intake: dict[str, str]) -> None:
    """One person, one seat of a slot (issue 14 (6)): the same phone, e-mail or 求職番号 cannot hold
    two seats of one slot. The unique (key, person) index settles desks booking at the same moment."""
    persons = person_keys(intake["phone"], intake["email"], intake.get("job_seeker_no", ""))
    held = PersonClaim.select(PersonClaim.reservation).where(PersonClaim.key == key, PersonClaim.person.in_(persons)).first()
    if held is not None:
        raise RuleError("same_person_slot", other=held.reservation_id)
    try:
        with DB.atomic():
            PersonClaim.insert_many([{"key": key, "person": p, "reservation": reservation} for p in persons]).execute()
    except pw.IntegrityError:  # another desk booked the same person here a moment ago
        raise RuleError("same_person_slot", other="-") from None


def initial_status(config: OfficeConfig, channel: str) -> Status:
    """In-session bookings are confirmed at once (003 7(1), 004 第4条(3)); otherwise the office's rule."""
    if channel == "in-session":
        return Status.CONFIRMED
    return Status(config.get("initial_status", "confirmed"))


@retry_conflicts
def book(ctx: Context, req: BookingRequest) -> Reservation:
    """Apply every booking rule and store the reservation with its history and consent, or refuse."""
    require(ctx, "book")
    config = get_config(req.office)
    if req.event_id is None and req.start is None:
        raise RuleError("required", label=_p("label", "desired date and time"))
    values = {"name": req.name, "kana": req.kana, "phone": req.phone, "email": req.email, **req.answers}
    intake = validate_intake(config, {k: v for k, v in values.items() if config.field(k) or v})
    companions = validate_companions(config, req.companions)
    check_submitted_at(ctx, req.submitted_at)
    terms_version = terms_version_at(config, req.submitted_at)
    ticked = check_consent(config, req.consent_items, req.terms_version, terms_version)
    note = normalise_text(req.note, _p("label", "note"), 1000)

    with transaction():
        event = None
        if req.event_id is not None:
            event = Event.get_or_none(Event.id == req.event_id, Event.office == req.office) if valid_id(req.event_id) else None
            if event is None:
                raise RuleError("event_not_found", id=req.event_id)
            start, end = event.start, event.end
            refusal = _slot_refusal(config, start, ctx, req.submitted_at)
            if refusal:
                raise refusal
        else:
            assert req.start is not None
            start = req.start.replace(second=0, microsecond=0)
            length = session_length(config, req.minutes, start)
            check_slot(config, start, ctx, length, req.submitted_at, new_application=not req.city_rearrangement)
            end = start + dt.timedelta(minutes=length)
        first = not _has_earlier_booking(req.office, intake["phone"], intake["name"])
        check_channel(config, req.channel, first)
        troubles = trouble_for(intake["phone"], intake["email"], intake.get("job_seeker_no", ""))
        if troubles and not req.acknowledge_trouble:
            raise RuleError(
                "trouble_not_acknowledged",
                clause=config.clause("no_show"),
                dates=join(t.text() for t in troubles),
            )

        applicant = find_applicant(intake["phone"], intake["name"])
        personal = {
            "name": intake["name"],
            "kana": intake.get("kana", ""),
            "phone": intake["phone"],
            "email": intake["email"],
            "address": intake.get("address", ""),
            "job_seeker_no": intake.get("job_seeker_no", ""),
        }
        if applicant is None:
            applicant = Applicant.create(**personal)
        else:
            for key, value in personal.items():
                if value:
                    setattr(applicant, key, value)
            applicant.save()

        status = initial_status(config, req.channel)
        answers = {k: v for k, v in intake.items() if k not in STANDARD_FIELDS and k not in ("address", "job_seeker_no")}
        now = ctx.clock.now()
        offer_days = config.get("offer_reply_business_days")
        reservation = Reservation.create(
            office=req.office,
            applicant=applicant,
            event=event,
            start=start,
            end=end,
            status=status.value,
            channel=req.channel,
            answers=answers,
            companions=companions,
            terms_version=terms_version,
            notify_by=_notify_by(config, start.date(), ctx.clock.today()),
            offer_reply_by=(  # the office's confirming mail is due (004 第4条(1)(2))
                answer_due(config, (req.submitted_at or now).date(), start.date())
                if status == Status.REQUESTED and config.get("offer_flow") and offer_days
                else None
            ),
            rescheduled_from=req.rescheduled_from,
            created_at=now,
            updated_at=now,
            created_by=ctx.actor.login,
        )
        key = event_key(event.id) if event else slot_key(req.office, start)
        if event is None:  # a group event may take a parent's several children; a slot is one person's
            _claim_person(config, key, reservation, intake)
        seats = event.capacity if event else config.seats
        if event is None and overlapping(config):
            seat = _claim_free_seat(req.office, key, seats, reservation)
        else:
            seat = _claim_seat(key, seats, reservation)
        if seat is None:
            if event:
                raise RuleError("event_full", clause=config.clause("events"), capacity=event.capacity)
            raise RuleError("full", clause=config.clause("seats"), start=f"{start:%Y-%m-%d %H:%M}")
        reservation.seat_no = seat
        reservation.save()
        Consent.create(
            reservation=reservation,
            terms_version=terms_version,
            items=ticked,
            staff=ctx.actor.login,
            at=req.submitted_at or now,
            channel=req.channel,
        )
        data: dict[str, Any] = {"consent": ticked, "terms_version": terms_version}
        if req.submitted_at is not None:
            data["submitted_at"] = f"{req.submitted_at:%Y-%m-%dT%H:%M}"
        if troubles:
            data["trouble_acknowledged"] = [t.reservation_id for t in troubles]
            trouble_note = "過去の利用状況を確認のうえ受付：" + "、".join(t.text() for t in troubles)
            note = f"{note}\n{trouble_note}".strip()
        History.create(
            reservation=reservation,
            at=now,
            action=Action.BOOK.value,
            from_status=None,
            status=status.value,
            channel=req.channel,
            staff=ctx.actor.login,
            note=note,
            data=data,
        )
        from consult_desk import outbox  # the details, reminder or answer mail (issue 17)

        outbox.sync(ctx, reservation)
        touch(Topic.RESERVATIONS)
    return reservation


def record_trouble_refusal(ctx: Context, office: str, name: str, phone: str, troubles: list[Trouble]) -> None:
    """The staff refused a booking because of earlier trouble: the decision is kept in the audit log."""
    with transaction():
        audit.record(
            ctx,
            "booking_refused_trouble",
            target=office,
            count=1,
            detail=join(t.text() for t in troubles),
        )
        changes.touch(Topic.AUDIT)


def create_event(
    ctx: Context, office: str, kind: str, title: str, start: dt.datetime, minutes: int, capacity: int | None = None
) -> Event:
    """A group event (002: 交流会, 相談, 講座) with a participant limit."""
    require(ctx, "manage_offices")
    config = get_config(office)
    events = config.get("events")
    if not events:
        raise RuleError("invalid_value", label="events", value=office)
    kinds = [k["key"] for k in events["kinds"]]
    if kind not in kinds:
        raise RuleError("invalid_choice", label=_p("label", "kind"))
    cap = capacity if capacity is not None else int(events["default_capacity"])
    if not 1 <= cap <= 10_000:
        raise RuleError("invalid_value", label=_p("label", "capacity"), value=cap)
    if not 1 <= minutes <= 24 * 60:
        raise RuleError("invalid_value", label=_p("label", "length (minutes)"), value=minutes)
    reason = config.calendar.closed_reason(start.date())
    if reason:
        raise RuleError("closed_day", date=format_date(start.date()), reason=reason)
    with transaction():
        event = Event.create(
            office=office,
            kind=kind,
            title=normalise_line(title, _p("label", "title")) or kind,
            start=start,
            end=start + dt.timedelta(minutes=minutes),
            capacity=cap,
        )
        audit.record(ctx, "event_create", f"{office} {event.id}")
        changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
    return event
