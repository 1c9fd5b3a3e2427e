"""The shipped manual (resources/manual/*.html, Japanese) in a QTextBrowser: offline, F1 opens the
page for the view or dialog the user is in, links move between pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from consult_desk.paths import resources_dir

# Which page explains which widget (by class name, so this module imports no view).
PAGES = {
    "TodayBoard": "session.html",
    "CheckInDialog": "session.html",
    "CallbackPanel": "session.html",
    "CallbackQueueDock": "session.html",
    "CalendarView": "desk.html",
    "SearchView": "desk.html",
    "BookingDialog": "desk.html",
    "ConsentDialog": "desk.html",
    "ReservationPanel": "desk.html",
    "OutboxView": "mail.html",
    "MailPreviewDialog": "mail.html",
    "CredentialsWidget": "mail.html",
    "DailyReviewView": "supervisor.html",
    "ReportsView": "supervisor.html",
    "AuditView": "supervisor.html",
    "StaffDialog": "supervisor.html",
}


def manual_dir():  # noqa: ANN201 (Path)
    return resources_dir() / "manual"


def page_for(widget: QWidget | None) -> str:
    """The manual page for ``widget`` or the nearest parent that has one; the main window's current
    tab when the widget is the window itself; else the table of contents."""
    while widget is not None:
        for cls in type(widget).__mro__:
            if cls.__name__ in PAGES:
                return PAGES[cls.__name__]
        if isinstance(widget, QMainWindow) and hasattr(widget, "tabs"):
            return page_for(widget.tabs.currentWidget()) if widget.tabs.currentWidget() is not None else "index.html"
        widget = widget.parentWidget()
    return "index.html"


class HelpBrowser(QWidget):
    """One window; opening another page reuses it."""

    _instance: HelpBrowser | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_browser")
        self.setWindowTitle(self.tr("Consult Desk manual"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manual")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(manual_dir())])
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(760, 620)

    def show_page(self, page: str) -> None:
        path = manual_dir() / page
        if not path.is_file():
            path = manual_dir() / "index.html"
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.show()
        self.raise_()
        self.activateWindow()

    def page(self) -> str:
        return self.browser.source().fileName()


def open_help(page: str | None = None, context: QWidget | None = None) -> HelpBrowser:
    """F1 / Help menu: the manual at ``page`` (default: the page for the widget with the focus or
    ``context``). While a modal dialog is open the browser belongs to it, so it can be used."""
    app = QApplication.instance()
    focus = app.focusWidget() if app is not None else None
    modal = QApplication.activeModalWidget()
    if page is None:
        page = page_for(modal or focus or context)
    browser = HelpBrowser._instance
    parent = modal or context
    if browser is None or browser.parentWidget() is not parent:
        if browser is not None:
            browser.close()
            browser.deleteLater()
        browser = HelpBrowser(parent)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        HelpBrowser._instance = browser
        browser.destroyed.connect(lambda *_: setattr(HelpBrowser, "_instance", None))
    browser.show_page(page)
    return browser
