"""Database-level guard: the audit log is append-only (004 第5条).

The application never updates or deletes ``audit_log`` rows; these triggers make the database
refuse it too, whoever asks (another tool on the file, a bug). SQLite: ``RAISE(ABORT)`` triggers;
PostgreSQL: a trigger function raising ``integrity_constraint_violation`` for UPDATE, DELETE and
TRUNCATE. Both surface as ``peewee.IntegrityError``.

Only schema migrations may lift the guard, for the length of one step (a step may rebuild the
table), and :func:`consult_desk.models.schema.ensure_schema` puts it back in the same transaction.
"""

from __future__ import annotations

from consult_desk.models.db import DB, is_sqlite

MESSAGE = "audit_log is append-only"

_SQLITE_INSTALL = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)
_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
)
_SQLITE_NAMES = ("audit_log_no_update", "audit_log_no_delete")

_PG_INSTALL = (
    "CREATE OR REPLACE FUNCTION consult_desk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$",
    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION consult_desk_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION consult_desk_append_only()",
)
_PG_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
)
_PG_NAMES = ("audit_log_no_change", "audit_log_no_truncate")


def install_audit_guard() -> None:
    """Create the append-only triggers (idempotent)."""
    for sql in _SQLITE_INSTALL if is_sqlite() else _PG_INSTALL:
        DB.execute_sql(sql)


def drop_audit_guard() -> None:
    """Only for a migration step; put back with :func:`install_audit_guard` in the same transaction."""
    for sql in _SQLITE_DROP if is_sqlite() else _PG_DROP:
        DB.execute_sql(sql)


def audit_guard_installed() -> bool:
    if is_sqlite():
        rows = DB.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        ).fetchall()
        return set(_SQLITE_NAMES) <= {r[0] for r in rows}
    rows = DB.execute_sql(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal"
    ).fetchall()
    return set(_PG_NAMES) <= {r[0] for r in rows}
