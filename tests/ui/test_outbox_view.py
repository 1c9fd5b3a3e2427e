"""The Outbox tab, the SMTP settings dialog and the due list."""

from __future__ import annotations

import datetime as dt

import keyring.backends.fail
import pytest
from action_helpers import send_details
from memory_keyring import installed
from PySide6.QtCore import QThreadPool

from consult_desk import booking, credentials, mail, secrets
from consult_desk.context import Actor, Context
from consult_desk.models import Office, Outbox
from consult_desk.ui.mail.mail_worker import MailSender
from consult_desk.ui.mail.outbox_view import OutboxView
from consult_desk.ui.mail.smtp_settings_dialog import SmtpSettingsDialog
from consult_desk.ui.session.due_list import DueListWidget, due_text

pytestmark = pytest.mark.usefixtures("japanese")

WED = dt.datetime(2027, 1, 20, 10, 0)
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Zq81PassA"}


@pytest.fixture
def zoom(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    rid = booking.book(ctx, make_request("nishitokyo-childcare", WED)).id
    credentials.set_credentials(ctx, rid, ZOOM)
    return rid


def test_outbox_lists_masked_messages_and_retries_a_failed_one(qtbot, ctx, zoom, worker, memory_keyring):
    mail.save_settings(
        ctx, "nishitokyo-childcare",
        mail.SmtpSettings(host="127.0.0.1", port=2525, security="none", from_addr="soudan@city.example.jp"),
    )
    failing = [True]

    def transmit(prepared):
        if failing[0]:
            raise mail.MailError("mail_failed", detail="応答がありません")

    worker.transmit = transmit
    row = mail.queue(ctx, zoom, "details")
    view = OutboxView(ctx, mail_sender=worker)
    qtbot.addWidget(view)
    view.set_office("nishitokyo-childcare")
    assert OutboxView.tab_title() == "送信箱"
    # in the order they go out: the one queued now, then the schedule's details and reminder (issue 17)
    assert [(e.id == row.id, e.template) for e in view.model.rows] == [(True, "details"), (False, "details"),
                                                                       (False, "reminder")]
    assert view.model.headers()[5] == "状態" and view.model.data(view.model.index(0, 5)) == "送信予定"
    view.table.selectRow(0)
    assert "Zq81PassA" not in view.body.toPlainText() and "••••" in view.body.toPlainText()
    with qtbot.waitSignal(worker.finished, timeout=5000):
        view.retry_button.click()
    assert view.model.data(view.model.index(0, 5)) == "送信失敗"
    assert view.model.data(view.model.index(0, 7)).endswith("応答がありません")
    assert "送信できませんでした" in view.message.text()
    view.failed_only.setChecked(True)
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert view.retry_button.isEnabled()
    failing[0] = False
    with qtbot.waitSignal(worker.finished, timeout=5000):
        view.retry_button.click()
    assert Outbox.get_by_id(row.id).state == "sent"
    assert view.model.rowCount() == 0  # failed only
    view.failed_only.setChecked(False)
    view.table.selectRow(0)
    assert not view.retry_button.isEnabled()  # sent: nothing to retry


def test_smtp_settings_keep_the_password_in_the_keyring(qtbot, ctx, zoom, memory_keyring):
    dialog = SmtpSettingsDialog(ctx, "nishitokyo-childcare")
    qtbot.addWidget(dialog)
    assert "資格情報ストア" in dialog.keyring_label.text()
    dialog.host_edit.setText("smtp.city.nishitokyo.example.jp")
    dialog.security_box.setCurrentIndex(dialog.security_box.findData("ssl"))
    assert dialog.port_spin.value() == 465
    dialog.user_edit.setText("soudan")
    dialog.password_edit.setText("Smtp-Pass-771")
    dialog.from_edit.setText("soudan@city.nishitokyo.example.jp")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = mail.smtp_settings("nishitokyo-childcare")
    assert (stored.host, stored.port, stored.security, stored.user) == ("smtp.city.nishitokyo.example.jp", 465, "ssl", "soudan")
    assert memory_keyring.store[(secrets.SERVICE, "smtp/nishitokyo-childcare")] == "Smtp-Pass-771"
    assert "Smtp-Pass-771" not in str(Office.get_by_id("nishitokyo-childcare").config)
    again = SmtpSettingsDialog(ctx, "nishitokyo-childcare")
    qtbot.addWidget(again)
    assert again.password_edit.text() == "" and again.password_edit.placeholderText() == "保存済み（空欄：変更しない）"
    again.forget_button.click()
    assert not mail.password_stored("nishitokyo-childcare")


def test_smtp_settings_without_a_keyring_say_so_and_store_no_password(qtbot, ctx, zoom):
    with installed(keyring.backends.fail.Keyring()):
        dialog = SmtpSettingsDialog(ctx, "nishitokyo-childcare")
        qtbot.addWidget(dialog)
        assert "資格情報ストア" in dialog.keyring_label.text() and not dialog.password_edit.isEnabled()
        dialog.host_edit.setText("smtp.example.jp")
        dialog.from_edit.setText("")
        dialog.accept()
        assert "差出人アドレス" in dialog.error_label.text()
        dialog.from_edit.setText("soudan@example.jp")
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted


def test_the_due_list_and_the_status_bar_count(qtbot, ctx, clock, zoom):
    """000 第4条(3): details due by 3 business days before the session."""
    widget = DueListWidget(ctx, "nishitokyo-childcare")
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0 and due_text(ctx, "nishitokyo-childcare") == ""
    clock.set(dt.datetime(2027, 1, 18, 9, 0))
    widget.refresh()
    assert widget.model.rowCount() == 1
    assert widget.model.data(widget.model.index(0, 0)) == "期限超過"
    assert widget.model.data(widget.model.index(0, 1)) == "接続情報の送付"
    assert widget.model.data(widget.model.index(0, 2)) == "2027年1月15日(金)"
    assert widget.title.text() == "接続情報の送付・返信の要対応（1件）"
    assert due_text(ctx, "nishitokyo-childcare") == "要対応：1件"
    with qtbot.waitSignal(widget.reservation_activated) as opened:
        widget.table.activated.emit(widget.model.index(0, 0))
    assert opened.args == [zoom]


def test_a_clerk_cannot_open_the_smtp_settings(qtbot, clock, zoom):
    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    view = OutboxView(clerk, mail_sender=MailSender(pool=QThreadPool()))
    qtbot.addWidget(view)
    assert not view.settings_button.isEnabled()


def test_the_window_has_the_outbox_tab_the_due_count_and_the_credentials_editor(qtbot, ctx, clock, zoom, db):
    """The pieces of issue 5 inside the desk window: Outbox tab, due count in the status bar,
    the credentials widget in the reservation panel."""
    from consult_desk.ui.desk.credentials_widget import CredentialsWidget
    from consult_desk.ui.shell.main_window import MainWindow
    from consult_desk.ui.shell.settings import settings

    settings().clear()
    clock.set(dt.datetime(2027, 1, 18, 9, 0))  # Nishitokyo's details were due on Friday 15th
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "送信箱" in titles and window.outbox_view.office == "nishitokyo-childcare"
    assert window.due_label.text() == "要対応：1件"
    window.open_reservation(zoom)
    [widget] = window.panel.findChildren(CredentialsWidget)
    assert widget.value_labels["passcode"].text() == credentials.MASK
    widget.edit_button.click()
    widget.edits["passcode"].setText("New9Code")
    widget.save_button.click()  # the panel refreshes: its history shows the change
    assert credentials.current(zoom).passcode == "New9Code"
    notes = [window.panel.history_model.data(window.panel.history_model.index(r, 5))
             for r in range(window.panel.history_model.rowCount())]
    assert any("接続情報を変更" in str(n) for n in notes)
    send_details(ctx, zoom)
    window.refresh_all()
    assert window.due_label.text() == ""
    window.close()
    settings().clear()


def test_the_today_board_shows_what_is_due(qtbot, ctx, clock, zoom):
    from consult_desk.ui.session.today_board import TodayBoard

    clock.set(dt.datetime(2027, 1, 18, 9, 0))
    board = TodayBoard(ctx, "nishitokyo-childcare")
    qtbot.addWidget(board)
    assert board.due_list.model.rowCount() == 1
    with qtbot.waitSignal(board.reservation_activated) as opened:
        board.due_list.table.activated.emit(board.due_list.model.index(0, 1))
    assert opened.args == [zoom]
    send_details(ctx, zoom)
    board.refresh()
    assert board.due_list.model.rowCount() == 0


def test_an_administrator_edits_an_offices_wording(qtbot, ctx, zoom):
    from consult_desk import templates
    from consult_desk.ui.mail.template_editor_dialog import TemplateEditorDialog

    dialog = TemplateEditorDialog(ctx, "nishitokyo-childcare")
    qtbot.addWidget(dialog)
    dialog.template_box.setCurrentIndex(dialog.template_box.findData("reminder"))
    assert dialog.origin_label.text() == "共通の標準文面" and not dialog.reset_button.isEnabled()
    dialog.text_edit.setPlainText("【${office_short_name}】明日です\n\n${name} 様 ${unknown}\n")
    dialog.save_button.click()
    assert "差し込み項目" in dialog.message.text() and "unknown" in dialog.message.text()
    dialog.text_edit.setPlainText("【${office_short_name}】明日です\n\n${name} 様\n${datetime}\n")
    dialog.save_button.click()
    assert dialog.message.text() == "保存しました。" and dialog.origin_label.text() == "この事業所で編集した文面"
    assert templates.render(zoom, "reminder", dt.date(2027, 1, 19)).subject == "【西東京市 保育相談】明日です"
    dialog.reset_button.click()
    assert templates.source("nishitokyo-childcare", "reminder").origin == "default"
    dialog.template_box.setCurrentIndex(dialog.template_box.findData("details"))
    assert dialog.origin_label.text() == "この事業所向けの標準文面"


def test_smtp_settings_refuse_a_full_width_password_and_keep_all_or_nothing(qtbot, ctx, zoom, memory_keyring):
    """Issue 14 (7): a full-width password is refused in the dialog, with the sentence, before the first
    send; a keyring that fails while storing leaves the settings as they were."""
    import keyring.errors

    dialog = SmtpSettingsDialog(ctx, "nishitokyo-childcare")
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("smtp.city.nishitokyo.example.jp")
    dialog.user_edit.setText("soudan")
    dialog.from_edit.setText("soudan@city.nishitokyo.example.jp")
    dialog.password_edit.setText("ｐａｓｓ７７１")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "半角" in dialog.error_label.text()
    assert mail.smtp_settings("nishitokyo-childcare").host == "" and not memory_keyring.store

    def locked(*_args):
        raise keyring.errors.KeyringLocked("locked")

    memory_keyring.set_password = locked
    dialog.password_edit.setText("Smtp-Pass-771")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error_label.text()
    assert mail.smtp_settings("nishitokyo-childcare").host == ""  # nothing half-saved
