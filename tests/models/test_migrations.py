"""Every committed database of an older schema (tests/fixtures/schema_v*.sqlite3) migrates forward
with every reservation intact (TagStudio's fixture-per-version practice)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from consult_desk.models import DB, AuditLog, Reservation, open_database, transaction
from consult_desk.models.guards import audit_guard_installed
from consult_desk.models.schema import MIGRATIONS, SCHEMA_VERSION, ensure_schema, stored_version

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").glob("schema_v*.sqlite3"))


def test_the_fixtures_are_older_released_schemas():
    """Each fixture is a schema some release wrote (1, or a registered step below the current one);
    version numbers may have gaps (numbers reserved by work that has not landed)."""
    versions = {int(p.stem.removeprefix("schema_v")) for p in FIXTURES}
    assert 1 in versions
    assert versions <= {1, *(v for v in MIGRATIONS if v < SCHEMA_VERSION)}


def _snapshot(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT r.id, r.office_id, r.start, r.status, r.channel, a.name, a.phone"
            " FROM reservation r JOIN applicant a ON a.id = r.applicant_id ORDER BY r.id"
        ).fetchall()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_old_database_migrates_and_keeps_every_reservation(fixture, tmp_path):
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(fixture, path)  # never migrate the committed file itself
    before = _snapshot(path)
    assert len(before) > 100
    old_version = int(fixture.stem.removeprefix("schema_v"))
    audit_rows = sqlite3.connect(path).execute("SELECT count(*) FROM audit_log").fetchone()[0]

    open_database(path)
    try:
        done = ensure_schema(create=False)
        assert done[0].startswith("backup ") and done[-1] == f"migrated to schema {SCHEMA_VERSION}"
        assert stored_version() == SCHEMA_VERSION
        assert Reservation.select().count() == len(before)
        assert AuditLog.select().count() == audit_rows
        assert audit_guard_installed()
        with pytest.raises(pw.IntegrityError), transaction():
            DB.execute_sql("DELETE FROM audit_log")
        assert ensure_schema() == []  # a second start has nothing to do
    finally:
        DB.close()
    # schema 4 (issue 12): Hello Work's offered reservations were confirmed by the office's mail (004 第4条(2))
    assert _snapshot(path) == [(*r[:3], "confirmed" if r[3] == "offered" else r[3], *r[4:]) for r in before]
    backups = list((tmp_path / "backups").glob(f"desk-v{old_version}-*.sqlite3"))
    assert len(backups) == 1 and _snapshot(backups[0]) == before


def test_schema_4_confirms_hello_work_offers_and_adds_loans(tmp_path):
    """004 第4条(2) 「この受信をもって予約が確定します」: reservations an older desk left ``offered`` are
    confirmed, each with a history line; offices get the corrected preset values (003 6 lengths, 002 4(1)
    loans, consent conditions vs advice, 000's hours clause); the loans table exists."""
    from consult_desk.models import History, Loan, Office

    fixture = next(p for p in FIXTURES if p.stem == "schema_v1")
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(fixture, path)
    offered = [r[0] for r in _snapshot(path) if r[3] == "offered"]
    assert offered
    open_database(path)
    try:
        ensure_schema(create=False)
        assert Loan.select().count() == 0
        rows = {r.id: r for r in Reservation.select().where(Reservation.id.in_(offered))}
        assert all(r.status == "confirmed" and r.offer_reply_by is None for r in rows.values())
        moved = History.select().where(History.reservation.in_(offered), History.action == "confirm",
                                       History.from_status == "offered", History.staff == "system")
        assert moved.count() == len(offered) and "004 第4条(2)" in moved.first().note
        config = Office.get(Office.code == "hellowork-kawagoe").config
        assert config["session_lengths"] == [30] and config["equipment_loans"] is False
        assert [c["key"] for c in config["consent_items"] if c["required"]] == ["terms", "camera_mic"]
    finally:
        DB.close()


def test_a_step_numbered_below_the_version_still_runs_where_it_never_ran(db, monkeypatch):
    """Step numbers are reserved per open issue, so a database can be made while a lower-numbered step
    is still on its branch (a benchmark's or a developer's file): the steps it has had are kept beside
    its version, and a step that lands later still runs on it."""
    from consult_desk.models import DB, Meta
    from consult_desk.models import schema as schema_mod

    ran: list[int] = []
    monkeypatch.setitem(schema_mod.MIGRATIONS, 1000, lambda m: ran.append(1000))
    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", 1001)
    monkeypatch.setitem(schema_mod.MIGRATIONS, 1001, lambda m: ran.append(1001))
    Meta.update(value="1001").where(Meta.key == "schema_version").execute()
    steps = Meta.get(Meta.key == schema_mod.STEPS_KEY)
    Meta.update(value=steps.value + ",1001").where(Meta.key == schema_mod.STEPS_KEY).execute()
    done = ensure_schema()
    assert ran == [1000] and done[-1] == "migrated to schema 1000"
    assert stored_version() == 1001 and "1000" in Meta.get(Meta.key == schema_mod.STEPS_KEY).value.split(",")
    assert ensure_schema() == []  # nothing left to run
    assert DB.table_exists("meta")
