"""The command-line contract (names, flags, JSON shapes, exit codes) on all five presets."""

from __future__ import annotations

import csv
import os

import pytest
from cli_support import Cli

from consult_desk.presets import PRESET_IDS


@pytest.fixture
def cli(tmp_path, capsys):
    return Cli(tmp_path / "cli.sqlite3", capsys)


def example_args(cli, office: str) -> list[str]:
    fields = cli("fields", "--office", office, "--json")
    args = []
    standard = {"name": "--name", "phone": "--phone", "email": "--email", "kana": "--kana"}
    for f in fields:
        assert set(f) == {"key", "label", "required", "choices", "example"}
        if f["key"] in standard:
            args += [standard[f["key"]], f["example"]]
        elif f["example"]:
            args += ["--field", f"{f['key']}={f['example']}"]
    return args


@pytest.mark.parametrize("preset", PRESET_IDS)
def test_contract_on_every_preset(cli, preset, tmp_path):
    assert cli("init", "--preset", preset, "--json") == {"office": preset}
    assert cli("offices", "--json") == [{"id": preset, "name": cli.capsys and cli("offices", "--json")[0]["name"], "preset": preset}]
    slots = cli("slots", "--office", preset, "--date", "2027-01-20", "--today", "2027-01-04", "--json")
    assert slots and set(slots[0]) == {"start", "end", "seats", "booked", "bookable", "reason"}
    assert all(s["bookable"] and s["reason"] is None for s in slots)
    channel = {"nishitokyo-childcare": "form"}.get(preset, "phone")
    booked = cli(
        "book", "--office", preset, "--start", slots[0]["start"], *example_args(cli, preset),
        "--channel", channel, "--consent", "--today", "2027-01-04", "--json",
    )
    assert set(booked) == {"id", "start", "end", "status", "notify_by"}
    assert booked["start"] == slots[0]["start"] and booked["end"] == slots[0]["end"]
    shown = cli("show", str(booked["id"]), "--json")
    assert {"id", "status", "start", "end", "name", "phone", "email", "history"} <= set(shown)
    assert set(shown["history"][0]) >= {"status", "at", "channel", "staff", "note"}
    after = cli("slots", "--office", preset, "--date", "2027-01-20", "--today", "2027-01-04", "--json")
    assert after[0]["booked"] == 1
    # a closed day prints []
    assert cli("slots", "--office", preset, "--date", "2027-01-11", "--json") == []
    out = tmp_path / "out.csv"
    cli("export", "csv", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(out))
    rows = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
    assert rows[0][0] == "予約ID" and len(rows) == 2


def test_refusals_exit_2_with_the_rule(cli):
    """004 第4条(1): 前々日 — and every refusal is one stderr line naming the rule."""
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    args = example_args(cli, "hellowork-kawagoe")
    line = cli(
        "book", "--start", "2027-01-13T10:00", *args, "--channel", "phone", "--consent", "--today", "2027-01-12",
        "--json", expect=2,
    )
    assert line.startswith("app_deadline (004 第4条(1))")
    line = cli("book", "--start", "2027-01-13T10:00", *args, "--channel", "phone", "--today", "2027-01-04", "--json", expect=2)
    assert line.startswith("consent_missing")
    line = cli("book", "--start", "2027-13-45T10:00", *args, "--channel", "phone", "--consent", "--json", expect=2)
    assert line.startswith("invalid_datetime")
    assert cli("show", "999", "--json", expect=2).startswith("not_found")
    assert cli("fields", "--office", "nowhere", "--json", expect=2).startswith("unknown_office")


def test_book_cancel_act_and_callbacks(cli):
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    args = example_args(cli, "hellowork-kawagoe")
    first = cli("book", "--start", "2027-01-13T10:00", *args, "--channel", "phone", "--consent", "--today", "2027-01-04", "--json")
    assert first["status"] == "requested" and first["notify_by"] == "2027-01-12"
    # 004 第4条(2): the office's mail naming the time confirms the booking
    assert cli("act", str(first["id"]), "offer", "--now", "2027-01-04T10:00", "--json")["status"] == "confirmed"
    line = cli("act", str(first["id"]), "no-show", "--now", "2027-01-13T10:05", "--json", expect=2)
    assert line.startswith("no_show_too_early (004 第4条(4))")
    cli("act", str(first["id"]), "check-in", "--now", "2027-01-13T09:58", "--json")
    cli("act", str(first["id"]), "start", "--now", "2027-01-13T10:00", "--json")
    shown = cli("act", str(first["id"]), "connection-failed", "--now", "2027-01-13T10:07", "--json")
    assert shown["status"] == "phone_callback"
    queue = cli("callbacks", "--json")
    assert queue == [{"reservation": first["id"], "phone": "090-1234-5678", "due": "2027-01-13T10:07", "attempts": 0}]
    cli("callback", str(first["id"]), "--result", "busy", "--now", "2027-01-13T10:09", "--json")
    assert cli("callbacks", "--json")[0]["attempts"] == 1
    cli("callback", str(first["id"]), "--result", "reached", "--now", "2027-01-13T10:14", "--json")
    assert cli("act", str(first["id"]), "complete-by-phone", "--minutes", "15", "--json")["status"] == "completed_by_phone"
    assert cli("callbacks", "--json") == []
    second = cli("book", "--start", "2027-01-14T10:00", *args, "--channel", "phone", "--consent", "--today", "2027-01-04", "--json")
    line = cli("cancel", str(second["id"]), "--channel", "email", "--now", "2027-01-14T08:00", "--json", expect=2)
    assert line.startswith("same_day_cancel (004 第4条(4))")
    assert cli("cancel", str(second["id"]), "--channel", "phone", "--now", "2027-01-14T08:00", "--json")["status"] == "cancelled"
    assert cli("act", str(second["id"]), "start", "--json", expect=2).startswith("transition")


def test_demo_database_has_every_status(cli):
    # placed around the hour given (issue 15, 7): at 10:40 a session runs, one waits on a callback
    cli("init", "--preset", "yamaguchi-vocational", "--demo", "--now", "2027-01-13T10:40", "--json")
    from consult_desk.models import Reservation
    from consult_desk.states import Status

    statuses = {r.status for r in Reservation.select(Reservation.status).distinct()}
    assert statuses == {s.value for s in Status} - {"offered"}  # Yamaguchi does not offer by e-mail
    from consult_desk.models import History

    for rid in {h.reservation_id for h in History.select(History.reservation)}:
        times = [h.at for h in History.select(History.at).where(History.reservation == rid).order_by(History.id)]
        assert times == sorted(times), f"reservation {rid}: its history does not read in time order"


def test_office_is_edited_after_creation(cli):
    """An office starts from its preset and can then be edited; closures count as closed days."""
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    shown = cli("office", "--json")
    assert shown["seats"] == 2 and "text" not in shown["terms"]
    assert cli("office", "--set", "seats=3", "--json")["seats"] == 3
    slots = cli("slots", "--date", "2027-01-13", "--today", "2027-01-04", "--json")
    assert slots[0]["seats"] == 3
    cli("office", "--closure", "2027-01-13", "--reason", "庁舎点検", "--json")
    assert cli("slots", "--date", "2027-01-13", "--today", "2027-01-04", "--json") == []
    assert cli("office", "--set", "no_such_key=1", "--json", expect=2).startswith("unknown_field")


def test_office_edits_keep_the_kind_of_value(cli):
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    assert cli("office", "--set", "seats=many", "--json", expect=2).startswith("invalid_value")
    assert cli("office", "--set", "seats=0", "--json", expect=2).startswith("invalid_value")
    assert cli("office", "--set", "booking_channels=\"phone\"", "--json", expect=2).startswith("invalid_value")
    assert cli("office", "--json")["seats"] == 2


def test_a_bug_is_one_sentence_and_a_log_entry(cli, monkeypatch):
    """No traceback reaches the user: exit 1, one line naming the error log, the details in the log."""
    from consult_desk import cli as cli_module
    from consult_desk import crashlog

    cli("init", "--preset", "hellowork-kawagoe", "--json")

    def broken(args, ctx):
        raise ZeroDivisionError("boom")

    monkeypatch.setitem(cli_module.COMMANDS, "offices", broken)
    code = cli_module.main(["--db", cli.db, "offices", "--json"])
    out, err = cli.capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("internal_error: 予期しないエラー") and "Traceback" not in err
    assert "ZeroDivisionError: boom" in crashlog.log_path().read_text(encoding="utf-8")


def test_exports_to_a_folder_are_refused_cleanly(cli, tmp_path):
    cli("init", "--preset", "hellowork-kawagoe", "--json")
    for kind in ("csv", "ics"):
        line = cli("export", kind, "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(tmp_path), expect=2)
        assert line.startswith("file_unwritable")
    assert not list(tmp_path.glob("*.part"))


def test_output_piped_into_head_is_not_an_error(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "pipe.sqlite3"
    subprocess.run([sys.executable, "-m", "consult_desk", "--db", str(db), "init", "--preset", "hellowork-kawagoe", "--demo",
                    "--today", "2027-01-13", "--json"], check=True, capture_output=True)
    proc = subprocess.run(
        f"'{sys.executable}' -m consult_desk --db '{db}' search 山 --staff reception | head -n 1",
        shell=True, capture_output=True, text=True, check=True,
        env={**os.environ, "CONSULT_DESK_PASSWORD": "demo-reception"},  # the demo database has staff accounts
    )
    assert proc.stdout.count("\n") == 1 and "BrokenPipe" not in proc.stderr and "Traceback" not in proc.stderr
