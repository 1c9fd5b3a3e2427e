"""Helpers for the desk window tests: clean settings, Japanese translators, keyboard, modal dialogs.

Modal dialogs (``exec()``) are driven for real: :class:`Modals` watches for the next modal widget
and hands it to a handler, which types and clicks like a user would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

WED = dt.date(2027, 1, 13)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Type into the focused widget: ASCII as key presses, anything else as an input method (IME) commit."""
    chunk = ""
    for ch in text + "\0":
        ascii_char = ch != "\0" and ord(ch) < 128
        if chunk and (ch == "\0" or ascii_char != (ord(chunk[0]) < 128)):
            if ord(chunk[0]) < 128:
                qtbot.keyClicks(focused(), chunk)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(focused(), event)
            chunk = ""
        if ch != "\0":
            chunk += ch


def activate(qtbot, window: QWidget) -> None:
    """Show and activate ``window`` and wait until the keyboard focus is inside it."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)

    def focus_inside() -> bool:
        widget = QApplication.focusWidget()
        return widget is not None and (widget is window or window.isAncestorOf(widget))

    qtbot.waitUntil(focus_inside)


def finished(qtbot, op, timeout: int = 10_000):  # noqa: ANN001, ANN201
    """Wait for an operation run off the window's thread (shell/ops.py) and return its result."""
    assert op is not None, "nothing was started"
    qtbot.waitUntil(lambda: op.finished, timeout=timeout)
    return op.result


class Modals:
    """Handle the next modal dialogs in order: ``handler(dialog)`` runs once each appears."""

    def __init__(self, *handlers: Callable[[QWidget], None]) -> None:
        self.handlers = list(handlers)
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        self.errors: list[BaseException] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or widget in self.seen or not self.handlers:
            return
        self.seen.append(widget)
        if isinstance(widget, QMessageBox):
            self.texts.append(widget.text())
        handler = self.handlers.pop(0)
        # Run outside this timer's slot, so a handler may open a further modal dialog.
        QTimer.singleShot(0, lambda: self._run(handler, widget))

    def _run(self, handler: Callable[[QWidget], None], widget: QWidget) -> None:
        """A failing handler closes its dialog (so the test ends instead of waiting) and fails the test."""
        try:
            handler(widget)
        except BaseException as exc:  # noqa: BLE001 - reported by done()
            self.errors.append(exc)
            self.handlers.clear()
            for modal in (QApplication.activeModalWidget(), widget):
                if isinstance(modal, QDialog) and modal.isVisible():
                    modal.reject()

    def done(self) -> bool:
        if self.errors:
            raise self.errors[0]
        return not self.handlers

    def stop(self) -> None:
        self.timer.stop()


def click_button(box: QWidget, text: str) -> None:
    """Click the button whose text contains ``text`` (ignoring & mnemonics)."""
    for button in box.findChildren(QAbstractButton):
        if text in button.text().replace("&", ""):
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.findChildren(QAbstractButton)]}")


def answer_yes(box: QWidget) -> None:
    """A confirmation (messages.confirm): the first button is the 'do it' one."""
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b is not box.defaultButton()).click()


def answer_no(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    box.defaultButton().click()


def close_box(box: QWidget) -> None:
    assert isinstance(box, QMessageBox)
    box.buttons()[0].click()
