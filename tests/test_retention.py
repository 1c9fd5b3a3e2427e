"""Retention: personal data past the retention period is anonymised; statistics stay correct
(000 第6条, 001 9, 002 8, 004 第6条: personal data used only for the consultation)."""

from __future__ import annotations

import datetime as dt

import pytest
from action_helpers import send_details

from consult_desk import booking, lifecycle, offices, reports, retention
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import Applicant, AuditLog, Callback, History, PersonClaim, Reservation

T = dt.datetime
JAN13 = T(2027, 1, 13, 10, 0)


@pytest.fixture
def hw(any_db, make_office):
    return make_office("hellowork-kawagoe")


def run_session(ctx, clock, res_id: int, start: dt.datetime, ending: str = "complete") -> None:
    lifecycle.act(ctx, res_id, "confirm", ActOptions(channel="email"))
    send_details(ctx, res_id)
    clock.set(start - dt.timedelta(minutes=5))
    lifecycle.act(ctx, res_id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(start)
    lifecycle.act(ctx, res_id, "start")
    if ending == "complete":
        clock.set(start + dt.timedelta(minutes=30))
        lifecycle.act(ctx, res_id, "complete")
    else:
        clock.set(start + dt.timedelta(minutes=5))
        lifecycle.act(ctx, res_id, "connection-failed", ActOptions(note="映像が止まった"))
        clock.set(start + dt.timedelta(minutes=10))
        lifecycle.log_callback_attempt(ctx, res_id, "reached")
        lifecycle.act(ctx, res_id, "complete-by-phone", ActOptions(minutes=20))


@pytest.fixture
def history_of_three(hw, ctx, clock, make_request):
    """Old Yamada (one session in January), old-but-returning Sato (January and May), cancelled Suzuki."""
    yamada = booking.book(ctx, make_request(hw, JAN13, companions=[{"name": "通訳 李", "relation": "通訳者"}]))
    sato = booking.book(ctx, make_request(hw, JAN13 + dt.timedelta(minutes=30), name="佐藤 一郎",
                                          phone="080-1111-2222", email="sato@example.jp"))
    suzuki = booking.book(ctx, make_request(hw, JAN13 + dt.timedelta(hours=1), name="鈴木 次郎",
                                            phone="080-3333-4444", email="suzuki@example.jp"))
    lifecycle.cancel(ctx, suzuki.id, "phone", "体調不良")
    run_session(ctx, clock, yamada.id, JAN13, "phone")
    run_session(ctx, clock, sato.id, JAN13 + dt.timedelta(minutes=30))
    clock.set(T(2027, 5, 6, 9, 0))
    again = booking.book(ctx, make_request(hw, T(2027, 5, 12, 10, 0), name="佐藤 一郎", phone="080-1111-2222",
                                           email="sato@example.jp", channel="phone"))
    clock.set(T(2027, 6, 1, 9, 0))
    return {"yamada": yamada.id, "sato": sato.id, "suzuki": suzuki.id, "sato_again": again.id}


def person(res_id: int) -> Applicant:
    return Reservation.get_by_id(res_id).applicant


def test_count_first_then_purge_the_same_and_keep_statistics(history_of_three, hw, ctx):
    ids = history_of_three
    january = reports.monthly_json(reports.monthly_statistics(ctx, "2027-01"))
    may = reports.monthly_json(reports.monthly_statistics(ctx, "2027-05"))

    shown = retention.plan(ctx, before=dt.date(2027, 2, 1))
    assert (shown.reservations, shown.applicants) == (2, 2)  # Yamada and Suzuki; Sato came back in May
    history_rows = History.select().count()

    done = retention.purge(ctx, before=dt.date(2027, 2, 1))
    assert done.as_json() == {"anonymised": 2} and done.done

    for key in ("yamada", "suzuki"):
        a = person(ids[key])
        assert (a.name, a.kana, a.phone, a.email, a.job_seeker_no) == (retention.ANONYMISED_NAME, "", "", "", "")
        assert a.anonymised_at == ctx.clock.now()
    assert person(ids["sato"]).name == "佐藤 一郎"  # still has a recent reservation
    yamada = Reservation.get_by_id(ids["yamada"])
    assert yamada.answers == {"has_webcam_device": "はい", "continuing_support": "はい"}  # categories stay
    assert yamada.companions == [{"name": "", "relation": ""}]
    assert Callback.get(Callback.reservation == ids["yamada"]).phone == ""
    # the digests of phone, e-mail and 求職番号 that kept one person to one seat (issue 14 (6)) go too
    assert not PersonClaim.select().where(PersonClaim.reservation == ids["yamada"]).exists()
    assert PersonClaim.select().where(PersonClaim.reservation == ids["sato_again"]).exists()
    assert History.select().count() == history_rows  # the change record is append-only

    assert reports.monthly_json(reports.monthly_statistics(ctx, "2027-01")) == january
    assert reports.monthly_json(reports.monthly_statistics(ctx, "2027-05")) == may
    row = AuditLog.select().where(AuditLog.action == "purge").get()
    assert (row.staff, row.count, row.target) == ("tester", 2, "* before 2027-02-01")
    assert "applicants=2" in row.detail

    assert retention.purge(ctx, before=dt.date(2027, 2, 1)).as_json() == {"anonymised": 0}  # nothing left


def test_dry_run_changes_nothing(history_of_three, ctx):
    names = [a.name for a in Applicant.select().order_by(Applicant.id)]
    assert retention.purge(ctx, before=dt.date(2027, 2, 1), dry_run=True).as_json() == {"anonymised": 2}
    assert [a.name for a in Applicant.select().order_by(Applicant.id)] == names
    assert not AuditLog.select().where(AuditLog.action == "purge").exists()


def test_office_retention_period_decides_when_nothing_is_given(history_of_three, hw, ctx, clock):
    assert retention.due(ctx).reservations == 0  # 1095 days have not passed
    offices.update_config(ctx, hw, {"retention_days": 100})
    clock.set(T(2027, 5, 1, 9, 0))  # 108 days after January 13
    plan = retention.due(ctx)
    assert plan.cutoffs == {hw: dt.date(2027, 1, 21)} and plan.reservations == 2
    assert retention.purge(ctx).reservations == 2
    assert "retention" in AuditLog.select().where(AuditLog.action == "purge").get().target


def test_a_future_cutoff_is_refused(history_of_three, ctx):
    with pytest.raises(RuleError):
        retention.purge(ctx, before=dt.date(2027, 6, 2))


def test_anonymised_people_are_not_matched_at_the_next_booking(history_of_three, hw, ctx, clock, make_request):
    """A returning applicant after the purge is a new record: nothing old is linked back to them."""
    retention.purge(ctx, before=dt.date(2027, 2, 1))
    clock.set(T(2027, 6, 1, 9, 0))
    res = booking.book(ctx, make_request(hw, T(2027, 6, 9, 10, 0)))
    assert res.applicant.id != person(history_of_three["yamada"]).id
    assert booking.trouble_for(phone=res.applicant.phone) == []
