"""Table models of the calendar: a month of days, a week of slots, a day of slots by seat.

Each model loads only its visible range through :mod:`consult_desk.schedule` (one query per
range) and keeps plain data; cells are painted by the delegates in ``calendar_views``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from consult_desk import schedule
from consult_desk.calendar import holiday_name, is_year_end_closure
from consult_desk.clock import jst_today
from consult_desk.context import Context
from consult_desk.schedule import Booked, DayPlan, MonthDay
from consult_desk.states import status_label
from consult_desk.ui.widgets.format import fmt_date, fmt_short, fmt_time_span, paren
from consult_desk.ui.widgets.style import STATUS_COLORS

ROLE_CELL = int(Qt.ItemDataRole.UserRole) + 1  # MonthDay (month) or Cell (week, day)
ROLE_RESERVATION = int(Qt.ItemDataRole.UserRole) + 2  # reservation id or None
ROLE_START = int(Qt.ItemDataRole.UserRole) + 3  # slot start (datetime) or None
ROLE_DATE = int(Qt.ItemDataRole.UserRole) + 4

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Entry:
    """One reservation line in a cell."""

    id: int
    name: str
    status: str
    label: str
    color: str
    older_terms: bool = False
    counsellor: str = ""


@dataclass
class Cell:
    """What one week or day cell shows; ``kind`` says how to paint it and what Enter does."""

    kind: str  # "reservation", "free", "blocked", "slot", "released", "event", "closed", "empty", "span"
    day: dt.date
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    entries: list[Entry] = field(default_factory=list)
    seats: int = 0
    free: int = 0
    bookable: bool = False
    reason: str | None = None
    rule: str | None = None  # the booking rule that blocks the slot (past, app_deadline, full...)
    event_id: int | None = None
    title: str = ""

    @property
    def reservation_id(self) -> int | None:
        return self.entries[0].id if self.entries else None


def _entry(row: Booked, current_terms: str) -> Entry:
    return Entry(
        id=row.id,
        name=row.name,
        status=row.status,
        label=status_label(row.status),
        color=STATUS_COLORS.get(row.status, "#ffffff"),
        older_terms=row.older_terms(current_terms),
        counsellor=row.counsellor,
    )


def _cell_text(cell: Cell, free_text: str) -> str:
    lines = [f"{e.name} {e.label}" for e in cell.entries]
    if cell.kind == "event":
        lines.insert(0, f"{cell.title} {cell.seats - cell.free}/{cell.seats}")
    if cell.kind in ("free", "slot") and cell.bookable and cell.free:
        lines.append(free_text)
    if cell.kind == "closed" and cell.reason:
        lines.append(cell.reason)
    return "\n".join(lines)


# ------------------------------------------------------------------ month


class MonthModel(QAbstractTableModel):
    """Six weeks from the Monday on or before the 1st; each cell one day."""

    ROWS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.days: list[MonthDay] = []
        self.month = jst_today().replace(day=1)
        self.today = jst_today()

    def load(self, ctx: Context, office: str, month: dt.date) -> None:
        first = month.replace(day=1)
        start = first - dt.timedelta(days=first.weekday())
        last = start + dt.timedelta(days=self.ROWS * 7 - 1)
        self.beginResetModel()
        self.month = first
        self.today = ctx.clock.today()
        if office:
            self.days = schedule.month_days(ctx, office, start, last)
        else:
            self.days = [
                MonthDay(
                    day=start + dt.timedelta(days=i),
                    seats=0,
                    booked=0,
                    closed=None,
                    holiday=holiday_name(start + dt.timedelta(days=i)),
                    year_end=is_year_end_closure(start + dt.timedelta(days=i)),
                    open_for_booking=False,
                )
                for i in range(self.ROWS * 7)
            ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.days else self.ROWS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.days else 7

    def day_at(self, index: Index) -> MonthDay | None:
        if not index.isValid():
            return None
        pos = index.row() * 7 + index.column()
        return self.days[pos] if 0 <= pos < len(self.days) else None

    def index_for(self, day: dt.date) -> QModelIndex:
        if not self.days:
            return QModelIndex()
        pos = (day - self.days[0].day).days
        if not 0 <= pos < len(self.days):
            return QModelIndex()
        return self.index(pos // 7, pos % 7)

    def in_month(self, day: dt.date) -> bool:
        return (day.year, day.month) == (self.month.year, self.month.month)

    def summary(self, md: MonthDay) -> str:
        """The cell's text (also its accessible text)."""
        if md.closed:
            return md.holiday or md.closed
        if md.day < self.today:
            return self.tr("Booked %1").replace("%1", str(md.booked))
        text = self.tr("Free %1 / %2").replace("%1", str(md.free)).replace("%2", str(md.seats))
        if not md.open_for_booking:
            text += " " + self.tr("(closed for booking)")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        md = self.day_at(index)
        if md is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{md.day.day}\n{self.summary(md)}"
        if role == ROLE_CELL:
            return md
        if role == ROLE_DATE:
            return md.day
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [fmt_date(md.day)]
            if md.holiday:
                parts.append(md.holiday)
            if md.closed and md.closed != md.holiday:
                parts.append(md.closed)
            if not md.closed:
                parts.append(self.tr("%1 of %2 seats booked").replace("%1", str(md.booked)).replace("%2", str(md.seats)))
            if md.day == self.today:
                parts.append(self.tr("Today"))
            return "\n".join(parts)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                     self.tr("Sun")]
            return names[section]
        if self.days:
            monday = self.days[section * 7].day
            return str(monday.isocalendar().week)
        return None


# ------------------------------------------------------------------ week and day


class _SlotModel(QAbstractTableModel):
    """Shared parts of the week and day timelines: a grid of :class:`Cell`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cells: list[list[Cell]] = []
        self.row_labels: list[str] = []
        self.column_labels: list[str] = []
        self.plans: list[DayPlan] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self.cells else len(self.cells[0])

    def cell(self, index: Index) -> Cell | None:
        if not index.isValid() or index.row() >= len(self.cells) or index.column() >= len(self.cells[index.row()]):
            return None
        return self.cells[index.row()][index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(cell, self.tr("Free"))
        if role == ROLE_CELL:
            return cell
        if role == ROLE_RESERVATION:
            return cell.reservation_id
        if role == ROLE_START:
            return cell.start
        if role == ROLE_DATE:
            return cell.day
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tooltip(cell)
        return None

    def tooltip(self, cell: Cell) -> str:
        parts = []
        if cell.start and cell.end:
            parts.append(f"{fmt_date(cell.day)} {fmt_time_span(cell.start, cell.end)}")
        if cell.kind == "event":
            parts.append(cell.title)
            parts.append(self.tr("%1 of %2 places taken").replace("%1", str(cell.seats - cell.free)).replace(
                "%2", str(cell.seats)))
        for e in cell.entries:
            line = f"#{e.id} {e.name}{paren(e.label)}"
            if e.counsellor:
                line += " " + self.tr("Counsellor: %1").replace("%1", e.counsellor)
            if e.older_terms:
                line += " " + self.tr("consent to older terms")
            parts.append(line)
        if cell.kind in ("free", "slot") and cell.bookable and cell.free:
            parts.append(self.tr("Free: Enter books this slot"))
        if cell.reason and not cell.bookable:
            parts.append(cell.reason)
        return "\n".join(parts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self.column_labels if orientation == Qt.Orientation.Horizontal else self.row_labels
        return labels[section] if 0 <= section < len(labels) else None

    def find_reservation(self, reservation_id: int) -> QModelIndex:
        for r, row in enumerate(self.cells):
            for c, cell in enumerate(row):
                if any(e.id == reservation_id for e in cell.entries):
                    return self.index(r, c)
        return QModelIndex()


class WeekModel(_SlotModel):
    """Columns are the days of the week (Monday to Friday, plus a weekend day with hours); rows the slot times."""

    def load(self, ctx: Context, office: str, day: dt.date) -> None:
        monday = day - dt.timedelta(days=day.weekday())
        self.beginResetModel()
        self.cells, self.row_labels, self.column_labels, self.plans = [], [], [], []
        if office:
            plans = schedule.plan(ctx, office, monday, monday + dt.timedelta(days=6))
            self.plans = [p for p in plans if p.day.weekday() < 5 or p.slots or p.reservations]
            times = sorted({s.time() for p in self.plans for s in p.starts()})
            for p in self.plans:
                header = fmt_short(p.day)
                if p.holiday or p.closed:
                    header += "\n" + (p.holiday or p.closed or "")
                self.column_labels.append(header)
            self.row_labels = [t.strftime("%H:%M") for t in times]
            for t in times:
                self.cells.append([self._cell(p, dt.datetime.combine(p.day, t)) for p in self.plans])
        self.endResetModel()

    @staticmethod
    def _cell(plan: DayPlan, start: dt.datetime) -> Cell:
        if plan.closed:
            return Cell("closed", plan.day, start=start, reason=plan.closed)
        slot = plan.slot(start)
        holders = [r for r in plan.in_slot(start) if r.holds_seat]
        if slot is None and not holders:
            return Cell("empty", plan.day, start=start)
        end = slot.end if slot else holders[0].end
        return Cell(
            "slot",
            plan.day,
            start=start,
            end=end,
            entries=[_entry(r, plan.terms_version) for r in holders],
            seats=slot.seats if slot else plan.seats,
            free=max(0, slot.seats - slot.booked) if slot else 0,
            bookable=bool(slot and slot.bookable),
            reason=slot.reason if slot else None,
            rule=slot.rule if slot else None,
        )

    def column_for(self, day: dt.date) -> int:
        return next((i for i, p in enumerate(self.plans) if p.day == day), -1)


class DayModel(_SlotModel):
    """One day: a row per slot (and per group event), a column per seat, and one for cancelled or moved bookings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: DayPlan | None = None
        self.spans: list[tuple[int, int]] = []  # (row, columns) of event rows spanning the seat columns

    def load(self, ctx: Context, office: str, day: dt.date) -> None:
        self.beginResetModel()
        self.cells, self.row_labels, self.column_labels, self.spans = [], [], [], []
        self.plan = schedule.day_plan(ctx, office, day) if office else None
        if self.plan is not None:
            self._fill(self.plan)
        self.endResetModel()

    def _fill(self, plan: DayPlan) -> None:
        starts = plan.starts()
        holders = {s: [r for r in plan.in_slot(s) if r.holds_seat] for s in starts}
        seats = max([plan.seats, 1, *(len(h) for h in holders.values())])
        self.column_labels = [self.tr("Seat %1").replace("%1", str(n + 1)) for n in range(seats)]
        self.column_labels.append(self.tr("Cancelled / moved"))
        rows: list[tuple[dt.datetime, list[Cell], str]] = []
        for event in plan.events:
            cells = [
                Cell(
                    "event",
                    plan.day,
                    start=event.start,
                    end=event.end,
                    seats=event.capacity,
                    free=max(0, event.capacity - event.booked),
                    bookable=event.bookable,
                    reason=event.reason,
                    event_id=event.id,
                    title=event.title,
                )
            ]
            cells += [Cell("span", plan.day, start=event.start) for _ in range(seats)]
            rows.append((event.start, cells, fmt_time_span(event.start, event.end)))
        for start in starts:
            slot = plan.slot(start)
            columns: list[Booked | None] = [None] * seats
            rest = []
            for r in holders[start]:
                if r.seat_no and 1 <= r.seat_no <= seats and columns[r.seat_no - 1] is None:
                    columns[r.seat_no - 1] = r
                else:
                    rest.append(r)
            for r in rest:
                columns[columns.index(None)] = r
            end = slot.end if slot else (holders[start][0].end if holders[start] else start)
            cells = []
            for holder in columns:
                if holder is not None:
                    cells.append(
                        Cell("reservation", plan.day, start=start, end=end, entries=[_entry(holder, plan.terms_version)])
                    )
                elif slot is not None and slot.bookable:
                    cells.append(Cell("free", plan.day, start=start, end=end, seats=slot.seats, free=1, bookable=True))
                else:
                    reason = slot.reason if slot else None
                    rule = slot.rule if slot else None
                    cells.append(Cell("blocked", plan.day, start=start, end=end, reason=reason, rule=rule))
            released = [_entry(r, plan.terms_version) for r in reversed(plan.released(start))]
            cells.append(Cell("released", plan.day, start=start, end=end, entries=released))
            rows.append((start, cells, fmt_time_span(start, end)))
        rows.sort(key=lambda row: (row[0], row[1][0].kind != "event"))
        for number, (_start, cells, label) in enumerate(rows):
            self.cells.append(cells)
            self.row_labels.append(label)
            if cells[0].kind == "event":
                self.spans.append((number, seats))

