"""Importing applications exported from an electronic form (LoGoフォーム and the like) as CSV (issue 17).

The file's encoding is detected (UTF-8 with or without BOM, CP932). A *mapping* says which CSV
column holds each of the office's intake fields, plus ``start`` (the desired date and time),
``submitted_at`` (when the applicant submitted the form), optionally ``submission_id`` (the
form's own number) and ``consent`` (the form's agreement column; without it, submitting the form
counts as agreeing to every checklist item, as the form cannot be sent otherwise). Mappings are
saved with the office by name (``form_mappings`` in its configuration).

Each row goes through :func:`consult_desk.booking.book`, the same rules as the desk, with the
deadline judged at the row's submission time and consent recorded with the form as its channel
and the terms version in force at submission. Each row is its own transaction. A submission is
never imported twice: ``form_submission`` holds a unique index on the form's id and another on
the same person, office and slot, written in the row's transaction. A dry run does everything in
one transaction that is rolled back, so the preview is what the import would do, row by row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from consult_desk import audit
from consult_desk.booking import BookingRequest, book
from consult_desk.changes import Topic, touch
from consult_desk.context import Context
from consult_desk.errors import ConsultDeskError, RuleError, language, message
from consult_desk.models import FormSubmission, Office, transaction
from consult_desk.offices import get_config, get_office
from consult_desk.paths import resources_dir
from consult_desk.permissions import require
from consult_desk.presets import OfficeConfig, label_text
from consult_desk.validation import name_key, nfkc, phone_digits

SPECIAL_KEYS = ("start", "submitted_at", "submission_id", "consent")
REQUIRED_SPECIAL = ("start", "submitted_at")
SPECIAL_LABELS = {
    "start": ("希望日時", "Desired date and time"),
    "submitted_at": ("申込日時", "Submitted at"),
    "submission_id": ("受付番号", "Submission number"),
    "consent": ("同意", "Consent"),
}
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_NAME = 40
AFFIRMATIVE = ("同意", "はい", "yes", "y", "true", "1", "○", "◯", "✓", "☑", "agree", "済")
NEGATIVE = ("同意しない", "いいえ", "no", "false", "0", "×", "未")
ENCODING_LABELS = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp932": "Shift_JIS (CP932)"}

# 2027/01/13 10:00, 2027-01-13 10:00, 2027年1月13日 10:00 (after NFKC: full-width digits and colons),
# with an optional weekday in brackets, seconds, 時/分, or the ISO "T".
_DATETIME = re.compile(
    r"^(\d{4})\s*[/\-年]\s*(\d{1,2})\s*[/\-月]\s*(\d{1,2})\s*日?\s*(?:\([^)]{1,3}\))?\s*[T ]?\s*"
    r"(\d{1,2})\s*[:時]\s*(\d{1,2})\s*分?\s*(?::\s*(\d{1,2})\s*秒?)?$"
)


# ---------------------------------------------------------------- reading the file


@dataclass
class CsvData:
    encoding: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it: the header is 1, cells)
    name: str = ""

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)

    def cell(self, cells: list[str], column: str) -> str:
        index = self.headers.index(column)
        return cells[index] if index < len(cells) else ""


def detect_encoding(raw: bytes) -> str:
    """UTF-8 with BOM, UTF-8, or CP932 (Shift_JIS as Windows and Excel write it)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp932")
        return "cp932"
    except UnicodeDecodeError:
        raise RuleError("import_encoding") from None


def parse_csv(raw: bytes, name: str = "") -> CsvData:
    """The header row and the data rows; quoted cells may hold line breaks and commas."""
    if len(raw) > MAX_BYTES:
        raise RuleError("import_too_large", max=MAX_ROWS)
    encoding = detect_encoding(raw)
    text = raw.decode(encoding)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise RuleError("import_unreadable", detail=str(exc)) from None
    records = [r for r in records if any(cell.strip() for cell in r)]
    if len(records) < 2:
        raise RuleError("import_empty")
    if len(records) - 1 > MAX_ROWS:
        raise RuleError("import_too_large", max=MAX_ROWS)
    headers = [h.strip() for h in records[0]]
    return CsvData(encoding, headers, [(n + 2, row) for n, row in enumerate(records[1:])], name)


def read_file(path: Path) -> CsvData:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise RuleError("import_unreadable", detail=f"{path}: {exc.strerror or exc}") from None
    return parse_csv(raw, Path(path).name)


# ---------------------------------------------------------------- mappings


def key_label(config: OfficeConfig, key: str) -> str:
    if key in SPECIAL_LABELS:
        ja, en = SPECIAL_LABELS[key]
        return en if language() == "en" else ja
    spec = config.field(key)
    return label_text(spec.label) if spec else key


def mapping_keys(config: OfficeConfig) -> list[tuple[str, bool]]:
    """(key, required) for every key a mapping may hold, in the order the wizard shows them."""
    keys = [(f.key, f.required) for f in config.fields]
    return keys + [(k, k in REQUIRED_SPECIAL) for k in SPECIAL_KEYS]


def validate_mapping(config: OfficeConfig, mapping: Any) -> dict[str, str]:
    """Keys: the office's field keys and start, submitted_at, submission_id, consent; values: CSV headers."""
    if not isinstance(mapping, dict):
        raise RuleError("mapping_invalid", detail="JSON object {\"key\": \"column\"} expected")
    known = {k for k, _ in mapping_keys(config)}
    cleaned: dict[str, str] = {}
    for key, column in mapping.items():
        if key not in known:
            raise RuleError("unknown_field", key=key)
        if column is None or (isinstance(column, str) and not column.strip()):
            continue
        if not isinstance(column, str) or len(column) > 200:
            raise RuleError("mapping_invalid", detail=f"{key}: {column!r}")
        cleaned[key] = column.strip()
    missing = [k for k, required in mapping_keys(config) if required and k not in cleaned]
    if missing:
        sep, fmt = (", ", "{} ({})") if language() == "en" else ("、", "{}（{}）")
        raise RuleError("mapping_required", names=sep.join(fmt.format(key_label(config, k), k) for k in missing))
    return cleaned


def check_columns(data: CsvData, mapping: dict[str, str]) -> None:
    for key, column in mapping.items():
        if column not in data.headers:
            raise RuleError("mapping_column_missing", column=column, key=key)


def saved_mappings(office: str) -> dict[str, dict[str, str]]:
    return dict(get_config(office).get("form_mappings") or {})


def save_mapping(ctx: Context, office: str, name: str, mapping: dict[str, str]) -> dict[str, str]:
    """Keep a mapping with the office under ``name`` (replacing one of that name)."""
    require(ctx, "book")
    name = nfkc(name or "")
    if not 1 <= len(name) <= MAX_NAME or any(ch in name for ch in "\r\n\t"):
        raise RuleError("mapping_name", max=MAX_NAME)
    config = get_config(office)
    cleaned = validate_mapping(config, mapping)
    with transaction():
        row = get_office(office)
        data = dict(row.config)
        mappings = dict(data.get("form_mappings") or {})
        mappings[name] = cleaned
        data["form_mappings"] = mappings
        Office.update(config=data).where(Office.code == office).execute()
        audit.record(ctx, "import_mapping_save", office, detail=name)
        touch(Topic.OFFICES)
    return cleaned


def sample_mapping_path() -> Path:
    return resources_dir() / "import" / "logo-form-nishitokyo.mapping.json"


def load_mapping(office: str, ref: str | None) -> tuple[str, dict[str, str]]:
    """(name, mapping) from a saved name or a JSON file; without ``ref``, the office's only saved one."""
    config = get_config(office)
    saved = saved_mappings(office)
    if ref is None:
        if len(saved) == 1:
            ref = next(iter(saved))
        else:
            raise RuleError("required", label="--mapping")
    if ref in saved:
        return ref, validate_mapping(config, saved[ref])
    path = Path(ref)
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RuleError("mapping_invalid", detail=f"{path.name}: {exc}") from None
        if isinstance(data, dict) and isinstance(data.get("mapping"), dict):
            data = data["mapping"]  # the shipped file documents its layout around the mapping
        return path.stem, validate_mapping(config, data)
    raise RuleError("mapping_unknown", name=ref)


# ---------------------------------------------------------------- cells


def parse_form_datetime(value: str) -> dt.datetime:
    """2027/01/13 10:00, 2027-01-13 10:00, 2027年1月13日 10:00 (full-width digits, seconds, weekday allowed)."""
    text = nfkc(value or "")
    match = _DATETIME.match(text)
    if not match:
        raise RuleError("invalid_datetime", value=value.strip()[:60])
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        parsed = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise RuleError("invalid_datetime", value=value.strip()[:60]) from None
    if not 1900 <= year <= 2999:
        raise RuleError("invalid_datetime", value=value.strip()[:60])
    return parsed.replace(second=0)


def _one_line(value: str) -> str:
    return re.sub(r"[ \t]*(?:\r\n|\r|\n|\t)+[ \t]*", " ", value or "").strip()


def _consent(value: str) -> bool:
    """The form's agreement cell: 同意する, はい, ✓, 1... yes; empty, 同意しない, いいえ, 0... no."""
    text = nfkc(value or "").strip().lower()
    if not text or any(text.startswith(n) for n in NEGATIVE):
        return False
    return any(a in text for a in AFFIRMATIVE)


# ---------------------------------------------------------------- rows


@dataclass
class RowResult:
    row: int
    outcome: str  # booked / refused / duplicate (a dry run says "booked" for "will be booked")
    rule: str = ""
    clause: str | None = None
    message: str = ""
    reservation: int | None = None
    name: str = ""
    start: dt.datetime | None = None
    same_as_row: int | None = None  # a duplicate of an earlier row of the same file (dry run)

    def text(self, dry_run: bool) -> str:
        """The preview's sentence for the row."""
        if self.outcome == "booked":
            if dry_run:
                return "予約します" if language() != "en" else "will be booked"
            return f"予約{self.reservation}として登録しました" if language() != "en" else f"booked as reservation {self.reservation}"
        if self.outcome == "duplicate":
            if self.reservation is None and self.same_as_row:
                return (f"{self.same_as_row}行目と同じ申込みです" if language() != "en"
                        else f"same application as row {self.same_as_row}")
            return (f"取込済み（予約{self.reservation}）" if language() != "en"
                    else f"already imported as reservation {self.reservation}")
        if language() == "en":
            return f"refused: {self.rule}{f' ({self.clause})' if self.clause else ''} {self.message}"
        return f"受付不可：{self.rule}{f'（{self.clause}）' if self.clause else ''} {self.message}"


@dataclass
class ImportReport:
    file: str
    encoding: str
    mapping: str
    dry_run: bool
    rows: list[RowResult] = field(default_factory=list)

    @property
    def booked(self) -> list[int]:
        return [r.reservation for r in self.rows if r.outcome == "booked" and r.reservation is not None]

    def as_json(self) -> dict[str, Any]:
        return {
            "booked": self.booked if not self.dry_run else [r.row for r in self.rows if r.outcome == "booked"],
            "refused": [{"row": r.row, "rule": r.rule, "message": r.message} for r in self.rows if r.outcome == "refused"],
            "duplicates": [{"row": r.row, "reservation": r.reservation} for r in self.rows if r.outcome == "duplicate"],
        }


@dataclass
class _Row:
    request: BookingRequest
    submission_id: str | None
    person_key: str


def _build(config: OfficeConfig, data: CsvData, mapping: dict[str, str], cells: list[str]) -> _Row:
    def get(key: str) -> str:
        return data.cell(cells, mapping[key]) if key in mapping else ""

    def labelled(key: str, exc: RuleError) -> RuleError:
        wrapped = RuleError(exc.code, clause=exc.clause, **exc.params)
        wrapped.column = mapping.get(key, key)  # type: ignore[attr-defined]
        return wrapped

    try:
        start = parse_form_datetime(get("start"))
    except RuleError as exc:
        raise labelled("start", exc) from None
    try:
        submitted = parse_form_datetime(get("submitted_at"))
    except RuleError as exc:
        raise labelled("submitted_at", exc) from None
    # A form's text area may hold line breaks (an address typed on two lines, quoted in the CSV):
    # the desk's fields are one line, so the lines are joined with a space; other control
    # characters are left for the booking rules to refuse (issue 14).
    values = {f.key: _one_line(get(f.key)) for f in config.fields if f.key in mapping}
    answers = {k: v for k, v in values.items() if k not in ("name", "kana", "phone", "email")}
    consent = config.required_consent_keys() if "consent" not in mapping or _consent(get("consent")) else []
    submission_id = nfkc(get("submission_id"))[:120] or None
    person_key = f"{phone_digits(values.get('phone', ''))}|{name_key(values.get('name', ''))}"[:300]
    request = BookingRequest(
        office=config.office_id,
        start=start,
        name=values.get("name", ""),
        kana=values.get("kana", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        channel="form",
        answers=answers,
        consent_items=consent,
        note=f"フォーム申込みの取込（受付番号 {submission_id}）" if submission_id else "フォーム申込みの取込",
        submitted_at=submitted,
    )
    return _Row(request, submission_id, person_key)


def _existing(office: str, submission_id: str | None, person_key: str, start: dt.datetime) -> FormSubmission | None:
    cond = (FormSubmission.person_key == person_key) & (FormSubmission.start == start)
    if submission_id:
        cond = cond | (FormSubmission.submission_id == submission_id)
    return FormSubmission.select().where((FormSubmission.office == office) & cond).first()


def _refused(number: int, exc: ConsultDeskError, name: str = "", start: dt.datetime | None = None) -> RowResult:
    column = getattr(exc, "column", None)
    text = message("import_cell", column=column, message=exc.message) if column else exc.message
    return RowResult(number, "refused", rule=exc.code, clause=exc.clause, message=text, name=name, start=start)


def _one(ctx: Context, config: OfficeConfig, data: CsvData, mapping: dict[str, str], number: int, cells: list[str],
         booked_here: dict[int, int]) -> RowResult:
    office = config.office_id
    try:
        row = _build(config, data, mapping, cells)
    except RuleError as exc:
        return _refused(number, exc, nfkc(data.cell(cells, mapping["name"]))[:100] if "name" in mapping else "")
    req = row.request
    assert req.start is not None
    found = _existing(office, row.submission_id, row.person_key, req.start)
    if found is not None:
        return RowResult(number, "duplicate", reservation=found.reservation_id, name=req.name, start=req.start,
                         same_as_row=booked_here.get(found.reservation_id or 0))
    try:
        with transaction():
            res = book(ctx, req)
            FormSubmission.create(
                office=office, submission_id=row.submission_id, person_key=row.person_key, start=req.start,
                reservation=res.id, submitted_at=req.submitted_at, imported_at=ctx.clock.now(), staff=ctx.actor.login,
            )
    except (ConsultDeskError, pw.IntegrityError) as exc:
        # Another desk may have imported the same submission a moment ago: its seat made this one
        # "full", or its row hit the unique index. Then it is a duplicate, not a refusal.
        found = _existing(office, row.submission_id, row.person_key, req.start)
        if found is not None:
            return RowResult(number, "duplicate", reservation=found.reservation_id, name=req.name, start=req.start)
        if isinstance(exc, ConsultDeskError):
            return _refused(number, exc, req.name, req.start)
        raise
    booked_here[res.id] = number
    return RowResult(number, "booked", reservation=res.id, name=req.name, start=req.start)


class _DryRun(Exception):
    pass


def run(ctx: Context, office: str, data: CsvData, mapping: dict[str, str], mapping_name: str = "",
        dry_run: bool = False) -> ImportReport:
    """Import (or, with ``dry_run``, preview) every row. Each row is its own transaction; the
    dry run does the same inside one transaction that is rolled back: nothing is stored."""
    require(ctx, "book")
    config = get_config(office)
    mapping = validate_mapping(config, mapping)
    check_columns(data, mapping)
    report = ImportReport(data.name, data.encoding, mapping_name, dry_run)
    booked_here: dict[int, int] = {}  # reservation -> row of this file that booked it
    if dry_run:
        try:
            with transaction():
                report.rows = [_one(ctx, config, data, mapping, n, cells, booked_here) for n, cells in data.rows]
                raise _DryRun
        except _DryRun:
            pass
        for r in report.rows:  # the reservations of the rolled-back run do not exist
            if r.reservation in booked_here:
                r.reservation = None
        return report
    report.rows = [_one(ctx, config, data, mapping, n, cells, booked_here) for n, cells in data.rows]
    counts = {k: sum(1 for r in report.rows if r.outcome == k) for k in ("booked", "refused", "duplicate")}
    with transaction():
        audit.record(
            ctx, "form_import", office, count=len(report.rows),
            detail=(f"file={data.name} encoding={data.encoding} mapping={mapping_name} booked={counts['booked']} "
                    f"refused={counts['refused']} duplicates={counts['duplicate']}"),
        )
        touch(Topic.AUDIT)
    return report


def import_file(ctx: Context, office: str, path: Path, mapping_ref: str | None = None,
                dry_run: bool = False) -> ImportReport:
    """The command line's ``import csv``: read, pick the mapping, import or preview."""
    get_office(office)
    name, mapping = load_mapping(office, mapping_ref)
    data = read_file(path)
    return run(ctx, office, data, mapping, name, dry_run)
