"""Search: any width, any hyphens; Enter opens the reservation."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import WED, activate, focused, press, type_text
from PySide6.QtCore import Qt

from consult_desk import booking
from consult_desk.ui.desk.search_view import SearchView

pytestmark = pytest.mark.usefixtures("clean_settings")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def make_search(qtbot, ctx, office) -> SearchView:
    view = SearchView(ctx)
    qtbot.addWidget(view)
    view.set_office(office)
    activate(qtbot, view)
    view.focus_search()
    return view


def book_two(ctx, office, make_request):
    first = booking.book(ctx, make_request(office, TEN, phone="090-1234-5678", kana="やまだ はなこ"))
    second = booking.book(ctx, make_request(office, TEN, name="佐藤 太郎", kana="さとう たろう",
                                            phone="080-1111-2222", email="taro@example.jp",
                                            answers={"job_seeker_no": "13020-87654321"}))
    return first, second


@pytest.mark.usefixtures("japanese")
def test_full_width_phone_finds_the_reservation_and_enter_opens_it(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    first, _second = book_two(ctx, office, make_request)
    view = make_search(qtbot, ctx, office)
    type_text(qtbot, "０９０１２３４５６７８")  # as an IME gives it: full-width, no hyphens
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)  # after the typing pause
    assert view.count.text() == "1 件"
    assert view.model.index(0, 4).data() == "090-1234-5678"
    with qtbot.waitSignal(view.reservation_activated) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [first.id]


def test_hyphenated_phone_kana_mail_job_seeker_number_and_id(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    first, second = book_two(ctx, office, make_request)
    view = make_search(qtbot, ctx, office)
    for query, expected in (
        ("090-1234-5678", [first.id]),
        ("さとう", [second.id]),
        ("taro@example.jp", [second.id]),
        ("１３０２０－８７６５４３２１", [second.id]),
        (f"#{second.id}", [second.id]),
    ):
        view.field.setText(query)
        view.run()
        found = [view.model.rows[r][0] for r in range(view.model.rowCount())]
        assert found == expected, query


def test_down_moves_to_the_results_and_enter_opens_the_current_one(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    first, second = book_two(ctx, office, make_request)
    view = make_search(qtbot, ctx, office)
    type_text(qtbot, "example.jp")
    press(qtbot, Qt.Key.Key_Return)  # at once, without the pause
    assert view.model.rowCount() == 2 and focused() is view.table
    press(qtbot, Qt.Key.Key_Down)
    opened_id = view.model.rows[1][0]
    with qtbot.waitSignal(view.reservation_activated) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [opened_id]
    view.focus_search()
    type_text(qtbot, "見つからない名前")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.rowCount() == 0 and focused() is view.field


def test_search_stays_in_the_office_unless_asked(qtbot, db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    other = make_office("nishitokyo-childcare")
    book_two(ctx, office, make_request)
    view = make_search(qtbot, ctx, other)
    view.field.setText("090-1234-5678")
    view.run()
    assert view.model.rowCount() == 0
    view.all_offices.setChecked(True)
    assert view.model.rowCount() == 1
