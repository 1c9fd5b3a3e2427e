"""The window's start in two turns (issue 18): its frame paints before peewee and the services are
imported; the next turn fills it with the same board as a window built at once, and until then nothing
in it acts. A fault while filling is a sentence in a message box, and the desk closes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from consult_desk import booking
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.launch import WindowArgs, window_args
from consult_desk.models import DB
from consult_desk.ui.session.today_board import BoardModel
from consult_desk.ui.shell import app as app_module
from consult_desk.ui.shell import start_frame
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "japanese")


@pytest.fixture
def day_at_desk(db, ctx, make_office, make_request):
    """An office with three sessions on the clock's day: the board has rows and a selected session."""
    office = make_office("hellowork-kawagoe")
    day = ctx.clock.now().date() + dt.timedelta(days=14)
    booker = Context(ctx.actor, FixedClock(dt.datetime.combine(day - dt.timedelta(days=30), dt.time(9, 0))))
    while not [s for s in booking.slots(booker, office, day) if s.bookable]:
        day += dt.timedelta(days=1)
    slots = [s.start for s in booking.slots(booker, office, day) if s.bookable][:3]
    for n, start in enumerate(slots):
        booking.book(booker, make_request(office, start, phone=f"090-0000-00{n:02d}", email=f"p{n}@example.jp"))
    board_ctx = Context(ctx.actor, FixedClock(slots[0] - dt.timedelta(minutes=30)))  # that morning
    return office, board_ctx


def board_cells(window: MainWindow) -> list[list[str]]:
    model = window.today.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_frame_acts_on_nothing_and_the_fill_gives_the_board_built_at_once(qtbot, db, day_at_desk):
    _office, ctx = day_at_desk
    at_once = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(at_once)

    window = MainWindow.frame(db.database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # the frame: the same menus, tabs and board header, but nothing that acts
    assert not window.filled and not hasattr(window, "today") and not hasattr(window, "ctx")
    assert window.actions() == []  # no shortcut (Ctrl+N, F5, Ctrl+L ...) exists yet
    everyones = [t for t in menu_titles(at_once) if t != "管理(&A)"]  # Administration: by role, at the fill
    assert menu_titles(window) == everyones == ["ファイル(&F)", "予約(&B)", "表示(&V)", "ヘルプ(&H)"]
    assert all(not a.isEnabled() and a.menu().actions() == [] for a in window.menuBar().actions())
    board = window.findChild(QTableWidget, "start_frame_board")
    headers = [board.horizontalHeaderItem(c).text() for c in range(board.columnCount())]
    assert headers == BoardModel().headers() and board.rowCount() == 0
    assert window.findChild(QLabel, "start_frame_loading").text() == "読み込み中…"
    assert window.statusBar().currentMessage() == "読み込み中…"
    frame_tabs = window.centralWidget()
    assert [frame_tabs.tabText(i) for i in range(4)] == [at_once.tabs.tabText(i) for i in range(4)]
    window.close()  # closing the frame saves nothing and does not fail
    window.show()

    window.fill(ctx)
    assert window.filled and window.findChild(QTableWidget, "start_frame_board") is None
    assert board_cells(window) == board_cells(at_once) and len(board_cells(window)) == 3
    assert window.today.selected_id() == at_once.today.selected_id() is not None
    assert window.panel.reservation_id == at_once.panel.reservation_id
    assert menu_titles(window) == menu_titles(at_once)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        [at_once.tabs.tabText(i) for i in range(at_once.tabs.count())]
    assert window.windowTitle() == at_once.windowTitle() and window.statusBar().currentMessage() == ""
    assert window.new_booking_action.isEnabled() and window.due_label.text() == at_once.due_label.text()


def test_the_frame_headers_are_the_boards():
    assert [QApplication.translate("TodayBoard", t) for t in start_frame.BOARD_HEADERS] == BoardModel().headers()


SCRIPT = """
import sys
from consult_desk.ui.shell import bench_hook
reported = bench_hook.report_line
bench_hook.report_line = lambda tag="bench-shown": reported(tag) + f" peewee={'peewee' in sys.modules}"
from consult_desk.launch import main
raise SystemExit(main(["--db", sys.argv[1]]))
"""


def test_the_first_paint_comes_before_peewee_is_imported(db, day_at_desk, tmp_path):
    DB.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CONSULT_DESK_BENCH_EXIT_AFTER_SHOW": "1",
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, db.database], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [ln.split() for ln in done.stdout.splitlines() if ln.startswith("bench-")]
    assert [ln[0] for ln in lines] == ["bench-frame", "bench-shown"]
    assert lines[0][-1] == "peewee=False" and lines[1][-1] == "peewee=True"
    assert float(lines[0][1]) <= float(lines[1][1])


@pytest.fixture
def signed_in(monkeypatch):
    """The sign-in at start answers at once (the dialog itself: tests/ui/test_sign_in.py)."""
    from consult_desk.ui.shell import sign_in_dialog

    who: list[Actor | None] = [Actor("tester", "テスト担当", "admin")]
    monkeypatch.setattr(sign_in_dialog, "sign_in_at_start", lambda *a, **k: who[0])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own
    return who


def visible_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_fault_while_filling_is_a_sentence_and_the_desk_closes(qapp, db, day_at_desk, signed_in, monkeypatch):
    DB.close()
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def broken(self, ctx):  # noqa: ANN001
        raise KeyError("office")

    monkeypatch.setattr(MainWindow, "fill", broken)
    assert app_module.run_window(db.database) == 2
    assert len(shown) == 1 and shown[0].startswith("予期しないエラーが発生しました（KeyError）")
    assert "Traceback" not in shown[0] and not visible_main_windows()


def test_cancelling_the_sign_in_closes_the_frame(qapp, db, day_at_desk, signed_in):
    DB.close()
    signed_in[0] = None
    assert app_module.run_window(db.database) == 0
    assert not visible_main_windows()


@pytest.mark.parametrize(("argv", "expected"), [
    ([], WindowArgs()),
    (["--db", "x.sqlite3", "--demo"], WindowArgs(db="x.sqlite3", demo=True)),
    (["--db=postgresql://h/d", "--lang", "en", "--smoke-test"],
     WindowArgs(db="postgresql://h/d", lang="en", smoke_test=True)),
    (["--db", "x.sqlite3", "offices"], None),  # a command: the command line
    (["--help"], None), (["--lang", "fr"], None), (["--db"], None), (["--dem"], None), (["--demo=1"], None),
])
def test_only_the_windows_own_options_skip_the_command_line(argv, expected):
    assert window_args(argv) == expected
