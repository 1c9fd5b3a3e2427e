"""Command-line additions for supervisors: report, audit, backup, restore, purge (names and shapes kept)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from cli_support import Cli

from consult_desk import auth
from consult_desk.models import DB, open_database
from consult_desk.models.schema import SCHEMA_VERSION, ensure_schema

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
HW = "hellowork-kawagoe"


@pytest.fixture
def demo(tmp_path, capsys):
    """The Hello Work demo (827 reservations up to 2026-11-24), as committed for schema 1."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(FIXTURE_V1, path)
    return Cli(path, capsys)


@pytest.fixture
def one_old(tmp_path, capsys):
    """One applicant with one session on 2027-01-13, finished long ago by 2027-06-01."""
    cli = Cli(tmp_path / "old.sqlite3", capsys)
    cli("init", "--preset", HW, "--json")
    cli("book", "--office", HW, "--start", "2027-01-13T10:00", "--name", "山田 花子", "--phone", "090-1234-5678",
        "--email", "hanako@example.jp", "--field", "job_seeker_no=11010-12345678", "--field", "has_webcam_device=はい",
        "--field", "continuing_support=はい", "--channel", "phone", "--consent", "--today", "2027-01-04", "--json")
    cli("meeting", "1", "--url", "https://teleoffice.example.jp/kawagoe/1", "--today", "2027-01-04", "--json")
    for action, now in (("confirm", "2027-01-05T09:00"), ("send-details", "2027-01-05T09:00"),
                        ("check-in", "2027-01-13T09:55"), ("start", "2027-01-13T10:00"), ("complete", "2027-01-13T10:30")):
        cli("act", "1", action, "--now", now, "--json")
    return cli


def test_report_daily_shape(demo):
    data = demo("report", "daily", "--date", "2026-11-24", "--office", HW, "--json")
    assert list(data) == ["date", "sessions", "by_status", "callbacks_open", "no_shows"]
    assert data["date"] == "2026-11-24" and sum(data["by_status"].values()) == data["sessions"] > 0
    assert data["callbacks_open"] == 1
    assert demo("report", "daily", "--date", "2026-11-24", "--json") == data  # one office: the same without --office


def test_report_monthly_json_and_csv(demo, tmp_path):
    data = demo("report", "monthly", "--month", "2026-10", "--office", HW, "--json")
    assert data["month"] == "2026-10" and {"by_status", "by_channel", "cancelled", "no_shows"} <= set(data)
    assert sum(data["by_status"].values()) == data["sessions"]
    for encoding in ("utf-8-sig", "cp932"):
        out = tmp_path / f"oct-{encoding}.csv"
        result = demo("report", "monthly", "--month", "2026-10", "--csv", str(out), "--encoding", encoding, "--json")
        assert result["rows"] >= 5 and result["encoding"] == encoding and result["unencodable"] == []
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig") and b"\r\n" in raw
        with out.open(encoding=encoding, newline="") as fh:
            table = list(csv.reader(fh))
        assert table[1][:2] == ["合計", "合計"] and table[1][4] == str(data["sessions"])
    exports = demo("audit", "--action", "export_statistics", "--json")
    assert [(e["staff"], e["count"]) for e in exports] == [("cli", result["rows"])] * 2


def test_bad_month_and_missing_date_are_refused(demo):
    assert demo("report", "monthly", "--month", "2026-13", "--json", expect=2).startswith("invalid_month")
    assert demo("report", "daily", "--json", expect=2).startswith("required")


def test_audit_shape_and_period(demo):
    rows = demo("audit", "--from", "2026-11-24", "--to", "2026-11-24", "--json")
    assert rows and all(list(r) == ["at", "staff", "action", "target", "count"] for r in rows)
    assert all(r["at"].startswith("2026-11-24") for r in rows)
    assert demo("audit", "--from", "2030-01-01", "--json") == []


def test_backup_then_restore(demo, tmp_path):
    copy = tmp_path / "saved" / "monday.sqlite3"
    made = demo("backup", str(copy), "--json")
    assert made == {"backup": str(copy), "bytes": copy.stat().st_size, "schema": SCHEMA_VERSION, "reservations": 827}
    demo("purge", "--before", "2026-11-24", "--today", "2026-11-24", "--json")
    restored = demo("restore", str(copy), "--json")
    assert restored["reservations"] == 827 and Path(restored["safety_copy"]).is_file()
    assert [r["action"] for r in demo("audit", "--action", "restore", "--json")] == ["restore"]


def test_restore_refuses_a_damaged_file_with_one_line(demo, tmp_path):
    copy = tmp_path / "bad.sqlite3"
    demo("backup", str(copy), "--json")
    data = bytearray(copy.read_bytes())
    data[8192:40000] = b"\x00" * (40000 - 8192)
    copy.write_bytes(bytes(data))
    line = demo("restore", str(copy), "--json", expect=2)
    assert line.startswith("restore_damaged") and "変更していません" in line
    assert demo("report", "daily", "--date", "2026-11-24", "--json")["sessions"] == 10


def test_purge_counts_then_anonymises_and_is_audited(one_old):
    month = one_old("report", "monthly", "--month", "2027-01", "--json")
    dry = one_old("purge", "--before", "2027-02-01", "--dry-run", "--today", "2027-06-01", "--json")
    assert dry == {"anonymised": 1}
    assert one_old("show", "1", "--json")["name"] == "山田 花子"
    assert one_old("purge", "--before", "2027-02-01", "--today", "2027-06-01", "--json") == {"anonymised": 1}
    shown = one_old("show", "1", "--json")
    assert (shown["name"], shown["phone"], shown["email"], shown["job_seeker_no"]) == ("（匿名化済み）", "", "", "")
    assert one_old("report", "monthly", "--month", "2027-01", "--json") == month
    purges = one_old("audit", "--action", "purge", "--json")
    assert [(p["staff"], p["count"]) for p in purges] == [("cli", 1)]


def test_desk_roles_are_refused_on_the_command_line(one_old):
    open_database(one_old.db)
    ensure_schema()
    auth.create_demo_accounts()
    DB.close()
    for argv in (("purge", "--before", "2027-02-01"), ("audit",), ("report", "monthly", "--month", "2027-01"),
                 ("backup", "x.sqlite3")):
        line = one_old(*argv, "--staff", "reception", "--today", "2027-06-01", "--json", expect=2, password="demo-reception")
        assert line.startswith("permission")
    assert one_old("audit", "--staff", "supervisor", "--json", password="demo-supervisor")
