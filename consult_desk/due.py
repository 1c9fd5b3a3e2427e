"""What the desk owes applicants: the due list on the today board and the count in the status bar.

- ``details``: a confirmed reservation whose date and way in have not gone out; due by the
  office's deadline (``notify_by``: 000 第4条(3) three business days before; the others' presets).
- ``resend``: meeting details went out, then the credentials were reissued or withdrawn
  (lost or stolen, 002 5(3)): the applicant must get the new ones.
- ``offer``: Hello Work, an application the office has not answered yet. The office's mail naming an
  available time confirms the booking on receipt (004 第4条(2) 「この受信をもって予約が確定します」; no reply
  is asked of the applicant), and it is due by the business day after the application
  (「予約申込みの翌営業日中」), and by the 前々日 at the latest (004 第4条(1) 「営業日上の前々日までに予約が完了」).

Sessions already started are left out (they belong to the day's own handling).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from consult_desk.actions import Action
from consult_desk.booking import answer_due
from consult_desk.calendar import format_date
from consult_desk.credentials import current
from consult_desk.i18n import NP_, _p, _t
from consult_desk.models import Applicant, History, MeetingCredential, Office, Outbox, Reservation
from consult_desk.offices import get_config
from consult_desk.presets import OfficeConfig
from consult_desk.states import Status
from consult_desk.validation import format_phone

KIND_LABELS: dict[str, str] = {
    "details": NP_("due.kind", "send meeting details"),
    "resend": NP_("due.kind", "resend meeting details"),
    "offer": NP_("due.kind", "send the confirming mail"),
}
# What the clerk does for each: which mail template answers it.
KIND_TEMPLATES = {"details": "details", "resend": "details", "offer": "offered"}
SEVERITIES = ("overdue", "today", "upcoming")
SEVERITY_LABELS = {"overdue": NP_("due.severity", "overdue"), "today": NP_("due.severity", "due today"), "upcoming": NP_("due.severity", "soon")}


def kind_label(kind: str) -> str:
    return _p("due.kind", KIND_LABELS.get(kind, kind))


def severity_label(severity: str) -> str:
    return _p("due.severity", SEVERITY_LABELS.get(severity, severity))


@dataclass
class DueItem:
    reservation_id: int
    office: str
    kind: str
    deadline: dt.date
    severity: str
    start: dt.datetime
    status: str
    name: str
    phone: str
    clause: str | None
    template: str | None

    @property
    def urgent(self) -> bool:
        return self.severity in ("overdue", "today")

    def text(self) -> str:
        return _t("{kind} (due {date})", kind=kind_label(self.kind), date=format_date(self.deadline))

    def as_json(self) -> dict[str, Any]:
        return {
            "reservation": self.reservation_id,
            "office": self.office,
            "kind": self.kind,
            "deadline": self.deadline.isoformat(),
            "severity": self.severity,
            "start": self.start.strftime("%Y-%m-%dT%H:%M"),
            "status": self.status,
            "clause": self.clause,
        }


def _severity(deadline: dt.date, today: dt.date) -> str:
    if deadline < today:
        return "overdue"
    if deadline == today:
        return "today"
    return "upcoming"


def _last_details_at(res: Reservation) -> dt.datetime | None:
    """When meeting details last went out: a sent or saved details mail, or the manual step."""
    mail = (
        Outbox.select(Outbox.sent_at)
        .where(Outbox.reservation == res.id, Outbox.template == "details", Outbox.state.in_(["sent", "saved"]))
        .order_by(Outbox.sent_at.desc())
        .first()
    )
    step = (
        History.select(History.at)
        .where(History.reservation == res.id, History.action == Action.SEND_DETAILS.value)
        .order_by(History.at.desc())
        .first()
    )
    times = [t for t in (mail.sent_at if mail else None, step.at if step else None) if t is not None]
    return max(times) if times else None


def _needs_resend(res: Reservation) -> bool:
    """Credentials issued or withdrawn after the details went out (details recorded without any
    credentials in the desk, e.g. typed into another mail program, are not second-guessed)."""
    sent = _last_details_at(res)
    if sent is None:
        return False
    row = current(res.id)
    if row is not None:
        return bool(row.issued_at > sent)
    return (
        MeetingCredential.select()
        .where(MeetingCredential.reservation == res.id, MeetingCredential.revoked_at > sent)
        .exists()
    )


def _as_datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    """MAX() of a datetime column: SQLite gives its text, PostgreSQL a datetime."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _resend_due(now: dt.datetime, office: str | None = None) -> set[int]:
    """:func:`_needs_resend` for every reservation (of ``office``) with details sent and its session
    ahead, in four grouped queries instead of three per reservation (the due list is read at every
    start and refresh)."""
    ahead = Reservation.select(Reservation.id).where(
        Reservation.status == Status.DETAILS_SENT.value, Reservation.start > now
    )
    if office:
        ahead = ahead.where(Reservation.office == office)
    rid, latest = MeetingCredential.reservation, pw.fn.MAX
    issued = dict(
        MeetingCredential.select(rid, latest(MeetingCredential.issued_at))
        .where(rid.in_(ahead), MeetingCredential.revoked_at.is_null())
        .group_by(rid)
        .tuples()
    )
    revoked = dict(
        MeetingCredential.select(rid, latest(MeetingCredential.revoked_at))
        .where(rid.in_(ahead), MeetingCredential.revoked_at.is_null(False))
        .group_by(rid)
        .tuples()
    )
    candidates = set(issued) | set(revoked)
    if not candidates:
        return set()
    mailed = dict(
        Outbox.select(Outbox.reservation, latest(Outbox.sent_at))
        .where(
            Outbox.reservation.in_(candidates), Outbox.template == "details", Outbox.state.in_(["sent", "saved"])
        )
        .group_by(Outbox.reservation)
        .tuples()
    )
    stepped = dict(
        History.select(History.reservation, latest(History.at))
        .where(History.reservation.in_(candidates), History.action == Action.SEND_DETAILS.value)
        .group_by(History.reservation)
        .tuples()
    )
    due = set()
    for reservation_id in candidates:
        times = [t for t in (_as_datetime(mailed.get(reservation_id)), _as_datetime(stepped.get(reservation_id))) if t]
        if not times:
            continue
        sent = max(times)
        changed = issued.get(reservation_id) if reservation_id in issued else revoked.get(reservation_id)
        if _as_datetime(changed) > sent:
            due.add(reservation_id)
    return due


def items(now: dt.datetime, office: str | None = None, horizon_days: int = 1) -> list[DueItem]:
    """Everything due by ``horizon_days`` business days from today (overdue first, then by deadline)."""
    today = now.date()
    configs: dict[str, OfficeConfig] = {}
    resend = _resend_due(now, office)
    # Rows that cannot be due are left in the database (most confirmed sessions are weeks ahead, most
    # with details sent need nothing): the loop below still decides, this only skips reading the rest.
    offices = Office.select(Office.code).where(Office.code == office) if office else Office.select(Office.code)
    latest = today
    for (code,) in offices.tuples():
        config = configs[code] = get_config(code)
        latest = max(latest, config.calendar.business_days_after(today, horizon_days) if horizon_days else today)
    S = Status
    next_day = dt.datetime.combine(latest, dt.time.min) + dt.timedelta(days=1)  # deadlines are days: <= latest
    confirmed_by = (Reservation.status == S.CONFIRMED.value) & (
        (Reservation.notify_by <= latest) | (Reservation.notify_by.is_null() & (Reservation.start < next_day))
    )
    query = (
        Reservation.select(Reservation, Applicant)
        .join(Applicant)
        .where(
            Reservation.start > now,
            confirmed_by
            | ((Reservation.status == S.DETAILS_SENT.value) & Reservation.id.in_(sorted(resend)))
            | ((Reservation.status == S.REQUESTED.value) & (
                (Reservation.offer_reply_by <= latest)
                | (Reservation.offer_reply_by.is_null() & (Reservation.created_at < next_day))
            )),
        )
        .order_by(Reservation.start, Reservation.id)
    )
    if office:
        query = query.where(Reservation.office == office)
    result: list[DueItem] = []
    for res in query:
        config = configs.get(res.office_id) or configs.setdefault(res.office_id, get_config(res.office_id))
        horizon = config.calendar.business_days_after(today, horizon_days) if horizon_days else today
        due = _due_of(res, config, today, resend)
        if due is None:
            continue
        kind, deadline, clause = due
        if deadline > horizon:
            continue
        applicant: Applicant = res.applicant
        result.append(
            DueItem(
                reservation_id=res.id,
                office=res.office_id,
                kind=kind,
                deadline=deadline,
                severity=_severity(deadline, today),
                start=res.start,
                status=res.status,
                name=applicant.name,
                phone=format_phone(applicant.phone),
                clause=clause,
                template=KIND_TEMPLATES[kind],
            )
        )
    order = {s: i for i, s in enumerate(SEVERITIES)}
    result.sort(key=lambda d: (order[d.severity], d.deadline, d.start, d.reservation_id))
    return result


def _due_of(
    res: Reservation, config: OfficeConfig, today: dt.date, resend: set[int] | None = None
) -> tuple[str, dt.date, str | None] | None:
    status = res.status
    offer_clause = config.clause("offer")
    if status == Status.CONFIRMED:
        deadline = res.notify_by or res.start.date()
        return "details", deadline, config.clause("details_deadline")
    if status == Status.DETAILS_SENT:
        if res.id in resend if resend is not None else _needs_resend(res):
            return "resend", today, config.clause("details_deadline")
        return None
    if not config.get("offer_flow"):
        return None
    if status == Status.REQUESTED:
        return "offer", res.offer_reply_by or answer_due(config, res.created_at.date(), res.start.date()), offer_clause
    return None


@dataclass(frozen=True)
class DueList:
    """The due list as the desk shows it: the rows, and the one number "要対応 N件" that both the
    list's header and the status bar show (what is overdue or due today; the rows also hold what is
    due by the next business day, marked "soon")."""

    items: tuple[DueItem, ...]

    @property
    def count(self) -> int:
        return sum(1 for item in self.items if item.urgent)

    @property
    def upcoming(self) -> int:
        return len(self.items) - self.count


def due_list(now: dt.datetime, office: str | None = None, horizon_days: int = 1) -> DueList:
    """The due list and its count from one read (header and status bar show ``count`` of the same list)."""
    return DueList(tuple(items(now, office, horizon_days)))


def urgent_count(now: dt.datetime, office: str | None = None) -> int:
    """The status bar's number: items overdue or due today (``due_list(...).count``)."""
    return due_list(now, office).count
