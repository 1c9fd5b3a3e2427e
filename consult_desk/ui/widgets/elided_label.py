"""A one-line label that may be narrower than its text (a file path in the status bar): the middle of
the text gives way to "…" when there is no room, and the tooltip has it in full."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 8, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as painted at the label's present width: none while its status bar shows a message.
        (Qt hides a status bar's widgets for a message, but a widget added to the bar afterwards, such
        as a busy bar, lays the bar out again and shows them again.)"""
        bar = self.parentWidget()
        if isinstance(bar, QStatusBar) and bar.currentMessage():
            return ""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        text = self.shown_text()
        if text:
            QPainter(self).drawText(self.contentsRect(), int(self.alignment()), text)
