"""CSV for Excel: UTF-8 with BOM (default) or CP932, CRLF, Japanese header, formula-safe cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consult_desk import audit
from consult_desk.context import Context
from consult_desk.csvfile import _DANGEROUS, CP932_SUBSTITUTE, ENCODINGS, ExportResult, safe_cell, write_csv  # noqa: F401
from consult_desk.errors import RuleError
from consult_desk.models import Applicant, Reservation, transaction
from consult_desk.models.db import stream
from consult_desk.permissions import require
from consult_desk.presets import CHANNEL_LABELS
from consult_desk.states import STATUS_LABELS, Status
from consult_desk.validation import format_phone

# CP932_SUBSTITUTE, ENCODINGS, ExportResult, safe_cell, write_csv live in consult_desk.csvfile (a leaf
# audit uses too, so audit and export do not import each other); they stay importable from here.
PII_COLUMNS = frozenset({"phone", "email", "address", "job_seeker_no"})
MASK = "***"

# key, Japanese header
COLUMNS: list[tuple[str, str]] = [
    ("id", "予約ID"),
    ("office", "事業所"),
    ("date", "日付"),
    ("start", "開始"),
    ("end", "終了"),
    ("status", "状態"),
    ("channel", "申込方法"),
    ("seat", "席"),
    ("name", "氏名"),
    ("kana", "ふりがな"),
    ("phone", "電話番号"),
    ("email", "メールアドレス"),
    ("address", "住所"),
    ("job_seeker_no", "求職番号"),
    ("terms_version", "同意した規約の版"),
    ("created_at", "受付日時"),
]
COLUMN_KEYS = [key for key, _ in COLUMNS]

_MADE_HERE = frozenset({"id", "date", "start", "end", "seat", "created_at"})


def reservation_rows(
    start: dt.date, end: dt.date, office: str | None = None, columns: list[str] | None = None, mask_pii: bool = False
):
    """Rows (lists of str) of reservations whose start is in [start, end], one query, in start order."""
    keys = columns or COLUMN_KEYS
    query = (
        Reservation.select(
            Reservation.id,
            Reservation.office,
            Reservation.start,
            Reservation.end,
            Reservation.status,
            Reservation.channel,
            Reservation.seat_no,
            Applicant.name,
            Applicant.kana,
            Applicant.phone,
            Applicant.email,
            Applicant.address,
            Applicant.job_seeker_no,
            Reservation.terms_version,
            Reservation.created_at,
        )
        .join(Applicant)
        .where(
            (Reservation.start >= dt.datetime.combine(start, dt.time.min))
            & (Reservation.start < dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min))
        )
        .order_by(Reservation.start, Reservation.id)
    )
    if office:
        query = query.where(Reservation.office == office)
    status_text = {s.value: STATUS_LABELS[s][0] for s in Status}
    channel_text = {k: v[0] for k, v in CHANNEL_LABELS.items()}
    index = {key: i for i, key in enumerate(COLUMN_KEYS)}
    picks = [index[k] for k in keys]
    # Cells made here from numbers and dates cannot start a formula; every other one is guarded.
    guarded = [COLUMN_KEYS[i] not in _MADE_HERE for i in picks]
    # Raw rows, no per-value conversion: SQLite gives its datetime text, PostgreSQL datetime objects,
    # and both are cut to the minute below. (strftime is avoided too: in the window's process every
    # call goes through PySide6's import hook, which made an export of 100,000 rows twice as slow.)
    for rid, off, s, e, status, channel, seat, name, kana, phone, email, address, jsn, terms, created in stream(query):
        s = s if isinstance(s, str) else s.isoformat(" ")
        e = e if isinstance(e, str) else e.isoformat(" ")
        created = created if isinstance(created, str) else created.isoformat(" ")
        if mask_pii:
            phone_text, email, address, jsn = MASK, MASK, MASK if address else "", MASK if jsn else ""
        else:
            phone_text = format_phone(phone)
        full = [
            str(rid),
            off,
            s[:10],
            s[11:16],
            e[11:16],
            status_text.get(status, status),
            channel_text.get(channel, channel),
            "" if seat is None else str(seat),
            name,
            kana,
            phone_text,
            email,
            address,
            jsn,
            terms,
            created[:16],
        ]
        yield [
            # a cell starting with a letter or digit (kanji and kana included) is safe: only the others
            # (signs, blanks, invisible characters) are looked at further
            safe_cell(cell) if guard and cell and not cell[0].isalnum() else cell
            for cell, guard in zip([full[i] for i in picks], guarded, strict=True)
        ]


def export_reservations(
    ctx: Context,
    start: dt.date,
    end: dt.date,
    out: Path,
    encoding: str = "utf-8-sig",
    mask_pii: bool = False,
    office: str | None = None,
    columns: list[str] | None = None,
) -> ExportResult:
    """Reservations in a date range to CSV; personal data only for roles allowed; audited (004 第5条)."""
    keys = columns or COLUMN_KEYS
    unknown = [k for k in keys if k not in COLUMN_KEYS]
    if unknown:
        raise RuleError("unknown_field", key=",".join(unknown))
    if end < start:
        raise RuleError("invalid_value", label="期間", value=f"{start}..{end}")
    with_pii = not mask_pii and bool(PII_COLUMNS.intersection(keys) | {"name", "kana"}.intersection(keys))
    require(ctx, "export_pii" if with_pii else "export")
    header = [dict(COLUMNS)[k] for k in keys]
    count, problems = write_csv(out, header, reservation_rows(start, end, office, keys, mask_pii), encoding)
    with transaction():
        audit.record(
            ctx,
            "export_csv_pii" if with_pii else "export_csv",
            target=f"{office or '*'} {start}..{end} -> {out.name}",
            count=count,
            detail=f"encoding={encoding} columns={','.join(keys)}",
        )
    return ExportResult(count, out, encoding, problems)
