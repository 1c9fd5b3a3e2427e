"""Equipment lent to participants (002 4(1)): the Loans tab lists what is out (overdue first, in red)
and what came back, lends an item (貸与を記録, Alt+L) and takes one back (返却を記録). The rules are in
:mod:`consult_desk.loans`; a refusal is shown as its sentence and nothing is stored.

The tab is added only where an office of the database lends equipment (its preset's ``equipment_loans``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import loans
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, clause_text
from consult_desk.offices import list_offices
from consult_desk.ui.widgets.format import fmt_date, paren
from consult_desk.ui.widgets.messages import message_label, ok_cancel, show_error
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = "#ffcdd2"
TOPICS = frozenset({Topic.LOANS, Topic.RESERVATIONS})


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class LoansModel(RowsTableModel[loans.LoanRow]):
    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Item"),
            self.tr("Participant"),
            self.tr("Reservation / event"),
            self.tr("Lent"),
            self.tr("Due back"),
            self.tr("Returned"),
            self.tr("Staff"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            where = self.tr("Reservation %1").replace("%1", str(row.reservation_id))
            if row.event_id:
                where += " / " + (row.event_title or self.tr("Event %1").replace("%1", str(row.event_id)))
            returned = fmt_date(row.returned_on) if row.returned_on else (self.tr("Overdue") if row.overdue else self.tr("Out"))
            staff = row.lent_by + (f" / {row.returned_by}" if row.returned_by else "")
            return [str(row.id), row.item, row.participant, where, fmt_date(row.lent_on), fmt_date(row.due_on), returned, staff][
                index.column()
            ]
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(QColor(OVERDUE_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or None
        return None


class LoanDialog(QDialog):
    """Lend an item: the participant's reservation number, the item, lent and due-back days, a note."""

    def __init__(self, ctx: Context, reservation_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loan_dialog")
        self.setWindowTitle(self.tr("Lend equipment (002 4(1))"))
        self.ctx = ctx
        self.loan: Any = None
        today = ctx.clock.today()
        self.reservation = QSpinBox(self)
        self.reservation.setObjectName("loan_reservation")
        self.reservation.setRange(1, 2**31 - 1)
        if reservation_id:
            self.reservation.setValue(reservation_id)
        self.item = QLineEdit(self)
        self.item.setObjectName("loan_item")
        self.item.setPlaceholderText(self.tr("e.g. tablet with charger"))
        self.lent = QDateEdit(_qdate(today), self)
        self.lent.setObjectName("loan_lent")
        self.lent.setCalendarPopup(True)
        self.due = QDateEdit(_qdate(today + dt.timedelta(days=7)), self)
        self.due.setObjectName("loan_due")
        self.due.setCalendarPopup(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("loan_note")
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(self.tr("&Reservation no.:"), self.reservation)
        form.addRow(self.tr("&Item:"), self.item)
        form.addRow(self.tr("&Lent on:"), self.lent)
        form.addRow(self.tr("&Due back:"), self.due)
        form.addRow(self.tr("N&ote:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))
        (self.item if reservation_id else self.reservation).setFocus()

    def accept(self) -> None:
        try:
            self.loan = loans.add(
                self.ctx,
                self.reservation.value(),
                self.item.text(),
                _pydate(self.due.date()),
                lent_on=_pydate(self.lent.date()),
                note=self.note.text(),
            )
        except ConsultDeskError as exc:
            self.message.setText(exc.message + (paren(clause_text(exc.clause)) if exc.clause else ""))
            return
        super().accept()


class ReturnDialog(QDialog):
    """Take an item back: the day it came back (default today) and a note."""

    def __init__(self, ctx: Context, row: loans.LoanRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("return_dialog")
        self.setWindowTitle(self.tr("Equipment returned"))
        self.ctx = ctx
        self.loan_id = row.id
        self.returned = QDateEdit(_qdate(ctx.clock.today()), self)
        self.returned.setObjectName("return_date")
        self.returned.setCalendarPopup(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("return_note")
        self.message = message_label(self)
        form = QFormLayout()
        form.addRow(QLabel(f"{row.item}（{row.participant}）", self))
        form.addRow(self.tr("&Returned on:"), self.returned)
        form.addRow(self.tr("N&ote:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self))

    def accept(self) -> None:
        try:
            loans.give_back(self.ctx, self.loan_id, _pydate(self.returned.date()), self.note.text())
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            return
        super().accept()


class LoansView(QWidget):
    """``set_office(code)``, ``refresh()``; ``reservation_activated`` when a row is opened."""

    reservation_activated = Signal(int)
    topics = TOPICS

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("LoansView", "Loans")

    def __init__(self, ctx: Context, office: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loans_view")
        self.ctx = ctx
        self.office = office
        # the reservation open in the window's panel, prefilled when lending
        self.current_reservation: Callable[[], int | None] = lambda: None
        self.title = QLabel(self)
        self.title.setObjectName("loans_title")
        self.show_returned = QCheckBox(self.tr("Show &returned"), self)
        self.show_returned.setObjectName("loans_show_returned")
        self.show_returned.toggled.connect(self.refresh)
        self.add_button = QPushButton(self.tr("&Lend equipment…"), self)
        self.add_button.setObjectName("loan_add")
        self.add_button.clicked.connect(self.lend)
        self.return_button = QPushButton(self.tr("Record &return…"), self)
        self.return_button.setObjectName("loan_return")
        self.return_button.clicked.connect(self.give_back)
        self.model = LoansModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "loans_table", single=True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.show_returned)
        head.addWidget(self.add_button)
        head.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.refresh()

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> None:
        lends = False
        try:
            lends = bool(self.office) and loans.offers_loans(self.office)
            rows = loans.rows(self.ctx.clock.today(), self.office or None, include_returned=self.show_returned.isChecked())
        except ConsultDeskError:
            rows = []
        self.model.set_rows(rows)
        out = sum(1 for r in rows if r.out)
        overdue = sum(1 for r in rows if r.overdue)
        if lends or rows:
            self.title.setText(self.tr("Out: %1, overdue: %2").replace("%1", str(out)).replace("%2", str(overdue)))
        else:
            self.title.setText(self.tr("This office does not lend equipment."))
        self.add_button.setEnabled(lends)
        self._update_buttons()

    def selected(self) -> loans.LoanRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        self.return_button.setEnabled(row is not None and row.out)

    def lend(self) -> None:
        if not self.add_button.isEnabled():
            return
        dialog = LoanDialog(self.ctx, self.current_reservation(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def give_back(self) -> None:
        row = self.selected()
        if row is None or not row.out:
            return
        if ReturnDialog(self.ctx, row, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.reservation_activated.emit(self.model.rows[index.row()].reservation_id)


def add_loans_view(window: Any) -> None:  # the shell's MainWindow (areas do not import the shell)
    """The Loans tab (built when first shown), where an office of this database lends equipment."""
    try:
        lending = any(loans.offers_loans(o.code) for o in list_offices())
    except ConsultDeskError as exc:
        show_error(window, exc)
        return
    if not lending:
        return

    def make() -> QWidget:
        view = LoansView(window.ctx, window.office, window)
        view.current_reservation = lambda: window.panel.reservation_id
        return view

    window.add_lazy_view("loans_view", LoansView.tab_title(), make)

