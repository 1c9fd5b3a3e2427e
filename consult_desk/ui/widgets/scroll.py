"""A scroll area that scrolls up and down only: it is as wide as its widget needs (so nothing is cut
at the right) and as short as one wants, for forms and panels on a 1366×768 screen at 150 %."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class VerticalScrollArea(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None, min_height: int = 80) -> None:
        super().__init__(parent)
        self.min_height = min_height
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        widget = self.widget()
        if widget is None:
            return super().minimumSizeHint()
        width = (widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()
                 + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth())
        return QSize(width, min(self.min_height, widget.sizeHint().height()))

    def sizeHint(self) -> QSize:  # noqa: N802
        """As narrow as it may be (the views beside it take the rest), as tall as the widget."""
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        return QSize(self.minimumSizeHint().width(), widget.sizeHint().height() + 2 * self.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The widget's contents changed (rows added, a label rewrapped): once its layout has run, the
        widget gets the height its wrapped rows need at this width, and the layout above the new width."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
            self._hold_width()
        return super().eventFilter(watched, event)

    def _hold_width(self) -> None:
        # an explicit minimum: the layouts above (a splitter, a dock) honour it at once; a changed
        # minimumSizeHint alone can wait in their caches
        width = self.minimumSizeHint().width()
        if width != self.minimumWidth():
            self.setMinimumWidth(width)
        self.updateGeometry()

    def refit(self) -> None:
        """Lay the widget out now (after its contents changed), not at the next pass of the event loop."""
        widget = self.widget()
        if widget is not None and widget.layout() is not None:
            widget.layout().activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        self._hold_width()
