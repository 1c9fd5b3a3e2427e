"""The one current reservation and the one current office of a desk window.

The Today board, the calendar, search, the callback queue and the reservation panel all read and set
this object instead of keeping their own "selected" reservation, so they never show two different
reservations at once. Switching the office re-scopes every view (``office_changed``) and drops a
selected reservation of another office first (``reservation_changed(None)``): the panel never shows a
reservation of an office other than the one selected.

A view made on its own (a test, a dialog) gets a private Selection for its office.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    office_changed = Signal(str)
    reservation_changed = Signal(object)  # int, or None when nothing is selected

    def __init__(self, office: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._reservation: int | None = None
        self._reservation_office: str | None = None

    @property
    def office(self) -> str:
        return self._office

    @property
    def reservation_id(self) -> int | None:
        return self._reservation

    def set_office(self, code: str) -> None:
        """Switch the office: a reservation of another office is dropped first, then every view re-scopes."""
        if code == self._office:
            return
        self._office = code
        if self._reservation is not None and self._reservation_office != code:
            self._set(None, None)
        self.office_changed.emit(code)

    def select(self, reservation_id: int | None, office: str | None) -> bool:
        """Make ``reservation_id`` (of ``office``) the current reservation; refused (False) for a
        reservation of another office than the selected one. ``None`` clears the selection."""
        if reservation_id is None:
            self._set(None, None)
            return True
        if self._office and office != self._office:
            return False
        self._set(reservation_id, office)
        return True

    def clear(self) -> None:
        self._set(None, None)

    def _set(self, reservation_id: int | None, office: str | None) -> None:
        if reservation_id == self._reservation:
            self._reservation_office = office if reservation_id is not None else None
            return
        self._reservation = reservation_id
        self._reservation_office = office
        self.reservation_changed.emit(reservation_id)
