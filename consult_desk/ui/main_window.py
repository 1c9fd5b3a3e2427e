"""The desk's main window: office switcher, views in tabs, status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from consult_desk.context import Context
from consult_desk.models.db import describe
from consult_desk.offices import list_offices
from consult_desk.ui.app import settings
from consult_desk.ui.change_watcher import ChangeWatcher


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db_location = db_location
        self.offices = list_offices()
        self.office = self.offices[0].code if self.offices else ""
        last = str(settings().value("main/office", ""))
        if any(o.code == last for o in self.offices):
            self.office = last

        self.toolbar = QToolBar(self.tr("Office"), self)
        self.toolbar.setObjectName("office_toolbar")
        self.addToolBar(self.toolbar)
        self.office_box = QComboBox(self)
        self.office_box.setObjectName("office_switcher")
        for office in self.offices:
            self.office_box.addItem(office.name, office.code)
        self.office_box.setCurrentIndex(max(0, self.office_box.findData(self.office)))
        self.office_box.currentIndexChanged.connect(self._office_changed)
        self.toolbar.addWidget(QLabel(self.tr("Office:") + " "))
        self.toolbar.addWidget(self.office_box)
        self.toolbar.setVisible(len(self.offices) > 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("views")
        self.setCentralWidget(self.tabs)
        self._build_views()

        self.db_label = QLabel(self.tr("Database: %1").replace("%1", describe(db_location)))
        self.staff_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.staff_label)
        self._update_titles()
        self._restore_state()

        # Other desks' changes (the database's change counter, polled every 2 s) refresh the views.
        self.watcher = ChangeWatcher(parent=self)
        self.watcher.changed.connect(self.refresh_all)
        self.watcher.unavailable.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.watcher.start()

    def _build_views(self) -> None:
        """Each view is a widget with ``set_office(code)`` and ``refresh()``."""
        placeholder = QLabel(self.tr("No views yet"), self)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(placeholder, self.tr("Calendar"))

    def views(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def refresh_all(self) -> None:
        """Reload what every view shows (after this desk's or another desk's change)."""
        for view in self.views():
            if hasattr(view, "refresh"):
                view.refresh()

    def _office_changed(self, index: int) -> None:
        self.office = str(self.office_box.itemData(index))
        settings().setValue("main/office", self.office)
        for view in self.views():
            if hasattr(view, "set_office"):
                view.set_office(self.office)
        self._update_titles()

    def _update_titles(self) -> None:
        name = self.office_box.currentText() if self.offices else self.tr("(no office)")
        self.setWindowTitle(f"Consult Desk — {name}")
        self.staff_label.setText(self.tr("Staff: %1").replace("%1", f"{self.ctx.actor.name} ({self.ctx.actor.login})"))

    def _restore_state(self) -> None:
        s = settings()
        geometry = s.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = s.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(s.value("main/tab", 0)))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        s = settings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/tab", self.tabs.currentIndex())
        super().closeEvent(event)
