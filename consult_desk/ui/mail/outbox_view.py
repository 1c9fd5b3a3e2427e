"""The Outbox tab: the schedule of messages to applicants, in the order they go out, with their state.

Staff hold, release, move or cancel a scheduled message, send one now, and confirm one whose
sending was interrupted (issue 17; the rules are in :mod:`consult_desk.outbox`). Texts are shown
as stored: passcodes, room keys and passwords masked. Sending now renders the message again from
the reservation (so it carries the credentials in force) and sends it on the worker, like the
preview dialog. The desk's own timed sender (``outbox_sender.py``) sends what is due.
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
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desk import mail, outbox, templates
from consult_desk.changes import Topic
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.permissions import can
from consult_desk.ui.mail.mail_worker import MailSender, sender
from consult_desk.ui.shell import hub
from consult_desk.ui.widgets.format import fmt_datetime
from consult_desk.ui.widgets.rows_model import RowsTableModel, setup_list_table

Index = QModelIndex | QPersistentModelIndex
STATE_COLORS = {
    "failed": "#ffcdd2", "sending": "#fff3c4", "scheduled": "#e3f2fd", "held": "#ffe0b2", "sent": "#c8e6c9",
    "saved": "#e0e0e0", "cancelled": "#eeeeee",
}


class OutboxModel(RowsTableModel[mail.OutboxEntry]):
    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
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
                fmt_datetime(row.due or row.created_at),
                str(row.reservation_id or ""),
                templates.template_label(row.template),
                row.to_addr,
                row.subject,
                mail.state_label(row.state),
                str(row.attempts),
                outbox.error_text(row.error),
            ][column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 5:
            return QBrush(QColor(STATE_COLORS.get(row.state, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.error:
            return outbox.error_text(row.error)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self.tr("Created %1").replace("%1", fmt_datetime(row.created_at))
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
        hub.on((Topic.MAIL, Topic.RESERVATIONS, Topic.OFFICES), self.refresh, self)  # what this view shows changed (shell/hub.py)
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
        self.pending_only = QCheckBox(self.tr("&Scheduled only"), self)
        self.pending_only.setObjectName("outbox_pending_only")
        self.pending_only.toggled.connect(self.refresh)
        self.retry_button = QPushButton(self.tr("Send &now"), self)
        self.retry_button.setObjectName("outbox_retry")
        self.retry_button.clicked.connect(self.retry)
        self.hold_button = QPushButton(self.tr("&Hold"), self)
        self.hold_button.setObjectName("outbox_hold")
        self.hold_button.clicked.connect(self.hold_or_release)
        self.move_button = QPushButton(self.tr("Change &time…"), self)
        self.move_button.setObjectName("outbox_move")
        self.move_button.clicked.connect(self.move)
        self.cancel_button = QPushButton(self.tr("Ca&ncel message"), self)
        self.cancel_button.setObjectName("outbox_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.confirm_button = QPushButton(self.tr("It &arrived"), self)
        self.confirm_button.setObjectName("outbox_confirm_sent")
        self.confirm_button.setToolTip(self.tr("Sending was interrupted: mark it sent after checking it arrived"))
        self.confirm_button.clicked.connect(self.confirm_sent)
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
        top.addWidget(self.pending_only)
        top.addWidget(self.failed_only)
        top.addStretch(1)
        top.addWidget(self.templates_button)
        top.addWidget(self.settings_button)
        actions = QHBoxLayout()
        for button in (self.retry_button, self.hold_button, self.move_button, self.cancel_button, self.confirm_button):
            actions.addWidget(button)
        actions.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.body)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
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
        states: tuple[str, ...] | None = None
        if self.failed_only.isChecked():
            states = ("failed",)
        elif self.pending_only.isChecked():
            states = ("scheduled", "held", "sending")
        self.model.set_rows(mail.entries(self.office or None, states, by_due=True))
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
        self.body.setPlainText(self._text(entry) if entry else "")
        allowed = entry is not None and can(self.ctx, "send_mail")
        state = entry.state if entry is not None else ""
        self.retry_button.setEnabled(allowed and entry.retryable and not self.mail_sender.busy(entry.id))
        self.hold_button.setEnabled(allowed and state in outbox.PENDING)
        self.hold_button.setText(self.tr("&Release") if state == "held" else self.tr("&Hold"))
        self.move_button.setEnabled(allowed and state in outbox.PENDING)
        self.cancel_button.setEnabled(allowed and state in outbox.PENDING)
        self.confirm_button.setEnabled(allowed and entry.unconfirmed)

    def _text(self, entry: mail.OutboxEntry) -> str:
        """A sent message as stored; a pending one as it would go out now (masked), since it is
        rendered again when sent (with the meeting details entered meanwhile)."""
        if entry.state in outbox.PENDING and entry.reservation_id:
            try:
                rendered = templates.render(entry.reservation_id, entry.template, self.ctx.clock.today())
            except ConsultDeskError as exc:
                return f"{templates.template_label(entry.template)}\n\n（{exc.message}）"
            return f"{rendered.subject}\n\n{rendered.body}"
        return f"{entry.subject}\n\n{entry.body}"

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

    def _do(self, action, done: str) -> None:  # noqa: ANN001 (a service call taking ctx and the id)
        entry = self.selected()
        if entry is None:
            return
        try:
            action(self.ctx, entry.id)
        except ConsultDeskError as exc:
            self.message.setText(exc.message)
        else:
            self.message.setText(done.replace("%1", str(entry.id)))
        self.refresh()

    def hold_or_release(self) -> None:
        entry = self.selected()
        if entry is not None and entry.state == "held":
            self._do(outbox.release, self.tr("Message %1 goes out at its time again."))
        else:
            self._do(outbox.hold, self.tr("Message %1 is held: it is not sent until released."))

    def cancel(self) -> None:
        self._do(outbox.cancel, self.tr("Message %1 cancelled."))

    def confirm_sent(self) -> None:
        self._do(outbox.confirm_sent, self.tr("Message %1 recorded as sent."))

    def move(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        dialog = MoveDialog(entry, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._do(lambda ctx, oid: outbox.reschedule(ctx, oid, dialog.due()),
                 self.tr("Message %1 now goes out at %2.").replace("%2", fmt_datetime(dialog.due())))

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


class MoveDialog(QDialog):
    """Change when a scheduled message goes out (the service refuses a past time or one after the start)."""

    def __init__(self, entry: mail.OutboxEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_move_dialog")
        self.setWindowTitle(self.tr("Change the sending time"))
        self.edit = QDateTimeEdit(self)
        self.edit.setObjectName("outbox_due_edit")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy/MM/dd HH:mm")
        if entry.due is not None:
            self.edit.setDateTime(entry.due)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{templates.template_label(entry.template)}（{entry.to_addr}）", self))
        form.addRow(self.tr("Send &at:"), self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def due(self):  # noqa: ANN201 (datetime)
        return self.edit.dateTime().toPython().replace(second=0, microsecond=0)
