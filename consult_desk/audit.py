"""The audit log (004 第5条): append-only, written in the same transaction as what it records."""

from __future__ import annotations

import datetime as dt

from consult_desk.context import Context
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

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "sign_in": ("ログイン", "signed in"),
    "sign_in_failed": ("ログイン失敗", "failed sign-in"),
    "sign_out": ("ログアウト", "signed out"),
    "lock": ("画面ロック", "screen locked"),
    "staff_create": ("職員の登録", "staff created"),
    "staff_update": ("職員の変更", "staff changed"),
    "staff_password_set": ("パスワードの再設定", "password reset"),
    "password_change": ("パスワードの変更", "password changed"),
    "office_create": ("事業所の登録", "office created"),
    "office_update": ("事業所設定の変更", "office settings changed"),
    "closure_add": ("休業日の追加", "closure added"),
    "event_create": ("催しの登録", "event created"),
    "undo_no_show": ("無断キャンセルの取消", "no-show undone"),
    "reveal_credentials": ("接続情報の表示", "credentials revealed"),
    # meeting credentials and mail (issue 5)
    "credentials_set": ("接続情報の登録・変更", "credentials set"),
    "credentials_reissue": ("接続情報の再発行（紛失・盗難等）", "credentials reissued"),
    "credentials_revoke": ("接続情報の無効化", "credentials withdrawn"),
    "mail_sent": ("メール送信", "mail sent"),
    "mail_failed": ("メール送信失敗", "mail failed"),
    "mail_saved": ("メールを.emlで保存", "mail saved as .eml"),
    "mail_copied": ("メールをコピー", "mail copied"),
    "smtp_password_forget": ("SMTPパスワードの削除", "SMTP password forgotten"),
    "export_ics": ("予定表(.ics)出力（個人情報なし）", "calendar export (no personal data)"),
    "export_ics_pii": ("予定表(.ics)出力（氏名あり）", "calendar export with names"),
    "booking_refused_trouble": ("過去の利用状況による受付お断り", "booking refused (earlier trouble)"),
    "export_csv": ("CSV出力（個人情報なし）", "CSV export (no personal data)"),
    "export_csv_pii": ("CSV出力（個人情報あり）", "CSV export with personal data"),
    "export_statistics": ("統計のCSV出力", "statistics CSV export"),
    "export_audit": ("操作記録のCSV出力", "audit log export"),
    "print_daily_review": ("日次確認表の印刷", "daily review printed"),
    "pdf_daily_review": ("日次確認表のPDF保存", "daily review saved as PDF"),
    "purge": ("個人情報の匿名化", "personal data anonymised"),
    "backup": ("バックアップ", "backup"),
    "backup_auto": ("自動バックアップ", "automatic backup"),
    "restore": ("バックアップから復元", "restored from a backup"),
    "undo": ("直前の操作を元に戻す", "last step undone"),  # issue 15
    # meetings created by the platforms (issue 16)
    "meeting_create": ("会議サービスで会議を作成", "platform meeting created"),
    "meeting_move": ("会議サービスの会議の時刻変更", "platform meeting moved"),
    "meeting_delete": ("会議サービスの会議を削除", "platform meeting deleted"),
    "meeting_cleanup_listed": ("削除できなかった会議を要整理リストへ", "platform meeting listed for clean-up"),
    "meeting_platform_test": ("会議サービスの接続テスト", "platform connection test"),
    "meeting_secret_set": ("会議サービスのシークレットを登録", "platform secret stored"),
    # issue 13
    "audit_guard_reinstalled": ("操作記録の保護を再設定", "audit log protection reinstalled"),
    "meeting_credentials_wiped": ("接続情報の消去（実施後）", "meeting credentials wiped after the session"),
    "backup_expired": ("保存期間を過ぎたバックアップの削除", "expired backups deleted"),
    # form import and the outbox schedule (issue 17)
    "form_import": ("フォーム申込みの取込", "form applications imported"),
    "import_mapping_save": ("取込設定の保存", "import mapping saved"),
    "outbox_hold": ("送信予定のメールを保留", "scheduled mail held"),
    "outbox_release": ("保留したメールを送信予定に戻す", "held mail released"),
    "outbox_move": ("メールの送信日時を変更", "mail moved"),
    "outbox_cancel": ("送信予定のメールを取消", "scheduled mail cancelled"),
    "mail_retry": ("メール送信の再試行待ち", "mail to be retried"),
    "mail_interrupted": ("送信中に中断したメール（要確認）", "mail interrupted while sending (to check)"),
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
    from consult_desk.errors import language
    from consult_desk.states import action_label

    en = language() == "en"
    if action.startswith("reservation."):
        return ("Reservation: " if en else "予約：") + action_label(action.split(".", 1)[1])
    ja_en = ACTION_LABELS.get(action)
    if ja_en is None:
        return action
    return ja_en[1] if en else ja_en[0]


def target_text(row: AuditLog) -> str:
    """The target as people read it: a reservation's number is said to be one."""
    from consult_desk.errors import language

    if row.action.startswith("reservation.") and row.target.isdigit():
        return f"reservation {row.target}" if language() == "en" else f"予約 {row.target}"
    return row.target


# issue 15: the audit log's details in plain words ("encoding=utf-8-sig columns=id,office" reads
# 文字コード：UTF-8（BOM付き）　列：予約番号、事業所). The stored detail stays as it is (CSV, tooltip).
DETAIL_KEYS: dict[str, tuple[str, str]] = {
    "encoding": ("文字コード", "encoding"),
    "columns": ("列", "columns"),
    "fields": ("項目", "fields"),
    "role": ("役割", "role"),
    "reason": ("理由", "reason"),
    "schema": ("データベースの版", "database version"),
    "safety": ("復元前の控え", "safety copy"),
    "keep": ("残す数", "kept"),
    "template": ("文面", "template"),
    "counsellor": ("相談員", "counsellor"),
    "applicants": ("申込者", "applicants"),
}
DETAIL_VALUES: dict[str, tuple[str, str]] = {
    "utf-8-sig": ("UTF-8（BOM付き）", "UTF-8 with BOM"),
    "utf-8": ("UTF-8", "UTF-8"),
    "cp932": ("Shift_JIS（CP932）", "Shift_JIS (CP932)"),
    "first-start": ("初回起動時", "at first start"),
    "demo": ("デモ用", "demo"),
    "*": ("全員", "everyone"),
}


def _plain_value(key: str, value: str, en: bool) -> str:
    from consult_desk.permissions import role_label

    if key == "role":
        return role_label(value)
    if key == "columns":
        from consult_desk.export import COLUMNS

        names = dict(COLUMNS)
        return (", " if en else "、").join(names.get(v, v) if not en else v for v in value.split(","))
    if key == "fields":
        return (", " if en else "、").join(value.split(","))
    pair = DETAIL_VALUES.get(value)
    return (pair[1] if en else pair[0]) if pair else value


def plain_detail(detail: str) -> str:
    """``key=value`` tokens as words in the UI language; anything else as it was written."""
    from consult_desk.errors import language

    en = language() == "en"
    tokens = detail.split(" ")
    if not any(t.partition("=")[0] in DETAIL_KEYS and "=" in t for t in tokens):
        return detail  # a note or reason written by staff: as they wrote it
    words = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if sep and key in DETAIL_KEYS:
            label = DETAIL_KEYS[key][1 if en else 0]
            words.append(f"{label}: {_plain_value(key, value, en)}" if en else f"{label}：{_plain_value(key, value, en)}")
        elif token in DETAIL_VALUES:
            words.append(DETAIL_VALUES[token][1 if en else 0])
        elif token:
            words.append(token)
    return ("; " if en else "　").join(words)


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
    from consult_desk.errors import language

    return f"{text} ({channel_label(channel)})" if language() == "en" else f"{text}（{channel_label(channel)}）"


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

    def rows():
        for row in _filtered(start, end, staff, action, target).iterator():
            values = [
                row.at.strftime("%Y-%m-%d %H:%M:%S"),
                row.staff,
                row.action,
                action_text(row.action),
                row.target,
                str(row.count),
                row.detail,
            ]
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
