"""The credentials widget: secrets masked (not even loaded) until revealed, editing, reissue after loss."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from consult_desk import audit, booking, credentials
from consult_desk.models import MeetingCredential
from consult_desk.ui.desk.credentials_widget import CredentialsWidget, ReissueDialog

pytestmark = pytest.mark.usefixtures("japanese")

WED = dt.datetime(2027, 1, 20, 10, 0)
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901?pwd=UrlSecret77", "meeting_id": "12345678901", "passcode": "Zq81PassA"}


@pytest.fixture
def zoom(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    rid = booking.book(ctx, make_request("nishitokyo-childcare", WED)).id
    credentials.set_credentials(ctx, rid, ZOOM)
    return rid


def all_text(widget) -> str:
    """Everything a screenshot of the widget could show (labels, fields, placeholders)."""
    parts = [w.text() for w in widget.findChildren(QLabel)]
    for edit in widget.findChildren(QLineEdit):
        parts += [edit.text(), edit.placeholderText()]
    return "\n".join(parts)


def test_secrets_stay_masked_until_revealed_and_the_look_is_audited(qtbot, ctx, zoom):
    widget = CredentialsWidget(ctx, zoom)
    qtbot.addWidget(widget)
    text = all_text(widget)
    assert "Zq81PassA" not in text and "UrlSecret77" not in text
    assert widget.value_labels["passcode"].text() == credentials.MASK
    assert widget.value_labels["meeting_id"].text() == "123 4567 8901"
    assert widget.platform_label.text() == "Zoom Meetings"
    assert widget.issued_label.text() == "2027年1月4日(月) 09:00 登録（tester）"
    widget.reveal_button.click()
    assert widget.value_labels["passcode"].text() == "Zq81PassA"
    assert "UrlSecret77" in widget.value_labels["url"].text()
    assert widget.reveal_button.isHidden()
    assert audit.entries()[-1].action == "reveal_credentials"


def test_edit_keeps_a_secret_left_empty_and_replaces_a_typed_one(qtbot, ctx, zoom):
    widget = CredentialsWidget(ctx, zoom)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.changed, timeout=1000):
        widget.edit_button.click()
        assert widget.edits["passcode"].text() == "" and widget.edits["passcode"].echoMode() == QLineEdit.EchoMode.Password
        assert "UrlSecret77" not in all_text(widget)  # the URL's pwd stays masked in the editor too
        widget.edits["meeting_id"].setText("987 6543 2109")
        widget.save_button.click()
    row = credentials.current(zoom)
    assert row.meeting_id == "98765432109" and row.passcode == "Zq81PassA" and row.url == ZOOM["url"]
    widget.edit_button.click()
    widget.edits["passcode"].setText("New9Code")
    widget.save_button.click()
    assert credentials.current(zoom).passcode == "New9Code"
    assert widget.editor.isHidden() and not widget.view.isHidden()


def test_a_bad_value_is_explained_and_nothing_stored(qtbot, ctx, zoom):
    widget = CredentialsWidget(ctx, zoom)
    qtbot.addWidget(widget)
    widget.edit_button.click()
    widget.edits["url"].setText("http://insecure.example.jp/j/1")
    widget.save_button.click()
    assert "https://" in widget.error_label.text()
    assert not widget.editor.isHidden()
    assert MeetingCredential.select().count() == 1


def test_missing_credentials_are_marked(qtbot, ctx, db, make_office, make_request):
    make_office("musashino-hoiku-concierge")
    rid = booking.book(ctx, make_request("musashino-hoiku-concierge", WED)).id
    widget = CredentialsWidget(ctx, rid)
    qtbot.addWidget(widget)
    assert widget.value_labels["room_key"].text() == "（未登録）"
    assert not widget.reissue_button.isEnabled() and widget.reveal_button.isHidden()
    widget.edit_button.click()
    widget.edits["room_key"].setText("R0om-5521")
    widget.save_button.click()
    assert widget.value_labels["room_key"].text() == credentials.MASK


def test_reissue_after_a_loss(qtbot, ctx, db, make_office, make_request):
    """002 5(3): lost or stolen ID and password: recorded, new ones issued."""
    make_office("funabashi-kosodate")
    rid = booking.book(ctx, make_request("funabashi-kosodate", WED)).id
    credentials.set_credentials(ctx, rid, {"meeting_id": "98765432", "password": "Pw-20270120"})
    dialog = ReissueDialog(ctx, rid, CredentialsWidget(ctx, rid).config)
    qtbot.addWidget(dialog)
    dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("stolen"))
    dialog.edits["password"].setText("Pw-20270120")
    dialog.accept()
    assert "異なる値" in dialog.error_label.text()
    dialog.edits["password"].setText("New-4471")
    dialog.note_edit.setText("本人から電話")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert credentials.current(rid).password == "New-4471"
    revoked = MeetingCredential.select().where(MeetingCredential.revoked_at.is_null(False)).get()
    assert revoked.revoked_reason == "盗難：本人から電話"
