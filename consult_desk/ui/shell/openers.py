"""How one area opens another area's dialog without importing it (the shell's public interface).

The areas (desk, session, mail, supervisor) do not import each other (import-linter contract in
pyproject.toml). When the Today board needs the booking dialog, or the reservation panel the mail
preview, it calls the opener here; the shell fills the table once at start (``shell/wiring.py``,
called by the main window; the UI tests call it the same way). An opener that was never installed is
a programming error and says which one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from consult_desk.context import Context


class BookingOpener(Protocol):
    def __call__(
        self,
        ctx: Context,
        office: str,
        parent: QWidget | None = None,
        start: dt.datetime | None = None,
        prefill: dict[str, str] | None = None,
        channel: str | None = None,
        rescheduled_from: int | None = None,
        event_id: int | None = None,
    ) -> QDialog: ...


class ActionRunner(Protocol):
    def __call__(
        self, ctx: Context, reservation_id: int, action: str, parent: QWidget,
        after: Callable[[int], object] | None = None,
    ) -> QDialog | bool | None: ...


@dataclass
class Openers:
    booking_dialog: BookingOpener | None = None
    """The booking dialog (desk), not yet shown; ``dialog.reservation`` is the booking once accepted."""
    next_booking: Callable[[Context, int, QWidget | None], QDialog | None] | None = None
    """The booking dialog prefilled for the next booking inside a running session (desk)."""
    mail_preview: Callable[[Context, int, str | None, QWidget | None], QDialog] | None = None
    """The mail preview of one reservation with a template (mail), not yet shown."""
    callback_panel: Callable[[Context, int, QWidget | None], QDialog | None] | None = None
    """The callback panel of a session (session): one per session, brought to front."""
    run_action: ActionRunner | None = None
    """The one action runner (session/action_runner.py) the Today board and the panel both use."""


OPENERS = Openers()


def _need(name: str) -> object:
    opener = getattr(OPENERS, name)
    if opener is None:
        raise RuntimeError(f"ui opener {name!r} not installed: call consult_desk.ui.shell.wiring.install()")
    return opener


def booking_dialog(ctx: Context, office: str, parent: QWidget | None = None, **kwargs: object) -> QDialog:
    opener: BookingOpener = _need("booking_dialog")  # type: ignore[assignment]
    return opener(ctx, office, parent, **kwargs)  # type: ignore[arg-type]


def next_booking(ctx: Context, reservation_id: int, parent: QWidget | None = None) -> QDialog | None:
    opener: Callable[[Context, int, QWidget | None], QDialog | None] = _need("next_booking")  # type: ignore[assignment]
    return opener(ctx, reservation_id, parent)


def mail_preview(ctx: Context, reservation_id: int, template: str | None, parent: QWidget | None = None) -> QDialog:
    opener: Callable[[Context, int, str | None, QWidget | None], QDialog] = _need("mail_preview")  # type: ignore[assignment]
    return opener(ctx, reservation_id, template, parent)


def callback_panel(ctx: Context, reservation_id: int, parent: QWidget | None = None) -> QDialog | None:
    opener: Callable[[Context, int, QWidget | None], QDialog | None] = _need("callback_panel")  # type: ignore[assignment]
    return opener(ctx, reservation_id, parent)


def run_action(
    ctx: Context, reservation_id: int, action: str, parent: QWidget, after: Callable[[int], object] | None = None
) -> QDialog | bool | None:
    opener: ActionRunner = _need("run_action")  # type: ignore[assignment]
    return opener(ctx, reservation_id, action, parent, after)
