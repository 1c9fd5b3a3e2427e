"""A corrupt, locked, read-only or newer-version database at start: the command line exits 2 with
one line naming the problem, the window shows a message box, and the file is left byte for byte
as it was."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import socket
import sqlite3
import subprocess
from pathlib import Path
from unittest import mock

import pytest

from consult_desk.cli import main
from consult_desk.models import db as db_module
from consult_desk.models.schema import SCHEMA_VERSION

BOOK = ["book", "--office", "hellowork-kawagoe", "--start", "2027-01-13T10:00", "--name", "山田 花子",
        "--phone", "090-1234-5678", "--email", "hanako@example.jp", "--field", "job_seeker_no=11010-12345678",
        "--field", "has_webcam_device=はい", "--field", "continuing_support=はい", "--channel", "phone",
        "--consent", "--today", "2027-01-04"]


def cli(*argv: str) -> tuple[int, str]:
    """The demo database has staff accounts: commands other than init sign in as its administrator."""
    err = io.StringIO()
    if "init" not in argv:
        argv = (*argv, "--staff", "admin")
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(err),
        mock.patch.dict(os.environ, {"CONSULT_DESK_PASSWORD": "demo-admin"}),
    ):
        code = main(list(argv))
    return code, err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A real desk database (an office with its demo months), checkpointed into the main file."""
    path = tmp_path_factory.mktemp("bad-files") / "demo.sqlite3"
    assert cli("--db", str(path), "init", "--preset", "hellowork-kawagoe", "--demo")[0] == 0
    db_module.DB.obj.close()
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def desk_file(demo_file, tmp_path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """A locked file is reported after the busy timeout: 0.2 s here instead of 10 s."""
    monkeypatch.setitem(db_module.SQLITE_PRAGMAS, "busy_timeout", 200)


def window_message(target: str, monkeypatch) -> tuple[int, list[str]]:
    """Start the window on ``target``; return its exit code and the critical messages it showed."""
    from consult_desk.ui.shell import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    code = app_module.run_window(target)
    return code, shown


def corrupt_pages(path: Path, first_page: int, count: int) -> None:
    with open(path, "r+b") as fh:
        for page in range(first_page, first_page + count):
            fh.seek((page - 1) * 4096 + 8)
            fh.write(b"\xa5" * 3000)


# ------------------------------------------------------------------ corrupt


@pytest.mark.parametrize("damage", ["text", "garbage_after_header", "truncated", "schema_pages"])
def test_corrupt_file_cli_and_window(desk_file, damage, monkeypatch, qapp):
    if damage == "text":
        desk_file.write_text("予約一覧\n山田,090-1234-5678\n" * 50, encoding="utf-8")
    elif damage == "garbage_after_header":
        data = desk_file.read_bytes()
        desk_file.write_bytes(data[:16] + os.urandom(len(data) - 16))
    elif damage == "truncated":
        desk_file.write_bytes(desk_file.read_bytes()[:6000])
    else:
        corrupt_pages(desk_file, 1, 40)
        with open(desk_file, "r+b") as fh:  # keep a valid header so the first check lets it through
            fh.write(b"SQLite format 3\x00")
    before = digest(desk_file)
    code, err = cli("--db", str(desk_file), "offices")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("db_corrupt:") and "壊れて" in err and "変更していません" in err
    code, shown = window_message(str(desk_file), monkeypatch)
    assert code == 2 and len(shown) == 1 and "壊れて" in shown[0]
    assert digest(desk_file) == before


def test_damaged_data_page_met_later_is_a_sentence(desk_file):
    """The schema reads fine, a reservation page is damaged: the command that meets it exits 2."""
    with contextlib.closing(sqlite3.connect(desk_file)) as con:
        pages = [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE name = 'reservation' ORDER BY pageno")]
    # two neighbouring pages of the reservation table only (the sign-in reads staff and the audit log)
    for page in pages[len(pages) // 2 : len(pages) // 2 + 2]:
        corrupt_pages(desk_file, page, 1)
    before = digest(desk_file)
    assert cli("--db", str(desk_file), "offices")[0] == 0
    code, err = cli("--db", str(desk_file), "search", "山田")
    assert code == 2 and err.startswith("db_corrupt:") and err.count("\n") == 1
    db_module.DB.obj.close()
    assert digest(desk_file) == before


# ------------------------------------------------------------------ locked


@pytest.fixture
def locked(desk_file):
    """Another program holds the file exclusively (even readers must wait)."""
    holder = sqlite3.connect(desk_file, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM meta").fetchone()
    yield desk_file
    holder.execute("ROLLBACK")
    holder.close()


def test_locked_file_cli_and_window(locked, short_busy_timeout, monkeypatch, qapp):
    before = digest(locked)
    code, err = cli("--db", str(locked), "offices")
    assert code == 2 and err.startswith("db_locked:") and "ロック" in err and err.count("\n") == 1
    code, err = cli("--db", str(locked), *BOOK)
    assert code == 2 and err.startswith("db_locked:")
    code, shown = window_message(str(locked), monkeypatch)
    assert code == 2 and len(shown) == 1 and "ロック" in shown[0]
    assert digest(locked) == before


# ------------------------------------------------------------------ read-only


@pytest.fixture
def read_only(desk_file):
    """The file cannot be written: chmod for a normal user; root ignores permission bits, so there
    the file is made immutable (chattr +i) instead."""
    desk_file.chmod(0o444)
    immutable = False
    if os.access(desk_file, os.W_OK):
        done = subprocess.run(["chattr", "+i", str(desk_file)], capture_output=True)
        immutable = done.returncode == 0
        if not immutable or os.access(desk_file, os.W_OK):
            pytest.skip(f"cannot make a file read-only here (running as root without chattr: {done.stderr!r})")
    yield desk_file
    if immutable:
        subprocess.run(["chattr", "-i", str(desk_file)], check=True)
    desk_file.chmod(0o644)


def test_read_only_file_cli_and_window(read_only, monkeypatch, qapp):
    before = digest(read_only)
    assert cli("--db", str(read_only), "offices")[0] == 0  # reading (a report from a copy) still works
    code, err = cli("--db", str(read_only), *BOOK)
    assert code == 2 and err.startswith("db_readonly:") and "読み取り専用" in err and err.count("\n") == 1
    code, shown = window_message(str(read_only), monkeypatch)
    assert code == 2 and len(shown) == 1 and "読み取り専用" in shown[0]
    db_module.DB.obj.close()
    assert digest(read_only) == before


# ------------------------------------------------------------------ newer version, not a file


def test_newer_version_cli_and_window(desk_file, monkeypatch, qapp):
    with contextlib.closing(sqlite3.connect(desk_file, isolation_level=None)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 3),))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(desk_file)
    for argv in (["offices"], BOOK, ["init", "--preset", "hellowork-kawagoe"]):
        code, err = cli("--db", str(desk_file), *argv)
        assert code == 2 and err.startswith("newer_schema:") and "新しい版" in err and err.count("\n") == 1
    code, shown = window_message(str(desk_file), monkeypatch)
    assert code == 2 and len(shown) == 1 and f"スキーマ{SCHEMA_VERSION + 3}" in shown[0]
    db_module.DB.obj.close()
    assert digest(desk_file) == before


def test_folder_instead_of_a_file(tmp_path, monkeypatch, qapp):
    code, err = cli("--db", str(tmp_path), "offices")
    assert code == 2 and err.startswith("db_unavailable:")
    code, shown = window_message(str(tmp_path), monkeypatch)
    assert code == 2 and shown and "開けません" in shown[0]


def test_unreachable_postgresql_server(monkeypatch, qapp):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://desk:secret@127.0.0.1:{port}/consult_desk"
    code, err = cli("--db", url, "offices")
    assert code == 2 and err.startswith("db_unavailable:") and err.count("\n") == 1
    assert "secret" not in err
    code, shown = window_message(url, monkeypatch)
    assert code == 2 and shown and "開けません" in shown[0] and "secret" not in shown[0]
