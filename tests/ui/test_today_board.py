"""The Today board: the day per counsellor, the proposed action, countdowns on a timer driven by a
fixed clock (no waiting), check-in, start, extend, end, no-show, terminate and the next booking."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from consult_desk import booking, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.lifecycle import ActOptions
from consult_desk.models import History, Reservation
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.session.action_runner import ActionDialog
from consult_desk.ui.session.checkin_dialog import CheckInDialog
from consult_desk.ui.session.terminate_dialog import TerminateDialog
from consult_desk.ui.session.today_board import TodayBoard

pytestmark = pytest.mark.usefixtures("japanese")

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def confirmed(monkeypatch):
    """Every "are you sure" question answered yes; what was asked is kept."""
    asked: list[str] = []

    def yes(_parent, _title, text, _yes):
        asked.append(text)
        return True

    monkeypatch.setattr("consult_desk.ui.session.action_runner.confirm", yes)
    return asked


@pytest.fixture
def refusals(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("consult_desk.ui.session.action_runner.show_error", lambda _p, exc: shown.append(exc.code))
    return shown


def book(ctx, make_request, office, start, n=0, **overrides):
    req = make_request(office, start, name=f"利用 者{n}", phone=f"090-3333-{n:04d}", email=f"u{n}@example.jp", **overrides)
    res = booking.book(ctx, req)
    if res.status == "requested":
        lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="email"))
    return res


def make_board(qtbot, ctx, office) -> TodayBoard:
    board = TodayBoard(ctx, office)
    qtbot.addWidget(board)
    board.show()
    return board


def history(res_id: int) -> list[History]:
    return list(History.select().where(History.reservation == res_id).order_by(History.id))


def cell(board: TodayBoard, row: int, column: str) -> str:
    return board.model.index(row, board.model.COLUMNS.index(column)).data()


def test_the_board_shows_the_day_in_time_order_and_counts_down_on_its_timer(hw, ctx, clock, make_request, qtbot):
    late = book(ctx, make_request, hw, T(2027, 1, 13, 10, 30), 1)
    early = book(ctx, make_request, hw, WED, 2)
    book(ctx, make_request, hw, T(2027, 1, 14, 10, 0), 3)  # another day: not on the board
    clock.set(T(2027, 1, 13, 9, 40))
    board = make_board(qtbot, ctx, hw)
    assert [r.id for r in board.model.rows] == [early.id, late.id]
    assert board.title.text() == "本日 — 2027年1月13日(水)" and board.clock_label.text() == "09:40 現在"
    assert cell(board, 0, "time") == "10:00～10:30" and cell(board, 0, "status") == "予約確定"
    assert cell(board, 0, "next") == "入室確認"
    assert board.timer.interval() == 60_000  # the clock's tick, on the minute, for the countdowns
    before = cell(board, 0, "countdown")
    clock.advance(minutes=15)
    board.timer.timeout.emit()  # a tick of the refresh timer, without waiting for it
    assert cell(board, 0, "countdown") != before
    assert board.model.rows[0].countdown == 5 and board.selected_id() == early.id
    assert board.next_button.isEnabled() and board.buttons["check-in"].isEnabled()
    assert not board.buttons["start"].isEnabled() and not board.buttons["no-show"].isEnabled()


def test_a_whole_session_from_the_board(hw, ctx, clock, make_request, qtbot, confirmed):
    """000 第5条(4)(5) check-in, then start, 004 第4条(1) extend to 45 minutes, end; each step in the history."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 9, 55))
    board = make_board(qtbot, ctx, hw)
    board.select(res.id)
    qtbot.keyClick(board.table, Qt.Key.Key_Return)  # Enter: the proposed action, check-in
    dialog = board.active_dialog
    assert isinstance(dialog, CheckInDialog)
    assert not dialog.ok_button.isEnabled()  # nothing tested yet
    dialog.test_ok.click()
    assert not dialog.ok_button.isEnabled() and "顔と名前を確認してください" in dialog.hint.text()
    dialog.identity.click()
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).status == "checked_in"
    entry = history(res.id)[-1]
    assert (entry.action, entry.staff, entry.at) == ("check-in", "tester", T(2027, 1, 13, 9, 55))
    assert entry.data["connection_test"] == "ok" and entry.data["identity_checked"] is True
    assert board.model.rows[0].next_action == "start" and "開始" in board.next_button.text()

    clock.set(WED)
    board.refresh()
    board.next_button.click()
    assert lifecycle.get_reservation(res.id).status == "in_session"
    clock.set(T(2027, 1, 13, 10, 26))
    board.refresh()
    row = board.model.rows[0]
    assert "ending_soon" in row.warnings and "まもなく終了" in board.detail_warnings.text()
    assert board.buttons["extend"].isEnabled()
    board.buttons["extend"].click()  # the minutes are asked in the action dialog, as in the panel
    dialog = board.active_dialog
    assert isinstance(dialog, ActionDialog) and dialog.minutes.value() == 15
    dialog.minutes.setValue(10)
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).end == T(2027, 1, 13, 10, 40)
    board.buttons["extend"].click()
    dialog = board.active_dialog
    assert dialog.minutes.maximum() == 5
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).end == T(2027, 1, 13, 10, 45)
    assert not board.buttons["extend"].isEnabled()
    clock.set(T(2027, 1, 13, 10, 45))
    board.refresh()
    board.do_next()  # complete, after the question
    assert confirmed and lifecycle.get_reservation(res.id).status == "completed"
    assert [h.action for h in history(res.id)] == ["book", "confirm", "check-in", "start", "extend", "extend", "complete"]
    assert board.model.rows[0].next_action is None and not board.next_button.isEnabled()


def test_check_in_with_a_failed_test_proposes_connection_failed(hw, ctx, clock, make_request, qtbot):
    """000 第5条(4): the test failed; start is not offered, 接続不良 opens the phone callback."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 9, 57))
    board = make_board(qtbot, ctx, hw)
    board.do_action("check-in")
    dialog = board.active_dialog
    dialog.test_failed.click()
    assert dialog.ok_button.isEnabled() and not dialog.start_now.isEnabled()
    dialog.ok_button.click()
    row = board.model.rows[0]
    assert row.next_action == "connection-failed" and not board.buttons["start"].isEnabled()
    assert "接続テスト不合格" in board.detail_warnings.text() and "接続不良" in board.next_button.text()
    board.next_button.click()
    assert lifecycle.get_reservation(res.id).status == "phone_callback"
    from consult_desk.ui.session.callback_panel import _PANELS

    panel = _PANELS.pop(res.id)
    assert panel.isVisible() and panel.phone.text() == "090-3333-0000"
    assert board.model.rows[0].next_action == "callback-attempt" and board.buttons["callback"].isEnabled()
    panel.close()


def test_check_in_and_start_at_once(db, ctx, clock, make_office, make_request, qtbot):
    """003 5(1)①: companions named in advance are checked at entry."""
    office = make_office("yamaguchi-vocational")
    res = book(ctx, make_request, office, WED, companions=[{"name": "手話 通訳", "relation": "通訳者"}])
    clock.set(T(2027, 1, 13, 10, 0))
    board = make_board(qtbot, ctx, office)
    board.do_next()
    dialog = board.active_dialog
    assert dialog.companions_box.isVisible() and "手話 通訳" in dialog.companions_box.text()
    dialog.test_ok.click()
    dialog.identity.click()
    dialog.companions_box.click()  # the interpreter is not there
    dialog.start_now.click()
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).status == "in_session"
    assert history(res.id)[-2].data["companions_present"] is False
    assert "companions_mismatch" in board.model.rows[0].warnings


def test_no_show_only_after_the_grace(hw, ctx, clock, make_request, qtbot, confirmed):
    """003 7(2), 004 第4条(4): 連絡がないまま10分経過."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 9))
    board = make_board(qtbot, ctx, hw)
    assert not board.buttons["no-show"].isEnabled() and board.model.rows[0].next_action == "check-in"
    assert "無断キャンセル" in cell(board, 0, "countdown")
    clock.set(T(2027, 1, 13, 10, 10))
    board.timer.timeout.emit()
    assert board.buttons["no-show"].isEnabled() and board.model.rows[0].next_action == "no-show"
    board.do_next()  # issue 11: a no-show needs a reason on the board too, as in the panel
    dialog = board.active_dialog
    assert isinstance(dialog, ActionDialog) and not dialog.ok_button.isEnabled()
    dialog.note.setPlainText("連絡なし・接続なし")
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).status == "no_show"
    assert "利用 者0" in confirmed[0] and history(res.id)[-1].note == "連絡なし・接続なし"


def test_a_contact_note_keeps_the_no_show_away(hw, ctx, clock, make_request, qtbot):
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 5))
    board = make_board(qtbot, ctx, hw)
    board.do_action("contact")
    dialog = board.active_dialog
    assert isinstance(dialog, ActionDialog) and not dialog.ok_button.isEnabled()
    dialog.channel_box.setCurrentIndex(dialog.channel_box.findData("phone"))
    dialog.note.setPlainText("電車遅延で遅れると電話あり")
    dialog.ok_button.click()
    assert history(res.id)[-1].action == "contact" and history(res.id)[-1].channel == "phone"
    clock.set(T(2027, 1, 13, 10, 20))
    board.refresh()
    assert board.model.rows[0].next_action == "check-in" and not board.buttons["no-show"].isEnabled()


def test_undo_no_show_is_for_supervisors_with_a_reason(hw, ctx, clock, make_request, qtbot):
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 15))
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    counsellor = Context(actor=Actor("kato", "加藤", "counsellor"), clock=clock)
    board = make_board(qtbot, counsellor, hw)
    assert not board.buttons["undo-no-show"].isVisible()
    supervisor = Context(actor=Actor("boss", "主任", "supervisor"), clock=clock)
    board = make_board(qtbot, supervisor, hw)
    assert board.buttons["undo-no-show"].isEnabled()
    board.buttons["undo-no-show"].click()
    dialog = board.active_dialog
    assert isinstance(dialog, ActionDialog) and not dialog.ok_button.isEnabled()
    dialog.note.setPlainText("本人は接続していた（記録漏れ）")
    dialog.ok_button.click()
    assert lifecycle.get_reservation(res.id).status == "confirmed"
    assert history(res.id)[-1].staff == "boss"


def test_terminate_for_a_prohibited_act_from_the_board(hw, ctx, clock, make_request, qtbot, confirmed):
    """004 第10条(1): 脅迫や暴言 — the session ends and the applicant is flagged."""
    res = book(ctx, make_request, hw, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    board = make_board(qtbot, ctx, hw)
    board.buttons["terminate"].click()
    dialog = board.active_dialog
    assert isinstance(dialog, TerminateDialog)
    texts = [dialog.act_box.itemText(i) for i in range(dialog.act_box.count())]
    assert any("脅迫や暴言（004 第10条(1)）" == t for t in texts)
    dialog.choose("threats")
    assert not dialog.ok_button.isEnabled()  # a note is required
    dialog.note.setPlainText("暴言が続いたため中止")
    dialog.ok_button.click()  # then the confirmation: it cannot be undone
    assert len(confirmed) == 1
    res = lifecycle.get_reservation(res.id)
    assert res.status == "terminated" and res.applicant.flagged
    assert history(res.id)[-1].data == {"act": "threats", "clause": "004 第10条(1)"}


def test_refusals_are_shown_and_nothing_changes(hw, ctx, clock, make_request, qtbot, refusals, confirmed):
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 12))
    board = make_board(qtbot, ctx, hw)
    lifecycle.act(ctx, res.id, "contact", ActOptions(note="遅れると連絡"))  # another desk, meanwhile
    board.do_action("no-show")  # the board still offers it: the service refuses
    board.active_dialog.note.setPlainText("連絡なし")
    board.active_dialog.ok_button.click()
    assert refusals == ["no_show_contacted"] and lifecycle.get_reservation(res.id).status == "confirmed"
    assert board.model.rows[0].next_action == "check-in"  # and the board read the day again


def test_selection_survives_refresh_and_double_click_opens_the_reservation(hw, ctx, clock, make_request, qtbot):
    first = book(ctx, make_request, hw, WED, 1)
    second = book(ctx, make_request, hw, T(2027, 1, 13, 10, 30), 2)
    clock.set(T(2027, 1, 13, 9, 0))
    board = make_board(qtbot, ctx, hw)
    board.select(second.id)
    clock.advance(minutes=1)
    board.refresh()
    assert board.selected_id() == second.id
    lifecycle.act(ctx, first.id, "contact", ActOptions(note="確認の電話"))
    board.refresh()
    assert board.selected_id() == second.id
    rect = board.table.visualRect(board.model.index(1, 2))
    with qtbot.waitSignal(board.reservation_activated, timeout=1000) as signal:
        qtbot.mouseClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [second.id]


def test_next_booking_in_session_is_confirmed_at_once(hw, ctx, clock, make_request, qtbot):
    """004 第4条(3): 2回目以降の予約を面談の際に行い日時が確定している場合は、その予約をもって確定."""
    res = book(ctx, make_request, hw, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    board = make_board(qtbot, ctx, hw)
    assert board.buttons["next-booking"].isEnabled()
    board.buttons["next-booking"].click()
    dialog = board.active_dialog
    assert isinstance(dialog, BookingDialog)
    assert dialog.channel_box.currentData() == "in-session"
    assert dialog._text("name") == "利用 者0" and dialog._text("phone") in ("090-3333-0000", "09033330000")
    assert not dialog.consent_missing()  # same terms version: the consent carries over
    assert dialog.select_slot(T(2027, 1, 27, 10, 0))  # step 1: the slot
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    dialog.save_button.click()  # step 2: book
    new = Reservation.get(Reservation.start == T(2027, 1, 27, 10, 0))
    assert new.status == "confirmed" and new.channel == "in-session" and new.applicant_id == res.applicant_id
    assert f"予約{res.id}の相談中に受付" in history(new.id)[0].note


def test_next_booking_is_not_offered_where_the_office_does_not_take_it(db, ctx, clock, make_office, make_request, qtbot):
    office = make_office("nishitokyo-childcare")  # 000 第4条(1): bookings by the form only
    res = book(ctx, make_request, office, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=lifecycle.PASSED_CHECKS, note="URL等は電話で伝えた"))  # 000 第5条(2)
    lifecycle.act(ctx, res.id, "start")
    board = make_board(qtbot, ctx, office)
    assert not board.buttons["next-booking"].isEnabled()


def test_an_empty_day_says_so(hw, ctx, clock, qtbot):
    clock.set(T(2027, 1, 13, 9, 0))
    board = make_board(qtbot, ctx, hw)
    assert board.empty_label.isVisible() and not board.table.isVisible()
    assert not board.next_button.isEnabled()


def test_today_is_the_first_tab_and_the_callback_queue_is_seen_from_every_view(hw, ctx, clock, make_request, qtbot, db):
    from consult_desk.ui.shell.main_window import MainWindow

    res = book(ctx, make_request, hw, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(0)
    assert window.tabs.widget(0) is window.today and window.tabs.tabText(0) == "本日"
    assert window.today.model.rows[0].id == res.id
    assert window.callback_queue.button.text() == "折返し：0件"
    window.today.buttons["connection-failed"].click()
    from consult_desk.ui.session.callback_panel import _PANELS

    _PANELS.pop(res.id).close()
    assert window.callback_queue.button.text() == "折返し：1件 （1件 時刻経過）"  # due at once
    for index in range(window.tabs.count()):  # the dock is outside the tabs
        window.tabs.setCurrentIndex(index)
        assert window.callback_queue.button.isVisible()
    window.callback_queue.button.setChecked(True)
    assert window.callback_queue.isVisible()
    window.refresh_all()  # the window's refresh reaches the board
    assert window.today.model.rows[0].status == "phone_callback"
    window.today.reservation_activated.emit(res.id)  # double-click: the reservation panel shows it
    assert window.panel.info is not None and window.panel.info["id"] == res.id
