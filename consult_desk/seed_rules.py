"""What the seeds say about a reservation's past, read by the life-cycle rules (issue 12).

- Whether the office communicated the session's date and time: only such a session can be a no-show
  (003 7(2) 「連絡がないまま予定日時を10分経過した場合」, 004 第4条(4) 「(2)の実施日時を10分経過した場合」).
  A request nobody answered never is.
- Whether the meeting details went out: 000 第5条(2) 「原則として、開催日の３営業日前までに…メールで連絡の
  あった方が利用できます」; check-in without them needs a reason.
- Hello Work's confirming mail: due by the 前々日 (004 第4条(1) 「営業日上の前々日までに予約が完了」);
  after it, sending needs a reason (原則として).
"""

from __future__ import annotations

import datetime as dt

from consult_desk import booking
from consult_desk.booking import application_deadline
from consult_desk.calendar import format_date_ja
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import History, Outbox, Reservation
from consult_desk.presets import OfficeConfig
from consult_desk.states import Status

# The office told the applicant the date and time: its answer (offer, confirm), the meeting details,
# or the next booking made in a running session (003 7(1), 004 第4条(3)).
COMMUNICATING_ACTIONS = ("offer", "confirm", "send-details")
COMMUNICATING_MAILS = ("received", "offered", "details", "reminder", "rescheduled")


def details_went_out(res: Reservation) -> bool:
    """Meeting details were sent (by the desk's mail, saved for another mail program, or marked sent)."""
    if res.status == Status.DETAILS_SENT.value:
        return True
    if History.select().where(History.reservation == res.id, History.action == "send-details").exists():
        return True
    return (
        Outbox.select()
        .where(Outbox.reservation == res.id, Outbox.template == "details", Outbox.state.in_(["sent", "saved"]))
        .exists()
    )


def date_communicated(res: Reservation) -> bool:
    """The office communicated this session's date and time (its answer, a mail naming the time, the
    meeting details, a booking made by phone or in the session). Never for a request not yet answered."""
    if res.status in (Status.REQUESTED.value, Status.OFFERED.value):
        return False
    if res.channel in ("phone", "in-session"):
        return True  # said on the phone or in the session itself, when it was booked
    if History.select().where(History.reservation == res.id, History.action.in_(COMMUNICATING_ACTIONS)).exists():
        return True
    return (
        Outbox.select()
        .where(
            Outbox.reservation == res.id,
            Outbox.template.in_(COMMUNICATING_MAILS),
            Outbox.state.in_(["sent", "saved"]),
        )
        .exists()
    )


def booking_complete_by(config: OfficeConfig, session_day: dt.date) -> dt.date | None:
    """The last day the booking may be completed (004 第4条(1): the 前々日 in business days)."""
    return application_deadline(config, session_day)


def offer_too_late(config: OfficeConfig, session_day: dt.date, today: dt.date) -> dt.date | None:
    """The 前々日 when the confirming mail goes out after it (004 第4条(1)), else None."""
    deadline = booking_complete_by(config, session_day)
    return deadline if deadline is not None and today > deadline else None


# ---------------------------------------------------------------- the rules, as lifecycle.act applies them


def offer(ctx: Context, res: Reservation, config: OfficeConfig, new_start: dt.datetime | None, note: str) -> None:
    """004 第4条(2): the office's mail naming an available time (the one asked for, or another) confirms the
    booking on receipt; 004 第4条(1): by the 前々日 of that time, after it only with a reason (原則として)."""
    if not config.get("offer_flow"):
        raise RuleError("not_offer_office")
    if new_start is not None and new_start.replace(second=0, microsecond=0) != res.start:
        _move(ctx, res, config, new_start.replace(second=0, microsecond=0))
    late = offer_too_late(config, res.start.date(), ctx.clock.today())
    if late is not None and not note:
        raise RuleError("offer_too_late", clause=config.clause("application_deadline"), deadline=format_date_ja(late))
    res.offer_reply_by = None  # answered: nothing more is chased (no reply is asked of the applicant)


def _move(ctx: Context, res: Reservation, config: OfficeConfig, start: dt.datetime) -> None:
    """The office answers with another slot: the same reservation moves there, with its seat."""
    length = int((res.end - res.start).total_seconds() // 60)
    booking.check_slot(config, start, ctx, length, new_application=False)  # the 前々日 is checked by offer()
    booking.release_seat(res)
    res.start, res.end = start, start + dt.timedelta(minutes=length)
    res.notify_by = booking._notify_by(config, start.date(), ctx.clock.today())
    res.save()
    key = booking.slot_key(res.office_id, start)
    if booking.overlapping(config):
        seat = booking._claim_free_seat(res.office_id, key, config.seats, res)
    else:
        seat = booking._claim_seat(key, config.seats, res)
    if seat is None:
        raise RuleError("full", clause=config.clause("seats"), start=f"{start:%Y-%m-%d %H:%M}")
    res.seat_no = seat


def check_communicated(config: OfficeConfig, res: Reservation) -> None:
    """003 7(2), 004 第4条(4): the 10-minute rule holds for a session whose date and time were communicated."""
    if not date_communicated(res):
        raise RuleError("no_show_not_communicated", clause=config.clause("no_show"))


def check_details_sent(config: OfficeConfig, res: Reservation, before: str, note: str) -> None:
    """000 第5条(2): those who got the details by mail may join; check-in without them needs a reason.
    Where the seed says so (the preset's clause ``details_required``: Nishitokyo)."""
    if before == Status.CHECKED_IN.value or note or not config.clause("details_required"):
        return
    if not details_went_out(res):
        raise RuleError("details_not_sent", clause=config.clause("details_required"))


def check_can_end(config: OfficeConfig, attempts: list[str], note: str) -> None:
    """After a connection failure: unreachable after at least one logged call; where the city arranges
    nothing else unless it caused the failure (000 第10条(7) 「一定時間経過しても繋がらない場合は相談を終了」),
    the consultation may simply end, with a reason, without a logged call."""
    if attempts:
        return
    if config.get("reschedule_after_connection_failure") != "city_fault_only":
        raise RuleError("callback_no_attempt")
    if not note:
        raise RuleError("reason_required", clause=config.clause("city_fault_end"))


def reason_needed(action: str, res: Reservation, config: OfficeConfig, today: dt.date) -> RuleError | None:
    """Why ``action`` on ``res`` needs a reason from staff now (the window asks for it; the service
    refuses without one): the confirming mail after the 前々日 (004 第4条(1)), check-in without the details
    sent (000 第5条(2)), ending after a failure without a logged call (000 第10条(7)). None: no reason needed."""
    if action == "offer" and config.get("offer_flow"):
        late = offer_too_late(config, res.start.date(), today)
        if late is not None:
            return RuleError("offer_too_late", clause=config.clause("application_deadline"), deadline=format_date_ja(late))
    if action == "check-in" and res.status != Status.CHECKED_IN.value and config.clause("details_required"):
        if not details_went_out(res):
            return RuleError("details_not_sent", clause=config.clause("details_required"))
    if action == "unreachable" and config.get("reschedule_after_connection_failure") == "city_fault_only":
        from consult_desk.lifecycle import _attempt_results

        if not _attempt_results(res):
            return RuleError("reason_required", clause=config.clause("city_fault_end"))
    return None
