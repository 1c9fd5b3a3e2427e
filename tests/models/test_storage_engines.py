"""Storage on both engines: schema creation, versions, migrations, the change counter.

Every test here runs on SQLite and on PostgreSQL (``any_db``); without a server the PostgreSQL
half is skipped and ``pytest -ra`` says why.
"""

from __future__ import annotations

import peewee as pw
import pytest

from consult_desk.errors import StorageError
from consult_desk.models import DB, AuditLog, Meta, Office, open_database, transaction
from consult_desk.models import schema as schema_mod
from consult_desk.models.db import is_sqlite
from consult_desk.models.entities import ALL_MODELS
from consult_desk.models.schema import (
    SCHEMA_VERSION,
    bump_changes,
    change_count,
    check_version,
    ensure_schema,
    stored_version,
)
from consult_desk.offices import create_office, list_offices


def test_fresh_database_has_every_table_and_the_current_version(any_db):
    tables = set(any_db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert stored_version() == SCHEMA_VERSION
    assert change_count() == 0


def test_ensure_schema_twice_changes_nothing(any_db, ctx):
    create_office(ctx, "hellowork-kawagoe")
    assert ensure_schema() == []
    assert [o.code for o in list_offices()] == ["hellowork-kawagoe"]


def test_reopening_keeps_the_data(any_db, ctx):
    create_office(ctx, "nishitokyo-childcare")
    target = any_db.target
    any_db.close()
    open_database(target)
    assert ensure_schema(create=False) == []
    assert Office.get_by_id("nishitokyo-childcare").config["seats"] >= 1


def test_newer_schema_is_refused_and_left_untouched(any_db, ctx):
    create_office(ctx, "hellowork-kawagoe")
    Meta.update(value=str(SCHEMA_VERSION + 1)).where(Meta.key == "schema_version").execute()
    before = sorted(Office.select(Office.code).tuples())
    with pytest.raises(StorageError) as info:
        ensure_schema()
    assert info.value.code == "newer_schema"
    assert str(SCHEMA_VERSION + 1) in info.value.message
    assert stored_version() == SCHEMA_VERSION + 1
    assert sorted(Office.select(Office.code).tuples()) == before


def test_empty_database_without_create_asks_for_init(any_db):
    """`consult-desk show` on an empty database: a sentence, not a traceback."""
    target = any_db.target
    any_db.close()
    if is_sqlite():
        target = target.replace("desk.sqlite3", "empty.sqlite3")
        open_database(target)
    else:
        open_database(target)
        DB.obj.drop_tables(list(reversed(ALL_MODELS)), cascade=True)
    with pytest.raises(StorageError) as info:
        ensure_schema(create=False)
    assert info.value.code == "db_not_initialised"


def test_migration_step_runs_on_this_engine(any_db, ctx, monkeypatch, tmp_path):
    """A registered step brings an older database forward in its own transaction (both engines)."""
    create_office(ctx, "funabashi-kosodate")
    target = SCHEMA_VERSION + 1

    def add_column(migrator):
        from playhouse.migrate import migrate

        migrate(migrator.add_column("audit_log", "workstation", pw.CharField(max_length=64, default="")))

    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", target)
    monkeypatch.setitem(schema_mod.MIGRATIONS, target, add_column)
    done = ensure_schema()
    assert f"migrated to schema {target}" in done
    assert stored_version() == target
    assert "workstation" in {c.name for c in DB.obj.get_columns("audit_log")}
    assert AuditLog.select().count() == 1  # the office's audit row survived
    if is_sqlite():
        assert any(line.startswith("backup ") for line in done)
        backups = list((tmp_path / "backups").glob("*.sqlite3"))
        assert len(backups) == 1
    else:
        assert not any(line.startswith("backup ") for line in done)


def test_failing_migration_step_leaves_the_old_version(any_db, ctx, monkeypatch):
    create_office(ctx, "funabashi-kosodate")
    target = SCHEMA_VERSION + 1

    def broken(migrator):
        from playhouse.migrate import migrate

        migrate(migrator.add_column("audit_log", "workstation", pw.CharField(max_length=64, default="")))
        raise RuntimeError("step failed half way")

    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", target)
    monkeypatch.setitem(schema_mod.MIGRATIONS, target, broken)
    with pytest.raises(RuntimeError):
        ensure_schema()
    assert check_version() == SCHEMA_VERSION
    # Both engines roll the step's DDL back with its transaction: no half-migrated table.
    assert "workstation" not in {c.name for c in DB.obj.get_columns("audit_log")}


def test_change_counter_counts_every_bump(any_db):
    for _ in range(5):
        with transaction():
            bump_changes()
    assert change_count() == 5


def test_change_counter_is_not_bumped_by_a_rolled_back_action(any_db):
    with pytest.raises(RuntimeError), transaction():
        bump_changes()
        raise RuntimeError("refused half way")
    assert change_count() == 0


def test_change_counter_seen_by_a_second_connection(any_db):
    """Another desk's connection sees the change at once (no stale snapshot on either engine)."""
    other = pw.SqliteDatabase(any_db.database) if is_sqlite() else pw.PostgresqlDatabase(
        any_db.database, **any_db.connect_params
    )
    try:
        with other.bind_ctx([Meta]):
            assert change_count() == 0
        with transaction():
            bump_changes()
        with other.bind_ctx([Meta]):
            assert change_count() == 1
            with other.atomic():
                bump_changes()
        assert change_count() == 2
    finally:
        other.close()
