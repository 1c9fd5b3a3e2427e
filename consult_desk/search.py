"""Finding reservations by name, kana, phone, e-mail, job-seeker number or id."""

from __future__ import annotations

import math
import re
import time
import unicodedata

import peewee as pw

from consult_desk.models import DB, Applicant, Reservation
from consult_desk.models.db import is_sqlite
from consult_desk.models.search_index import FTS_TABLE, sqlite_match_phrase
from consult_desk.validation import fold, phone_digits, search_key

LIMIT = 200


def search(query: str, office: str | None = None, limit: int = LIMIT) -> list[Reservation]:
    """Newest first. Phone numbers match whatever their width or hyphens (090-1234-5678 = ０９０１２３４５６７８);
    names and readings whatever the kana (ヤマダ, ﾔﾏﾀﾞ = やまだ) or letter width (ＳＭＩＴＨ = smith)."""
    # Control characters cannot be part of a stored name (validation drops them) and PostgreSQL
    # refuses NUL in a query: they are left out.
    text = "".join(ch for ch in fold(query) if unicodedata.category(ch)[0] != "C")
    if not text or (office and any(unicodedata.category(ch)[0] == "C" for ch in office)):
        return []  # an office id never holds a control character: no office matches
    base = Reservation.select(Reservation, Applicant).join(Applicant)
    if office:
        base = base.where(Reservation.office == office)
    digits = phone_digits(text)
    conditions = []
    if re.fullmatch(r"#?\d{1,9}", text):
        conditions.append(Reservation.id == int(text.lstrip("#")))
    if re.fullmatch(r"[\d\-() ]+", text) and len(digits) >= 4:
        conditions.append(Applicant.phone.startswith(digits) if len(digits) < 10 else Applicant.phone == digits)
        if len(digits) == 13:
            conditions.append(Applicant.job_seeker_no == f"{digits[:5]}-{digits[5:]}")
        elif re.fullmatch(r"\d{5}-\d*", text):  # the start of a 求職番号 (5-8); a phone's first group is shorter
            conditions.append(Applicant.job_seeker_no.startswith(text))
    if "@" in text:
        conditions.append(Applicant.email == text.lower() if text.count("@") == 1 else Applicant.email.contains(text))
    if not conditions or not re.fullmatch(r"[\d\-() #]+", text):
        key = search_key(text)
        if key:
            matching = applicants_matching(key)
            if is_sqlite() and _dense(matching):
                # Many people match (a common surname): walking the reservations newest first and
                # keeping those of a matching person finds the page within a few hundred rows,
                # where reading every match's reservations and sorting them grows with the data.
                conditions.append((Reservation.applicant + 0).in_(matching))
            else:
                conditions.append(Reservation.applicant.in_(matching))
    if not conditions:  # only characters no stored field can hold (control, format)
        return []
    cond = conditions[0]
    for extra in conditions[1:]:
        cond = cond | extra
    page = base.where(cond).order_by(Reservation.start.desc(), Reservation.id.desc()).limit(limit)
    if is_sqlite():
        return list(page)
    with DB.atomic():
        # One page, newest first: PostgreSQL would walk reservation(start) with parallel workers, whose
        # start and merge cost more than the walk (a common reading at 1M: 43 ms against 21 serial)
        # and take cores the other desks' requests need.
        DB.execute_sql("SET LOCAL max_parallel_workers_per_gather = 0")
        return list(page)


_ACTIVE: dict[str, tuple[float, int]] = {}  # database -> (when counted, applicants holding personal data)
ACTIVE_TTL = 300.0


def _active_applicants() -> int:
    """How many applicants still hold personal data (the partial index's size), counted at most every
    five minutes: the people search can find, however many years of anonymised ones the file keeps."""
    key = str(getattr(DB.obj, "database", ""))
    now = time.monotonic()
    cached = _ACTIVE.get(key)
    if cached is None or now - cached[0] > ACTIVE_TTL:
        cached = (now, Applicant.select().where(Applicant.anonymised_at.is_null()).count())
        _ACTIVE[key] = cached
    return cached[1]


def _dense(matching: pw.SelectQuery) -> bool:
    """Whether so many applicants match that scanning reservations by start beats reading each
    match's reservations: more than sqrt(20 x the people who can be found) (counted up to that bound).
    Walking by start reads about 200 x people / matches rows, the other way about matches x their
    reservations (a handful each) and a sort: they cross near there (measured at 10,000 to 1,000,000)."""
    bound = max(100, int(math.sqrt(20 * _active_applicants())))
    found: int = matching.limit(bound).count()  # type: ignore[attr-defined]
    return found >= bound


def applicants_matching(key: str) -> pw.SelectQuery:
    """Applicants whose folded name or reading holds ``key`` (validation.search_key), through the
    engine's substring index; keys of one or two characters (a trigram index cannot hold them) match
    the start of the family or given name or of their readings (山田, 花子, やま), through the B-tree
    indexes on the keys."""
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if len(key) < 3 and not is_sqlite():  # pg_trgm serves anchored patterns of any length
        return Applicant.select(Applicant.id).where(
            (Applicant.name_key ** f"{escaped}%")
            | (Applicant.kana_key ** f"{escaped}%")
            | (Applicant.given_key ** f"{escaped}%")
            | (Applicant.given_kana_key ** f"{escaped}%")
        )
    if len(key) < 3:
        upper = key + "\U0010ffff"
        columns = (Applicant.name_key, Applicant.kana_key, Applicant.given_key, Applicant.given_kana_key)
        cond = None
        for column in columns:
            term = (column >= key) & (column < upper)
            cond = term if cond is None else cond | term
        return Applicant.select(Applicant.id).where(cond)
    if is_sqlite():
        return Applicant.select(pw.SQL("rowid")).from_(pw.SQL(FTS_TABLE)).where(
            pw.SQL(f"{FTS_TABLE} MATCH ?", (sqlite_match_phrase(key),))
        )
    pattern = f"%{escaped}%"
    return Applicant.select(Applicant.id).where(
        (Applicant.name_key ** pattern) | (Applicant.kana_key ** pattern) | (Applicant.email ** pattern)
    )
