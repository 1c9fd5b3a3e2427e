"""The audit log (004 第5条): append-only, written in the same transaction as what it records."""

from __future__ import annotations

import datetime as dt

from consult_desk.context import Context
from consult_desk.models import AuditLog


def record(ctx: Context, action: str, target: str = "", count: int = 1, detail: str = "") -> None:
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
    from consult_desk.models.schema import bump_changes
    from consult_desk.permissions import require

    require(ctx, "reveal_credentials")
    with transaction():
        record(ctx, "reveal_credentials", str(reservation_id))
        bump_changes()
