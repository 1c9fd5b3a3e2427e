"""Storage: peewee models bound to one database proxy, opening, schema versions and migrations."""

from consult_desk.models.db import DB, open_database, transaction
from consult_desk.models.entities import (
    ALL_MODELS,
    Applicant,
    AuditLog,
    Callback,
    CallbackAttempt,
    Closure,
    Consent,
    Event,
    History,
    MeetingCredential,
    Meta,
    Office,
    Outbox,
    Reservation,
    SeatClaim,
    Staff,
)

__all__ = [
    "ALL_MODELS",
    "DB",
    "Applicant",
    "AuditLog",
    "Callback",
    "CallbackAttempt",
    "Closure",
    "Consent",
    "Event",
    "History",
    "MeetingCredential",
    "Meta",
    "Office",
    "Outbox",
    "Reservation",
    "SeatClaim",
    "Staff",
    "open_database",
    "transaction",
]
