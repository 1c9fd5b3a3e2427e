"""Steps tests take through the life cycle with what the action table requires of them."""

from __future__ import annotations

from consult_desk import credentials, lifecycle
from consult_desk.actions import Action
from consult_desk.context import Context
from consult_desk.demo import demo_credentials
from consult_desk.lifecycle import ActOptions
from consult_desk.offices import get_config


def give_details(ctx: Context, reservation_id: int) -> None:
    """Register complete meeting details for the office's platform (unless some are set already)."""
    if credentials.current(reservation_id) is not None:
        return
    res = lifecycle.get_reservation(reservation_id)
    credentials.set_credentials(ctx, reservation_id, demo_credentials(get_config(res.office_id), reservation_id))


def send_details(ctx: Context, reservation_id: int, channel: str = "email"):
    """Meeting details registered, then marked as sent (send-details needs them)."""
    give_details(ctx, reservation_id)
    return lifecycle.act(ctx, reservation_id, Action.SEND_DETAILS, ActOptions(channel=channel))


def check_in(ctx: Context, reservation_id: int, **checks):
    """A check-in with the connection test passed (or the given checks)."""
    return lifecycle.act(ctx, reservation_id, Action.CHECK_IN, ActOptions(checks={**lifecycle.PASSED_CHECKS, **checks}))
