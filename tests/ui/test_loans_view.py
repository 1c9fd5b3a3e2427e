"""The Loans tab (002 4(1)): lend an item from the window, see what is out and overdue, record the return."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import Modals, activate, type_text
from PySide6.QtCore import QDate, Qt

from consult_desk import booking, loans
from consult_desk.ui.desk.loans_view import LoanDialog, LoansView, ReturnDialog
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings")
T = dt.datetime


@pytest.mark.usefixtures("japanese")
def test_lend_see_overdue_and_return_from_the_window(qtbot, db, ctx, make_office, make_request, tmp_path):
    """002 4(1): Funabashi lends a tablet for the session on 2027-02-12 (after 建国記念の日), due back
    2/15; on 2/16 the row is overdue (red); the return is recorded from the tab."""
    funa = make_office("funabashi-kosodate")
    ctx.clock.set(T(2027, 2, 3, 9, 0))
    res = booking.book(ctx, make_request(funa, T(2027, 2, 12, 10, 0)))
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "貸与機器" in titles
    window.tabs.setCurrentIndex(titles.index("貸与機器"))
    view = window.loans_view
    assert isinstance(view, LoansView) and view.add_button.isEnabled()
    window.open_reservation(res.id)

    def lend(dialog):
        assert isinstance(dialog, LoanDialog) and dialog.reservation.value() == res.id  # the panel's reservation
        dialog.item.setFocus()
        type_text(qtbot, "タブレット（充電器つき）")
        dialog.lent.setDate(QDate(2027, 2, 10))
        dialog.due.setDate(QDate(2027, 2, 9))  # before the day it is lent: refused, the dialog stays
        dialog.accept()
        assert dialog.isVisible() and "返却予定日" in dialog.message.text()
        dialog.due.setDate(QDate(2027, 2, 15))
        dialog.accept()

    modals = Modals(lend)
    view.add_button.click()
    qtbot.waitUntil(modals.done)
    assert [r.item for r in view.model.rows] == ["タブレット(充電器つき)"]  # NFKC, as every text field
    assert view.title.text() == "貸与中：1件　うち返却期限超過：0件"

    ctx.clock.set(T(2027, 2, 16, 9, 0))
    view.refresh()
    assert view.title.text() == "貸与中：1件　うち返却期限超過：1件"
    index = view.model.index(0, 6)
    assert view.model.data(index) == "返却期限超過"
    assert view.model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#ffcdd2"
    view.grab().save(str(tmp_path / "loans_ja.png"))

    view.table.selectRow(0)
    assert view.return_button.isEnabled()

    def give_back(dialog):
        assert isinstance(dialog, ReturnDialog)
        dialog.returned.setDate(QDate(2027, 2, 16))
        dialog.accept()

    modals = Modals(give_back)
    view.return_button.click()
    qtbot.waitUntil(modals.done)
    assert view.model.rows == []
    view.show_returned.setChecked(True)
    assert view.model.rows[0].returned_on == dt.date(2027, 2, 16)
    assert loans.rows(dt.date(2027, 2, 16), funa, include_returned=True)[0].returned_by == "tester"


def test_no_loans_tab_where_no_office_lends(qtbot, db, ctx, make_office):
    """Only Funabashi's policy (002 4(1)) lends equipment: a Hello Work desk has no Loans tab."""
    make_office("hellowork-kawagoe")
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    assert "loans_view" not in window._pending and not hasattr(window, "loans_view")
