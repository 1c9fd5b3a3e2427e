"""The office's meeting platform (administrator, issue 16): Zoom or Microsoft Teams creating the
meetings, the client secret to this PC's keyring, 「接続テスト」 off the UI thread, and the clean-up list
of platform meetings that could not be deleted.

The settings go to the office's ``meetings`` setting through the service (checked there); the secret
goes to the keyring only, never the database or a file.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consult_desk import credentials, meetings
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.meetings import settings as msettings
from consult_desk.offices import get_config
from consult_desk.ui.widgets.platform_calls import runner

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


class MeetingsDialog(QDialog):
    """``MeetingsDialog(ctx, office)``: edit, save, test; ``test_key`` names its background call."""

    def __init__(self, ctx: Context, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetings_dialog")
        self.ctx, self.office = ctx, office
        self.config = get_config(office)
        self.test_key = f"platform-test/{office}"
        self.provider = {v: k for k, v in msettings.PROVIDER_PLATFORM.items()}.get(self.config.platform)
        self.setWindowTitle(self.tr("Meeting platform — %1").replace("%1", self.config.display_short_name))
        current = self.config.get("meetings") or {}

        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Creating meetings needs a PC that may reach %1 over the internet (in separated networks: "
                "the internet-connected segment, not LGWAN). Without it the desk works fully: the details are typed in."
            ).replace("%1", msettings.PROVIDER_LABELS.get(self.provider or "", credentials.platform_label(self.config))),
            self,
        )
        note.setObjectName("meetings_network_note")
        note.setWordWrap(True)
        layout.addWidget(note)

        self.enabled_box = QComboBox(self)
        self.enabled_box.setObjectName("meetings_mode")
        self.enabled_box.addItem(self.tr("Not used (details typed in)"), "off")
        if self.provider is not None:
            self.enabled_box.addItem(self.tr("On demand (the “Create meeting” button)"), "demand")
            self.enabled_box.addItem(self.tr("Automatically when a reservation is confirmed"), "auto")
        mode = "off" if not current else ("auto" if current.get("auto_create") else "demand")
        self.enabled_box.setCurrentIndex(max(0, self.enabled_box.findData(mode)))

        form = QFormLayout()
        mode_label = QLabel(self.tr("&Meetings:"), self)
        mode_label.setBuddy(self.enabled_box)
        form.addRow(mode_label, self.enabled_box)
        self.account_edit = self._edit("meetings_account", current.get("account_id") or current.get("tenant") or "")
        self.client_edit = self._edit("meetings_client_id", current.get("client_id", ""))
        self.user_edit = self._edit("meetings_user", current.get("user", ""))
        self.secret_edit = self._edit("meetings_secret", "")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        defaults = msettings.DEFAULT_URLS.get(self.provider or "zoom", {})
        self.api_edit = self._edit("meetings_api_url", current.get("api_url", "") if current.get("api_url") != defaults.get("api_url") else "")
        self.api_edit.setPlaceholderText(defaults.get("api_url", ""))
        self.auth_edit = self._edit("meetings_auth_url", current.get("auth_url", "") if current.get("auth_url") != defaults.get("auth_url") else "")
        self.auth_edit.setPlaceholderText(defaults.get("auth_url", ""))
        self.create_as_box = QComboBox(self)
        self.create_as_box.setObjectName("meetings_create_as")
        self.create_as_box.addItem(self.tr("Online meeting (OnlineMeetings.ReadWrite.All)"), "online_meeting")
        self.create_as_box.addItem(self.tr("Calendar event with a Teams meeting (Calendars.ReadWrite)"), "event")
        self.create_as_box.setCurrentIndex(max(0, self.create_as_box.findData(current.get("create_as", "online_meeting"))))

        self.create_as_box.setVisible(self.provider == "graph")  # Teams only; never left floating unlaid
        if self.provider == "zoom":
            form.addRow(self.tr("Account ID:"), self.account_edit)
            self.user_edit.setPlaceholderText("soudan@city.example.lg.jp")
        elif self.provider == "graph":
            form.addRow(self.tr("Tenant ID:"), self.account_edit)
            self.user_edit.setPlaceholderText(self.tr("Organiser's user ID or e-mail"))
            form.addRow(self.tr("Create as:"), self.create_as_box)
        if self.provider is not None:
            form.addRow(self.tr("Client ID:"), self.client_edit)
            form.addRow(self.tr("Client secret:"), self.secret_edit)
            form.addRow(self.tr("Organiser (user):"), self.user_edit)
            form.addRow(self.tr("API URL:"), self.api_edit)
            form.addRow(self.tr("Sign-in URL:"), self.auth_edit)
        else:
            self.enabled_box.setEnabled(False)
            for edit in (self.account_edit, self.client_edit, self.user_edit, self.secret_edit, self.api_edit,
                         self.auth_edit):
                edit.hide()  # not laid out: never left floating over the dialog's first line
            form.addRow(
                QLabel(self.tr("%1 has no public interface for creating meetings: staff type the details in.").replace(
                    "%1", credentials.platform_label(self.config)), self)
            )
        layout.addLayout(form)

        self.keyring_label = QLabel(self)
        self.keyring_label.setObjectName("meetings_keyring")
        self.keyring_label.setWordWrap(True)
        layout.addWidget(self.keyring_label)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Connection &test"), self)
        self.test_button.setObjectName("meetings_test")
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(self.tr("Saves the settings, then creates a test meeting and deletes it at once"))
        self.test_button.clicked.connect(self.run_test)
        self.test_label = QLabel(self)
        self.test_label.setObjectName("meetings_test_result")
        self.test_label.setWordWrap(True)
        self.test_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_label, 1)
        layout.addLayout(test_row)

        self.cleanup_box = QGroupBox(self.tr("Meetings left to delete on the platform"), self)
        cleanup_layout = QVBoxLayout(self.cleanup_box)
        self.cleanup_list = QListWidget(self.cleanup_box)
        self.cleanup_list.setObjectName("meetings_cleanup")
        self.cleanup_list.setMaximumHeight(110)
        self.retry_button = QPushButton(self.tr("&Delete again"), self.cleanup_box)
        self.retry_button.setObjectName("meetings_cleanup_retry")
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.retry_cleanup)
        cleanup_layout.addWidget(self.cleanup_list)
        cleanup_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.cleanup_box)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("meetings_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.enabled_box.currentIndexChanged.connect(self._mode_changed)
        runner().finished.connect(self._call_finished)
        self._mode_changed()
        self._show_keyring()
        self._load_cleanup()
        self.resize(640, self.sizeHint().height())

    def _edit(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        return edit

    # -------------------------------------------------------------- state

    def _mode_changed(self) -> None:
        on = self.enabled_box.currentData() != "off"
        for widget in (self.account_edit, self.client_edit, self.user_edit, self.secret_edit, self.api_edit,
                       self.auth_edit, self.create_as_box):
            widget.setEnabled(on)
        self.test_button.setEnabled(on and not runner().busy(self.test_key))

    def _show_keyring(self) -> None:
        try:
            stored = meetings.service.secret_stored(self.office)
        except ConsultDeskError as exc:
            self.keyring_label.setText(exc.message + " " + self.tr("Use the variable %1 instead.").replace("%1", msettings.SECRET_ENV))
            self.keyring_label.setStyleSheet(ERROR_STYLE)
            self.secret_edit.setEnabled(False)
            return
        self.keyring_label.setStyleSheet("")
        self.keyring_label.setText(self.tr("The client secret is kept in this PC's keyring, never in the database."))
        self.secret_edit.setPlaceholderText(self.tr("Stored (empty: keep)") if stored else self.tr("Not stored yet"))

    def _load_cleanup(self) -> None:
        self.cleanup_list.clear()
        entries = meetings.cleanup_list(self.office)
        for entry in entries:
            label = msettings.PROVIDER_LABELS.get(entry.platform, entry.platform)
            whom = self.tr("reservation #%1").replace("%1", str(entry.reservation_id)) if entry.reservation_id else self.tr("test")
            item = QListWidgetItem(f"{entry.created_at:%Y-%m-%d %H:%M}  {label}  {entry.platform_id[:24]}  ({whom})  {entry.reason}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.cleanup_list.addItem(item)
        self.cleanup_box.setVisible(bool(entries))
        if entries:
            self.cleanup_list.setCurrentRow(0)

    def settings_data(self) -> dict | None:
        mode = self.enabled_box.currentData()
        if mode == "off" or self.provider is None:
            return None
        data: dict = {
            "provider": self.provider,
            "account_id" if self.provider == "zoom" else "tenant": self.account_edit.text(),
            "client_id": self.client_edit.text(),
            "user": self.user_edit.text(),
            "auto_create": mode == "auto",
        }
        if self.api_edit.text().strip():
            data["api_url"] = self.api_edit.text()
        if self.auth_edit.text().strip():
            data["auth_url"] = self.auth_edit.text()
        if self.provider == "graph":
            data["create_as"] = self.create_as_box.currentData()
        return data

    # -------------------------------------------------------------- actions

    def save(self) -> bool:
        secret = self.secret_edit.text() if self.secret_edit.isEnabled() and self.secret_edit.text() else None
        try:
            meetings.service.save_settings(self.ctx, self.office, self.settings_data(), secret)
        except ConsultDeskError as exc:
            self.error_label.setText(exc.message)
            return False
        self.error_label.clear()
        self.secret_edit.clear()
        self._show_keyring()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def run_test(self) -> None:
        if not self.save():
            return
        ctx, office = self.ctx, self.office
        if runner().run(self.test_key, lambda: meetings.platform_test(ctx, office), label=self.tr("Connection test")):
            self.test_button.setEnabled(False)
            self.test_label.setStyleSheet("")
            self.test_label.setText(self.tr("Testing the connection…"))

    def retry_cleanup(self) -> None:
        item = self.cleanup_list.currentItem()
        if item is None:
            return
        entry_id = int(item.data(Qt.ItemDataRole.UserRole))
        ctx = self.ctx
        if runner().run(f"cleanup/{entry_id}", lambda: meetings.retry_cleanup(ctx, entry_id)):
            self.retry_button.setEnabled(False)

    def _call_finished(self, key: str, ok: bool, message: str) -> None:
        if key == self.test_key:
            self.test_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
            self.test_label.setText(message)
            self._mode_changed()
            self._load_cleanup()
        elif key.startswith("cleanup/"):
            self.retry_button.setEnabled(True)
            if not ok:
                self.error_label.setText(message)
            self._load_cleanup()

    def done(self, result: int) -> None:
        runner().finished.disconnect(self._call_finished)
        super().done(result)
