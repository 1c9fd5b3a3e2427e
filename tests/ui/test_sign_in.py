"""Sign-in at start, the first administrator, and the idle lock (clock driven by the test)."""

from __future__ import annotations

import pytest
from desk_support import Modals, activate, press
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow, QWidget

from consult_desk import auth
from consult_desk.context import Actor, Context
from consult_desk.models import AuditLog
from consult_desk.ui.shell.sign_in_dialog import (
    DeskSession,
    FirstAdminDialog,
    IdleLock,
    SignInDialog,
    sign_in_at_start,
)


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def accounts(db, clock):
    auth.create_demo_accounts(clock)


@pytest.mark.usefixtures("clean_settings", "japanese")
def test_wrong_password_keeps_the_dialog_with_a_sentence(accounts, clock, qtbot):
    dialog = SignInDialog(clock)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "ログイン"
    assert "\nsupervisor / demo-supervisor\n" in dialog.findChild(type(dialog.message), "demo_hint").text()
    dialog.login.setText("supervisor")
    dialog.password.setText("wrong-password")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.actor is None
    assert dialog.message.text() == "ログインIDまたはパスワードが違います" and dialog.password.text() == ""
    dialog.password.setText("demo-supervisor")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == Actor("supervisor", "管理 監督(デモ)", "supervisor")
    again = SignInDialog(clock)  # neither the last login nor the password is prefilled (issue 15, 5)
    qtbot.addWidget(again)
    assert again.login.text() == "" and again.password.text() == ""
    assert again.focusWidget() in (None, again.login)
    locked = SignInDialog(clock, locked_for=Actor("reception", "受付 花子", "reception"), reason="lock")
    qtbot.addWidget(locked)
    assert locked.login.text() == ""  # a supervisor taking over is not signed in as the clerk by mistake


@pytest.mark.usefixtures("clean_settings")
def test_no_demo_hint_on_a_real_database(db, ctx, clock, qtbot):
    auth.create_staff(ctx, "yamada", "山田", "reception", "password-1")
    dialog = SignInDialog(clock)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.message), "demo_hint") is None


@pytest.mark.usefixtures("clean_settings")
def test_first_start_creates_the_administrator(db, clock, qtbot):
    def fill(dialog):
        assert isinstance(dialog, FirstAdminDialog)
        dialog.name.setText("管理 太郎")
        dialog.password.setText("long-enough-1")
        dialog.repeat.setText("long-enough-2")
        dialog.accept()
        assert dialog.message.text() == "確認用のパスワードが一致しません"
        dialog.repeat.setText("long-enough-1")
        dialog.accept()

    modals = Modals(fill)
    actor = sign_in_at_start(clock)
    modals.stop()
    assert actor == Actor("admin", "管理 太郎", "admin")
    assert not auth.needs_first_admin()


@pytest.mark.usefixtures("clean_settings")
def test_sign_in_at_start_asks_for_a_sign_in_once_staff_exist(accounts, clock, qtbot):
    def fill(dialog):
        assert isinstance(dialog, SignInDialog)
        dialog.login.setText("reception")
        dialog.password.setText("demo-reception")
        dialog.accept()

    modals = Modals(fill)
    assert sign_in_at_start(clock).role == "reception"
    modals.stop()
    modals = Modals(lambda dialog: dialog.reject())
    assert sign_in_at_start(clock) is None
    modals.stop()


def test_idle_lock_fires_once_after_the_office_time_and_input_resets_it(qtbot):
    now = FakeTime()
    lock = IdleLock(10, now=now, interval_ms=10)
    target = QMainWindow()
    qtbot.addWidget(target)
    lock.start()
    fired = []
    lock.locked.connect(lambda: fired.append(now()))
    now.t += 9 * 60
    lock.check()
    assert fired == []
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    now.t += 9 * 60  # 18 minutes in all, but only 9 since the key press
    lock.check()
    assert fired == []
    now.t += 60
    with qtbot.waitSignal(lock.locked, timeout=2000):  # the timer notices by itself
        pass
    assert len(fired) == 1
    now.t += 3600
    lock.check()
    assert len(fired) == 1  # locked once until resumed
    lock.resume()
    assert lock.idle_seconds() == 0
    lock.stop()


def _window(ctx: Context, office: str = "") -> QMainWindow:
    window = QMainWindow()
    window.ctx = ctx
    window.office = office
    return window


def test_the_desk_locks_hides_the_window_and_the_same_person_gets_it_back(accounts, make_office, clock, qtbot):
    office = make_office("hellowork-kawagoe")
    ctx = Context(Actor("reception", "受付", "reception"), clock)
    window = _window(ctx, office)
    qtbot.addWidget(window)
    window.show()
    asked = []

    def ask(actor):
        cover = window.findChild(QWidget, "lock_cover")
        asked.append((actor, cover is not None and cover.isVisible() and cover.geometry() == window.rect()))
        return actor

    now = FakeTime()
    session = DeskSession(ctx, window, make_window=lambda c: pytest.fail("same person: no new window"), now=now, ask=ask)
    assert session.lock.minutes == 10  # the office's idle_lock_minutes
    now.t += 10 * 60
    session.lock.check()
    assert asked == [(ctx.actor, True)]  # covered while the sign-in is asked
    assert window.isVisible() and session.window is window
    qtbot.waitUntil(lambda: window.findChild(QWidget, "lock_cover") is None)
    assert AuditLog.select().where(AuditLog.action == "lock", AuditLog.staff == "reception").count() == 1
    session.lock.stop()


def test_another_person_gets_a_new_window_for_their_role(accounts, clock, qtbot):
    ctx = Context(Actor("reception", "受付", "reception"), clock)
    window = _window(ctx)
    qtbot.addWidget(window)
    window.show()
    made = []

    def make(new_ctx):
        new = _window(new_ctx)
        qtbot.addWidget(new)
        new.show()
        made.append(new)
        return new

    left_open = QDialog(window)  # the previous person's dialog closes unsaved
    left_open.show()
    supervisor = Actor("supervisor", "管理 監督(デモ)", "supervisor")
    session = DeskSession(ctx, window, make, ask=lambda actor: supervisor)
    session.lock_now()
    assert session.ctx.actor == supervisor and session.window is made[0] and made[0].ctx.actor == supervisor
    assert not window.isVisible() and made[0].isVisible()
    assert not left_open.isVisible() and left_open.result() == QDialog.DialogCode.Rejected
    session.lock.stop()


def test_quit_from_the_lock_closes_the_window(accounts, clock, qtbot, monkeypatch):
    ctx = Context(Actor("reception", "受付", "reception"), clock)
    window = _window(ctx)
    qtbot.addWidget(window)
    window.show()
    quits = []
    monkeypatch.setattr("consult_desk.ui.shell.sign_in_dialog.QApplication.quit", lambda: quits.append(1))
    session = DeskSession(ctx, window, lambda c: pytest.fail("no new window"), ask=lambda actor: None)
    session.lock_now()
    assert quits == [1] and not window.isVisible()
    session.lock.stop()


def test_what_was_being_typed_survives_the_lock(accounts, clock, qtbot):
    """A clerk called away mid-booking: the dialog is covered, not closed, and comes back as it was."""
    ctx = Context(Actor("reception", "受付", "reception"), clock)
    window = _window(ctx)
    qtbot.addWidget(window)
    window.show()
    dialog = QDialog(window)
    field = QLineEdit("山田 花子", dialog)
    dialog.show()
    covered = []

    def ask(actor):
        covered.append(dialog.findChild(QWidget, "lock_cover").isVisible())
        return actor

    session = DeskSession(ctx, window, lambda c: pytest.fail("same person"), ask=ask)
    session.lock_now()
    assert covered == [True] and dialog.isVisible() and field.text() == "山田 花子"
    session.lock.stop()


def test_lock_and_sign_out_from_the_file_menu_keep_the_window(accounts, make_office, clock, qtbot):
    """Issue 15 (5): File → ロック (Ctrl+L) asks for the password and keeps the window; File →
    サインアウト lets the next person sign in, closes what the last one had open, audits both."""
    from consult_desk.ui.shell.main_window import MainWindow

    make_office("hellowork-kawagoe")
    ctx = Context(Actor("reception", "受付 花子", "reception"), clock)
    window = MainWindow(ctx, db_location=":memory:")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    made = []

    def make(new_ctx):
        new = MainWindow(new_ctx, db_location=":memory:")
        qtbot.addWidget(new)
        new.show()
        made.append(new)
        return new

    asked = []

    def ask(actor, reason="idle"):
        asked.append((actor.login, reason, window.findChild(QWidget, "lock_cover") is not None))
        return actor

    session = DeskSession(ctx, window, make, ask=ask)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("reception", "lock", True)] and session.window is window and window.isVisible()
    assert AuditLog.select().where(AuditLog.action == "lock").count() == 1

    left_open = QDialog(window)
    left_open.show()
    supervisor = Actor("supervisor", "管理 監督(デモ)", "supervisor")
    session.ask = lambda actor, reason="idle": asked.append((actor.login, reason, left_open.isVisible())) or supervisor
    window.sign_out_action.trigger()
    assert asked[-1] == ("reception", "sign_out", False)  # the clerk's dialog closed before the sign-in
    assert session.window is made[0] and made[0].ctx.actor == supervisor and made[0].isVisible()
    assert AuditLog.select().where(AuditLog.action == "sign_out", AuditLog.staff == "reception").count() == 1
    session.lock.stop()


@pytest.mark.usefixtures("clean_settings")
def test_idle_lock_time_is_configurable_per_desk_but_never_longer_than_the_office(accounts, make_office, clock, qtbot):
    """File → Settings: ロックまでの時間. 3 minutes locks after 3; 60 stays at the office's 10."""
    from consult_desk.ui.shell.settings_dialog import SettingsDialog

    office = make_office("hellowork-kawagoe")
    ctx = Context(Actor("reception", "受付", "reception"), clock)
    window = _window(ctx, office)
    qtbot.addWidget(window)
    now = FakeTime()
    session = DeskSession(ctx, window, lambda c: pytest.fail("same"), now=now, ask=lambda actor: actor)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(3)
    dialog.accept()
    session.settings_changed()
    assert session.lock.minutes == 3
    locked = []
    session.lock.locked.connect(lambda: locked.append(1))
    now.t += 3 * 60
    session.lock.check()
    assert locked == [1]
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    assert again.idle.value() == 3
    again.idle.setValue(60)
    again.accept()
    session.settings_changed()
    assert session.lock.minutes == 10
    session.lock.stop()
