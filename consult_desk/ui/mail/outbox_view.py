"""The Outbox tab: every message to applicants with its state; failed ones can be sent again.

Texts are shown as stored: passcodes, room keys and passwords masked. A retry renders the
message again from the reservation (so it carries the credentials in force) and sends it on the
worker, like the preview dialog.
"""

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
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import mail, templates
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.permissions import can
from consult_desk.ui.mail.mail_worker import MailSender, sender
from consult_desk.ui.widgets.format import fmt_datetime
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
STATE_COLORS = {"failed": "#ffcdd2", "sending": "#fff3c4", "queued": "#fff3c4", "sent": "#c8e6c9", "saved": "#e0e0e0"}


class OutboxModel(RowsTableModel[mail.OutboxEntry]):
    def headers(self) -> list[str]:
        return [
            self.tr("Created"),
            self.tr("Reservation"),
            self.tr("Message"),
            self.tr("To"),
            self.tr("Subject"),
            self.tr("State"),
            self.tr("Attempts"),
            self.tr("Error"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                fmt_datetime(row.created_at),
                str(row.reservation_id or ""),
                templates.template_label(row.template),
                row.to_addr,
                row.subject,
                mail.state_label(row.state),
                str(row.attempts),
                row.error,
            ][column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 5:
            return QBrush(QColor(STATE_COLORS.get(row.state, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.error:
            return row.error
        return None

    def entry(self, row: int) -> mail.OutboxEntry | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class OutboxView(QWidget):
    """``set_office(code)``, ``refresh()``; ``reservation_activated`` on a double-click."""

    reservation_activated = Signal(int)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("OutboxView", "Outbox")

    def __init__(self, ctx: Context, parent: QWidget | None = None, mail_sender: MailSender | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_view")
        self.ctx = ctx
        self.office = ""
        self.mail_sender = mail_sender or sender()
        self.model = OutboxModel(self)
        self.table = QTableView(self)
        setup_list_table(self.table, self.model, "outbox_table", single=True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(self._activated)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("outbox_body")
        self.body.setReadOnly(True)

        self.failed_only = QCheckBox(self.tr("&Failed only"), self)
        self.failed_only.setObjectName("outbox_failed_only")
        self.failed_only.toggled.connect(self.refresh)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.retry_button.setObjectName("outbox_retry")
        self.retry_button.clicked.connect(self.retry)
        self.settings_button = QPushButton(self.tr("SMTP se&ttings…"), self)
        self.settings_button.setObjectName("outbox_smtp_settings")
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_button.setEnabled(can(ctx, "manage_offices"))
        self.templates_button = QPushButton(self.tr("&Mail templates…"), self)
        self.templates_button.setObjectName("outbox_templates")
        self.templates_button.clicked.connect(self.open_templates)
        self.templates_button.setEnabled(can(ctx, "manage_offices"))
        self.message = QLabel(self)
        self.message.setObjectName("outbox_message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.failed_only)
        top.addStretch(1)
        top.addWidget(self.retry_button)
        top.addWidget(self.templates_button)
        top.addWidget(self.settings_button)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.body)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.mail_sender.started.connect(lambda _id: self.refresh())
        self.mail_sender.finished.connect(self._finished)
        self._selected()

    def set_office(self, code: str) -> None:
        self.office = code
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        states = ("failed",) if self.failed_only.isChecked() else None
        self.model.set_rows(mail.entries(self.office or None, states))
        if selected is not None:
            for i, row in enumerate(self.model.rows):
                if row.id == selected.id:
                    self.table.selectRow(i)
                    break
        self._selected()

    def selected(self) -> mail.OutboxEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        entry = self.selected()
        self.body.setPlainText(f"{entry.subject}\n\n{entry.body}" if entry else "")
        self.retry_button.setEnabled(
            entry is not None and entry.retryable and not self.mail_sender.busy(entry.id) and can(self.ctx, "send_mail")
        )

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None and entry.reservation_id:
            self.reservation_activated.emit(entry.reservation_id)

    def retry(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            self.mail_sender.send(self.ctx, entry.id)
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
            self.refresh()
            return
        self.message.setText(self.tr("Sending…"))
        self.refresh()

    def _finished(self, outbox_id: int, error: str) -> None:
        if error:
            self.message.setText(self.tr("Message %1 not sent: %2").replace("%1", str(outbox_id)).replace("%2", error))
        else:
            self.message.setText(self.tr("Message %1 sent.").replace("%1", str(outbox_id)))
        self.refresh()

    def open_settings(self) -> None:
        from consult_desk.ui.mail.smtp_settings_dialog import SmtpSettingsDialog

        if self.office:
            SmtpSettingsDialog(self.ctx, self.office, self).exec()

    def open_templates(self) -> None:
        from consult_desk.ui.mail.template_editor_dialog import TemplateEditorDialog

        if self.office:
            TemplateEditorDialog(self.ctx, self.office, self).exec()
