"""The main window by role: supervisor tabs and the Administration menu; start-of-day duties;
restore from the menu; the session started by the app (idle lock, sign-in again after a restore)."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_support import finished
from PySide6.QtWidgets import QMessageBox

from consult_desk import auth, backup, booking, lifecycle, offices
from consult_desk.context import Actor, Context
from consult_desk.lifecycle import ActOptions
from consult_desk.models import AuditLog, Reservation
from consult_desk.ui.shell.main_window import MainWindow
from consult_desk.ui.supervisor import actions as supervisor_mod

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


def window_for(qtbot, db, role: str, clock) -> MainWindow:
    ctx = Context(Actor(f"{role}-1", role, role), clock)
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    return window


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def admin_actions(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == "administration_menu")
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


@pytest.mark.usefixtures("clean_settings", "japanese")
@pytest.mark.parametrize("role, tabs, menu", [
    ("reception", [], ["パスワードの変更(C)…"]),
    ("counsellor", [], ["パスワードの変更(C)…"]),
    ("supervisor", ["日次確認", "統計・レポート", "操作記録"],
     ["今すぐバックアップ(B)…", "バックアップから復元(R)…", "古い個人情報の匿名化(A)…", "パスワードの変更(C)…"]),
    ("admin", ["日次確認", "統計・レポート", "操作記録"],
     ["職員(S)…", "今すぐバックアップ(B)…", "バックアップから復元(R)…", "古い個人情報の匿名化(A)…",
      "会議サービスの設定（Zoom・Teams）(M)…", "パスワードの変更(C)…"]),
])
def test_tabs_and_menu_follow_the_role(db, make_office, clock, qtbot, role, tabs, menu):
    make_office("hellowork-kawagoe")
    window = window_for(qtbot, db, role, clock)
    titles = tab_titles(window)
    assert [t for t in titles if t in ("日次確認", "統計・レポート", "操作記録")] == tabs
    assert admin_actions(window) == menu
    for title, view in (("日次確認", "daily_review"), ("統計・レポート", "reports"), ("操作記録", "audit_view")):
        assert hasattr(window, view) == (title in tabs)


@pytest.mark.usefixtures("clean_settings", "japanese")
def test_start_of_day_backs_up_once_and_proposes_the_purge(db, ctx, make_office, make_request, clock, qtbot,
                                                          monkeypatch, db_path):
    hw = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(hw, WED))
    lifecycle.act(ctx, res.id, "refuse", ActOptions(note="対象外"))
    offices.update_config(ctx, hw, {"retention_days": 30})
    clock.set(T(2027, 3, 1, 8, 30))
    window = window_for(qtbot, db, "supervisor", clock)
    asked = []

    def answer(parent, title, text):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(supervisor_mod.QMessageBox, "question", answer)
    finished(qtbot, window.supervisor.start_of_day())  # the backup runs off the window's thread
    assert len(list((db_path.parent / "backups").glob("desk-daily-20270301-*.sqlite3"))) == 1
    qtbot.waitUntil(lambda: len(asked) == 1)  # the retention count runs off the window's thread too
    assert "1人・1件" in asked[0]
    qtbot.waitUntil(lambda: Reservation.get_by_id(res.id).applicant.anonymised_at is not None)
    finished(qtbot, window.supervisor.start_of_day())  # a second start the same day: no second backup, no question
    assert len(list((db_path.parent / "backups").glob("desk-daily-*.sqlite3"))) == 1 and len(asked) == 1


@pytest.mark.usefixtures("clean_settings")
def test_desk_staff_are_not_asked_about_purging(db, ctx, make_office, make_request, clock, qtbot, monkeypatch):
    hw = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(hw, WED))
    offices.update_config(ctx, hw, {"retention_days": 1})
    clock.set(T(2027, 3, 1, 8, 30))
    window = window_for(qtbot, db, "reception", clock)
    monkeypatch.setattr(supervisor_mod.QMessageBox, "question", lambda *a: pytest.fail("not for reception"))
    finished(qtbot, window.supervisor.start_of_day())
    assert AuditLog.select().where(AuditLog.action == "backup_auto").count() == 1


@pytest.mark.usefixtures("clean_settings")
def test_backup_and_restore_from_the_menu_then_sign_in_again(db, ctx, make_office, make_request, clock, qtbot,
                                                            monkeypatch, tmp_path):
    hw = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(hw, WED))
    window = window_for(qtbot, db, "supervisor", clock)
    saved = finished(qtbot, window.supervisor.back_up(tmp_path / "copy.sqlite3")).path
    booking.book(ctx, make_request(hw, WED + dt.timedelta(minutes=30), phone="080-1111-2222"))
    monkeypatch.setattr(supervisor_mod, "confirm", lambda *a: True)
    restored = []
    window.supervisor.restored.connect(lambda: restored.append(1))
    assert finished(qtbot, window.supervisor.restore(saved))
    assert Reservation.select().count() == 1 and restored == [1]
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(saved.read_bytes()[:5000])
    errors = []
    monkeypatch.setattr(supervisor_mod, "show_error", lambda parent, exc: errors.append(exc.code))
    assert finished(qtbot, window.supervisor.restore(damaged)) is False
    assert errors == ["restore_damaged"] and Reservation.select().count() == 1


@pytest.mark.usefixtures("clean_settings")
def test_the_app_session_locks_after_a_restore(db, make_office, clock, qtbot, monkeypatch):
    from consult_desk.ui.shell import app

    make_office("hellowork-kawagoe")
    auth.create_demo_accounts(clock)
    window = window_for(qtbot, db, "supervisor", clock)
    window.show()
    monkeypatch.setattr(supervisor_mod.QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    session = app.start_session(window, db.database)
    asked = []

    def ask(actor):
        asked.append(actor)
        return actor

    session.ask = ask
    window.supervisor.restored.emit()
    assert asked == [window.ctx.actor] and window.isVisible()
    assert session.lock.minutes == 10
    session.lock.stop()
    qtbot.waitUntil(lambda: bool(backup.list_backups()))  # the daily backup of the start, right after the first paint
