"""Issue 11: actions as data. One table (``states.SPECS``) that the services enforce and the command
line and the views read; each example of the issue as a test that failed on the old main."""

from __future__ import annotations

import datetime as dt

import pytest
from action_helpers import give_details, send_details
from cli_support import Cli

from consult_desk import booking, cli, credentials, lifecycle
from consult_desk.actions import VIA_ACT, Action, Need
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.lifecycle import ActOptions
from consult_desk.models import History, Reservation
from consult_desk.states import IRREVERSIBLE, SPECS, TRANSITIONS, Status, allowed_actions

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)


def refused(code: str, fn, *args, **kwargs) -> RuleError:
    with pytest.raises(RuleError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.one_line()
    return err.value


def history(res_id: int) -> list[str]:
    return [h.action for h in History.select().where(History.reservation == res_id).order_by(History.id)]


# ---------------------------------------------------------------- the table


def test_every_action_name_is_in_the_enum_and_has_one_spec():
    assert set(SPECS) == set(Action)
    assert all(spec.action == action for action, spec in SPECS.items())
    # the state machine is the table's transitions; the old names are the enum's values
    assert set(TRANSITIONS) == {a for a, s in SPECS.items() if s.transition}
    assert "no-show" in TRANSITIONS and Action("check-in") is Action.CHECK_IN


def test_irreversible_actions_come_from_the_table_and_include_marking_details_sent():
    """The window confirms what the table calls irreversible: "Mark details sent" is one of them now."""
    assert IRREVERSIBLE == {a for a, s in SPECS.items() if s.irreversible}
    assert Action.SEND_DETAILS in IRREVERSIBLE and Action.NO_SHOW in IRREVERSIBLE
    assert Action.CHECK_IN not in IRREVERSIBLE


def test_what_each_action_needs():
    assert SPECS[Action.NO_SHOW].needs == {Need.REASON}
    assert SPECS[Action.SEND_DETAILS].needs == {Need.MEETING_DETAILS}
    assert SPECS[Action.TERMINATE].needs == {Need.PROHIBITED_ACT, Need.REASON}
    assert SPECS[Action.CHECK_IN].needs == {Need.CONNECTION_TEST}
    assert SPECS[Action.COMPLETE_BY_PHONE].needs == {Need.MINUTES}
    assert Need.TROUBLE_ACK in SPECS[Action.BOOK].needs
    assert SPECS[Action.UNDO_NO_SHOW].roles == {"supervisor", "admin"}
    assert SPECS[Action.NO_SHOW].roles == {"reception", "counsellor", "supervisor", "admin"}


def test_every_handled_action_has_a_handler_and_nothing_else_does():
    assert set(lifecycle.HANDLERS) == {a for a, s in SPECS.items() if s.via == VIA_ACT}


def test_the_command_line_offers_exactly_the_table(tmp_path, capsys):
    """The CLI and the services read the same table: `act` takes the actions lifecycle.act carries out."""
    parser = cli.build_parser()
    act = next(a for a in parser._subparsers._group_actions[0].choices["act"]._actions if a.dest == "action")
    assert list(act.choices) == [a.value for a, s in SPECS.items() if s.via == VIA_ACT]
    assert "cancel" not in act.choices  # cancel has its own command (channel rules)


def test_an_unknown_action_is_a_sentence(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    err = refused("unknown_action", lifecycle.act, ctx, res.id, "dance")
    assert "dance" in err.message


# ---------------------------------------------------------------- no-show needs a reason (every caller)


def test_no_show_without_a_reason_is_refused_by_the_service(db, ctx, clock, make_office, make_request):
    """003 7(2), 004 第4条(4): a no-show is recorded with why; the panel asked, the board and the CLI did not."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, Action.CONFIRM)
    clock.set(T(2027, 1, 13, 10, 11))
    refused("reason_required", lifecycle.act, ctx, res.id, Action.NO_SHOW)
    refused("reason_required", lifecycle.act, ctx, res.id, Action.NO_SHOW, ActOptions(note="　 "))
    assert lifecycle.get_reservation(res.id).status == "confirmed" and history(res.id) == ["book", "confirm"]
    lifecycle.act(ctx, res.id, Action.NO_SHOW, ActOptions(note="連絡なし"))
    assert lifecycle.get_reservation(res.id).status == "no_show"


@pytest.fixture
def cmd(tmp_path, capsys):
    return Cli(tmp_path / "cli.sqlite3", capsys)


def cli_book(cmd, preset: str, start: str, *extra: str, phone: str = "090-1234-5678", email: str = "hanako@example.jp",
             expect: int = 0):
    args = ["book", "--office", preset, "--start", start, "--name", "山田 花子", "--phone", phone, "--email", email]
    args += ["--consent", "--today", "2027-01-04", "--json"]
    for field in cmd("fields", "--office", preset, "--json"):
        if field["key"] not in ("name", "kana", "phone", "email") and field["example"]:
            args += ["--field", f"{field['key']}={field['example']}"]
    channel = "phone" if preset in ("hellowork-kawagoe", "yamaguchi-vocational") else "form"
    return cmd(*args, "--channel", channel, *extra, expect=expect)


def test_no_show_from_the_command_line_needs_a_note(cmd):
    """004 第4条(4) from the command line: exit 2 naming the rule, nothing stored; with --note it is recorded."""
    cmd("init", "--preset", "hellowork-kawagoe", "--json")
    rid = str(cli_book(cmd, "hellowork-kawagoe", "2027-01-13T10:00")["id"])
    cmd("act", rid, "confirm", "--today", "2027-01-04", "--json")
    line = cmd("act", rid, "no-show", "--now", "2027-01-13T10:11", expect=2)
    assert line.startswith("reason_required:")
    assert [h["action"] for h in cmd("show", rid, "--json")["history"]] == ["book", "confirm"]
    shown = cmd("act", rid, "no-show", "--note", "連絡なし", "--now", "2027-01-13T10:11", "--json")
    assert shown["status"] == "no_show"


# ---------------------------------------------------------------- send-details needs the meeting details


PLATFORM_MISSING = {
    "nishitokyo-childcare": "ミーティングURL・ミーティングID・パスコード",  # Zoom: 000 第4条(3)
    "musashino-hoiku-concierge": "ルームキー",  # ROOMS: 001
    "funabashi-kosodate": "ID・パスワード",  # web meeting: 002 5
    "yamaguchi-vocational": "会議URL",  # Teams: 003 2(4)
    "hellowork-kawagoe": "接続URL",  # TeleOffice: 004 第4条(2)
}


@pytest.mark.parametrize("preset", list(PLATFORM_MISSING))
def test_details_cannot_be_marked_sent_without_the_platforms_meeting_details(db, ctx, make_office, make_request, preset):
    """000 第4条(3), 001, 002 5, 003 2(4), 004 第4条(2): the way in goes out complete, per platform."""
    office = make_office(preset)
    start = T(2027, 1, 20, 10, 0)
    if preset == "funabashi-kosodate":
        event = booking.create_event(ctx, office, "consultation", "オンライン相談", start, 60, capacity=5)
        res = booking.book(ctx, make_request(office, None, event_id=event.id))
    else:
        res = booking.book(ctx, make_request(office, start))
    if res.status != "confirmed":
        lifecycle.act(ctx, res.id, Action.CONFIRM)
    before = history(res.id)
    err = refused("details_incomplete", lifecycle.act, ctx, res.id, Action.SEND_DETAILS, ActOptions(channel="email"))
    assert PLATFORM_MISSING[preset] in err.message
    assert history(res.id) == before and lifecycle.get_reservation(res.id).status == "confirmed"
    offer = next(o for o in lifecycle.offered_actions(ctx, res.id) if o.action == Action.SEND_DETAILS)
    assert offer.irreversible and offer.refusal == err.message and offer.refusal_code == "details_incomplete"
    give_details(ctx, res.id)
    assert next(o for o in lifecycle.offered_actions(ctx, res.id) if o.action == Action.SEND_DETAILS).available
    lifecycle.act(ctx, res.id, Action.SEND_DETAILS, ActOptions(channel="email"))
    assert lifecycle.get_reservation(res.id).status == "details_sent"


def test_withdrawn_details_block_marking_them_sent(db, ctx, make_office, make_request):
    """002 5(3): lost credentials withdrawn, no new ones yet: nothing complete to send."""
    office = make_office("nishitokyo-childcare")
    res = booking.book(ctx, make_request(office, T(2027, 1, 20, 10, 0)))
    if res.status != "confirmed":
        lifecycle.act(ctx, res.id, Action.CONFIRM)
    give_details(ctx, res.id)
    credentials.revoke(ctx, res.id, "lost")
    refused("details_incomplete", lifecycle.act, ctx, res.id, Action.SEND_DETAILS)


def test_send_details_from_the_command_line_needs_the_meeting_details(cmd):
    cmd("init", "--preset", "hellowork-kawagoe", "--json")
    rid = str(cli_book(cmd, "hellowork-kawagoe", "2027-01-13T10:00")["id"])
    cmd("act", rid, "confirm", "--today", "2027-01-04", "--json")
    line = cmd("act", rid, "send-details", "--today", "2027-01-05", expect=2)
    assert line.startswith("details_incomplete") and "接続URL" in line
    needs = {row["action"]: row for row in cmd("actions", rid, "--today", "2027-01-05", "--json")}
    assert needs["send-details"]["refusal"] == "details_incomplete" and needs["send-details"]["irreversible"]
    assert needs["no-show"]["needs"] == ["reason"]
    cmd("meeting", rid, "--url", "https://teleoffice.example.jp/kawagoe/1", "--json")
    shown = cmd("act", rid, "send-details", "--channel", "email", "--today", "2027-01-05", "--json")
    assert shown["status"] == "details_sent"


# ---------------------------------------------------------------- earlier trouble is acknowledged explicitly


def _no_show(ctx, clock, office, make_request, start=WED, **overrides) -> Reservation:
    res = booking.book(ctx, make_request(office, start, **overrides))
    if res.status != "confirmed":
        lifecycle.act(ctx, res.id, Action.CONFIRM)
    clock.set(start + dt.timedelta(minutes=11))
    lifecycle.act(ctx, res.id, Action.NO_SHOW, ActOptions(note="連絡なし"))
    clock.set(start + dt.timedelta(days=1))
    return res


def test_booking_a_person_with_earlier_trouble_is_refused_without_an_acknowledgement(
    db, ctx, clock, make_office, make_request
):
    """004 第4条(4), 003 7(2), 002 6: earlier trouble is shown and the staff decide. A booking that did not
    acknowledge it used to be stored with "trouble acknowledged" in its history; now it is refused,
    naming the dates, and nothing is written."""
    office = make_office("hellowork-kawagoe")
    old = _no_show(ctx, clock, office, make_request)
    count = Reservation.select().count()
    err = refused("trouble_not_acknowledged", booking.book, ctx, make_request(office, T(2027, 1, 20, 10, 0)))
    assert "2027年1月13日(水) 無断キャンセル" in err.message and f"予約{old.id}" in err.message
    assert Reservation.select().count() == count
    again = booking.book(ctx, make_request(office, T(2027, 1, 20, 10, 0), acknowledge_trouble=True))
    entry = History.get(History.reservation == again, History.action == "book")
    assert entry.data["trouble_acknowledged"] == [old.id]


def test_the_same_person_is_found_by_e_mail_and_job_seeker_number(db, ctx, clock, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    _no_show(ctx, clock, office, make_request)
    first = make_request(office, WED)
    same_email = make_request(office, T(2027, 1, 20, 10, 0), phone="080-9999-0000", email=first.email)
    refused("trouble_not_acknowledged", booking.book, ctx, same_email)
    same_number = make_request(office, T(2027, 1, 20, 10, 0), phone="080-9999-0001", email="other@example.jp",
                               answers={"job_seeker_no": first.answers["job_seeker_no"]})
    refused("trouble_not_acknowledged", booking.book, ctx, same_number)


def test_an_acknowledgement_without_trouble_records_nothing(db, ctx, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED, acknowledge_trouble=True))
    entry = History.get(History.reservation == res, History.action == "book")
    assert "trouble_acknowledged" not in entry.data and "過去の利用状況" not in entry.note


def test_the_command_line_books_a_person_with_trouble_only_with_acknowledge_trouble(cmd):
    """004 第4条(4): `book` without --acknowledge-trouble used to store an acknowledgement nobody gave."""
    cmd("init", "--preset", "hellowork-kawagoe", "--json")
    rid = str(cli_book(cmd, "hellowork-kawagoe", "2027-01-13T10:00")["id"])
    cmd("act", rid, "confirm", "--today", "2027-01-04", "--json")
    cmd("act", rid, "no-show", "--note", "連絡なし", "--now", "2027-01-13T10:11", "--json")
    line = cli_book(cmd, "hellowork-kawagoe", "2027-01-20T10:00", "--today", "2027-01-14", expect=2)
    assert line.startswith("trouble_not_acknowledged") and "2027年1月13日(水)" in line
    assert len(cmd("search", "山田", "--json")) == 1
    booked = cli_book(cmd, "hellowork-kawagoe", "2027-01-20T10:00", "--acknowledge-trouble")
    history_ = cmd("show", str(booked["id"]), "--json")["history"]
    assert "過去の利用状況を確認のうえ受付" in history_[0]["note"]


def test_a_reschedule_of_a_person_with_trouble_needs_the_acknowledgement(db, ctx, clock, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    _no_show(ctx, clock, office, make_request)
    res = booking.book(ctx, make_request(office, T(2027, 1, 20, 10, 0), acknowledge_trouble=True))
    refused("trouble_not_acknowledged", lifecycle.reschedule, ctx, res.id, T(2027, 1, 27, 10, 0))
    assert lifecycle.get_reservation(res.id).status in ("requested", "confirmed")
    new = lifecycle.reschedule(ctx, res.id, T(2027, 1, 27, 10, 0), ActOptions(acknowledge_trouble=True))
    assert new.rescheduled_from_id == res.id


# ---------------------------------------------------------------- what is offered now


def test_offered_actions_follow_the_state_the_role_and_the_rules(db, ctx, clock, make_office, make_request):
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, Action.CONFIRM)
    offers = {o.action: o for o in lifecycle.offered_actions(ctx, res.id)}
    assert list(offers) == allowed_actions("confirmed")
    clock.set(T(2027, 1, 13, 10, 5))
    offers = {o.action: o for o in lifecycle.offered_actions(ctx, res.id)}
    assert offers[Action.NO_SHOW].refusal_code == "no_show_too_early" and offers[Action.NO_SHOW].needs == {Need.REASON}
    clock.set(T(2027, 1, 13, 10, 10))
    assert next(o for o in lifecycle.offered_actions(ctx, res.id) if o.action == Action.NO_SHOW).available
    lifecycle.act(ctx, res.id, Action.NO_SHOW, ActOptions(note="連絡なし"))
    reception = Context(actor=Actor("uke", "受付", "reception"), clock=clock)
    supervisor = Context(actor=Actor("boss", "主任", "supervisor"), clock=clock)
    assert lifecycle.offered_actions(reception, res.id) == []
    assert [o.action for o in lifecycle.offered_actions(supervisor, res.id)] == [Action.UNDO_NO_SHOW]


def test_check_in_needs_the_connection_test_result(db, ctx, clock, make_office, make_request):
    """000 第5条(4): the test before the start is recorded with its result, never assumed."""
    office = make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request(office, WED))
    lifecycle.act(ctx, res.id, Action.CONFIRM)
    send_details(ctx, res.id)
    clock.set(T(2027, 1, 13, 9, 55))
    refused("connection_test_required", lifecycle.act, ctx, res.id, Action.CHECK_IN)
    lifecycle.act(ctx, res.id, Action.CHECK_IN, ActOptions(checks={"connection_test": "failed"}))
    assert lifecycle.last_checks(lifecycle.get_reservation(res.id))["connection_test"] == "failed"
    assert lifecycle.get_reservation(res.id).status == Status.CHECKED_IN
