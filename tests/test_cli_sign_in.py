"""The command line signs in (issue 13 deliverable 3): --staff LOGIN with CONSULT_DESK_PASSWORD or a prompt,
the window's lockout, the local administrator only while the database has no staff, staff add|disable|password|list."""

from __future__ import annotations

import datetime as dt
import getpass
import io

import pytest
from cli_support import Cli

from consult_desk import auth
from consult_desk.clock import FixedClock
from consult_desk.errors import RuleError
from consult_desk.models import DB, AuditLog, Staff, open_database

HW = "hellowork-kawagoe"


@pytest.fixture
def cli(tmp_path, capsys):
    run = Cli(tmp_path / "desk.sqlite3", capsys)
    run("init", "--preset", HW, "--json")  # no staff yet: the local administrator (set-up scripts keep working)
    run("staff", "add", "chief", "--role", "admin", "--name", "管理 太郎", "--json", new_password="chief-password")
    return run


def test_a_database_without_staff_runs_as_the_local_administrator(tmp_path, capsys):
    run = Cli(tmp_path / "fresh.sqlite3", capsys)
    assert run("init", "--preset", HW, "--json") == {"office": HW}
    assert run("staff", "list", "--json") == []
    assert run("audit", "--json")[-1]["staff"] == "cli"


def test_staff_add_and_list_shape(cli):
    made = cli("staff", "add", "yamada", "--role", "reception", "--name", "山田 花子", "--staff", "chief", "--json",
               password="chief-password", new_password="yamada-password")
    assert made == {"login": "yamada", "name": "山田 花子", "role": "reception", "active": True}
    listed = cli("staff", "list", "--staff", "chief", "--json", password="chief-password")
    assert listed == [
        {"login": "chief", "name": "管理 太郎", "role": "admin", "active": True},
        {"login": "yamada", "name": "山田 花子", "role": "reception", "active": True},
    ]
    assert Staff.get(Staff.login == "yamada").password_hash.startswith("$argon2id$")


def test_once_staff_exist_a_command_needs_a_sign_in(cli):
    line = cli("offices", "--json", expect=2)
    assert line.startswith("sign_in_required:") and "--staff" in line
    assert cli("offices", "--staff", "chief", "--json", password="chief-password")[0]["id"] == HW


def test_a_wrong_password_exits_2_and_is_audited_as_a_failed_sign_in(cli):
    line = cli("offices", "--staff", "chief", "--json", expect=2, password="wrong-password")
    assert line.startswith("sign_in_failed:")
    assert cli("offices", "--staff", "nobody", "--json", expect=2, password="chief-password").startswith("sign_in_failed:")
    rows = [(a.staff, a.action, a.detail) for a in AuditLog.select().where(AuditLog.action.startswith("sign_in"))]
    assert rows == [("chief", "sign_in_failed", "cli"), ("?", "sign_in_failed", "cli")]


def test_failures_on_the_command_line_lock_the_login_in_the_window_too(cli):
    """The same count as the window's sign-in dialog: five failures lock the login for fifteen minutes."""
    for minute in range(auth.MAX_FAILURES):
        cli("offices", "--staff", "chief", "--now", f"2027-01-04T09:0{minute}", expect=2, password="nope-nope")
    line = cli("offices", "--staff", "chief", "--now", "2027-01-04T09:05", expect=2, password="chief-password")
    assert line.startswith("sign_in_locked:") and "09:19" in line
    open_database(cli.db)
    with pytest.raises(RuleError) as err:  # the window asks the same service
        auth.sign_in("chief", "chief-password", FixedClock(dt.datetime(2027, 1, 4, 9, 6)))
    assert err.value.code == "sign_in_locked"
    DB.close()
    assert cli("offices", "--staff", "chief", "--now", "2027-01-04T09:20", "--json", password="chief-password")


def test_no_password_and_no_terminal_is_refused_not_waited_for(cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    line = cli("offices", "--staff", "chief", expect=2)
    assert line.startswith("password_required:") and "CONSULT_DESK_PASSWORD" in line


def test_the_password_is_asked_on_the_terminal(cli, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    asked = []
    monkeypatch.setattr("sys.stdin", Tty(""))
    monkeypatch.setattr(getpass, "getpass", lambda prompt, stream=None: asked.append(prompt) or "chief-password")
    assert cli("offices", "--staff", "chief", "--json")[0]["id"] == HW
    assert asked == ["Password: "]


def test_disable_and_password(cli):
    as_chief = {"password": "chief-password"}
    cli("staff", "add", "sato", "--role", "counsellor", "--name", "佐藤", "--staff", "chief", new_password="sato-pass-1",
        **as_chief)
    cli("staff", "password", "sato", "--staff", "chief", new_password="sato-pass-2", **as_chief)
    assert cli("offices", "--staff", "sato", expect=2, password="sato-pass-1").startswith("sign_in_failed")
    assert cli("offices", "--staff", "sato", "--json", password="sato-pass-2")
    line = cli("staff", "list", "--staff", "sato", expect=2, password="sato-pass-2")
    assert line.startswith("permission")  # only the administrator manages staff
    assert cli("staff", "disable", "sato", "--staff", "chief", "--json", **as_chief)["active"] is False
    assert cli("offices", "--staff", "sato", expect=2, password="sato-pass-2").startswith("sign_in_failed")
    # a weak new password is refused with a sentence
    line = cli("staff", "add", "x1", "--role", "reception", "--name", "x", "--staff", "chief", expect=2,
               new_password="short", **as_chief)
    assert line.startswith("weak_password")
