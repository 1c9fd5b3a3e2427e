"""A session's meeting credentials in the reservation panel: masked, revealed on request, edited.

Passcodes, room keys and passwords are not even loaded into the widget until the clerk presses
Reveal (written to the audit log), so a screenshot or screen share of the desk shows only the
mask. Editing: a secret field left empty keeps the stored value; a new one replaces it. After a
loss or theft (002 5(3)) "Issue new…" withdraws the old credentials with the reason and stores new
ones. "E-mail…" opens the preview of the meeting-details message.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import credentials
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.lifecycle import get_reservation
from consult_desk.offices import get_config
from consult_desk.permissions import can
from consult_desk.presets import OfficeConfig
from consult_desk.ui.shell import openers
from consult_desk.ui.widgets.flow_layout import FlowLayout
from consult_desk.ui.widgets.format import colon, fmt_datetime, person

ERROR_STYLE = "color: #c62828;"


def _line_edit(parent: QWidget, field: str, secret: bool) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(f"edit_{field}")
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ReissueDialog(QDialog):
    """Withdraw lost, stolen or leaked credentials with the reason, and enter the new ones."""

    def __init__(self, ctx: Context, reservation_id: int, config: OfficeConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reissue_dialog")
        self.setWindowTitle(self.tr("Issue new meeting credentials"))
        self.ctx = ctx
        self.reservation_id = reservation_id
        self.config = config
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("reissue_reason")
        for key in credentials.REVOKE_REASONS:
            if key != "replaced":
                self.reason_box.addItem(credentials.revoke_label(key), key)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("reissue_note")
        self.note_edit.setPlaceholderText(self.tr("Who reported it, when (never the passcode itself)"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_box)
        form.addRow(reason_label, self.reason_box)
        form.addRow(self.tr("Note:"), self.note_edit)
        for field in credentials.office_fields(config):
            edit = _line_edit(self, field, field in credentials.SECRET_FIELDS)
            edit.setPlaceholderText(self.tr("New value (empty: keep)"))
            self.edits[field] = edit
            form.addRow(colon(credentials.field_label(config, field)), edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("reissue_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.withdraw_only = QPushButton(self.tr("&Withdraw only (new ones later)"), self)
        self.withdraw_only.setObjectName("reissue_withdraw_only")
        self.withdraw_only.setAutoDefault(False)
        self.withdraw_only.clicked.connect(self.withdraw)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Issue new"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The old credentials stop working for this session; the reason is recorded."), self))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addWidget(self.withdraw_only)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

    def accept(self) -> None:
        values = {f: e.text() for f, e in self.edits.items() if e.text().strip()}
        try:
            credentials.reissue(
                self.ctx, self.reservation_id, values, str(self.reason_box.currentData()), self.note_edit.text()
            )
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        super().accept()

    def withdraw(self) -> None:
        try:
            credentials.revoke(self.ctx, self.reservation_id, str(self.reason_box.currentData()), self.note_edit.text())
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        super().accept()


class CredentialsWidget(QWidget):
    """``CredentialsWidget(ctx, reservation_id)``; ``changed(reservation_id)`` after a save."""

    changed = Signal(int)

    def __init__(self, ctx: Context, reservation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentials_widget")
        self.ctx = ctx
        self.reservation_id = reservation_id
        self.revealed: dict[str, str] | None = None
        self.value_labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        res = get_reservation(reservation_id)
        self.status = res.status
        self.config = get_config(res.office_id)
        self.fields = credentials.office_fields(self.config)

        self.platform_label = QLabel(self)
        self.platform_label.setObjectName("credentials_platform")
        self.view = QWidget(self)
        self.view_form = QFormLayout(self.view)
        self.view_form.setContentsMargins(0, 0, 0, 0)
        self.editor = QWidget(self)
        editor_form = QFormLayout(self.editor)
        editor_form.setContentsMargins(0, 0, 0, 0)
        for field in self.fields:
            label = QLabel(self.view)
            label.setObjectName(f"credential_{field}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.value_labels[field] = label
            self.view_form.addRow(colon(credentials.field_label(self.config, field)), label)
            edit = _line_edit(self.editor, field, field in credentials.SECRET_FIELDS)
            self.edits[field] = edit
            editor_form.addRow(colon(credentials.field_label(self.config, field)), edit)
        self.issued_label = QLabel(self)
        self.issued_label.setObjectName("credentials_issued")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("credentials_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.reveal_button = self._button(self.tr("Re&veal"), "credentials_reveal", self.reveal)
        self.edit_button = self._button(self.tr("&Edit…"), "credentials_edit", self.start_edit)
        self.reissue_button = self._button(self.tr("Issue &new (lost/stolen)…"), "credentials_reissue", self.reissue)
        self.mail_button = self._button(self.tr("E-&mail…"), "credentials_mail", self.open_mail)
        self.save_button = self._button(self.tr("&Save"), "credentials_save", self.save)
        self.cancel_button = self._button(self.tr("Cancel"), "credentials_cancel", self.cancel_edit)

        view_buttons = FlowLayout(spacing=6)  # wraps in the narrow reservation panel (1366×768 at 150 %)
        for button in (self.reveal_button, self.edit_button, self.reissue_button, self.mail_button):
            view_buttons.addWidget(button)
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.save_button)
        edit_buttons.addWidget(self.cancel_button)
        self.view_buttons = QWidget(self)
        self.view_buttons.setLayout(view_buttons)
        self.edit_buttons = QWidget(self)
        self.edit_buttons.setLayout(edit_buttons)
        edit_buttons.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.platform_label)
        layout.addWidget(self.view)
        layout.addWidget(self.editor)
        layout.addWidget(self.issued_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view_buttons)
        layout.addWidget(self.edit_buttons)
        from consult_desk.ui.desk.meeting_buttons import MeetingButtons  # issue 16: Zoom / Teams create it

        self.meeting_buttons = MeetingButtons(ctx, reservation_id, self.config, self)
        self.meeting_buttons.changed.connect(self._platform_changed)
        layout.addWidget(self.meeting_buttons)
        self.load()
        self.cancel_edit()

    def _button(self, text: str, name: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -------------------------------------------------------------- showing

    def load(self) -> None:
        """Fill the view from the masked summary (and the revealed values, once asked for)."""
        self.summary = credentials.summary(self.reservation_id)
        platform = self.summary.platform_label
        if self.summary.unique_per_session:
            platform += self.tr(" (a new URL for every session)")
        self.platform_label.setText(platform)
        shown = self.revealed or self.summary.values
        for field, label in self.value_labels.items():
            value = shown.get(field, "")
            if field == "meeting_id" and value:
                value = credentials.format_meeting_id(value)
            if not value and field in self.summary.missing:
                label.setText(self.tr("(missing)"))
                label.setStyleSheet(ERROR_STYLE)
            else:
                label.setText(value or "—")
                label.setStyleSheet("")
        if self.summary.issued_at is not None:
            self.issued_label.setText(
                self.tr("Issued %1 by %2").replace("%1", fmt_datetime(self.summary.issued_at)).replace(
                    "%2", person(self.summary.issued_by))
            )
        else:
            self.issued_label.setText(self.tr("No meeting details yet."))
        editable = self.status in {s.value for s in credentials.EDITABLE} and can(self.ctx, "set_credentials")
        has_secret = any(self.summary.values.get(f) for f in credentials.SECRET_FIELDS)
        self.reveal_button.setVisible(has_secret and self.revealed is None)
        self.edit_button.setEnabled(editable)
        self.reissue_button.setEnabled(editable and self.summary.issued_at is not None)
        self.mail_button.setEnabled(can(self.ctx, "send_mail"))
        self.meeting_buttons.refresh(self.status)

    def _platform_changed(self, reservation_id: int) -> None:
        """A meeting was created or deleted by the platform (in the background): show it."""
        if not shiboken6.isValid(self):
            return
        self.revealed = None
        self.load()
        self.changed.emit(reservation_id)

    def reveal(self) -> None:
        """Show the secrets; the look is written to the audit log first (004 第5条)."""
        try:
            self.revealed = credentials.reveal(self.ctx, self.reservation_id)
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.clear()
        self.load()

    # -------------------------------------------------------------- editing

    def start_edit(self) -> None:
        """Edit: non-secret fields prefilled (the URL masked where it carries a passcode), secrets empty."""
        for field, edit in self.edits.items():
            if field in credentials.SECRET_FIELDS:
                edit.clear()
                stored = bool(self.summary.values.get(field))
                edit.setPlaceholderText(self.tr("Stored (empty: keep)") if stored else "")
            else:
                edit.setText(self.summary.values.get(field, ""))
        self.error_label.clear()
        self.view.hide()
        self.view_buttons.hide()
        self.editor.show()
        self.edit_buttons.show()
        if self.edits:
            next(iter(self.edits.values())).setFocus()

    def cancel_edit(self) -> None:
        self.editor.hide()
        self.edit_buttons.hide()
        self.view.show()
        self.view_buttons.show()

    def changes(self) -> dict[str, str]:
        """What the clerk changed: a typed secret, or a non-secret field that differs from what was shown."""
        result = {}
        for field, edit in self.edits.items():
            text = edit.text()
            if field in credentials.SECRET_FIELDS:
                if text.strip():
                    result[field] = text
            elif text != self.summary.values.get(field, ""):
                result[field] = text
        return result

    def save(self) -> None:
        try:
            credentials.set_credentials(self.ctx, self.reservation_id, self.changes())
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        for edit in self.edits.values():
            edit.clear()
        self.revealed = None
        self.error_label.clear()
        self.load()
        self.cancel_edit()
        self.changed.emit(self.reservation_id)

    def reissue(self) -> None:
        dialog = ReissueDialog(self.ctx, self.reservation_id, self.config, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and shiboken6.isValid(self):  # the panel may have rebuilt this widget meanwhile
            self.revealed = None
            self.load()
            self.changed.emit(self.reservation_id)

    def open_mail(self) -> None:
        template = "details" if self.status in ("confirmed", "details_sent") else None
        dialog = openers.mail_preview(self.ctx, self.reservation_id, template, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
        if shiboken6.isValid(self):  # another desk's change may have rebuilt the panel meanwhile
            self.changed.emit(self.reservation_id)
