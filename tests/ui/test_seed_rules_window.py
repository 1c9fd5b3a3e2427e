"""Seed rules corrected (issue 12) in the window: the office's answer with another time, a reason where a
rule asks for one (check-in without details, 000 第5条(2)), ending after the city's rules (000 第10条(7))."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import WED, Modals
from details_support import complete_details
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QInputDialog, QLabel

from consult_desk import booking, lifecycle
from consult_desk.lifecycle import ActOptions
from consult_desk.ui.desk.reservation_panel import ReservationPanel
from consult_desk.ui.session.action_runner import ActionDialog
from consult_desk.ui.session.callback_panel import open_callback_panel
from consult_desk.ui.session.checkin_dialog import CheckInDialog
from consult_desk.ui.shell import wiring

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")
T = dt.datetime
TEN = dt.datetime.combine(WED, dt.time(10, 0))


def test_004_4_2_the_panel_offers_another_time_and_that_confirms(qtbot, db, ctx, make_office, make_request, monkeypatch):
    """004 第4条(2): 日時を提示 in the panel may name another time; the mail's receipt confirms the booking."""
    wiring.install()
    monkeypatch.setattr("consult_desk.ui.session.action_runner.confirm", lambda *_a: True)
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN))
    panel = ReservationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_reservation(res.id)

    def answer(dialog):
        assert isinstance(dialog, ActionDialog)
        assert any("返信は不要" in label.text() for label in dialog.findChildren(QLabel))
        dialog.other_time.setChecked(True)
        dialog.other_start.setDateTime(QDateTime(dt.date(2027, 1, 14), dt.time(13, 0)))
        dialog.ok_button.click()

    modals = Modals(answer)
    panel.run_action("offer")
    qtbot.waitUntil(modals.done)
    done = lifecycle.get_reservation(res.id)
    assert done.status == "confirmed" and done.start == T(2027, 1, 14, 13, 0)


def test_004_4_1_after_the_day_before_the_day_before_the_panel_asks_a_reason(qtbot, db, ctx, clock, make_office, make_request):
    """004 第4条(1): on Tue 2027-01-12 the 前々日 of Wed 01-13 (Fri 01-08, 成人の日 between) has passed: the
    dialog says so and cannot be confirmed without a reason."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN))
    clock.set(T(2027, 1, 12, 9, 0))
    from consult_desk import seed_rules
    from consult_desk.offices import get_config

    reason = seed_rules.reason_needed("offer", res, get_config(office), clock.today())
    dialog = ActionDialog("offer", get_config(office), lifecycle.describe(res), None, reason)
    qtbot.addWidget(dialog)
    assert any("前々日" in label.text() for label in dialog.findChildren(QLabel)) and not dialog.ok_button.isEnabled()
    dialog.note.setPlainText("本人の希望で当日枠を確保")
    assert dialog.ok_button.isEnabled()
    lifecycle.act(ctx, res.id, "offer", dialog.options())
    assert lifecycle.get_reservation(res.id).status == "confirmed"


def test_000_5_2_check_in_without_details_asks_a_reason(qtbot, db, ctx, clock, make_office, make_request):
    """000 第5条(2): the details never went out (Wed 2027-01-13): the check-in dialog says so and needs a reason."""
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, TEN))
    clock.set(T(2027, 1, 13, 9, 55))
    dialog = CheckInDialog(ctx, res.id)
    qtbot.addWidget(dialog)
    dialog.test_ok.setChecked(True)
    dialog.identity.setChecked(True)
    assert "接続情報を送付していない" in dialog.reason_label.text() and not dialog.ok_button.isEnabled()
    dialog.note.setText("電話でURL等を伝えた")
    assert dialog.ok_button.isEnabled()
    dialog.save()
    assert lifecycle.get_reservation(res.id).status == "checked_in"


def test_000_10_7_the_consultation_ends_without_a_logged_call(qtbot, db, ctx, clock, make_office, make_request):
    """000 第10条(7) 「一定時間経過しても繋がらない場合は相談を終了」: the callback panel ends it with a reason,
    no call logged (Wed 2027-01-13)."""
    wiring.install()
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, TEN))
    complete_details(ctx, res.id)
    lifecycle.act(ctx, res.id, "send-details", ActOptions(channel="email"))
    clock.set(TEN)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    clock.set(T(2027, 1, 13, 10, 5))
    lifecycle.act(ctx, res.id, "connection-failed")
    panel = open_callback_panel(ctx, res.id)
    qtbot.addWidget(panel)
    assert panel.unreachable_button.isEnabled()

    def reason(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("利用者側の回線不良で15分経過しても繋がらず")
        dialog.accept()

    modals = Modals(reason)
    panel.unreachable_button.click()
    qtbot.waitUntil(modals.done)
    assert lifecycle.get_reservation(res.id).status == "unreachable"
