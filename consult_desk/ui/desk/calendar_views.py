"""The calendar tab: a month of days, a week of slots, a day timeline by seat; keyboard first.

Keys (while the calendar has the focus): arrows move, PgUp/PgDn go to the previous/next month
(week, day), ``T`` jumps to today, Enter or a double-click on a free slot asks for a booking,
on a reservation opens it, on a day of the month opens its timeline; Esc goes back to the month.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import schedule
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.schedule import MonthDay
from consult_desk.ui.desk.calendar_models import ROLE_CELL, Cell, DayModel, MonthModel, WeekModel
from consult_desk.ui.shell import hub
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.flow_layout import FlowLayout
from consult_desk.ui.widgets.format import fmt_date, fmt_month, paren

MODES = ("month", "week", "day")


def _elide(painter: QPainter, text: str, width: int) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))


def _small(font: QFont, factor: float = 0.85) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(6.0, size * factor))
    return small


class MonthDelegate(QStyledItemDelegate):
    """A day: its number (red on Sundays and holidays, blue on Saturdays), holiday name, free seats."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        md: MonthDay | None = index.data(ROLE_CELL)
        model = index.model()
        if md is None or not isinstance(model, MonthModel):
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        in_month = model.in_month(md.day)
        is_today = md.day == model.today
        full = bool(md.seats) and md.free == 0
        if md.year_end:
            background = style.YEAR_END
        elif md.closed:
            background = style.CLOSED
        elif full:
            background = "#ffebee"
        else:
            background = style.FREE
        painter.fillRect(rect, QColor(background))
        if md.year_end:
            painter.fillRect(rect, QBrush(QColor("#a1887f"), Qt.BrushStyle.BDiagPattern))

        text_color = option.palette.color(QPalette.ColorRole.Text)
        if md.day.weekday() == 6 or md.holiday:
            number_color = QColor(style.SUNDAY)
        elif md.day.weekday() == 5:
            number_color = QColor(style.SATURDAY)
        else:
            number_color = text_color
        inner = rect.adjusted(6, 3, -6, -3)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(number_color)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), str(md.day.day))
        number_width = painter.fontMetrics().horizontalAdvance("00") + 6
        line = painter.fontMetrics().height()

        small = _small(option.font)
        painter.setFont(small)
        label = md.holiday or (md.closed if md.closed and md.day.weekday() < 5 else "")
        if is_today:
            label = (self.tr("Today") + " " + label).strip()
        if label:
            painter.setPen(QColor(style.TODAY) if is_today and not md.holiday else number_color)
            head = QRect(inner.left() + number_width, inner.top(), inner.width() - number_width, line)
            painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             _elide(painter, label, head.width()))

        body = QRect(inner.left(), inner.top() + line + 2, inner.width(), inner.height() - line - 2)
        if not md.closed:
            lines: list[tuple[str, QColor]] = []
            if md.day < model.today:
                lines.append((self.tr("Booked %1").replace("%1", str(md.booked)), QColor("#616161")))
            else:
                free_text = self.tr("Free %1 / %2").replace("%1", str(md.free)).replace("%2", str(md.seats))
                lines.append((free_text, QColor(style.FREE_MARK) if md.free else QColor(style.ERROR)))
                if not md.open_for_booking:
                    lines.append((self.tr("Closed for booking"), QColor("#616161")))
            big = QFont(option.font)
            painter.setFont(big)
            y = body.top()
            for text, color in lines:
                painter.setPen(color)
                painter.drawText(QRect(body.left(), y, body.width(), painter.fontMetrics().height()),
                                 int(Qt.AlignmentFlag.AlignLeft), _elide(painter, text, body.width()))
                y += painter.fontMetrics().height()
                painter.setFont(small)

        if not in_month:
            painter.fillRect(rect, QColor(255, 255, 255, 150))
        if is_today:
            painter.setPen(QPen(QColor(style.TODAY), 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if option.state & QStyle.StateFlag.State_Selected:
            highlight = option.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 3 if option.state & QStyle.StateFlag.State_HasFocus else 2))
            painter.drawRect(rect.adjusted(3, 3, -4, -4))
        painter.restore()


class SlotDelegate(QStyledItemDelegate):
    """A slot of the week or day timeline, coloured by the status of the reservations in it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        cell: Cell | None = index.data(ROLE_CELL)
        if cell is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        inner = rect.adjusted(6, 3, -6, -3)
        small = _small(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        grey = QColor("#616161")
        fm_height = painter.fontMetrics().height()

        def text_line(y: int, text: str, color: QColor, font: QFont, strike: bool = False) -> int:
            font = QFont(font)
            font.setStrikeOut(strike)
            painter.setFont(font)
            painter.setPen(color)
            height = painter.fontMetrics().height()
            if y + height <= inner.bottom() + 2:
                painter.drawText(QRect(inner.left(), y, inner.width(), height), int(Qt.AlignmentFlag.AlignLeft),
                                 _elide(painter, text, inner.width()))
            return y + height

        kind = cell.kind
        if kind == "reservation" and cell.entries:
            entry = cell.entries[0]
            color = QColor(entry.color)
            painter.fillRect(rect, color)
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), color.darker(140))
            y = text_line(inner.top(), entry.name, QColor("#000000"), bold)
            status = entry.label + (f"  {entry.counsellor}" if entry.counsellor else "")
            y = text_line(y, status, QColor("#212121"), small)
            if entry.older_terms:
                text_line(y, self.tr("Consent to older terms"), QColor(style.ERROR), small)
        elif kind == "free":
            painter.fillRect(rect, QColor(style.FREE))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(style.FREE_MARK))
            text_line(inner.top(), self.tr("Free"), QColor(style.FREE_MARK), bold)
        elif kind == "blocked":
            painter.fillRect(rect, QColor(style.BLOCKED))
            if cell.rule == "app_deadline":
                text_line(inner.top(), self.tr("Closed for booking"), grey, small)
        elif kind == "slot":
            painter.fillRect(rect, QColor(style.FREE if cell.bookable else style.BLOCKED))
            y = inner.top()
            for entry in cell.entries:
                painter.fillRect(QRect(inner.left(), y + 3, 8, fm_height - 6), QColor(entry.color).darker(115))
                painter.setFont(option.font)
                painter.setPen(QColor("#000000"))
                height = painter.fontMetrics().height()
                if y + height <= inner.bottom() + 2:
                    painter.drawText(QRect(inner.left() + 12, y, inner.width() - 12, height),
                                     int(Qt.AlignmentFlag.AlignLeft),
                                     _elide(painter, f"{entry.name}{paren(entry.label)}", inner.width() - 12))
                y += height
            if cell.bookable and cell.free:
                free = self.tr("Free %1 / %2").replace("%1", str(cell.free)).replace("%2", str(cell.seats))
                text_line(y, free, QColor(style.FREE_MARK), bold)
            elif cell.free and cell.rule == "app_deadline":
                text_line(y, self.tr("Closed for booking"), grey, small)
        elif kind == "released":
            painter.fillRect(rect, QColor("#fafafa"))
            y = inner.top()
            for entry in cell.entries:
                y = text_line(y, f"{entry.name}{paren(entry.label)}", grey, small, strike=True)
        elif kind == "event":
            painter.fillRect(rect, QColor("#e1bee7" if cell.bookable else "#eeeeee"))
            taken = cell.seats - cell.free
            text = f"{cell.title}  {taken}/{cell.seats}"
            y = text_line(inner.top(), text, QColor("#000000"), bold)
            note = self.tr("Free: Enter books a place") if cell.bookable else (cell.reason or "")
            text_line(y, note, grey, small)
        elif kind == "closed":
            painter.fillRect(rect, QColor(style.CLOSED))
            if index.row() == 0 and cell.reason:
                text_line(inner.top(), cell.reason, grey, small)
        elif kind == "empty":
            painter.fillRect(rect, QBrush(QColor("#e0e0e0"), Qt.BrushStyle.Dense6Pattern))

        if option.state & QStyle.StateFlag.State_Selected:
            highlight = option.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 3 if option.state & QStyle.StateFlag.State_HasFocus else 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class CalendarTable(QTableView):
    """A table that reports Enter, double-click and Esc; one cell at a time is current."""

    entered = Signal(QModelIndex)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.doubleClicked.connect(self.entered)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.entered.emit(index)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class MonthTable(CalendarTable):
    """Arrows move by day and week, across month ends (the calendar loads the next month)."""

    day_step = Signal(int)
    STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        step = self.STEPS.get(Qt.Key(event.key()))
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.day_step.emit(step)
            event.accept()
            return
        super().keyPressEvent(event)


class StatusLegend(QWidget):
    """What the colours mean: coloured chips that wrap to the next line (no minimum width of their own)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_legend")
        flow = FlowLayout(self, spacing=6)
        entries = [(style.FREE, self.tr("Free")), (style.BLOCKED, self.tr("Not bookable now")),
                   *style.legend_entries()]
        for number, (color, text) in enumerate(entries):
            chip = QLabel(text, self)
            chip.setObjectName("legend_chip")
            ink = f"color:{style.FREE_MARK}; font-weight:bold;" if number == 0 else ""
            chip.setStyleSheet(f"background:{color}; border:1px solid #9e9e9e; padding:1px 6px; {ink}")
            flow.addWidget(chip)
        self.entries = [text for _color, text in entries]


class CalendarView(QWidget):
    """The calendar tab. Emits what Enter asks for; the main window opens dialogs and the panel."""

    reservation_activated = Signal(int)
    booking_requested = Signal(object, object)  # slot start (datetime or None), event id (or None)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_view")
        self.ctx = ctx
        hub.on((Topic.RESERVATIONS, Topic.CALLBACKS, Topic.OFFICES), self.refresh, self)  # what this view shows changed (shell/hub.py)
        self.office = ""
        self.mode = "month"
        self.current = ctx.clock.today()
        self._loaded: dict[str, tuple[str, dt.date] | None] = {m: None for m in MODES}

        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.title = QLabel(self)
        self.title.setObjectName("calendar_title")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(max(10.0, title_font.pointSizeF() * 1.3))
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.mode_buttons: dict[str, QToolButton] = {}
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.title, 1)
        for mode, text in (("month", self.tr("Month")), ("week", self.tr("Week")), ("day", self.tr("Day"))):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setObjectName(f"mode_{mode}")
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            nav.addWidget(button)

        self.month_model = MonthModel(self)
        self.month_view = MonthTable(self)
        self.month_view.setObjectName("month_view")
        self.month_view.setModel(self.month_model)
        self.month_view.setItemDelegate(MonthDelegate(self.month_view))
        self.month_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setVisible(False)
        self.month_view.day_step.connect(self.step_days)

        self.week_model = WeekModel(self)
        self.week_view = CalendarTable(self)
        self.week_view.setObjectName("week_view")
        self.week_view.setModel(self.week_model)
        self.week_view.setItemDelegate(SlotDelegate(self.week_view))
        self.week_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week_view.verticalHeader().setDefaultSectionSize(64)

        self.day_model = DayModel(self)
        self.day_view = CalendarTable(self)
        self.day_view.setObjectName("day_view")
        self.day_view.setModel(self.day_model)
        self.day_view.setItemDelegate(SlotDelegate(self.day_view))
        self.day_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day_view.verticalHeader().setDefaultSectionSize(48)

        self.views = {"month": self.month_view, "week": self.week_view, "day": self.day_view}
        self.stack = QStackedWidget(self)
        for view in self.views.values():
            self.stack.addWidget(view)
            view.entered.connect(self._entered)
        self.week_view.escaped.connect(lambda: self.set_mode("month"))
        self.day_view.escaped.connect(lambda: self.set_mode("month"))
        self.month_view.selectionModel().currentChanged.connect(self._month_current_changed)
        self.week_view.selectionModel().currentChanged.connect(self._week_current_changed)

        self.legend = StatusLegend(self)
        self.message = QLabel(self)
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color:{style.ERROR};")

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.legend)

        self.today_action = self._action(self.tr("Go to today"), "T", self.go_today)
        self.prev_action = self._action(self.tr("Previous month / week / day"), QKeySequence.StandardKey.MoveToPreviousPage,
                                        lambda: self.step_period(-1))
        self.next_action = self._action(self.tr("Next month / week / day"), QKeySequence.StandardKey.MoveToNextPage,
                                        lambda: self.step_period(1))
        self.prev_button.clicked.connect(self.prev_action.trigger)
        self.next_button.clicked.connect(self.next_action.trigger)
        self.today_button.clicked.connect(self.today_action.trigger)
        self.prev_button.setToolTip(self.prev_action.text() + " (PgUp)")
        self.next_button.setToolTip(self.next_action.text() + " (PgDown)")
        self.today_button.setToolTip(self.today_action.text() + " (T)")
        self.mode_actions = {
            "month": self._action(self.tr("Month view"), "Ctrl+1", lambda: self.set_mode("month")),
            "week": self._action(self.tr("Week view"), "Ctrl+2", lambda: self.set_mode("week")),
            "day": self._action(self.tr("Day timeline"), "Ctrl+3", lambda: self.set_mode("day")),
        }
        self._apply_mode()

    def _action(self, text: str, key: QKeySequence.StandardKey | str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -------------------------------------------------------------- view protocol

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> None:
        """Reload the visible range only (the other modes reload when shown)."""
        self._loaded = {m: None for m in MODES}
        self._load(keep_position=True)

    def current_view(self) -> CalendarTable:
        return self.views[self.mode]

    # -------------------------------------------------------------- navigation

    def _key(self, mode: str) -> dt.date:
        if mode == "month":
            return self.current.replace(day=1)
        if mode == "week":
            return self.current - dt.timedelta(days=self.current.weekday())
        return self.current

    def _load(self, keep_position: bool = False) -> None:
        view = self.current_view()
        old = view.currentIndex()
        key = (self.office, self._key(self.mode))
        if self._loaded[self.mode] != key:
            if self.mode == "month":
                self.month_model.load(self.ctx, self.office, self.current)
            elif self.mode == "week":
                self.week_model.load(self.ctx, self.office, self.current)
            else:
                self.day_model.load(self.ctx, self.office, self.current)
                self.day_view.clearSpans()
                for row, columns in self.day_model.spans:
                    self.day_view.setSpan(row, 0, 1, columns)
            self._loaded[self.mode] = key
        self._select_current(old if keep_position else None)
        self._update_title()

    def _select_current(self, old: QModelIndex | None = None) -> None:
        view = self.current_view()
        if self.mode == "month":
            index = self.month_model.index_for(self.current)
        elif self.mode == "week":
            column = self.week_model.column_for(self.current)
            row = old.row() if old is not None and old.isValid() else self._first_free_row(self.week_model, column)
            index = self.week_model.index(min(row, self.week_model.rowCount() - 1), max(column, 0))
        else:
            row = old.row() if old is not None and old.isValid() else -1
            column = old.column() if old is not None and old.isValid() else 0
            if row < 0:
                row = self._first_free_row(self.day_model, -1)
            index = self.day_model.index(min(row, self.day_model.rowCount() - 1), column)
        if index.isValid():
            view.setCurrentIndex(index)
            view.scrollTo(index)

    @staticmethod
    def _first_free_row(model: WeekModel | DayModel, column: int) -> int:
        """The first row with a bookable slot (in ``column``, or any column), else the first row."""
        for r, row in enumerate(model.cells):
            cells = row if column < 0 else row[column : column + 1]
            if any(c.bookable for c in cells):
                return r
        return 0

    def go_to(self, day: dt.date) -> None:
        self.current = day
        self.message.clear()
        self._load()

    def go_today(self) -> None:
        self.go_to(self.ctx.clock.today())

    def step_days(self, days: int) -> None:
        self.go_to(self.current + dt.timedelta(days=days))

    def step_period(self, n: int) -> None:
        if self.mode == "month":
            month = self.current.month - 1 + n
            year = self.current.year + month // 12
            month = month % 12 + 1
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            self.go_to(dt.date(year, month, min(self.current.day, last)))
        elif self.mode == "week":
            self.step_days(7 * n)
        else:
            self.step_days(n)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            return
        self.mode = mode
        self.message.clear()
        self._apply_mode()

    def _apply_mode(self) -> None:
        self.stack.setCurrentWidget(self.current_view())
        self.mode_buttons[self.mode].setChecked(True)
        self.legend.setVisible(self.mode != "month")
        self._load()
        self.current_view().setFocus()

    def _update_title(self) -> None:
        if self.mode == "month":
            text = fmt_month(self.current)
        elif self.mode == "week":
            days = [p.day for p in self.week_model.plans] or [self._key("week")]
            text = f"{fmt_date(days[0])} – {fmt_date(days[-1])}"
        else:
            text = fmt_date(self.current)
            plan = self.day_model.plan
            if plan is not None and plan.closed:
                text += "  " + self.tr("Closed: %1").replace("%1", plan.closed)
        self.title.setText(text)

    def _month_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        md = self.month_model.day_at(current)
        if md is None or md.day == self.current:
            return
        self.current = md.day
        if not self.month_model.in_month(md.day):
            QTimer.singleShot(0, lambda: self.go_to(md.day))

    def _week_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.week_model.cell(current)
        if cell is not None:
            self.current = cell.day

    # -------------------------------------------------------------- Enter

    def _entered(self, index: QModelIndex) -> None:
        self.message.clear()
        if self.mode == "month":
            md = self.month_model.day_at(index)
            if md is not None:
                self.current = md.day
                self.set_mode("day")
            return
        model = self.week_model if self.mode == "week" else self.day_model
        cell = model.cell(index)
        if cell is None:
            return
        if cell.kind == "event":
            if cell.bookable:
                self.booking_requested.emit(None, cell.event_id)
            else:
                self.message.setText(cell.reason or "")
        elif cell.kind in ("free", "slot") and cell.bookable and cell.free:
            self.booking_requested.emit(cell.start, None)
        elif cell.entries:
            self.reservation_activated.emit(cell.entries[0].id)
        elif cell.kind == "closed":
            self.message.setText(self.tr("Closed: %1").replace("%1", cell.reason or ""))
        elif cell.reason:
            self.message.setText(cell.reason)
        elif cell.kind == "empty":
            self.message.setText(self.tr("No consultations at this time"))

    def booking_target(self) -> tuple[dt.datetime | None, int | None]:
        """What Ctrl+N books: the selected free slot or event, else the selected day's first free slot."""
        if self.mode != "month":
            model = self.week_model if self.mode == "week" else self.day_model
            cell = model.cell(self.current_view().currentIndex())
            if cell is not None and cell.kind == "event" and cell.bookable:
                return None, cell.event_id
            if cell is not None and cell.kind in ("free", "slot") and cell.bookable and cell.free:
                return cell.start, None
        if not self.office:
            return None, None
        start = schedule.first_bookable(self.ctx, self.office, self.current, days=92)  # else the next days
        return start or dt.datetime.combine(self.current, dt.time.min), None

    def reveal(self, reservation_id: int, day: dt.date) -> None:
        """Show the day of a reservation opened elsewhere (search), with its cell selected."""
        self.go_to(day)
        if self.mode != "month":
            model = self.week_model if self.mode == "week" else self.day_model
            index = model.find_reservation(reservation_id)
            if index.isValid():
                self.current_view().setCurrentIndex(index)
                self.current_view().scrollTo(index)
