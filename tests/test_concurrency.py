"""Several desks at once: processes booking the same seats and acting on the same reservation,
on SQLite (WAL, BEGIN IMMEDIATE, busy timeout) and on PostgreSQL (unique seat index, row locks).

Each worker is a separate process (multiprocessing, spawn) with its own connection; a barrier
releases them together. Never more bookings than seats, every refusal is the rule's own message,
no other error escapes, nothing is lost (the change counter counts every stored action).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import random
import traceback

import pytest
from action_helpers import give_details

from consult_desk import booking, lifecycle
from consult_desk.models import History, Reservation, SeatClaim
from consult_desk.models.schema import change_count
from consult_desk.offices import get_config, update_config

WED = dt.datetime(2027, 1, 13, 10, 0)
NOW = dt.datetime(2027, 1, 4, 9, 0)
SPAWN = mp.get_context("spawn")


def _request(office: str, start: dt.datetime, who: int) -> booking.BookingRequest:
    config = get_config(office)
    values = {f.key: f.example or "" for f in config.fields}
    answers = {k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")}
    if answers.get("job_seeker_no"):  # another person: their own 求職番号 too (issue 14 (6))
        answers["job_seeker_no"] = f"{who % 100000:05d}-{who:08d}"
    return booking.BookingRequest(
        office=office,
        start=start,
        name=f"申込者 {who}",
        kana=values.get("kana", ""),
        phone=f"080-{who // 10000:04d}-{who % 10000:04d}",
        email=f"user{who}@example.jp",
        channel="phone" if "phone" in config["booking_channels"] else "form",
        answers=answers,
        consent_items=config.required_consent_keys(),
    )


def _worker(target: str, job: str, args: dict, barrier, results) -> None:
    """One desk: open its own connection, wait for the others, then do the job. Reports
    ("ok", ...), ("refused", code, message) or ("error", traceback) per action."""
    try:
        from consult_desk.clock import FixedClock
        from consult_desk.context import Actor, Context
        from consult_desk.errors import ConsultDeskError, set_language
        from consult_desk.models import open_database

        set_language("ja")
        open_database(target, create=False)
        ctx = Context(Actor(f"desk{args['desk']}", "受付", "reception"), FixedClock(NOW))
        rng = random.Random(args["desk"])
        barrier.wait(timeout=120)
        for n in range(args.get("repeat", 1)):
            try:
                if job == "book":
                    start = rng.choice(args["starts"]) if "starts" in args else WED
                    res = booking.book(ctx, _request(args["office"], start, args["desk"] * 1000 + n))
                    results.put(("ok", res.id, res.seat_no, start.isoformat()))
                elif job == "act":
                    res = lifecycle.act(ctx, args["id"], args["action"], lifecycle.ActOptions(channel="email"))
                    results.put(("ok", res.id, res.status, args["desk"]))
                elif job == "cancel-or-book":
                    mine = [r for r, in Reservation.select(Reservation.id).where(
                        Reservation.created_by == ctx.actor.login, Reservation.status == "confirmed").tuples()]
                    if mine and rng.random() < 0.4:
                        lifecycle.cancel(ctx, rng.choice(mine), "phone")
                        results.put(("ok", "cancel", None, None))
                    else:
                        start = rng.choice(args["starts"])
                        res = booking.book(ctx, _request(args["office"], start, args["desk"] * 1000 + n))
                        results.put(("ok", res.id, res.seat_no, start.isoformat()))
            except ConsultDeskError as exc:
                results.put(("refused", exc.code, exc.message, None))
    except BaseException:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(("error", traceback.format_exc(), None, None))


def run_desks(target: str, job: str, jobs: list[dict], expect: int) -> list[tuple]:
    barrier = SPAWN.Barrier(len(jobs))
    results = SPAWN.Queue()
    procs = [SPAWN.Process(target=_worker, args=(target, job, args, barrier, results)) for args in jobs]
    for p in procs:
        p.start()
    out = [results.get(timeout=180) for _ in range(expect)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    errors = [r[1] for r in out if r[0] == "error"]
    assert errors == [], errors[0] if errors else ""
    return out


@pytest.fixture
def office(any_db, ctx, make_office):
    code = make_office("hellowork-kawagoe")
    update_config(ctx, code, {"seats": 3})
    return code


def test_many_desks_take_three_seats_exactly_three_times(any_db, office):
    """Six desks book the same 3-seat slot at the same moment: three bookings, three clear refusals."""
    before = change_count()
    out = run_desks(any_db.target, "book", [{"desk": i, "office": office} for i in range(6)], expect=6)
    ok = [r for r in out if r[0] == "ok"]
    refused = [r for r in out if r[0] == "refused"]
    assert len(ok) == 3 and len(refused) == 3
    assert sorted(seat for _, _, seat, _ in ok) == [1, 2, 3]
    for _, code, message, _ in refused:
        assert code == "full" and "満席" in message
    assert Reservation.select().count() == 3
    assert SeatClaim.select().count() == 3
    assert History.select().count() == 3
    assert change_count() == before + 3


def test_a_busy_morning_never_overbooks_and_loses_nothing(any_db, office):
    """Four desks each take 12 calls over four slots, cancelling some of their own bookings."""
    starts = [WED + dt.timedelta(minutes=30 * i) for i in range(4)]
    before = change_count()
    jobs = [{"desk": i, "office": office, "starts": starts, "repeat": 12} for i in range(4)]
    out = run_desks(any_db.target, "cancel-or-book", jobs, expect=48)
    booked = [r for r in out if r[0] == "ok" and r[1] != "cancel"]
    cancelled = [r for r in out if r[0] == "ok" and r[1] == "cancel"]
    refused = [r for r in out if r[0] == "refused"]
    assert {code for _, code, _, _ in refused} <= {"full"}
    assert Reservation.select().count() == len(booked)
    assert Reservation.select().where(Reservation.status == "cancelled").count() == len(cancelled)
    assert change_count() == before + len(booked) + len(cancelled)
    seats = get_config(office).seats
    for start in starts:
        key = booking.slot_key(office, start)
        taken = sorted(n for (n,) in SeatClaim.select(SeatClaim.seat_no).where(SeatClaim.key == key).tuples())
        assert len(taken) <= seats and len(set(taken)) == len(taken)
        live = Reservation.select().where(Reservation.start == start, Reservation.status != "cancelled").count()
        assert live == len(taken)
    for (rid,) in Reservation.select(Reservation.id).tuples():
        assert History.select().where(History.reservation == rid).count() >= 1


def test_two_desks_acting_on_one_reservation_one_wins(any_db, office, ctx, make_request):
    """Four desks press "案内送付済にする" on the same reservation at once: one history entry, the
    others are told the status no longer allows it (no lost update on PostgreSQL either)."""
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, "confirm")
    give_details(ctx, res.id)
    jobs = [{"desk": i, "id": res.id, "action": "send-details"} for i in range(4)]
    out = run_desks(any_db.target, "act", jobs, expect=4)
    assert sorted(r[0] for r in out) == ["ok", "refused", "refused", "refused"]
    assert {r[1] for r in out if r[0] == "refused"} == {"transition"}
    actions = [h.action for h in History.select().where(History.reservation == res.id).order_by(History.id)]
    assert actions == ["book", "confirm", "credentials", "send-details"]
