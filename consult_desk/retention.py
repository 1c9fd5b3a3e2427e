"""Retention: personal data is kept only as long as the consultation needs it.

The offices use personal data only for the consultation (000 第6条, 001 9, 002 8, 004 第6条).
Past each office's ``retention_days`` (or before a date given by a supervisor) the applicant's
personal data is anonymised: name, reading, phone, e-mail, address, job-seeker number, free-text
intake answers, companions' names, the callback phone and queued mail addresses and bodies.
Reservations, their statuses, channels, times, history and consent records stay, so statistics
count the same afterwards. An applicant is anonymised only when every one of their reservations
is past the cutoff (someone who booked again recently keeps their data). The count is shown
first (:func:`plan`); the purge itself is one transaction and audited.

Every other copy goes too (issue 13): staff notes in the history, contact and callback notes, the
meeting credentials, queued mail, and the free-text detail of the audit entries about those
reservations (their action, time, staff and target stay; the hash chain holds the detail only as its
hash, so it still verifies, and the entries say they were redacted). Then the SQLite file is vacuumed
and its WAL truncated, with ``secure_delete`` on, so no freed page keeps the old text.

Meeting credentials are wiped :data:`CREDENTIAL_WIPE_DAYS` days after their session (office setting
``credentials_wipe_days``) even before the retention period: nobody needs yesterday's passcode.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import peewee as pw

from consult_desk import audit
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import RuleError
from consult_desk.models import (
    DB,
    Applicant,
    AuditLog,
    Callback,
    CallbackAttempt,
    FormSubmission,
    History,
    MeetingCredential,
    Office,
    Outbox,
    PersonClaim,
    Reservation,
    transaction,
)
from consult_desk.models.db import is_sqlite
from consult_desk.models.guards import scrub_details
from consult_desk.models.retention_index import DUE_EXPRESSION
from consult_desk.offices import get_config, get_office
from consult_desk.permissions import require

ANONYMISED_NAME = "（匿名化済み）"
# What an anonymised applicant keeps of its personal data (and of the search keys made from it).
ANONYMISED: dict[str, str] = {
    "name": ANONYMISED_NAME, "kana": "", "phone": "", "email": "", "address": "", "job_seeker_no": "",
    "flag_reason": "", "name_key": "", "kana_key": "", "given_key": "", "given_kana_key": "",
}
CREDENTIAL_WIPE_DAYS = 7  # default of the office setting credentials_wipe_days
# an audit detail that is only a status change ("confirmed->cancelled phone") holds no free text
_STATUS_CHANGE = re.compile(r"^[a-z_]*->[a-z_]+( [a-z-]+)?$")
_CREDENTIALS_BLANK = {"url": "", "meeting_id": "", "passcode": "", "room_key": "", "password": ""}


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

    Starts from the index of the applicants still holding personal data by the end of their
    latest reservation (``applicant.last_end``, kept by triggers: models/retention_index.py), read up
    to the latest cutoff: after the daily purges only the people who became due since the last one,
    however many years of history the database keeps. Each candidate's reservations are then checked
    against its office's own cutoff through the applicant index."""
    old_res = Reservation.alias("old_res")
    any_res = Reservation.alias("any_res")
    expired = _expired(cutoffs, old_res)
    if expired is None:
        return None
    not_expired = _expired(cutoffs, any_res)
    assert not_expired is not None
    has_old = old_res.select(pw.SQL("1")).where(old_res.applicant == Applicant.id, expired)
    has_recent = any_res.select(pw.SQL("1")).where(any_res.applicant == Applicant.id, ~not_expired)
    latest = dt.datetime.combine(max(cutoffs.values()), dt.time.min)
    # the indexed expression itself, as the index spells it: NULL for the anonymised
    due_end = pw.SQL(DUE_EXPRESSION)
    return Applicant.select(Applicant.id).where(
        due_end < latest,
        pw.fn.EXISTS(has_old),
        ~pw.fn.EXISTS(has_recent),
    )


def _plan(cutoffs: dict[str, dt.date]) -> PurgePlan:
    result = PurgePlan(cutoffs)
    eligible = _eligible(cutoffs)
    if eligible is None:
        return result
    ids = [aid for (aid,) in eligible.tuples()]
    result.applicants = len(ids)
    # Their reservations through the applicant index, a chunk of people at a time: as a subquery the
    # planner would read every reservation and probe the (usually short) list of people.
    by_office: dict[str, int] = {}
    for chunk in _chunks(ids):
        rows = (
            Reservation.select(Reservation.office, pw.fn.COUNT(Reservation.id))
            .where(Reservation.applicant.in_(chunk))
            .group_by(Reservation.office)
            .tuples()
        )
        for code, n in rows:
            by_office[code] = by_office.get(code, 0) + int(n)
    result.by_office = dict(sorted(by_office.items()))
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
                Outbox.update(to_addr="", subject="", body="", error="").where(Outbox.reservation.in_(part)).execute()
                # the digests of phone, e-mail and 求職番号 (issue 14 (6)) go too: they are the person's
                PersonClaim.delete().where(PersonClaim.reservation.in_(part)).execute()
                # an imported form's phone|name key (issue 17): replaced by one that names no one, still unique
                FormSubmission.update(person_key=pw.SQL("'purged|' || id")).where(
                    FormSubmission.reservation.in_(part)
                ).execute()
                _scrub_copies(part)
            Applicant.update(
                **ANONYMISED,
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
        touch(Topic.RESERVATIONS, Topic.CALLBACKS, Topic.MAIL)
    result.done = True
    wipe_credentials(ctx)
    compact()
    return result


def _scrub_copies(res_ids: list[int]) -> None:
    """The other places a purged reservation's personal data was copied to (issue 13)."""
    History.update(note="").where(History.reservation.in_(res_ids), History.note != "").execute()
    callbacks = Callback.select(Callback.id).where(Callback.reservation.in_(res_ids))
    CallbackAttempt.update(note="").where(CallbackAttempt.callback.in_(callbacks), CallbackAttempt.note != "").execute()
    MeetingCredential.update(**_CREDENTIALS_BLANK, revoked_reason="").where(
        MeetingCredential.reservation.in_(res_ids)
    ).execute()
    targets = [str(i) for i in res_ids]
    rows = AuditLog.select(AuditLog.id, AuditLog.detail).where(
        AuditLog.target.in_(targets), AuditLog.detail != "", AuditLog.redacted == False  # noqa: E712
    )
    scrub_details([row.id for row in rows if not _STATUS_CHANGE.match(row.detail)])


def compact() -> None:
    """After a purge: rewrite the SQLite file without free pages and empty the WAL (no old copy left).

    Other desks may hold the file open; then the checkpoint leaves the WAL for later (SQLite's rule) and the
    next purge or the next start finishes it."""
    if not is_sqlite():
        return
    from consult_desk.models.search_index import FTS_TABLE

    if DB.table_exists(FTS_TABLE):
        # the search index keeps deleted trigrams in its older segments until they are merged
        DB.execute_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    DB.execute_sql("VACUUM")
    DB.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def wipe_credentials(ctx: Context) -> int:
    """Meeting credentials of sessions ended more than each office's ``credentials_wipe_days`` ago (7 by
    default) are emptied, before any retention period; recorded with how many. The program's duty: no
    permission needed (like the daily backup)."""
    today = ctx.clock.today()
    condition = None
    for office in Office.select(Office.code):
        days = get_config(office.code).get("credentials_wipe_days")
        days = CREDENTIAL_WIPE_DAYS if days is None else int(days)
        cutoff = dt.datetime.combine(today - dt.timedelta(days=days), dt.time.min)
        term = (Reservation.office == office.code) & (Reservation.end < cutoff)
        condition = term if condition is None else (condition | term)
    if condition is None:
        return 0
    ended = Reservation.select(Reservation.id).where(condition)
    holding = (MeetingCredential.passcode != "") | (MeetingCredential.room_key != "") | (
        MeetingCredential.password != ""
    ) | (MeetingCredential.url != "") | (MeetingCredential.meeting_id != "")
    with transaction():
        count = (
            MeetingCredential.update(**_CREDENTIALS_BLANK)
            .where(MeetingCredential.reservation.in_(ended), holding)
            .execute()
        )
        if count:
            audit.record(ctx, "meeting_credentials_wiped", target=f"ended before {today}", count=count)
    return count


def _chunks(items: list[int], size: int = 500):
    for i in range(0, len(items), size):
        yield items[i : i + size]
