"""A fault inside the window becomes a sentence in a message box (details in the error log)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from consult_desk import crashlog
from consult_desk.errors import RuleError
from consult_desk.ui.shell import app as app_module


def _corrupt_error(folder) -> sqlite3.DatabaseError:
    """A real driver error (SQLITE_NOTADB): the desk tells errors apart by the driver's code."""
    path = folder / "damaged.sqlite3"
    path.write_bytes(b"not a database at all, only looks like one" * 100)
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("SELECT 1 FROM meta")
    except sqlite3.DatabaseError as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("no error")


def test_faults_in_the_window_are_shown_as_sentences(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    app_module.install_excepthook()
    try:
        raise KeyError("missing")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    sys.excepthook(RuleError, RuleError("not_found", id=7), None)
    corrupt = _corrupt_error(tmp_path)
    sys.excepthook(type(corrupt), corrupt, None)
    assert shown[0].startswith("予期しないエラーが発生しました（KeyError）") and str(crashlog.log_path()) in shown[0]
    assert shown[1] == "予約 7 は見つかりません"
    assert "壊れている" in shown[2]
    assert "KeyError: 'missing'" in crashlog.log_path().read_text(encoding="utf-8")


def test_smoke_test_on_a_damaged_file_fails_without_waiting(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 50)
    proc = subprocess.run(
        [sys.executable, "-m", "consult_desk", "--db", str(bad), "--smoke-test"],
        capture_output=True, text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 2 and "db_corrupt" in proc.stderr
    assert bad.read_bytes() == b"not a database at all" * 50
