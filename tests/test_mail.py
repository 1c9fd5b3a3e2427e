"""Sending to applicants: a real SMTP server on loopback (aiosmtpd), keyring with a test backend, the outbox."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.header import decode_header, make_header

import keyring.backends.fail
import keyring.backends.null
import pytest
from memory_keyring import installed
from smtp_helpers import HOST, SmtpServer, free_port

from consult_desk import audit, booking, credentials, lifecycle, mail, secrets
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError, StorageError
from consult_desk.models import History, Office, Outbox
from consult_desk.offices import get_config, update_config

# aiosmtpd warns about AUTH without STARTTLS when the test server runs implicit TLS or plain loopback
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

WED = dt.datetime(2027, 1, 20, 10, 0)
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}
SMTP_PASSWORD = "smtp-Secret-9931"


@pytest.fixture
def zoom(db, ctx, make_office, make_request):
    """A confirmed Nishitokyo (Zoom) reservation with its credentials."""
    make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request("nishitokyo-childcare", WED))
    credentials.set_credentials(ctx, res.id, ZOOM)
    return res.id


def configure(ctx, office: str, server: SmtpServer | None, security: str = "starttls", user: str = "desk", **extra):
    settings = mail.SmtpSettings(
        host=HOST,
        port=server.port if server else free_port(),
        security=security,
        user=user,
        from_addr="soudan@city.nishitokyo.example.jp",
        from_name="西東京市 幼児教育・保育課",
        cafile=str(server.cafile) if server and server.cafile else "",
        timeout=5,
        **extra,
    )
    return mail.save_settings(ctx, office, settings, password=SMTP_PASSWORD if user else None)


def decoded(value: str) -> str:
    return str(make_header(decode_header(value)))


def test_details_go_out_over_starttls_with_japanese_headers_and_move_the_reservation(
    zoom, ctx, clock, tmp_path, memory_keyring
):
    """000 第4条(3): date, Zoom URL, meeting ID and passcode are e-mailed; the reservation is then details_sent."""
    with SmtpServer(tmp_path, "starttls", user="desk", password=SMTP_PASSWORD) as server:
        configure(ctx, "nishitokyo-childcare", server)
        row = mail.queue(ctx, zoom, "details")
        assert row.state == "scheduled"
        sent = mail.send_now(ctx, row.id)
    assert sent.state == "sent" and sent.attempts == 1 and sent.sent_at == clock.now()
    assert server.authenticator.attempts == ["ok"]
    [received] = server.received
    assert received.rcpt_tos == ["hanako@example.jp"]
    assert received.mail_from == "soudan@city.nishitokyo.example.jp"
    raw_headers = received.raw.split(b"\r\n\r\n", 1)[0]
    assert raw_headers.isascii()  # Japanese only as RFC 2047 encoded words
    assert b"=?utf-8?" in raw_headers
    msg = email.message_from_bytes(received.raw, policy=email.policy.default)
    assert msg["Subject"] == "【西東京市 保育相談】オンライン相談の日時とZoomの接続情報のご案内"
    assert decoded(received.raw.split(b"Subject: ", 1)[1].split(b"\r\n", 1)[0].decode()).startswith("【西東京市")
    assert msg["To"].addresses[0].display_name == "山田 花子"
    assert msg["From"].addresses[0].display_name == "西東京市 幼児教育・保育課"
    assert msg["Date"].datetime.utcoffset() == dt.timedelta(hours=9)
    assert msg["Message-ID"].endswith("@city.nishitokyo.example.jp>")
    assert msg.get_content_charset() == "utf-8" and msg["Content-Transfer-Encoding"] == "base64"
    body = msg.get_content()
    assert "山田 花子 様" in body and "2027年1月20日(水) 10:00～10:30" in body
    assert "ミーティングURL：https://us02web.zoom.us/j/12345678901" in body
    assert "ミーティングID：123 4567 8901" in body and "パスコード：Hx7k2Q" in body
    # the outbox keeps the text, masked; the reservation moved on by the life cycle, by e-mail
    assert "Hx7k2Q" not in Outbox.get_by_id(row.id).body and credentials.MASK in Outbox.get_by_id(row.id).body
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    step = History.select().where(History.reservation == zoom, History.action == "send-details").get()
    assert step.channel == "email" and f"送信箱{row.id}" in step.note
    assert [e.action for e in audit.entries()][-1] == "mail_sent"


def test_implicit_tls_and_a_second_send_leaves_the_status_alone(zoom, ctx, tmp_path, memory_keyring):
    with SmtpServer(tmp_path, "ssl", user="desk", password=SMTP_PASSWORD) as server:
        configure(ctx, "nishitokyo-childcare", server, security="ssl")
        mail.send_now(ctx, mail.queue(ctx, zoom, "details").id)
        mail.send_now(ctx, mail.queue(ctx, zoom, "reminder").id)
    assert len(server.received) == 2
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    assert History.select().where(History.reservation == zoom, History.action == "send-details").count() == 1


def test_a_wrong_password_fails_is_shown_and_a_retry_sends(zoom, ctx, tmp_path, memory_keyring):
    with SmtpServer(tmp_path, "starttls", user="desk", password="the-real-one") as server:
        configure(ctx, "nishitokyo-childcare", server)
        row = mail.queue(ctx, zoom, "details")
        with pytest.raises(mail.MailError) as err:
            mail.send_now(ctx, row.id)
        assert "認証できませんでした" in err.value.message
        failed = Outbox.get_by_id(row.id)
        assert failed.state == "failed" and "認証" in failed.error and failed.attempts == 1
        assert SMTP_PASSWORD not in failed.error and "the-real-one" not in failed.error
        assert lifecycle.get_reservation(zoom).status == "confirmed"
        assert mail.failed_count("nishitokyo-childcare") == 1
        mail.save_settings(ctx, "nishitokyo-childcare", mail.smtp_settings("nishitokyo-childcare"), "the-real-one")
        again = mail.send_now(ctx, row.id)
    assert again.state == "sent" and again.attempts == 2 and again.error == ""
    assert len(server.received) == 1
    with pytest.raises(RuleError) as refused:
        mail.prepare(ctx, row.id)
    assert refused.value.code == "outbox_state"


def test_a_refused_recipient_and_an_unreachable_server_are_failures(zoom, ctx, tmp_path, memory_keyring):
    with SmtpServer(tmp_path, "none", user="") as server:
        configure(ctx, "nishitokyo-childcare", server, security="none", user="")
        server.handler.reject_rcpt = True
        row = mail.queue(ctx, zoom, "reminder")
        with pytest.raises(mail.MailError) as err:
            mail.send_now(ctx, row.id)
        assert "宛先" in err.value.message
    configure(ctx, "nishitokyo-childcare", None, security="none", user="")  # nothing listens on that port
    row = mail.queue(ctx, zoom, "reminder")
    with pytest.raises(mail.MailError) as err:
        mail.send_now(ctx, row.id)
    assert "接続できませんでした" in err.value.message
    assert Outbox.get_by_id(row.id).state == "failed"


def test_without_settings_or_password_nothing_is_sent_and_the_row_says_why(zoom, ctx, tmp_path, memory_keyring):
    row = mail.queue(ctx, zoom, "details")
    with pytest.raises(RuleError) as err:
        mail.send_now(ctx, row.id)
    assert err.value.code == "smtp_not_configured"
    assert Outbox.get_by_id(row.id).state == "failed" and "SMTP" in Outbox.get_by_id(row.id).error
    with SmtpServer(tmp_path, "starttls", user="desk", password=SMTP_PASSWORD) as server:
        configure(ctx, "nishitokyo-childcare", server)
        memory_keyring.store.clear()
        with pytest.raises(RuleError) as err:
            mail.send_now(ctx, row.id)
        assert err.value.code == "smtp_password_missing"
    assert server.received == []


def test_the_smtp_password_lives_in_the_keyring_only(zoom, ctx, db_path, memory_keyring):
    configure(ctx, "nishitokyo-childcare", None)
    assert memory_keyring.store == {(secrets.SERVICE, "smtp/nishitokyo-childcare"): SMTP_PASSWORD}
    assert mail.password_stored("nishitokyo-childcare")
    config = Office.get_by_id("nishitokyo-childcare").config
    assert config["smtp"]["user"] == "desk" and SMTP_PASSWORD not in str(config)
    db = Office._meta.database
    db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    for path in db_path.parent.glob(db_path.name + "*"):
        assert SMTP_PASSWORD.encode() not in path.read_bytes(), path
    assert all(SMTP_PASSWORD not in e.detail for e in audit.entries())
    mail.forget_password(ctx, "nishitokyo-childcare")
    assert not mail.password_stored("nishitokyo-childcare")


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_no_keyring_means_a_clear_refusal_and_no_plain_text_fallback(zoom, ctx, backend):
    with installed(backend()):
        assert not secrets.available()
        with pytest.raises(StorageError) as err:
            configure(ctx, "nishitokyo-childcare", None)
        assert err.value.code == "keyring_unavailable"
        assert "資格情報ストア" in err.value.message and "ファイル等に保存することはしません" in err.value.message
        assert "smtp" not in Office.get_by_id("nishitokyo-childcare").config
        # settings without a password can still be saved; sending then says the keyring is missing
        configure(ctx, "nishitokyo-childcare", None, user="")
        update_config(ctx, "nishitokyo-childcare", {"smtp": {**mail.smtp_settings("nishitokyo-childcare").as_config(), "user": "desk"}})
        row = mail.queue(ctx, zoom, "details")
        with pytest.raises(StorageError) as err:
            mail.send_now(ctx, row.id)
        assert err.value.code == "keyring_unavailable"
        assert Outbox.get_by_id(row.id).state == "failed"


def test_unencrypted_smtp_only_to_this_pc(zoom, ctx, memory_keyring):
    settings = mail.SmtpSettings(host="smtp.city.example.jp", port=25, security="none", from_addr="a@city.example.jp")
    with pytest.raises(RuleError) as err:
        mail.save_settings(ctx, "nishitokyo-childcare", settings)
    assert err.value.code == "smtp_insecure"
    with pytest.raises(RuleError) as err:
        mail.save_settings(ctx, "nishitokyo-childcare", mail.SmtpSettings(host="smtp.example.jp", from_addr="not-an-address"))
    assert err.value.code == "invalid_email"


def test_an_office_that_may_not_send_saves_an_eml_instead(zoom, ctx, tmp_path):
    update_config(ctx, "nishitokyo-childcare", {"may_send_mail": False})
    with pytest.raises(RuleError) as err:
        mail.queue(ctx, zoom, "details")
    assert err.value.code == "mail_not_allowed"
    out = tmp_path / "details.eml"
    row = mail.save_eml(ctx, zoom, "details", out, mark_done=True)
    raw = out.read_bytes()
    assert b"\r\n" in raw and raw.split(b"\r\n\r\n", 1)[0].isascii()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["From"].addresses[0].addr_spec == mail.FALLBACK_FROM
    assert msg["Subject"].startswith("【西東京市 保育相談】") and "パスコード：Hx7k2Q" in msg.get_content()
    assert row.state == "saved" and "Hx7k2Q" not in row.body
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    text, copied = mail.copy_text(ctx, zoom, "reminder")
    assert text.startswith("宛先：hanako@example.jp\n件名：") and "Hx7k2Q" in text
    assert copied.state == "saved" and [e.action for e in audit.entries()][-2:] == ["mail_saved", "mail_copied"]


def test_hello_work_offer_mail_confirms_the_request(db, ctx, make_office, make_request, tmp_path, memory_keyring):
    """004 第4条(2) 「この受信をもって予約が確定します」: the office mails an available time; delivered, the booking
    is confirmed and nothing is asked of the applicant."""
    make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request("hellowork-kawagoe", WED))
    with SmtpServer(tmp_path, "starttls", user="desk", password=SMTP_PASSWORD) as server:
        configure(ctx, "hellowork-kawagoe", server)
        mail.send_now(ctx, mail.queue(ctx, res.id, "offered").id)
    moved = lifecycle.get_reservation(res.id)
    assert moved.status == "confirmed" and moved.offer_reply_by is None
    body = email.message_from_bytes(server.received[0].raw, policy=email.policy.default).get_content()
    assert "受信をもってご予約が確定します。ご返信は不要です。" in body


def test_hello_work_offer_mail_after_the_day_before_the_day_before_is_refused(db, ctx, clock, make_office, make_request):
    """004 第4条(1) 「営業日上の前々日までに予約が完了」: Fri 2027-01-08 is the 前々日 of Wed 01-13 (成人の日 1/11
    between); on Tue 01-12 the confirming mail is not queued (staff confirm with a reason instead)."""
    make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request("hellowork-kawagoe", dt.datetime(2027, 1, 13, 10, 0)))
    clock.set(dt.datetime(2027, 1, 12, 9, 0))
    with pytest.raises(RuleError) as err:
        mail.queue(ctx, res.id, "offered")
    assert err.value.code == "offer_too_late" and err.value.clause == "004 第4条(1)"


def test_a_retry_carries_the_credentials_in_force(zoom, ctx, clock, tmp_path, memory_keyring):
    """After a loss (002 5(3)) the queued message goes out with the new credentials, not the old."""
    row = mail.queue(ctx, zoom, "details")
    credentials.reissue(ctx, zoom, {"passcode": "New9Code", "url": "https://us02web.zoom.us/j/98765432109"}, "leaked")
    with SmtpServer(tmp_path, "starttls", user="desk", password=SMTP_PASSWORD) as server:
        configure(ctx, "nishitokyo-childcare", server)
        mail.send_now(ctx, row.id)
    body = email.message_from_bytes(server.received[0].raw, policy=email.policy.default).get_content()
    assert "New9Code" in body and "Hx7k2Q" not in body


def test_outbox_lists_every_message_newest_first(zoom, ctx, clock, tmp_path):
    update_config(ctx, "nishitokyo-childcare", {"may_send_mail": False})
    mail.save_eml(ctx, zoom, "received", tmp_path / "a.eml")
    clock.advance(minutes=1)
    mail.copy_text(ctx, zoom, "details")
    rows = mail.entries("nishitokyo-childcare", states=("saved",))
    assert [(r.template, r.state) for r in rows] == [("details", "saved"), ("received", "saved")]
    # copied without "mark as sent": the schedule's details message and reminder still wait (issue 17)
    pending = [(r.template, r.state) for r in mail.entries("nishitokyo-childcare", states=("scheduled", "cancelled"))]
    assert sorted(pending) == [("details", "scheduled"), ("reminder", "scheduled")]
    assert mail.state_label("failed") == "送信失敗"
    assert get_config("nishitokyo-childcare").get("smtp") is None  # settings absent: defaults used
    assert mail.smtp_settings("nishitokyo-childcare") == mail.SmtpSettings()


def test_sending_needs_the_permission(zoom, clock):
    nobody = Context(Actor("guest", "来訪者", "guest"), clock)
    with pytest.raises(RuleError) as err:
        mail.queue(nobody, zoom, "details")
    assert err.value.code == "permission"
