"""The reservation life cycle as an explicit state machine.

``TRANSITIONS[action]`` says from which statuses an action may start and where it leads.
Every service that changes a status goes through :func:`target_status`, so a transition that
is not in this table cannot happen.
"""

from __future__ import annotations

from enum import StrEnum

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

# action -> (allowed from, leads to); None means "stays where it is"
TRANSITIONS: dict[str, tuple[tuple[Status, ...], Status | None]] = {
    # 004 第4条(2): the office's mail naming an available time confirms the booking on receipt (issue 12)
    "offer": ((S.REQUESTED,), S.CONFIRMED),
    "confirm": ((S.REQUESTED, S.OFFERED), S.CONFIRMED),
    "send-details": ((S.CONFIRMED,), S.DETAILS_SENT),
    # from checked_in too: a repeated connection test replaces the last one (000 第5条(4))
    "check-in": ((S.CONFIRMED, S.DETAILS_SENT, S.CHECKED_IN), S.CHECKED_IN),
    "start": ((S.CHECKED_IN,), S.IN_SESSION),
    "extend": ((S.CHECKED_IN, S.IN_SESSION), None),
    "complete": ((S.IN_SESSION,), S.COMPLETED),
    "no-show": ((S.REQUESTED, S.OFFERED, S.CONFIRMED, S.DETAILS_SENT), S.NO_SHOW),
    "connection-failed": ((S.CHECKED_IN, S.IN_SESSION), S.PHONE_CALLBACK),
    "complete-by-phone": ((S.PHONE_CALLBACK,), S.COMPLETED_BY_PHONE),
    "reschedule": ((S.REQUESTED, S.OFFERED, S.CONFIRMED, S.DETAILS_SENT, S.PHONE_CALLBACK), S.RESCHEDULED),
    "unreachable": ((S.PHONE_CALLBACK,), S.UNREACHABLE),
    "terminate": ((S.CHECKED_IN, S.IN_SESSION, S.PHONE_CALLBACK), S.TERMINATED),
    "refuse": ((S.REQUESTED, S.OFFERED, S.CONFIRMED, S.DETAILS_SENT), S.REFUSED),
    "cancel": ((S.REQUESTED, S.OFFERED, S.CONFIRMED, S.DETAILS_SENT), S.CANCELLED),
    "contact": ((*BOOKED, *ACTIVE, S.PHONE_CALLBACK), None),
    "undo-no-show": ((S.NO_SHOW,), None),  # back to the status before the no-show
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
    "offer": ("日時を提示", "Offer a time"),
    "confirm": ("予約確定", "Confirm"),
    "send-details": ("案内送付済にする", "Mark details sent"),
    "check-in": ("入室確認", "Check in"),
    "start": ("相談開始", "Start"),
    "extend": ("延長", "Extend"),
    "complete": ("相談終了", "Complete"),
    "no-show": ("無断キャンセル", "No-show"),
    "connection-failed": ("接続不良", "Connection failed"),
    "complete-by-phone": ("電話相談で終了", "Completed by phone"),
    "reschedule": ("日程変更", "Reschedule"),
    "unreachable": ("連絡不通", "Unreachable"),
    "terminate": ("中止（禁止行為）", "Terminate"),
    "refuse": ("お断り", "Refuse"),
    "cancel": ("キャンセル", "Cancel"),
    "contact": ("連絡を記録", "Record contact"),
    "undo-no-show": ("無断キャンセルを取消", "Undo no-show"),
    "book": ("予約受付", "Booked"),
    "callback-attempt": ("折返し電話", "Callback attempt"),
    "credentials": ("接続情報", "Meeting credentials"),
}

# Actions that cannot be undone from the window without a supervisor: ask before doing them.
IRREVERSIBLE = frozenset(
    {"cancel", "no-show", "refuse", "terminate", "complete", "complete-by-phone", "unreachable", "reschedule"}
)


def status_label(status: str) -> str:
    ja, en = STATUS_LABELS.get(Status(status), (status, status))
    return en if language() == "en" else ja


def action_label(action: str) -> str:
    ja, en = ACTION_LABELS.get(action, (action, action))
    return en if language() == "en" else ja


def allowed_actions(status: str) -> list[str]:
    """Actions the state machine allows from ``status`` (the window shows only these)."""
    return [a for a, (sources, _) in TRANSITIONS.items() if Status(status) in sources]


def target_status(action: str, status: str) -> Status | None:
    """Where ``action`` leads from ``status``; refuses with a rule error when not allowed."""
    if action not in TRANSITIONS:
        raise RuleError("transition", status=status_label(status), action=action)
    sources, target = TRANSITIONS[action]
    if Status(status) not in sources:
        raise RuleError("transition", status=status_label(status), action=action_label(action))
    return target
