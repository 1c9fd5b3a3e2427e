"""The outbox schedule and its sender (issue 17): mail goes out on time, exactly once, by one desk.

Schedule. :func:`sync` brings a reservation's pending mail in line with its status; the services
that book, act on or cancel a reservation call it inside their transaction. A confirmed session
gets its meeting-details message at the office's notify-by day (000 第4条(3); at once when that
day has come) and a reminder at the office's time before the session (by default the business
day before, 16:00); a Hello Work application gets its answer at once, due by the next business
day (004 第4条(2)). A message that no longer fits the reservation (cancelled, refused, moved to
another slot) is cancelled with it. Staff may hold, release, move or cancel a pending message;
a moved or cancelled one is theirs: the schedule does not put it back.

Sending. :func:`send_due` sends what is due. Several desks may run it: one at a time holds the
lease (``sender_lease``), which another desk takes over when the holder stops renewing it. Each
message is taken by a conditional UPDATE (``scheduled`` -> ``sending``) that commits its
Message-ID before the SMTP conversation starts, so a crash between the server accepting it and
the result being written never sends it twice: a message found ``sending`` after
:data:`STALE_MINUTES` is marked failed for staff to check (:func:`confirm_sent` or a resend),
never resent blindly. A failure the server may get over (no connection, 4xx) is retried with
back-off (:data:`BACKOFF_MINUTES`), then ``failed`` with the server's words; a refused recipient
fails that message only.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee as pw

from consult_desk import audit, mail, templates
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, RuleError
from consult_desk.i18n import N_, _t, in_language, language
from consult_desk.models import DB, Outbox, Reservation, SenderLease, transaction
from consult_desk.models.db import is_sqlite, valid_id
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig
from consult_desk.states import STATUS_LABELS, Status, status_label

PENDING = ("scheduled", "held")
# What the command line and the list show; "saved" (an .eml file or the clipboard) was delivered by hand.
LIST_STATUS = {"saved": "sent", "queued": "scheduled"}
SCHEDULED_TEMPLATES = ("details", "reminder", "offered")
BACKOFF_MINUTES = (5, 15, 60)  # waits before the 2nd, 3rd and 4th attempt; then failed
MAX_ATTEMPTS = len(BACKOFF_MINUTES) + 1
STALE_MINUTES = 10  # a message still "sending" after this long was interrupted (SMTP timeouts are shorter)
LEASE_NAME = "outbox"
LEASE_SECONDS = 120
DEFAULT_SCHEDULE: dict[str, Any] = {
    "details_time": "09:00",  # on the notify-by day
    "reminder": True,
    "reminder_business_days_before": 1,
    "reminder_time": "16:00",
    "answer_business_days_after": 1,  # Hello Work's answer is due by then (004 第4条(2))
}
# The statuses in which the schedule wants each of its messages (a message staff queued follows the
# template's own fit instead): once details are marked sent by hand, the schedule's copy goes.
SCHEDULE_WANTS: dict[str, tuple[Status, ...]] = {
    "offered": (Status.REQUESTED,),
    "details": (Status.CONFIRMED,),
    "reminder": (Status.CONFIRMED, Status.DETAILS_SENT),
}
WITHDRAWN = "withdrawn"  # origin of a message the schedule itself cancelled (it may come back)
INTERRUPTED = "送信中に中断しました"  # the start of the error of a message whose delivery is unknown
# The notes this module stores with a message are Japanese (the record of every desk, whatever its
# language); error_text() reads them in the UI language.
_STORED_NOTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^送信済みのため取り消しました$"), N_("Cancelled: it was sent already")),
    (re.compile(r"^予約が「(?P<status>[^」]*)」になったため取り消しました$"), N_("Cancelled: the reservation became '{status}'")),
    (re.compile(r"^(?P<login>\S+) が取り消しました$"), N_("Cancelled by {login}")),
    (re.compile(r"^相談の開始時刻を過ぎたため送信しませんでした$"), N_("Not sent: the session had begun")),
    (re.compile(r"^送信中に中断しました（(?P<at>[^、]*)、Message-ID (?P<id>[^）]*)）。.*$", re.S),
     N_("Interrupted while sending ({at}, Message-ID {id}). Ask the recipient whether it arrived: if it did, "
        "mark it sent, if not, send it again")),
    (re.compile(r"^(?P<error>.*)（(?P<wait>\d+)分後に再送します：(?P<attempt>\d+)/(?P<most>\d+)回目）$", re.S),
     N_("{error} (sent again in {wait} minutes: attempt {attempt} of {most})")),
)


def error_text(note: str) -> str:
    """A message's stored note (why it was cancelled, held back or failed) in the UI language."""
    if not note or language() != "en":
        return note
    for pattern, english in _STORED_NOTES:
        found = pattern.match(note)
        if found:
            params = found.groupdict()
            if "status" in params:
                params["status"] = _status_from_japanese(params["status"])
            return _t(english, **params)
    return note


def _status_from_japanese(label: str) -> str:
    for status, english in STATUS_LABELS.items():
        if label in (in_language("ja", english, "states.status"), english):
            return status_label(status.value)
    return label

_DESK_ID = f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def desk_id() -> str:
    """This process's name as a lease holder and message sender."""
    return _DESK_ID


# ---------------------------------------------------------------- settings


def _hm(value: Any, label: str) -> dt.time:
    try:
        hour, minute = str(value).split(":")
        return dt.time(int(hour), int(minute))
    except (ValueError, TypeError):
        raise RuleError("invalid_value", label=label, value=value) from None


def validate_schedule(data: Any) -> dict[str, Any]:
    """An office's ``mail_schedule`` setting, checked (office --set mail_schedule={...})."""
    if not isinstance(data, dict):
        raise RuleError("invalid_value", label="mail_schedule", value=data)
    unknown = set(data) - set(DEFAULT_SCHEDULE)
    if unknown:
        raise RuleError("unknown_field", key=sorted(unknown)[0])
    merged = {**DEFAULT_SCHEDULE, **data}
    _hm(merged["details_time"], "details_time")
    _hm(merged["reminder_time"], "reminder_time")
    if not isinstance(merged["reminder"], bool):
        raise RuleError("invalid_value", label="reminder", value=merged["reminder"])
    for key in ("reminder_business_days_before", "answer_business_days_after"):
        value = merged[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 20:
            raise RuleError("invalid_value", label=key, value=value)
    return merged


def schedule_settings(config: OfficeConfig) -> dict[str, Any]:
    try:
        return validate_schedule(config.get("mail_schedule") or {})
    except RuleError:
        return dict(DEFAULT_SCHEDULE)


# ---------------------------------------------------------------- the schedule


def details_due(config: OfficeConfig, res: Reservation, now: dt.datetime) -> dt.datetime:
    """The notify-by day at the office's time; at once when that moment has come (000 第4条(3))."""
    settings = schedule_settings(config)
    if res.notify_by is None:
        return now
    due = dt.datetime.combine(res.notify_by, _hm(settings["details_time"], "details_time"))
    return max(due, now)


def reminder_due(config: OfficeConfig, res: Reservation, now: dt.datetime) -> dt.datetime | None:
    """The business day(s) before the session at the office's time; at once if that has passed and
    the session has not begun; None when there is no time left for a reminder or the office has none."""
    settings = schedule_settings(config)
    if not settings["reminder"]:
        return None
    days = int(settings["reminder_business_days_before"])
    day = config.calendar.business_days_before(res.start.date(), days) if days else res.start.date()
    due = dt.datetime.combine(day, _hm(settings["reminder_time"], "reminder_time"))
    if due >= res.start:
        return None
    if due < now:
        return now if now < res.start else None
    return due


def answer_deadline(config: OfficeConfig, res: Reservation) -> dt.date:
    """Hello Work answers by the business day after the application (004 第4条(2))."""
    days = int(schedule_settings(config)["answer_business_days_after"])
    applied = res.created_at.date()
    return config.calendar.business_days_after(applied, days) if days else applied


def _wanted(config: OfficeConfig, res: Reservation, now: dt.datetime) -> dict[str, dt.datetime]:
    """Template -> due time of the messages the schedule wants for the reservation's status now."""
    status = Status(res.status)
    wanted: dict[str, dt.datetime] = {}
    if res.start <= now:
        return wanted
    if status == Status.REQUESTED and config.get("offer_flow"):
        wanted["offered"] = now
    if status == Status.CONFIRMED:
        wanted["details"] = details_due(config, res, now)
    if status in (Status.CONFIRMED, Status.DETAILS_SENT):
        when = reminder_due(config, res, now)
        if when is not None:
            wanted["reminder"] = when
    return wanted


def _placeholder(res: Reservation, template: str, today: dt.date) -> tuple[str, str, str]:
    """(to, subject, body) shown in the outbox until the message is rendered for sending."""
    try:
        rendered = templates.render(res.id, template, today, reveal=False)
        return rendered.to_addr, rendered.subject[:300], rendered.body
    except RuleError as exc:  # e.g. meeting details not entered yet: rendered when sent
        return res.applicant.email or "", templates.template_label(template), f"（送信時に作成します：{exc.message}）"


def sync(ctx: Context, res: Reservation) -> list[str]:
    """Call inside the transaction that changed ``res``: cancel pending mail that no longer fits,
    schedule what the status now wants, move scheduled times the schedule owns. Returns what it did."""
    config = get_config(res.office_id)
    now = ctx.clock.now()
    done: list[str] = []
    rows = list(Outbox.select().where(Outbox.reservation == res.id))
    status = Status(res.status)
    delivered = {r.template for r in rows if r.state in ("sending", "sent", "saved")}
    for row in rows:
        if row.state not in PENDING:
            continue
        fits = status in templates.TEMPLATE_STATUSES.get(row.template, ())
        if row.origin == "schedule" and row.template in SCHEDULE_WANTS:
            fits = status in SCHEDULE_WANTS[row.template]
        if row.template in SCHEDULED_TEMPLATES and res.start <= now:
            fits = False  # the session has begun: its details, reminder or answer are pointless now
        if row.origin == "schedule" and row.template in delivered:
            fits = False  # staff sent it already (by hand, as a file, copied): not twice
        if not fits:
            row.state = "cancelled"
            row.error = (
                "送信済みのため取り消しました" if row.template in delivered
                else f"予約が「{in_language('ja', STATUS_LABELS[status], 'states.status')}」になったため取り消しました"
            )
            if row.origin == "schedule":
                row.origin = WITHDRAWN
            row.save()
            done.append(f"cancel {row.template}")
    if not config.get("may_send_mail", True):
        if done:
            touch(Topic.MAIL)
        return done
    wanted = _wanted(config, res, now)
    for template, due in wanted.items():
        mine = [r for r in rows if r.template == template and r.origin != WITHDRAWN]
        pending = [r for r in mine if r.state == "scheduled" and r.origin == "schedule" and not r.due_fixed]
        if pending:
            for row in pending:
                if row.due != due:
                    row.due = due
                    row.save()
                    done.append(f"move {template}")
            continue
        if mine:  # sent, being sent, held, failed, or cancelled by staff: theirs, not the schedule's
            continue
        to_addr, subject, body = _placeholder(res, template, ctx.clock.today())
        Outbox.create(
            reservation=res.id, office=res.office_id, template=template, to_addr=to_addr, subject=subject, body=body,
            state="scheduled", created_at=now, staff=ctx.actor.login, due=due, origin="schedule",
        )
        done.append(f"schedule {template}")
    if done:
        touch(Topic.MAIL)
    return done


# ---------------------------------------------------------------- staff: hold, release, move, cancel


def _pending_row(outbox_id: int, states: tuple[str, ...]) -> Outbox:
    row = Outbox.select().where(Outbox.id == outbox_id) if valid_id(outbox_id) else None
    if row is not None and not is_sqlite():
        row = row.for_update()
    found = row.first() if row is not None else None
    if found is None:
        raise RuleError("outbox_not_found", id=outbox_id)
    if found.state not in states:
        raise RuleError("outbox_state", id=found.id, state=mail.state_label(found.state))
    return found


def hold(ctx: Context, outbox_id: int) -> Outbox:
    """Keep a scheduled message from being sent until released."""
    require(ctx, "send_mail")
    with transaction():
        row = _pending_row(outbox_id, ("scheduled",))
        row.state = "held"
        row.save()
        audit.record(ctx, "outbox_hold", f"outbox {row.id} reservation {row.reservation_id or '-'}", detail=row.template)
        touch(Topic.MAIL)
    return row


def release(ctx: Context, outbox_id: int) -> Outbox:
    """A held message goes back to the schedule (sent at its time, at once if that has passed)."""
    require(ctx, "send_mail")
    with transaction():
        row = _pending_row(outbox_id, ("held",))
        row.state = "scheduled"
        row.save()
        audit.record(ctx, "outbox_release", f"outbox {row.id} reservation {row.reservation_id or '-'}", detail=row.template)
        touch(Topic.MAIL)
    return row


def reschedule(ctx: Context, outbox_id: int, due: dt.datetime) -> Outbox:
    """Change when a pending message goes out; not in the past, not after the session began."""
    require(ctx, "send_mail")
    due = due.replace(second=0, microsecond=0)
    with transaction():
        row = _pending_row(outbox_id, PENDING)
        now = ctx.clock.now()
        if due < now.replace(second=0, microsecond=0):
            raise RuleError("outbox_due_past", due=f"{due:%Y-%m-%d %H:%M}")
        res = Reservation.get_or_none(Reservation.id == row.reservation_id) if row.reservation_id else None
        if res is not None and row.template in SCHEDULED_TEMPLATES and due >= res.start:
            raise RuleError("outbox_due_after_start", due=f"{due:%Y-%m-%d %H:%M}", start=f"{res.start:%Y-%m-%d %H:%M}")
        before = row.due
        row.due = due
        row.due_fixed = True
        row.save()
        audit.record(
            ctx, "outbox_move", f"outbox {row.id} reservation {row.reservation_id or '-'}",
            detail=f"{row.template} {before:%Y-%m-%dT%H:%M}->{due:%Y-%m-%dT%H:%M}" if before else row.template,
        )
        touch(Topic.MAIL)
    return row


def cancel(ctx: Context, outbox_id: int) -> Outbox:
    """Staff cancel a pending message; the schedule does not make it again."""
    require(ctx, "send_mail")
    with transaction():
        row = _pending_row(outbox_id, PENDING)
        row.state = "cancelled"
        row.error = f"{ctx.actor.login} が取り消しました"
        row.save()
        audit.record(ctx, "outbox_cancel", f"outbox {row.id} reservation {row.reservation_id or '-'}", detail=row.template)
        touch(Topic.MAIL)
    return row


def confirm_sent(ctx: Context, outbox_id: int) -> Outbox:
    """Staff checked that an interrupted message did arrive: it counts as sent (and moves the
    reservation as a sent one does). Only for a message whose delivery was left unknown."""
    require(ctx, "send_mail")
    row = get_row(outbox_id)
    if row.state != "failed" or not row.message_id or not row.error.startswith(INTERRUPTED):
        raise RuleError("outbox_state", id=row.id, state=mail.state_label(row.state))
    return mail.record_result(ctx, row.id, None)


def get_row(outbox_id: int) -> Outbox:
    return mail.get_outbox(outbox_id)


# ---------------------------------------------------------------- listing


@dataclass
class ScheduleEntry:
    id: int
    reservation: int | None
    office: str
    template: str
    due: dt.datetime | None
    status: str
    to_addr: str
    error: str
    attempts: int
    sent_at: dt.datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reservation": self.reservation,
            "template": self.template,
            "due": self.due.strftime("%Y-%m-%dT%H:%M") if self.due else None,
            "status": LIST_STATUS.get(self.status, self.status),
        }


def schedule(office: str | None = None, states: tuple[str, ...] | None = None, limit: int = 2000) -> list[ScheduleEntry]:
    """The outbox by due time (pending first by when they go out, then the rest newest first)."""
    query = Outbox.select().order_by(Outbox.due.is_null(), Outbox.due, Outbox.id).limit(limit)
    if office:
        query = query.where(Outbox.office == office)
    if states:
        query = query.where(Outbox.state.in_(list(states)))
    return [
        ScheduleEntry(r.id, r.reservation_id, r.office_id, r.template, r.due or r.created_at, r.state, r.to_addr, r.error,
                      r.attempts, r.sent_at)
        for r in query
    ]


# ---------------------------------------------------------------- the lease


def take_lease(ctx: Context, holder: str | None = None, seconds: int = LEASE_SECONDS) -> bool:
    """Become (or stay) the sending desk. True when this desk holds the lease until now + seconds."""
    holder = holder or desk_id()
    now = ctx.clock.now()
    until = now + dt.timedelta(seconds=seconds)
    with transaction():
        query = SenderLease.select().where(SenderLease.name == LEASE_NAME)
        if not is_sqlite():
            query = query.for_update()
        row = query.first()
        if row is None:
            try:
                with DB.atomic():
                    SenderLease.create(name=LEASE_NAME, holder=holder, expires_at=until)
            except pw.IntegrityError:  # another desk created it a moment ago: theirs
                return False
            return True
        if row.holder != holder and row.expires_at > now:
            return False
        row.holder = holder
        row.expires_at = until
        row.save()
    return True


def release_lease(ctx: Context, holder: str | None = None) -> None:
    holder = holder or desk_id()
    with transaction():
        SenderLease.delete().where(SenderLease.name == LEASE_NAME, SenderLease.holder == holder).execute()


def lease_holder(ctx: Context) -> str | None:
    row = SenderLease.get_or_none(SenderLease.name == LEASE_NAME)
    return row.holder if row is not None and row.expires_at > ctx.clock.now() else None


# ---------------------------------------------------------------- sending


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    interrupted: int = 0  # found "sending" from a desk that stopped: left for staff to check
    skipped: bool = False  # another desk holds the lease
    unsendable: int = 0  # due, but the office has no SMTP settings (or may not send): left scheduled

    def as_json(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed}


def recover_interrupted(ctx: Context) -> int:
    """Messages left ``sending`` by a desk that stopped mid-way: whether they arrived is unknown, so
    they are marked failed with their Message-ID for staff to check, never resent by the schedule."""
    limit = ctx.clock.now() - dt.timedelta(minutes=STALE_MINUTES)
    count = 0
    with transaction():
        for row in Outbox.select().where(Outbox.state == "sending", Outbox.sending_at < limit):
            row.state = "failed"
            row.error = (
                f"{INTERRUPTED}（{row.sending_at:%Y-%m-%d %H:%M}、Message-ID {row.message_id or '-'}）。"
                "届いたかどうか受信者に確認し、届いていれば「送信済みにする」、届いていなければ再送してください"
            )
            row.save()
            audit.record(ctx, "mail_interrupted", f"outbox {row.id} reservation {row.reservation_id or '-'}",
                         detail=f"template={row.template} sender={row.sender}")
            count += 1
        if count:
            touch(Topic.MAIL)
    return count


def due_ids(ctx: Context, office: str | None = None) -> list[int]:
    query = (
        Outbox.select(Outbox.id)
        .where(Outbox.state == "scheduled", Outbox.due <= ctx.clock.now())
        .order_by(Outbox.due, Outbox.id)
    )
    if office:
        query = query.where(Outbox.office == office)
    return [i for (i,) in query.tuples()]


def _too_late(ctx: Context, row: Outbox) -> bool:
    """A details, reminder or answer message whose session has begun is cancelled, not sent."""
    if row.template not in SCHEDULED_TEMPLATES or row.reservation_id is None:
        return False
    res = Reservation.get_or_none(Reservation.id == row.reservation_id)
    if res is None or res.start > ctx.clock.now():
        return False
    with transaction():
        cancelled = (
            Outbox.update(state="cancelled", error="相談の開始時刻を過ぎたため送信しませんでした")
            .where(Outbox.id == row.id, Outbox.state == "scheduled")
            .execute()
        )
        if cancelled:
            touch(Topic.MAIL)
    return True


def _sendable(office: str) -> bool:
    config = get_config(office)
    return bool(config.get("may_send_mail", True)) and mail.smtp_settings(office).configured


def _retry_or_fail(ctx: Context, outbox_id: int, error: mail.MailError) -> str:
    """After a failed attempt: back to the schedule a little later, or failed for good."""
    with transaction():
        row = Outbox.get_by_id(outbox_id)
        if not error.permanent and row.attempts < MAX_ATTEMPTS:
            wait = BACKOFF_MINUTES[min(row.attempts, len(BACKOFF_MINUTES)) - 1]
            row.state = "scheduled"
            row.due = ctx.clock.now() + dt.timedelta(minutes=wait)
            row.error = f"{error.message}（{wait}分後に再送します：{row.attempts}/{MAX_ATTEMPTS}回目）"
            row.save()
            audit.record(ctx, "mail_retry", f"outbox {row.id} reservation {row.reservation_id or '-'}",
                         detail=f"template={row.template} attempt={row.attempts}")
            touch(Topic.MAIL)
            return "retrying"
    mail.record_result(ctx, outbox_id, error.message)
    return "failed"


Transmit = Callable[[mail.Prepared], None]


def send_due(
    ctx: Context,
    office: str | None = None,
    transmit: Transmit | None = None,
    holder: str | None = None,
    keep_lease: bool = False,
) -> SendReport:
    """Send every scheduled message that is due, if this desk holds (or takes) the lease.

    ``keep_lease``: the window's timer keeps renewing it; the command line lets it go at the end."""
    require(ctx, "send_mail")
    send = transmit or mail.transmit
    holder = holder or desk_id()
    report = SendReport()
    if not take_lease(ctx, holder):
        report.skipped = True
        return report
    try:
        report.interrupted = recover_interrupted(ctx)
        sendable: dict[str, bool] = {}
        for outbox_id in due_ids(ctx, office):
            if not take_lease(ctx, holder):  # another desk took over (this one was too slow): stop
                break
            row = Outbox.get_or_none(Outbox.id == outbox_id)
            if row is None or row.state != "scheduled":
                continue
            if _too_late(ctx, row):
                continue
            if row.office_id not in sendable:
                sendable[row.office_id] = _sendable(row.office_id)
            if not sendable[row.office_id]:
                report.unsendable += 1
                continue  # no SMTP for this office (or it may not send): left scheduled, shown as late
            try:
                prepared = mail.prepare(ctx, outbox_id, states=("scheduled",), sender=holder)
            except mail.Taken:
                continue  # another desk took it first
            except ConsultDeskError:
                report.failed += 1  # recorded on the row by prepare (e.g. no meeting details)
                continue
            try:
                send(prepared)
            except mail.MailError as exc:
                outcome = _retry_or_fail(ctx, outbox_id, exc)
                if outcome == "failed":
                    report.failed += 1
                else:
                    report.retrying += 1
                continue
            mail.record_result(ctx, outbox_id, None)
            report.sent += 1
    finally:
        if not keep_lease:
            release_lease(ctx, holder)
    return report
