"""Staff accounts and sign-in: argon2id hashes (old scrypt ones upgraded), first administrator, demo accounts,
lockout."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk import auth
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import AuditLog, Staff


def test_hash_is_argon2id_self_describing_salted_and_verifiable():
    first = auth.hash_password("correct horse")
    second = auth.hash_password("correct horse")
    _, kind, version, params, salt, digest = first.split("$")
    assert (kind, version) == ("argon2id", "v=19")
    assert params == f"m={auth.ARGON2_MEMORY_KIB},t={auth.ARGON2_TIME_COST},p={auth.ARGON2_PARALLELISM}"
    assert auth.ARGON2_MEMORY_KIB >= 19 * 1024 and auth.ARGON2_TIME_COST >= 2  # OWASP's minimum for argon2id
    assert not auth.needs_rehash(first)
    assert first != second  # a fresh salt each time
    assert auth.verify_password("correct horse", first) and auth.verify_password("correct horse", second)
    assert not auth.verify_password("correct horsf", first)
    assert "correct horse" not in first


def test_a_hash_with_other_costs_still_verifies():
    """The parameters are read from the stored string, so raising the cost later keeps old accounts."""
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"pass-word", salt=salt, n=2**12, r=4, p=2, dklen=24)
    stored = f"scrypt${2**12}$4$2${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert auth.verify_password("pass-word", stored)
    assert not auth.verify_password("pass-wore", stored)


def test_an_old_scrypt_hash_verifies_and_is_upgraded_at_the_next_successful_sign_in(db, ctx, clock):
    auth.create_staff(ctx, "sato", "佐藤", "counsellor", "password-1")
    old = auth.scrypt_hash("password-1")
    Staff.update(password_hash=old).where(Staff.login == "sato").execute()
    assert auth.needs_rehash(old)
    with pytest.raises(RuleError):
        auth.sign_in("sato", "password-2", clock)
    assert Staff.get(Staff.login == "sato").password_hash == old  # a failure changes nothing
    assert auth.sign_in("sato", "password-1", clock).login == "sato"
    upgraded = Staff.get(Staff.login == "sato").password_hash
    assert upgraded.startswith("$argon2id$") and not auth.needs_rehash(upgraded)
    assert auth.sign_in("sato", "password-1", clock).login == "sato"
    assert Staff.get(Staff.login == "sato").password_hash == upgraded  # no new hash once current
    details = [a.detail for a in AuditLog.select().where(AuditLog.action == "sign_in").order_by(AuditLog.id)]
    assert details == ["password hash upgraded to argon2id", ""]


def test_a_cheaper_argon2_hash_is_upgraded_too(db, ctx, clock):
    from argon2 import PasswordHasher

    auth.create_staff(ctx, "sato", "佐藤", "counsellor", "password-1")
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("password-1")
    Staff.update(password_hash=cheap).where(Staff.login == "sato").execute()
    assert auth.verify_password("password-1", cheap) and auth.needs_rehash(cheap)
    auth.sign_in("sato", "password-1", clock)
    assert not auth.needs_rehash(Staff.get(Staff.login == "sato").password_hash)


@pytest.mark.parametrize("stored", [None, "", "plain", "$argon2id$v=19$m=8,t=1,p=1$AA$AA", "$argon2id$garbage", "scrypt$x$8$1$AA==$AA==", "scrypt$3$8$1$AA==$AA==",
                                    "scrypt$16384$8$1$!!$AA==", "scrypt$1073741824$8$1$AA==$AA==", "md5$1$2$3$4$5"])
def test_malformed_or_absurd_hashes_never_verify(stored):
    assert not auth.verify_password("anything", stored)


def test_first_admin_once_then_sign_in(db, clock):
    assert auth.needs_first_admin()
    actor = auth.create_first_admin("Ｋａｎｒｉ", "管理 太郎", "long-enough-1", clock)
    assert actor == Actor("kanri", "管理 太郎", "admin")  # NFKC, lower case
    assert not auth.needs_first_admin()
    with pytest.raises(RuleError) as err:
        auth.create_first_admin("other", "別人", "long-enough-2", clock)
    assert err.value.code == "admin_exists"
    assert auth.sign_in("kanri", "long-enough-1", clock) == actor
    staff = Staff.get(Staff.login == "kanri")
    assert staff.password_hash.startswith("$argon2id$") and "long-enough-1" not in staff.password_hash


def test_wrong_password_and_unknown_login_get_the_same_refusal(db, clock):
    auth.create_demo_accounts(clock)
    messages = set()
    for login, password in (("reception", "wrong-password"), ("nobody", "demo-reception"), ("bad login!", "x")):
        with pytest.raises(RuleError) as err:
            auth.sign_in(login, password, clock)
        messages.add(err.value.message)
    assert messages == {"ログインIDまたはパスワードが違います"}


def test_sign_ins_and_failures_are_audited_without_the_typed_text(db, clock):
    """004 第5条: usage times and access history are recorded."""
    auth.create_demo_accounts(clock)
    auth.sign_in("supervisor", "demo-supervisor", clock)
    with pytest.raises(RuleError):
        auth.sign_in("supervisor", "nope-nope", clock)
    with pytest.raises(RuleError):
        auth.sign_in("demo-supervisor", "typed into the wrong box", clock)
    rows = [(a.staff, a.action) for a in AuditLog.select().where(AuditLog.action.startswith("sign_in"))]
    assert rows == [("supervisor", "sign_in"), ("supervisor", "sign_in_failed"), ("?", "sign_in_failed")]
    assert not AuditLog.select().where(AuditLog.target.contains("demo-supervisor")).exists()


def test_inactive_staff_cannot_sign_in(db, ctx, clock):
    auth.create_staff(ctx, "yamada", "山田", "reception", "password-1")
    auth.update_staff(ctx, "yamada", active=False)
    with pytest.raises(RuleError) as err:
        auth.sign_in("yamada", "password-1", clock)
    assert err.value.code == "sign_in_failed"


def test_five_failures_lock_the_login_for_fifteen_minutes(db, clock):
    auth.create_demo_accounts(clock)
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(RuleError) as err:
            auth.sign_in("reception", "wrong-password", clock)
        assert err.value.code == "sign_in_failed"
        clock.advance(minutes=1)
    with pytest.raises(RuleError) as err:
        auth.sign_in("reception", "demo-reception", clock)  # right password, still locked
    assert err.value.code == "sign_in_locked" and "09:19" in err.value.message
    clock.set(dt.datetime(2027, 1, 4, 9, 19))
    assert auth.sign_in("reception", "demo-reception", clock).role == "reception"
    # a success resets the count
    with pytest.raises(RuleError) as err:
        auth.sign_in("reception", "wrong-password", clock)
    assert err.value.code == "sign_in_failed"


def test_demo_accounts_cover_every_role_and_are_idempotent(db, clock):
    made = auth.create_demo_accounts(clock)
    assert {login for login, _ in made} == {"admin", "supervisor", "reception", "counsellor"}
    assert auth.create_demo_accounts(clock) == []
    for login, _name, role, password in auth.DEMO_ACCOUNTS:
        assert auth.sign_in(login, password, clock).role == role


def test_new_accounts_are_validated(db, ctx):
    with pytest.raises(RuleError) as err:
        auth.create_staff(ctx, "ok", "名前", "reception", "short")
    assert err.value.code == "weak_password" and "8文字以上" in err.value.message
    with pytest.raises(RuleError) as err:
        auth.create_staff(ctx, "with space", "名前", "reception", "password-1")
    assert err.value.code == "invalid_login"
    with pytest.raises(RuleError) as err:
        auth.create_staff(ctx, "ok", "名前", "boss", "password-1")
    assert err.value.code == "invalid_choice"
    with pytest.raises(RuleError) as err:
        auth.create_staff(ctx, "ok", "名前", "reception", "password-1", office="nowhere")
    assert err.value.code == "unknown_office"
    auth.create_staff(ctx, "ok", "名前", "reception", "password-1")
    with pytest.raises(RuleError) as err:
        auth.create_staff(ctx, "OK", "別人", "counsellor", "password-2")
    assert err.value.code == "staff_exists"
    assert Staff.select().count() == 1


def test_the_last_administrator_cannot_be_removed_or_demoted(db, ctx, clock):
    auth.create_first_admin("boss", "管理者", "password-1", clock)
    for change in ({"active": False}, {"role": "supervisor"}):
        with pytest.raises(RuleError) as err:
            auth.update_staff(ctx, "boss", **change)
        assert err.value.code == "last_admin"
    auth.create_staff(ctx, "boss2", "管理者2", "admin", "password-2")
    auth.update_staff(ctx, "boss", role="supervisor")
    assert Staff.get(Staff.login == "boss").role == "supervisor"


def test_passwords_set_by_admin_and_changed_by_oneself(db, ctx, clock):
    auth.create_staff(ctx, "sato", "佐藤", "counsellor", "password-1")
    auth.set_password(ctx, "sato", "password-2")
    sato = Context(auth.sign_in("sato", "password-2", clock), clock)
    with pytest.raises(RuleError):
        auth.change_own_password(sato, "password-1", "password-3")
    auth.change_own_password(sato, "password-2", "password-3")
    assert auth.sign_in("sato", "password-3", clock).login == "sato"
    actions = [a.action for a in AuditLog.select().where(AuditLog.target == "sato")]
    assert actions == ["staff_create", "staff_password_set", "sign_in", "password_change", "sign_in"]
