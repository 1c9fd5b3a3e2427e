"""Administration > Staff: the administrator adds and changes accounts through the dialogs."""

from __future__ import annotations

import pytest

from consult_desk import auth
from consult_desk.models import AuditLog, Staff
from consult_desk.ui.supervisor.staff_dialog import (
    OwnPasswordDialog,
    PasswordDialog,
    StaffDialog,
    StaffEditDialog,
)


@pytest.fixture
def admin_ctx(db, clock):
    from consult_desk.context import Context

    return Context(auth.create_first_admin("boss", "管理者", "password-0", clock), clock)


def test_add_edit_reset_and_deactivate(admin_ctx, clock, make_office, qtbot):
    make_office("hellowork-kawagoe")
    dialog = StaffDialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert [r.login for r in dialog.model.rows] == ["boss"]

    new = StaffEditDialog(admin_ctx, parent=dialog)
    new.login.setText("sato")
    new.name.setText("佐藤 花子")
    new.role.setCurrentIndex(new.role.findData("counsellor"))
    new.office.setCurrentIndex(new.office.findData("hellowork-kawagoe"))
    new.password.setText("password-1")
    new.repeat.setText("password-x")
    new.accept()
    assert new.message.text() == "確認用のパスワードが一致しません"
    new.repeat.setText("password-1")
    new.accept()
    dialog.refresh()
    assert [(r.login, r.role, r.office) for r in dialog.model.rows] == [
        ("boss", "admin", None), ("sato", "counsellor", "hellowork-kawagoe"),
    ]

    dialog.table.selectRow(1)
    edit = StaffEditDialog(admin_ctx, dialog.selected(), dialog)
    assert edit.login.isReadOnly()
    edit.role.setCurrentIndex(edit.role.findData("supervisor"))
    edit.accept()
    assert Staff.get(Staff.login == "sato").role == "supervisor"

    reset = PasswordDialog(admin_ctx, "sato", dialog)
    reset.password.setText("password-2")
    reset.repeat.setText("password-2")
    reset.accept()
    assert auth.sign_in("sato", "password-2", clock).role == "supervisor"

    dialog.refresh()
    dialog.table.selectRow(1)
    dialog.toggle_active()
    assert not Staff.get(Staff.login == "sato").active
    actions = [a.action for a in AuditLog.select().where(AuditLog.target == "sato")]
    assert actions == ["staff_create", "staff_update", "staff_password_set", "sign_in", "staff_update"]


@pytest.mark.usefixtures("japanese")
def test_the_last_administrator_stays(admin_ctx, qtbot):
    dialog = StaffDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.toggle_active()
    assert dialog.message.text() == "システム管理者が1人もいなくなるため、この変更はできません"
    assert Staff.get(Staff.login == "boss").active


def test_supervisors_do_not_get_the_list(db, clock, qtbot):
    from consult_desk.context import Actor, Context

    dialog = StaffDialog(Context(Actor("kanri", "管理", "supervisor"), clock))
    qtbot.addWidget(dialog)
    assert dialog.model.rows == [] and "権限" in dialog.message.text()


def test_own_password(admin_ctx, clock, qtbot):
    dialog = OwnPasswordDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.current.setText("wrong-one")
    dialog.password.setText("password-9")
    dialog.repeat.setText("password-9")
    dialog.accept()
    assert dialog.message.text() == "ログインIDまたはパスワードが違います"
    dialog.current.setText("password-0")
    dialog.accept()
    assert auth.sign_in("boss", "password-9", clock).login == "boss"


@pytest.mark.parametrize("make_dialog", [
    lambda ctx: PasswordDialog(ctx, "boss"),
    lambda ctx: OwnPasswordDialog(ctx),
], ids=["set", "own"])
def test_a_new_password_typed_differently_twice_is_refused(admin_ctx, clock, qtbot, make_dialog):
    dialog = make_dialog(admin_ctx)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == dialog.repeat.echoMode() == dialog.password.EchoMode.Password
    if isinstance(dialog, OwnPasswordDialog):
        dialog.current.setText("password-0")
    dialog.password.setText("password-7")
    dialog.repeat.setText("password-8")
    dialog.accept()
    assert dialog.message.text() == "確認用のパスワードが一致しません"
    assert auth.sign_in("boss", "password-0", clock).login == "boss"
