"""Retention: personal data is kept only as long as the consultation needs it.

The offices use personal data only for the consultation (000 第6条, 001 9, 002 8, 004 第6条).
Past each office's ``retention_days`` (or before a date given by a supervisor) the applicant's
personal data is anonymised: name, reading, phone, e-mail, address, job-seeker number, free-text
intake answers, companions' names, the callback phone and queued mail addresses and bodies.
Reservations, their statuses, channels, times, history and consent records stay, so statistics
count the same afterwards. An applicant is anonymised only when every one of their reservations
is past the cutoff (someone who booked again recently keeps their data). The count is shown
first (:func:`plan`); the purge itself is one transaction and audited.

History rows are append-only and are not rewritten: staff notes typed there stay as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from consult_desk import audit
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import Applicant, Callback, Office, Outbox, Reservation, transaction
from consult_desk.models.schema import bump_changes
from consult_desk.offices import get_config, get_office
from consult_desk.permissions import require

ANONYMISED_NAME = "（匿名化済み）"


@dataclass
class PurgePlan:
    """What a purge would anonymise: reservations counted per office, and the distinct applicants."""

    cutoffs: dict[str, dt.date]
    reservations: int = 0
    applicants: int = 0
    by_office: dict[str, int] = field(default_factory=dict)
    done: bool = False

    def as_json(self) -> dict[str, object]:
        return {"anonymised": self.reservations}


def retention_cutoffs(today: dt.date, office: str | None = None) -> dict[str, dt.date]:
    """Office -> the day before which ended reservations are past the office's retention period."""
    codes = [office] if office else [o.code for o in Office.select(Office.code)]
    cutoffs = {}
    for code in codes:
        days = get_config(code).get("retention_days")
        if days and int(days) > 0:
            cutoffs[code] = today - dt.timedelta(days=int(days))
    return cutoffs


def _expired(cutoffs: dict[str, dt.date], model: type[Reservation] = Reservation) -> pw.Expression | None:
    condition = None
    for code, day in cutoffs.items():
        term = (model.office == code) & (model.end < dt.datetime.combine(day, dt.time.min))
        condition = term if condition is None else (condition | term)
    return condition


def _eligible(cutoffs: dict[str, dt.date]) -> pw.SelectQuery | None:
    """Applicants not yet anonymised whose every reservation is past its office's cutoff.

    Starts from the applicants still holding personal data (a partial index): after the daily
    purges those are the people of the retention period, however many years of history the
    database keeps; each one's reservations are then read through the applicant index."""
    old_res = Reservation.alias("old_res")
    any_res = Reservation.alias("any_res")
    expired = _expired(cutoffs, old_res)
    if expired is None:
        return None
    not_expired = _expired(cutoffs, any_res)
    assert not_expired is not None
    has_old = old_res.select(pw.SQL("1")).where(old_res.applicant == Applicant.id, expired)
    has_recent = any_res.select(pw.SQL("1")).where(any_res.applicant == Applicant.id, ~not_expired)
    return Applicant.select(Applicant.id).where(
        Applicant.anonymised_at.is_null(), pw.fn.EXISTS(has_old), ~pw.fn.EXISTS(has_recent)
    )


def _plan(cutoffs: dict[str, dt.date]) -> PurgePlan:
    result = PurgePlan(cutoffs)
    eligible = _eligible(cutoffs)
    if eligible is None:
        return result
    result.applicants = eligible.count()
    rows = (
        Reservation.select(Reservation.office, pw.fn.COUNT(Reservation.id))
        .where(Reservation.applicant.in_(eligible))
        .group_by(Reservation.office)
        .tuples()
    )
    result.by_office = {code: int(n) for code, n in rows}
    result.reservations = sum(result.by_office.values())
    return result


def _cutoffs_for(ctx: Context, before: dt.date | None, office: str | None) -> dict[str, dt.date]:
    if office:
        get_office(office)
    if before is None:
        return retention_cutoffs(ctx.clock.today(), office)
    if before > ctx.clock.today():
        raise RuleError("invalid_value", label="--before", value=before.isoformat())
    codes = [office] if office else [o.code for o in Office.select(Office.code)]
    return {code: before for code in codes}


def plan(ctx: Context, before: dt.date | None = None, office: str | None = None) -> PurgePlan:
    """The count first: what :func:`purge` would anonymise (``before`` None: each office's retention)."""
    require(ctx, "purge")
    return _plan(_cutoffs_for(ctx, before, office))


def due(ctx: Context) -> PurgePlan:
    """Reservations past their office's retention period, for the proposal at start."""
    return plan(ctx)


def _keepable_answers(office: str, answers: dict[str, object], cache: dict[str, set[str]]) -> dict[str, object]:
    """Only answers picked from a list (categories such as residence) survive; free text goes."""
    if office not in cache:
        cache[office] = {f.key for f in get_config(office).fields if f.type == "choice"}
    return {k: v for k, v in (answers or {}).items() if k in cache[office]}


def purge(
    ctx: Context, before: dt.date | None = None, office: str | None = None, dry_run: bool = False
) -> PurgePlan:
    """Anonymise the personal data :func:`plan` counts, in one transaction, audited; ``dry_run`` only counts."""
    require(ctx, "purge")
    cutoffs = _cutoffs_for(ctx, before, office)
    if dry_run:
        return _plan(cutoffs)
    with transaction():
        result = _plan(cutoffs)
        eligible = _eligible(cutoffs)
        if eligible is None or result.applicants == 0:
            return result
        ids = [a.id for a in eligible]
        now = ctx.clock.now()
        answers_cache: dict[str, set[str]] = {}
        for chunk in _chunks(ids):
            reservations = list(Reservation.select().where(Reservation.applicant.in_(chunk)))
            for res in reservations:
                res.answers = _keepable_answers(res.office_id, res.answers, answers_cache)
                res.companions = [{"name": "", "relation": ""} for _ in (res.companions or [])]
                res.save(only=[Reservation.answers, Reservation.companions])
            res_ids = [r.id for r in reservations]
            for part in _chunks(res_ids):
                Callback.update(phone="").where(Callback.reservation.in_(part)).execute()
                Outbox.update(to_addr="", subject="", body="").where(Outbox.reservation.in_(part)).execute()
            Applicant.update(
                name=ANONYMISED_NAME,
                kana="",
                phone="",
                email="",
                address="",
                job_seeker_no="",
                flag_reason="",
                name_key="",
                kana_key="",
                given_key="",
                given_kana_key="",
                anonymised_at=now,
            ).where(Applicant.id.in_(chunk)).execute()
        what = "retention" if before is None else f"before {before.isoformat()}"
        audit.record(
            ctx,
            "purge",
            target=f"{office or '*'} {what}",
            count=result.reservations,
            detail=f"applicants={result.applicants} "
            + " ".join(f"{code}<{day.isoformat()}" for code, day in sorted(cutoffs.items())),
        )
        bump_changes()
    result.done = True
    return result


def _chunks(items: list[int], size: int = 500):
    for i in range(0, len(items), size):
        yield items[i : i + size]
