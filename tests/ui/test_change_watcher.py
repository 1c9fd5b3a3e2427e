"""A desk window notices another desk's change within a poll (2 s) and refreshes its views."""

from __future__ import annotations

import os
import subprocess
import sys

import peewee as pw
from PySide6.QtWidgets import QLabel

from consult_desk.changes import Topic
from consult_desk.errors import StorageError
from consult_desk.models import Meta
from consult_desk.models.db import is_sqlite
from consult_desk.models.schema import bump_changes, change_count
from consult_desk.ui.shell import hub
from consult_desk.ui.shell.change_watcher import POLL_MS, ChangeWatcher


class Counter:
    """A fake change counter: tests move it, or make the next read fail."""

    def __init__(self) -> None:
        self.value = 0
        self.fail: Exception | None = None

    def __call__(self) -> int:
        if self.fail is not None:
            raise self.fail
        return self.value


def test_poll_reports_only_a_moved_counter(qtbot):
    counter = Counter()
    watcher = ChangeWatcher(read=counter)
    seen = []
    watcher.changed.connect(seen.append)
    assert watcher.timer.interval() == POLL_MS == 2000
    assert watcher.poll() is False
    counter.value = 3
    assert watcher.poll() is True
    assert watcher.poll() is False
    assert seen == [3]


def test_acknowledge_skips_this_desks_own_refresh(qtbot):
    counter = Counter()
    watcher = ChangeWatcher(read=counter)
    counter.value = 1
    watcher.acknowledge()
    assert watcher.poll() is False


def test_outage_is_reported_then_refreshes_once_when_back(qtbot):
    counter = Counter()
    watcher = ChangeWatcher(read=counter)
    problems, seen = [], []
    watcher.unavailable.connect(problems.append)
    watcher.changed.connect(seen.append)
    counter.fail = StorageError("db_locked")
    assert watcher.poll() is False
    assert problems and "ロック" in problems[0]
    counter.fail = None
    assert watcher.poll() is True  # unchanged value, but what happened meanwhile is unknown
    assert seen == [0]
    assert watcher.poll() is False


def test_driver_error_does_not_escape_the_timer(qtbot):
    counter = Counter()
    watcher = ChangeWatcher(read=counter)
    problems = []
    watcher.unavailable.connect(problems.append)
    counter.fail = pw.OperationalError("server closed the connection unexpectedly\n\tThis probably means")
    assert watcher.poll() is False
    assert problems == ["server closed the connection unexpectedly"]


def test_timer_polls_by_itself(qtbot):
    counter = Counter()
    watcher = ChangeWatcher(read=counter, interval_ms=10)
    watcher.start()
    counter.value = 1
    with qtbot.waitSignal(watcher.changed, timeout=2000) as blocker:
        pass
    assert blocker.args == [1]
    watcher.stop()


def _second_connection(database) -> pw.Database:
    if is_sqlite():
        return pw.SqliteDatabase(database.database, pragmas={"busy_timeout": 10000})
    return pw.PostgresqlDatabase(database.database, **database.connect_params)


def test_second_connection_change_is_noticed(any_db, qtbot):
    """Two connections to one database: a write through the other one moves this desk's watcher."""
    watcher = ChangeWatcher()
    assert watcher.last == change_count() == 0
    other = _second_connection(any_db)
    try:
        with other.bind_ctx([Meta]), other.atomic():
            bump_changes()
    finally:
        other.close()
    with qtbot.waitSignal(watcher.changed, timeout=1000) as blocker:
        assert watcher.poll() is True
    assert blocker.args == [1]


def test_another_process_booking_is_noticed(any_db, ctx, make_office, qtbot):
    """Another desk (the command line in its own process) books: the watcher sees it at the next poll."""
    office = make_office("hellowork-kawagoe")
    watcher = ChangeWatcher(interval_ms=50)
    watcher.start()
    argv = [
        sys.executable, "-m", "consult_desk", "--db", any_db.target, "book", "--office", office,
        "--start", "2027-01-13T10:00", "--name", "山田 花子", "--phone", "090-1234-5678",
        "--email", "hanako@example.jp", "--field", "job_seeker_no=11010-12345678",
        "--field", "has_webcam_device=はい", "--field", "continuing_support=はい",
        "--channel", "phone", "--consent", "--today", "2027-01-08", "--json",
    ]
    with qtbot.waitSignal(watcher.changed, timeout=15000):
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env={**os.environ})
        assert done.returncode == 0, done.stderr
    watcher.stop()


def test_main_window_refreshes_its_views_on_another_desks_change(db, ctx, make_office, qtbot, monkeypatch):
    from consult_desk.ui.shell.main_window import MainWindow

    make_office("hellowork-kawagoe")
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    assert window.watcher.timer.isActive()

    class View(QLabel):
        refreshed = 0

        def refresh(self) -> None:
            View.refreshed += 1

    view = View("x")
    hub.on((Topic.RESERVATIONS,), view.refresh, view)  # what a view does: subscribe to what it shows
    window.tabs.addTab(view, "x")
    assert window.watcher.poll() is False
    other = _second_connection(db)  # another desk: same file, same counter
    try:
        with other.bind_ctx([Meta]), other.atomic():  # its process's counter update, not this one's services
            Meta.update(value=pw.Cast(pw.Cast(Meta.value, "INTEGER") + 1, "TEXT")).where(Meta.key == "changes").execute()
    finally:
        other.close()
    assert View.refreshed == 0
    assert window.watcher.poll() is True  # the poll publishes ALL on the window's one change hub
    assert View.refreshed == 1

