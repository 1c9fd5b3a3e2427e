"""A short dialog for an action that needs a note: a contact from the applicant (blocks a no-show,
003 7(2), 004 第4条(4)) or the reason a supervisor undoes a no-show."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError
from consult_desk.lifecycle import ActOptions
from consult_desk.presets import channel_label
from consult_desk.states import action_label
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.platform_calls import follow_up


class NoteDialog(QDialog):
    """``NoteDialog(ctx, reservation_id, action, prompt, channels)``: the note is required; Accept acts."""

    def __init__(
        self,
        ctx: Context,
        reservation_id: int,
        action: str,
        prompt: str,
        channels: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.ctx = ctx
        self.reservation_id = reservation_id
        self.action = action
        res = lifecycle.get_reservation(reservation_id)
        self.setWindowTitle(f"{action_label(action)} — {res.applicant.name}")
        self.note = QLineEdit(self)
        self.note.setObjectName("note_text")
        self.note.textChanged.connect(self._update)
        self.channel = QComboBox(self)
        self.channel.setObjectName("note_channel")
        for code in channels or []:
            self.channel.addItem(channel_label(code), code)
        self.error = QLabel(self)
        self.error.setObjectName("note_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{style.ERROR};")
        form = QFormLayout()
        form.addRow(prompt, self.note)
        if channels:
            form.addRow(self.tr("By:"), self.channel)
        else:
            self.channel.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(action_label(action), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("note_ok")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    @classmethod
    def for_action(cls, ctx: Context, reservation_id: int, action: str, parent: QWidget | None = None) -> NoteDialog:
        if action == "contact":
            return cls(ctx, reservation_id, action, QCoreApplication.translate("NoteDialog", "What did the applicant say?"), ["phone", "email"], parent)
        return cls(ctx, reservation_id, action, QCoreApplication.translate("NoteDialog", "Reason:"), None, parent)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.note.text().strip()))

    def save(self) -> None:
        if not self.ok_button.isEnabled():
            return
        options = ActOptions(note=self.note.text(), channel=str(self.channel.currentData() or ""))
        try:
            res = lifecycle.act(self.ctx, self.reservation_id, self.action, options)
        except ConsultDeskError as exc:
            self.error.setText(exc.message + (f"（{exc.clause}）" if exc.clause else ""))
            return
        follow_up(self.ctx, self.action, res)  # the platform meeting follows, in the background (issue 16)
        self.accept()
