"""Business-day calendar: weekends, national holidays (jpholiday), year-end closure, office closures."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk.calendar import BusinessCalendar, format_date_ja, is_year_end_closure

D = dt.date
cal = BusinessCalendar()


@pytest.mark.parametrize(
    "day, reason",
    [
        (D(2027, 1, 9), "土曜日"),
        (D(2027, 1, 10), "日曜日"),
        (D(2027, 1, 11), "成人の日"),
        (D(2026, 9, 22), "国民の休日"),  # between 敬老の日 and 秋分の日
        (D(2026, 5, 6), "憲法記念日 振替休日"),  # 憲法記念日 on a Sunday
        (D(2026, 12, 29), "年末年始休業"),
        (D(2027, 1, 1), "元日"),
        (D(2027, 1, 3), "日曜日"),
    ],
)
def test_closed_days_name_their_reason(day, reason):
    """003 6: 土日、祝祭日、年末年始を除く平日."""
    assert cal.closed_reason(day) == reason
    assert not cal.is_business_day(day)


def test_year_end_closure_runs_from_29_december_to_3_january():
    """003 6 (年末年始): 12/29-1/3 are closed even on weekdays."""
    closed = [D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 2), D(2027, 1, 3)]
    assert all(is_year_end_closure(d) for d in closed)
    assert not is_year_end_closure(D(2026, 12, 28))
    assert not is_year_end_closure(D(2027, 1, 4))
    assert cal.is_business_day(D(2026, 12, 28)) and cal.is_business_day(D(2027, 1, 4))


def test_office_closures_are_not_business_days():
    extra = BusinessCalendar([D(2027, 1, 15)])
    assert extra.closed_reason(D(2027, 1, 15)) == "臨時休業"
    assert extra.business_days_before(D(2027, 1, 18), 1) == D(2027, 1, 14)


def test_business_days_before_skip_holidays_and_year_end():
    """000 第4条(2): 5 business days before 2027-01-13 skips 成人の日 (1/11) and the weekend."""
    assert cal.business_days_before(D(2027, 1, 13), 5) == D(2027, 1, 5)
    # 2 business days before 2027-01-05 crosses the year-end closure back to 12/28.
    assert cal.business_days_before(D(2027, 1, 5), 2) == D(2026, 12, 28)
    assert cal.business_days_after(D(2026, 12, 28), 1) == D(2027, 1, 4)
    assert cal.next_business_day(D(2027, 1, 9)) == D(2027, 1, 12)


def test_japanese_dates_with_weekday_and_era():
    assert format_date_ja(D(2027, 1, 13)) == "2027年1月13日(水)"
    assert format_date_ja(D(2027, 1, 13), era=True) == "令和9年1月13日(水)"
    assert format_date_ja(D(2019, 5, 1), era=True) == "令和元年5月1日(水)"
