"""Reports for supervisors: a day's or a month's statistics as a table and a simple bar chart,
exported as CSV for Excel; reservations of the period with chosen columns (personal data only for
the roles allowed). The chart is drawn with QPainter (no QtCharts in PySide6-Essentials)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import export, reports
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, language
from consult_desk.export import ExportResult
from consult_desk.permissions import can
from consult_desk.reports import Group, Statistics
from consult_desk.states import Status, status_label
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.ops import Op, run_op
from consult_desk.ui.widgets.file_dialogs import save_file_name
from consult_desk.ui.widgets.flow_layout import FlowLayout
from consult_desk.ui.widgets.format import fmt_date, fmt_month, join_list, setup_date_edit
from consult_desk.ui.widgets.messages import show_error
from consult_desk.ui.widgets.rows_model import RowsTableModel
from consult_desk.ui.widgets.style import STATUS_COLORS

Index = QModelIndex | QPersistentModelIndex
ENCODINGS = (("utf-8-sig", "UTF-8 (BOM)"), ("cp932", "Shift_JIS (CP932)"))


class StatisticsModel(RowsTableModel[tuple[str, Group]]):
    """One row per group (total, offices, counsellors or seats, platforms, days), one column per count."""

    FIELDS = ("applications", "sessions", "completed", "completed_by_phone", "cancelled", "cancelled_same_day",
              "no_shows", "connection_failures", "average_minutes")

    def set_statistics(self, stats: Statistics | None) -> None:
        self.beginResetModel()
        self.rows = []
        if stats is not None:
            sections = [
                (self.tr("Total"), [stats.total]),
                (self.tr("Office"), stats.by_office),
                (self.tr("Counsellor"), stats.by_counsellor),
                (self.tr("Platform"), stats.by_platform),
                (self.tr("Day"), stats.by_day if stats.start != stats.end else []),
            ]
            self.rows = [(section, g) for section, groups in sections for g in groups]
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Group"), self.tr("Item"), self.tr("Applications"), self.tr("Sessions"), self.tr("Completed"),
                self.tr("By phone"), self.tr("Cancelled"), self.tr("Same day"), self.tr("No-shows"),
                self.tr("Connection failures"), self.tr("Average minutes")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section, group = self.row(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return section
            if col == 1:
                if group.basis == "seat":
                    return self.tr("%1 (no counsellor assigned)").replace("%1", group.label)
                return group.label
            value = getattr(group, self.FIELDS[col - 2])
            return "" if value is None else (f"{value:.1f}" if isinstance(value, float) else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and group.key == "total":
            font = QFont()
            font.setBold(True)
            return font
        return None


class BarChart(QWidget):
    """Horizontal bars with their labels and values; nothing more is needed at a desk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar_chart")
        self.title = ""
        self.bars: list[tuple[str, float, str]] = []
        self.setMinimumHeight(160)

    def set_bars(self, title: str, bars: list[tuple[str, float, str]]) -> None:
        self.title = title
        self.bars = bars
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 40 + 22 * max(1, len(self.bars)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#000000"))
        painter.drawText(8, 4 + metrics.ascent(), self.title)
        if not self.bars:
            painter.drawText(8, 30 + metrics.ascent(), self.tr("No data for this period"))
            painter.end()
            return
        label_w = min(self.width() // 3, max(metrics.horizontalAdvance(label) for label, _, _ in self.bars) + 12)
        top = 12 + metrics.height()
        row_h = max(16, min(26, (self.height() - top - 6) // len(self.bars)))
        biggest = max(v for _, v, _ in self.bars) or 1
        room = max(10, self.width() - label_w - 60)
        for i, (label, value, color) in enumerate(self.bars):
            y = top + i * row_h
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(4, y, label_w - 8, row_h), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             label)
            width = room * value / biggest
            painter.fillRect(QRectF(label_w, y + 3, width, row_h - 6), QColor(color))
            painter.setPen(QColor("#555555"))
            painter.drawRect(QRectF(label_w, y + 3, width, row_h - 6))
            text = f"{value:g}"
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(label_w + width + 4, y, 56, row_h), int(Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class ColumnsDialog(QDialog):
    """Which columns of the reservations CSV; personal-data columns only for roles allowed."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns of the reservations CSV"))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("columns")
        allowed = can(ctx, "export_pii")
        personal = export.PII_COLUMNS | {"name", "kana"}
        for key, header in export.COLUMNS:
            item = QListWidgetItem(header)
            item.setData(Qt.ItemDataRole.UserRole, key)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if key in personal and not allowed:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked if key in personal and not allowed else Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        self.mask_box = QCheckBox(self.tr("&Mask phone, e-mail, address and job-seeker number"), self)
        self.mask_box.setChecked(not allowed)
        self.mask_box.setEnabled(allowed)
        layout.addWidget(self.mask_box)
        if not allowed:
            note = QLabel(self.tr("Personal data can be exported by supervisors only."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def columns(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked]


class ReportsView(QWidget):
    """Tab: period, office or all, statistics table and chart, CSV exports. Built with ``office``, the
    statistics are read once, for that office (not for every office and then again)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None, office: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.ctx = ctx
        hub.on((Topic.RESERVATIONS, Topic.OFFICES), self.refresh, self)  # what this view shows changed (shell/hub.py)
        self.office = office
        self.stats: Statistics | None = None
        layout = QVBoxLayout(self)
        bar = FlowLayout(spacing=6)  # wraps on a narrow window (1366×768 with the panel and dock)
        self.period = QComboBox(self)
        self.period.setObjectName("period")
        self.period.addItem(self.tr("Month"), "month")
        self.period.addItem(self.tr("Day"), "day")
        today = ctx.clock.today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("report_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.all_offices = QCheckBox(self.tr("&All offices"), self)
        self.chart_kind = QComboBox(self)
        self.chart_kind.setObjectName("chart_kind")
        self.chart_kind.addItem(self.tr("Chart: by status"), "status")
        self.chart_kind.addItem(self.tr("Chart: sessions by day"), "day")
        self.chart_kind.addItem(self.tr("Chart: by counsellor"), "counsellor")
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("encoding")
        for value, text in ENCODINGS:
            self.encoding.addItem(text, value)
        self.stats_button = QPushButton(self.tr("Statistics &CSV…"), self)
        self.stats_button.clicked.connect(lambda: self.export_statistics())
        self.rows_button = QPushButton(self.tr("&Reservations CSV…"), self)
        self.rows_button.clicked.connect(lambda: self.export_reservations())
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.period)
        for w in (period_label, self.period, self.date_edit, self.all_offices, self.chart_kind):
            bar.addWidget(w)
        bar.addWidget(QLabel(self.tr("Encoding:"), self))
        for w in (self.encoding, self.stats_button, self.rows_button):
            bar.addWidget(w)
        bar_widget = QWidget(self)
        bar_widget.setLayout(bar)
        layout.addWidget(bar_widget)
        self.caption = QLabel(self)
        self.caption.setObjectName("report_caption")
        self.caption.setWordWrap(True)  # the counting rule's sentence wraps on a narrow window
        layout.addWidget(self.caption)
        self.model = StatisticsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("statistics_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.all_offices.toggled.connect(lambda _on: self.refresh())
        self.chart_kind.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self._period_changed()

    # -------------------------------------------------------------- period and data

    def monthly(self) -> bool:
        return self.period.currentData() == "month"

    def _period_changed(self, _index: int = 0) -> None:
        setup_date_edit(self.date_edit)  # the desk's one date style; a month without its day
        if self.monthly():
            self.date_edit.setDisplayFormat("MMM yyyy" if language() == "en" else "yyyy年M月")
        self.refresh()

    def span(self) -> tuple[dt.date, dt.date]:
        d = self.date_edit.date()
        day = dt.date(d.year(), d.month(), d.day())
        if self.monthly():
            return reports.parse_month(f"{day:%Y-%m}")
        return day, day

    def scope(self) -> str | None:
        return None if self.all_offices.isChecked() else (self.office or None)

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> Op[Statistics]:
        """Count the period off the window's thread (``self.op``); the newest request wins."""
        start, end = self.span()
        ctx, scope = self.ctx, self.scope()
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation

        def counted(stats: Statistics) -> None:
            if generation == self._generation:
                self._show_statistics(stats, start)

        def failed(exc: ConsultDeskError) -> None:
            if generation != self._generation:
                return
            self.stats = None
            self.caption.setText(exc.message)
            self.model.set_statistics(None)
            self.chart.set_bars("", [])

        self.op = run_op(self, lambda: reports.statistics(ctx, start, end, scope), counted, failure=failed,
                         label=self.tr("Counting"))
        return self.op

    def _show_statistics(self, stats: Statistics, start: dt.date) -> None:
        self.stats = stats
        period = fmt_month(start) if self.monthly() else fmt_date(start)  # the desk's one date style
        self.caption.setText(
            self.tr("%1: applications are counted by the day they came in, everything else by the session's day.")
            .replace("%1", period)
        )
        self.model.set_statistics(self.stats)
        self._draw_chart()

    def _draw_chart(self) -> None:
        stats = self.stats
        if stats is None:
            self.chart.set_bars("", [])
            return
        kind = self.chart_kind.currentData()
        if kind == "day":
            bars = [(g.key[5:], float(g.sessions), "#90caf9") for g in stats.by_day if g.sessions]
            self.chart.set_bars(self.tr("Sessions by day"), bars)
        elif kind == "counsellor":
            bars = [(g.label, float(g.sessions), "#a5d6a7") for g in stats.by_counsellor]
            self.chart.set_bars(self.tr("Sessions by counsellor or seat"), bars)
        else:
            order = [s.value for s in Status]
            counts = stats.total.by_status
            bars = [(status_label(s), float(counts[s]), STATUS_COLORS.get(s, "#cccccc")) for s in order if counts.get(s)]
            self.chart.set_bars(self.tr("Sessions by status"), bars)

    # -------------------------------------------------------------- exports

    def _report_export(self, result: ExportResult) -> None:
        text = self.tr("%1 rows written to %2.").replace("%1", str(result.rows)).replace("%2", str(result.path))
        if result.unencodable:
            chars = join_list(sorted({f"{p['char']} ({p['codepoint']})" for p in result.unencodable}))
            text += "\n" + self.tr("Shift_JIS cannot hold these characters; they were written as 〓: %1").replace("%1", chars)
            QMessageBox.warning(self, self.tr("CSV export"), text)
        else:
            QMessageBox.information(self, self.tr("CSV export"), text)

    def _ask_path(self, suggestion: str) -> Path | None:
        chosen = save_file_name(self, self.tr("Export CSV"), suggestion, "CSV (*.csv)")
        return Path(chosen) if chosen else None

    def _export(self, write: Callable[[], ExportResult]) -> Op[ExportResult]:
        """Write the CSV off the window's thread; the result is reported when it is done."""
        return run_op(self, write, self._report_export, failure=lambda exc: show_error(self, exc),
                      label=self.tr("Exporting CSV"))

    def export_statistics(self, path: Path | None = None) -> Op[ExportResult] | None:
        if self.stats is None:
            return None
        start, end = self.span()
        stem = self.tr("statistics")
        day = "" if self.monthly() else f"-{start:%d}"
        suggestion = f"{stem}_{self.scope() or 'all'}_{start:%Y-%m}{day}.csv"
        path = path or self._ask_path(suggestion)
        if path is None:
            return None
        ctx, stats, out, encoding = self.ctx, self.stats, path, str(self.encoding.currentData())
        return self._export(lambda: reports.export_statistics(ctx, stats, out, encoding))

    def export_reservations(self, path: Path | None = None, columns: list[str] | None = None,
                            mask: bool | None = None) -> Op[ExportResult] | None:
        if columns is None:
            dialog = ColumnsDialog(self.ctx, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            columns, mask = dialog.columns(), dialog.mask_box.isChecked()
        start, end = self.span()
        stem = self.tr("reservations")
        path = path or self._ask_path(f"{stem}_{self.scope() or 'all'}_{start:%Y-%m-%d}_{end:%Y-%m-%d}.csv")
        if path is None:
            return None
        ctx, out, encoding, office, keys = self.ctx, path, str(self.encoding.currentData()), self.scope(), columns or None
        return self._export(lambda: export.export_reservations(ctx, start, end, out, encoding, mask_pii=bool(mask),
                                                               office=office, columns=keys))
