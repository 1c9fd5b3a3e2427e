"""Choosing a file to save or open: Qt's own file dialog, never the platform's.

The platform dialog (GTK, a portal) speaks the system's language, which on a desk PC set up in
English put "Look in:" and "Files of type:" into the Japanese UI. Qt's dialog is translated by
qtbase_ja.qm (loaded at start, shell/app.py) like every other Qt text, and looks the same on every
desk and in the screenshots.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def file_dialog(parent: QWidget | None, title: str, path: str, filters: str, save: bool) -> QFileDialog:
    dialog = QFileDialog(parent, title, path, filters)
    dialog.setObjectName("file_dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
        suffix = filters.split("*.", 1)[1].split(")", 1)[0].split()[0] if "*." in filters else ""
        if suffix and suffix != "*":
            dialog.setDefaultSuffix(suffix)
    return dialog


def _ask(parent: QWidget | None, title: str, path: str, filters: str, save: bool) -> str:
    dialog = file_dialog(parent, title, path, filters, save)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def save_file_name(parent: QWidget | None, title: str, path: str, filters: str) -> str:
    """The chosen path, or "" when cancelled (as QFileDialog.getSaveFileName's first value)."""
    return _ask(parent, title, path, filters, save=True)


def open_file_name(parent: QWidget | None, title: str, path: str, filters: str) -> str:
    return _ask(parent, title, path, filters, save=False)
