"""Credentials, mail, due list and .ics on both engines (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from consult_desk import booking, credentials, due, ics, lifecycle, mail
from consult_desk.errors import RuleError
from consult_desk.models import History, MeetingCredential
from consult_desk.offices import update_config

WED = dt.datetime(2027, 1, 20, 10, 0)


def test_the_whole_mail_flow(any_db, ctx, clock, make_office, make_request, tmp_path):
    """000 第4条(3), 002 5(3), 003 2(4), 004 第4条(2) on the engine under test."""
    for preset in ("nishitokyo-childcare", "yamaguchi-vocational", "hellowork-kawagoe"):
        make_office(preset)
    zoom = booking.book(ctx, make_request("nishitokyo-childcare", WED)).id
    teams = booking.book(ctx, make_request("yamaguchi-vocational", WED)).id
    other = booking.book(ctx, make_request("yamaguchi-vocational", WED + dt.timedelta(hours=3), channel="phone")).id
    hw = booking.book(ctx, make_request("hellowork-kawagoe", WED)).id

    credentials.set_credentials(ctx, zoom, {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901",
                                            "passcode": "Hx7k2Q"})
    credentials.set_credentials(ctx, teams, {"url": "https://teams.microsoft.com/l/meetup-join/a"})
    with pytest.raises(RuleError) as err:
        credentials.set_credentials(ctx, other, {"url": "https://teams.microsoft.com/l/meetup-join/a"})
    assert err.value.code == "credential_url_reused"
    clock.advance(minutes=1)
    credentials.reissue(ctx, zoom, {"passcode": "New9Code"}, "lost")
    assert MeetingCredential.select().where(MeetingCredential.reservation == zoom).count() == 2

    update_config(ctx, "nishitokyo-childcare", {"may_send_mail": False})
    clock.set(dt.datetime(2027, 1, 15, 9, 0))
    assert [(i.reservation_id, i.kind) for i in due.items(clock.now(), "nishitokyo-childcare")] == [(zoom, "details")]
    mail.save_eml(ctx, zoom, "details", tmp_path / "zoom.eml", mark_done=True)
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    assert due.items(clock.now(), "nishitokyo-childcare") == []
    assert [i.kind for i in due.items(dt.datetime(2027, 1, 6, 9, 0), "hellowork-kawagoe")] == ["offer"]

    rows = mail.entries(states=("saved", "sent", "sending", "failed"))
    assert [(r.reservation_id, r.template, r.state) for r in rows] == [(zoom, "details", "saved")]
    assert "New9Code" not in rows[0].body
    assert History.select().where(History.reservation == zoom, History.action == "credentials").count() == 2

    out = tmp_path / "jan.ics"
    assert ics.export_ics(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out).events == 4
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {str(e["UID"]) for e in events} == {f"reservation-{i}@consult-desk.invalid" for i in (zoom, teams, other, hw)}
