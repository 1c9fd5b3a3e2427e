"""A new password typed twice: the two masked fields and the check that they agree."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from consult_desk.errors import RuleError


def password_pair(parent: QWidget) -> tuple[QLineEdit, QLineEdit]:
    """The new password and its repetition, masked, named ``password`` and ``repeat``."""
    password = QLineEdit(parent)
    password.setObjectName("password")
    repeat = QLineEdit(parent)
    repeat.setObjectName("repeat")
    for edit in (password, repeat):
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return password, repeat


def check_repeated(password: QLineEdit, repeat: QLineEdit) -> None:
    """RuleError ``password_mismatch`` when the two differ."""
    if password.text() != repeat.text():
        raise RuleError("password_mismatch")
