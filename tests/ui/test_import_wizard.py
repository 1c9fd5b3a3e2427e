"""Issue 17 in the window: the form-import wizard (file, encoding, mapping saved once, preview,
import and report), the Outbox tab's schedule with hold / change / cancel / confirm, and the desk's
timed sender off the UI thread. Screenshots at 1366x768 in Japanese and English."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from smtp_helpers import HOST, SmtpServer

from consult_desk import booking, credentials, form_import, mail, outbox
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.models import AuditLog, Outbox, Reservation
from consult_desk.paths import resources_dir
from consult_desk.ui.desk.import_wizard import ImportWizard
from consult_desk.ui.mail.outbox_sender import OutboxSender
from consult_desk.ui.mail.outbox_view import MoveDialog, OutboxView

OFFICE = "nishitokyo-childcare"
SAMPLE = resources_dir() / "import" / "logo-form-nishitokyo-sample.csv"
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Zq81PassA"}


@pytest.fixture
def office(db, ctx, clock, make_office):
    clock.set(dt.datetime(2027, 1, 8, 9, 0))
    return make_office(OFFICE)


def shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / name))


def run_wizard(qtbot, ctx, path: Path, save_name: str | None = "LoGoフォーム", shots: str = "") -> ImportWizard:
    wizard = ImportWizard(ctx, OFFICE)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    assert wizard.file_page.isComplete()
    if shots:
        shot(wizard, f"import_wizard_file_{shots}.png")
    wizard.next()
    page = wizard.mapping_page
    if save_name is not None:
        page.name.setText(save_name)
    if shots:
        shot(wizard, f"import_wizard_mapping_{shots}.png")
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page, page.error.text()
    if shots:
        shot(wizard, f"import_wizard_preview_{shots}.png")
    return wizard


@pytest.mark.usefixtures("japanese")
def test_the_wizard_detects_maps_once_previews_and_imports(qtbot, office, ctx, tmp_path):
    path = tmp_path / "forms.csv"
    shutil.copy(SAMPLE, path)
    wizard = run_wizard(qtbot, ctx, path, shots="ja")
    assert wizard.file_page.info.text() == "UTF-8 (BOM) — 7 行、12 列"
    # the columns were proposed from the field names; the mapping is now saved with the office
    assert form_import.saved_mappings(OFFICE)["LoGoフォーム"]["start"] == "希望日時"
    preview = wizard.preview_page
    texts = [preview.model.data(preview.model.index(i, 3)) for i in range(preview.model.rowCount())]
    assert texts[0] == "予約します" and texts[3] == "2行目と同じ申込みです"
    assert texts[2].startswith("受付不可：app_deadline（000 第4条(2)）")
    assert preview.summary.text() == "予約する：3件、受付不可：3件、取込済み：1件"
    assert Reservation.select().count() == 0  # the preview stored nothing
    wizard.next()  # the commit button: import
    assert wizard.currentPage() is wizard.report_page
    shot(wizard, "import_wizard_report_ja.png")
    assert wizard.report is not None and len(wizard.report.booked) == 3
    assert Reservation.select().count() == 3
    assert AuditLog.select().where(AuditLog.action == "form_import").count() == 1
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible() or not wizard.button(
        QWizard.WizardButton.BackButton).isEnabled()  # imported: no going back to import again from here

    # the same file again: the saved mapping is picked, every valid row is "already imported"
    again = run_wizard(qtbot, ctx, path, save_name=None)
    assert again.mapping_page.saved.currentData() == "LoGoフォーム"
    preview = again.preview_page
    texts = [preview.model.data(preview.model.index(i, 3)) for i in range(preview.model.rowCount())]
    assert texts[0] == "取込済み（予約1）" and texts[6] == "取込済み（予約3）"


@pytest.mark.usefixtures("english")
def test_the_wizard_in_english_and_a_mapping_missing_a_required_column(qtbot, office, ctx, tmp_path):
    path = tmp_path / "forms.csv"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8-sig").encode("cp932"))
    wizard = ImportWizard(ctx, OFFICE)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    assert "Shift_JIS (CP932)" in wizard.file_page.info.text()
    wizard.next()
    page = wizard.mapping_page
    page.boxes["start"].setCurrentIndex(0)  # (none)
    wizard.next()
    assert wizard.currentPage() is page and page.error.text() == (
        "The import mapping gives no column for required fields: Desired date and time (start)")
    page.boxes["start"].setCurrentIndex(page.boxes["start"].findData("希望日時"))
    shot(wizard, "import_wizard_mapping_en.png")
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    shot(wizard, "import_wizard_preview_en.png")
    texts = [wizard.preview_page.model.data(wizard.preview_page.model.index(i, 3)) for i in range(7)]
    assert texts[0] == "will be booked" and texts[3] == "same application as row 2"
    assert texts[2].startswith("refused: app_deadline (000 第4条(2)) The application deadline")


@pytest.fixture
def scheduled(db, ctx, clock, make_office, make_request):
    make_office(OFFICE)
    res = booking.book(ctx, make_request(OFFICE, dt.datetime(2027, 1, 12, 10, 0)))
    credentials.set_credentials(ctx, res.id, ZOOM)
    return res.id


@pytest.mark.parametrize("lang", ["japanese", "english"])
def test_the_outbox_shows_the_schedule_and_staff_hold_move_cancel(qtbot, request, scheduled, ctx, clock, worker,
                                                                 monkeypatch, lang):
    request.getfixturevalue(lang)
    view = OutboxView(ctx, mail_sender=worker)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.set_office(OFFICE)
    assert [(e.template, e.due) for e in view.model.rows] == [("details", dt.datetime(2027, 1, 6, 9, 0)),
                                                               ("reminder", dt.datetime(2027, 1, 8, 16, 0))]
    view.table.selectRow(0)
    assert view.hold_button.isEnabled() and view.move_button.isEnabled() and not view.confirm_button.isEnabled()
    shot(view, f"outbox_schedule_{lang}.png")
    view.hold_button.click()
    assert Outbox.get_by_id(view.model.rows[0].id).state == "held"
    assert view.hold_button.text() in ("解除(&R)", "&Release")
    view.hold_button.click()
    assert Outbox.get_by_id(view.model.rows[0].id).state == "scheduled"

    view.table.selectRow(1)
    monkeypatch.setattr(MoveDialog, "exec", lambda self: MoveDialog.DialogCode.Accepted)
    monkeypatch.setattr(MoveDialog, "due", lambda self: dt.datetime(2027, 1, 11, 12, 0))
    view.move_button.click()
    assert Outbox.get(Outbox.template == "reminder").due == dt.datetime(2027, 1, 11, 12, 0)
    view.table.selectRow(1)
    view.cancel_button.click()
    assert Outbox.get(Outbox.template == "reminder").state == "cancelled"
    view.pending_only.setChecked(True)
    assert [e.template for e in view.model.rows] == ["details"]


def test_the_desks_sender_sends_what_is_due_off_the_ui_thread(qtbot, scheduled, ctx, clock, tmp_path):
    """The timed sender runs send_due on its own thread; the details arrive once at the loopback server."""
    with SmtpServer(tmp_path, "none") as server:
        mail.save_settings(ctx, OFFICE, mail.SmtpSettings(host=HOST, port=server.port, security="none",
                                                         from_addr="soudan@city.example.jp", timeout=5))
        desk_ctx = Context(Actor("uketsuke", "受付", "reception"), FixedClock(dt.datetime(2027, 1, 6, 9, 0)))
        sender = OutboxSender(desk_ctx, interval_ms=50)
        with qtbot.waitSignal(sender.ran, timeout=10_000) as blocker:
            sender.run_now()
        assert blocker.args[0].sent == 1
        sender.run_now()  # nothing more is due
        qtbot.waitUntil(lambda: not sender.running, timeout=10_000)
        sender.stop()
    assert len(server.received) == 1
    assert outbox.lease_holder(desk_ctx) is None  # let go at exit
    assert Outbox.get(Outbox.template == "details").state == "sent"


@pytest.mark.usefixtures("japanese", "clean_settings")
def test_the_booking_menu_opens_the_wizard_and_the_window_refreshes(qtbot, db, ctx, make_office, monkeypatch):
    from consult_desk.ui.shell.main_window import MainWindow

    make_office(OFFICE)
    window = MainWindow(ctx, db_location=db.database)
    qtbot.addWidget(window)
    assert window.import_action.text() == "フォーム申込みの取込(&I)…"
    opened = []

    def fake_exec(self):
        opened.append(self.office)
        return 0

    monkeypatch.setattr(ImportWizard, "exec", fake_exec)
    window.import_action.trigger()
    assert opened == [OFFICE]
    assert "outbox_sender" not in window.__dict__  # started by the application after sign-in, not here
    window.start_outbox_sender()
    assert "outbox_sender" not in window.__dict__  # a window not shown (or closed) starts none
    window.show()
    window.start_outbox_sender()
    assert window.outbox_sender.timer.isActive()
    window.close()
    assert not window.outbox_sender.timer.isActive()
