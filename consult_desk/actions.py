"""What a staff member can do to a reservation, as data.

:class:`Action` names every action (the values are the names the history, the command line and the
window have always used: ``"offer"``, ``"check-in"``, ``"no-show"``...). :class:`ActionSpec` says,
for one action, from which statuses it may start and where it leads, what it needs before it can
run (:class:`Need`), whether it cannot be undone (the window asks first) and which permission (so
which roles) it takes. The one table of specs lives beside the state machine in
:data:`consult_desk.states.SPECS`; the services enforce it (:func:`consult_desk.lifecycle.act`,
``lifecycle.cancel``, ``booking.book``) and every caller asks it what to offer, what to ask and what
to confirm (:func:`consult_desk.lifecycle.offered_actions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consult_desk.states import Status


class Action(StrEnum):
    OFFER = "offer"
    CONFIRM = "confirm"
    SEND_DETAILS = "send-details"
    CHECK_IN = "check-in"
    START = "start"
    EXTEND = "extend"
    COMPLETE = "complete"
    NO_SHOW = "no-show"
    CONNECTION_FAILED = "connection-failed"
    COMPLETE_BY_PHONE = "complete-by-phone"
    RESCHEDULE = "reschedule"
    UNREACHABLE = "unreachable"
    TERMINATE = "terminate"
    REFUSE = "refuse"
    CANCEL = "cancel"
    CONTACT = "contact"
    UNDO_NO_SHOW = "undo-no-show"
    # Not status changes of an existing reservation through ``lifecycle.act``, but actions all the same:
    BOOK = "book"  # booking.book (a new reservation)
    CALLBACK_ATTEMPT = "callback-attempt"  # lifecycle.log_callback_attempt
    CREDENTIALS = "credentials"  # credentials.set_credentials / reissue / revoke (history entries)
    NEXT_BOOKING = "next-booking"  # session.book_next: the next session booked from a running one


class Need(StrEnum):
    """Something an action cannot run without (asked by the window, a flag on the command line)."""

    REASON = "reason"  # a note saying why (ActOptions.note)
    CHANNEL = "channel"  # by which channel the applicant asked (ActOptions.channel)
    MINUTES = "minutes"  # ActOptions.minutes
    PROHIBITED_ACT = "prohibited_act"  # the key of one of the office's prohibited acts
    MEETING_DETAILS = "meeting_details"  # complete credentials for the office's platform
    TROUBLE_ACK = "trouble_acknowledgement"  # explicit acknowledgement of earlier trouble (only if there is any)
    CONNECTION_TEST = "connection_test"  # the result of the connection test before the start (000 第5条(4))
    CALLBACK_RESULT = "callback_result"  # reached / no answer / busy


# How the service carries out an action.
VIA_ACT = "act"  # lifecycle.act
VIA_CANCEL = "cancel"  # lifecycle.cancel
VIA_BOOK = "book"  # booking.book (and lifecycle.reschedule, session.book_next that book through it)
VIA_CALLBACK = "callback"  # lifecycle.log_callback_attempt
VIA_CREDENTIALS = "credentials"  # consult_desk.credentials


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it may start, where it leads, what it needs, who may do it."""

    action: Action
    sources: tuple[Status, ...]  # statuses it may start from (empty: it creates a reservation)
    target: Status | None  # where it leads; None: the status stays (or, undo-no-show, goes back)
    label: tuple[str, str]  # (Japanese, English)
    needs: frozenset[Need] = frozenset()
    irreversible: bool = False  # cannot be undone from the desk: the window asks before doing it
    permission: str = "act"  # consult_desk.permissions key
    via: str = VIA_ACT

    @property
    def roles(self) -> frozenset[str]:
        """The roles that may do it (from :data:`consult_desk.permissions.PERMISSIONS`)."""
        from consult_desk.permissions import PERMISSIONS

        return PERMISSIONS.get(self.permission, frozenset())

    @property
    def transition(self) -> bool:
        """A step of the state machine (``lifecycle.act`` or ``lifecycle.cancel``)."""
        return self.via in (VIA_ACT, VIA_CANCEL)

    def allowed_from(self, status: str) -> bool:
        return status in {s.value for s in self.sources}


@dataclass(frozen=True)
class Offer:
    """An action offered for one reservation and actor now: what it needs and, when a rule already
    known to refuse it stands in the way, the sentence saying why (the window may show the button
    disabled with that sentence; the service refuses with the same one)."""

    action: Action
    spec: ActionSpec
    needs: frozenset[Need]
    refusal: str | None = None  # None: nothing known against it
    refusal_code: str | None = None

    @property
    def irreversible(self) -> bool:
        return self.spec.irreversible

    @property
    def available(self) -> bool:
        return self.refusal is None
