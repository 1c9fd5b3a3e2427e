"""「元に戻す」 in the status bar (issue 15, 6): the last reversible step, for a few seconds, by Ctrl+Z."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import activate, press
from PySide6.QtCore import Qt

from consult_desk import booking, lifecycle
from consult_desk.models import Reservation
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")


def test_undo_a_check_in_from_the_status_bar(db, ctx, clock, make_office, make_request, qtbot):
    office = make_office("hellowork-kawagoe")
    start = dt.datetime(2027, 1, 13, 10, 0)
    res = booking.book(ctx, make_request(office, start))
    lifecycle.act(ctx, res.id, "confirm", lifecycle.ActOptions(channel="email"))
    clock.set(start - dt.timedelta(minutes=5))
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert not window.undo_button.isVisible()

    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(
        checks={"connection_test": "ok", "identity_checked": True, "companions_present": True}))
    # the commit reaches the window through the change hub, as a step taken on the Today board does
    qtbot.waitUntil(lambda: window.undo_button.isVisible())
    assert "元に戻す" in window.undo_button.text()
    assert "入室確認" in window.undo_button.text()
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Reservation.get_by_id(res.id).status == "confirmed"
    assert not window.undo_button.isVisible() and "予約確定" in window.statusBar().currentMessage()

    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(
        checks={"connection_test": "ok", "identity_checked": True, "companions_present": True}))
    qtbot.waitUntil(lambda: window.undo_button.isVisible())
    window.undo_timer.timeout.emit()  # a few seconds later the offer is gone
    assert not window.undo_button.isVisible()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Reservation.get_by_id(res.id).status == "checked_in"
