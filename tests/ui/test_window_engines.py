"""The desk window on both engines: every tab loads and refreshes over a SQLite file and over a
PostgreSQL server (the shared set-up for several desks)."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk.context import Actor, Context
from consult_desk.demo import add_demo_data
from consult_desk.ui.shell.main_window import MainWindow


@pytest.mark.parametrize("role", ["reception", "admin"])
def test_every_tab_loads_and_refreshes(any_db, ctx, make_office, qtbot, role):
    office = make_office("hellowork-kawagoe")
    add_demo_data(office, today=dt.date.today(), days_back=4, days_ahead=4)
    window = MainWindow(Context(actor=Actor("desk1", "受付 一郎", role)), db_location=any_db.target)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.tabs.count() >= 3
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # each view shows its data
    window.refresh_all()
    assert window.watcher.poll() is False  # nothing changed since the window read the counter
    status = window.db_label.text()
    assert ("postgresql://" in status) != ("sqlite3" in status)
    assert ":@" not in status and "password" not in status
