"""The reservation panel: what it shows, only the allowed actions, confirmations, the rule's message."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import (
    WED,
    Modals,
    answer_no,
    answer_yes,
    close_box,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from consult_desk import booking, lifecycle
from consult_desk.models import AuditLog, History, MeetingCredential, Reservation
from consult_desk.states import allowed_actions
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.reservation_panel import CredentialsView, ReservationPanel
from consult_desk.ui.session.action_runner import ActionDialog

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def make_panel(qtbot, ctx) -> ReservationPanel:
    panel = ReservationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def booked(ctx, office, make_request, **overrides) -> Reservation:
    return booking.book(ctx, make_request(office, TEN, **overrides))


@pytest.mark.usefixtures("japanese")
def test_shows_applicant_slot_status_and_only_allowed_actions(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)

    assert panel.title.text() == f"#{res.id}  山田 花子"
    assert panel.status_chip.text() == "申込受付"
    labels = [name.text() for name, _value in panel.detail_rows]
    values = [value.text() for _name, value in panel.detail_rows]
    assert "2027年1月13日(水) 10:00～10:30" in values and "090-1234-5678" in values
    assert "求職番号" in labels and "11010-12345678" in values
    assert list(panel.action_buttons) == allowed_actions("requested")
    assert panel.action_buttons["offer"].text() == "日時を提示"
    assert "complete" not in panel.action_buttons

    lifecycle.act(ctx, res.id, "offer")  # confirms (004 第4条(2))
    panel.refresh()
    assert list(panel.action_buttons) == allowed_actions("confirmed")
    assert panel.history_model.rowCount() == 2
    assert panel.history_model.index(1, 1).data() == "日時を提示"  # which confirmed it


def test_cancel_asks_for_the_channel_then_confirmation(qtbot, db, ctx, make_office, make_request):
    """004 第4条(4): cancellations by phone or e-mail; the channel is recorded."""
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)

    def fill(dialog):
        assert isinstance(dialog, ActionDialog)
        assert [dialog.channel_box.itemData(i) for i in range(dialog.channel_box.count())] == ["phone", "email"]
        dialog.channel_box.setCurrentIndex(1)
        dialog.note.setPlainText("本人からメール")
        dialog.ok_button.click()

    modals = Modals(fill, answer_yes)
    panel.action_buttons["cancel"].click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: Reservation.get_by_id(res.id).status == "cancelled")
    assert Reservation.get_by_id(res.id).status == "cancelled"
    entry = History.get(History.reservation == res.id, History.action == "cancel")
    assert (entry.channel, entry.note) == ("email", "本人からメール")
    assert panel.action_buttons == {}


def test_going_back_at_the_confirmation_changes_nothing(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    modals = Modals(lambda d: d.ok_button.click(), answer_no)
    panel.action_buttons["cancel"].click()
    qtbot.waitUntil(modals.done)
    assert Reservation.get_by_id(res.id).status == "requested"


def test_a_refused_action_shows_the_rules_message(qtbot, db, ctx, clock, make_office, make_request):
    """004 第4条(4): on the day itself, cancellations by phone only."""
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    clock.set(dt.datetime.combine(WED, dt.time(8, 30)))
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)

    def by_mail(dialog):
        dialog.channel_box.setCurrentIndex(dialog.channel_box.findData("email"))
        dialog.ok_button.click()

    modals = Modals(by_mail, answer_yes, close_box)
    panel.action_buttons["cancel"].click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: len(modals.texts) == 2)
    assert modals.texts[1] == "当日のキャンセルは電話のみで受け付けます"
    assert Reservation.get_by_id(res.id).status == "requested"


def test_no_show_needs_a_note_and_confirmation(qtbot, db, ctx, clock, make_office, make_request):
    """004 第4条(4): 10 minutes past the start with no contact counts as cancelled."""
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(TEN + dt.timedelta(minutes=11))
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    states = []

    def note(dialog):
        states.append(dialog.ok_button.isEnabled())
        qtbot.keyClicks(dialog.note, "no contact")
        states.append(dialog.ok_button.isEnabled())
        qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
        dialog.ok_button.click()

    modals = Modals(note, answer_yes)
    panel.action_buttons["no-show"].click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: Reservation.get_by_id(res.id).status == "no_show")
    assert states == [False, True]


def test_terminate_needs_the_prohibited_act(qtbot, db, ctx, clock, make_office, make_request):
    """004 第10条(1)(2): staff end a session for a prohibited act picked from the office's list."""
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(TEN - dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(TEN)
    lifecycle.act(ctx, res.id, "start")
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    seen = []

    def pick(dialog):
        seen.append(dialog.ok_button.isEnabled())
        keys = [dialog.act_box.itemData(i) for i in range(dialog.act_box.count())]
        seen.append(keys)
        dialog.act_box.setCurrentIndex(keys.index("recording"))
        seen.append(dialog.ok_button.isEnabled())  # still no: what happened must be written down
        dialog.note.setPlainText("画面を録画していた")
        seen.append(dialog.ok_button.isEnabled())
        dialog.ok_button.click()

    modals = Modals(pick, answer_yes)
    panel.action_buttons["terminate"].click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: Reservation.get_by_id(res.id).status == "terminated")
    assert seen == [False, ["", "threats", "other_purpose", "recording", "law_violation"], False, True]
    entry = History.get(History.reservation == res.id, History.action == "terminate")
    assert entry.data["act"] == "recording" and entry.data["clause"] == "004 第10条(2)"


def test_reschedule_opens_the_booking_dialog_and_shows_the_new_reservation(
    qtbot, db, ctx, make_office, make_request
):
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)

    def move(dialog):
        assert isinstance(dialog, BookingDialog) and dialog.rescheduled_from == res.id
        assert dialog.select_slot(dt.datetime(2027, 1, 14, 11, 0))
        dialog.save_button.click()

    modals = Modals(move, answer_yes)
    panel.action_buttons["reschedule"].click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: panel.reservation_id != res.id)
    new = Reservation.get_by_id(panel.reservation_id)
    assert new.start == dt.datetime(2027, 1, 14, 11, 0) and new.rescheduled_from_id == res.id
    assert f"open_{res.id}" in {w.objectName() for w in panel.findChildren(QWidget)}


def test_credentials_masked_until_revealed_and_the_reveal_is_audited(
    qtbot, db, ctx, make_office, make_request, monkeypatch
):
    """000 第4条(3) / 第10条(5): the passcode is a secret; showing it is logged (004 第5条).
    (The read-only view is the panel's fallback when no credentials editor is plugged in.)"""
    monkeypatch.setattr(ReservationPanel, "credentials_factory", CredentialsView)
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, dt.datetime(2027, 1, 15, 9, 0)))
    MeetingCredential.create(reservation=res, url="https://zoom.example/j/81234567890", meeting_id="812 3456 7890",
                             passcode="k3y9Q", issued_at=ctx.clock.now(), issued_by="tester")
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    assert isinstance(panel.credentials_area, QVBoxLayout)
    view = panel.credentials_area.itemAt(0).widget()
    assert isinstance(view, CredentialsView)
    assert view.value_labels["url"].text() == "https://zoom.example/j/81234567890"
    assert view.value_labels["passcode"].text() == "••••••"
    assert "k3y9Q" not in " ".join(label.text() for label in panel.findChildren(QLabel))
    assert AuditLog.select().where(AuditLog.action == "reveal_credentials").count() == 0

    view.reveal_button.click()
    assert view.value_labels["passcode"].text() == "k3y9Q"
    assert [(a.staff, a.target) for a in AuditLog.select().where(AuditLog.action == "reveal_credentials")] == [
        ("tester", str(res.id))
    ]


def test_the_credentials_area_takes_another_widget(qtbot, db, ctx, make_office, make_request, monkeypatch):
    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)

    class Editor(QLabel):
        def __init__(self, ctx, reservation_id):
            super().__init__(f"editor {reservation_id}")

    monkeypatch.setattr(ReservationPanel, "credentials_factory", Editor)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    assert panel.credentials_area.itemAt(0).widget().text() == f"editor {res.id}"


def test_unknown_reservation_is_a_sentence(qtbot, db, ctx):
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(999)
    assert panel.empty.text() == "予約 999 は見つかりません" and panel.reservation_id is None


def test_undo_no_show_is_offered_to_supervisors_only(qtbot, db, ctx, clock, make_office, make_request):
    """A no-show can be undone with a reason by a supervisor (permissions: undo_no_show)."""
    from consult_desk.context import Actor, Context

    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(TEN + dt.timedelta(minutes=11))
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))

    reception = make_panel(qtbot, Context(Actor("desk", "受付", "reception"), clock))
    reception.show_reservation(res.id)
    assert "undo-no-show" not in reception.action_buttons
    supervisor = make_panel(qtbot, Context(Actor("boss", "係長", "supervisor"), clock))
    supervisor.show_reservation(res.id)
    assert "undo-no-show" in supervisor.action_buttons


def test_a_refresh_keeps_the_keyboard_focus(qtbot, db, ctx, make_office, make_request):
    """Other desks' changes are polled every 2 s: the panel must not take the focus away meanwhile."""
    from desk_support import activate, focused

    office = make_office("hellowork-kawagoe")
    res = booked(ctx, office, make_request)
    panel = make_panel(qtbot, ctx)
    panel.show_reservation(res.id)
    activate(qtbot, panel)
    panel.action_buttons["cancel"].setFocus()
    button = panel.action_buttons["cancel"]
    panel.refresh()  # nothing changed: nothing rebuilt
    assert panel.action_buttons["cancel"] is button and focused() is button
    lifecycle.act(ctx, res.id, "offer")  # another desk's mail naming the time confirms it (004 第4条(2))
    panel.refresh()
    assert panel.status_chip.text() == "予約確定"
    assert focused() is panel.action_buttons["cancel"]
