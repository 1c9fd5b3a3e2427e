"""Fixtures and helpers for the supervisor window tests: clean settings, Japanese translators, and
a driver for modal dialogs (``exec()``) that hands each one to a handler, as a user would act."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from consult_desk.ui.app import install_translators, settings


@pytest.fixture
def clean_settings():
    settings().clear()
    yield settings()
    settings().clear()


@pytest.fixture
def japanese(qapp):
    installed = install_translators(qapp, "ja")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


class Modals:
    """Handle the next modal dialogs in order: ``handler(dialog)`` runs once each appears."""

    def __init__(self, *handlers: Callable[[QWidget], None]) -> None:
        self.handlers = list(handlers)
        self.seen: list[QWidget] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or widget in self.seen or not self.handlers:
            return
        self.seen.append(widget)
        handler = self.handlers.pop(0)
        QTimer.singleShot(0, lambda: handler(widget))

    def stop(self) -> None:
        self.timer.stop()
