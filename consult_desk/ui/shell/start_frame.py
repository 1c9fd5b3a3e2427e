"""The main window's frame at start-up (issue 18): what the window shows before peewee and the
services are imported, so that it appears at once. Its title, the menu bar's menus (inactive), the tabs,
the Today board's column headers over 「読み込み中…」, and the status bar, at the size the window had
last time. :meth:`MainWindow.fill` replaces all of it in the next turn of the event loop
(:mod:`consult_desk.ui.shell.app`). Nothing in the frame acts: its menus are disabled, it has no
action and no shortcut, and the tabs hold empty pages.

Private to the shell; it imports Qt and the shell's settings only, and touches no ``Qt.`` enum (PySide6
makes the whole ``Qt`` namespace on first use, about 20 ms): the label is centred by its layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QTableWidget, QTabWidget

from consult_desk.ui.shell.settings import settings

# The same texts as the filled window's (translation context, source text).
MENUS = (("MainWindow", "&File"), ("MainWindow", "&Booking"), ("MainWindow", "&View"), ("MainWindow", "&Help"))
TABS = (("TodayBoard", "Today"), ("MainWindow", "Calendar"), ("MainWindow", "Search"), ("OutboxView", "Outbox"))
# session.today_board.BoardModel.headers(), in the same order (tests/ui/test_start_frame.py compares them)
BOARD_HEADERS = ("Counsellor / seat", "Time", "Name", "Status", "Next", "Countdown", "Warnings")
DEFAULT_SIZE = (1440, 860)  # MainWindow._restore_state's, for a first start


def _translated(context: str, text: str) -> str:
    """One of the filled window's texts (the translation files hold them under their own context)."""
    return QCoreApplication.translate(context, text)


def loading_text() -> str:
    return QCoreApplication.translate("StartFrame", "Loading…")


def build(window: QMainWindow) -> None:
    """Put the frame into ``window`` (a main window not filled yet)."""
    window.setWindowTitle("Consult Desk")
    bar = window.menuBar()
    for context, text in MENUS:
        bar.addMenu(_translated(context, text)).setEnabled(False)
    tabs = QTabWidget(window)
    tabs.setObjectName("start_frame")
    board = QTableWidget(0, len(BOARD_HEADERS))
    board.setObjectName("start_frame_board")
    board.setHorizontalHeaderLabels([_translated("TodayBoard", text) for text in BOARD_HEADERS])
    board.verticalHeader().setVisible(False)
    board.horizontalHeader().setStretchLastSection(True)
    loading = QLabel(loading_text(), board.viewport())
    loading.setObjectName("start_frame_loading")
    centre = QGridLayout(board.viewport())  # an empty row and column stretch on each side
    centre.addWidget(loading, 1, 1)
    for n in (0, 2):
        centre.setRowStretch(n, 1)
        centre.setColumnStretch(n, 1)
    tabs.addTab(board, _translated(*TABS[0]))
    for context, text in TABS[1:]:
        tabs.addTab(QLabel(loading_text()), _translated(context, text))
    window.setCentralWidget(tabs)
    window.statusBar().showMessage(loading_text())
    geometry = settings().value("main/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)  # where the filled window will be: it does not move
    else:  # never larger than the screen (a 1366×768 laptop at 150 % has 911×512 logical pixels)
        screen = window.screen().availableGeometry()
        window.resize(min(DEFAULT_SIZE[0], screen.width()), min(DEFAULT_SIZE[1], screen.height()))


def clear(window: QMainWindow) -> None:
    """Before the window is filled: the frame's menus, tabs and message go."""
    window.menuBar().clear()
    window.statusBar().clearMessage()
    frame = window.centralWidget()
    if frame is not None and frame.objectName() == "start_frame":
        window.takeCentralWidget()
        frame.setParent(None)  # type: ignore[call-overload]
        frame.deleteLater()
