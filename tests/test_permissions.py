"""Roles are enforced in the services, not only by hiding buttons."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import consult_desk
from consult_desk import audit, auth, backup, booking, export, lifecycle, reports, retention
from consult_desk.context import ROLES, Actor, Context
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import AuditLog
from consult_desk.permissions import PERMISSIONS, can, require

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
PACKAGE = Path(consult_desk.__file__).parent


def as_role(role: str, clock) -> Context:
    return Context(Actor(f"user-{role}", role, role), clock)


@pytest.fixture
def no_show(hw, ctx, clock, make_request):
    res = booking.book(ctx, make_request(hw, WED))
    lifecycle.act(ctx, res.id, "confirm")
    clock.set(WED + dt.timedelta(minutes=11))
    lifecycle.act(ctx, res.id, "no-show", ActOptions(note="連絡なし"))
    return res.id


def operations(tmp_path, hw, reservation_id=None):
    """permission -> a service call that needs it (each writes a file or a row when allowed)."""
    day = dt.date(2027, 1, 13)
    return {
        "export_pii": lambda c: export.export_reservations(c, day, day, tmp_path / "pii.csv"),
        "review": lambda c: reports.daily_review(c, hw, day),
        "report": lambda c: reports.statistics(c, day, day),
        "audit_view": lambda c: audit.search(c),
        "purge": lambda c: retention.purge(c, before=dt.date(2027, 1, 1)),
        "backup": lambda c: backup.backup_to(c, tmp_path / "copy.sqlite3"),
        "restore": lambda c: backup.restore(c, tmp_path / "missing.sqlite3"),
        "manage_staff": lambda c: auth.create_staff(c, "newbie", "新人", "reception", "password-1"),
        "undo_no_show": lambda c: lifecycle.act(c, reservation_id, "undo-no-show", ActOptions(note="本人から連絡あり")),
    }


@pytest.mark.parametrize("role", ["reception", "counsellor"])
@pytest.mark.parametrize(
    "permission",
    ["export_pii", "review", "report", "audit_view", "purge", "backup", "restore", "manage_staff", "undo_no_show"],
)
def test_desk_roles_are_refused_and_nothing_is_written(role, permission, no_show, hw, clock, tmp_path):
    """Only supervisors undo a no-show, export personal data, purge... (000 第6条, 004 第5条, 第6条)."""
    before = AuditLog.select().count()
    call = operations(tmp_path, hw, no_show)[permission]
    with pytest.raises(RuleError) as err:
        call(as_role(role, clock))
    assert err.value.code == "permission"
    assert "権限がありません" in err.value.message and err.value.params["permission"] == permission
    assert AuditLog.select().count() == before
    assert list(tmp_path.glob("*.csv")) == [] and not (tmp_path / "copy.sqlite3").exists()
    assert lifecycle.get_reservation(no_show).status == "no_show"


@pytest.mark.parametrize(
    "permission", ["export_pii", "review", "report", "audit_view", "purge", "backup", "undo_no_show"]
)
def test_supervisors_may(permission, no_show, hw, clock, tmp_path):
    operations(tmp_path, hw, no_show)[permission](as_role("supervisor", clock))


def test_supervisors_do_not_manage_staff(db, clock, tmp_path, hw):
    with pytest.raises(RuleError) as err:
        operations(tmp_path, hw)["manage_staff"](as_role("supervisor", clock))
    assert err.value.code == "permission"


def test_reception_may_export_without_personal_data(hw, ctx, clock, make_request, tmp_path):
    booking.book(ctx, make_request(hw, WED))
    out = tmp_path / "masked.csv"
    result = export.export_reservations(as_role("reception", clock), WED.date(), WED.date(), out, mask_pii=True)
    assert result.rows == 1 and "***" in out.read_text(encoding="utf-8-sig")


def test_every_role_has_a_label_and_admin_can_do_everything():
    ctx = Context(Actor("a", "a", "admin"))
    assert all(can(ctx, p) for p in PERMISSIONS)
    assert set().union(*PERMISSIONS.values()) == set(ROLES)


def test_an_unknown_permission_is_refused_even_for_admin():
    with pytest.raises(RuleError):
        require(Context(Actor("a", "a", "admin")), "no-such-permission")


def _require_calls():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "require":
                if len(node.args) == 2:
                    yield path.relative_to(PACKAGE), node.args[1]


def _outcomes(node: ast.expr) -> list[str]:
    """The strings an argument can evaluate to: a literal, or either branch of ``a if cond else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _outcomes(node.body) + _outcomes(node.orelse)
    return []


def test_every_require_in_the_services_names_a_known_permission():
    """A typo in require(ctx, "...") would refuse everyone silently: each literal must be in the map."""
    found = []
    for where, arg in _require_calls():
        literals = _outcomes(arg)
        found += literals
        assert all(lit in PERMISSIONS for lit in literals), (where, literals)
    assert {"export_pii", "purge", "review", "report", "audit_view", "backup", "restore", "manage_staff"} <= set(found)
