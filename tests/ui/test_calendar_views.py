"""The calendar tab: month, week and day views, keyboard navigation, Enter on slots and reservations."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import WED, activate, focused, press
from PySide6.QtCore import Qt

from consult_desk import booking, lifecycle
from consult_desk.models import DB
from consult_desk.ui.desk.calendar_models import ROLE_CELL, DayModel, MonthModel
from consult_desk.ui.desk.calendar_views import CalendarView

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def make_calendar(qtbot, ctx, office) -> CalendarView:
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_office(office)
    activate(qtbot, view)
    return view


@pytest.mark.usefixtures("japanese")
def test_month_model_marks_free_closed_holidays_year_end_and_today(qtbot, db, ctx, make_office, make_request):
    """Business days per the calendar: weekends, jpholiday names, 12/29-1/3 closed (003 6)."""
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, TEN))
    model = MonthModel()
    model.load(ctx, office, WED)
    assert (model.rowCount(), model.columnCount()) == (6, 7)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "月"
    cells = {model.day_at(model.index(r, c)).day: model.index(r, c) for r in range(6) for c in range(7)}
    assert min(cells) == dt.date(2026, 12, 28) and max(cells) == dt.date(2027, 2, 7)

    wed = cells[WED].data(ROLE_CELL)
    assert (wed.free, wed.seats) == (21, 22)
    assert cells[WED].data() == "13\n空き 21/22"
    new_year = cells[dt.date(2027, 1, 1)].data(ROLE_CELL)
    assert new_year.year_end and new_year.holiday == "元日"
    assert cells[dt.date(2026, 12, 30)].data(ROLE_CELL).year_end
    assert cells[dt.date(2027, 1, 11)].data() == "11\n成人の日"
    assert "今日" in cells[dt.date(2027, 1, 4)].data(Qt.ItemDataRole.ToolTipRole)
    # 004 第4条(1): on Monday the 4th, Tuesday the 5th is already closed for booking.
    assert cells[dt.date(2027, 1, 5)].data() == "5\n空き 22/22 （受付終了）"


def test_views_load_their_range_in_one_query(qtbot, db, ctx, make_office, make_request):
    """Performance by design: the month costs one query on the seat claims, a day one on reservations."""
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, TEN))
    database = DB.obj
    sent = []
    original = database.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        sent.append(sql)
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        MonthModel().load(ctx, office, WED)
        month = list(sent)
        sent.clear()
        DayModel().load(ctx, office, WED)
        day = list(sent)
    finally:
        del database.execute_sql
    # The office's configuration is read twice (a few rows); nothing is read per day or per cell.
    assert len([q for q in month if 'FROM "seat_claim"' in q]) == 1 and len(month) <= 5
    assert len([q for q in day if 'FROM "reservation"' in q]) == 1 and len(day) <= 3


@pytest.mark.usefixtures("japanese")
def test_keyboard_navigation(qtbot, db, ctx, make_office):
    """Arrows by day and week, PgUp/PgDn by month, T for today, Enter opens the day, Esc goes back."""
    office = make_office("hellowork-kawagoe")
    view = make_calendar(qtbot, ctx, office)
    assert view.mode == "month" and view.current == dt.date(2027, 1, 4)
    assert focused() is view.month_view
    assert view.title.text() == "2027年1月"

    press(qtbot, Qt.Key.Key_Right)
    assert view.current == dt.date(2027, 1, 5)
    press(qtbot, Qt.Key.Key_Down)
    assert view.current == dt.date(2027, 1, 12)
    assert view.month_model.day_at(view.month_view.currentIndex()).day == dt.date(2027, 1, 12)
    press(qtbot, Qt.Key.Key_PageDown)
    assert view.current == dt.date(2027, 2, 12) and view.title.text() == "2027年2月"
    press(qtbot, Qt.Key.Key_PageUp, times=2)
    assert view.current == dt.date(2026, 12, 12) and view.title.text() == "2026年12月"
    press(qtbot, Qt.Key.Key_T)
    assert view.current == dt.date(2027, 1, 4) and view.title.text() == "2027年1月"
    press(qtbot, Qt.Key.Key_Up)  # across the month's start: the grid shows the days before
    assert view.current == dt.date(2026, 12, 28)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Right, times=9)  # Wednesday 13th, past the holiday
    assert view.current == WED

    press(qtbot, Qt.Key.Key_Return)
    assert view.mode == "day" and focused() is view.day_view
    assert view.title.text() == "2027年1月13日(水)"
    assert view.day_model.headerData(0, Qt.Orientation.Vertical) == "09:30～10:00"
    press(qtbot, Qt.Key.Key_PageDown)  # a day further
    assert view.current == dt.date(2027, 1, 14)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.mode == "month"
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.mode == "week" and view.title.text() == "2027年1月11日(月) – 2027年1月15日(金)"


def test_enter_on_a_free_slot_asks_for_a_booking_and_on_a_reservation_opens_it(
    qtbot, db, ctx, make_office, make_request
):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN))
    view = make_calendar(qtbot, ctx, office)
    view.go_to(WED)
    view.set_mode("day")
    ten_row = view.day_model.row_labels.index("10:00～10:30")

    view.day_view.setCurrentIndex(view.day_model.index(ten_row, res.seat_no - 1))
    with qtbot.waitSignal(view.reservation_activated) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [res.id]

    free_column = 2 - res.seat_no  # the other seat
    view.day_view.setCurrentIndex(view.day_model.index(ten_row, free_column))
    with qtbot.waitSignal(view.booking_requested) as asked:
        press(qtbot, Qt.Key.Key_Return)
    assert asked.args == [TEN, None]
    assert view.booking_target() == (TEN, None)


@pytest.mark.usefixtures("japanese")
def test_a_slot_that_cannot_be_booked_says_why(qtbot, db, ctx, make_office):
    """004 第4条(1): Tuesday 5 January is past its deadline on Monday the 4th."""
    office = make_office("hellowork-kawagoe")
    view = make_calendar(qtbot, ctx, office)
    view.go_to(dt.date(2027, 1, 5))
    view.set_mode("day")
    view.day_view.setCurrentIndex(view.day_model.index(0, 0))
    with qtbot.assertNotEmitted(view.booking_requested):
        press(qtbot, Qt.Key.Key_Return)
    assert view.message.text() == "申込みの締切（2026年12月28日(月)、実施日の2営業日前）を過ぎています"
    # Ctrl+N from here opens the first bookable slot from this day on (issue 15, 2), not a slot
    # marked (予約不可): Wednesday the 6th at 09:30.
    assert view.booking_target()[0] == dt.datetime(2027, 1, 6, 9, 30)


@pytest.mark.usefixtures("japanese")
def test_cancelled_and_moved_reservations_keep_a_column_and_free_their_seat(
    qtbot, db, ctx, make_office, make_request
):
    office = make_office("nishitokyo-childcare")
    start = dt.datetime(2027, 1, 15, 9, 0)
    res = booking.book(ctx, make_request(office, start))
    lifecycle.cancel(ctx, res.id, "phone")
    model = DayModel()
    model.load(ctx, office, start.date())
    assert model.column_labels == ["席1", "キャンセル・変更済み"]
    row = model.row_labels.index("09:00～09:30")
    seat, released = model.cells[row]
    assert seat.kind == "free" and seat.bookable
    assert released.kind == "released" and [e.id for e in released.entries] == [res.id]
    assert model.index(row, 1).data() == "山田 花子 キャンセル"


@pytest.mark.usefixtures("japanese")
def test_week_view_counts_and_names(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, TEN))
    view = make_calendar(qtbot, ctx, office)
    view.go_to(WED)
    view.set_mode("week")
    model = view.week_model
    assert model.column_labels[0] == "1/11(月)\n成人の日"
    column = model.column_for(WED)
    row = model.row_labels.index("10:00")
    assert model.index(row, column).data() == "山田 花子 申込受付\n空き"
    assert model.index(row, 0).data(ROLE_CELL).kind == "closed"
    assert view.week_view.currentIndex().column() == column


@pytest.mark.usefixtures("japanese")
def test_consent_to_older_terms_shows_on_reservations_not_yet_held(qtbot, db, ctx, make_office, make_request):
    """000 第11条 / 004 第11条: the office changed its terms; bookings still ahead consented to the old ones."""
    from consult_desk.offices import change_terms

    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, TEN))
    change_terms(ctx, office, "令和9年1月5日改定", dt.date(2027, 1, 5), "改定後の規約")
    model = DayModel()
    model.load(ctx, office, WED)
    index = model.find_reservation(res.id)
    cell = index.data(ROLE_CELL)
    assert cell.entries[0].older_terms
    assert "旧版の規約に同意" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_group_events_have_their_own_rows(qtbot, db, ctx, make_office, make_request):
    """002: Funabashi's events (交流会, 相談, 講座) are booked by place, up to their limit."""
    office = make_office("funabashi-kosodate")
    event = booking.create_event(ctx, office, "lecture", "離乳食講座", dt.datetime.combine(WED, dt.time(13, 30)), 60, 8)
    view = make_calendar(qtbot, ctx, office)
    view.go_to(WED)
    view.set_mode("day")
    row = next(r for r, cells in enumerate(view.day_model.cells) if cells[0].kind == "event")
    assert view.day_model.index(row, 0).data().startswith("離乳食講座 0/8")
    assert view.day_view.columnSpan(row, 0) == view.day_model.columnCount() - 1
    view.day_view.setCurrentIndex(view.day_model.index(row, 0))
    with qtbot.waitSignal(view.booking_requested) as asked:
        press(qtbot, Qt.Key.Key_Return)
    assert asked.args == [None, event.id]


@pytest.mark.usefixtures("japanese")
def test_legend_names_every_status_and_wraps_when_narrow(qtbot):
    from consult_desk.states import Status, status_label
    from consult_desk.ui.desk.calendar_views import StatusLegend

    legend = StatusLegend()
    qtbot.addWidget(legend)
    text = " ".join(legend.entries)
    assert all(status_label(s) in text for s in Status) and legend.entries[0] == "空き"
    layout = legend.layout()
    assert layout.heightForWidth(320) > layout.heightForWidth(2400)
    assert legend.minimumSizeHint().width() < 400  # the calendar is not widened by its legend
