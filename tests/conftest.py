"""Shared fixtures: a fresh database per test, a fixed clock, offices from presets, valid requests.

Qt runs offscreen; QSettings and user data go to a temporary folder, never the real profile.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_PROFILE = tempfile.mkdtemp(prefix="consult-desk-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_PROFILE, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_PROFILE, "data")
os.environ.setdefault("CONSULT_DESK_LANG", "ja")

import peewee as pw  # noqa: E402
import pytest  # noqa: E402

from consult_desk.booking import BookingRequest  # noqa: E402
from consult_desk.clock import FixedClock  # noqa: E402
from consult_desk.context import Actor, Context  # noqa: E402
from consult_desk.errors import set_language  # noqa: E402
from consult_desk.models import open_database  # noqa: E402
from consult_desk.models.schema import ensure_schema  # noqa: E402
from consult_desk.offices import create_office, get_config  # noqa: E402

PG_URL = os.environ.get("CONSULT_DESK_TEST_PG", "")
# Monday 4 January 2027, 09:00: a business day right after the year-end closure.
START = dt.datetime(2027, 1, 4, 9, 0)


@pytest.fixture(autouse=True)
def _japanese_messages():
    set_language("ja")
    yield
    set_language("ja")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def ctx(clock: FixedClock) -> Context:
    return Context(actor=Actor("tester", "テスト担当", "admin"), clock=clock)


def _reset_postgres(url: str) -> pw.Database:
    """An empty test database: the whole public schema is dropped (tables, sequences, anything a
    migration test left behind), so every test starts from nothing, like on SQLite."""
    database = open_database(url)
    database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    database.execute_sql("CREATE SCHEMA public")
    return database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def db(db_path):
    """A fresh SQLite database with the current schema."""
    database = open_database(db_path)
    ensure_schema()
    yield database
    database.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path):
    """The same test on SQLite and on PostgreSQL (skipped, and said so, without a server)."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("PostgreSQL not available: set CONSULT_DESK_TEST_PG (scripts/test.sh does)")
        database = _reset_postgres(PG_URL)
        target = PG_URL
    else:
        target = str(tmp_path / "desk.sqlite3")
        database = open_database(target)
    ensure_schema()
    database.target = target  # type: ignore[attr-defined]
    yield database
    database.close()


@pytest.fixture
def make_office(ctx):
    def factory(preset: str, code: str | None = None) -> str:
        return create_office(ctx, preset, code).code

    return factory


# One office of each kind the tests use most, made from its preset (the office id is the preset's).
@pytest.fixture
def hw(db, make_office):
    return make_office("hellowork-kawagoe")


@pytest.fixture
def nishi(db, make_office):
    return make_office("nishitokyo-childcare")


@pytest.fixture
def yama(db, make_office):
    return make_office("yamaguchi-vocational")


@pytest.fixture
def funa(db, make_office):
    return make_office("funabashi-kosodate")


@pytest.fixture
def make_request():
    """A valid booking request for an office, from its preset's examples; override any part."""

    def factory(office: str, start: dt.datetime | None, **overrides) -> BookingRequest:
        config = get_config(office)
        values = {f.key: f.example or "" for f in config.fields}
        answers = {k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")}
        given = overrides.pop("answers", {})
        if "phone" in overrides:
            # another phone number is another person: their e-mail and 求職番号 differ too (a person
            # holds one seat of a slot, recognised by any of the three: issue 14 (6))
            digits = int("".join(ch for ch in str(overrides["phone"]) if ch.isdigit()) or 0)
            overrides.setdefault("email", f"p{digits}@example.jp")
            if answers.get("job_seeker_no"):
                answers["job_seeker_no"] = f"{digits % 100000:05d}-{digits // 100000 % 100000000:08d}"
        answers.update(given)
        channel = overrides.pop("channel", None) or next(
            c for c in (config.get("first_booking_channels") or config["booking_channels"]) if c != "in-session"
        )
        req = BookingRequest(
            office=office,
            start=start,
            name=values["name"],
            kana=values.get("kana", ""),
            phone=values["phone"],
            email=values["email"],
            channel=channel,
            answers=answers,
            consent_items=config.required_consent_keys(),
        )
        for key, value in overrides.items():
            setattr(req, key, value)
        return req

    return factory


@pytest.fixture
def memory_keyring():
    """keyring with an in-memory backend: never the real keyring, never a plain-text file."""
    from memory_keyring import MemoryKeyring, installed

    with installed(MemoryKeyring()) as backend:
        yield backend
