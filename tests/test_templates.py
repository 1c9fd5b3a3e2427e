"""Japanese mail templates: shipped files, per-office overrides, rendering with masked secrets."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk import booking, credentials, lifecycle, templates
from consult_desk.errors import RuleError
from consult_desk.presets import PRESET_IDS

WED = dt.datetime(2027, 1, 20, 10, 0)
CREDS = {
    "nishitokyo-childcare": {"url": "https://us02web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "Hx7k2Q"},
    "musashino-hoiku-concierge": {"room_key": "R0om-5521", "url": "https://rooms.example.jp/r/77"},
    "funabashi-kosodate": {"meeting_id": "98765432", "password": "Pw-20270120"},
    "yamaguchi-vocational": {"url": "https://teams.microsoft.com/l/meetup-join/abc"},
    "hellowork-kawagoe": {"url": "https://teleoffice.example.jp/room/42"},
}
SECRET = {"nishitokyo-childcare": "Hx7k2Q", "musashino-hoiku-concierge": "R0om-5521", "funabashi-kosodate": "Pw-20270120"}


@pytest.fixture
def confirmed(db, ctx, make_office, make_request):
    """One confirmed reservation per seed office, with its credentials set."""
    ids = {}
    for preset in PRESET_IDS:
        make_office(preset)
        res = booking.book(ctx, make_request(preset, WED))
        if res.status == "requested":
            # Hello Work: the office's mail naming the time confirms it (004 第4条(2)); the others confirm
            lifecycle.act(ctx, res.id, "offer" if preset == "hellowork-kawagoe" else "confirm")
        credentials.set_credentials(ctx, res.id, CREDS[preset])
        ids[preset] = res.id
    return ids


def all_template_files():
    root = templates.templates_dir()
    return sorted(root.glob("*/*.txt"))


def test_every_shipped_template_is_valid_japanese_and_each_kind_has_a_default():
    files = all_template_files()
    assert {p.stem for p in files if p.parent.name == "default"} == set(templates.TEMPLATE_NAMES)
    for path in files:
        text = path.read_text(encoding="utf-8")
        templates.check(text)
        subject, body = templates.split(text)
        assert subject.startswith("【") and "様" in body, path
        assert path.stem in templates.TEMPLATE_NAMES, path


@pytest.mark.parametrize("preset", PRESET_IDS)
def test_details_for_every_office_carry_the_way_in_masked_until_revealed(confirmed, clock, preset):
    rid = confirmed[preset]
    masked = templates.render(rid, "details", clock.today())
    assert "■実施日時\n2027年1月20日(水) 10:00～" in masked.body
    assert masked.to_addr == "hanako@example.jp"
    clear = templates.render(rid, "details", clock.today(), reveal=True)
    for field, value in CREDS[preset].items():
        shown = credentials.format_meeting_id(value) if field == "meeting_id" else value
        assert shown in clear.body, (field, clear.body)
    if preset in SECRET:
        assert SECRET[preset] not in masked.body and credentials.MASK in masked.body
    assert masked.subject == clear.subject and "\n" not in masked.subject


def test_nishitokyo_details_say_only_notified_people_may_join(confirmed, clock):
    """000 第5条(2)(4)(5): notified people only; connection test; face and name checked."""
    body = templates.render(confirmed["nishitokyo-childcare"], "details", clock.today(), reveal=True).body
    assert "このメールでご連絡した方のみ" in body and "接続テスト" in body and "顔とお名前" in body
    assert "ミーティングID：123 4567 8901" in body and "パスコード：Hx7k2Q" in body


def test_funabashi_details_tell_what_to_do_when_lost(confirmed, clock):
    """002 5(3): lost or stolen ID and password are reported to the office at once."""
    body = templates.render(confirmed["funabashi-kosodate"], "details", clock.today()).body
    assert "紛失" in body and "盗まれた" in body


def test_teams_details_say_the_url_differs_every_time(confirmed, clock):
    """003 2(4): URL（毎回異なる）."""
    body = templates.render(confirmed["yamaguchi-vocational"], "details", clock.today()).body
    assert "URLは毎回異なります" in body


def test_hello_work_received_and_offered_name_the_next_business_day(db, ctx, clock, make_office, make_request):
    """004 第4条(2): the office answers by the next business day, otherwise the applicant phones; the
    answer confirms on receipt, no reply is asked."""
    make_office("hellowork-kawagoe")
    res = booking.book(ctx, make_request("hellowork-kawagoe", WED))
    received = templates.render(res.id, "received", clock.today())
    assert "2027年1月5日(火)中に" in received.body and "お電話" in received.body
    offered = templates.render(res.id, "offered", clock.today())
    assert "受信をもってご予約が確定" in offered.body and "ご返信は不要" in offered.body and "返信がない場合" not in offered.body


def test_a_message_must_fit_the_reservation(confirmed, clock):
    rid = confirmed["nishitokyo-childcare"]
    with pytest.raises(RuleError) as err:
        templates.render(rid, "cancelled", clock.today())
    assert err.value.code == "template_not_for_status" and "キャンセルの確認" in err.value.message
    with pytest.raises(RuleError) as err:
        templates.render(rid, "offered", clock.today())
    assert err.value.code == "template_not_for_status"
    with pytest.raises(RuleError) as err:
        templates.render(rid, "no_such", clock.today())
    assert err.value.code == "template_unknown"


def test_details_need_complete_credentials(confirmed, ctx, clock):
    """000 第4条(3): the details mail is the URL, meeting ID and passcode: refused without them."""
    rid = confirmed["nishitokyo-childcare"]
    credentials.revoke(ctx, rid, "lost")
    with pytest.raises(RuleError) as err:
        templates.render(rid, "details", clock.today())
    assert err.value.code == "credential_required" and err.value.clause == "000 第4条(3)"
    reminder = templates.render(rid, "reminder", clock.today())
    assert templates.NO_MEETING in reminder.body


def test_cancelled_and_rescheduled_messages(confirmed, ctx, clock):
    rid = confirmed["musashino-hoiku-concierge"]
    new = lifecycle.reschedule(ctx, rid, WED + dt.timedelta(days=1))
    body = templates.render(rid, "rescheduled", clock.today()).body
    assert "2027年1月20日(水) 10:00～10:30" in body and f"{new.start:%H:%M}" in body and "2027年1月21日(木)" in body
    lifecycle.cancel(ctx, new.id, "phone")
    assert "キャンセル" in templates.render(new.id, "cancelled", clock.today()).subject


def test_an_office_edits_its_own_wording_and_can_go_back(confirmed, ctx, clock):
    office = "nishitokyo-childcare"
    rid = confirmed[office]
    assert templates.source(office, "details").origin == "shipped"
    assert templates.source(office, "reminder").origin == "default"
    text = "【${office_short_name}】明日の相談\n\n${name} 様\n${datetime}\n${meeting_block}\n"
    templates.save(ctx, office, "reminder", text)
    assert templates.source(office, "reminder").origin == "office"
    mail = templates.render(rid, "reminder", clock.today())
    assert mail.subject == "【西東京市 保育相談】明日の相談"
    assert mail.body.startswith("山田 花子 様\n2027年1月20日(水) 10:00～10:30\n")
    templates.reset(ctx, office, "reminder")
    assert templates.source(office, "reminder").origin == "default"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("件名\n本文がすぐ続く\n", "template_format"),
        ("\n\n本文\n", "template_format"),
        ("件名 ${unknown_thing}\n\n本文\n", "template_placeholder"),
        ("件名\n\n${name.__class__}\n", "template_placeholder"),
        ("件名\n\n料金 $ 100\n", "template_placeholder"),
    ],
)
def test_a_broken_template_is_refused_and_nothing_is_saved(confirmed, ctx, text, code):
    with pytest.raises(RuleError) as err:
        templates.save(ctx, "nishitokyo-childcare", "reminder", text)
    assert err.value.code == code
    assert templates.source("nishitokyo-childcare", "reminder").origin == "default"


def test_only_an_administrator_edits_templates(confirmed, clock):
    from consult_desk.context import Actor, Context

    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    with pytest.raises(RuleError) as err:
        templates.save(clerk, "nishitokyo-childcare", "reminder", "件名\n\n本文\n")
    assert err.value.code == "permission"
