"""Passcodes, room keys and passwords never reach logs, CSV, history, the audit log or the outbox."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import logging

import pytest

from consult_desk import audit, booking, credentials, export, ics, lifecycle, mail, templates
from consult_desk.models import History, Outbox
from consult_desk.offices import update_config

WED = dt.datetime(2027, 1, 20, 10, 0)
SECRETS = {
    "nishitokyo-childcare": ({"url": "https://us02web.zoom.us/j/12345678901?pwd=UrlSecret77", "meeting_id": "12345678901", "passcode": "Zq81PassA"}, ["Zq81PassA", "UrlSecret77"]),
    "musashino-hoiku-concierge": ({"room_key": "RoomKey-5521"}, ["RoomKey-5521"]),
    "funabashi-kosodate": ({"meeting_id": "98765432", "password": "Pw-Secret-0120"}, ["Pw-Secret-0120"]),
}
NEW = {"nishitokyo-childcare": {"passcode": "Nw55PassB"}, "musashino-hoiku-concierge": {"room_key": "RoomKey-9988"}, "funabashi-kosodate": {"password": "Pw-New-7788"}}


@pytest.mark.parametrize("preset", list(SECRETS))
def test_no_secret_in_csv_history_audit_outbox_or_logs(db, ctx, clock, make_office, make_request, tmp_path, caplog, preset):
    caplog.set_level(logging.DEBUG)
    make_office(preset)
    update_config(ctx, preset, {"may_send_mail": False})
    rid = booking.book(ctx, make_request(preset, WED)).id
    values, secrets = SECRETS[preset]
    credentials.set_credentials(ctx, rid, values)
    credentials.reveal(ctx, rid)
    mail.save_eml(ctx, rid, "details", tmp_path / "details.eml", mark_done=True)
    clock.advance(minutes=5)
    credentials.reissue(ctx, rid, NEW[preset], "lost", "本人から電話")
    secrets = secrets + list(NEW[preset].values())
    mail.copy_text(ctx, rid, "details")
    mail.copy_text(ctx, rid, "reminder")
    templates.render(rid, "details", clock.today())

    csv_path = tmp_path / "all.csv"
    export.export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), csv_path)
    ics_path = tmp_path / "all.ics"
    ics.export_ics(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), ics_path, with_names=True)

    places = {
        "csv": csv_path.read_text(encoding="utf-8-sig"),
        "ics": ics_path.read_text(encoding="utf-8"),
        "history": json.dumps(
            [(h.action, h.note, h.data) for h in History.select().where(History.reservation == rid)], ensure_ascii=False
        ),
        "describe": json.dumps(lifecycle.describe(lifecycle.get_reservation(rid)), ensure_ascii=False),
        "audit": json.dumps([(e.action, e.target, e.detail) for e in audit.entries()], ensure_ascii=False),
        "outbox": json.dumps([(o.subject, o.body, o.error) for o in Outbox.select()], ensure_ascii=False),
        "summary": json.dumps(credentials.summary(rid).as_json(), ensure_ascii=False),
        "logs": caplog.text,
    }
    assert "credentials" in places["history"] and "reveal_credentials" in places["audit"]
    unlabelled = {e.action for e in audit.entries() if audit.action_text(e.action) == e.action}
    assert unlabelled == set()  # every action has a readable name in the audit viewer
    assert len(Outbox.select()) == 3 and credentials.MASK in places["outbox"]
    for secret in secrets:
        for where, text in places.items():
            assert secret not in text, f"{secret} found in {where}"
    # the message itself does carry them (base64 in the file): that is its purpose
    message = email.message_from_bytes((tmp_path / "details.eml").read_bytes(), policy=email.policy.default)
    assert secrets[0] in message.get_content()
