"""Issue 11, window side: one change hub (topics, the poll feeding it, worker commits queued to the GUI
thread), one current reservation shared by the views and re-scoped with the office, one number for the
due count, and one action runner for the board and the panel."""

from __future__ import annotations

import datetime as dt
import threading

import peewee as pw
import pytest
from desk_support import WED, activate, finished
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from consult_desk import booking, changes, lifecycle
from consult_desk.changes import Topic
from consult_desk.lifecycle import ActOptions
from consult_desk.models import Meta, Reservation, transaction
from consult_desk.models.schema import bump_changes
from consult_desk.ui.desk.reservation_panel import ReservationPanel
from consult_desk.ui.session import callback_panel as panels
from consult_desk.ui.session.action_runner import ActionDialog
from consult_desk.ui.session.callback_queue import CallbackQueueDock
from consult_desk.ui.session.terminate_dialog import TerminateDialog
from consult_desk.ui.session.today_board import TodayBoard
from consult_desk.ui.shell import hub, ops
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")

TEN = dt.datetime.combine(WED, dt.time(10, 0))


def confirmed(ctx, make_request, office, start=TEN, n=0):
    res = booking.book(ctx, make_request(office, start, name=f"利用 者{n}", phone=f"090-5555-{n:04d}",
                                         email=f"s{n}@example.jp"))
    if res.status == "requested":
        lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="email"))
    return res


def in_session(ctx, clock, make_request, office, n=0):
    res = confirmed(ctx, make_request, office, TEN, n)
    clock.set(TEN)
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=dict(lifecycle.PASSED_CHECKS)))
    lifecycle.act(ctx, res.id, "start")
    return res


def make_window(qtbot, db, ctx) -> MainWindow:
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    return window


# ------------------------------------------------------------------ the change hub


def test_a_view_refreshes_only_for_the_topics_it_shows(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    heard: list[str] = []
    hub.on((Topic.MAIL,), lambda: heard.append("mail"), owner)
    hub.on((Topic.RESERVATIONS, Topic.CALLBACKS), lambda: heard.append("day"), owner)
    with transaction():
        changes.touch(Topic.CALLBACKS)
    assert heard == ["day"]  # at once, on this thread, after the commit
    with transaction():
        changes.touch(Topic.MAIL)
    assert heard == ["day", "mail"]
    with pytest.raises(RuntimeError), transaction():
        changes.touch(Topic.MAIL)
        raise RuntimeError("rolled back")
    assert heard == ["day", "mail"]


def test_a_commit_on_a_worker_thread_reaches_the_views_on_the_gui_thread(qtbot, db):
    owner = QWidget()
    qtbot.addWidget(owner)
    gui = threading.get_ident()
    heard: list[int] = []
    hub.on((Topic.OFFICES,), lambda: heard.append(threading.get_ident()), owner)

    def write() -> None:
        with transaction():
            Meta.insert(key="worker-probe", value="1").execute()
            changes.touch(Topic.OFFICES)

    finished(qtbot, ops.run_op(owner, write))
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == [gui]


def test_a_callback_created_from_the_panel_reaches_the_callback_dock_at_once(db, ctx, clock, make_office,
                                                                                make_request, qtbot):
    """000 第10条(7): 接続不良 from the reservation panel: the dock lists the callback at once (no timer)."""
    office = make_office("hellowork-kawagoe")
    res = in_session(ctx, clock, make_request, office)
    clock.set(TEN + dt.timedelta(minutes=5))
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = CallbackQueueDock.install(window, ctx)
    panel = ReservationPanel(ctx, window)
    window.setCentralWidget(panel)
    window.show()
    assert dock.model.rows == [] and dock.timer.interval() == 60_000
    panel.show_reservation(res.id)
    panel.action_buttons["connection-failed"].click()
    assert [r.reservation for r in dock.model.rows] == [res.id]  # no waiting: the hub told the dock
    assert dock.button.text().startswith("折返し：1件")
    callback = panels._PANELS.pop(res.id)  # and the callback panel opened, as from the board
    assert callback.isVisible()
    callback.result_buttons["no_answer"].click()  # a call logged in the callback panel: the dock hears it too
    assert dock.model.index(0, 3).data() == "1 応答なし"
    callback.close()


def test_the_poll_feeds_the_hub_and_ignores_this_desks_own_commits(db, ctx, make_office, make_request, qtbot,
                                                                   monkeypatch):
    office = make_office("hellowork-kawagoe")
    reads = []
    original = TodayBoard.refresh
    monkeypatch.setattr(TodayBoard, "refresh", lambda self: (reads.append(1), original(self))[1])
    window = make_window(qtbot, db, ctx)
    reads.clear()
    confirmed(ctx, make_request, office)  # this desk: heard from the services at once
    assert len(reads) >= 1
    reads.clear()
    assert window.watcher.poll() is False  # the counter moved because of us: no second refresh
    assert reads == []
    other = pw.SqliteDatabase(db.database)
    try:
        with other.bind_ctx([Meta]), other.atomic():  # another desk, same file
            Meta.update(value=pw.Cast(pw.Cast(Meta.value, "INTEGER") + 1, "TEXT")).where(
                Meta.key == "changes").execute()
    finally:
        other.close()
    assert window.watcher.poll() is True and len(reads) == 1  # published on the hub as ALL


def test_a_hand_bump_still_reports_everything(db, qtbot):
    """A write that does not name its topics yet (bump_changes) refreshes every view, once."""
    seen: list[frozenset[Topic]] = []
    unsubscribe = changes.subscribe(seen.append)
    try:
        with transaction():
            bump_changes()
    finally:
        unsubscribe()
    assert seen == [changes.ALL]


# ------------------------------------------------------------------ one current reservation


def test_the_board_the_panel_and_the_queue_share_one_current_reservation(db, ctx, clock, make_office,
                                                                           make_request, qtbot):
    office = make_office("hellowork-kawagoe")
    first = confirmed(ctx, make_request, office, TEN, 1)
    second = confirmed(ctx, make_request, office, TEN + dt.timedelta(minutes=30), 2)
    clock.set(TEN - dt.timedelta(minutes=30))
    window = make_window(qtbot, db, ctx)
    window.today.select(second.id)
    assert window.selection.reservation_id == second.id and window.panel.reservation_id == second.id
    window.open_reservation(first.id)  # from the calendar or search
    assert window.today.selected_id() == first.id and window.panel.reservation_id == first.id


def test_switching_the_office_empties_the_panel_and_rescopes_every_view(db, ctx, clock, make_office,
                                                                       make_request, qtbot, tmp_path):
    hw = make_office("hellowork-kawagoe")
    nishi = make_office("nishitokyo-childcare")
    res = in_session(ctx, clock, make_request, hw)
    clock.set(TEN + dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "connection-failed")
    window = make_window(qtbot, db, ctx)
    window.office_box.setCurrentIndex(window.office_box.findData(hw))
    window.open_reservation(res.id)
    assert window.panel.action_buttons and window.panel.reservation_id == res.id
    assert [r.reservation for r in window.callback_queue.model.rows] == [res.id]

    window.office_box.setCurrentIndex(window.office_box.findData(nishi))
    assert window.selection.office == nishi and window.selection.reservation_id is None
    panel = window.panel
    assert panel.reservation_id is None and panel.info is None and panel.action_buttons == {}
    live = [b for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel) and b.objectName().startswith("action_")]
    assert live == []
    assert window.today.office == nishi and window.today.model.rows == [] and window.today.selected_id() is None
    assert window.today.due_list.office == nishi
    assert window.callback_queue.model.rows == [] and window.callback_queue.office == nishi
    assert window.calendar.office == nishi and window.search_view.office == nishi
    panel.show_reservation(res.id)  # asked for directly: still not shown
    assert panel.reservation_id is None and "別の事業所" in panel.empty.text()
    window.grab().save(str(tmp_path / "office-switched.png"))


def test_opening_a_reservation_of_another_office_switches_the_office(db, ctx, make_office, make_request, qtbot):
    hw = make_office("hellowork-kawagoe")
    nishi = make_office("nishitokyo-childcare")
    res = confirmed(ctx, make_request, nishi, TEN)
    window = make_window(qtbot, db, ctx)
    window.office_box.setCurrentIndex(window.office_box.findData(hw))
    window.open_reservation(res.id)  # a search over every office
    assert window.selection.office == nishi and window.panel.reservation_id == res.id
    assert window.office_box.currentData() == nishi


def test_the_due_header_and_the_status_bar_show_one_number(db, ctx, clock, make_office, make_request, qtbot):
    office = make_office("hellowork-kawagoe")
    for n in range(3):
        confirmed(ctx, make_request, office, TEN + dt.timedelta(days=2, minutes=30 * n), n)
    clock.set(TEN + dt.timedelta(days=1))
    window = make_window(qtbot, db, ctx)
    due = window.today.due_list
    count = due.urgent
    assert f"{count}件" in due.title.text()
    assert window.due_label.text() == (f"要対応：{count}件" if count else "")


# ------------------------------------------------------------------ one action runner


@pytest.mark.parametrize(("action", "dialog_type"), [
    ("terminate", TerminateDialog), ("contact", ActionDialog), ("extend", ActionDialog),
])
def test_the_board_and_the_panel_open_the_same_dialog_the_same_way(db, ctx, clock, make_office, make_request,
                                                                   qtbot, action, dialog_type):
    office = make_office("hellowork-kawagoe")
    res = in_session(ctx, clock, make_request, office)
    window = make_window(qtbot, db, ctx)
    window.today.select(res.id)
    window.today.do_action(action)
    from_board = window.today.active_dialog
    assert isinstance(from_board, dialog_type) and from_board.isModal() and from_board.isVisible()
    from_board.reject()
    window.panel.action_buttons[action].click()
    from_panel = window.panel.active_dialog
    assert type(from_panel) is type(from_board) and from_panel.windowModality() == from_board.windowModality()
    from_panel.reject()
    assert Reservation.get_by_id(res.id).status == "in_session"


@pytest.mark.parametrize("action", ["no-show", "refuse"])
def test_an_action_that_needs_a_reason_asks_for_it_from_the_board_and_the_panel(db, ctx, clock, make_office,
                                                                                make_request, qtbot, action):
    """Issue 11: the same requirement in both places (a no-show needed a reason in the panel only)."""
    office = make_office("hellowork-kawagoe")
    res = confirmed(ctx, make_request, office)
    clock.set(TEN + dt.timedelta(minutes=11))
    window = make_window(qtbot, db, ctx)
    window.today.select(res.id)
    window.today.do_action(action)
    window.panel.action_buttons[action].click()
    for dialog in (window.today.active_dialog, window.panel.active_dialog):
        assert isinstance(dialog, ActionDialog) and not dialog.ok_button.isEnabled()
        dialog.note.setPlainText("理由")
        assert dialog.ok_button.isEnabled()
        dialog.reject()
    assert Reservation.get_by_id(res.id).status == "confirmed"
