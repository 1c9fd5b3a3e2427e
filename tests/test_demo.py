"""The demo sample is placed around the hour of the first start (issue 15, 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk.demo import add_demo_data
from consult_desk.models import AuditLog, CallbackAttempt, Consent, History, Reservation

LIVE = ("checked_in", "in_session", "phone_callback")


def _latest_record() -> dt.datetime:
    times = [m.select(pw_max(m.at)).scalar() for m in (AuditLog, History, Consent, CallbackAttempt)]
    times.append(Reservation.select(pw_max(Reservation.created_at)).scalar())
    return max(t for t in times if t is not None)


def pw_max(field):
    import peewee as pw

    return pw.fn.MAX(field)


@pytest.mark.parametrize("hour", [dt.time(6, 51), dt.time(7, 30)])
def test_early_morning_start_has_nothing_in_progress_and_nothing_in_the_future(db, make_office, hour):
    """At 06:51 no 09:30 session shows 相談中, and no entry is dated after the first start."""
    office = make_office("hellowork-kawagoe")
    now = dt.datetime.combine(dt.date(2027, 1, 13), hour)
    add_demo_data(office, today=now.date(), days_back=10, days_ahead=10, now=now)
    assert Reservation.select().where(Reservation.status.in_(LIVE)).count() == 0
    todays = Reservation.select().where(Reservation.start >= now.replace(hour=0, minute=0),
                                        Reservation.start < now.replace(hour=23, minute=59))
    assert todays.count() > 0 and all(r.status in ("details_sent", "confirmed", "requested") for r in todays)
    assert _latest_record() <= now


def test_mid_morning_start_has_live_sessions_around_now(db, make_office):
    office = make_office("hellowork-kawagoe")
    now = dt.datetime(2027, 1, 13, 10, 40)
    add_demo_data(office, today=now.date(), days_back=10, days_ahead=10, now=now)
    live = list(Reservation.select().where(Reservation.status.in_(LIVE)))
    assert {r.status for r in live} >= {"phone_callback"}
    for r in live:
        if r.status == "in_session":
            assert r.start <= now < r.end
        if r.status == "checked_in":
            assert now < r.start
        assert r.start <= now + dt.timedelta(minutes=60)
    later = Reservation.select().where(Reservation.start > now + dt.timedelta(minutes=60),
                                       Reservation.start < dt.datetime(2027, 1, 14))
    assert all(r.status not in LIVE + ("completed",) for r in later)
    assert _latest_record() <= now
