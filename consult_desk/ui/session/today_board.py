"""Today: the first view of the day. The day's sessions per counsellor in time order, with live
status, the action the board proposes for each, a countdown and warnings. It reads the day again when
the change hub says reservations, callbacks, mail or office settings changed, and on each tick of
its clock (the countdowns and the no-show grace move with time).

The clock is the Context's (tests give a FixedClock and call :meth:`TodayBoard.refresh`, or fire
the timer, without waiting). A refresh is one query (:func:`consult_desk.session.today_board`),
so the window never waits on it. Keys: Enter does the proposed action of the selected session;
a double-click shows the reservation with its history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle, session
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.i18n import join
from consult_desk.lifecycle import ActOptions
from consult_desk.permissions import can
from consult_desk.session import BoardRow
from consult_desk.states import action_label
from consult_desk.ui.session.action_runner import run_action
from consult_desk.ui.session.callback_panel import open_callback_panel
from consult_desk.ui.session.due_list import DueListWidget
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.selection import Selection
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import fmt_date, fmt_time_span, join_list
from consult_desk.ui.widgets.messages import show_error
from consult_desk.ui.widgets.platform_calls import follow_up
from consult_desk.ui.widgets.rows_model import RowsTableModel
from consult_desk.ui.widgets.scroll import VerticalScrollArea

TICK_MS = 60_000  # the clock, on the minute: countdowns are in minutes (data changes come through the change hub)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
WARN_COLOR = "#c62828"


def countdown_text(row: BoardRow) -> str:
    """The countdown as words: minutes to the start, to the no-show time, to the end, to the callback."""
    n = row.countdown
    if n is None:
        return ""
    texts = {
        ("start", True): QCoreApplication.translate("TodayBoard", "Starts in %1 min"),
        ("start", False): QCoreApplication.translate("TodayBoard", "Started %1 min ago"),
        ("no_show", True): QCoreApplication.translate("TodayBoard", "No-show possible in %1 min"),
        ("no_show", False): QCoreApplication.translate("TodayBoard", "No-show possible since %1 min"),
        ("end", True): QCoreApplication.translate("TodayBoard", "%1 min left"),
        ("end", False): QCoreApplication.translate("TodayBoard", "%1 min over the end"),
        ("due", True): QCoreApplication.translate("TodayBoard", "Call back in %1 min"),
        ("due", False): QCoreApplication.translate("TodayBoard", "Callback due since %1 min"),
    }
    template = texts.get((row.countdown_to or "", n > 0), "%1")
    return template.replace("%1", str(abs(n)))


def next_action_label(action: str | None) -> str:
    if action is None:
        return ""
    if action == "next-booking":
        return QCoreApplication.translate("TodayBoard", "Next booking")
    return action_label(action)


class BoardModel(RowsTableModel[BoardRow]):
    """The board's rows (:class:`consult_desk.session.BoardRow`), one per session."""

    COLUMNS = ("lane", "time", "name", "status", "next", "countdown", "warnings")

    def headers(self) -> list[str]:
        return [QCoreApplication.translate("TodayBoard", "Counsellor / seat"), QCoreApplication.translate("TodayBoard", "Time"), QCoreApplication.translate("TodayBoard", "Name"), QCoreApplication.translate("TodayBoard", "Status"), QCoreApplication.translate("TodayBoard", "Next"), QCoreApplication.translate("TodayBoard", "Countdown"), QCoreApplication.translate("TodayBoard", "Warnings")]

    def set_rows(self, rows: list[BoardRow]) -> None:
        """Replace the rows; when the same sessions come back in the same order only the cells change
        (the selection and the scroll position stay)."""
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            return
        super().set_rows(rows)

    def row_of(self, reservation_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == reservation_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "lane":
                return row.lane
            if column == "time":
                return fmt_time_span(row.start, row.end)
            if column == "name":
                return row.name
            if column == "status":
                return row.status_label
            if column == "next":
                return next_action_label(row.next_action)
            if column == "countdown":
                return countdown_text(row)
            if column == "warnings":
                return join((session.warning_label(w) for w in row.warnings), alternatives=True)
        if role == Qt.ItemDataRole.BackgroundRole and column in ("status", "time"):
            return QBrush(style.status_color(row.status))
        if role == Qt.ItemDataRole.ForegroundRole and column in ("warnings", "countdown") and row.warnings:
            return QBrush(QColor(WARN_COLOR))
        if role == Qt.ItemDataRole.FontRole and column == "next" and row.next_action:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.warnings:
            return "\n".join(session.warning_label(w) for w in row.warnings)
        return None


class BoardTable(QTableView):
    """Enter does the selected session's proposed action."""

    activated_row = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated_row.emit()
            return
        super().keyPressEvent(event)


# Buttons of the side panel, in the order of the day.
BUTTONS = (
    "check-in",
    "start",
    "extend",
    "complete",
    "no-show",
    "connection-failed",
    "callback",
    "terminate",
    "contact",
    "undo-no-show",
    "next-booking",
    "confirm",
)
CALLBACK_ACTIONS = ("callback-attempt", "complete-by-phone", "reschedule", "unreachable")


class TodayBoard(QWidget):
    """The Today tab. ``set_office(code)``, ``refresh()``; the selected session is the window's shared
    selection (``shell/selection.py``)."""

    reservation_activated = Signal(int)  # double-click: the main window shows the reservation and its history

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("TodayBoard", "Today")

    def __init__(
        self, ctx: Context, office: str, parent: QWidget | None = None, tick_ms: int = TICK_MS,
        selection: Selection | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("today_board")
        self.ctx = ctx
        self.office = office
        self.selection = selection or Selection(office, self)
        self.rows: list[BoardRow] = []
        self.active_dialog: QDialog | None = None
        self.callback_panels: dict[int, QDialog] = {}

        self.title = QLabel(self)
        self.title.setObjectName("board_title")
        title_font = self.title.font()
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("board_clock")
        self.refresh_button = QPushButton(QCoreApplication.translate("TodayBoard", "&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.clock_label)
        head.addWidget(self.refresh_button)

        self.model = BoardModel(self)
        self.table = BoardTable(self)
        self.table.setObjectName("board_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.model.modelReset.connect(self.table.resizeColumnsToContents)  # not on every tick: it reads every row
        self.table.activated_row.connect(self.do_next)
        self.table.doubleClicked.connect(self._open_details)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.empty_label = QLabel(QCoreApplication.translate("TodayBoard", "No sessions today."), self)
        self.empty_label.setObjectName("board_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.panel = self._build_panel()
        splitter = QSplitter(self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty_label)
        # meeting details and replies due (issue 5), read by refresh() below
        self.due_list = DueListWidget(ctx, office, left, load=False)
        self.due_list.reservation_activated.connect(self.reservation_activated)
        left_layout.addWidget(self.due_list)
        splitter.addWidget(left)
        # the session's details and buttons scroll on a short screen (1366×768 at 150 %): the table keeps its rows
        self.panel_scroll = VerticalScrollArea(self.panel, splitter)
        self.panel_scroll.setObjectName("session_panel_scroll")
        splitter.addWidget(self.panel_scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setObjectName("board_timer")
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.refresh)
        # The first tick on the next full minute, then one a minute: the countdowns change exactly then.
        self._align = QTimer(self)  # a child: gone with the board
        self._align.setSingleShot(True)
        self._align.timeout.connect(self._first_tick)
        self._align.start(max(0, tick_ms - QTime.currentTime().msecsSinceStartOfDay() % tick_ms))
        hub.on((Topic.RESERVATIONS, Topic.CALLBACKS, Topic.MAIL, Topic.OFFICES), self.refresh, self)
        self.selection.reservation_changed.connect(self._selection_changed)
        self.refresh()

    def _first_tick(self) -> None:
        self.timer.start()
        self.refresh()

    # ------------------------------------------------------------ layout

    def _build_panel(self) -> QWidget:
        panel = QGroupBox(QCoreApplication.translate("TodayBoard", "Session"), self)
        panel.setObjectName("session_panel")
        self.detail_name = QLabel(panel)
        self.detail_name.setObjectName("detail_name")
        name_font = self.detail_name.font()
        name_font.setBold(True)
        self.detail_name.setFont(name_font)
        self.detail_time = QLabel(panel)
        self.detail_status = QLabel(panel)
        self.detail_phone = QLabel(panel)
        self.detail_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_timer = QLabel(panel)
        self.detail_timer.setObjectName("detail_timer")
        self.detail_timer.setWordWrap(True)
        self.detail_checks = QLabel(panel)
        self.detail_checks.setWordWrap(True)
        self.detail_warnings = QLabel(panel)
        self.detail_warnings.setObjectName("detail_warnings")
        self.detail_warnings.setWordWrap(True)
        self.detail_warnings.setStyleSheet(f"color: {WARN_COLOR}; font-weight: bold;")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("TodayBoard", "Name:"), self.detail_name)
        form.addRow(QCoreApplication.translate("TodayBoard", "Time:"), self.detail_time)
        form.addRow(QCoreApplication.translate("TodayBoard", "Status:"), self.detail_status)
        form.addRow(QCoreApplication.translate("TodayBoard", "Phone:"), self.detail_phone)
        form.addRow(QCoreApplication.translate("TodayBoard", "Timer:"), self.detail_timer)
        form.addRow(QCoreApplication.translate("TodayBoard", "Check-in:"), self.detail_checks)

        self.next_button = QPushButton(panel)
        self.next_button.setObjectName("next_action_button")
        next_font = self.next_button.font()
        next_font.setBold(True)
        self.next_button.setFont(next_font)
        self.next_button.setMinimumHeight(40)
        self.next_button.clicked.connect(self.do_next)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, action in enumerate(BUTTONS):
            text = {
                "callback": QCoreApplication.translate("TodayBoard", "Phone callback…"),
                "next-booking": QCoreApplication.translate("TodayBoard", "Next booking…"),
                "check-in": QCoreApplication.translate("TodayBoard", "Check in…"),
                "terminate": QCoreApplication.translate("TodayBoard", "Terminate…"),
                "contact": QCoreApplication.translate("TodayBoard", "Record contact…"),
                "undo-no-show": QCoreApplication.translate("TodayBoard", "Undo no-show…"),
            }.get(action) or action_label(action)
            button = QPushButton(text, panel)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.do_action(a))
            self.buttons[action] = button
            grid.addWidget(button, i // 2, i % 2)

        layout = QVBoxLayout(panel)
        layout.addLayout(form)
        layout.addWidget(self.detail_warnings)
        layout.addWidget(self.next_button)
        layout.addLayout(grid)
        layout.addStretch(1)
        return panel

    # ------------------------------------------------------------ view contract

    def set_office(self, code: str) -> None:
        self.office = code
        self.selection.set_office(code)  # a shared selection has done so already; a private one follows
        self.refresh()

    def refresh(self) -> None:
        """Read the day again (one query) and keep the selected session selected."""
        if not self.office:
            self.model.set_rows([])
            self._show_selected()
            return
        keep = self.selection.reservation_id
        now = self.ctx.clock.now()
        try:
            self.rows = session.today_board(self.office, now.date(), now)
        except ConsultDeskError as exc:  # a database outage: say so, keep the last rows
            self.clock_label.setText(exc.message)
            return
        self.model.set_rows(self.rows)
        self.due_list.set_office(self.office)
        self.title.setText(QCoreApplication.translate("TodayBoard", "Today — %1").replace("%1", fmt_date(now.date())))
        self.clock_label.setText(QCoreApplication.translate("TodayBoard", "As of %1").replace("%1", f"{now:%H:%M}"))
        self.empty_label.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif self.rows and keep is None:  # nothing selected anywhere: the first session with something to do
            self.select(self._first_open().id)
        elif self.table.currentIndex().isValid():  # the selection is elsewhere (calendar, search)
            self.table.selectionModel().clear()
        self._show_selected()

    def _first_open(self) -> BoardRow:
        return next((r for r in self.rows if r.next_action), self.rows[0])

    # ------------------------------------------------------------ selection

    def select(self, reservation_id: int) -> None:
        row = self.model.row_of(reservation_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _row_changed(self) -> None:
        """A row chosen here becomes the window's current reservation."""
        row = self.selected_row()
        if row is not None:
            self.selection.select(row.id, self.office)
        self._show_selected()

    def _selection_changed(self, reservation_id: int | None) -> None:
        """The current reservation changed elsewhere: select its row here, or none."""
        if reservation_id is not None and self.model.row_of(reservation_id) >= 0:
            if self.selected_id() != reservation_id:
                self.select(reservation_id)
        elif self.table.currentIndex().isValid():
            self.table.selectionModel().clear()
            self._show_selected()

    def selected_row(self) -> BoardRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def _show_selected(self) -> None:
        row = self.selected_row()
        self.panel.setEnabled(row is not None)
        if row is None:
            for label in (self.detail_name, self.detail_time, self.detail_status, self.detail_phone,
                          self.detail_timer, self.detail_checks, self.detail_warnings):
                label.clear()
            self.next_button.setText(QCoreApplication.translate("TodayBoard", "Nothing to do"))
            self.next_button.setEnabled(False)
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        self.detail_name.setText(row.name + (f"（{row.kana}）" if row.kana else ""))
        self.detail_time.setText(f"{fmt_time_span(row.start, row.end)}  {row.lane}")
        self.detail_status.setText(row.status_label)
        self.detail_phone.setText(row.phone)
        self.detail_timer.setText(self._timer_text(row))
        self.detail_checks.setText(self._checks_text(row))
        self.detail_warnings.setText("\n".join(session.warning_label(w) for w in row.warnings))
        if row.next_action:
            self.next_button.setText(QCoreApplication.translate("TodayBoard", "Next: %1").replace("%1", next_action_label(row.next_action)))
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText(QCoreApplication.translate("TodayBoard", "Nothing to do"))
            self.next_button.setEnabled(False)
        offered = set(row.actions)
        for action, button in self.buttons.items():
            if action == "callback":
                button.setEnabled(any(a in offered for a in CALLBACK_ACTIONS))
            elif action == "undo-no-show":
                button.setEnabled(action in offered and can(self.ctx, "undo_no_show"))
                button.setVisible(can(self.ctx, "undo_no_show"))
            else:
                button.setEnabled(action in offered)

    def _timer_text(self, row: BoardRow) -> str:
        timer = row.timer
        parts = [QCoreApplication.translate("TodayBoard", "Planned end %1").replace("%1", f"{timer.planned_end:%H:%M}")]
        if row.countdown_to in ("end", "start", "no_show", "due"):
            parts.append(countdown_text(row))
        if timer.late_minutes:
            parts.append(QCoreApplication.translate("TodayBoard", "started %1 min late").replace("%1", str(timer.late_minutes)))
        if timer.extendable:
            parts.append(QCoreApplication.translate("TodayBoard", "extendable to %1").replace("%1", f"{timer.max_end:%H:%M}"))
        return " / ".join(parts)

    def _checks_text(self, row: BoardRow) -> str:
        if row.connection_test is None:
            return "—"
        parts = [QCoreApplication.translate("TodayBoard", "connection test OK") if row.connection_test == "ok" else QCoreApplication.translate("TodayBoard", "connection test FAILED")]
        if row.identity_checked:
            parts.append(QCoreApplication.translate("TodayBoard", "face and name checked"))
        if row.companions_present is False:
            parts.append(QCoreApplication.translate("TodayBoard", "companions not as registered"))
        return join_list(parts) if parts else "—"

    # ------------------------------------------------------------ actions

    def _open_details(self, _index: QModelIndex) -> None:
        reservation_id = self.selected_id()
        if reservation_id is not None:
            self.reservation_activated.emit(reservation_id)

    def do_next(self) -> None:
        row = self.selected_row()
        if row is not None and row.next_action:
            self.do_action(row.next_action)

    def do_action(self, action: str) -> None:
        """Do one action on the selected session through the one action runner (the same dialogs,
        questions and confirmations as the reservation panel)."""
        row = self.selected_row()
        if row is None:
            return
        if action in CALLBACK_ACTIONS:
            action = "callback"
        result = run_action(self.ctx, row.id, action, self)
        if isinstance(result, QDialog):
            self.active_dialog = result
            result.finished.connect(lambda _r, d=result: self._dialog_closed(d))
        elif result is None:
            self.refresh()  # refused or not confirmed: show what the service sees now

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def act(self, reservation_id: int, action: str, options: ActOptions | None = None) -> bool:
        """Call the life-cycle service directly (no questions); a refusal is shown as its sentence."""
        try:
            res = lifecycle.act(self.ctx, reservation_id, action, options)
        except ConsultDeskError as exc:
            show_error(self, exc)
            self.refresh()
            return False
        follow_up(self.ctx, action, res)  # the platform meeting follows, in the background (issue 16)
        return True

    def open_callback(self, reservation_id: int) -> QDialog | None:
        """The callback panel of a session on a phone callback (one per session, brought to front)."""
        return open_callback_panel(self.ctx, reservation_id, self)
