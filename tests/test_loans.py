"""Equipment lent to participants (002 4(1)): the service and the command line (``loan add|return|list``)."""

from __future__ import annotations

import datetime as dt

import pytest
from cli_support import Cli

from consult_desk import booking, loans
from consult_desk.errors import RuleError
from consult_desk.models import AuditLog, Loan

T = dt.datetime
D = dt.date


def test_lend_and_return_for_a_session_and_an_event_participant(db, ctx, funa, make_request):
    """002 4(1) 「船橋市が必要と認めた参加者については…必要な環境を貸与する」: a tablet lent for a session
    on Friday 2027-02-12 (after 建国記念の日 2/11), due back the next business day, and a headset for a
    交流会 participant; out, overdue, returned."""
    ctx.clock.set(T(2027, 2, 3, 9, 0))
    res = booking.book(ctx, make_request(funa, T(2027, 2, 12, 10, 0)))
    event = booking.create_event(ctx, funa, "exchange", "オンライン交流会", T(2027, 2, 12, 13, 30), 60, 10)
    guest = booking.book(ctx, make_request(funa, None, event_id=event.id, name="佐藤 次郎", phone="090-2222-3333"))
    tablet = loans.add(ctx, res.id, "タブレット 1台", D(2027, 2, 15), lent_on=D(2027, 2, 10), note="充電器つき")
    headset = loans.add(ctx, guest.id, "ヘッドセット", D(2027, 2, 12), lent_on=D(2027, 2, 10), event_id=event.id)
    assert headset.event_id == event.id and tablet.event_id is None

    out = loans.rows(D(2027, 2, 12), funa)
    assert [r.id for r in out] == [headset.id, tablet.id] and not any(r.overdue for r in out)
    assert out[0].participant == "佐藤 次郎" and out[0].event_title == "オンライン交流会"
    late = loans.rows(D(2027, 2, 15), funa, overdue_only=True)
    assert [r.id for r in late] == [headset.id]

    loans.give_back(ctx, headset.id, D(2027, 2, 15))
    assert [r.id for r in loans.rows(D(2027, 2, 16), funa)] == [tablet.id]
    assert loans.rows(D(2027, 2, 16), funa)[0].overdue  # due 2/15, still out on 2/16
    every = loans.rows(D(2027, 2, 16), funa, include_returned=True)
    assert {r.id: r.returned_on for r in every} == {headset.id: D(2027, 2, 15), tablet.id: None}
    assert AuditLog.select().where(AuditLog.action.in_(["loan_add", "loan_return"])).count() == 3


def test_bad_loans_are_refused_and_store_nothing(db, ctx, funa, make_office, make_request):
    """002 4(1): only the office that lends; due back not before lent; returned once, not before lent;
    an event given must be the participant's."""
    ctx.clock.set(T(2027, 4, 20, 9, 0))
    res = booking.book(ctx, make_request(funa, T(2027, 5, 6, 10, 0)))  # after Golden Week 2027
    nishi = make_office("nishitokyo-childcare")
    other = booking.book(ctx, make_request(nishi, T(2027, 5, 7, 10, 0)))

    def refused(code, fn, *args, **kwargs):
        before = Loan.select().count()
        with pytest.raises(RuleError) as err:
            fn(ctx, *args, **kwargs)
        assert err.value.code == code, err.value.one_line()
        assert Loan.select().count() == before

    refused("loans_not_offered", loans.add, other.id, "タブレット", D(2027, 5, 7))
    refused("loan_due_before_lent", loans.add, res.id, "タブレット", D(2027, 4, 28), lent_on=D(2027, 5, 6))
    refused("required", loans.add, res.id, "  ", D(2027, 5, 7))
    refused("not_found", loans.add, 999, "タブレット", D(2027, 5, 7))
    refused("event_not_found", loans.add, res.id, "タブレット", D(2027, 5, 7), event_id=77)
    loan = loans.add(ctx, res.id, "タブレット", D(2027, 5, 7), lent_on=D(2027, 5, 6))
    refused("loan_return_before_lent", loans.give_back, loan.id, D(2027, 5, 5))
    loans.give_back(ctx, loan.id, D(2027, 5, 7))
    refused("loan_returned", loans.give_back, loan.id, D(2027, 5, 10))
    refused("loan_not_found", loans.give_back, 12345)


def test_loan_command_line(tmp_path, capsys):
    """002 4(1) from the command line: ``loan add|return|list --json``, exit 2 and one line when refused."""
    cli = Cli(tmp_path / "loans.sqlite3", capsys)
    cli("init", "--preset", "funabashi-kosodate", "--json")
    args = ["book", "--start", "2027-01-12T10:00", "--name", "山田 花子", "--phone", "090-1234-5678"]
    args += ["--email", "hanako@example.jp", "--consent", "--channel", "form", "--today", "2027-01-04", "--json"]
    for key, value in (("relationship", "乳幼児の保護者"), ("child_age_band", "1歳"), ("guardian_present", "保護者が参加する")):
        args += ["--field", f"{key}={value}"]
    rid = cli(*args)["id"]
    added = cli("loan", "add", "--reservation", str(rid), "--item", "タブレット", "--lent", "2027-01-08",
                "--due", "2027-01-13", "--today", "2027-01-08", "--json")
    assert added["item"] == "タブレット" and added["due_on"] == "2027-01-13" and added["returned_on"] is None
    listed = cli("loan", "list", "--today", "2027-01-14", "--json")
    assert [(r["id"], r["overdue"], r["participant"]) for r in listed] == [(added["id"], True, "山田 花子")]
    assert cli("loan", "list", "--overdue", "--today", "2027-01-13", "--json") == []
    line = cli("loan", "add", "--reservation", str(rid), "--item", "x", "--due", "2027-01-01", "--today", "2027-01-08",
               expect=2)
    assert line.startswith("loan_due_before_lent")
    assert cli("loan", "add", "--item", "x", "--due", "2027-01-20", expect=2).startswith("loan_target")
    back = cli("loan", "return", str(added["id"]), "--date", "2027-01-14", "--json")
    assert back["returned_on"] == "2027-01-14" and back["returned_by"] == "cli"
    assert cli("loan", "list", "--json") == []
    assert len(cli("loan", "list", "--all", "--json")) == 1
    assert cli("loan", "return", str(added["id"]), expect=2).startswith("loan_returned")
    assert cli("loan", "return", "99", expect=2).startswith("loan_not_found")
