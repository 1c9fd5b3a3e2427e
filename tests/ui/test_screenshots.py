"""Screenshots of the desk with demo data, for reviewers: ``screenshots/*.png`` at the repository root.

The demo office is Hello Work Kawagoe on Wednesday 13 January 2027, 09:40 (a fixed clock): the day
timeline with live sessions, the month, the booking dialog and the consent checklist, in Japanese.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from desk_support import WED
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication

from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.demo import add_demo_data
from consult_desk.offices import create_office
from consult_desk.schedule import day_plan
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings")

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
OFFICE = "hellowork-kawagoe"


def save(widget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / name
    assert widget.grab().save(str(path)), path
    image = QImage(str(path))
    assert image.width() >= 600 and image.height() >= 400
    return path


@pytest.mark.usefixtures("japanese")
def test_screenshots_of_the_desk_with_demo_data(qtbot, db):
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Japanese), "no Japanese font (fonts-ipafont-gothic)"
    clock = FixedClock(dt.datetime.combine(WED, dt.time(9, 40)))
    create_office(Context(Actor("setup", "設定", "admin"), clock), OFFICE)
    add_demo_data(OFFICE, today=WED, days_back=14, days_ahead=21, now=clock.now())
    ctx = Context(Actor("uketsuke", "受付 花子", "reception"), clock)

    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.show_calendar()
    plan = day_plan(ctx, OFFICE, WED)
    live = next(r for r in plan.reservations if r.status == "phone_callback")
    window.open_reservation(live.id)
    window.calendar.set_mode("month")
    month = save(window, "main_window_month.png")

    window.calendar.set_mode("day")
    window.calendar.reveal(live.id, WED)
    day = save(window, "main_window.png")

    start = next(s.start for s in day_plan(ctx, OFFICE, dt.date(2027, 1, 20)).slots if s.bookable)
    dialog = BookingDialog(ctx, OFFICE, window, start=start,
                           prefill={"name": "山田 花子", "kana": "やまだ はなこ", "phone": "０９０－１２３４－５６７８"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    booking_shot = save(dialog, "booking_dialog.png")

    consent = ConsentDialog(ctx, OFFICE, window, ["terms", "camera_mic", "no_recording"])
    qtbot.addWidget(consent)
    consent.show()
    qtbot.waitExposed(consent)
    consent_shot = save(consent, "consent_dialog.png")

    assert all(p.stat().st_size > 20_000 for p in (month, day, booking_shot, consent_shot))
