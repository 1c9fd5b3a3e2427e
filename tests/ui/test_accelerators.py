"""One accelerator per key in each dialog (issue 15, 1), in Japanese and English: two controls on Alt+F
would make the key jump between them instead of acting."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest
from desk_support import WED
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from consult_desk import booking, lifecycle
from consult_desk.ui.desk.booking_dialog import BookingDialog
from consult_desk.ui.desk.consent_dialog import ConsentDialog
from consult_desk.ui.session.callback_panel import CallbackPanel
from consult_desk.ui.session.checkin_dialog import CheckInDialog
from consult_desk.ui.session.terminate_dialog import TerminateDialog
from consult_desk.ui.shell.settings_dialog import SettingsDialog
from consult_desk.ui.shell.sign_in_dialog import FirstAdminDialog, SignInDialog

pytestmark = pytest.mark.usefixtures("clean_settings")
TEN = dt.datetime.combine(WED, dt.time(10, 0))


def mnemonics(dialog: QWidget) -> dict[str, list[str]]:
    """Accelerator key -> the texts that use it, among the dialog's visible buttons, labels and boxes."""
    keys: dict[str, list[str]] = defaultdict(list)
    widgets = [dialog, *dialog.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(dialog) and widget is not dialog:
            continue
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            keys[match.group(1).lower()].append(text)
    return keys


def assert_unique(dialog: QWidget) -> None:
    dialog.show()
    clashes = {k: v for k, v in mnemonics(dialog).items() if len(v) > 1}
    assert clashes == {}, f"{type(dialog).__name__}: {clashes}"


def _dialogs(ctx, make_office, make_request, qtbot):
    hello = make_office("hellowork-kawagoe")
    yamaguchi = make_office("yamaguchi-vocational")
    res = booking.book(ctx, make_request(hello, TEN))
    with_companion = booking.book(ctx, make_request(
        yamaguchi, dt.datetime.combine(WED, dt.time(13, 0)), name="佐藤 太郎", phone="080-1111-2222",
        companions=[{"name": "佐藤 花子", "relation": "家族"}]))
    for rid in (res.id, with_companion.id):
        lifecycle.act(ctx, rid, "confirm", lifecycle.ActOptions(channel="email"))
    booking_dialog = BookingDialog(ctx, yamaguchi, start=dt.datetime.combine(WED, dt.time(14, 0)))
    booking_dialog.add_companion("山田 一郎", "通訳")
    checkin = CheckInDialog(ctx, with_companion.id)
    checkin.test_failed.setChecked(True)  # after 不良 (the hint appears)
    dialogs = [booking_dialog, BookingDialog(ctx, hello, start=TEN), checkin, ConsentDialog(ctx, hello),
               SettingsDialog(), SignInDialog(ctx.clock), FirstAdminDialog(ctx.clock)]
    ctx.clock.set(TEN + dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks={"connection_test": "ok", "identity_checked": True,
                                                                        "companions_present": True}))
    lifecycle.act(ctx, res.id, "start")
    dialogs.append(TerminateDialog(ctx, res.id))
    lifecycle.act(ctx, res.id, "connection-failed", lifecycle.ActOptions(note="音声が途切れる"))
    dialogs.append(CallbackPanel(ctx, res.id))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    return dialogs


@pytest.mark.usefixtures("japanese")
def test_one_accelerator_per_key_in_japanese(db, ctx, make_office, make_request, qtbot):
    for dialog in _dialogs(ctx, make_office, make_request, qtbot):
        assert_unique(dialog)
        if isinstance(dialog, CheckInDialog):  # 不良(F) and 顔と名前を確認した(F) shared Alt+F
            keys = mnemonics(dialog)
            assert keys["a"] == ["不良(&A)"] and keys["f"] == ["顔と名前を確認した（カメラ・マイクON）(&F)"]


@pytest.mark.usefixtures("english")
def test_one_accelerator_per_key_in_english(db, ctx, make_office, make_request, qtbot):
    for dialog in _dialogs(ctx, make_office, make_request, qtbot):
        assert_unique(dialog)


@pytest.mark.usefixtures("japanese")
def test_one_accelerator_per_key_in_the_menu_bar(db, ctx, make_office, qtbot):
    from consult_desk.ui.shell.main_window import MainWindow

    make_office("hellowork-kawagoe")
    window = MainWindow(ctx, db_location=":memory:")
    qtbot.addWidget(window)
    menus = [a for a in window.menuBar().actions() if a.isVisible()]
    for group in [menus] + [[a for a in m.menu().actions() if a.text()] for m in menus]:
        keys = defaultdict(list)
        for action in group:
            match = re.search(r"&([^&\s])", action.text().replace("&&", ""))
            if match:
                keys[match.group(1).lower()].append(action.text())
        assert {k: v for k, v in keys.items() if len(v) > 1} == {}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_one_accelerator_per_key_in_every_dialog(qtbot, qapp, db, make_request, worker, memory_keyring, lang):
    """Every dialog of the catalogue (test_dialog_fit.py): staff, mail, purge, sign-in... too."""
    from dialog_catalogue import demo_desk, dialogs, ui_language


    with ui_language(qapp, lang):
        ctx, companion = demo_desk(make_request)
        clashes = {}
        for name, make in dialogs(ctx, companion, worker):
            dialog = make()
            qtbot.addWidget(dialog)
            dialog.show()
            clashes.update({f"{name}: {k}": v for k, v in mnemonics(dialog).items() if len(v) > 1})
            dialog.close()
        assert clashes == {}
