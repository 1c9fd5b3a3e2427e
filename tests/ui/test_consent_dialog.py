"""The consent checklist: the gate, the keyboard, the terms version and what is stored and shown later."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import WED, Modals, activate, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from consult_desk import booking
from consult_desk.errors import RuleError
from consult_desk.offices import change_terms, get_config
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog, TermsDialog
from consult_desk.ui.desk.reservation_panel import ReservationPanel

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def open_consent(qtbot, ctx, office, ticked=None) -> ConsentDialog:
    dialog = ConsentDialog(ctx, office, None, ticked)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


@pytest.mark.usefixtures("japanese")
def test_the_gate_refuses_an_unticked_item(qtbot, db, ctx, make_office):
    """004 前文, 004 第2条(2): the terms and the web-camera device are conditions of use: one left open
    blocks the booking; the advice (004 第10条(3)(4): private room, updates, firewall) never does."""
    office = make_office("hellowork-kawagoe")
    config = get_config(office)
    required = config.required_consent_keys()
    assert required == ["terms", "camera_mic"]
    assert {"quiet_room", "os_browser_updated", "firewall"} <= set(config.advice_keys())
    dialog = open_consent(qtbot, ctx, office, ticked=["terms"])

    assert dialog.missing() == ["camera_mic"]
    assert not dialog.ok_button.isEnabled()
    assert dialog.status.text() == "未確認の必須項目：1 件"
    assert "案内済みとして記録" in dialog.items.item(dialog.items.count() - 1).text()
    qtbot.keyClick(dialog.items, Qt.Key.Key_Return)  # Enter does not get round the gate
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted

    booking_dialog = BookingDialog(ctx, office, start=TEN, channel="phone")
    qtbot.addWidget(booking_dialog)
    for field in config.fields:
        if field.example:
            booking_dialog.set_field(field.key, field.example)
    booking_dialog.set_consent(dialog.ticked(), dialog.terms_version)
    assert not booking_dialog.save_button.isEnabled()
    assert "同意チェックリストが完了していません" in booking_dialog.problems.text()

    dialog.set_ticked("camera_mic")
    assert dialog.ok_button.isEnabled() and dialog.status.text() == "必須項目はすべて確認済みです。"
    booking_dialog.set_consent(dialog.ticked(), dialog.terms_version)
    assert booking_dialog.save_button.isEnabled()


def test_the_service_refuses_the_same_gap(db, ctx, make_office, make_request):
    """The window's gate and the booking service agree: a condition left open is refused (004 第2条(2)),
    advice left open is not."""
    office = make_office("hellowork-kawagoe")
    with pytest.raises(RuleError) as refused:
        booking.book(ctx, make_request(office, TEN, consent_items=["terms"]))
    assert refused.value.code == "consent_missing" and "WEBカメラ" in refused.value.message
    assert booking.book(ctx, make_request(office, TEN, consent_items=["terms", "camera_mic"])).id


def test_space_ticks_and_enter_records(qtbot, db, ctx, make_office):
    office = make_office("nishitokyo-childcare")
    dialog = open_consent(qtbot, ctx, office)
    assert dialog.items.hasFocus()
    for _ in range(dialog.items.count()):
        press(qtbot, Qt.Key.Key_Space)  # ticks and moves on to the next item (issue 15, 2)
    assert dialog.missing() == []
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ticked = dialog.ticked()
    config = get_config(office)
    assert ticked == config.required_consent_keys() + config.advice_keys()  # conditions first, then advice


@pytest.mark.usefixtures("japanese")
def test_terms_version_effective_date_and_full_text(qtbot, db, ctx, make_office):
    """004: the terms as revised 令和5年7月14日 are shown with their version and can be read in full."""
    office = make_office("hellowork-kawagoe")
    dialog = open_consent(qtbot, ctx, office)
    assert dialog.version_label.text() == "版：令和5年7月14日改定　施行日：2023年7月14日(金)"

    seen = []

    def read_terms(terms):
        assert isinstance(terms, TermsDialog)
        seen.append(terms.text.toPlainText())
        terms.reject()

    modals = Modals(read_terms)
    dialog.full_text_button.click()
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: bool(seen))
    assert "オンライン職業相談" in seen[0] and len(seen[0]) > 1000


@pytest.mark.usefixtures("japanese")
def test_consent_is_stored_and_shown_with_staff_time_and_version(qtbot, db, ctx, make_office, make_request):
    """004 前文 / 第11条: what was ticked, by whom, when and for which version; a later change of the
    terms shows on reservations not yet held."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN, consent_items=["terms", "camera_mic", "no_recording"]))
    panel = ReservationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_reservation(res.id)
    text = panel.consent_label.text()
    assert "確認者：tester" in text and "2027年1月4日(月) 09:00" in text and "令和5年7月14日改定" in text
    assert "録画・録音はその方法を問わず行いません （案内済み）" in text  # advice (004 第10条(2)), recorded as advised
    assert "WEBカメラによる通信が可能な端末を用意します</li>" in text  # a condition (004 第2条(2))
    assert panel.warnings.isHidden()

    change_terms(ctx, office, "令和9年1月5日改定", dt.date(2027, 1, 5), "改定後の規約")
    panel.show_reservation(res.id)
    assert not panel.warnings.isHidden()
    assert "旧版の規約（令和5年7月14日改定）への同意です。現行の版は 令和9年1月5日改定 です。" in panel.warnings.text()
    assert "旧版の規約への同意" in panel.consent_label.text()

    # A new booking now consents to the new version; consent to the old one is refused.
    with pytest.raises(RuleError) as refused:
        booking.book(ctx, make_request(office, TEN, name="佐藤 太郎", phone="080-1111-2222",
                                       terms_version="令和5年7月14日改定"))
    assert refused.value.code == "consent_outdated"
