"""iCalendar export: parsed back with icalendar; Asia/Tokyo times; no personal data unless asked."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from consult_desk import audit, booking, credentials, ics, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import Staff

T = dt.datetime
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def sessions(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    make_office("hellowork-kawagoe")
    a = booking.book(ctx, make_request("nishitokyo-childcare", T(2027, 1, 20, 10, 0))).id
    b = booking.book(ctx, make_request("nishitokyo-childcare", T(2027, 1, 21, 10, 0), name="佐藤 美咲", phone="090-2222-3333")).id
    c = booking.book(ctx, make_request("hellowork-kawagoe", T(2027, 1, 20, 13, 0))).id
    gone = booking.book(ctx, make_request("nishitokyo-childcare", T(2027, 1, 22, 10, 0), name="鈴木 健太", phone="090-4444-5555")).id
    lifecycle.cancel(ctx, gone, "phone")
    credentials.set_credentials(
        ctx, a, {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}
    )
    return {"a": a, "b": b, "hw": c, "cancelled": gone}


def parse(path) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert cal["VERSION"] == "2.0" and "Consult Desk" in str(cal["PRODID"])
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    return list(cal.walk("VEVENT"))


def test_office_sessions_without_personal_data(sessions, ctx, tmp_path):
    out = tmp_path / "jan.ics"
    result = ics.export_ics(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out, office="nishitokyo-childcare")
    assert result.events == 2
    events = parse(out)
    assert [str(e["UID"]) for e in events] == [
        f"reservation-{sessions['a']}@consult-desk.invalid",
        f"reservation-{sessions['b']}@consult-desk.invalid",
    ]
    first = events[0]
    start = first.decoded("DTSTART")
    assert start == T(2027, 1, 20, 10, 0, tzinfo=TOKYO) and start.tzinfo.key == "Asia/Tokyo"
    assert first.decoded("DTEND") == T(2027, 1, 20, 10, 30, tzinfo=TOKYO)
    assert first["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert str(first["SUMMARY"]) == f"オンライン相談 予約{sessions['a']}（西東京市 保育相談）"
    assert str(first["STATUS"]) == "CONFIRMED"
    raw = out.read_text(encoding="utf-8")
    for personal in ("山田", "佐藤", "鈴木", "090-1234-5678", "09012345678", "hanako@example.jp", "Hx7k2Q", "zoom.us"):
        assert personal not in raw
    entry = audit.entries()[-1]
    assert (entry.action, entry.count) == ("export_ics", 2)


def test_names_only_when_asked_and_allowed(sessions, ctx, clock, tmp_path):
    out = tmp_path / "named.ics"
    ics.export_ics(ctx, dt.date(2027, 1, 20), dt.date(2027, 1, 20), out, with_names=True)
    events = parse(out)
    assert [str(e["SUMMARY"]) for e in events] == [
        "オンライン相談 山田 花子 様（西東京市 保育相談）",
        "オンライン相談 山田 花子 様（ハローワーク川越）",
    ]
    assert str(events[1]["STATUS"]) == "TENTATIVE"  # Hello Work: still a request
    assert "Hx7k2Q" not in out.read_text(encoding="utf-8") and "1234-5678" not in out.read_text(encoding="utf-8")
    assert audit.entries()[-1].action == "export_ics_pii"
    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    with pytest.raises(RuleError) as err:
        ics.export_ics(clerk, dt.date(2027, 1, 20), dt.date(2027, 1, 20), tmp_path / "x.ics", with_names=True)
    assert err.value.code == "permission"
    assert not (tmp_path / "x.ics").exists()
    ics.export_ics(clerk, dt.date(2027, 1, 20), dt.date(2027, 1, 20), tmp_path / "y.ics")


def test_one_counsellors_sessions(sessions, ctx, tmp_path):
    from consult_desk.models import Reservation

    staff = Staff.create(login="tanaka", display_name="田中 相談員", role="counsellor")
    Reservation.update(counsellor=staff).where(Reservation.id == sessions["b"]).execute()
    out = tmp_path / "tanaka.ics"
    assert ics.export_ics(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out, counsellor="tanaka").events == 1
    assert [str(e["UID"]) for e in parse(out)] == [f"reservation-{sessions['b']}@consult-desk.invalid"]
    with pytest.raises(RuleError):
        ics.export_ics(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out, counsellor="nobody")


def test_a_group_event_is_one_entry(db, ctx, make_office, make_request, tmp_path):
    """002 2(1): Funabashi's exchange meetings have many participants: one calendar entry with the count."""
    make_office("funabashi-kosodate")
    event = booking.create_event(ctx, "funabashi-kosodate", "exchange", "オンライン交流会", T(2027, 1, 20, 10, 0), 60, 10)
    for i in range(3):
        booking.book(
            ctx, make_request("funabashi-kosodate", None, event_id=event.id, name=f"参加 {i}", phone=f"090-1000-000{i}")
        )
    out = tmp_path / "events.ics"
    assert ics.export_ics(ctx, dt.date(2027, 1, 20), dt.date(2027, 1, 20), out).events == 1
    [entry] = parse(out)
    assert str(entry["SUMMARY"]) == "オンライン交流会（船橋市 子育てオンライン・参加3名）"
    assert "参加 0" not in out.read_text(encoding="utf-8")


def test_an_empty_range_is_refused(sessions, ctx, tmp_path):
    with pytest.raises(RuleError):
        ics.export_ics(ctx, dt.date(2027, 1, 31), dt.date(2027, 1, 1), tmp_path / "x.ics")
