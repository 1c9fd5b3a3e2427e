"""Reservation life cycle: every status change goes through the state machine and is written,
with who, when, by which channel and why, to the append-only history, in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from consult_desk import audit, seed_rules
from consult_desk.booking import BookingRequest, book, release_seat
from consult_desk.calendar import format_date_ja
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import (
    Applicant,
    Callback,
    CallbackAttempt,
    Consent,
    History,
    Reservation,
    transaction,
)
from consult_desk.models.db import is_sqlite, retry_conflicts, valid_id
from consult_desk.models.schema import bump_changes
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig, channel_label, label_text
from consult_desk.states import FINAL, HOLDS_SEAT, Status, action_label, target_status
from consult_desk.validation import format_phone, normalise_text

CALLBACK_RESULTS = ("reached", "no_answer", "busy")
CALLBACK_RESULT_LABELS = {"reached": "つながった", "no_answer": "応答なし", "busy": "話し中"}
CONNECTION_TEST_RESULTS = ("ok", "failed")
DEFAULT_CHECKS = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
CALLBACK_RETRY_MINUTES = 5  # after no answer or busy, the callback is due again this much later
PHONE_MINUTES_MAX = 240  # sanity bound for the length of a phone consultation


@dataclasses.dataclass
class ActOptions:
    """Details some actions need (from the window's dialogs or the command line's flags)."""

    note: str = ""
    channel: str = ""
    minutes: int | None = None  # extend: minutes to add; complete-by-phone: duration
    prohibited_act: str | None = None  # terminate: key from the office's list
    city_fault: bool = False  # reschedule after a connection failure (000 第10条(7))
    checks: dict[str, Any] | None = None  # check-in: connection test, identity, companions
    new_start: dt.datetime | None = None  # reschedule: book this slot as the linked reservation
    consent_items: list[str] | None = None  # reschedule: consent taken afresh (e.g. after a terms change)
    terms_version: str | None = None  # the terms version that fresh consent was given to


def get_reservation(reservation_id: int, lock: bool = False) -> Reservation:
    """The reservation, or a ``not_found`` refusal. ``lock`` (inside a transaction): on PostgreSQL the
    row is read FOR UPDATE, so two desks acting on it at once run one after the other and the
    second sees the first one's status (SQLite's BEGIN IMMEDIATE already serialises writers)."""
    query = Reservation.select().where(Reservation.id == reservation_id)
    if lock and not is_sqlite():
        query = query.for_update()
    reservation = query.first() if valid_id(reservation_id) else None
    if reservation is None:
        raise RuleError("not_found", id=reservation_id)
    return reservation


def _history(
    ctx: Context,
    reservation: Reservation,
    action: str,
    from_status: str | None,
    status: str,
    channel: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> History:
    return History.create(
        reservation=reservation,
        at=ctx.clock.now(),
        action=action,
        from_status=from_status,
        status=status,
        channel=channel,
        staff=ctx.actor.login,
        note=note,
        data=data,
    )


def open_callback(reservation: Reservation) -> Callback | None:
    return (
        Callback.select()
        .where(Callback.reservation == reservation, Callback.closed_at.is_null())
        .order_by(Callback.id.desc())
        .first()
    )


def _close_callback(ctx: Context, reservation: Reservation, outcome: str, duration: int | None = None) -> None:
    callback = open_callback(reservation)
    if callback is not None:
        callback.closed_at = ctx.clock.now()
        callback.outcome = outcome
        callback.duration_minutes = duration
        callback.save()


def no_show_from(config: OfficeConfig, reservation: Reservation) -> dt.datetime:
    """The moment a no-show may be recorded: start plus the office's grace (003 7(2), 004 第4条(4))."""
    return reservation.start + dt.timedelta(minutes=config.grace_minutes)


def has_contact(reservation: Reservation) -> bool:
    return History.select().where(History.reservation == reservation, History.action == "contact").exists()


def extend_limit(config: OfficeConfig, reservation: Reservation) -> dt.datetime:
    """The latest end an extension may reach: the start plus the office's maximum (003 6, 004 第4条(1)).
    Where a late start moves the end (late_start_keeps_end false), the maximum counts from the actual start."""
    base = reservation.start
    actual = reservation.actual_start
    if not config.get("late_start_keeps_end", True) and actual is not None and actual > base:
        base = actual
    return base + dt.timedelta(minutes=config.max_session_minutes)


def last_checks(reservation: Reservation) -> dict[str, Any] | None:
    """The results of the latest check-in (connection test, identity, companions), or None."""
    last = (
        History.select(History.data)
        .where(History.reservation == reservation, History.action == "check-in")
        .order_by(History.id.desc())
        .first()
    )
    return dict(last.data or {}) if last is not None else None


def _check_in_data(config: OfficeConfig, res: Reservation, checks: dict[str, Any] | None) -> dict[str, Any]:
    """Connection test before the start (000 第5条(4)); face and name at entry (000 第5条(5));
    registered companions present (003 5(1)①, 004 第10条(3)). A failed test is recorded: the session
    then goes to 接続不良 (or a new test), never to start. No checks at all means the command line's
    defaults: test passed, face and name checked, companions as registered."""
    raw = dict(DEFAULT_CHECKS if checks is None else checks)
    test = raw.get("connection_test")
    if test not in CONNECTION_TEST_RESULTS:
        raise RuleError("invalid_choice", clause=config.clause("connection_test"), label="接続テストの結果")
    identity = bool(raw.get("identity_checked"))
    if test == "ok" and not identity:
        raise RuleError("identity_not_checked", clause=config.clause("identity_check"))
    registered = len(res.companions or [])
    return {
        "connection_test": test,
        "identity_checked": identity,
        "companions": registered,
        "companions_present": bool(raw.get("companions_present", True)) if registered else None,
    }


def _on_session_day(res: Reservation, now: dt.datetime) -> None:
    if now.date() != res.start.date():
        raise RuleError("not_session_day", date=format_date_ja(res.start.date()))


@retry_conflicts
def act(ctx: Context, reservation_id: int, action: str, options: ActOptions | None = None) -> Reservation:
    """Apply one life-cycle action, or refuse it with the rule's message and change nothing."""
    opts = options or ActOptions()
    require(ctx, "undo_no_show" if action == "undo-no-show" else "act")
    note = normalise_text(opts.note, "メモ", 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        config = get_config(res.office_id)
        before = res.status
        target = target_status(action, before)
        now = ctx.clock.now()
        data: dict[str, Any] = {}
        new_reservation: Reservation | None = None

        if action == "offer":
            seed_rules.offer(ctx, res, config, opts.new_start, note)  # confirms (004 第4条(1)(2))
        elif action == "confirm":
            res.offer_reply_by = None
        elif action == "send-details":
            seed_rules.check_details_complete(config, res)  # 000 第4条(3)
        elif action == "check-in":
            _on_session_day(res, now)
            seed_rules.check_details_sent(config, res, before, note)  # 000 第5条(2)
            data = _check_in_data(config, res, opts.checks)
        elif action == "start":
            _on_session_day(res, now)
            if (last_checks(res) or {}).get("connection_test") == "failed":
                raise RuleError("connection_test_failed", clause=config.clause("connection_failure"))
            res.actual_start = now
            late = now > res.start
            if late and not config.get("late_start_keeps_end", True):
                res.end = now + (res.end - res.start)
            data = {"late_minutes": max(0, int((now - res.start).total_seconds() // 60)), "planned_end": f"{res.end:%H:%M}"}
        elif action == "extend":
            limit = extend_limit(config, res)
            if opts.minutes is not None and not 1 <= opts.minutes <= config.max_session_minutes:
                # 0 is not "as far as allowed", and a number past any session cannot overflow the date
                raise RuleError("extend_minutes", clause=config.clause("max_session"), max=config.max_session_minutes)
            step = dt.timedelta(minutes=opts.minutes) if opts.minutes is not None else limit - res.end
            new_end = res.end + step
            if step <= dt.timedelta(0) or new_end > limit:
                raise RuleError("extend_limit", clause=config.clause("max_session"), max=config.max_session_minutes)
            data = {"from": f"{res.end:%H:%M}", "to": f"{new_end:%H:%M}"}
            res.end = new_end
        elif action == "complete":
            res.actual_end = now
            if res.actual_start is not None:
                data = {"actual_minutes": int((now - res.actual_start).total_seconds() // 60)}
        elif action == "no-show":
            seed_rules.check_communicated(config, res)  # 003 7(2), 004 第4条(4)
            allowed_at = no_show_from(config, res)
            if now < allowed_at:
                raise RuleError(
                    "no_show_too_early", clause=config.clause("no_show"), grace=config.grace_minutes, at=f"{allowed_at:%H:%M}"
                )
            if has_contact(res):
                raise RuleError("no_show_contacted", clause=config.clause("no_show"))
        elif action == "connection-failed":
            Callback.create(reservation=res, phone=res.applicant.phone, due=now, opened_at=now)
        elif action == "complete-by-phone":
            if opts.minutes is None or not 1 <= opts.minutes <= PHONE_MINUTES_MAX:
                raise RuleError("phone_duration", max=PHONE_MINUTES_MAX)
            if "reached" not in _attempt_results(res):
                raise RuleError("callback_not_reached")
            res.actual_end = now
            data = {"duration_minutes": opts.minutes}
            _close_callback(ctx, res, "completed_by_phone", opts.minutes)
        elif action == "reschedule":
            if (
                before == Status.PHONE_CALLBACK
                and config.get("reschedule_after_connection_failure") == "city_fault_only"
                and not (opts.city_fault and note)
            ):
                raise RuleError("reschedule_city_fault", clause=config.clause("connection_failure"))
            if before == Status.PHONE_CALLBACK:
                res.city_fault = opts.city_fault
                _close_callback(ctx, res, "rescheduled")
            if opts.new_start is not None:
                new_reservation = _book_again(ctx, res, opts.new_start, opts)
                data = {"rescheduled_to": new_reservation.id}
        elif action == "unreachable":
            seed_rules.check_can_end(config, _attempt_results(res), note)  # 000 第10条(7)
            _close_callback(ctx, res, "unreachable")
        elif action == "terminate":
            acts = {a["key"]: a for a in config.prohibited_acts()}
            if opts.prohibited_act not in acts:
                raise RuleError("unknown_act", clause=config.clause("prohibited_acts"), act=opts.prohibited_act or "")
            if not note:
                raise RuleError("reason_required")
            picked = acts[opts.prohibited_act]
            res.actual_end = now
            applicant = res.applicant
            applicant.flagged = True
            applicant.flag_reason = f"{ctx.clock.today().isoformat()} {label_text(picked['label'])}"
            applicant.save()
            _close_callback(ctx, res, "terminated")
            data = {"act": picked["key"], "clause": picked.get("clause")}
        elif action == "contact":
            if not note:
                raise RuleError("reason_required")
        elif action == "undo-no-show":
            if not note:
                raise RuleError("reason_required")
            last = (
                History.select()
                .where(History.reservation == res, History.status == Status.NO_SHOW.value, History.action == "no-show")
                .order_by(History.id.desc())
                .first()
            )
            target = Status(last.from_status) if last and last.from_status else Status.CONFIRMED
        elif action == "cancel":
            raise RuleError("transition", status=before, action=action_label(action))

        status = target.value if target is not None else before
        if status in (Status.CANCELLED, Status.REFUSED, Status.RESCHEDULED) and status != before:
            release_seat(res)
        res.status = status
        res.updated_at = now
        res.save()
        _history(ctx, res, action, before, status, opts.channel, note, data or None)
        if action == "undo-no-show":
            audit.record(ctx, "undo_no_show", str(res.id), detail=note)
        _sync_mail(ctx, res)
        touch(Topic.RESERVATIONS)
    return new_reservation or res


def _sync_mail(ctx: Context, res: Reservation) -> None:
    """The reservation's scheduled mail follows it: cancelled with it, scheduled when it is confirmed (issue 17)."""
    from consult_desk import outbox

    outbox.sync(ctx, res)


def after_commit(ctx: Context, action: str, reservation: Reservation) -> Any:
    """What follows an action once its transaction has committed, outside it (network calls): the
    platform meeting is created (confirm, where the office creates them automatically), moved
    (reschedule, extend) or deleted (cancel, refuse) through consult_desk.meetings. The command line
    and the window both call this after ``act`` / ``cancel`` (the window in a worker thread).
    Returns a :class:`consult_desk.meetings.Outcome` with a sentence, or None when nothing was to do;
    the action stands whatever happens here."""
    from consult_desk.meetings import follow_action

    return follow_action(ctx, action, reservation.id)


def _book_again(ctx: Context, old: Reservation, start: dt.datetime, opts: ActOptions) -> Reservation:
    """The linked reservation for a reschedule: same applicant and intake, new slot; the old consent
    carries over while the terms are unchanged, otherwise consent taken afresh must be given."""
    applicant = old.applicant
    consent = Consent.select().where(Consent.reservation == old).order_by(Consent.id.desc()).first()
    config = get_config(old.office_id)
    answers = dict(old.answers or {})
    if applicant.address and config.field("address"):
        answers["address"] = applicant.address
    if applicant.job_seeker_no and config.field("job_seeker_no"):
        answers["job_seeker_no"] = applicant.job_seeker_no
    channel = "phone" if "phone" in config["booking_channels"] else config["booking_channels"][0]
    return book(
        ctx,
        BookingRequest(
            office=old.office_id,
            start=start,
            name=applicant.name,
            kana=applicant.kana,
            phone=applicant.phone,
            email=applicant.email,
            channel=channel,
            answers=answers,
            companions=list(old.companions or []),
            consent_items=(
                opts.consent_items
                if opts.consent_items is not None
                else list(consent.items) if consent and consent.terms_version == config.terms_version else None
            ),
            terms_version=opts.terms_version if opts.consent_items is not None else None,
            note=f"予約{old.id}からの日程変更",
            rescheduled_from=old.id,
            # 000 第10条(7): the city's re-arrangement after its own failure is not a new application
            city_rearrangement=old.status == Status.PHONE_CALLBACK and opts.city_fault,
            minutes=_length_kept(config, old),
        ),
    )


def _length_kept(config: OfficeConfig, old: Reservation) -> int | None:
    """A moved session keeps its length where the office offers several (003 6)."""
    minutes = int((old.end - old.start).total_seconds() // 60)
    return minutes if len(config.session_lengths) > 1 and minutes in config.session_lengths else None


def reschedule(ctx: Context, reservation_id: int, new_start: dt.datetime, options: ActOptions | None = None) -> Reservation:
    """Move a reservation to a new slot: the new one is booked under every rule and linked to the old."""
    opts = dataclasses.replace(options or ActOptions(), new_start=new_start)
    return act(ctx, reservation_id, "reschedule", opts)


@retry_conflicts
def cancel(ctx: Context, reservation_id: int, channel: str, note: str = "") -> Reservation:
    """Cancel by the office's channels; on the day itself by phone only (000 第4条(4), 003 7(2), 004 第4条(4))."""
    require(ctx, "cancel")
    note = normalise_text(note, "メモ", 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        config = get_config(res.office_id)
        before = res.status
        target_status("cancel", before)
        now = ctx.clock.now()
        allowed = list(config["cancel_channels"])
        if channel not in allowed:
            raise RuleError(
                "cancel_channel", clause=config.clause("cancel"), allowed="・".join(channel_label(c) for c in allowed)
            )
        if now >= res.start:
            _check_cancel_after_start(config, res, now)
        same_day = list(config["same_day_cancel_channels"])
        if res.start.date() == ctx.clock.today() and channel not in same_day:
            raise RuleError(
                "same_day_cancel", clause=config.clause("same_day_cancel"), allowed="・".join(channel_label(c) for c in same_day)
            )
        release_seat(res)
        res.status = Status.CANCELLED.value
        res.updated_at = now
        res.save()
        _history(
            ctx, res, "cancel", before, res.status, channel, note, {"same_day": res.start.date() == ctx.clock.today()}
        )
        _sync_mail(ctx, res)
        touch(Topic.RESERVATIONS)
    return res


def _check_cancel_after_start(config: OfficeConfig, res: Reservation, now: dt.datetime) -> None:
    """A phone call on the day, even after the start time, is a cancellation with contact (003 7(2),
    004 第4条(4), 000 第4条(4): 当日キャンセルは電話): allowed on the session day until the no-show time,
    and after it when the applicant's contact was noted (no-show is then refused). Otherwise, the day
    after or past the grace without contact, it is no cancellation (issue 12)."""
    if now.date() != res.start.date():
        raise RuleError("cancel_after_start", clause=config.clause("cancel"), start=f"{res.start:%Y-%m-%d %H:%M}")
    if now >= no_show_from(config, res) and not has_contact(res):
        raise RuleError(
            "cancel_after_grace",
            clause=config.clause("no_show"),
            grace=config.grace_minutes,
            at=f"{no_show_from(config, res):%H:%M}",
        )


def _attempt_results(res: Reservation) -> list[str]:
    """Results of the calls made on the reservation's open callback, oldest first."""
    callback = open_callback(res)
    if callback is None:
        return []
    rows = CallbackAttempt.select(CallbackAttempt.result).where(CallbackAttempt.callback == callback)
    return [r for (r,) in rows.order_by(CallbackAttempt.id).tuples()]


@retry_conflicts
def log_callback_attempt(ctx: Context, reservation_id: int, result: str, note: str = "") -> CallbackAttempt:
    """One phone call to the applicant after a connection failure: reached, no answer or busy."""
    require(ctx, "act")
    if result not in CALLBACK_RESULTS:
        raise RuleError("invalid_choice", label="結果")
    note = normalise_text(note, "メモ", 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        callback = open_callback(res)
        if callback is None or res.status != Status.PHONE_CALLBACK:
            raise RuleError("transition", status=res.status, action=action_label("callback-attempt"))
        attempt = CallbackAttempt.create(callback=callback, at=ctx.clock.now(), result=result, note=note, staff=ctx.actor.login)
        if result != "reached":
            callback.due = ctx.clock.now() + dt.timedelta(minutes=CALLBACK_RETRY_MINUTES)
            callback.save()
        _history(ctx, res, "callback-attempt", res.status, res.status, "phone", note, {"result": result})
        bump_changes()
    return attempt


def open_callbacks(office: str | None = None) -> list[dict[str, Any]]:
    """The callback queue: open phone callbacks, earliest due first (of one office, or of all)."""
    rows = (
        Callback.select(Callback, Reservation, Applicant)
        .join(Reservation)
        .join(Applicant)
        .where(Callback.closed_at.is_null())
        .order_by(Callback.due, Callback.id)
    )
    if office:
        rows = rows.where(Reservation.office == office)
    result = []
    for cb in rows:
        attempts = list(
            CallbackAttempt.select(CallbackAttempt.result).where(CallbackAttempt.callback == cb).order_by(CallbackAttempt.id)
        )
        result.append(
            {
                "reservation": cb.reservation.id,
                "phone": format_phone(cb.phone),
                "due": cb.due.strftime("%Y-%m-%dT%H:%M"),
                "attempts": len(attempts),
                "office": cb.reservation.office_id,
                "name": cb.reservation.applicant.name,
                "start": cb.reservation.start.strftime("%Y-%m-%dT%H:%M"),
                "last_result": attempts[-1].result if attempts else None,
            }
        )
    return result


def history_rows(reservation: Reservation) -> list[History]:
    return list(History.select().where(History.reservation == reservation).order_by(History.at, History.id))


def describe(reservation: Reservation) -> dict[str, Any]:
    """The reservation as the `show` command prints it (secrets are never included here)."""
    applicant: Applicant = reservation.applicant
    consent = Consent.select().where(Consent.reservation == reservation).order_by(Consent.id.desc()).first()
    config = get_config(reservation.office_id)
    return {
        "id": reservation.id,
        "office": reservation.office_id,
        "status": reservation.status,
        "start": reservation.start.strftime("%Y-%m-%dT%H:%M"),
        "end": reservation.end.strftime("%Y-%m-%dT%H:%M"),
        "name": applicant.name,
        "kana": applicant.kana,
        "phone": format_phone(applicant.phone),
        "email": applicant.email,
        "address": applicant.address,
        "job_seeker_no": applicant.job_seeker_no,
        "channel": reservation.channel,
        "seat": reservation.seat_no,
        "event": reservation.event_id,
        "answers": reservation.answers,
        "companions": reservation.companions,
        "notify_by": reservation.notify_by.isoformat() if reservation.notify_by else None,
        "offer_reply_by": reservation.offer_reply_by.isoformat() if reservation.offer_reply_by else None,
        "terms_version": reservation.terms_version,
        "terms_current": reservation.terms_version == config.terms_version,
        "consent": (
            {
                "items": consent.items,
                "advised": [k for k in consent.items if k in config.advice_keys()],
                "staff": consent.staff,
                "at": consent.at.strftime("%Y-%m-%dT%H:%M"),
                "terms_version": consent.terms_version,
            }
            if consent
            else None
        ),
        "rescheduled_from": reservation.rescheduled_from_id,
        "rescheduled_to": [r.id for r in reservation.rescheduled_to],
        "flagged": applicant.flagged,
        "history": [
            {
                "status": h.status,
                "at": h.at.strftime("%Y-%m-%dT%H:%M"),
                "channel": h.channel,
                "staff": h.staff,
                "note": h.note,
                "action": h.action,
            }
            for h in history_rows(reservation)
        ],
    }


def final(status: str) -> bool:
    return Status(status) in FINAL


def holds_seat(status: str) -> bool:
    return Status(status) in HOLDS_SEAT
