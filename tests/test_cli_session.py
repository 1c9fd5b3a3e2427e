"""The session day through the command line: board, act, callbacks, callback, next-booking.
The same transitions as the window, with exit 2 and one stderr line naming the rule on refusal."""

from __future__ import annotations

import pytest
from cli_support import Cli

BOOKED_ON = "2027-01-04"


@pytest.fixture
def cli(tmp_path, capsys):
    return Cli(tmp_path / "cli.sqlite3", capsys)


def setup_office(cli, preset: str) -> None:
    cli("init", "--preset", preset, "--json")


def book(cli, preset: str, start: str, phone: str = "090-1234-5678", **extra) -> int:
    args = ["book", "--office", preset, "--start", start, "--name", "山田 花子", "--phone", phone]
    args += ["--email", "hanako@example.jp", "--consent", "--today", BOOKED_ON, "--json"]
    for field in cli("fields", "--office", preset, "--json"):
        if field["key"] not in ("name", "kana", "phone", "email") and field["example"]:
            args += ["--field", f"{field['key']}={field['example']}"]
    channel = "phone" if preset in ("hellowork-kawagoe", "yamaguchi-vocational") else "form"
    args += ["--channel", channel]
    res = cli(*args)
    if res["status"] == "requested":
        cli("act", str(res["id"]), "confirm", "--channel", "email", "--today", BOOKED_ON, "--json")
    return int(res["id"])


def board(cli, preset: str, now: str) -> dict[int, dict]:
    return {row["id"]: row for row in cli("board", "--office", preset, "--now", now, "--json")}


def test_a_session_from_check_in_to_extension_and_end(cli):
    """000 第5条(4)(5) check-in, 004 第4条(1) extend to 45 minutes, 001 the end does not move."""
    setup_office(cli, "hellowork-kawagoe")
    rid = book(cli, "hellowork-kawagoe", "2027-01-13T10:00")
    row = board(cli, "hellowork-kawagoe", "2027-01-13T09:50")[rid]
    assert (row["next_action"], row["countdown"], row["countdown_to"]) == ("check-in", 10, "start")
    line = cli("act", str(rid), "check-in", "--connection", "ok", "--identity-not-checked", "--now", "2027-01-13T09:55", expect=2)
    assert line.startswith("identity_not_checked:")
    cli("act", str(rid), "check-in", "--connection", "ok", "--now", "2027-01-13T09:55", "--json")
    assert board(cli, "hellowork-kawagoe", "2027-01-13T09:56")[rid]["next_action"] == "start"
    cli("act", str(rid), "start", "--now", "2027-01-13T10:03", "--json")
    row = board(cli, "hellowork-kawagoe", "2027-01-13T10:26")[rid]
    assert row["timer"]["planned_end"] == "2027-01-13T10:30" and row["timer"]["late_minutes"] == 3
    assert row["timer"]["warning"] and "ending_soon" in row["warnings"] and "extend" in row["actions"]
    shown = cli("act", str(rid), "extend", "--now", "2027-01-13T10:27", "--json")
    assert shown["end"] == "2027-01-13T10:45"
    line = cli("act", str(rid), "extend", "--minutes", "5", "--now", "2027-01-13T10:40", expect=2)
    assert line.startswith("extend_limit (004 第4条(1))")
    shown = cli("act", str(rid), "complete", "--now", "2027-01-13T10:45", "--json")
    assert shown["status"] == "completed"
    assert [h["action"] for h in shown["history"]] == ["book", "confirm", "check-in", "start", "extend", "complete"]
    assert all(h["staff"] == "cli" for h in shown["history"])


def test_failed_connection_test_then_phone_callback_to_completion(cli):
    """000 第5条(4): the test failed, so not start but 接続不良; 003 8: the office phones."""
    setup_office(cli, "yamaguchi-vocational")
    rid = book(cli, "yamaguchi-vocational", "2027-01-13T10:00")
    cli("act", str(rid), "check-in", "--connection", "failed", "--now", "2027-01-13T09:57", "--json")
    assert board(cli, "yamaguchi-vocational", "2027-01-13T09:58")[rid]["next_action"] == "connection-failed"
    line = cli("act", str(rid), "start", "--now", "2027-01-13T10:00", expect=2)
    assert line.startswith("connection_test_failed (003 8)")
    cli("act", str(rid), "connection-failed", "--note", "映像が映らない", "--now", "2027-01-13T10:01", "--json")
    assert cli("callbacks", "--office", "yamaguchi-vocational", "--json") == [
        {"reservation": rid, "phone": "090-1234-5678", "due": "2027-01-13T10:01", "attempts": 0}
    ]
    assert cli("callbacks", "--office", "hellowork-kawagoe", "--json", expect=2).startswith("unknown_office")
    line = cli("act", str(rid), "unreachable", "--now", "2027-01-13T10:02", expect=2)
    assert line.startswith("callback_no_attempt:")
    cli("callback", str(rid), "--result", "no_answer", "--now", "2027-01-13T10:02", "--json")
    assert cli("callbacks", "--json")[0]["due"] == "2027-01-13T10:07"
    line = cli("act", str(rid), "complete-by-phone", "--minutes", "20", "--now", "2027-01-13T10:05", expect=2)
    assert line.startswith("callback_not_reached:")
    got = cli("callback", str(rid), "--result", "reached", "--note", "電話で継続", "--now", "2027-01-13T10:07", "--json")
    assert got == {"reservation": rid, "result": "reached", "at": "2027-01-13T10:07"}
    assert board(cli, "yamaguchi-vocational", "2027-01-13T10:08")[rid]["next_action"] == "complete-by-phone"
    line = cli("act", str(rid), "complete-by-phone", "--now", "2027-01-13T10:30", expect=2)
    assert line.startswith("phone_duration:")
    shown = cli("act", str(rid), "complete-by-phone", "--minutes", "23", "--now", "2027-01-13T10:30", "--json")
    assert shown["status"] == "completed_by_phone" and cli("callbacks", "--json") == []
    actions = [h["action"] for h in shown["history"]]
    assert actions[2:] == ["check-in", "connection-failed", "callback-attempt", "callback-attempt", "complete-by-phone"]


def test_nishitokyo_reschedule_after_failure_needs_city_fault_and_a_reason(cli):
    """000 第10条(7): 原因が市にあると認められる場合を除いて、他の時間帯等での対応はできかねます."""
    setup_office(cli, "nishitokyo-childcare")
    rid = book(cli, "nishitokyo-childcare", "2027-01-13T10:00")
    # 000 第5条(2): details never mailed: check-in with the reason staff give
    cli("act", str(rid), "check-in", "--now", "2027-01-13T09:58", "--json", expect=2)
    cli("act", str(rid), "check-in", "--note", "URL等を電話で伝えた", "--now", "2027-01-13T09:58", "--json")
    cli("act", str(rid), "start", "--now", "2027-01-13T10:00", "--json")
    cli("act", str(rid), "connection-failed", "--now", "2027-01-13T10:04", "--json")
    cli("callback", str(rid), "--result", "reached", "--now", "2027-01-13T10:05", "--json")
    for extra in ([], ["--city-fault"], ["--note", "つながらない"]):
        line = cli("act", str(rid), "reschedule", "--start", "2027-01-21T10:00", *extra, "--now", "2027-01-13T10:06", expect=2)
        assert line.startswith("reschedule_city_fault (000 第10条(7))")
    shown = cli(
        "act", str(rid), "reschedule", "--start", "2027-01-21T10:00", "--city-fault", "--note", "市の回線障害",
        "--now", "2027-01-13T10:06", "--json",
    )
    assert shown["status"] == "confirmed" and shown["rescheduled_from"] == rid
    old = cli("show", str(rid), "--json")
    assert old["status"] == "rescheduled" and old["rescheduled_to"] == [shown["id"]]


def test_no_show_after_the_grace_and_undo_by_a_supervisor(cli):
    """003 7(2), 004 第4条(4): 10 minutes past the start without contact."""
    setup_office(cli, "hellowork-kawagoe")
    rid = book(cli, "hellowork-kawagoe", "2027-01-13T10:00")
    row = board(cli, "hellowork-kawagoe", "2027-01-13T10:09")[rid]
    assert row["next_action"] == "check-in" and "no-show" not in row["actions"] and row["countdown_to"] == "no_show"
    assert cli("act", str(rid), "no-show", "--now", "2027-01-13T10:09", expect=2).startswith("no_show_too_early (004 第4条(4))")
    assert board(cli, "hellowork-kawagoe", "2027-01-13T10:10")[rid]["next_action"] == "no-show"
    line = cli("act", str(rid), "no-show", "--now", "2027-01-13T10:10", expect=2)
    assert line.startswith("reason_required:")  # a no-show needs a reason from the command line too
    assert cli("show", str(rid), "--json")["status"] == "confirmed"
    done = cli("act", str(rid), "no-show", "--note", "連絡なし", "--now", "2027-01-13T10:10", "--json")
    assert done["status"] == "no_show" and done["history"][-1]["note"] == "連絡なし"
    # the first account makes the database one that signs in; that administrator adds the others
    cli("staff", "add", "chief", "--role", "admin", "--name", "管理者", new_password="chief-password")
    as_chief = {"password": "chief-password"}
    cli("staff", "add", "kato", "--role", "counsellor", "--name", "加藤", "--staff", "chief", new_password="kato-password",
        **as_chief)
    cli("staff", "add", "boss", "--role", "supervisor", "--name", "主任", "--staff", "chief", new_password="boss-password",
        **as_chief)
    line = cli("act", str(rid), "undo-no-show", "--note", "接続あり", "--staff", "kato", expect=2, password="kato-password")
    assert line.startswith("permission:")
    line = cli("act", str(rid), "undo-no-show", "--staff", "boss", expect=2, password="boss-password")
    assert line.startswith("reason_required:")
    shown = cli(
        "act", str(rid), "undo-no-show", "--note", "接続していたが記録漏れ", "--staff", "boss", "--now", "2027-01-13T11:00",
        "--json", password="boss-password",
    )
    assert shown["status"] == "confirmed" and shown["history"][-1]["staff"] == "boss"


def test_terminate_and_next_booking_in_session(cli):
    """004 第10条(1) terminate and flag; 004 第4条(3) the next booking in session is confirmed at once."""
    setup_office(cli, "hellowork-kawagoe")
    rid = book(cli, "hellowork-kawagoe", "2027-01-13T10:00")
    other = book(cli, "hellowork-kawagoe", "2027-01-13T10:30", phone="090-9999-0000")
    cli("act", str(rid), "check-in", "--now", "2027-01-13T09:58", "--json")
    cli("act", str(rid), "start", "--now", "2027-01-13T10:00", "--json")
    line = cli("next-booking", str(other), "--start", "2027-01-27T10:00", "--now", "2027-01-13T10:05", expect=2)
    assert line.startswith("in_session_booking:")
    nxt = cli("next-booking", str(rid), "--start", "2027-01-27T10:00", "--now", "2027-01-13T10:05", "--json")
    assert nxt["status"] == "confirmed" and nxt["channel"] == "in-session"
    assert "next-booking" in board(cli, "hellowork-kawagoe", "2027-01-13T10:06")[rid]["actions"]
    cli("act", str(other), "check-in", "--now", "2027-01-13T10:28", "--json")
    cli("act", str(other), "start", "--now", "2027-01-13T10:30", "--json")
    line = cli("act", str(other), "terminate", "--act", "dancing", "--note", "x", "--now", "2027-01-13T10:40", expect=2)
    assert line.startswith("unknown_act (004 第10条(1))")
    assert cli("act", str(other), "terminate", "--act", "threats", "--now", "2027-01-13T10:40", expect=2).startswith("reason_required")
    shown = cli("act", str(other), "terminate", "--act", "threats", "--note", "暴言が続いた", "--now", "2027-01-13T10:40", "--json")
    assert shown["status"] == "terminated" and shown["flagged"] is True
