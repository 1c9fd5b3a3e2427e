"""The session day: today's board, the session timer, the callback detail and the next booking.

Read-only services for the counsellor's day (the writes go through :mod:`consult_desk.lifecycle`).
The board reads the whole day in one SQL statement (correlated subqueries for contact notes,
the last check-in and the open callback), so a timer can refresh it every few seconds.

Seed clauses behind the day: connection test before the start (000 第5条(4)); face and name at
entry (000 第5条(5)); strict times, a late start does not move the end (001); 30 minutes,
extendable to 45 (004 第4条(1)); at most 60 minutes (003 6); 10 minutes past the start without
contact counts as cancelled (003 7(2), 004 第4条(4)); a failed connection becomes a phone call
(001, 003 8, 000 第10条(7)); the next booking can be made in the session (003 7(1), 004 第4条(3)).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import peewee as pw

from consult_desk import booking, lifecycle, seed_rules
from consult_desk.actions import Action
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.i18n import NP_, _p, _t
from consult_desk.models import (
    Applicant,
    Callback,
    CallbackAttempt,
    Consent,
    Event,
    History,
    Reservation,
    Staff,
)
from consult_desk.offices import get_config
from consult_desk.presets import STANDARD_FIELDS, OfficeConfig
from consult_desk.states import ACTIVE, BOOKED, TRANSITIONS, Status, action_label, status_label
from consult_desk.validation import format_phone

S = Status
WARN_BEFORE_END_MINUTES = 5  # the timer warns this long before the planned end
# Not on the board: never reached the day (the seat was given back before it).
HIDDEN = (S.CANCELLED, S.REFUSED)
# Actions the board offers; "callback-attempt" and "next-booking" are not state-machine actions.
BOARD_ACTIONS: tuple[Action, ...] = (
    Action.OFFER,  # Hello Work: the office's mail naming the time confirms (004 第4条(2))
    Action.CONFIRM,
    Action.CHECK_IN,
    Action.START,
    Action.EXTEND,
    Action.COMPLETE,
    Action.NO_SHOW,
    Action.CONNECTION_FAILED,
    Action.CALLBACK_ATTEMPT,
    Action.COMPLETE_BY_PHONE,
    Action.RESCHEDULE,
    Action.UNREACHABLE,
    Action.TERMINATE,
    Action.CONTACT,
    Action.UNDO_NO_SHOW,
    Action.NEXT_BOOKING,
)
WARNING_LABELS: dict[str, str] = {
    "late": NP_("session.warning", "past the start"),
    "no_show_due": NP_("session.warning", "no-show can be recorded"),
    "ending_soon": NP_("session.warning", "ending soon"),
    "overrun": NP_("session.warning", "past the end"),
    "connection_test_failed": NP_("session.warning", "connection test failed"),
    "companions_mismatch": NP_("session.warning", "companions not as registered"),
    "callback_due": NP_("session.warning", "callback due"),
    "flagged": NP_("session.warning", "flagged (earlier prohibited act)"),
}


def warning_label(code: str) -> str:
    return _p("session.warning", WARNING_LABELS.get(code, code))


def _minutes_until(when: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes from ``now`` to ``when``, rounded up (negative once it has passed)."""
    return math.ceil((when - now).total_seconds() / 60)


@dataclass
class SessionTimer:
    """Where a session stands against its planned end (001: strict times; 004 第4条(1), 003 6)."""

    planned_end: dt.datetime
    max_end: dt.datetime  # the latest end an extension may reach
    remaining_minutes: int  # to the planned end; negative when overrunning
    warning: bool  # within WARN_BEFORE_END_MINUTES of the end
    overrun: bool
    extendable: bool
    extend_allowance: int  # minutes that can still be added
    late_minutes: int  # how late the session started (0 when on time or not started)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["planned_end"] = f"{self.planned_end:%Y-%m-%dT%H:%M}"
        data["max_end"] = f"{self.max_end:%Y-%m-%dT%H:%M}"
        return data


def _timer(
    config: OfficeConfig,
    status: str,
    start: dt.datetime,
    end: dt.datetime,
    actual_start: dt.datetime | None,
    now: dt.datetime,
) -> SessionTimer:
    probe = Reservation(start=start, end=end, actual_start=actual_start)
    max_end = lifecycle.extend_limit(config, probe)
    running = Status(status) in ACTIVE
    remaining = _minutes_until(end, now)
    allowance = max(0, int((max_end - end).total_seconds() // 60))
    return SessionTimer(
        planned_end=end,
        max_end=max_end,
        remaining_minutes=remaining,
        warning=Status(status) == S.IN_SESSION and 0 < remaining <= WARN_BEFORE_END_MINUTES,
        overrun=Status(status) == S.IN_SESSION and remaining <= 0,
        extendable=running and allowance > 0 and now < max_end,
        extend_allowance=allowance,
        late_minutes=max(0, int((actual_start - start).total_seconds() // 60)) if actual_start else 0,
    )


def session_timer(reservation: Reservation, now: dt.datetime) -> SessionTimer:
    """The timer of one session: remaining minutes, the warning before the end, whether it may be extended."""
    config = get_config(reservation.office_id)
    return _timer(config, reservation.status, reservation.start, reservation.end, reservation.actual_start, now)


@dataclass
class BoardRow:
    """One session on today's board, with what the board proposes to do next."""

    id: int
    start: dt.datetime
    end: dt.datetime
    status: str
    name: str
    kana: str
    phone: str
    channel: str
    lane: str  # the counsellor, the seat, or the group event
    lane_order: tuple[Any, ...]  # counsellors by name, then seats by number, then group events
    seat_no: int | None
    counsellor: str
    companions: int
    flagged: bool
    contact: bool  # the applicant got in touch (no no-show then)
    no_show_undone: bool
    connection_test: str | None  # of the last check-in: ok / failed
    identity_checked: bool | None
    companions_present: bool | None
    actual_start: dt.datetime | None
    no_show_from: dt.datetime
    callback_due: dt.datetime | None
    callback_attempts: int
    last_callback_result: str | None
    callback_reached: bool  # some call got through (needed to complete by phone)
    timer: SessionTimer
    next_action: str | None = None
    actions: list[str] = field(default_factory=list)
    countdown: int | None = None  # minutes; see countdown_to
    countdown_to: str | None = None  # start, no_show, end, due
    warnings: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    def as_json(self) -> dict[str, Any]:
        def hm(value: dt.datetime | None) -> str | None:
            return f"{value:%Y-%m-%dT%H:%M}" if value else None

        return {
            "id": self.id,
            "lane": self.lane,
            "start": hm(self.start),
            "end": hm(self.end),
            "status": self.status,
            "name": self.name,
            "phone": self.phone,
            "next_action": self.next_action,
            "actions": self.actions,
            "countdown": self.countdown,
            "countdown_to": self.countdown_to,
            "warnings": self.warnings,
            "connection_test": self.connection_test,
            "no_show_from": hm(self.no_show_from),
            "callback_due": hm(self.callback_due),
            "callback_attempts": self.callback_attempts,
            "timer": self.timer.as_json() if Status(self.status) in ACTIVE else None,
        }


def _as_datetime(value: Any) -> dt.datetime | None:
    """A datetime read through a subquery (SQLite hands back text, PostgreSQL a datetime)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _as_json(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _lane(seat_no: int | None, counsellor: str, event_title: str | None) -> tuple[str, tuple[Any, ...]]:
    if counsellor:
        return counsellor, (0, counsellor, 0)
    if event_title:
        return event_title, (2, event_title, 0)
    if seat_no is None:
        return "—", (1, "", 0)
    return _t("Seat {seat}", seat=seat_no), (1, "", seat_no)


def _propose(config: OfficeConfig, row: BoardRow, now: dt.datetime) -> None:
    """Fill in the next action, the actions on offer, the countdown and the warnings of a row."""
    status = Status(row.status)
    allowed = [a for a, (sources, _) in TRANSITIONS.items() if status in sources]
    actions = [a for a in BOARD_ACTIONS if a in allowed and (a != "offer" or config.get("offer_flow"))]
    warnings: list[str] = []
    next_action: str | None = None
    countdown: int | None = None
    countdown_to: str | None = None
    no_show_ok = now >= row.no_show_from and not row.contact
    if no_show_ok and status in BOOKED:  # 003 7(2), 004 第4条(4): only a session whose time was communicated
        no_show_ok = seed_rules.date_communicated(Reservation(id=row.id, status=row.status, channel=row.channel))
    if status in BOOKED:
        if not no_show_ok or status in (S.REQUESTED, S.OFFERED):
            actions = [a for a in actions if a != Action.NO_SHOW]
        if status in (S.REQUESTED, S.OFFERED):
            next_action = Action.OFFER if config.get("offer_flow") else Action.CONFIRM
        elif no_show_ok and not row.no_show_undone:
            next_action = Action.NO_SHOW
        else:
            next_action = Action.CHECK_IN
        if now < row.start or row.contact or row.no_show_undone:
            countdown, countdown_to = _minutes_until(row.start, now), "start"
        else:
            countdown, countdown_to = _minutes_until(row.no_show_from, now), "no_show"
        if now >= row.start:
            warnings.append("no_show_due" if no_show_ok and status not in (S.REQUESTED, S.OFFERED) else "late")
    elif status == S.CHECKED_IN:
        if row.connection_test == "failed":
            next_action = Action.CONNECTION_FAILED
            warnings.append("connection_test_failed")
        else:
            next_action = Action.START
        countdown, countdown_to = _minutes_until(row.start, now), "start"
        if now >= row.start:
            warnings.append("late")
    elif status == S.IN_SESSION:
        next_action = Action.COMPLETE
        countdown, countdown_to = row.timer.remaining_minutes, "end"
        if row.timer.warning:
            warnings.append("ending_soon")
        if row.timer.overrun:
            warnings.append("overrun")
    elif status == S.PHONE_CALLBACK:
        actions = [Action.CALLBACK_ATTEMPT, *actions]
        if not row.callback_reached:
            actions.remove(Action.COMPLETE_BY_PHONE)
        if not row.callback_attempts and config.get("reschedule_after_connection_failure") != "city_fault_only":
            actions.remove(Action.UNREACHABLE)  # 000 第10条(7): there the consultation may end without a call
        next_action = Action.COMPLETE_BY_PHONE if row.last_callback_result == "reached" else Action.CALLBACK_ATTEMPT
        if row.callback_due is not None:
            countdown, countdown_to = _minutes_until(row.callback_due, now), "due"
            if now >= row.callback_due and row.last_callback_result != "reached":
                warnings.append("callback_due")
    if status in ACTIVE:
        if not row.timer.extendable:
            actions = [a for a in actions if a != Action.EXTEND]
        if "in-session" in config["booking_channels"]:
            actions.append(Action.NEXT_BOOKING)
        if row.companions_present is False:
            warnings.append("companions_mismatch")
    if status == S.CHECKED_IN and row.connection_test == "failed":
        actions = [a for a in actions if a != Action.START]
    if status != S.PHONE_CALLBACK:  # moving a booking is the desk's work, not the day's
        actions = [a for a in actions if a != Action.RESCHEDULE]
    if row.flagged and status not in (S.TERMINATED,):
        warnings.append("flagged")
    row.next_action = next_action
    row.actions = actions
    row.countdown = countdown
    row.countdown_to = countdown_to
    row.warnings = warnings


def today_board(office: str, day: dt.date, now: dt.datetime) -> list[BoardRow]:
    """The day's sessions of an office, per counsellor (or seat, or group event) in time order.

    One SQL statement: the reservations with their applicant, counsellor and event, and, per
    reservation, whether a contact was noted, whether a no-show was undone, the last check-in's
    results and the open callback (due time, attempts, last result).
    """
    config = get_config(office)
    lo = dt.datetime.combine(day, dt.time.min)
    hi = lo + dt.timedelta(days=1)
    H = History.alias()
    contact = H.select(pw.fn.COUNT(H.id)).where((H.reservation == Reservation.id) & (H.action == Action.CONTACT.value))
    H2 = History.alias()
    undone = H2.select(pw.fn.COUNT(H2.id)).where((H2.reservation == Reservation.id) & (H2.action == Action.UNDO_NO_SHOW.value))
    H3 = History.alias()
    checks = (
        H3.select(H3.data)
        .where((H3.reservation == Reservation.id) & (H3.action == Action.CHECK_IN.value))
        .order_by(H3.id.desc())
        .limit(1)
    )
    C = Callback.alias()
    open_cb = C.select(C.id).where((C.reservation == Reservation.id) & C.closed_at.is_null()).order_by(C.id.desc()).limit(1)
    C2 = Callback.alias()
    cb_due = C2.select(C2.due).where(C2.id == open_cb)
    A = CallbackAttempt.alias()
    attempts = A.select(pw.fn.COUNT(A.id)).where(A.callback == open_cb)
    A2 = CallbackAttempt.alias()
    last_result = A2.select(A2.result).where(A2.callback == open_cb).order_by(A2.id.desc()).limit(1)
    A3 = CallbackAttempt.alias()
    reached = A3.select(pw.fn.COUNT(A3.id)).where((A3.callback == open_cb) & (A3.result == "reached"))
    query = (
        Reservation.select(
            Reservation.id,
            Reservation.start,
            Reservation.end,
            Reservation.status,
            Reservation.channel,
            Reservation.seat_no,
            Reservation.companions,
            Reservation.actual_start,
            Applicant.name,
            Applicant.kana,
            Applicant.phone,
            Applicant.flagged,
            Staff.display_name,
            Event.title,
            contact.alias("n_contact"),
            undone.alias("n_undone"),
            checks.alias("checks"),
            cb_due.alias("cb_due"),
            attempts.alias("n_attempts"),
            last_result.alias("last_result"),
            reached.alias("n_reached"),
        )
        .join(Applicant, on=(Reservation.applicant == Applicant.id))
        .switch(Reservation)
        .join(Staff, pw.JOIN.LEFT_OUTER, on=(Reservation.counsellor == Staff.id))
        .switch(Reservation)
        .join(Event, pw.JOIN.LEFT_OUTER, on=(Reservation.event == Event.id))
        .where(
            (Reservation.office == office)
            & (Reservation.start >= lo)
            & (Reservation.start < hi)
            & Reservation.status.not_in([s.value for s in HIDDEN])
        )
        .order_by(Reservation.start, Reservation.id)
        .dicts()
    )
    grace = dt.timedelta(minutes=config.grace_minutes)
    rows = []
    for r in query:
        counsellor = r["display_name"] or ""
        checked = _as_json(r["checks"]) if r["checks"] is not None else None
        lane, lane_order = _lane(r["seat_no"], counsellor, r["title"])
        row = BoardRow(
            id=r["id"],
            start=r["start"],
            end=r["end"],
            status=r["status"],
            name=r["name"],
            kana=r["kana"],
            phone=format_phone(r["phone"]),
            channel=r["channel"],
            lane=lane,
            lane_order=lane_order,
            seat_no=r["seat_no"],
            counsellor=counsellor,
            companions=len(r["companions"] or []),
            flagged=bool(r["flagged"]),
            contact=bool(r["n_contact"]),
            no_show_undone=bool(r["n_undone"]),
            connection_test=checked.get("connection_test") if checked is not None else None,
            identity_checked=checked.get("identity_checked") if checked is not None else None,
            companions_present=checked.get("companions_present") if checked is not None else None,
            actual_start=r["actual_start"],
            no_show_from=r["start"] + grace,
            callback_due=_as_datetime(r["cb_due"]),
            callback_attempts=int(r["n_attempts"] or 0),
            last_callback_result=r["last_result"],
            callback_reached=bool(r["n_reached"]),
            timer=_timer(config, r["status"], r["start"], r["end"], r["actual_start"], now),
        )
        _propose(config, row, now)
        rows.append(row)
    return sorted(rows, key=lambda row: (*row.lane_order, row.start, row.id))


# ---------------------------------------------------------------- callbacks


@dataclass
class CallbackInfo:
    """What the callback panel shows: the number to call, the calls so far, the office's rule."""

    reservation_id: int
    office: str
    name: str
    phone: str  # formatted for reading out
    phone_digits: str  # for the clipboard
    start: dt.datetime
    due: dt.datetime
    opened_at: dt.datetime
    attempts: list[dict[str, Any]]
    city_fault_only: bool  # 000 第10条(7): a new slot only when the city caused the failure
    clause: str | None
    status: str

    @property
    def reached(self) -> bool:
        return any(a["result"] == "reached" for a in self.attempts)


def callback_info(reservation_id: int) -> CallbackInfo:
    """The open phone callback of a reservation; refused when there is none."""
    res = lifecycle.get_reservation(reservation_id)
    callback = lifecycle.open_callback(res)
    if callback is None or res.status != S.PHONE_CALLBACK:
        raise RuleError("transition", status=status_label(res.status), action=action_label(Action.CALLBACK_ATTEMPT))
    config = get_config(res.office_id)
    attempts = [
        {"at": a.at, "result": a.result, "note": a.note, "staff": a.staff}
        for a in CallbackAttempt.select().where(CallbackAttempt.callback == callback).order_by(CallbackAttempt.id)
    ]
    return CallbackInfo(
        reservation_id=res.id,
        office=res.office_id,
        name=res.applicant.name,
        phone=format_phone(callback.phone),
        phone_digits=callback.phone,
        start=res.start,
        due=callback.due,
        opened_at=callback.opened_at,
        attempts=attempts,
        city_fault_only=config.get("reschedule_after_connection_failure") == "city_fault_only",
        clause=config.clause("connection_failure"),
        status=res.status,
    )


def callback_queue(office: str | None, now: dt.datetime) -> list[lifecycle.QueuedCallback]:
    """Open callbacks, earliest due first, each marked overdue when its time has come."""
    return [
        replace(
            row,
            overdue=now >= row.due and row.last_result != "reached",
            due_in=_minutes_until(row.due, now),
        )
        for row in lifecycle.open_callbacks(office)
    ]


# ---------------------------------------------------------------- the next booking


def next_booking_prefill(reservation_id: int) -> dict[str, Any]:
    """The applicant's data for the next booking made in the session (003 7(1), 004 第4条(3)).

    Keys follow the intake form: name, kana, phone, email and the office's own fields, plus the
    companions and the consent items when the terms version is still the current one.
    """
    res = lifecycle.get_reservation(reservation_id)
    config = get_config(res.office_id)
    applicant = res.applicant
    values: dict[str, Any] = {
        "name": applicant.name,
        "kana": applicant.kana,
        "phone": format_phone(applicant.phone),
        "email": applicant.email,
    }
    for key, value in (res.answers or {}).items():
        if config.field(key):
            values[key] = value
    if applicant.address and config.field("address"):
        values["address"] = applicant.address
    if applicant.job_seeker_no and config.field("job_seeker_no"):
        values["job_seeker_no"] = applicant.job_seeker_no
    consent = Consent.select().where(Consent.reservation == res).order_by(Consent.id.desc()).first()
    return {
        "values": values,
        "companions": list(res.companions or []),
        "consent_items": list(consent.items) if consent and consent.terms_version == config.terms_version else None,
        "from_reservation": res.id,
    }


def require_next_booking_allowed(reservation_id: int) -> OfficeConfig:
    """The next booking in a session is taken only while that session runs, and only where the office allows it."""
    res = lifecycle.get_reservation(reservation_id)
    config = get_config(res.office_id)
    if Status(res.status) not in ACTIVE:
        raise RuleError("in_session_booking")
    booking.check_channel(config, "in-session", first_booking=False)
    return config


def book_next(
    ctx: Context,
    reservation_id: int,
    start: dt.datetime,
    consent_items: list[str] | None = None,
    note: str = "",
    acknowledge_trouble: bool = False,
) -> Reservation:
    """Book the applicant's next session from inside the current one: confirmed at once
    (003 7(1), 004 第4条(3)), under every other booking rule (grid, deadline, seats)."""
    require_next_booking_allowed(reservation_id)
    res = lifecycle.get_reservation(reservation_id)
    prefill = next_booking_prefill(reservation_id)
    values = prefill["values"]
    mark = f"予約{reservation_id}の相談中に受付"
    return booking.book(
        ctx,
        booking.BookingRequest(
            office=res.office_id,
            start=start,
            name=values["name"],
            kana=values.get("kana", ""),
            phone=values["phone"],
            email=values["email"],
            channel="in-session",
            answers={k: v for k, v in values.items() if k not in STANDARD_FIELDS},
            companions=prefill["companions"],
            consent_items=consent_items if consent_items is not None else prefill["consent_items"],
            note=f"{note}\n{mark}".strip() if note else mark,
            acknowledge_trouble=acknowledge_trouble,
        ),
    )
