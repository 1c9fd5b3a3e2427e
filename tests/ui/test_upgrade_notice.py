"""Upgrades keep the data: the program finds the database in the OS's standard place, backs it up,
migrates it and says so in the window (issue 8, item 4)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from consult_desk import cli, paths
from consult_desk.models import DB
from consult_desk.models import schema as schema_mod
from consult_desk.ui.shell.app import install_translators
from consult_desk.ui.shell.upgrade_notice import parse_steps, show_upgrade_notice

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
V1_DATABASE = FIXTURES / "schema_v1.sqlite3"  # Hello Work demo written by the schema-1 code


def reservation_rows(path: Path) -> list[tuple]:
    """Every reservation with its applicant, read with plain sqlite3 (independent of the models)."""
    with sqlite3.connect(path) as con:
        return con.execute(
            "SELECT r.id, r.office_id, r.start, r.end, r.status, r.channel, r.answers, a.name, a.phone, a.email "
            "FROM reservation r JOIN applicant a ON a.id = r.applicant_id ORDER BY r.id"
        ).fetchall()


def stored_schema(path: Path) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])


@pytest.fixture
def windows(qapp):
    """The windows run_window leaves behind, closed and deleted after the test."""
    before = set(QApplication.topLevelWidgets())
    yield lambda: [w for w in QApplication.topLevelWidgets() if w not in before]
    for widget in QApplication.topLevelWidgets():
        if widget not in before:
            widget.close()
            widget.deleteLater()
    QApplication.processEvents()
    DB.close()


@pytest.fixture
def user_data(tmp_path, monkeypatch) -> Path:
    """A fresh user data folder: where platformdirs puts the database when no --db is given."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("CONSULT_DESK_DB", raising=False)
    return tmp_path / "data"


def test_start_over_older_database_keeps_every_reservation_and_says_so(user_data, windows, capsys, monkeypatch):
    target = paths.default_db_path()
    assert target.is_relative_to(user_data)  # found through platformdirs, not a path we passed
    target.parent.mkdir(parents=True)
    shutil.copy2(V1_DATABASE, target)
    old_version = stored_schema(target)
    if schema_mod.SCHEMA_VERSION <= old_version:  # no real migration yet: register a test step
        monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", old_version + 1)
        monkeypatch.setitem(
            schema_mod.MIGRATIONS, old_version + 1,
            lambda m: m.database.execute_sql("CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY)"),
        )
    before = reservation_rows(target)
    assert len(before) > 100

    assert cli.main(["--smoke-test"]) == 0  # the installed program's start, without --db
    assert "smoke-test: ok" in capsys.readouterr().out
    DB.close()

    assert stored_schema(target) == schema_mod.SCHEMA_VERSION
    # Every reservation kept, as it was; only Hello Work's offers read as the confirmed bookings they
    # are (schema 4: 004 第4条(2) 「この受信をもって予約が確定します」).
    migrated = [tuple("confirmed" if v == "offered" else v for v in row) for row in before]
    assert reservation_rows(target) == migrated
    backups = list((target.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert stored_schema(backups[0]) == old_version and reservation_rows(backups[0]) == before

    notices = [w for w in windows() if w.objectName() == "upgrade_notice"]
    assert len(notices) == 1
    notice = notices[0]
    assert isinstance(notice, QMessageBox) and not notice.isModal()
    assert notice.text() == f"データベースを新しい形式（スキーマ {schema_mod.SCHEMA_VERSION}）に更新しました。"
    assert str(backups[0]) in notice.informativeText() and "控え" in notice.informativeText()
    main = next(w for w in windows() if isinstance(w, QMainWindow))
    assert str(backups[0]) in main.statusBar().currentMessage()

    # The next start finds a current database: no second backup, no notice.
    shown = set(windows())
    assert cli.main(["--smoke-test"]) == 0
    DB.close()
    assert len(list((target.parent / "backups").glob("*.sqlite3"))) == 1
    assert not [w for w in windows() if w not in shown and w.objectName() == "upgrade_notice"]
    assert reservation_rows(target) == migrated


def test_no_notice_for_a_new_or_current_database(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    assert not parse_steps(["created schema 2"]).happened
    assert show_upgrade_notice(window, ["created schema 2"]) is None
    assert show_upgrade_notice(window, []) is None
    assert window.statusBar().currentMessage() == ""


def test_notice_for_a_server_database_without_file_backup(qtbot, qapp):
    install_translators(qapp, "ja")
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    box = show_upgrade_notice(window, ["migrated to schema 2", "migrated to schema 3"])
    assert box is not None and box.isVisible() and not box.isModal()
    assert box.windowTitle() == "データベースを更新しました"
    assert "スキーマ 3" in box.text()
    assert "サーバー側のバックアップ" in box.informativeText()
    assert window.statusBar().currentMessage() == box.text()
    # the window stays usable while the notice is open (non-modal)
    assert QApplication.activeModalWidget() is None
