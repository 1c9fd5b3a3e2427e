"""Opening the database: a SQLite file (default) or a database URL (PostgreSQL for shared desks)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import peewee as pw

from consult_desk.errors import StorageError

DB = pw.DatabaseProxy()

SQLITE_PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "normal",
    "cache_size": -16000,
    # deleted content is overwritten with zeros, whatever the build's default (issue 13: a purge leaves no copy)
    "secure_delete": 1,
}


# Driver messages meaning "another desk holds the lock": SQLite busy/locked, PostgreSQL deadlock
# or serialisation failure (the action is rolled back; trying again works).
_CONTENTION = ("locked", "busy", "deadlock detected", "could not serialize")


def is_url(target: str) -> bool:
    return "://" in target


def with_login(url: str, login: str, password: str) -> str:
    """The server URL with its user and password replaced by a staff member's login role (issue 13)."""
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{quote(login, safe='')}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def describe(target: str) -> str:
    """The database location for the status bar, without a password."""
    if is_url(target):
        scheme, _, rest = target.partition("://")
        if "@" in rest:
            creds, _, host = rest.rpartition("@")
            user = creds.split(":", 1)[0]
            return f"{scheme}://{user}@{host}"
        return target
    return str(Path(target).resolve())


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not SQLite before peewee touches it (nothing is overwritten)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StorageError("db_corrupt", path=str(path))


def open_database(target: str | os.PathLike[str], create: bool = True) -> pw.Database:
    """Bind :data:`DB` to a SQLite file path or a database URL and return the database.

    SQLite runs in WAL mode with foreign keys and a busy timeout. PostgreSQL URLs go through
    playhouse.db_url, so the same models serve several desks on one server.
    """
    target = str(target)
    database: pw.Database
    if is_url(target) and not target.startswith("sqlite"):
        # imported for a server's URL only: it imports every driver's module (start-up)
        from playhouse.db_url import connect as url_connect

        try:
            database = url_connect(target)
        except Exception as exc:  # unknown scheme, missing driver
            raise StorageError("db_unavailable", detail=str(exc)) from exc
    else:
        path = Path(target.split("://", 1)[1]) if is_url(target) else Path(target)
        if path.exists() and path.is_dir():
            raise StorageError("db_unavailable", detail=f"{path} is a folder")
        if not path.exists():
            if not create:
                raise StorageError("db_unavailable", detail=f"{path} does not exist")
            path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(path)
        busy_seconds = int(SQLITE_PRAGMAS["busy_timeout"]) / 1000  # also while setting the pragmas themselves
        database = pw.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=busy_seconds)
    DB.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        if isinstance(database, pw.SqliteDatabase):
            database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise classify_error(exc, target) from exc
    return database


def check_writable(target: str) -> None:
    """Refuse, at start, a SQLite database this desk could read but not store into (a read-only file
    or share): an update that changes nothing, rolled back, so nothing at all is written."""
    database = DB.obj
    if not isinstance(database, pw.SqliteDatabase):
        return
    try:
        database.execute_sql("BEGIN IMMEDIATE")
        try:
            database.execute_sql("UPDATE meta SET value = value WHERE key = 'changes'")
        finally:
            if database.connection().in_transaction:  # some errors end the transaction themselves
                database.execute_sql("ROLLBACK")
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        raise classify_error(exc, target) from exc


def classify_error(exc: BaseException, target: str) -> StorageError:
    """Turn a driver error into a known failure with a sentence (corrupt, locked, read-only)."""
    text = str(exc).lower()
    if any(word in text for word in _CONTENTION):
        return StorageError("db_locked")
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StorageError("db_readonly", path=target)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError("db_corrupt", path=target)
    return StorageError("db_unavailable", detail=str(exc))


@contextmanager
def transaction() -> Iterator[None]:
    """One user action, one transaction. Driver failures become known errors.

    What the action changed (``consult_desk.changes.touch``) bumps the change counter inside this
    transaction, just before it commits, and is published to the subscribers after the commit."""
    from consult_desk import changes

    database = DB.obj
    # SQLite: take the write lock at BEGIN, so a busy desk waits (busy_timeout) instead of failing.
    atomic = database.atomic("IMMEDIATE") if isinstance(database, pw.SqliteDatabase) else database.atomic()
    changes.begin()
    committed = False
    try:
        with atomic:
            yield
            changes.before_commit()
        committed = True
    except (pw.OperationalError, sqlite3.OperationalError) as exc:
        text = str(exc).lower()
        if any(word in text for word in (*_CONTENTION, "readonly", "read-only")):
            raise classify_error(exc, getattr(database, "database", "")) from exc
        raise
    finally:
        news = changes.end(committed)
    changes.publish(news)


# Row ids are 32-bit on PostgreSQL (serial) and 64-bit on SQLite: a number typed on the command line
# beyond that cannot name a row (and would make the driver fail instead of "not found").
MAX_ID = 2**31 - 1


def valid_id(value: object) -> bool:
    return isinstance(value, int) and 0 < value <= MAX_ID


def is_sqlite() -> bool:
    return isinstance(DB.obj, pw.SqliteDatabase)


STREAM_BATCH = 2000


def stream(query: pw.Query, batch: int = STREAM_BATCH) -> Iterator[tuple[Any, ...]]:
    """The rows of a large read (an export, a report), as tuples, a batch at a time: the memory
    stays that of one batch however many rows there are. SQLite's cursor steps through the result
    by itself; on PostgreSQL a server-side (named) cursor is read in batches inside a transaction
    (psycopg2's default cursor would first load the whole result into the desk's memory)."""
    if is_sqlite():
        yield from DB.execute(query)
        return
    import uuid

    sql, params = query.sql()
    with DB.atomic():  # a named cursor lives in a transaction; closed before it ends
        cursor = DB.connection().cursor(name=f"consult_desk_{uuid.uuid4().hex}", withhold=True)
        cursor.itersize = batch
        try:
            cursor.execute(sql, params)
            yield from cursor
        finally:
            cursor.close()

