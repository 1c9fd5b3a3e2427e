"""Meetings made, moved and deleted by the platform, kept consistent with the reservations.

Order of work, always: the network call first (outside any database transaction), then one
transaction under the reservation's row lock that stores the result with its history and audit
entry. A meeting the platform created whose write then failed is deleted again at once; when even
that fails it goes on the clean-up list (:class:`~consult_desk.models.MeetingCleanup`) shown to staff.
Nothing is shown on a reservation unless the platform created it. Secrets (client secret, token,
passcode, Zoom's ``start_url``) never reach the history, the audit log or the logs.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from consult_desk import audit, changes, credentials
from consult_desk.actions import Action
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, RuleError
from consult_desk.meetings import settings as msettings
from consult_desk.meetings.base import Meeting, MeetingError, Provider, Slot
from consult_desk.models import MeetingCleanup, MeetingCredential, Reservation, transaction
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig
from consult_desk.states import Status, status_label

log = logging.getLogger(__name__)

# Actions after whose commit the platform meeting follows (consult_desk.lifecycle.after_commit).
# book: offices whose bookings are confirmed at once (Nishitokyo); offer: where the offer confirms
# (Hello Work, issue 12). Only when the reservation is then confirmed and the office creates automatically.
CREATE_ON = frozenset({Action.BOOK, Action.NEXT_BOOKING, Action.CONFIRM, Action.OFFER})
MOVE_ON = frozenset({Action.RESCHEDULE, Action.EXTEND})
DELETE_ON = frozenset({Action.CANCEL, Action.REFUSE})
TEST_MINUTES = 15


@dataclass
class Outcome:
    """What a follow-up did, in a sentence for the status bar or stderr."""

    ok: bool
    message: str
    code: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "message": self.message}


def _settings(config: OfficeConfig) -> msettings.MeetingSettings:
    settings = msettings.of_office(config)
    if settings is None:
        raise RuleError("meetings_not_configured", platform=credentials.platform_label(config))
    return settings


def provider_for(office: str, settings: msettings.MeetingSettings | None = None) -> Provider:
    """The office's platform, with its client secret (keyring, or the environment variable)."""
    settings = settings or _settings(get_config(office))
    secret = msettings.client_secret(office)
    if settings.provider == "zoom":
        from consult_desk.meetings.zoom import ZoomProvider

        return ZoomProvider(settings, secret)
    from consult_desk.meetings.graph import GraphProvider

    return GraphProvider(settings, secret)


def _slot(config: OfficeConfig, res: Reservation) -> Slot:
    # A neutral title: no applicant's name or details leave the desk.
    return Slot(start=res.start, end=res.end, topic=f"{config['name']} オンライン相談 #{res.id}")


def _reservation(reservation_id: int, lock: bool = False) -> Reservation:
    from consult_desk.lifecycle import get_reservation

    return get_reservation(reservation_id, lock=lock)


def _platform_row(reservation_id: int) -> MeetingCredential | None:
    row = credentials.current(reservation_id)
    return row if row is not None and row.platform_id else None


def _check_open(res: Reservation) -> None:
    if res.status not in {s.value for s in credentials.EDITABLE}:
        raise RuleError("credentials_closed", status=status_label(res.status))


def _why(exc: BaseException) -> str:
    return exc.message if isinstance(exc, ConsultDeskError) else type(exc).__name__


def _list_for_cleanup(ctx: Context, office: str, platform: str, platform_id: str, reservation_id: int | None, reason: str) -> None:
    """Put a meeting that could not be deleted on the clean-up list (its own small transaction)."""
    try:
        with transaction():
            MeetingCleanup.create(
                office=office,
                platform=platform,
                platform_id=platform_id,
                reservation_id=reservation_id,
                reason=reason[:500],
                created_at=ctx.clock.now(),
            )
            audit.record(ctx, "meeting_cleanup_listed", str(reservation_id or ""), detail=f"platform={platform} id={platform_id}")
            changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
    except Exception:  # the database itself is failing: the log keeps the id for the administrator
        log.error("platform meeting %s %s (reservation %s) could not be listed for clean-up", platform, platform_id, reservation_id)


# ------------------------------------------------------------------ create


def create_meeting(ctx: Context, reservation_id: int) -> MeetingCredential:
    """Create the session's meeting on the office's platform and store it as the credentials
    (「会議を作成」, ``meeting ID --create``). Manual credentials in force are replaced."""
    require(ctx, "set_credentials")
    res = _reservation(reservation_id)
    config = get_config(res.office_id)
    settings = _settings(config)
    _check_open(res)
    if _platform_row(res.id) is not None:
        raise RuleError("meetings_exists", platform=settings.label)
    provider = provider_for(res.office_id, settings)
    try:
        meeting = provider.create(_slot(config, res))
        try:
            return _store_created(ctx, res.id, config, settings, meeting)
        except Exception as exc:
            _undo_created(ctx, provider, res.office_id, res.id, meeting, exc)
            raise  # not reached: _undo_created raises the sentence
    finally:
        provider.close()


def _store_created(
    ctx: Context, reservation_id: int, config: OfficeConfig, settings: msettings.MeetingSettings, meeting: Meeting
) -> MeetingCredential:
    with transaction():
        res = _reservation(reservation_id, lock=True)
        _check_open(res)  # cancelled by another desk meanwhile: the meeting is removed again
        if _platform_row(res.id) is not None:
            raise RuleError("meetings_exists", platform=settings.label)
        fields = credentials.office_fields(config)
        values = {k: v for k, v in meeting.credential_values().items() if k in fields}
        cleaned = credentials.validate(config, values)
        credentials._check_unique_url(config, res, cleaned.get("url", ""))
        now = ctx.clock.now()
        old = credentials.current(res.id)
        if old is not None:
            old.revoked_at = now
            old.revoked_reason = credentials.REVOKE_REASONS["replaced"]
            old.save()
        row = MeetingCredential.create(
            reservation=res,
            issued_at=now,
            issued_by=ctx.actor.login,
            platform=settings.provider,
            platform_id=meeting.platform_id,
            **cleaned,
        )
        set_now = [f for f in fields if cleaned.get(f)]
        names = "・".join(credentials.field_label(config, f, "ja") for f in set_now)  # the history's note
        credentials.history_entry(
            ctx,
            res,
            f"{settings.label}で会議を作成（{names}）",
            {"event": "platform_created", "platform": settings.provider, "fields": set_now},
        )
        audit.record(ctx, "meeting_create", str(res.id), detail=f"platform={settings.provider} id={meeting.platform_id}")
        changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
    return row


def _undo_created(
    ctx: Context, provider: Provider, office: str, reservation_id: int, meeting: Meeting, exc: BaseException
) -> None:
    """The platform made a meeting the desk could not store: delete it, or list it for clean-up."""
    why = _why(exc)
    log.warning("meeting %s for reservation %s not stored (%s): deleting it", meeting.platform_id, reservation_id, why)
    try:
        provider.delete(meeting.platform_id)
    except ConsultDeskError as second:
        _list_for_cleanup(ctx, office, provider.settings.provider, meeting.platform_id, reservation_id, f"{why} / {second.message}")
        raise MeetingError("meetings_store_failed_listed", platform=provider.label, detail=why) from exc
    try:
        with transaction():
            audit.record(
                ctx, "meeting_delete", str(reservation_id), detail=f"platform={provider.settings.provider} id={meeting.platform_id} reason=not_stored"
            )
            changes.touch(Topic.AUDIT)
    except Exception:
        log.error("audit of the removed meeting %s failed", meeting.platform_id)
    raise MeetingError("meetings_store_failed", platform=provider.label, detail=why) from exc


# ------------------------------------------------------------------ move


def move_meeting(ctx: Context, from_id: int, to_id: int | None = None) -> Outcome | None:
    """The reservation moved (reschedule: to ``to_id``) or was extended: the meeting follows its time.
    None when it has no platform meeting. A move the platform refuses retires the old meeting
    (deleted, or listed for clean-up) so that no session shows a meeting at the wrong time."""
    row = _platform_row(from_id)
    if row is None:
        return None
    old = _reservation(from_id)
    target = _reservation(to_id) if to_id is not None else old
    config = get_config(target.office_id)
    label = msettings.PROVIDER_LABELS.get(row.platform, row.platform)
    try:
        settings = _settings(config)
        provider = provider_for(target.office_id, settings)
    except ConsultDeskError as exc:
        return _retire(ctx, old, row, exc.message, provider=None) if to_id is not None else Outcome(False, exc.message, exc.code)
    try:
        try:
            provider.move(row.platform_id, _slot(config, target))
        except ConsultDeskError as exc:
            if to_id is None:  # extended: the meeting stays as it was, the session goes on
                return Outcome(False, MeetingError("meetings_move_failed", platform=label, detail=exc.message).message, exc.code)
            return _retire(ctx, old, row, exc.message, provider)
        with transaction():
            target = _reservation(target.id, lock=True)
            when = f"{target.start:%Y-%m-%d %H:%M}–{target.end:%H:%M}"
            if to_id is not None and to_id != from_id:
                _carry_over(ctx, old, target, row, label)
            else:
                credentials.history_entry(ctx, target, f"{label}の会議の時刻を変更（{when}）", {"event": "platform_moved", "platform": row.platform})
            audit.record(ctx, "meeting_move", str(target.id), detail=f"platform={row.platform} id={row.platform_id} from={from_id}")
            changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
        return Outcome(True, MeetingError("meetings_moved", platform=label, when=when).message)
    finally:
        provider.close()


def _carry_over(ctx: Context, old: Reservation, new: Reservation, row: MeetingCredential, label: str) -> None:
    """The credentials go with the meeting to the linked reservation (the old one keeps its record)."""
    now = ctx.clock.now()
    row.revoked_at = now
    row.revoked_reason = f"予約{new.id}へ移動"
    row.save()
    current = credentials.current(new.id)
    if current is not None:
        current.revoked_at = now
        current.revoked_reason = credentials.REVOKE_REASONS["replaced"]
        current.save()
    MeetingCredential.create(
        reservation=new,
        issued_at=now,
        issued_by=ctx.actor.login,
        platform=row.platform,
        platform_id=row.platform_id,
        **credentials.values_of(row),
    )
    when = f"{new.start:%Y-%m-%d %H:%M}–{new.end:%H:%M}"
    credentials.history_entry(ctx, old, f"{label}の会議を予約{new.id}へ移動", {"event": "platform_moved_away", "to": new.id})
    credentials.history_entry(ctx, new, f"{label}の会議を予約{old.id}から移動（{when}）", {"event": "platform_moved", "from": old.id})


def _retire(ctx: Context, res: Reservation, row: MeetingCredential, why: str, provider: Provider | None) -> Outcome:
    """The meeting no longer fits its reservation: delete it (or list it) and withdraw the credentials."""
    label = msettings.PROVIDER_LABELS.get(row.platform, row.platform)
    deleted, listed_because = False, why
    if provider is not None:
        try:
            provider.delete(row.platform_id)
            deleted = True
        except ConsultDeskError as exc:
            listed_because = f"{why} / {exc.message}"
    with transaction():
        res = _reservation(res.id, lock=True)
        _withdraw(ctx, res, row.id, label, "deleted" if deleted else "listed")
        if not deleted:
            MeetingCleanup.create(
                office=res.office_id,
                platform=row.platform,
                platform_id=row.platform_id,
                reservation_id=res.id,
                reason=listed_because[:500],
                created_at=ctx.clock.now(),
            )
        audit.record(
            ctx, "meeting_delete" if deleted else "meeting_cleanup_listed", str(res.id), detail=f"platform={row.platform} id={row.platform_id}"
        )
        changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
    code = "meetings_move_retired" if deleted else "meetings_move_listed"
    return Outcome(False, MeetingError(code, platform=label, detail=why).message, code)


def _withdraw(ctx: Context, res: Reservation, row_id: int, label: str, how: str) -> None:
    row = MeetingCredential.get_by_id(row_id)
    if row.revoked_at is not None:
        return
    row.revoked_at = ctx.clock.now()
    row.revoked_reason = f"{label}の会議を削除" if how == "deleted" else f"{label}の会議（要整理リスト）"
    row.save()
    credentials.history_entry(ctx, res, f"{label}の会議を削除" if how == "deleted" else f"{label}の会議を削除できず要整理リストに記録",
             {"event": "platform_deleted" if how == "deleted" else "platform_listed", "platform": row.platform})


# ------------------------------------------------------------------ delete


def delete_meeting(ctx: Context, reservation_id: int, on_failure: str = "raise") -> Outcome | None:
    """Delete the session's platform meeting and withdraw its credentials. ``on_failure="raise"``
    (staff asked for it): a failure changes nothing and says why. ``"list"`` (the reservation ended:
    cancelled, refused, purged): the credentials are withdrawn and the meeting goes on the clean-up list."""
    require(ctx, "set_credentials")
    row = _platform_row(reservation_id)
    res = _reservation(reservation_id)
    if row is None:
        if on_failure == "raise":
            raise RuleError("meetings_none")
        return None
    label = msettings.PROVIDER_LABELS.get(row.platform, row.platform)
    try:
        provider = provider_for(res.office_id)
    except ConsultDeskError as exc:
        if on_failure == "raise":
            raise
        return _retire(ctx, res, row, exc.message, provider=None)
    try:
        try:
            provider.delete(row.platform_id)
        except ConsultDeskError as exc:
            if on_failure == "raise":
                raise
            return _retire(ctx, res, row, exc.message, provider=None)
        with transaction():
            res = _reservation(reservation_id, lock=True)
            _withdraw(ctx, res, row.id, label, "deleted")
            audit.record(ctx, "meeting_delete", str(res.id), detail=f"platform={row.platform} id={row.platform_id}")
            changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
        return Outcome(True, MeetingError("meetings_deleted", platform=label).message)
    finally:
        provider.close()


# ------------------------------------------------------------------ after a life-cycle action


def wants_follow_up(action: str, res: Reservation) -> bool:
    """Cheap (no network): whether :func:`follow_action` has anything to do for this action."""
    if action in DELETE_ON or action in MOVE_ON or action == "purge":
        source = res.rescheduled_from_id if action == "reschedule" and res.rescheduled_from_id else res.id
        if _platform_row(source) is not None:
            return True
        if not (action == "reschedule" and res.rescheduled_from_id):
            return False
    if (action in CREATE_ON or action == "reschedule") and res.status == Status.CONFIRMED:
        try:
            settings = msettings.of_office(get_config(res.office_id))
        except ConsultDeskError:
            return False
        return settings is not None and settings.auto_create and _platform_row(res.id) is None
    return False


def follow_action(ctx: Context, action: str, reservation_id: int) -> Outcome | None:
    """Called after an action's transaction committed (never inside it): confirm creates the meeting
    where the office creates them automatically; reschedule and extend move it; cancel and refuse
    delete it. The action stands whatever happens here; the outcome says what happened."""
    res = _reservation(reservation_id)
    if not wants_follow_up(action, res):
        return None
    try:
        moved_from = res.rescheduled_from_id if action == "reschedule" else None
        if action in CREATE_ON or (moved_from and _platform_row(moved_from) is None):
            row = create_meeting(ctx, res.id)
            label = msettings.PROVIDER_LABELS.get(row.platform, row.platform)
            return Outcome(True, MeetingError("meetings_created", platform=label).message)
        if action == "reschedule" and res.rescheduled_from_id:
            return move_meeting(ctx, res.rescheduled_from_id, res.id)
        if action == "reschedule":
            return delete_meeting(ctx, res.id, on_failure="list")
        if action == "extend":
            return move_meeting(ctx, res.id)
        return delete_meeting(ctx, res.id, on_failure="list")
    except ConsultDeskError as exc:
        return Outcome(False, exc.message, exc.code)


def follow_purge(ctx: Context) -> list[Outcome]:
    """After a purge: the platform meetings still held by anonymised reservations are deleted (or
    listed for clean-up)."""
    from consult_desk.models import Applicant

    rows = (
        MeetingCredential.select(MeetingCredential.reservation)
        .join(Reservation)
        .join(Applicant)
        .where(
            Applicant.anonymised_at.is_null(False),
            MeetingCredential.revoked_at.is_null(),
            MeetingCredential.platform_id != "",
        )
        .tuples()
    )
    out = []
    for (rid,) in list(rows):
        try:
            outcome = delete_meeting(ctx, rid, on_failure="list")
        except ConsultDeskError as exc:
            outcome = Outcome(False, exc.message, exc.code)
        if outcome is not None:
            out.append(outcome)
    return out


# ------------------------------------------------------------------ connection test and clean-up list


def platform_test(ctx: Context, office: str) -> Outcome:
    """「接続テスト」: a token, then a test meeting created and deleted at once. Never raises for the
    platform's answers: the outcome says what worked or what failed."""
    require(ctx, "manage_offices")
    config = get_config(office)
    try:
        settings = _settings(config)
        provider = provider_for(office, settings)
    except ConsultDeskError as exc:
        return Outcome(False, exc.message, exc.code)
    start = (ctx.clock.now() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
    slot = Slot(start=start, end=start + dt.timedelta(minutes=TEST_MINUTES), topic="Consult Desk 接続テスト")
    try:
        meeting = provider.create(slot)
        try:
            provider.delete(meeting.platform_id)
        except ConsultDeskError as exc:
            _list_for_cleanup(ctx, office, settings.provider, meeting.platform_id, None, f"接続テスト / {exc.message}")
            outcome = Outcome(False, MeetingError("meetings_test_not_deleted", platform=settings.label, detail=exc.message).message)
        else:
            outcome = Outcome(True, MeetingError("meetings_test_ok", platform=settings.label, user=settings.user).message)
    except ConsultDeskError as exc:
        outcome = Outcome(False, exc.message, exc.code)
    finally:
        provider.close()
    try:
        with transaction():
            audit.record(ctx, "meeting_platform_test", office, detail=f"platform={settings.provider} ok={outcome.ok}")
            changes.touch(Topic.AUDIT)
    except ConsultDeskError:
        log.warning("platform test of %s not audited", office)
    return outcome


def cleanup_list(office: str | None = None) -> list[MeetingCleanup]:
    """Platform meetings still to delete, oldest first."""
    query = MeetingCleanup.select().where(MeetingCleanup.resolved_at.is_null()).order_by(MeetingCleanup.id)
    if office:
        query = query.where(MeetingCleanup.office == office)
    return list(query)


def retry_cleanup(ctx: Context, entry_id: int) -> Outcome:
    """Try again to delete a listed meeting; done (or already gone): the entry is closed."""
    require(ctx, "set_credentials")
    entry = MeetingCleanup.get_or_none(MeetingCleanup.id == entry_id)
    if entry is None or entry.resolved_at is not None:
        raise RuleError("meetings_cleanup_unknown", id=entry_id)
    label = msettings.PROVIDER_LABELS.get(entry.platform, entry.platform)
    provider = provider_for(entry.office)
    try:
        provider.delete(entry.platform_id)
    finally:
        provider.close()
    with transaction():
        entry = MeetingCleanup.get_by_id(entry_id)
        entry.resolved_at = ctx.clock.now()
        entry.resolved_by = ctx.actor.login
        entry.save()
        audit.record(ctx, "meeting_delete", str(entry.reservation_id or ""), detail=f"platform={entry.platform} id={entry.platform_id} cleanup")
        changes.touch(Topic.RESERVATIONS, Topic.AUDIT)
    return Outcome(True, MeetingError("meetings_deleted", platform=label).message)


# ------------------------------------------------------------------ settings (the administrator's dialog)


def secret_stored(office: str) -> bool:
    """Whether this PC's keyring holds the office's client secret (raises keyring_unavailable)."""
    from consult_desk import secrets

    return secrets.has_secret(msettings.secret_account(office))


def save_settings(ctx: Context, office: str, data: dict[str, Any] | None, secret: str | None = None) -> OfficeConfig:
    """Store the office's ``meetings`` setting (checked) and, when given, the client secret in the keyring.
    The secret is checked and stored first: a keyring that refuses leaves the settings unchanged too."""
    from consult_desk import offices, secrets

    require(ctx, "manage_offices")
    if secret is not None:
        secret = secret.strip()
        if not secret or len(secret) > 500 or any(ord(ch) < 32 for ch in secret):
            raise RuleError("meetings_setting_invalid", key="client_secret", value="…")
    msettings.parse(data or None, get_config(office).platform)  # refused before anything is stored
    if secret is not None:
        secrets.set_secret(msettings.secret_account(office), secret)
    config = offices.update_config(ctx, office, {"meetings": data or None})
    if secret is not None:
        with transaction():
            audit.record(ctx, "meeting_secret_set", office)
            changes.touch(Topic.AUDIT)
    return config
