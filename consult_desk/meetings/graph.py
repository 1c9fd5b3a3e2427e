"""Microsoft Teams through Microsoft Graph, application permissions (client-credentials flow).

The token comes from msal's ``ConfidentialClientApplication`` (authority ``{auth_url}/{tenant}``,
scope ``{graph}/.default``); msal caches it until shortly before it expires. msal's own HTTP goes
through an adapter over the desk's httpx client (same time-outs, TLS trust and retries).

Per session, for the organiser account ``user``, either an online meeting
(``POST {api_url}/users/{user}/onlineMeetings`` with start and end; needs OnlineMeetings.ReadWrite.All
and a Teams application access policy) or, where the tenant prefers (``create_as: "event"``), a calendar
event with ``isOnlineMeeting`` (``POST {api_url}/users/{user}/events``; needs Calendars.ReadWrite).
Both are moved with PATCH and removed with DELETE. The join URL is new for every session (003 2(4)).
"""

from __future__ import annotations

import hashlib
import threading
import zoneinfo
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import httpx

from consult_desk.meetings.base import Http, Meeting, MeetingError, Provider, Slot, error_detail, json_body
from consult_desk.meetings.settings import MeetingSettings

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
WINDOWS_TOKYO = "Tokyo Standard Time"  # Graph's dateTimeTimeZone name for Asia/Tokyo

_apps: dict[tuple[str, str, str, str], Any] = {}
_apps_lock = threading.Lock()


def forget_tokens() -> None:
    with _apps_lock:
        _apps.clear()


class _MsalResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.text = response.text
        self.headers = dict(response.headers)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise MeetingError("meetings_unavailable", platform="Microsoft Entra ID", detail=f"HTTP {self.status_code}")


class _MsalHttp:
    """msal's http_client interface (get/post returning status_code, text, headers) over httpx."""

    def __init__(self, http: Http) -> None:
        self.http = http

    def _send(self, method: str, url: str, params: Any = None, data: Any = None, headers: Any = None) -> _MsalResponse:
        if params:
            url = f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"
        kwargs: dict[str, Any] = {"headers": headers or {}}
        if isinstance(data, dict):
            kwargs["data"] = data
        elif data is not None:
            kwargs["content"] = data.encode() if isinstance(data, str) else data
        return _MsalResponse(self.http.request(method, url, **kwargs))

    def post(self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any) -> _MsalResponse:
        return self._send("POST", url, params, data, headers)

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> _MsalResponse:
        return self._send("GET", url, params, None, headers)

    def close(self) -> None:
        return None


def _app(settings: MeetingSettings, secret: str) -> Any:
    """One msal application per tenant, app and secret, kept so its token cache is reused."""
    import msal

    key = (settings.auth_url, settings.tenant, settings.client_id, hashlib.sha256(secret.encode()).hexdigest())
    with _apps_lock:
        app = _apps.get(key)
    if app is not None:
        return app
    try:
        app = msal.ConfidentialClientApplication(
            settings.client_id,
            client_credential=secret,
            authority=f"{settings.auth_url}/{settings.tenant}",
            instance_discovery=False,  # the authority is the one configured, nothing is looked up elsewhere
            http_client=_MsalHttp(Http("Microsoft Entra ID")),
        )
    except ValueError as exc:  # the tenant's OpenID configuration was refused: no such tenant
        raise MeetingError("meetings_tenant", platform=settings.label, tenant=settings.tenant) from exc
    with _apps_lock:
        _apps[key] = app
    return app


class GraphProvider(Provider):
    def __init__(self, settings: MeetingSettings, secret: str, http: Http | None = None) -> None:
        self.settings = settings
        self._secret = secret
        self.http = http or Http(settings.label)
        api = urlsplit(settings.api_url)
        self.scope = f"{api.scheme}://{api.netloc}/.default"
        self.events = settings.create_as == "event"
        self.base = f"/users/{quote(settings.user, safe='@')}/" + ("events" if self.events else "onlineMeetings")

    def close(self) -> None:
        self.http.close()

    def _token(self, renew: bool = False) -> str:
        app = _app(self.settings, self._secret)
        if renew:
            app.remove_tokens_for_client()
        result = app.acquire_token_for_client(scopes=[self.scope])
        if "access_token" not in result:
            error = str(result.get("error") or "")
            detail = " ".join(str(result.get("error_description") or error).split())[:200]
            if error in ("invalid_client", "unauthorized_client", "invalid_grant", "invalid_request"):
                raise MeetingError("meetings_refused", platform=self.label, detail=detail)
            raise MeetingError("meetings_unavailable", platform=self.label, detail=detail)
        return str(result["access_token"])

    def _call(self, method: str, path: str, json: dict | None = None) -> httpx.Response:
        url = f"{self.settings.api_url}{path}"

        def send(token: str) -> httpx.Response:
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            if self.events:
                headers["Prefer"] = f'outlook.timezone="{WINDOWS_TOKYO}"'
            return self.http.request(method, url, json=json, headers=headers)

        response = send(self._token())
        if response.status_code == 401:
            response = send(self._token(renew=True))
            if response.status_code == 401:
                raise MeetingError("meetings_refused", platform=self.label, detail=error_detail(response))
        if response.status_code == 403:
            raise MeetingError("meetings_forbidden", platform=self.label, detail=error_detail(response))
        return response

    def _when(self, slot: Slot) -> dict[str, Any]:
        if self.events:
            return {
                "start": {"dateTime": slot.start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": WINDOWS_TOKYO},
                "end": {"dateTime": slot.end.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": WINDOWS_TOKYO},
            }
        return {
            "startDateTime": slot.start.replace(tzinfo=TOKYO).isoformat(),
            "endDateTime": slot.end.replace(tzinfo=TOKYO).isoformat(),
        }

    def create(self, slot: Slot) -> Meeting:
        if self.events:
            body = {
                "subject": slot.topic,
                **self._when(slot),
                "isOnlineMeeting": True,
                "onlineMeetingProvider": "teamsForBusiness",
                "isReminderOn": False,
            }
        else:
            body = {"subject": slot.topic, **self._when(slot)}
        response = self._call("POST", self.base, body)
        if response.status_code not in (200, 201):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))
        answer = json_body(self.label, response, "id")
        if self.events:
            online = answer.get("onlineMeeting") if isinstance(answer.get("onlineMeeting"), dict) else {}
            url = str(online.get("joinUrl") or "")
            join_id, passcode = "", ""
        else:
            url = str(answer.get("joinWebUrl") or answer.get("joinUrl") or "")
            settings = answer.get("joinMeetingIdSettings") if isinstance(answer.get("joinMeetingIdSettings"), dict) else {}
            join_id = str(settings.get("joinMeetingId") or "")
            passcode = str(settings.get("passcode") or "")
        if not url:
            # created, but no way in: removed again so that nothing is left behind
            self.delete(str(answer["id"]))
            raise MeetingError("meetings_bad_answer", platform=self.label, detail="joinWebUrl")
        return Meeting(platform_id=str(answer["id"]), url=url, meeting_id=join_id, passcode=passcode)

    def move(self, platform_id: str, slot: Slot) -> None:
        response = self._call("PATCH", f"{self.base}/{quote(platform_id, safe='')}", self._when(slot))
        if response.status_code == 404:
            raise MeetingError("meetings_gone", platform=self.label)
        if response.status_code not in (200, 204):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))

    def delete(self, platform_id: str) -> bool:
        response = self._call("DELETE", f"{self.base}/{quote(platform_id, safe='')}")
        if response.status_code == 404:
            return False
        if response.status_code not in (200, 204):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))
        return True
