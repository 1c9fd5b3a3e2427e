"""What is due: meeting details to send by the office's deadline, Hello Work offers to answer and
unanswered offers to phone about (consult_desk.due). For the today board; the status bar shows
the count of what is overdue or due today (:func:`due_text`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from consult_desk import due
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, clause_text
from consult_desk.ui.widgets.format import fmt_date, fmt_datetime
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
SEVERITY_COLORS = {"overdue": "#ffcdd2", "today": "#fff3c4", "upcoming": "#ffffff"}


def due_text(ctx: Context, office: str | None, items: list[due.DueItem] | None = None) -> str:
    """"要対応 3件" for the status bar ("" when nothing is due today or overdue); from ``items`` when
    the caller has just read them (the today board's list), else read now."""
    if items is not None:
        count = due.DueList(tuple(items)).count
    else:
        try:
            count = due.urgent_count(ctx.clock.now(), office or None)
        except ConsultDeskError:
            return ""
    return count_text(count)


def urgent_count(items: list[due.DueItem]) -> int:
    """What is due today or overdue among ``items``: the one number the list's header and the status bar show."""
    return sum(1 for item in items if item.urgent)


def count_text(count: int) -> str:
    if not count:
        return ""
    return QCoreApplication.translate("DueList", "Due: %1").replace("%1", str(count))


class DueModel(RowsTableModel[due.DueItem]):
    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("To do"),
            self.tr("Deadline"),
            self.tr("Session"),
            self.tr("Name"),
            self.tr("Phone"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                due.severity_label(item.severity),
                due.kind_label(item.kind),
                fmt_date(item.deadline),
                fmt_datetime(item.start),
                item.name,
                item.phone,
            ][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(SEVERITY_COLORS.get(item.severity, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and item.clause:
            return clause_text(item.clause)
        return None


class DueListWidget(QWidget):
    """``set_office(code)``, ``refresh()``; ``reservation_activated`` when a row is opened (Enter, double-click);
    ``loaded`` after each read. ``load=False``: the owner fills it (the today board's refresh does)."""

    reservation_activated = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: Context, office: str = "", parent: QWidget | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("due_list")
        self.ctx = ctx
        self.office = office
        self.urgent = 0
        self.title = QLabel(self)
        self.title.setObjectName("due_title")
        self.model = DueModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "due_table")
        self.table.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        if load:
            self.refresh()

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> None:
        try:
            self.summary = due.due_list(self.ctx.clock.now(), self.office or None)
        except ConsultDeskError:
            self.summary = due.DueList(())
        self.model.set_rows(list(self.summary.items))
        # the same number as the status bar's "要対応" (due_text): overdue or due today
        self.urgent = self.summary.count
        self.title.setText(self.tr("Meeting details and replies due (%1)").replace("%1", str(self.summary.count)))
        self.loaded.emit()

    def count_text(self) -> str:
        """The status bar's "Due: n" from the rows this list read (no second query)."""
        return count_text(self.urgent)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.reservation_activated.emit(self.model.rows[index.row()].reservation_id)
