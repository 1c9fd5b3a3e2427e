"""Issue 18: everyday reads start from an index that holds only what they need, and large reads
stream, so their cost does not grow with the years a desk keeps (figures: bench/run.py --scale)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from consult_desk import booking, lifecycle, reports, retention
from consult_desk.clock import FixedClock
from consult_desk.context import Context
from consult_desk.models import Applicant, Reservation
from consult_desk.models.db import open_database, stream
from consult_desk.models.schema import ensure_schema

T = dt.datetime


def _plan(database, query) -> str:
    sql, params = query.sql()
    return " | ".join(str(row[-1]) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_large_reads_stream_through_a_server_side_cursor(any_db, ctx, make_office, make_request):
    """PostgreSQL: a named cursor read in batches (psycopg2's default cursor would hold every row in
    the desk's memory); SQLite: the cursor steps through the result. Both give every row."""
    office = make_office("hellowork-kawagoe")
    ids = [booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0))).id,
           booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 30), phone="080-1111-2222",
                                          email="b@example.jp", answers={"job_seeker_no": "11010-22222222"})).id]
    rows = stream(Reservation.select(Reservation.id).order_by(Reservation.id), batch=1)
    first = next(rows)
    if not any_db.target.endswith(".sqlite3"):
        open_cursors = [name for (name,) in any_db.execute_sql("SELECT name FROM pg_cursors").fetchall()]
        assert any(name.startswith("consult_desk_") for name in open_cursors)
    assert [first[0], *(r[0] for r in rows)] == ids
    if not any_db.target.endswith(".sqlite3"):  # closed once read
        names = [name for (name,) in any_db.execute_sql("SELECT name FROM pg_cursors").fetchall()]
        assert not [name for name in names if name.startswith("consult_desk_")]


def test_the_day_review_starts_from_the_open_callbacks(db, ctx, make_office, make_request):
    """The callbacks open at a moment come from the callbacks' closed_at index, not from every
    reservation the office ever had; the day's reservations and the period's applications from
    their own indexes."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))
    clock = FixedClock(T(2027, 1, 13, 9, 55))
    day_ctx = Context(ctx.actor, clock)
    lifecycle.act(ctx, res.id, "confirm")
    lifecycle.act(day_ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(T(2027, 1, 13, 10, 5))
    lifecycle.act(day_ctx, res.id, "connection-failed")
    found = reports.open_callbacks_at(office, T(2027, 1, 14))
    assert [c.reservation for c in found] == [res.id]
    assert reports.open_callbacks_at(office, T(2027, 1, 13, 10, 0)) == []  # not yet open then
    moment = T(2027, 1, 14)
    from consult_desk.models import Callback

    ids = Callback.select(Callback.id).where(Callback.closed_at.is_null(), Callback.opened_at < moment) | (
        Callback.select(Callback.id).where(Callback.closed_at >= moment, Callback.opened_at < moment))
    assert "callback_closed_at" in _plan(db, ids)
    lo, hi = T(2027, 1, 1), T(2027, 2, 1)
    assert "reservation_start" in _plan(db, Reservation.select(Reservation.id).where(
        (Reservation.start >= lo) & (Reservation.start < hi)))
    assert "reservation_office_id_created_at" in _plan(db, Reservation.select(Reservation.id).where(
        (Reservation.created_at >= lo) & (Reservation.created_at < hi), Reservation.office == office))


def test_retention_counts_from_the_people_still_holding_personal_data(db, ctx, make_office, make_request):
    """The retention proposal reads only applicants not yet anonymised whose latest session ended
    before the cutoff (an index on ``last_end`` of those people), and still proposes exactly the people whose
    every reservation is past the period."""
    office = make_office("hellowork-kawagoe")
    old = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))
    later = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 30), phone="080-1111-2222",
                                           email="b@example.jp", answers={"job_seeker_no": "11010-22222222"}))
    booking.book(ctx, make_request(office, T(2027, 1, 20, 10, 0), phone="080-1111-2222",
                                   email="b@example.jp", answers={"job_seeker_no": "11010-22222222"}))
    cutoffs = {office: dt.date(2027, 1, 14)}
    assert [a for (a,) in retention._eligible(cutoffs).tuples()] == [old.applicant_id]
    assert "applicant_retention_due" in _plan(db, retention._eligible(cutoffs))
    Applicant.update(anonymised_at=T(2027, 1, 15)).where(Applicant.id == old.applicant_id).execute()
    assert list(retention._eligible(cutoffs).tuples()) == []
    assert later.applicant_id != old.applicant_id


def test_the_latest_session_end_is_kept_by_the_database(any_db, ctx, make_office, make_request):
    """``applicant.last_end`` follows every write to the person's reservations (insert, a moved end,
    a delete), on both engines, whoever writes; a value written by hand is put right at the next one."""
    office = make_office("hellowork-kawagoe")
    first = booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))
    person = first.applicant_id

    def last_end() -> dt.datetime | None:
        return Applicant.get_by_id(person).last_end

    assert last_end() == Reservation.get_by_id(first.id).end
    second = booking.book(ctx, make_request(office, T(2027, 1, 20, 10, 0)))
    assert second.applicant_id == person
    assert last_end() == Reservation.get_by_id(second.id).end
    Reservation.update(end=T(2027, 1, 20, 11, 0)).where(Reservation.id == second.id).execute()
    assert last_end() == T(2027, 1, 20, 11, 0)
    Reservation.delete().where(Reservation.id == second.id).execute()
    assert last_end() == Reservation.get_by_id(first.id).end
    Applicant.update(last_end=T(2099, 1, 1)).where(Applicant.id == person).execute()
    third = booking.book(ctx, make_request(office, T(2027, 1, 27, 10, 0)))
    assert last_end() == Reservation.get_by_id(third.id).end


def test_an_older_database_gets_each_persons_latest_session_end(tmp_path):
    """Schema 11 fills ``last_end`` for the applicants already stored (the schema 1 demo: 60 people,
    827 reservations), so the first retention count after an upgrade misses no one."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema_v1.sqlite3", path)
    database = open_database(path)
    try:
        assert "migrated to schema 11" in ensure_schema()
        rows = database.execute_sql(
            'SELECT a.last_end, (SELECT MAX(r."end") FROM reservation r WHERE r.applicant_id = a.id) FROM applicant a'
        ).fetchall()
        assert len(rows) == 60 and all(stored for stored, _ in rows)
        assert all(stored == expected for stored, expected in rows)
    finally:
        database.close()


def test_the_audit_export_streams_on_both_engines(any_db, ctx, clock, make_office, make_request, tmp_path):
    """The audit log CSV reads the log in batches through ``stream`` (a named cursor on PostgreSQL):
    the same cells on both engines, the date to the second, whatever the driver returns."""
    import csv

    from consult_desk import audit

    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))
    result = audit.export_csv(ctx, tmp_path / "audit.csv")
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert result.rows == 2 and [r[2] for r in table[1:]] == ["office_create", "reservation.book"]
    assert all(len(r[0]) == 19 and r[0][10] == " " for r in table[1:])
    assert table[1][0] == clock.now().strftime("%Y-%m-%d %H:%M:%S")


def test_a_sqlite_stream_holds_a_small_page_cache_and_gives_it_back(db, ctx, make_office, make_request):
    """While rows stream, SQLite's page cache is held small (an export reads each page once), and the
    desk's own cache size is back afterwards, also when the reader stops early."""
    from consult_desk.models.db import STREAM_SQLITE_CACHE

    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, T(2027, 1, 13, 10, 0)))
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    rows = stream(Reservation.select(Reservation.id))
    next(rows)
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == STREAM_SQLITE_CACHE
    rows.close()
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == before == -16000


def test_postgresql_name_search_needs_a_ctype_that_reads_japanese(tmp_path, capsys):
    """pg_trgm makes trigrams only of what the database's LC_CTYPE calls letters: under ``C`` a Japanese
    name has none and the GIN index filters nothing (at 1M, 76 ms to read and re-check every applicant
    instead of well under 1). ``init`` says so on such a database; under ``C.UTF-8`` (what
    scripts/pg-test-cluster.sh and the README's createdb use) the index serves."""
    import os

    import psycopg2
    import pytest
    from cli_support import Cli

    from consult_desk.models import DB, search_index

    url = os.environ.get("CONSULT_DESK_TEST_PG", "")
    if not url:
        pytest.skip("PostgreSQL not available: set CONSULT_DESK_TEST_PG (scripts/test.sh does)")
    base = url.rsplit("/", 1)[0]
    admin = psycopg2.connect(url)
    admin.autocommit = True
    made = {"C": "consult_desk_ctype_c", "C.UTF-8": "consult_desk_ctype_utf8"}
    try:
        for ctype, name in made.items():
            admin.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
            admin.cursor().execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                                   f"LC_CTYPE '{ctype}' LC_COLLATE 'C'")
        plain = Cli(f"{base}/{made['C']}", capsys)("init", "--preset", "hellowork-kawagoe", "--json")
        assert "LC_CTYPE（C）" in plain["warnings"][0] and "C.UTF-8" in plain["warnings"][0]
        DB.obj.close()
        good = Cli(f"{base}/{made['C.UTF-8']}", capsys)("init", "--preset", "hellowork-kawagoe", "--json")
        assert good == {"office": "hellowork-kawagoe"}
        assert search_index.pg_trgm_reads_japanese()
        assert len(DB.execute_sql("SELECT show_trgm('やまだ')").fetchone()[0]) == 4  # "  や", " やま", "やまだ", "まだ "
    finally:
        DB.obj.close()
        for name in made.values():
            admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
