"""The booking dialog, driven through its real widgets (keyboard first)."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import (
    WED,
    Modals,
    activate,
    answer_yes,
    close_box,
    focused,
    press,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from consult_desk import booking, lifecycle
from consult_desk.booking import format_date_ja
from consult_desk.models import AuditLog, Consent, History, Reservation
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def open_dialog(qtbot, ctx, office, **kwargs) -> BookingDialog:
    dialog = BookingDialog(ctx, office, **kwargs)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


def tick_everything_by_keyboard(qtbot):
    """The consent checklist: Space ticks the current item, Down moves on, Enter records."""

    def handler(dialog):
        assert isinstance(dialog, ConsentDialog)
        items = dialog.items
        items.setFocus()
        for row in range(items.count()):
            items.setCurrentRow(row)
            qtbot.keyClick(items, Qt.Key.Key_Space)
        assert dialog.ok_button.isEnabled()
        qtbot.keyClick(items, Qt.Key.Key_Return)

    return handler


def test_book_through_the_dialog_by_keyboard(qtbot, db, ctx, make_office):
    """Tab from field to field, choices with the arrow keys, the checklist with Space, Enter books."""
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=TEN)
    assert dialog.selected_start() == TEN
    assert focused() is dialog.editors["name"]

    type_text(qtbot, "山田 花子")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "やまだ はなこ")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "０９０－１２３４－５６７８")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.editors["phone"].text() == "090-1234-5678"  # tidied when leaving the field
    type_text(qtbot, "hanako@example.jp")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "11010-12345678")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # はい
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # はい
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.channel_box
    assert dialog.channel_box.currentData() == "phone"  # the desk's default where the office takes it
    while focused() is not dialog.consent_button:
        press(qtbot, Qt.Key.Key_Tab)
    assert not dialog.save_button.isEnabled()  # the checklist is not done yet

    modals = Modals(tick_everything_by_keyboard(qtbot))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: not dialog.consent_missing())
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    activate(qtbot, dialog)  # the offscreen platform does not hand activation back after a modal
    assert focused() is dialog.save_button
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    res = dialog.reservation
    assert res is not None and res.start == TEN and res.channel == "phone"
    stored = Reservation.get_by_id(res.id)
    assert stored.applicant.phone == "09012345678" and stored.applicant.job_seeker_no == "11010-12345678"
    consent = Consent.get(Consent.reservation == res.id)
    assert consent.staff == "tester" and consent.terms_version == "令和5年7月14日改定"
    assert set(consent.items) >= set(dialog.config.required_consent_keys())


def test_validation_as_you_type_shows_the_rules_own_message(qtbot, db, ctx, make_office):
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=TEN)
    dialog.editors["phone"].setFocus()
    type_text(qtbot, "090-12")
    error = dialog.error_labels["phone"]
    assert error.isVisible() and error.text() == "電話番号の形式が正しくありません（例：090-1234-5678）"
    type_text(qtbot, "34-5678")
    assert not error.isVisible()
    dialog.editors["job_seeker_no"].setFocus()
    type_text(qtbot, "１１０１０－１２３")
    assert "求職番号は「5桁-8桁」" in dialog.error_labels["job_seeker_no"].text()
    # An ineligible answer is refused with the rule's words (004 第2条(2)).
    dialog.set_field("has_webcam_device", "いいえ")
    assert dialog.error_labels["has_webcam_device"].text().startswith("対象外です")
    assert not dialog.save_button.isEnabled()


@pytest.mark.usefixtures("japanese")
def test_deadlines_are_shown_for_the_chosen_slot(qtbot, db, ctx, make_office):
    """000 第4条(2)(3): applications close 5 business days before, details are sent 3 before."""
    office = make_office("nishitokyo-childcare")
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 15, 9, 0))
    text = dialog.deadlines.text()
    assert f"申込締切：{format_date_ja(dt.date(2027, 1, 7))}" in text
    assert f"接続情報の送付期限：{format_date_ja(dt.date(2027, 1, 12))}" in text
    # Another day: the labels follow the date.
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(5))  # Wednesday 20 January
    assert format_date_ja(dt.date(2027, 1, 13)) in dialog.deadlines.text()


def test_a_slot_past_its_deadline_cannot_be_saved(qtbot, db, ctx, make_office, make_request):
    """004 第4条(1): booking is complete two business days before; Tuesday 5 January is too late."""
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 5, 10, 0))
    for key, value in {"name": "山田 花子", "phone": "090-1234-5678", "email": "hanako@example.jp",
                       "job_seeker_no": "11010-12345678", "has_webcam_device": "はい",
                       "continuing_support": "はい"}.items():
        dialog.set_field(key, value)
    dialog.set_consent(dialog.config.required_consent_keys(), dialog.config.terms_version)
    assert dialog.selected_start() == dt.datetime(2027, 1, 5, 10, 0)
    assert "申込みの締切" in dialog.slot_problem.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.editors["name"], Qt.Key.Key_Return)  # Enter does not get round it
    assert dialog.isVisible() and dialog.reservation is None
    assert Reservation.select().count() == 0


@pytest.mark.usefixtures("japanese")
def test_closed_day_shows_why(qtbot, db, ctx, make_office):
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 11, 0, 0))
    assert dialog.slot_box.count() == 0
    assert dialog.slot_problem.text() == "2027年1月11日(月) は休業日です（成人の日）"


def fill_hellowork(dialog, phone="090-1234-5678", email="hanako@example.jp", seeker="11010-12345678"):
    for key, value in {"name": "山田 花子", "phone": phone, "email": email, "job_seeker_no": seeker,
                       "has_webcam_device": "はい", "continuing_support": "はい"}.items():
        dialog.set_field(key, value)
    dialog.set_consent(dialog.config.required_consent_keys(), dialog.config.terms_version)


def earlier_no_show(ctx, clock, office, make_request) -> Reservation:
    res = booking.book(ctx, make_request(office, dt.datetime(2027, 1, 7, 10, 0), phone="090-1234-5678"))
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(dt.datetime(2027, 1, 7, 10, 11))
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    clock.set(dt.datetime(2027, 1, 8, 9, 0))
    return res


def test_earlier_no_show_is_warned_with_its_date_and_go_ahead_is_recorded(
    qtbot, db, ctx, clock, make_office, make_request
):
    """004 第4条(4): cancelling without contact may lead to refusal; staff see the date and decide."""
    office = make_office("hellowork-kawagoe")
    old = earlier_no_show(ctx, clock, office, make_request)
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 14, 10, 0))
    fill_hellowork(dialog, phone="０９０１２３４５６７８", email="other@example.jp", seeker="11010-99999999")

    assert dialog.trouble_box.isVisible()
    assert "2027年1月7日(木) 無断キャンセル" in dialog.trouble_label.text()
    assert f"予約{old.id}" in dialog.trouble_label.text()
    assert not dialog.save_button.isEnabled()
    dialog.go_ahead.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()

    res = dialog.reservation
    assert res is not None
    entry = History.get(History.reservation == res.id, History.action == "book")
    assert entry.data["trouble_acknowledged"] == [old.id]
    assert "過去の利用状況を確認のうえ受付" in entry.note


def test_refusing_because_of_earlier_trouble_is_recorded(qtbot, db, ctx, clock, make_office, make_request):
    """003 7(2) / 004 第4条(4): the staff's refusal is kept in the audit log; nothing is booked."""
    office = make_office("hellowork-kawagoe")
    earlier_no_show(ctx, clock, office, make_request)
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 14, 10, 0))
    fill_hellowork(dialog)
    before = Reservation.select().count()
    modals = Modals(answer_yes)
    dialog.refuse_button.click()
    qtbot.waitUntil(modals.done)
    assert dialog.refused and dialog.result() == QDialog.DialogCode.Rejected
    assert Reservation.select().count() == before
    audit = AuditLog.get(AuditLog.action == "booking_refused_trouble")
    assert audit.staff == "tester" and "無断キャンセル" in audit.detail


def test_companions_named_in_advance(qtbot, db, ctx, make_office):
    """003 5(1)①: a companion is named in advance with their affiliation."""
    office = make_office("yamaguchi-vocational")
    dialog = open_dialog(qtbot, ctx, office, start=TEN, channel="phone")
    for key, value in {"name": "山田 花子", "phone": "090-1234-5678", "email": "hanako@example.jp",
                       "client_registered": "登録済み"}.items():
        dialog.set_field(key, value)
    dialog.set_consent(dialog.config.required_consent_keys(), dialog.config.terms_version)
    assert dialog.save_button.isEnabled()
    dialog.add_companion_button.click()
    row = dialog.companion_rows[0]
    assert focused() is row.name
    type_text(qtbot, "佐藤 一郎")
    assert "同席者は氏名と所属・続柄を両方入力してください" in dialog.problems.text()
    assert not dialog.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is row.relation, (focused(), focused().objectName())
    type_text(qtbot, "手話通訳者")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert dialog.reservation.companions == [{"name": "佐藤 一郎", "relation": "手話通訳者"}]


def test_only_the_offices_channels_are_offered(qtbot, db, ctx, make_office):
    """000 第4条(1): Nishitokyo takes applications through its form only."""
    office = make_office("nishitokyo-childcare")
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 15, 9, 0))
    channels = [dialog.channel_box.itemData(i) for i in range(dialog.channel_box.count())]
    assert channels == ["form"]


def test_a_refused_booking_shows_the_rule_and_stores_nothing(qtbot, db, ctx, make_office):
    """004 第4条(1): the first booking is by form or phone; in-session is refused by the service."""
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=TEN, channel="in-session")
    fill_hellowork(dialog)
    modals = Modals(close_box)
    dialog.save_button.click()
    qtbot.waitUntil(modals.done)
    assert modals.texts == ["初回の申込みは申込フォーム・電話のみで受け付けます"]
    assert dialog.reservation is None and Reservation.select().count() == 0


def test_reschedule_moves_the_reservation_to_the_chosen_slot(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    old = booking.book(ctx, make_request(office, TEN))
    dialog = open_dialog(qtbot, ctx, office, rescheduled_from=old.id)
    assert not dialog.editors["name"].isEnabled() and dialog.editors["name"].text() == "山田 花子"
    assert focused() is dialog.date_edit
    assert dialog.selected_date() == WED  # the old reservation's day, to move from
    press(qtbot, Qt.Key.Key_Up)  # the day steps with the arrow keys
    assert dialog.selected_date() == dt.date(2027, 1, 14)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.slot_box  # Tab leaves the date field, not its parts
    assert dialog.select_slot(dt.datetime(2027, 1, 14, 13, 0))
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    modals = Modals(answer_yes)
    dialog.save_button.click()
    qtbot.waitUntil(modals.done)
    new = dialog.reservation
    assert new is not None and new.start == dt.datetime(2027, 1, 14, 13, 0)
    assert new.rescheduled_from_id == old.id
    assert Reservation.get_by_id(old.id).status == "rescheduled"


def test_group_event_booking(qtbot, db, ctx, make_office):
    """002: a place in a group event, up to its limit."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "exchange", "親子交流会", TEN, 60, 5)
    dialog = open_dialog(qtbot, ctx, office, event_id=event.id)
    assert dialog.date_edit.isHidden()
    for spec in dialog.config.fields:
        if spec.example:
            dialog.set_field(spec.key, spec.example)
    dialog.set_consent(dialog.config.required_consent_keys(), dialog.config.terms_version)
    assert dialog.save_button.isEnabled(), dialog.problems.text()
    dialog.save_button.click()
    assert dialog.reservation.event_id == event.id


@pytest.mark.usefixtures("japanese")
def test_japanese_ui(qtbot, db, ctx, make_office):
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=TEN)
    assert dialog.windowTitle() == "新規予約 — ハローワーク川越"
    assert dialog.save_button.text() == "予約する(&B)"
    assert dialog.date_edit.text() == "2027年1月13日(水)"
    assert dialog.slot_box.currentText() == "10:00～10:30  空き 2/2"
    assert "申込締切：2027年1月11日(月)" not in dialog.deadlines.text()  # 11th is a holiday
    assert "申込締切：2027年1月8日(金)" in dialog.deadlines.text()


@pytest.mark.usefixtures("japanese")
def test_yamaguchi_length_choice_30_45_60(qtbot, db, ctx, make_office):
    """003 6 「1回当たりの実施時間は最大60分」「9:00～16:30」: the dialog offers 30, 45 and 60 minutes. The 16:00 slot
    comes with the 30 minutes the slot list shows (60 would end after 16:30); 60 chosen by hand there cannot be
    saved, and a time chosen later keeps the clerk's length (Wednesday 2027-01-13, after 成人の日)."""
    office = make_office("yamaguchi-vocational")
    dialog = open_dialog(qtbot, ctx, office, start=dt.datetime(2027, 1, 13, 16, 0), channel="phone")
    assert [dialog.length_box.itemText(i) for i in range(dialog.length_box.count())] == ["30分", "45分", "60分"]
    assert dialog.selected_start() == dt.datetime(2027, 1, 13, 16, 0)
    assert dialog.session_minutes() == 30 and dialog.slot_problem.text() == ""
    for field in dialog.config.fields:
        if field.example:
            dialog.set_field(field.key, field.example)
    dialog.set_consent(dialog.config.required_consent_keys(), dialog.config.terms_version)
    dialog.length_box.setFocus()
    qtbot.keyClick(dialog.length_box, Qt.Key_End)  # the clerk picks 60 minutes
    assert dialog.session_minutes() == 60
    assert "60分の相談は実施時間内に終わりません" in dialog.slot_problem.text() and not dialog.save_button.isEnabled()
    dialog.slot_box.setCurrentIndex(dialog.slot_box.findText("15:30", Qt.MatchStartsWith))
    assert dialog.session_minutes() == 60 and dialog.slot_problem.text() == ""  # the clerk's length is kept
    dialog.slot_box.setCurrentIndex(dialog.slot_box.findText("16:00", Qt.MatchStartsWith))
    dialog.length_box.setCurrentIndex(dialog.length_box.findData(30))
    assert dialog.slot_problem.text() == "" and dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.reservation is not None
    assert dialog.reservation.end == dt.datetime(2027, 1, 13, 16, 30)


def test_one_length_offices_show_no_length_choice(qtbot, db, ctx, make_office):
    office = make_office("hellowork-kawagoe")
    dialog = open_dialog(qtbot, ctx, office, start=TEN)
    assert dialog.length_box.isHidden() and dialog.session_minutes() is None
