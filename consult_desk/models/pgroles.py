"""PostgreSQL: the server enforces the roles (issue 13, deliverable 1).

The schema belongs to an **owner** login, used only by the administrator for ``init`` and upgrades; no
desk holds it. ``init`` creates one group role per staff role (:data:`GROUPS`) with exactly the grants
that role needs, and every staff member signs in with their **own login role** (SCRAM-SHA-256), a member
of their group. What each group may do (the owner alone may run DDL, create or drop triggers, and
UPDATE, DELETE or TRUNCATE ``audit_log``):

=============  ==========================================================================================
reception,     book and run sessions: read offices, staff (no password hashes are kept on PostgreSQL),
counsellor     closures and events; read and write applicants (not ``anonymised_at``: no purge),
               reservations, seats, consents, credentials, callbacks, mail; add history; INSERT into
               ``audit_log`` without reading it (the chain is computed by a SECURITY DEFINER trigger)
supervisor     the same, and read ``audit_log``; purge (``anonymised_at``, history notes, the audit
               scrub through the SECURITY DEFINER function ``consult_desk_scrub_audit``)
admin          the same, and offices, closures, events, staff, settings; its login roles have
               CREATEROLE, so ``staff add|disable|password`` manage the login roles
=============  ==========================================================================================

Passwords never travel in clear text in SQL: the SCRAM-SHA-256 verifier is computed here
(RFC 5802/7677, as PostgreSQL stores it) and only the verifier is sent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from typing import Any

from consult_desk.models.db import DB, is_sqlite

PREFIX = "consult_desk_"
GROUPS = ("reception", "counsellor", "supervisor", "admin")
MARKER = "postgresql-role"  # staff.password_hash on PostgreSQL: the server holds the verifier
SCRAM_ITERATIONS = 4096  # PostgreSQL's default (scram_iterations)

# Tables with their own rules; every other table of the schema is desk work (read and write).
_RESTRICTED = {"audit_log", "staff", "office", "closure", "event", "meta", "applicant", "history"}


def group(role: str) -> str:
    return PREFIX + role


def _q(name: str) -> str:
    """A quoted identifier (logins are [a-z0-9._-]; quoted all the same)."""
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def scram_verifier(password: str, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """``SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>``, the form PostgreSQL keeps."""
    salt = salt or os.urandom(16)
    secret = unicodedata.normalize("NFKC", password).encode("utf-8")  # SASLprep's mapping for what we accept
    salted = hashlib.pbkdf2_hmac("sha256", secret, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


def _one(sql: str, params: tuple[object, ...] = ()) -> object:
    row = DB.execute_sql(sql, params).fetchone()
    return row[0] if row else None


def role_exists(name: str) -> bool:
    return bool(_one("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)))


def enabled() -> bool:
    """PostgreSQL with this program's group roles: staff accounts are login roles."""
    return not is_sqlite() and role_exists(group("admin"))


def can_create_roles() -> bool:
    return bool(_one("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"))


def install() -> bool:
    """Group roles (created when missing) and their grants on this database's tables. Run by the owner
    (``init``, upgrades); False when the owner may not create roles (the README says what to do)."""
    if is_sqlite():
        return False
    if not all(role_exists(group(g)) for g in GROUPS):
        if not can_create_roles():
            return False
        for g in GROUPS:
            if not role_exists(group(g)):
                DB.execute_sql(f"CREATE ROLE {_q(group(g))} NOLOGIN")
    grant_all()
    return True


def _tables() -> list[str]:
    rows = DB.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    ).fetchall()
    return [r[0] for r in rows]


def _columns(table: str) -> list[str]:
    rows = DB.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [r[0] for r in rows]


def grant_all() -> None:
    """Exactly the grants of :data:`GROUPS` (revoked first, so a second run gives the same result)."""
    everyone = ", ".join(_q(group(g)) for g in GROUPS)
    desk = ", ".join(_q(group(g)) for g in ("reception", "counsellor"))
    leads = ", ".join(_q(group(g)) for g in ("supervisor", "admin"))
    admin = _q(group("admin"))
    tables = _tables()
    statements = [f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}",
                  f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {everyone}",
                  f"GRANT USAGE ON SCHEMA public TO {everyone}",
                  f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}"]
    for table in tables:
        t = _q(table)
        if table not in _RESTRICTED:
            statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {everyone}")
    if "applicant" in tables:
        editable = ", ".join(_q(c) for c in _columns("applicant") if c not in ("id", "anonymised_at", "last_end"))
        statements += [f"GRANT SELECT, INSERT ON applicant TO {everyone}",
                       f"GRANT UPDATE ({editable}) ON applicant TO {desk}",
                       f"GRANT UPDATE ON applicant TO {leads}"]  # anonymised_at: the purge
    statements += [
        f"GRANT SELECT, INSERT ON history TO {everyone}",
        f"GRANT UPDATE (note) ON history TO {leads}",  # the purge scrubs staff notes
        f"GRANT SELECT ON office, closure, event, staff TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON office, closure, event, staff TO {admin}",
        f"GRANT SELECT, UPDATE ON meta TO {everyone}",  # the change counter
        f"GRANT INSERT ON meta TO {leads}",
        # the audit log: everyone appends, supervisors and the administrator read; nobody changes it
        f"GRANT INSERT ON audit_log TO {everyone}",
        f"GRANT SELECT ON audit_log TO {leads}",
        "REVOKE ALL ON FUNCTION consult_desk_scrub_audit(integer[]) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION consult_desk_scrub_audit(integer[]) TO {leads}",
    ]
    for sql in statements:
        DB.execute_sql(sql)


# ------------------------------------------------------------------ staff login roles


def _member_of_ours(login: str) -> bool:
    return bool(
        _one(
            "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolname = %s AND g.rolname LIKE %s",
            (login, PREFIX.replace("_", r"\_") + "%"),
        )
    )


def create_login(login: str, role: str, password: str) -> None:
    """A staff member's login role in their group (an existing role of ours is taken over, not duplicated)."""
    from consult_desk.errors import RuleError

    verifier = scram_verifier(password)
    if role_exists(login):
        if not _member_of_ours(login):
            raise RuleError("staff_exists", login=login)  # a server role that is not a desk's staff login
        DB.execute_sql(f"ALTER ROLE {_q(login)} LOGIN PASSWORD {_lit(verifier)}")
    else:
        DB.execute_sql(f"CREATE ROLE {_q(login)} LOGIN PASSWORD {_lit(verifier)}")
    set_group(login, role)


def set_group(login: str, role: str) -> None:
    for g in GROUPS:
        DB.execute_sql(f"REVOKE {_q(group(g))} FROM {_q(login)}")
    DB.execute_sql(f"GRANT {_q(group(role))} TO {_q(login)}")
    DB.execute_sql(f"ALTER ROLE {_q(login)} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}")


def set_password(login: str, password: str) -> None:
    DB.execute_sql(f"ALTER ROLE {_q(login)} PASSWORD {_lit(scram_verifier(password))}")


def set_active(login: str, active: bool) -> None:
    DB.execute_sql(f"ALTER ROLE {_q(login)} {'LOGIN' if active else 'NOLOGIN'}")


# ------------------------------------------------------------------ connecting as a staff member


def _server_database(login: str, password: str) -> Any:  # a peewee.PostgresqlDatabase, or None
    import peewee as pw

    current = DB.obj
    params = {**current.connect_params, "user": login, "password": password}
    return type(current)(current.database, **params) if isinstance(current, pw.PostgresqlDatabase) else None


def password_works(login: str, password: str) -> bool:
    """Does the server accept this password for this login role? (a separate, closed-at-once connection)"""
    import peewee as pw

    probe = _server_database(login, password)
    if probe is None:
        return False
    try:
        probe.connect()
    except pw.OperationalError:
        return False
    probe.close()
    return True


def connect_as(login: str, password: str) -> bool:
    """Re-bind the database to a connection made as ``login``; False (the old one kept) if refused."""
    import peewee as pw

    new = _server_database(login, password)
    if new is None:
        return False
    try:
        new.connect()
    except pw.OperationalError:
        return False
    old = DB.obj
    DB.initialize(new)
    if old is not new and not old.is_closed():
        old.close()
    return True
