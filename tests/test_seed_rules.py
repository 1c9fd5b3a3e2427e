"""Seed rules corrected (issue 12, points 1-6), through the services the window and the command line share,
on real dates around holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk import booking, credentials, due, lifecycle, seed_rules
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import ALL_MODELS, History

T = dt.datetime
D = dt.date
OK_CHECKS = {"connection_test": "ok", "identity_checked": True, "companions_present": True}
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}
TELEOFFICE = {"url": "https://teleoffice.example.jp/r/abc123"}


def counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in ALL_MODELS if m.__name__ not in ("Meta", "AuditLog")}


def refused(code: str, fn, *args, **kwargs) -> RuleError:
    before = counts()
    with pytest.raises(RuleError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.one_line()
    assert counts() == before, "a refusal stores nothing"
    return err.value


def send_details(ctx, rid: int, values: dict[str, str]) -> None:
    credentials.set_credentials(ctx, rid, values)
    lifecycle.act(ctx, rid, "send-details", ActOptions(channel="email"))


# ------------------------------------------------------------------ 004 第4条(2): the office's mail confirms


def test_004_4_2_the_office_answer_confirms_the_booking(hw, ctx, clock, make_request):
    """004 第4条(2) 「…メールを送信しますので、この受信をもって予約が確定します」: `offer` confirms at once;
    no reply, no separate `confirm`; check-in on the day needs nothing more. Applied Mon 2027-01-04."""
    res = booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0)))
    assert res.status == "requested" and res.offer_reply_by == D(2027, 1, 5)
    done = lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email"))
    assert done.status == "confirmed" and done.offer_reply_by is None
    assert [h.action for h in lifecycle.history_rows(done)] == ["book", "offer"]
    assert seed_rules.date_communicated(done)
    send_details(ctx, res.id, TELEOFFICE)
    clock.set(T(2027, 1, 13, 9, 55))
    assert lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK_CHECKS)).status == "checked_in"


def test_004_4_2_the_answer_may_name_another_slot(hw, ctx, make_request):
    """004 第4条(2) 「予約が可能である日時を記載したメール」: the office may answer with another time than the
    one asked for; the booking moves there and is confirmed (Thu 2027-02-10 asked, Fri 02-12 offered,
    02-11 建国記念の日 between)."""
    res = booking.book(ctx, make_request(hw, T(2027, 2, 10, 10, 0)))
    moved = lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email", new_start=T(2027, 2, 12, 13, 0)))
    assert moved.status == "confirmed" and moved.start == T(2027, 2, 12, 13, 0) and moved.end == T(2027, 2, 12, 13, 30)
    assert moved.notify_by == D(2027, 2, 10)
    assert [s.booked for s in booking.slots(ctx, hw, D(2027, 2, 10)) if s.start.hour == 10 and s.start.minute == 0] == [0]
    other = booking.book(ctx, make_request(hw, T(2027, 2, 10, 10, 30), name="別の 人", phone="090-5555-6666"))
    refused("closed_day", lifecycle.act, ctx, other.id, "offer", ActOptions(new_start=T(2027, 2, 11, 10, 0)))
    booking.book(ctx, make_request(hw, T(2027, 2, 12, 13, 0), name="三 人", phone="090-7777-8888"))  # 2 seats taken
    refused("full", lifecycle.act, ctx, other.id, "offer", ActOptions(new_start=T(2027, 2, 12, 13, 0)))


def test_004_4_2_due_list_chases_the_office_answer_by_the_next_business_day(hw, ctx, clock, make_request):
    """004 第4条(2) 「予約申込みの翌営業日中に当ハローワークからの返信がない場合…」: the due list chases the
    office's own answer, due the business day after the application (Fri 2027-01-08 → Tue 01-12 over
    成人の日), capped by the 前々日 (004 第4条(1)); nothing is chased from the applicant."""
    clock.set(T(2027, 1, 8, 11, 0))
    late = booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0)))  # 前々日 of Wed 1/13 is Fri 1/8
    early = booking.book(ctx, make_request(hw, T(2027, 1, 20, 10, 0), name="別の 人", phone="090-5555-6666"))
    assert late.offer_reply_by == D(2027, 1, 8) and early.offer_reply_by == D(2027, 1, 12)
    rows = {i.reservation_id: i for i in due.items(T(2027, 1, 8, 11, 0), horizon_days=1)}
    assert (rows[late.id].kind, rows[late.id].severity, rows[late.id].template) == ("offer", "today", "offered")
    assert rows[early.id].deadline == D(2027, 1, 12) and rows[early.id].severity == "upcoming"
    assert rows[late.id].clause == "004 第4条(2)"
    clock.set(T(2027, 1, 12, 9, 0))
    lifecycle.act(ctx, early.id, "offer", ActOptions(channel="email"))
    assert [i.kind for i in due.items(T(2027, 1, 12, 9, 0)) if i.reservation_id == early.id] == []


def test_004_4_1_the_confirming_mail_after_the_day_before_the_day_before_needs_a_reason(hw, ctx, clock, make_request):
    """004 第4条(1) 「原則として、営業日上の前々日までに予約が完了した方が利用できます」: for Thu 2027-05-06, after
    Golden Week (4/29 and 5/3-5/5 holidays), the 前々日 in business days is Wed 04-28; applied Tue 04-27,
    the answer due Wed 04-28; sent on Fri 04-30 it is refused unless staff give a reason."""
    clock.set(T(2027, 4, 27, 10, 0))
    res = booking.book(ctx, make_request(hw, T(2027, 5, 6, 13, 0)))
    assert seed_rules.booking_complete_by(booking.get_config(hw), D(2027, 5, 6)) == D(2027, 4, 28)
    assert res.offer_reply_by == D(2027, 4, 28)
    clock.set(T(2027, 4, 30, 9, 0))
    err = refused("offer_too_late", lifecycle.act, ctx, res.id, "offer", ActOptions(channel="email"))
    assert err.clause == "004 第4条(1)" and "2027年4月28日" in err.message
    done = lifecycle.act(ctx, res.id, "offer", ActOptions(channel="phone", note="本人の強い希望で当日枠を確保"))
    assert done.status == "confirmed"
    assert lifecycle.history_rows(done)[-1].note == "本人の強い希望で当日枠を確保"


# ------------------------------------------------------------------ 003 7(2), 004 第4条(4): no-show only when communicated


def test_004_4_4_an_unanswered_request_is_never_a_no_show(hw, ctx, clock, make_request):
    """004 第4条(4) 「連絡がないまま(2)の実施日時を10分経過した場合」: the date and time were never communicated
    (the office never answered): no no-show, and no trouble warning at the next booking (Wed 2027-01-13)."""
    res = booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0)))
    clock.set(T(2027, 1, 13, 10, 11))
    refused("no_show_not_communicated", lifecycle.act, ctx, res.id, "no-show", ActOptions(note="連絡なし"))
    assert booking.trouble_for(phone="09012345678") == []
    lifecycle.act(ctx, res.id, "refuse", ActOptions(note="当所から返信できないまま当日を過ぎた"))


def test_003_7_2_no_show_after_the_office_communicated_the_time(db, ctx, clock, make_office, make_request):
    """003 7(2): the centre's 日程調整 communicated the date, time and URL: 10 minutes past the start without
    contact is a no-show (Tue 2027-09-21, between 敬老の日 9/20 and 秋分の日 9/23)."""
    yama = make_office("yamaguchi-vocational")
    clock.set(T(2027, 9, 14, 9, 0))
    res = booking.book(ctx, make_request(yama, T(2027, 9, 21, 10, 0)))
    clock.set(T(2027, 9, 21, 10, 11))
    refused("no_show_not_communicated", lifecycle.act, ctx, res.id, "no-show", ActOptions(note="連絡なし"))
    clock.set(T(2027, 9, 15, 9, 0))
    lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="phone"))
    clock.set(T(2027, 9, 21, 10, 11))
    assert lifecycle.act(ctx, res.id, "no-show", ActOptions(note="連絡なし")).status == "no_show"


# ------------------------------------------------------------------ same-day cancellation by phone


def test_003_7_2_004_4_4_a_phone_call_after_the_start_is_a_cancellation_with_contact(hw, ctx, clock, make_request):
    """003 7(2), 004 第4条(4), 000 第4条(4): 当日キャンセルは電話: the caller phones at 10:05 about the 10:00
    session (Wed 2027-01-13): the contact is noted, no-show is refused, the phone cancellation goes through."""
    res = booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0)))
    lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email"))
    clock.set(T(2027, 1, 13, 10, 5))
    refused("same_day_cancel", lifecycle.cancel, ctx, res.id, "email")
    lifecycle.act(ctx, res.id, "contact", ActOptions(channel="phone", note="本人から電話：体調不良"))
    clock.set(T(2027, 1, 13, 10, 12))
    refused("no_show_contacted", lifecycle.act, ctx, res.id, "no-show", ActOptions(note="x"))
    done = lifecycle.cancel(ctx, res.id, "phone", "10:05の電話")
    assert done.status == "cancelled" and lifecycle.history_rows(done)[-1].data == {"same_day": True}


def test_004_4_4_after_the_grace_without_contact_it_is_no_cancellation(hw, ctx, clock, make_request):
    """004 第4条(4) 「連絡がないまま…10分経過した場合は、キャンセルとみなします」: at 10:12 with no contact on
    record the phone cancellation is refused (it is a no-show); the next day nothing cancels. Before the
    grace, a phone call on the day cancels (see the test above)."""
    res = booking.book(ctx, make_request(hw, T(2027, 1, 13, 10, 0)))
    lifecycle.act(ctx, res.id, "offer", ActOptions(channel="email"))
    clock.set(T(2027, 1, 13, 10, 12))
    refused("cancel_after_grace", lifecycle.cancel, ctx, res.id, "phone")
    clock.set(T(2027, 1, 14, 9, 0))
    refused("cancel_after_start", lifecycle.cancel, ctx, res.id, "phone")


# ------------------------------------------------------------------ 000 第10条(7): the city's own failure


def _failed_session(ctx, clock, nishi, make_request, day: D) -> int:
    clock.set(T(2027, 9, 10, 9, 0))
    res = booking.book(ctx, make_request(nishi, T(day.year, day.month, day.day, 10, 0)))
    send_details(ctx, res.id, ZOOM)
    clock.set(T(day.year, day.month, day.day, 9, 55))
    lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK_CHECKS))
    clock.set(T(day.year, day.month, day.day, 10, 0))
    lifecycle.act(ctx, res.id, "start")
    clock.set(T(day.year, day.month, day.day, 10, 5))
    lifecycle.act(ctx, res.id, "connection-failed", ActOptions(note="映像が固まる"))
    return res.id


@pytest.mark.parametrize("new_start", [T(2027, 9, 22, 14, 0), T(2027, 9, 24, 10, 0)])
def test_000_10_7_the_citys_rearrangement_is_not_a_new_application(nishi, ctx, clock, make_request, new_start):
    """000 第10条(7) 「接続できない原因が市にあると認められる場合を除いて、他の時間帯等での対応はできかねます」: when
    the city caused the failure (Wed 2027-09-22, 秋分の日 9/23 next), the same day or the next business day
    (Fri 9/24) is possible: the 5-business-day application deadline (000 第4条(2)) is not applied."""
    rid = _failed_session(ctx, clock, nishi, make_request, D(2027, 9, 22))
    clock.set(T(2027, 9, 22, 10, 10))
    new = lifecycle.reschedule(ctx, rid, new_start, ActOptions(city_fault=True, note="市のZoomアカウント障害"))
    assert new.start == new_start and new.status == "confirmed" and new.rescheduled_from_id == rid
    assert new.notify_by == D(2027, 9, 22)  # the details are due at once


def test_000_10_7_not_the_citys_fault_no_new_slot_but_the_consultation_can_end(nishi, ctx, clock, make_request):
    """000 第10条(7) 「一定時間経過しても繋がらない場合は相談を終了させていただきます」: not the city's fault:
    no other slot, and the consultation simply ends, with a reason, without a logged call."""
    rid = _failed_session(ctx, clock, nishi, make_request, D(2027, 9, 22))
    clock.set(T(2027, 9, 22, 10, 20))
    refused("reschedule_city_fault", lifecycle.reschedule, ctx, rid, T(2027, 9, 24, 10, 0), ActOptions(note="x"))
    refused("reason_required", lifecycle.act, ctx, rid, "unreachable")
    ended = lifecycle.act(ctx, rid, "unreachable", ActOptions(note="利用者側の回線不良で15分経過しても繋がらず終了"))
    assert ended.status == "unreachable"
    assert History.select().where(History.reservation == rid, History.action == "callback-attempt").count() == 0


def test_the_citys_rearrangement_does_not_lift_the_deadline_for_others(db, ctx, clock, make_office, make_request):
    """000 第4条(2): an ordinary new application still closes 5 business days before (Wed 2027-09-22 → 9/14)."""
    nishi = make_office("nishitokyo-childcare")
    clock.set(T(2027, 9, 16, 9, 0))
    refused("app_deadline", booking.book, ctx, make_request(nishi, T(2027, 9, 22, 14, 0)))


# ------------------------------------------------------------------ 000 第5条(2), 第4条(3): details sent


def test_000_5_2_check_in_without_details_sent_needs_a_reason(nishi, ctx, clock, make_request):
    """000 第5条(2) 「原則として、開催日の３営業日前までに…メールで連絡のあった方が利用できます」: the details never
    went out for Wed 2027-01-13 (after 成人の日): check-in is refused unless staff give a reason."""
    res = booking.book(ctx, make_request(nishi, T(2027, 1, 13, 10, 0)))
    clock.set(T(2027, 1, 13, 9, 55))
    err = refused("details_not_sent", lifecycle.act, ctx, res.id, "check-in", ActOptions(checks=OK_CHECKS))
    assert err.clause == "000 第5条(2)"
    done = lifecycle.act(ctx, res.id, "check-in", ActOptions(checks=OK_CHECKS, note="電話でURL等を伝えた"))
    assert done.status == "checked_in"


def test_000_4_3_details_sent_needs_the_complete_zoom_details(nishi, ctx, make_request):
    """000 第4条(3) 「Zoom ミーティングアドレス、ミーティングＩＤ、パスコードをご連絡します」: marking the details
    sent is refused while the passcode is missing (Zoom: URL, meeting ID and passcode)."""
    res = booking.book(ctx, make_request(nishi, T(2027, 1, 13, 10, 0)))
    refused("details_incomplete", lifecycle.act, ctx, res.id, "send-details", ActOptions(channel="email"))
    credentials.set_credentials(ctx, res.id, ZOOM)
    assert lifecycle.act(ctx, res.id, "send-details", ActOptions(channel="email")).status == "details_sent"
