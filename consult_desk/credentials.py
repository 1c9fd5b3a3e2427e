"""Meeting credentials: the way into one session, by the office's platform.

Zoom: URL, meeting ID and passcode (000 第4条(3)); ROOMS: room key, URL optional (001);
Teams: a new URL for every session (003 2(4)); TeleOffice: URL (004 第4条(2)); a generic web
meeting: ID and password, URL optional (002 5). Rows are never edited: a change revokes the
current row and inserts a new one, so lost or stolen credentials (002 5(3)) stay on record.

Passcodes, room keys and passwords never go into the history, the audit log, exports or the
command line's output: those get the field names and a mask. Only :func:`reveal` returns them,
and it writes who looked to the audit log.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import peewee as pw

from consult_desk import audit
from consult_desk.actions import Action
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.i18n import NP_, _p, in_language, join
from consult_desk.models import DB, History, MeetingCredential, Reservation, UrlClaim, transaction
from consult_desk.models.db import is_sqlite, retry_conflicts, valid_id
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig
from consult_desk.states import HOLDS_SEAT, status_label
from consult_desk.validation import normalise_text

FIELDS = ("url", "meeting_id", "passcode", "room_key", "password")
SECRET_FIELDS = frozenset({"passcode", "room_key", "password"})
MASK = "••••"
SECRET_MAX = 100
URL_MAX = 500

FIELD_LABELS: dict[str, str] = {
    "url": NP_("credentials.field", "URL"),
    "meeting_id": NP_("credentials.field", "meeting ID"),
    "passcode": NP_("credentials.field", "passcode"),
    "room_key": NP_("credentials.field", "room key"),
    "password": NP_("credentials.field", "password"),
}
# What the platform's own screens call each field, where that differs.
PLATFORM_LABELS: dict[str, dict[str, str]] = {
    "zoom": {"url": NP_("credentials.field", "meeting URL")},
    "teams": {"url": NP_("credentials.field", "meeting link")},
    "teleoffice": {"url": NP_("credentials.field", "connection URL")},
    "rooms": {"url": NP_("credentials.field", "room URL")},
    "webmeeting": {"meeting_id": NP_("credentials.field", "ID")},
}
# Fields without which the applicant cannot get in; the others in credential_fields are optional.
PLATFORM_REQUIRED: dict[str, tuple[str, ...]] = {
    "zoom": ("url", "meeting_id", "passcode"),
    "rooms": ("room_key",),
    "teams": ("url",),
    "teleoffice": ("url",),
    "webmeeting": ("meeting_id", "password"),
}
# (min, max) digits of a meeting ID: Zoom uses 9 to 11; other services vary.
MEETING_ID_DIGITS: dict[str, tuple[int, int]] = {"zoom": (9, 11)}
DEFAULT_MEETING_ID_DIGITS = (4, 20)

# Why credentials were withdrawn (002 5(3): lost or stolen ID and password are reported to the office).
REVOKE_REASONS: dict[str, str] = {  # as stored in the history (Japanese, like its other notes)
    "lost": "紛失",
    "stolen": "盗難",
    "leaked": "第三者への漏えい",
    "replaced": "変更",
    "other": "その他",
}
REVOKE_LABELS = {
    "lost": NP_("credentials.revoke", "lost"),
    "stolen": NP_("credentials.revoke", "stolen"),
    "leaked": NP_("credentials.revoke", "leaked to a third party"),
    "replaced": NP_("credentials.revoke", "changed"),
    "other": NP_("credentials.revoke", "other"),
}


def revoke_label(reason: str) -> str:
    """Why credentials were reissued or revoked, in the UI language."""
    return _p("credentials.revoke", REVOKE_LABELS.get(reason, reason))
_SECRET_TEXT = re.compile(r"^[\x21-\x7e]+$")
# A Zoom invitation URL can carry the passcode (hashed) as ``pwd``: shown masked like the passcode.
_SECRET_QUERY_KEYS = frozenset({"pwd", "passcode", "password", "pw"})
# Credentials can be set while the session is still ahead (booked, checked in, in session, callback).
EDITABLE = HOLDS_SEAT


class _RedactCredentialQueries(logging.Filter):
    """peewee logs each query with its parameters at DEBUG: those touching this table are masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg
        if isinstance(msg, tuple) and len(msg) == 2 and isinstance(msg[0], str) and "meeting_credential" in msg[0]:
            record.msg = (msg[0], [MASK] * len(msg[1] or ()))
        return True


_PEEWEE_LOG = logging.getLogger("peewee")
if not any(isinstance(f, _RedactCredentialQueries) for f in _PEEWEE_LOG.filters):
    _PEEWEE_LOG.addFilter(_RedactCredentialQueries())


def field_label(config: OfficeConfig, field: str, lang: str | None = None) -> str:
    """The field's name on the office's platform, in the UI language or in ``lang`` (``"ja"`` for
    mail to applicants and the history, which are Japanese whatever the window speaks)."""
    label = PLATFORM_LABELS.get(config.platform, {}).get(field, FIELD_LABELS[field])
    return _p("credentials.field", label) if lang is None else in_language(lang, label, "credentials.field")


def office_fields(config: OfficeConfig) -> list[str]:
    """The office's credential fields, in the platform's usual order."""
    wanted = set(config.get("credential_fields") or [])
    return [f for f in FIELDS if f in wanted]


def required_fields(config: OfficeConfig) -> list[str]:
    fields = office_fields(config)
    required = PLATFORM_REQUIRED.get(config.platform)
    if required is None:
        return fields
    return [f for f in fields if f in required]


def platform_label(config: OfficeConfig, lang: str | None = None) -> str:
    """The platform's name in the UI language (``lang="ja"``: the preset's own words, for mail)."""
    if lang == "ja":
        return str(config.get("platform_label") or config.platform)
    return config.platform_label


def format_meeting_id(meeting_id: str) -> str:
    """Zoom's own grouping: 123 4567 8901 (11 digits), 123 456 7890 (10), 123 456 789 (9)."""
    digits = meeting_id
    if not digits.isdigit():
        return digits
    if len(digits) == 11:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if len(digits) in (9, 10):
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return digits


def mask_url(url: str) -> str:
    """The URL with any passcode carried in its query (``pwd=``) masked; the rest kept as typed."""
    parts = urlsplit(url) if url else None
    if parts is None or not parts.query:
        return url
    pairs = []
    for pair in parts.query.split("&"):
        key, sep, _ = pair.partition("=")
        pairs.append(f"{key}={MASK}" if sep and key.lower() in _SECRET_QUERY_KEYS else pair)
    return urlunsplit(parts._replace(query="&".join(pairs)))


# ---------------------------------------------------------------- validation


def _clean_url(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if (
        parts.scheme.lower() != "https"
        or not parts.hostname
        or "." not in parts.hostname
        or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)
        or len(text) > URL_MAX
        or MASK in text  # a masked URL copied back from the screen
    ):
        raise RuleError("credential_url")
    return text


def _clean_meeting_id(config: OfficeConfig, value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return ""
    digits = re.sub(r"[\s\-]", "", text)
    low, high = MEETING_ID_DIGITS.get(config.platform, DEFAULT_MEETING_ID_DIGITS)
    if not digits.isascii() or not digits.isdigit() or not low <= len(digits) <= high:
        raise RuleError("credential_meeting_id", min=low, max=high)
    return digits


def _clean_secret(config: OfficeConfig, field: str, value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return ""
    if len(text) > SECRET_MAX or not _SECRET_TEXT.match(text):
        raise RuleError("credential_secret_format", label=field_label(config, field), max=SECRET_MAX)
    return text


def validate(config: OfficeConfig, values: dict[str, str]) -> dict[str, str]:
    """Normalise every field; refuse a field the office does not use, a bad URL or ID, a missing one."""
    allowed = office_fields(config)
    for key, value in values.items():
        if key not in FIELDS or (key not in allowed and (value or "").strip()):
            raise RuleError("credential_field_unused", field=_p("credentials.field", FIELD_LABELS.get(key, key)), platform=platform_label(config))
    cleaned: dict[str, str] = {}
    for key in allowed:
        raw = values.get(key, "") or ""
        if key == "url":
            cleaned[key] = _clean_url(raw)
        elif key == "meeting_id":
            cleaned[key] = _clean_meeting_id(config, raw)
        else:
            cleaned[key] = _clean_secret(config, key, raw)
    missing = [k for k in required_fields(config) if not cleaned.get(k)]
    if missing:
        raise RuleError(
            "credential_required",
            fields=join((field_label(config, k) for k in missing), alternatives=True),
            platform=platform_label(config),
        )
    return cleaned


# ---------------------------------------------------------------- reading


def current(reservation_id: int) -> MeetingCredential | None:
    """The credentials in force (not revoked), newest first."""
    return (
        MeetingCredential.select()
        .where(MeetingCredential.reservation == reservation_id, MeetingCredential.revoked_at.is_null())
        .order_by(MeetingCredential.issued_at.desc(), MeetingCredential.id.desc())
        .first()
    )


def values_of(row: MeetingCredential | None) -> dict[str, str]:
    if row is None:
        return {f: "" for f in FIELDS}
    return {f: getattr(row, f) or "" for f in FIELDS}


def masked_values(values: dict[str, str]) -> dict[str, str]:
    """Secrets replaced by the mask; the URL with its ``pwd`` masked; empty stays empty."""
    out = {}
    for key, value in values.items():
        if key in SECRET_FIELDS:
            out[key] = MASK if value else ""
        elif key == "url":
            out[key] = mask_url(value)
        else:
            out[key] = value
    return out


@dataclass
class CredentialSummary:
    """What may be shown without revealing: field names, masked values, who issued them when."""

    reservation_id: int
    office: str
    platform: str
    platform_label: str
    fields: list[str]
    required: list[str]
    values: dict[str, str]  # masked
    set_fields: list[str]
    missing: list[str]
    issued_at: dt.datetime | None
    issued_by: str
    revoked_count: int
    unique_per_session: bool

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.reservation_id,
            "office": self.office,
            "platform": self.platform,
        }
        for key in FIELDS:
            value = self.values.get(key, "")
            data[key] = value if value else None
        data.update(
            {
                "set": self.set_fields,
                "missing": self.missing,
                "issued_at": self.issued_at.strftime("%Y-%m-%dT%H:%M") if self.issued_at else None,
                "issued_by": self.issued_by or None,
                "revoked": self.revoked_count,
            }
        )
        return data


def summary(reservation_id: int) -> CredentialSummary:
    res = _reservation(reservation_id)
    config = get_config(res.office_id)
    row = current(res.id)
    values = values_of(row)
    fields = office_fields(config)
    required = required_fields(config)
    revoked = (
        MeetingCredential.select()
        .where(MeetingCredential.reservation == res.id, MeetingCredential.revoked_at.is_null(False))
        .count()
    )
    return CredentialSummary(
        reservation_id=res.id,
        office=res.office_id,
        platform=config.platform,
        platform_label=platform_label(config),
        fields=fields,
        required=required,
        values=masked_values(values),
        set_fields=[f for f in FIELDS if values.get(f)],
        missing=[f for f in required if not values.get(f)],
        issued_at=row.issued_at if row else None,
        issued_by=row.issued_by if row else "",
        revoked_count=revoked,
        unique_per_session=bool(config.get("credential_unique_per_session")),
    )


def complete(reservation_id: int) -> bool:
    """True when every field the platform needs is set."""
    return not summary(reservation_id).missing


def reveal(ctx: Context, reservation_id: int) -> dict[str, str]:
    """The credentials in clear, for a staff member who asked to see them; the look is audited."""
    require(ctx, "reveal_credentials")
    res = _reservation(reservation_id)
    row = current(res.id)
    if row is None:
        raise RuleError("credentials_none")
    values = values_of(row)
    with transaction():
        shown = [f for f in FIELDS if values[f] and f in SECRET_FIELDS]
        audit.record(ctx, "reveal_credentials", str(res.id), detail="fields=" + ",".join(shown))
    return values


# ---------------------------------------------------------------- writing


def _reservation(reservation_id: int, lock: bool = False) -> Reservation:
    """The reservation, or ``not_found``. ``lock`` (every writer, inside its transaction): the row is
    read FOR UPDATE on PostgreSQL, so a desk cancelling or checking in at the same moment runs before
    or after this one, never in between, and the state is checked as it is now (issue 14 (1));
    SQLite's BEGIN IMMEDIATE already serialises writers."""
    query = Reservation.select().where(Reservation.id == reservation_id)
    if lock and not is_sqlite():
        query = query.for_update()
    res = query.first() if valid_id(reservation_id) else None
    if res is None:
        raise RuleError("not_found", id=reservation_id)
    return res


def _check_editable(res: Reservation) -> None:
    if res.status not in {s.value for s in EDITABLE}:
        raise RuleError("credentials_closed", status=status_label(res.status))


def _check_unique_url(config: OfficeConfig, res: Reservation, url: str) -> None:
    """Teams: a URL is for one session only (003 2(4)); refused when any other reservation had it.
    The URL is claimed in ``url_claim``, whose unique index settles two desks storing it at once."""
    if not url or not config.get("credential_unique_per_session"):
        return
    clause = config.clause("credential_unique") or ("003 2(4)" if config.get("id") == "yamaguchi-vocational" else None)
    other = UrlClaim.select(UrlClaim.reservation).where(UrlClaim.url == url).first()
    if other is None:
        try:
            with DB.atomic():
                UrlClaim.create(url=url, reservation=res.id)
            return
        except pw.IntegrityError:  # claimed a moment ago by another desk
            other = UrlClaim.select(UrlClaim.reservation).where(UrlClaim.url == url).first()
    if other is not None and other.reservation_id != res.id:
        raise RuleError("credential_url_reused", clause=clause, other=other.reservation_id)


def _check_note(note: str, *secret_sets: dict[str, str]) -> None:
    """A note must not carry a secret: notes go to the history, which is shown and exported."""
    folded = note.replace(" ", "")
    for values in secret_sets:
        for key in SECRET_FIELDS:
            secret = values.get(key) or ""
            if len(secret) >= 3 and secret in folded:
                raise RuleError("credential_secret_in_note")


def history_entry(ctx: Context, res: Reservation, note: str, data: dict[str, Any]) -> None:
    """The reservation's history line for a change of its meeting details (set, reissued, revoked,
    made or removed on the platform): status unchanged, no secret in the note or data."""
    History.create(
        reservation=res,
        at=ctx.clock.now(),
        action=Action.CREDENTIALS.value,
        from_status=res.status,
        status=res.status,
        channel="",
        staff=ctx.actor.login,
        note=note,
        data=data,
    )


def _field_names(config: OfficeConfig, fields: list[str]) -> str:
    return "・".join(field_label(config, f, "ja") for f in fields)  # for the (Japanese) history


@retry_conflicts
def set_credentials(ctx: Context, reservation_id: int, changes: dict[str, str | None]) -> MeetingCredential:
    """Set or change the credentials. Fields left out (or None) keep their value; '' clears one."""
    require(ctx, "set_credentials")
    with transaction():
        res = _reservation(reservation_id, lock=True)
        _check_editable(res)
        config = get_config(res.office_id)
        old = current(res.id)
        merged = values_of(old)
        for key, value in changes.items():
            if value is not None:
                merged[key] = value
        cleaned = validate(config, {k: v for k, v in merged.items() if k in office_fields(config) or v})
        before = values_of(old)
        changed = [f for f in office_fields(config) if cleaned.get(f, "") != before.get(f, "")]
        if old is not None and not changed:
            return old
        _check_unique_url(config, res, cleaned.get("url", ""))
        now = ctx.clock.now()
        if old is not None:
            old.revoked_at = now
            old.revoked_reason = REVOKE_REASONS["replaced"]
            old.save()
        row = MeetingCredential.create(reservation=res, issued_at=now, issued_by=ctx.actor.login, **cleaned)
        set_now = [f for f in office_fields(config) if cleaned.get(f)]
        verb = "変更" if old is not None else "登録"
        history_entry(
            ctx,
            res,
            f"接続情報を{verb}（{_field_names(config, changed)}）",
            {"event": "changed" if old else "set", "fields": changed, "set": set_now},
        )
        audit.record(ctx, "credentials_set", str(res.id), detail="fields=" + ",".join(changed))
        touch(Topic.RESERVATIONS)
    return row


@retry_conflicts
def reissue(
    ctx: Context, reservation_id: int, values: dict[str, str], reason: str, note: str = ""
) -> MeetingCredential:
    """Withdraw the credentials in force (lost, stolen, leaked: 002 5(3)) and issue new ones.

    Every secret of the new set must differ from the withdrawn one; the reason is recorded.
    """
    require(ctx, "set_credentials")
    if reason not in REVOKE_REASONS or reason == "replaced":
        raise RuleError("invalid_choice", label=_p("label", "reason"))
    note = normalise_text(note, _p("label", "note"), 500)
    with transaction():
        res = _reservation(reservation_id, lock=True)
        _check_editable(res)
        config = get_config(res.office_id)
        old = current(res.id)
        if old is None:
            raise RuleError("credentials_none")
        withdrawn = values_of(old)
        merged = dict(withdrawn)
        merged.update({k: v for k, v in values.items() if v is not None})
        cleaned = validate(config, {k: v for k, v in merged.items() if k in office_fields(config) or v})
        _check_note(note, withdrawn, cleaned)
        secrets_used = [f for f in office_fields(config) if f in SECRET_FIELDS and withdrawn.get(f)]
        same = [f for f in secrets_used if cleaned.get(f) == withdrawn.get(f)]
        if config.get("credential_unique_per_session") or not secrets_used:
            # no secret to change (Teams, TeleOffice): the URL itself is the key and must change
            if cleaned.get("url") and cleaned.get("url") == withdrawn.get("url"):
                same.append("url")
        if same:
            raise RuleError("credential_reissue_same", clause=_reissue_clause(config), label=join((field_label(config, f) for f in same), alternatives=True))
        _check_unique_url(config, res, cleaned.get("url", ""))
        now = ctx.clock.now()
        old.revoked_at = now
        old.revoked_reason = f"{REVOKE_REASONS[reason]}：{note}" if note else REVOKE_REASONS[reason]
        old.save()
        row = MeetingCredential.create(reservation=res, issued_at=now, issued_by=ctx.actor.login, **cleaned)
        changed = [f for f in office_fields(config) if cleaned.get(f, "") != withdrawn.get(f, "")]
        text = f"接続情報を再発行（理由：{REVOKE_REASONS[reason]}、変更：{_field_names(config, changed)}）"
        history_entry(ctx, res, f"{text}\n{note}".strip(), {"event": "reissued", "reason": reason, "fields": changed})
        audit.record(ctx, "credentials_reissue", str(res.id), detail=f"reason={reason} fields={','.join(changed)}")
        touch(Topic.RESERVATIONS)
    return row


@retry_conflicts
def revoke(ctx: Context, reservation_id: int, reason: str, note: str = "") -> None:
    """Withdraw the credentials without new ones yet (e.g. reported stolen, new room not ready)."""
    require(ctx, "set_credentials")
    if reason not in REVOKE_REASONS:
        raise RuleError("invalid_choice", label=_p("label", "reason"))
    note = normalise_text(note, _p("label", "note"), 500)
    with transaction():
        res = _reservation(reservation_id, lock=True)
        old = current(res.id)
        if old is None:
            raise RuleError("credentials_none")
        _check_note(note, values_of(old))
        old.revoked_at = ctx.clock.now()
        old.revoked_reason = f"{REVOKE_REASONS[reason]}：{note}" if note else REVOKE_REASONS[reason]
        old.save()
        text = f"接続情報を無効化（理由：{REVOKE_REASONS[reason]}）"
        history_entry(ctx, res, f"{text}\n{note}".strip(), {"event": "revoked", "reason": reason})
        audit.record(ctx, "credentials_revoke", str(res.id), detail=f"reason={reason}")
        touch(Topic.RESERVATIONS)


def _reissue_clause(config: OfficeConfig) -> str | None:
    return config.clause("credentials_lost") or ("002 5(3)" if config.get("id") == "funabashi-kosodate" else None)
