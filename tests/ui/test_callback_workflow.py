"""Connection failure to phone callback, worked to an end from the panel and the queue
(001, 003 8, 000 第10条(7)): the number large with a copy button, each call logged, then completed by
phone with its length, rescheduled through the booking dialog (the two linked) or unreachable."""

from __future__ import annotations

import datetime as dt

import pytest
from details_support import complete_details
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from consult_desk import booking, lifecycle
from consult_desk.lifecycle import ActOptions
from consult_desk.models import Callback, History, Reservation
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.session import callback_panel as panels
from consult_desk.ui.session.callback_panel import CallbackPanel, open_callback_panel
from consult_desk.ui.session.callback_queue import CallbackQueueDock
from consult_desk.ui.session.today_board import TodayBoard
from consult_desk.ui.shell.app import install_translators

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture(autouse=True)
def japanese(qapp):
    installed = install_translators(qapp, "ja")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    for panel in list(panels._PANELS.values()):  # panels delete themselves when closed
        try:
            panel.close()
        except RuntimeError:  # already gone with its parent window
            pass
    panels._PANELS.clear()


@pytest.fixture
def errors(monkeypatch):
    shown: list[tuple[str, str | None]] = []

    def record(_parent, exc):
        shown.append((exc.code, exc.clause))

    for where in ("session.callback_panel", "desk.booking_dialog"):
        monkeypatch.setattr(f"consult_desk.ui.{where}.show_error", record)
    return shown


@pytest.fixture
def yes(monkeypatch):
    for where in ("session.callback_panel", "desk.booking_dialog"):
        monkeypatch.setattr(f"consult_desk.ui.{where}.confirm", lambda *_a: True)


def failed_session(ctx, clock, make_request, office, start=WED, n=0):
    req = make_request(office, start, name=f"利用 者{n}", phone=f"090-4444-{n:04d}", email=f"c{n}@example.jp")
    res = booking.book(ctx, req)
    if res.status == "requested":
        lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="email"))
    complete_details(ctx, res.id)  # 000 第5条(2): those sent the details join
    lifecycle.act(ctx, res.id, "send-details", ActOptions(channel="email"))
    clock.set(start)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    clock.set(start + dt.timedelta(minutes=6))
    lifecycle.act(ctx, res.id, "connection-failed", ActOptions(note="映像が固まる"))
    return res


def make_panel(qtbot, ctx, res_id) -> CallbackPanel:
    return open_callback_panel(ctx, res_id)


def test_the_number_is_large_and_copied_for_the_phone(db, ctx, clock, make_office, make_request, qtbot):
    """003 3(4), 003 8: the centre phones the number the user keeps reachable."""
    office = make_office("yamaguchi-vocational")
    res = failed_session(ctx, clock, make_request, office)
    panel = make_panel(qtbot, ctx, res.id)
    assert panel.isVisible() and not panel.isModal()
    assert panel.phone.text() == "090-4444-0000"
    assert panel.phone.font().pointSizeF() >= 2 * panel.head.font().pointSizeF()
    assert panel.windowTitle() == "電話折返し — 利用 者0"
    assert "折返し予定 2027年1月13日(水) 10:06" in panel.due.text() and "折返しの時刻です" in panel.due.text()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == "09044440000"
    assert "コピーしました" in panel.message.text()
    assert open_callback_panel(ctx, res.id) is panel  # one panel per session


def test_calls_are_logged_then_completed_by_phone_with_its_length(db, ctx, clock, make_office, make_request, qtbot):
    """001: 電話相談に切り換え; 003 8: 電話での相談に切り替える."""
    office = make_office("hellowork-kawagoe")
    res = failed_session(ctx, clock, make_request, office)
    panel = make_panel(qtbot, ctx, res.id)
    assert not panel.complete_button.isEnabled() and not panel.unreachable_button.isEnabled()
    clock.set(T(2027, 1, 13, 10, 7))
    panel.attempt_note.setText("呼出音のみ")
    panel.result_buttons["no_answer"].click()
    assert panel.attempt_model.rowCount() == 1 and panel.attempt_note.text() == ""
    assert [panel.attempt_model.index(0, c).data() for c in range(4)] == ["10:07", "応答なし", "呼出音のみ", "tester"]
    assert "10:12" in panel.due.text()  # tried again five minutes later
    assert panel.unreachable_button.isEnabled() and not panel.complete_button.isEnabled()
    clock.set(T(2027, 1, 13, 10, 12))
    panel.result_buttons["busy"].click()
    clock.set(T(2027, 1, 13, 10, 17))
    panel.result_buttons["reached"].click()
    assert panel.attempt_model.rowCount() == 3 and panel.duration.isEnabled()
    assert not panel.complete_button.isEnabled()  # the length is not given yet
    panel.duration.setValue(25)
    clock.set(T(2027, 1, 13, 10, 45))
    panel.complete_button.click()
    assert lifecycle.get_reservation(res.id).status == "completed_by_phone"
    cb = Callback.get(Callback.reservation == res.id)
    assert (cb.outcome, cb.duration_minutes) == ("completed_by_phone", 25)
    assert "終了しています" in panel.head.text() and not panel.result_buttons["reached"].isEnabled()
    actions = [h.action for h in History.select().where(History.reservation == res.id).order_by(History.id)]
    assert actions[-5:] == ["connection-failed", "callback-attempt", "callback-attempt", "callback-attempt", "complete-by-phone"]


def test_unreachable_after_calls(db, ctx, clock, make_office, make_request, qtbot, yes):
    office = make_office("musashino-hoiku-concierge")
    res = failed_session(ctx, clock, make_request, office)
    panel = make_panel(qtbot, ctx, res.id)
    for result in ("no_answer", "busy", "no_answer"):
        panel.result_buttons[result].click()
    panel.unreachable_button.click()
    assert lifecycle.get_reservation(res.id).status == "unreachable"
    assert Callback.get(Callback.reservation == res.id).outcome == "unreachable"


def test_reschedule_opens_the_booking_dialog_and_links_the_two(db, ctx, clock, make_office, make_request, qtbot, yes):
    """003 8: 後日改めてオンライン支援を実施する — the new reservation points at the old one."""
    office = make_office("yamaguchi-vocational")
    res = failed_session(ctx, clock, make_request, office)
    panel = make_panel(qtbot, ctx, res.id)
    assert panel.rule.text() == ""  # Yamaguchi may offer another day
    panel.reschedule_button.click()
    dialog = panel.booking_dialog
    assert isinstance(dialog, BookingDialog) and dialog.rescheduled_from == res.id
    assert dialog._text("name") == "利用 者0"  # prefilled from the reservation
    assert dialog.select_slot(T(2027, 1, 20, 10, 0))
    dialog.note.setText("回線が復旧しないため後日")
    dialog.save_button.click()
    new = Reservation.get(Reservation.rescheduled_from == res.id)
    assert new.start == T(2027, 1, 20, 10, 0)
    assert lifecycle.get_reservation(res.id).status == "rescheduled"
    assert "終了しています" in panel.head.text()


def test_nishitokyo_needs_the_citys_fault_and_a_reason(db, ctx, clock, make_office, make_request, qtbot, yes, errors):
    """000 第10条(7): 接続できない原因が市にあると認められる場合を除いて、他の時間帯等での対応はできかねます."""
    office = make_office("nishitokyo-childcare")
    res = failed_session(ctx, clock, make_request, office)
    panel = make_panel(qtbot, ctx, res.id)
    assert "原因が市にある場合のみ" in panel.rule.text() and "000 第10条(7)" in panel.rule.text()
    panel.result_buttons["reached"].click()
    panel.reschedule_button.click()
    dialog = panel.booking_dialog
    assert dialog.city_fault.isVisible()
    assert dialog.select_slot(T(2027, 1, 21, 10, 0))
    dialog.save_button.click()  # neither the city's fault nor a reason
    assert errors == [("reschedule_city_fault", "000 第10条(7)")] and dialog.isVisible()
    dialog.city_fault.setChecked(True)
    dialog.save_button.click()  # still no reason
    assert len(errors) == 2 and Reservation.select().count() == 1
    dialog.note.setText("庁内ネットワーク障害のため")
    dialog.save_button.click()
    old = lifecycle.get_reservation(res.id)
    assert old.status == "rescheduled" and old.city_fault
    assert Reservation.get(Reservation.rescheduled_from == res.id).start == T(2027, 1, 21, 10, 0)


def test_the_queue_lists_open_callbacks_and_opens_the_panel(db, ctx, clock, make_office, make_request, qtbot):
    office = make_office("hellowork-kawagoe")
    first = failed_session(ctx, clock, make_request, office, WED, 1)
    clock.set(T(2027, 1, 13, 10, 3))
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = CallbackQueueDock.install(window, ctx)
    window.show()
    assert dock.isVisible() and dock.button.isChecked()
    assert dock.button.text() == "折返し：1件"
    assert [dock.model.index(0, c).data() for c in range(4)] == ["10:06", "利用 者1", "090-4444-0001", "0"]
    clock.set(T(2027, 1, 13, 10, 8))
    dock.timer.timeout.emit()
    assert dock.button.text() == "折返し：1件 （1件 時刻経過）"
    assert dock.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    dock.table.setCurrentIndex(dock.model.index(0, 0))
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    panel = panels._PANELS[first.id]
    panel.result_buttons["reached"].click()  # the queue hears it at once
    assert dock.model.index(0, 3).data() == "1 つながった" and dock.button.text() == "折返し：1件"
    dock.button.click()
    assert not dock.isVisible()
    dock.button.click()
    assert dock.isVisible()


def test_the_board_and_the_queue_follow_each_other(db, ctx, clock, make_office, make_request, qtbot):
    """接続不良 on the board puts the callback in the queue at once; ending it there updates the board."""
    office = make_office("hellowork-kawagoe")
    req = make_request(office, WED)
    res = booking.book(ctx, req)
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    window = QMainWindow()
    qtbot.addWidget(window)
    board = TodayBoard(ctx, office, window)
    window.setCentralWidget(board)
    dock = CallbackQueueDock.install(window, ctx)
    window.show()
    assert dock.model.rowCount() == 0 and dock.button.text() == "折返し：0件"
    clock.set(T(2027, 1, 13, 10, 9))
    board.buttons["connection-failed"].click()
    assert dock.model.rowCount() == 1
    panel = panels._PANELS[res.id]
    panel.result_buttons["reached"].click()
    assert board.model.rows[0].next_action == "complete-by-phone"
    panel.duration.setValue(15)
    panel.complete_button.click()
    assert board.model.rows[0].status == "completed_by_phone" and dock.model.rowCount() == 0
