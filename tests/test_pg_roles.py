"""PostgreSQL: the server enforces the roles (issue 13 deliverable 1). The owner runs init; each staff member
connects as their own login role in a group role with exactly the grants that role needs.

The throwaway test cluster trusts loopback connections, so these tests check who the server lets do what
(grants, "permission denied"), not the password exchange itself (README: pg_hba with scram-sha-256)."""

from __future__ import annotations

import datetime as dt
import os

import peewee as pw
import pytest
from cli_support import Cli

from consult_desk import audit, auth, booking, retention
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import DB, AuditLog, Staff, open_database, pgroles
from consult_desk.models.schema import ensure_schema
from consult_desk.offices import create_office

PG_URL = os.environ.get("CONSULT_DESK_TEST_PG", "")


def _reset_postgres(url: str) -> None:
    """An empty schema, as conftest's any_db makes it."""
    database = open_database(url)
    database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    database.execute_sql("CREATE SCHEMA public")


pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="PostgreSQL not available: set "
                                                       "CONSULT_DESK_TEST_PG (scripts/test.sh does)")]
WED = dt.datetime(2027, 1, 13, 10, 0)
LOGINS = {"reception": "t13-reception", "supervisor": "t13-supervisor", "admin": "t13-admin"}
INSUFFICIENT = "42501"  # insufficient_privilege: "permission denied ..." / "must be owner of ..."


@pytest.fixture
def server(ctx, clock):
    """A fresh schema made by the owner (the test cluster's superuser), an office, and three staff logins."""
    _reset_postgres(PG_URL)
    ensure_schema()
    create_office(ctx, "hellowork-kawagoe")
    for role, login in LOGINS.items():
        auth.create_staff(ctx, login, f"{role} テスト", role, f"{login}-password")
    owner = DB.obj
    yield owner
    for database in {DB.obj, owner}:
        if not database.is_closed():
            database.close()
    cleanup = open_database(PG_URL)
    for login in (*LOGINS.values(), "t13-new"):
        cleanup.execute_sql(f'DROP ROLE IF EXISTS "{login}"')
    cleanup.close()


def as_staff(role: str) -> None:
    assert pgroles.connect_as(LOGINS[role], f"{LOGINS[role]}-password")
    assert DB.execute_sql("SELECT current_user").fetchone()[0] == LOGINS[role]


def refused(sql: str) -> str:
    """Run ``sql`` in its own transaction; the server must refuse it for lack of privilege."""
    with pytest.raises(pw.DatabaseError) as err, DB.atomic():
        DB.execute_sql(sql)
    assert getattr(err.value.orig, "pgcode", None) == INSUFFICIENT, err.value
    return str(err.value)


def test_init_makes_group_roles_and_login_roles_in_them(server):
    for role in pgroles.GROUPS:
        assert pgroles.role_exists(pgroles.group(role))
    rows = DB.execute_sql(
        "SELECT u.rolname, g.rolname, u.rolcanlogin, u.rolcreaterole FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname LIKE %s "
        "ORDER BY 1", ("t13-%",)).fetchall()
    assert rows == [("t13-admin", "consult_desk_admin", True, True),
                    ("t13-reception", "consult_desk_reception", True, False),
                    ("t13-supervisor", "consult_desk_supervisor", True, False)]
    verifier = DB.execute_sql("SELECT rolpassword FROM pg_authid WHERE rolname = 't13-reception'").fetchone()[0]
    assert verifier.startswith("SCRAM-SHA-256$4096:")  # computed by the desk: no clear text sent
    assert Staff.get(Staff.login == "t13-reception").password_hash == pgroles.MARKER  # no hash kept in a table


def test_reception_books_but_cannot_touch_or_read_the_audit_log(server, clock, make_request):
    as_staff("reception")
    reception = Context(Actor("t13-reception", "受付", "reception"), clock)
    res = booking.book(reception, make_request("hellowork-kawagoe", WED))
    assert res.id
    for sql in ("UPDATE audit_log SET staff = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                "SELECT * FROM audit_log", "SELECT count(*) FROM audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER USER", "DROP TRIGGER audit_log_no_change ON audit_log",
                "ALTER TABLE reservation ADD COLUMN x integer", "CREATE TABLE t13 (x integer)",
                "UPDATE applicant SET anonymised_at = now()",  # no purge
                "UPDATE applicant SET last_end = now() + interval '99 years'",  # nor hiding from it
                "SELECT consult_desk_scrub_audit(ARRAY[1])",
                "INSERT INTO staff (login, display_name, role, active, created_at) VALUES ('x', 'x', 'admin', true, now())",
                "CREATE ROLE t13_intruder LOGIN"):
        refused(sql)
    with pytest.raises(RuleError):
        audit.verify(reception)  # and the service refuses before the server has to
    # what reception wrote is in the chain, linked by the server
    DB.obj.close()
    open_database(PG_URL)
    booked = AuditLog.get(AuditLog.action == "reservation.book")
    assert booked.staff == "t13-reception" and booked.seq and booked.row_hash
    assert audit.verify(Context(Actor("o", "owner", "admin"), clock)).ok


def test_supervisor_reads_and_verifies_the_log_and_purges_but_cannot_change_the_log(server, clock, make_request):
    as_staff("reception")
    booking.book(Context(Actor("t13-reception", "受付", "reception"), clock), make_request("hellowork-kawagoe", WED))
    as_staff("supervisor")
    supervisor = Context(Actor("t13-supervisor", "監督", "supervisor"), clock)
    assert audit.verify(supervisor).ok and AuditLog.select().count() > 0
    for sql in ("UPDATE audit_log SET staff = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                "ALTER TABLE audit_log DISABLE TRIGGER USER", "INSERT INTO office (code, name, preset, config, "
                "created_at) VALUES ('x', 'x', 'x', '{}', now())"):
        refused(sql)
    clock.set(dt.datetime(2027, 6, 1, 9, 0))
    assert retention.purge(supervisor, before=dt.date(2027, 2, 1)).reservations == 1  # through the granted paths
    assert audit.verify(supervisor).ok


def test_the_administrator_manages_login_roles(server, clock):
    as_staff("admin")
    admin = Context(Actor("t13-admin", "管理", "admin"), clock)
    auth.create_staff(admin, "t13-new", "新人", "counsellor", "new-password-1")
    assert pgroles.role_exists("t13-new")
    auth.update_staff(admin, "t13-new", role="reception")
    auth.set_password(admin, "t13-new", "new-password-2")
    auth.update_staff(admin, "t13-new", active=False)
    row = DB.execute_sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 't13-new'").fetchone()
    groups = DB.execute_sql("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 't13-new'").fetchall()
    assert row == (False,) and groups == [("consult_desk_reception",)]
    as_staff("reception")
    refused("ALTER ROLE \"t13-new\" LOGIN")


def test_the_command_line_connects_as_the_staff_login_role(server, tmp_path, capsys):
    DB.obj.close()
    cli = Cli(PG_URL, capsys)
    line = cli("offices", "--json", expect=2)
    assert line.startswith("sign_in_required")
    cli("book", "--office", "hellowork-kawagoe", "--start", "2027-01-13T10:00", "--name", "山田 花子", "--phone",
        "090-1234-5678", "--email", "hanako@example.jp", "--field", "job_seeker_no=11010-12345678", "--field",
        "has_webcam_device=はい", "--field", "continuing_support=はい", "--channel", "phone", "--consent",
        "--today", "2027-01-04", "--staff", "t13-reception", "--json", password="t13-reception-password")
    assert DB.execute_sql("SELECT current_user").fetchone()[0] == "t13-reception"
    assert cli("audit", "--staff", "t13-reception", expect=2, password="x").startswith("permission")
    rows = cli("audit", "verify", "--staff", "t13-supervisor", "--json", password="t13-supervisor-password")
    assert rows["ok"] is True and rows["triggers"] is True
    listed = cli("staff", "list", "--staff", "t13-admin", "--json", password="t13-admin-password")
    assert {"login": "t13-reception", "name": "reception テスト", "role": "reception", "active": True} in listed


@pytest.fixture
def scram_for(server):
    """The cluster asks one login for its password (SCRAM-SHA-256), as the README's pg_hba does for all;
    the line is taken out again afterwards. Skipped where the test cannot edit the cluster's pg_hba."""
    import contextlib
    from pathlib import Path

    hba = Path(DB.execute_sql("SHOW hba_file").fetchone()[0])
    try:
        original = hba.read_text()
        hba.write_text(f'host all "{LOGINS["reception"]}" 127.0.0.1/32 scram-sha-256\n' + original)
    except OSError as exc:
        pytest.skip(f"cannot edit the test cluster's pg_hba.conf: {exc}")
    DB.execute_sql("SELECT pg_reload_conf()")
    yield LOGINS["reception"]
    hba.write_text(original)
    with contextlib.suppress(pw.DatabaseError):
        probe = open_database(PG_URL)
        probe.execute_sql("SELECT pg_reload_conf()")


def test_the_server_checks_the_password_of_a_login_role(scram_for, clock, tmp_path, capsys):
    import time

    time.sleep(0.2)  # the reload reaches the postmaster
    assert not pgroles.password_works(scram_for, "wrong-password")
    assert pgroles.password_works(scram_for, f"{scram_for}-password")
    with pytest.raises(RuleError) as err:
        auth.sign_in(scram_for, "wrong-password", clock)  # the window's sign-in dialog
    assert err.value.code == "sign_in_failed"
    assert DB.execute_sql("SELECT current_user").fetchone()[0] != scram_for  # nothing connected as them
    assert auth.sign_in(scram_for, f"{scram_for}-password", clock).role == "reception"
    assert DB.execute_sql("SELECT current_user").fetchone()[0] == scram_for
    DB.obj.close()
    cli = Cli(PG_URL, capsys)
    line = cli("offices", "--staff", scram_for, expect=2, password="wrong-password")
    assert line.startswith("sign_in_failed")
    assert cli("offices", "--staff", scram_for, "--json", password=f"{scram_for}-password")[0]["id"]


def test_the_window_signs_in_to_the_server_as_the_login_role(scram_for, clock, qapp, monkeypatch):
    """A desk whose settings hold no password: the sign-in dialog opens first; a wrong password is said in
    it, the right one connects the desk as that login role."""
    import time

    from consult_desk.errors import StorageError
    from consult_desk.models.db import with_login
    from consult_desk.ui.shell import app, sign_in_dialog

    time.sleep(0.2)
    DB.obj.close()
    url = with_login(PG_URL, scram_for, "")  # the desk's URL names the user, no password
    with pytest.raises(StorageError) as err:
        app.open_storage(url)
    assert err.value.code == "sign_in_failed"
    seen = []

    def fill(dialog: sign_in_dialog.SignInDialog) -> int:
        for password in ("wrong-password", f"{scram_for}-password"):
            dialog.login.setText(scram_for)
            dialog.password.setText(password)
            dialog.accept()
            seen.append(dialog.message.text())
        return int(dialog.result())

    monkeypatch.setattr(sign_in_dialog.SignInDialog, "exec", fill)
    actor, _done = app.server_sign_in(url)
    assert seen[0] == "ログインIDまたはパスワードが違います" and actor.login == scram_for
    assert DB.execute_sql("SELECT current_user").fetchone()[0] == scram_for
