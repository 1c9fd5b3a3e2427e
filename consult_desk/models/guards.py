"""Database-level guard: the audit log is append-only (004 第5条) and hash-chained (issue 13).

The application never updates or deletes ``audit_log`` rows; these triggers make the database
refuse it too, whoever asks (another tool on the file, a bug). SQLite: ``RAISE(ABORT)`` triggers;
PostgreSQL: a trigger function raising ``integrity_constraint_violation`` for UPDATE, DELETE and
TRUNCATE. Both surface as ``peewee.IntegrityError``.

One update is let through, the retention purge's scrub (:func:`scrub_details`): the free-text
``detail`` emptied and ``redacted`` set, every other column unchanged, so the chain (which holds
the detail only as its hash) still verifies. On PostgreSQL the scrub runs in a SECURITY DEFINER
function, the only way a desk role reaches an UPDATE of the log, and the chain is computed by a
SECURITY DEFINER trigger on INSERT (models/chain.py).

Only schema migrations may lift the guard, for the length of one step (a step may rebuild the
table), and :func:`consult_desk.models.schema.ensure_schema` puts it back in the same transaction.
"""

from __future__ import annotations

from consult_desk.models.db import DB, is_sqlite

MESSAGE = "audit_log is append-only"

# every column but detail and redacted stays, detail becomes '' and redacted true: the purge's scrub
_SCRUB_SHAPE = (
    "NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.staff IS OLD.staff AND NEW.action IS OLD.action "
    "AND NEW.target IS OLD.target AND NEW.count IS OLD.count AND NEW.seq IS OLD.seq "
    "AND NEW.prev_hash IS OLD.prev_hash AND NEW.row_hash IS OLD.row_hash AND NEW.detail_hash IS OLD.detail_hash "
    "AND NEW.detail = '' AND NEW.redacted"
)

_SQLITE_PLAIN = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)
_SQLITE_CHAINED = (
    f"CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log WHEN NOT ({_SCRUB_SHAPE}) "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)
_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
)
_SQLITE_NAMES = ("audit_log_no_update", "audit_log_no_delete")

_PG_PLAIN = (
    "CREATE OR REPLACE FUNCTION consult_desk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$",
)
_PG_CHAINED = (
    "CREATE OR REPLACE FUNCTION consult_desk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"IF TG_OP = 'UPDATE' AND ({_SCRUB_SHAPE.replace(' IS ', ' IS NOT DISTINCT FROM ')}) THEN RETURN NEW; END IF; "
    f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$",
    "CREATE OR REPLACE FUNCTION consult_desk_sha(value text) RETURNS text LANGUAGE sql IMMUTABLE "
    "AS $$ SELECT encode(sha256(convert_to(coalesce(value, ''), 'UTF8')), 'hex') $$",
    # the chain, computed inside the server; SECURITY DEFINER: it reads the head a desk role may not read
    """CREATE OR REPLACE FUNCTION consult_desk_audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    DECLARE head text; head_seq bigint; head_hash text;
    BEGIN
      SELECT value INTO head FROM meta WHERE key = 'audit_head' FOR UPDATE;
      IF head IS NULL THEN
        INSERT INTO meta (key, value) VALUES ('audit_head', '0:') ON CONFLICT (key) DO NOTHING;
        SELECT value INTO head FROM meta WHERE key = 'audit_head' FOR UPDATE;
      END IF;
      head_seq := split_part(head, ':', 1)::bigint;
      head_hash := split_part(head, ':', 2);
      NEW.seq := head_seq + 1;
      NEW.prev_hash := head_hash;
      NEW.target := coalesce(NEW.target, '');
      NEW.detail := coalesce(NEW.detail, '');
      NEW.detail_hash := consult_desk_sha(NEW.detail);
      NEW.redacted := false;
      NEW.row_hash := consult_desk_sha(concat_ws('|', NEW.prev_hash, NEW.seq::text,
          to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'), consult_desk_sha(NEW.staff), consult_desk_sha(NEW.action),
          consult_desk_sha(NEW.target), NEW.count::text, NEW.detail_hash));
      UPDATE meta SET value = NEW.seq::text || ':' || NEW.row_hash WHERE key = 'audit_head';
      RETURN NEW;
    END $$""",
    # the purge's scrub: the only UPDATE of the log a desk role can reach (EXECUTE granted to supervisors)
    """CREATE OR REPLACE FUNCTION consult_desk_scrub_audit(ids integer[]) RETURNS integer LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE n integer;
    BEGIN
      UPDATE audit_log SET detail = '', redacted = true WHERE id = ANY(ids) AND NOT redacted;
      GET DIAGNOSTICS n = ROW_COUNT;
      RETURN n;
    END $$""",
    "DROP TRIGGER IF EXISTS audit_log_chain ON audit_log",
    "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION consult_desk_audit_chain()",
)
_PG_TRIGGERS = (
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
    "DROP TRIGGER IF EXISTS audit_log_chain ON audit_log",
)
_PG_NAMES = ("audit_log_no_change", "audit_log_no_truncate")


def chained() -> bool:
    """The audit log has the hash-chain columns (schema 5 on)."""
    return "seq" in {c.name for c in DB.get_columns("audit_log")}


def install_audit_guard() -> None:
    """Create the append-only triggers, and the chain's where the columns exist (idempotent)."""
    with_chain = chained()
    if is_sqlite():
        for sql in _SQLITE_CHAINED if with_chain else _SQLITE_PLAIN:
            DB.execute_sql(sql)
        return
    for sql in (*(_PG_CHAINED if with_chain else _PG_PLAIN), *_PG_TRIGGERS):
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
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal AND tgenabled <> 'D'"
    ).fetchall()
    names = set(_PG_NAMES) | ({"audit_log_chain"} if chained() else set())
    return names <= {r[0] for r in rows}


def reinstall_audit_guard() -> bool:
    """The administrator puts back triggers someone removed (after reading that they were gone)."""
    from consult_desk.models.db import transaction

    with transaction():
        drop_audit_guard()
        install_audit_guard()
    return audit_guard_installed()


def scrub_details(ids: list[int]) -> int:
    """Empty the free-text detail of these audit rows, marking them redacted (the retention purge)."""
    if not ids:
        return 0
    if is_sqlite():
        marks = ",".join("?" for _ in ids)
        cursor = DB.execute_sql(
            f"UPDATE audit_log SET detail = '', redacted = 1 WHERE id IN ({marks}) AND NOT redacted", list(ids)
        )
        return int(cursor.rowcount)
    return int(DB.execute_sql("SELECT consult_desk_scrub_audit(%s)", (list(ids),)).fetchone()[0])
