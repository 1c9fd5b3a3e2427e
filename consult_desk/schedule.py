"""What the desk's calendar shows, read in one query per visible range (month, week or day).

The window never queries per cell: a month is :func:`month_days` (one query on the seat claims,
through :func:`booking.month_summary`), a week or a day is :func:`plan` (one query on the
reservations of the office in that range, joined with the applicant, plus one on the events of
offices that run them). Slot rules (past, application deadline, full) are the booking service's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from consult_desk import booking
from consult_desk.booking import SlotInfo
from consult_desk.calendar import holiday_name, is_year_end_closure
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import Applicant, Event, MeetingCredential, Reservation, Staff
from consult_desk.offices import get_config
from consult_desk.states import BOOKED, Status

# Statuses whose seat went back to the pool (lifecycle releases the seat claim for these).
RELEASED = (Status.CANCELLED, Status.REFUSED, Status.RESCHEDULED)


@dataclass(frozen=True)
class Booked:
    """A reservation as the calendar shows it (no secrets, nothing the cell does not need)."""

    id: int
    start: dt.datetime
    end: dt.datetime
    status: str
    seat_no: int | None
    event_id: int | None
    name: str
    kana: str
    channel: str
    terms_version: str
    counsellor: str = ""

    @property
    def holds_seat(self) -> bool:
        return Status(self.status) not in RELEASED

    @property
    def not_yet_held(self) -> bool:
        return Status(self.status) in BOOKED

    def older_terms(self, current: str) -> bool:
        """Consent was given to an earlier version of the terms and the session is still ahead."""
        return self.not_yet_held and self.terms_version != current


@dataclass
class EventSlot:
    """A group event of the day (002) with its participants counted."""

    id: int
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    capacity: int
    booked: int
    bookable: bool
    reason: str | None


@dataclass
class DayPlan:
    day: dt.date
    closed: str | None
    holiday: str | None
    seats: int
    terms_version: str = ""  # the office's current terms: consent to an older one is shown
    slots: list[SlotInfo] = field(default_factory=list)
    reservations: list[Booked] = field(default_factory=list)
    events: list[EventSlot] = field(default_factory=list)

    def in_slot(self, start: dt.datetime) -> list[Booked]:
        """Individual reservations (not event participants) starting at ``start``."""
        return [r for r in self.reservations if r.event_id is None and r.start == start]

    def holder(self, start: dt.datetime, seat: int) -> Booked | None:
        """The reservation that holds ``seat`` of the slot, if any."""
        return next((r for r in self.in_slot(start) if r.holds_seat and r.seat_no == seat), None)

    def released(self, start: dt.datetime) -> list[Booked]:
        """Cancelled, refused or moved reservations of the slot: their seat is free again."""
        return [r for r in self.in_slot(start) if not r.holds_seat]

    def slot(self, start: dt.datetime) -> SlotInfo | None:
        return next((s for s in self.slots if s.start == start), None)

    def starts(self) -> list[dt.datetime]:
        """Every row of the day timeline: the grid, plus any reservation off the grid (hours changed later)."""
        times = {s.start for s in self.slots}
        times.update(r.start for r in self.reservations if r.event_id is None)
        return sorted(times)


@dataclass(frozen=True)
class MonthDay:
    day: dt.date
    seats: int  # seats in all the day's slots; 0 on a closed day
    booked: int
    closed: str | None
    holiday: str | None
    year_end: bool
    open_for_booking: bool  # at least one slot can still be booked today (not past, deadline not passed)

    @property
    def free(self) -> int:
        return max(0, self.seats - self.booked)


@dataclass(frozen=True)
class CredentialView:
    """Current (not revoked) meeting credentials of a reservation, for the panel's read-only view."""

    id: int
    url: str
    meeting_id: str
    passcode: str
    room_key: str
    password: str
    issued_at: dt.datetime
    issued_by: str


def _day_bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(first, dt.time.min), dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)


def reservations_between(office: str, first: dt.date, last: dt.date) -> list[Booked]:
    """Every reservation of ``office`` starting from ``first`` to ``last`` (inclusive). One query."""
    lo, hi = _day_bounds(first, last)
    counsellor = Staff.alias()
    rows = (
        Reservation.select(
            Reservation.id,
            Reservation.start,
            Reservation.end,
            Reservation.status,
            Reservation.seat_no,
            Reservation.event,
            Applicant.name,
            Applicant.kana,
            Reservation.channel,
            Reservation.terms_version,
            counsellor.display_name,
        )
        .join(Applicant, on=(Reservation.applicant == Applicant.id))
        .switch(Reservation)
        .join(counsellor, pw.JOIN.LEFT_OUTER, on=(Reservation.counsellor == counsellor.id))
        .where((Reservation.office == office) & (Reservation.start >= lo) & (Reservation.start < hi))
        .order_by(Reservation.start, Reservation.seat_no, Reservation.id)
        .tuples()
    )
    return [
        Booked(
            id=rid,
            start=start,
            end=end,
            status=status,
            seat_no=seat,
            event_id=event,
            name=name,
            kana=kana or "",
            channel=channel,
            terms_version=terms,
            counsellor=staff or "",
        )
        for rid, start, end, status, seat, event, name, kana, channel, terms, staff in rows
    ]


def plan(ctx: Context, office: str, first: dt.date, last: dt.date) -> list[DayPlan]:
    """The week or day timeline from ``first`` to ``last``: slots with their seats, reservations, events."""
    config = get_config(office)
    rows = reservations_between(office, first, last)
    events: list[Event] = []
    if config.get("events"):
        lo, hi = _day_bounds(first, last)
        events = list(
            Event.select()
            .where((Event.office == office) & (Event.start >= lo) & (Event.start < hi))
            .order_by(Event.start, Event.id)
        )
    by_day: dict[dt.date, list[Booked]] = {}
    for row in rows:
        by_day.setdefault(row.start.date(), []).append(row)
    result = []
    day = first
    while day <= last:
        todays = by_day.get(day, [])
        closed = config.calendar.closed_reason(day)
        dp = DayPlan(
            day=day,
            closed=closed,
            holiday=holiday_name(day),
            seats=config.seats,
            terms_version=config.terms_version,
            reservations=todays,
        )
        if not closed:
            for start, end in config.grid(day):
                taken = sum(1 for r in todays if r.event_id is None and r.start == start and r.holds_seat)
                refusal = booking._slot_refusal(config, start, ctx)
                if refusal is None and taken >= config.seats:
                    refusal = RuleError("full", start=f"{start:%H:%M}")
                dp.slots.append(
                    SlotInfo(
                        start=start,
                        end=end,
                        seats=config.seats,
                        booked=taken,
                        bookable=refusal is None,
                        reason=refusal.message if refusal else None,
                        rule=refusal.code if refusal else None,
                    )
                )
        for event in events:
            if event.start.date() != day:
                continue
            taken = sum(1 for r in todays if r.event_id == event.id and r.holds_seat)
            refusal = booking._slot_refusal(config, event.start, ctx)
            if refusal is None and taken >= event.capacity:
                refusal = RuleError("event_full", clause=config.clause("events"), capacity=event.capacity)
            dp.events.append(
                EventSlot(
                    id=event.id,
                    kind=event.kind,
                    title=event.title,
                    start=event.start,
                    end=event.end,
                    capacity=event.capacity,
                    booked=taken,
                    bookable=refusal is None,
                    reason=refusal.message if refusal else None,
                )
            )
        result.append(dp)
        day += dt.timedelta(days=1)
    return result


def day_plan(ctx: Context, office: str, day: dt.date) -> DayPlan:
    return plan(ctx, office, day, day)[0]


def month_days(ctx: Context, office: str, first: dt.date, last: dt.date) -> list[MonthDay]:
    """Each day from ``first`` to ``last`` with free seats, closure, holiday and year-end shading."""
    config = get_config(office)
    summary = booking.month_summary(ctx, office, first, last)
    result = []
    day = first
    while day <= last:
        seats, booked = summary.get(day, (0, 0))
        grid = config.grid(day) if day in summary else []
        result.append(
            MonthDay(
                day=day,
                seats=seats,
                booked=booked,
                closed=config.calendar.closed_reason(day),
                holiday=holiday_name(day),
                year_end=is_year_end_closure(day),
                open_for_booking=bool(grid) and booking._slot_refusal(config, grid[-1][0], ctx) is None,
            )
        )
        day += dt.timedelta(days=1)
    return result


def first_bookable(ctx: Context, office: str, day: dt.date, days: int = 1) -> dt.datetime | None:
    """The first slot that can be booked now on ``day`` or the ``days - 1`` days after it (closed
    days and slots past their deadline or full are skipped): Ctrl+N on a day rather than a slot."""
    config = get_config(office)
    for offset in range(max(1, days)):
        current = day + dt.timedelta(days=offset)
        if offset and not config.calendar.is_business_day(current):
            continue
        start = next((s.start for s in booking.slots(ctx, office, current) if s.bookable), None)
        if start is not None:
            return start
    return None


def meeting_credentials(reservation_id: int) -> list[CredentialView]:
    """The reservation's current meeting credentials (revoked ones left out), newest first."""
    rows = (
        MeetingCredential.select()
        .where((MeetingCredential.reservation == reservation_id) & MeetingCredential.revoked_at.is_null())
        .order_by(MeetingCredential.issued_at.desc(), MeetingCredential.id.desc())
    )
    return [
        CredentialView(
            id=c.id,
            url=c.url,
            meeting_id=c.meeting_id,
            passcode=c.passcode,
            room_key=c.room_key,
            password=c.password,
            issued_at=c.issued_at,
            issued_by=c.issued_by,
        )
        for c in rows
    ]
