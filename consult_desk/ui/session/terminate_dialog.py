"""Ending a session for a prohibited act (001 4-5, 002 6, 004 第10条(1), 000 第10条(3)): pick the act
from the office's list, write what happened; the session ends and the applicant is flagged."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consult_desk import lifecycle
from consult_desk.context import Context
from consult_desk.errors import clause_text
from consult_desk.lifecycle import ActOptions
from consult_desk.offices import get_config
from consult_desk.presets import label_text
from consult_desk.ui.widgets import style
from consult_desk.ui.widgets.format import paren


class TerminateDialog(QDialog):
    """``TerminateDialog(ctx, reservation_id, parent)``: the prohibited act and what happened (``options()``)."""

    def __init__(self, ctx: Context, reservation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terminate_dialog")
        self.ctx = ctx
        self.reservation_id = reservation_id
        res = lifecycle.get_reservation(reservation_id)
        config = get_config(res.office_id)
        self.setWindowTitle(self.tr("Terminate the session — %1").replace("%1", res.applicant.name))
        self.act_box = QComboBox(self)
        self.act_box.setObjectName("prohibited_act")
        self.act_box.addItem(self.tr("— choose the act —"), "")
        for act in config.prohibited_acts():
            clause = act.get("clause")
            text = label_text(act["label"]) + (paren(clause_text(clause)) if clause else "")
            self.act_box.addItem(text, act["key"])
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("terminate_note")
        self.note.setPlaceholderText(self.tr("What happened (required)"))
        self.note.setTabChangesFocus(True)
        warning = QLabel(
            self.tr("The session ends now and the applicant is flagged: the flag is shown at the next booking."), self
        )
        warning.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("terminate_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color:{style.ERROR};")
        form = QFormLayout()
        form.addRow(self.tr("Prohibited &act:"), self.act_box)
        form.addRow(self.tr("&Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.addButton(self.tr("&Terminate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("terminate_ok")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.act_box.currentIndexChanged.connect(lambda _i: self._update())
        self.note.textChanged.connect(self._update)
        self._update()

    def choose(self, key: str) -> None:
        self.act_box.setCurrentIndex(max(0, self.act_box.findData(key)))

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.act_box.currentData()) and bool(self.note.toPlainText().strip()))

    def options(self) -> ActOptions:
        return ActOptions(prohibited_act=str(self.act_box.currentData()), note=self.note.toPlainText())

    def save(self) -> None:
        """Accept with the details; the action runner confirms and stores (``session/action_runner.py``)."""
        if not self.ok_button.isEnabled():
            return
        self.accept()
