"""Issue 14: what adversarial testing broke, one block per point of the issue. Each test failed on
the main branch before the fix and passes after; where the engine matters it runs on SQLite and
PostgreSQL (``any_db``). The races between processes are in tests/test_race_desks.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import email.policy
import multiprocessing
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import traceback
from pathlib import Path

import icalendar
import keyring.errors
import peewee as pw
import pytest
from cli_support import Cli
from memory_keyring import MemoryKeyring, installed

from consult_desk import booking, credentials, export, files, mail, offices, secrets
from consult_desk.clock import JST, SystemClock
from consult_desk.errors import RuleError, StorageError
from consult_desk.models import (
    Applicant,
    Meta,
    Outbox,
    PersonClaim,
    Reservation,
    UrlClaim,
    open_database,
    transaction,
)
from consult_desk.models.db import RETRY_ATTEMPTS, ConflictError, classify_error, is_sqlite, retry_conflicts
from consult_desk.models.schema import (
    MARKER,
    MIGRATIONS,
    SCHEMA_VERSION,
    STEPS_KEY,
    backup_copy,
    remove_partial_backups,
    stored_version,
)
from consult_desk.validation import normalise_line, normalise_text

ROOT = Path(__file__).resolve().parent.parent
WED = dt.datetime(2027, 1, 13, 10, 0)  # Hello Work Kawagoe, a business day
HW_BOOK = ["book", "--office", "hellowork-kawagoe", "--phone", "090-1234-5678", "--email", "hanako@example.jp",
           "--field", "job_seeker_no=11010-12345678", "--field", "has_webcam_device=はい",
           "--field", "continuing_support=はい", "--channel", "phone", "--consent", "--today", "2027-01-08"]


@pytest.fixture
def cli(db_path, capsys):
    return Cli(db_path, capsys)


@pytest.fixture
def hw(cli):
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    return "hellowork-kawagoe"


# ---------------------------------------------------------------- (2) control characters in one-line fields


@pytest.mark.parametrize("name", ["山田\n花子", "山田\r\n花子", "山田\r花子", "山田\t花子", "山田\x1b花子", "山田\x85花子"])
def test_a_name_with_a_line_break_or_control_character_is_refused_when_booking(hw, cli, name):
    """Issue 14 (2): a line feed in a name was kept and broke every later mail and CSV row."""
    line = cli(*HW_BOOK, "--start", "2027-01-13T10:00", "--name", name, "--json", expect=2)
    assert line.startswith("control_chars") and "氏名" in line
    assert Reservation.select().count() == 0 and Applicant.select().count() == 0


def test_one_line_and_note_fields_differ_only_in_line_breaks():
    assert normalise_line("  山田 花子\u200b ", "氏名") == "山田 花子"
    with pytest.raises(RuleError) as err:
        normalise_line("a\u2028b".replace("\u2028", "\n"), "住所")
    assert err.value.code == "control_chars"
    assert normalise_text("電話あり\r\n折返し\r了承", "メモ") == "電話あり\n折返し\n了承"  # a note keeps its lines


def test_other_one_line_fields_refuse_control_characters(db, ctx, make_office):
    config = offices.get_config(make_office("yamaguchi-vocational"))
    assert booking.validate_field(config, "address", "山口市 1-2-3") == "山口市 1-2-3"
    with pytest.raises(RuleError) as err:
        booking.validate_field(config, "address", "山口市\n1-2-3")
    assert err.value.code == "control_chars"
    with pytest.raises(RuleError) as err:
        booking.validate_companions(config, [{"name": "支援員\nA", "relation": "支援機関"}])
    assert err.value.code == "control_chars"
    with pytest.raises(RuleError) as err:  # only invisible characters: empty, so "required"
        booking.validate_field(config, "name", "\u200b\u200b")
    assert err.value.code == "required"
    settings = mail.SmtpSettings(host="127.0.0.1", port=25, security="none", from_addr="a@example.jp",
                                 from_name="西東京市\r\nBcc: x@example.jp")
    with pytest.raises(RuleError) as err:
        mail.validate_settings(settings)
    assert err.value.code == "control_chars"


def test_an_old_name_with_a_line_break_fails_the_mail_with_a_sentence_not_queued_for_ever(db, ctx, make_office, make_request):
    """A name stored before the rule (line feed inside): sending it ends ``failed`` with a sentence,
    the row never stays ``queued``/``sending`` and nothing escapes as a ValueError."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    Applicant.update(name="山田\n花子").where(Applicant.id == res.applicant_id).execute()
    mail.save_settings(ctx, office, mail.SmtpSettings(host="127.0.0.1", port=25, security="none",
                                                      user="", from_addr="desk@example.jp"))
    row = mail.queue(ctx, res.id, "received")
    with pytest.raises(mail.MailError) as err:
        mail.send_now(ctx, row.id)
    assert err.value.code == "mail_failed" and "改行" in err.value.message
    assert Outbox.get_by_id(row.id).state == "failed"


# ---------------------------------------------------------------- (3) numbers with a range


def test_extend_minutes_has_a_range_and_a_message(hw, cli):
    """Issue 14 (3), 004 第4条(1): --minutes 0 extended to the maximum, a huge one was internal_error."""
    cli(*HW_BOOK, "--start", "2027-01-13T10:00", "--name", "山田 花子", "--json")
    cli("act", "1", "confirm", "--now", "2027-01-08T10:00", "--json")
    cli("act", "1", "check-in", "--now", "2027-01-13T09:55", "--json")
    cli("act", "1", "start", "--now", "2027-01-13T10:00", "--json")
    for minutes in ("0", "-5", "46", "99999999999999999999", "2147483648"):
        line = cli("act", "1", "extend", "--minutes", minutes, "--now", "2027-01-13T10:20", expect=2)
        assert line.startswith("extend_minutes (004 第4条(1))") and "45" in line, line
    shown = cli("show", "1", "--json")
    assert shown["end"] == "2027-01-13T10:30" and [h["action"] for h in shown["history"]][-1] == "start"
    cli("act", "1", "extend", "--minutes", "10", "--now", "2027-01-13T10:20", "--json")
    assert cli("show", "1", "--json")["end"] == "2027-01-13T10:40"


@pytest.mark.parametrize("setting", ["seats=100000000000", "seats=0", "seats=-1", "slot_minutes=100000",
                                     "max_session_minutes=99999999999999999999", "seats=1e400", "seats=2.5",
                                     "no_show_grace_minutes=100000"])
def test_office_numbers_have_a_range(hw, cli, setting):
    line = cli("office", "--set", setting, expect=2)
    assert line.startswith(("number_range", "invalid_value")), line
    assert offices.get_config(hw).seats == 2


def test_office_numbers_in_range_are_kept(hw, cli):
    cli("office", "--set", "seats=3", "--json")
    assert offices.get_config(hw).seats == 3


# ---------------------------------------------------------------- (4) files


@pytest.mark.parametrize("kind", ["fifo", "folder", "link", "dangling-link"])
def test_export_refuses_to_replace_anything_but_a_regular_file(hw, cli, tmp_path, kind):
    """Issue 14 (4): as root, `export csv --out /dev/full` replaced the device with personal data.
    (A FIFO stands in for the device; the check is the same: only a regular file is replaced.)"""
    cli(*HW_BOOK, "--start", "2027-01-13T10:00", "--name", "山田 花子", "--json")
    target = tmp_path / "target"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "link":
        target.symlink_to(victim)
    else:
        target.symlink_to(tmp_path / "nowhere")
    before = os.lstat(target)
    line = cli("export", "csv", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(target), expect=2)
    assert line.startswith("file_unwritable")
    after = os.lstat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode) and after.st_ino == before.st_ino
    assert victim.read_text() == "keep me"
    assert not (tmp_path / "target.part").exists()


def test_a_device_node_is_refused(tmp_path):
    """A character device like /dev/full (made here as a copy of /dev/null's node, so that a failing
    test cannot replace the machine's own device)."""
    device = tmp_path / "full"
    try:
        os.mknod(device, 0o600 | stat.S_IFCHR, os.stat(os.devnull).st_rdev)
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs CAP_MKNOD (root); the FIFO case covers the same check")
    with pytest.raises(StorageError) as err:
        files.write_bytes(device, b"personal data")
    assert err.value.code == "file_unwritable"
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    synced: list[bool] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    files.write_bytes(tmp_path / "out.csv", b"a,b\r\n")
    assert synced == [False, True]  # the file's data, then the folder holding the new name


def test_a_killed_backups_part_file_is_removed_at_the_next_start(db, db_path, tmp_path):
    """A backup killed half way left NAME.part (personal data) behind; the next start removes it,
    in the backups folder and where the user chose, but not a copy another desk is writing."""
    folder = db_path.parent / "backups"
    folder.mkdir()
    stale = folder / f"{db_path.stem}-daily-20270113-090000.sqlite3.part"
    stale.write_bytes(b"SQLite format 3\x00 half a copy")
    chosen = tmp_path / "usb" / "desk-copy.sqlite3.part"
    chosen.parent.mkdir()
    chosen.write_bytes(b"SQLite format 3\x00 half a copy")
    (folder / f"{MARKER}killed").write_text(str(chosen))
    import fcntl

    busy = folder / "other-desk.sqlite3.part"
    with open(busy, "wb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        removed = remove_partial_backups(db_path)
        assert busy.exists()
    assert sorted(removed) == sorted([stale, chosen])
    assert not stale.exists() and not chosen.exists() and not list(folder.glob(f"{MARKER}*"))
    copy = backup_copy(tmp_path / "usb" / "ok.sqlite3")  # a finished copy leaves no part and no marker
    assert copy.is_file() and not list(tmp_path.glob("usb/*.part")) and not list(folder.glob(f"{MARKER}*"))
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # personal data: this user's only


def test_the_next_start_of_the_command_line_cleans_up(hw, cli, db_path):
    part = db_path.parent / "backups" / "desk-daily-x.sqlite3.part"
    part.parent.mkdir(exist_ok=True)
    part.write_bytes(b"half")
    cli("offices", "--json")
    assert not part.exists()


# ---------------------------------------------------------------- (5) normalisation order and the formula guard


@pytest.mark.parametrize("raw", ["\u200b =1+1", "\u200b\n=1+1", "\ufeff=HYPERLINK(\"x\")", " \u200d+cmd", "\u3000@SUM(A1)"])
def test_invisible_characters_go_before_spaces_and_the_cell_is_guarded(raw):
    """Issue 14 (5): "\\u200b =1+1" was stored as " =1+1" and exported unguarded."""
    stored = normalise_text(raw, "メモ")
    assert stored[:1] in "=+@"  # the invisible character and the blanks before the formula are gone
    assert export.safe_cell(" =1+1") == "' =1+1"
    assert export.safe_cell(raw).startswith("'")
    assert export.safe_cell("\n=1+1").startswith("'")
    assert export.safe_cell("-12") == "-12" and export.safe_cell("山田") == "山田"


def test_a_name_hiding_a_formula_is_exported_guarded(db, ctx, make_office, make_request, tmp_path):
    office = make_office("hellowork-kawagoe")
    booking.book(ctx, make_request(office, WED, name="\u200b =1+1"))
    # a name written straight into the database (an old row, an import): the export still guards it
    res = booking.book(ctx, make_request(office, WED + dt.timedelta(minutes=30), phone="080-2222-3333",
                                         email="b@example.jp", answers={"job_seeker_no": "11010-22223333"}))
    Applicant.update(name="\u200b =2+2").where(Applicant.id == res.applicant_id).execute()
    out = tmp_path / "out.csv"
    export.export_reservations(ctx, WED.date(), WED.date(), out)
    text = out.read_text(encoding="utf-8-sig")
    assert ",'=1+1," in text and ",'\u200b =2+2," in text


# ---------------------------------------------------------------- (7) mail


def test_a_non_ascii_smtp_password_is_refused_when_saved(db, ctx, make_office, memory_keyring):
    """Issue 14 (7): a full-width password raised UnicodeEncodeError inside smtplib at the first send."""
    office = make_office("nishitokyo-childcare")
    settings = mail.SmtpSettings(host="127.0.0.1", port=2525, security="none", user="desk", from_addr="a@example.jp")
    for bad in ("ｐａｓｓ", "pässword", "pass\nword"):
        with pytest.raises(RuleError) as err:
            mail.save_settings(ctx, office, settings, password=bad)
        assert err.value.code == "smtp_password_chars"
    assert not memory_keyring.store and mail.smtp_settings(office).host == ""


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_a_non_ascii_password_already_stored_is_mail_failed_not_a_traceback(db, ctx, make_office, make_request,
                                                                             memory_keyring, tmp_path):
    from smtp_helpers import SmtpServer

    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, dt.datetime(2027, 1, 20, 10, 0)))
    with SmtpServer(tmp_path, security="none", user="desk", password="plain-ascii") as server:
        settings = mail.SmtpSettings(host="127.0.0.1", port=server.port, security="none", user="desk",
                                     from_addr="a@example.jp", timeout=5)
        mail.save_settings(ctx, office, settings, password="plain-ascii")
        secrets.set_secret(secrets.smtp_account(office), "ｐａｓｓ")  # stored by an older version
        row = mail.queue(ctx, res.id, "received")
        with pytest.raises(mail.MailError) as err:
            mail.send_now(ctx, row.id)
    assert err.value.code == "mail_failed"
    assert Outbox.get_by_id(row.id).state == "failed"


class FailingKeyring(MemoryKeyring):
    """A keyring that exists but cannot store (locked, no prompt possible)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def test_save_settings_is_all_or_nothing_when_the_keyring_fails(db, ctx, make_office):
    office = make_office("nishitokyo-childcare")
    settings = mail.SmtpSettings(host="smtp.example.jp", port=587, user="desk", from_addr="a@example.jp")
    with installed(FailingKeyring()):
        with pytest.raises(StorageError) as err:
            mail.save_settings(ctx, office, settings, password="secret-1")
    assert err.value.code == "keyring_unavailable"
    assert mail.smtp_settings(office).host == ""  # nothing of the change was kept


# ---------------------------------------------------------------- (8) Japan time whatever the machine's zone


def _run_utc(db_path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TZ": "UTC"}
    return subprocess.run([sys.executable, "-m", "consult_desk", "--db", str(db_path), *argv],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_on_a_computer_set_to_utc_mail_dates_and_dtstamps_are_japan_time(db, db_path, ctx, make_office, make_request,
                                                                        tmp_path):
    """Issue 14 (8): at 07:03 UTC a mail's Date said 07:04 +0900 and the .ics DTSTAMP was 9 hours early."""
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, dt.datetime(2027, 1, 20, 10, 0)))
    credentials.set_credentials(ctx, res.id, {"url": "https://us02web.zoom.us/j/12345678901",
                                              "meeting_id": "12345678901", "passcode": "Hx7k2Q"})
    db.close()
    eml = tmp_path / "m.eml"
    done = _run_utc(db_path, "mail", str(res.id), "--template", "received", "--eml", str(eml), "--json")
    assert done.returncode == 0, done.stderr
    sent = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)["Date"].datetime
    real = dt.datetime.now(dt.UTC)
    assert abs((sent - real).total_seconds()) < 180, (sent, real)
    assert sent.utcoffset() == dt.timedelta(hours=9)
    ics_out = tmp_path / "s.ics"
    done = _run_utc(db_path, "export", "ics", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(ics_out),
                    "--office", office, "--json")
    assert done.returncode == 0, done.stderr
    stamp = next(c for c in icalendar.Calendar.from_ical(ics_out.read_bytes()).walk("VEVENT"))["dtstamp"].dt
    assert abs((stamp - dt.datetime.now(dt.UTC)).total_seconds()) < 180, stamp


def test_the_system_clock_reads_tokyo_whatever_tz_says():
    code = ("import datetime as dt, zoneinfo; from consult_desk.clock import SystemClock; c = SystemClock(); "
            "j = dt.datetime.now(zoneinfo.ZoneInfo('Asia/Tokyo')); "
            "print(abs((c.now() - j.replace(tzinfo=None, second=0, microsecond=0)).total_seconds()) <= 60, "
            "c.today() == j.date())")
    for zone in ("UTC", "America/Los_Angeles", "Pacific/Kiritimati"):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "TZ": zone},
                              capture_output=True, text=True, timeout=60)
        assert done.stdout.split() == ["True", "True"], (zone, done.stdout, done.stderr)
    assert SystemClock().now().tzinfo is None and JST.key == "Asia/Tokyo"


# ---------------------------------------------------------------- (9) durability, upgrades, driver errors


def test_the_sqlite_desk_syncs_every_commit(db):
    """Issue 14 (9): WAL with synchronous=NORMAL could lose the last committed actions at a power cut."""
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def _sqlite_error(path: Path, sql: str, **connect: object) -> sqlite3.Error:
    conn = sqlite3.connect(str(path), **connect)
    try:
        conn.execute(sql)
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("no error")


def test_sqlite_errors_are_told_apart_by_their_codes_not_their_words(db, db_path, tmp_path):
    # words that used to mean "locked" or "read-only" in an error that is neither
    for name in ("locked", "busy", "readonly", "corrupt"):
        with pytest.raises(pw.OperationalError) as err:
            db.execute_sql(f"SELECT * FROM {name}_table")
        assert classify_error(err.value, str(db_path)).code == "db_unavailable", name
    # the real ones, by SQLITE_BUSY, SQLITE_READONLY, SQLITE_NOTADB
    holder = sqlite3.connect(str(db_path))
    holder.execute("BEGIN IMMEDIATE")
    try:
        busy = _sqlite_error(db_path, "BEGIN IMMEDIATE", timeout=0)
    finally:
        holder.rollback()
        holder.close()
    assert busy.sqlite_errorname == "SQLITE_BUSY" and classify_error(busy, "").code == "db_locked"
    readonly = _sqlite_error(Path(f"file:{db_path}?mode=ro"), "UPDATE meta SET value = value", uri=True)
    assert classify_error(readonly, "x").code == "db_readonly"
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database, it only looks like one" * 100)
    assert classify_error(_sqlite_error(garbage, "SELECT * FROM meta"), "x").code == "db_corrupt"


def _pg_only(any_db) -> None:
    if is_sqlite():
        pytest.skip("SQLite writers never deadlock: BEGIN IMMEDIATE serialises them (tested on PostgreSQL)")


def _deadlock(first: str, second: str, barrier: threading.Barrier, attempts: list[str]) -> None:
    """One action locking two rows in the given order; waits for the other on its first attempt."""
    with transaction():
        attempts.append(first)
        Meta.update(value="x").where(Meta.key == first).execute()
        if attempts.count(first) == 1:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=10)
        Meta.update(value="y").where(Meta.key == second).execute()


def test_a_deadlock_is_retried_and_both_actions_get_through(any_db):
    """Issue 14 (9): 40P01 (and 40001) are retried a bounded number of times around one user action."""
    _pg_only(any_db)
    Meta.insert_many([{"key": "lock-a", "value": "0"}, {"key": "lock-b", "value": "0"}]).execute()
    barrier = threading.Barrier(2)
    attempts: list[str] = []
    failures: list[BaseException] = []

    def desk(first: str, second: str) -> None:
        try:
            retry_conflicts(_deadlock)(first, second, barrier, attempts)
        except BaseException as exc:  # noqa: BLE001 - the test fails on it below
            failures.append(exc)
        finally:
            any_db.close()

    threads = [threading.Thread(target=desk, args=pair) for pair in (("lock-a", "lock-b"), ("lock-b", "lock-a"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert failures == []
    assert sorted(attempts) in (["lock-a", "lock-a", "lock-b"], ["lock-a", "lock-b", "lock-b"])  # one retry
    retried = max(set(attempts), key=attempts.count)  # it committed last: its own order is what stays
    other = ({"lock-a", "lock-b"} - {retried}).pop()
    assert (Meta.get_by_id(retried).value, Meta.get_by_id(other).value) == ("x", "y")


def test_postgres_errors_are_told_apart_by_sqlstate(any_db):
    _pg_only(any_db)
    with pytest.raises(pw.ProgrammingError) as err:
        any_db.execute_sql('SELECT * FROM "deadlock detected could not serialize"')
    any_db.rollback()
    assert classify_error(err.value, "x").code == "db_unavailable"
    with pytest.raises(StorageError) as conflict:
        with transaction():
            any_db.execute_sql("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END $$")
    assert isinstance(conflict.value, ConflictError) and conflict.value.code == "db_locked"
    calls = []

    @retry_conflicts
    def always_conflicting() -> None:
        calls.append(1)
        with transaction():
            any_db.execute_sql("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END $$")

    with pytest.raises(ConflictError):
        always_conflicting()
    assert len(calls) == RETRY_ATTEMPTS  # bounded


def _upgrade(target: str, barrier, results) -> None:
    try:
        from consult_desk.models import open_database
        from consult_desk.models.schema import ensure_schema as ensure

        open_database(target)
        barrier.wait(timeout=60)
        results.put(("ok", ensure()))
    except BaseException:  # noqa: BLE001
        results.put(("error", traceback.format_exc()))


@pytest.mark.parametrize("start_from", ["empty", "without step 6"])
def test_desks_upgrading_one_postgres_schema_at_once_are_serialised(any_db, start_from):
    """Issue 14 (9): two (here four) desks creating or upgrading one PostgreSQL schema at the same
    moment: an advisory lock makes them take turns; exactly one does the work."""
    _pg_only(any_db)
    if start_from == "empty":
        any_db.execute_sql("DROP SCHEMA public CASCADE")
        any_db.execute_sql("CREATE SCHEMA public")
    else:  # a database that has every step but this issue's (person and URL claims)
        any_db.drop_tables([PersonClaim, UrlClaim])
        steps = ",".join(str(v) for v in sorted(set(MIGRATIONS) - {6}))
        Meta.update(value=steps).where(Meta.key == STEPS_KEY).execute()
    any_db.close()
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(4), spawn.Queue()
    procs = [spawn.Process(target=_upgrade, args=(any_db.target, barrier, results)) for _ in range(4)]
    for p in procs:
        p.start()
    out = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [r for r in out if r[0] == "error"] == []
    work = [r[1] for r in out if r[1]]
    assert len(work) == 1, out
    assert work[0][-1] in (f"created schema {SCHEMA_VERSION}", "migrated to schema 6")
    open_database(any_db.target)
    assert stored_version() == SCHEMA_VERSION and PersonClaim.table_exists()


# ---------------------------------------------------------------- none of it ends in internal_error


def test_no_input_from_the_issue_ends_in_internal_error(hw, db_path, tmp_path, capsys):
    from consult_desk.cli import main

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    booked = [*HW_BOOK, "--start", "2027-01-13T10:00", "--name", "山田 花子"]
    inputs = [
        booked,
        [*HW_BOOK, "--start", "2027-01-13T10:30", "--name", "山田\n花子"],
        [*HW_BOOK, "--start", "2027-01-13T10:30", "--name", "山田\r\n花子"],
        [*HW_BOOK, "--start", "2027-01-13T10:30", "--name", "\u200b\n=1+1"],
        booked,  # the same person again in the same slot
        ["act", "1", "extend", "--minutes", "99999999999999999999", "--now", "2027-01-13T10:20"],
        ["act", "1", "extend", "--minutes", "0", "--now", "2027-01-13T10:20"],
        ["act", "1", "complete-by-phone", "--minutes", "99999999999999999999"],
        ["office", "--set", "seats=100000000000"],
        ["office", "--set", "seats=1e999"],
        ["event", "--kind", "x", "--start", "2027-01-13T10:00", "--minutes", "99999999999999999999"],
        ["export", "csv", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(fifo)],
        ["export", "ics", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(fifo)],
        ["mail", "1", "--template", "received", "--eml", str(fifo)],
        ["meeting", "1", "--url", "https://example.jp/a\nb"],
    ]
    for argv in inputs:
        code = main(["--db", str(db_path), *argv])
        _, err = capsys.readouterr()
        assert code in (0, 2) and "internal_error" not in err, (argv, err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
