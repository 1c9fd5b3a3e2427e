"""Command line: meeting (credentials, masked), mail --eml (RFC 5322, Japanese), export ics."""

from __future__ import annotations

import email
import email.policy
import json

import icalendar
import pytest
from cli_support import Cli

from consult_desk.cli import main

PASSCODE = "Hx7k2Q"


@pytest.fixture
def cli(tmp_path, capsys):
    run = Cli(tmp_path / "cli.sqlite3", capsys)
    run("init", "--preset", "nishitokyo-childcare", "--json")
    fields = {f["key"]: f["example"] for f in run("fields", "--json")}
    extra = [a for k, v in fields.items() if k not in ("name", "kana", "phone", "email") for a in ("--field", f"{k}={v}")]
    run(
        "book", "--start", "2027-01-20T10:00", "--name", fields["name"], "--phone", fields["phone"],
        "--email", fields["email"], *extra, "--channel", "form", "--consent", "--today", "2027-01-04", "--json",
    )
    return run


def test_meeting_sets_credentials_and_prints_them_masked(cli, capsys):
    """000 第4条(3): URL, meeting ID, passcode; the passcode never printed in clear."""
    before = cli("meeting", "1", "--json")
    assert before["set"] == [] and before["missing"] == ["url", "meeting_id", "passcode"] and before["passcode"] is None
    out = cli(
        "meeting", "1", "--url", "https://us02web.zoom.us/j/12345678901?pwd=Zm9v", "--meeting-id", "123 4567 8901",
        "--passcode", PASSCODE, "--json",
    )
    assert out["passcode"] == "••••" and out["room_key"] is None and out["meeting_id"] == "12345678901"
    assert out["url"] == "https://us02web.zoom.us/j/12345678901?pwd=••••"
    assert out["set"] == ["url", "meeting_id", "passcode"] and out["missing"] == []
    assert out["status"] == "confirmed" and out["notify_by"] == "2027-01-15" and out["issued_by"] == "cli"
    assert PASSCODE not in json.dumps(out, ensure_ascii=False)
    # only the flags given change
    out = cli("meeting", "1", "--url", "https://us02web.zoom.us/j/98765432109", "--json")
    assert out["set"] == ["url", "meeting_id", "passcode"] and out["revoked"] == 1
    line = cli("meeting", "1", "--room-key", "abc", "--json", expect=2)
    assert line.startswith("credential_field_unused:")
    line = cli("meeting", "1", "--url", "http://insecure.example.jp/", "--json", expect=2)
    assert line.startswith("credential_url:")
    show = cli("show", "1", "--json")
    assert PASSCODE not in json.dumps(show, ensure_ascii=False)


def test_meeting_reissue_after_a_lost_passcode_refuses_the_old_one(cli, capsys):
    """002 5(3) (and 000 第10条(5)(9)): lost or stolen credentials are reported and reissued from the command
    line as in the window: the reason is recorded, the old passcode is refused, the new one never printed."""
    cli("meeting", "1", "--url", "https://us02web.zoom.us/j/12345678901", "--meeting-id", "12345678901",
        "--passcode", PASSCODE, "--now", "2027-01-08T09:00")
    line = cli("meeting", "1", "--reissue", "--reason", "lost 本人から電話", "--passcode", PASSCODE, "--json", expect=2)
    assert line.startswith("credential_reissue_same")
    assert cli("meeting", "1", "--reissue", "--passcode", "New-4471", "--json", expect=2).startswith("reissue_reason_required")
    assert cli("meeting", "1", "--reason", "lost", "--json", expect=2).startswith("invalid_value")
    out = cli("meeting", "1", "--reissue", "--reason", "紛失 本人から電話", "--passcode", "New-4471",
              "--now", "2027-01-12T10:00", "--json")
    assert out["revoked"] == 1 and out["passcode"] == "••••" and out["issued_at"] == "2027-01-12T10:00"
    history = cli("show", "1", "--json")["history"]
    assert "理由：紛失" in history[-1]["note"] and "本人から電話" in history[-1]["note"]
    assert "New-4471" not in json.dumps(history, ensure_ascii=False)
    cli("meeting", "1", "--reissue", "--reason", "第三者に転送してしまった", "--passcode", "Other-9981",
        "--now", "2027-01-12T11:00", "--json")
    assert "理由：その他" in cli("show", "1", "--json")["history"][-1]["note"]


def test_mail_writes_an_rfc5322_file_with_japanese_encoding(cli, tmp_path):
    line = cli("mail", "1", "--template", "details", "--eml", str(tmp_path / "x.eml"), "--json", expect=2)
    assert line.startswith("credential_required (000 第4条(3)):")
    cli("meeting", "1", "--url", "https://us02web.zoom.us/j/12345678901", "--meeting-id", "12345678901", "--passcode", PASSCODE)
    out_path = tmp_path / "details.eml"
    out = cli("mail", "1", "--template", "details", "--eml", str(out_path), "--today", "2027-01-08", "--json")
    assert isinstance(out.pop("outbox"), int)  # after the details and reminder the schedule made (issue 17)
    assert out == {
        "reservation": 1,
        "template": "details",
        "to": "hanako@example.jp",
        "subject": "【西東京市 保育相談】オンライン相談の日時とZoomの接続情報のご案内",
        "out": str(out_path),
        "state": "saved",
    }
    raw = out_path.read_bytes()
    head, _, _ = raw.partition(b"\r\n\r\n")
    assert head.isascii() and b"\r\nSubject: =?utf-8?" in head and b"Content-Transfer-Encoding: base64" in head
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert msg[header], header
    assert msg["Subject"] == out["subject"] and msg["Date"].datetime.utcoffset().total_seconds() == 9 * 3600
    body = msg.get_content()
    assert "2027年1月20日(水) 10:00～10:30" in body and f"パスコード：{PASSCODE}" in body
    # the status is unchanged: the CLI only renders (the clerk marks it sent when it went out)
    assert cli("show", "1", "--json")["status"] == "confirmed"


def test_mail_template_names_and_refusals(cli, tmp_path):
    line = cli("mail", "1", "--template", "cancelled", "--eml", str(tmp_path / "c.eml"), "--json", expect=2)
    assert line.startswith("template_not_for_status:")
    assert not (tmp_path / "c.eml").exists()
    with pytest.raises(SystemExit):
        main(["--db", cli.db, "mail", "1", "--template", "bogus", "--eml", "x.eml"])
    out = cli("mail", "1", "--template", "received", "--eml", str(tmp_path / "r.eml"), "--json")
    assert out["state"] == "saved"


def test_export_ics_without_and_with_names(cli, tmp_path):
    plain = tmp_path / "jan.ics"
    out = cli("export", "ics", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(plain), "--json")
    assert out == {"events": 1, "out": str(plain), "with_names": False}
    [event] = icalendar.Calendar.from_ical(plain.read_bytes()).walk("VEVENT")
    assert "山田" not in str(event["SUMMARY"])
    named = tmp_path / "named.ics"
    out = cli(
        "export", "ics", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(named),
        "--office", "nishitokyo-childcare", "--with-names", "--json",
    )
    assert out["with_names"] is True
    [event] = icalendar.Calendar.from_ical(named.read_bytes()).walk("VEVENT")
    assert "山田 花子" in str(event["SUMMARY"])
    csv_out = cli("export", "csv", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(tmp_path / "a.csv"), "--json")
    assert csv_out["rows"] == 1
