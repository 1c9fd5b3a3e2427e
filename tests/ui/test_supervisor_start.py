"""The whole start as staff see it: run_window asks for the sign-in, the supervisor gets the review,
prints the day to PDF; the day's automatic backup was taken; everything is in the audit log."""

from __future__ import annotations

import datetime as dt

from desk_support import Modals
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from consult_desk import auth, booking
from consult_desk.clock import FixedClock
from consult_desk.context import Context
from consult_desk.models import DB, AuditLog, open_database
from consult_desk.models.schema import ensure_schema
from consult_desk.offices import create_office, get_config
from consult_desk.ui.shell.app import run_window
from consult_desk.ui.shell.main_window import MainWindow


def test_sign_in_review_and_print_the_day(tmp_path, qapp, clean_settings, make_request, ctx):  # noqa: F811
    target = tmp_path / "desk.sqlite3"
    open_database(target)
    ensure_schema()
    office = create_office(ctx, "hellowork-kawagoe").code
    today = dt.date.today()
    booker = Context(ctx.actor, FixedClock(dt.datetime.combine(today - dt.timedelta(days=30), dt.time(9, 0))))
    day = next(today + dt.timedelta(days=n) for n in range(0, 14)
               if get_config(office).calendar.is_business_day(today + dt.timedelta(days=n)))
    booking.book(booker, make_request(office, dt.datetime.combine(day, dt.time(10, 0))))
    auth.create_demo_accounts()
    DB.close()

    seen: dict[str, object] = {}

    def sign_in(dialog):
        dialog.login.setText("supervisor")
        dialog.password.setText("demo-supervisor")
        dialog.accept()

    modals = Modals(sign_in)

    def look() -> None:
        # the window's frame shows first (before the sign-in); its views once it is filled
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible() and w.filled]
        if not windows:
            return
        poll.stop()
        window = windows[0]
        seen["actor"] = window.ctx.actor.login
        seen["tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        window.daily_review.set_day(day)
        seen["sessions"] = window.daily_review.model.rowCount()
        window.daily_review.save_pdf(tmp_path / "day.pdf")  # written off the window's thread
        seen["pdf"] = tmp_path / "day.pdf"
        window.close()  # run_window waits for the operations under way before it returns

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(look)
    poll.start()
    try:
        assert run_window(str(target)) == 0
    finally:
        poll.stop()
        modals.stop()
        for translator in qapp.findChildren(QTranslator):  # run_window installed the Japanese ones
            qapp.removeTranslator(translator)
    assert seen["actor"] == "supervisor" and seen["sessions"] == 1
    assert {"日次確認", "統計・レポート", "操作記録"} <= set(seen["tabs"])  # Japanese by default
    assert seen["pdf"].read_bytes().startswith(b"%PDF")
    assert len(list((tmp_path / "backups").glob("desk-daily-*.sqlite3"))) == 1
    actions = [a.action for a in AuditLog.select().where(AuditLog.staff == "supervisor").order_by(AuditLog.id)]
    # the daily backup and the PDF both run off the window's thread: either may be stored first
    assert actions[:2] == ["staff_create", "sign_in"] and sorted(actions[2:]) == ["backup_auto", "pdf_daily_review"]
    DB.close()
