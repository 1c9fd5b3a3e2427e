"""Dialogs sized for the screen they open on (issue 15, 1).

The office laptop is 1366×768; at 150 % that is 911×512 logical pixels, and the taskbar and the title
bar take some 60 more. A dialog asks for a comfortable size and gets at most what that screen leaves;
what does not fit then scrolls or wraps inside it, and its buttons stay on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# what a dialog may take of a screen's available area: the window frame and title bar are outside it
FRAME = QSize(11, 32)
FALLBACK = QSize(911, 512)  # no screen known: the laptop at 150 %


def room(widget: QWidget) -> QSize:
    """The logical pixels a dialog of ``widget`` may take on the screen it opens on."""
    screen = widget.screen()
    available = screen.availableGeometry().size() if screen is not None else FALLBACK
    return QSize(available.width() - FRAME.width(), available.height() - FRAME.height())


def fit_to_screen(dialog: QWidget, wanted: QSize, available: QSize | None = None) -> None:
    """Resize ``dialog`` to ``wanted``, or to what its screen (or ``available``) leaves when that is
    less, never below the dialog's minimum size. ``wanted`` stays on the dialog (property
    ``wanted_size``) for a later fit to another screen."""
    dialog.setProperty("wanted_size", wanted)
    dialog.resize(wanted.boundedTo(available or room(dialog)).expandedTo(dialog.minimumSizeHint()))


WORD_JOINER = "\u2060"


def no_widow(text: str, keep: int = 4) -> str:
    """``text`` whose last ``keep`` characters wrap together, when they are Japanese (no spaces to break
    at): a wrapped label never leaves 「い。」 or 「も）」 alone on its last line."""
    head, tail = text[:-keep], text[-keep:]
    if len(text) <= keep or any(ch.isspace() or ord(ch) < 0x3000 for ch in tail):
        return text
    return head + WORD_JOINER.join(tail)


class WrappedLabel(QLabel):
    """A word-wrapped label whose last line is never a lonely 「い。」 (:func:`no_widow`); ``text()``
    gives the text as set, without the joiners."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(no_widow(text))

    def text(self) -> str:
        return super().text().replace(WORD_JOINER, "")


def check_room(option: QStyleOptionViewItem) -> int:
    """The width a row's check box takes from its text (with the margins on both sides)."""
    widget = option.widget  # type: ignore[attr-defined]
    style = widget.style() if widget is not None else QApplication.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) + 1
    spacing = widget.spacing() if isinstance(widget, QListView) else 0  # the row is that much narrower
    return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, widget) + 4 * margin + 2 * spacing


class CheckRowDelegate(QStyledItemDelegate):
    """Rows with a check box as high as their text wrapped beside it. Qt measures a wrapped row as if
    the check box took no room, then elides the last words (「必須ではありま…」) to fit the row."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        narrowed = QStyleOptionViewItem(option)
        rect = narrowed.rect  # type: ignore[attr-defined]
        view = option.widget  # type: ignore[attr-defined]
        if not rect.isValid() and isinstance(view, QListView):  # asked without a width: the view's
            rect = QRect(0, 0, view.viewport().width(), 1)
        if rect.isValid() and index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            narrowed.rect = QRect(rect.x(), rect.y(), max(1, rect.width() - check_room(option)), rect.height())  # type: ignore[attr-defined]
        return super().sizeHint(narrowed, index)
