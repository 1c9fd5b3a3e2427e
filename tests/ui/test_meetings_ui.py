"""The meeting platform in the window (issue 16): the administrator's settings with 「接続テスト」, and
「会議を作成」 in a reservation's meeting details, both off the UI thread, against the loopback Zoom."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from platform_servers import FakeZoom  # noqa: E402

from consult_desk import booking, credentials, offices, secrets  # noqa: E402
from consult_desk.meetings import base, zoom  # noqa: E402
from consult_desk.models import Office  # noqa: E402
from consult_desk.ui.desk.credentials_widget import CredentialsWidget  # noqa: E402
from consult_desk.ui.supervisor.meetings_dialog import MeetingsDialog  # noqa: E402
from consult_desk.ui.widgets.platform_calls import runner  # noqa: E402

pytestmark = pytest.mark.usefixtures("japanese")

WED = dt.datetime(2027, 1, 20, 10, 0)
SECRET = "zoom-secret-from-the-dialog"


@pytest.fixture
def zoom_server(monkeypatch):
    monkeypatch.setattr(base, "BACKOFF", (0.05, 0.1))
    monkeypatch.delenv("CONSULT_DESK_MEETINGS_SECRET", raising=False)
    zoom.forget_tokens()
    server = FakeZoom("acct-NT-01", "zoomClientId", SECRET, "soudan@city.nishitokyo.example").start()
    yield server
    runner().wait(10_000)
    server.stop()
    zoom.forget_tokens()


@pytest.fixture
def office(db, ctx, make_office, memory_keyring):
    return make_office("nishitokyo-childcare")


def fill(dialog: MeetingsDialog, server: FakeZoom, mode: str = "demand") -> None:
    dialog.enabled_box.setCurrentIndex(dialog.enabled_box.findData(mode))
    dialog.account_edit.setText(server.account_id)
    dialog.client_edit.setText(server.client_id)
    dialog.user_edit.setText(server.user)
    dialog.secret_edit.setText(SECRET)
    dialog.api_edit.setText(f"{server.base}/v2")
    dialog.auth_edit.setText(server.base)


def test_settings_dialog_saves_keeps_the_secret_in_the_keyring_and_tests(qtbot, ctx, office, zoom_server, memory_keyring):
    dialog = MeetingsDialog(ctx, office)
    qtbot.addWidget(dialog)
    assert "LGWAN" in dialog.findChild(type(dialog.test_label), "meetings_network_note").text()
    assert not dialog.account_edit.isEnabled()  # 使わない (manual entry) at first
    fill(dialog, zoom_server)
    with qtbot.waitSignal(runner().finished, timeout=10_000):
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled() and dialog.test_label.text()  # testing, the window responsive
    assert "接続できました" in dialog.test_label.text()
    stored = offices.get_config(office)["meetings"]
    assert stored["provider"] == "zoom" and stored["auto_create"] is False and stored["account_id"] == "acct-NT-01"
    assert SECRET not in repr(Office.get_by_id(office).config)
    assert secrets.get_secret("meetings/" + office) == SECRET
    assert dialog.secret_edit.text() == "" and dialog.secret_edit.placeholderText() == "保存済み（空欄なら変更しません）"
    assert zoom_server.meetings == {}  # the test meeting was deleted again


def test_settings_dialog_says_what_is_wrong(qtbot, ctx, office, zoom_server):
    dialog = MeetingsDialog(ctx, office)
    qtbot.addWidget(dialog)
    fill(dialog, zoom_server)
    dialog.api_edit.setText("http://api.zoom.us/v2")  # a secret must not cross the network in clear
    dialog.accept()
    assert dialog.isVisible() is False or dialog.result() == 0
    assert "api_url" in dialog.error_label.text()
    assert offices.get_config(office).get("meetings") is None
    dialog.api_edit.setText(f"{zoom_server.base}/v2")
    dialog.secret_edit.setText("wrong")
    with qtbot.waitSignal(runner().finished, timeout=10_000):
        dialog.test_button.click()
    assert "認証情報を受け付けませんでした" in dialog.test_label.text()


def test_rooms_office_keeps_manual_entry(qtbot, ctx, db, make_office, memory_keyring):
    rooms = make_office("musashino-hoiku-concierge")
    dialog = MeetingsDialog(ctx, rooms)
    qtbot.addWidget(dialog)
    assert not dialog.enabled_box.isEnabled() and dialog.enabled_box.count() == 1
    assert not dialog.test_button.isEnabled()


def test_create_meeting_button_fills_the_details_off_the_ui_thread(qtbot, ctx, office, zoom_server, make_request):
    dialog = MeetingsDialog(ctx, office)
    qtbot.addWidget(dialog)
    fill(dialog, zoom_server)
    assert dialog.save()
    rid = booking.book(ctx, make_request(office, WED)).id
    widget = CredentialsWidget(ctx, rid)
    qtbot.addWidget(widget)
    buttons = widget.meeting_buttons
    assert buttons.isVisibleTo(widget) and buttons.create_button.isVisibleTo(widget)
    assert buttons.create_button.text() == "Zoomで会議を作成(&M)"
    zoom_server.fail("POST", "/meetings$", 0, delay=0.8)  # a slow platform: the answer comes later
    with qtbot.waitSignal(widget.changed, timeout=10_000):
        buttons.create_button.click()
        assert not buttons.create_button.isEnabled() and "Zoom" in buttons.message.text()
    meeting_id = str(zoom_server.next_id - 1)
    assert credentials.current(rid).meeting_id == meeting_id
    assert widget.value_labels["meeting_id"].text() == credentials.format_meeting_id(meeting_id)
    assert widget.value_labels["passcode"].text() == credentials.MASK
    assert buttons.delete_button.isVisibleTo(widget) and not buttons.create_button.isVisibleTo(widget)
    assert "作成しました" in buttons.message.text()

    zoom_server.fail("DELETE", "/meetings/", 500, times=base.ATTEMPTS)
    with qtbot.waitSignal(widget.changed, timeout=10_000):
        buttons.delete_button.click()
    assert "接続できませんでした" in buttons.message.text()
    assert credentials.current(rid).platform_id == meeting_id  # nothing changed
    with qtbot.waitSignal(widget.changed, timeout=10_000):
        buttons.delete_button.click()
    assert credentials.current(rid) is None and zoom_server.meetings == {}
    assert widget.value_labels["url"].text() == "（未登録）"


def test_no_platform_no_buttons(qtbot, ctx, office, make_request):
    rid = booking.book(ctx, make_request(office, WED)).id
    widget = CredentialsWidget(ctx, rid)
    qtbot.addWidget(widget)
    assert not widget.meeting_buttons.isVisibleTo(widget)


@pytest.mark.parametrize("pause", [0, 1200])
def test_cancel_while_the_meeting_is_being_created_deletes_it(qtbot, ctx, office, zoom_server, make_request, pause):
    """A cancel during the creation (pause 0: before it is stored, which then removes the meeting again)
    or just after it (1200 ms: the follow-up is queued behind the creation, then deletes it)."""
    from consult_desk import lifecycle
    from consult_desk.meetings import service
    from consult_desk.ui.widgets.platform_calls import follow_up, reservation_key

    dialog = MeetingsDialog(ctx, office)
    qtbot.addWidget(dialog)
    fill(dialog, zoom_server, mode="demand")
    assert dialog.save()
    rid = booking.book(ctx, make_request(office, WED)).id
    zoom_server.fail("POST", "/meetings$", 0, delay=0.8)
    widget = CredentialsWidget(ctx, rid)
    qtbot.addWidget(widget)
    widget.meeting_buttons.create_button.click()  # 「会議を作成」: in flight for 0.8 s
    qtbot.waitUntil(lambda: len(zoom_server.calls("POST", "/meetings$")) == 1, timeout=5000)
    qtbot.wait(pause)
    res = lifecycle.cancel(ctx, rid, "phone")
    follow_up(ctx, "cancel", res)
    qtbot.waitUntil(lambda: not runner().busy(reservation_key(rid)) and not runner().waiting, timeout=10_000)
    runner().wait(10_000)
    assert zoom_server.meetings == {} and credentials.current(rid) is None
    assert service.cleanup_list() == []


@pytest.mark.usefixtures("clean_settings")
def test_cancelling_in_the_window_deletes_the_zoom_meeting_in_the_background(qtbot, ctx, db, office, zoom_server, make_request):
    """The whole path a clerk takes: the panel's Cancel (channel, confirmation); the window does not
    wait for Zoom; the main window's status bar says the meeting was deleted."""
    from desk_support import Modals, activate, answer_yes

    from consult_desk.models import Reservation
    from consult_desk.ui.session.action_runner import ActionDialog
    from consult_desk.ui.shell.main_window import MainWindow

    dialog = MeetingsDialog(ctx, office)
    qtbot.addWidget(dialog)
    fill(dialog, zoom_server, mode="auto")
    assert dialog.save()
    rid = booking.book(ctx, make_request(office, WED)).id
    assert credentials.current(rid) is None  # booked by the service alone: the follow-up is the caller's
    from consult_desk.meetings import service

    service.create_meeting(ctx, rid)
    meeting_id = credentials.current(rid).platform_id
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    activate(qtbot, window)
    window.open_reservation(rid)
    zoom_server.fail("DELETE", "/meetings/", 0, delay=0.6)  # Zoom is slow today

    def fill_cancel(action_dialog):
        assert isinstance(action_dialog, ActionDialog)
        action_dialog.channel_box.setCurrentIndex(0)
        action_dialog.ok_button.click()

    modals = Modals(fill_cancel, answer_yes)
    window.panel.action_buttons["cancel"].click()
    qtbot.waitUntil(modals.done)
    assert Reservation.get_by_id(rid).status == "cancelled"  # stored at once, Zoom still answering
    assert runner().busy(f"reservation/{rid}")
    qtbot.waitUntil(lambda: not runner().busy(f"reservation/{rid}"), timeout=10_000)
    assert meeting_id not in zoom_server.meetings and credentials.current(rid) is None
    qtbot.waitUntil(lambda: "削除しました" in window.statusBar().currentMessage(), timeout=2000)
