"""The audit log for supervisors (004 第5条): who did what, when, to how many records; filters and
a CSV export (itself audited). Read-only: the log is append-only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import audit
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.export import ExportResult
from consult_desk.models import AuditLog
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.ops import Op, run_op
from consult_desk.ui.supervisor.reports_view import ENCODINGS
from consult_desk.ui.widgets.file_dialogs import save_file_name
from consult_desk.ui.widgets.flow_layout import FlowLayout
from consult_desk.ui.widgets.format import fmt_datetime_seconds, person, setup_date_edit
from consult_desk.ui.widgets.messages import show_error
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
MAX_ROWS = 20000  # the view shows this many at most; the CSV has everything


class AuditModel(RowsTableModel[AuditLog]):
    def headers(self) -> list[str]:
        return [self.tr("Date and time"), self.tr("Staff"), self.tr("Action"), self.tr("Target"), self.tr("Records"),
                self.tr("Detail")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                fmt_datetime_seconds(row.at),
                person(row.staff),
                audit.action_text(row.action),
                audit.target_text(row),
                str(row.count),
                audit.detail_text(row),
            ][col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 2, 5):
            return {1: row.staff, 2: row.action, 5: row.detail}[col]  # the stored login, code and detail
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AuditView(QWidget):
    """Tab: period, staff, kind of action, target text; newest entries first."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_view")
        self.ctx = ctx
        hub.on((Topic.AUDIT, Topic.RESERVATIONS, Topic.STAFF, Topic.OFFICES), self.refresh, self)  # what this view shows changed (shell/hub.py)
        layout = QVBoxLayout(self)
        bar = FlowLayout(spacing=6)  # wraps on a narrow window (1366×768 with the panel and dock)
        today = ctx.clock.today()
        first = today - dt.timedelta(days=30)
        self.date_from = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.date_from.setObjectName("audit_from")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_to.setObjectName("audit_to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            setup_date_edit(edit)
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.staff = QLineEdit(self)
        self.staff.setObjectName("audit_staff")
        self.staff.setPlaceholderText(self.tr("login"))
        self.action = QComboBox(self)
        self.action.setObjectName("audit_action")
        for text, prefix in (
            (self.tr("All actions"), ""),
            (self.tr("Reservation changes"), "reservation."),
            (self.tr("Exports"), "export"),
            (self.tr("Prints and PDFs"), ("print_", "pdf_")),
            (self.tr("Revealed credentials"), "reveal_credentials"),
            (self.tr("Sign-ins"), "sign_"),
            (self.tr("Staff accounts"), "staff_"),
            (self.tr("Backups and restores"), ("backup", "restore")),
            (self.tr("Anonymisation"), "purge"),
        ):
            self.action.addItem(text, prefix)
        self.target = QLineEdit(self)
        self.target.setObjectName("audit_target")
        self.target.setPlaceholderText(self.tr("target contains…"))
        self.encoding = QComboBox(self)
        for value, text in ENCODINGS:
            self.encoding.addItem(text, value)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.clicked.connect(lambda: self.export_csv())
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.date_from)
        for w in (from_label, self.date_from, QLabel(self.tr("to"), self), self.date_to, QLabel(self.tr("Staff:"), self),
                  self.staff, self.action, self.target):
            bar.addWidget(w)
        bar.addWidget(self.encoding)
        bar.addWidget(self.export_button)
        bar_widget = QWidget(self)
        bar_widget.setLayout(bar)
        layout.addWidget(bar_widget)
        # tamper evidence (issue 13): the whole chain checked on demand, the result said plainly
        check_bar = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("&Verify the whole log"), self)
        self.verify_button.setObjectName("audit_verify")
        self.verify_button.clicked.connect(lambda: self.verify())
        self.reinstall_button = QPushButton(self.tr("&Reinstall the protection"), self)
        self.reinstall_button.setObjectName("audit_reinstall")
        self.reinstall_button.clicked.connect(lambda: self.reinstall())
        self.reinstall_button.hide()  # shown to the administrator when the triggers are gone
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("audit_verify_result")
        self.verify_label.setWordWrap(True)
        check_bar.addWidget(self.verify_button)
        check_bar.addWidget(self.reinstall_button)
        check_bar.addWidget(self.verify_label, 1)
        layout.addLayout(check_bar)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("audit_count")
        layout.addWidget(self.count_label)
        self.model = AuditModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "audit_table")
        layout.addWidget(self.table, 1)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.refresh)
        self.staff.textChanged.connect(lambda _t: self._typing.start())
        self.target.textChanged.connect(lambda _t: self._typing.start())
        self.action.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def filters(self) -> dict[str, Any]:
        def day(edit: QDateEdit) -> dt.date:
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        action = self.action.currentData() or None
        return {
            "start": day(self.date_from),
            "end": day(self.date_to),
            "staff": self.staff.text().strip() or None,
            "action": tuple(action) if isinstance(action, list | tuple) else action,
            "target": self.target.text().strip() or None,
        }

    def set_office(self, code: str) -> None:  # the log is the database's, not one office's
        pass

    def refresh(self) -> None:
        f = self.filters()
        try:
            rows = audit.search(self.ctx, f["start"], f["end"], f["staff"], f["action"], f["target"],
                                limit=MAX_ROWS + 1, newest_first=True)
        except ConsultDeskError as exc:
            self.count_label.setText(exc.message)
            self.model.set_rows([])
            return
        more = len(rows) > MAX_ROWS
        self.model.set_rows(rows[:MAX_ROWS])
        text = self.tr("%1 entries").replace("%1", str(min(len(rows), MAX_ROWS)))
        if more:
            text += " " + self.tr("(the newest %1 shown; narrow the period or export the CSV)").replace("%1", str(MAX_ROWS))
        self.count_label.setText(text)

    def verify(self):  # noqa: ANN201 (chain.Verification)
        """Check the whole hash chain and the triggers; say the result in the line beside the button."""
        try:
            result = audit.verify(self.ctx)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return None
        self.show_verification(result)
        return result

    def show_verification(self, result) -> None:  # noqa: ANN001
        from consult_desk.errors import message
        from consult_desk.permissions import can

        problems = audit.problem_messages(result)
        if problems:
            self.verify_label.setText("\n".join(problems))
            self.verify_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.verify_label.setText(message("audit_ok", rows=result.rows))
            self.verify_label.setStyleSheet("color: #1b5e20;")
        self.reinstall_button.setVisible(not result.triggers and can(self.ctx, "audit_guard"))

    def reinstall(self):  # noqa: ANN201
        """The administrator, having read that the triggers are gone, puts them back (recorded)."""
        from consult_desk.ui.widgets.messages import confirm

        text = self.tr(
            "Put back the triggers that refuse changes to the audit log? Entries changed or deleted while they "
            "were gone stay visible as a break in the chain."
        )
        if not confirm(self, self.tr("Audit log protection"), text, self.tr("&Reinstall")):
            return None
        try:
            result = audit.reinstall_guard(self.ctx)
        except ConsultDeskError as exc:
            show_error(self, exc)
            return None
        self.show_verification(result)
        self.refresh()
        return result

    def export_csv(self, path: Path | None = None) -> Op[ExportResult] | None:
        f = self.filters()
        if path is None:
            stem = self.tr("audit-log")
            chosen = save_file_name(
                self, self.tr("Export CSV"), f"{stem}_{f['start']}_{f['end']}.csv", "CSV (*.csv)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        ctx, out, encoding = self.ctx, path, str(self.encoding.currentData())

        def written(result: ExportResult) -> None:
            QMessageBox.information(self, self.tr("CSV export"),
                                    self.tr("%1 rows written to %2.").replace("%1", str(result.rows)).replace("%2", str(out)))
            self.refresh()

        return run_op(self, lambda: audit.export_csv(ctx, out, f["start"], f["end"], f["staff"], f["action"], f["target"],
                                                     encoding=encoding),
                      written, failure=lambda exc: show_error(self, exc), label=self.tr("Exporting CSV"))
