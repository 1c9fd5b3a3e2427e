"""What every platform shares: the HTTP client with its time-outs and bounded retries, the errors,
and the Provider interface (create, move, delete, test).

The client is httpx: explicit connect/read time-outs on every call (a platform that hangs must not
hang the desk), HTTP/1.1 with connection reuse, and one place for TLS trust. msal (Graph's token)
is given an adapter over the same client, so both platforms share time-outs, TLS and proxies.

Retries: 429 waits as ``Retry-After`` says (at most :data:`MAX_RETRY_AFTER` seconds, at most
:data:`ATTEMPTS` tries); 5xx answers, time-outs and refused connections are retried with back-off
(:data:`BACKOFF`), then a :class:`MeetingError` says what happened. A 401 is not retried here: the
provider fetches a new token once, then reports the credentials refused.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consult_desk.errors import ConsultDeskError
from consult_desk.meetings.settings import MeetingSettings

if TYPE_CHECKING:  # httpx itself is imported when a platform is first called (the window starts lighter)
    import ssl

    import httpx

log = logging.getLogger(__name__)

ATTEMPTS = 3  # tries of one request (5xx, time-out, 429)
BACKOFF = (1.0, 3.0)  # seconds before the 2nd and 3rd try after a 5xx or a time-out
MAX_RETRY_AFTER = 30.0  # a longer Retry-After is not waited for: the staff are told to retry later
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
TOKEN_MARGIN = dt.timedelta(minutes=5)  # a cached token is renewed this long before it expires


class MeetingError(ConsultDeskError):
    """A platform call failed: the reservation is unchanged (or consistent) and the message says what
    happened and what staff can do (retry, or type the details in by hand)."""


@dataclass
class Meeting:
    """What a platform answered for a created meeting. ``start_url`` (the host's key) is never kept."""

    platform_id: str
    url: str
    meeting_id: str = ""
    passcode: str = ""

    def credential_values(self) -> dict[str, str]:
        return {"url": self.url, "meeting_id": self.meeting_id, "passcode": self.passcode}


@dataclass
class Slot:
    """The session a meeting is for: local Japanese time (naive, Asia/Tokyo) and a neutral title."""

    start: dt.datetime
    end: dt.datetime
    topic: str

    @property
    def minutes(self) -> int:
        return max(1, int((self.end - self.start).total_seconds() // 60))


def ssl_context() -> ssl.SSLContext:
    """Trust: certifi's roots, or the bundle named by SSL_CERT_FILE (an office proxy's own CA)."""
    import ssl  # here, not at the top: the window imports this module at start, before any call is made

    cafile = os.environ.get("SSL_CERT_FILE")
    if not cafile:
        import certifi

        cafile = certifi.where()
    return ssl.create_default_context(cafile=cafile)


def new_client() -> httpx.Client:
    import httpx

    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    return httpx.Client(timeout=timeout, verify=ssl_context(), follow_redirects=False)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def error_detail(response: httpx.Response) -> str:
    """The platform's own short reason (Zoom ``message``, Graph ``error.message``), never a body dump."""
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    text = ""
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            text = str(err.get("message") or err.get("code") or "")
        elif isinstance(err, str):
            text = str(body.get("error_description") or err)
        text = text or str(body.get("message") or body.get("reason") or "")
    text = " ".join(text.split())[:200]
    return f"HTTP {response.status_code}: {text}" if text else f"HTTP {response.status_code}"


class Http:
    """One platform's HTTP calls with the bounded retries described above."""

    def __init__(self, label: str, client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep):
        self.label = label
        self.client = client or new_client()
        self.sleep = sleep

    def close(self) -> None:
        self.client.close()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The answer to the first try that was not a 5xx, 429 or time-out; else a MeetingError."""
        import httpx

        last = ""
        for attempt in range(ATTEMPTS):
            try:
                response = self.client.request(method, url, **kwargs)
            except httpx.TimeoutException:
                last = "time-out"
                log.warning("%s %s: time-out (try %d)", method, _path(url), attempt + 1)
            except httpx.TransportError as exc:
                last = type(exc).__name__
                log.warning("%s %s: %s (try %d)", method, _path(url), last, attempt + 1)
            else:
                if response.status_code == 429:
                    wait = _retry_after(response)
                    if wait is None:
                        wait = BACKOFF[min(attempt, len(BACKOFF) - 1)]
                    if wait > MAX_RETRY_AFTER or attempt == ATTEMPTS - 1:
                        raise MeetingError("meetings_rate_limited", platform=self.label, seconds=int(wait + 0.999))
                    log.warning("%s %s: 429, waiting %.1f s", method, _path(url), wait)
                    self.sleep(wait)
                    continue
                if response.status_code < 500:
                    return response
                last = error_detail(response)
                log.warning("%s %s: %s (try %d)", method, _path(url), last, attempt + 1)
                asked = _retry_after(response)  # a 503 may say when to come back (Graph does)
                if asked is not None and asked <= MAX_RETRY_AFTER and attempt < ATTEMPTS - 1:
                    self.sleep(max(asked, BACKOFF[min(attempt, len(BACKOFF) - 1)]))
                    continue
            if attempt < ATTEMPTS - 1:
                self.sleep(BACKOFF[min(attempt, len(BACKOFF) - 1)])
        raise MeetingError("meetings_unavailable", platform=self.label, detail=last)


def _path(url: str) -> str:
    """For the log: the path without the host's query (no ids of people, no tokens)."""
    from urllib.parse import urlsplit

    return urlsplit(url).path


def json_body(label: str, response: httpx.Response, *keys: str) -> dict[str, Any]:
    """The JSON object answered, holding ``keys``; a malformed answer is a clear MeetingError."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict) or any(body.get(k) in (None, "") for k in keys):
        raise MeetingError("meetings_bad_answer", platform=label, detail=f"HTTP {response.status_code}")
    return body


class Provider(ABC):
    """One platform. Methods run network calls only: the caller stores the result (never inside a
    database transaction). Each raises :class:`MeetingError` with a sentence for staff."""

    settings: MeetingSettings

    @property
    def label(self) -> str:
        return self.settings.label

    @abstractmethod
    def create(self, slot: Slot) -> Meeting: ...

    @abstractmethod
    def move(self, platform_id: str, slot: Slot) -> None: ...

    @abstractmethod
    def delete(self, platform_id: str) -> bool:
        """True when deleted, False when the platform no longer had it (already gone)."""

    def test(self, slot: Slot) -> str:
        """The connection test: a token, then a meeting created and deleted at once (the very
        permissions the desk needs, Teams' access policy included). Returns what was checked."""
        meeting = self.create(slot)
        self.delete(meeting.platform_id)
        return meeting.platform_id

    def close(self) -> None:
        return None
