"""Help menu and F1: the shipped Japanese manual at the page for the view in use (issue 15, 5)."""

from __future__ import annotations

import pytest
from desk_support import activate, press
from PySide6.QtCore import Qt

from consult_desk.context import Actor, Context
from consult_desk.ui.shell.help_browser import PAGES, manual_dir, page_for
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")


def test_manual_pages_are_shipped_and_linked():
    pages = {p.name for p in manual_dir().glob("*.html")}
    assert {"index.html", "desk.html", "session.html", "mail.html", "supervisor.html", "shortcuts.html"} <= pages
    assert set(PAGES.values()) <= pages
    for page in pages:
        text = (manual_dir() / page).read_text(encoding="utf-8")
        assert 'lang="ja"' in text and "http" not in text  # offline, Japanese


def test_f1_opens_the_manual_at_the_current_views_page(db, clock, make_office, qtbot):
    make_office("hellowork-kawagoe")
    window = MainWindow(Context(Actor("reception", "受付 花子", "reception"), clock), db_location=":memory:")
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.today)
    activate(qtbot, window)
    window.today.setFocus()
    press(qtbot, Qt.Key.Key_F1)
    browser = window.help_browser
    assert browser.isVisible() and browser.page() == "session.html"
    assert "本日ボード" in browser.browser.toPlainText()
    window.show_calendar()
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_F1)
    assert window.help_browser.page() == "desk.html"
    browser = window.open_help("shortcuts.html")  # Help → キー操作一覧
    assert "Ctrl+L" in browser.browser.toPlainText() and "ロック" in browser.browser.toPlainText()
    menus = [a.text() for a in window.menuBar().actions()]
    assert any("ヘルプ" in m or "Help" in m for m in menus)
    browser.close()


def test_page_for_a_widget_inside_a_dialog(qtbot):
    """A widget's page is its nearest parent's: a field inside the booking dialog opens 受付."""
    from PySide6.QtWidgets import QDialog, QLineEdit

    BookingDialog = type("BookingDialog", (QDialog,), {})  # page_for goes by class name  # noqa: N806
    dialog = BookingDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    assert page_for(field) == "desk.html"
    assert page_for(None) == "index.html"
