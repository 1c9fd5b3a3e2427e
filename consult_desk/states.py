"""The reservation life cycle as an explicit state machine.

``TRANSITIONS[action]`` says from which statuses an action may start and where it leads.
Every service that changes a status goes through :func:`target_status`, so a transition that
is not in this table cannot happen.
"""

from __future__ import annotations

from enum import StrEnum

from consult_desk.errors import RuleError
from consult_desk.i18n import NP_, _p


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
    "offer": ((S.REQUESTED,), S.OFFERED),
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

STATUS_LABELS: dict[Status, str] = {
    S.REQUESTED: NP_("states.status", "requested"),
    S.OFFERED: NP_("states.status", "offered"),
    S.CONFIRMED: NP_("states.status", "confirmed"),
    S.DETAILS_SENT: NP_("states.status", "details sent"),
    S.CHECKED_IN: NP_("states.status", "checked in"),
    S.IN_SESSION: NP_("states.status", "in session"),
    S.COMPLETED: NP_("states.status", "completed"),
    S.CANCELLED: NP_("states.status", "cancelled"),
    S.NO_SHOW: NP_("states.status", "no-show"),
    S.PHONE_CALLBACK: NP_("states.status", "phone callback"),
    S.COMPLETED_BY_PHONE: NP_("states.status", "completed by phone"),
    S.RESCHEDULED: NP_("states.status", "rescheduled"),
    S.UNREACHABLE: NP_("states.status", "unreachable"),
    S.TERMINATED: NP_("states.status", "terminated"),
    S.REFUSED: NP_("states.status", "refused"),
}

ACTION_LABELS: dict[str, str] = {
    "offer": NP_("states.action", "Offer a time"),
    "confirm": NP_("states.action", "Confirm"),
    "send-details": NP_("states.action", "Mark details sent"),
    "check-in": NP_("states.action", "Check in"),
    "start": NP_("states.action", "Start"),
    "extend": NP_("states.action", "Extend"),
    "complete": NP_("states.action", "Complete"),
    "no-show": NP_("states.action", "No-show"),
    "connection-failed": NP_("states.action", "Connection failed"),
    "complete-by-phone": NP_("states.action", "Completed by phone"),
    "reschedule": NP_("states.action", "Reschedule"),
    "unreachable": NP_("states.action", "Unreachable"),
    "terminate": NP_("states.action", "Terminate"),
    "refuse": NP_("states.action", "Refuse"),
    "cancel": NP_("states.action", "Cancel"),
    "contact": NP_("states.action", "Record contact"),
    "undo-no-show": NP_("states.action", "Undo no-show"),
    "book": NP_("states.action", "Booked"),
    "callback-attempt": NP_("states.action", "Callback attempt"),
    "credentials": NP_("states.action", "Meeting credentials"),
}

# Actions that cannot be undone from the window without a supervisor: ask before doing them.
IRREVERSIBLE = frozenset(
    {"cancel", "no-show", "refuse", "terminate", "complete", "complete-by-phone", "unreachable", "reschedule"}
)


def status_label(status: str) -> str:
    return _p("states.status", STATUS_LABELS.get(Status(status), status))


def action_label(action: str) -> str:
    return _p("states.action", ACTION_LABELS.get(action, action))


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
