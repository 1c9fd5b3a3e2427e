"""The calendar's reads: one query per visible range, the booking service's slot rules."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from consult_desk import booking, lifecycle, schedule
from consult_desk.models import DB, MeetingCredential
from consult_desk.offices import update_config

WED = dt.date(2027, 1, 13)


@contextmanager
def count_queries():
    """Every SQL statement the block sends, as text."""
    database = DB.obj
    sent: list[str] = []
    original = database.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        sent.append(sql)
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        yield sent
    finally:
        del database.execute_sql


def test_day_plan_shows_seats_holders_and_released(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    ten = dt.datetime.combine(WED, dt.time(10, 0))
    first = booking.book(ctx, make_request(office, ten))
    second = booking.book(ctx, make_request(office, ten, name="佐藤 太郎", phone="080-1111-2222"))
    lifecycle.cancel(ctx, first.id, "phone")

    plan = schedule.day_plan(ctx, office, WED)

    assert plan.closed is None and plan.seats == 2
    assert [s.start.strftime("%H:%M") for s in plan.slots][:2] == ["09:30", "10:00"]
    slot = plan.slot(ten)
    assert slot is not None and slot.booked == 1 and slot.bookable
    assert plan.holder(ten, second.seat_no).id == second.id
    assert plan.holder(ten, first.seat_no) is None
    assert [r.id for r in plan.released(ten)] == [first.id]
    assert plan.in_slot(ten)[0].name in ("山田 花子", "佐藤 太郎")


def test_full_slot_and_deadline_come_from_the_booking_rules(db, ctx, make_office, make_request):
    """004 第4条(1): bookings close two business days before; a slot with both seats taken is full."""
    office = make_office("hellowork-kawagoe")
    ten = dt.datetime.combine(WED, dt.time(10, 0))
    booking.book(ctx, make_request(office, ten))
    booking.book(ctx, make_request(office, ten, name="佐藤 太郎", phone="080-1111-2222"))

    full = schedule.day_plan(ctx, office, WED).slot(ten)
    assert not full.bookable and full.rule == "full"

    # Tuesday 5 January: two business days back skips the year-end closure, so the deadline has passed.
    late = schedule.day_plan(ctx, office, dt.date(2027, 1, 5))
    assert late.slots and all(s.rule == "app_deadline" for s in late.slots)
    assert all(s.reason for s in late.slots)


def test_week_plan_is_one_reservation_query(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    for day in (12, 13, 14):
        booking.book(ctx, make_request(office, dt.datetime(2027, 1, day, 10, 0)))
    with count_queries() as sent:
        days = schedule.plan(ctx, office, dt.date(2027, 1, 11), dt.date(2027, 1, 15))
    on_reservations = [sql for sql in sent if 'FROM "reservation"' in sql]
    assert len(on_reservations) == 1
    assert len(sent) <= 3  # the office's config and closures, then the reservations
    assert [d.day.day for d in days] == [11, 12, 13, 14, 15]
    assert days[0].closed == "成人の日" and days[0].slots == []
    assert sum(len(d.reservations) for d in days) == 3


def test_month_days_closures_holidays_year_end_and_free_seats(db, ctx, make_office, make_request):
    """Year-end closure 12/29-1/3 (003 6), national holidays from jpholiday, free seats per day."""
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, dt.datetime.combine(WED, dt.time(10, 0))))
    with count_queries() as sent:
        days = {d.day: d for d in schedule.month_days(ctx, office, dt.date(2026, 12, 28), dt.date(2027, 2, 7))}
    assert len([sql for sql in sent if 'FROM "seat_claim"' in sql]) == 1
    assert days[dt.date(2027, 1, 1)].year_end and days[dt.date(2027, 1, 1)].closed
    assert days[dt.date(2027, 1, 1)].holiday == "元日"
    assert days[dt.date(2026, 12, 29)].year_end and days[dt.date(2026, 12, 29)].seats == 0
    assert days[dt.date(2027, 1, 11)].holiday == "成人の日"
    assert days[dt.date(2027, 1, 9)].closed == "土曜日"
    wed = days[WED]
    assert (wed.seats, wed.booked, wed.free) == (22, 1, 21)
    assert wed.open_for_booking
    # 004 第4条(1): the 5th is past its deadline on Monday the 4th, the 6th is still open.
    assert not days[dt.date(2027, 1, 5)].open_for_booking
    assert days[dt.date(2027, 1, 6)].open_for_booking
    assert not days[dt.date(2027, 1, 9)].open_for_booking


def test_off_grid_reservation_keeps_its_row_after_the_hours_change(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    late = dt.datetime.combine(WED, dt.time(15, 30))
    res = booking.book(ctx, make_request(office, late))
    hours = {day: [["09:30", "12:00"], ["13:00", "15:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
    update_config(ctx, office, {"hours": hours})

    plan = schedule.day_plan(ctx, office, WED)
    assert late in plan.starts()
    assert plan.slot(late) is None
    assert plan.holder(late, res.seat_no).id == res.id


def test_event_participants_are_counted_against_capacity(db, ctx, make_office, make_request):
    """002: group events take participants up to their limit."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "exchange", "親子交流会", dt.datetime.combine(WED, dt.time(10, 0)), 60, 2)
    booking.book(ctx, make_request(office, None, event_id=event.id))
    booking.book(ctx, make_request(office, None, event_id=event.id, name="佐藤 太郎", phone="080-1111-2222"))

    plan = schedule.day_plan(ctx, office, WED)
    assert [(e.title, e.booked, e.capacity, e.bookable) for e in plan.events] == [("親子交流会", 2, 2, False)]
    assert plan.in_slot(event.start) == []  # participants are not individual slot bookings
    assert plan.slot(event.start).booked == 0


def test_first_bookable_and_credentials(db, ctx, make_office, make_request):
    office = make_office("nishitokyo-childcare")
    assert schedule.first_bookable(ctx, office, WED) == dt.datetime.combine(WED, dt.time(9, 0))
    assert schedule.first_bookable(ctx, office, dt.date(2027, 1, 9)) is None
    # Ctrl+N on a Saturday before 成人の日 (Mon 11 Jan 2027): the first bookable slot is on Tuesday the 12th
    assert schedule.first_bookable(ctx, office, dt.date(2027, 1, 9), days=92) == dt.datetime(2027, 1, 12, 9, 0)
    # today (4 Jan, 09:00) is past 000 第4条(2)'s deadline for today and the next days: the first after it
    first = schedule.first_bookable(ctx, office, ctx.clock.today(), days=92)
    assert first is not None and first.date() > ctx.clock.today()
    assert all(not s.bookable for s in booking.slots(ctx, office, ctx.clock.today()))
    res = booking.book(ctx, make_request(office, dt.datetime.combine(WED, dt.time(9, 0))))
    now = ctx.clock.now()
    MeetingCredential.create(reservation=res, url="https://zoom.example/j/1", passcode="old", issued_at=now,
                             issued_by="tester", revoked_at=now, revoked_reason="漏えい")
    MeetingCredential.create(reservation=res, url="https://zoom.example/j/2", meeting_id="123 456 7890",
                             passcode="9xk2", issued_at=now, issued_by="tester")
    creds = schedule.meeting_credentials(res.id)
    assert [(c.url, c.passcode) for c in creds] == [("https://zoom.example/j/2", "9xk2")]


def test_revealing_credentials_is_audited(db, ctx, make_office, make_request):
    """004 第5条: the office keeps a record of access; a reveal of a passcode is one audit entry."""
    from consult_desk import audit
    from consult_desk.models import AuditLog

    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, dt.datetime.combine(WED, dt.time(9, 0))))
    audit.record_reveal(ctx, res.id)
    rows = list(AuditLog.select().where(AuditLog.action == "reveal_credentials"))
    assert [(r.staff, r.target) for r in rows] == [("tester", str(res.id))]
