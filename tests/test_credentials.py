"""Meeting credentials per session, by platform: validation, uniqueness, loss and reissue, reveal."""

from __future__ import annotations

import datetime as dt

import pytest

from consult_desk import audit, booking, credentials, lifecycle
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.models import History, MeetingCredential

WED = dt.datetime(2027, 1, 20, 10, 0)
ZOOM = {"url": "https://us02web.zoom.us/j/12345678901?pwd=Zm9vYmFy", "meeting_id": "123 4567 8901", "passcode": "Hx7k2Q"}


@pytest.fixture
def book(db, ctx, make_office, make_request):
    def factory(preset: str, start: dt.datetime = WED) -> int:
        office = make_office(preset) if not _exists(preset) else preset
        return booking.book(ctx, make_request(office, start)).id

    return factory


def _exists(code: str) -> bool:
    from consult_desk.models import Office

    return Office.get_or_none(Office.code == code) is not None


def refused(code: str, fn, *args, **kwargs) -> RuleError:
    with pytest.raises(RuleError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value.one_line()
    return err.value


def test_zoom_needs_url_meeting_id_and_passcode(book, ctx):
    """000 第4条(3): Zoom ミーティングアドレス、ミーティングID、パスコードをご連絡します."""
    rid = book("nishitokyo-childcare")
    error = refused("credential_required", credentials.set_credentials, ctx, rid, {**ZOOM, "passcode": ""})
    assert "パスコード" in error.message
    assert MeetingCredential.select().count() == 0
    credentials.set_credentials(ctx, rid, {**ZOOM, "meeting_id": "１２３ ４５６７ ８９０１"})
    summary = credentials.summary(rid)
    assert summary.values["meeting_id"] == "12345678901"
    assert summary.set_fields == ["url", "meeting_id", "passcode"] and summary.missing == []
    assert credentials.format_meeting_id("12345678901") == "123 4567 8901"


@pytest.mark.parametrize(
    "url",
    ["http://us02web.zoom.us/j/1", "javascript:alert(1)", "https://zoom us/j/1", "zoom.us/j/1", "https://localhost/x"],
)
def test_meeting_url_must_be_https(book, ctx, url):
    rid = book("nishitokyo-childcare")
    refused("credential_url", credentials.set_credentials, ctx, rid, {**ZOOM, "url": url})


@pytest.mark.parametrize("meeting_id", ["abc defg hij", "1234 5678", "123456789012", "１２３-４５６-ｘｙｚ"])
def test_zoom_meeting_id_is_9_to_11_digits(book, ctx, meeting_id):
    rid = book("nishitokyo-childcare")
    refused("credential_meeting_id", credentials.set_credentials, ctx, rid, {**ZOOM, "meeting_id": meeting_id})


def test_passcode_is_ascii_without_spaces(book, ctx):
    rid = book("nishitokyo-childcare")
    refused("credential_secret_format", credentials.set_credentials, ctx, rid, {**ZOOM, "passcode": "あいう"})
    refused("credential_secret_format", credentials.set_credentials, ctx, rid, {**ZOOM, "passcode": "ab cd"})
    credentials.set_credentials(ctx, rid, {**ZOOM, "passcode": "Ａｂ１２"})  # full-width is normalised
    assert credentials.current(rid).passcode == "Ab12"


def test_a_field_the_platform_does_not_use_is_refused(book, ctx):
    rid = book("nishitokyo-childcare")
    error = refused("credential_field_unused", credentials.set_credentials, ctx, rid, {**ZOOM, "room_key": "123456"})
    assert "ルームキー" in error.message and "Zoom" in error.message


def test_rooms_needs_a_room_key_and_takes_an_optional_url(book, ctx):
    """001 注意事項: 個別相談に参加するルームキー."""
    rid = book("musashino-hoiku-concierge")
    refused("credential_required", credentials.set_credentials, ctx, rid, {"url": "https://rooms.example.jp/r/1"})
    credentials.set_credentials(ctx, rid, {"room_key": "R0om-5521"})
    assert credentials.summary(rid).missing == []


def test_funabashi_generic_meeting_needs_id_and_password(book, ctx):
    """002 5(1): ＷＥＢ会議サービスの利用に係るＩＤ及びパスワード."""
    rid = book("funabashi-kosodate")
    refused("credential_required", credentials.set_credentials, ctx, rid, {"meeting_id": "98765432"})
    credentials.set_credentials(ctx, rid, {"meeting_id": "98765432", "password": "Pw-20270120"})
    assert credentials.summary(rid).set_fields == ["meeting_id", "password"]


def test_teams_refuses_a_url_used_by_another_session(book, ctx, make_request):
    """003 2(4): 予約受付後にお送りする URL（毎回異なる）."""
    first = book("yamaguchi-vocational")
    second = booking.book(ctx, make_request("yamaguchi-vocational", WED + dt.timedelta(hours=1), channel="phone")).id
    url = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
    credentials.set_credentials(ctx, first, {"url": url})
    error = refused("credential_url_reused", credentials.set_credentials, ctx, second, {"url": url})
    assert error.clause == "003 2(4)" and str(first) in error.message
    # even after the first session moved to a new URL, the old one is not handed out again
    credentials.set_credentials(ctx, first, {"url": url.replace("abc", "def")})
    refused("credential_url_reused", credentials.set_credentials, ctx, second, {"url": url})
    credentials.set_credentials(ctx, second, {"url": url.replace("abc", "xyz")})


def test_other_offices_may_reuse_a_url(book, ctx, make_request):
    """Only offices with credential_unique_per_session refuse a reused URL (Zoom rooms can be reused)."""
    first = book("hellowork-kawagoe")
    second = booking.book(ctx, make_request("hellowork-kawagoe", WED + dt.timedelta(hours=1))).id
    url = "https://teleoffice.example.jp/room/42"
    credentials.set_credentials(ctx, first, {"url": url})
    credentials.set_credentials(ctx, second, {"url": url})


def test_a_change_keeps_the_other_fields_and_the_old_row(book, ctx, clock):
    rid = book("nishitokyo-childcare")
    credentials.set_credentials(ctx, rid, ZOOM)
    clock.advance(minutes=5)
    credentials.set_credentials(ctx, rid, {"url": "https://us02web.zoom.us/j/98765432109"})
    rows = list(MeetingCredential.select().where(MeetingCredential.reservation == rid).order_by(MeetingCredential.id))
    assert len(rows) == 2
    assert rows[0].revoked_at is not None and rows[0].revoked_reason == "変更"
    assert rows[1].revoked_at is None and rows[1].passcode == "Hx7k2Q" and rows[1].meeting_id == "12345678901"
    notes = [h.note for h in History.select().where(History.reservation == rid, History.action == "credentials")]
    assert notes == ["接続情報を登録（ミーティングURL・ミーティングID・パスコード）", "接続情報を変更（ミーティングURL）"]
    # the same values again change nothing
    credentials.set_credentials(ctx, rid, {"url": "https://us02web.zoom.us/j/98765432109"})
    assert MeetingCredential.select().count() == 2


def test_lost_credentials_are_withdrawn_and_new_ones_issued(book, ctx, clock):
    """002 5(3): ＩＤ等を紛失し、又は盗まれたとき… the office records it and issues new ones."""
    rid = book("funabashi-kosodate")
    credentials.set_credentials(ctx, rid, {"meeting_id": "98765432", "password": "Pw-20270120"})
    error = refused(
        "credential_reissue_same", credentials.reissue, ctx, rid, {"password": "Pw-20270120"}, "lost", "電話で連絡あり"
    )
    assert error.clause == "002 5(3)"
    refused("credential_secret_in_note", credentials.reissue, ctx, rid, {"password": "New-4471"}, "stolen", "旧Pw-20270120")
    refused("invalid_choice", credentials.reissue, ctx, rid, {"password": "New-4471"}, "forgot")
    clock.advance(minutes=10)
    credentials.reissue(ctx, rid, {"password": "New-4471"}, "stolen", "本人から電話で連絡")
    old, new = MeetingCredential.select().where(MeetingCredential.reservation == rid).order_by(MeetingCredential.id)
    assert old.revoked_reason == "盗難：本人から電話で連絡" and old.revoked_at == clock.now()
    assert credentials.current(rid).id == new.id and new.password == "New-4471" and new.meeting_id == "98765432"
    last = History.select().where(History.reservation == rid).order_by(History.id.desc()).get()
    assert last.action == "credentials" and "再発行" in last.note and "盗難" in last.note
    assert last.data == {"event": "reissued", "reason": "stolen", "fields": ["password"]}
    assert audit.entries()[-1].action == "credentials_reissue"


def test_teams_reissue_needs_a_new_url(book, ctx):
    rid = book("yamaguchi-vocational")
    url = "https://teams.microsoft.com/l/meetup-join/abc"
    credentials.set_credentials(ctx, rid, {"url": url})
    refused("credential_reissue_same", credentials.reissue, ctx, rid, {}, "leaked")
    credentials.reissue(ctx, rid, {"url": url + "2"}, "leaked")
    assert credentials.current(rid).url == url + "2"


def test_revoke_without_new_credentials(book, ctx):
    rid = book("musashino-hoiku-concierge")
    credentials.set_credentials(ctx, rid, {"room_key": "R0om-5521"})
    credentials.revoke(ctx, rid, "lost")
    assert credentials.current(rid) is None
    summary = credentials.summary(rid)
    assert summary.missing == ["room_key"] and summary.revoked_count == 1
    refused("credentials_none", credentials.revoke, ctx, rid, "lost")


def test_reveal_returns_the_secret_and_records_who_looked(book, ctx):
    rid = book("nishitokyo-childcare")
    refused("credentials_none", credentials.reveal, ctx, rid)
    credentials.set_credentials(ctx, rid, ZOOM)
    assert credentials.summary(rid).values["passcode"] == credentials.MASK
    assert credentials.reveal(ctx, rid)["passcode"] == "Hx7k2Q"
    entry = audit.entries()[-1]
    assert (entry.action, entry.staff, entry.target, entry.detail) == ("reveal_credentials", "tester", str(rid), "fields=passcode")


def test_summary_masks_secrets_and_a_passcode_in_the_url(book, ctx):
    rid = book("nishitokyo-childcare")
    credentials.set_credentials(ctx, rid, ZOOM)
    data = credentials.summary(rid).as_json()
    assert data["passcode"] == "••••" and data["room_key"] is None
    assert data["url"] == "https://us02web.zoom.us/j/12345678901?pwd=••••"
    assert "Hx7k2Q" not in str(data) and "Zm9vYmFy" not in str(data)


def test_credentials_cannot_change_once_the_reservation_is_over(book, ctx):
    rid = book("nishitokyo-childcare")
    lifecycle.cancel(ctx, rid, "phone")
    error = refused("credentials_closed", credentials.set_credentials, ctx, rid, ZOOM)
    assert "キャンセル" in error.message


def test_every_role_may_set_and_reveal(book, clock):
    rid = book("nishitokyo-childcare")
    clerk = Context(Actor("uketsuke", "受付", "reception"), clock)
    credentials.set_credentials(clerk, rid, ZOOM)
    assert credentials.reveal(clerk, rid)["passcode"] == "Hx7k2Q"
