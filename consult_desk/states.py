"""The reservation life cycle as an explicit state machine.

``TRANSITIONS[action]`` says from which statuses an action may start and where it leads.
Every service that changes a status goes through :func:`target_status`, so a transition that
is not in this table cannot happen.
"""

from __future__ import annotations

from enum import StrEnum

from consult_desk.actions import VIA_BOOK, VIA_CALLBACK, VIA_CANCEL, VIA_CREDENTIALS, Action, ActionSpec, Need
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

A = Action
N = Need

# The one table of actions (see consult_desk.actions): every service enforces it, every view and the
# command line read it to know what to offer, what to ask and what to confirm.
SPECS: dict[Action, ActionSpec] = {
    spec.action: spec
    for spec in (
        # 004 第4条(2): the office's mail naming an available time confirms the booking on receipt (issue 12)
        ActionSpec(A.OFFER, (S.REQUESTED,), S.CONFIRMED, NP_("states.action", "Offer a time")),
        ActionSpec(A.CONFIRM, (S.REQUESTED, S.OFFERED), S.CONFIRMED, NP_("states.action", "Confirm")),
        # the way in must be complete for the office's platform before it is "sent" (000 第4条(3))
        ActionSpec(
            A.SEND_DETAILS, (S.CONFIRMED,), S.DETAILS_SENT, NP_("states.action", "Mark details sent"),
            needs=frozenset({N.MEETING_DETAILS}), irreversible=True,
        ),
        # from checked_in too: a repeated connection test replaces the last one (000 第5条(4))
        ActionSpec(
            A.CHECK_IN, (S.CONFIRMED, S.DETAILS_SENT, S.CHECKED_IN), S.CHECKED_IN, NP_("states.action", "Check in"),
            needs=frozenset({N.CONNECTION_TEST}),
        ),
        ActionSpec(A.START, (S.CHECKED_IN,), S.IN_SESSION, NP_("states.action", "Start")),
        ActionSpec(A.EXTEND, (S.CHECKED_IN, S.IN_SESSION), None, NP_("states.action", "Extend")),  # minutes: default up to the maximum
        ActionSpec(A.COMPLETE, (S.IN_SESSION,), S.COMPLETED, NP_("states.action", "Complete"), irreversible=True),
        ActionSpec(
            A.NO_SHOW, BOOKED, S.NO_SHOW, NP_("states.action", "No-show"),
            needs=frozenset({N.REASON}), irreversible=True,
        ),
        ActionSpec(A.CONNECTION_FAILED, (S.CHECKED_IN, S.IN_SESSION), S.PHONE_CALLBACK, NP_("states.action", "Connection failed")),
        ActionSpec(
            A.COMPLETE_BY_PHONE, (S.PHONE_CALLBACK,), S.COMPLETED_BY_PHONE, NP_("states.action", "Completed by phone"),
            needs=frozenset({N.MINUTES}), irreversible=True,
        ),
        # a reason (and the city's fault) where the office reschedules only then (000 第10条(7)): see lifecycle
        ActionSpec(
            A.RESCHEDULE, (*BOOKED, S.PHONE_CALLBACK), S.RESCHEDULED, NP_("states.action", "Reschedule"),
            needs=frozenset({N.TROUBLE_ACK}), irreversible=True,
        ),
        ActionSpec(A.UNREACHABLE, (S.PHONE_CALLBACK,), S.UNREACHABLE, NP_("states.action", "Unreachable"), irreversible=True),
        ActionSpec(
            A.TERMINATE, (S.CHECKED_IN, S.IN_SESSION, S.PHONE_CALLBACK), S.TERMINATED, NP_("states.action", "Terminate"),
            needs=frozenset({N.PROHIBITED_ACT, N.REASON}), irreversible=True,
        ),
        ActionSpec(A.REFUSE, BOOKED, S.REFUSED, NP_("states.action", "Refuse"), needs=frozenset({N.REASON}), irreversible=True),
        ActionSpec(
            A.CANCEL, BOOKED, S.CANCELLED, NP_("states.action", "Cancel"),
            needs=frozenset({N.CHANNEL}), irreversible=True, permission="cancel", via=VIA_CANCEL,
        ),
        ActionSpec(A.CONTACT, (*BOOKED, *ACTIVE, S.PHONE_CALLBACK), None, NP_("states.action", "Record contact"), needs=frozenset({N.REASON})),
        # back to the status before the no-show
        ActionSpec(
            A.UNDO_NO_SHOW, (S.NO_SHOW,), None, NP_("states.action", "Undo no-show"),
            needs=frozenset({N.REASON}), permission="undo_no_show",
        ),
        ActionSpec(
            A.BOOK, (), None, NP_("states.action", "Booked"), needs=frozenset({N.CHANNEL, N.TROUBLE_ACK}), permission="book", via=VIA_BOOK,
        ),
        ActionSpec(
            A.CALLBACK_ATTEMPT, (S.PHONE_CALLBACK,), None, NP_("states.action", "Callback attempt"),
            needs=frozenset({N.CALLBACK_RESULT}), via=VIA_CALLBACK,
        ),
        ActionSpec(
            A.CREDENTIALS, HOLDS_SEAT, None, NP_("states.action", "Meeting credentials"), permission="set_credentials", via=VIA_CREDENTIALS,
        ),
        ActionSpec(
            A.NEXT_BOOKING, ACTIVE, None, NP_("states.action", "Next booking"), needs=frozenset({N.TROUBLE_ACK}), permission="book", via=VIA_BOOK,
        ),
    )
}

# The state machine: action -> (allowed from, leads to); None means "stays where it is".
TRANSITIONS: dict[Action, tuple[tuple[Status, ...], Status | None]] = {
    a: (spec.sources, spec.target) for a, spec in SPECS.items() if spec.transition
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
    **{a.value: spec.label for a, spec in SPECS.items()},
    "undo": NP_("states.action", "Undone"),  # issue 15: the last reversible step taken back (a history entry)
}

# Actions that cannot be undone from the window without a supervisor: ask before doing them.
IRREVERSIBLE = frozenset(a for a, spec in SPECS.items() if spec.irreversible)


def status_label(status: str) -> str:
    return _p("states.status", STATUS_LABELS.get(Status(status), status))


def action_label(action: str) -> str:
    return _p("states.action", ACTION_LABELS.get(action, action))


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
