"""Zoom through a Server-to-Server OAuth app.

Token: ``POST {auth_url}/oauth/token`` with ``grant_type=account_credentials&account_id=...`` and HTTP
Basic (client id, secret); it lasts an hour (``expires_in``) and is cached per account and app until
five minutes before it ends. Meetings: ``POST {api_url}/users/{user}/meetings`` (type 2, scheduled, start
in Asia/Tokyo, duration, a generated passcode, waiting room on), ``PATCH`` and ``DELETE
{api_url}/meetings/{id}``. The answer's ``start_url`` (which lets anyone start the meeting as host) is
dropped at once: never stored, logged or exported.
"""

from __future__ import annotations

import secrets as pysecrets
import threading
import time
from urllib.parse import quote

import httpx

from consult_desk.meetings.base import (
    TOKEN_MARGIN,
    Http,
    Meeting,
    MeetingError,
    Provider,
    Slot,
    error_detail,
    json_body,
)
from consult_desk.meetings.settings import MeetingSettings

TIMEZONE = "Asia/Tokyo"
PASSCODE_DIGITS = 8  # Zoom allows up to 10; digits only, so it reads out well on the phone

# (auth_url, account_id, client_id) -> (access token, monotonic time it is renewed after)
_tokens: dict[tuple[str, str, str], tuple[str, float]] = {}
_tokens_lock = threading.Lock()


def forget_tokens() -> None:
    with _tokens_lock:
        _tokens.clear()


def new_passcode() -> str:
    return "".join(pysecrets.choice("0123456789") for _ in range(PASSCODE_DIGITS))


class ZoomProvider(Provider):
    def __init__(self, settings: MeetingSettings, secret: str, http: Http | None = None) -> None:
        self.settings = settings
        self._secret = secret
        self.http = http or Http(settings.label)
        self._key = (settings.auth_url, settings.account_id, settings.client_id)

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ token

    def _token(self, renew: bool = False) -> str:
        with _tokens_lock:
            cached = _tokens.get(self._key)
            if cached and not renew and time.monotonic() < cached[1]:
                return cached[0]
        response = self.http.request(
            "POST",
            f"{self.settings.auth_url}/oauth/token",
            data={"grant_type": "account_credentials", "account_id": self.settings.account_id},
            auth=httpx.BasicAuth(self.settings.client_id, self._secret),
        )
        if response.status_code in (400, 401, 403):
            raise MeetingError("meetings_refused", platform=self.label, detail=error_detail(response))
        if response.status_code != 200:
            raise MeetingError("meetings_unavailable", platform=self.label, detail=error_detail(response))
        body = json_body(self.label, response, "access_token")
        try:
            lifetime = float(body.get("expires_in") or 3600)
        except (TypeError, ValueError):
            lifetime = 3600.0
        token = str(body["access_token"])
        with _tokens_lock:
            _tokens[self._key] = (token, time.monotonic() + max(0.0, lifetime - TOKEN_MARGIN.total_seconds()))
        return token

    def _call(self, method: str, path: str, json: dict | None = None) -> httpx.Response:
        """One API call with the cached token; a 401 gets one new token, then 'credentials refused'."""
        url = f"{self.settings.api_url}{path}"
        response = self.http.request(method, url, json=json, headers=self._headers(self._token()))
        if response.status_code == 401:
            response = self.http.request(method, url, json=json, headers=self._headers(self._token(renew=True)))
            if response.status_code == 401:
                raise MeetingError("meetings_refused", platform=self.label, detail=error_detail(response))
        if response.status_code == 403:
            raise MeetingError("meetings_forbidden", platform=self.label, detail=error_detail(response))
        return response

    @staticmethod
    def _headers(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    # ------------------------------------------------------------------ meetings

    @staticmethod
    def _when(slot: Slot) -> dict[str, object]:
        # Local wall-clock time with the zone named: Zoom reads start_time in ``timezone``.
        return {"start_time": slot.start.strftime("%Y-%m-%dT%H:%M:%S"), "timezone": TIMEZONE, "duration": slot.minutes}

    def create(self, slot: Slot) -> Meeting:
        body = {
            "topic": slot.topic,
            "type": 2,
            **self._when(slot),
            "password": new_passcode(),
            "settings": {"waiting_room": True, "join_before_host": False, "host_video": True},
        }
        response = self._call("POST", f"/users/{quote(self.settings.user, safe='@')}/meetings", body)
        if response.status_code not in (200, 201):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))
        answer = json_body(self.label, response, "id", "join_url")
        answer.pop("start_url", None)  # the host's key: dropped here, never stored
        meeting_id = str(answer["id"])
        if not meeting_id.isdigit():
            raise MeetingError("meetings_bad_answer", platform=self.label, detail="id")
        return Meeting(
            platform_id=meeting_id,
            url=str(answer["join_url"]),
            meeting_id=meeting_id,
            passcode=str(answer.get("password") or body["password"]),
        )

    def move(self, platform_id: str, slot: Slot) -> None:
        response = self._call("PATCH", f"/meetings/{quote(platform_id, safe='')}", self._when(slot))
        if response.status_code == 404:
            raise MeetingError("meetings_gone", platform=self.label)
        if response.status_code not in (200, 204):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))

    def delete(self, platform_id: str) -> bool:
        response = self._call("DELETE", f"/meetings/{quote(platform_id, safe='')}")
        if response.status_code == 404:
            return False
        if response.status_code not in (200, 204):
            raise MeetingError("meetings_failed", platform=self.label, detail=error_detail(response))
        return True
