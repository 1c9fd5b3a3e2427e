"""Booking, life cycle, export, search and the demo sample on both engines (``any_db``).

The same services serve a single desk on a SQLite file and several desks on one PostgreSQL
server; these tests run each scenario on both (the PostgreSQL half is skipped, and says so,
without CONSULT_DESK_TEST_PG).
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from action_helpers import send_details

from consult_desk import booking, lifecycle
from consult_desk.demo import add_demo_data
from consult_desk.errors import RuleError
from consult_desk.export import export_reservations
from consult_desk.lifecycle import ActOptions
from consult_desk.models import (
    ALL_MODELS,
    Callback,
    CallbackAttempt,
    Consent,
    History,
    Reservation,
    SeatClaim,
)
from consult_desk.offices import get_config
from consult_desk.presets import PRESET_IDS
from consult_desk.search import search
from consult_desk.states import HOLDS_SEAT

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)  # a Wednesday
CHECKS = {"connection_test": "ok", "identity_checked": True, "companions_present": True}


def row_counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in ALL_MODELS if m.__name__ not in ("Meta", "AuditLog")}


RELEASED = {"cancelled", "refused", "rescheduled"}  # the only statuses that give the seat back


def check_invariants() -> None:
    """Every reservation has its history; it holds a seat claim unless cancelled, refused or
    rescheduled (a completed or no-show session keeps the seat it used)."""
    assert not RELEASED & {s.value for s in HOLDS_SEAT}
    claims = {r for (r,) in SeatClaim.select(SeatClaim.reservation).tuples()}
    for rid, status in Reservation.select(Reservation.id, Reservation.status).tuples():
        assert History.select().where(History.reservation == rid).count() >= 1, rid
        assert (rid in claims) == (status not in RELEASED), (rid, status)


@pytest.mark.parametrize("preset", PRESET_IDS)
def test_every_preset_books_on_this_engine(any_db, ctx, make_office, make_request, preset):
    office = make_office(preset)
    config = get_config(office)
    start = config.grid(WED.date())[0][0]
    res = booking.book(ctx, make_request(office, start))
    stored = Reservation.get_by_id(res.id)
    assert stored.start == start and isinstance(stored.start, dt.datetime)
    assert stored.end - stored.start == dt.timedelta(minutes=config.session_minutes)
    assert stored.answers == res.answers and stored.seat_no == 1
    assert stored.consents.count() == 1 and stored.history.count() == 1
    slot = next(s for s in booking.slots(ctx, office, WED.date()) if s.start == start)
    assert slot.booked == 1
    summary = booking.month_summary(ctx, office, dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert summary[WED.date()][1] == 1
    check_invariants()


def test_seats_run_out_and_a_refusal_writes_nothing(any_db, ctx, make_office, make_request):
    """004 第4条(1): Hello Work has two seats per slot; the third caller is told the slot is full."""
    office = make_office("hellowork-kawagoe")
    for i in range(2):
        booking.book(ctx, make_request(office, WED, name=f"相談者 {i}", phone=f"080-1111-000{i}"))
    before = row_counts()
    with pytest.raises(RuleError) as err:
        booking.book(ctx, make_request(office, WED, name="相談者 9", phone="080-1111-0009"))
    assert err.value.code == "full"
    assert row_counts() == before
    assert sorted(n for (n,) in SeatClaim.select(SeatClaim.seat_no).tuples()) == [1, 2]


def test_cancelled_seat_is_taken_again(any_db, ctx, make_office, make_request):
    office = make_office("nishitokyo-childcare")
    first = booking.book(ctx, make_request(office, WED))
    lifecycle.cancel(ctx, first.id, "phone", "都合により")
    again = booking.book(ctx, make_request(office, WED, name="別の 人", phone="080-2222-3333"))
    assert again.seat_no == 1
    assert Reservation.get_by_id(first.id).status == "cancelled"
    check_invariants()


def test_a_whole_session_with_its_history(any_db, ctx, clock, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email"))  # confirms (004 第4条(2))
    send_details(ctx, res.id)
    clock.set(WED - dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=CHECKS))
    clock.set(WED + dt.timedelta(minutes=2))
    lifecycle.act(ctx, res.id, "start")
    lifecycle.act(ctx, res.id, "extend", ActOptions(minutes=15))
    clock.set(WED + dt.timedelta(minutes=44))
    done = lifecycle.act(ctx, res.id, "complete")
    assert done.status == "completed"
    stored = Reservation.get_by_id(res.id)
    assert stored.end == WED + dt.timedelta(minutes=45)
    assert stored.actual_start == WED + dt.timedelta(minutes=2)
    described = lifecycle.describe(stored)
    assert [h["action"] for h in described["history"]] == [
        "book", "offer", "credentials", "send-details", "check-in", "start", "extend", "complete",
    ]
    assert described["history"][-1]["at"] == "2027-01-13T10:44"
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "start")
    assert err.value.code == "transition"
    check_invariants()


def test_connection_failure_callback_and_reschedule(any_db, ctx, clock, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=CHECKS))
    lifecycle.act(ctx, res.id, "start")
    lifecycle.act(ctx, res.id, "connection-failed", ActOptions(note="映像が途切れた"))
    lifecycle.log_callback_attempt(ctx, res.id, "no_answer", "1回目")
    assert [c.reservation for c in lifecycle.open_callbacks()] == [res.id]
    assert lifecycle.open_callbacks()[0].due.date() == dt.date(2027, 1, 13)
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 20, 10, 0), ActOptions(note="回線障害", city_fault=True))
    assert new.rescheduled_from_id == res.id and new.id != res.id
    old = Reservation.get_by_id(res.id)
    assert old.status == "rescheduled" and old.city_fault
    assert Callback.get(Callback.reservation == res.id).outcome == "rescheduled"
    assert CallbackAttempt.select().count() == 1
    assert lifecycle.open_callbacks() == []
    assert lifecycle.describe(old)["rescheduled_to"] == [new.id]
    check_invariants()


def test_group_event_capacity(any_db, ctx, make_office, make_request):
    """002 2(1): an event takes participants up to its limit, on both engines."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "exchange", "オンライン交流会", WED, 60, capacity=2)
    for i in range(2):
        booking.book(ctx, make_request(office, None, event_id=event.id, name=f"参加者 {i}", phone=f"080-0000-000{i}"))
    with pytest.raises(RuleError) as err:
        booking.book(ctx, make_request(office, None, event_id=event.id, name="参加者 9", phone="080-0000-0009"))
    assert err.value.code == "event_full"


def test_export_and_search(any_db, ctx, make_office, make_request, tmp_path):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED, name="=山田 花子", phone="０９０－５５５５－１２３４"))
    booking.book(ctx, make_request(office, WED + dt.timedelta(days=1), name="佐藤 太郎", phone="080-1234-0000"))
    out = tmp_path / "out.csv"
    result = export_reservations(ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), out)
    assert result.rows == 2
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][:5] == [str(res.id), office, "2027-01-13", "10:00", "10:30"]
    assert rows[1][8] == "'=山田 花子" and rows[1][10] == "090-5555-1234"
    assert rows[1][15] == "2027-01-04 09:00"
    assert [r.id for r in search("090-5555-1234")] == [res.id]
    assert [r.id for r in search("０９０５５５５")] == [res.id]
    assert [r.applicant.name for r in search("佐藤")] == ["佐藤 太郎"]
    assert len(search("EXAMPLE.JP")) == 2  # e-mail search ignores case on both engines


def test_demo_sample_on_this_engine(any_db, ctx, make_office):
    """The demo walks reservations through every path via the services: a broad smoke test."""
    office = make_office("hellowork-kawagoe")
    count = add_demo_data(office, today=dt.date(2027, 1, 15), days_back=15, days_ahead=5)
    assert count == Reservation.select().count() - Reservation.select().where(Reservation.rescheduled_from.is_null(False)).count()
    assert Consent.select().count() == Reservation.select().count()
    statuses = {s for (s,) in Reservation.select(Reservation.status).tuples()}
    assert {"completed", "cancelled", "confirmed"} <= statuses
    check_invariants()
