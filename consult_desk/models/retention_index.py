"""Where the retention count starts (issue 18): each applicant's latest reservation end.

``applicant.last_end`` is the end of the person's latest reservation, kept by the database itself:
triggers on ``reservation`` (insert, delete, a change of ``end`` or of the person) recompute it from
the person's reservations through the ``reservation(applicant, start)`` index, so every writer (the
services, bulk inserts, a restore's migration) keeps it right and a value written by hand is
corrected at the person's next reservation. An index holds it for the applicants still holding
personal data (NULL for the anonymised): the retention count (retention.py) reads the people whose latest session
ended before the retention cutoff, which after the daily purges are only the few who became due since
the last one, however many years of history the database keeps.

On PostgreSQL the trigger function is SECURITY DEFINER and the desk roles get no UPDATE on the
column (models/pgroles.py): a receptionist cannot hide a person from the purge.
"""

from __future__ import annotations

from consult_desk.models.db import DB, is_sqlite

# The latest end of the people still holding personal data (NULL for the anonymised). An index on
# this expression rather than a partial index: PostgreSQL gathers statistics on an index's expression,
# so it knows that almost no one is due (with the partial index it multiplied two columns' estimates,
# expected thousands of rows and read the whole table in parallel: 33 ms at a million reservations).
DUE_EXPRESSION = "(CASE WHEN anonymised_at IS NULL THEN last_end END)"
INDEX = f"CREATE INDEX IF NOT EXISTS applicant_retention_due ON applicant ({DUE_EXPRESSION})"

_LATEST = '(SELECT MAX("end") FROM reservation WHERE applicant_id = {who})'
_RECOMPUTE = "UPDATE applicant SET last_end = " + _LATEST + " WHERE id = {who}"

_SQLITE_CREATE = (
    "CREATE TRIGGER IF NOT EXISTS reservation_last_end_ai AFTER INSERT ON reservation BEGIN "
    + _RECOMPUTE.format(who="new.applicant_id") + "; END",
    "CREATE TRIGGER IF NOT EXISTS reservation_last_end_ad AFTER DELETE ON reservation BEGIN "
    + _RECOMPUTE.format(who="old.applicant_id") + "; END",
    'CREATE TRIGGER IF NOT EXISTS reservation_last_end_au AFTER UPDATE OF "end", applicant_id ON reservation BEGIN '
    + _RECOMPUTE.format(who="old.applicant_id") + "; "
    + _RECOMPUTE.format(who="new.applicant_id") + "; END",
)

_PG_CREATE = (
    """CREATE OR REPLACE FUNCTION consult_desk_last_end() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        """ + _RECOMPUTE.format(who="OLD.applicant_id") + """;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        """ + _RECOMPUTE.format(who="NEW.applicant_id") + """;
      END IF;
      RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS reservation_last_end ON reservation",
    'CREATE TRIGGER reservation_last_end AFTER INSERT OR DELETE OR UPDATE OF "end", applicant_id ON reservation '
    "FOR EACH ROW EXECUTE FUNCTION consult_desk_last_end()",
)


def install() -> None:
    """The triggers and the index (idempotent)."""
    for sql in _SQLITE_CREATE if is_sqlite() else _PG_CREATE:
        DB.execute_sql(sql)
    DB.execute_sql(INDEX)


def drop_triggers() -> None:
    """For a bulk load (bench/generate.py): no per-row recomputation; :func:`backfill` and
    :func:`install` afterwards put the values and the triggers back."""
    if is_sqlite():
        for name in ("reservation_last_end_ai", "reservation_last_end_ad", "reservation_last_end_au"):
            DB.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        DB.execute_sql("DROP TRIGGER IF EXISTS reservation_last_end ON reservation")


def backfill() -> None:
    """Every applicant's value from the reservations already stored (the migration's step)."""
    DB.execute_sql("UPDATE applicant SET last_end = " + _LATEST.format(who="applicant.id"))
