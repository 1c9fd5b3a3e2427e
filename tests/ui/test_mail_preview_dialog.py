"""The mail preview: masked until revealed; sending on a worker keeps the window responsive; failures
are shown and retried; .eml and clipboard for offices that may not send."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from smtp_helpers import HOST, SmtpServer

from consult_desk import audit, booking, credentials, lifecycle, mail
from consult_desk.models import Outbox
from consult_desk.offices import update_config
from consult_desk.ui.mail.mail_preview_dialog import MailPreviewDialog, fitting_templates

pytestmark = [
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning"),
    pytest.mark.usefixtures("japanese"),
]

WED = dt.datetime(2027, 1, 20, 10, 0)
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Zq81PassA"}


@pytest.fixture
def zoom(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    rid = booking.book(ctx, make_request("nishitokyo-childcare", WED)).id
    credentials.set_credentials(ctx, rid, ZOOM)
    return rid


def configure(ctx, port: int, security: str = "none", user: str = "") -> None:
    settings = mail.SmtpSettings(host=HOST, port=port, security=security, user=user,
                                 from_addr="soudan@city.nishitokyo.example.jp", timeout=5)
    mail.save_settings(ctx, "nishitokyo-childcare", settings, password="pw" if user else None)


def test_the_preview_is_masked_until_revealed(qtbot, ctx, zoom, worker):
    dialog = MailPreviewDialog(ctx, zoom, "details", mail_sender=worker)
    qtbot.addWidget(dialog)
    assert dialog.template == "details"
    assert [dialog.template_box.itemData(i) for i in range(dialog.template_box.count())] == fitting_templates(
        "confirmed", False) == ["received", "details", "reminder"]
    body = dialog.body_edit.toPlainText()
    assert "Zq81PassA" not in body and "パスコード：••••" in body and "2027年1月20日(水)" in body
    assert dialog.subject_edit.text().startswith("【西東京市 保育相談】")
    assert dialog.to_label.text() == "山田 花子 <hanako@example.jp>"
    assert not dialog.send_button.isEnabled() and "SMTP設定がまだありません" in dialog.status_label.text()
    dialog.reveal_button.click()
    assert "パスコード：Zq81PassA" in dialog.body_edit.toPlainText()
    assert audit.entries()[-1].action == "reveal_credentials"


def test_sending_goes_through_the_worker_to_a_real_server(qtbot, ctx, zoom, worker, tmp_path, memory_keyring):
    """000 第4条(3): the details e-mail is sent and the reservation becomes details_sent."""
    with SmtpServer(tmp_path, "starttls", user="desk", password="pw") as server:
        settings = mail.SmtpSettings(host=HOST, port=server.port, security="starttls", user="desk",
                                     from_addr="soudan@city.nishitokyo.example.jp", cafile=str(server.cafile), timeout=5)
        mail.save_settings(ctx, "nishitokyo-childcare", settings, password="pw")
        dialog = MailPreviewDialog(ctx, zoom, "details", mail_sender=worker)
        qtbot.addWidget(dialog)
        assert dialog.send_button.isEnabled()
        with qtbot.waitSignal(worker.finished, timeout=10_000) as result:
            dialog.send_button.click()
        assert result.args == [dialog.outbox_id, ""]
    assert dialog.status_label.text() == "hanako@example.jp に送信しました。"
    msg = email.message_from_bytes(server.received[0].raw, policy=email.policy.default)
    assert msg["Subject"].startswith("【西東京市 保育相談】") and "パスコード：Zq81PassA" in msg.get_content()
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    assert Outbox.get_by_id(dialog.outbox_id).state == "sent"


def test_the_window_stays_responsive_while_the_server_is_slow(qtbot, ctx, zoom, worker):
    configure(ctx, 2525)
    release = threading.Event()
    reached = threading.Event()

    def slow_transmit(prepared):
        reached.set()
        assert release.wait(10), "the test never released the worker"

    worker.transmit = slow_transmit
    dialog = MailPreviewDialog(ctx, zoom, "reminder", mail_sender=worker)
    qtbot.addWidget(dialog)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    dialog.send_button.click()  # returns at once: the SMTP conversation is on the worker
    assert dialog.status_label.text() == "送信中…" and not dialog.send_button.isEnabled()
    assert Outbox.get_by_id(dialog.outbox_id).state == "sending"
    qtbot.waitUntil(reached.is_set, timeout=5000)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop kept running meanwhile
    assert worker.busy(dialog.outbox_id)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        release.set()
    timer.stop()
    assert Outbox.get_by_id(dialog.outbox_id).state == "sent"


def test_a_failure_is_shown_and_can_be_tried_again(qtbot, ctx, zoom, worker):
    configure(ctx, 2525)
    attempts = []

    def flaky(prepared):
        attempts.append(prepared.outbox_id)
        if len(attempts) == 1:
            raise mail.MailError("mail_failed", detail="SMTPサーバー（127.0.0.1:2525）に接続できませんでした（接続拒否）")

    worker.transmit = flaky
    dialog = MailPreviewDialog(ctx, zoom, "details", mail_sender=worker)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        dialog.send_button.click()
    assert "送信できませんでした" in dialog.status_label.text() and "接続拒否" in dialog.status_label.text()
    assert dialog.send_button.isEnabled() and dialog.send_button.text() == "再送(&A)"
    assert Outbox.get_by_id(dialog.outbox_id).state == "failed"
    assert lifecycle.get_reservation(zoom).status == "confirmed"
    first = dialog.outbox_id
    with qtbot.waitSignal(worker.finished, timeout=5000):
        dialog.send_button.click()
    assert dialog.outbox_id == first and attempts == [first, first]
    assert Outbox.get_by_id(first).state == "sent" and Outbox.get_by_id(first).attempts == 2
    assert lifecycle.get_reservation(zoom).status == "details_sent"


def test_an_office_that_may_not_send_saves_or_copies(qtbot, ctx, zoom, worker, tmp_path):
    update_config(ctx, "nishitokyo-childcare", {"may_send_mail": False})
    dialog = MailPreviewDialog(ctx, zoom, "details", mail_sender=worker)
    qtbot.addWidget(dialog)
    assert not dialog.send_button.isEnabled()
    assert "窓口PCからメールを送信しません" in dialog.status_label.text()
    assert not dialog.mark_box.isHidden() and dialog.mark_box.text() == "保存・コピーしたら「案内送付済」にする"
    dialog.mark_box.setChecked(False)
    dialog.copy_button.click()
    assert "Zq81PassA" in QGuiApplication.clipboard().text()
    assert lifecycle.get_reservation(zoom).status == "confirmed"
    dialog.mark_box.setChecked(True)
    dialog.save_eml(tmp_path / "details.eml")
    assert (tmp_path / "details.eml").exists() and "に保存しました" in dialog.status_label.text()
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    assert [r.state for r in mail.entries(states=("saved",))] == ["saved", "saved"]
    # saved and marked as sent: the schedule's own details message went with it (issue 17)
    assert [r.state for r in mail.entries(states=("scheduled", "cancelled")) if r.template == "details"] == ["cancelled"]


def test_a_message_that_does_not_fit_is_explained(qtbot, ctx, zoom, worker):
    credentials.revoke(ctx, zoom, "lost")
    dialog = MailPreviewDialog(ctx, zoom, "details", mail_sender=worker)
    qtbot.addWidget(dialog)
    assert "パスコード" in dialog.status_label.text()
    assert not dialog.eml_button.isEnabled() and not dialog.copy_button.isEnabled()


def test_closing_the_application_waits_for_a_send_in_progress(qtbot, ctx, zoom, worker, monkeypatch):
    """Nothing is left 'sending' at exit: the worker finishes and the outbox records the result."""
    from consult_desk.ui.mail import mail_worker

    configure(ctx, 2525)
    reached = threading.Event()
    release = threading.Event()

    def slow_transmit(prepared):
        reached.set()
        assert release.wait(10)

    worker.transmit = slow_transmit
    monkeypatch.setattr(mail_worker, "_sender", worker)
    dialog = MailPreviewDialog(ctx, zoom, "reminder", mail_sender=worker)
    qtbot.addWidget(dialog)
    dialog.send_button.click()
    qtbot.waitUntil(reached.is_set, timeout=5000)
    releaser = threading.Timer(0.2, release.set)
    releaser.start()
    mail_worker.finish_pending_sends(10_000)  # what run_window does after the event loop ends
    releaser.join()
    assert Outbox.get_by_id(dialog.outbox_id).state == "sent"
