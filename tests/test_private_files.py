"""Personal data at rest (issue 13 deliverable 4): every file and folder the program makes is the user's
only (0600 / 0700 on POSIX), whatever the umask; a purge leaves no copy of the person in the database file;
meeting credentials are wiped days after the session; automatic backups past the retention period go."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from cli_support import Cli

from consult_desk import (
    audit,
    backup,
    booking,
    crashlog,
    credentials,
    export,
    ics,
    lifecycle,
    mail,
    offices,
    retention,
)
from consult_desk.lifecycle import ActOptions
from consult_desk.models import DB, AuditLog, MeetingCredential, open_database
from consult_desk.models.schema import ensure_schema

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
# not the presets' examples (山田 花子, 090-1234-5678), which the office settings hold on purpose
NAME, PHONE, EMAIL, PASSCODE = "岡部 澄香", "090-4826-1357", "sumika.okabe@example.jp", "739164"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """The umask many desktops have (022): the program's own modes must not depend on its own umask."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_every_file_and_folder_written_is_private(loose_umask, tmp_path, ctx, make_request, monkeypatch):
    db_path = tmp_path / "data" / "desk" / "desk.sqlite3"
    open_database(db_path)
    ensure_schema()
    assert mode(db_path) == 0o600 and mode(db_path.parent) == 0o700 and mode(db_path.parent.parent) == 0o700
    hw = offices.create_office(ctx, "hellowork-kawagoe").code
    res = booking.book(ctx, make_request(hw, WED))
    for extra in ("-wal", "-shm"):
        assert mode(db_path.with_name(db_path.name + extra)) == 0o600
    out = tmp_path / "out"
    written = [
        backup.backup_to(ctx, out / "usb" / "copy.sqlite3").path,
        backup.daily_backup(ctx),
        export.export_reservations(ctx, WED.date(), WED.date(), out / "csv" / "jan.csv").path,
        ics.export_ics(ctx, WED.date(), WED.date(), out / "ics" / "jan.ics").path,
        audit.export_csv(ctx, out / "audit" / "audit.csv").path,
    ]
    mail.save_eml(ctx, res.id, "received", out / "eml" / "received.eml")
    written.append(out / "eml" / "received.eml")
    monkeypatch.setattr(crashlog, "log_path", lambda: tmp_path / "profile" / "logs" / "errors.log")
    written.append(crashlog.record(ValueError, ValueError("x"), None))
    for path in written:
        assert mode(path) == 0o600, path
        assert mode(path.parent) == 0o700, path.parent
    assert not list(tmp_path.rglob("*.part"))
    DB.close()


def test_a_file_left_from_before_is_made_private_when_rewritten(loose_umask, tmp_path, db, ctx, make_office):
    make_office("hellowork-kawagoe")
    chosen = tmp_path / "Documents"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    target = chosen / "old.csv"
    target.write_text("old")
    target.chmod(0o644)
    export.export_reservations(ctx, WED.date(), WED.date(), target)
    assert mode(target) == 0o600 and mode(chosen) == 0o755  # a folder the user chose is left as it was


def test_the_command_line_sets_a_private_umask(loose_umask, tmp_path, capsys):
    cli = Cli(tmp_path / "fresh" / "desk.sqlite3", capsys)
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    DB.close()
    assert os.umask(0o022) == 0o077  # what the program set at its start
    assert mode(tmp_path / "fresh") == 0o700 and mode(tmp_path / "fresh" / "desk.sqlite3") == 0o600


def test_secure_delete_is_on(db):
    assert DB.execute_sql("PRAGMA secure_delete").fetchone()[0] == 1


def _needles() -> list[bytes]:
    return [s.encode() for s in (NAME, "岡部", "澄香", "09048261357", "4826-1357", EMAIL, "sumika.okabe", PASSCODE)]


def test_after_a_purge_the_database_file_holds_no_trace_of_the_person(db, db_path, ctx, clock, make_office,
                                                                     make_request):
    """000 第6条, 004 第6条: personal data is kept only for the consultation; `strings` finds none of it."""
    hw = make_office("hellowork-kawagoe")
    # only the purge takes the passcode here; this office's meetings get a passcode too (an admin's edit)
    offices.update_config(ctx, hw, {"credentials_wipe_days": 3650, "credential_fields": ["url", "meeting_id", "passcode"]})
    res = booking.book(ctx, make_request(hw, WED, name=NAME, phone=PHONE, email=EMAIL))
    credentials.set_credentials(ctx, res.id, {"url": "https://zoom.us/j/91234567890", "meeting_id": "912 3456 7890",
                                              "passcode": PASSCODE})
    lifecycle.act(ctx, res.id, "confirm", ActOptions(channel="email", note=f"{NAME}さんに電話 {PHONE}"))
    lifecycle.act(ctx, res.id, "send-details", ActOptions(channel="email"))
    clock.set(WED - dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    clock.set(WED)
    lifecycle.act(ctx, res.id, "start")
    clock.set(WED + dt.timedelta(minutes=5))
    lifecycle.act(ctx, res.id, "connection-failed", ActOptions(note=f"{EMAIL} に連絡"))
    lifecycle.log_callback_attempt(ctx, res.id, "no_answer", f"{PHONE} 留守電、岡部様")
    mail.save_eml(ctx, res.id, "callback", db_path.parent / "cb.eml")
    DB.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    assert all(n in raw for n in (NAME.encode(), EMAIL.encode(), PASSCODE.encode()))  # before: all there

    clock.set(T(2027, 6, 1, 9, 0))
    assert retention.purge(ctx, before=dt.date(2027, 2, 1)).reservations == 1
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    for path in files:
        raw = path.read_bytes()
        found = [n.decode() for n in _needles() if n in raw]
        assert found == [], f"{path.name} still holds {found}"
    redacted = AuditLog.select().where(AuditLog.redacted == True)  # noqa: E712
    assert redacted.count() >= 1 and all(r.detail == "" and r.action and r.staff for r in redacted)
    assert audit.verify(ctx).ok  # the scrub keeps the chain verifiable


def test_meeting_credentials_are_wiped_days_after_the_session(db, ctx, clock, make_office, make_request):
    hw = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(hw, WED))
    offices.update_config(ctx, hw, {"credential_fields": ["url", "meeting_id", "passcode"]})
    credentials.set_credentials(ctx, res.id, {"url": "https://zoom.us/j/91234567890", "meeting_id": "912 3456 7890",
                                              "passcode": PASSCODE})
    clock.set(T(2027, 1, 19, 9, 0))  # 6 days after the session: kept
    assert retention.wipe_credentials(ctx) == 0
    clock.set(T(2027, 1, 21, 9, 0))  # past the default 7 days, long before the retention period
    assert retention.wipe_credentials(ctx) == 1
    cred = MeetingCredential.get(MeetingCredential.reservation == res.id)
    assert (cred.url, cred.passcode) == ("", "")
    assert AuditLog.select().where(AuditLog.action == "meeting_credentials_wiped").get().count == 1
    assert retention.wipe_credentials(ctx) == 0  # nothing left to wipe, nothing recorded


def test_automatic_backups_past_the_retention_period_are_deleted(db, db_path, ctx, clock, make_office):
    hw = make_office("hellowork-kawagoe")
    offices.update_config(ctx, hw, {"retention_days": 30})
    folder = db_path.parent / "backups"
    old = backup.daily_backup(ctx)
    clock.set(clock.now() + dt.timedelta(days=20))
    middle = backup.daily_backup(ctx)
    clock.set(clock.now() + dt.timedelta(days=20))  # the first one is now 40 days old
    newest = backup.daily_backup(ctx)
    assert not old.exists() and middle.exists() and newest.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([middle.name, newest.name])
    entry = AuditLog.select().where(AuditLog.action == "backup_expired").get()
    assert entry.count == 1 and old.name in entry.detail
