"""The callback queue, visible from every view: a dock listing the open phone callbacks with their
due time (overdue ones in red), and a status-bar button with the count that shows or hides it.
Enter or a double-click opens the callback panel. The queue shows the selected office's callbacks
(the window's shared selection; every office when it stands alone), reads again when the change hub
says callbacks or reservations changed, and its clock tick only marks the callbacks whose time has
come."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import session
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.lifecycle import QueuedCallback
from consult_desk.offices import get_config, list_offices
from consult_desk.ui.session.callback_panel import open_callback_panel, result_label
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.selection import Selection
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

TICK_MS = 60_000  # the clock: due times are in minutes (data changes come through the change hub)


class QueueModel(RowsTableModel[QueuedCallback]):
    """Open callbacks, earliest due first (the rows of :func:`consult_desk.session.callback_queue`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Name"), self.tr("Phone"), self.tr("Calls"), self.tr("Office")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return f"{row.due:%H:%M}"
            if column == 1:
                return row.name
            if column == 2:
                return row.phone
            if column == 3:
                last = result_label(row.last_result) if row.last_result else ""
                return f"{row.attempts} {last}".strip()
            return self.office_names.get(row.office, row.office)
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(style.ERROR))
        if role == Qt.ItemDataRole.ToolTipRole and row.overdue:
            return self.tr("Due now")
        if role == Qt.ItemDataRole.UserRole:
            return row.reservation
        return None


class QueueTable(QTableView):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.doubleClicked.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CallbackQueueDock(QDockWidget):
    """The dock with the queue; :meth:`install` adds it and its status-bar button to a main window."""

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, tick_ms: int = TICK_MS, selection: Selection | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callback_queue")
        self.setWindowTitle(self.tr("Phone callbacks"))
        self.ctx = ctx
        self.selection = selection  # None: every office's callbacks
        self.model = QueueModel(self)
        self.table = QueueTable(self)
        setup_list_table(self.table, self.model, "callback_queue_table")
        # Every column as wide as its contents (架電記録 not clipped); the dock is as wide as the table.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.doubleClicked.connect(self._open_index)
        self.empty = QLabel(self.tr("No open callbacks."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.setWidget(body)

        self.button = QToolButton()
        self.button.setObjectName("callback_queue_button")
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.toggled.connect(self._button_toggled)
        self.visibilityChanged.connect(self._sync_button)

        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        hub.on((Topic.CALLBACKS, Topic.RESERVATIONS, Topic.OFFICES), self.refresh, self)
        if selection is not None:
            selection.office_changed.connect(lambda _code: self.refresh())
            selection.reservation_changed.connect(self._show_selected)
            self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.refresh()

    @property
    def office(self) -> str | None:
        return self.selection.office or None if self.selection is not None else None

    @classmethod
    def install(cls, window: QMainWindow, ctx: Context) -> CallbackQueueDock:
        """Dock on the right of ``window``, with the count button in its status bar."""
        dock = cls(ctx, window, selection=getattr(window, "selection", None))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.statusBar().addPermanentWidget(dock.button)
        dock.setVisible(bool(dock.model.rows))
        # As narrow as its table: the views keep the width (1366×768 office laptops, issue 15).
        window.resizeDocks([dock], [dock.widget().minimumSizeHint().width()], Qt.Orientation.Horizontal)
        return dock

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        try:
            rows = session.callback_queue(self.office, now)
            offices = {o.code: get_config(o.code).display_short_name for o in list_offices()}  # short: the dock stays narrow
        except ConsultDeskError as exc:
            self.button.setToolTip(exc.message)
            return
        self.model.office_names = offices
        self.model.set_rows(rows)
        self.table.setColumnHidden(4, len(offices) <= 1 or self.office is not None)
        self.table.resizeColumnsToContents()
        self.table.setMinimumWidth(self.table.horizontalHeader().length() + self.table.verticalScrollBar().sizeHint().width()
                                   + 2 * self.table.frameWidth() + (self.table.verticalHeader().width()
                                                                    if self.table.verticalHeader().isVisible() else 0))
        if self.selection is not None:
            self._show_selected(self.selection.reservation_id)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        overdue = sum(1 for r in rows if r.overdue)
        text = self.tr("Callbacks: %1").replace("%1", str(len(rows)))
        if overdue:
            text += " " + self.tr("(%1 due)").replace("%1", str(overdue))
        self.button.setText(text)
        self.button.setStyleSheet(f"color:{style.ERROR}; font-weight:bold;" if overdue else "")

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.selection is not None and current.isValid() and current.row() < len(self.model.rows):
            row = self.model.rows[current.row()]
            self.selection.select(row.reservation, row.office)

    def _show_selected(self, reservation_id: int | None) -> None:
        """The shared selection's reservation is highlighted here when it is in the queue."""
        row = next((i for i, r in enumerate(self.model.rows) if r.reservation == reservation_id), -1)
        current = self.table.currentIndex()
        if row < 0:
            if current.isValid():
                self.table.selectionModel().clear()
            return
        if current.row() != row:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _button_toggled(self, checked: bool) -> None:
        """Shown and brought to the front (it may share a column with the reservation panel, as tabs)."""
        if checked:
            self.show()
            self.raise_()
        else:
            self.hide()

    def _sync_button(self, visible: bool) -> None:
        self.button.blockSignals(True)
        self.button.setChecked(visible)
        self.button.blockSignals(False)

    def open_row(self, row: int) -> QWidget | None:
        if not 0 <= row < len(self.model.rows):
            return None
        return open_callback_panel(self.ctx, self.model.rows[row].reservation, self.window())

    def _open_index(self, index: QModelIndex) -> None:
        self.open_row(index.row())
