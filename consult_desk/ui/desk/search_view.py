"""Search: name, kana, phone (any width or hyphens), e-mail, job-seeker number or reservation id.

Typing searches after a short pause, Enter at once; Down or Enter moves to the results, where
Enter (or a double-click) opens the reservation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import search
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.models import Reservation
from consult_desk.states import status_label
from consult_desk.ui.shell import hub
from consult_desk.ui.widgets.format import fmt_datetime
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table
from consult_desk.ui.widgets.style import STATUS_COLORS
from consult_desk.validation import format_phone

Index = QModelIndex | QPersistentModelIndex
RESERVATION_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class SearchModel(RowsTableModel[tuple[int, str, str, str, str, str, str, str]]):
    def set_results(self, results: list[Reservation]) -> None:
        self.beginResetModel()
        self.rows = [
            (
                r.id,
                fmt_datetime(r.start),
                r.applicant.name,
                r.applicant.kana,
                format_phone(r.applicant.phone),
                r.applicant.email,
                r.status,
                r.office_id,
            )
            for r in results
        ]
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Date and time"), self.tr("Name"), self.tr("Kana"), self.tr("Phone"),
                self.tr("E-mail"), self.tr("Status")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        if role == RESERVATION_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"#{row[0]}"
            if index.column() == 6:
                return status_label(row[6])
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 6:
            return QColor(STATUS_COLORS.get(row[6], "#ffffff"))
        return None


class ResultsTable(QTableView):
    entered = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchView(QWidget):
    """The search tab; ``reservation_activated`` opens a result in the reservation panel."""

    reservation_activated = Signal(int)
    DELAY_MS = 300

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_view")
        self.ctx = ctx
        hub.on((Topic.RESERVATIONS,), self.refresh, self)  # what this view shows changed (shell/hub.py)
        self.office = ""
        self.field = SearchField(self)
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText(
            self.tr("Name, kana, phone, e-mail, job-seeker number or reservation number")
        )
        self.field.setClearButtonEnabled(True)
        self.all_offices = QCheckBox(self.tr("&All offices"), self)
        self.all_offices.setObjectName("search_all_offices")
        self.count = QLabel(self)
        self.count.setObjectName("search_count")
        self.model = SearchModel(self)
        self.table = ResultsTable(self)
        setup_list_table(self.table, self.model, "search_results", single=True)
        self.table.setTabKeyNavigation(False)
        self.table.entered.connect(self._open)
        self.table.doubleClicked.connect(self._open)

        label = QLabel(self.tr("&Search:"), self)
        label.setBuddy(self.field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.field, 1)
        top.addWidget(self.all_offices)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _t: self.timer.start())
        self.field.returnPressed.connect(self._enter)
        self.field.down.connect(self.focus_results)
        self.all_offices.toggled.connect(lambda _c: self.run())

    def set_office(self, code: str) -> None:
        self.office = code
        self.run()

    def refresh(self) -> None:
        self.run()

    def focus_search(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def run(self) -> None:
        self.timer.stop()
        text = self.field.text()
        office = None if self.all_offices.isChecked() else (self.office or None)
        results = search.search(text, office) if text.strip() else []
        self.model.set_results(results)
        if text.strip():
            count = len(results)
            message = self.tr("%1 found").replace("%1", str(count)) if count else self.tr("Nothing found")
            if count >= search.LIMIT:
                message += " " + self.tr("(only the newest %1 are shown)").replace("%1", str(search.LIMIT))
            self.count.setText(message)
        else:
            self.count.clear()
        if results:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _enter(self) -> None:
        self.run()
        if self.model.rowCount() == 1:
            self._open(self.model.index(0, 0))
        elif self.model.rowCount():
            self.focus_results()

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        rid = index.data(RESERVATION_ROLE)
        if rid is not None:
            self.reservation_activated.emit(int(rid))
