"""The due list: meeting details owed by the office's deadline, Hello Work offers and replies."""

from __future__ import annotations

import datetime as dt

import pytest
from action_helpers import send_details

from consult_desk import booking, credentials, due, lifecycle, mail
from consult_desk.lifecycle import ActOptions
from consult_desk.offices import update_config

T = dt.datetime
WED = T(2027, 1, 20, 10, 0)  # notify_by for Nishitokyo: 3 business days before = Fri 15 January
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}


def kinds(now: dt.datetime, office: str | None = None) -> list[tuple[int, str, dt.date, str]]:
    return [(i.reservation_id, i.kind, i.deadline, i.severity) for i in due.items(now, office)]


@pytest.fixture
def zoom(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    return booking.book(ctx, make_request("nishitokyo-childcare", WED)).id


def test_details_are_due_by_three_business_days_before(zoom):
    """000 第4条(3): 実施日の３営業日前までに…ご連絡します."""
    assert kinds(T(2027, 1, 4, 9, 0)) == []  # far ahead: not on today's list yet
    assert kinds(T(2027, 1, 14, 9, 0)) == [(zoom, "details", dt.date(2027, 1, 15), "upcoming")]
    assert kinds(T(2027, 1, 15, 9, 0)) == [(zoom, "details", dt.date(2027, 1, 15), "today")]
    assert kinds(T(2027, 1, 18, 9, 0)) == [(zoom, "details", dt.date(2027, 1, 15), "overdue")]
    [item] = due.items(T(2027, 1, 18, 9, 0))
    assert item.clause == "000 第4条(3)" and item.template == "details" and item.urgent
    assert item.text() == "接続情報の送付（期限 2027年1月15日(金)）"
    assert due.urgent_count(T(2027, 1, 14, 9, 0)) == 0 and due.urgent_count(T(2027, 1, 15, 9, 0)) == 1
    assert kinds(T(2027, 1, 20, 10, 1)) == []  # the session has started: no longer a mail to send


def test_sent_details_leave_the_list_until_the_credentials_change(zoom, ctx, clock, tmp_path):
    """002 5(3) in spirit: new credentials after a loss must reach the applicant again."""
    credentials.set_credentials(ctx, zoom, ZOOM)
    update_config(ctx, "nishitokyo-childcare", {"may_send_mail": False})
    mail.save_eml(ctx, zoom, "details", tmp_path / "d.eml", mark_done=True)
    assert lifecycle.get_reservation(zoom).status == "details_sent"
    assert kinds(T(2027, 1, 15, 9, 0)) == []
    clock.advance(days=1)
    credentials.reissue(ctx, zoom, {"passcode": "New9Code"}, "lost")
    assert kinds(T(2027, 1, 15, 9, 0)) == [(zoom, "resend", dt.date(2027, 1, 15), "today")]
    clock.advance(minutes=5)
    mail.copy_text(ctx, zoom, "details")
    assert kinds(T(2027, 1, 15, 9, 0)) == []


def test_details_marked_sent_by_hand_count_too(zoom, ctx):
    send_details(ctx, zoom)
    assert kinds(T(2027, 1, 18, 9, 0)) == []


def test_hello_work_requests_to_answer_and_offers_to_phone_about(db, ctx, clock, make_office, make_request):
    """004 第4条(2): the office answers by the next business day; its answer confirms (no reply is chased)."""
    make_office("hellowork-kawagoe")
    rid = booking.book(ctx, make_request("hellowork-kawagoe", WED)).id  # Mon 4 January
    assert kinds(T(2027, 1, 4, 9, 0)) == [(rid, "offer", dt.date(2027, 1, 5), "upcoming")]
    assert kinds(T(2027, 1, 6, 9, 0)) == [(rid, "offer", dt.date(2027, 1, 5), "overdue")]
    [item] = due.items(T(2027, 1, 6, 9, 0))
    assert item.clause == "004 第4条(2)" and item.template == "offered" and item.phone == "090-1234-5678"
    lifecycle.act(ctx, rid, "offer", ActOptions(channel="email"))  # the answer confirms the booking
    assert kinds(T(2027, 1, 6, 9, 0)) == []  # nothing chased from the applicant
    assert [k[1] for k in kinds(T(2027, 1, 18, 9, 0))] == ["details"]


def test_the_list_is_per_office_and_overdue_first(db, ctx, make_office, make_request):
    make_office("nishitokyo-childcare")
    make_office("musashino-hoiku-concierge")
    late = booking.book(ctx, make_request("nishitokyo-childcare", WED)).id
    soon = booking.book(ctx, make_request("musashino-hoiku-concierge", T(2027, 1, 19, 10, 0))).id
    now = T(2027, 1, 18, 9, 0)  # Nishitokyo overdue since 15th; Musashino (1 business day) due today
    assert [i.reservation_id for i in due.items(now)] == [late, soon]
    assert [i.severity for i in due.items(now)] == ["overdue", "today"]
    assert [i.reservation_id for i in due.items(now, "musashino-hoiku-concierge")] == [soon]
    assert due.urgent_count(now) == 2


def test_credentials_withdrawn_after_sending_are_due_again(zoom, ctx, clock):
    credentials.set_credentials(ctx, zoom, ZOOM)
    send_details(ctx, zoom)
    clock.advance(hours=1)
    credentials.revoke(ctx, zoom, "stolen")
    assert kinds(T(2027, 1, 5, 9, 0)) == [(zoom, "resend", dt.date(2027, 1, 5), "today")]


def test_the_list_and_its_count_come_from_one_read(db, ctx, make_office, make_request):
    """Issue 11: one number for header and status bar: what is overdue or due today of the same rows.
    000 第4条(3): details 3 business days before (1/19 → 1/14, 1/20 → 1/15)."""
    make_office("nishitokyo-childcare")
    today_ = booking.book(ctx, make_request("nishitokyo-childcare", T(2027, 1, 19, 10, 0))).id
    soon = booking.book(ctx, make_request("nishitokyo-childcare", WED, name="別の 人", phone="080-2222-3333")).id
    listed = due.due_list(T(2027, 1, 14, 9, 0))
    assert [(i.reservation_id, i.severity) for i in listed.items] == [(today_, "today"), (soon, "upcoming")]
    assert (listed.count, listed.upcoming) == (1, 1) == (due.urgent_count(T(2027, 1, 14, 9, 0)), 1)
    assert list(listed.items) == due.items(T(2027, 1, 14, 9, 0))
