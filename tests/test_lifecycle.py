"""The reservation state machine and its append-only history."""

from __future__ import annotations

import datetime as dt

import pytest
from action_helpers import send_details

from consult_desk import booking, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import Callback, History, Reservation, SeatClaim
from consult_desk.states import FINAL, TRANSITIONS, Status, allowed_actions

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def booked(hw, ctx, make_request):
    return booking.book(ctx, make_request(hw, WED))


def history(res_id: int) -> list[tuple[str, str]]:
    return [(h.action, h.status) for h in History.select().where(History.reservation == res_id).order_by(History.id)]


def test_every_status_is_reachable_and_final_ones_are_dead_ends():
    reachable = {Status.REQUESTED, Status.CONFIRMED}
    for _, (_, target) in TRANSITIONS.items():
        if target:
            reachable.add(target)
    # offered: kept for older histories; the office's mail now confirms at once (004 第4条(2), schema 4)
    assert reachable == set(Status) - {Status.OFFERED}
    for status in FINAL:
        assert set(allowed_actions(status)) <= {"undo-no-show"}


def test_hello_work_offer_confirms(booked, ctx, clock):
    """004 第4条(2) 「この受信をもって予約が確定します」: the office e-mails an available time; that confirms the
    booking (no reply, no separate confirm)."""
    assert lifecycle.get_reservation(booked.id).offer_reply_by == dt.date(2027, 1, 5)
    lifecycle.act(ctx, booked.id, "offer", ActOptions(channel="email"))
    res = lifecycle.get_reservation(booked.id)
    assert res.status == "confirmed" and res.offer_reply_by is None
    assert history(booked.id) == [("book", "requested"), ("offer", "confirmed")]
    row = History.select().where(History.reservation == booked.id, History.action == "offer").get()
    assert (row.staff, row.channel, row.at) == ("tester", "email", clock.now())


def test_a_whole_session_with_extension_to_45_minutes(booked, ctx, clock):
    """004 第4条(1): 30分（必要により延長する場合は45分まで）."""
    lifecycle.act(ctx, booked.id, "confirm")
    send_details(ctx, booked.id)
    clock.set(T(2027, 1, 13, 9, 55))
    lifecycle.act(ctx, booked.id, "check-in", ActOptions(checks={"connection_test": "ok", "identity_checked": True}))
    clock.set(WED)
    lifecycle.act(ctx, booked.id, "start")
    lifecycle.act(ctx, booked.id, "extend")
    assert lifecycle.get_reservation(booked.id).end == T(2027, 1, 13, 10, 45)
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, booked.id, "extend")
    assert err.value.code == "extend_limit" and err.value.clause == "004 第4条(1)"
    clock.set(T(2027, 1, 13, 10, 45))
    lifecycle.act(ctx, booked.id, "complete")
    assert lifecycle.get_reservation(booked.id).status == "completed"
    assert [a for a, _ in history(booked.id)] == [
        "book", "confirm", "credentials", "send-details", "check-in", "start", "extend", "complete"
    ]


def test_late_start_keeps_the_planned_end(db, ctx, clock, make_office, make_request):
    """001: 遅れての参加の場合でも終了時間は変わりません."""
    office = make_office("musashino-hoiku-concierge")
    res = booking.book(ctx, make_request(office, WED))
    clock.set(T(2027, 1, 13, 10, 12))
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, res.id, "start")
    assert lifecycle.get_reservation(res.id).end == T(2027, 1, 13, 10, 30)


def test_no_show_only_after_the_grace(booked, ctx, clock):
    """003 7(2) / 004 第4条(4): 連絡がないまま予定日時を10分経過した場合はキャンセルとみなす."""
    lifecycle.act(ctx, booked.id, "confirm")
    clock.set(T(2027, 1, 13, 10, 9))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, booked.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    assert err.value.code == "no_show_too_early" and err.value.clause == "004 第4条(4)"
    clock.set(T(2027, 1, 13, 10, 10))
    lifecycle.act(ctx, booked.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    assert lifecycle.get_reservation(booked.id).status == "no_show"


def test_no_show_refused_after_contact(booked, ctx, clock):
    """004 第4条(4): only without contact does a late applicant count as cancelled."""
    lifecycle.act(ctx, booked.id, "offer")  # the date and time communicated (004 第4条(2))
    lifecycle.act(ctx, booked.id, "contact", ActOptions(note="10分ほど遅れると電話あり", channel="phone"))
    clock.set(T(2027, 1, 13, 10, 20))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, booked.id, "no-show")
    assert err.value.code == "no_show_contacted"


def test_undo_no_show_needs_a_supervisor_and_a_reason(booked, ctx, clock):
    lifecycle.act(ctx, booked.id, "confirm")
    clock.set(T(2027, 1, 13, 10, 15))
    lifecycle.act(ctx, booked.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    reception = type(ctx)(actor=type(ctx.actor)("uketsuke", "受付", "reception"), clock=clock)
    with pytest.raises(RuleError) as err:
        lifecycle.act(reception, booked.id, "undo-no-show", ActOptions(note="システム障害"))
    assert err.value.code == "permission"
    with pytest.raises(RuleError):
        lifecycle.act(ctx, booked.id, "undo-no-show")
    lifecycle.act(ctx, booked.id, "undo-no-show", ActOptions(note="本人の接続はあったが記録漏れ"))
    assert lifecycle.get_reservation(booked.id).status == "confirmed"


def test_connection_failure_becomes_a_phone_callback(booked, ctx, clock):
    """003 8: 当センターから電話連絡; 復旧に時間を要する場合は電話での相談に切り替える."""
    lifecycle.act(ctx, booked.id, "confirm")
    clock.set(WED)
    lifecycle.act(ctx, booked.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, booked.id, "start")
    clock.set(T(2027, 1, 13, 10, 5))
    lifecycle.act(ctx, booked.id, "connection-failed", ActOptions(note="映像が固まる"))
    queue = lifecycle.open_callbacks()
    assert queue[0].reservation == booked.id and queue[0].phone == "090-1234-5678" and queue[0].attempts == 0
    lifecycle.log_callback_attempt(ctx, booked.id, "no_answer")
    lifecycle.log_callback_attempt(ctx, booked.id, "reached", "電話で継続")
    assert lifecycle.open_callbacks()[0].attempts == 2 and lifecycle.open_callbacks()[0].last_result == "reached"
    lifecycle.act(ctx, booked.id, "complete-by-phone", ActOptions(minutes=20))
    assert lifecycle.open_callbacks() == []
    cb = Callback.get(Callback.reservation == booked.id)
    assert (cb.outcome, cb.duration_minutes) == ("completed_by_phone", 20)


def test_nishitokyo_new_slot_after_failure_only_when_the_city_caused_it(db, ctx, clock, make_office, make_request):
    """000 第10条(7): 接続できない原因が市にあると認められる場合を除いて、他の時間帯等での対応はできかねます."""
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, WED))
    clock.set(WED)
    # 000 第5条(2): the details never went out: a reason
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=lifecycle.PASSED_CHECKS, note="接続情報は電話で伝えた"))
    lifecycle.act(ctx, res.id, "connection-failed")
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, res.id, "reschedule")
    assert err.value.code == "reschedule_city_fault" and err.value.clause == "000 第10条(7)"
    with pytest.raises(RuleError):
        lifecycle.act(ctx, res.id, "reschedule", ActOptions(city_fault=True))  # a reason is required too
    # The new slot is booked under every rule: 1/21 still meets the 5-business-day deadline (1/14).
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 21, 10, 0), ActOptions(city_fault=True, note="庁内ネットワーク障害"))
    old = lifecycle.get_reservation(res.id)
    assert old.status == "rescheduled" and old.city_fault and new.rescheduled_from_id == res.id
    assert lifecycle.describe(old)["rescheduled_to"] == [new.id]


def test_terminate_for_a_prohibited_act_flags_the_applicant(booked, ctx, clock):
    """004 第10条(1)/(2): 録画・録音は禁止; staff may end the session."""
    lifecycle.act(ctx, booked.id, "confirm")
    clock.set(WED)
    lifecycle.act(ctx, booked.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, booked.id, "terminate", ActOptions(prohibited_act="dancing"))
    assert err.value.code == "unknown_act"
    lifecycle.act(ctx, booked.id, "terminate", ActOptions(prohibited_act="recording", note="画面録画を確認"))
    res = lifecycle.get_reservation(booked.id)
    assert res.status == "terminated" and res.applicant.flagged


def test_refused_transition_changes_nothing(booked, ctx):
    before = history(booked.id)
    with pytest.raises(RuleError) as err:
        lifecycle.act(ctx, booked.id, "complete")
    assert err.value.code == "transition"
    assert history(booked.id) == before and lifecycle.get_reservation(booked.id).status == "requested"


def test_cancel_channels_and_same_day_by_phone_only(booked, ctx, clock):
    """004 第4条(4): 電話又はメールにて（当日キャンセルの場合は電話のみ）."""
    with pytest.raises(RuleError) as err:
        lifecycle.cancel(ctx, booked.id, "form")
    assert err.value.code == "cancel_channel"
    clock.set(T(2027, 1, 13, 8, 30))
    with pytest.raises(RuleError) as err:
        lifecycle.cancel(ctx, booked.id, "email")
    assert err.value.code == "same_day_cancel" and err.value.clause == "004 第4条(4)"
    lifecycle.cancel(ctx, booked.id, "phone", "体調不良")
    assert SeatClaim.select().where(SeatClaim.reservation == booked.id).count() == 0
    entry = History.get(History.reservation == booked.id, History.action == "cancel")
    assert entry.data == {"same_day": True} and entry.channel == "phone"


def test_nishitokyo_cancel_by_form_the_day_before(db, ctx, clock, make_office, make_request):
    """000 第4条(4): 申込フォームでのキャンセルまたは電話（当日は電話）."""
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, WED))
    with pytest.raises(RuleError):
        lifecycle.cancel(ctx, res.id, "email")
    clock.set(T(2027, 1, 12, 15, 0))
    lifecycle.cancel(ctx, res.id, "form")


def test_history_is_append_only_in_the_code():
    """No code path updates or deletes history rows, but the retention purge, which empties the staff notes
    of purged reservations and nothing else (issue 13: no copy of the person is left)."""
    import pathlib
    import re

    import consult_desk

    root = pathlib.Path(consult_desk.__file__).parent
    updates = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "History.delete" not in text, path
        updates += [(path.name, m.group(0)) for m in re.finditer(r"History\.update\([^)]*\)", text)]
    assert updates == [("retention.py", 'History.update(note="")')]


def test_reschedule_after_a_terms_change_takes_consent_afresh(db, ctx, make_office, make_request):
    """000 第11条: after the terms change, the moved booking needs consent to the new version."""
    from consult_desk.offices import change_terms, get_config

    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, WED))
    change_terms(ctx, office, "2.0", dt.date(2027, 1, 5), "改定後の規約")
    with pytest.raises(RuleError) as err:
        lifecycle.reschedule(ctx, res.id, T(2027, 1, 20, 10, 0))
    assert err.value.code == "consent_missing"
    assert lifecycle.get_reservation(res.id).status == "confirmed"
    items = get_config(office).required_consent_keys()
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 20, 10, 0), ActOptions(consent_items=items, terms_version="2.0"))
    assert new.terms_version == "2.0" and new.consents[0].items == items


def test_the_callback_queue_is_read_in_one_query(db, ctx, clock, make_office, make_request):
    """Issue 11: one statement for the whole queue (it was one more per callback), with datetimes."""
    office = make_office("hellowork-kawagoe")
    booked = [
        booking.book(ctx, make_request(office, WED + dt.timedelta(hours=i, minutes=-30), name=f"利用 者{i}", phone=f"080-0000-000{i}",
                                       email=f"u{i}@example.jp", answers={"job_seeker_no": f"11010-0000000{i}"}))
        for i in range(3)
    ]
    for res in booked:
        lifecycle.act(ctx, res.id, "confirm")
        clock.set(res.start)
        lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=lifecycle.PASSED_CHECKS))
        lifecycle.act(ctx, res.id, "connection-failed")
        lifecycle.log_callback_attempt(ctx, res.id, "busy")
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        queue = lifecycle.open_callbacks(office)
    finally:
        connection.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert [(q.attempts, q.last_result) for q in queue] == [(1, "busy")] * 3
    assert all(isinstance(q.due, dt.datetime) and isinstance(q.start, dt.datetime) for q in queue)


def test_the_reservation_view_carries_dates_and_times(booked, ctx):
    """Issue 11: the service gives datetimes; `show` formats them (the JSON shape is unchanged)."""
    lifecycle.act(ctx, booked.id, "confirm", ActOptions(channel="email"))
    shown = lifecycle.view(lifecycle.get_reservation(booked.id))
    assert shown.start == WED and isinstance(shown.notify_by, dt.date) and shown.consent is not None
    assert [(h.action, type(h.at)) for h in shown.history] == [("book", dt.datetime), ("confirm", dt.datetime)]
    as_json = lifecycle.describe(lifecycle.get_reservation(booked.id))
    assert as_json == shown.as_json() and as_json["start"] == "2027-01-13T10:00"
    assert list(as_json) == [
        "id", "office", "status", "start", "end", "name", "kana", "phone", "email", "address", "job_seeker_no",
        "channel", "seat", "event", "answers", "companions", "notify_by", "offer_reply_by", "terms_version",
        "terms_current", "consent", "rescheduled_from", "rescheduled_to", "flagged", "history",
    ]


def test_undo_of_the_last_reversible_step(db, ctx, clock, make_office, make_request):
    """Issue 15 (6): check-in, start and extend can be taken back by the same person within
    lifecycle.UNDO_MINUTES while nothing happened since; a no-show or a cancellation cannot."""
    import datetime as _dt

    from consult_desk import audit as _audit
    from consult_desk.errors import RuleError as _RuleError
    from consult_desk.models import AuditLog as _AuditLog

    office = make_office("hellowork-kawagoe")
    start = _dt.datetime(2027, 1, 13, 10, 0)
    res = booking.book(ctx, make_request(office, start))
    second = booking.book(ctx, make_request(office, start + _dt.timedelta(minutes=30), name="佐藤 太郎",
                                            phone="080-1111-2222"))
    lifecycle.act(ctx, res.id, "confirm", lifecycle.ActOptions(channel="email"))
    clock.set(start - _dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks={"connection_test": "ok", "identity_checked": True,
                                                                          "companions_present": True}))
    step = lifecycle.last_undoable(ctx)
    assert step is not None and step.action == "check-in"
    undone = lifecycle.undo_last(ctx, step.id)
    assert undone.status == "confirmed" and lifecycle.last_checks(undone) is None
    assert _AuditLog.select().where(_AuditLog.action == "undo").count() == 1
    assert _audit.action_text("undo") == "直前の操作を元に戻す"
    assert lifecycle.last_undoable(ctx) is None  # an undo is not undone in turn
    with pytest.raises(_RuleError) as twice:
        lifecycle.undo_last(ctx, step.id)
    assert twice.value.code == "undo_too_late"

    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks={"connection_test": "ok", "identity_checked": True,
                                                                          "companions_present": True}))
    clock.set(start)
    lifecycle.act(ctx, res.id, "start")
    assert lifecycle.undo_last(ctx, lifecycle.last_undoable(ctx).id).actual_start is None
    lifecycle.act(ctx, res.id, "start")
    clock.set(start + _dt.timedelta(minutes=1))  # still within the window
    step = lifecycle.last_undoable(ctx)
    assert step is not None and step.action == "start"
    clock.set(start + _dt.timedelta(minutes=lifecycle.UNDO_MINUTES + 1))  # too late now
    assert lifecycle.last_undoable(ctx) is None
    other = Context(actor=Actor("someone", "別の人", "reception"), clock=clock)
    assert lifecycle.last_undoable(other) is None  # only one's own step

    lifecycle.act(ctx, res.id, "extend", lifecycle.ActOptions(minutes=15))
    assert Reservation.get_by_id(res.id).end == start + _dt.timedelta(minutes=45)
    lifecycle.undo_last(ctx, lifecycle.last_undoable(ctx).id)
    assert Reservation.get_by_id(res.id).end == start + _dt.timedelta(minutes=30)
    assert Reservation.get_by_id(res.id).status == "in_session"

    lifecycle.cancel(ctx, second.id, "phone")
    assert lifecycle.last_undoable(ctx) is None  # a cancellation told the applicant: not undone here
