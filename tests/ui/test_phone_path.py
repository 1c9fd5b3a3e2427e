"""The phone path (issue 15, 2): booking a caller at Hello Work from a fresh start in at most 15
keystrokes beyond the typed text, counted while the test drives the window by keyboard alone."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import Modals, activate, answer_no, answer_yes, focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from consult_desk import booking
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.models import Consent, Reservation
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


class Keys:
    """Every key the clerk presses that is not part of the typed text goes through here, counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.log: list[str] = []

    def __call__(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.log.append(f"{modifier.name}+{key.name}" if modifier != Qt.KeyboardModifier.NoModifier else key.name)
        press(self.qtbot, key, modifier)


@pytest.fixture
def desk(db, qtbot):
    """A fresh start on Wednesday 13 January 2027, 09:10, Hello Work Kawagoe, the Today tab."""
    from consult_desk.offices import create_office

    clock = FixedClock(dt.datetime(2027, 1, 13, 9, 10))
    create_office(Context(Actor("setup", "設定", "admin"), clock), "hellowork-kawagoe")
    window = MainWindow(Context(Actor("reception", "受付 花子", "reception"), clock), db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


def test_a_phone_booking_takes_at_most_15_keys_beyond_the_typed_text(desk, qtbot):
    """Ctrl+N opens the first bookable slot (not today's 09:30 past 004's deadline), phone is the
    channel already, Alt+C opens the checklist, Alt+A ticks what was read, Enter records, Enter books."""
    keys = Keys(qtbot)
    opened = {}

    def consent(dialog):
        assert isinstance(dialog, ConsentDialog)
        activate(qtbot, dialog)
        keys(Qt.Key.Key_A, ALT)  # 読み上げてすべて確認 (a mnemonic clicks after a short animation)
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
        keys(Qt.Key.Key_Return)

    def book(dialog):
        assert isinstance(dialog, BookingDialog)
        activate(qtbot, dialog)
        opened["start"] = dialog.selected_start()
        opened["channel"] = dialog.channel_box.currentData()
        assert focused() is dialog.editors["name"]
        type_text(qtbot, "山田 花子")
        keys(Qt.Key.Key_Tab)
        type_text(qtbot, "ヤマダ ハナコ")
        keys(Qt.Key.Key_Tab)
        type_text(qtbot, "09012345678")
        keys(Qt.Key.Key_Tab)
        type_text(qtbot, "hanako@example.jp")
        keys(Qt.Key.Key_Tab)
        type_text(qtbot, "1101012345678")
        keys(Qt.Key.Key_Tab)
        keys(Qt.Key.Key_Down)  # Webカメラ: はい
        keys(Qt.Key.Key_Tab)
        keys(Qt.Key.Key_Down)  # 継続支援: はい
        keys(Qt.Key.Key_C, ALT)  # 同意事項の確認…
        qtbot.waitUntil(lambda: not dialog.consent_missing())
        activate(qtbot, dialog)  # the offscreen platform does not hand activation back after a modal
        assert dialog.save_button.isEnabled(), dialog.problems.text()
        keys(Qt.Key.Key_Return)

    modals = Modals(book, consent)
    keys(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(modals.done)
    modals.stop()

    res = Reservation.select().order_by(Reservation.id.desc()).first()
    assert res is not None and res.channel == "phone" and opened["channel"] == "phone"
    # 004 第4条(2): two business days ahead; at 09:10 on the 13th the first bookable slot is on the 15th
    assert res.start == opened["start"] and res.start.date() == dt.date(2027, 1, 15)
    assert res.start == min(s.start for s in booking.slots(desk.panel.ctx, "hellowork-kawagoe", dt.date(2027, 1, 15))
                            if s.bookable)
    assert res.applicant.kana == "やまだ はなこ"
    assert Consent.get(Consent.reservation == res.id).staff == "reception"
    assert len(keys.log) <= 15, keys.log
    assert keys.log == ["ControlModifier+Key_N", "Key_Tab", "Key_Tab", "Key_Tab", "Key_Tab", "Key_Tab", "Key_Down",
                        "Key_Tab", "Key_Down", "AltModifier+Key_C", "AltModifier+Key_A", "Key_Return", "Key_Return"]


@pytest.mark.parametrize("key, mode", [(Qt.Key.Key_1, "month"), (Qt.Key.Key_2, "week"), (Qt.Key.Key_3, "day")])
def test_calendar_shortcuts_work_from_every_tab(desk, qtbot, key, mode):
    for index in range(desk.tabs.count()):
        desk.tabs.setCurrentIndex(index)
        if desk.tabs.currentWidget() is desk._built("calendar"):
            continue
        activate(qtbot, desk)
        press(qtbot, key, CTRL)
        assert desk.tabs.currentWidget() is desk.calendar and desk.calendar.mode == mode
    desk.calendar.go_to(dt.date(2027, 2, 1))
    desk.tabs.setCurrentWidget(desk.today)
    activate(qtbot, desk)
    desk.today.setFocus()
    press(qtbot, Qt.Key.Key_T)
    assert desk.tabs.currentWidget() is desk.calendar and desk.calendar.current == dt.date(2027, 1, 13)
    press(qtbot, key, CTRL)  # on the calendar itself its own action answers (no ambiguous shortcut)
    assert desk.calendar.mode == mode


def test_the_dialog_says_why_a_channel_is_not_offered(db, ctx, make_office, qtbot):
    """000 第4条(1): Nishitokyo takes applications by form only; the dialog says so with the clause."""
    office = make_office("nishitokyo-childcare")
    dialog = BookingDialog(ctx, office)
    qtbot.addWidget(dialog)
    assert [dialog.channel_box.itemData(i) for i in range(dialog.channel_box.count())] == ["form"]
    note = dialog.channel_note.text()
    assert "電話" in note and "メール" in note and "000 第4条(1)" in note and not dialog.channel_note.isHidden()
    hello = BookingDialog(ctx, make_office("hellowork-kawagoe"))
    qtbot.addWidget(hello)
    assert hello.channel_box.currentData() == "phone"
    assert "メール" in hello.channel_note.text() and "004 第4条(2)" in hello.channel_note.text()


def test_esc_on_a_filled_booking_dialog_asks_first(db, ctx, make_office, qtbot):
    office = make_office("hellowork-kawagoe")
    dialog = BookingDialog(ctx, office)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.editors["name"].setFocus()
    type_text(qtbot, "山田 花子")
    modals = Modals(answer_no)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(modals.done)
    assert dialog.isVisible() and dialog.editors["name"].text() == "山田 花子"  # kept
    assert "破棄" in modals.texts[0]
    activate(qtbot, dialog)  # the offscreen platform does not hand activation back after a modal
    modals = Modals(answer_yes)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(modals.done)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    empty = BookingDialog(ctx, office)  # nothing typed: Esc closes at once
    qtbot.addWidget(empty)
    activate(qtbot, empty)
    press(qtbot, Qt.Key.Key_Escape)
    assert not empty.isVisible()


def test_space_ticks_and_moves_on_in_the_checklist(db, ctx, make_office, qtbot):
    office = make_office("hellowork-kawagoe")
    dialog = ConsentDialog(ctx, office)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    for _ in range(dialog.items.count()):
        press(qtbot, Qt.Key.Key_Space)
    assert dialog.missing() == [] and dialog.ok_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
