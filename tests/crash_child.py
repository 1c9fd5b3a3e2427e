"""Child process of tests/test_crash.py: an endless stream of bookings and life-cycle actions
through the real services, until the test kills it with SIGKILL.

    python tests/crash_child.py DB_TARGET SEED

Prints "ready" once the database is open, then one line per stored action. A rule refusal is
part of the stream; any other exception ends the process with a traceback (the test fails).
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from consult_desk import booking, lifecycle
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import Reservation, open_database
from consult_desk.offices import get_config
from consult_desk.states import allowed_actions

OFFICES = ("hellowork-kawagoe", "nishitokyo-childcare")
BOOKED_ON = dt.datetime(2027, 1, 4, 9, 0)
CHECKS = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
# Moments around a session's start at which an action is tried (many are refused by the rules).
OFFSETS = [dt.timedelta(days=-1), dt.timedelta(minutes=-5), dt.timedelta(0), dt.timedelta(minutes=11),
           dt.timedelta(minutes=35)]


def slots(office: str) -> list[dt.datetime]:
    config = get_config(office)
    day, result = dt.date(2027, 1, 12), []
    while day < dt.date(2027, 2, 27):
        if config.calendar.is_business_day(day):
            result += [start for start, _ in config.grid(day)]
        day += dt.timedelta(days=1)
    return result


def request(office: str, start: dt.datetime, who: int) -> booking.BookingRequest:
    config = get_config(office)
    values = {f.key: f.example or "" for f in config.fields}
    return booking.BookingRequest(
        office=office,
        start=start,
        name=f"申込者 {who % 50}",
        kana=values.get("kana", ""),
        phone=f"080-{who % 50:04d}-0000",
        email=f"user{who % 50}@example.jp",
        channel="form",
        answers={k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")},
        consent_items=config.required_consent_keys(),
    )


def step(ctx: Context, clock: FixedClock, rng: random.Random, grids: dict[str, list[dt.datetime]]) -> str | None:
    top = Reservation.select(Reservation.id).order_by(Reservation.id.desc()).scalar() or 0
    if top == 0 or rng.random() < 0.4:
        office = rng.choice(OFFICES)
        clock.set(BOOKED_ON)
        res = booking.book(ctx, request(office, rng.choice(grids[office]), rng.randrange(10**6)))
        return f"book {res.id}"
    res = Reservation.get_or_none(Reservation.id == rng.randint(1, top))
    actions = allowed_actions(res.status) if res is not None else []
    if not actions:
        return None
    action = rng.choice(actions)
    clock.set(res.start + rng.choice(OFFSETS))
    if action == "cancel":
        clock.set(res.start - dt.timedelta(days=1))
        lifecycle.cancel(ctx, res.id, "phone", "都合により")
        return f"cancel {res.id}"
    if action == "contact" and res.status == "phone_callback" and rng.random() < 0.5:
        lifecycle.log_callback_attempt(ctx, res.id, rng.choice(["reached", "no_answer", "busy"]), "折返し")
        return f"callback {res.id}"
    config = get_config(res.office_id)
    new_start = None
    if action == "reschedule" and rng.random() < 0.5:
        clock.set(BOOKED_ON)
        new_start = rng.choice(grids[res.office_id])
    opts = lifecycle.ActOptions(
        note="クラッシュ試験",
        channel="phone",
        checks=CHECKS,
        prohibited_act=config.prohibited_acts()[0]["key"] if config.prohibited_acts() else None,
        city_fault=True,
        minutes=None,
        new_start=new_start,
    )
    lifecycle.act(ctx, res.id, action, opts)
    return f"{action} {res.id}"


def main(target: str, seed: int) -> None:
    open_database(target, create=False)
    clock = FixedClock(BOOKED_ON)
    ctx = Context(Actor("crash", "クラッシュ試験", "admin"), clock)
    rng = random.Random(seed)
    grids = {office: slots(office) for office in OFFICES}
    print("ready", flush=True)
    while True:
        try:
            done = step(ctx, clock, rng, grids)
        except RuleError:
            continue
        if done:
            print(done, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
