"""A realistic benchmark database: 100,000 reservations over five years across the five presets.

    python bench/generate.py [--out bench/out/bench.sqlite3] [--reservations 100000] [--years 5]
                             [--today YYYY-MM-DD] [--seed 7] [--db postgresql://...]

The five offices are made from the shipped presets by the real service. Their seats are then filled
from five years before ``today`` to 30 days after it: one reservation per taken seat (Funabashi also
runs two group events a week), plus cancelled, refused and rescheduled ones whose seat went back to
the pool. Each reservation gets the history its status implies (book, offer, confirm, send-details,
check-in, start, extend, complete, no-show, connection-failed with its phone callback and attempts,
terminate, cancel ...), its consent record, the meeting details for its platform once they went out,
and, while it holds a seat, its seat claim: the same
invariants the services keep (consult_desk/models/check.py checks them at the end).

Bulk rows go in inside one transaction, with peewee ``insert_many`` on SQLite and COPY on PostgreSQL. Afterwards a few bookings and
transitions are made through the services on the loaded database, and the consistency checks run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consult_desk import booking, lifecycle, retention  # noqa: E402
from consult_desk.clock import FixedClock  # noqa: E402
from consult_desk.context import Actor, Context  # noqa: E402
from consult_desk.demo import FAMILY, FAMILY_KANA, GIVEN, GIVEN_KANA  # noqa: E402
from consult_desk.errors import RuleError  # noqa: E402
from consult_desk.models import (  # noqa: E402
    DB,
    Applicant,
    Callback,
    CallbackAttempt,
    Consent,
    Event,
    History,
    MeetingCredential,
    Meta,
    Reservation,
    SeatClaim,
    open_database,
    retention_index,  # noqa: E402
)
from consult_desk.models.check import problems  # noqa: E402
from consult_desk.models.db import is_sqlite  # noqa: E402
from consult_desk.models.schema import ensure_schema  # noqa: E402
from consult_desk.offices import create_office, get_config  # noqa: E402
from consult_desk.presets import PRESET_IDS, OfficeConfig  # noqa: E402
from consult_desk.validation import applicant_keys  # noqa: E402

ADMIN = Actor("bench", "ベンチマーク", "admin")
STAFF = ["uketsuke1", "uketsuke2", "uketsuke3", "soudan1", "soudan2"]
CHECKS = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
RELEASED_SHARE = 0.2  # cancelled, refused and rescheduled reservations among all
BATCH = 1000


# ---------------------------------------------------------------- people and seats


def make_people(rng: random.Random, n: int) -> list[dict[str, Any]]:
    people = []
    for i in range(n):
        f, g = rng.randrange(len(FAMILY)), rng.randrange(len(GIVEN))
        people.append(
            {
                "id": i + 1,
                "name": f"{FAMILY[f]} {GIVEN[g]}",
                "kana": f"{FAMILY_KANA[f]} {GIVEN_KANA[g]}",
                "phone": f"0{rng.choice('789')}0{i:08d}",  # unique mobile numbers 070/080/090
                "email": f"user{i:06d}@example.jp",
                "address": "",
                "job_seeker_no": f"{rng.randint(11000, 11999)}-{rng.randint(10000000, 99999999)}",
            }
        )
    return people


def seats_of(config: OfficeConfig, first: dt.date, last: dt.date, events: list[dict[str, Any]]) -> list[tuple]:
    """Every seat in range: (start, end, key, seat_no, event_id)."""
    seats = []
    day = first
    while day <= last:
        if config.calendar.is_business_day(day):
            for start, end in config.grid(day):
                key = booking.slot_key(config.office_id, start)
                seats += [(start, end, key, n, None) for n in range(1, config.seats + 1)]
        day += dt.timedelta(days=1)
    for ev in events:
        seats += [(ev["start"], ev["end"], booking.event_key(ev["id"]), n, ev["id"]) for n in range(1, ev["capacity"] + 1)]
    return seats


def make_events(config: OfficeConfig, first: dt.date, last: dt.date, next_id: int) -> list[dict[str, Any]]:
    """Funabashi (002): two group events a week (Tuesday and Thursday 10:30, 60 minutes, 10 places)."""
    if not config.get("events"):
        return []
    kinds = [k["key"] for k in config["events"]["kinds"]]
    titles = {"exchange": "オンライン交流会", "consultation": "オンライン子育て相談", "lecture": "オンライン講座"}
    events = []
    day = first
    while day <= last:
        if day.weekday() in (1, 3) and config.calendar.is_business_day(day):
            kind = kinds[(day.toordinal() // 7 + day.weekday()) % len(kinds)]
            start = dt.datetime.combine(day, dt.time(10, 30))
            events.append(
                {
                    "id": next_id + len(events),
                    "office": config.office_id,
                    "kind": kind,
                    "title": titles.get(kind, kind),
                    "start": start,
                    "end": start + dt.timedelta(minutes=60),
                    "capacity": int(config["events"]["default_capacity"]),
                    "created_at": start - dt.timedelta(days=30),
                }
            )
        day += dt.timedelta(days=1)
    return events


# ---------------------------------------------------------------- one reservation's life


def final_path(rng: random.Random, config: OfficeConfig) -> tuple[str, list[str]]:
    """A past session's outcome and the actions after booking/confirmation that led there."""
    roll = rng.random()
    if roll < 0.06:
        return "no_show", ["send-details", "no-show"]
    if roll < 0.09:
        return "completed_by_phone", ["send-details", "check-in", "start", "connection-failed", "callback-attempt",
                                      "complete-by-phone"]
    if roll < 0.10:
        return "unreachable", ["send-details", "check-in", "start", "connection-failed", "callback-attempt",
                               "callback-attempt", "unreachable"]
    if roll < 0.104 and config.prohibited_acts():
        return "terminated", ["send-details", "check-in", "start", "terminate"]
    extend = config.max_session_minutes > config.session_minutes and rng.random() < 0.15
    return "completed", ["send-details", "check-in", "start", *(["extend"] if extend else []), "complete"]


def released_path(rng: random.Random) -> tuple[str, list[str]]:
    roll = rng.random()
    if roll < 0.7:
        return "cancelled", ["cancel"]
    if roll < 0.85:
        return "refused", ["refuse"]
    return "rescheduled", ["reschedule"]


URLS = {
    "zoom": "https://us02web.zoom.us/j/{mid}?pwd={key}",
    "rooms": "https://rooms.example.jp/r/{key}",
    "webmeeting": "https://meeting.example.jp/join/{mid}",
    "teams": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{key}%40thread.v2/0",
    "teleoffice": "https://teleoffice.example.go.jp/session/{key}",
}


def credential(config: OfficeConfig, rid: int, issued: dt.datetime, staff: str, rng: random.Random) -> tuple:
    """Meeting details for the office's platform, unique per session (Teams gives a new URL each time)."""
    mid = f"{rng.randint(10**9, 10**11 - 1)}"
    key = f"{rid:06d}{rng.randrange(16**8):08x}"
    fields = set(config.get("credential_fields") or ["url"])
    return (
        rid,
        URLS.get(config.platform, "https://meeting.example.jp/{key}").format(mid=mid, key=key) if "url" in fields else "",
        mid if "meeting_id" in fields else "",
        f"{rng.randint(100000, 999999)}" if "passcode" in fields else "",
        key[-8:] if "room_key" in fields else "",
        f"{rng.randint(1000, 9999)}" if "password" in fields else "",
        issued,
        staff,
    )


TARGET = {
    "offer": "offered", "confirm": "confirmed", "send-details": "details_sent", "check-in": "checked_in",
    "start": "in_session", "complete": "completed", "no-show": "no_show", "connection-failed": "phone_callback",
    "complete-by-phone": "completed_by_phone", "unreachable": "unreachable", "terminate": "terminated",
    "cancel": "cancelled", "refuse": "refused", "reschedule": "rescheduled",
}


def action_time(action: str, start: dt.datetime, booked: dt.datetime, step: int, rng: random.Random) -> dt.datetime:
    if action in ("offer", "confirm"):
        return booked + dt.timedelta(hours=2 + step * 3)
    if action in ("cancel", "refuse", "reschedule"):
        return min(start - dt.timedelta(hours=2), booked + dt.timedelta(days=rng.randint(1, 5)))
    if action == "send-details":
        return start - dt.timedelta(days=rng.randint(3, 5), hours=-1)
    offsets = {"check-in": -5, "start": 0, "extend": 25, "complete": 30, "no-show": 11, "connection-failed": 8,
               "callback-attempt": 10 + step, "complete-by-phone": 35, "unreachable": 45, "terminate": 12}
    return start + dt.timedelta(minutes=offsets[action])


def life(
    rng: random.Random, config: OfficeConfig, start: dt.datetime, today: dt.date, released: bool
) -> tuple[str, list[str], dt.datetime]:
    """(final status, actions after "book", booked-at) for a reservation starting at ``start``."""
    deadline = int(config.get("application_deadline_business_days") or 1)
    lead_days = deadline + rng.randint(1, 12)
    booked = dt.datetime.combine(start.date() - dt.timedelta(days=lead_days), dt.time(9)) + dt.timedelta(
        minutes=rng.randint(0, 420)
    )
    initial = config.get("initial_status", "confirmed")
    head = []
    if initial == "requested":
        head = ["offer", "confirm"] if config.get("offer_flow") else ["confirm"]
    if released:
        status, tail = released_path(rng)
        if tail == ["refuse"]:
            head = head[: rng.randint(0, len(head))]
        return status, head + tail, booked
    if start.date() < today:
        status, tail = final_path(rng, config)
        return status, head + tail, booked
    if start.date() == today:
        return "details_sent", head + ["send-details"], booked
    days_ahead = (start.date() - today).days
    if days_ahead <= 3:
        return "details_sent", head + ["send-details"], booked
    if initial == "requested" and rng.random() < 0.3:
        cut = rng.randint(0, len(head) - 1)
        return ("requested", "offered")[cut], head[:cut], booked
    return "confirmed", head, booked


# ---------------------------------------------------------------- the whole database


def chunks(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert(model, fields: list, rows: list[tuple]) -> None:
    """SQLite: ``insert_many`` in batches. PostgreSQL: one COPY per table (text format), each value
    through its field's ``db_value`` as an INSERT would convert it; 5 to 10 times faster."""
    if not is_sqlite():
        copy(model, fields, rows)
        return
    for batch in chunks(rows):
        model.insert_many(batch, fields=fields).execute()


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy(model, fields: list, rows: list[tuple]) -> None:
    import io

    # peewee's defaults are made in Python, not in the table: add the columns the rows leave out
    given = {f.name for f in fields}  # (not ``f in fields``: a peewee field's == makes an expression)
    extra = [f for f in model._meta.sorted_fields if f.name not in given and f.default is not None]
    defaults = [f.default() if callable(f.default) else f.default for f in extra]
    fields = [*fields, *extra]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    cursor = DB.connection().cursor()
    for batch in chunks(rows, 50_000):
        buffer = io.StringIO()
        for row in batch:
            values = (*row, *defaults)
            buffer.write("\t".join(_copy_text(field.db_value(value)) for field, value in zip(fields, values, strict=True)))
            buffer.write("\n")
        buffer.seek(0)
        cursor.copy_expert(f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN', buffer)


def generate(target: str, total: int, years: float, today: dt.date, seed: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    rng = random.Random(seed)
    database = open_database(target)
    if not is_sqlite():  # a throwaway PostgreSQL database: start from nothing
        database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
    ensure_schema()
    ctx = Context(ADMIN, FixedClock(dt.datetime.combine(today, dt.time(8, 0))))
    configs = {}
    for preset in PRESET_IDS:
        create_office(ctx, preset)
        configs[preset] = get_config(preset)
    last = today + dt.timedelta(days=30)
    first = last - dt.timedelta(days=round(365.25 * years))  # same load per day at every size

    events: list[dict[str, Any]] = []
    seats: list[tuple[str, tuple]] = []
    for office, config in configs.items():
        office_events = make_events(config, first, last, len(events) + 1)
        events += office_events
        seats += [(office, s) for s in seats_of(config, first, last, office_events)]
    released_n = max(int(total * RELEASED_SHARE), total - len(seats))
    holders = rng.sample(seats, total - released_n)
    releasers = [rng.choice(seats) for _ in range(released_n)]

    people = make_people(rng, max(1000, total // 4))
    plan = [(office, seat, False) for office, seat in holders] + [(office, seat, True) for office, seat in releasers]
    # People come and go: each uses the service for about two years (a child's first years, a job
    # search), a fifth of them again and again. People are numbered by arrival, and a session on a
    # given day goes to someone whose two years include it, so the people of any three years (the
    # retention period) are as many at 10,000 reservations as at 1,000,000.
    span_days = max(1, (last - first).days)
    window = max(50, int(len(people) * min(1.0, 730 / span_days) / 2))
    lives = []
    for office, seat, released in plan:
        config = configs[office]
        start = seat[0]
        status, actions, booked = life(rng, config, start, today, released)
        centre = int((start.date() - first).days / span_days * (len(people) - 1))
        lo, hi = max(0, centre - window), min(len(people) - 1, centre + window)
        if rng.random() < 0.5:  # a regular: every fifth person of the window
            pick = rng.randrange(lo - lo % 5, hi + 1, 5)
            person = people[min(pick, hi)]
        else:
            person = people[rng.randint(lo, hi)]
        lives.append((booked, office, seat, released, status, actions, person))
    lives.sort(key=lambda item: item[0])  # ids in the order the bookings were taken

    reservations, histories, consents, claims, callbacks, attempts, credentials = [], [], [], [], [], [], []
    used_people: set[int] = set()
    for rid, (booked, office, seat, released, status, actions, person) in enumerate(lives, start=1):
        config = configs[office]
        start, end, key, seat_no, event_id = seat
        used_people.add(person["id"])
        initial = "confirmed" if config.get("initial_status", "confirmed") == "confirmed" else "requested"
        answers = {f.key: (person["job_seeker_no"] if f.key == "job_seeker_no" else f.example or "")
                   for f in config.fields if f.key not in ("name", "kana", "phone", "email", "address", "job_seeker_no")}
        staff = rng.choice(STAFF)
        channel = rng.choice([c for c in (config.get("first_booking_channels") or config["booking_channels"])
                              if c != "in-session"])
        histories.append((rid, booked, "book", None, initial, channel, staff, "", None))
        current, when, actual_start, actual_end, end_at = initial, booked, None, None, end
        callback_id = None
        for step, action in enumerate(actions):
            when = max(when, action_time(action, start, booked, step, rng))
            data = None
            if action == "extend":
                end_at = start + dt.timedelta(minutes=config.max_session_minutes)
                data = {"from": f"{end:%H:%M}", "to": f"{end_at:%H:%M}"}
            elif action == "start":
                actual_start = when
            elif action in ("complete", "complete-by-phone", "terminate"):
                actual_end = when
            elif action == "check-in":
                data = dict(CHECKS)
            elif action == "send-details":  # the way in was set just before (now and then reissued after)
                issued = when + dt.timedelta(hours=2) if rng.random() < 0.01 else when - dt.timedelta(hours=1)
                credentials.append(credential(config, rid, issued, staff, rng))
            if action == "connection-failed":
                callback_id = len(callbacks) + 1
                callbacks.append([callback_id, rid, person["phone"], when, when, None, "", None])
            if action == "callback-attempt":
                result = "reached" if "complete-by-phone" in actions else "no_answer"
                attempts.append((callback_id, when, result, "", staff))
                histories.append((rid, when, action, current, current, "phone", staff, "", {"result": result}))
                continue
            if action in ("complete-by-phone", "unreachable", "terminate") and callback_id:
                outcome = {"complete-by-phone": "completed_by_phone"}.get(action, action)
                callbacks[callback_id - 1][5:8] = [when, outcome, 20 if action == "complete-by-phone" else None]
            target = TARGET.get(action, current)  # extend keeps the status
            note = {"cancel": "都合が悪くなったため", "refuse": "対象要件を満たさないことが判明",
                    "reschedule": "日程変更の希望", "no-show": "連絡なし", "terminate": "禁止行為のため中止"}.get(action, "")
            if action == "terminate":
                data = {"act": config.prohibited_acts()[0]["key"]}
            histories.append((rid, when, action, current, target, "phone" if action == "cancel" else "", staff, note, data))
            current = target
        assert current == status, (status, actions)
        reservations.append((
            rid, office, person["id"], event_id, start, end_at, status, channel, seat_no, answers, [],
            config.terms_version, booking.details_deadline(config, start.date()), None, actual_start, actual_end,
            False, None, booked, staff, when,
        ))
        consents.append((rid, config.terms_version, config.required_consent_keys(), staff, booked))
        if not released:
            claims.append((key, seat_no, rid))

    with DB.atomic():
        # The database keeps each applicant's latest session end by a trigger per reservation row; for
        # the bulk load it is dropped and the values are filled in once at the end (as a migration does).
        retention_index.drop_triggers()
        insert(Applicant, [Applicant.id, Applicant.name, Applicant.kana, Applicant.phone, Applicant.email,
                           Applicant.address, Applicant.job_seeker_no, Applicant.name_key, Applicant.kana_key,
                           Applicant.given_key, Applicant.given_kana_key],
               [(p["id"], p["name"], p["kana"], p["phone"], p["email"], p["address"], p["job_seeker_no"],
                 *applicant_keys(p["name"], p["kana"]).values())
                for p in people if p["id"] in used_people])
        insert(Event, [Event.id, Event.office, Event.kind, Event.title, Event.start, Event.end, Event.capacity,
                       Event.created_at],
               [(e["id"], e["office"], e["kind"], e["title"], e["start"], e["end"], e["capacity"], e["created_at"])
                for e in events])
        insert(Reservation, [Reservation.id, Reservation.office, Reservation.applicant, Reservation.event,
                             Reservation.start, Reservation.end, Reservation.status, Reservation.channel,
                             Reservation.seat_no, Reservation.answers, Reservation.companions,
                             Reservation.terms_version, Reservation.notify_by, Reservation.offer_reply_by,
                             Reservation.actual_start, Reservation.actual_end, Reservation.city_fault,
                             Reservation.rescheduled_from, Reservation.created_at, Reservation.created_by,
                             Reservation.updated_at], reservations)
        insert(SeatClaim, [SeatClaim.key, SeatClaim.seat_no, SeatClaim.reservation], claims)
        insert(Consent, [Consent.reservation, Consent.terms_version, Consent.items, Consent.staff, Consent.at], consents)
        insert(History, [History.reservation, History.at, History.action, History.from_status, History.status,
                         History.channel, History.staff, History.note, History.data], histories)
        insert(Callback, [Callback.id, Callback.reservation, Callback.phone, Callback.due, Callback.opened_at,
                          Callback.closed_at, Callback.outcome, Callback.duration_minutes],
               [tuple(c) for c in callbacks])
        insert(CallbackAttempt, [CallbackAttempt.callback, CallbackAttempt.at, CallbackAttempt.result,
                                 CallbackAttempt.note, CallbackAttempt.staff], attempts)
        insert(MeetingCredential, [MeetingCredential.reservation, MeetingCredential.url, MeetingCredential.meeting_id,
                                   MeetingCredential.passcode, MeetingCredential.room_key, MeetingCredential.password,
                                   MeetingCredential.issued_at, MeetingCredential.issued_by], credentials)
        Meta.update(value=str(len(histories))).where(Meta.key == "changes").execute()
        retention_index.backfill()
        retention_index.install()
    if not is_sqlite():  # explicit ids: move the sequences past them
        for table in ("applicant", "event", "reservation", "callback"):
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    if not is_sqlite():
        database.execute_sql("ANALYZE")  # statistics before the purge's and the check's queries (as autovacuum would)
    purged = daily_purge_state(today)
    if not is_sqlite():
        database.execute_sql("ANALYZE")
    loaded = time.perf_counter() - t0

    made = service_round(today)
    found = problems()
    return {
        "reservations": Reservation.select().count(),
        "history": History.select().count(),
        "applicants": Applicant.select().count(),
        "events": Event.select().count(),
        "seat_claims": SeatClaim.select().count(),
        "credentials": MeetingCredential.select().count(),
        "anonymised_by_retention": purged,
        "service_made": made,
        "seconds": round(loaded, 1),
        "problems": found,
    }


def daily_purge_state(today: dt.date) -> int:
    """The personal data a desk purging every day would still hold: applicants whose every
    reservation is past its office's retention period are anonymised as retention.purge() does
    (in bulk here: the service's per-reservation pass would take hours at a million)."""
    eligible = retention._eligible(retention.retention_cutoffs(today))
    if eligible is None:
        return 0
    ids = [aid for (aid,) in eligible.tuples()]
    now = dt.datetime.combine(today, dt.time(8, 0))
    with DB.atomic():
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            Applicant.update(**retention.ANONYMISED, anonymised_at=now).where(Applicant.id.in_(chunk)).execute()
            Callback.update(phone="").where(
                Callback.reservation.in_(Reservation.select(Reservation.id).where(Reservation.applicant.in_(chunk)))
            ).execute()
    return len(ids)


def service_round(today: dt.date) -> list[int]:
    """A few bookings and transitions through the services on the loaded database."""
    clock = FixedClock(dt.datetime.combine(today, dt.time(8, 30)))
    ctx = Context(ADMIN, clock)
    made = []
    for office in ("hellowork-kawagoe", "nishitokyo-childcare", "yamaguchi-vocational"):
        config = get_config(office)
        free = [s for n in range(8, 40) for s in booking.slots(ctx, office, today + dt.timedelta(days=n)) if s.bookable]
        for slot in free[:1]:
            values = {f.key: f.example or "" for f in config.fields}
            try:
                res = booking.book(ctx, booking.BookingRequest(
                    office=office, start=slot.start, name="検証 花子", kana=values.get("kana", ""),
                    phone="090-9999-0001", email="check@example.jp",
                    channel=next(c for c in (config.get("first_booking_channels") or config["booking_channels"])
                                 if c != "in-session"),
                    answers={k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")},
                    consent_items=config.required_consent_keys(),
                    acknowledge_trouble=True,
                ))
            except RuleError as exc:
                print(f"  service booking refused: {exc.one_line()}", file=sys.stderr)
                continue
            if res.status == "requested":
                lifecycle.act(ctx, res.id, "confirm", lifecycle.ActOptions(channel="email"))
            made.append(res.id)
    if made:
        lifecycle.cancel(ctx, made[-1], "phone", "検証のため")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "bench.sqlite3"), help="SQLite file to create")
    parser.add_argument("--db", help="a PostgreSQL URL instead of --out (its schema is emptied first)")
    parser.add_argument("--reservations", type=int, default=100_000)
    parser.add_argument("--years", type=float, default=5, help="how many years the reservations span (0.5 for 10,000 at the same load per day)")
    parser.add_argument("--today", default=dt.date.today().isoformat(), help="the benchmark's today (YYYY-MM-DD)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    target = args.db or args.out
    if not args.db:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(out) + suffix).unlink(missing_ok=True)
    summary = generate(target, args.reservations, args.years, dt.date.fromisoformat(args.today), args.seed)
    DB.obj.close()
    for key, value in summary.items():
        print(f"{key}: {value}")
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
