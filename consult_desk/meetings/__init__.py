"""Meetings created by the platforms (issue 16): Zoom (Server-to-Server OAuth) and Microsoft Teams
(Microsoft Graph, client credentials). No Qt here: the window runs these calls in a worker thread.

ROOMS, TeleOffice and generic web meetings have no public API for this: their credentials are typed
in by staff, as before.
"""

from consult_desk.meetings.base import MeetingError
from consult_desk.meetings.service import (
    Outcome,
    cleanup_list,
    create_meeting,
    delete_meeting,
    follow_action,
    follow_purge,
    move_meeting,
    platform_test,
    retry_cleanup,
    wants_follow_up,
)
from consult_desk.meetings.settings import MeetingSettings, parse, secret_account

__all__ = [
    "MeetingError",
    "MeetingSettings",
    "Outcome",
    "cleanup_list",
    "create_meeting",
    "delete_meeting",
    "follow_action",
    "follow_purge",
    "move_meeting",
    "parse",
    "platform_test",
    "retry_cleanup",
    "secret_account",
    "wants_follow_up",
]
