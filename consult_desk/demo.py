"""A realistic sample for demonstrations and screenshots: months of reservations in every status.

Everything goes through the real services with a moving clock, so the sample obeys the same
rules, deadlines and history as real use.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from consult_desk import booking, credentials, lifecycle
from consult_desk.actions import Action
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import Reservation, transaction
from consult_desk.offices import get_config
from consult_desk.presets import OfficeConfig

JST = ZoneInfo("Asia/Tokyo")
DEMO_ACTOR = Actor("demo", "デモデータ", "admin")

FAMILY = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本", "松本", "井上", "木村", "林", "斎藤", "清水"]
FAMILY_KANA = ["やまだ", "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "なかむら", "こばやし", "かとう", "よしだ", "やまもと", "まつもと", "いのうえ", "きむら", "はやし", "さいとう", "しみず"]
GIVEN = ["花子", "太郎", "美咲", "健太", "陽菜", "翔", "結衣", "大輔", "さくら", "直樹", "愛", "拓也", "由美", "誠"]
GIVEN_KANA = ["はなこ", "たろう", "みさき", "けんた", "ひな", "しょう", "ゆい", "だいすけ", "さくら", "なおき", "あい", "たくや", "ゆみ", "まこと"]


def _people(rng: random.Random, n: int) -> list[dict[str, str]]:
    people = []
    for i in range(n):
        f = rng.randrange(len(FAMILY))
        g = rng.randrange(len(GIVEN))
        people.append(
            {
                "name": f"{FAMILY[f]} {GIVEN[g]}",
                "kana": f"{FAMILY_KANA[f]} {GIVEN_KANA[g]}",
                "phone": f"090-{rng.randint(1000, 9999)}-{i:04d}",
                "email": f"user{i:03d}@example.jp",
                "job_seeker_no": f"11010-{rng.randint(10000000, 99999999)}",
            }
        )
    return people


def _answers(config: OfficeConfig, person: dict[str, str]) -> dict[str, str]:
    answers = {}
    for field in config.fields:
        if field.key in ("name", "kana", "phone", "email"):
            continue
        if field.key == "job_seeker_no":
            answers[field.key] = person["job_seeker_no"]
        elif field.eligible:
            answers[field.key] = field.eligible[hash(person["name"]) % len(field.eligible)]
        elif field.example:
            answers[field.key] = field.example
    return answers


def _channel(config: OfficeConfig, first: bool, rng: random.Random) -> str:
    channels = [c for c in config["booking_channels"] if c != "in-session"]
    if first and config.get("first_booking_channels"):
        channels = [c for c in channels if c in config["first_booking_channels"]] or channels
    if not first and "in-session" in config["booking_channels"] and rng.random() < 0.3:
        return "in-session"
    return rng.choice(channels)


def _forward(clock: FixedClock, when: dt.datetime) -> None:
    """Move the sample's clock to ``when``, never back: each reservation's history reads in order."""
    clock.set(max(clock.now(), when))


def demo_credentials(config: OfficeConfig, reservation_id: int) -> dict[str, str]:
    """Plausible meeting credentials for the office's platform (a new Teams URL each time, 003 2(4))."""
    n = reservation_id
    secret = f"{(n * 7919) % 1000000:06d}"
    values = {
        "zoom": {"url": f"https://zoom.us/j/8{n:010d}", "meeting_id": f"8{n:010d}", "passcode": secret},
        "rooms": {"room_key": f"R{secret}", "url": "https://rooms.example.jp/musashino"},
        "teams": {"url": f"https://teams.microsoft.com/l/meetup-join/demo-{n}"},
        "teleoffice": {"url": f"https://teleoffice.example.jp/kawagoe/{n}"},
        "webmeeting": {"meeting_id": f"5{n:09d}", "password": f"p{secret}", "url": f"https://meet.example.jp/{n}"},
    }[config.platform]
    wanted = set(config.get("credential_fields") or [])
    return {k: v for k, v in values.items() if k in wanted}


def _send_details(ctx: Context, reservation_id: int, config: OfficeConfig) -> None:
    """Meeting credentials set, then the details marked as sent (as the details e-mail does)."""
    credentials.set_credentials(ctx, reservation_id, demo_credentials(config, reservation_id))
    lifecycle.act(ctx, reservation_id, Action.SEND_DETAILS, lifecycle.ActOptions(channel="email"))


OUTCOMES = ("cancel", "refuse", "no_show", "by_phone", "unreachable", "rescheduled", "terminate", "complete")
WEIGHTS = (7, 3, 6, 3, 1, 1, 1, 78)


def _run_day(ctx: Context, clock: FixedClock, res: Reservation, config: OfficeConfig, outcome: str) -> None:
    """Walk a past reservation through its day to the given final outcome."""
    rid = res.id
    act = lifecycle.act
    opts = lifecycle.ActOptions
    if res.status == "requested":  # Hello Work: the office's mail naming the time confirms (004 第4条(2))
        act(ctx, rid, "offer" if config.get("offer_flow") else "confirm", opts(channel="email"))
    if outcome == "cancel":
        _forward(clock, res.start - dt.timedelta(days=1, hours=-2))
        lifecycle.cancel(ctx, rid, config["cancel_channels"][0], "都合が悪くなったため")
        return
    if outcome == "refuse":
        act(ctx, rid, Action.REFUSE, opts(note="対象要件を満たさないことが判明"))
        return
    _forward(clock, res.start - dt.timedelta(days=2))
    _send_details(ctx, rid, config)
    if outcome == "no_show":
        _forward(clock, res.start + dt.timedelta(minutes=config.grace_minutes + 1))
        act(ctx, rid, Action.NO_SHOW, opts(note="連絡なし"))
        return
    _forward(clock, res.start - dt.timedelta(minutes=5))
    act(ctx, rid, Action.CHECK_IN, opts(checks={"connection_test": "ok", "identity_checked": True, "companions_present": True}))
    _forward(clock, res.start)
    act(ctx, rid, Action.START)
    if outcome in ("by_phone", "unreachable", "rescheduled"):
        _forward(clock, res.start + dt.timedelta(minutes=8))
        act(ctx, rid, Action.CONNECTION_FAILED, opts(note="映像が途切れて再接続できない"))
        _forward(clock, res.start + dt.timedelta(minutes=10))
        lifecycle.log_callback_attempt(ctx, rid, "reached" if outcome == "by_phone" else "no_answer", "折返し")
        if outcome == "by_phone":
            act(ctx, rid, Action.COMPLETE_BY_PHONE, opts(minutes=20, note="電話で相談を継続"))
        elif outcome == "unreachable":
            act(ctx, rid, Action.UNREACHABLE, opts(note="3回架電したが応答なし"))
        else:
            act(ctx, rid, Action.RESCHEDULE, opts(note="市側の回線障害のため別日で対応", city_fault=True))
        return
    if outcome == "terminate" and config.prohibited_acts():
        _forward(clock, res.start + dt.timedelta(minutes=10))
        act(ctx, rid, Action.TERMINATE, opts(prohibited_act=config.prohibited_acts()[0]["key"], note="録画を確認したため中止"))
        return
    if config.max_session_minutes > config.session_minutes and res.id % 5 == 0:
        act(ctx, rid, Action.EXTEND)
    _forward(clock, res.end)
    act(ctx, rid, Action.COMPLETE)


def add_demo_data(
    office: str,
    today: dt.date,
    seed: int = 7,
    days_back: int = 45,
    days_ahead: int = 21,
    now: dt.datetime | None = None,
) -> int:
    """Book and work a sample from ``days_back`` before ``today`` to ``days_ahead`` after. Returns the count.

    ``now`` (default: today at 10:00) is the hour of the first start: today's sessions are live only
    around it (nothing checked in or in session before opening time), and nothing in the sample,
    applications included, is recorded after it.
    """
    now = now or dt.datetime.combine(today, dt.time(10, 0))
    today = now.date()
    rng = random.Random(f"{seed}-{office}")
    config = get_config(office)
    clock = FixedClock()
    ctx = Context(actor=DEMO_ACTOR, clock=clock)
    people = _people(rng, 60)
    seen: set[str] = set()
    count = 0
    deadline = int(config.get("application_deadline_business_days") or 1)
    day = today - dt.timedelta(days=days_back)
    todays: list[Reservation] = []
    past = 0
    several = len(config.session_lengths) > 1  # Yamaguchi: 30, 45 or 60 minutes (003 6)
    with transaction():  # one sample, one transaction: fast, and all or nothing
        while day <= today + dt.timedelta(days=days_ahead):
            if config.calendar.is_business_day(day):
                for start, _end in config.grid(day):
                    for _seat in range(config.seats):
                        if rng.random() > (0.9 if today <= day <= today + dt.timedelta(days=4) else 0.45) and not (
                            several and day == today  # 003 6 lengths: today's day is full, one after the other
                        ):
                            continue
                        minutes = rng.choice(config.session_lengths) if several else None
                        person = rng.choice(people)
                        first = person["phone"] not in seen
                        booked_on = config.calendar.business_days_before(day, deadline + rng.randint(0, 6))
                        booked_at = dt.datetime.combine(booked_on, dt.time(9, 0)) + dt.timedelta(minutes=rng.randint(0, 400))
                        if booked_at > now:  # an application not yet made is not in the sample
                            booked_at = now - dt.timedelta(minutes=rng.randint(1, 600))
                        clock.set(booked_at)
                        channel = _channel(config, first, rng)
                        try:
                            res = booking.book(
                                ctx,
                                booking.BookingRequest(
                                    office=office,
                                    start=start,
                                    name=person["name"],
                                    kana=person["kana"],
                                    phone=person["phone"],
                                    email=person["email"],
                                    channel=channel,
                                    answers=_answers(config, person),
                                    consent_items=config.required_consent_keys(),
                                    minutes=minutes,
                                    acknowledge_trouble=True,  # the demo's staff book people with earlier trouble
                                ),
                            )
                        except RuleError:
                            continue
                        seen.add(person["phone"])
                        count += 1
                        if start.date() < today:
                            past += 1
                            outcome = OUTCOMES[past - 1] if past <= len(OUTCOMES) else rng.choices(OUTCOMES, WEIGHTS)[0]
                            _run_day(ctx, clock, res, config, outcome)
                        elif start.date() == today:
                            todays.append(res)
                        else:
                            _advance_future(ctx, clock, res, config, rng, now)
            day += dt.timedelta(days=1)
        _live_today(ctx, clock, todays, config, now)
    return count


def _advance_future(
    ctx: Context, clock: FixedClock, res: Reservation, config: OfficeConfig, rng: random.Random, now: dt.datetime
) -> None:
    """Future reservations: some offered or confirmed, details sent when their deadline is near."""
    status = res.status
    if status == "requested" and rng.random() < 0.5:
        confirm = rng.random() < 0.6  # drawn for every office: the sample stays the same
        if config.get("offer_flow"):  # 004 第4条(2): the office's answer confirms
            status = lifecycle.act(ctx, res.id, "offer", lifecycle.ActOptions(channel="email")).status
        elif confirm:
            status = lifecycle.act(ctx, res.id, "confirm", lifecycle.ActOptions(channel="email")).status
    today = now.date()
    if status == "confirmed" and res.notify_by and res.notify_by <= today + dt.timedelta(days=3):
        _forward(clock, min(now, dt.datetime.combine(min(res.notify_by, today), dt.time(8, 30))))
        _send_details(ctx, res.id, config)


def _live_today(
    ctx: Context, clock: FixedClock, todays: list[Reservation], config: OfficeConfig, now: dt.datetime
) -> None:
    """Today's sessions as they stand at ``now``: those over are done, one that failed waits on a
    phone callback, those running are in session, the next one within the hour is checked in, the
    rest have their details. Before opening time none is live."""
    opts = lifecycle.ActOptions
    checks = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
    callback_made = checked_in = False
    for res in sorted(todays, key=lambda r: (r.start, r.id)):
        rid = res.id
        clock.set(min(now, res.created_at + dt.timedelta(hours=1)))  # the office answers soon after
        if res.status == "requested":
            lifecycle.act(ctx, rid, "offer" if config.get("offer_flow") else "confirm", opts(channel="email"))
        _forward(clock, min(now, max(res.created_at + dt.timedelta(hours=2), res.start - dt.timedelta(days=1))))
        _send_details(ctx, rid, config)
        if now < res.start - dt.timedelta(minutes=60):
            continue  # not yet
        if now < res.start:  # the next one is checked in up to an hour ahead
            if not checked_in:
                _forward(clock, min(now, res.start - dt.timedelta(minutes=5)))
                lifecycle.act(ctx, rid, Action.CHECK_IN, opts(checks=checks))
                checked_in = True
            continue
        _forward(clock, res.start - dt.timedelta(minutes=5))
        lifecycle.act(ctx, rid, Action.CHECK_IN, opts(checks=checks))
        _forward(clock, res.start)
        lifecycle.act(ctx, rid, Action.START)
        if not callback_made and now >= res.start + dt.timedelta(minutes=6):
            _forward(clock, res.start + dt.timedelta(minutes=6))
            lifecycle.act(ctx, rid, Action.CONNECTION_FAILED, opts(note="音声が途切れる"))
            callback_made = True
        elif now >= res.end:
            _forward(clock, res.end)
            lifecycle.act(ctx, rid, Action.COMPLETE)


def load_demo(now: dt.datetime | None = None) -> dict[str, int]:
    """Every shipped office with its sample, for the demo database (``scripts/run.sh --demo``),
    placed around ``now`` (the hour of the first start, Japan time)."""
    from consult_desk.auth import create_demo_accounts
    from consult_desk.offices import create_office
    from consult_desk.presets import PRESET_IDS

    now = now or dt.datetime.now(JST).replace(tzinfo=None, second=0, microsecond=0)
    ctx = Context(actor=DEMO_ACTOR, clock=FixedClock(now))
    counts = {}
    for preset in PRESET_IDS:
        create_office(ctx, preset)
        counts[preset] = add_demo_data(preset, now.date(), now=now)
    create_demo_accounts(ctx.clock)  # ready-made staff accounts for every role (README: Demo accounts)
    return counts
