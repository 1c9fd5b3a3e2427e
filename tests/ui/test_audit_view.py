"""Audit log tab (004 第5条): filters and export; the export itself shows up in the log."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from desk_support import finished
from PySide6.QtCore import QDate, Qt

from consult_desk import audit, booking
from consult_desk.context import Actor, Context
from consult_desk.export import export_reservations
from consult_desk.models import transaction
from consult_desk.ui.supervisor import audit_view
from consult_desk.ui.supervisor.audit_view import AuditView

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def logged(db, ctx, clock, make_office, make_request, tmp_path):
    hw = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(hw, WED))
    clock.set(T(2027, 1, 6, 9, 0))
    export_reservations(ctx, WED.date(), WED.date(), tmp_path / "a.csv")
    with transaction():
        audit.record(Context(Actor("sato", "佐藤", "supervisor"), clock), "pdf_daily_review", "x", 4)
    return hw


def make_view(qtbot, ctx):
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.date_from.setDate(QDate(2027, 1, 1))
    view.date_to.setDate(QDate(2027, 1, 31))
    return view


def actions(view) -> list[str]:
    """Oldest first, to read like the log (the view shows the newest on top)."""
    return [row.action for row in reversed(view.model.rows)]


@pytest.mark.usefixtures("japanese")
def test_filters(logged, ctx, qtbot):
    view = make_view(qtbot, ctx)
    assert actions(view) == ["office_create", "reservation.book", "export_csv_pii", "pdf_daily_review"]
    assert view.count_label.text() == "4件"
    booked = view.model.rowCount() - 2  # second oldest
    assert view.model.data(view.model.index(0, 2)) == "日次確認表のPDF保存"
    assert [view.model.data(view.model.index(booked, c)) for c in (2, 3, 5)] == ["予約：予約受付", "予約 1", "申込受付（申込フォーム）"]
    view.action.setCurrentIndex(view.action.findText("CSV出力"))
    assert actions(view) == ["export_csv_pii"]
    view.action.setCurrentIndex(view.action.findText("印刷・PDF"))
    assert actions(view) == ["pdf_daily_review"]
    view.action.setCurrentIndex(0)
    view.staff.setText("sato")
    view.refresh()  # typing refreshes after a pause; the test does not wait for it
    assert actions(view) == ["pdf_daily_review"]
    view.staff.clear()
    view.date_from.setDate(QDate(2027, 1, 5))
    assert actions(view) == ["export_csv_pii", "pdf_daily_review"]


def test_export_is_readable_and_audited(logged, ctx, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(audit_view.QMessageBox, "information", lambda *a: None)
    view = make_view(qtbot, ctx)
    view.encoding.setCurrentIndex(1)
    result = finished(qtbot, view.export_csv(tmp_path / "log.csv"))
    with (tmp_path / "log.csv").open(encoding="cp932", newline="") as fh:
        rows = list(csv.reader(fh))
    assert result.rows == 4 and [r[2] for r in rows[1:]][-1] == "pdf_daily_review"
    assert view.model.rows[0].action == "export_audit"  # refreshed: the export is on top of the log


def test_reception_cannot_read_the_log(logged, clock, qtbot):
    view = make_view(qtbot, Context(Actor("uketsuke", "受付", "reception"), clock))
    assert view.model.rows == [] and "権限" in view.count_label.text()


@pytest.mark.usefixtures("japanese")
def test_people_by_name_dates_in_the_desks_style_details_in_words(logged, ctx, qtbot):
    """Issue 15 (4): 佐藤 一郎, not "sato"; 2027年1月6日(水) 09:00:00, not 2027-01-06; 文字コード：…, not encoding=."""
    from consult_desk import auth
    from consult_desk.ui.widgets.format import forget_names

    auth.create_staff(ctx, "sato", "佐藤 一郎", "supervisor", "long-password-1")
    forget_names()
    view = make_view(qtbot, ctx)
    pdf = next(i for i, r in enumerate(view.model.rows) if r.action == "pdf_daily_review")
    assert [view.model.data(view.model.index(pdf, c)) for c in range(3)] == [
        "2027年1月6日(水) 09:00:00", "佐藤 一郎", "日次確認表のPDF保存"]
    export_row = next(i for i, r in enumerate(view.model.rows) if r.action == "export_csv_pii")
    detail = view.model.data(view.model.index(export_row, 5))
    assert detail.startswith("文字コード：UTF-8（BOM付き）　列：予約ID、") and "=" not in detail
    assert view.date_from.displayFormat() == "yyyy年M月d日(ddd)"


# ------------------------------------------------------------------ tamper evidence (issue 13)


def _tamper(sql: str, drop_triggers: bool = True) -> None:
    from consult_desk.models import DB

    with transaction():
        if drop_triggers:
            DB.execute_sql("DROP TRIGGER IF EXISTS audit_log_no_update")
            DB.execute_sql("DROP TRIGGER IF EXISTS audit_log_no_delete")
        if sql:
            DB.execute_sql(sql)


@pytest.mark.usefixtures("japanese")
def test_the_whole_chain_is_verified_on_demand_and_the_result_said_plainly(logged, ctx, qtbot):
    view = make_view(qtbot, ctx)
    assert view.verify_label.text() == ""
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    assert view.verify_label.text() == "操作記録の連鎖は正常です（4件を確認）"
    assert view.reinstall_button.isHidden()
    _tamper("UPDATE audit_log SET staff = 'nobody' WHERE action = 'export_csv_pii'")
    result = view.verify()
    text = view.verify_label.text()
    assert not result.ok and f"記録番号{result.first_bad}から" in text and "改ざん" in text and "トリガー" in text


@pytest.mark.usefixtures("japanese")
def test_the_administrator_reinstalls_the_triggers_after_reading(logged, ctx, qtbot, monkeypatch):
    supervisor = Context(Actor("sato", "佐藤", "supervisor"), ctx.clock)
    _tamper("")
    view = make_view(qtbot, supervisor)
    view.verify()
    assert "トリガー" in view.verify_label.text() and view.reinstall_button.isHidden()  # not for supervisors
    admin_view = make_view(qtbot, ctx)
    admin_view.verify()
    assert not admin_view.reinstall_button.isHidden()
    monkeypatch.setattr("consult_desk.ui.widgets.messages.confirm", lambda *a: True)
    result = admin_view.reinstall()
    assert result.ok and admin_view.verify_label.text().startswith("操作記録の連鎖は正常です")
    assert admin_view.reinstall_button.isHidden()
    assert actions(admin_view)[-1] == "audit_guard_reinstalled"


@pytest.mark.usefixtures("english")
def test_the_start_of_day_checks_the_newest_entries_and_tells_the_supervisor(logged, ctx, qtbot, db):
    from consult_desk.ui.shell.main_window import MainWindow

    supervisor = Context(Actor("sato", "Sato", "supervisor"), ctx.clock)
    window = MainWindow(supervisor, db_location=db.database)
    qtbot.addWidget(window)
    assert window.supervisor.check_audit_log().ok and getattr(window.supervisor, "audit_alert", None) is None
    _tamper("DELETE FROM audit_log WHERE action = 'pdf_daily_review'")  # the newest entry, gone
    result = window.supervisor.check_audit_log()
    box = window.supervisor.audit_alert
    assert not result.ok and box.isVisible() and box.objectName() == "audit_alert"
    assert "tampered" in box.text() and "triggers" in box.text()
    opener = next(b for b in box.buttons() if "audit log" in b.text().replace("&", ""))
    opener.click()
    assert window.tabs.currentWidget() is window.audit_view
    assert "tampered" in window.audit_view.verify_label.text()
    box.close()
