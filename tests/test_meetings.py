"""Meetings created by the platforms (issue 16): Zoom and Microsoft Graph through local stand-ins on
loopback (tests/platform_servers.py), checking what the desk sent as well as what it stored."""

from __future__ import annotations

import base64
import datetime as dt
import time

import pytest
from platform_servers import FakeGraph, FakeZoom, make_certificate

from consult_desk import audit, booking, credentials, lifecycle, offices
from consult_desk.context import Actor, Context
from consult_desk.errors import RuleError
from consult_desk.meetings import base, graph, service, zoom
from consult_desk.meetings.base import MeetingError
from consult_desk.models import AuditLog, History, MeetingCredential, Reservation

WED = dt.datetime(2027, 1, 20, 10, 0)
THU = dt.datetime(2027, 1, 21, 14, 0)
ZOOM_SECRET = "zoom-s2s-secret-value"
GRAPH_SECRET = "graph~client~secret"


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    """The same retry logic, with short back-off and time-out so the suite stays quick."""
    monkeypatch.setattr(base, "BACKOFF", (0.05, 0.1))
    monkeypatch.setattr(base, "READ_TIMEOUT", 0.6)
    monkeypatch.delenv("CONSULT_DESK_MEETINGS_SECRET", raising=False)
    zoom.forget_tokens()
    graph.forget_tokens()
    yield
    zoom.forget_tokens()
    graph.forget_tokens()


@pytest.fixture
def zoom_server():
    server = FakeZoom("acct-NT-01", "zoomClientId", ZOOM_SECRET, "soudan@city.nishitokyo.example").start()
    yield server
    server.stop()


@pytest.fixture
def graph_server(tmp_path, monkeypatch):
    cert = make_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", cert[0])  # the desk trusts the stand-in's certificate, nothing else changes
    server = FakeGraph("contoso-tenant-id", "graphClientId", GRAPH_SECRET, "centre@yamaguchi.example", cert).start()
    yield server
    server.stop()


def zoom_settings(server: FakeZoom, auto: bool = True) -> dict:
    return {
        "provider": "zoom",
        "account_id": server.account_id,
        "client_id": server.client_id,
        "user": server.user,
        "auto_create": auto,
        "api_url": f"{server.base}/v2",
        "auth_url": server.base,
    }


def graph_settings(server: FakeGraph, create_as: str = "online_meeting", auto: bool = True) -> dict:
    return {
        "provider": "graph",
        "tenant": server.tenant,
        "client_id": server.client_id,
        "user": server.user,
        "auto_create": auto,
        "api_url": f"{server.base}/v1.0",
        "auth_url": server.base,
        "create_as": create_as,
    }


@pytest.fixture
def nishitokyo(db, ctx, make_office, zoom_server, memory_keyring):
    from consult_desk import secrets

    office = make_office("nishitokyo-childcare")
    offices.update_config(ctx, office, {"meetings": zoom_settings(zoom_server)})
    secrets.set_secret("meetings/" + office, ZOOM_SECRET)
    return office


@pytest.fixture
def yamaguchi(db, ctx, make_office, graph_server, memory_keyring):
    from consult_desk import secrets

    office = make_office("yamaguchi-vocational")
    offices.update_config(ctx, office, {"meetings": graph_settings(graph_server)})
    secrets.set_secret("meetings/" + office, GRAPH_SECRET)
    return office


def book(ctx, make_request, office: str, start: dt.datetime = WED) -> int:
    """Book as the desk does: the booking, then what follows its commit (Nishitokyo's bookings are
    confirmed at once: 000 第4条(2), so that is where its meeting is made)."""
    res = booking.book(ctx, make_request(office, start))
    book.outcome = lifecycle.after_commit(ctx, "book", res)
    return res.id


def confirm(ctx, rid: int):
    """The reservation confirmed: Yamaguchi's by the act; Nishitokyo's already at booking."""
    if Reservation.get_by_id(rid).status == "confirmed":
        return book.outcome
    res = lifecycle.act(ctx, rid, "confirm")
    return lifecycle.after_commit(ctx, "confirm", res)


# ------------------------------------------------------------------ Zoom: the whole life of a meeting


def test_confirming_a_nishitokyo_reservation_creates_its_zoom_meeting(nishitokyo, zoom_server, ctx, make_request):
    """000 第4条(3): the URL, meeting ID and passcode are filled by Zoom itself on confirmation."""
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert outcome.ok and "Zoom" in outcome.message

    token_call, create_call = zoom_server.requests[:2]
    assert token_call.path == "/oauth/token"
    assert token_call.form == {"grant_type": "account_credentials", "account_id": "acct-NT-01"}
    basic = base64.b64encode(f"zoomClientId:{ZOOM_SECRET}".encode()).decode()
    assert token_call.headers["authorization"] == f"Basic {basic}"
    assert create_call.method == "POST" and create_call.path == f"/v2/users/{zoom_server.user}/meetings"
    assert create_call.headers["authorization"].startswith("Bearer zoomtok-")
    sent = create_call.json
    assert sent["type"] == 2
    assert sent["start_time"] == "2027-01-20T10:00:00" and sent["timezone"] == "Asia/Tokyo"
    assert sent["duration"] == 30
    assert sent["password"].isdigit() and len(sent["password"]) == 8
    assert sent["settings"]["waiting_room"] is True
    assert "花子" not in sent["topic"] and str(rid) in sent["topic"]  # no personal data leaves the desk

    row = credentials.current(rid)
    meeting_id = str(zoom_server.next_id - 1)
    assert row.platform == "zoom" and row.platform_id == meeting_id
    assert row.meeting_id == meeting_id and row.passcode == sent["password"]
    assert row.url == f"https://us06web.zoom.us/j/{meeting_id}?pwd=Hashed{meeting_id}"
    assert credentials.complete(rid)
    # the host's start_url is nowhere in the database
    for model in (MeetingCredential, History, AuditLog):
        for record in model.select():
            assert "HOST-SECRET" not in repr(record.__data__)
    entry = AuditLog.get(AuditLog.action == "meeting_create")
    assert entry.target == str(rid) and meeting_id in entry.detail and sent["password"] not in entry.detail


def test_rescheduling_moves_the_zoom_meeting_and_cancelling_deletes_it(nishitokyo, zoom_server, ctx, make_request):
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    meeting_id = credentials.current(rid).platform_id

    new = lifecycle.reschedule(ctx, rid, THU)
    outcome = lifecycle.after_commit(ctx, "reschedule", new)
    assert outcome.ok, outcome.message
    patch = zoom_server.calls("PATCH")[-1]
    assert patch.path == f"/v2/meetings/{meeting_id}"
    assert patch.json == {"start_time": "2027-01-21T14:00:00", "timezone": "Asia/Tokyo", "duration": 30}
    assert zoom_server.meetings[meeting_id]["start_time"] == "2027-01-21T14:00:00"
    # the credentials went with the meeting to the new reservation; the old one keeps its record
    assert credentials.current(rid) is None
    moved = credentials.current(new.id)
    assert moved.platform_id == meeting_id and moved.meeting_id == meeting_id
    assert AuditLog.select().where(AuditLog.action == "meeting_move").count() == 1

    cancelled = lifecycle.cancel(ctx, new.id, "phone")
    outcome = lifecycle.after_commit(ctx, "cancel", cancelled)
    assert outcome.ok
    assert zoom_server.calls("DELETE")[-1].path == f"/v2/meetings/{meeting_id}"
    assert meeting_id not in zoom_server.meetings
    assert credentials.current(new.id) is None
    assert AuditLog.select().where(AuditLog.action == "meeting_delete").count() == 1
    notes = [h.note for h in History.select().where(History.reservation == new.id, History.action == "credentials")]
    assert any("削除" in n for n in notes)


def test_extending_moves_the_end_of_the_meeting(nishitokyo, zoom_server, ctx, make_request, clock):
    offices.update_config(ctx, nishitokyo, {"max_session_minutes": 60})  # an office that allows extending
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    meeting_id = credentials.current(rid).platform_id
    lifecycle.act(ctx, rid, "send-details")  # 000 第5条(2): those sent the details join
    clock.set(dt.datetime(2027, 1, 20, 9, 50))
    lifecycle.act(ctx, rid, "check-in", lifecycle.ActOptions(checks=lifecycle.PASSED_CHECKS))
    lifecycle.act(ctx, rid, "start")
    clock.set(dt.datetime(2027, 1, 20, 10, 25))
    res = lifecycle.act(ctx, rid, "extend", lifecycle.ActOptions(minutes=15))
    outcome = lifecycle.after_commit(ctx, "extend", res)
    assert outcome.ok, outcome.message
    assert zoom_server.calls("PATCH")[-1].json["duration"] == 45
    assert credentials.current(rid).platform_id == meeting_id


def test_refusing_deletes_the_meeting(nishitokyo, zoom_server, ctx, make_request):
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    meeting_id = credentials.current(rid).platform_id
    res = lifecycle.act(ctx, rid, "refuse", lifecycle.ActOptions(note="対象外"))
    assert lifecycle.after_commit(ctx, "refuse", res).ok
    assert meeting_id not in zoom_server.meetings


def test_on_demand_office_creates_only_when_asked(nishitokyo, zoom_server, ctx, make_request):
    settings = zoom_settings(zoom_server, auto=False)
    offices.update_config(ctx, nishitokyo, {"meetings": settings})
    rid = book(ctx, make_request, nishitokyo)
    assert confirm(ctx, rid) is None
    assert zoom_server.calls("POST", "/meetings") == []
    service.create_meeting(ctx, rid)  # 「会議を作成」
    assert credentials.current(rid).platform == "zoom"
    with pytest.raises(RuleError) as err:
        service.create_meeting(ctx, rid)
    assert err.value.code == "meetings_exists"
    assert len(zoom_server.meetings) == 1


def test_the_token_is_cached_and_renewed_before_it_expires(nishitokyo, zoom_server, ctx, make_request):
    first, second = book(ctx, make_request, nishitokyo), book(ctx, make_request, nishitokyo, THU)
    confirm(ctx, first)
    confirm(ctx, second)
    assert len(zoom_server.calls("POST", "^/oauth/token$")) == 1  # one token for both
    zoom.forget_tokens()
    zoom_server.token_ttl = 200  # less than the five minutes' margin: renewed at each use
    third = book(ctx, make_request, nishitokyo, dt.datetime(2027, 1, 22, 10, 0))
    confirm(ctx, third)
    service.delete_meeting(ctx, third)
    assert len(zoom_server.calls("POST", "^/oauth/token$")) == 3


# ------------------------------------------------------------------ Zoom: errors


def test_401_fetches_one_new_token_then_works(nishitokyo, zoom_server, ctx, make_request):
    service.platform_test(ctx, nishitokyo)  # a token is cached
    zoom_server.revoke_tokens()  # Zoom invalidated it (app re-activated, secret rotated...)
    rid = book(ctx, make_request, nishitokyo)
    assert confirm(ctx, rid).ok
    assert len(zoom_server.calls("POST", "^/oauth/token$")) == 2
    assert credentials.current(rid).platform == "zoom"


def test_refused_credentials_store_nothing_and_say_so(nishitokyo, zoom_server, ctx, make_request, monkeypatch):
    monkeypatch.setenv("CONSULT_DESK_MEETINGS_SECRET", "wrong-secret")  # the variable wins over the keyring
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert not outcome.ok and outcome.code == "meetings_refused"
    assert "認証情報を受け付けませんでした" in outcome.message
    assert Reservation.get_by_id(rid).status == "confirmed"  # the confirmation stands
    assert credentials.current(rid) is None
    assert zoom_server.calls("POST", "/meetings") == []


def test_401_twice_is_credentials_refused(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 401, times=2)
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert outcome.code == "meetings_refused"
    assert len(zoom_server.calls("POST", "/meetings$")) == 2
    assert len(zoom_server.calls("POST", "^/oauth/token$")) == 2
    assert credentials.current(rid) is None


def test_429_waits_as_retry_after_says(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 429, headers={"Retry-After": "1"})
    began = time.monotonic()
    rid = book(ctx, make_request, nishitokyo)
    assert confirm(ctx, rid).ok
    assert time.monotonic() - began >= 1.0
    assert len(zoom_server.calls("POST", "/meetings$")) == 2
    assert credentials.current(rid).platform == "zoom"


def test_429_asking_too_long_a_wait_is_said_not_waited(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 429, headers={"Retry-After": "3600"})
    began = time.monotonic()
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert time.monotonic() - began < 5
    assert outcome.code == "meetings_rate_limited" and "3600" in outcome.message
    assert credentials.current(rid) is None


def test_500s_are_retried_then_said_and_manual_entry_still_works(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 500, times=base.ATTEMPTS)
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert outcome.code == "meetings_unavailable" and "手入力" in outcome.message
    assert len(zoom_server.calls("POST", "/meetings$")) == base.ATTEMPTS
    assert credentials.current(rid) is None and zoom_server.meetings == {}
    credentials.set_credentials(
        ctx, rid, {"url": "https://us06web.zoom.us/j/12345678901", "meeting_id": "12345678901", "passcode": "123456"}
    )
    assert credentials.complete(rid)


def test_one_500_then_success(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 503)
    rid = book(ctx, make_request, nishitokyo)
    assert confirm(ctx, rid).ok
    assert len(zoom_server.meetings) == 1


def test_a_time_out_is_retried_then_said(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("PATCH", "/meetings/", 0, times=base.ATTEMPTS, delay=1.5)
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    meeting_id = credentials.current(rid).platform_id
    new = lifecycle.reschedule(ctx, rid, THU)
    outcome = lifecycle.after_commit(ctx, "reschedule", new)
    # not moved: the meeting is deleted rather than left at the old time, and the new reservation says none
    assert not outcome.ok and outcome.code == "meetings_move_retired" and "time-out" in outcome.message
    assert meeting_id not in zoom_server.meetings
    assert credentials.current(rid) is None and credentials.current(new.id) is None


def test_a_malformed_answer_stores_nothing(nishitokyo, zoom_server, ctx, make_request):
    zoom_server.fail("POST", "/meetings$", 201, body=b"<html>gateway</html>")
    rid = book(ctx, make_request, nishitokyo)
    outcome = confirm(ctx, rid)
    assert outcome.code == "meetings_bad_answer"
    assert credentials.current(rid) is None


@pytest.fixture
def on_demand(nishitokyo, zoom_server, ctx):
    """Nishitokyo creating meetings when staff press 「会議を作成」 only."""
    offices.update_config(ctx, nishitokyo, {"meetings": zoom_settings(zoom_server, auto=False)})
    return nishitokyo


def test_a_failed_database_write_deletes_the_new_meeting(on_demand, zoom_server, ctx, make_request, monkeypatch):
    rid = book(ctx, make_request, on_demand)
    real = service._store_created

    def cancelled_meanwhile(*args, **kwargs):
        lifecycle.cancel(Context(actor=Actor("other", "別の端末", "reception"), clock=ctx.clock), rid, "phone")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "_store_created", cancelled_meanwhile)
    with pytest.raises(MeetingError) as err:
        service.create_meeting(ctx, rid)
    assert err.value.code == "meetings_store_failed"
    assert zoom_server.meetings == {}  # created, then deleted again
    assert len(zoom_server.calls("DELETE")) == 1
    assert credentials.current(rid) is None
    assert AuditLog.get(AuditLog.action == "meeting_delete").detail.endswith("reason=not_stored")


def test_a_meeting_neither_stored_nor_deleted_goes_on_the_cleanup_list(on_demand, zoom_server, ctx, make_request, monkeypatch):
    nishitokyo = on_demand
    rid = book(ctx, make_request, nishitokyo)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "_store_created", broken)
    zoom_server.fail("DELETE", "/meetings/", 500, times=base.ATTEMPTS)
    with pytest.raises(MeetingError) as err:
        service.create_meeting(ctx, rid)
    assert err.value.code == "meetings_store_failed_listed"
    [entry] = service.cleanup_list(nishitokyo)
    assert entry.platform == "zoom" and entry.platform_id in zoom_server.meetings and entry.reservation_id == rid
    assert credentials.current(rid) is None
    # later, the platform is back: the entry is cleared
    assert service.retry_cleanup(ctx, entry.id).ok
    assert zoom_server.meetings == {} and service.cleanup_list(nishitokyo) == []


def test_cancel_while_zoom_is_down_lists_the_meeting(nishitokyo, zoom_server, ctx, make_request):
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    meeting_id = credentials.current(rid).platform_id
    zoom_server.fail("DELETE", "/meetings/", 500, times=base.ATTEMPTS)
    res = lifecycle.cancel(ctx, rid, "phone")
    outcome = lifecycle.after_commit(ctx, "cancel", res)
    assert not outcome.ok
    assert Reservation.get_by_id(rid).status == "cancelled"
    assert credentials.current(rid) is None  # no cancelled session shows a meeting
    [entry] = service.cleanup_list()
    assert entry.platform_id == meeting_id


def test_a_meeting_deleted_on_zoom_meanwhile_counts_as_deleted(nishitokyo, zoom_server, ctx, make_request):
    rid = book(ctx, make_request, nishitokyo)
    confirm(ctx, rid)
    zoom_server.meetings.clear()  # someone deleted it in Zoom's web page
    res = lifecycle.cancel(ctx, rid, "phone")
    assert lifecycle.after_commit(ctx, "cancel", res).ok
    assert service.cleanup_list() == []


def test_settings_are_checked(nishitokyo, zoom_server, ctx, make_office):
    bad = [
        ({**zoom_settings(zoom_server), "provider": "webex"}, "meetings_setting_invalid"),
        ({**zoom_settings(zoom_server), "account_id": ""}, "meetings_setting_missing"),
        ({**zoom_settings(zoom_server), "api_url": "http://api.zoom.us/v2"}, "meetings_setting_invalid"),
        ({**zoom_settings(zoom_server), "auto_create": "yes"}, "meetings_setting_invalid"),
        ({**zoom_settings(zoom_server), "client_secret": "x"}, "meetings_setting_unknown"),
        ({**zoom_settings(zoom_server), "provider": "graph", "tenant": "t", "account_id": ""}, "meetings_wrong_platform"),
    ]
    for value, code in bad:
        with pytest.raises(RuleError) as err:
            offices.update_config(ctx, nishitokyo, {"meetings": value})
        assert err.value.code == code, value
    rooms = make_office("musashino-hoiku-concierge")
    with pytest.raises(RuleError) as err:  # ROOMS has no API: manual entry stays
        offices.update_config(ctx, rooms, {"meetings": zoom_settings(zoom_server)})
    assert err.value.code == "meetings_wrong_platform"
    stored = offices.get_config(nishitokyo)["meetings"]
    defaults = offices.update_config(
        ctx, nishitokyo, {"meetings": {k: v for k, v in stored.items() if k not in ("api_url", "auth_url")}}
    )["meetings"]
    assert defaults["api_url"] == "https://api.zoom.us/v2" and defaults["auth_url"] == "https://zoom.us"


def test_platform_test_creates_and_deletes_a_test_meeting(nishitokyo, zoom_server, ctx):
    outcome = service.platform_test(ctx, nishitokyo)
    assert outcome.ok and zoom_server.user in outcome.message
    assert [r.method for r in zoom_server.requests] == ["POST", "POST", "DELETE"]
    assert zoom_server.meetings == {}
    zoom.forget_tokens()
    zoom_server.secret = "rotated"
    outcome = service.platform_test(ctx, nishitokyo)
    assert not outcome.ok and "認証情報" in outcome.message
    assert [e.detail for e in AuditLog.select().where(AuditLog.action == "meeting_platform_test")] == [
        "platform=zoom ok=True",
        "platform=zoom ok=False",
    ]
    assert all(ZOOM_SECRET not in e.detail for e in AuditLog.select())


def test_no_secret_anywhere_says_how_to_give_one(db, ctx, make_office, zoom_server, memory_keyring, make_request):
    office = make_office("nishitokyo-childcare")
    offices.update_config(ctx, office, {"meetings": zoom_settings(zoom_server)})
    outcome = service.platform_test(ctx, office)
    assert not outcome.ok and "CONSULT_DESK_MEETINGS_SECRET" in outcome.message


# ------------------------------------------------------------------ Microsoft Teams through Graph


def test_a_yamaguchi_session_gets_its_own_teams_url(yamaguchi, graph_server, ctx, make_request):
    """003 2(4): a new Teams URL for every session, made by Graph for the centre's organiser."""
    first = book(ctx, make_request, yamaguchi)
    second = book(ctx, make_request, yamaguchi, THU)
    assert confirm(ctx, first).ok
    assert confirm(ctx, second).ok
    discovery = graph_server.calls("GET", "openid-configuration")
    assert discovery and discovery[0].path == f"/{graph_server.tenant}/v2.0/.well-known/openid-configuration"
    [token] = graph_server.calls("POST", "/oauth2/v2.0/token")  # msal's cache: one token for both
    assert token.form["grant_type"] == "client_credentials" and token.form["client_id"] == "graphClientId"
    assert token.form["scope"] == f"{graph_server.base}/.default"
    creates = graph_server.calls("POST", "/onlineMeetings$")
    assert [c.path for c in creates] == [f"/v1.0/users/{graph_server.user}/onlineMeetings"] * 2
    assert creates[0].json["startDateTime"] == "2027-01-20T10:00:00+09:00"
    assert creates[0].json["endDateTime"] == "2027-01-20T11:00:00+09:00"
    assert creates[0].headers["authorization"].startswith("Bearer graphtok-")
    urls = {credentials.current(first).url, credentials.current(second).url}
    assert len(urls) == 2 and all(u.startswith("https://teams.microsoft.com/l/meetup-join/") for u in urls)
    assert credentials.complete(first)

    meeting = credentials.current(first).platform_id
    res = lifecycle.cancel(ctx, first, "phone")
    assert lifecycle.after_commit(ctx, "cancel", res).ok
    assert graph_server.calls("DELETE")[-1].path == f"/v1.0/users/{graph_server.user}/onlineMeetings/{meeting}"
    assert meeting not in graph_server.meetings


def test_teams_reschedule_patches_start_and_end(yamaguchi, graph_server, ctx, make_request):
    rid = book(ctx, make_request, yamaguchi)
    confirm(ctx, rid)
    new = lifecycle.reschedule(ctx, rid, THU)
    assert lifecycle.after_commit(ctx, "reschedule", new).ok
    patch = graph_server.calls("PATCH")[-1]
    assert patch.json == {"startDateTime": "2027-01-21T14:00:00+09:00", "endDateTime": "2027-01-21T15:00:00+09:00"}


def test_teams_as_calendar_events_where_the_tenant_prefers(yamaguchi, graph_server, ctx, make_request):
    offices.update_config(ctx, yamaguchi, {"meetings": graph_settings(graph_server, create_as="event")})
    rid = book(ctx, make_request, yamaguchi)
    assert confirm(ctx, rid).ok
    [create] = graph_server.calls("POST", "/events$")
    assert create.json["isOnlineMeeting"] is True and create.json["onlineMeetingProvider"] == "teamsForBusiness"
    assert create.json["start"] == {"dateTime": "2027-01-20T10:00:00", "timeZone": "Tokyo Standard Time"}
    assert create.headers["prefer"] == 'outlook.timezone="Tokyo Standard Time"'
    assert "attendees" not in create.json  # no applicant's address goes to Microsoft
    assert credentials.current(rid).url.startswith("https://teams.microsoft.com/")
    res = lifecycle.cancel(ctx, rid, "phone")
    lifecycle.after_commit(ctx, "cancel", res)
    assert graph_server.events == {}


def test_graph_wrong_secret_and_missing_access_policy(yamaguchi, graph_server, ctx, make_request, monkeypatch):
    rid = book(ctx, make_request, yamaguchi)
    monkeypatch.setenv("CONSULT_DESK_MEETINGS_SECRET", "not-the-secret")
    outcome = confirm(ctx, rid)
    assert outcome.code == "meetings_refused" and "AADSTS7000215" in outcome.message
    monkeypatch.delenv("CONSULT_DESK_MEETINGS_SECRET")
    graph_server.fail(
        "POST", "/onlineMeetings$", 403,
        body=b'{"error": {"code": "Forbidden", "message": "No application access policy found for this app."}}',
    )
    with pytest.raises(MeetingError) as err:
        service.create_meeting(ctx, rid)
    assert err.value.code == "meetings_forbidden" and "アクセス ポリシー" in err.value.message
    assert credentials.current(rid) is None


def test_graph_401_renews_the_token_once(yamaguchi, graph_server, ctx, make_request):
    rid = book(ctx, make_request, yamaguchi)
    assert service.platform_test(ctx, yamaguchi).ok
    graph_server.revoke_tokens()
    assert confirm(ctx, rid).ok
    assert len(graph_server.calls("POST", "/oauth2/v2.0/token")) == 2


def test_graph_unknown_tenant(yamaguchi, graph_server, ctx):
    offices.update_config(ctx, yamaguchi, {"meetings": {**graph_settings(graph_server), "tenant": "no-such-tenant"}})
    outcome = service.platform_test(ctx, yamaguchi)
    assert not outcome.ok and "no-such-tenant" in outcome.message


def test_graph_500_then_a_malformed_body(yamaguchi, graph_server, ctx, make_request):
    rid = book(ctx, make_request, yamaguchi)
    graph_server.fail("POST", "/onlineMeetings$", 502, times=base.ATTEMPTS)
    assert confirm(ctx, rid).code == "meetings_unavailable"
    graph_server.fail("POST", "/onlineMeetings$", 201, body=b'{"id": 7')
    with pytest.raises(MeetingError) as err:
        service.create_meeting(ctx, rid)
    assert err.value.code == "meetings_bad_answer"
    assert credentials.current(rid) is None


def test_meeting_ids_and_urls_never_carry_secrets_into_audit(yamaguchi, graph_server, ctx, make_request):
    rid = book(ctx, make_request, yamaguchi)
    confirm(ctx, rid)
    for entry in audit.entries():
        assert GRAPH_SECRET not in entry.detail and "graphtok-" not in entry.detail


# ------------------------------------------------------------------ the command line (the contract)


def test_cli_meeting_create_and_delete_print_what_meeting_json_prints(
    db_path, db, ctx, make_office, zoom_server, monkeypatch, capsys, make_request
):
    from cli_support import Cli

    cli = Cli(db_path, capsys)
    office = make_office("nishitokyo-childcare")
    settings = zoom_settings(zoom_server, auto=False)
    import json

    cli("office", "--office", office, "--set", "meetings=" + json.dumps(settings), "--json")
    assert cli("office", "--office", office, "--platform-test", "--json") == {
        "ok": False,
        "message": service.MeetingError("meetings_secret_missing", env="CONSULT_DESK_MEETINGS_SECRET").message,
    }
    monkeypatch.setenv("CONSULT_DESK_MEETINGS_SECRET", ZOOM_SECRET)  # a server without a keyring
    result = cli("office", "--office", office, "--platform-test", "--json")
    assert result["ok"] is True and set(result) == {"ok", "message"}

    rid = booking.book(ctx, make_request(office, WED)).id
    before = cli("meeting", str(rid), "--json")
    created = cli("meeting", str(rid), "--create", "--json")
    assert set(created) == set(before)
    meeting_id = str(zoom_server.next_id - 1)
    assert created["meeting_id"] == meeting_id and created["passcode"] == credentials.MASK
    assert created["url"].endswith("pwd=" + credentials.MASK) and created["missing"] == []
    assert cli("meeting", str(rid), "--json") == created
    line = cli("meeting", str(rid), "--create", "--json", expect=2)
    assert line.startswith("meetings_exists")
    deleted = cli("meeting", str(rid), "--delete", "--json")
    assert deleted["meeting_id"] is None and deleted["missing"] == ["url", "meeting_id", "passcode"]
    assert zoom_server.meetings == {}
    assert cli("meeting", str(rid), "--delete", "--json", expect=2).startswith("meetings_none")
    assert cli("meeting", str(rid), "--create", "--url", "https://x.example/j", "--json", expect=2).startswith(
        "meetings_manual_and_platform"
    )
    bad = cli("office", "--office", office, "--set", 'meetings={"provider": "zoom"}', "--json", expect=2)
    assert bad.startswith("meetings_setting_missing")


def test_cli_book_and_cancel_with_auto_create(db_path, db, ctx, make_office, zoom_server, monkeypatch, capsys, make_request):
    import json

    from cli_support import Cli

    cli = Cli(db_path, capsys)
    office = make_office("nishitokyo-childcare")
    cli("office", "--office", office, "--set", "meetings=" + json.dumps(zoom_settings(zoom_server)), "--json")
    monkeypatch.setenv("CONSULT_DESK_MEETINGS_SECRET", ZOOM_SECRET)
    req = make_request(office, WED)
    code = __import__("consult_desk.cli", fromlist=["main"]).main(
        ["--db", str(db_path), "book", "--office", office, "--start", "2027-01-20T10:00", "--name", req.name,
         "--kana", req.kana, "--phone", req.phone, "--email", req.email, "--channel", req.channel, "--consent",
         "--now", "2027-01-04T09:00", "--json",
         *[f"--field={k}={v}" for k, v in req.answers.items()]]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    rid = json.loads(out)["id"]
    assert err.startswith("meeting: ") and "Zoom" in err
    shown = cli("meeting", str(rid), "--json")
    assert shown["meeting_id"] == str(zoom_server.next_id - 1)
    zoom_server.fail("DELETE", "/meetings/", 500, times=base.ATTEMPTS)
    code = __import__("consult_desk.cli", fromlist=["main"]).main(
        ["--db", str(db_path), "cancel", str(rid), "--channel", "phone", "--now", "2027-01-05T09:00", "--json"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and json.loads(out)["status"] == "cancelled"
    assert err.startswith("meeting_failed: ") and "要整理リスト" in err
    assert len(service.cleanup_list(office)) == 1


# ------------------------------------------------------------------ purge, storage, logs


def test_purge_deletes_the_meetings_of_anonymised_sessions(nishitokyo, zoom_server, ctx, make_request, clock):
    from consult_desk import retention

    rid = book(ctx, make_request, nishitokyo)
    meeting_id = credentials.current(rid).platform_id
    clock.set(dt.datetime(2027, 3, 1, 9, 0))  # weeks after the session (its meeting still on Zoom)
    result = retention.purge(ctx, before=dt.date(2027, 2, 1), office=nishitokyo)
    assert result.reservations == 1
    outcomes = service.follow_purge(ctx)
    assert [o.ok for o in outcomes] == [True]
    assert meeting_id not in zoom_server.meetings and credentials.current(rid) is None
    assert service.follow_purge(ctx) == []  # nothing left to do the second time


def test_schema_7_migrates_an_older_database(tmp_path):
    """A database of schema 2 with typed-in credentials gets the platform columns and the clean-up list."""
    import sqlite3

    from consult_desk.models import open_database
    from consult_desk.models.schema import SCHEMA_VERSION, ensure_schema

    path = tmp_path / "old.sqlite3"
    database = open_database(path)
    ensure_schema()
    database.close()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE meeting_cleanup")
    con.executescript(
        "CREATE TABLE mc_old AS SELECT id, reservation_id, url, meeting_id, passcode, room_key, password, issued_at,"
        " issued_by, revoked_at, revoked_reason FROM meeting_credential; DROP TABLE meeting_credential;"
        " ALTER TABLE mc_old RENAME TO meeting_credential;"
    )
    steps = con.execute("SELECT value FROM meta WHERE key = 'schema_steps'").fetchone()[0].split(",")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_steps'", (",".join(s for s in steps if s != "7"),))
    con.commit()
    con.close()
    database = open_database(path)
    done = ensure_schema()
    assert done[-1] == "migrated to schema 7"
    assert SCHEMA_VERSION >= 7
    columns = {c.name for c in database.get_columns("meeting_credential")}
    assert {"platform", "platform_id"} <= columns and database.table_exists("meeting_cleanup")
    database.close()


def test_no_secret_token_or_start_url_in_the_logs(nishitokyo, zoom_server, ctx, make_request, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    zoom_server.fail("POST", "/meetings$", 500)
    rid = book(ctx, make_request, nishitokyo)
    res = lifecycle.cancel(ctx, rid, "phone")
    lifecycle.after_commit(ctx, "cancel", res)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /v2/users/" in text  # the retry was logged
    for secret in (ZOOM_SECRET, "zoomtok-", "HOST-SECRET", "Authorization", "Basic "):
        assert secret not in text


def test_create_and_cancel_on_any_engine(any_db, ctx, make_office, zoom_server, memory_keyring, make_request):
    """The same on PostgreSQL (row lock FOR UPDATE) as on SQLite."""
    from consult_desk import secrets

    office = make_office("nishitokyo-childcare")
    offices.update_config(ctx, office, {"meetings": zoom_settings(zoom_server)})
    secrets.set_secret("meetings/" + office, ZOOM_SECRET)
    rid = book(ctx, make_request, office)
    assert book.outcome.ok
    assert credentials.current(rid).platform_id in zoom_server.meetings
    res = lifecycle.cancel(ctx, rid, "phone")
    assert lifecycle.after_commit(ctx, "cancel", res).ok
    assert zoom_server.meetings == {}


def test_without_a_platform_the_desk_works_as_before(db, ctx, make_office, make_request, zoom_server):
    """No ``meetings`` setting: bookings, confirmations and cancellations make no network call at all,
    and staff type the details in (manual entry stays, e.g. ROOMS and TeleOffice)."""
    office = make_office("yamaguchi-vocational")
    rid = book(ctx, make_request, office)
    assert book.outcome is None and confirm(ctx, rid) is None
    res = lifecycle.cancel(ctx, rid, "phone")
    assert lifecycle.after_commit(ctx, "cancel", res) is None
    with pytest.raises(RuleError) as err:
        service.create_meeting(ctx, book(ctx, make_request, office, THU))
    assert err.value.code == "meetings_not_configured" and "手入力" in err.value.message
    assert zoom_server.requests == []


def test_retry_after_as_an_http_date_and_on_a_503(yamaguchi, graph_server, ctx, make_request):
    """Graph may answer 429 or 503 with Retry-After as seconds or as an HTTP date: both are honoured."""
    import email.utils

    soon = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1), usegmt=True)
    graph_server.fail("POST", "/onlineMeetings$", 429, headers={"Retry-After": soon})
    graph_server.fail("PATCH", "/onlineMeetings/", 503, headers={"Retry-After": "1"})
    rid = book(ctx, make_request, yamaguchi)
    assert confirm(ctx, rid).ok
    assert len(graph_server.calls("POST", "/onlineMeetings$")) == 2
    began = time.monotonic()
    new = lifecycle.reschedule(ctx, rid, THU)
    assert lifecycle.after_commit(ctx, "reschedule", new).ok
    assert time.monotonic() - began >= 0.9
    assert len(graph_server.calls("PATCH")) == 2
