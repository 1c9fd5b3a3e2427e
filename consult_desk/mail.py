"""E-mail to applicants: messages from the templates, SMTP per office, the outbox.

Sending is split so that the window never waits on the network: :func:`prepare` (main thread:
renders, reads the password from the keyring, marks the outbox row ``sending``),
:func:`transmit` (worker thread: network only, no database, no Qt), :func:`record_result`
(main thread: ``sent`` or ``failed``; a sent meeting-details message moves a confirmed
reservation to ``details_sent``, a sent offer moves a requested one to ``offered``).
:func:`send_now` chains the three for the command line and tests.

The outbox keeps every message with its state (queued, sending, sent, failed, saved) and its
text with passcodes and passwords masked; a retry renders the message again from the
reservation, so it carries the credentials in force at that moment. Offices whose desk PC may
not send mail (``may_send_mail`` false) save an .eml file or copy the text instead.
The SMTP password is kept in the keyring (:mod:`consult_desk.secrets`), never in the database.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from consult_desk import audit, templates
from consult_desk.actions import Action
from consult_desk.calendar import format_date_ja
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, RuleError
from consult_desk.files import write_bytes
from consult_desk.i18n import NP_, _p
from consult_desk.models import Outbox, Reservation, transaction
from consult_desk.models.db import ConflictError, retry_conflicts
from consult_desk.offices import get_config, update_config
from consult_desk.permissions import require
from consult_desk.states import Status
from consult_desk.validation import normalise_email, normalise_line

JST = ZoneInfo("Asia/Tokyo")
SECURITY = ("starttls", "ssl", "none")
SECURITY_LABELS = {
    "starttls": NP_("mail.security", "STARTTLS"),
    "ssl": NP_("mail.security", "SSL/TLS"),
    "none": NP_("mail.security", "no encryption (a server on this PC only)"),
}
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def security_label(key: str) -> str:
    """How the desk talks to the SMTP server, in the UI language."""
    return _p("mail.security", SECURITY_LABELS.get(key, key))


LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
# A sender for .eml drafts of an office without a sender address: RFC 2606 ".invalid", never delivered.
FALLBACK_FROM = "no-reply@consult-desk.invalid"

STATES = ("scheduled", "held", "sending", "sent", "failed", "cancelled", "saved")
STATE_LABELS: dict[str, str] = {
    "scheduled": NP_("mail.state", "scheduled"),
    "held": NP_("mail.state", "held"),
    "sending": NP_("mail.state", "sending"),
    "sent": NP_("mail.state", "sent"),
    "failed": NP_("mail.state", "failed"),
    "cancelled": NP_("mail.state", "cancelled"),
    "saved": NP_("mail.state", "saved"),
}
# A message staff may send now: scheduled (before its time), held, or failed. Not one "sending":
# another desk may be talking to the server (one interrupted is marked failed by the sender).
RETRYABLE = frozenset({"scheduled", "held", "failed"})
# Delivering these messages is itself the life-cycle step (000 第4条(3); 004 第4条(2)).
STATUS_ACTIONS: dict[str, tuple[Status, Action]] = {
    "details": (Status.CONFIRMED, Action.SEND_DETAILS),
    "offered": (Status.REQUESTED, Action.OFFER),
}


def state_label(state: str) -> str:
    return _p("mail.state", STATE_LABELS.get(state, state))


class MailError(ConsultDeskError):
    """The SMTP server could not be reached or refused the message (code ``mail_failed``).
    ``permanent``: the server said no for good (5xx, refused recipient or sender, authentication);
    otherwise trying again later may work (no connection, timeout, 4xx)."""

    permanent = False


class Taken(RuleError):
    """Another desk took the message for sending first (code ``outbox_state``)."""


# ---------------------------------------------------------------- SMTP settings


@dataclass
class SmtpSettings:
    """An office's SMTP server and sender, kept in its configuration (``smtp``); never the password."""

    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""
    from_addr: str = ""
    from_name: str = ""
    cafile: str = ""  # an office CA bundle (PEM) when the server's certificate is signed in-house
    timeout: int = 30

    @classmethod
    def from_config(cls, data: dict[str, Any] | None) -> SmtpSettings:
        data = data or {}
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def as_config(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @property
    def configured(self) -> bool:
        return bool(self.host and self.from_addr)


def smtp_settings(office: str) -> SmtpSettings:
    """The office's settings; an office created before mail existed gets the defaults."""
    return SmtpSettings.from_config(get_config(office).get("smtp"))


def validate_settings(settings: SmtpSettings) -> SmtpSettings:
    host = normalise_line(settings.host, _p("label", "SMTP server"), 253)
    if not host or any(ch.isspace() for ch in host):
        raise RuleError("required", label=_p("label", "SMTP server"))
    if settings.security not in SECURITY:
        raise RuleError("invalid_choice", label=_p("label", "encryption"))
    if settings.security == "none" and host.lower() not in LOOPBACK:
        raise RuleError("smtp_insecure")
    try:
        port = int(settings.port)
    except (TypeError, ValueError):
        raise RuleError("invalid_value", label=_p("label", "port"), value=settings.port) from None
    if not 1 <= port <= 65535:
        raise RuleError("invalid_value", label=_p("label", "port"), value=port)
    user = normalise_line(settings.user, _p("label", "user name"), 254)
    if not settings.from_addr.strip():
        raise RuleError("required", label=_p("label", "sender address"))
    from_addr = normalise_email(settings.from_addr)
    from_name = normalise_line(settings.from_name, _p("label", "sender name"), 100)
    cafile = settings.cafile.strip()
    if cafile and not Path(cafile).is_file():
        raise RuleError("invalid_value", label=_p("label", "CA certificate"), value=cafile)
    timeout = int(settings.timeout or 30)
    if not 1 <= timeout <= 300:
        raise RuleError("invalid_value", label=_p("label", "timeout"), value=timeout)
    return SmtpSettings(host, port, settings.security, user, from_addr, from_name, cafile, timeout)


def save_settings(ctx: Context, office: str, settings: SmtpSettings, password: str | None = None) -> SmtpSettings:
    """Store the office's SMTP settings (admin); a given password goes to the keyring only.

    The keyring is checked before anything is written, so a PC without one refuses the whole
    change with ``keyring_unavailable`` instead of saving settings that cannot be used.
    """
    from consult_desk import secrets  # the keyring: imported when a password is needed (start-up)

    require(ctx, "manage_offices")
    cleaned = validate_settings(settings)
    if password:
        check_password(password)
        secrets.backend()
    # All or nothing (issue 14 (7)): the keyring is written inside the settings' transaction, so a
    # keyring that exists but fails (locked, no prompt possible) rolls the settings back.
    with transaction():
        update_config(ctx, office, {"smtp": cleaned.as_config()})
        if password:
            secrets.set_secret(secrets.smtp_account(office), password)
    return cleaned


_PASSWORD_NOT_ASCII = (
    "SMTPのパスワードに半角英数字・記号以外の文字（全角文字など）が含まれています。SMTPの認証には使えません"
)


def check_password(password: str) -> None:
    """SMTP AUTH sends the password as ASCII (smtplib): a full-width or other non-ASCII character,
    or a control character, is refused when the password is saved, not at the first send."""
    if not password.isascii() or any(not ch.isprintable() for ch in password):
        raise RuleError("smtp_password_chars")


def password_stored(office: str) -> bool:
    from consult_desk import secrets  # the keyring: imported when a password is needed (start-up)

    return secrets.has_secret(secrets.smtp_account(office))


def forget_password(ctx: Context, office: str) -> None:
    from consult_desk import secrets  # the keyring: imported when a password is needed (start-up)

    require(ctx, "manage_offices")
    secrets.delete_secret(secrets.smtp_account(office))
    with transaction():
        audit.record(ctx, "smtp_password_forget", office)


# ---------------------------------------------------------------- messages


def build_message(
    rendered: templates.RenderedMail, settings: SmtpSettings, now: dt.datetime, draft: bool = False
) -> EmailMessage:
    """RFC 5322 with UTF-8: encoded-word headers (Japanese subject and names), base64 body, CRLF."""
    msg = EmailMessage(policy=email.policy.SMTP)
    from_addr = settings.from_addr or FALLBACK_FROM
    msg["From"] = Address(display_name=settings.from_name, addr_spec=from_addr)
    msg["To"] = Address(display_name=rendered.to_name, addr_spec=rendered.to_addr)
    msg["Subject"] = rendered.subject
    when = now if now.tzinfo else now.replace(tzinfo=JST)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2])
    if draft:
        msg["X-Unsent"] = "1"  # Outlook opens a saved .eml as a draft ready to send
    msg.set_content(rendered.body, charset="utf-8", cte="base64")
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=email.policy.SMTP)


def clipboard_text(rendered: templates.RenderedMail) -> str:
    return f"宛先：{rendered.to_addr}\n件名：{rendered.subject}\n\n{rendered.body}"


def _masked(reservation_id: int, template: str, today: dt.date) -> templates.RenderedMail:
    rendered = templates.render(reservation_id, template, today, reveal=False)
    if template == "offered":
        _check_offer_on_time(reservation_id, today)
    return rendered


def _check_offer_on_time(reservation_id: int, today: dt.date) -> None:
    """004 第4条(1): the confirming mail goes out by the 前々日. After it the mail is refused here: staff
    confirm with a reason (`act ID offer --note`, the panel's 日時を提示 asks for it) and tell the applicant."""
    from consult_desk.seed_rules import offer_too_late

    res = Reservation.get_by_id(reservation_id)
    config = get_config(res.office_id)
    deadline = offer_too_late(config, res.start.date(), today)
    if deadline is not None:
        raise RuleError("offer_too_late", clause=config.clause("application_deadline"), deadline=format_date_ja(deadline))


# ---------------------------------------------------------------- outbox


def get_outbox(outbox_id: int) -> Outbox:
    row = Outbox.get_or_none(Outbox.id == outbox_id)
    if row is None:
        raise RuleError("outbox_not_found", id=outbox_id)
    return row


@retry_conflicts
def queue(ctx: Context, reservation_id: int, template: str) -> Outbox:
    """A message to be sent now (scheduled, due at once; the outbox keeps its text with secrets masked)."""
    require(ctx, "send_mail")
    rendered = _masked(reservation_id, template, ctx.clock.today())
    if not get_config(rendered.office).get("may_send_mail", True):
        raise RuleError("mail_not_allowed")
    with transaction():
        row = _outbox_row(ctx, rendered, "scheduled")
        touch(Topic.MAIL)
    return row


def _outbox_row(ctx: Context, rendered: templates.RenderedMail, state: str) -> Outbox:
    return Outbox.create(
        due=ctx.clock.now(),
        reservation=rendered.reservation_id,
        office=rendered.office,
        template=rendered.template,
        to_addr=rendered.to_addr,
        subject=rendered.subject[:300],
        body=rendered.body,
        state=state,
        created_at=ctx.clock.now(),
        staff=ctx.actor.login,
    )


@dataclass
class Prepared:
    """Everything the worker needs to send one message; it touches no database and no widget."""

    outbox_id: int
    office: str
    settings: SmtpSettings
    message: EmailMessage = field(repr=False)
    password: str | None = field(default=None, repr=False)


def prepare(
    ctx: Context, outbox_id: int, states: tuple[str, ...] | frozenset[str] = RETRYABLE, sender: str = ""
) -> Prepared:
    """Render the message with its credentials and mark the row ``sending`` (or ``failed``, said why).

    The row is taken with a conditional UPDATE (still in one of ``states``), and its Message-ID and
    ``sending`` state are committed before any SMTP conversation: another desk that took it first
    makes this raise :class:`Taken`, and a crash after the server accepted it never resends it."""
    require(ctx, "send_mail")
    row = get_outbox(outbox_id)
    if row.state not in states:
        raise Taken("outbox_state", id=row.id, state=state_label(row.state))
    try:
        if row.reservation_id is None:
            raise RuleError("not_found", id="-")
        if not get_config(row.office_id).get("may_send_mail", True):
            raise RuleError("mail_not_allowed")
        settings = smtp_settings(row.office_id)
        if not settings.configured:
            raise RuleError("smtp_not_configured", office=row.office_id)
        password = None
        if settings.user:
            from consult_desk import secrets  # the keyring: imported when a password is needed (start-up)

            password = secrets.get_secret(secrets.smtp_account(row.office_id))
            if not password:
                raise RuleError("smtp_password_missing", office=row.office_id)
        today = ctx.clock.today()
        rendered = templates.render(row.reservation_id, row.template, today, reveal=True)
        masked = _masked(row.reservation_id, row.template, today)
        try:
            message = build_message(rendered, settings, ctx.clock.now())
        except (ValueError, UnicodeError) as exc:  # e.g. a line break in a name stored before issue 14
            raise MailError("mail_failed", detail=_header_failure(exc)) from None
    except ConsultDeskError as exc:
        record_result(ctx, row.id, exc.message)
        raise
    with transaction():
        taken = (
            Outbox.update(
                state="sending",
                attempts=Outbox.attempts + 1,
                error="",
                to_addr=rendered.to_addr,
                subject=rendered.subject[:300],
                body=masked.body,
                message_id=str(message["Message-ID"])[:250],
                sending_at=ctx.clock.now(),
                sender=(sender or ctx.actor.login)[:120],
            )
            .where(Outbox.id == row.id, Outbox.state.in_(list(states)))
            .execute()
        )
        if taken != 1:
            raise Taken("outbox_state", id=row.id, state=state_label("sending"))
        touch(Topic.MAIL)
    return Prepared(row.id, row.office_id, settings, message, password)


def _locked_outbox(outbox_id: int) -> Outbox:
    """The outbox row read under its row lock (PostgreSQL FOR UPDATE; SQLite's writer lock is
    taken by the transaction), so two desks sending or recording the same message run in turn."""
    from consult_desk.models.db import is_sqlite

    query = Outbox.select().where(Outbox.id == outbox_id)
    if not is_sqlite():
        query = query.for_update()
    row = query.first()
    if row is None:
        raise RuleError("outbox_not_found", id=outbox_id)
    return row


def _header_failure(exc: BaseException) -> str:
    return f"宛先・件名・差出人のいずれかに使えない文字（改行など）があり、メールを作れませんでした（{type(exc).__name__}）"


def _failure_text(exc: BaseException, settings: SmtpSettings) -> str:
    """A sentence for the clerk; server replies are kept short and never contain the password."""
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"SMTPサーバー（{where}）で認証できませんでした。ユーザー名とパスワードを確認してください"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        words = "; ".join(
            f"{code} {reply.decode('utf-8', 'replace') if isinstance(reply, bytes) else reply}"[:120]
            for code, reply in exc.recipients.values()
        )
        return f"宛先のメールアドレスがサーバーに受け付けられませんでした（{words}）"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return "差出人アドレスがサーバーに受け付けられませんでした"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"SMTPサーバー（{where}）がSTARTTLSまたは認証に対応していません"
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return f"SMTPサーバー（{where}）との暗号化（TLS）を確立できませんでした：{exc.__class__.__name__}"
    if isinstance(exc, ConnectionRefusedError):
        return f"SMTPサーバー（{where}）に接続できませんでした（接続拒否）"
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"SMTPサーバー（{where}）から応答がありません"
    if isinstance(exc, socket.gaierror):
        return f"SMTPサーバー名（{settings.host}）が見つかりません"
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"SMTPサーバーが拒否しました（{exc.smtp_code} {reply[:120]}）"
    return f"{exc.__class__.__name__}: {str(exc)[:160]}"


def transmit(prepared: Prepared) -> None:
    """Send over SMTP (STARTTLS, SSL, or plain to a server on this PC). Network only: safe in a worker."""
    settings = prepared.settings
    try:
        context = ssl.create_default_context(cafile=settings.cafile or None)
        if settings.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            client.ehlo()
            if settings.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
            if settings.user:
                client.login(settings.user, prepared.password or "")
            client.send_message(prepared.message)
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        error = MailError("mail_failed", detail=_failure_text(exc, settings))
        error.permanent = _permanent(exc)
        raise error from None
    except UnicodeError:  # smtplib logs in with ASCII only: a password stored before issue 14
        error = MailError("mail_failed", detail=_PASSWORD_NOT_ASCII)
        error.permanent = True
        raise error from None
    except ValueError as exc:  # a header the e-mail library refuses while sending
        error = MailError("mail_failed", detail=_header_failure(exc))
        error.permanent = True
        raise error from None


def _permanent(exc: BaseException) -> bool:
    """Whether the server refused for good (trying again later would not help)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError | ssl.SSLError):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


@retry_conflicts
def record_result(ctx: Context, outbox_id: int, error: str | None) -> Outbox:
    """Write the outcome of a send; a delivered offer or meeting-details message moves the reservation."""
    with transaction():
        row = _locked_outbox(outbox_id)
        now = ctx.clock.now()
        if error:
            row.state = "failed"
            row.error = error[:1000]
        else:
            row.state = "sent"
            row.error = ""
            row.sent_at = now
        row.save()
        moved = "" if error else _advance(ctx, row)
        audit.record(
            ctx,
            "mail_failed" if error else "mail_sent",
            f"outbox {row.id} reservation {row.reservation_id or '-'}",
            detail=f"template={row.template}{moved}",
        )
        touch(Topic.MAIL)
    return row


def _advance(ctx: Context, row: Outbox) -> str:
    """The life-cycle step the message stands for, when the reservation is still where it was."""
    step = STATUS_ACTIONS.get(row.template)
    if step is None or row.reservation_id is None:
        return ""
    from consult_desk import lifecycle

    try:  # under the reservation's row lock: another desk may have cancelled it meanwhile
        res = lifecycle.get_reservation(row.reservation_id, lock=True)
    except RuleError:
        return ""
    if res.status != step[0].value:
        return ""
    try:
        lifecycle.act(ctx, res.id, step[1], lifecycle.ActOptions(channel="email", note=f"メール送信（送信箱{row.id}）"))
    except ConflictError:  # rolled back by the server: the whole recording is tried again
        raise
    except ConsultDeskError as exc:  # the message is out either way: keep the record, say why
        return f" action={step[1]} refused={exc.code}"
    return f" action={step[1]}"


def send_now(ctx: Context, outbox_id: int) -> Outbox:
    """Prepare, send and record in one go (command line, tests). Raises ``mail_failed`` after recording it."""
    prepared = prepare(ctx, outbox_id)
    try:
        transmit(prepared)
    except MailError as exc:
        record_result(ctx, outbox_id, exc.message)
        raise
    except BaseException as exc:  # never leave the row 'sending': record why, then let the bug surface
        record_result(ctx, outbox_id, f"{type(exc).__name__}: {str(exc)[:160]}")
        raise
    return record_result(ctx, outbox_id, None)


def save_eml(ctx: Context, reservation_id: int, template: str, path: Path, mark_done: bool = False) -> Outbox:
    """The message as an .eml file (RFC 5322, a draft Outlook opens ready to send); kept as ``saved``.

    ``mark_done``: the clerk sends it from another system, so an offer or meeting-details message
    counts as delivered (the reservation moves on) as when sent by SMTP.
    """
    require(ctx, "send_mail")
    today = ctx.clock.today()
    rendered = templates.render(reservation_id, template, today, reveal=True)
    masked = _masked(reservation_id, template, today)
    message = build_message(rendered, smtp_settings(rendered.office), ctx.clock.now(), draft=True)
    write_bytes(Path(path), message_bytes(message))
    return _record_saved(ctx, masked, f"file={Path(path).name}", "mail_saved", mark_done)


def copy_text(ctx: Context, reservation_id: int, template: str, mark_done: bool = False) -> tuple[str, Outbox]:
    """The message as text for the clipboard (with its credentials); kept as ``saved`` and audited."""
    require(ctx, "send_mail")
    today = ctx.clock.today()
    rendered = templates.render(reservation_id, template, today, reveal=True)
    masked = _masked(reservation_id, template, today)
    row = _record_saved(ctx, masked, "clipboard", "mail_copied", mark_done)
    return clipboard_text(rendered), row


def _record_saved(ctx: Context, masked: templates.RenderedMail, where: str, action: str, mark_done: bool) -> Outbox:
    with transaction():
        row = _outbox_row(ctx, masked, "saved")
        row.sent_at = ctx.clock.now()
        row.save()
        moved = _advance(ctx, row) if mark_done else ""
        audit.record(
            ctx, action, f"outbox {row.id} reservation {masked.reservation_id}", detail=f"template={masked.template} {where}{moved}"
        )
        touch(Topic.MAIL)
    return row


# ---------------------------------------------------------------- listing


@dataclass
class OutboxEntry:
    id: int
    created_at: dt.datetime
    reservation_id: int | None
    office: str
    template: str
    to_addr: str
    subject: str
    body: str  # masked
    state: str
    attempts: int
    error: str
    sent_at: dt.datetime | None
    staff: str
    due: dt.datetime | None = None  # when it goes out (issue 17's schedule)
    origin: str = "staff"
    message_id: str = ""
    sending_at: dt.datetime | None = None

    @property
    def retryable(self) -> bool:
        return self.state in RETRYABLE

    @property
    def unconfirmed(self) -> bool:
        """Interrupted while sending: it may have arrived (staff check, then confirm or resend)."""
        return self.state == "failed" and bool(self.message_id) and self.error.startswith("送信中に中断しました")


def entries(
    office: str | None = None, states: tuple[str, ...] | None = None, limit: int = 1000, by_due: bool = False
) -> list[OutboxEntry]:
    """The outbox, newest first; ``by_due``: in the order it goes out (the schedule)."""
    order = (Outbox.due.is_null(), Outbox.due, Outbox.id) if by_due else (Outbox.created_at.desc(), Outbox.id.desc())
    query = Outbox.select().order_by(*order).limit(limit)
    if office:
        query = query.where(Outbox.office == office)
    if states:
        query = query.where(Outbox.state.in_(list(states)))
    return [
        OutboxEntry(
            r.id, r.created_at, r.reservation_id, r.office_id, r.template, r.to_addr, r.subject, r.body,
            r.state, r.attempts, r.error, r.sent_at, r.staff, r.due or r.created_at, r.origin, r.message_id,
            r.sending_at,
        )
        for r in query
    ]


def failed_count(office: str | None = None) -> int:
    query = Outbox.select().where(Outbox.state == "failed")
    if office:
        query = query.where(Outbox.office == office)
    return query.count()
