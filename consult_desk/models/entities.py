"""The tables. Every model is bound to :data:`consult_desk.models.db.DB`.

History and AuditLog are append-only: the application only inserts into them.
SeatClaim carries the unique (key, seat_no) index that makes double booking impossible even
when two processes take the last seat at the same moment.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, ClassVar

import peewee as pw

from consult_desk.clock import jst_now
from consult_desk.models.db import DB


class JSONField(pw.TextField):
    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        if value is None:
            return None
        return json.loads(value)


def _now() -> dt.datetime:
    return jst_now().replace(microsecond=0)


class BaseModel(pw.Model):
    # For the type checker only: peewee adds this implicit primary key at run time to every model
    # that declares none (Meta and Office name their own; they never use ``id``).
    if TYPE_CHECKING:
        id: ClassVar[pw.AutoField[int]]
        _pk: Any  # the primary key's value, None before the first save

    class Meta:
        database = DB
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value settings of the database itself: schema version, change counter."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()


class Office(BaseModel):
    code = pw.CharField(primary_key=True, max_length=64)
    name = pw.CharField(max_length=200)
    preset = pw.CharField(max_length=64)
    config = JSONField()
    created_at = pw.DateTimeField(default=_now)


class Staff(BaseModel):
    login = pw.CharField(unique=True, max_length=64)
    display_name = pw.CharField(max_length=100)
    role = pw.CharField(max_length=20)  # reception, counsellor, supervisor, admin
    password_hash = pw.CharField(null=True, max_length=300)
    office = pw.ForeignKeyField(Office, null=True, on_delete="SET NULL")
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=_now)


class Closure(BaseModel):
    office = pw.ForeignKeyField(Office, on_delete="CASCADE", backref="closure_rows")
    day = pw.DateField()
    reason = pw.CharField(max_length=100, default="臨時休業")

    class Meta:
        indexes = ((("office", "day"), True),)


class Applicant(BaseModel):
    name = pw.CharField(max_length=200)
    kana = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=20, index=True)  # digits only (NFKC-normalised)
    email = pw.CharField(max_length=254, index=True)
    address = pw.CharField(max_length=300, default="")
    job_seeker_no = pw.CharField(max_length=20, default="", index=True)
    flagged = pw.BooleanField(default=False)
    flag_reason = pw.TextField(default="")
    anonymised_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=_now)
    # Name and reading as search compares them (validation.search_key: folded, no spaces), kept in
    # step by save() and by every bulk writer; indexed for prefix search and, through the engine's
    # substring index (SQLite FTS5 trigram, PostgreSQL pg_trgm), for any part (search.py).
    # The given name and its reading (after the first space) have their own keys, so that a short
    # query (花子, はな) finds the given name as quickly as the family name.
    name_key = pw.CharField(max_length=200, default="", index=True)
    kana_key = pw.CharField(max_length=200, default="", index=True)
    given_key = pw.CharField(max_length=200, default="", index=True)
    given_kana_key = pw.CharField(max_length=200, default="", index=True)
    # The end of the person's latest reservation, kept by triggers on reservation
    # (models/retention_index.py): where the retention count starts.
    last_end = pw.DateTimeField(null=True)

    def save(self, *args: Any, **kwargs: Any) -> Any:
        from consult_desk.validation import applicant_keys

        for column, value in applicant_keys(self.name or "", self.kana or "").items():
            setattr(self, column, value)
        only = kwargs.get("only")
        if only is not None:
            kwargs["only"] = [*only, Applicant.name_key, Applicant.kana_key, Applicant.given_key, Applicant.given_kana_key]
        return super().save(*args, **kwargs)

    class Meta:
        # save() writes the changed columns only: on PostgreSQL the desk roles may not write anonymised_at
        only_save_dirty = True


class Event(BaseModel):
    """A group event (交流会, 相談, 講座; 002): many participants up to a capacity."""

    office = pw.ForeignKeyField(Office, on_delete="CASCADE", backref="events")
    kind = pw.CharField(max_length=40)
    title = pw.CharField(max_length=200)
    start = pw.DateTimeField(index=True)
    end = pw.DateTimeField()
    capacity = pw.IntegerField()
    created_at = pw.DateTimeField(default=_now)


class Reservation(BaseModel):
    office = pw.ForeignKeyField(Office, on_delete="CASCADE", backref="reservations")
    applicant = pw.ForeignKeyField(Applicant, backref="reservations")
    event = pw.ForeignKeyField(Event, null=True, backref="participants")
    start = pw.DateTimeField()
    end = pw.DateTimeField()
    status = pw.CharField(max_length=24, index=True)
    channel = pw.CharField(max_length=16)
    seat_no = pw.IntegerField(null=True)
    counsellor = pw.ForeignKeyField(Staff, null=True, backref="sessions")
    answers = JSONField(default=dict)  # office intake fields beyond the standard ones
    companions = JSONField(default=list)
    terms_version = pw.CharField(max_length=100)
    notify_by = pw.DateField(null=True)  # meeting details must be sent by this day
    offer_reply_by = pw.DateField(null=True)  # Hello Work: phone the applicant if no reply by then
    actual_start = pw.DateTimeField(null=True)
    actual_end = pw.DateTimeField(null=True)
    city_fault = pw.BooleanField(default=False)
    rescheduled_from = pw.ForeignKeyField("self", null=True, backref="rescheduled_to")
    created_at = pw.DateTimeField(default=_now)
    created_by = pw.CharField(max_length=64)
    updated_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = (
            (("office", "start"), False),
            (("start",), False),  # the all-offices day review and statistics
            (("created_at",), False),  # "applications in the period", all offices
            (("office", "created_at"), False),  # ... of one office
            (("applicant", "start"), False),  # a person's reservations, newest first (search)
        )


class SeatClaim(BaseModel):
    """One row per occupied seat; the unique index is the double-booking guard."""

    key = pw.CharField(max_length=120)  # "slot|office|YYYY-MM-DDTHH:MM" or "event|id"
    seat_no = pw.IntegerField()
    reservation = pw.ForeignKeyField(Reservation, unique=True, on_delete="CASCADE", backref="claims")

    class Meta:
        indexes = ((("key", "seat_no"), True),)


class PersonClaim(BaseModel):
    """One person, one seat of a slot (issue 14 (6)): a row per identity of the person (phone,
    e-mail, job-seeker number, each stored as a SHA-256 digest, never in clear) on the slot's key;
    the unique index refuses a second seat to the same person even when desks book at the same moment.
    Released with the seat (cancel, refuse, reschedule)."""

    key = pw.CharField(max_length=120)  # the seat claim's key: "slot|office|YYYY-MM-DDTHH:MM"
    person = pw.CharField(max_length=64)  # sha256("phone:0901234567") etc.
    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="person_claims")

    class Meta:
        indexes = ((("key", "person"), True),)


class History(BaseModel):
    """Append-only life cycle of a reservation: who did what, when, by which channel."""

    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="history")
    at = pw.DateTimeField()
    action = pw.CharField(max_length=32)
    from_status = pw.CharField(max_length=24, null=True)
    status = pw.CharField(max_length=24)
    channel = pw.CharField(max_length=16, default="")
    staff = pw.CharField(max_length=64)
    note = pw.TextField(default="")
    data = JSONField(null=True)

    class Meta:
        indexes = ((("reservation", "at"), False),)

    def save(self, *args: Any, **kwargs: Any) -> Any:
        """Every change to a reservation is also an audit entry, in the same transaction (004 第5条)."""
        new = self._pk is None
        result = super().save(*args, **kwargs)
        if new:
            AuditLog.create(
                at=self.at,
                staff=self.staff,
                action=f"reservation.{self.action}"[:40],
                target=str(self.reservation_id),  # type: ignore[attr-defined]  # the foreign key's column
                count=1,
                detail=f"{self.from_status or ''}->{self.status} {self.channel}".strip(),
            )
        return result


class Consent(BaseModel):
    """What was ticked, by whom, when, against which terms version."""

    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="consents")
    terms_version = pw.CharField(max_length=100)
    items = JSONField()
    staff = pw.CharField(max_length=64)
    at = pw.DateTimeField()
    channel = pw.CharField(max_length=16, default="")  # how consent was given: form, phone... (issue 17)


class MeetingCredential(BaseModel):
    """The way into one session. Secrets (passcode, room key, password) are never logged or exported."""

    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="credentials")
    url = pw.CharField(max_length=500, default="")
    meeting_id = pw.CharField(max_length=40, default="")
    passcode = pw.CharField(max_length=100, default="")
    room_key = pw.CharField(max_length=100, default="")
    password = pw.CharField(max_length=100, default="")
    issued_at = pw.DateTimeField()
    issued_by = pw.CharField(max_length=64)
    revoked_at = pw.DateTimeField(null=True)
    revoked_reason = pw.TextField(default="")
    # issue 16: the meeting's id on the platform that created it (Zoom meeting id, Graph online
    # meeting or event id) and which platform; empty for credentials typed in by staff.
    platform = pw.CharField(max_length=20, default="")
    platform_id = pw.TextField(default="")


class UrlClaim(BaseModel):
    """Teams: a meeting URL is for one session only (003 2(4)). The first reservation that used a URL
    holds it; the unique index refuses it to any other, even when two desks store it at once."""

    url = pw.CharField(max_length=500, unique=True)
    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="url_claims")


class Callback(BaseModel):
    """A phone callback after a connection failure."""

    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="callbacks")
    phone = pw.CharField(max_length=20)
    due = pw.DateTimeField(index=True)
    opened_at = pw.DateTimeField()
    closed_at = pw.DateTimeField(null=True, index=True)  # the open ones (NULL) and those closed after a day
    outcome = pw.CharField(max_length=24, default="")
    duration_minutes = pw.IntegerField(null=True)


class CallbackAttempt(BaseModel):
    callback = pw.ForeignKeyField(Callback, on_delete="CASCADE", backref="attempts")
    at = pw.DateTimeField()
    result = pw.CharField(max_length=16)  # reached, no_answer, busy
    note = pw.TextField(default="")
    staff = pw.CharField(max_length=64)


class Outbox(BaseModel):
    reservation = pw.ForeignKeyField(Reservation, null=True, on_delete="SET NULL", backref="mails")
    office = pw.ForeignKeyField(Office, on_delete="CASCADE")
    template = pw.CharField(max_length=32)
    to_addr = pw.CharField(max_length=254)
    subject = pw.CharField(max_length=300)
    body = pw.TextField()
    # scheduled, held, sending, sent, failed, cancelled; saved (an .eml file or the clipboard)
    state = pw.CharField(max_length=16, default="scheduled")
    error = pw.TextField(default="")
    attempts = pw.IntegerField(default=0)
    created_at = pw.DateTimeField()
    sent_at = pw.DateTimeField(null=True)
    staff = pw.CharField(max_length=64)
    # issue 17: the schedule and exactly-once sending
    due = pw.DateTimeField(null=True, index=True)  # when the sender may send it (retries move it on)
    origin = pw.CharField(max_length=16, default="staff")  # "schedule": made by the outbox schedule
    due_fixed = pw.BooleanField(default=False)  # staff changed the time: the schedule leaves it alone
    message_id = pw.CharField(max_length=250, default="")  # committed before the SMTP conversation
    sending_at = pw.DateTimeField(null=True)
    sender = pw.CharField(max_length=120, default="")  # the desk that took it for sending


class FormSubmission(BaseModel):
    """One imported form application (issue 17). The unique indexes make a second import of the same
    submission impossible: the form's own id, or the same person, office and slot."""

    office = pw.ForeignKeyField(Office, on_delete="CASCADE")
    submission_id = pw.CharField(max_length=120, null=True)  # the form's 受付番号; NULL when it has none
    person_key = pw.CharField(max_length=300)  # phone digits | name without spaces
    start = pw.DateTimeField()
    reservation = pw.ForeignKeyField(Reservation, null=True, on_delete="SET NULL")
    submitted_at = pw.DateTimeField()
    imported_at = pw.DateTimeField()
    staff = pw.CharField(max_length=64)

    class Meta:
        indexes = (
            (("office", "submission_id"), True),
            (("office", "person_key", "start"), True),
        )


class SenderLease(BaseModel):
    """Which desk sends the outbox now (issue 17): one row per lease, taken over when it expires."""

    name = pw.CharField(primary_key=True, max_length=32)
    holder = pw.CharField(max_length=120)
    expires_at = pw.DateTimeField()


class MeetingCleanup(BaseModel):
    """A meeting a platform created that no reservation holds any more and that could not be deleted
    there (the desk's write failed, or the platform was unreachable at cancellation): listed for staff
    until a later deletion succeeds (issue 16). No secrets: the platform's id and why."""

    office = pw.CharField(max_length=64, index=True)
    platform = pw.CharField(max_length=20)
    platform_id = pw.TextField()
    reservation_id = pw.IntegerField(null=True)  # no foreign key: the entry outlives a purge
    reason = pw.TextField(default="")
    created_at = pw.DateTimeField()
    resolved_at = pw.DateTimeField(null=True)
    resolved_by = pw.CharField(max_length=64, default="")
class Loan(BaseModel):
    """Equipment the office lent a participant it deems in need (002 4(1)): for one reservation (an
    individual session or a place in a group event), lent and due back on given days, returned later."""

    office = pw.ForeignKeyField(Office, on_delete="CASCADE", backref="loans")
    reservation = pw.ForeignKeyField(Reservation, on_delete="CASCADE", backref="loans")
    event = pw.ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="loans")
    item = pw.CharField(max_length=200)
    lent_on = pw.DateField()
    due_on = pw.DateField(index=True)
    returned_on = pw.DateField(null=True)
    lent_by = pw.CharField(max_length=64)
    returned_by = pw.CharField(max_length=64, default="")
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)


class AuditLog(BaseModel):
    """Append-only record of changes, views of revealed credentials, exports and prints (004 第5条)."""

    at = pw.DateTimeField(index=True)
    staff = pw.CharField(max_length=64)
    action = pw.CharField(max_length=40)
    target = pw.CharField(max_length=200, default="")
    count = pw.IntegerField(default=1)
    detail = pw.TextField(default="")
    # hash chain (issue 13, models/chain.py): filled when the row is inserted (by the server on PostgreSQL)
    seq = pw.BigIntegerField(null=True, unique=True)
    prev_hash = pw.CharField(max_length=64, default="")
    row_hash = pw.CharField(max_length=64, default="")
    detail_hash = pw.CharField(max_length=64, default="")
    redacted = pw.BooleanField(default=False)  # the free-text detail was scrubbed by a retention purge

    def save(self, *args: Any, **kwargs: Any) -> Any:
        """Only inserts; on SQLite the row is linked into the chain first (PostgreSQL's trigger does it)."""
        from consult_desk.models import chain
        from consult_desk.models.db import is_sqlite

        if self._pk is None and is_sqlite():
            chain.link(self)
        elif self._pk is None:
            # PostgreSQL: no RETURNING id, so a role that may append but not read the log can write it
            columns = ("at", "staff", "action", "target", "count", "detail")
            return type(self).insert({getattr(type(self), c): getattr(self, c) for c in columns}).as_rowcount().execute()
        return super().save(*args, **kwargs)


ALL_MODELS: list[type[BaseModel]] = [
    Meta,
    Office,
    Staff,
    Closure,
    Applicant,
    Event,
    Reservation,
    SeatClaim,
    PersonClaim,
    History,
    Consent,
    MeetingCredential,
    UrlClaim,
    Callback,
    CallbackAttempt,
    Outbox,
    Loan,
    AuditLog,
    MeetingCleanup,
    FormSubmission,
    SenderLease,
]
