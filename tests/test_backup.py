"""Online backups (sqlite3 backup API), the daily automatic one, and a restore that checks first."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from consult_desk import backup, booking
from consult_desk.errors import StorageError
from consult_desk.models import AuditLog, Meta, Reservation
from consult_desk.models.schema import SCHEMA_VERSION, change_count

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"


@pytest.fixture
def two_booked(hw, ctx, make_request):
    booking.book(ctx, make_request(hw, WED))
    booking.book(ctx, make_request(hw, WED + dt.timedelta(minutes=30), phone="080-1111-2222"))
    return hw


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str = "reservation") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_to_a_file_is_complete_standalone_and_audited(two_booked, ctx, tmp_path):
    out = tmp_path / "usb" / "copy.sqlite3"
    info = backup.backup_to(ctx, out)
    assert info.as_json() == {"backup": str(out), "bytes": out.stat().st_size, "schema": SCHEMA_VERSION, "reservations": 2}
    assert integrity(out) == "ok" and count(out) == 2
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.sqlite3"]  # no -wal/-shm, no .part left
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.target, last.count) == ("backup", str(out), 2)


def test_backup_while_another_connection_writes(two_booked, ctx, db_path, tmp_path):
    """Another desk keeps writing during the backups: both finish, each copy is consistent."""
    started = threading.Event()
    written = []
    errors = []

    def writer():
        conn = sqlite3.connect(db_path, timeout=30)
        try:
            for _ in range(400):
                with conn:
                    conn.execute(
                        "INSERT INTO audit_log (at, staff, action, target, count, detail, prev_hash, row_hash,"
                        " detail_hash, redacted)"
                        " VALUES ('2027-01-04 09:00:00', 'other-desk', 'reservation.book', 'x', 1, '', '', '', '', 0)"
                    )
                written.append(1)
                started.set()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            started.set()
            conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(timeout=30)
    try:
        outs = [backup.backup_to(ctx, tmp_path / f"copy{i}.sqlite3").path for i in range(3)]
    finally:
        thread.join(timeout=60)
    assert errors == [] and len(written) == 400
    for out in outs:
        assert integrity(out) == "ok" and count(out) == 2
        conn = sqlite3.connect(out)
        other = conn.execute("SELECT count(*) FROM audit_log WHERE staff = 'other-desk'").fetchone()[0]
        conn.close()
        assert 1 <= other <= 400  # a consistent snapshot taken while the other desk was writing


def test_daily_backup_once_a_day_keeping_the_last_n(two_booked, ctx, clock, db_path):
    made = []
    for day in range(5):
        clock.set(T(2027, 1, 4 + day, 8, 30))
        made.append(backup.daily_backup(ctx, keep=3))
        assert backup.daily_backup(ctx, keep=3) is None  # second start the same day
    assert all(made)
    kept = sorted(p.name for p in (db_path.parent / "backups").glob("desk-daily-*.sqlite3"))
    assert kept == ["desk-daily-20270106-083000.sqlite3", "desk-daily-20270107-083000.sqlite3",
                    "desk-daily-20270108-083000.sqlite3"]
    assert AuditLog.select().where(AuditLog.action == "backup_auto").count() == 5


def test_keep_count_is_a_database_setting(two_booked, ctx):
    assert backup.keep_count() == backup.DEFAULT_KEEP
    backup.set_keep_count(ctx, 30)
    assert backup.keep_count() == 30


def test_restore_brings_the_backup_back_and_open_connections_see_it(two_booked, ctx, make_request, db_path, tmp_path):
    saved = backup.backup_to(ctx, tmp_path / "monday.sqlite3").path
    booking.book(ctx, make_request(two_booked, WED + dt.timedelta(hours=1), phone="080-3333-4444"))
    other_desk = sqlite3.connect(db_path)  # another desk's open connection
    assert other_desk.execute("SELECT count(*) FROM reservation").fetchone()[0] == 3
    changes = change_count()

    result = backup.restore(ctx, saved)

    assert Reservation.select().count() == 2
    assert other_desk.execute("SELECT count(*) FROM reservation").fetchone()[0] == 2  # still valid, sees the restore
    other_desk.close()
    assert change_count() > changes  # other desks refresh
    assert count(result.safety_copy) == 3  # what was replaced is kept
    assert result.as_json()["reservations"] == 2 and result.migrated == []
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.count) == ("restore", 2)


def _damage(path: Path) -> None:
    """Overwrite the middle of the file (b-tree pages) with garbage, keeping the header."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data) - page, page * 3):
        data[start : start + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def _write_text(path: Path) -> None:
    path.write_text("予約一覧\n" * 100, encoding="utf-8")


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()


def _drop_table(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE callback_attempt")
    conn.close()


@pytest.mark.parametrize("spoil, code", [
    (_damage, "restore_damaged"),
    (_truncate, "restore_damaged"),
    (_write_text, "restore_not_backup"),
    (_newer, "restore_newer"),
    (_drop_table, "restore_not_backup"),
])
def test_restore_refuses_a_bad_file_and_replaces_nothing(two_booked, ctx, db_path, tmp_path, spoil, code):
    candidate = backup.backup_to(ctx, tmp_path / "bad.sqlite3").path
    spoil(candidate)
    before_rows = count(db_path)
    before_audit = AuditLog.select().count()
    with pytest.raises(StorageError) as err:
        backup.restore(ctx, candidate)
    assert err.value.code == code
    assert "変更していません" in err.value.message
    assert count(db_path) == before_rows and Reservation.select().count() == before_rows
    assert AuditLog.select().count() == before_audit
    assert not list((db_path.parent / "backups").glob("*before-restore*"))  # checked before any copy


def test_restore_of_a_missing_file(two_booked, ctx, tmp_path):
    with pytest.raises(StorageError) as err:
        backup.restore(ctx, tmp_path / "nowhere.sqlite3")
    assert err.value.code == "restore_missing"


def test_restore_of_an_older_schema_migrates_it(two_booked, ctx, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_V1, old)
    result = backup.restore(ctx, old)
    assert result.schema == 1 and result.migrated[-1] == f"migrated to schema {SCHEMA_VERSION}"
    assert Reservation.select().count() == count(FIXTURE_V1)
    assert Meta.get(Meta.key == "schema_version").value == str(SCHEMA_VERSION)


def test_postgres_is_refused_with_a_sentence(any_db, ctx, tmp_path):
    if any_db.target.startswith("postgres"):
        with pytest.raises(StorageError) as err:
            backup.backup_to(ctx, tmp_path / "x.sqlite3")
        assert err.value.code == "backup_sqlite_only" and "pg_dump" in err.value.message
        assert backup.daily_backup(ctx) is None
    else:
        assert backup.daily_backup(ctx) is not None


def test_restore_never_rewinds_the_audit_log(two_booked, ctx, make_request, tmp_path):
    """Issue 13: the entries written since the backup stay, the chain goes on, the restore entry is new."""
    from consult_desk import audit
    from consult_desk.models import chain

    saved = backup.backup_to(ctx, tmp_path / "monday.sqlite3").path
    booking.book(ctx, make_request(two_booked, WED + dt.timedelta(hours=1), phone="080-3333-4444"))
    since_backup = [(a.id, a.row_hash) for a in AuditLog.select().order_by(AuditLog.seq)]
    backup.restore(ctx, saved)
    after = [(a.id, a.row_hash) for a in AuditLog.select().order_by(AuditLog.seq)]
    assert after[: len(since_backup)] == since_backup
    assert [a.action for a in AuditLog.select().order_by(AuditLog.seq)][len(since_backup):] == ["restore"]
    assert after[-1][0] > max(i for i, _ in since_backup)
    assert audit.verify(ctx).ok and chain.head()[0] == len(after)


def test_a_restore_that_cannot_be_recorded_replaces_nothing(two_booked, ctx, make_request, tmp_path, monkeypatch):
    """The data and the restore entry are one transaction: no restore without its audit entry."""
    from consult_desk import audit

    saved = backup.backup_to(ctx, tmp_path / "monday.sqlite3").path
    booking.book(ctx, make_request(two_booked, WED + dt.timedelta(hours=1), phone="080-3333-4444"))
    entries = AuditLog.select().count()
    real = audit.record

    def failing(ctx, action, *args, **kwargs):
        if action == "restore":
            raise OSError("killed at the wrong moment")
        return real(ctx, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(OSError):
        backup.restore(ctx, saved)
    assert Reservation.select().count() == 3 and AuditLog.select().count() == entries
