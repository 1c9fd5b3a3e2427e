"""Supervisors' reports: the day's review across counsellors, and daily or monthly statistics.

Definitions (kept the same in the window, the CSV and the command line):

- applications: reservations *created* in the period, by the channel they came in by;
- everything else counts reservations by their *start* date: sessions, statuses (the current
  status), completed, completed by phone, no-shows;
- cancellations come from the history's ``cancel`` rows (their channel, and whether the cancel
  was made on the day of the session), connection failures from ``connection-failed`` rows, so a
  session that failed twice counts twice;
- average duration: actual start to actual end where both are known; for a session completed
  by phone, the phone consultation's minutes as recorded;
- breakdowns by office, by counsellor and by platform (the office's ``platform``). A reservation
  with no counsellor assigned is counted under its seat ("席1"): the ``basis`` says which.

Statistics never read names or contact details, so they stay the same after a retention purge.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from consult_desk import audit
from consult_desk.actions import Action
from consult_desk.calendar import format_date, format_date_ja
from consult_desk.context import Context
from consult_desk.csvfile import ExportResult, safe_cell, write_csv
from consult_desk.errors import RuleError
from consult_desk.i18n import _p, _t, in_language
from consult_desk.models import (
    Applicant,
    Callback,
    CallbackAttempt,
    History,
    Office,
    Reservation,
    Staff,
    transaction,
)
from consult_desk.offices import get_config, get_office
from consult_desk.permissions import require
from consult_desk.presets import CHANNEL_LABELS, CHANNELS, channel_label
from consult_desk.states import Status, status_label

DETAILS_PENDING = (Status.REQUESTED.value, Status.OFFERED.value, Status.CONFIRMED.value)


def _span(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(start, dt.time.min), dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)


def parse_month(value: str) -> tuple[dt.date, dt.date]:
    """``YYYY-MM`` -> (first day, last day)."""
    try:
        year, month = (int(part) for part in value.split("-"))
        first = dt.date(year, month, 1)
    except (ValueError, TypeError):
        raise RuleError("invalid_month", value=value) from None
    if len(value) != 7:
        raise RuleError("invalid_month", value=value)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def _as_dt(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _office_names() -> dict[str, str]:
    return {o.code: get_config(o.code).display_short_name for o in Office.select(Office.code)}


# ------------------------------------------------------------------ the day's review


@dataclass
class ReviewRow:
    id: int
    office: str
    start: dt.datetime
    end: dt.datetime
    seat_no: int | None
    counsellor: str
    counsellor_basis: str  # "staff" or "seat"
    status: str
    name: str
    channel: str
    notify_by: dt.date | None
    callback_open: bool = False
    callback_attempts: int = 0

    @property
    def status_text(self) -> str:
        return status_label(self.status)

    @property
    def channel_text(self) -> str:
        return channel_label(self.channel)

    def details_text(self, day: dt.date) -> str:
        """Meeting details: sent, due (with the deadline), or overdue."""
        if self.status not in DETAILS_PENDING:
            return ""
        if self.notify_by is None:
            return ""
        when = f"{self.notify_by:%m/%d}"
        if self.notify_by < day:
            return _t("overdue (by {when})", when=when)
        if self.notify_by == day:
            return _p("details", "due today")
        return _t("by {when}", when=when)


@dataclass
class OpenCallback:
    reservation: int
    office: str
    start: dt.datetime
    name: str
    phone: str
    due: dt.datetime
    attempts: int


@dataclass
class DailyReview:
    office: str | None
    office_name: str
    day: dt.date
    rows: list[ReviewRow]
    callbacks: list[OpenCallback]
    overdue_details: list[ReviewRow]
    generated_at: dt.datetime
    generated_by: str
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def no_shows(self) -> list[ReviewRow]:
        return [r for r in self.rows if r.status == Status.NO_SHOW.value]

    @property
    def date_text(self) -> str:
        return format_date_ja(self.day)

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "sessions": len(self.rows),
            "by_status": dict(self.by_status),
            "callbacks_open": len(self.callbacks),
            "no_shows": len(self.no_shows),
        }


def _counsellor_label(staff_name: str | None, seat: int | None) -> tuple[str, str]:
    if staff_name:
        return staff_name, "staff"
    if seat is None:
        return "—", "seat"
    return _t("seat {seat}", seat=seat), "seat"


def daily_review(ctx: Context, office: str | None, day: dt.date) -> DailyReview:
    """One day across counsellors: every session with its status, open callbacks, no-shows,
    meeting details due or overdue, counts by status. Names are shown: supervisors only."""
    require(ctx, "review")
    if office:
        get_office(office)
    lo, hi = _span(day, day)
    query = (
        Reservation.select(Reservation, Applicant.name, Staff.display_name)
        .join(Applicant)
        .switch(Reservation)
        .join(Staff, join_type=pw.JOIN.LEFT_OUTER, on=(Reservation.counsellor == Staff.id))
        .where((Reservation.start >= lo) & (Reservation.start < hi))
        .order_by(Reservation.start, Reservation.seat_no, Reservation.id)
    )
    if office:
        query = query.where(Reservation.office == office)
    rows = []
    for res in query.objects():
        label, basis = _counsellor_label(getattr(res, "display_name", None), res.seat_no)
        rows.append(
            ReviewRow(
                res.id, res.office_id, res.start, res.end, res.seat_no, label, basis, res.status, res.name,
                res.channel, res.notify_by,
            )
        )
    callbacks = open_callbacks_at(office, hi)
    by_res = {c.reservation: c for c in callbacks}
    for row in rows:
        if row.id in by_res:
            row.callback_open = True
            row.callback_attempts = by_res[row.id].attempts

    pending = (
        Reservation.select(Reservation, Applicant.name)
        .join(Applicant)
        .where(
            Reservation.status.in_(DETAILS_PENDING),
            Reservation.notify_by.is_null(False),
            Reservation.notify_by <= day,
            Reservation.start >= lo,
        )
        .order_by(Reservation.notify_by, Reservation.start)
    )
    if office:
        pending = pending.where(Reservation.office == office)
    overdue = [
        ReviewRow(r.id, r.office_id, r.start, r.end, r.seat_no, "", "seat", r.status, r.name, r.channel, r.notify_by)
        for r in pending.objects()
    ]
    names = _office_names()
    return DailyReview(
        office=office,
        office_name=names.get(office, office) if office else _t("All offices"),
        day=day,
        rows=rows,
        callbacks=callbacks,
        overdue_details=overdue,
        generated_at=ctx.clock.now(),
        generated_by=ctx.actor.name or ctx.actor.login,
        by_status=dict(sorted(Counter(r.status for r in rows).items(), key=lambda kv: list(Status).index(Status(kv[0])))),
    )


def open_callbacks_at(office: str | None, moment: dt.datetime) -> list[OpenCallback]:
    """Callbacks opened before ``moment`` and not closed by then (still open now, or closed later).

    Read from the callbacks' index on ``closed_at`` (the open ones, then those closed after the
    moment), not from the office's reservations: the cost follows the open callbacks, not the years
    of history."""
    still_open = Callback.select(Callback.id).where(Callback.closed_at.is_null(), Callback.opened_at < moment)
    closed_later = Callback.select(Callback.id).where(Callback.closed_at >= moment, Callback.opened_at < moment)
    # The ids first, in their own query: joined in one, the planner starts from the office's
    # reservations (every one it ever had) instead of the few callbacks.
    ids = [cid for (cid,) in (still_open | closed_later).tuples()]
    if not ids:
        return []
    query = (
        Callback.select(Callback, Reservation.office.alias("office_code"), Reservation.start.alias("res_start"), Applicant.name)
        .join(Reservation)
        .join(Applicant)
        .where(Callback.id.in_(ids))
        .order_by(Callback.due, Callback.id)
    )
    if office:
        query = query.where(Reservation.office == office)
    found = list(query.objects())
    attempts = Counter(
        cid
        for (cid,) in CallbackAttempt.select(CallbackAttempt.callback)
        .where(CallbackAttempt.callback.in_([c.id for c in found]), CallbackAttempt.at < moment)
        .tuples()
    )
    from consult_desk.validation import format_phone

    return [
        OpenCallback(
            c.reservation_id, c.office_code, _as_dt(c.res_start), c.name, format_phone(c.phone), c.due, attempts[c.id]
        )
        for c in found
    ]


def record_print(ctx: Context, review: DailyReview, kind: str, target: str = "") -> None:
    """A print or PDF of the day's review holds personal data: audited (004 第5条)."""
    require(ctx, "review")
    action = "pdf_daily_review" if kind == "pdf" else "print_daily_review"
    with transaction():
        audit.record(
            ctx,
            action,
            target=f"{review.office or '*'} {review.day.isoformat()}" + (f" -> {target}" if target else ""),
            count=len(review.rows),
        )


# ------------------------------------------------------------------ statistics

METRICS = (
    "applications",
    "sessions",
    "completed",
    "completed_by_phone",
    "cancelled",
    "cancelled_same_day",
    "no_shows",
    "connection_failures",
)


@dataclass
class Group:
    """Counts for one office, counsellor, platform or day."""

    key: str
    label: str
    basis: str = ""
    applications: int = 0
    sessions: int = 0
    completed: int = 0
    completed_by_phone: int = 0
    cancelled: int = 0
    cancelled_same_day: int = 0
    no_shows: int = 0
    connection_failures: int = 0
    cancelled_by_channel: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    by_channel: Counter = field(default_factory=Counter)
    minutes: list[float] = field(default_factory=list)

    @property
    def average_minutes(self) -> float | None:
        return round(sum(self.minutes) / len(self.minutes), 1) if self.minutes else None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label}
        if self.basis:
            data["basis"] = self.basis
        for name in METRICS:
            data[name] = getattr(self, name)
        data["cancelled_by_channel"] = dict(sorted(self.cancelled_by_channel.items()))
        data["average_minutes"] = self.average_minutes
        return data


@dataclass
class Statistics:
    start: dt.date
    end: dt.date
    office: str | None
    total: Group
    by_office: list[Group]
    by_counsellor: list[Group]
    by_platform: list[Group]
    by_day: list[Group]

    def as_json(self) -> dict[str, Any]:
        t = self.total
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "office": self.office,
            "applications": t.applications,
            "sessions": t.sessions,
            "by_status": _status_order(t.by_status),
            "by_channel": dict(sorted(t.by_channel.items())),
            "completed": t.completed,
            "completed_by_phone": t.completed_by_phone,
            "cancelled": {
                "total": t.cancelled,
                "by_channel": dict(sorted(t.cancelled_by_channel.items())),
                "same_day": t.cancelled_same_day,
            },
            "no_shows": t.no_shows,
            "connection_failures": t.connection_failures,
            "average_minutes": t.average_minutes,
            "by_office": {g.key: g.as_json() for g in self.by_office},
            "by_counsellor": {g.key: g.as_json() for g in self.by_counsellor},
            "by_platform": {g.key: g.as_json() for g in self.by_platform},
        }


def _status_order(counts: Counter) -> dict[str, int]:
    order = {s.value: i for i, s in enumerate(Status)}
    return {k: counts[k] for k in sorted(counts, key=lambda k: order.get(k, 99))}


class _Groups:
    def __init__(self) -> None:
        self.groups: dict[str, Group] = {}

    def get(self, key: str, label: str, basis: str = "") -> Group:
        if key not in self.groups:
            self.groups[key] = Group(key, label, basis)
        return self.groups[key]

    def sorted(self) -> list[Group]:
        return [self.groups[k] for k in sorted(self.groups)]


def statistics(ctx: Context, start: dt.date, end: dt.date, office: str | None = None) -> Statistics:
    """Counts for reservations in [start, end] (see the module's definitions); no personal data."""
    require(ctx, "report")
    if end < start:
        raise RuleError("invalid_value", label=_p("label", "period"), value=f"{start}..{end}")
    if office:
        get_office(office)
    lo, hi = _span(start, end)
    configs = {o.code: get_config(o.code) for o in Office.select(Office.code)}
    names = {code: c.display_short_name for code, c in configs.items()}
    platforms = {code: (c.platform, c.platform_label) for code, c in configs.items()}
    staff_names = {s.id: s.display_name for s in Staff.select(Staff.id, Staff.display_name)}

    total = Group("total", _t("Total"))
    offices, counsellors, platform_groups, days = _Groups(), _Groups(), _Groups(), _Groups()

    def groups_for(office_code: str, counsellor_id: int | None, seat: int | None, day: dt.date) -> list[Group]:
        label, basis = _counsellor_label(staff_names.get(counsellor_id) if counsellor_id else None, seat)
        ckey = f"staff:{counsellor_id}" if basis == "staff" else f"seat:{seat if seat is not None else '-'}"
        pkey, plabel = platforms.get(office_code, (office_code, office_code))
        return [
            total,
            offices.get(office_code, names.get(office_code, office_code)),
            counsellors.get(ckey, label, basis),
            platform_groups.get(pkey, plabel),
            days.get(day.isoformat(), format_date(day)),  # in the UI language, like the other labels
        ]

    def scoped(query):
        return query.where(Reservation.office == office) if office else query

    # applications: created in the period
    created = scoped(
        Reservation.select(
            Reservation.office, Reservation.channel, Reservation.counsellor, Reservation.seat_no, Reservation.created_at
        ).where((Reservation.created_at >= lo) & (Reservation.created_at < hi))
    )
    for r in created:
        for g in groups_for(r.office_id, r.counsellor_id, r.seat_no, r.created_at.date()):
            g.applications += 1
            g.by_channel[r.channel] += 1

    # sessions: by start
    sessions = scoped(
        Reservation.select(
            Reservation.id,
            Reservation.office,
            Reservation.status,
            Reservation.counsellor,
            Reservation.seat_no,
            Reservation.start,
            Reservation.actual_start,
            Reservation.actual_end,
        ).where((Reservation.start >= lo) & (Reservation.start < hi))
    )
    where: dict[int, list[Group]] = {}
    by_phone: list[int] = []
    for r in sessions:
        groups = groups_for(r.office_id, r.counsellor_id, r.seat_no, r.start.date())
        where[r.id] = groups
        minutes = None
        if r.status == Status.COMPLETED_BY_PHONE.value:
            by_phone.append(r.id)
        elif r.actual_start and r.actual_end and r.actual_end >= r.actual_start:
            minutes = (r.actual_end - r.actual_start).total_seconds() / 60
        for g in groups:
            g.sessions += 1
            g.by_status[r.status] += 1
            g.completed += r.status == Status.COMPLETED.value
            g.completed_by_phone += r.status == Status.COMPLETED_BY_PHONE.value
            g.no_shows += r.status == Status.NO_SHOW.value
            if minutes is not None:
                g.minutes.append(minutes)

    if by_phone:
        phone_minutes = _phone_minutes(by_phone)
        for rid, minutes in phone_minutes.items():
            for g in where[rid]:
                g.minutes.append(minutes)

    events = scoped(
        History.select(History.reservation, History.action, History.channel, History.data)
        .join(Reservation)
        .where(
            (Reservation.start >= lo)
            & (Reservation.start < hi)
            & History.action.in_([Action.CANCEL.value, Action.CONNECTION_FAILED.value])
        )
    )
    for h in events:
        for g in where.get(h.reservation_id, []):
            if h.action == Action.CANCEL:
                g.cancelled += 1
                g.cancelled_by_channel[h.channel or "?"] += 1
                g.cancelled_same_day += bool((h.data or {}).get("same_day"))
            else:
                g.connection_failures += 1

    return Statistics(
        start,
        end,
        office,
        total,
        offices.sorted(),
        counsellors.sorted(),
        platform_groups.sorted(),
        days.sorted(),
    )


def _phone_minutes(reservation_ids: list[int]) -> dict[int, float]:
    """Minutes of the phone consultation: the callback's duration, else the history's record."""
    found: dict[int, float] = {}
    for chunk in (reservation_ids[i : i + 500] for i in range(0, len(reservation_ids), 500)):
        rows = Callback.select(Callback.reservation, Callback.duration_minutes).where(
            Callback.reservation.in_(chunk), Callback.duration_minutes.is_null(False)
        )
        for c in rows:
            found[c.reservation_id] = float(c.duration_minutes)
        missing = [rid for rid in chunk if rid not in found]
        if missing:
            for h in History.select(History.reservation, History.data).where(
                History.reservation.in_(missing), History.action == Action.COMPLETE_BY_PHONE.value
            ):
                minutes = (h.data or {}).get("duration_minutes")
                if minutes:
                    found[h.reservation_id] = float(minutes)
    return found


def daily_statistics(ctx: Context, day: dt.date, office: str | None = None) -> Statistics:
    return statistics(ctx, day, day, office)


def monthly_statistics(ctx: Context, month: str, office: str | None = None) -> Statistics:
    first, last = parse_month(month)
    return statistics(ctx, first, last, office)


def monthly_json(stats: Statistics) -> dict[str, Any]:
    """The command line's ``report monthly --json``: {"month", "by_status", "by_channel", ...}."""
    data = {"month": f"{stats.start:%Y-%m}"}
    data.update(stats.as_json())
    data["by_day"] = {g.key: g.as_json() for g in stats.by_day}
    return data


# ------------------------------------------------------------------ statistics CSV


def statistics_header() -> tuple[list[str], list[str], list[str]]:
    """(header, cancel channels, statuses) of the statistics CSV: one row per group, Japanese header."""
    channels = [c for c in CHANNELS if c != "in-session"]
    statuses = [s.value for s in Status]
    header = [
        "区分",
        "項目",
        "集計基準",
        "申込数",
        "予約数",
        "終了",
        "電話相談で終了",
        "キャンセル",
        "うち当日キャンセル",
        *[f"キャンセル（{in_language('ja', CHANNEL_LABELS[c], 'presets.channel')}）" for c in channels],
        "無断キャンセル",
        "接続不良",
        "平均相談時間（分）",
        *[f"状態：{status_label(s)}" for s in statuses],
    ]
    return header, channels, statuses


def statistics_rows(stats: Statistics) -> list[list[str]]:
    _, channels, statuses = statistics_header()
    basis_text = {"staff": "相談員", "seat": "席（相談員未割当）", "": ""}
    sections = [
        ("合計", [stats.total]),
        ("事業所", stats.by_office),
        ("相談員", stats.by_counsellor),
        ("プラットフォーム", stats.by_platform),
        ("日別", stats.by_day),
    ]
    rows = []
    for section, groups in sections:
        for g in groups:
            avg = g.average_minutes
            values = [
                section,
                g.label,
                basis_text.get(g.basis, g.basis),
                g.applications,
                g.sessions,
                g.completed,
                g.completed_by_phone,
                g.cancelled,
                g.cancelled_same_day,
                *[g.cancelled_by_channel.get(c, 0) for c in channels],
                g.no_shows,
                g.connection_failures,
                "" if avg is None else f"{avg:.1f}",
                *[g.by_status.get(s, 0) for s in statuses],
            ]
            rows.append([safe_cell(v) for v in values])
    return rows


def export_statistics(ctx: Context, stats: Statistics, out: Path, encoding: str = "utf-8-sig") -> ExportResult:
    """Statistics to CSV for Excel (same format as every export: BOM or CP932, CRLF, formula-safe)."""
    require(ctx, "report")
    out = Path(out)
    header, _, _ = statistics_header()
    count, problems = write_csv(out, header, statistics_rows(stats), encoding)
    with transaction():
        audit.record(
            ctx,
            "export_statistics",
            target=f"{stats.office or '*'} {stats.start}..{stats.end} -> {out.name}",
            count=count,
            detail=f"encoding={encoding}",
        )
    return ExportResult(count, out, encoding, problems)
