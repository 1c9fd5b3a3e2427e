"""Fill the shell's opener table (shell/openers.py) with the areas' dialogs.

Private to the shell: the main window calls ``install()`` when it is made. Each opener imports its
module when first used, so the window still starts without the booking dialog or the mail preview.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consult_desk.ui.shell.openers import OPENERS


def _booking_dialog(*args: Any, **kwargs: Any) -> Any:
    from consult_desk.ui.desk.booking_dialog import BookingDialog

    return BookingDialog(*args, **kwargs)


def _next_booking(*args: Any) -> Any:
    from consult_desk.ui.desk.next_booking import open_next_booking

    return open_next_booking(*args)


def _mail_preview(ctx: Any, reservation_id: int, template: str | None, parent: Any = None) -> Any:
    from consult_desk.ui.mail.mail_preview_dialog import MailPreviewDialog

    return MailPreviewDialog(ctx, reservation_id, template, parent)


def _callback_panel(*args: Any) -> Any:
    from consult_desk.ui.session.callback_panel import open_callback_panel

    return open_callback_panel(*args)


def _run_action(
    ctx: Any, reservation_id: int, action: str, parent: Any, after: Callable[[int], object] | None = None
) -> Any:
    from consult_desk.ui.session.action_runner import run_action

    return run_action(ctx, reservation_id, action, parent, after)


def install() -> None:
    OPENERS.booking_dialog = _booking_dialog
    OPENERS.next_booking = _next_booking
    OPENERS.mail_preview = _mail_preview
    OPENERS.callback_panel = _callback_panel
    OPENERS.run_action = _run_action
