"""The audit log's hash chain (issue 13): each row carries the SHA-256 of its canonical content and of the
previous row's hash, so an edited, inserted or deleted row shows.

Canonical content of a row, hashed as UTF-8::

    prev_hash | seq | at (YYYY-MM-DDTHH:MM:SS.ffffff) | sha256(staff) | sha256(action) | sha256(target) | count
        | detail_hash

Text fields enter as their own SHA-256 (hex), so no separator inside a field can be confused with
another field. The free-text ``detail`` enters only through ``detail_hash``: a retention purge may scrub
the detail of a row (``detail = ''``, ``redacted = true``) and the chain still verifies; a detail that
no longer matches its hash without that mark is tampering.

``seq`` numbers the chain without gaps; ``meta.audit_head`` holds ``seq:row_hash`` of the newest row,
written in the same transaction, so rows deleted from the end are found too. On SQLite the program links
each row as it inserts it (writers hold the write lock from BEGIN IMMEDIATE); on PostgreSQL a SECURITY
DEFINER trigger does it inside the server, so a role that may not read the log can still append to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from consult_desk.models.db import DB, is_sqlite

HEAD_KEY = "audit_head"
_COLUMNS = "id, seq, at, staff, action, target, count, detail, detail_hash, prev_hash, row_hash, redacted"


def sha(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def _at_text(at: dt.datetime | str) -> str:
    if isinstance(at, str):  # a value SQLite hands back as stored
        at = dt.datetime.fromisoformat(at)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def row_digest(
    prev_hash: str, seq: int, at: dt.datetime | str, staff: str, action: str, target: str, count: int, detail_hash: str
) -> str:
    parts = [prev_hash or "", str(seq), _at_text(at), sha(staff), sha(action), sha(target), str(count), detail_hash]
    return sha("|".join(parts))


def head() -> tuple[int, str]:
    """(seq, row_hash) of the newest chained row, (0, '') for an empty log."""
    row = DB.execute_sql(f"SELECT value FROM meta WHERE key = {_param()}", (HEAD_KEY,)).fetchone()
    if not row or ":" not in row[0]:
        return 0, ""
    seq, _, digest = row[0].partition(":")
    try:
        return int(seq), digest
    except ValueError:
        return 0, ""


def _param() -> str:
    return str(DB.obj.param)


def _set_head(seq: int, digest: str) -> None:
    value = f"{seq}:{digest}"
    p = _param()
    cursor = DB.execute_sql(f"UPDATE meta SET value = {p} WHERE key = {p}", (value, HEAD_KEY))
    if cursor.rowcount == 0:
        DB.execute_sql(f"INSERT INTO meta (key, value) VALUES ({p}, {p})", (HEAD_KEY, value))


def link(row: Any) -> None:
    """SQLite: fill a new AuditLog row's chain fields before it is inserted, and move the head."""
    seq, prev = head()
    row.seq = seq + 1
    row.prev_hash = prev
    row.detail = row.detail or ""
    row.target = row.target or ""
    row.detail_hash = sha(row.detail)
    row.redacted = False
    row.row_hash = row_digest(prev, row.seq, row.at, row.staff, row.action, row.target, row.count, row.detail_hash)
    _set_head(row.seq, row.row_hash)


def rechain_all() -> int:
    """Chain every row in id order (the migration that brings the columns; the guard is lifted meanwhile)."""
    p = _param()
    prev, seq = "", 0
    rows = DB.execute_sql("SELECT id, at, staff, action, target, count, detail FROM audit_log ORDER BY id").fetchall()
    for rid, at, staff, action, target, count, detail in rows:
        seq += 1
        detail_hash = sha(detail)
        digest = row_digest(prev, seq, at, staff, action, target or "", count, detail_hash)
        DB.execute_sql(
            f"UPDATE audit_log SET seq = {p}, prev_hash = {p}, detail_hash = {p}, row_hash = {p}, redacted = {p} "
            f"WHERE id = {p}",
            (seq, prev, detail_hash, digest, False, rid),
        )
        prev = digest
    _set_head(seq, prev)
    return seq


@dataclass
class Verification:
    ok: bool
    rows: int
    first_bad: int | None
    triggers: bool

    def as_json(self) -> dict[str, object]:
        return {"ok": self.ok, "rows": self.rows, "first_bad": self.first_bad, "triggers": self.triggers}


def _row_ok(row: tuple[Any, ...], expected_seq: int, prev: str) -> bool:
    _id, seq, at, staff, action, target, count, detail, detail_hash, prev_hash, row_hash, redacted = row
    if seq != expected_seq or (prev_hash or "") != prev:
        return False
    if row_digest(prev_hash or "", seq, at, staff, action, target or "", count, detail_hash or "") != row_hash:
        return False
    if redacted:
        return (detail or "") == ""
    return bool(sha(detail) == detail_hash)


def verify(tail: int | None = None) -> Verification:
    """Check the chain, the whole of it or its newest ``tail`` rows, and whether the guard triggers are there.

    ``first_bad`` is the id of the first row that does not hold (edited, inserted out of the chain, or the
    row after a deleted one); when rows were deleted from the end it is the id of the last row left."""
    from consult_desk.models.guards import audit_guard_installed

    triggers = audit_guard_installed()
    head_seq, head_hash = head()
    p = _param()
    start = 1
    prev = ""
    if tail is not None and head_seq > tail:
        start = head_seq - tail + 1
        before = DB.execute_sql(f"SELECT row_hash FROM audit_log WHERE seq = {p}", (start - 1,)).fetchone()
        prev = before[0] if before else "?"
    first_bad: int | None = None
    rows = 0
    expected = start
    cursor = DB.execute_sql(
        f"SELECT {_COLUMNS} FROM audit_log WHERE seq >= {p} OR seq IS NULL ORDER BY seq IS NULL, seq, id", (start,)
    )
    last_id = None
    for row in cursor:
        rows += 1
        if first_bad is None and not _row_ok(row, expected, prev):
            first_bad = row[0]
        prev = row[10] or ""
        expected = (row[1] or expected) + 1
        last_id = row[0]
    if first_bad is None and (expected - 1, prev) != (head_seq, head_hash) and (rows or head_seq):
        first_bad = last_id if last_id is not None else 0  # rows deleted from the end
    if tail is None:
        rows = DB.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0]
    return Verification(first_bad is None and triggers, int(rows), first_bad, triggers)


def segment_intact(since: dt.datetime) -> bool:
    """The rows written since ``since`` (and the link to the one before) verify and end at the head:
    the sign-in lockout counts only from such a segment (rows deleted to reset it break it)."""
    p = _param()
    row = DB.execute_sql(f"SELECT min(seq) FROM audit_log WHERE at > {p}", (since,)).fetchone()
    head_seq, _ = head()
    first = row[0] if row and row[0] is not None else head_seq + 1
    return verify(tail=max(head_seq - first + 1, 0)).first_bad is None


def uses_server_chain() -> bool:
    return not is_sqlite()
