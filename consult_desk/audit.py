"""The audit log (004 第5条): append-only, written in the same transaction as what it records."""

from __future__ import annotations

import datetime as dt

from consult_desk.context import Context
from consult_desk.i18n import NP_, _p, _t, join, language
from consult_desk.models import AuditLog


def record(ctx: Context, action: str, target: str = "", count: int = 1, detail: str = "") -> None:
    """One entry, in the caller's transaction; linked into the hash chain as it is inserted (models/chain.py).
    The transaction thereby reports ``Topic.AUDIT``."""
    from consult_desk import changes

    changes.touch(changes.Topic.AUDIT)
    AuditLog.create(
        at=ctx.clock.now(), staff=ctx.actor.login, action=action, target=target, count=count, detail=detail
    )


def entries(start: dt.date | None = None, end: dt.date | None = None) -> list[AuditLog]:
    query = AuditLog.select().order_by(AuditLog.at, AuditLog.id)
    if start:
        query = query.where(AuditLog.at >= dt.datetime.combine(start, dt.time.min))
    if end:
        query = query.where(AuditLog.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    return list(query)


def record_reveal(ctx: Context, reservation_id: int) -> None:
    """Staff revealed a session's passcode / room key / password on screen: logged (004 第5条)."""
    from consult_desk.models import transaction
    from consult_desk.permissions import require

    require(ctx, "reveal_credentials")
    with transaction():
        record(ctx, "reveal_credentials", str(reservation_id))


# ------------------------------------------------------------------ reading and exporting (supervisors)

AUDIT_COLUMNS: list[tuple[str, str]] = [
    ("at", "日時"),
    ("staff", "職員"),
    ("action", "操作"),
    ("action_label", "操作（表示名）"),
    ("target", "対象"),
    ("count", "件数"),
    ("detail", "詳細"),
]

ACTION_LABELS: dict[str, str] = {
    "sign_in": NP_("audit.action", "signed in"),
    "sign_in_failed": NP_("audit.action", "failed sign-in"),
    "sign_out": NP_("audit.action", "signed out"),
    "lock": NP_("audit.action", "screen locked"),
    "staff_create": NP_("audit.action", "staff created"),
    "staff_update": NP_("audit.action", "staff changed"),
    "staff_password_set": NP_("audit.action", "password reset"),
    "password_change": NP_("audit.action", "password changed"),
    "office_create": NP_("audit.action", "office created"),
    "office_update": NP_("audit.action", "office settings changed"),
    "closure_add": NP_("audit.action", "closure added"),
    "event_create": NP_("audit.action", "event created"),
    "undo_no_show": NP_("audit.action", "no-show undone"),
    "reveal_credentials": NP_("audit.action", "credentials revealed"),
    # meeting credentials and mail (issue 5)
    "credentials_set": NP_("audit.action", "credentials set"),
    "credentials_reissue": NP_("audit.action", "credentials reissued"),
    "credentials_revoke": NP_("audit.action", "credentials withdrawn"),
    "mail_sent": NP_("audit.action", "mail sent"),
    "mail_failed": NP_("audit.action", "mail failed"),
    "mail_saved": NP_("audit.action", "mail saved as .eml"),
    "mail_copied": NP_("audit.action", "mail copied"),
    "smtp_password_forget": NP_("audit.action", "SMTP password forgotten"),
    "export_ics": NP_("audit.action", "calendar export (no personal data)"),
    "export_ics_pii": NP_("audit.action", "calendar export with names"),
    "booking_refused_trouble": NP_("audit.action", "booking refused (earlier trouble)"),
    "export_csv": NP_("audit.action", "CSV export (no personal data)"),
    "export_csv_pii": NP_("audit.action", "CSV export with personal data"),
    "export_statistics": NP_("audit.action", "statistics CSV export"),
    "export_audit": NP_("audit.action", "audit log export"),
    "print_daily_review": NP_("audit.action", "daily review printed"),
    "pdf_daily_review": NP_("audit.action", "daily review saved as PDF"),
    "purge": NP_("audit.action", "personal data anonymised"),
    "backup": NP_("audit.action", "backup"),
    "backup_auto": NP_("audit.action", "automatic backup"),
    "restore": NP_("audit.action", "restored from a backup"),
    "undo": NP_("audit.action", "last step undone"),  # issue 15
    # meetings created by the platforms (issue 16)
    "meeting_create": NP_("audit.action", "platform meeting created"),
    "meeting_move": NP_("audit.action", "platform meeting moved"),
    "meeting_delete": NP_("audit.action", "platform meeting deleted"),
    "meeting_cleanup_listed": NP_("audit.action", "platform meeting listed for clean-up"),
    "meeting_platform_test": NP_("audit.action", "platform connection test"),
    "meeting_secret_set": NP_("audit.action", "platform secret stored"),
    # issue 13
    "audit_guard_reinstalled": NP_("audit.action", "audit log protection reinstalled"),
    "meeting_credentials_wiped": NP_("audit.action", "meeting credentials wiped after the session"),
    "backup_expired": NP_("audit.action", "expired backups deleted"),
    # form import and the outbox schedule (issue 17)
    "form_import": NP_("audit.action", "form applications imported"),
    "import_mapping_save": NP_("audit.action", "import mapping saved"),
    "outbox_hold": NP_("audit.action", "scheduled mail held"),
    "outbox_release": NP_("audit.action", "held mail released"),
    "outbox_move": NP_("audit.action", "mail moved"),
    "outbox_cancel": NP_("audit.action", "scheduled mail cancelled"),
    "mail_retry": NP_("audit.action", "mail to be retried"),
    "mail_interrupted": NP_("audit.action", "mail interrupted while sending (to check)"),
}


# ------------------------------------------------------------------ tamper evidence (issue 13)

RECENT_TAIL = 200  # rows the window checks at start (the whole chain on demand)


def verify(ctx: Context, tail: int | None = None):
    """The hash chain and the guard triggers: ``Verification(ok, rows, first_bad, triggers)``.

    ``tail``: only the newest rows (the window's check at start); None: the whole log."""
    from consult_desk.models import chain
    from consult_desk.permissions import require

    require(ctx, "audit_view")
    return chain.verify(tail)


def problem_messages(result) -> list[str]:
    """The sentences a supervisor reads for a failed verification (empty when it holds)."""
    from consult_desk.errors import message

    problems = []
    if result.first_bad is not None:
        problems.append(message("audit_broken", rows=result.rows, first_bad=result.first_bad))
    if not result.triggers:
        problems.append(message("audit_triggers_missing"))
    return problems


def reinstall_guard(ctx: Context):
    """The administrator puts back the triggers someone removed; recorded, and the chain checked again."""
    from consult_desk.models import chain, transaction
    from consult_desk.models.guards import drop_audit_guard, install_audit_guard
    from consult_desk.permissions import require

    require(ctx, "audit_guard")
    before = chain.verify()
    with transaction():
        drop_audit_guard()
        install_audit_guard()
        record(ctx, "audit_guard_reinstalled", detail=f"chain ok={int(before.first_bad is None)} rows={before.rows}")
    return chain.verify()


def action_text(action: str) -> str:
    """The audit action as people read it (reservation changes use the life-cycle labels)."""
    from consult_desk.states import action_label

    if action.startswith("reservation."):
        return _t("Reservation: {action}", action=action_label(action.split(".", 1)[1]))
    label = ACTION_LABELS.get(action)
    return action if label is None else _p("audit.action", label)


def target_text(row: AuditLog) -> str:
    """The target as people read it: a reservation's number is said to be one."""
    if row.action.startswith("reservation.") and row.target.isdigit():
        return _t("reservation {id}", id=row.target)
    return row.target


# issue 15: the audit log's details in plain words ("encoding=utf-8-sig columns=id,office" reads
# 文字コード：UTF-8（BOM付き）　列：予約番号、事業所). The stored detail stays as it is (CSV, tooltip).
DETAIL_KEYS: dict[str, str] = {
    "encoding": NP_("audit.detail_keys", "encoding"),
    "columns": NP_("audit.detail_keys", "columns"),
    "fields": NP_("audit.detail_keys", "fields"),
    "role": NP_("audit.detail_keys", "role"),
    "reason": NP_("audit.detail_keys", "reason"),
    "schema": NP_("audit.detail_keys", "database version"),
    "safety": NP_("audit.detail_keys", "safety copy"),
    "keep": NP_("audit.detail_keys", "kept"),
    "template": NP_("audit.detail_keys", "template"),
    "counsellor": NP_("audit.detail_keys", "counsellor"),
    "applicants": NP_("audit.detail_keys", "applicants"),
}
DETAIL_VALUES: dict[str, str] = {
    "utf-8-sig": NP_("audit.detail_values", "UTF-8 with BOM"),
    "utf-8": NP_("audit.detail_values", "UTF-8"),
    "cp932": NP_("audit.detail_values", "Shift_JIS (CP932)"),
    "first-start": NP_("audit.detail_values", "at first start"),
    "demo": NP_("audit.detail_values", "demo"),
    "*": NP_("audit.detail_values", "everyone"),
}


def _plain_value(key: str, value: str) -> str:
    from consult_desk.permissions import role_label

    if key == "role":
        return role_label(value)
    if key == "columns":
        from consult_desk.export import COLUMNS

        names = dict(COLUMNS) if language() == "ja" else {}  # the CSV's Japanese headers; English: the keys
        return join(names.get(v, v) for v in value.split(","))
    if key == "fields":
        return join(value.split(","))
    label = DETAIL_VALUES.get(value)
    return _p("audit.detail_values", label) if label else value


def plain_detail(detail: str) -> str:
    """``key=value`` tokens as words in the UI language; anything else as it was written."""
    tokens = detail.split(" ")
    if not any(t.partition("=")[0] in DETAIL_KEYS and "=" in t for t in tokens):
        return detail  # a note or reason written by staff: as they wrote it
    words = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if sep and key in DETAIL_KEYS:
            label = _p("audit.detail_keys", DETAIL_KEYS[key])
            words.append(_t("{label}: {value}", label=label, value=_plain_value(key, value)))
        elif token in DETAIL_VALUES:
            words.append(_p("audit.detail_values", DETAIL_VALUES[token]))
        elif token:
            words.append(token)
    return _p("detail separator", "; ").join(words)


def detail_text(row: AuditLog) -> str:
    """A reservation change's "from->to channel" with the status and channel labels; other details in
    plain words (:func:`plain_detail`)."""
    from consult_desk.presets import channel_label
    from consult_desk.states import Status, status_label

    if not row.action.startswith("reservation.") or "->" not in row.detail:
        return plain_detail(row.detail)
    change, _, channel = row.detail.partition(" ")
    before, _, after = change.partition("->")
    known = {s.value for s in Status}
    if after not in known or (before and before not in known):
        return row.detail
    text = f"{status_label(before)} → {status_label(after)}" if before else status_label(after)
    if not channel:
        return text
    return _t("{status} ({channel})", status=text, channel=channel_label(channel))


def _filtered(
    start: dt.date | None,
    end: dt.date | None,
    staff: str | None,
    action: str | tuple[str, ...] | None,
    target: str | None,
):
    query = AuditLog.select().order_by(AuditLog.at, AuditLog.id)
    if start:
        query = query.where(AuditLog.at >= dt.datetime.combine(start, dt.time.min))
    if end:
        query = query.where(AuditLog.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
    if staff:
        query = query.where(AuditLog.staff == staff)
    if action:
        # "export" finds export_csv, export_csv_pii...; "reservation." every change to a reservation;
        # several prefixes (a tuple) find any of them
        prefixes = [action] if isinstance(action, str) else list(action)
        condition = AuditLog.action.startswith(prefixes[0])
        for prefix in prefixes[1:]:
            condition = condition | AuditLog.action.startswith(prefix)
        query = query.where(condition)
    if target:
        query = query.where(AuditLog.target.contains(target))
    return query


def search(
    ctx: Context,
    start: dt.date | None = None,
    end: dt.date | None = None,
    staff: str | None = None,
    action: str | tuple[str, ...] | None = None,
    target: str | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[AuditLog]:
    """Audit entries for the viewer, oldest first (or newest first); supervisors and the admin only (004 第5条)."""
    from consult_desk.permissions import require

    require(ctx, "audit_view")
    query = _filtered(start, end, staff, action, target)
    if newest_first:
        query = query.order_by(AuditLog.at.desc(), AuditLog.id.desc())
    if limit:
        query = query.limit(limit)
    return list(query)


def as_json(row: AuditLog) -> dict[str, object]:
    return {
        "at": row.at.strftime("%Y-%m-%dT%H:%M:%S"),
        "staff": row.staff,
        "action": row.action,
        "target": row.target,
        "count": row.count,
    }


def export_csv(
    ctx: Context,
    out,
    start: dt.date | None = None,
    end: dt.date | None = None,
    staff: str | None = None,
    action: str | tuple[str, ...] | None = None,
    target: str | None = None,
    encoding: str = "utf-8-sig",
):
    """The filtered audit log as CSV for Excel (same format as every export); the export is itself audited."""
    from pathlib import Path

    from consult_desk.csvfile import ExportResult, safe_cell, write_csv
    from consult_desk.models import transaction
    from consult_desk.permissions import require

    require(ctx, "audit_view")
    out = Path(out)

    from consult_desk.models.db import stream

    query = _filtered(start, end, staff, action, target).select(
        AuditLog.at, AuditLog.staff, AuditLog.action, AuditLog.target, AuditLog.count, AuditLog.detail
    )

    def rows():
        # raw rows in batches (a server-side cursor on PostgreSQL): the memory of one batch, however
        # long the log; SQLite gives its datetime text, PostgreSQL datetime objects
        for at, who, what, target_, count, detail in stream(query):
            at = at if isinstance(at, str) else at.isoformat(" ")
            values = [at[:19], who, what, action_text(what), target_ or "", str(count), detail or ""]
            yield [safe_cell(v) for v in values]

    count, problems = write_csv(out, [h for _, h in AUDIT_COLUMNS], rows(), encoding)
    with transaction():
        record(
            ctx,
            "export_audit",
            target=f"{start or '*'}..{end or '*'} -> {out.name}",
            count=count,
            detail=f"encoding={encoding} staff={staff or '*'} action={','.join([action] if isinstance(action, str) else action or ['*'])}",
        )
    return ExportResult(count, out, encoding, problems)
