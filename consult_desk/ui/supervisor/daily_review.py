"""The supervisor's day at a glance: every session across counsellors, open callbacks, no-shows,
meeting details due or overdue, counts by status; printed (or saved as PDF) on A4 in Japanese with
the office name and date, for a clipboard at the counter. Prints hold personal data: audited."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consult_desk import reports
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, language
from consult_desk.reports import DailyReview
from consult_desk.states import status_label
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.ops import Op, run_op
from consult_desk.ui.widgets.file_dialogs import save_file_name
from consult_desk.ui.widgets.format import fmt_date, fmt_datetime, join_list, person, setup_date_edit
from consult_desk.ui.widgets.messages import show_error
from consult_desk.ui.widgets.rows_model import setup_list_table
from consult_desk.ui.widgets.style import STATUS_COLORS

Index = QModelIndex | QPersistentModelIndex
RESERVATION_ROLE = int(Qt.ItemDataRole.UserRole) + 1
JAPANESE_FONTS = (
    "IPAGothic",
    "IPAexGothic",
    "IPAPGothic",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Yu Gothic",
    "Meiryo",
    "MS Gothic",
    "Hiragino Sans",
    "TakaoGothic",
    "VL Gothic",
)


def japanese_font(point_size: float = 9.5) -> QFont:
    """A font that holds Japanese (so the PDF never shows empty boxes); the system default otherwise."""
    families = set(QFontDatabase.families())
    family = next((f for f in JAPANESE_FONTS if f in families), None)
    font = QFont(family) if family else QFont()
    font.setPointSizeF(point_size)
    return font


class DailyReviewModel(QAbstractTableModel):
    """The day's sessions in start order, one row each."""

    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review: DailyReview | None = None

    def set_review(self, review: DailyReview | None) -> None:
        self.beginResetModel()
        self.review = review
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Seat / counsellor"), self.tr("Status"), self.tr("Name"),
                self.tr("Applied by"), self.tr("Meeting details"), self.tr("Callback")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.review is None else len(self.review.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def cells(self, row: int) -> list[str]:
        assert self.review is not None
        r = self.review.rows[row]
        callback = ""
        if r.callback_open:
            callback = self.tr("open (%1 calls)").replace("%1", str(r.callback_attempts))
        return [
            f"{r.start:%H:%M}–{r.end:%H:%M}",
            r.counsellor,
            r.status_text,
            r.name,
            r.channel_text,
            r.details_text(self.review.day),
            callback,
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.review is None:
            return None
        row = self.review.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 2:
            return QColor(STATUS_COLORS.get(row.status, "#ffffff"))
        if role == RESERVATION_ROLE:
            return row.id
        return None


class ReviewDocument(QObject):
    """The printed page: HTML laid out by QTextDocument on A4 with a Japanese font."""

    def __init__(self, review: DailyReview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review = review

    def html(self) -> str:
        r = self.review
        e = html.escape
        model = DailyReviewModel()
        model.set_review(r)
        title = self.tr("Daily review")
        printed = self.tr("Printed %1 by %2").replace("%1", fmt_datetime(r.generated_at)).replace("%2", person(r.generated_by))
        sessions = self.tr("Sessions: %1").replace("%1", str(len(r.rows)))
        care = self.tr("Contains personal data: keep it at the counter and shred it when no longer needed.")
        parts = [
            "<html><body>",
            f"<h2>{e(title)} — {e(r.office_name)}</h2>",
            f"<p><b>{e(fmt_date(r.day))}</b>　{e(printed)}</p>",
            f"<h3>{e(sessions)}</h3>",
        ]
        if r.by_status:
            counts = "".join(f"<th>{e(status_label(s))}</th>" for s in r.by_status)
            values = "".join(f"<td align='right'>{n}</td>" for n in r.by_status.values())
            parts.append(f"<table border='1' cellspacing='0' cellpadding='3'><tr>{counts}</tr><tr>{values}</tr></table>")
        parts.append(self._table(model.headers(), [model.cells(i) for i in range(len(r.rows))]))
        parts.append(self.attention_html())
        parts.append(f"<p><small>{e(care)}</small></p></body></html>")
        return "".join(parts)

    def attention_html(self) -> str:
        """What needs doing: open callbacks, no-shows, meeting details due today or overdue."""
        r = self.review
        e = html.escape
        callbacks = self.tr("Open phone callbacks: %1").replace("%1", str(len(r.callbacks)))
        no_shows = self.tr("No-shows: %1").replace("%1", str(len(r.no_shows)))
        details = self.tr("Meeting details due today or overdue: %1").replace("%1", str(len(r.overdue_details)))
        return "".join(
            [
                f"<h3>{e(callbacks)}</h3>",
                self._table(
                    [self.tr("No."), self.tr("Session"), self.tr("Name"), self.tr("Phone"), self.tr("Due"),
                     self.tr("Calls")],
                    [[str(c.reservation), f"{c.start:%H:%M}", c.name, c.phone, f"{c.due:%m/%d %H:%M}", str(c.attempts)]
                     for c in r.callbacks],
                ),
                f"<h3>{e(no_shows)}</h3>",
                self._table(
                    [self.tr("Time"), self.tr("Seat / counsellor"), self.tr("Name")],
                    [[f"{n.start:%H:%M}", n.counsellor, n.name] for n in r.no_shows],
                ),
                f"<h3>{e(details)}</h3>",
                self._table(
                    [self.tr("Session"), self.tr("Name"), self.tr("Status"), self.tr("Meeting details")],
                    [[f"{d.start:%m/%d %H:%M}", d.name, d.status_text, d.details_text(r.day)] for d in r.overdue_details],
                ),
            ]
        )

    def _table(self, header: list[str], rows: list[list[str]]) -> str:
        e = html.escape
        if not rows:
            none = self.tr("None")
            return f"<p>{e(none)}</p>"
        head = "".join(f"<th bgcolor='#eeeeee' align='left'>{e(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultFont(japanese_font())
        doc.setHtml(self.html())
        return doc


def a4_printer(printer: QPrinter | None = None) -> QPrinter:
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def print_review(review: DailyReview, printer: QPrinter) -> None:
    source = ReviewDocument(review)
    doc = source.document()
    doc.print_(printer)


def save_review_pdf(review: DailyReview, path: Path) -> Path:
    """The review as an A4 PDF (QPrinter's PDF output, fonts embedded)."""
    from consult_desk.errors import StorageError
    from consult_desk.files import private_file

    try:
        private_file(path)  # 0600 before Qt writes into it (issue 13): the review holds applicants' names
    except OSError as exc:
        raise StorageError("file_unwritable", path=str(path), detail=exc.strerror or str(exc)) from exc
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(path.stem)
    print_review(review, printer)
    return path


class DailyReviewView(QWidget):
    """Tab for supervisors: pick a day, read it, print it or save it as PDF."""

    reservation_activated = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daily_review")
        self.ctx = ctx
        hub.on((Topic.RESERVATIONS, Topic.CALLBACKS, Topic.OFFICES), self.refresh, self)  # what this view shows changed (shell/hub.py)
        self.office = ""
        self.review: DailyReview | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("review_date")
        self.date_edit.setCalendarPopup(True)
        setup_date_edit(self.date_edit)  # the desk's one date style
        today = ctx.clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        label = QLabel(self.tr("&Day:"), self)
        label.setBuddy(self.date_edit)
        self.all_offices = QCheckBox(self.tr("&All offices"), self)
        self.all_offices.toggled.connect(lambda _on: self.refresh())
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        for w in (label, self.date_edit, self.all_offices):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        self.title = QLabel(self)
        self.title.setObjectName("review_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.model = DailyReviewModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "review_table")
        self.table.activated.connect(self._activated)
        self.attention = QTextBrowser(self)
        self.attention.setObjectName("review_attention")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.attention)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def day(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> None:
        try:
            self.review = reports.daily_review(self.ctx, None if self.all_offices.isChecked() else (self.office or None),
                                               self.day())
        except ConsultDeskError as exc:
            self.review = None
            self.summary.setText(html.escape(exc.message))
            self.model.set_review(None)
            self.attention.clear()
            return
        r = self.review
        gap = "　" if language() != "en" else " — "  # the ideographic space is Japanese typography
        self.title.setText(f"{r.office_name}{gap}{fmt_date(r.day)}")
        counts = join_list(f"{status_label(s)} {n}" for s, n in r.by_status.items()) or self.tr("no sessions")
        lines = [
            self.tr("Sessions: %1 (%2)").replace("%1", str(len(r.rows))).replace("%2", counts),
            self.tr("Open phone callbacks: %1").replace("%1", str(len(r.callbacks))),
            self.tr("No-shows: %1").replace("%1", str(len(r.no_shows))),
            self.tr("Meeting details due today or overdue: %1").replace("%1", str(len(r.overdue_details))),
        ]
        late = [d for d in r.overdue_details if d.notify_by and d.notify_by < r.day]
        if late:
            lines[-1] = f"<span style='color:#c62828'><b>{html.escape(lines[-1])}</b></span>"
        self.summary.setText("<br>".join(line if line.startswith("<span") else html.escape(line) for line in lines))
        self.model.set_review(r)
        self.attention.setHtml(ReviewDocument(r, self).attention_html())

    def _activated(self, index: QModelIndex) -> None:
        rid = self.model.data(index, RESERVATION_ROLE)
        if rid:
            self.reservation_activated.emit(int(rid))

    def print_dialog(self) -> None:
        if self.review is None:
            return
        printer = a4_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_review(self.review, printer)
            reports.record_print(self.ctx, self.review, "print", printer.printerName())
        except ConsultDeskError as exc:
            show_error(self, exc)

    def default_pdf_name(self) -> str:
        if self.review is None:
            return "daily-review.pdf"
        stem = self.tr("daily-review")
        return f"{stem}_{self.review.office or 'all'}_{self.review.day:%Y-%m-%d}.pdf"

    def save_pdf(self, path: Path | None = None) -> Op[Path] | None:
        """The PDF is laid out and written off the window's thread (QTextDocument and QPrinter's PDF
        output may be used there); ``op.result`` is the file once it is done."""
        if self.review is None:
            return None
        if path is None:
            chosen = save_file_name(self, self.tr("Save as PDF"), self.default_pdf_name(), "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        ctx, review, out = self.ctx, self.review, path

        def write() -> Path:
            save_review_pdf(review, out)
            reports.record_print(ctx, review, "pdf", out.name)
            return out

        return run_op(self, write, failure=lambda exc: show_error(self, exc), label=self.tr("Saving the PDF"))
