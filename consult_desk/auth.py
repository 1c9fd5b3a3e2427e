"""Staff accounts and sign-in.

Passwords are hashed with argon2id (argon2-cffi, OWASP's parameters: 19 MiB, 2 passes, 1 lane) and
stored in the PHC string format (``$argon2id$v=19$m=...,t=...,p=...$salt$hash``). Hashes from
before (``scrypt$n$r$p$salt$hash``, N=2^14) still verify, and any hash weaker than today's
parameters is replaced at the owner's next successful sign-in (issue 13).

Sign-ins, failed sign-ins and every change to an account go to the audit log (004 第5条: usage
times and access history). After :data:`MAX_FAILURES` failed attempts within
:data:`LOCK_MINUTES` a login is refused until that many minutes after the last failure; the
count is read back from the append-only audit log, so no extra state is kept; it is counted only from a
part of the log whose hash chain holds (issue 13): deleting or editing the failures to reset the count
locks the login instead.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from consult_desk import audit
from consult_desk.changes import Topic, touch
from consult_desk.clock import Clock, SystemClock
from consult_desk.context import ROLES, Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import AuditLog, Meta, Office, Staff, pgroles, transaction
from consult_desk.permissions import require
from consult_desk.validation import nfkc, normalise_line

# argon2id, OWASP Password Storage Cheat Sheet (m=19 MiB, t=2, p=1): about 60 ms a check here.
ARGON2_TIME_COST = 2
ARGON2_MEMORY_KIB = 19 * 1024
ARGON2_PARALLELISM = 1
_HASHER = PasswordHasher(
    time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM, type=Type.ID
)
# scrypt: the format of earlier versions, still verified (and upgraded at the next sign-in)
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAXMEM = 64 * 1024 * 1024
_MAX_N = 2**20  # refuse absurd costs read from a stored hash

MIN_PASSWORD = 8
MAX_PASSWORD = 200
LOGIN_MAX = 64
_LOGIN_RE = re.compile(rf"^[a-z0-9._-]{{1,{LOGIN_MAX}}}$")
MAX_FAILURES = 5
LOCK_MINUTES = 15

DEMO_FLAG = "demo_accounts"  # meta key: this database holds the demo accounts (the sign-in dialog lists them)
# Ready-made accounts of the demo database (README: "Demo accounts"). Never used elsewhere.
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str], ...] = (
    ("admin", "システム管理者(デモ)", "admin", "demo-admin"),
    ("supervisor", "管理 監督(デモ)", "supervisor", "demo-supervisor"),
    ("reception", "受付 花子(デモ)", "reception", "demo-reception"),
    ("counsellor", "相談 太郎(デモ)", "counsellor", "demo-counsellor"),
)


# ------------------------------------------------------------------ hashing


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAXMEM)


def hash_password(password: str) -> str:
    """An argon2id PHC string with a fresh random salt."""
    return _HASHER.hash(password)


def scrypt_hash(password: str, n: int = SCRYPT_N) -> str:
    """``scrypt$n$r$p$salt$hash``: the earlier format (kept to verify old accounts and to test their upgrade)."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, n, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def needs_rehash(stored: str | None) -> bool:
    """True for a hash weaker than today's: any scrypt hash, an argon2 hash with lower parameters."""
    if not stored or not stored.startswith("$argon2id$"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def verify_password(password: str, stored: str | None) -> bool:
    """True if ``password`` matches the stored hash (constant-time compare); False for anything malformed."""
    if not stored:
        return False
    if stored.startswith("$argon2"):
        try:
            return _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError, ValueError):
            return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return False
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and expected):
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, len(expected)), expected)


_DUMMY_HASH = ""


def _burn_time(password: str) -> None:
    """Spend the time a real check would, so an unknown login is not told apart by timing."""
    global _DUMMY_HASH
    if not _DUMMY_HASH:
        _DUMMY_HASH = hash_password(secrets.token_hex(8))
    verify_password(password, _DUMMY_HASH)


# ------------------------------------------------------------------ validation


def normalise_login(value: str) -> str:
    login = nfkc(value or "").lower()
    if not _LOGIN_RE.match(login):
        raise RuleError("invalid_login", max=LOGIN_MAX)
    return login


def check_password(password: str) -> str:
    """A new password: at least :data:`MIN_PASSWORD` characters (NFKC, so full-width digits count)."""
    text = nfkc(password or "")
    if len(text) < MIN_PASSWORD:
        raise RuleError("weak_password", min=MIN_PASSWORD)
    if len(text) > MAX_PASSWORD:
        raise RuleError("too_long", label="パスワード", max=MAX_PASSWORD)
    return text


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise RuleError("invalid_choice", label="役割")
    return role


def _check_office(office: str | None) -> str | None:
    if office and Office.get_or_none(Office.code == office) is None:
        raise RuleError("unknown_office", office=office)
    return office or None


def actor_of(staff: Staff) -> Actor:
    return Actor(staff.login, staff.display_name, staff.role)


# ------------------------------------------------------------------ accounts


@dataclass(frozen=True)
class StaffInfo:
    login: str
    name: str
    role: str
    office: str | None
    active: bool
    has_password: bool


def list_staff(ctx: Context, include_inactive: bool = True) -> list[StaffInfo]:
    require(ctx, "manage_staff")
    query = Staff.select().order_by(Staff.login)
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712
    return [
        StaffInfo(s.login, s.display_name, s.role, s.office_id, bool(s.active), bool(s.password_hash))
        for s in query
    ]


def display_names() -> dict[str, str]:
    """login -> the person's name, for showing people by name (audit log, history, consent, PDF)."""
    return {login: name for login, name in Staff.select(Staff.login, Staff.display_name).tuples()}


def get_staff(login: str) -> Staff:
    staff = Staff.get_or_none(Staff.login == nfkc(login or "").lower())
    if staff is None:
        raise RuleError("unknown_staff", login=login)
    return staff


def _create(login: str, display_name: str, role: str, password: str, office: str | None) -> Staff:
    login = normalise_login(login)
    name = normalise_line(display_name, "氏名", 100) or login
    role = _check_role(role)
    secret = check_password(password)
    office = _check_office(office)
    if Staff.get_or_none(Staff.login == login) is not None:
        raise RuleError("staff_exists", login=login)
    if pgroles.enabled():
        # PostgreSQL: the member's own login role in their group; the server keeps the SCRAM verifier
        _server(pgroles.create_login, login, role, secret)
        stored = pgroles.MARKER
    else:
        stored = hash_password(secret)
    return Staff.create(login=login, display_name=name, role=role, password_hash=stored, office=office, active=True)


def _server(operation, *args) -> None:  # noqa: ANN001
    """A role change on the server; refused (no CREATEROLE, ...) with a sentence, nothing stored."""
    import peewee as pw

    try:
        operation(*args)
    except pw.DatabaseError as exc:
        raise RuleError("pg_role_failed", detail=str(exc).splitlines()[0]) from exc


def create_staff(
    ctx: Context, login: str, display_name: str, role: str, password: str, office: str | None = None
) -> Staff:
    """A new account (admin only)."""
    require(ctx, "manage_staff")
    with transaction():
        staff = _create(login, display_name, role, password, office)
        audit.record(ctx, "staff_create", staff.login, detail=f"role={staff.role}")
        touch(Topic.STAFF)
    return staff


def _active_admins(excluding: str | None = None) -> int:
    query = Staff.select().where(Staff.role == "admin", Staff.active == True)  # noqa: E712
    if excluding:
        query = query.where(Staff.login != excluding)
    return query.count()


def update_staff(
    ctx: Context,
    login: str,
    *,
    display_name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
    office: str | None | bool = False,
) -> Staff:
    """Change an account's name, role, office or active flag (admin only); never leaves no admin.

    ``office=False`` (the default) leaves the office as it is; ``None`` clears it.
    """
    require(ctx, "manage_staff")
    with transaction():
        staff = get_staff(login)
        was_admin = staff.role == "admin" and bool(staff.active)
        changes = []
        if display_name is not None:
            staff.display_name = normalise_line(display_name, "氏名", 100) or staff.login
            changes.append("name")
        if role is not None and role != staff.role:
            staff.role = _check_role(role)
            changes.append(f"role={role}")
        if active is not None and bool(active) != bool(staff.active):
            staff.active = bool(active)
            changes.append(f"active={int(bool(active))}")
        if office is not False:
            staff.office = _check_office(office if isinstance(office, str) else None)
            changes.append(f"office={office or ''}")
        still_admin = staff.role == "admin" and bool(staff.active)
        if was_admin and not still_admin and _active_admins(excluding=staff.login) == 0:
            raise RuleError("last_admin")
        if pgroles.enabled() and staff.password_hash == pgroles.MARKER:
            if role is not None:
                _server(pgroles.set_group, staff.login, staff.role)
            if active is not None:
                _server(pgroles.set_active, staff.login, bool(staff.active))
        staff.save()
        audit.record(ctx, "staff_update", staff.login, detail=" ".join(changes))
        touch(Topic.STAFF)
    return staff


def set_password(ctx: Context, login: str, password: str) -> None:
    """The admin sets (resets) someone's password."""
    require(ctx, "manage_staff")
    secret = check_password(password)
    with transaction():
        staff = get_staff(login)
        staff.password_hash = _store_password(staff.login, secret)
        staff.save()
        audit.record(ctx, "staff_password_set", staff.login)
        touch(Topic.STAFF)


def change_own_password(ctx: Context, old_password: str, new_password: str) -> None:
    """Anyone changes their own password, proving the old one first."""
    secret = check_password(new_password)
    with transaction():
        staff = Staff.get_or_none(Staff.login == ctx.actor.login, Staff.active == True)  # noqa: E712
        if staff is None or not _password_holds(staff, old_password):
            raise RuleError("sign_in_failed")
        staff.password_hash = _store_password(staff.login, secret)
        staff.save()
        audit.record(ctx, "password_change", staff.login)
        touch(Topic.STAFF)


def _store_password(login: str, secret: str) -> str:
    """What the staff table keeps: an argon2id hash, or on PostgreSQL a marker (the role gets the verifier)."""
    if pgroles.enabled():
        _server(pgroles.set_password, login, secret)
        return pgroles.MARKER
    return hash_password(secret)


def _password_holds(staff: Staff, password: str) -> bool:
    if staff.password_hash == pgroles.MARKER and pgroles.enabled():
        return pgroles.password_works(staff.login, password)
    return verify_password(password, staff.password_hash)


# ------------------------------------------------------------------ first start, demo


def needs_first_admin() -> bool:
    """True while no active administrator with a password exists (first start of a new database)."""
    return (
        not Staff.select()
        .where(Staff.role == "admin", Staff.active == True, Staff.password_hash.is_null(False))  # noqa: E712
        .exists()
    )


def create_first_admin(login: str, display_name: str, password: str, clock: Clock | None = None) -> Actor:
    """The first administrator of a new database; refused once one exists."""
    clock = clock or SystemClock()
    with transaction():
        if not needs_first_admin():
            raise RuleError("admin_exists")
        staff = _create(login, display_name, "admin", password, None)
        actor = actor_of(staff)
        audit.record(Context(actor, clock), "staff_create", staff.login, detail="role=admin first-start")
        touch(Topic.STAFF)
    return actor


def create_demo_accounts(clock: Clock | None = None) -> list[tuple[str, str]]:
    """The demo database's ready-made accounts (see README); existing logins are left alone."""
    clock = clock or SystemClock()
    made = []
    with transaction():
        for login, name, role, password in DEMO_ACCOUNTS:
            if Staff.get_or_none(Staff.login == login) is not None:
                continue
            staff = _create(login, name, role, password, None)
            audit.record(Context(actor_of(staff), clock), "staff_create", login, detail=f"role={role} demo")
            made.append((login, password))
        if Meta.get_or_none(Meta.key == DEMO_FLAG) is None:
            Meta.create(key=DEMO_FLAG, value="1")
        if made:
            touch(Topic.STAFF)
    return made


def demo_accounts_present() -> bool:
    return Meta.get_or_none(Meta.key == DEMO_FLAG) is not None


# ------------------------------------------------------------------ sign-in


def _locked_until(login: str, now: dt.datetime, clock: Clock) -> dt.datetime | None:
    window = now - dt.timedelta(minutes=LOCK_MINUTES)
    from consult_desk.models import chain

    if not chain.segment_intact(window):
        # rows of the last minutes were deleted or edited (which would reset the count): the attempt is
        # recorded as a failure and the login waits as if locked, until that part of the log is older
        # than the lockout period
        with transaction():
            audit.record(Context(Actor(login, "", "reception"), clock), "sign_in_failed", login,
                         detail="audit log chain broken")
        return now + dt.timedelta(minutes=LOCK_MINUTES)
    last_ok = (
        AuditLog.select(AuditLog.at)
        .where(AuditLog.staff == login, AuditLog.action == "sign_in")
        .order_by(AuditLog.at.desc())
        .first()
    )
    since = max(window, last_ok.at) if last_ok else window
    failures = list(
        AuditLog.select(AuditLog.at)
        .where(AuditLog.staff == login, AuditLog.action == "sign_in_failed", AuditLog.at > since)
        .order_by(AuditLog.at.desc())
    )
    if len(failures) < MAX_FAILURES:
        return None
    until = failures[0].at + dt.timedelta(minutes=LOCK_MINUTES)
    return until if until > now else None


def has_staff() -> bool:
    """True once the database has any staff account (the command line then signs in)."""
    return Staff.select().exists()


def sign_in(login: str, password: str, clock: Clock | None = None, via: str = "") -> Actor:
    """The staff member behind ``login`` if the password is right; the same refusal otherwise.

    ``via="cli"``: the command line's sign-in. Its failures are recorded and count toward the lockout like
    the window's; its successes are not recorded as such (each command records what it changes under the
    member's login), so a read-only copy can still be read from."""
    clock = clock or SystemClock()
    try:
        key = normalise_login(login)
    except RuleError:
        _burn_time(password)
        raise RuleError("sign_in_failed") from None
    if pgroles.enabled():
        return _sign_in_server(key, password, clock, via)
    staff = Staff.get_or_none(Staff.login == key, Staff.active == True)  # noqa: E712
    if staff is None:
        _burn_time(password)
        with transaction():
            # The typed text is not kept: it may be a password typed into the wrong box.
            audit.record(Context(Actor("?", "", "reception"), clock), "sign_in_failed", "unknown login", detail=via)
        raise RuleError("sign_in_failed")
    now = clock.now()
    until = _locked_until(staff.login, now, clock)
    if until is not None:
        raise RuleError("sign_in_locked", until=f"{until:%H:%M}")
    actor = actor_of(staff)
    ok = verify_password(password, staff.password_hash)
    upgraded = ok and needs_rehash(staff.password_hash)
    if ok and via == "cli" and not upgraded:
        return actor
    with transaction():
        if upgraded:
            # an older (scrypt) or cheaper hash: replaced now that the password is known to be right
            Staff.update(password_hash=hash_password(password)).where(Staff.id == staff.id).execute()
        detail = " ".join(filter(None, [via, "password hash upgraded to argon2id" if upgraded else ""]))
        audit.record(Context(actor, clock), "sign_in" if ok else "sign_in_failed", staff.login, detail=detail)
    if not ok:
        raise RuleError("sign_in_failed")
    return actor


def connected_actor(login: str) -> Actor:
    """The staff member whose login role this connection is (the server has checked the password)."""
    staff = Staff.get_or_none(Staff.login == login, Staff.active == True)  # noqa: E712
    if staff is None:
        raise RuleError("sign_in_failed")
    return actor_of(staff)


def _sign_in_server(login: str, password: str, clock: Clock, via: str) -> Actor:
    """PostgreSQL with login roles: the desk connects as the member's own role, so the server checks the
    password (SCRAM-SHA-256) and from then on the grants of their group. A refusal is recorded (any role may
    append to the audit log) and said like any wrong password; the server, not this program, throttles
    repeated guesses (README: auth_delay)."""
    if not pgroles.connect_as(login, password):
        with transaction():
            audit.record(Context(Actor(login, "", "reception"), clock), "sign_in_failed", login, detail=via)
        raise RuleError("sign_in_failed")
    staff = Staff.get_or_none(Staff.login == login, Staff.active == True)  # noqa: E712
    if staff is None:
        raise RuleError("sign_in_failed")
    actor = actor_of(staff)
    if via != "cli":
        with transaction():
            audit.record(Context(actor, clock), "sign_in", staff.login, detail=via)
    return actor


def sign_out(ctx: Context, reason: str = "") -> None:
    with transaction():
        audit.record(ctx, "sign_out", ctx.actor.login, detail=reason)


def record_lock(ctx: Context) -> None:
    """The desk locked itself after a time without use (the next sign-in is audited too)."""
    with transaction():
        audit.record(ctx, "lock", ctx.actor.login)
