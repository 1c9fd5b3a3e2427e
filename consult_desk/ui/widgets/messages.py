"""Refusals and failures shown as a sentence (never a traceback), and confirmations for what cannot be undone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from consult_desk.errors import ConsultDeskError, clause_text


def show_error(parent: QWidget | None, error: ConsultDeskError) -> None:
    title = QCoreApplication.translate("Messages", "Not possible")
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("rule_error_box")
    if error.clause:
        box.setInformativeText(QCoreApplication.translate("Messages", "Rule: %1").replace("%1", clause_text(error.clause)))
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before an action that cannot be undone; No is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("Messages", "Go back"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def message_label(parent: QWidget, wrap: bool = True) -> QLabel:
    """The red line where a dialog says what is wrong (object name ``message``, empty until then)."""
    label = QLabel("", parent)
    label.setObjectName("message")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(wrap)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept (which checks, and may refuse) and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
