"""Mail templates in Japanese: one per message kind, shipped in ``resources/templates/``.

A template is plain UTF-8 text: the subject on line 1, an empty line 2, the body from line 3.
Placeholders are ``${name}`` (:class:`string.Template`; ``$$`` for a dollar sign), listed in
:data:`PLACEHOLDERS`. Which text an office uses, first found wins:

1. the office's edited copy, stored in its configuration (``mail_templates``), so every desk
   sharing the database sends the same text (edited in the window, admin only);
2. ``resources/templates/<office code>/<name>.txt``, then ``resources/templates/<preset id>/<name>.txt``
   (shipped wording for a seed office);
3. ``resources/templates/default/<name>.txt``.

Rendering masks passcodes, room keys and passwords unless asked to reveal them: the window's
preview and the outbox show the masked text, only the message actually sent carries them.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consult_desk import credentials
from consult_desk.calendar import format_date_ja
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.i18n import NP_, _p, join
from consult_desk.models import Applicant, Reservation
from consult_desk.offices import get_config, get_office, update_config
from consult_desk.paths import resources_dir
from consult_desk.presets import OfficeConfig
from consult_desk.states import BOOKED, Status, status_label

S = Status

# name -> (Japanese label, English label)
TEMPLATE_LABELS: dict[str, str] = {
    "received": NP_("templates.template", "Application received"),
    "offered": NP_("templates.template", "Booking confirmed (the time)"),
    "details": NP_("templates.template", "Meeting details"),
    "reminder": NP_("templates.template", "Reminder"),
    "cancelled": NP_("templates.template", "Cancellation"),
    "no_show": NP_("templates.template", "No-show notice"),
    "rescheduled": NP_("templates.template", "Reschedule"),
    "callback": NP_("templates.template", "Callback note"),
}
TEMPLATE_NAMES = tuple(TEMPLATE_LABELS)

# Which reservations a message fits; anything else is refused (no cancellation notice for a live booking).
TEMPLATE_STATUSES: dict[str, tuple[Status, ...]] = {
    "received": BOOKED,
    "offered": (S.REQUESTED, S.OFFERED),
    "details": (S.CONFIRMED, S.DETAILS_SENT),
    "reminder": (S.CONFIRMED, S.DETAILS_SENT),
    "cancelled": (S.CANCELLED,),
    "no_show": (S.NO_SHOW,),
    "rescheduled": (S.RESCHEDULED,),
    "callback": (S.PHONE_CALLBACK, S.COMPLETED_BY_PHONE, S.UNREACHABLE),
}

PLACEHOLDERS: dict[str, str] = {
    "name": "申込者の氏名",
    "reservation_id": "受付番号（予約ID）",
    "office_name": "事業所の名称",
    "office_short_name": "事業所の略称",
    "department": "担当部署",
    "office_phone": "問合せ電話番号",
    "office_hours": "問合せ受付時間",
    "contact_block": "問合せ先（部署・電話・時間をまとめた数行）",
    "date": "実施日（2027年1月13日(水)）",
    "start_time": "開始時刻",
    "end_time": "終了時刻",
    "datetime": "実施日時（日付と開始～終了）",
    "platform_label": "会議サービスの名称",
    "meeting_block": "接続方法（サービスに応じたURL・ID・パスコード等の数行）",
    "url": "URL",
    "meeting_id": "ミーティングID",
    "passcode": "パスコード",
    "room_key": "ルームキー",
    "password": "パスワード",
    "details_by": "接続方法の送付期限",
    "reply_by": "当所からの予約確定メールの期限（ハローワーク、申込みの翌営業日中）",
    "new_datetime": "変更後の日時",
    "grace_minutes": "無断キャンセルとみなすまでの分数",
    "today": "今日の日付",
}

NO_MEETING = "（接続方法は、あらためてお知らせします）"
NOT_YET = "（追ってご連絡します）"


def template_label(name: str) -> str:
    return _p("templates.template", TEMPLATE_LABELS.get(name, name))


def templates_dir() -> Path:
    return resources_dir() / "templates"


@dataclass
class TemplateText:
    name: str
    text: str
    origin: str  # "office" (edited, in the database), "shipped" (resources/templates/<office>), "default"


@dataclass
class RenderedMail:
    office: str
    reservation_id: int
    template: str
    to_addr: str
    to_name: str
    subject: str
    body: str
    revealed: bool


def _check_name(name: str) -> None:
    if name not in TEMPLATE_LABELS:
        raise RuleError("template_unknown", name=name)


def source(office: str, name: str) -> TemplateText:
    """The template an office uses now, and where it comes from."""
    _check_name(name)
    config = get_config(office)
    edited = (config.get("mail_templates") or {}).get(name)
    if edited:
        return TemplateText(name, str(edited), "office")
    preset = str(config.get("id") or get_office(office).preset)
    for folder in dict.fromkeys((office, preset)):
        path = templates_dir() / folder / f"{name}.txt"
        if path.is_file():
            return TemplateText(name, path.read_text(encoding="utf-8"), "shipped")
    return TemplateText(name, (templates_dir() / "default" / f"{name}.txt").read_text(encoding="utf-8"), "default")


def split(text: str) -> tuple[str, str]:
    """(subject, body) of a template text; refuses one without a subject line and an empty line 2."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        raise RuleError("template_format")
    return lines[0].strip(), "\n".join(lines[2:]).rstrip("\n") + "\n"


def check(text: str) -> None:
    """A template must split into subject and body and use only known placeholders."""
    subject, body = split(text)
    unknown = []
    for part in (subject, body):
        tpl = string.Template(part)
        if not tpl.is_valid():
            unknown.append("$")
        unknown.extend(n for n in tpl.get_identifiers() if n not in PLACEHOLDERS)
    if unknown:
        raise RuleError("template_placeholder", names=join(dict.fromkeys(unknown)))


def save(ctx: Context, office: str, name: str, text: str) -> None:
    """The office's own wording for one message, kept in its configuration (admin)."""
    _check_name(name)
    text = text.replace("\r\n", "\n")
    check(text)
    edited = dict(get_config(office).get("mail_templates") or {})
    edited[name] = text
    update_config(ctx, office, {"mail_templates": edited})


def reset(ctx: Context, office: str, name: str) -> None:
    """Back to the shipped wording."""
    _check_name(name)
    edited = dict(get_config(office).get("mail_templates") or {})
    if name in edited:
        del edited[name]
        update_config(ctx, office, {"mail_templates": edited})


# ---------------------------------------------------------------- rendering


def meeting_block(config: OfficeConfig, values: dict[str, str]) -> str:
    """The lines that tell the applicant how to get in, in the platform's own words."""
    lines = []
    for field in credentials.office_fields(config):
        value = values.get(field) or ""
        if not value:
            continue
        if field == "meeting_id":
            value = credentials.format_meeting_id(value)
        lines.append(f"{credentials.field_label(config, field, 'ja')}：{value}")  # the mail is Japanese
    if not lines:
        return NO_MEETING
    if config.get("credential_unique_per_session"):
        lines.append("※URLは相談ごとに異なります。今回の相談専用のURLです。")
    return "\n".join(lines)


def contact_block(config: OfficeConfig) -> str:
    contact = config.get("contact") or {}
    lines = []
    if contact.get("department"):
        lines.append(f"問合せ先：{contact['department']}")
    phone = contact.get("phone") or ""
    hours = contact.get("hours") or ""
    if phone:
        lines.append(f"電話：{phone}" + (f"（{hours}）" if hours else ""))
    elif hours:
        lines.append(f"受付時間：{hours}")
    return "\n".join(lines)


def _datetime_text(start: dt.datetime, end: dt.datetime) -> str:
    return f"{format_date_ja(start.date())} {start:%H:%M}～{end:%H:%M}"


def fields_for(
    res: Reservation, config: OfficeConfig, today: dt.date, reveal: bool, name: str = ""
) -> dict[str, str]:
    """Every placeholder's value for one reservation. Secrets masked unless ``reveal``."""
    applicant: Applicant = res.applicant
    values = credentials.values_of(credentials.current(res.id))
    shown = values if reveal else credentials.masked_values(values)
    contact = config.get("contact") or {}
    reply_by = res.offer_reply_by  # Hello Work: when the office's confirming mail is due (004 第4条(2))
    new = next(iter(res.rescheduled_to), None)
    return {
        "name": applicant.name,
        "reservation_id": str(res.id),
        "office_name": config.name,
        "office_short_name": config.short_name,
        "department": str(contact.get("department") or ""),
        "office_phone": str(contact.get("phone") or ""),
        "office_hours": str(contact.get("hours") or ""),
        "contact_block": contact_block(config),
        "date": format_date_ja(res.start.date()),
        "start_time": f"{res.start:%H:%M}",
        "end_time": f"{res.end:%H:%M}",
        "datetime": _datetime_text(res.start, res.end),
        "platform_label": credentials.platform_label(config, "ja"),
        "meeting_block": meeting_block(config, shown),
        "url": shown["url"],
        "meeting_id": credentials.format_meeting_id(shown["meeting_id"]),
        "passcode": shown["passcode"],
        "room_key": shown["room_key"],
        "password": shown["password"],
        "details_by": format_date_ja(res.notify_by) if res.notify_by else "実施日の前日",
        "reply_by": format_date_ja(reply_by) if reply_by else "翌営業日",
        "new_datetime": _datetime_text(new.start, new.end) if new is not None else NOT_YET,
        "grace_minutes": str(config.grace_minutes),
        "today": format_date_ja(today),
    }


def check_fits(res: Reservation, config: OfficeConfig, name: str) -> None:
    """Refuse a message that does not fit the reservation (status, office, missing credentials)."""
    _check_name(name)
    if Status(res.status) not in TEMPLATE_STATUSES[name] or (name == "offered" and not config.get("offer_flow")):
        raise RuleError("template_not_for_status", status=status_label(res.status), template=template_label(name))
    if name == "details":
        missing = credentials.summary(res.id).missing
        if missing:
            raise RuleError(
                "credential_required",
                clause=config.clause("details_deadline"),
                fields=join((credentials.field_label(config, f) for f in missing), alternatives=True),
                platform=credentials.platform_label(config),
            )


def render(reservation_id: int, name: str, today: dt.date, reveal: bool = False) -> RenderedMail:
    """The message for one reservation; passcodes, room keys and passwords masked unless ``reveal``."""
    res = Reservation.get_or_none(Reservation.id == reservation_id)
    if res is None:
        raise RuleError("not_found", id=reservation_id)
    config = get_config(res.office_id)
    check_fits(res, config, name)
    applicant: Applicant = res.applicant
    if not applicant.email or applicant.anonymised_at is not None:
        raise RuleError("applicant_no_email")
    subject_t, body_t = split(source(res.office_id, name).text)
    values = fields_for(res, config, today, reveal, name)
    subject = _substitute(subject_t, values).replace("\n", " ").strip()
    body = _substitute(body_t, values)
    return RenderedMail(res.office_id, res.id, name, applicant.email, applicant.name, subject, body, reveal)


def _substitute(text: str, values: dict[str, Any]) -> str:
    try:
        return string.Template(text).substitute(values)
    except (KeyError, ValueError) as exc:
        raise RuleError("template_placeholder", names=str(exc)) from None


def preview(office: str, name: str, text: str, reservation_id: int, today: dt.date) -> tuple[str, str]:
    """An edited template rendered for one reservation before it is saved (masked)."""
    check(text)
    res = Reservation.get_or_none(Reservation.id == reservation_id)
    if res is None:
        raise RuleError("not_found", id=reservation_id)
    subject_t, body_t = split(text)
    values = fields_for(res, get_config(office), today, reveal=False, name=name)
    return _substitute(subject_t, values).strip(), _substitute(body_t, values)
