"""An office's SMTP settings (administrator). The password goes to the PC's keyring, nowhere else.

Server, port, STARTTLS or SSL, user, sender are kept with the office in the database (every desk
sharing it sends the same way); the password is entered once per PC and stored in the keyring.
A PC without a usable keyring says so and stores no password.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consult_desk import mail, secrets
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.offices import get_config
from consult_desk.ui.widgets.file_dialogs import open_file_name

ERROR_STYLE = "color: #c62828;"


class SmtpSettingsDialog(QDialog):
    def __init__(self, ctx: Context, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtp_settings_dialog")
        self.ctx = ctx
        self.office = office
        config = get_config(office)
        self.setWindowTitle(self.tr("SMTP settings — %1").replace("%1", config.display_short_name))
        current = mail.smtp_settings(office)

        self.host_edit = QLineEdit(current.host, self)
        self.host_edit.setObjectName("smtp_host")
        self.host_edit.setPlaceholderText("smtp.city.example.lg.jp")
        self.security_box = QComboBox(self)
        self.security_box.setObjectName("smtp_security")
        for key in mail.SECURITY:
            self.security_box.addItem(mail.security_label(key), key)
        self.security_box.setCurrentIndex(max(0, self.security_box.findData(current.security)))
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("smtp_port")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(int(current.port))
        self.security_box.currentIndexChanged.connect(self._security_changed)
        self.user_edit = QLineEdit(current.user, self)
        self.user_edit.setObjectName("smtp_user")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("smtp_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_edit = QLineEdit(current.from_addr, self)
        self.from_edit.setObjectName("smtp_from")
        self.from_name_edit = QLineEdit(current.from_name or config.name, self)
        self.from_name_edit.setObjectName("smtp_from_name")
        self.cafile_edit = QLineEdit(current.cafile, self)
        self.cafile_edit.setObjectName("smtp_cafile")
        self.cafile_edit.setPlaceholderText(self.tr("Only for a certificate signed in-house (PEM)"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        cafile_row = QHBoxLayout()
        cafile_row.addWidget(self.cafile_edit, 1)
        cafile_row.addWidget(browse)

        self.keyring_label = QLabel(self)
        self.keyring_label.setObjectName("smtp_keyring")
        self.keyring_label.setWordWrap(True)
        self.forget_button = QPushButton(self.tr("&Forget the stored password"), self)
        self.forget_button.setObjectName("smtp_forget")
        self.forget_button.setAutoDefault(False)
        self.forget_button.clicked.connect(self.forget)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("smtp_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self._show_keyring()

        form = QFormLayout()
        host_label = QLabel(self.tr("SMTP &server:"), self)
        host_label.setBuddy(self.host_edit)
        form.addRow(host_label, self.host_edit)
        form.addRow(self.tr("Encryption:"), self.security_box)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Sender address:"), self.from_edit)
        form.addRow(self.tr("Sender name:"), self.from_name_edit)
        form.addRow(self.tr("CA certificate:"), cafile_row)
        if not config.get("may_send_mail", True):
            note = QLabel(self.tr("This office does not send from the desk PC; the sender is used for .eml files."), self)
            note.setWordWrap(True)
            form.addRow(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_label)
        layout.addWidget(self.forget_button)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _show_keyring(self) -> None:
        try:
            stored = mail.password_stored(self.office)
        except ConsultDeskError as exc:
            self.keyring_label.setText(exc.message)
            self.keyring_label.setStyleSheet(ERROR_STYLE)
            self.password_edit.setEnabled(False)
            self.password_edit.setPlaceholderText(self.tr("No keyring on this PC"))
            self.forget_button.setEnabled(False)
            return
        self.keyring_label.setStyleSheet("")
        self.keyring_label.setText(self.tr("The password is kept in this PC's keyring (%1).").replace(
            "%1", secrets.backend_label()))
        self.password_edit.setPlaceholderText(self.tr("Stored (empty: keep)") if stored else "")
        self.forget_button.setEnabled(stored)

    def _security_changed(self) -> None:
        key = str(self.security_box.currentData())
        if self.port_spin.value() in mail.DEFAULT_PORTS.values():
            self.port_spin.setValue(mail.DEFAULT_PORTS[key])

    def _browse(self) -> None:
        path = open_file_name(self, self.tr("CA certificate"), "", self.tr("PEM (*.pem *.crt *.cer)"))
        if path:
            self.cafile_edit.setText(path)

    def settings(self) -> mail.SmtpSettings:
        return mail.SmtpSettings(
            host=self.host_edit.text(),
            port=self.port_spin.value(),
            security=str(self.security_box.currentData()),
            user=self.user_edit.text(),
            from_addr=self.from_edit.text(),
            from_name=self.from_name_edit.text(),
            cafile=self.cafile_edit.text(),
        )

    def accept(self) -> None:
        try:
            mail.save_settings(self.ctx, self.office, self.settings(), self.password_edit.text() or None)
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self.password_edit.clear()
        super().accept()

    def forget(self) -> None:
        try:
            mail.forget_password(self.ctx, self.office)
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return
        self._show_keyring()
