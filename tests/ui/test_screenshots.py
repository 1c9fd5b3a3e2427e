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


def save(widget, name: str, least: tuple[int, int] = (400, 200)) -> Path:
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / name
    assert widget.grab().save(str(path)), path
    image = QImage(str(path))
    assert image.width() >= least[0] and image.height() >= least[1]
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


def _demo_window(qtbot, db, size: tuple[int, int]) -> tuple[MainWindow, Context]:
    clock = FixedClock(dt.datetime.combine(WED, dt.time(9, 40)))
    create_office(Context(Actor("setup", "設定", "admin"), clock), OFFICE)
    create_office(Context(Actor("setup", "設定", "admin"), clock), "nishitokyo-childcare")
    add_demo_data(OFFICE, today=WED, days_back=3, days_ahead=7, now=clock.now())
    add_demo_data("nishitokyo-childcare", today=WED, days_back=3, days_ahead=7, now=clock.now())
    ctx = Context(Actor("uketsuke", "受付 花子", "supervisor"), clock)
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    window.resize(*logical(size))
    window.show()
    qtbot.waitExposed(window)
    return window, ctx


def logical(size: tuple[int, int]) -> tuple[int, int]:
    """A screen of ``size`` pixels in Qt's logical pixels (at QT_SCALE_FACTOR=1.5 a 1366×768 laptop is 911×512)."""
    import os

    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    return round(size[0] / scale), round(size[1] / scale)


def _suffix(lang: str, size: tuple[int, int]) -> str:
    """e.g. ``_ja_1366x768``; ``_150`` added when run with QT_SCALE_FACTOR=1.5 (by hand: the scale is per process)."""
    import os

    scale = os.environ.get("QT_SCALE_FACTOR", "")
    return f"_{lang}_{size[0]}x{size[1]}" + (f"_{int(float(scale) * 100)}" if scale and float(scale) != 1 else "")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots_of_the_busy_desk(qtbot, db, qapp, lang, size, tmp_path):
    """Issue 15 (1, 4, 5): the Today board, booking dialog, check-in after 不良, a file dialog, the
    manual and the supervisor's views at the office laptop's 1366×768 and at 1920×1080, in both languages."""
    from PySide6.QtCore import QSize, QTranslator

    from consult_desk.ui.session.checkin_dialog import CheckInDialog
    from consult_desk.ui.shell.app import install_translators
    from consult_desk.ui.widgets.file_dialogs import file_dialog

    left = qapp.findChildren(QTranslator)
    for translator in left:
        qapp.removeTranslator(translator)
    installed = install_translators(qapp, lang)
    try:
        window, ctx = _demo_window(qtbot, db, size)
        tag = _suffix(lang, size)
        window.tabs.setCurrentWidget(window.today)
        shots = [save(window, f"today{tag}.png")]
        plan = day_plan(ctx, OFFICE, WED)
        waiting = next(r for r in plan.reservations if r.status == "details_sent" and r.start.hour >= 10)
        window.open_reservation(waiting.id)
        window.tabs.setCurrentWidget(window.today)
        shots.append(save(window, f"today_panel{tag}.png"))
        for name in ("daily_review", "reports", "audit_view"):
            window.tabs.setCurrentWidget(getattr(window, name))
            shots.append(save(window, f"{name}{tag}.png"))

        start = next(s.start for s in day_plan(ctx, OFFICE, dt.date(2027, 1, 20)).slots if s.bookable)
        dialog = BookingDialog(ctx, OFFICE, window, start=start,
                               prefill={"name": "山田 花子", "kana": "やまだ はなこ", "phone": "０９０－１２３４－５６７８"})
        qtbot.addWidget(dialog)
        dialog.fit_to(QSize(*logical(size)))  # as on that laptop's screen
        dialog.show()
        qtbot.waitExposed(dialog)
        shots.append(save(dialog, f"booking{tag}.png"))
        screen = logical(size)
        assert dialog.width() <= screen[0] and dialog.height() <= screen[1] - 40, (dialog.size(), screen)
        assert dialog.editors["name"].width() >= 220  # a full name fits

        checkin = CheckInDialog(ctx, waiting.id, window)
        qtbot.addWidget(checkin)
        checkin.show()
        qtbot.waitExposed(checkin)
        checkin.test_failed.setChecked(True)
        QApplication.processEvents()
        assert checkin.test_ok.isVisible() and checkin.test_ok.height() >= checkin.test_ok.sizeHint().height()
        assert checkin.test_box.height() >= checkin.test_box.sizeHint().height()  # not an empty bar
        shots.append(save(checkin, f"checkin_failed{tag}.png", least=(400, 200)))

        files = file_dialog(window, "PDF", str(tmp_path / "review.pdf"), "PDF (*.pdf)", save=True)
        qtbot.addWidget(files)
        files.show()
        qtbot.waitExposed(files)
        shots.append(save(files, f"file_dialog{tag}.png"))

        browser = window.open_help("session.html")
        qtbot.waitExposed(browser)
        shots.append(save(browser, f"manual{tag}.png"))
        browser.close()
        assert all(p.stat().st_size > 10_000 for p in shots)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        for translator in left:
            qapp.installTranslator(translator)


@pytest.mark.usefixtures("clean_settings", "english")
def test_the_window_fits_a_1366_wide_screen_with_panel_and_dock(qtbot, db):
    """Issue 15 (1): no view, with the reservation panel and the callback dock open, needs more than
    1366 pixels (the filter bars of the reports and the audit log wrap)."""
    window, ctx = _demo_window(qtbot, db, (1366, 768))
    plan = day_plan(ctx, OFFICE, WED)
    window.open_reservation(plan.reservations[0].id)
    window.views()
    assert window.callback_queue.isVisible() and window.panel.isVisible()
    assert window.minimumSizeHint().width() <= 1366, [
        (type(window.tabs.widget(i)).__name__, window.tabs.widget(i).minimumSizeHint().width())
        for i in range(window.tabs.count())]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshots_of_every_dialog(qtbot, db, qapp, make_request, worker, memory_keyring, lang):
    """Issue 15 (1): each dialog a clerk or supervisor opens (tests/ui/dialog_catalogue.py), sized as on
    the 1366×768 laptop (at 150 % when run with QT_SCALE_FACTOR=1.5): ``dialog_<name>_<lang>_1366x768*.png``."""
    from dialog_catalogue import demo_desk as catalogue_desk
    from dialog_catalogue import dialogs, place, problems, ui_language
    from PySide6.QtCore import QSize


    with ui_language(qapp, lang):
        screen = logical((1366, 768))
        available = QSize(screen[0] - 11, screen[1] - 32)  # the taskbar, the title bar
        ctx, companion = catalogue_desk(make_request)
        tag = _suffix(lang, (1366, 768))
        found = []
        for name, make in dialogs(ctx, companion, worker):
            dialog = make()
            qtbot.addWidget(dialog)
            place(dialog, available)
            dialog.show()
            qtbot.waitExposed(dialog)
            if name == "purge":
                qtbot.waitUntil(lambda d=dialog: bool(d.count.text()))
            save(dialog, f"dialog_{name}{tag}.png", least=(200, 100))
            found += problems(dialog, available)
            dialog.close()
        assert found == [], "\n".join(found)
