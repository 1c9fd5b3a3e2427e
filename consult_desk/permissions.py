"""What each role may do, enforced in the services (the window only hides what is refused here).

Roles: reception (counter clerk), counsellor, supervisor, admin. Supervisors review the day,
report, export and print personal data, read the audit log, purge old personal data and take
or restore backups; the admin also manages staff and offices. An unknown permission is refused.
"""

from __future__ import annotations

from consult_desk.context import ROLES, Context
from consult_desk.errors import RuleError, language

_ALL = frozenset(ROLES)
_LEAD = frozenset({"supervisor", "admin"})
_ADMIN = frozenset({"admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "book": _ALL,
    "act": _ALL,
    "cancel": _ALL,
    "reveal_credentials": _ALL,
    "set_credentials": _ALL,
    "send_mail": _ALL,
    "undo_no_show": _LEAD,
    "override_reschedule": _ALL,
    "export_pii": _LEAD,  # CSV with names, phones, e-mails... (000 第6条, 001 9, 002 8, 004 第6条)
    "export": _ALL,  # CSV with personal data masked
    "review": _LEAD,  # the day across counsellors, with names; print and PDF
    "report": _LEAD,  # statistics and their CSV
    "audit_view": _LEAD,  # read and export the audit log (004 第5条)
    "purge": _LEAD,  # anonymise personal data past the retention period
    "backup": _LEAD,
    "restore": _LEAD,
    "manage_offices": _ADMIN,
    "manage_staff": _ADMIN,
    "audit_guard": _ADMIN,  # put back the audit log's triggers after reading that they were removed (issue 13)
}

ROLE_LABELS: dict[str, tuple[str, str]] = {
    "reception": ("受付", "reception"),
    "counsellor": ("相談員", "counsellor"),
    "supervisor": ("管理監督者", "supervisor"),
    "admin": ("システム管理者", "administrator"),
}

PERMISSION_LABELS: dict[str, tuple[str, str]] = {
    "book": ("予約受付", "booking"),
    "act": ("予約の状態変更", "changing a reservation"),
    "cancel": ("キャンセル", "cancelling"),
    "reveal_credentials": ("接続情報の表示", "revealing meeting credentials"),
    "set_credentials": ("接続情報の登録", "setting meeting credentials"),
    "send_mail": ("メール送信", "sending mail"),
    "undo_no_show": ("無断キャンセルの取消", "undoing a no-show"),
    "override_reschedule": ("日程変更の例外扱い", "overriding a reschedule rule"),
    "export_pii": ("個人情報を含む出力", "exporting personal data"),
    "export": ("CSV出力", "exporting CSV"),
    "review": ("日次確認・印刷", "reviewing and printing the day"),
    "report": ("統計・レポート", "reports and statistics"),
    "audit_view": ("操作記録の閲覧", "reading the audit log"),
    "purge": ("個人情報の匿名化", "anonymising personal data"),
    "backup": ("バックアップ", "taking a backup"),
    "restore": ("バックアップからの復元", "restoring a backup"),
    "manage_offices": ("事業所の設定", "managing offices"),
    "manage_staff": ("職員の管理", "managing staff"),
    "audit_guard": ("操作記録の保護の再設定", "reinstalling the audit log's protection"),
}


def role_label(role: str) -> str:
    ja, en = ROLE_LABELS.get(role, (role, role))
    return en if language() == "en" else ja


def permission_label(permission: str) -> str:
    ja, en = PERMISSION_LABELS.get(permission, (permission, permission))
    return en if language() == "en" else ja


def can(ctx: Context, permission: str) -> bool:
    return ctx.actor.role in PERMISSIONS.get(permission, frozenset())


def require(ctx: Context, permission: str) -> None:
    """Refuse (``RuleError("permission")``) unless the actor's role has ``permission``."""
    if not can(ctx, permission):
        raise RuleError(
            "permission", action=permission_label(permission), role=role_label(ctx.actor.role), permission=permission
        )
