"""The substring index behind name and reading search (search.py).

SQLite: an FTS5 table with the trigram tokenizer over ``applicant.name_key``, ``kana_key`` and ``email``
(external content: the index stores no copy of the names), kept in step by triggers on
``applicant``, so every writer, bulk inserts and the retention purge included, updates it. A query
of three or more characters is one MATCH. PostgreSQL: ``pg_trgm`` GIN indexes on the same two
columns serve ``LIKE '%...%'``; where the extension cannot be created (no privilege) search still
works, by a scan, and says so in the log.

Queries shorter than three characters (a two-kanji surname) use the B-tree indexes on the keys as
prefix ranges: the start of the name or of the reading.
"""

from __future__ import annotations

import logging

from consult_desk.models.db import DB, is_sqlite

log = logging.getLogger(__name__)

FTS_TABLE = "applicant_search"

_SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name_key, kana_key, email, content='applicant', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS applicant_search_ai AFTER INSERT ON applicant BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, name_key, kana_key, email) VALUES (new.id, new.name_key, new.kana_key, new.email); END",
    f"CREATE TRIGGER IF NOT EXISTS applicant_search_ad AFTER DELETE ON applicant BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, name_key, kana_key, email) "
    "VALUES ('delete', old.id, old.name_key, old.kana_key, old.email); END",
    f"CREATE TRIGGER IF NOT EXISTS applicant_search_au AFTER UPDATE OF name_key, kana_key, email ON applicant BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, name_key, kana_key, email) "
    "VALUES ('delete', old.id, old.name_key, old.kana_key, old.email); "
    f"INSERT INTO {FTS_TABLE}(rowid, name_key, kana_key, email) VALUES (new.id, new.name_key, new.kana_key, new.email); END",
)

_PG_INDEXES = (
    "CREATE INDEX IF NOT EXISTS applicant_name_key_trgm ON applicant USING gin (name_key gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS applicant_kana_key_trgm ON applicant USING gin (kana_key gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS applicant_email_trgm ON applicant USING gin (email gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS applicant_given_key_trgm ON applicant USING gin (given_key gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS applicant_given_kana_key_trgm ON applicant USING gin (given_kana_key gin_trgm_ops)",
)


ACTIVE_INDEX = (
    "CREATE INDEX IF NOT EXISTS applicant_not_anonymised ON applicant (id) WHERE anonymised_at IS NULL"
)


def install() -> None:
    """Create the substring index (idempotent) and fill it from the applicants already stored; and
    the partial index of the applicants still holding personal data (the retention count's start)."""
    DB.execute_sql(ACTIVE_INDEX)
    if is_sqlite():
        exists = DB.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
        ).fetchone()
        for sql in _SQLITE_CREATE:
            DB.execute_sql(sql)
        if not exists:
            DB.execute_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        return
    if not pg_trgm_available():
        try:
            with DB.atomic():  # a savepoint: a refusal leaves the enclosing transaction usable
                DB.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as exc:  # no privilege, extension not installed on the server
            log.warning("pg_trgm not available (%s): name search scans the applicants", exc)
            return
    for sql in _PG_INDEXES:
        DB.execute_sql(sql)
    if not pg_trgm_reads_japanese():
        log.warning(
            "the database's LC_CTYPE (%s) does not class Japanese characters as letters: pg_trgm finds no"
            " trigrams in Japanese names and name search reads every applicant; create the database with"
            " LC_CTYPE 'C.UTF-8' or 'ja_JP.UTF-8' (README, Several desks: PostgreSQL)",
            ctype(),
        )


def pg_trgm_reads_japanese() -> bool:
    """pg_trgm makes trigrams of the characters the database's LC_CTYPE calls letters: under ``C``
    Japanese has none, so the GIN index filters nothing (every applicant is read and re-checked);
    under ``C.UTF-8`` or ``ja_JP.UTF-8`` it has. False also where pg_trgm is not installed."""
    if not pg_trgm_available():
        return False
    row = DB.execute_sql("SELECT show_trgm('やまだ') <> '{}'::text[]").fetchone()
    return bool(row and row[0])


def ctype() -> str:
    row = DB.execute_sql("SHOW lc_ctype").fetchone()
    return str(row[0]) if row else "?"


def pg_trgm_available() -> bool:
    row = DB.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()
    return row is not None


def sqlite_match_phrase(text: str) -> str:
    """``text`` as one FTS5 phrase (a substring for the trigram tokenizer): quotes doubled."""
    return '"' + text.replace('"', '""') + '"'
