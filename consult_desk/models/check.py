"""Consistency checks of a database: after a crash, a restore, or a bulk load (bench/generate.py).

Each check is one set-based query, so a database of 100,000 reservations is checked in well under
a second. The result is a list of sentences, empty when everything holds:

- SQLite's own ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``;
- every reservation has its history and its consent record (written in the booking's transaction);
- the newest history entry of a reservation names the status the reservation has (a status change
  and its history entry are one transaction: no half-written change);
- a reservation holds exactly one seat claim unless it was cancelled, refused or rescheduled, and
  the claim's seat is the reservation's seat; a released one holds no person claim either.
"""

from __future__ import annotations

import peewee as pw

from consult_desk.models.db import DB, is_sqlite
from consult_desk.models.entities import Applicant, Consent, History, PersonClaim, Reservation, SeatClaim
from consult_desk.states import Status

# The statuses that give the seat back (lifecycle.act and cancel release the claim).
RELEASED = (Status.CANCELLED.value, Status.REFUSED.value, Status.RESCHEDULED.value)
SAMPLE = 5  # reservation ids named per problem


def integrity_problems() -> list[str]:
    """The engine's own checks (SQLite only; PostgreSQL keeps its own consistency)."""
    if not is_sqlite():
        return []
    problems = []
    rows = [r[0] for r in DB.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems.append("integrity_check: " + "; ".join(rows[:SAMPLE]))
    fk = DB.execute_sql("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"foreign_key_check: {len(fk)} rows, e.g. {fk[:SAMPLE]}")
    return problems


def _ids(query: pw.SelectQuery) -> list[int]:
    return [rid for (rid,) in query.tuples()]


def _report(problems: list[str], what: str, ids: list[int]) -> None:
    if ids:
        problems.append(f"{what}: {len(ids)} reservation(s), e.g. {sorted(ids)[:SAMPLE]}")


def consistency_problems() -> list[str]:
    """The invariants the services keep, checked over the whole database."""
    problems: list[str] = []
    no_history = (
        Reservation.select(Reservation.id)
        .join(History, pw.JOIN.LEFT_OUTER, on=(History.reservation == Reservation.id))
        .where(History.id.is_null())
    )
    _report(problems, "reservation without history", _ids(no_history))
    no_consent = (
        Reservation.select(Reservation.id)
        .join(Consent, pw.JOIN.LEFT_OUTER, on=(Consent.reservation == Reservation.id))
        .where(Consent.id.is_null())
    )
    _report(problems, "reservation without consent", _ids(no_consent))

    newest = History.select(pw.fn.MAX(History.id)).where(History.reservation == Reservation.id)
    last = History.alias()
    stale = (
        Reservation.select(Reservation.id)
        .join(last, on=(last.id == newest))
        .where(last.status != Reservation.status)
    )
    _report(problems, "status differs from the newest history entry", _ids(stale))

    claims = SeatClaim.select(SeatClaim.id).where(SeatClaim.reservation == Reservation.id)
    missing = Reservation.select(Reservation.id).where(Reservation.status.not_in(RELEASED), ~pw.fn.EXISTS(claims))
    _report(problems, "seat-holding reservation without its seat claim", _ids(missing))
    kept = Reservation.select(Reservation.id).where(Reservation.status.in_(RELEASED), pw.fn.EXISTS(claims))
    _report(problems, "released reservation still claims a seat", _ids(kept))
    persons = PersonClaim.select(PersonClaim.id).where(PersonClaim.reservation == Reservation.id)
    held = Reservation.select(Reservation.id).where(Reservation.status.in_(RELEASED), pw.fn.EXISTS(persons))
    _report(problems, "released reservation still claims its person's place in the slot", _ids(held))
    wrong_seat = (
        Reservation.select(Reservation.id)
        .join(SeatClaim, on=(SeatClaim.reservation == Reservation.id))
        .where((Reservation.seat_no.is_null()) | (Reservation.seat_no != SeatClaim.seat_no))
    )
    _report(problems, "seat number differs from the seat claim", _ids(wrong_seat))
    latest = Reservation.select(pw.fn.MAX(Reservation.end)).where(Reservation.applicant == Applicant.id)
    wrong_end = Applicant.select(Applicant.id).where(
        Applicant.anonymised_at.is_null(),
        (Applicant.last_end.is_null(True) & pw.fn.EXISTS(latest.select(pw.SQL("1"))))
        | (Applicant.last_end.is_null(False) & (Applicant.last_end != latest)),
    )
    _report(problems, "applicant's latest session end differs from their reservations", _ids(wrong_end))
    return problems


def problems() -> list[str]:
    """Everything wrong with the open database (empty list: it holds)."""
    return integrity_problems() + consistency_problems()
