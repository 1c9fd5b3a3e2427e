"""Schema version, migrations and refusal of a newer database."""

from __future__ import annotations

import sqlite3

import pytest

from consult_desk.errors import StorageError
from consult_desk.models import DB, Meta, open_database
from consult_desk.models import schema as schema_mod
from consult_desk.models.schema import SCHEMA_VERSION, ensure_schema, stored_version


def test_new_database_gets_current_version_and_pragmas(db, db_path):
    assert stored_version() == SCHEMA_VERSION
    assert DB.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert DB.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert DB.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10000


def test_newer_database_is_refused_and_untouched(db, db_path):
    Meta.update(value=str(SCHEMA_VERSION + 1)).where(Meta.key == "schema_version").execute()
    DB.close()
    before = db_path.read_bytes()
    open_database(db_path)
    with pytest.raises(StorageError) as err:
        ensure_schema()
    assert err.value.code == "newer_schema" and "新しい版" in err.value.message
    DB.close()
    assert db_path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database\n" * 10)
    with pytest.raises(StorageError) as err:
        open_database(path)
    assert err.value.code == "db_corrupt"
    assert path.read_bytes() == b"this is a text file, not a database\n" * 10


def test_migration_backs_up_and_keeps_data(db, db_path, ctx, make_office, make_request, monkeypatch):
    """A registered step runs in its transaction after a backup; reservations survive."""
    import datetime as dt

    from consult_desk import booking
    from consult_desk.models import Reservation

    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, dt.datetime(2027, 1, 13, 10, 0)))
    ran = []
    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema_mod.MIGRATIONS, SCHEMA_VERSION + 1, lambda migrator: ran.append(migrator))
    done = ensure_schema()
    assert ran and stored_version() == SCHEMA_VERSION + 1
    assert any(line.startswith("backup ") for line in done)
    backups = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("select value from meta where key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert copy.execute("select count(*) from reservation").fetchone()[0] == 1
    assert Reservation.select().count() == 1
