"""Opening the database: a SQLite file (default) or a database URL (PostgreSQL for shared desks)."""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import peewee as pw

from consult_desk.errors import StorageError

DB = pw.DatabaseProxy()

# WAL with synchronous=FULL: every commit is on the disk when the action reports success, so a power
# cut loses no committed action (issue 14 (9); NORMAL could lose the last ones). Its cost is one more
# sync of the WAL per commit: see the README's benchmark table (booking_p95).
SQLITE_PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "full",
    "cache_size": -16000,
    # deleted content is overwritten with zeros, whatever the build's default (issue 13: a purge leaves no copy)
    "secure_delete": 1,
}

# Failures are told apart by the driver's own codes, never by the words of its message (issue 14 (9)):
# SQLite's result codes (sqlite3 exceptions' ``sqlite_errorname``, Python 3.11) and PostgreSQL's
# SQLSTATE (psycopg2 ``pgcode``, psycopg 3 ``sqlstate``).
_SQLITE_KINDS = (  # primary result code name -> kind (extended codes such as SQLITE_BUSY_SNAPSHOT too)
    ("SQLITE_BUSY", "locked"),
    ("SQLITE_LOCKED", "locked"),
    ("SQLITE_READONLY", "readonly"),
    ("SQLITE_NOTADB", "corrupt"),
    ("SQLITE_CORRUPT", "corrupt"),
)
# SQLSTATE: 40001 serialization_failure and 40P01 deadlock_detected are "conflict" (the transaction
# was rolled back and trying again works: transaction users retry them, see retry_conflicts);
# 55P03 lock_not_available "locked"; 25006 read_only_sql_transaction; XX001/XX002 data/index corrupted.
_PG_KINDS = {"40001": "conflict", "40P01": "conflict", "55P03": "locked", "25006": "readonly", "XX001": "corrupt",
             "XX002": "corrupt"}
RETRY_ATTEMPTS = 5  # one user action is tried at most this many times after a serialization failure


class ConflictError(StorageError):
    """PostgreSQL rolled the action back (deadlock, serialization failure): trying again works.
    Shown as ``db_locked`` when even the retries did not get through."""

    def __init__(self) -> None:
        super().__init__("db_locked")


def driver_error(exc: BaseException) -> BaseException | None:
    """The driver's own exception behind a peewee one (peewee keeps it as ``orig``), or None."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 8:
        if getattr(current, "sqlite_errorname", None) or getattr(current, "pgcode", None) or getattr(
            current, "sqlstate", None
        ):
            return current
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
        seen += 1
    return None


def error_kind(exc: BaseException) -> str:
    """locked, conflict, readonly, corrupt or unavailable, from the driver's code."""
    found = driver_error(exc)
    if found is None:
        return "unavailable"
    name = getattr(found, "sqlite_errorname", None)
    if name:
        return next((kind for prefix, kind in _SQLITE_KINDS if name == prefix or name.startswith(prefix + "_")), "unavailable")
    state = str(getattr(found, "pgcode", None) or getattr(found, "sqlstate", None) or "")
    return _PG_KINDS.get(state, "unavailable")


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
            from consult_desk.files import private_file

            # 0600 in a 0700 folder; SQLite gives its -wal and -shm files the database file's permissions
            try:
                private_file(path)
            except OSError as exc:
                raise StorageError("db_unavailable", detail=str(exc)) from exc
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
    """Turn a driver error into a known failure with a sentence (corrupt, locked, read-only), by the
    driver's error code."""
    text = str(exc).lower()
    if "password authentication failed" in text or "no password supplied" in text:
        # the server refused the login role's password (issue 13): a refused connection has no SQLSTATE
        return StorageError("sign_in_failed")
    kind = error_kind(exc)
    if kind == "conflict":
        return ConflictError()
    if kind == "locked":
        return StorageError("db_locked")
    if kind == "readonly":
        return StorageError("db_readonly", path=target)
    if kind == "corrupt":
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
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        if error_kind(exc) in ("locked", "conflict", "readonly"):
            raise classify_error(exc, getattr(database, "database", "")) from exc
        raise
    finally:
        news = changes.end(committed)
    changes.publish(news)


P = ParamSpec("P")
R = TypeVar("R")


def in_transaction() -> bool:
    from consult_desk import changes

    return changes.depth() > 0 or bool(DB.obj is not None and DB.obj.in_transaction())


def retry_conflicts(action: Callable[P, R]) -> Callable[P, R]:
    """Run one user action again when PostgreSQL rolled it back for a deadlock or a serialization
    failure (SQLSTATE 40P01, 40001), at most RETRY_ATTEMPTS times, with a short growing pause.

    Only the outermost action retries: inside another transaction the failure goes up to the action
    that owns the transaction (its savepoints cannot outlive the rollback). The rolled-back attempt
    published nothing (consult_desk.changes reports only committed transactions), so a retry is
    exactly a second try of the same action."""

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if in_transaction():
            return action(*args, **kwargs)
        for attempt in range(1, RETRY_ATTEMPTS + 1):
            try:
                return action(*args, **kwargs)
            except ConflictError:
                if attempt == RETRY_ATTEMPTS:
                    raise
                time.sleep(0.02 * attempt)
        raise AssertionError("unreachable")

    return run


# Row ids are 32-bit on PostgreSQL (serial) and 64-bit on SQLite: a number typed on the command line
# beyond that cannot name a row (and would make the driver fail instead of "not found").
MAX_ID = 2**31 - 1


def valid_id(value: object) -> bool:
    return isinstance(value, int) and 0 < value <= MAX_ID


def is_sqlite() -> bool:
    return isinstance(DB.obj, pw.SqliteDatabase)


STREAM_BATCH = 2000


STREAM_SQLITE_CACHE = -1000  # KiB of page cache while streaming on SQLite


def stream(query: pw.Query, batch: int = STREAM_BATCH) -> Iterator[tuple[Any, ...]]:
    """The rows of a large read (an export, a report), as tuples, a batch at a time: the memory
    stays that of one batch however many rows there are. SQLite's cursor steps through the result
    by itself; on PostgreSQL a server-side (named) cursor is read in batches inside a transaction
    (psycopg2's default cursor would first load the whole result into the desk's memory)."""
    if is_sqlite():
        # A large read visits each page once: SQLite's page cache (``cache_size``, 16 MB) would only
        # fill up with pages never read again, so it is held small while the rows stream (the pages
        # beyond it are let go at once) and set back after.
        connection = DB.connection()
        (size,) = connection.execute("PRAGMA cache_size").fetchone()
        connection.execute(f"PRAGMA cache_size = {STREAM_SQLITE_CACHE}")
        try:
            yield from DB.execute(query)
        finally:
            connection.execute(f"PRAGMA cache_size = {int(size)}")
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

