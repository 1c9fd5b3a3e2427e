"""An office's ``meetings`` setting: which platform creates its meetings, and how to reach it.

One JSON object in the office's configuration (the command line's contract)::

    {"provider": "zoom" | "graph",
     "account_id": "..." (Zoom) | "tenant": "..." (Graph),
     "client_id": "...", "user": "organiser's user id or e-mail",
     "auto_create": true | false,
     "api_url": "...", "auth_url": "...",          # default: the official ones
     "create_as": "online_meeting" | "event"}      # Graph only; default online_meeting

The client secret is never here: it lives in the OS keyring (``meetings/<office>``), or comes from
the environment variable ``CONSULT_DESK_MEETINGS_SECRET`` on a PC or server without a keyring.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from consult_desk.errors import RuleError

SECRET_ENV = "CONSULT_DESK_MEETINGS_SECRET"
PROVIDERS = ("zoom", "graph")
# The office's platform each provider serves (ROOMS, TeleOffice, web meetings: no public API, manual entry).
PROVIDER_PLATFORM = {"zoom": "zoom", "graph": "teams"}
PROVIDER_LABELS = {"zoom": "Zoom", "graph": "Microsoft Teams"}
DEFAULT_URLS = {
    "zoom": {"api_url": "https://api.zoom.us/v2", "auth_url": "https://zoom.us"},
    "graph": {"api_url": "https://graph.microsoft.com/v1.0", "auth_url": "https://login.microsoftonline.com"},
}
GRAPH_CREATE_AS = ("online_meeting", "event")
KEYS = ("provider", "account_id", "tenant", "client_id", "user", "auto_create", "api_url", "auth_url", "create_as")
TEXT_MAX = 200


@dataclass(frozen=True)
class MeetingSettings:
    provider: str
    client_id: str
    user: str
    account_id: str = ""
    tenant: str = ""
    auto_create: bool = False
    api_url: str = ""
    auth_url: str = ""
    create_as: str = "online_meeting"

    @property
    def label(self) -> str:
        return PROVIDER_LABELS[self.provider]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.provider == "zoom":
            data.pop("tenant")
            data.pop("create_as")
        else:
            data.pop("account_id")
        return data


def secret_account(office: str) -> str:
    """The keyring entry holding the office's client secret."""
    return f"meetings/{office}"


def _bad(key: str, value: Any) -> RuleError:
    return RuleError("meetings_setting_invalid", key=key, value=str(value)[:80])


def _text(data: dict[str, Any], key: str, required: bool = True) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _bad(key, value)
    value = value.strip()
    if (required and not value) or len(value) > TEXT_MAX or any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise _bad(key, value) if value else RuleError("meetings_setting_missing", key=key)
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(data: dict[str, Any], key: str, provider: str) -> str:
    value = data.get(key) or DEFAULT_URLS[provider][key]
    if not isinstance(value, str):
        raise _bad(key, value)
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    host = parts.hostname or ""
    # https, or plain http to this PC only (a local stand-in): a secret never crosses a network in clear.
    ok = parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(host))
    if not ok or not host or parts.query or parts.fragment or any(ch.isspace() for ch in value):
        raise _bad(key, value)
    return value


def parse(data: Any, platform: str | None = None) -> MeetingSettings | None:
    """The setting checked and completed with the defaults; None when it is empty (manual entry).
    ``platform``: the office's platform, which the provider must serve."""
    if data is None or data == {}:
        return None
    if not isinstance(data, dict):
        raise _bad("meetings", data)
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise RuleError("meetings_setting_unknown", key=unknown[0], keys=", ".join(KEYS))
    provider = data.get("provider")
    if provider not in PROVIDERS:
        raise _bad("provider", provider)
    if platform is not None and PROVIDER_PLATFORM[provider] != platform:
        raise RuleError("meetings_wrong_platform", provider=PROVIDER_LABELS[provider], platform=platform)
    auto = data.get("auto_create", False)
    if not isinstance(auto, bool):
        raise _bad("auto_create", auto)
    create_as = data.get("create_as") or "online_meeting"
    if provider == "graph" and create_as not in GRAPH_CREATE_AS:
        raise _bad("create_as", create_as)
    if provider == "zoom" and (data.get("tenant") or data.get("create_as")):
        raise _bad("tenant" if data.get("tenant") else "create_as", data.get("tenant") or data.get("create_as"))
    if provider == "graph" and data.get("account_id"):
        raise _bad("account_id", data.get("account_id"))
    return MeetingSettings(
        provider=provider,
        account_id=_text(data, "account_id") if provider == "zoom" else "",
        tenant=_text(data, "tenant") if provider == "graph" else "",
        client_id=_text(data, "client_id"),
        user=_text(data, "user"),
        auto_create=auto,
        api_url=_url(data, "api_url", provider),
        auth_url=_url(data, "auth_url", provider),
        create_as=create_as if provider == "graph" else "online_meeting",
    )


def of_office(config: Any) -> MeetingSettings | None:
    """The office's settings (an :class:`~consult_desk.presets.OfficeConfig`), or None."""
    return parse(config.get("meetings"), config.platform)


def client_secret(office: str) -> str:
    """The environment variable when set (scripts, servers without a keyring), else the keyring."""
    from consult_desk import secrets
    from consult_desk.errors import StorageError

    value = os.environ.get(SECRET_ENV, "")
    if value:
        return value
    try:
        stored = secrets.get_secret(secret_account(office))
    except StorageError:  # no usable keyring on this PC: the variable is the way
        stored = None
    if not stored:
        raise RuleError("meetings_secret_missing", env=SECRET_ENV)
    return stored
