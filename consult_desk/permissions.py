"""What each role may do, enforced in the services (the window only hides what is refused here).

Roles: reception (counter clerk), counsellor, supervisor, admin. Supervisors review the day,
report, export and print personal data, read the audit log, purge old personal data and take
or restore backups; the admin also manages staff and offices. An unknown permission is refused.
"""

from __future__ import annotations

from consult_desk.context import ROLES, Context
from consult_desk.errors import RuleError
from consult_desk.i18n import NP_, _p

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

ROLE_LABELS: dict[str, str] = {
    "reception": NP_("permissions.role", "reception"),
    "counsellor": NP_("permissions.role", "counsellor"),
    "supervisor": NP_("permissions.role", "supervisor"),
    "admin": NP_("permissions.role", "administrator"),
}

PERMISSION_LABELS: dict[str, str] = {
    "book": NP_("permissions.permission", "booking"),
    "act": NP_("permissions.permission", "changing a reservation"),
    "cancel": NP_("permissions.permission", "cancelling"),
    "reveal_credentials": NP_("permissions.permission", "revealing meeting credentials"),
    "set_credentials": NP_("permissions.permission", "setting meeting credentials"),
    "send_mail": NP_("permissions.permission", "sending mail"),
    "undo_no_show": NP_("permissions.permission", "undoing a no-show"),
    "override_reschedule": NP_("permissions.permission", "overriding a reschedule rule"),
    "export_pii": NP_("permissions.permission", "exporting personal data"),
    "export": NP_("permissions.permission", "exporting CSV"),
    "review": NP_("permissions.permission", "reviewing and printing the day"),
    "report": NP_("permissions.permission", "reports and statistics"),
    "audit_view": NP_("permissions.permission", "reading the audit log"),
    "purge": NP_("permissions.permission", "anonymising personal data"),
    "backup": NP_("permissions.permission", "taking a backup"),
    "restore": NP_("permissions.permission", "restoring a backup"),
    "manage_offices": NP_("permissions.permission", "managing offices"),
    "manage_staff": NP_("permissions.permission", "managing staff"),
    "audit_guard": NP_("permissions.permission", "reinstalling the audit log's protection"),
}


def role_label(role: str) -> str:
    return _p("permissions.role", ROLE_LABELS.get(role, role))


def permission_label(permission: str) -> str:
    return _p("permissions.permission", PERMISSION_LABELS.get(permission, permission))


def can(ctx: Context, permission: str) -> bool:
    return ctx.actor.role in PERMISSIONS.get(permission, frozenset())


def require(ctx: Context, permission: str) -> None:
    """Refuse (``RuleError("permission")``) unless the actor's role has ``permission``."""
    if not can(ctx, permission):
        raise RuleError(
            "permission", action=permission_label(permission), role=role_label(ctx.actor.role), permission=permission
        )
