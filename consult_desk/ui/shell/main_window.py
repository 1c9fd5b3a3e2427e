"""The desk's main window: office switcher, views in tabs, the reservation panel, status bar.

Views are added in :meth:`MainWindow._build_views`, one line each. A view is a widget with
``set_office(code)`` and ``refresh()``; if it has a ``reservation_activated = Signal(int)`` the
window opens that reservation in the panel on the right, and a ``booking_requested =
Signal(object, object)`` (slot start, event id) opens the booking dialog.

Start-up: only the Today board (and whichever tab the user left open) is built before the window
first paints. The other tabs hold an empty page until they are first shown, or until their
attribute (``window.calendar``, ``window.outbox_view``, ``window.reports`` ...) or
:meth:`MainWindow.views` is asked for; then the view is imported, built, filled for the current
office and put in its tab. A view not built yet is neither refreshed nor told of an office change:
it reads everything when it is built.

Before all that (issue 18): :meth:`MainWindow.frame` is the window's frame alone, painted before
peewee and the services are imported (``shell/start_frame.py``); :meth:`MainWindow.fill` builds the
window into it in the next turn of the event loop (``shell/app.py``). This module imports the services
and the views only inside the methods that use them, for that reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolBar,
    QWidget,
)

from consult_desk import changes
from consult_desk.errors import ConsultDeskError
from consult_desk.ui.shell import start_frame, wiring
from consult_desk.ui.shell.selection import Selection
from consult_desk.ui.shell.settings import settings

if TYPE_CHECKING:
    from consult_desk.context import Context

# The calendar, search, outbox, booking dialog and settings modules are imported when first used.
UNDO_OFFER_MS = 8000  # how long 「元に戻す」 stays in the status bar
OUTBOX_TITLE = ("OutboxView", "Outbox")  # OutboxView.tab_title(), without importing the mail modules
WIDE_WINDOW = 1600  # logical px: from here (1920 at 100 %) the panel and the callback queue stand side by side;
# below (the 1366 laptop) they are two tabs of one column and the Today board keeps its columns
PANEL_WIDTH = 400  # the reservation panel's first width beside the views (its rows wrap)


class MainWindow(QMainWindow):
    lock_requested = Signal()  # File → Lock (Ctrl+L): the desk session covers the window and asks
    sign_out_requested = Signal()  # File → Sign out: the next person signs in, the window stays
    settings_changed = Signal()  # File → Settings accepted (the idle lock time may have changed)
    filled = False  # True once fill() has built the window (at once, or after the start's frame)

    def __init__(self, ctx: Context | None, db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.db_location = db_location
        if ctx is None:  # MainWindow.frame(): the start-up's frame, filled in the next turn
            start_frame.build(self)
            return
        self.fill(ctx)

    @classmethod
    def frame(cls, db_location: str) -> MainWindow:
        """The window's frame alone (no data, nothing that acts), to paint before the services are
        imported; :meth:`fill` completes it."""
        return cls(None, db_location)

    def fill(self, ctx: Context) -> None:
        """Build the window for ``ctx``: views, panel, menus, status bar (replacing the start's frame)."""
        from consult_desk.offices import configs_read_once

        with configs_read_once():  # the office's configuration: one read for the whole build, not a dozen
            self._build(ctx)

    def _build(self, ctx: Context) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace costs about 20 ms: after the frame has painted

        from consult_desk.models.db import describe
        from consult_desk.offices import display_name, list_offices
        from consult_desk.ui.desk.reservation_panel import ReservationPanel
        from consult_desk.ui.session.callback_queue import CallbackQueueDock
        from consult_desk.ui.shell.change_watcher import ChangeWatcher
        from consult_desk.ui.shell.hub import hub
        from consult_desk.ui.widgets.elided_label import ElidedLabel
        from consult_desk.ui.widgets.format import set_era, truthy

        start_frame.clear(self)
        self.ctx = ctx
        db_location = self.db_location
        wiring.install()  # the areas reach each other's dialogs through shell/openers.py
        set_era(truthy(settings().value("ui/era", False)))
        self.offices = list_offices()
        self.office = self.offices[0].code if self.offices else ""
        last = str(settings().value("main/office", ""))
        if any(o.code == last for o in self.offices):
            self.office = last
        # The one current office and reservation every view shares (shell/selection.py).
        self.selection = Selection(self.office, self)
        self.selection.office_changed.connect(self._office_selected)

        self.toolbar = QToolBar(self.tr("Office"), self)
        self.toolbar.setObjectName("office_toolbar")
        self.addToolBar(self.toolbar)
        self.office_box = QComboBox(self)
        self.office_box.setObjectName("office_switcher")
        for office in self.offices:
            self.office_box.addItem(display_name(office), office.code)
        self.office_box.setCurrentIndex(max(0, self.office_box.findData(self.office)))
        self.office_box.currentIndexChanged.connect(self._office_changed)
        office_label = QLabel(self.tr("&Office:") + " ")
        office_label.setBuddy(self.office_box)
        self.toolbar.addWidget(office_label)
        self.toolbar.addWidget(self.office_box)
        self.toolbar.setVisible(len(self.offices) > 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("views")
        self.tabs.setUsesScrollButtons(True)  # many tabs on a narrow window: scroll, never widen it
        self.setCentralWidget(self.tabs)
        # The reservation panel is a dock on the right; with the callback queue's dock it shares one
        # column as two tabs on a narrow window and stands beside it on a wide one (_arrange_docks).
        self.panel = ReservationPanel(ctx, self, selection=self.selection)
        self.panel_dock = QDockWidget(self.tr("Reservation"), self)
        self.panel_dock.setObjectName("reservation_dock")
        self.panel_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                    | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.panel_dock.setWidget(self.panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self._build_views()
        self._build_menus()

        database = self.tr("Database: %1").replace("%1", describe(db_location))
        # The path never sets the window's width (a long one on a narrow screen): its middle gives way
        # to "…" when there is no room; the tooltip has it in full.
        self.db_label = ElidedLabel(database, self)
        self.db_label.setObjectName("database_label")
        self.staff_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.staff_label)
        self.due_label = QLabel(self)  # meeting details / replies due today or overdue (consult_desk.due)
        self.due_label.setObjectName("due_count")
        self.statusBar().addPermanentWidget(self.due_label)
        self.today.due_list.loaded.connect(self._show_due_count)  # the due list's own rows: one read, one number
        self._show_due_count()
        self._update_titles()
        # open phone callbacks, seen from every view; made before the saved layout is restored, so
        # that the place a clerk gave this dock comes back too
        self.callback_queue = CallbackQueueDock.install(self, ctx)
        self._restore_state()
        # The panel takes its share of the width only once it shows a reservation: until then the
        # views (the Today board's table, the due list) have the whole window (issue 15, 1). The
        # queue shows when there are callbacks, whatever it was when the desk was last closed.
        self.panel_dock.setVisible(self.panel.reservation_id is not None)
        self.callback_queue.setVisible(bool(self.callback_queue.model.rows))

        # One change hub: this desk's commits come from the services (consult_desk.changes); other
        # desks' changes are noticed by the poll of the change counter (2 s) and published as ALL.
        self.hub = hub()
        self.watcher = ChangeWatcher(parent=self)
        self.watcher.changed.connect(lambda _value: self.hub.publish(changes.ALL))
        self.hub.local_commit.connect(self.watcher.acknowledge)  # our own commit moved the counter
        self.watcher.unavailable.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.watcher.start()
        self._docks_tabbed: bool | None = None
        self._arrange_docks()
        # Zoom / Teams calls running in the background (issue 16) say how they ended here.
        from consult_desk.ui.widgets.platform_calls import runner

        runner().finished.connect(self._platform_call_finished)

        # 「元に戻す」: the last reversible step this person took, offered for a few seconds (issue 15, 6)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_last)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.undo_action = QAction(self.tr("&Undo the last step"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_last)
        self.addAction(self.undo_action)
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_OFFER_MS)
        self.undo_timer.timeout.connect(self._withdraw_undo)
        self._undo_step: int | None = None
        self._undo_offered: int | None = None
        self.hub.local_commit.connect(self._offer_undo)  # after each of this desk's own commits
        self.filled = True

    def _platform_call_finished(self, key: str, ok: bool, message: str) -> None:
        """A meeting made, moved or deleted by the platform: the sentence in the status bar; a failure
        also in a message box that does not block (the details can still be typed in)."""
        from PySide6.QtCore import Qt

        if not message:
            return
        # after the shared ops helper has taken its busy bar away (that re-lays out the status bar)
        QTimer.singleShot(0, lambda: self.statusBar().showMessage(message, 15000))
        if not ok and key.startswith("reservation/"):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Meeting platform"), message, QMessageBox.StandardButton.Ok, self)
            box.setObjectName("platform_call_failed")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setModal(False)
            box.show()

    def _build_views(self) -> None:
        """Each view is a widget with ``set_office(code)`` and ``refresh()``; add one line per tab
        (:meth:`add_lazy_view` for a view built when first shown or asked for)."""
        from consult_desk.ui.desk.loans_view import add_loans_view
        from consult_desk.ui.session.today_board import TodayBoard
        from consult_desk.ui.supervisor.actions import add_supervisor_views

        self._pending: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._calendar_mode = "month"  # the remembered mode, applied when the calendar is built
        self.tabs.currentChanged.connect(self._tab_shown)
        self.today = self._add_view(TodayBoard(self.ctx, self.office, self, selection=self.selection),
                                    TodayBoard.tab_title())
        self.add_lazy_view("calendar", self.tr("Calendar"), self._make_calendar)
        self.add_lazy_view("search_view", self.tr("Search"), self._make_search)
        self.add_lazy_view("outbox_view", QCoreApplication.translate(*OUTBOX_TITLE), self._make_outbox)
        add_supervisor_views(self)  # day review, reports, audit log: only for the roles that may use them
        add_loans_view(self)  # equipment lent (002 4(1)): only where an office lends (issue 12)

    def _add_view(self, view, title: str):  # noqa: ANN001, ANN202 (any view widget)
        self.tabs.addTab(view, title)
        self._connect_view(view)
        return view

    def _connect_view(self, view: QWidget) -> None:
        if hasattr(view, "reservation_activated"):
            view.reservation_activated.connect(self.open_reservation)
        if hasattr(view, "booking_requested"):
            view.booking_requested.connect(self.new_booking)
        if self.office and hasattr(view, "set_office") and getattr(view, "office", None) != self.office:
            view.set_office(self.office)  # a view made for this office has read it already

    def add_lazy_view(self, name: str, title: str, factory: Callable[[], QWidget]) -> None:
        """A tab whose view ``factory()`` makes when the tab is first shown, or when ``window.<name>``
        or :meth:`views` is asked for; until then the tab holds an empty page."""
        page = QWidget(self.tabs)
        page.setObjectName(f"pending_{name}")
        self._pending[name] = (page, factory)
        self.tabs.addTab(page, title)

    def __getattr__(self, name: str):  # noqa: ANN204 (only called for attributes not set yet)
        pending = self.__dict__.get("_pending")
        if pending and name in pending:
            return self._build_view(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _build_view(self, name: str) -> QWidget:
        page, factory = self._pending[name]
        view = factory()  # if this fails the tab stays pending (and is tried again when next shown)
        del self._pending[name]
        setattr(self, name, view)
        index = self.tabs.indexOf(page)
        current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)  # the page is swapped for its view: no tab change for anyone
        try:
            self.tabs.insertTab(index, view, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            if current:
                self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(False)
        page.deleteLater()
        self._connect_view(view)
        return view

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        name = next((n for n, (p, _f) in self._pending.items() if p is page), None)
        if name is not None:
            self._build_view(name)

    def _make_calendar(self) -> QWidget:
        from consult_desk.ui.desk.calendar_views import MODES, CalendarView

        view = CalendarView(self.ctx, self)
        view.set_office(self.office)
        if self._calendar_mode in MODES and self._calendar_mode != view.mode:
            view.set_mode(self._calendar_mode)
        reveal = self.__dict__.pop("_calendar_reveal", None)
        if reveal is not None:
            view.reveal(*reveal)
        return view

    def _make_search(self) -> QWidget:
        from consult_desk.ui.desk.search_view import SearchView

        return SearchView(self.ctx, self)

    def _make_outbox(self) -> QWidget:
        from consult_desk.ui.mail.outbox_view import OutboxView

        return OutboxView(self.ctx, self)

    def _build_menus(self) -> None:
        from PySide6.QtCore import Qt

        from consult_desk.ui.supervisor.actions import add_supervisor_menu

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.settings_action = self._menu_action(file_menu, self.tr("&Settings…"), "Ctrl+,", self.open_settings)
        file_menu.addSeparator()
        self.lock_action = self._menu_action(file_menu, self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit)
        self.sign_out_action = self._menu_action(file_menu, self.tr("Sign &out…"), None, self.sign_out_requested.emit)
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        booking_menu = bar.addMenu(self.tr("&Booking"))
        self.new_booking_action = self._menu_action(booking_menu, self.tr("&New booking…"), "Ctrl+N",
                                                    lambda: self.new_booking())
        self.search_action = self._menu_action(booking_menu, self.tr("&Search…"), "Ctrl+F", self.focus_search)
        self.import_action = self._menu_action(booking_menu, self.tr("&Import form applications…"), None,
                                               self.import_forms)
        self.panel_action = self._menu_action(booking_menu, self.tr("Go to the &reservation panel"), "F6",
                                              self.focus_panel)

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.refresh_action = self._menu_action(self.view_menu, self.tr("&Refresh"),
                                                QKeySequence.StandardKey.Refresh, self.refresh_all)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.view_menu.aboutToShow.connect(self._add_calendar_actions)  # the calendar's own actions
        self._add_calendar_shortcuts()
        add_supervisor_menu(self)  # Administration: staff, backup, restore, anonymisation, own password

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_action = self._menu_action(help_menu, self.tr("&Manual"), QKeySequence.StandardKey.HelpContents,
                                             lambda: self.open_help())
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # in dialogs too
        self._menu_action(help_menu, self.tr("&Keyboard shortcuts"), None, lambda: self.open_help("shortcuts.html"))

    def _add_calendar_shortcuts(self) -> None:
        """Ctrl+1/2/3 and T from every tab: they show the calendar in that mode (or today). While the
        calendar is the current tab its own actions answer, so these are disabled there (one owner
        per key: no ambiguous shortcut)."""
        self.calendar_shortcuts: list[QAction] = []
        for key, mode in (("Ctrl+1", "month"), ("Ctrl+2", "week"), ("Ctrl+3", "day"), ("T", None)):
            action = QAction(self)
            action.setObjectName(f"calendar_shortcut_{mode or 'today'}")
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, m=mode: self.calendar_from_anywhere(m))
            self.addAction(action)
            self.calendar_shortcuts.append(action)
        self.tabs.currentChanged.connect(lambda _i: self._update_calendar_shortcuts())

    def _update_calendar_shortcuts(self) -> None:
        on_calendar = self.tabs.currentWidget() is not None and self.tabs.currentWidget() is self._built("calendar")
        for action in self.calendar_shortcuts:
            action.setEnabled(not on_calendar)

    def calendar_from_anywhere(self, mode: str | None) -> None:
        calendar = self.calendar
        self.show_calendar()
        if mode is None:
            calendar.go_today()
        else:
            calendar.set_mode(mode)
        calendar.current_view().setFocus()

    def _add_calendar_actions(self) -> None:
        """The View menu's calendar entries (its modes, today, previous, next) above Refresh, put in
        the first time the menu opens; their shortcuts belong to the calendar and work there anyway."""
        self.view_menu.aboutToShow.disconnect(self._add_calendar_actions)
        calendar = self.calendar
        first = self.refresh_action
        for mode in ("month", "week", "day"):
            action = calendar.mode_actions[mode]
            action.triggered.connect(self.show_calendar)
            self.view_menu.insertAction(first, action)
        self.view_menu.insertSeparator(first)
        for action in (calendar.today_action, calendar.prev_action, calendar.next_action):
            self.view_menu.insertAction(first, action)
        self.view_menu.insertSeparator(first)

    def _menu_action(self, menu, text: str, key, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def views(self) -> list[QWidget]:
        """Every view, in tab order (the ones not built yet are built now)."""
        for name in list(self._pending):
            self._build_view(name)
        return self._built_views()

    def _built_views(self) -> list[QWidget]:
        pages = {page for page, _factory in self._pending.values()}
        return [w for w in (self.tabs.widget(i) for i in range(self.tabs.count())) if w not in pages]

    def _built(self, name: str) -> QWidget | None:
        return None if name in self._pending else getattr(self, name, None)

    def refresh_all(self) -> None:
        """Reload what every view built so far shows (F5, or after the settings changed the dates'
        form). Changes themselves reach the views through the change hub, by topic."""
        for view in self._built_views():
            if hasattr(view, "refresh"):
                view.refresh()
        self.panel.refresh()

    def _show_due_count(self) -> None:
        """The same number as the due list's header, from the same rows (no second query)."""
        self.due_label.setText(self.today.due_list.count_text())

    def _offer_undo(self) -> None:
        """After this person's step: 「元に戻す」 in the status bar for a few seconds when the service
        says the step can be taken back (lifecycle.last_undoable)."""
        from consult_desk import lifecycle
        from consult_desk.states import action_label

        try:
            step = lifecycle.last_undoable(self.ctx)
        except ConsultDeskError:
            step = None
        if step is None or step.id == self._undo_offered:
            if step is None:
                self._withdraw_undo()
            return
        self._undo_step = self._undo_offered = step.id
        text = self.tr("Undo: %1 (#%2)").replace("%1", action_label(step.action)).replace("%2", str(step.reservation_id))
        self.undo_button.setText(text + " (Ctrl+Z)")
        self.undo_button.show()
        self.undo_action.setEnabled(True)
        self.undo_timer.start()

    def _withdraw_undo(self) -> None:
        self._undo_step = None
        self.undo_button.hide()
        self.undo_action.setEnabled(False)

    def undo_last(self) -> None:
        from consult_desk import lifecycle
        from consult_desk.states import status_label

        step = self._undo_step
        if step is None:
            return
        self._withdraw_undo()
        try:
            res = lifecycle.undo_last(self.ctx, step)
        except ConsultDeskError as exc:
            self.statusBar().showMessage(exc.message, 5000)
            return
        self.statusBar().showMessage(self.tr("Undone: the reservation is “%1” again.").replace(
            "%1", status_label(res.status)), 5000)  # the change hub refreshes the views

    # -------------------------------------------------------------- actions

    def show_calendar(self) -> None:
        self.tabs.setCurrentWidget(self.calendar)
        self.calendar.current_view().setFocus()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_view)
        self.search_view.focus_search()

    def open_reservation(self, reservation_id: int) -> None:
        """Show a reservation in the panel (and its day in the calendar) with the focus on its actions.
        A reservation of another office (a search over all offices) switches the office first, so the
        panel never shows a reservation of an office other than the selected one."""
        from consult_desk import lifecycle

        try:
            office = lifecycle.get_reservation(reservation_id).office_id
        except ConsultDeskError:
            office = self.office
        if office != self.office and any(o.code == office for o in self.offices):
            self.selection.set_office(office)
        self.panel.show_reservation(reservation_id)  # the shared selection follows
        self.panel_dock.show()  # the panel takes its width only now (issue 15, 1)
        self.panel_dock.raise_()  # its tab in front when it shares the column with the callbacks
        info = self.panel.info
        calendar = self._built("calendar")
        if info is not None and info["office"] == self.office and self.tabs.currentWidget() is not calendar:
            day = dt.datetime.fromisoformat(info["start"]).date()
            if calendar is None:
                self._calendar_reveal = (reservation_id, day)  # shown there when the calendar is built
            else:
                calendar.reveal(reservation_id, day)
        self.panel.focus_actions()

    def focus_panel(self) -> None:
        """F6: the reservation panel's first action; its tab in front when it shares the column."""
        if self.panel.reservation_id is not None:
            self.panel_dock.show()
            self.panel_dock.raise_()
        self.panel.focus_actions()

    def new_booking(self, start: dt.datetime | None = None, event_id: int | None = None) -> None:
        """Ctrl+N, or Enter on a free slot: the booking dialog for the selected slot or event."""
        if not self.office:
            return
        if start is None and event_id is None:
            start, event_id = self.calendar.booking_target()
        from consult_desk.ui.desk.booking_dialog import BookingDialog

        dialog = BookingDialog(self.ctx, self.office, self, start=start, event_id=event_id)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or dialog.reservation is None:
            return
        self.open_reservation(dialog.reservation.id)

    def open_help(self, page: str | None = None):  # noqa: ANN201 (HelpBrowser)
        """F1: the manual's page for the view or dialog in use (resources/manual/, offline)."""
        from consult_desk.ui.shell.help_browser import open_help

        self.help_browser = open_help(page, context=self)
        return self.help_browser

    def open_settings(self) -> None:
        from consult_desk.ui.shell.settings_dialog import SettingsDialog

        if SettingsDialog(self).exec() == QDialog.DialogCode.Accepted:
            self.settings_changed.emit()
            self.refresh_all()

    # -------------------------------------------------------------- office, titles, state

    def _office_changed(self, index: int) -> None:
        self.selection.set_office(str(self.office_box.itemData(index)))

    def _office_selected(self, code: str) -> None:
        """The shared selection switched the office (and dropped a reservation of the other one):
        every view built so far re-scopes; the others read the office when they are built."""
        self.office = code
        settings().setValue("main/office", self.office)
        self.office_box.blockSignals(True)
        self.office_box.setCurrentIndex(max(0, self.office_box.findData(code)))
        self.office_box.blockSignals(False)
        for view in self._built_views():
            if hasattr(view, "set_office"):
                view.set_office(self.office)
        self.panel.set_office(self.office)
        self._update_titles()

    def _update_titles(self) -> None:
        name = self.office_box.currentText() if self.offices else self.tr("(no office)")
        self.setWindowTitle(f"Consult Desk — {name}")
        self.staff_label.setText(self.tr("Staff: %1").replace("%1", f"{self.ctx.actor.name} ({self.ctx.actor.login})"))

    # ------------------------------------------------------------ docks

    def _arrange_docks(self) -> None:
        """The reservation panel and the callback queue on the right: side by side on a window at least
        WIDE_WINDOW logical pixels wide, else tabs of one column, so that the views keep a readable
        width on a 1366×768 laptop at 150 % (911 logical pixels). Left alone once someone moved
        either dock elsewhere or floated it."""
        from PySide6.QtCore import Qt

        panel, queue = self.panel_dock, self.__dict__.get("callback_queue")
        right = Qt.DockWidgetArea.RightDockWidgetArea
        if queue is None or any(d.isFloating() or self.dockWidgetArea(d) != right for d in (panel, queue)):
            return
        tabbed = self.width() < WIDE_WINDOW
        if tabbed == self._docks_tabbed:
            return
        self._docks_tabbed = tabbed
        front = panel if panel.isVisible() or queue.isHidden() else queue
        hidden = [d for d in (panel, queue) if d.isHidden()]  # tabify and split show them: not ours to show
        if tabbed:
            self.tabifyDockWidget(queue, panel)
            front.raise_()
            # the column as narrow as its widest content: the views keep the rest
            self.resizeDocks([panel], [max(panel.minimumSizeHint().width(), queue.minimumSizeHint().width())],
                             Qt.Orientation.Horizontal)
        else:
            if self.tabifiedDockWidgets(panel):  # Qt splits no tab: the queue leaves the tabs, to the right
                self.removeDockWidget(queue)
                self.addDockWidget(right, queue, Qt.Orientation.Horizontal)
                queue.setVisible(queue not in hidden)  # removeDockWidget hid it
            else:
                self.splitDockWidget(panel, queue, Qt.Orientation.Horizontal)
            self.resizeDocks([panel, queue], [PANEL_WIDTH, queue.widget().minimumSizeHint().width()],
                             Qt.Orientation.Horizontal)
        for dock in hidden:
            dock.hide()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt naming)
        super().resizeEvent(event)
        if self.filled:  # not the start's frame
            self._arrange_docks()

    def _restore_state(self) -> None:
        s = settings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # never larger than the screen (a 1366×768 laptop at 150 % has 911×512 logical pixels)
            screen = self.screen().availableGeometry()
            self.resize(min(1440, screen.width()), min(860, screen.height()))
        state = s.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.toolbar.setVisible(len(self.offices) > 1)  # whatever the saved state says
        self._calendar_mode = str(s.value("calendar/mode", "month"))  # applied when the calendar is built
        self.tabs.setCurrentIndex(int(s.value("main/tab", 0)))  # the tab left open is built now

    def start_outbox_sender(self, delay_ms: int = 0) -> None:
        """The desk's timed sender (issue 17): due mail goes out every minute, by whichever desk holds
        the lease; started by the application after sign-in (not by window tests), ``delay_ms`` after
        the first paint. A window closed meanwhile starts none."""
        if delay_ms:
            from PySide6.QtCore import QTimer

            self._sender_start = QTimer(self)  # dies with the window: a closed window starts nothing
            self._sender_start.setSingleShot(True)
            self._sender_start.timeout.connect(self.start_outbox_sender)
            self._sender_start.start(delay_ms)
            return
        if not self.isVisible() or "outbox_sender" in self.__dict__:
            return
        from consult_desk.ui.mail.outbox_sender import OutboxSender

        self.outbox_sender = OutboxSender(self.ctx, self)
        self.outbox_sender.ran.connect(self._outbox_ran)
        self.outbox_sender.error.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.outbox_sender.start()

    def _outbox_ran(self, report) -> None:  # noqa: ANN001 (consult_desk.outbox.SendReport)
        text = self.tr("Outbox: %1 sent, %2 failed").replace("%1", str(report.sent)).replace("%2", str(report.failed))
        self.statusBar().showMessage(text, 10_000)
        self.refresh_all()

    def import_forms(self) -> None:
        """Form applications from a CSV export (issue 17): the wizard of the desk area."""
        from consult_desk.ui.desk.import_wizard import ImportWizard

        if self.office:
            wizard = ImportWizard(self.ctx, self.office, self)
            wizard.exec()
            if wizard.report is not None:
                self.refresh_all()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if not self.filled:  # the start's frame: nothing to save or stop
            super().closeEvent(event)
            return
        s = settings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/tab", self.tabs.currentIndex())
        calendar = self._built("calendar")
        if calendar is not None:  # else the remembered mode stays as it was
            s.setValue("calendar/mode", calendar.mode)
        if hasattr(self, "watcher"):
            self.watcher.stop()
        if "_sender_start" in self.__dict__:
            self._sender_start.stop()
        if "outbox_sender" in self.__dict__:
            self.outbox_sender.stop()
        super().closeEvent(event)
