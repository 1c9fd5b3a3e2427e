"""Backups and restore of the SQLite database.

A backup is an online copy through the sqlite3 backup API (:func:`models.schema.backup_file`),
consistent and safe while other desks keep writing. The window takes one automatically on the
first start of each day; schema migrations take one first. Each kind keeps its last N files in
the ``backups`` folder next to the database.

A restore checks the candidate before anything is replaced: it opens it read-only, runs
``PRAGMA integrity_check``, reads its schema version (not newer than this program) and looks for
every table. Only then is a safety copy of the current database taken; the candidate is staged in a
private temporary copy (migrated there if older), and one transaction on the live database replaces
every table's rows but the audit log's and records the restore (issue 13): the audit log is never
rewound, its hash chain goes on, and a kill at any moment leaves either the old data or the restored
data with its ``restore`` entry. Connections other desks hold stay valid and see the restored data.
A damaged file is refused with a sentence and nothing is replaced.

PostgreSQL databases are backed up on the server (pg_dump); here they are refused clearly.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from consult_desk import audit
from consult_desk.changes import ALL, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError, StorageError
from consult_desk.models import ALL_MODELS, Meta, Reservation, transaction
from consult_desk.models.schema import (
    SCHEMA_VERSION,
    TABLES_SINCE,
    backup_copy,
    change_count,
    ensure_schema,
    sqlite_path,
)
from consult_desk.paths import backups_dir
from consult_desk.permissions import require

DEFAULT_KEEP = 14
KEEP_KEY = "backup_keep"
KINDS = ("daily", "before-restore", "migration")


@dataclass
class BackupInfo:
    path: Path
    bytes: int
    schema: int
    reservations: int

    def as_json(self) -> dict[str, object]:
        return {"backup": str(self.path), "bytes": self.bytes, "schema": self.schema, "reservations": self.reservations}


@dataclass
class RestoreResult:
    source: Path
    schema: int
    reservations: int
    safety_copy: Path
    migrated: list[str]

    def as_json(self) -> dict[str, object]:
        return {
            "restored": str(self.source),
            "schema": self.schema,
            "reservations": self.reservations,
            "safety_copy": str(self.safety_copy),
            "migrated": self.migrated,
        }


def current_path() -> Path:
    path = sqlite_path()
    if path is None:
        raise StorageError("backup_sqlite_only")
    return path


def folder() -> Path:
    return backups_dir(current_path())


def keep_count() -> int:
    row = Meta.get_or_none(Meta.key == KEEP_KEY)
    try:
        return max(1, int(row.value)) if row else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def set_keep_count(ctx: Context, keep: int) -> None:
    """How many automatic backups of each kind are kept."""
    require(ctx, "backup")
    if keep < 1 or keep > 1000:
        raise RuleError("invalid_value", label="保存数", value=keep)
    with transaction():
        if Meta.get_or_none(Meta.key == KEEP_KEY) is None:
            Meta.create(key=KEEP_KEY, value=str(keep))
        else:
            Meta.update(value=str(keep)).where(Meta.key == KEEP_KEY).execute()
        audit.record(ctx, "backup", target="keep", detail=f"keep={keep}")


def _copy_to(dest: Path) -> Path:
    """backup_file into a temporary name beside ``dest``, then renamed: no half-written backup."""
    dest = Path(dest)
    if dest.exists() and dest.is_dir():
        raise StorageError("backup_failed", detail=f"{dest} is a folder")
    try:
        backup_copy(dest)
    except StorageError as exc:
        raise StorageError("backup_failed", detail=exc.message) from exc
    except (OSError, sqlite3.Error) as exc:
        raise StorageError("backup_failed", detail=str(exc)) from exc
    return dest


def _describe(path: Path) -> BackupInfo:
    version, reservations, _ = _inspect(path)
    return BackupInfo(path, path.stat().st_size, version, reservations)


def backup_to(ctx: Context, dest: Path) -> BackupInfo:
    """A backup to a file the user chose; audited (the file holds personal data)."""
    require(ctx, "backup")
    source = current_path()
    dest = Path(dest)
    if dest.resolve() == source.resolve():
        raise RuleError("invalid_value", label="バックアップ先", value=str(dest))
    _copy_to(dest)
    info = _describe(dest)
    with transaction():
        audit.record(ctx, "backup", target=str(dest.resolve()), count=info.reservations, detail=f"schema={info.schema}")
    return info


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _unique(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _kind_of(name: str, stem: str) -> str | None:
    rest = name[len(stem) + 1 :] if name.startswith(stem + "-") else ""
    if rest.startswith("daily-"):
        return "daily"
    if rest.startswith("before-restore-"):
        return "before-restore"
    if re.match(r"v\d+-", rest):
        return "migration"
    return None


def list_backups() -> list[Path]:
    """Backups of this database in its backups folder, newest first."""
    try:
        path = current_path()
    except StorageError:
        return []
    found = [p for p in backups_dir(path).glob(f"{path.stem}-*.sqlite3") if _kind_of(p.name, path.stem)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def prune(keep: int | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups of each kind. Returns what was deleted."""
    keep = keep or keep_count()
    path = current_path()
    removed = []
    by_kind: dict[str, list[Path]] = {}
    for backup in list_backups():
        kind = _kind_of(backup.name, path.stem)
        if kind:
            by_kind.setdefault(kind, []).append(backup)
    for backups in by_kind.values():
        for old in backups[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed


def daily_backup(ctx: Context, keep: int | None = None) -> Path | None:
    """The automatic backup: once per day (the first start of the day), keeping the last N.

    No permission is needed: it is the program's duty, not a user's choice. Returns the new file,
    or None when today's backup exists already or the database is not a SQLite file.
    """
    path = sqlite_path()
    if path is None:
        return None
    target = backups_dir(path)
    today = ctx.clock.today()
    if any(p.name.startswith(f"{path.stem}-daily-{today:%Y%m%d}") for p in target.glob(f"{path.stem}-daily-*.sqlite3")):
        return None
    dest = _copy_to(_unique(target / f"{path.stem}-daily-{_stamp(ctx.clock.now())}.sqlite3"))
    prune(keep)
    with transaction():
        audit.record(ctx, "backup_auto", target=dest.name)
    expire(ctx)
    return dest


_STAMP = re.compile(r"-(\d{8})-\d{6}")


def _taken_on(backup: Path) -> dt.date:
    found = _STAMP.search(backup.name)
    if found:
        try:
            return dt.datetime.strptime(found.group(1), "%Y%m%d").date()
        except ValueError:
            pass
    return dt.date.fromtimestamp(backup.stat().st_mtime)


def expire(ctx: Context) -> list[Path]:
    """Automatic backups older than the shortest retention period of the offices are deleted (issue 13):
    they hold personal data a purge has removed from the database. Recorded with how many."""
    from consult_desk.retention import retention_cutoffs

    cutoffs = retention_cutoffs(ctx.clock.today())
    if not cutoffs:
        return []
    limit = max(cutoffs.values())  # the shortest retention period gives the latest cut-off
    removed = []
    for old in list_backups():
        if _taken_on(old) < limit:
            old.unlink(missing_ok=True)
            removed.append(old)
    if removed:
        with transaction():
            audit.record(ctx, "backup_expired", target=f"before {limit.isoformat()}", count=len(removed),
                         detail=" ".join(p.name for p in removed)[:1000])
    return removed


# ------------------------------------------------------------------ restore


def _open_candidate(path: Path) -> sqlite3.Connection:
    """Read-only; ``immutable`` unless a -wal file beside it holds part of its content."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _inspect(path: Path) -> tuple[int, int, list[str]]:
    """(schema version, reservations, tables) of a candidate, or a refusal saying what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise StorageError("restore_missing", path=str(path))
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StorageError("restore_not_backup", path=str(path), detail="not a SQLite file")
    try:
        conn = _open_candidate(path)
    except sqlite3.Error as exc:
        raise StorageError("restore_damaged", path=str(path), detail=str(exc)) from exc
    try:
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StorageError("restore_damaged", path=str(path), detail=str(exc)) from exc
        if result != ["ok"]:
            raise StorageError("restore_damaged", path=str(path), detail="; ".join(result[:3]))
        tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        if "meta" not in tables:
            raise StorageError("restore_not_backup", path=str(path), detail="no meta table")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            version = int(row[0]) if row else -1
        except ValueError:
            version = -1
        if version < 1:
            raise StorageError("restore_not_backup", path=str(path), detail="no schema version")
        if version > SCHEMA_VERSION:
            raise StorageError("restore_newer", found=version, supported=SCHEMA_VERSION)
        missing = [
            m._meta.table_name
            for m in ALL_MODELS
            if m._meta.table_name not in tables and version >= TABLES_SINCE.get(m._meta.table_name, 0)
        ]
        if missing:
            raise StorageError("restore_not_backup", path=str(path), detail="missing tables: " + ", ".join(missing))
        reservations = int(conn.execute("SELECT count(*) FROM reservation").fetchone()[0])
    finally:
        conn.close()
    return version, reservations, tables


def check_backup(path: Path) -> BackupInfo:
    """What a backup file holds, after the same checks a restore makes (nothing is changed)."""
    return _describe(Path(path))


# Meta keys that belong to the live database, not to the data a backup brings back.
_LIVE_META = {"schema_version", "changes", "audit_head"}


def _migrate_staged(staged: Path) -> list[str]:
    """Bring a staged copy of an older backup to this schema (the live database stays bound meanwhile)."""
    from consult_desk.models import DB

    live = DB.obj
    copy_db = pw.SqliteDatabase(str(staged), pragmas={"foreign_keys": 0})
    DB.initialize(copy_db)
    try:
        copy_db.connect()
        return [line for line in ensure_schema(create=False) if line.startswith("migrated")]
    finally:
        copy_db.close()
        DB.initialize(live)


def _replace_data(
    ctx: Context, staged: Path, source: Path, version: int, reservations: int, safety: Path, changes: int
) -> None:
    """Every table but the audit log takes the staged backup's rows, in one transaction that also records
    the restore: the audit log is never rewound, its chain goes on (issue 13)."""
    from consult_desk.models import DB, AuditLog

    DB.execute_sql("ATTACH DATABASE ? AS restored", (str(staged),))
    try:
        with transaction():
            DB.execute_sql("PRAGMA defer_foreign_keys = ON")
            models = [m for m in ALL_MODELS if m not in (AuditLog, Meta)]
            for model in reversed(models):
                DB.execute_sql(f'DELETE FROM main."{model._meta.table_name}"')
            for model in models:
                table = model._meta.table_name
                live_cols = {c.name for c in DB.get_columns(table)}
                staged_cols = [r[1] for r in DB.execute_sql(f'PRAGMA restored.table_info("{table}")').fetchall()]
                cols = ", ".join(f'"{c}"' for c in staged_cols if c in live_cols)
                DB.execute_sql(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM restored."{table}"')
            marks = ", ".join("?" for _ in _LIVE_META)
            DB.execute_sql(f"DELETE FROM main.meta WHERE key NOT IN ({marks})", list(_LIVE_META))
            DB.execute_sql(
                f"INSERT INTO main.meta (key, value) SELECT key, value FROM restored.meta WHERE key NOT IN ({marks})",
                list(_LIVE_META),
            )
            # Other desks poll the change counter: make sure it moves past anything they have seen.
            Meta.update(value=str(max(changes, change_count()) + 1)).where(Meta.key == "changes").execute()
            touch(*ALL)  # everything may differ: every view reads again
            audit.record(
                ctx, "restore", target=str(source.resolve()), count=reservations,
                detail=f"schema={version} safety={safety.name}",
            )
    finally:
        DB.execute_sql("DETACH DATABASE restored")


def restore(ctx: Context, source: Path) -> RestoreResult:
    """Replace the database's content with a checked backup; the current state is kept as a safety copy."""
    require(ctx, "restore")
    current = current_path()
    source = Path(source)
    if source.exists() and source.resolve() == current.resolve():
        raise RuleError("invalid_value", label="復元するファイル", value=str(source))
    version, reservations, _ = _inspect(source)

    stamp = _stamp(ctx.clock.now())
    safety = _copy_to(_unique(backups_dir(current) / f"{current.stem}-before-restore-{stamp}.sqlite3"))
    changes = change_count()
    with tempfile.TemporaryDirectory(prefix="consult-desk-restore-") as work:
        staged = Path(work) / "restore.sqlite3"
        candidate = _open_candidate(source)
        try:
            out = sqlite3.connect(str(staged))
            try:
                candidate.backup(out)
            except sqlite3.Error as exc:
                raise StorageError("restore_damaged", path=str(source), detail=str(exc)) from exc
            finally:
                out.close()
        finally:
            candidate.close()
        migrated = _migrate_staged(staged)  # an older backup is brought forward first, on the copy
        _replace_data(ctx, staged, source, version, reservations, safety, changes)
    prune()
    return RestoreResult(source, version, Reservation.select().count(), safety, migrated)
