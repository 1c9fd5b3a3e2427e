"""Booking rules from the five offices' terms, through the service the window and CLI share."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk import booking, lifecycle
from consult_desk.errors import RuleError, set_language
from consult_desk.models import ALL_MODELS, History, Reservation, SeatClaim
from consult_desk.offices import add_closure, change_terms, get_config

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)  # a Wednesday; 1/11 is 成人の日


def row_counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in ALL_MODELS if m.__name__ not in ("Meta", "AuditLog", "Office")}


def refused(ctx, req, code: str) -> RuleError:
    before = row_counts()
    with pytest.raises(RuleError) as err:
        booking.book(ctx, req)
    assert err.value.code == code, err.value.one_line()
    assert row_counts() == before, "a refused booking must write nothing"
    return err.value


@pytest.mark.parametrize(
    "preset",
    ["nishitokyo-childcare", "musashino-hoiku-concierge", "funabashi-kosodate", "yamaguchi-vocational", "hellowork-kawagoe"],
)
def test_every_preset_books_its_own_example(db, ctx, make_office, make_request, preset):
    """Each preset's field examples pass validation and eligibility; the first grid slot books."""
    office = make_office(preset)
    config = get_config(office)
    start = config.grid(WED.date())[0][0]
    res = booking.book(ctx, make_request(office, start))
    assert res.status in ("requested", "confirmed")
    assert res.end - res.start == dt.timedelta(minutes=config.session_minutes)
    assert History.select().where(History.reservation == res).count() == 1
    assert SeatClaim.select().where(SeatClaim.reservation == res).count() == 1


def test_hello_work_hours_and_30_minute_units(hw, ctx, make_request):
    """004 第4条(2)③: 平日9:30～12:00、13:00～16:00の間の30分単位."""
    slots = booking.slots(ctx, hw, WED.date())
    starts = [s.start.strftime("%H:%M") for s in slots]
    assert starts == ["09:30", "10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30"]
    refused(ctx, make_request(hw, T(2027, 1, 13, 12, 0)), "outside_hours")
    refused(ctx, make_request(hw, T(2027, 1, 13, 16, 0)), "outside_hours")
    refused(ctx, make_request(hw, T(2027, 1, 13, 9, 45)), "off_grid")


def test_yamaguchi_hours_and_60_minutes(yama, ctx):
    """003 6: 9:00～16:30 with no lunch break in the seed, sessions start on a 30-minute grid."""
    slots = booking.slots(ctx, yama, WED.date())
    starts = [s.start.time() for s in slots]
    assert starts[0] == dt.time(9, 0) and dt.time(12, 0) in starts and dt.time(12, 30) in starts
    assert starts[-1] == dt.time(16, 0)
    assert max(s.end for s in slots).time() <= dt.time(16, 30)


@pytest.mark.parametrize("minutes", [30, 45, 60])
def test_yamaguchi_30_45_60_minute_sessions_end_by_1630(yama, ctx, make_request, minutes):
    """003 6 「1回当たりの実施時間は最大60分」「9:00～16:30の間で実施」: 30, 45 or 60 minutes, ending by 16:30
    (Wednesday 2027-01-13, after 成人の日 1/11)."""
    latest = T(2027, 1, 13, 16, 30) - dt.timedelta(minutes=minutes)
    latest = latest.replace(minute=0 if latest.minute < 30 else 30)
    res = booking.book(ctx, make_request(yama, latest, minutes=minutes))
    assert res.end - res.start == dt.timedelta(minutes=minutes) and res.end.time() <= dt.time(16, 30)
    too_late = latest + dt.timedelta(minutes=30)
    if too_late.time() < dt.time(16, 30):
        refused(ctx, make_request(yama, too_late, minutes=minutes, name="別の 人", phone="090-0000-1111"), "outside_hours")


def test_003_6_a_late_slot_listed_as_bookable_books_with_the_length_it_shows(yama, ctx, make_request):
    """003 6 「9:00～16:30の間で実施」: the 16:00 slot is listed bookable, ending 16:30; booked without a
    length (the command line, Ctrl+N's first slot) it is the 30 minutes the list shows, not the
    office's default 60 that would end after 16:30. Asked for 60 minutes, it is refused with the hours.
    An earlier slot keeps the default 60 (Wednesday 2027-01-13, after 成人の日 1/11)."""
    listed = {s.start.time(): s for s in booking.slots(ctx, yama, WED.date())}
    assert listed[dt.time(16, 0)].bookable and listed[dt.time(16, 0)].end.time() == dt.time(16, 30)
    refused(ctx, make_request(yama, T(2027, 1, 13, 16, 0), minutes=60), "outside_hours")
    res = booking.book(ctx, make_request(yama, T(2027, 1, 13, 16, 0)))
    assert (res.start.time(), res.end.time()) == (dt.time(16, 0), dt.time(16, 30))
    other = booking.book(ctx, make_request(yama, T(2027, 1, 13, 15, 0), name="別の 人", phone="090-0000-1111"))
    assert other.end - other.start == dt.timedelta(minutes=60)


def test_yamaguchi_other_lengths_refused(yama, ctx, make_request):
    """003 6: at most 60 minutes; only the lengths the preset offers (30, 45, 60)."""
    refused(ctx, make_request(yama, T(2027, 1, 13, 10, 0), minutes=90), "session_length")
    refused(ctx, make_request(yama, T(2027, 1, 13, 10, 0), minutes=20), "session_length")


def test_yamaguchi_a_60_minute_session_holds_the_next_half_hour(yama, ctx, make_request):
    """003 6: a 60-minute session at 10:00 keeps its counsellor until 11:00, so 10:30 is taken too
    (one seat); 11:00 is free again. Around 2027-09-20 敬老の日 and 09-23 秋分の日: Tuesday 09-21."""
    clock_day = T(2027, 9, 14, 9, 0)
    ctx.clock.current = clock_day
    day = dt.date(2027, 9, 21)
    booking.book(ctx, make_request(yama, T(2027, 9, 21, 10, 0), minutes=60))
    refused(ctx, make_request(yama, T(2027, 9, 21, 10, 30), minutes=30, name="別の 人", phone="090-0000-1111"), "full")
    refused(ctx, make_request(yama, T(2027, 9, 21, 9, 30), minutes=45, name="別の 人", phone="090-0000-1111"), "full")
    booking.book(ctx, make_request(yama, T(2027, 9, 21, 11, 0), minutes=30, name="別の 人", phone="090-0000-1111"))
    taken = {s.start.time(): s.bookable for s in booking.slots(ctx, yama, day)}
    assert taken[dt.time(10, 0)] is False and taken[dt.time(10, 30)] is False and taken[dt.time(11, 0)] is False
    assert taken[dt.time(11, 30)] is True and taken[dt.time(9, 0)] is True
    assert booking.slots(ctx, yama, dt.date(2027, 9, 20)) == [] and booking.slots(ctx, yama, dt.date(2027, 9, 23)) == []


def test_closed_days_have_no_slots_and_refuse(hw, ctx, make_request):
    """003 6 / business days: weekends, 成人の日 and the year-end closure have no slots."""
    assert booking.slots(ctx, hw, dt.date(2027, 1, 11)) == []  # 成人の日
    assert booking.slots(ctx, hw, dt.date(2027, 1, 16)) == []  # Saturday
    err = refused(ctx, make_request(hw, T(2027, 1, 11, 10, 0)), "closed_day")
    assert "成人の日" in err.message


def test_office_extra_closure(hw, ctx, make_request):
    add_closure(ctx, hw, dt.date(2027, 1, 13), "研修のため休業")
    assert booking.slots(ctx, hw, WED.date()) == []
    refused(ctx, make_request(hw, WED), "closed_day")


def test_past_slots_refused(hw, ctx, clock, make_request):
    clock.set(T(2027, 1, 13, 10, 30))
    refused(ctx, make_request(hw, WED), "past")


def test_nishitokyo_application_closes_five_business_days_before(nishi, ctx, clock, make_request):
    """000 第4条(2): 申込み締め切りは利用希望日の５営業日前まで (1/11 成人の日 and the weekend skipped)."""
    start = T(2027, 1, 13, 10, 0)
    clock.set(T(2027, 1, 6, 9, 0))  # 1/5 was the last day
    err = refused(ctx, make_request(nishi, start), "app_deadline")
    assert err.clause == "000 第4条(2)"
    assert "2027年1月5日(火)" in err.message
    clock.set(T(2027, 1, 5, 16, 0))
    assert booking.book(ctx, make_request(nishi, start)).status == "confirmed"


def test_nishitokyo_deadline_across_the_year_end_closure(nishi, ctx, clock, make_request):
    """000 第4条(2) with 12/29-1/3 closed: for 2027-01-06, 5 business days before is 2026-12-24."""
    config = get_config(nishi)
    assert booking.application_deadline(config, dt.date(2027, 1, 6)) == dt.date(2026, 12, 24)
    clock.set(T(2026, 12, 25, 9, 0))
    refused(ctx, make_request(nishi, T(2027, 1, 6, 10, 0)), "app_deadline")
    clock.set(T(2026, 12, 24, 9, 0))
    booking.book(ctx, make_request(nishi, T(2027, 1, 6, 10, 0)))


def test_hello_work_books_until_two_business_days_before(hw, ctx, clock, make_request):
    """004 第4条(1): 営業日上の前々日までに予約が完了 — for Wed 1/13, Fri 1/8 (Mon 1/11 is a holiday)."""
    clock.set(T(2027, 1, 8, 17, 0))
    booking.book(ctx, make_request(hw, WED))
    clock.set(T(2027, 1, 12, 9, 0))
    err = refused(ctx, make_request(hw, T(2027, 1, 13, 11, 0), phone="080-1111-2222"), "app_deadline")
    assert err.clause == "004 第4条(1)"


def test_meeting_details_deadline_three_business_days_before(nishi, ctx, make_request):
    """000 第4条(3): 実施日の３営業日前までに…ご連絡 — notify_by for 1/13 is 1/7."""
    res = booking.book(ctx, make_request(nishi, WED))
    assert res.notify_by == dt.date(2027, 1, 7)


def test_first_come_first_served_until_seats_run_out(nishi, hw, ctx, make_request):
    """000 第4条(2): 先着順. Nishitokyo has one seat; Hello Work two."""
    booking.book(ctx, make_request(nishi, WED))
    err = refused(ctx, make_request(nishi, WED, name="佐藤 太郎", phone="080-2222-3333", email="sato@example.jp"), "full")
    assert "満席" in err.message
    booking.book(ctx, make_request(hw, WED))
    booking.book(ctx, make_request(hw, WED, name="佐藤 太郎", phone="080-2222-3333", email="sato@example.jp",
                                   answers={"job_seeker_no": "11010-22223333"}))
    refused(ctx, make_request(hw, WED, name="鈴木 一郎", phone="080-3333-4444", email="suzuki@example.jp",
                              answers={"job_seeker_no": "11010-33334444"}), "full")
    slot = next(s for s in booking.slots(ctx, hw, WED.date()) if s.start == WED)
    assert (slot.seats, slot.booked, slot.bookable) == (2, 2, False)


def test_cancelled_seat_is_free_again(nishi, ctx, make_request):
    res = booking.book(ctx, make_request(nishi, WED))
    lifecycle.cancel(ctx, res.id, "phone")
    booking.book(ctx, make_request(nishi, WED, name="佐藤 太郎", phone="080-2222-3333"))


def test_nishitokyo_eligibility_residence_and_child_age(nishi, ctx, make_request):
    """000 第2条(1)(2): guardian of a child 0 to school entry, living in or moving to 西東京市."""
    err = refused(ctx, make_request(nishi, WED, answers={"residence": "その他"}), "ineligible")
    assert err.clause and err.clause.startswith("000 第2条")
    refused(ctx, make_request(nishi, WED, answers={"child_age_band": "就学後"}), "ineligible")


def test_musashino_eligibility(db, ctx, make_office, make_request):
    """001 3(1)(2): 武蔵野市に在住 or 転入予定; 0歳から就学前 or pregnant."""
    office = make_office("musashino-hoiku-concierge")
    refused(ctx, make_request(office, WED, answers={"residence": "その他"}), "ineligible")


def test_funabashi_minors_alone_are_refused(db, ctx, make_office, make_request):
    """002 6(9): 保護者の同意無く、未成年者のみで利用する行為 is forbidden."""
    office = make_office("funabashi-kosodate")
    config = get_config(office)
    field = config.field("guardian_present")
    not_eligible = [c for c in field.choices if c not in field.eligible]
    refused(ctx, make_request(office, config.grid(WED.date())[0][0], answers={"guardian_present": not_eligible[0]}), "ineligible")


def test_hello_work_eligibility_and_job_seeker_number(hw, ctx, make_request):
    """004 第2条(2)(3) eligibility; 004 第4条(2)② 求職番号 required and well-formed."""
    refused(ctx, make_request(hw, WED, answers={"has_webcam_device": "いいえ"}), "ineligible")
    refused(ctx, make_request(hw, WED, answers={"continuing_support": "いいえ"}), "ineligible")
    refused(ctx, make_request(hw, WED, answers={"job_seeker_no": ""}), "required")
    refused(ctx, make_request(hw, WED, answers={"job_seeker_no": "123"}), "invalid_job_seeker_no")
    res = booking.book(ctx, make_request(hw, WED, answers={"job_seeker_no": "１１０１０－８７６５４３２１"}))
    assert res.applicant.job_seeker_no == "11010-87654321"


def test_yamaguchi_registered_clients_only(yama, ctx, make_request):
    """003 (assumption): clients registered with the centre."""
    refused(ctx, make_request(yama, T(2027, 1, 13, 9, 0), answers={"client_registered": "未登録"}), "ineligible")


def test_nishitokyo_requires_address(nishi, ctx, make_request):
    """000 第4条(1): 相談希望日時、氏名、住所、連絡先（電話番号・メールアドレス）."""
    refused(ctx, make_request(nishi, WED, answers={"address": ""}), "required")
    refused(ctx, make_request(nishi, WED, name=""), "required")
    refused(ctx, make_request(nishi, WED, email="not-an-address"), "invalid_email")
    refused(ctx, make_request(nishi, WED, phone="12-34"), "invalid_phone")


def test_full_width_phone_is_normalised(nishi, ctx, make_request):
    res = booking.book(ctx, make_request(nishi, WED, phone="０９０－１２３４－５６７８"))
    assert res.applicant.phone == "09012345678"


def test_consent_required_for_every_checklist_item(nishi, ctx, make_request):
    """000 第2条(3) / 001 2: 本規約に同意いただける方; every checklist item must be ticked."""
    config = get_config(nishi)
    items = config.required_consent_keys()
    refused(ctx, make_request(nishi, WED, consent_items=None), "consent_missing")
    err = refused(ctx, make_request(nishi, WED, consent_items=items[1:]), "consent_missing")
    assert err.clause == "000 第2条(3)"
    res = booking.book(ctx, make_request(nishi, WED, consent_items=items))
    consent = res.consents[0]
    assert consent.items == items and consent.terms_version == config.terms_version and consent.staff == "tester"


def test_terms_change_keeps_the_agreed_version(nishi, ctx, make_request):
    """000 第11条: the city changes the terms; earlier consent stays recorded against the older version."""
    res = booking.book(ctx, make_request(nishi, WED))
    old = get_config(nishi).terms_version
    change_terms(ctx, nishi, "2.0", dt.date(2027, 1, 5), "改定後の規約")
    shown = lifecycle.describe(lifecycle.get_reservation(res.id))
    assert shown["terms_version"] == old and shown["terms_current"] is False
    refused(ctx, make_request(nishi, T(2027, 1, 13, 10, 30), terms_version=old), "consent_outdated")
    new = booking.book(ctx, make_request(nishi, T(2027, 1, 13, 10, 30), phone="080-5555-6666"))
    assert new.terms_version == "2.0"


def test_nishitokyo_takes_applications_by_form_only(nishi, ctx, make_request):
    """000 第4条(1): LOGOフォームでの電子申請."""
    err = refused(ctx, make_request(nishi, WED, channel="phone"), "channel_not_accepted")
    assert err.clause == "000 第4条(1)"


def test_yamaguchi_first_booking_by_phone_then_in_session(yama, ctx, make_request):
    """003 7(1): 利用申込みは電話で受け付けます（２回目以降はオンライン支援の際にも）."""
    first = T(2027, 1, 13, 9, 0)
    refused(ctx, make_request(yama, first, channel="in-session"), "first_booking_channel")
    res = booking.book(ctx, make_request(yama, first, channel="phone"))
    assert res.status == "requested"  # 日程調整 after the phone application
    second = booking.book(ctx, make_request(yama, T(2027, 1, 20, 9, 0), channel="in-session"))
    assert second.status == "confirmed"


def test_hello_work_in_session_booking_is_confirmed_at_once(hw, ctx, make_request):
    """004 第4条(3): 2回目以降を面談の際に予約した場合は当該面談等での予約をもって予約確定."""
    first = booking.book(ctx, make_request(hw, WED))
    assert first.status == "requested" and first.offer_reply_by == dt.date(2027, 1, 5)
    second = booking.book(ctx, make_request(hw, T(2027, 1, 20, 10, 0), channel="in-session"))
    assert second.status == "confirmed"


def test_companions_named_with_affiliation(yama, nishi, ctx, make_request):
    """003 5(1)①: 同席者の所属・氏名を予め伝える; offices without companions refuse them."""
    start = T(2027, 1, 13, 9, 0)
    refused(ctx, make_request(yama, start, companions=[{"name": "山田 一郎", "relation": ""}]), "companion_incomplete")
    res = booking.book(ctx, make_request(yama, start, companions=[{"name": "山田 一郎", "relation": "就労支援機関"}]))
    assert res.companions == [{"name": "山田 一郎", "relation": "就労支援機関"}]
    refused(ctx, make_request(nishi, WED, companions=[{"name": "a", "relation": "b"}]), "companions_not_accepted")


def test_funabashi_group_event_participant_limit(db, ctx, make_office, make_request):
    """002 2(1): 交流会、相談、講座 online with many participants up to a limit."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "exchange", "オンライン交流会", T(2027, 1, 13, 10, 0), 60, capacity=2)
    for i in range(2):
        booking.book(ctx, make_request(office, None, event_id=event.id, name=f"参加者 {i}", phone=f"080-0000-000{i}"))
    err = refused(ctx, make_request(office, None, event_id=event.id, name="参加者 9", phone="080-0000-0009"), "event_full")
    assert "定員2名" in err.message


def test_earlier_no_show_is_found_and_acknowledged(hw, ctx, clock, make_request):
    """004 第4条(4): 連絡がないままキャンセル may lead to refusal: the next booking shows the earlier no-show."""
    res = booking.book(ctx, make_request(hw, WED))
    lifecycle.act(ctx, res.id, "offer")  # the date and time communicated (004 第4条(2))
    clock.set(T(2027, 1, 13, 10, 11))
    lifecycle.act(ctx, res.id, "no-show", lifecycle.ActOptions(note="連絡なし"))
    troubles = booking.trouble_for("09012345678")
    assert [t.reservation_id for t in troubles] == [res.id]
    again = booking.book(ctx, make_request(hw, T(2027, 1, 20, 10, 0), acknowledge_trouble=True))
    entry = History.get(History.reservation == again)
    assert "2027年1月13日(水)" in entry.note and entry.data["trouble_acknowledged"] == [res.id]


def test_refusal_message_in_english(hw, ctx, make_request):
    set_language("en")
    with pytest.raises(RuleError) as err:
        booking.book(ctx, make_request(hw, T(2027, 1, 11, 10, 0)))
    assert "closed day" in err.value.message


def test_bookings_are_stored_in_one_transaction(hw, ctx, make_request):
    res = booking.book(ctx, make_request(hw, WED))
    stored = Reservation.get_by_id(res.id)
    assert stored.seat_no == 1 and stored.consents.count() == 1 and stored.history.count() == 1


def test_no_japanese_date_inside_an_english_message(db, ctx, make_office, make_request):
    """Issue 15 (4): 「(2026年11月30日(月), 2 business days before)」 in the English UI; the date in a rule's
    message follows the UI language (004 第4条(1): two business days before)."""
    import re

    from consult_desk.errors import language, set_language

    office = make_office("hellowork-kawagoe")
    before = language()
    try:
        set_language("en")
        with pytest.raises(RuleError) as late:
            booking.book(ctx, make_request(office, dt.datetime(2027, 1, 5, 10, 0)))
        assert "Dec 2026" in late.value.message and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", late.value.message)
        set_language("ja")
        with pytest.raises(RuleError) as late_ja:
            booking.book(ctx, make_request(office, dt.datetime(2027, 1, 5, 10, 0)))
        assert "2026年12月" in late_ja.value.message
    finally:
        set_language(before)
