"""Supervisors' day review and statistics: definitions, counts, CSV for Excel."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from action_helpers import send_details

from consult_desk import auth, booking, lifecycle, reports
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import AuditLog, Reservation

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def offices_(any_db, make_office):
    return make_office("hellowork-kawagoe"), make_office("nishitokyo-childcare")


def session(ctx, clock, res_id, start, ending="complete", minutes=30):
    if lifecycle.get_reservation(res_id).status == "requested":
        lifecycle.act(ctx, res_id, "confirm", ActOptions(channel="email"))
    send_details(ctx, res_id)
    if ending == "no-show":
        clock.set(start + dt.timedelta(minutes=11))
        lifecycle.act(ctx, res_id, "no-show", ActOptions(note="連絡なし"))
        return
    clock.set(start - dt.timedelta(minutes=5))
    lifecycle.act(ctx, res_id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(start)
    lifecycle.act(ctx, res_id, "start")
    if ending == "complete":
        clock.set(start + dt.timedelta(minutes=minutes))
        lifecycle.act(ctx, res_id, "complete")
        return
    clock.set(start + dt.timedelta(minutes=3))
    lifecycle.act(ctx, res_id, "connection-failed", ActOptions(note="音声が途切れる"))
    if ending == "phone":
        clock.set(start + dt.timedelta(minutes=6))
        lifecycle.log_callback_attempt(ctx, res_id, "reached")
        lifecycle.act(ctx, res_id, "complete-by-phone", ActOptions(minutes=minutes))


@pytest.fixture
def wednesday(offices_, ctx, clock, make_request):
    """Hello Work on Wed 13 January: two completed (30 and 40 min), one by phone (20 min), one no-show,
    one cancelled the day before by e-mail, one cancelled on the day by phone, one still on a callback;
    Nishitokyo: one completed (25 min). Booked on Monday 4 January by form and phone."""
    hw, nt = offices_
    people = iter(f"080-1000-{i:04d}" for i in range(100))

    def book(office, start, channel=None):
        req = make_request(office, start, phone=next(people))
        if channel:
            req.channel = channel
        return booking.book(ctx, req).id

    clock.set(T(2027, 1, 4, 9, 0))
    ids = {
        "done30": book(hw, WED, "form"),
        "done40": book(hw, WED, "phone"),
        "phone": book(hw, WED + dt.timedelta(minutes=30), "phone"),
        "noshow": book(hw, WED + dt.timedelta(minutes=60), "form"),
        "cancel_before": book(hw, WED + dt.timedelta(minutes=90), "form"),
        "cancel_same": book(hw, T(2027, 1, 13, 13, 0), "phone"),
        "callback": book(hw, T(2027, 1, 13, 13, 30), "form"),
    }
    clock.set(T(2027, 1, 5, 9, 0))
    ids["nt"] = book(nt, T(2027, 1, 13, 14, 0))  # Nishitokyo: 5 business days before, so booked early
    clock.set(T(2027, 1, 12, 15, 0))
    lifecycle.cancel(ctx, ids["cancel_before"], "email")
    clock.set(T(2027, 1, 13, 8, 0))
    lifecycle.cancel(ctx, ids["cancel_same"], "phone", "当日の電話")
    session(ctx, clock, ids["done30"], WED, minutes=30)
    session(ctx, clock, ids["done40"], WED, minutes=40)
    session(ctx, clock, ids["phone"], WED + dt.timedelta(minutes=30), "phone", minutes=20)
    session(ctx, clock, ids["noshow"], WED + dt.timedelta(minutes=60), "no-show")
    session(ctx, clock, ids["nt"], T(2027, 1, 13, 14, 0), minutes=25)
    session(ctx, clock, ids["callback"], T(2027, 1, 13, 13, 30), "failed")
    clock.set(T(2027, 1, 13, 17, 0))
    return ids


def test_the_day_review_across_counsellors(wednesday, offices_, ctx, clock):
    hw, _ = offices_
    review = reports.daily_review(ctx, hw, WED.date())
    assert review.as_json() == {
        "date": "2027-01-13",
        "sessions": 7,
        "by_status": {"completed": 2, "cancelled": 2, "no_show": 1, "phone_callback": 1, "completed_by_phone": 1},
        "callbacks_open": 1,
        "no_shows": 1,
    }
    assert [(r.start.strftime("%H:%M"), r.counsellor) for r in review.rows[:2]] == [("10:00", "席1"), ("10:00", "席2")]
    assert review.date_text == "2027年1月13日(水)"
    cb = review.callbacks[0]
    assert (cb.reservation, cb.phone, cb.attempts) == (wednesday["callback"], "080-1000-0006", 0)
    assert [r.id for r in review.no_shows] == [wednesday["noshow"]]
    assert next(r for r in review.rows if r.id == wednesday["callback"]).callback_open


def test_a_counsellor_assigned_is_shown_instead_of_the_seat(wednesday, offices_, ctx):
    hw, _ = offices_
    staff = auth.create_staff(ctx, "soudan", "相談 花子", "counsellor", "password-1")
    Reservation.update(counsellor=staff).where(Reservation.id == wednesday["done30"]).execute()
    review = reports.daily_review(ctx, hw, WED.date())
    row = next(r for r in review.rows if r.id == wednesday["done30"])
    assert (row.counsellor, row.counsellor_basis) == ("相談 花子", "staff")
    stats = reports.statistics(ctx, WED.date(), WED.date(), hw)
    assert {g.label: (g.basis, g.sessions) for g in stats.by_counsellor} == {
        "相談 花子": ("staff", 1), "席1": ("seat", 5), "席2": ("seat", 1),
    }


def test_meeting_details_due_or_overdue(offices_, ctx, clock, make_request):
    """000 第4条(3): date, URL, ID and passcode reach the applicant by 3 business days before."""
    _, nt = offices_
    clock.set(T(2027, 1, 4, 9, 0))
    res = booking.book(ctx, make_request(nt, T(2027, 1, 15, 10, 0)))
    assert res.notify_by == dt.date(2027, 1, 12)
    on_time = reports.daily_review(ctx, nt, dt.date(2027, 1, 12)).overdue_details
    assert [r.details_text(dt.date(2027, 1, 12)) for r in on_time] == ["本日送付期限"]
    late = reports.daily_review(ctx, nt, dt.date(2027, 1, 13))
    assert [r.id for r in late.overdue_details] == [res.id]
    assert late.overdue_details[0].details_text(late.day) == "送付期限切れ（01/12まで）"
    send_details(ctx, res.id)
    assert reports.daily_review(ctx, nt, dt.date(2027, 1, 13)).overdue_details == []


def test_statistics_follow_the_definitions(wednesday, offices_, ctx):
    hw, nt = offices_
    stats = reports.statistics(ctx, WED.date(), WED.date())
    t = stats.total
    assert (t.sessions, t.completed, t.completed_by_phone, t.no_shows, t.connection_failures) == (8, 3, 1, 1, 2)
    assert (t.cancelled, t.cancelled_same_day, dict(t.cancelled_by_channel)) == (2, 1, {"email": 1, "phone": 1})
    assert t.applications == 0  # booked on the 4th and 5th, not on the 13th
    assert t.average_minutes == round((30 + 40 + 25 + 20) / 4, 1)
    assert {g.key: g.sessions for g in stats.by_office} == {hw: 7, nt: 1}
    assert {g.key: g.sessions for g in stats.by_platform} == {"teleoffice": 7, "zoom": 1}

    january = reports.monthly_statistics(ctx, "2027-01")
    assert january.total.applications == 8
    assert dict(january.total.by_channel) == {"form": 5, "phone": 3}
    data = reports.monthly_json(january)
    assert data["month"] == "2027-01" and data["by_status"]["completed"] == 3
    assert data["by_channel"] == {"form": 5, "phone": 3}
    assert data["cancelled"] == {"total": 2, "by_channel": {"email": 1, "phone": 1}, "same_day": 1}
    assert data["by_counsellor"]["seat:1"]["basis"] == "seat"
    assert data["by_day"]["2027-01-04"]["applications"] == 7


def test_months_are_checked(db, ctx):
    assert reports.parse_month("2027-02") == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert reports.parse_month("2028-02") == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    for bad in ("2027-13", "2027/01", "27-1", "", "2027-1"):
        with pytest.raises(RuleError) as err:
            reports.parse_month(bad)
        assert err.value.code == "invalid_month"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_statistics_csv_reads_back_for_excel(wednesday, ctx, tmp_path, encoding):
    stats = reports.monthly_statistics(ctx, "2027-01")
    out = tmp_path / "jan.csv"
    result = reports.export_statistics(ctx, stats, out, encoding)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert raw.count(b"\r\n") == result.rows + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    with out.open(encoding=encoding, newline="") as fh:
        table = list(csv.reader(fh))
    header = table[0]
    total = dict(zip(header, table[1], strict=True))
    assert (total["区分"], total["予約数"], total["終了"], total["うち当日キャンセル"]) == ("合計", "8", "3", "1")
    assert total["キャンセル（メール）"] == "1" and total["平均相談時間（分）"] == "28.8"
    assert {row[0] for row in table[1:]} == {"合計", "事業所", "相談員", "プラットフォーム", "日別"}
    assert result.unencodable == []
    row = AuditLog.select().where(AuditLog.action == "export_statistics").get()
    assert row.count == result.rows and encoding in row.detail


def test_cp932_reports_what_it_cannot_hold(wednesday, offices_, ctx, tmp_path):
    hw, _ = offices_
    staff = auth.create_staff(ctx, "yoshi", "𠮷田 花子", "counsellor", "password-1")
    Reservation.update(counsellor=staff).where(Reservation.id == wednesday["done30"]).execute()
    result = reports.export_statistics(ctx, reports.monthly_statistics(ctx, "2027-01"), tmp_path / "s.csv", "cp932")
    assert [(p["char"], p["codepoint"]) for p in result.unencodable] == [("𠮷", "U+20BB7")]
    assert "〓田 花子" in (tmp_path / "s.csv").read_text(encoding="cp932")


def test_printing_the_review_is_audited(wednesday, offices_, ctx):
    hw, _ = offices_
    review = reports.daily_review(ctx, hw, WED.date())
    reports.record_print(ctx, review, "pdf", "day.pdf")
    reports.record_print(ctx, review, "print")
    rows = [(a.action, a.target, a.count) for a in AuditLog.select().where(AuditLog.action.contains("daily_review"))]
    assert rows == [
        ("pdf_daily_review", f"{hw} 2027-01-13 -> day.pdf", 7),
        ("print_daily_review", f"{hw} 2027-01-13", 7),
    ]
