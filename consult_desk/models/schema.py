"""Schema versions and forward migrations.

The version lives in the ``meta`` table. A database written by a newer version is refused
before anything is touched. Each migration step runs in its own transaction, after a backup
of the SQLite file (sqlite3 backup API).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator

from consult_desk.clock import jst_now
from consult_desk.errors import StorageError
from consult_desk.models.db import DB, is_sqlite
from consult_desk.models.entities import (
    ALL_MODELS,
    Applicant,
    History,
    Loan,
    MeetingCredential,
    Meta,
    Office,
    PersonClaim,
    Reservation,
    SeatClaim,
    UrlClaim,
)
from consult_desk.models.guards import drop_audit_guard, install_audit_guard

SCHEMA_VERSION = 11
AUDIT_GUARD_SINCE = 2  # from this version on, audit_log carries the append-only triggers
# Tables a later schema added: an older database (a backup being restored) lacks them until migrated.
TABLES_SINCE: dict[str, int] = {"loan": 4, "person_claim": 6, "url_claim": 6, "meeting_cleanup": 7, "form_submission": 8, "sender_lease": 8}

# version -> step that brings a database from the previous registered version to this one.
# Versions need not be consecutive: the steps above the stored version run in ascending order, up to
# SCHEMA_VERSION (the highest registered step). Work in progress reserves its numbers, so branches
# merge without renumbering: 3 actions/changes (issue 11), 4 seed rules (12), 5 security (13),
# 6 robustness (14), 7 platform meetings (16), 8 form import/outbox schedule (17), 9 search and
# report indexes (18), 10 desk/UI (15), 11 the retention count's index (18).
MIGRATIONS: dict[int, Callable[[SchemaMigrator], None]] = {}

# Things a fresh database needs beyond the models' tables and indexes (triggers, virtual tables,
# partial indexes, grants): each runs after create_tables, in the creating transaction. A migration
# step that adds such a thing calls the same function, so old and new databases end up alike.
ON_CREATE: list[Callable[[], None]] = []


def on_create(step: Callable[[], None]) -> Callable[[], None]:
    ON_CREATE.append(step)
    return step


def migration(version: int) -> Callable[[Callable[[SchemaMigrator], None]], Callable[[SchemaMigrator], None]]:
    def register(step: Callable[[SchemaMigrator], None]) -> Callable[[SchemaMigrator], None]:
        MIGRATIONS[version] = step
        return step

    return register


def migrator() -> SchemaMigrator:
    database = DB.obj
    if isinstance(database, pw.SqliteDatabase):
        return SqliteMigrator(database)
    return PostgresqlMigrator(database)


def stored_version() -> int | None:
    """The schema version in the database, or None for an empty database."""
    if not DB.table_exists("meta"):
        return None
    row = Meta.get_or_none(Meta.key == "schema_version")
    return int(row.value) if row else None


def check_version() -> int | None:
    version = stored_version()
    if version is not None and version > SCHEMA_VERSION:
        raise StorageError("newer_schema", found=version, supported=SCHEMA_VERSION)
    return version


def sqlite_path() -> Path | None:
    if not is_sqlite():
        return None
    name = DB.obj.database
    return None if name == ":memory:" else Path(name)


def backup_file(dest: Path) -> Path:
    """Online copy of the open SQLite database (safe while other desks write)."""
    src_path = sqlite_path()
    if src_path is None:
        raise StorageError("db_unavailable", detail="backup needs a SQLite file")
    from consult_desk.files import private_file

    private_file(dest)  # 0600 in a 0700 folder before SQLite writes the copy into it (issue 13)
    src = sqlite3.connect(str(src_path), timeout=30)
    try:
        out = sqlite3.connect(str(dest))
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file (no -wal/-shm beside it)
        finally:
            out.close()
    finally:
        src.close()
    return dest


# A backup is written as NAME.part, then renamed. While it is written the .part file is locked and a
# marker in the database's backups folder names it, so that the copy of a desk that was killed half
# way (a file full of personal data) is found and removed at the next start (issue 14 (4)).
PART = ".part"
MARKER = ".partial-backup-"


def _backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _try_lock(fh: object) -> bool:
    """An exclusive lock without waiting; False when another process holds it (a copy in progress)."""
    try:
        import fcntl
    except ImportError:  # Windows: a file another process writes cannot be deleted anyway
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[attr-defined]
    except OSError:
        return False
    return True


def backup_copy(dest: Path) -> Path:
    """An online copy of the open SQLite database as ``dest``: written to ``dest.part`` (locked,
    registered), renamed over ``dest``, the folder synced. A failure leaves nothing behind."""
    from consult_desk.files import check_replaceable, private_dir, sync_folder

    src_path = sqlite_path()
    if src_path is None:
        raise StorageError("db_unavailable", detail="backup needs a SQLite file")
    dest = Path(dest)
    check_replaceable(dest)
    tmp = dest.with_name(dest.name + PART)
    check_replaceable(tmp)
    private_dir(dest.parent)  # 0700 where this program makes the folder (issue 13)
    folder = _backups_folder(src_path)
    private_dir(folder)
    marker = folder / f"{MARKER}{uuid.uuid4().hex}"
    marker.write_text(str(tmp.resolve()), encoding="utf-8")
    try:
        tmp.unlink(missing_ok=True)
        # created for this user only (personal data), never following a link planted meanwhile
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with open(fd, "ab") as lock:
            _try_lock(lock)
            try:
                backup_file(tmp)
                tmp.replace(dest)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise
        sync_folder(dest.parent)
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()
    return dest


def remove_partial_backups(db_path: Path | None = None) -> list[Path]:
    """At start: delete what backups killed half way left behind (``*.part`` in the backups folder
    and the files the markers name), unless another desk is writing them right now."""
    db_file = db_path or sqlite_path()
    if db_file is None:
        return []
    folder = _backups_folder(db_file)
    if not folder.is_dir():
        return []
    candidates: dict[Path, Path | None] = {p: None for p in folder.glob(f"*{PART}")}
    for marker in folder.glob(f"{MARKER}*"):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            named = Path(marker.read_text(encoding="utf-8").strip())
            if named.name.endswith(PART):
                candidates[named] = marker
            else:
                marker.unlink()
    removed = []
    for part, part_marker in candidates.items():
        try:
            if part.is_symlink() or not part.exists():
                busy = False
            elif not part.is_file():
                continue
            else:
                with open(part, "ab") as fh:
                    busy = not _try_lock(fh)
                if not busy:
                    part.unlink()
                    removed.append(part)
            if not busy and part_marker is not None:
                part_marker.unlink(missing_ok=True)
        except OSError:
            continue
    return removed


# PostgreSQL: desks starting at the same moment create or upgrade the schema one after the other
# (issue 14 (9)); the second one then finds the work done. Any fixed 64-bit number names the lock.
SCHEMA_LOCK_KEY = 0x436F6E73756C74  # "Consult"


def ensure_schema(create: bool = True) -> list[str]:
    """Create the tables in an empty database or migrate an older one. Returns what was done.

    On PostgreSQL the whole of it runs in one transaction holding an advisory lock
    (``pg_advisory_xact_lock``): two desks upgrading one server at once are serialised, and the version
    is read again under the lock. SQLite: a migration step's own transaction takes the write lock."""
    with contextlib.suppress(OSError):
        remove_partial_backups()
    if is_sqlite():
        return _ensure_schema(create)
    with DB.atomic():
        DB.execute_sql("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
        return _ensure_schema(create)


def _ensure_schema(create: bool) -> list[str]:
    done: list[str] = []
    version = check_version()
    if version is None:
        if not create:
            raise StorageError("db_not_initialised")
        with DB.atomic():
            DB.create_tables(ALL_MODELS)
            install_audit_guard()
            for extra in ON_CREATE:
                extra()
            _pg_roles()  # last: the grants cover every table the hooks made (issue 13)
            Meta.insert(key="schema_version", value=str(SCHEMA_VERSION)).on_conflict_ignore().execute()
            Meta.insert(key=STEPS_KEY, value=_steps_text(set(MIGRATIONS))).on_conflict_ignore().execute()
            Meta.insert(key="changes", value="0").on_conflict_ignore().execute()
        done.append(f"created schema {SCHEMA_VERSION}")
        return done
    applied = applied_steps(version)
    missing = sorted(v for v in MIGRATIONS if v <= SCHEMA_VERSION and v not in applied)
    if missing:
        if not is_sqlite() and not _owns_schema():
            # a desk's login role may not change the schema: the administrator upgrades it (issue 13)
            raise StorageError("schema_upgrade_owner", found=version, supported=SCHEMA_VERSION)
        path = sqlite_path()
        if path is not None:
            stamp = jst_now().strftime("%Y%m%d-%H%M%S")
            copy = backup_copy(path.parent / "backups" / f"{path.stem}-v{version}-{stamp}.sqlite3")
            done.append(f"backup {copy}")
        for target in missing:
            step = MIGRATIONS[target]
            with DB.atomic():
                drop_audit_guard()  # a step may rebuild audit_log; the guard is back before commit
                step(migrator())
                if target >= AUDIT_GUARD_SINCE:
                    install_audit_guard()
                applied.add(target)
                Meta.update(value=str(max(version, target))).where(Meta.key == "schema_version").execute()
                # an upsert both engines take (PostgreSQL has no INSERT OR REPLACE)
                Meta.insert(key=STEPS_KEY, value=_steps_text(applied)).on_conflict(
                    conflict_target=[Meta.key], update={Meta.value: _steps_text(applied)}
                ).execute()
            done.append(f"migrated to schema {target}")
        if not is_sqlite():
            with DB.atomic():
                _pg_roles()  # the grants cover what the steps added (issue 13)
    return done


# The steps a database has had, beside its version: a database made while a lower-numbered step was
# still on a branch (a developer's or a benchmark's file) gets that step when it lands. A database
# from before this key has had every step up to its version.
STEPS_KEY = "schema_steps"


def _steps_text(steps: set[int]) -> str:
    return ",".join(str(v) for v in sorted(steps))


def applied_steps(version: int) -> set[int]:
    row = Meta.get_or_none(Meta.key == STEPS_KEY)
    if row is None:
        return {v for v in MIGRATIONS if v <= version} | {1}
    return {int(v) for v in row.value.split(",") if v.strip().isdigit()}


@migration(2)
def _v2_audit_log_append_only(migrator: SchemaMigrator) -> None:
    """Schema 2: triggers refuse UPDATE and DELETE on audit_log (models/guards.py)."""
    install_audit_guard()


def _owns_schema() -> bool:
    """PostgreSQL: the connection may change the tables (the owner's login, or a superuser)."""
    row = DB.execute_sql(
        "SELECT r.rolsuper OR pg_has_role(current_user, t.tableowner, 'MEMBER') FROM pg_tables t "
        "JOIN pg_roles r ON r.rolname = current_user WHERE t.schemaname = current_schema() AND t.tablename = 'meta'"
    ).fetchone()
    return bool(row and row[0])


def _pg_roles() -> None:
    """PostgreSQL: the group roles and their grants (models/pgroles.py); the owner runs this."""
    if not is_sqlite():
        from consult_desk.models import pgroles

        pgroles.install()


@on_create
def _search_index() -> None:
    from consult_desk.models import search_index

    search_index.install()


@migration(9)
def _v9_flat_search_and_reports(migrator: SchemaMigrator) -> None:
    """Schema 9 (issue 18): applicants carry their folded name and reading (search keys) under a
    substring index; reservations are indexed by start, by creation and per applicant by start;
    callbacks by when they were closed. The keys of every stored applicant are filled in here."""
    from playhouse.migrate import migrate

    from consult_desk.models.entities import Applicant
    from consult_desk.validation import applicant_keys

    columns = ("name_key", "kana_key", "given_key", "given_kana_key")
    for column in columns:  # plain ALTER: no table rebuild on SQLite
        DB.execute_sql(f"ALTER TABLE applicant ADD COLUMN {column} VARCHAR(200) NOT NULL DEFAULT ''")
    rows = DB.execute_sql("SELECT id, name, kana FROM applicant WHERE anonymised_at IS NULL").fetchall()
    for aid, name, kana in rows:
        Applicant.update(**applicant_keys(name or "", kana or "")).where(Applicant.id == aid).execute()
    migrate(
        *(migrator.add_index("applicant", (column,), False) for column in columns),
        migrator.add_index("reservation", ("start",), False),
        migrator.add_index("reservation", ("created_at",), False),
        migrator.add_index("reservation", ("office_id", "created_at"), False),
        migrator.add_index("reservation", ("applicant_id", "start"), False),
        migrator.add_index("callback", ("closed_at",), False),
    )
    _search_index()


@on_create
def _retention_index() -> None:
    from consult_desk.models import retention_index

    retention_index.install()


@migration(11)
def _v11_retention_index(migrator: SchemaMigrator) -> None:
    """Schema 11 (issue 18): each applicant's latest reservation end, kept by triggers, under an index
    of it for the people still holding personal data (the retention count's start)."""
    from consult_desk.models import retention_index

    DB.execute_sql("ALTER TABLE applicant ADD COLUMN last_end " + ("DATETIME" if is_sqlite() else "TIMESTAMP"))
    retention_index.backfill()
    _retention_index()


@migration(7)
def _v7_platform_meetings(migrator: SchemaMigrator) -> None:
    """Schema 7 (issue 16): credentials remember the platform meeting they came from; the clean-up
    list of platform meetings whose desk write failed."""
    from playhouse.migrate import migrate

    from consult_desk.models.entities import MeetingCleanup, MeetingCredential

    columns = {c.name for c in DB.get_columns("meeting_credential")}
    steps = []
    if "platform" not in columns:
        steps.append(migrator.add_column("meeting_credential", "platform", MeetingCredential.platform))
    if "platform_id" not in columns:
        steps.append(migrator.add_column("meeting_credential", "platform_id", MeetingCredential.platform_id))
    migrate(*steps)
    DB.create_tables([MeetingCleanup])


@migration(4)
def _v4_seed_rules(migrator: SchemaMigrator) -> None:
    """Schema 4 (issue 12, seed rules corrected): the loans table (002 4(1)); Hello Work reservations
    left ``offered`` are confirmed, since the office's mail confirmed them on receipt (004 第4条(2));
    each office's configuration gets the corrected preset values it still lacks."""
    DB.create_tables([Loan], safe=True)
    _v4_office_configs()
    _v4_confirm_offers()


def _v4_office_configs() -> None:
    from consult_desk.errors import ConsultDeskError
    from consult_desk.presets import load_preset

    for office in Office.select():
        try:
            preset = load_preset(office.preset)
        except (ConsultDeskError, OSError, ValueError):
            continue  # an office made from a preset this version does not ship: left as it is
        config = dict(office.config)
        for key in ("session_lengths", "equipment_loans"):
            config.setdefault(key, preset.get(key))
        wanted = {c["key"]: c["required"] for c in preset["consent_items"]}
        config["consent_items"] = [
            {**item, "required": wanted.get(item["key"], item.get("required", True))}
            for item in config.get("consent_items", [])
        ]
        clauses = dict(config.get("clauses") or {})
        if clauses.get("hours") == "000 第5条(1)":  # that clause is the 30-minute length, not the hours
            del clauses["hours"]
        for key in ("equipment_loans", "details_required", "city_fault_end"):
            if preset.get("clauses", {}).get(key):
                clauses.setdefault(key, preset["clauses"][key])
        config["clauses"] = clauses
        lunch = [["09:00", "12:00"], ["13:00", "16:30"]]
        if office.preset == "yamaguchi-vocational" and config.get("slot_minutes") == 60 and all(
            v == lunch for v in config.get("hours", {}).values()
        ):  # still the old assumption: 003 6's 9:00-16:30, 30/45/60 minutes on a 30-minute grid
            for key in ("hours", "slot_minutes", "session_minutes", "session_lengths"):
                config[key] = preset[key]
            config["assumptions"] = {**config.get("assumptions", {}), **preset["assumptions"]}
        Office.update(config=config).where(Office.code == office.code).execute()


def _v4_confirm_offers() -> None:
    """004 第4条(2): 「この受信をもって予約が確定します」: an offered reservation is a confirmed one."""
    now = jst_now().replace(microsecond=0)
    for res in Reservation.select().where(Reservation.status == "offered"):
        Reservation.update(status="confirmed", offer_reply_by=None, updated_at=now).where(
            Reservation.id == res.id
        ).execute()
        History.insert(  # the reservation's own history says why; the audit log keeps staff actions
            reservation=res.id,
            at=now,
            action="confirm",
            from_status="offered",
            status="confirmed",
            channel="",
            staff="system",
            note="スキーマ4：日時提示メールの受信をもって予約確定（004 第4条(2)）",
            data={"migration": 4},
        ).execute()


@migration(5)
def _v5_audit_hash_chain(migrator: SchemaMigrator) -> None:
    """Schema 5 (issue 13): audit_log rows carry a SHA-256 hash chain (models/chain.py); the rows already
    there are chained in id order; the guard that comes back lets only the purge's scrub through."""
    from playhouse.migrate import migrate

    from consult_desk.models import chain
    from consult_desk.models.entities import AuditLog

    columns = {c.name for c in DB.get_columns("audit_log")}
    fields = AuditLog._meta.fields
    steps = [
        migrator.add_column("audit_log", name, fields[name])
        for name in ("seq", "prev_hash", "row_hash", "detail_hash", "redacted")
        if name not in columns
    ]
    migrate(*steps)
    chain.rechain_all()


@migration(8)
def _v8_form_import_and_outbox_schedule(migrator: SchemaMigrator) -> None:
    """Schema 8 (issue 17): the outbox's schedule columns, Message-ID and sender; consent's channel;
    imported form submissions with their unique indexes; the sender lease. Queued messages become
    scheduled at the moment they were queued."""
    from playhouse.migrate import migrate

    from consult_desk.models.entities import Consent, FormSubmission, Outbox, SenderLease

    columns = {c.name for c in DB.get_columns("outbox")}
    steps = []
    for name in ("due", "origin", "due_fixed", "message_id", "sending_at", "sender"):
        if name not in columns:
            steps.append(migrator.add_column("outbox", name, Outbox._meta.fields[name]))
    if "channel" not in {c.name for c in DB.get_columns("consent")}:
        steps.append(migrator.add_column("consent", "channel", Consent._meta.fields["channel"]))
    migrate(*steps)
    if not any(i.name == "outbox_due" for i in DB.get_indexes("outbox")):
        DB.execute_sql("CREATE INDEX outbox_due ON outbox (due)")
    Outbox.update(state="scheduled", due=Outbox.created_at).where(Outbox.state == "queued").execute()
    DB.create_tables([FormSubmission, SenderLease])


def count_change() -> None:
    """Move the change counter (other desks poll it). Called by ``consult_desk.changes`` when a
    transaction that touched something commits; nobody else calls it."""
    Meta.update(value=pw.Cast(pw.Cast(Meta.value, "INTEGER") + 1, "TEXT")).where(Meta.key == "changes").execute()


def bump_changes() -> None:
    """The old hand-made bump, for a write that does not say what it touched yet: it reports every
    topic (``changes.touch(*ALL)``), so the counter moves once at commit and the window refreshes
    everything. New code calls ``changes.touch(Topic...)`` instead."""
    from consult_desk import changes

    changes.touch(*changes.ALL)


def change_count() -> int:
    row = Meta.get_or_none(Meta.key == "changes")
    return int(row.value) if row else 0


@migration(6)
def _v6_person_and_url_claims(migrator: SchemaMigrator) -> None:
    """Schema 6 (issue 14): the unique claims that hold two rules at the database's depth.

    - ``person_claim``: one person (phone, e-mail or 求職番号), one seat of a slot (issue 14 (6));
    - ``url_claim``: a Teams URL is for one session only (003 2(4)).

    Existing data fills them; where old data already breaks a rule, the earliest reservation keeps
    the claim (nothing is deleted or refused)."""
    from consult_desk.validation import person_keys

    DB.create_tables([PersonClaim, UrlClaim])
    rows: Any = (
        SeatClaim.select(SeatClaim.key, SeatClaim.reservation, Applicant.phone, Applicant.email, Applicant.job_seeker_no)
        .join(Reservation, on=(SeatClaim.reservation == Reservation.id))
        .join(Applicant, on=(Reservation.applicant == Applicant.id))
        .where(SeatClaim.key.startswith("slot|"))
        .order_by(SeatClaim.reservation)
        .tuples()
    )
    batch: list[dict[str, object]] = []
    for key, reservation, phone, email, job_seeker_no in rows:
        batch.extend({"key": key, "person": p, "reservation": reservation} for p in person_keys(phone, email, job_seeker_no))
        if len(batch) >= 500:
            PersonClaim.insert_many(batch).on_conflict_ignore().execute()
            batch = []
    if batch:
        PersonClaim.insert_many(batch).on_conflict_ignore().execute()
    unique_offices = [o.code for o in Office.select(Office.code, Office.config) if o.config.get("credential_unique_per_session")]
    if unique_offices:
        urls: Any = (
            MeetingCredential.select(MeetingCredential.url, MeetingCredential.reservation)
            .join(Reservation, on=(MeetingCredential.reservation == Reservation.id))
            .where(Reservation.office.in_(unique_offices), MeetingCredential.url != "")
            .order_by(MeetingCredential.id)
            .tuples()
        )
        for url, reservation in urls:
            UrlClaim.insert(url=url, reservation=reservation).on_conflict_ignore().execute()
