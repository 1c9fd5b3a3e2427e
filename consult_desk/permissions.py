"""What each role may do, enforced in the services (the window only hides what is refused here)."""

from __future__ import annotations

from consult_desk.context import Context
from consult_desk.errors import RuleError

_ALL = {"reception", "counsellor", "supervisor", "admin"}
_LEAD = {"supervisor", "admin"}

PERMISSIONS: dict[str, set[str]] = {
    "book": _ALL,
    "act": _ALL,
    "cancel": _ALL,
    "reveal_credentials": _ALL,
    "set_credentials": _ALL,
    "send_mail": _ALL,
    "undo_no_show": _LEAD,
    "override_reschedule": _ALL,
    "export_pii": _LEAD,
    "export": _ALL,
    "report": _LEAD,
    "audit_view": _LEAD,
    "purge": _LEAD,
    "backup": _LEAD,
    "restore": {"admin"},
    "manage_offices": {"admin"},
    "manage_staff": {"admin"},
}


def can(ctx: Context, permission: str) -> bool:
    return ctx.actor.role in PERMISSIONS.get(permission, set())


def require(ctx: Context, permission: str) -> None:
    if not can(ctx, permission):
        raise RuleError("permission", action=permission, role=ctx.actor.role)
