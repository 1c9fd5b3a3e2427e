"""Tamper-evident audit log (issue 13 deliverable 2): a SHA-256 hash chain on both engines, `audit verify`,
the guard triggers, the scrub a purge may make, and a lockout that deleting rows does not reset."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import peewee as pw
import pytest
from cli_support import Cli

from consult_desk import audit, auth, booking, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import DB, AuditLog, chain, open_database, transaction
from consult_desk.models.guards import audit_guard_installed, scrub_details
from consult_desk.models.schema import ensure_schema

WED = dt.datetime(2027, 1, 13, 10, 0)
FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"


@pytest.fixture
def busy(any_db, ctx, make_office, make_request):
    """An office, two bookings and a few steps: about ten audit rows."""
    hw = make_office("hellowork-kawagoe")
    first = booking.book(ctx, make_request(hw, WED))
    booking.book(ctx, make_request(hw, WED + dt.timedelta(minutes=30), phone="080-1111-2222"))
    lifecycle.act(ctx, first.id, "offer", ActOptions(channel="email"))
    lifecycle.cancel(ctx, first.id, "phone", "都合が悪い")
    return any_db


def is_pg(database) -> bool:
    return database.target.startswith("postgres")


def ids() -> list[int]:
    return [a.id for a in AuditLog.select(AuditLog.id).order_by(AuditLog.seq)]


def tamper(database, sql: str) -> None:
    """What an attacker with the owner's (or the file's) rights does: switch the guard off, then change rows."""
    with transaction():
        if is_pg(database):
            DB.execute_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")
        else:
            DB.execute_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            DB.execute_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        DB.execute_sql(sql)


def test_the_chain_holds_and_is_computed_alike_by_the_program_and_the_server(busy, ctx):
    result = audit.verify(ctx)
    assert result.as_json() == {"ok": True, "rows": AuditLog.select().count(), "first_bad": None, "triggers": True}
    rows = list(AuditLog.select().order_by(AuditLog.seq))
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0].prev_hash == "" and all(b.prev_hash == a.row_hash for a, b in zip(rows, rows[1:], strict=False))
    # the digest written (on PostgreSQL by the trigger) is the one the program recomputes
    last = rows[-1]
    assert last.row_hash == chain.row_digest(last.prev_hash, last.seq, last.at, last.staff, last.action, last.target,
                                             last.count, chain.sha(last.detail))
    assert chain.head() == (last.seq, last.row_hash)


def test_an_edited_row_is_found(busy, ctx):
    victim = ids()[3]
    tamper(busy, f"UPDATE audit_log SET staff = 'someone-else' WHERE id = {victim}")
    result = audit.verify(ctx)
    assert (result.ok, result.first_bad, result.triggers) == (False, victim, False)
    sentences = audit.problem_messages(result)
    assert any(f"記録番号{victim}" in s for s in sentences) and any("トリガー" in s for s in sentences)


def test_an_edited_detail_is_found_and_a_deleted_row_breaks_the_link(busy, ctx):
    rows = ids()
    tamper(busy, f"UPDATE audit_log SET detail = 'nothing happened' WHERE id = {rows[2]}")
    assert audit.verify(ctx).first_bad == rows[2]
    tamper(busy, f"DELETE FROM audit_log WHERE id = {rows[1]}")
    assert audit.verify(ctx).first_bad == rows[2]  # the row after the deleted one (before the edited one)


def test_rows_deleted_from_the_end_are_found(busy, ctx):
    rows = ids()
    tamper(busy, f"DELETE FROM audit_log WHERE id IN ({rows[-1]}, {rows[-2]})")
    result = audit.verify(ctx)
    assert result.first_bad == rows[-3] and result.rows == len(rows) - 2


def test_a_dropped_or_disabled_trigger_is_found_and_the_administrator_puts_it_back(busy, ctx):
    with transaction():
        if is_pg(busy):
            DB.execute_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        else:
            DB.execute_sql("DROP TRIGGER audit_log_no_update")
    result = audit.verify(ctx)
    assert (result.ok, result.first_bad, result.triggers) == (False, None, False)
    reception = Context(Actor("r", "受付", "reception"), ctx.clock)
    supervisor = Context(Actor("s", "監督", "supervisor"), ctx.clock)
    with pytest.raises(RuleError):
        audit.verify(reception)  # reception does not read the log
    with pytest.raises(RuleError):
        audit.reinstall_guard(supervisor)  # the administrator only
    assert audit.reinstall_guard(ctx).ok
    assert AuditLog.select().order_by(AuditLog.seq.desc()).first().action == "audit_guard_reinstalled"
    with pytest.raises(pw.IntegrityError), transaction():
        DB.execute_sql("DELETE FROM audit_log")


def test_rows_inserted_behind_the_programs_back_are_found(busy, ctx):
    if is_pg(busy):
        # the server chains every insert itself, whatever the client sends
        DB.execute_sql("INSERT INTO audit_log (at, staff, action, target, count, detail, seq, prev_hash, row_hash,"
                       " detail_hash, redacted) VALUES (now(), 'x', 'forged', '', 1, '', 999, 'a', 'b', 'c', true)")
        assert audit.verify(ctx).ok
        forged = AuditLog.get(AuditLog.action == "forged")
        assert forged.seq == AuditLog.select().count() and forged.prev_hash != "a" and not forged.redacted
    else:
        DB.execute_sql("INSERT INTO audit_log (at, staff, action, target, count, detail, prev_hash, row_hash,"
                       " detail_hash, redacted) VALUES ('2027-01-04 09:00:00', 'x', 'forged', '', 1, '', '', '', '', 0)")
        assert audit.verify(ctx).first_bad == AuditLog.get(AuditLog.action == "forged").id


def test_only_the_purges_scrub_gets_through_the_guard_and_the_chain_still_holds(busy, ctx):
    rows = ids()
    for sql in ("UPDATE audit_log SET detail = 'x' WHERE id = {}",
                "UPDATE audit_log SET detail = '', redacted = {t}, staff = 'y' WHERE id = {}",
                "UPDATE audit_log SET detail = 'z', redacted = {t} WHERE id = {}"):
        with pytest.raises(pw.IntegrityError), transaction():
            DB.execute_sql(sql.format(rows[-1], t="true" if is_pg(busy) else 1))
    with transaction():
        assert scrub_details([rows[-1], rows[-2]]) == 2
    scrubbed = AuditLog.get_by_id(rows[-1])
    assert scrubbed.detail == "" and scrubbed.redacted and scrubbed.action.startswith("reservation.")
    assert audit.verify(ctx).ok


def test_audit_verify_on_the_command_line(tmp_path, capsys):
    cli = Cli(tmp_path / "desk.sqlite3", capsys)
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    cli("office", "--closure", "2027-02-10", "--json")
    assert cli("audit", "verify", "--json") == {"ok": True, "rows": 2, "first_bad": None, "triggers": True}
    database = open_database(cli.db)
    first = AuditLog.select().order_by(AuditLog.seq).first().id
    tamper(type("D", (), {"target": cli.db})(), f"UPDATE audit_log SET target = 'elsewhere' WHERE id = {first}")
    database.close()
    code_line = cli("audit", "verify", "--json", expect=2)
    assert "改ざん" in code_line
    # stdout still carries the JSON (Cli returns the stderr line for exit 2: read it back)
    from consult_desk.cli import main

    assert main(["--db", cli.db, "audit", "verify", "--json"]) == 2
    out, _ = capsys.readouterr()
    import json

    assert json.loads(out) == {"ok": False, "rows": 2, "first_bad": first, "triggers": False}


def test_deleting_failed_sign_ins_does_not_reset_the_lockout(db, clock):
    auth.create_demo_accounts(clock)
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(RuleError):
            auth.sign_in("reception", "wrong-password", clock)
        clock.advance(minutes=1)
    tamper(type("D", (), {"target": "sqlite"})(), "DELETE FROM audit_log WHERE action = 'sign_in_failed'")
    with pytest.raises(RuleError) as err:
        auth.sign_in("reception", "demo-reception", clock)
    assert err.value.code == "sign_in_locked"
    clock.advance(minutes=auth.LOCK_MINUTES + 1)  # that part of the log is past the lockout period
    assert auth.sign_in("reception", "demo-reception", clock).role == "reception"


def test_the_migration_chains_the_rows_already_there(tmp_path, ctx):
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_V1, path)
    open_database(path)
    before = DB.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0]
    ensure_schema()
    assert audit_guard_installed()
    assert audit.verify(ctx).as_json() == {"ok": True, "rows": before, "first_bad": None, "triggers": True}
    DB.close()
