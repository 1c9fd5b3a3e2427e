"""The outbox sends on schedule, exactly once, by one desk (issue 17), against a real SMTP server
on loopback (aiosmtpd) that counts what arrives: the schedule across a holiday weekend, two desk
processes racing for the same queue, a desk killed between the server's DATA reply and the
database write, retries with back-off, a refused recipient, the lease taken over."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import signal
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from action_helpers import give_details
from smtp_helpers import HOST, Handler, Received, SmtpServer, free_port

from consult_desk import booking, credentials, lifecycle, mail, outbox
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import AuditLog, Outbox, Reservation, SenderLease
from consult_desk.offices import get_config, update_config

NISHI = "nishitokyo-childcare"
HW = "hellowork-kawagoe"
BOOKED_ON = dt.datetime(2027, 1, 4, 9, 0)  # Monday, the first business day of 2027
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"}
SPAWN = mp.get_context("spawn")
CHILD = Path(__file__).with_name("outbox_child.py")


def configure(ctx, office: str, port: int) -> None:
    """Plain SMTP to a server on this PC (allowed for localhost only), no password."""
    mail.save_settings(ctx, office, mail.SmtpSettings(host=HOST, port=port, security="none", user="",
                                                      from_addr="soudan@city.example.jp", from_name="相談窓口", timeout=5))


class Picky(Handler):
    """Refuses one recipient (550), accepts the rest."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd API)
        if address.startswith("nobody@"):
            return "550 5.1.1 <nobody@example.jp>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def book_nishi(ctx, make_request, start: dt.datetime, who: int = 0, email: str | None = None) -> Reservation:
    req = make_request(NISHI, start, name=f"申込者 {who}", phone=f"080-0000-{who:04d}",
                       email=email or f"user{who}@example.jp")
    res = booking.book(ctx, req)
    credentials.set_credentials(ctx, res.id, ZOOM)
    return res


def message_ids(server) -> list[str]:
    return [r.message["Message-ID"] for r in server.received]


def test_details_and_reminder_go_out_at_their_times_across_a_holiday_weekend(db, ctx, clock, make_office,
                                                                              make_request, tmp_path):
    """000 第4条(3): the details by 3 business days before Tuesday 12 January 2027 (the 6th, since
    Monday the 11th is 成人の日); the reminder the business day before, which is Friday the 8th
    at 16:00, not Monday. A fixed clock walks every 30 minutes from the booking to the session:
    each arrives once, at its time, and nothing arrives over the weekend or on the holiday."""
    make_office(NISHI)
    with SmtpServer(tmp_path, "none") as server:
        configure(ctx, NISHI, server.port)
        res = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 10, 0))
        assert [(e.template, e.due, e.status) for e in outbox.schedule(NISHI)] == [
            ("details", dt.datetime(2027, 1, 6, 9, 0), "scheduled"),
            ("reminder", dt.datetime(2027, 1, 8, 16, 0), "scheduled"),
        ]
        arrivals: list[tuple[dt.datetime, str]] = []
        while clock.now() < dt.datetime(2027, 1, 12, 10, 0):
            before = len(server.received)
            outbox.send_due(ctx)
            for received in server.received[before:]:
                arrivals.append((clock.now(), str(received.message["Subject"])))
            clock.advance(minutes=30)
    assert [(when, "接続情報" in subject) for when, subject in arrivals] == [
        (dt.datetime(2027, 1, 6, 9, 0), True),
        (dt.datetime(2027, 1, 8, 16, 0), False),
    ]
    assert len(set(message_ids(server))) == 2
    assert Reservation.get_by_id(res.id).status == "details_sent"
    assert {e.template: e.status for e in outbox.schedule(NISHI)} == {"details": "sent", "reminder": "sent"}
    sent = Outbox.get(Outbox.template == "details")
    assert sent.message_id == server.received[0].message["Message-ID"]  # stored before it was sent


def test_a_reservation_confirmed_today_for_soon_gets_its_details_at_once(db, ctx, clock, make_office, make_request):
    """The notify-by day has come already (a Hello Work session 2 business days ahead, confirmed
    on the notify-by day itself): the details are due at once, the reminder that afternoon."""
    make_office(HW)
    res = booking.book(ctx, make_request(HW, dt.datetime(2027, 1, 6, 10, 0)))
    [answer] = outbox.schedule(HW)
    assert (answer.template, answer.due) == ("offered", BOOKED_ON)  # 004 第4条(2): answered at once
    assert outbox.answer_deadline(get_config(HW), res) == dt.date(2027, 1, 5)
    clock.set(dt.datetime(2027, 1, 5, 10, 30))
    lifecycle.act(ctx, res.id, "confirm")
    entries = {e.template: e for e in outbox.schedule(HW)}
    assert entries["offered"].status == "cancelled"  # the answer no longer fits a confirmed booking
    assert entries["details"].due == dt.datetime(2027, 1, 5, 10, 30)  # notify-by (the 5th) has come
    assert entries["reminder"].due == dt.datetime(2027, 1, 5, 16, 0)


def test_hello_work_answer_goes_out_and_the_state_machine_moves_on(db, ctx, clock, make_office, make_request, tmp_path):
    """004 第4条(2): the answer mail is sent by the sender; what it does to the booking is the
    state machine's (offer -> offered here); once confirmed, details and reminder are scheduled."""
    make_office(HW)
    with SmtpServer(tmp_path, "none") as server:
        configure(ctx, HW, server.port)
        res = booking.book(ctx, make_request(HW, dt.datetime(2027, 1, 13, 10, 0)))
        assert outbox.send_due(ctx).as_json() == {"sent": 1, "failed": 0}
        assert len(server.received) == 1
        status = Reservation.get_by_id(res.id).status
        assert status in ("offered", "confirmed")
        if status == "offered":
            lifecycle.act(ctx, res.id, "confirm")
        templates = sorted(e.template for e in outbox.schedule(HW) if e.status == "scheduled")
        assert templates == ["details", "reminder"]


def test_staff_hold_change_and_cancel_and_a_moved_reservation_takes_its_mail(db, ctx, clock, make_office,
                                                                            make_request, tmp_path):
    make_office(NISHI)
    res = book_nishi(ctx, make_request, dt.datetime(2027, 1, 20, 10, 0))
    details, reminder = (Outbox.get(Outbox.reservation == res.id, Outbox.template == t) for t in ("details", "reminder"))
    outbox.hold(ctx, details.id)
    with pytest.raises(RuleError) as err:
        outbox.hold(ctx, details.id)
    assert err.value.code == "outbox_state"
    clock.set(dt.datetime(2027, 1, 15, 10, 0))
    assert details.id not in outbox.due_ids(ctx)  # held: not sent even though due
    outbox.release(ctx, details.id)
    assert details.id in outbox.due_ids(ctx)
    with pytest.raises(RuleError) as err:
        outbox.reschedule(ctx, reminder.id, dt.datetime(2027, 1, 20, 10, 0))
    assert err.value.code == "outbox_due_after_start"
    with pytest.raises(RuleError) as err:
        outbox.reschedule(ctx, reminder.id, dt.datetime(2027, 1, 14, 10, 0))
    assert err.value.code == "outbox_due_past"
    outbox.reschedule(ctx, reminder.id, dt.datetime(2027, 1, 19, 12, 0))
    assert Outbox.get_by_id(reminder.id).due == dt.datetime(2027, 1, 19, 12, 0)
    outbox.cancel(ctx, details.id)
    lifecycle.act(ctx, res.id, "contact", lifecycle.ActOptions(note="電話で確認"))
    assert Outbox.get_by_id(details.id).state == "cancelled"  # staff's cancellation stands
    assert Outbox.select().where(Outbox.reservation == res.id, Outbox.template == "details").count() == 1
    assert {a.action for a in AuditLog.select()} >= {"outbox_hold", "outbox_release", "outbox_move", "outbox_cancel"}

    # moved to another day: the old reservation's pending mail goes with it, the new one gets its own
    new = lifecycle.reschedule(ctx, res.id, dt.datetime(2027, 1, 27, 10, 0), lifecycle.ActOptions(city_fault=True))
    assert Outbox.get_by_id(reminder.id).state == "cancelled"
    mine = {r.template: r.due for r in Outbox.select().where(Outbox.reservation == new.id, Outbox.state == "scheduled")}
    assert mine == {"details": dt.datetime(2027, 1, 22, 9, 0), "reminder": dt.datetime(2027, 1, 26, 16, 0)}
    lifecycle.cancel(ctx, new.id, "phone")
    assert not Outbox.select().where(Outbox.reservation == new.id, Outbox.state.in_(["scheduled", "held"])).exists()


def test_details_marked_sent_by_hand_take_the_schedules_copy_away(db, ctx, clock, make_office, make_request):
    """000 第4条(3): the clerk sent the details another way and pressed 案内送付済にする: the schedule's
    details message is cancelled (never sent twice), the reminder stays."""
    make_office(NISHI)
    res = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 10, 0))
    give_details(ctx, res.id)  # the way in is registered before it can be marked sent (issue 11)
    lifecycle.act(ctx, res.id, "send-details", lifecycle.ActOptions(channel="phone"))
    rows = {r.template: r for r in Outbox.select().where(Outbox.reservation == res.id)}
    assert rows["details"].state == "cancelled" and "案内送付済" in rows["details"].error
    assert rows["reminder"].state == "scheduled"
    lifecycle.act(ctx, res.id, "contact", lifecycle.ActOptions(note="確認"))  # a later sync keeps it so
    assert Outbox.get_by_id(rows["details"].id).state == "cancelled"
    assert Outbox.select().where(Outbox.reservation == res.id, Outbox.template == "details").count() == 1


def test_a_refused_recipient_fails_that_message_only_with_the_servers_words(db, ctx, clock, make_office,
                                                                          make_request, tmp_path):
    make_office(NISHI)
    server = SmtpServer(tmp_path, "none")
    server.handler = Picky()
    server.controller.handler = server.handler
    with server:
        configure(ctx, NISHI, server.port)
        good = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 10, 0), 1)  # details due on the 6th
        bad = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 11, 0), 2, email="nobody@example.jp")
        later = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 13, 0), 3)
        clock.set(dt.datetime(2027, 1, 6, 9, 0))
        report = outbox.send_due(ctx)
    assert report.as_json() == {"sent": 2, "failed": 1}
    assert {r.rcpt_tos[0] for r in server.received} == {"user1@example.jp", "user3@example.jp"}
    row = Outbox.get(Outbox.reservation == bad.id, Outbox.template == "details")
    assert row.state == "failed" and "550" in row.error and "User unknown" in row.error and row.attempts == 1
    for res in (good, later):
        assert Reservation.get_by_id(res.id).status == "details_sent"


def test_a_server_away_is_retried_with_back_off_then_failed(db, ctx, clock, make_office, make_request):
    make_office(NISHI)
    configure(ctx, NISHI, free_port())  # nothing listens there
    mail.save_settings(ctx, NISHI, mail.SmtpSettings(host=HOST, port=free_port(), security="none",
                                                    from_addr="soudan@city.example.jp", timeout=2))
    update_config(ctx, NISHI, {"mail_schedule": {"reminder": False}})
    res = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 10, 0))
    [row] = Outbox.select().where(Outbox.reservation == res.id)
    clock.set(row.due)
    waits = []
    for _ in range(outbox.MAX_ATTEMPTS):
        report = outbox.send_due(ctx)
        row = Outbox.get_by_id(row.id)
        if row.state == "scheduled":
            waits.append(int((row.due - clock.now()).total_seconds() // 60))
            assert report.retrying == 1 and "接続できませんでした" in row.error
            clock.set(row.due)
    assert waits == list(outbox.BACKOFF_MINUTES)
    assert row.state == "failed" and row.attempts == outbox.MAX_ATTEMPTS and "接続できませんでした" in row.error
    with pytest.raises(RuleError):  # not an interrupted send: staff cannot record it as sent
        outbox.confirm_sent(ctx, row.id)
    assert outbox.send_due(ctx).as_json() == {"sent": 0, "failed": 0}  # failed stays failed


def test_the_lease_is_one_desk_at_a_time_and_taken_over_when_it_expires(db, ctx, clock, make_office):
    assert outbox.take_lease(ctx, "desk-a")
    assert outbox.take_lease(ctx, "desk-a")  # renewed
    clock.advance(seconds=outbox.LEASE_SECONDS - 1)
    assert not outbox.take_lease(ctx, "desk-b")
    assert outbox.send_due(ctx, holder="desk-b").skipped
    clock.advance(seconds=2)  # desk-a stopped renewing
    assert outbox.take_lease(ctx, "desk-b")
    assert SenderLease.get_by_id("outbox").holder == "desk-b"
    assert not outbox.take_lease(ctx, "desk-a")
    outbox.release_lease(ctx, "desk-b")
    assert outbox.take_lease(ctx, "desk-a")


# ---------------------------------------------------------------- several processes


def _desk(target: str, now: str, desk: int, bypass_lease: bool, barrier, results) -> None:
    try:
        from consult_desk import outbox as ob
        from consult_desk.models import open_database

        open_database(target, create=False)
        if bypass_lease:  # prove the per-message claim alone never sends twice
            ob.take_lease = lambda *a, **k: True
        ctx = Context(Actor(f"desk{desk}", "受付", "reception"), FixedClock(dt.datetime.fromisoformat(now)))
        barrier.wait(timeout=120)
        report = ob.send_due(ctx, holder=f"desk{desk}")
        results.put(("ok", desk, report.sent, report.failed, report.skipped))
    except BaseException:  # noqa: BLE001 - reported to the test
        results.put(("error", traceback.format_exc(), 0, 0, False))


def race(target: str, now: dt.datetime, desks: int, bypass_lease: bool) -> list[tuple]:
    barrier = SPAWN.Barrier(desks)
    results = SPAWN.Queue()
    procs = [SPAWN.Process(target=_desk, args=(target, now.isoformat(), i, bypass_lease, barrier, results))
             for i in range(desks)]
    for p in procs:
        p.start()
    out = [results.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    errors = [r[1] for r in out if r[0] == "error"]
    assert errors == [], errors[0] if errors else ""
    return out


@pytest.mark.parametrize("bypass_lease", [False, True], ids=["lease", "claim-only"])
def test_two_desks_racing_send_each_message_exactly_once(any_db, ctx, clock, make_office, make_request, tmp_path,
                                                         bypass_lease):
    """Done-when: a confirmed Nishitokyo session's details mail and reminder arrive at the loopback
    server exactly once with two desks running (and three, with or without the lease)."""
    make_office(NISHI)
    with SmtpServer(tmp_path, "none") as server:
        configure(ctx, NISHI, server.port)
        for who in range(6):
            book_nishi(ctx, make_request, dt.datetime(2027, 1, 13 + who % 3, 10 + who // 3, 0), who)
        now = dt.datetime(2027, 1, 12, 16, 0)  # every details message, and the reminders for the 13th
        expected = len(outbox.due_ids(Context(ctx.actor, FixedClock(now))))
        assert expected == 8
        out = race(any_db.target, now, 3 if bypass_lease else 2, bypass_lease)
        assert sum(r[2] for r in out) == expected and sum(r[3] for r in out) == 0
        if not bypass_lease:
            assert sorted(r[4] for r in out) == [False, True]  # one desk sent, the other stood aside
    ids = message_ids(server)
    assert len(ids) == expected and len(set(ids)) == expected
    stored = {r.message_id for r in Outbox.select().where(Outbox.state == "sent")}
    assert stored == set(ids)


def test_a_desk_killed_between_data_and_the_database_write_never_sends_twice(db, db_path, ctx, clock, make_office,
                                                                           make_request, tmp_path):
    """The server accepted the message (DATA answered 250), then the desk died before writing the
    result. The row stays "sending" with its Message-ID; the next sender leaves it alone while it
    may still be in progress, then marks it for staff to check, and never resends it blindly."""
    make_office(NISHI)
    with SmtpServer(tmp_path, "none") as server:
        configure(ctx, NISHI, server.port)
        res = book_nishi(ctx, make_request, dt.datetime(2027, 1, 12, 10, 0))
        now = dt.datetime(2027, 1, 6, 9, 5)  # the details are due (the reminder on the 8th)
        db.close()
        proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), now.isoformat()],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            line = proc.stdout.readline().strip()
            assert line.startswith("accepted "), line + proc.stderr.read()
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert len(server.received) == 1
        outbox_id = int(line.split()[1])
        row = Outbox.get_by_id(outbox_id)
        assert row.state == "sending" and row.message_id == server.received[0].message["Message-ID"]

        clock.set(now + dt.timedelta(minutes=2))  # it might still be on its way: left alone
        outbox.send_due(ctx)
        assert Outbox.get_by_id(outbox_id).state == "sending"
        clock.set(now + dt.timedelta(minutes=outbox.STALE_MINUTES + 1))
        report = outbox.send_due(ctx)
        assert report.interrupted == 1
        row = Outbox.get_by_id(outbox_id)
        assert row.state == "failed" and row.message_id in row.error and "確認" in row.error
        for _ in range(3):
            clock.advance(hours=1)
            outbox.send_due(ctx)
        assert len(server.received) == 1  # the interrupted details message was not resent
    outbox.confirm_sent(ctx, outbox_id)  # staff checked with the applicant: it did arrive
    assert Outbox.get_by_id(outbox_id).state == "sent"
    assert Reservation.get_by_id(res.id).status == "details_sent"


def test_received_helper_is_the_servers_record():
    assert Received("a", ["b"], b"Subject: x\r\n\r\nbody").message["Subject"] == "x"


# ---------------------------------------------------------------- the command line


def test_cli_outbox_list_and_send_due_contract(db_path, capsys, tmp_path):
    """`outbox list --json` -> [{id, reservation, template, due, status}]; `outbox send-due --now T
    --json` -> {sent, failed}, through the office's SMTP settings set with `office --set smtp=...`."""
    import json as _json

    from cli_support import Cli

    cli = Cli(db_path, capsys)
    cli("init", "--preset", NISHI)
    sample = Path(__file__).resolve().parents[1] / "resources" / "import"
    cli("import", "csv", "--office", NISHI, "--file", str(sample / "logo-form-nishitokyo-sample.csv"), "--mapping",
        str(sample / "logo-form-nishitokyo.mapping.json"), "--now", "2027-01-08T09:00", "--json")
    listed = cli("outbox", "list", "--office", NISHI, "--json")
    assert all(set(e) == {"id", "reservation", "template", "due", "status"} for e in listed)
    assert [(e["reservation"], e["template"], e["due"]) for e in listed if e["template"] == "details"] == [
        (1, "details", "2027-01-08T09:00"), (2, "details", "2027-01-08T09:00"), (3, "details", "2027-01-12T09:00")]
    for rid in (1, 2, 3):
        cli("meeting", str(rid), "--url", "https://us02web.zoom.us/j/12345678901", "--meeting-id", "12345678901",
            "--passcode", "Hx7k2Q")
    held = next(e for e in listed if e["reservation"] == 2 and e["template"] == "details")
    assert cli("outbox", "hold", str(held["id"]), "--json")["status"] == "held"
    line = cli("outbox", "move", str(held["id"]), "--due", "2027-01-13T14:00", "--now", "2027-01-08T09:00", "--json",
               expect=2)
    assert line.startswith("outbox_due_after_start:")
    with SmtpServer(tmp_path, "none") as server:
        smtp = {"host": HOST, "port": server.port, "security": "none", "from_addr": "soudan@city.example.jp"}
        cli("office", "--office", NISHI, "--set", f"smtp={_json.dumps(smtp)}")
        assert cli("outbox", "send-due", "--now", "2027-01-08T09:05", "--json") == {"sent": 1, "failed": 0}
        assert cli("outbox", "send-due", "--now", "2027-01-08T09:06", "--json") == {"sent": 0, "failed": 0}
    assert len(server.received) == 1 and server.received[0].rcpt_tos == ["hanako@example.jp"]
    statuses = {(e["reservation"], e["template"]): e["status"] for e in cli("outbox", "list", "--json")}
    assert statuses[(1, "details")] == "sent" and statuses[(2, "details")] == "held"
    assert cli("outbox", "hold", "999", "--json", expect=2).startswith("outbox_not_found:")
