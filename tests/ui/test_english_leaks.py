"""Issue 15 (4): no Japanese inside the English window or command line, save the applicants' own data.

The window opens in English on three demo offices (Hello Work Kawagoe, Nishitokyo, Funabashi: three
platforms, choice fields, group events); every tab is built and every widget, table cell and header
walked (:mod:`leak_scan`); then the main dialogs. The command line's ``--help`` of every command and
a few commands' plain output are read the same way. What may stay Japanese is listed in
:mod:`leak_scan` by column, form row or widget: names and readings, addresses, notes, the terms text.
"""

from __future__ import annotations

import argparse
import datetime as dt

import pytest
from desk_support import WED
from leak_scan import japanese, leaks, personal_values
from PySide6.QtWidgets import QApplication, QWidget

from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.demo import add_demo_data
from consult_desk.offices import create_office
from consult_desk.schedule import day_plan
from consult_desk.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("clean_settings", "english")

OFFICES = ("hellowork-kawagoe", "nishitokyo-childcare", "funabashi-kosodate")


def _window(qtbot, db) -> tuple[MainWindow, Context]:
    clock = FixedClock(dt.datetime.combine(WED, dt.time(9, 40)))
    admin = Context(Actor("setup", "Setup", "admin"), clock)
    for office in OFFICES:
        create_office(admin, office)
        add_demo_data(office, today=WED, days_back=3, days_ahead=7, now=clock.now())
    ctx = Context(Actor("uketsuke", "Hanako Uketsuke", "admin"), clock)
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window, ctx


def _scan(widget: QWidget, label: str) -> list[str]:
    QApplication.processEvents()
    return [f"{label}: {leak}" for leak in leaks(widget, personal_values())]


def test_every_tab_of_the_english_window(qtbot, db):
    window, ctx = _window(qtbot, db)
    found = []
    for office in OFFICES:
        window.selection.set_office(office)
        window.open_reservation(day_plan(ctx, office, WED).reservations[0].id)
        for i in range(window.tabs.count()):  # every view built and shown once
            window.tabs.setCurrentIndex(i)
            QApplication.processEvents()
        window.calendar.set_mode("month")
        found += _scan(window, f"{office} (month)")
        window.calendar.set_mode("day")
        found += _scan(window, f"{office} (day)")
    assert window.tabs.count() >= 7  # today, calendar, search, outbox, review, reports, audit, loans
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_main_dialogs_in_english(qtbot, db):
    from consult_desk.ui.desk.booking_dialog import BookingDialog
    from consult_desk.ui.desk.consent_dialog import ConsentDialog
    from consult_desk.ui.desk.credentials_widget import ReissueDialog
    from consult_desk.ui.mail.mail_preview_dialog import MailPreviewDialog
    from consult_desk.ui.mail.smtp_settings_dialog import SmtpSettingsDialog
    from consult_desk.ui.session.callback_panel import CallbackPanel
    from consult_desk.ui.session.checkin_dialog import CheckInDialog
    from consult_desk.ui.session.terminate_dialog import TerminateDialog
    from consult_desk.ui.shell.first_start import OfficeSetupDialog
    from consult_desk.ui.shell.settings_dialog import SettingsDialog
    from consult_desk.ui.supervisor.meetings_dialog import MeetingsDialog
    from consult_desk.ui.supervisor.staff_dialog import StaffDialog, StaffEditDialog

    window, ctx = _window(qtbot, db)
    found = []
    for office in OFFICES:
        plan = day_plan(ctx, office, WED)
        later = [r for r in plan.reservations if r.status in ("details_sent", "confirmed")]
        callbacks = [r for r in plan.reservations if r.status == "phone_callback"]
        start = next(s.start for s in day_plan(ctx, office, dt.date(2027, 1, 20)).slots if s.bookable)
        booking = BookingDialog(ctx, office, window, start=start)
        dialogs: list[QWidget] = [
            booking,
            ConsentDialog(ctx, office, window),
            SmtpSettingsDialog(ctx, office, window),
            MeetingsDialog(ctx, office, window),
        ]
        for channel in range(booking.channel_box.count()):  # each channel's hints
            booking.channel_box.setCurrentIndex(channel)
            found += _scan(booking, f"{office} booking, channel {channel}")
        if later:
            res = later[0].id
            dialogs += [CheckInDialog(ctx, res, window), TerminateDialog(ctx, res, window),
                        MailPreviewDialog(ctx, res, parent=window), ReissueDialog(ctx, res, booking.config, window)]
        if callbacks:
            dialogs.append(CallbackPanel(ctx, callbacks[0].id, window))
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            found += _scan(dialog, f"{office} {type(dialog).__name__}")
            dialog.close()
    for dialog in (SettingsDialog(window), StaffDialog(ctx, window), StaffEditDialog(ctx, parent=window),
                   OfficeSetupDialog(ctx, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        found += _scan(dialog, type(dialog).__name__)
        dialog.close()
    assert not found, "\n".join(dict.fromkeys(found))


# ------------------------------------------------------------------ the command line


def _subparsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _subparsers(sub, (*path, name))


def test_the_command_line_help_follows_the_language(monkeypatch):
    """``--help`` of each command in English has no Japanese; in Japanese it is translated."""
    from consult_desk import cli
    from consult_desk.errors import set_language

    helps = {}
    for lang in ("en", "ja"):
        set_language(lang)
        helps[lang] = {path: sub.format_help() for path, sub in _subparsers(cli.build_parser())}
    set_language("en")
    assert len(helps["en"]) > 30
    leaked = [f"{' '.join(p) or 'consult-desk'}: {line}" for p, text in helps["en"].items()
              for line in text.splitlines() if japanese(line)]
    assert not leaked, "\n".join(leaked)
    assert "予約枠を予約する" in helps["ja"][()]  # `book`, as the Japanese list of commands says it

    # the language is picked before the parser is built: --lang, then CONSULT_DESK_LANG
    monkeypatch.setenv("CONSULT_DESK_LANG", "ja")
    assert cli._language(["--lang", "en", "book", "--help"]) == "en"
    assert cli._language(["--lang=en"]) == "en"
    assert cli._language(["book", "--help"]) == "ja"


# Plain output is ``key=value`` pairs; these keys hold personal data, or the Japanese values a
# choice field takes (typed as they are: ``--field residence=船橋市在住``).
CLI_DATA_KEYS = ("name", "kana", "example", "choices", "eligible")


def _without_data(line: str) -> str:
    return "  ".join(part for part in line.split("  ") if part.partition("=")[0] not in CLI_DATA_KEYS)


def test_the_command_line_speaks_english(db, capsys, monkeypatch):
    """A few commands' plain (not --json) output in English: offices, fields, slots on a holiday,
    the board and a booking refused on a holiday (``office`` prints the configuration, a Japanese document)."""
    from consult_desk import cli

    clock = FixedClock(dt.datetime.combine(WED, dt.time(9, 40)))
    admin = Context(Actor("setup", "Setup", "admin"), clock)
    for office in ("funabashi-kosodate", "hellowork-kawagoe"):
        create_office(admin, office)
    add_demo_data("funabashi-kosodate", today=WED, days_back=1, days_ahead=2, now=clock.now())
    monkeypatch.setenv("CONSULT_DESK_LANG", "en")
    base = ["--db", db.database, "--lang", "en"]
    runs = [
        ["offices"],
        ["fields", "--office", "funabashi-kosodate"],
        ["slots", "--office", "hellowork-kawagoe", "--date", "2027-01-13", "--today", "2027-01-08"],
        ["board", "--office", "funabashi-kosodate", "--date", "2027-01-13", "--now", "2027-01-13T09:40"],
        ["book", "--office", "hellowork-kawagoe", "--start", "2027-01-11T10:00", "--name", "山田 花子",
         "--phone", "090-1234-5678", "--email", "h@example.jp", "--channel", "phone", "--today", "2027-01-08",
         "--field", "job_seeker_no=11010-12345678", "--field", "has_webcam_device=はい",
         "--field", "continuing_support=はい", "--consent"],
    ]
    found = []
    outputs = []
    for args in runs:
        cli.main([*base, *args])
        out = capsys.readouterr()
        outputs.append(out.out + out.err)
        for line in (out.out + out.err).splitlines():
            if japanese(_without_data(line)):
                found.append(f"{args[0]}: {line[:160]}")
    assert all(outputs), [r[0] for r, o in zip(runs, outputs, strict=True) if not o]
    assert not found, "\n".join(found)
    assert "Coming of Age Day" in outputs[-1], outputs[-1]  # 成人の日: closed
