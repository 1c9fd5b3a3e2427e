"""Complete meeting details for a reservation, by the office's platform: 'details sent' needs them
(000 第4条(3); issue 12)."""

from __future__ import annotations

from consult_desk import credentials
from consult_desk.models import Reservation
from consult_desk.offices import get_config

WAY_IN = {
    "zoom": {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"},
    "rooms": {"room_key": "RK-4471"},
    "webmeeting": {"meeting_id": "4471001", "password": "Pw-20270120"},
    "teams": {"url": "https://teams.microsoft.com/l/meetup-join/{rid}"},
    "teleoffice": {"url": "https://teleoffice.example.jp/r/{rid}"},
}


def complete_details(ctx, reservation_id: int) -> None:
    """Set the platform's details unless they are complete already."""
    if credentials.complete(reservation_id):
        return
    res = Reservation.get_by_id(reservation_id)
    platform = get_config(res.office_id).platform
    values = {k: v.replace("{rid}", str(reservation_id)) for k, v in WAY_IN[platform].items()}
    credentials.set_credentials(ctx, reservation_id, values)
