"""The reservation life cycle as an explicit state machine.

``TRANSITIONS[action]`` says from which statuses an action may start and where it leads.
Every service that changes a status goes through :func:`target_status`, so a transition that
is not in this table cannot happen.
"""

from __future__ import annotations

from enum import StrEnum

from consult_desk.actions import VIA_BOOK, VIA_CALLBACK, VIA_CANCEL, VIA_CREDENTIALS, Action, ActionSpec, Need
from consult_desk.errors import RuleError, language


class Status(StrEnum):
    REQUESTED = "requested"
    OFFERED = "offered"
    CONFIRMED = "confirmed"
    DETAILS_SENT = "details_sent"
    CHECKED_IN = "checked_in"
    IN_SESSION = "in_session"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    PHONE_CALLBACK = "phone_callback"
    COMPLETED_BY_PHONE = "completed_by_phone"
    RESCHEDULED = "rescheduled"
    UNREACHABLE = "unreachable"
    TERMINATED = "terminated"
    REFUSED = "refused"


S = Status
BOOKED = (S.REQUESTED, S.OFFERED, S.CONFIRMED, S.DETAILS_SENT)
ACTIVE = (S.CHECKED_IN, S.IN_SESSION)
FINAL = (
    S.COMPLETED,
    S.CANCELLED,
    S.NO_SHOW,
    S.COMPLETED_BY_PHONE,
    S.RESCHEDULED,
    S.UNREACHABLE,
    S.TERMINATED,
    S.REFUSED,
)
# Statuses that keep a seat: everything not final.
HOLDS_SEAT = (*BOOKED, *ACTIVE, S.PHONE_CALLBACK)
# Earlier trouble shown at the next booking (003 7(2), 004 第4条(4), 002 6).
TROUBLE = (S.NO_SHOW, S.TERMINATED, S.REFUSED)

A = Action
N = Need

# The one table of actions (see consult_desk.actions): every service enforces it, every view and the
# command line read it to know what to offer, what to ask and what to confirm.
SPECS: dict[Action, ActionSpec] = {
    spec.action: spec
    for spec in (
        # 004 第4条(2): the office's mail naming an available time confirms the booking on receipt (issue 12)
        ActionSpec(A.OFFER, (S.REQUESTED,), S.CONFIRMED, ("日時を提示", "Offer a time")),
        ActionSpec(A.CONFIRM, (S.REQUESTED, S.OFFERED), S.CONFIRMED, ("予約確定", "Confirm")),
        # the way in must be complete for the office's platform before it is "sent" (000 第4条(3))
        ActionSpec(
            A.SEND_DETAILS, (S.CONFIRMED,), S.DETAILS_SENT, ("案内送付済にする", "Mark details sent"),
            needs=frozenset({N.MEETING_DETAILS}), irreversible=True,
        ),
        # from checked_in too: a repeated connection test replaces the last one (000 第5条(4))
        ActionSpec(
            A.CHECK_IN, (S.CONFIRMED, S.DETAILS_SENT, S.CHECKED_IN), S.CHECKED_IN, ("入室確認", "Check in"),
            needs=frozenset({N.CONNECTION_TEST}),
        ),
        ActionSpec(A.START, (S.CHECKED_IN,), S.IN_SESSION, ("相談開始", "Start")),
        ActionSpec(A.EXTEND, (S.CHECKED_IN, S.IN_SESSION), None, ("延長", "Extend")),  # minutes: default up to the maximum
        ActionSpec(A.COMPLETE, (S.IN_SESSION,), S.COMPLETED, ("相談終了", "Complete"), irreversible=True),
        ActionSpec(
            A.NO_SHOW, BOOKED, S.NO_SHOW, ("無断キャンセル", "No-show"),
            needs=frozenset({N.REASON}), irreversible=True,
        ),
        ActionSpec(A.CONNECTION_FAILED, (S.CHECKED_IN, S.IN_SESSION), S.PHONE_CALLBACK, ("接続不良", "Connection failed")),
        ActionSpec(
            A.COMPLETE_BY_PHONE, (S.PHONE_CALLBACK,), S.COMPLETED_BY_PHONE, ("電話相談で終了", "Completed by phone"),
            needs=frozenset({N.MINUTES}), irreversible=True,
        ),
        # a reason (and the city's fault) where the office reschedules only then (000 第10条(7)): see lifecycle
        ActionSpec(
            A.RESCHEDULE, (*BOOKED, S.PHONE_CALLBACK), S.RESCHEDULED, ("日程変更", "Reschedule"),
            needs=frozenset({N.TROUBLE_ACK}), irreversible=True,
        ),
        ActionSpec(A.UNREACHABLE, (S.PHONE_CALLBACK,), S.UNREACHABLE, ("連絡不通", "Unreachable"), irreversible=True),
        ActionSpec(
            A.TERMINATE, (S.CHECKED_IN, S.IN_SESSION, S.PHONE_CALLBACK), S.TERMINATED, ("中止（禁止行為）", "Terminate"),
            needs=frozenset({N.PROHIBITED_ACT, N.REASON}), irreversible=True,
        ),
        ActionSpec(A.REFUSE, BOOKED, S.REFUSED, ("お断り", "Refuse"), needs=frozenset({N.REASON}), irreversible=True),
        ActionSpec(
            A.CANCEL, BOOKED, S.CANCELLED, ("キャンセル", "Cancel"),
            needs=frozenset({N.CHANNEL}), irreversible=True, permission="cancel", via=VIA_CANCEL,
        ),
        ActionSpec(A.CONTACT, (*BOOKED, *ACTIVE, S.PHONE_CALLBACK), None, ("連絡を記録", "Record contact"), needs=frozenset({N.REASON})),
        # back to the status before the no-show
        ActionSpec(
            A.UNDO_NO_SHOW, (S.NO_SHOW,), None, ("無断キャンセルを取消", "Undo no-show"),
            needs=frozenset({N.REASON}), permission="undo_no_show",
        ),
        ActionSpec(
            A.BOOK, (), None, ("予約受付", "Booked"), needs=frozenset({N.CHANNEL, N.TROUBLE_ACK}), permission="book", via=VIA_BOOK,
        ),
        ActionSpec(
            A.CALLBACK_ATTEMPT, (S.PHONE_CALLBACK,), None, ("折返し電話", "Callback attempt"),
            needs=frozenset({N.CALLBACK_RESULT}), via=VIA_CALLBACK,
        ),
        ActionSpec(
            A.CREDENTIALS, HOLDS_SEAT, None, ("接続情報", "Meeting credentials"), permission="set_credentials", via=VIA_CREDENTIALS,
        ),
        ActionSpec(
            A.NEXT_BOOKING, ACTIVE, None, ("次回予約", "Next booking"), needs=frozenset({N.TROUBLE_ACK}), permission="book", via=VIA_BOOK,
        ),
    )
}

# The state machine: action -> (allowed from, leads to); None means "stays where it is".
TRANSITIONS: dict[Action, tuple[tuple[Status, ...], Status | None]] = {
    a: (spec.sources, spec.target) for a, spec in SPECS.items() if spec.transition
}
ACTIONS = tuple(TRANSITIONS)

STATUS_LABELS: dict[Status, tuple[str, str]] = {
    S.REQUESTED: ("申込受付", "requested"),
    S.OFFERED: ("日時提示中", "offered"),
    S.CONFIRMED: ("予約確定", "confirmed"),
    S.DETAILS_SENT: ("案内送付済", "details sent"),
    S.CHECKED_IN: ("入室確認済", "checked in"),
    S.IN_SESSION: ("相談中", "in session"),
    S.COMPLETED: ("終了", "completed"),
    S.CANCELLED: ("キャンセル", "cancelled"),
    S.NO_SHOW: ("無断キャンセル", "no-show"),
    S.PHONE_CALLBACK: ("電話折返し", "phone callback"),
    S.COMPLETED_BY_PHONE: ("電話相談で終了", "completed by phone"),
    S.RESCHEDULED: ("日程変更", "rescheduled"),
    S.UNREACHABLE: ("連絡不通", "unreachable"),
    S.TERMINATED: ("中止（禁止行為）", "terminated"),
    S.REFUSED: ("お断り", "refused"),
}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    **{a.value: spec.label for a, spec in SPECS.items()},
    "undo": ("元に戻す", "Undone"),  # issue 15: the last reversible step taken back (a history entry)
}

# Actions that cannot be undone from the window without a supervisor: ask before doing them.
IRREVERSIBLE = frozenset(a for a, spec in SPECS.items() if spec.irreversible)


def status_label(status: str) -> str:
    ja, en = STATUS_LABELS.get(Status(status), (status, status))
    return en if language() == "en" else ja


def action_label(action: str) -> str:
    ja, en = ACTION_LABELS.get(action, (action, action))
    return en if language() == "en" else ja


def spec(action: str) -> ActionSpec:
    """The spec of ``action``; an unknown name is refused with the rule's sentence."""
    try:
        return SPECS[Action(action)]
    except ValueError:
        raise RuleError("unknown_action", action=action) from None


def allowed_actions(status: str) -> list[Action]:
    """Actions the state machine allows from ``status`` (the window shows only these)."""
    return [a for a, (sources, _) in TRANSITIONS.items() if Status(status) in sources]


def target_status(action: str, status: str) -> Status | None:
    """Where ``action`` leads from ``status``; refuses with a rule error when not allowed."""
    if action not in TRANSITIONS:
        raise RuleError("transition", status=status_label(status), action=action)
    sources, target = TRANSITIONS[Action(action)]
    if Status(status) not in sources:
        raise RuleError("transition", status=status_label(status), action=action_label(action))
    return target
