"""The next booking made inside a running session (003 7(1), 004 第4条(3)): the booking dialog opens
with the channel "in session" and the current applicant's data, companions and consent (when the
terms version is unchanged). Two steps: pick the slot, book; the booking is confirmed at once."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from consult_desk import lifecycle, session
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import get_config
from consult_desk.ui.widgets.messages import show_error


def open_next_booking(ctx: Context, reservation_id: int, parent: QWidget | None = None) -> QDialog | None:
    """The prefilled booking dialog (not yet shown), or None after showing why it cannot be made."""
    try:
        session.require_next_booking_allowed(reservation_id)
        prefill = session.next_booking_prefill(reservation_id)
    except ConsultDeskError as exc:
        show_error(parent, exc)
        return None
    res = lifecycle.get_reservation(reservation_id)
    config = get_config(res.office_id)
    values = {k: str(v) for k, v in prefill["values"].items() if v}
    from consult_desk.ui.desk.booking_dialog import BookingDialog  # imported when first used (start-up)

    dialog = BookingDialog(ctx, res.office_id, parent, prefill=values, channel="in-session")
    dialog.setObjectName("next_booking_dialog")
    if config.get("companions", "none") != "none":
        for companion in prefill["companions"]:
            dialog.add_companion(companion["name"], companion["relation"])
    if prefill["consent_items"] is not None:
        dialog.set_consent(prefill["consent_items"], config.terms_version)
    dialog.note.setText(f"予約{reservation_id}の相談中に受付")
    return dialog
