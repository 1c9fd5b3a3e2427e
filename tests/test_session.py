"""The session day: today's board, check-in, the timer, no-show, the phone callback, termination
and the next booking made in a session. Every rule cites the seed clause it comes from."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from consult_desk import booking, credentials, lifecycle, session
from consult_desk.actions import Need
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import Callback, CallbackAttempt, History, Reservation, Staff
from consult_desk.offices import get_config, update_config
from consult_desk.states import FINAL, Status

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
DAY = WED.date()
OK = {"connection_test": "ok", "identity_checked": True, "companions_present": True}


ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}


def book(ctx, make_request, office, start, **overrides):
    res = booking.book(ctx, make_request(office, start, **overrides))
    if res.status in ("requested", "offered"):
        # Hello Work: the office's mail naming the time confirms (004 第4条(2)); the others confirm
        step = "offer" if get_config(office).get("offer_flow") else "confirm"
        lifecycle.act(ctx, res.id, step, ActOptions(channel="email"))
    if get_config(office).clause("details_required"):  # 000 第5条(2): those sent the details join
        credentials.set_credentials(ctx, res.id, ZOOM)
        lifecycle.act(ctx, res.id, "send-details", ActOptions(channel="email"))
    return res


def person(n: int) -> dict[str, str]:
    return {"name": f"利用 者{n}", "phone": f"090-2222-{n:04d}", "email": f"user{n}@example.jp"}


def row_of(office: str, res_id: int, now: dt.datetime) -> session.BoardRow:
    return next(r for r in session.today_board(office, now.date(), now) if r.id == res_id)


def history(res_id: int) -> list[History]:
    return list(History.select().where(History.reservation == res_id).order_by(History.id))


# ---------------------------------------------------------------- the board


def test_board_lists_the_day_per_counsellor_in_time_order(hw, ctx, clock, make_request):
    """Two seats at Hello Work (004 第4条(2)③ grid); a counsellor assigned takes the lane's name."""
    a = book(ctx, make_request, hw, T(2027, 1, 13, 10, 30), **person(1))
    b = book(ctx, make_request, hw, WED, **person(2))
    c = book(ctx, make_request, hw, WED, **person(3))
    other_day = book(ctx, make_request, hw, T(2027, 1, 14, 10, 0), **person(4))
    cancelled = book(ctx, make_request, hw, T(2027, 1, 13, 11, 0), **person(5))
    lifecycle.cancel(ctx, cancelled.id, "phone")
    staff = Staff.create(login="sato", display_name="佐藤相談員", role="counsellor")
    Reservation.update(counsellor=staff).where(Reservation.id == c.id).execute()
    clock.set(T(2027, 1, 13, 9, 0))
    rows = session.today_board(hw, DAY, clock.now())
    assert [r.id for r in rows] == [c.id, b.id, a.id]  # the counsellor's lane first, then seat 1 in time order
    assert [r.lane for r in rows] == ["佐藤相談員", "席1", "席1"]
    assert other_day.id not in [r.id for r in rows] and cancelled.id not in [r.id for r in rows]
    first = rows[1]
    assert (first.next_action, first.countdown, first.countdown_to) == ("check-in", 60, "start")
    assert first.phone == "090-2222-0002" and first.status_label == "予約確定"


def test_board_reads_the_day_in_one_statement(hw, ctx, clock, make_request, db):
    """The board refreshes on a timer: one SQL statement, whatever the number of sessions."""
    res = [book(ctx, make_request, hw, s, **person(n)) for n, s in enumerate((WED, T(2027, 1, 13, 10, 30), T(2027, 1, 13, 11, 0)))]
    clock.set(WED)
    lifecycle.act(ctx, res[0].id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res[0].id, "start")
    lifecycle.act(ctx, res[0].id, "connection-failed")
    lifecycle.log_callback_attempt(ctx, res[0].id, "busy")
    statements: list[str] = []
    connection = db.connection()
    assert isinstance(connection, sqlite3.Connection)
    connection.set_trace_callback(statements.append)
    try:
        rows = session.today_board(hw, DAY, T(2027, 1, 13, 10, 2))
    finally:
        connection.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(rows) == 3
    # the office's configuration (cached per change counter) may be read once besides the board itself
    assert len([s for s in selects if '"reservation"' in s]) == 1
    assert rows[0].callback_attempts == 1 and rows[0].last_callback_result == "busy"


def test_board_on_both_engines(any_db, ctx, clock, make_office, make_request):
    """The one-statement board query (correlated subqueries) runs on SQLite and PostgreSQL alike."""
    hw = make_office("hellowork-kawagoe")
    res = book(ctx, make_request, hw, WED, **person(1))
    waiting = book(ctx, make_request, hw, T(2027, 1, 13, 10, 30), **person(2))
    clock.set(T(2027, 1, 13, 9, 58))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, waiting.id, "contact", ActOptions(note="少し遅れると電話あり", channel="phone"))
    lifecycle.act(ctx, res.id, "start")
    lifecycle.act(ctx, res.id, "connection-failed")
    lifecycle.log_callback_attempt(ctx, res.id, "no_answer")
    rows = {r.id: r for r in session.today_board(hw, DAY, T(2027, 1, 13, 10, 1))}
    cb = rows[res.id]
    assert cb.status == "phone_callback" and cb.connection_test == "ok" and cb.identity_checked is True
    assert cb.callback_due == T(2027, 1, 13, 10, 3) and cb.callback_attempts == 1 and not cb.callback_reached
    assert cb.countdown == 2 and cb.countdown_to == "due"
    assert rows[waiting.id].contact is True


# ---------------------------------------------------------------- check-in and start


def test_check_in_records_connection_test_identity_and_companions(db, ctx, clock, make_office, make_request):
    """000 第5条(4) 接続テスト, 000 第5条(5) 顔と名前を確認; companions named in advance (003 5(1)①)."""
    office = make_office("yamaguchi-vocational")
    res = book(ctx, make_request, office, WED, companions=[{"name": "支援 太郎", "relation": "支援者"}])
    clock.set(T(2027, 1, 13, 9, 50))
    checks = {"connection_test": "ok", "identity_checked": True, "companions_present": False}
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=checks))
    entry = history(res.id)[-1]
    assert (entry.action, entry.status, entry.staff, entry.at) == ("check-in", "checked_in", "tester", clock.now())
    assert entry.data == {"connection_test": "ok", "identity_checked": True, "companions": 1, "companions_present": False}
    row = row_of(office, res.id, clock.now())
    assert row.next_action == "start" and "companions_mismatch" in row.warnings


def test_check_in_needs_face_and_name_when_the_connection_works(nishi, ctx, clock, make_request):
    """000 第5条(5): 入室後は、顔と名前を確認させていただきます."""
    res = book(ctx, make_request, nishi, WED)
    clock.set(T(2027, 1, 13, 9, 55))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "check-in", ActOptions(checks={"connection_test": "ok", "identity_checked": False}))
    assert err.value.code == "identity_not_checked"
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "check-in", ActOptions(checks={"connection_test": "maybe", "identity_checked": True}))
    assert err.value.code == "invalid_choice"
    assert lifecycle.get_reservation(res.id).status == "details_sent"
    assert "check-in" not in [h.action for h in history(res.id)]


def test_a_failed_connection_test_leads_to_connection_failed_not_start(nishi, ctx, clock, make_request):
    """000 第5条(4): the test before the start failed; the board proposes 接続不良, start is refused
    until a new test passes."""
    res = book(ctx, make_request, nishi, WED)
    clock.set(T(2027, 1, 13, 9, 55))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks={"connection_test": "failed", "identity_checked": False}))
    row = row_of(nishi, res.id, clock.now())
    assert row.next_action == "connection-failed" and "connection_test_failed" in row.warnings
    assert "start" not in row.actions and "connection-failed" in row.actions
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "start")
    assert err.value.code == "connection_test_failed" and err.value.clause == "000 第10条(7)"
    clock.set(T(2027, 1, 13, 9, 58))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))  # tested again: it works now
    assert row_of(nishi, res.id, clock.now()).next_action == "start"
    lifecycle.act(ctx, res.id, "start")
    assert [(h.action, h.from_status, h.status) for h in history(res.id)][3:] == [
        ("check-in", "details_sent", "checked_in"),
        ("check-in", "checked_in", "checked_in"),
        ("start", "checked_in", "in_session"),
    ]


def test_check_in_and_start_only_on_the_session_day(nishi, ctx, clock, make_request):
    res = book(ctx, make_request, nishi, WED)
    clock.set(T(2027, 1, 12, 15, 0))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    assert err.value.code == "not_session_day" and "2027年1月13日(水)" in err.value.message


# ---------------------------------------------------------------- the timer


def test_late_start_does_not_move_the_end(db, ctx, clock, make_office, make_request):
    """001: 遅れての参加の場合でも終了時間は変わりません."""
    office = make_office("musashino-hoiku-concierge")
    res = book(ctx, make_request, office, WED)
    clock.set(T(2027, 1, 13, 10, 7))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res.id, "start")
    res = lifecycle.get_reservation(res.id)
    timer = session.session_timer(res, clock.now())
    assert res.end == T(2027, 1, 13, 10, 30) and timer.remaining_minutes == 23 and timer.late_minutes == 7
    assert history(res.id)[-1].data == {"late_minutes": 7, "planned_end": "10:30"}
    row = row_of(office, res.id, clock.now())
    assert (row.next_action, row.countdown, row.countdown_to) == ("complete", 23, "end")


def test_where_the_office_says_so_a_late_start_moves_the_end(db, ctx, clock, make_office, make_request):
    """An office may edit late_start_keeps_end off: the session keeps its length, and the maximum
    counts from the actual start."""
    office = make_office("hellowork-kawagoe")
    update_config(ctx, office, {"late_start_keeps_end": False})
    res = book(ctx, make_request, office, WED)
    clock.set(T(2027, 1, 13, 10, 5))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res.id, "start")
    assert lifecycle.get_reservation(res.id).end == T(2027, 1, 13, 10, 35)
    lifecycle.act(ctx, res.id, "extend")
    assert lifecycle.get_reservation(res.id).end == T(2027, 1, 13, 10, 50)  # 45 minutes from 10:05


def test_hello_work_extends_from_30_to_45_minutes_and_no_further(hw, ctx, clock, make_request):
    """004 第4条(1): 1回当たり30分（必要により延長する場合は45分まで）."""
    res = book(ctx, make_request, hw, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res.id, "start")
    clock.set(T(2027, 1, 13, 10, 24))
    timer = session.session_timer(lifecycle.get_reservation(res.id), clock.now())
    assert (timer.remaining_minutes, timer.warning, timer.extendable, timer.extend_allowance) == (6, False, True, 15)
    clock.set(T(2027, 1, 13, 10, 25))
    row = row_of(hw, res.id, clock.now())
    assert row.timer.warning and "ending_soon" in row.warnings and "extend" in row.actions
    lifecycle.act(ctx, res.id, "extend", ActOptions(minutes=10))
    lifecycle.act(ctx, res.id, "extend", ActOptions(minutes=5))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "extend", ActOptions(minutes=5))
    assert err.value.code == "extend_limit" and err.value.clause == "004 第4条(1)"
    res = lifecycle.get_reservation(res.id)
    assert res.end == T(2027, 1, 13, 10, 45)
    row = row_of(hw, res.id, clock.now())
    assert not row.timer.extendable and "extend" not in row.actions and row.countdown == 20
    assert [h.data for h in history(res.id) if h.action == "extend"] == [
        {"from": "10:30", "to": "10:40"},
        {"from": "10:40", "to": "10:45"},
    ]
    clock.set(T(2027, 1, 13, 10, 46))
    row = row_of(hw, res.id, clock.now())
    assert "overrun" in row.warnings and row.countdown == -1 and row.next_action == "complete"


def test_yamaguchi_sessions_are_at_most_60_minutes(db, ctx, clock, make_office, make_request):
    """003 6: 1回60分以内."""
    office = make_office("yamaguchi-vocational")
    res = book(ctx, make_request, office, WED)
    clock.set(WED)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res.id, "start")
    timer = session.session_timer(lifecycle.get_reservation(res.id), clock.now())
    assert timer.planned_end == T(2027, 1, 13, 11, 0) and not timer.extendable
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "extend", ActOptions(minutes=5))
    assert err.value.code == "extend_limit" and err.value.clause == "003 6"


# ---------------------------------------------------------------- no-show


def test_no_show_only_after_the_grace_and_without_contact(hw, ctx, clock, make_request):
    """003 7(2), 004 第4条(4): 連絡がないまま実施日時を10分経過した場合は、キャンセルとみなします."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 9))
    row = row_of(hw, res.id, clock.now())
    assert row.next_action == "check-in" and "no-show" not in row.actions
    assert (row.countdown, row.countdown_to, row.warnings) == (1, "no_show", ["late"])
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    assert err.value.code == "no_show_too_early" and err.value.clause == "004 第4条(4)" and "10:10" in err.value.message
    clock.set(T(2027, 1, 13, 10, 10))
    row = row_of(hw, res.id, clock.now())
    assert row.next_action == "no-show" and "no-show" in row.actions and "no_show_due" in row.warnings
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    assert lifecycle.get_reservation(res.id).status == "no_show"
    assert history(res.id)[-1].at == T(2027, 1, 13, 10, 10)


def test_a_contact_note_blocks_the_no_show(hw, ctx, clock, make_request):
    """003 7(2): only 連絡がないまま counts as a cancellation."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 3))
    lifecycle.act(ctx, res.id, "contact", ActOptions(note="電車遅延で10分遅れると電話", channel="phone"))
    clock.set(T(2027, 1, 13, 10, 15))
    row = row_of(hw, res.id, clock.now())
    assert row.next_action == "check-in" and "no-show" not in row.actions and row.countdown_to == "start"
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    assert err.value.code == "no_show_contacted"


def test_supervisor_undoes_a_no_show_and_the_count_feeds_the_next_booking(hw, ctx, clock, make_request):
    """003 7(2), 004 第4条(4): a no-show may lead to refusal later, so it is shown at the next booking;
    a supervisor can undo a wrong one, with a reason."""
    res = book(ctx, make_request, hw, WED)
    clock.set(T(2027, 1, 13, 10, 11))
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    phone = lifecycle.get_reservation(res.id).applicant.phone
    assert [t.reservation_id for t in booking.trouble_for(phone=phone)] == [res.id]
    counsellor = Context(actor=Actor("kato", "加藤", "counsellor"), clock=clock)
    with pytest.raises(RuleError) as err:
        lifecycle.act(counsellor, res.id, "undo-no-show", ActOptions(note="接続していた"))
    assert err.value.code == "permission"
    supervisor = Context(actor=Actor("boss", "主任", "supervisor"), clock=clock)
    with pytest.raises(RuleError) as err:
        lifecycle.act(supervisor, res.id, "undo-no-show")
    assert err.value.code == "reason_required"
    lifecycle.act(supervisor, res.id, "undo-no-show", ActOptions(note="本人は接続していたが記録漏れ"))
    assert lifecycle.get_reservation(res.id).status == "confirmed"
    assert booking.trouble_for(phone=phone) == []
    row = row_of(hw, res.id, clock.now())
    assert row.no_show_undone and row.next_action == "check-in"  # the board does not propose it again
    # a second real no-show later on is shown when booking again
    nxt = book(ctx, make_request, hw, T(2027, 1, 20, 10, 0))
    clock.set(T(2027, 1, 20, 10, 12))
    lifecycle.act(ctx, nxt.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    clock.set(T(2027, 1, 21, 9, 0))
    third = booking.book(ctx, make_request(hw, T(2027, 1, 27, 10, 0), acknowledge_trouble=True))
    assert [t.reservation_id for t in booking.trouble_for(phone=phone)] == [nxt.id]
    assert history(third.id)[0].data["trouble_acknowledged"] == [nxt.id]


# ---------------------------------------------------------------- connection failure and callback


def running(ctx, clock, make_request, office, start=WED):
    res = book(ctx, make_request, office, start)
    clock.set(start)
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK))
    lifecycle.act(ctx, res.id, "start")
    return res


def test_connection_failure_opens_a_callback_in_the_queue(hw, ctx, clock, make_request):
    """003 8: 当センターから電話連絡を行います; 001: 電話相談に切り換え."""
    res = running(ctx, clock, make_request, hw)
    clock.set(T(2027, 1, 13, 10, 8))
    lifecycle.act(ctx, res.id, "connection-failed", ActOptions(note="映像が固まる"))
    queue = session.callback_queue(hw, clock.now())
    assert [(q.reservation, q.due, q.overdue, q.attempts) for q in queue] == [(res.id, T(2027, 1, 13, 10, 8), True, 0)]
    assert queue[0].name == lifecycle.get_reservation(res.id).applicant.name
    assert session.callback_queue("nishitokyo-childcare", clock.now()) == []
    info = session.callback_info(res.id)
    assert info.phone == "090-1234-5678" and info.phone_digits == "09012345678" and not info.city_fault_only
    row = row_of(hw, res.id, clock.now())
    assert row.next_action == "callback-attempt" and "complete-by-phone" not in row.actions
    assert "unreachable" not in row.actions and "callback_due" in row.warnings


def test_each_attempt_is_logged_and_a_missed_call_is_due_again(hw, ctx, clock, make_request):
    res = running(ctx, clock, make_request, hw)
    lifecycle.act(ctx, res.id, "connection-failed")
    clock.set(T(2027, 1, 13, 10, 2))
    lifecycle.log_callback_attempt(ctx, res.id, "busy", "話し中")
    assert session.callback_info(res.id).due == T(2027, 1, 13, 10, 7)
    assert session.callback_queue(hw, clock.now())[0].overdue is False
    clock.set(T(2027, 1, 13, 10, 7))
    lifecycle.log_callback_attempt(ctx, res.id, "no_answer")
    clock.set(T(2027, 1, 13, 10, 12))
    lifecycle.log_callback_attempt(ctx, res.id, "reached", "電話で継続します")
    info = session.callback_info(res.id)
    assert [(a["at"], a["result"], a["note"], a["staff"]) for a in info.attempts] == [
        (T(2027, 1, 13, 10, 2), "busy", "話し中", "tester"),
        (T(2027, 1, 13, 10, 7), "no_answer", "", "tester"),
        (T(2027, 1, 13, 10, 12), "reached", "電話で継続します", "tester"),
    ]
    assert info.reached
    row = row_of(hw, res.id, clock.now())
    assert row.next_action == "complete-by-phone" and "complete-by-phone" in row.actions
    assert [h.data for h in history(res.id) if h.action == "callback-attempt"] == [
        {"result": "busy"},
        {"result": "no_answer"},
        {"result": "reached"},
    ]
    with pytest.raises(RuleError) as err:
        lifecycle.log_callback_attempt(ctx, res.id, "maybe")
    assert err.value.code == "invalid_choice"


def test_completed_by_phone_needs_a_call_that_got_through_and_a_duration(hw, ctx, clock, make_request):
    """001, 003 8: 電話での相談に切り替える — recorded with its length."""
    res = running(ctx, clock, make_request, hw)
    lifecycle.act(ctx, res.id, "connection-failed")
    lifecycle.log_callback_attempt(ctx, res.id, "no_answer")
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "complete-by-phone", ActOptions(minutes=20))
    assert err.value.code == "callback_not_reached"
    lifecycle.log_callback_attempt(ctx, res.id, "reached")
    for bad in (None, 0, 241):
        with pytest.raises(RuleError) as err:
            lifecycle.act(ctx, res.id, "complete-by-phone", ActOptions(minutes=bad))
        assert err.value.code == "phone_duration"
    clock.set(T(2027, 1, 13, 10, 30))
    lifecycle.act(ctx, res.id, "complete-by-phone", ActOptions(minutes=22, note="電話で相談"))
    cb = Callback.get(Callback.reservation == res.id)
    assert (cb.outcome, cb.duration_minutes, cb.closed_at) == ("completed_by_phone", 22, T(2027, 1, 13, 10, 30))
    assert lifecycle.get_reservation(res.id).status == "completed_by_phone"
    assert history(res.id)[-1].data == {"duration_minutes": 22}
    assert session.callback_queue(hw, clock.now()) == []


def test_unreachable_after_trying(hw, ctx, clock, make_request):
    res = running(ctx, clock, make_request, hw)
    lifecycle.act(ctx, res.id, "connection-failed")
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "unreachable")
    assert err.value.code == "callback_no_attempt"
    for result in ("no_answer", "busy", "no_answer"):
        lifecycle.log_callback_attempt(ctx, res.id, result)
    lifecycle.act(ctx, res.id, "unreachable", ActOptions(note="3回架電、応答なし"))
    assert Callback.get(Callback.reservation == res.id).outcome == "unreachable"
    assert CallbackAttempt.select().count() == 3


def test_reschedule_after_failure_links_the_two_reservations(db, ctx, clock, make_office, make_request):
    """003 8: 後日改めてオンライン支援を実施する."""
    office = make_office("yamaguchi-vocational")
    res = running(ctx, clock, make_request, office)
    lifecycle.act(ctx, res.id, "connection-failed")
    lifecycle.log_callback_attempt(ctx, res.id, "reached", "後日に変更")
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 20, 10, 0), ActOptions(note="回線が復旧しない"))
    old = lifecycle.get_reservation(res.id)
    assert old.status == "rescheduled" and not old.city_fault and new.rescheduled_from_id == res.id
    assert new.status == "requested"  # Yamaguchi confirms by phone afterwards (003 7(1))
    assert history(res.id)[-1].data == {"rescheduled_to": new.id}
    assert Callback.get(Callback.reservation == res.id).outcome == "rescheduled"


def test_nishitokyo_offers_no_new_slot_unless_the_city_caused_it(nishi, ctx, clock, make_request):
    """000 第10条(7): 接続できない原因が市にあると認められる場合を除いて、他の時間帯等での対応はできかねます."""
    res = running(ctx, clock, make_request, nishi)
    lifecycle.act(ctx, res.id, "connection-failed")
    info = session.callback_info(res.id)
    assert info.city_fault_only and info.clause == "000 第10条(7)"
    for opts in (ActOptions(), ActOptions(note="市の回線障害"), ActOptions(city_fault=True)):
        with pytest.raises(RuleError) as err:
            lifecycle.reschedule(ctx, res.id, T(2027, 1, 21, 10, 0), opts)
        assert (err.value.code, err.value.clause) == ("reschedule_city_fault", "000 第10条(7)")
    assert Reservation.select().count() == 1
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 21, 10, 0), ActOptions(city_fault=True, note="庁内回線の障害"))
    assert lifecycle.get_reservation(res.id).city_fault and new.rescheduled_from_id == res.id


# ---------------------------------------------------------------- termination


@pytest.mark.parametrize(
    ("preset", "act", "clause"),
    [
        ("musashino-hoiku-concierge", "recording", "001 4(3)"),
        ("funabashi-kosodate", "sns_posting", "002 6(4)"),
        ("hellowork-kawagoe", "threats", "004 第10条(1)"),
    ],
)
def test_terminate_for_a_prohibited_act(db, ctx, clock, make_office, make_request, preset, act, clause):
    """001 4-5, 002 6, 004 第10条(1): staff may end the session; later use may be refused."""
    office = make_office(preset)
    start = T(2027, 1, 13, 10, 30) if preset == "funabashi-kosodate" else WED
    res = running(ctx, clock, make_request, office, start)
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "terminate", ActOptions(prohibited_act="dancing", note="x"))
    assert err.value.code == "unknown_act"
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "terminate", ActOptions(prohibited_act=act))
    assert err.value.code == "reason_required"
    clock.set(start + dt.timedelta(minutes=12))
    lifecycle.act(ctx, res.id, "terminate", ActOptions(prohibited_act=act, note="画面の録画を確認"))
    res = lifecycle.get_reservation(res.id)
    assert res.status == "terminated" and res.actual_end == clock.now()
    assert res.applicant.flagged and "2027-01-13" in res.applicant.flag_reason
    assert history(res.id)[-1].data == {"act": act, "clause": clause}
    assert [t.status for t in booking.trouble_for(phone=res.applicant.phone)] == ["terminated"]


# ---------------------------------------------------------------- the next booking in session


@pytest.mark.parametrize(("preset", "clause"), [("hellowork-kawagoe", "004 第4条(3)"), ("yamaguchi-vocational", "003 7(1)")])
def test_next_booking_in_session_is_confirmed_at_once(db, ctx, clock, make_office, make_request, preset, clause):
    """004 第4条(3), 003 7(1): 2回目以降の予約は相談の際にもでき、その場で予約確定."""
    office = make_office(preset)
    res = running(ctx, clock, make_request, office)
    prefill = session.next_booking_prefill(res.id)
    assert prefill["values"]["phone"] == "090-1234-5678" and prefill["consent_items"]
    nxt = session.book_next(ctx, res.id, T(2027, 1, 27, 10, 0))
    assert nxt.status == "confirmed" and nxt.channel == "in-session" and nxt.applicant_id == res.applicant_id
    entry = history(nxt.id)[0]
    assert entry.channel == "in-session" and f"予約{res.id}の相談中に受付" in entry.note
    assert "next-booking" in row_of(office, res.id, clock.now()).actions


def test_next_booking_only_from_a_running_session_where_the_office_allows_it(db, ctx, clock, make_office, make_request):
    hw = make_office("hellowork-kawagoe")
    waiting = book(ctx, make_request, hw, WED)
    with pytest.raises(RuleError) as err:
        session.book_next(ctx, waiting.id, T(2027, 1, 27, 10, 0))
    assert err.value.code == "in_session_booking"
    nishi = make_office("nishitokyo-childcare")
    res = running(ctx, clock, make_request, nishi)
    with pytest.raises(RuleError) as err:
        session.book_next(ctx, res.id, T(2027, 1, 27, 10, 0))
    assert err.value.code == "channel_not_accepted"  # 000 第4条(1): by the form only
    assert "next-booking" not in row_of(nishi, res.id, clock.now()).actions


# ---------------------------------------------------------------- a whole day


def test_a_counsellor_runs_a_whole_day_from_the_board(hw, ctx, clock, make_request):
    """Every session of the day worked to a final status by following the board's proposals,
    with a simulated clock: on time, extended, no-show after the grace, connection failure by phone."""
    starts = [WED, T(2027, 1, 13, 10, 30), T(2027, 1, 13, 11, 0), T(2027, 1, 13, 13, 0)]
    ids = [book(ctx, make_request, hw, s, **person(n)).id for n, s in enumerate(starts)]
    no_show, failing, extended = ids[1], ids[2], ids[3]
    clock.set(T(2027, 1, 13, 9, 30))
    done: dict[int, str] = {}
    steps = 0
    while len(done) < len(ids) and steps < 400:
        steps += 1
        for row in session.today_board(hw, DAY, clock.now()):
            if Status(row.status) in FINAL:
                done[row.id] = row.status
                continue
            action = row.next_action
            if action == "check-in" and row.id == no_show:
                continue
            if action == "check-in" and clock.now() < row.start - dt.timedelta(minutes=5):
                continue
            if action == "complete" and row.countdown and row.countdown > 0:
                if row.id == failing and clock.now() >= row.start + dt.timedelta(minutes=5):
                    lifecycle.act(ctx, row.id, "connection-failed", ActOptions(note="音声が途切れる"))
                elif row.id == extended and row.timer.warning and row.timer.extendable:
                    lifecycle.act(ctx, row.id, "extend")
                continue
            if action == "callback-attempt":
                lifecycle.log_callback_attempt(ctx, row.id, "reached")
            elif action == "complete-by-phone":
                lifecycle.act(ctx, row.id, action, ActOptions(minutes=15))
            elif action is not None:  # what the action needs, from the table, as a view would ask
                needs = next(o.needs for o in lifecycle.offered_actions(ctx, row.id) if o.action == action)
                lifecycle.act(ctx, row.id, action, ActOptions(
                    checks=OK if Need.CONNECTION_TEST in needs else None, note="連絡なし" if Need.REASON in needs else ""))
        clock.advance(minutes=1)
    assert done == {ids[0]: "completed", no_show: "no_show", failing: "completed_by_phone", extended: "completed"}
    assert lifecycle.get_reservation(extended).end == T(2027, 1, 13, 13, 45)
    assert History.get(History.reservation == no_show, History.action == "no-show").at == T(2027, 1, 13, 10, 40)
    for rid in ids:
        assert all(h.staff == "tester" and h.at is not None for h in history(rid))


def test_group_event_participants_share_the_events_lane(db, ctx, clock, make_office, make_request):
    """002 2(1): an online event (交流会・相談・講座) with many participants is one lane on the board."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "exchange", "オンライン交流会", T(2027, 1, 13, 10, 0), 60, capacity=5)
    a = booking.book(ctx, make_request(office, None, event_id=event.id, **person(1)))
    b = booking.book(ctx, make_request(office, None, event_id=event.id, **person(2)))
    single = booking.book(ctx, make_request(office, T(2027, 1, 13, 13, 30), **person(3)))
    rows = session.today_board(office, DAY, T(2027, 1, 13, 9, 0))
    assert [(r.id, r.lane) for r in rows] == [(single.id, "席1"), (a.id, "オンライン交流会"), (b.id, "オンライン交流会")]
