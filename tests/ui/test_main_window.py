"""The main window: titles, office switcher, shortcuts, remembered state, and a whole day at the desk
by keyboard alone: book, find, reschedule and cancel."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import (
    WED,
    Modals,
    activate,
    focused,
    press,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from consult_desk import booking
from consult_desk.models import History, Reservation
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog
from consult_desk.ui.session.action_runner import ActionDialog
from consult_desk.ui.shell.main_window import MainWindow
from consult_desk.ui.shell.settings import settings
from consult_desk.ui.shell.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def make_window(qtbot, db, ctx) -> MainWindow:
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


@pytest.mark.usefixtures("japanese")
def test_title_status_bar_and_office_switcher(qtbot, db, ctx, make_office):
    office = make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    assert window.windowTitle() == "Consult Desk — ハローワーク川越 オンライン職業相談"
    assert window.db_label.text() == f"データベース：{db.database}"
    assert window.staff_label.text() == "担当：テスト担当 (tester)"
    assert window.toolbar.isHidden()  # one office: nothing to switch
    assert window.calendar.office == office and window.tabs.tabText(window.tabs.indexOf(window.calendar)) == "予約カレンダー"
    window.close()

    second = make_office("nishitokyo-childcare")
    window = make_window(qtbot, db, ctx)
    assert not window.toolbar.isHidden()
    window.office_box.setCurrentIndex(window.office_box.findData(second))
    assert window.calendar.office == second and window.search_view.office == second
    assert window.windowTitle().endswith("西東京市 幼児教育・保育課 利用者支援事業 オンライン個別相談")
    assert settings().value("main/office") == second


def test_shortcuts(qtbot, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.show_calendar()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.search_view and focused() is window.search_view.field

    window.show_calendar()
    window.calendar.go_to(WED)
    window.calendar.set_mode("day")
    ten_row = window.calendar.day_model.row_labels.index("10:00～10:30")
    window.calendar.day_view.setCurrentIndex(window.calendar.day_model.index(ten_row, 1))
    seen = []

    def look(dialog):
        seen.append((type(dialog), dialog.selected_start()))
        dialog.reject()

    modals = Modals(look)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(BookingDialog, TEN)]

    refreshed = []
    window.calendar.refresh = lambda: refreshed.append(True)  # noqa: E731 (a spy)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_F5)
    assert refreshed


def test_remembers_size_docks_and_last_view(qtbot, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.resize(1200, 760)
    window.tabs.setCurrentWidget(window.search_view)
    window.calendar.set_mode("week")
    window.close()
    assert settings().value("main/geometry") == window.saveGeometry()
    assert settings().value("main/state") == window.saveState()  # the docks: reservation panel, callbacks

    again = make_window(qtbot, db, ctx)
    assert again.saveGeometry() == window.saveGeometry() or again.height() == 760  # within the screen
    assert again.tabs.currentWidget() is again.search_view
    assert again.calendar.mode == "week"


def test_the_callback_queue_comes_back_where_the_clerk_put_it(qtbot, db, ctx, make_office, make_request):
    """A clerk who moved the callback queue to the left keeps it there after a restart (the queue is
    made before the saved layout is restored); it still shows only when there are callbacks."""
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.callback_queue)
    window.close()

    again = make_window(qtbot, db, ctx)
    assert again.dockWidgetArea(again.callback_queue) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.callback_queue.isHidden() == (not again.callback_queue.model.rows)


def test_refresh_all_reaches_every_view_and_the_panel(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    res = booking.book(ctx, make_request(office, TEN))
    window.open_reservation(res.id)
    window.calendar.go_to(WED)  # built when first asked for: before the other desk's booking
    before = window.calendar.month_model.index_for(WED).data()
    booking.book(ctx, make_request(office, TEN, name="佐藤 太郎", phone="080-1111-2222"))
    called = []
    for view in window.views():
        original = view.refresh
        view.refresh = (lambda original=original, view=view: (called.append(view), original()))  # noqa: E731
    window.refresh_all()
    assert set(called) == set(window.views())
    assert window.calendar.month_model.index_for(WED).data() != before


@pytest.mark.usefixtures("japanese")
def test_settings_language_next_start_and_era_now(qtbot, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    assert window.calendar.title.text() == "2027年1月"

    def choose(dialog):
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.era.setChecked(True)
        dialog.accept()

    modals = Modals(choose)
    window.settings_action.trigger()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: settings().value("ui/language") == "en")
    assert window.calendar.title.text() == "令和9年1月"  # the era at once; the language at the next start
    assert window.menuBar().actions()[0].text() == "ファイル(&F)"


# ------------------------------------------------------------------ a day at the desk, keyboard only


def fill_booking_by_keyboard(qtbot):
    def handler(dialog):
        assert isinstance(dialog, BookingDialog)
        activate(qtbot, dialog)
        assert focused() is dialog.editors["name"]
        type_text(qtbot, "山田 花子")
        press(qtbot, Qt.Key.Key_Tab, times=2)
        type_text(qtbot, "090-1234-5678")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "hanako@example.jp")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "11010-12345678")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Down)
        while focused() is not dialog.consent_button:
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)  # opens the checklist (handled next); Enter books afterwards
        activate(qtbot, dialog)
        assert focused() is dialog.save_button, (focused().text(), dialog.problems.text())
        press(qtbot, Qt.Key.Key_Return)

    return handler


def tick_all(qtbot):
    def handler(dialog):
        assert isinstance(dialog, ConsentDialog)
        activate(qtbot, dialog)
        for _ in range(dialog.items.count()):
            press(qtbot, Qt.Key.Key_Space)  # ticks and moves on (issue 15, 2)
        press(qtbot, Qt.Key.Key_Return)

    return handler


def yes_by_keyboard(qtbot):
    """A confirmation defaults to "Go back": Tab to the action, then Space."""

    def handler(box):
        assert isinstance(box, QMessageBox)
        activate(qtbot, box)
        while focused() is box.defaultButton():
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)

    return handler


def tab_to(qtbot, widget, limit=60):
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def test_book_find_reschedule_and_cancel_with_the_keyboard_alone(qtbot, db, ctx, make_office):
    """The issue's "done when": a new user books, finds, reschedules and cancels by keyboard."""
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.show_calendar()
    calendar = window.calendar
    assert focused() is calendar.month_view and calendar.current == dt.date(2027, 1, 4)

    # Book: to Wednesday the 13th, Enter for its timeline, Enter on the first free slot.
    press(qtbot, Qt.Key.Key_Right, times=2)
    press(qtbot, Qt.Key.Key_Down)
    assert calendar.current == WED
    press(qtbot, Qt.Key.Key_Return)
    assert calendar.mode == "day" and focused() is calendar.day_view
    modals = Modals(fill_booking_by_keyboard(qtbot), tick_all(qtbot))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: window.panel.reservation_id is not None)
    booked = Reservation.get_by_id(window.panel.reservation_id)
    assert booked.start == dt.datetime.combine(WED, dt.time(9, 30)) and booked.status == "requested"

    # Find: Ctrl+F, the phone as written on a form, Enter opens it in the panel.
    activate(qtbot, window)
    window.panel.clear()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "０９０－１２３４－５６７８")
    press(qtbot, Qt.Key.Key_Return)
    assert window.panel.reservation_id == booked.id
    assert focused() is window.panel.action_buttons["offer"]  # the first allowed action

    # Reschedule: Tab to the action, Space, the next free time by arrow, Enter, confirm.
    tab_to(qtbot, window.panel.action_buttons["reschedule"])

    def move(dialog):
        assert isinstance(dialog, BookingDialog) and dialog.rescheduled_from == booked.id
        activate(qtbot, dialog)
        assert focused() is dialog.date_edit
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.slot_box
        press(qtbot, Qt.Key.Key_Down)  # 10:00
        assert dialog.selected_start() == TEN
        press(qtbot, Qt.Key.Key_Return)

    modals = Modals(move, yes_by_keyboard(qtbot))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: window.panel.reservation_id != booked.id)
    moved = Reservation.get_by_id(window.panel.reservation_id)
    assert moved.start == TEN and moved.rescheduled_from_id == booked.id
    assert Reservation.get_by_id(booked.id).status == "rescheduled"

    # Cancel: Tab to the action, Space, the channel by arrow, Enter, confirm.
    activate(qtbot, window)
    window.panel.focus_actions()
    tab_to(qtbot, window.panel.action_buttons["cancel"])

    def by_phone(dialog):
        assert isinstance(dialog, ActionDialog)
        activate(qtbot, dialog)
        assert focused() is dialog.channel_box and dialog.channel_box.currentData() == "phone"
        press(qtbot, Qt.Key.Key_Return)

    modals = Modals(by_phone, yes_by_keyboard(qtbot))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: Reservation.get_by_id(moved.id).status == "cancelled")
    entry = History.get(History.reservation == moved.id, History.action == "cancel")
    assert entry.channel == "phone" and entry.staff == "tester"
    assert QApplication.activeModalWidget() is None


@pytest.mark.usefixtures("english")
def test_english_when_chosen(qtbot, db, ctx, make_office):
    """English is the source language: with ui/language = en no translator is loaded and dates are English."""
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    assert window.tabs.tabText(window.tabs.indexOf(window.calendar)) == "Calendar"
    assert window.calendar.title.text() == "January 2027"
    window.calendar.go_to(WED)
    window.calendar.set_mode("day")
    assert window.calendar.title.text() == "Wed 13 Jan 2027"
    dialog = BookingDialog(ctx, window.office, window, start=TEN)
    qtbot.addWidget(dialog)
    assert dialog.date_edit.text() == "Wed 13 Jan 2027"
    assert "Application deadline: Fri 8 Jan 2027" in dialog.deadlines.text()
    assert dialog.slot_box.currentText() == "10:00–10:30  free 2 of 2"


@pytest.mark.usefixtures("japanese")
def test_tabs_other_than_the_first_are_built_when_first_shown_or_asked_for(qtbot, db, ctx, make_office, monkeypatch):
    """Start-up (issue 7): the window paints with the Today board; the other tabs wait, keep their
    titles and places, and are built, filled for the window's office, when shown or asked for."""
    from consult_desk import due, reports

    make_office("hellowork-kawagoe")
    second = make_office("nishitokyo-childcare")
    due_reads, statistics_reads = [], []
    original_items, original_statistics = due.items, reports.statistics
    monkeypatch.setattr(due, "items", lambda *a, **k: (due_reads.append(a), original_items(*a, **k))[1])
    monkeypatch.setattr(reports, "statistics", lambda *a, **k: (statistics_reads.append(a), original_statistics(*a, **k))[1])
    window = make_window(qtbot, db, ctx)  # an administrator: the supervisor tabs too
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:4] == ["本日", "予約カレンダー", "検索", "送信箱"] and len(titles) == 7
    pending = [window.tabs.widget(i).objectName() for i in range(1, window.tabs.count())]
    assert pending == ["pending_calendar", "pending_search_view", "pending_outbox_view", "pending_daily_review",
                       "pending_reports", "pending_audit_view"]
    assert len(due_reads) == 1 and statistics_reads == []  # the board's due list gives the status bar its count
    window.refresh_all()
    assert len(due_reads) == 2 and statistics_reads == []  # views not built are not refreshed

    window.office_box.setCurrentIndex(window.office_box.findData(second))
    window.tabs.setCurrentIndex(1)  # shown: built for the office chosen meanwhile
    assert window.tabs.currentWidget() is window.calendar and window.calendar.office == second
    assert window.tabs.tabText(1) == "予約カレンダー" and window.tabs.count() == 7

    outbox = window.outbox_view  # asked for: built in its tab, the current tab stays
    assert window.tabs.widget(3) is outbox and window.tabs.currentWidget() is window.calendar
    assert outbox.office == second
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.tabs.widget(5)))
    assert window.tabs.currentWidget() is window.reports
    qtbot.waitUntil(lambda: window.reports.op.finished)  # counted off the window's thread
    assert len(statistics_reads) == 1  # read once, for the office
    assert statistics_reads[0][-1] == second
    assert window.views() == [window.tabs.widget(i) for i in range(7)]  # views() builds the rest
    assert not any(window.tabs.widget(i).objectName().startswith("pending_") for i in range(7))


def test_the_tab_and_calendar_mode_left_open_are_shown_at_the_next_start(qtbot, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.show_calendar()
    window.calendar.set_mode("day")
    window.close()
    again = make_window(qtbot, db, ctx)
    assert "calendar" in again.__dict__  # built before the first paint: it is the tab shown
    assert again.tabs.currentWidget() is again.calendar and again.calendar.mode == "day"
    assert again.tabs.widget(2).objectName() == "pending_search_view"
    again.tabs.setCurrentIndex(0)
    again.close()
    third = make_window(qtbot, db, ctx)
    assert "calendar" not in third.__dict__
    third.close()  # closed before the calendar was built: the mode stays remembered
    assert settings().value("calendar/mode") == "day"
    fourth = make_window(qtbot, db, ctx)
    assert fourth.calendar.mode == "day"


def test_the_view_menu_holds_the_calendar_actions(qtbot, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    window = make_window(qtbot, db, ctx)
    window.view_menu.aboutToShow.emit()
    actions = [a for a in window.view_menu.actions() if not a.isSeparator()]
    calendar = window.calendar
    assert actions == [*calendar.mode_actions.values(), calendar.today_action, calendar.prev_action,
                       calendar.next_action, window.refresh_action]
    window.view_menu.aboutToShow.emit()  # once only
    assert len([a for a in window.view_menu.actions() if not a.isSeparator()]) == len(actions)
    window.tabs.setCurrentIndex(0)
    calendar.mode_actions["week"].trigger()  # from the menu: the calendar comes to the front
    assert window.tabs.currentWidget() is calendar and calendar.mode == "week"


def test_a_reservation_opened_before_the_calendar_is_built_is_shown_there(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN))
    window = make_window(qtbot, db, ctx)
    window.open_reservation(res.id)
    assert "calendar" not in window.__dict__
    window.show_calendar()
    assert window.calendar.current == WED


@pytest.mark.usefixtures("japanese")
def test_the_due_list_header_and_the_status_bar_show_the_same_number(qtbot, db, ctx, clock, make_office, make_request):
    """Issue 11: the header said 26 and the status bar 23 for the same list; both come from one read
    (due.due_list) now. 000 第4条(3): details due 3 business days before: 1/19 → 1/14 (today), 1/20 → 1/15."""
    office = make_office("nishitokyo-childcare")
    booking.book(ctx, make_request(office, dt.datetime(2027, 1, 19, 10, 0)))
    booking.book(ctx, make_request(office, dt.datetime(2027, 1, 20, 10, 0), name="別の 人", phone="080-2222-3333",
                                   email="b@example.jp"))
    clock.set(dt.datetime(2027, 1, 14, 9, 0))
    window = make_window(qtbot, db, ctx)
    window.today.due_list.refresh()
    window._show_due_count()
    due_list = window.today.due_list
    assert due_list.model.rowCount() == 2  # one due today, one due tomorrow ("soon")
    assert due_list.title.text() == "接続情報の送付・返信の要対応（1件）"
    assert window.due_label.text() == "要対応：1件"
