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

from consult_desk.booking import application_deadline
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
