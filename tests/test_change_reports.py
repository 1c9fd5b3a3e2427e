"""Issue 11: every service write reports what it changed; the counter is bumped by the write's own
transaction, exactly once, never by hand."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
from action_helpers import give_details

from consult_desk import (
    audit,
    auth,
    backup,
    booking,
    changes,
    credentials,
    export,
    ics,
    lifecycle,
    mail,
    offices,
    retention,
)
from consult_desk.actions import Action
from consult_desk.changes import Topic
from consult_desk.errors import RuleError
from consult_desk.lifecycle import PASSED_CHECKS, ActOptions
from consult_desk.models.schema import change_count

T = dt.datetime
WED = T(2027, 1, 13, 10, 0)
R, C, M, A = Topic.RESERVATIONS, Topic.CALLBACKS, Topic.MAIL, Topic.AUDIT
O, S = Topic.OFFICES, Topic.STAFF  # noqa: E741 (one letter per topic)


@pytest.fixture
def news():
    """What subscribers heard, one frozenset of topics per committed write."""
    heard: list[frozenset[Topic]] = []
    unsubscribe = changes.subscribe(heard.append)
    yield heard
    unsubscribe()


@pytest.fixture
def once(news):
    """``once(topics, fn, *args)``: fn's write bumps the counter exactly once and reports ``topics`` in
    one piece of news (the mail the reservation's change schedules or cancels may come with it)."""

    def check(topics: set[Topic], fn, *args, **kwargs):
        news.clear()
        before = change_count()
        result = fn(*args, **kwargs)
        assert change_count() == before + 1, f"{fn.__name__}: bumped {change_count() - before} times"
        assert len(news) == 1 and set(topics) <= news[0] <= set(topics) | {M, A}, f"{fn.__name__}: {news}"
        return result

    return check


def test_no_service_bumps_the_counter_by_hand():
    """The counter moves only through changes.touch inside a transaction (models.db.transaction)."""
    root = pathlib.Path(__file__).resolve().parent.parent / "consult_desk"
    callers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "bump_changes()" in path.read_text(encoding="utf-8") and path.name not in ("changes.py", "schema.py")
    ]
    assert callers == []


def test_booking_and_every_life_cycle_step_report_once(hw, ctx, clock, make_request, once, news):
    res = once({R}, booking.book, ctx, make_request(hw, WED))
    once({R}, lifecycle.act, ctx, res.id, Action.OFFER)  # confirms (004 第4条(2))
    once({R, A}, credentials.set_credentials, ctx, res.id, {"url": "https://teleoffice.example.jp/k/1"})
    once({A}, credentials.reveal, ctx, res.id)
    once({R}, lifecycle.act, ctx, res.id, Action.SEND_DETAILS)
    once({R}, lifecycle.act, ctx, res.id, Action.CONTACT, ActOptions(note="遅れると電話", channel="phone"))
    clock.set(WED - dt.timedelta(minutes=5))
    once({R}, lifecycle.act, ctx, res.id, Action.CHECK_IN, ActOptions(checks=PASSED_CHECKS))
    clock.set(WED)
    once({R}, lifecycle.act, ctx, res.id, Action.START)
    once({R, C}, lifecycle.act, ctx, res.id, Action.CONNECTION_FAILED)
    once({R, C}, lifecycle.log_callback_attempt, ctx, res.id, "reached")
    once({R, C}, lifecycle.act, ctx, res.id, Action.COMPLETE_BY_PHONE, ActOptions(minutes=20))
    # a refused action reports nothing and bumps nothing
    news.clear()
    before = change_count()
    with pytest.raises(RuleError):
        lifecycle.act(ctx, res.id, Action.COMPLETE)
    assert change_count() == before and news == []


def test_cancel_no_show_undo_and_a_reschedule_report_once(hw, ctx, clock, make_request, once):
    first = booking.book(ctx, make_request(hw, WED))
    once({R}, lifecycle.cancel, ctx, first.id, "phone", "都合により")
    res = booking.book(ctx, make_request(hw, WED, name="別の 人", phone="080-2222-3333", email="b@example.jp",
                                         answers={"job_seeker_no": "11010-22222222"}))
    lifecycle.act(ctx, res.id, Action.CONFIRM)
    clock.set(WED + dt.timedelta(minutes=11))
    once({R}, lifecycle.act, ctx, res.id, Action.NO_SHOW, ActOptions(note="連絡なし"))
    once({R, A}, lifecycle.act, ctx, res.id, Action.UNDO_NO_SHOW, ActOptions(note="記録の誤り"))
    clock.set(T(2027, 1, 5, 9, 0))
    # the reschedule books the new slot inside its own transaction: still one bump
    once({R}, lifecycle.reschedule, ctx, res.id, T(2027, 1, 20, 10, 0))


def test_mail_reports_once(hw, ctx, make_request, once, tmp_path):
    res = booking.book(ctx, make_request(hw, WED))
    row = once({M}, mail.queue, ctx, res.id, "received")
    once({M, A}, mail.record_result, ctx, row.id, "connection refused")
    once({M, A}, mail.save_eml, ctx, res.id, "received", tmp_path / "m.eml")


def test_offices_staff_and_sign_in_report_once(db, ctx, once):
    office = once({O, A}, offices.create_office, ctx, "hellowork-kawagoe").code
    once({O, A}, offices.update_config, ctx, office, {"seats": 3})
    once({O, A}, offices.add_closure, ctx, office, dt.date(2027, 2, 10), "庁舎点検")
    once({S, A}, auth.create_staff, ctx, "kato", "加藤", "counsellor", "correct horse battery")
    once({S, A}, auth.update_staff, ctx, "kato", display_name="加藤 一郎")
    once({S, A}, auth.set_password, ctx, "kato", "another long passphrase")
    once({A}, auth.sign_in, "kato", "another long passphrase", ctx.clock)


def test_exports_backups_and_purge_report_once(hw, ctx, clock, make_request, once, tmp_path):
    res = booking.book(ctx, make_request(hw, WED))
    give_details(ctx, res.id)
    once({A}, export.export_reservations, ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), tmp_path / "r.csv")
    once({A}, ics.export_ics, ctx, dt.date(2027, 1, 1), dt.date(2027, 1, 31), tmp_path / "r.ics")
    once({A}, audit.export_csv, ctx, tmp_path / "a.csv")
    once({A}, backup.backup_to, ctx, tmp_path / "b.sqlite3")
    lifecycle.cancel(ctx, res.id, "phone")
    clock.set(T(2033, 1, 1, 9, 0))
    once({R, C, M, A}, retention.purge, ctx)
