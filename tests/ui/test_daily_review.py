"""The supervisor's day review: table, summary, A4 PDF in Japanese, print, all audited."""

from __future__ import annotations

import datetime as dt

import pytest
from action_helpers import send_details
from desk_support import finished
from PySide6.QtWidgets import QDialog

from consult_desk import booking, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.lifecycle import ActOptions
from consult_desk.models import AuditLog
from consult_desk.ui.supervisor import daily_review
from consult_desk.ui.supervisor.daily_review import (
    DailyReviewView,
    ReviewDocument,
    japanese_font,
    save_review_pdf,
)

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


@pytest.fixture
def day(db, ctx, clock, make_office, make_request):
    """Wednesday at Hello Work: one session running into a phone callback, one no-show, one still to come."""
    hw = make_office("hellowork-kawagoe")
    ids = []
    for i, start in enumerate((WED, WED + dt.timedelta(minutes=30), WED + dt.timedelta(hours=4))):
        res = booking.book(ctx, make_request(hw, start, phone=f"080-2000-{i:04d}"))
        lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="email"))
        ids.append(res.id)
    send_details(ctx, ids[0])
    clock.set(WED - dt.timedelta(minutes=5))
    lifecycle.act(ctx, ids[0], "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(WED)
    lifecycle.act(ctx, ids[0], "start")
    lifecycle.act(ctx, ids[0], "connection-failed", ActOptions(note="切断"))
    clock.set(WED + dt.timedelta(minutes=41))
    lifecycle.act(ctx, ids[1], "no-show", ActOptions(note="連絡なし"))
    return hw, ids


@pytest.fixture
def supervisor(clock):
    return Context(Actor("kanri", "管理 花子", "supervisor"), clock)


def make_view(qtbot, ctx, office):
    view = DailyReviewView(ctx)
    qtbot.addWidget(view)
    view.set_day(WED.date())
    view.set_office(office)
    return view


@pytest.mark.usefixtures("japanese")
def test_the_view_shows_the_day_and_what_needs_doing(day, supervisor, qtbot):
    hw, ids = day
    view = make_view(qtbot, supervisor, hw)
    assert view.title.text() == "ハローワーク川越　2027年1月13日(水)"
    assert view.model.rowCount() == 3
    assert [view.model.data(view.model.index(r, 2)) for r in range(3)] == ["電話折返し", "無断キャンセル", "予約確定"]
    assert view.model.data(view.model.index(0, 6)) == "未完了（架電0回）"
    summary = view.summary.text()
    assert "未完了の電話折返し：1件" in summary and "無断キャンセル：1件" in summary
    attention = view.attention.toPlainText()
    assert "080-2000-0000" in attention and "接続案内の送付期限（本日・期限切れ）：1件" in attention
    view.all_offices.setChecked(True)
    assert view.title.text().startswith("全事業所")


@pytest.mark.usefixtures("japanese")
def test_pdf_is_a4_japanese_non_trivial_and_audited(day, supervisor, qtbot, tmp_path):
    hw, _ = day
    view = make_view(qtbot, supervisor, hw)
    out = finished(qtbot, view.save_pdf(tmp_path / "day.pdf"))
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    family = japanese_font().family().replace(" ", "")
    assert family.encode() in data  # the Japanese font is embedded, not empty boxes
    assert b"/MediaBox [0 0 595" in data  # A4 portrait: 595 x 842 points
    row = AuditLog.select().where(AuditLog.action == "pdf_daily_review").get()
    assert (row.staff, row.target, row.count) == ("kanri", f"{hw} 2027-01-13 -> day.pdf", 3)
    html = ReviewDocument(view.review).html()
    assert "日次確認 — ハローワーク川越" in html and "2027年1月13日(水)" in html
    assert "個人情報を含みます" in html and "管理 花子 印刷" in html


def test_printing_goes_through_the_print_dialog_and_is_audited(day, supervisor, qtbot, tmp_path, monkeypatch):
    hw, _ = day
    view = make_view(qtbot, supervisor, hw)
    out = tmp_path / "printed.pdf"

    def pdf_printer(printer=None):
        printer = daily_review.QPrinter(daily_review.QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(daily_review.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(daily_review, "a4_printer", pdf_printer)
    monkeypatch.setattr(daily_review.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    view.print_dialog()
    assert out.read_bytes().startswith(b"%PDF")
    assert AuditLog.select().where(AuditLog.action == "print_daily_review").count() == 1
    monkeypatch.setattr(daily_review.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    view.print_dialog()  # cancelled: nothing printed, nothing recorded
    assert AuditLog.select().where(AuditLog.action == "print_daily_review").count() == 1


@pytest.mark.usefixtures("japanese")
def test_reception_is_told_instead_of_shown(day, clock, qtbot):
    hw, _ = day
    view = make_view(qtbot, Context(Actor("uketsuke", "受付", "reception"), clock), hw)
    assert view.model.rowCount() == 0 and "権限がありません" in view.summary.text()
    assert view.save_pdf(view.default_pdf_name()) is None


def test_pdf_of_an_empty_day(db, supervisor, make_office, tmp_path, qtbot):
    hw = make_office("nishitokyo-childcare")
    view = make_view(qtbot, supervisor, hw)
    assert save_review_pdf(view.review, tmp_path / "empty.pdf").read_bytes().startswith(b"%PDF")
