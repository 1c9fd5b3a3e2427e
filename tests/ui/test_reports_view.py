"""Reports tab: statistics table and chart, CSV for Excel, reservations with chosen columns."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from desk_support import finished
from PySide6.QtCore import QDate, Qt

from consult_desk import booking, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.models import AuditLog
from consult_desk.ui.supervisor import reports_view
from consult_desk.ui.supervisor.reports_view import ColumnsDialog, ReportsView

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def january(db, ctx, clock, make_office, make_request):
    hw = make_office("hellowork-kawagoe")
    done = booking.book(ctx, make_request(hw, WED, name="髙橋 𠮷子"))
    cancelled = booking.book(ctx, make_request(hw, WED + dt.timedelta(minutes=30), phone="080-1111-2222"))
    lifecycle.act(ctx, done.id, "confirm")
    lifecycle.cancel(ctx, cancelled.id, "phone")
    clock.set(WED - dt.timedelta(minutes=5))
    lifecycle.act(ctx, done.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(WED)
    lifecycle.act(ctx, done.id, "start")
    clock.set(WED + dt.timedelta(minutes=30))
    lifecycle.act(ctx, done.id, "complete")
    return hw


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(reports_view.QMessageBox, "information", lambda *a: shown.append(("info", a[2])))
    monkeypatch.setattr(reports_view.QMessageBox, "warning", lambda *a: shown.append(("warning", a[2])))
    return shown


def make_view(qtbot, ctx, office):
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.date_edit.setDate(QDate(2027, 1, 13))
    finished(qtbot, view.set_office(office) or view.op)  # counted off the window's thread
    return view


@pytest.mark.usefixtures("japanese")
def test_month_table_and_chart(january, ctx, qtbot):
    view = make_view(qtbot, ctx, january)
    model = view.model
    total = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert total[:4] == ["合計", "合計", "2", "2"] and total[4] == "1" and total[6] == "1"
    assert total[-1] == "30.0"
    sections = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert sections == {"合計", "事業所", "相談員", "プラットフォーム", "日"}
    seat = next(model.data(model.index(r, 1)) for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "相談員")
    assert seat == "席1（相談員未割当）"
    assert view.chart.title == "状態別の予約数"
    assert [(label, value) for label, value, _ in view.chart.bars] == [("終了", 1.0), ("キャンセル", 1.0)]
    view.chart_kind.setCurrentIndex(1)
    assert view.chart.bars == [("01-13", 2.0, "#90caf9")]
    view.resize(900, 600)
    view.show()
    assert not view.chart.grab().isNull()  # painted with QPainter
    view.period.setCurrentIndex(1)  # one day
    finished(qtbot, view.op)
    # one date style everywhere (issue 15, 4)
    assert view.date_edit.displayFormat() == "yyyy年M月d日(ddd)" and model.data(model.index(0, 3)) == "2"


def test_statistics_csv_in_both_encodings(january, ctx, qtbot, tmp_path, messages):
    view = make_view(qtbot, ctx, january)
    for index, encoding in enumerate(("utf-8-sig", "cp932")):
        view.encoding.setCurrentIndex(index)
        out = tmp_path / f"stats-{encoding}.csv"
        result = finished(qtbot, view.export_statistics(out))
        with out.open(encoding=encoding, newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][0] == "区分" and rows[1][0] == "合計" and result.encoding == encoding
    assert [kind for kind, _ in messages] == ["info", "info"]
    assert AuditLog.select().where(AuditLog.action == "export_statistics").count() == 2


def test_reservations_csv_reports_what_cp932_cannot_hold(january, ctx, qtbot, tmp_path, messages):
    view = make_view(qtbot, ctx, january)
    view.encoding.setCurrentIndex(1)
    out = tmp_path / "rows.csv"
    result = finished(qtbot, view.export_reservations(out, columns=["id", "date", "start", "status", "name"], mask=False))
    assert result.rows == 2 and [p["char"] for p in result.unencodable] == ["𠮷"]
    assert messages[0][0] == "warning" and "𠮷 (U+20BB7)" in messages[0][1]
    with out.open(encoding="cp932", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["予約ID", "日付", "開始", "状態", "氏名"] and rows[1][4] == "髙橋 〓子"


def test_reception_may_pick_only_columns_without_personal_data(january, clock, qtbot):
    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    dialog = ColumnsDialog(clerk)
    qtbot.addWidget(dialog)
    items = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole): dialog.list.item(i) for i in range(dialog.list.count())}
    assert not items["phone"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "phone" not in dialog.columns() and "name" not in dialog.columns() and "status" in dialog.columns()
    assert dialog.mask_box.isChecked() and not dialog.mask_box.isEnabled()


def test_reception_does_not_see_statistics(january, clock, qtbot):
    view = make_view(qtbot, Context(Actor("uketsuke", "受付", "reception"), clock), january)
    assert view.stats is None and view.model.rowCount() == 0 and view.chart.bars == []


def test_a_refused_export_is_shown_not_written(january, clock, qtbot, tmp_path, monkeypatch, messages):
    shown = []
    monkeypatch.setattr(reports_view, "show_error", lambda parent, exc: shown.append(exc.code))
    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    view = make_view(qtbot, clerk, january)
    assert finished(qtbot, view.export_reservations(tmp_path / "x.csv", columns=["id", "phone"], mask=False)) is None
    assert shown == ["permission"] and not (tmp_path / "x.csv").exists()
    assert finished(qtbot, view.export_reservations(tmp_path / "y.csv", columns=["id", "phone"], mask=True)).rows == 2
