"""Reservation life cycle: every status change goes through the state machine and is written,
with who, when, by which channel and why, to the append-only history, in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee as pw

from consult_desk import audit, changes, seed_rules
from consult_desk.actions import Action, Need, Offer
from consult_desk.booking import BookingRequest, book, release_seat
from consult_desk.calendar import format_date
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.i18n import _p, join
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
from consult_desk.offices import get_config
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig, channel_label, label_text
from consult_desk.states import FINAL, HOLDS_SEAT, SPECS, Status, action_label, status_label, target_status
from consult_desk.validation import format_phone, normalise_text

CALLBACK_RESULTS = ("reached", "no_answer", "busy")
CALLBACK_RESULT_LABELS = {"reached": "つながった", "no_answer": "応答なし", "busy": "話し中"}
CONNECTION_TEST_RESULTS = ("ok", "failed")
# A check-in where the test passed, face and name were checked and the companions are as registered.
PASSED_CHECKS: dict[str, Any] = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
DEFAULT_CHECKS = PASSED_CHECKS  # the older name
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
    acknowledge_trouble: bool = False  # reschedule: staff acknowledged the applicant's earlier trouble


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
        action=str(action),
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
        changes.touch(Topic.CALLBACKS)
        callback.closed_at = ctx.clock.now()
        callback.outcome = outcome
        callback.duration_minutes = duration
        callback.save()


def no_show_from(config: OfficeConfig, reservation: Reservation) -> dt.datetime:
    """The moment a no-show may be recorded: start plus the office's grace (003 7(2), 004 第4条(4))."""
    return reservation.start + dt.timedelta(minutes=config.grace_minutes)


def has_contact(reservation: Reservation) -> bool:
    return History.select().where(History.reservation == reservation, History.action == Action.CONTACT.value).exists()


def extend_limit(config: OfficeConfig, reservation: Reservation) -> dt.datetime:
    """The latest end an extension may reach: the start plus the office's maximum (003 6, 004 第4条(1)).
    Where a late start moves the end (late_start_keeps_end false), the maximum counts from the actual start."""
    base = reservation.start
    actual = reservation.actual_start
    if not config.get("late_start_keeps_end", True) and actual is not None and actual > base:
        base = actual
    return base + dt.timedelta(minutes=config.max_session_minutes)


def last_checks(reservation: Reservation) -> dict[str, Any] | None:
    """The results of the latest check-in (connection test, identity, companions), or None; a
    check-in taken back (undo) no longer counts."""
    rows = (
        History.select(History.id, History.action, History.data)
        .where(History.reservation == reservation, History.action.in_(("check-in", "undo")))
        .order_by(History.id.desc())
    )
    undone = set()
    for row in rows:
        if row.action == "undo":
            undone.add((row.data or {}).get("history"))
        elif row.id not in undone:
            return dict(row.data or {})
    return None


def _check_in_data(config: OfficeConfig, res: Reservation, checks: dict[str, Any] | None) -> dict[str, Any]:
    """Connection test before the start (000 第5条(4)); face and name at entry (000 第5条(5));
    registered companions present (003 5(1)①, 004 第10条(3)). A failed test is recorded: the session
    then goes to 接続不良 (or a new test), never to start. The test's result must be given
    (``Need.CONNECTION_TEST``); ``PASSED_CHECKS`` is what the command line sends by default."""
    raw = dict(checks or {})
    test = raw.get("connection_test")
    if test not in CONNECTION_TEST_RESULTS:
        raise RuleError("invalid_choice", clause=config.clause("connection_test"), label=_p("label", "connection test result"))
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


# ---------------------------------------------------------------- actions: one handler each


@dataclasses.dataclass
class _Step:
    """One action under way, inside its transaction: what the handler reads and sets."""

    ctx: Context
    action: Action
    res: Reservation
    config: OfficeConfig
    opts: ActOptions
    note: str
    before: str
    target: Status | None
    now: dt.datetime
    data: dict[str, Any] = dataclasses.field(default_factory=dict)
    new_reservation: Reservation | None = None


Handler = Callable[[_Step], None]
Precheck = Callable[[Reservation, OfficeConfig, dt.datetime], None]


# Rules that depend only on the reservation and the moment (not on what the caller gives): the
# handlers apply them, and offered_actions() asks them to say in advance why an action would be refused.


def _offer_office(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    if not config.get("offer_flow"):
        raise RuleError("not_offer_office")


def _details_complete(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    """Every field the office's platform needs is set (Zoom URL, ID and passcode; ROOMS room key;
    web meeting ID and password; Teams / TeleOffice URL): 000 第4条(3), 001, 002 5, 003 2(4), 004 第4条(2)."""
    from consult_desk import credentials

    summary = credentials.summary(res.id)
    if summary.missing:
        raise RuleError(
            "details_incomplete",
            clause=config.clause("details_deadline"),
            platform=summary.platform_label,
            fields=join((credentials.field_label(config, f) for f in summary.missing), alternatives=True),
        )


def _session_day(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    if now.date() != res.start.date():
        raise RuleError("not_session_day", date=format_date(res.start.date()))


def _startable(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    _session_day(res, config, now)
    if (last_checks(res) or {}).get("connection_test") == "failed":
        raise RuleError("connection_test_failed", clause=config.clause("connection_failure"))


def _extendable(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    if extend_limit(config, res) <= res.end:
        raise RuleError("extend_limit", clause=config.clause("max_session"), max=config.max_session_minutes)


def _no_show_due(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    seed_rules.check_communicated(config, res)  # 003 7(2), 004 第4条(4): only a communicated date and time
    allowed_at = no_show_from(config, res)
    if now < allowed_at:
        raise RuleError(
            "no_show_too_early", clause=config.clause("no_show"), grace=config.grace_minutes, at=f"{allowed_at:%H:%M}"
        )
    if has_contact(res):
        raise RuleError("no_show_contacted", clause=config.clause("no_show"))


def _callback_reached(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    if "reached" not in _attempt_results(res):
        raise RuleError("callback_not_reached")


def _callback_tried(res: Reservation, config: OfficeConfig, now: dt.datetime) -> None:
    # 000 第10条(7): where the city arranges nothing else, the consultation may end without a call (a reason)
    if not _attempt_results(res) and config.get("reschedule_after_connection_failure") != "city_fault_only":
        raise RuleError("callback_no_attempt")


PRECHECKS: dict[Action, Precheck] = {
    Action.OFFER: _offer_office,
    Action.SEND_DETAILS: _details_complete,
    Action.CHECK_IN: _session_day,
    Action.START: _startable,
    Action.EXTEND: _extendable,
    Action.NO_SHOW: _no_show_due,
    Action.COMPLETE_BY_PHONE: _callback_reached,
    Action.UNREACHABLE: _callback_tried,
}


# What the caller must give (the spec's needs), checked the same way for every action.


def _need_reason(step: _Step) -> None:
    if not step.note:
        raise RuleError("reason_required")


def _need_channel(step: _Step) -> None:
    if not step.opts.channel:
        raise RuleError("channel_required")


def _need_minutes(step: _Step) -> None:  # complete-by-phone: the length of the phone consultation
    if step.opts.minutes is None or not 1 <= step.opts.minutes <= PHONE_MINUTES_MAX:
        raise RuleError("phone_duration", max=PHONE_MINUTES_MAX)


def _need_prohibited_act(step: _Step) -> None:
    keys = [a["key"] for a in step.config.prohibited_acts()]
    if step.opts.prohibited_act not in keys:
        raise RuleError(
            "unknown_act", clause=step.config.clause("prohibited_acts"), act=step.opts.prohibited_act or ""
        )


def _need_connection_test(step: _Step) -> None:
    if not step.opts.checks or step.opts.checks.get("connection_test") in (None, ""):
        raise RuleError("connection_test_required", clause=step.config.clause("connection_test"))


# In this order (the first missing one is named). Meeting details are a precheck (not given by the
# caller but registered beforehand); an acknowledgement of earlier trouble is checked by booking.book.
NEED_CHECKS: dict[Need, Callable[[_Step], None]] = {
    Need.CONNECTION_TEST: _need_connection_test,
    Need.PROHIBITED_ACT: _need_prohibited_act,
    Need.MINUTES: _need_minutes,
    Need.CHANNEL: _need_channel,
    Need.REASON: _need_reason,
}


def _offer(step: _Step) -> None:
    # 004 第4条(2): the office's answer (the time asked for, or another) confirms; by the 前々日 (第4条(1))
    seed_rules.offer(step.ctx, step.res, step.config, step.opts.new_start, step.note)


def _confirm(step: _Step) -> None:
    step.res.offer_reply_by = None


def _nothing(step: _Step) -> None:
    """The spec's checks are all there is (send-details, no-show, refuse, contact)."""


def _check_in(step: _Step) -> None:
    seed_rules.check_details_sent(step.config, step.res, step.before, step.note)  # 000 第5条(2)
    step.data = _check_in_data(step.config, step.res, step.opts.checks)


def _start(step: _Step) -> None:
    res, now = step.res, step.now
    res.actual_start = now
    if now > res.start and not step.config.get("late_start_keeps_end", True):
        res.end = now + (res.end - res.start)
    step.data = {"late_minutes": max(0, int((now - res.start).total_seconds() // 60)), "planned_end": f"{res.end:%H:%M}"}


def _extend(step: _Step) -> None:
    res, config = step.res, step.config
    limit = extend_limit(config, res)
    if step.opts.minutes is not None and not 1 <= step.opts.minutes <= config.max_session_minutes:
        # 0 is not "as far as allowed", and a number past any session cannot overflow the date
        raise RuleError("extend_minutes", clause=config.clause("max_session"), max=config.max_session_minutes)
    by = dt.timedelta(minutes=step.opts.minutes) if step.opts.minutes is not None else limit - res.end
    new_end = res.end + by
    if by <= dt.timedelta(0) or new_end > limit:
        raise RuleError("extend_limit", clause=config.clause("max_session"), max=config.max_session_minutes)
    step.data = {"from": f"{res.end:%H:%M}", "to": f"{new_end:%H:%M}"}
    res.end = new_end


def _complete(step: _Step) -> None:
    step.res.actual_end = step.now
    if step.res.actual_start is not None:
        step.data = {"actual_minutes": int((step.now - step.res.actual_start).total_seconds() // 60)}


def _connection_failed(step: _Step) -> None:
    Callback.create(reservation=step.res, phone=step.res.applicant.phone, due=step.now, opened_at=step.now)
    changes.touch(Topic.CALLBACKS)


def _complete_by_phone(step: _Step) -> None:
    step.res.actual_end = step.now
    step.data = {"duration_minutes": step.opts.minutes}
    _close_callback(step.ctx, step.res, "completed_by_phone", step.opts.minutes)


def _reschedule(step: _Step) -> None:
    res, opts = step.res, step.opts
    if step.before == Status.PHONE_CALLBACK:
        # 000 第10条(7): after a connection failure, a new slot only when the city caused it (with why)
        if step.config.get("reschedule_after_connection_failure") == "city_fault_only" and not (
            opts.city_fault and step.note
        ):
            raise RuleError("reschedule_city_fault", clause=step.config.clause("connection_failure"))
        res.city_fault = opts.city_fault
        _close_callback(step.ctx, res, "rescheduled")
    if opts.new_start is not None:
        step.new_reservation = _book_again(step.ctx, res, opts.new_start, opts)
        step.data = {"rescheduled_to": step.new_reservation.id}


def _unreachable(step: _Step) -> None:
    seed_rules.check_can_end(step.config, _attempt_results(step.res), step.note)  # 000 第10条(7)
    _close_callback(step.ctx, step.res, "unreachable")


def _terminate(step: _Step) -> None:
    picked = {a["key"]: a for a in step.config.prohibited_acts()}[step.opts.prohibited_act]
    step.res.actual_end = step.now
    applicant = step.res.applicant
    applicant.flagged = True
    applicant.flag_reason = f"{step.ctx.clock.today().isoformat()} {label_text(picked['label'])}"
    applicant.save()
    _close_callback(step.ctx, step.res, "terminated")
    step.data = {"act": picked["key"], "clause": picked.get("clause")}


def _undo_no_show(step: _Step) -> None:
    last = (
        History.select()
        .where(History.reservation == step.res, History.status == Status.NO_SHOW.value, History.action == Action.NO_SHOW.value)
        .order_by(History.id.desc())
        .first()
    )
    step.target = Status(last.from_status) if last and last.from_status else Status.CONFIRMED


HANDLERS: dict[Action, Handler] = {
    Action.OFFER: _offer,
    Action.CONFIRM: _confirm,
    Action.SEND_DETAILS: _nothing,
    Action.CHECK_IN: _check_in,
    Action.START: _start,
    Action.EXTEND: _extend,
    Action.COMPLETE: _complete,
    Action.NO_SHOW: _nothing,
    Action.CONNECTION_FAILED: _connection_failed,
    Action.COMPLETE_BY_PHONE: _complete_by_phone,
    Action.RESCHEDULE: _reschedule,
    Action.UNREACHABLE: _unreachable,
    Action.TERMINATE: _terminate,
    Action.REFUSE: _nothing,
    Action.CONTACT: _nothing,
    Action.UNDO_NO_SHOW: _undo_no_show,
}


def _parse_action(action: str) -> Action:
    try:
        return Action(action)
    except ValueError:
        raise RuleError("unknown_action", action=action) from None


@retry_conflicts
def act(ctx: Context, reservation_id: int, action: Action | str, options: ActOptions | None = None) -> Reservation:
    """Apply one life-cycle action, or refuse it with the rule's message and change nothing.

    The action's spec (``states.SPECS``) decides who may do it, from which statuses and what it needs;
    its handler (``HANDLERS``) does what is particular to it."""
    opts = options or ActOptions()
    name = _parse_action(action)
    spec = SPECS[name]
    handler = HANDLERS.get(name)
    if handler is None:  # cancel, book, callback-attempt...: their own services
        raise RuleError("transition", status=status_label(get_reservation(reservation_id).status), action=action_label(name))
    require(ctx, spec.permission)
    note = normalise_text(opts.note, _p("label", "note"), 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        config = get_config(res.office_id)
        before = res.status
        step = _Step(ctx, name, res, config, opts, note, before, target_status(name, before), ctx.clock.now())
        precheck = PRECHECKS.get(name)
        if precheck is not None:
            precheck(res, config, step.now)
        for need, check in NEED_CHECKS.items():
            if need in spec.needs:
                check(step)
        handler(step)
        status = step.target.value if step.target is not None else before
        if status in (Status.CANCELLED, Status.REFUSED, Status.RESCHEDULED) and status != before:
            release_seat(res)
        res.status = status
        res.updated_at = step.now
        res.save()
        _history(ctx, res, name, before, status, opts.channel, note, step.data or None)
        if name == Action.UNDO_NO_SHOW:
            audit.record(ctx, "undo_no_show", str(res.id), detail=note)
        _sync_mail(ctx, res)
        changes.touch(Topic.RESERVATIONS)  # and CALLBACKS where a callback opened or closed
    return step.new_reservation or res


# ------------------------------------------------------------------ undo (issue 15)

# The steps a clerk may take back at once: they changed the status (and a field or two) and
# nothing outside the reservation. A step that told someone (a cancellation, a no-show), closed a
# callback or moved a seat is not among them (states.IRREVERSIBLE asks before doing those).
REVERSIBLE = frozenset({"offer", "confirm", "send-details", "check-in", "start", "extend"})
UNDO_MINUTES = 2  # the service's window; the window offers 「元に戻す」 for a few seconds of it


def last_undoable(ctx: Context) -> History | None:
    """This staff member's last step if it can still be taken back: reversible, within
    UNDO_MINUTES, and nothing happened to the reservation since."""
    since = ctx.clock.now() - dt.timedelta(minutes=UNDO_MINUTES)
    last = (
        History.select()
        .where(History.staff == ctx.actor.login, History.at >= since)
        .order_by(History.id.desc())
        .first()
    )
    if last is None or last.action not in REVERSIBLE or last.from_status is None:
        return None
    newest = History.select().where(History.reservation == last.reservation_id).order_by(History.id.desc()).first()
    res = Reservation.get_or_none(Reservation.id == last.reservation_id)
    if newest is None or newest.id != last.id or res is None or res.status != last.status:
        return None
    if last.action == "start" and (last.data or {}).get("planned_end") not in (None, f"{res.end:%H:%M}"):
        return None
    return last


def undo_last(ctx: Context, history_id: int) -> Reservation:
    """Take back step ``history_id`` (from :func:`last_undoable`): the status before it, the fields it
    set cleared; the undo itself is a history entry ("undo") and in the audit log."""
    require(ctx, "act")
    with transaction():
        step = last_undoable(ctx)
        if step is None or step.id != history_id:
            raise RuleError("undo_too_late")
        res = get_reservation(step.reservation_id, lock=True)
        before = res.status
        if step.action == "offer":
            res.offer_reply_by = None
        elif step.action == "start":
            res.actual_start = None
        elif step.action == "extend":
            hours, minutes = (int(x) for x in str((step.data or {}).get("from", f"{res.end:%H:%M}")).split(":"))
            res.end = res.end.replace(hour=hours, minute=minutes)
        res.status = step.from_status
        res.updated_at = ctx.clock.now()
        res.save()
        _history(ctx, res, "undo", before, res.status, note="", data={"undid": step.action, "history": step.id})
        audit.record(ctx, "undo", str(res.id), detail=step.action)
        touch(Topic.RESERVATIONS)
    return res


def _sync_mail(ctx: Context, res: Reservation) -> None:
    """The reservation's scheduled mail follows it: cancelled with it, scheduled when it is confirmed (issue 17)."""
    from consult_desk import outbox

    outbox.sync(ctx, res)


def offered_actions(ctx: Context, reservation: Reservation | int, now: dt.datetime | None = None) -> list[Offer]:
    """The actions this actor may do on the reservation now, in the table's order, with what each
    needs and, when a rule is already known to refuse it, that rule's sentence. A view asks this to
    know which buttons to show, what to ask and what to confirm; the command line prints it
    (``consult-desk actions ID``); ``act`` enforces exactly the same table."""
    res = reservation if isinstance(reservation, Reservation) else get_reservation(reservation)
    config = get_config(res.office_id)
    moment = now or ctx.clock.now()
    offers = []
    for name, spec in SPECS.items():
        if not spec.transition or not spec.allowed_from(res.status) or ctx.actor.role not in spec.roles:
            continue
        needs = set(spec.needs)
        if name == Action.RESCHEDULE and res.status == Status.PHONE_CALLBACK and (
            config.get("reschedule_after_connection_failure") == "city_fault_only"
        ):
            needs.add(Need.REASON)
        if seed_rules.reason_needed(name.value, res, config, moment.date()) is not None:
            needs.add(Need.REASON)  # issue 12: 004 第4条(1), 000 第5条(2), 000 第10条(7)
        if Need.TROUBLE_ACK in needs and not _trouble_of(res):
            needs.discard(Need.TROUBLE_ACK)
        refusal: RuleError | None = None
        precheck = PRECHECKS.get(name)
        if precheck is not None:
            try:
                precheck(res, config, moment)
            except RuleError as err:
                refusal = err
        offers.append(
            Offer(
                name,
                spec,
                frozenset(needs),
                refusal.message if refusal else None,
                refusal.code if refusal else None,
            )
        )
    return offers


def _trouble_of(res: Reservation) -> list[Any]:
    from consult_desk.booking import trouble_for

    applicant = res.applicant
    return trouble_for(applicant.phone, applicant.email, applicant.job_seeker_no)


def after_commit(ctx: Context, action: Action | str, reservation: Reservation) -> Any:
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
            acknowledge_trouble=opts.acknowledge_trouble,
            # 000 第10条(7): the city's re-arrangement after its own failure is not a new application
            city_rearrangement=old.status == Status.PHONE_CALLBACK and opts.city_fault,
            minutes=_length_kept(config, old),
        ),
    )


def reschedule(ctx: Context, reservation_id: int, new_start: dt.datetime, options: ActOptions | None = None) -> Reservation:
    """Move a reservation to a new slot: the new one is booked under every rule and linked to the old."""
    opts = dataclasses.replace(options or ActOptions(), new_start=new_start)
    return act(ctx, reservation_id, Action.RESCHEDULE, opts)


@retry_conflicts
def cancel(ctx: Context, reservation_id: int, channel: str, note: str = "") -> Reservation:
    """Cancel by the office's channels; on the day itself by phone only (000 第4条(4), 003 7(2), 004 第4条(4))."""
    spec = SPECS[Action.CANCEL]
    require(ctx, spec.permission)
    note = normalise_text(note, _p("label", "note"), 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        config = get_config(res.office_id)
        before = res.status
        target_status(Action.CANCEL, before)
        now = ctx.clock.now()
        allowed = list(config["cancel_channels"])
        if channel not in allowed:
            raise RuleError(
                "cancel_channel", clause=config.clause("cancel"), allowed=join((channel_label(c) for c in allowed), alternatives=True)
            )
        if now >= res.start:
            _check_cancel_after_start(config, res, now)
        same_day = list(config["same_day_cancel_channels"])
        if res.start.date() == ctx.clock.today() and channel not in same_day:
            raise RuleError(
                "same_day_cancel", clause=config.clause("same_day_cancel"), allowed=join((channel_label(c) for c in same_day), alternatives=True)
            )
        release_seat(res)
        res.status = Status.CANCELLED.value
        res.updated_at = now
        res.save()
        _history(
            ctx, res, Action.CANCEL, before, res.status, channel, note, {"same_day": res.start.date() == ctx.clock.today()}
        )
        _sync_mail(ctx, res)
        changes.touch(Topic.RESERVATIONS)
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


def _length_kept(config: OfficeConfig, old: Reservation) -> int | None:
    """A moved session keeps its length where the office offers several (003 6)."""
    minutes = int((old.end - old.start).total_seconds() // 60)
    return minutes if len(config.session_lengths) > 1 and minutes in config.session_lengths else None


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
    require(ctx, SPECS[Action.CALLBACK_ATTEMPT].permission)
    if result not in CALLBACK_RESULTS:
        raise RuleError("invalid_choice", label=_p("label", "result"))
    note = normalise_text(note, _p("label", "note"), 1000)
    with transaction():
        res = get_reservation(reservation_id, lock=True)
        callback = open_callback(res)
        if callback is None or res.status != Status.PHONE_CALLBACK:
            raise RuleError("transition", status=status_label(res.status), action=action_label(Action.CALLBACK_ATTEMPT))
        attempt = CallbackAttempt.create(callback=callback, at=ctx.clock.now(), result=result, note=note, staff=ctx.actor.login)
        if result != "reached":
            callback.due = ctx.clock.now() + dt.timedelta(minutes=CALLBACK_RETRY_MINUTES)
            callback.save()
        _history(ctx, res, Action.CALLBACK_ATTEMPT, res.status, res.status, "phone", note, {"result": result})
        changes.touch(Topic.RESERVATIONS, Topic.CALLBACKS)
    return attempt


@dataclasses.dataclass(frozen=True)
class QueuedCallback:
    """One open phone callback in the queue (formatting is the window's and the command line's)."""

    reservation: int
    office: str
    name: str
    phone: str  # formatted for reading out
    due: dt.datetime
    start: dt.datetime
    attempts: int
    last_result: str | None
    overdue: bool = False  # set by session.callback_queue for a given moment
    due_in: int = 0  # minutes until due (negative once passed), likewise


def open_callbacks(office: str | None = None) -> list[QueuedCallback]:
    """The callback queue: open phone callbacks, earliest due first (of one office, or of all).

    One statement: the number of calls and the last result come from correlated subqueries, not from
    one query per callback."""
    A = CallbackAttempt.alias()
    attempts = A.select(pw.fn.COUNT(A.id)).where(A.callback == Callback.id)
    A2 = CallbackAttempt.alias()
    last = A2.select(A2.result).where(A2.callback == Callback.id).order_by(A2.id.desc()).limit(1)
    rows = (
        Callback.select(
            Callback.id,
            Callback.phone,
            Callback.due,
            Reservation.id.alias("reservation_id"),
            Reservation.office.alias("office_code"),
            Reservation.start.alias("res_start"),
            Applicant.name,
            attempts.alias("n_attempts"),
            last.alias("last_result"),
        )
        .join(Reservation, on=(Callback.reservation == Reservation.id))
        .join(Applicant, on=(Reservation.applicant == Applicant.id))
        .where(Callback.closed_at.is_null())
        .order_by(Callback.due, Callback.id)
    )
    if office:
        rows = rows.where(Reservation.office == office)
    return [
        QueuedCallback(
            reservation=r["reservation_id"],
            office=r["office_code"],
            name=r["name"],
            phone=format_phone(r["phone"]),
            due=_as_datetime(r["due"]),
            start=_as_datetime(r["res_start"]),
            attempts=int(r["n_attempts"] or 0),
            last_result=r["last_result"],
        )
        for r in rows.dicts()
    ]


def _as_datetime(value: Any) -> dt.datetime:
    """A datetime column read under an alias (SQLite may hand back its text)."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def history_rows(reservation: Reservation) -> list[History]:
    return list(History.select().where(History.reservation == reservation).order_by(History.at, History.id))


def _hm(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M")


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    action: str
    status: str
    at: dt.datetime
    channel: str
    staff: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "at": _hm(self.at),
            "channel": self.channel,
            "staff": self.staff,
            "note": self.note,
            "action": self.action,
        }


@dataclasses.dataclass(frozen=True)
class ConsentView:
    items: list[str]
    advised: list[str]
    staff: str
    at: dt.datetime
    terms_version: str

    def as_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "advised": self.advised,
            "staff": self.staff,
            "at": _hm(self.at),
            "terms_version": self.terms_version,
        }


@dataclasses.dataclass(frozen=True)
class ReservationView:
    """One reservation as the desk shows it, with dates and times as such (secrets never included);
    the window and the command line format it (``as_json`` is the `show` command's shape)."""

    id: int
    office: str
    status: str
    start: dt.datetime
    end: dt.datetime
    name: str
    kana: str
    phone: str  # formatted for reading out
    email: str
    address: str
    job_seeker_no: str
    channel: str
    seat: int | None
    event: int | None
    answers: dict[str, Any]
    companions: list[dict[str, str]]
    notify_by: dt.date | None
    offer_reply_by: dt.date | None
    terms_version: str
    terms_current: bool
    consent: ConsentView | None
    rescheduled_from: int | None
    rescheduled_to: list[int]
    flagged: bool
    history: list[HistoryEntry]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "office": self.office,
            "status": self.status,
            "start": _hm(self.start),
            "end": _hm(self.end),
            "name": self.name,
            "kana": self.kana,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
            "job_seeker_no": self.job_seeker_no,
            "channel": self.channel,
            "seat": self.seat,
            "event": self.event,
            "answers": self.answers,
            "companions": self.companions,
            "notify_by": self.notify_by.isoformat() if self.notify_by else None,
            "offer_reply_by": self.offer_reply_by.isoformat() if self.offer_reply_by else None,
            "terms_version": self.terms_version,
            "terms_current": self.terms_current,
            "consent": self.consent.as_json() if self.consent else None,
            "rescheduled_from": self.rescheduled_from,
            "rescheduled_to": self.rescheduled_to,
            "flagged": self.flagged,
            "history": [h.as_json() for h in self.history],
        }


def view(reservation: Reservation) -> ReservationView:
    """The reservation with its applicant, consent and history, typed (see :func:`describe`)."""
    applicant: Applicant = reservation.applicant
    consent = Consent.select().where(Consent.reservation == reservation).order_by(Consent.id.desc()).first()
    config = get_config(reservation.office_id)
    return ReservationView(
        id=reservation.id,
        office=reservation.office_id,
        status=reservation.status,
        start=reservation.start,
        end=reservation.end,
        name=applicant.name,
        kana=applicant.kana,
        phone=format_phone(applicant.phone),
        email=applicant.email,
        address=applicant.address,
        job_seeker_no=applicant.job_seeker_no,
        channel=reservation.channel,
        seat=reservation.seat_no,
        event=reservation.event_id,
        answers=reservation.answers,
        companions=reservation.companions,
        notify_by=reservation.notify_by,
        offer_reply_by=reservation.offer_reply_by,
        terms_version=reservation.terms_version,
        terms_current=reservation.terms_version == config.terms_version,
        consent=(
            ConsentView(
                items=consent.items,
                advised=[k for k in consent.items if k in config.advice_keys()],
                staff=consent.staff,
                at=consent.at,
                terms_version=consent.terms_version,
            )
            if consent
            else None
        ),
        rescheduled_from=reservation.rescheduled_from_id,
        rescheduled_to=[r.id for r in reservation.rescheduled_to],
        flagged=applicant.flagged,
        history=[HistoryEntry(h.action, h.status, h.at, h.channel, h.staff, h.note) for h in history_rows(reservation)],
    )


def describe(reservation: Reservation) -> dict[str, Any]:
    """The reservation as the `show` command prints it (secrets are never included here): the JSON
    form of :func:`view`, kept for the command line and the panel until it reads the view."""
    return view(reservation).as_json()


def final(status: str) -> bool:
    return Status(status) in FINAL


def holds_seat(status: str) -> bool:
    return Status(status) in HOLDS_SEAT
