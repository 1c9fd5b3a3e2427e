"""run_op: a service call on a worker thread with its own database connection; the result or the
error back on the GUI thread; progress in the status bar; no callback to a closed window."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QMainWindow, QProgressBar, QWidget

from consult_desk.errors import RuleError
from consult_desk.models import DB, Office
from consult_desk.ui.shell import ops


def test_the_call_runs_on_a_worker_with_its_own_connection_and_the_result_comes_back_on_the_gui_thread(
    qtbot, db, make_office
):
    make_office("hellowork-kawagoe")
    gui_thread = threading.get_ident()
    gui_connection = DB.obj.connection()
    seen: dict[str, object] = {}

    def count() -> int:
        seen["thread"] = threading.get_ident()
        seen["connection"] = DB.obj.connection()
        return Office.select().count()

    results: list[tuple[int, int]] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    ops.run_op(widget, count, lambda n: results.append((n, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(1, gui_thread)]
    assert seen["thread"] != gui_thread and seen["connection"] is not gui_connection
    with pytest.raises(sqlite3.ProgrammingError):  # the worker closed its connection when done
        seen["connection"].execute("SELECT 1")
    assert not DB.obj.is_closed() and DB.obj.connection() is gui_connection  # the window's is untouched


def test_a_refusal_comes_back_as_the_error_and_nothing_else(qtbot, db):
    def refuse() -> None:
        raise RuleError("invalid_value", label="期間", value="x")

    errors, results = [], []
    widget = QWidget()
    qtbot.addWidget(widget)
    ops.run_op(widget, refuse, results.append, failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert results == [] and errors[0].code == "invalid_value"


def test_an_unexpected_failure_is_shown_as_a_sentence(qtbot, db, monkeypatch):
    shown = []
    monkeypatch.setattr(ops, "show_error", lambda parent, exc: shown.append(exc.message))
    widget = QWidget()
    qtbot.addWidget(widget)
    ops.run_op(widget, lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(shown))
    assert "ZeroDivisionError" in shown[0] and "Traceback" not in shown[0]


def test_progress_shows_in_the_status_bar_while_the_work_runs(qtbot, db):
    window = QMainWindow()
    qtbot.addWidget(window)
    release = threading.Event()
    done = []
    op = ops.run_op(window, lambda: release.wait(10), done.append, label="CSVを書き出し中")
    bars = window.statusBar().findChildren(QProgressBar, "op_progress")
    assert len(bars) == 1 and bars[0].isVisibleTo(window)
    assert window.statusBar().currentMessage() == "CSVを書き出し中…"
    release.set()
    qtbot.waitUntil(lambda: op.finished)
    assert done == [True] and window.statusBar().currentMessage() == ""
    qtbot.waitUntil(lambda: not window.statusBar().findChildren(QProgressBar, "op_progress"))


def test_a_window_closed_meanwhile_gets_no_callback(qtbot, db):
    widget = QWidget()
    release = threading.Event()
    results = []
    op = ops.run_op(widget, lambda: release.wait(10), results.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not ops.shiboken6.isValid(widget))
    release.set()
    qtbot.waitUntil(lambda: op.finished)
    assert results == []
