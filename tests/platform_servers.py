"""Local stand-ins for Zoom and Microsoft Graph on loopback (issue 16).

Each is a real HTTP server (http.server in a thread, a free port) implementing the documented
requests and answers the desk uses, errors included, and recording every request it received
(method, path, headers, form or JSON body) so that tests check what the desk sent.

Zoom (Server-to-Server OAuth): ``POST /oauth/token`` (grant_type=account_credentials, account_id,
HTTP Basic client id and secret) -> ``access_token``, ``expires_in``; ``POST /v2/users/{user}/meetings``
-> 201 with ``id``, ``join_url``, ``password``, ``start_url``; ``PATCH /v2/meetings/{id}`` -> 204;
``DELETE /v2/meetings/{id}`` -> 204, 404 with code 3001 when there is no such meeting.

Microsoft Graph (HTTPS: msal insists on an https authority; a throwaway certificate for 127.0.0.1):
``GET /{tenant}/v2.0/.well-known/openid-configuration``; ``POST /{tenant}/oauth2/v2.0/token``
(client_credentials) -> ``access_token``; ``POST /v1.0/users/{user}/onlineMeetings`` -> 201 with ``id``,
``joinWebUrl``, ``joinMeetingIdSettings``; ``PATCH`` -> 200; ``DELETE`` -> 204; the same under
``/events`` with ``isOnlineMeeting`` -> ``onlineMeeting.joinUrl``.

Faults: ``server.fail(method, path_pattern, status, times=1, headers=..., body=..., delay=...)``
answers the next matching requests with that status (429 with Retry-After, 500, a malformed body)
or after ``delay`` seconds (a time-out).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    raw: bytes
    form: dict[str, str] = field(default_factory=dict)
    json: Any = None


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    headers: dict[str, str]
    body: bytes | None
    delay: float


Answer = tuple[int, dict[str, str], bytes]


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Answer:
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(body).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return None

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        req = Request(
            method=self.command,
            path=unquote(parts.path),
            query=parse_qs(parts.query),
            headers={k.lower(): v for k, v in self.headers.items()},
            raw=raw,
        )
        ctype = req.headers.get("content-type", "")
        if "x-www-form-urlencoded" in ctype:
            req.form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
        elif "json" in ctype and raw:
            try:
                req.json = json.loads(raw)
            except ValueError:
                req.json = None
        status, headers, body = self.server.owner.answer(req)
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):  # the desk gave up (time-out)
            self.close_connection = True

    do_GET = do_POST = do_PATCH = do_DELETE = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FakePlatform


class FakePlatform:
    """The common part: a server thread, the request log, scripted faults."""

    scheme = "http"

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> FakePlatform:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(
        self,
        method: str,
        pattern: str,
        status: int = 500,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        delay: float = 0.0,
    ) -> None:
        with self.lock:
            self.faults.append(Fault(method, re.compile(pattern), status, times, headers or {}, body, delay))

    def calls(self, method: str | None = None, pattern: str = "") -> list[Request]:
        with self.lock:
            return [r for r in self.requests if (method is None or r.method == method) and re.search(pattern, r.path)]

    def answer(self, req: Request) -> Answer:
        with self.lock:
            self.requests.append(req)
            fault = next((f for f in self.faults if f.method == req.method and f.pattern.search(req.path)), None)
            if fault is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status:
                body = fault.body if fault.body is not None else json.dumps({"code": fault.status, "message": "fault"}).encode()
                return fault.status, {"Content-Type": "application/json", **fault.headers}, body
        with self.lock:
            return self.route(req)

    def route(self, req: Request) -> Answer:
        raise NotImplementedError


class FakeZoom(FakePlatform):
    """Zoom's OAuth token endpoint and meeting API (v2)."""

    def __init__(self, account_id: str, client_id: str, secret: str, user: str) -> None:
        super().__init__()
        self.account_id, self.client_id, self.secret, self.user = account_id, client_id, secret, user
        self.token_ttl = 3599
        self.tokens: set[str] = set()
        self.meetings: dict[str, dict[str, Any]] = {}
        self.next_id = 84512345670

    def revoke_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    def route(self, req: Request) -> Answer:
        if req.method == "POST" and req.path == "/oauth/token":
            return self._token(req)
        auth = req.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return _json(401, {"code": 124, "message": "Invalid access token."})
        m = re.fullmatch(r"/v2/users/([^/]+)/meetings", req.path)
        if m and req.method == "POST":
            if m.group(1) != self.user:
                return _json(404, {"code": 1001, "message": "User does not exist: " + m.group(1)})
            body = req.json or {}
            meeting_id = str(self.next_id)
            self.next_id += 1
            self.meetings[meeting_id] = dict(body)
            return _json(
                201,
                {
                    "id": int(meeting_id),
                    "uuid": base64.b64encode(uuid.uuid4().bytes).decode(),
                    "host_id": "hostABC",
                    "topic": body.get("topic"),
                    "type": body.get("type"),
                    "start_time": body.get("start_time"),
                    "duration": body.get("duration"),
                    "timezone": body.get("timezone"),
                    "password": body.get("password"),
                    "start_url": f"https://zoom.example/s/{meeting_id}?zak=HOST-SECRET-{meeting_id}",
                    "join_url": f"https://us06web.zoom.us/j/{meeting_id}?pwd=Hashed{meeting_id}",
                    "settings": body.get("settings"),
                },
            )
        m = re.fullmatch(r"/v2/meetings/(\d+)", req.path)
        if m:
            meeting_id = m.group(1)
            if meeting_id not in self.meetings:
                return _json(404, {"code": 3001, "message": "Meeting does not exist: " + meeting_id})
            if req.method == "PATCH":
                self.meetings[meeting_id].update(req.json or {})
                return 204, {}, b""
            if req.method == "DELETE":
                del self.meetings[meeting_id]
                return 204, {}, b""
        return _json(404, {"code": 404, "message": "not found"})

    def _token(self, req: Request) -> Answer:
        auth = req.headers.get("authorization", "")
        expected = "Basic " + base64.b64encode(f"{self.client_id}:{self.secret}".encode()).decode()
        params = {**{k: v[0] for k, v in req.query.items()}, **req.form}
        if auth != expected:
            return _json(400, {"reason": "Invalid client_id or client_secret", "error": "invalid_client"})
        if params.get("grant_type") != "account_credentials":
            return _json(400, {"reason": "unsupported grant type", "error": "unsupported_grant_type"})
        if params.get("account_id") != self.account_id:
            return _json(400, {"reason": "Invalid account_id", "error": "invalid_request"})
        token = "zoomtok-" + uuid.uuid4().hex
        self.tokens.add(token)
        return _json(
            200,
            {"access_token": token, "token_type": "bearer", "expires_in": self.token_ttl, "scope": "meeting:write:admin", "api_url": self.base},
        )


def make_certificate(directory) -> tuple[str, str]:  # noqa: ANN001
    """A throwaway self-signed certificate for 127.0.0.1 (PEM files: cert, key)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = str(directory / "graph-cert.pem"), str(directory / "graph-key.pem")
    with open(cert_path, "wb") as fh:
        fh.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class FakeGraph(FakePlatform):
    """Microsoft Entra ID's token endpoint (with its OpenID configuration) and Graph's online
    meetings and events, over HTTPS."""

    scheme = "https"

    def __init__(self, tenant: str, client_id: str, secret: str, user: str, cert: tuple[str, str]) -> None:
        super().__init__()
        self.tenant, self.client_id, self.secret, self.user = tenant, client_id, secret, user
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*cert)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.tokens: set[str] = set()
        self.meetings: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}

    def revoke_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    def route(self, req: Request) -> Answer:
        t = re.escape(self.tenant)
        if req.method == "GET" and re.fullmatch(rf"/{t}/v2\.0/\.well-known/openid-configuration", req.path):
            root = f"{self.base}/{self.tenant}"
            return _json(
                200,
                {
                    "issuer": f"{self.base}/{self.tenant}/v2.0",
                    "authorization_endpoint": f"{root}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{root}/oauth2/v2.0/token",
                    "device_authorization_endpoint": f"{root}/oauth2/v2.0/devicecode",
                },
            )
        if req.method == "GET" and req.path.endswith("/.well-known/openid-configuration"):
            return _json(400, {"error": "invalid_tenant", "error_description": "AADSTS90002: Tenant not found."})
        if req.method == "POST" and req.path == f"/{self.tenant}/oauth2/v2.0/token":
            return self._token(req)
        auth = req.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.tokens:
            return _json(401, {"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired or is not yet valid."}})
        m = re.fullmatch(r"/v1\.0/users/([^/]+)/(onlineMeetings|events)(?:/([^/]+))?", req.path)
        if not m:
            return _json(404, {"error": {"code": "ResourceNotFound", "message": "not found"}})
        user, kind, item = m.groups()
        if user != self.user:
            return _json(404, {"error": {"code": "ErrorInvalidUser", "message": f"The requested user '{user}' is invalid."}})
        store = self.meetings if kind == "onlineMeetings" else self.events
        if item is None and req.method == "POST":
            item_id = base64.urlsafe_b64encode(uuid.uuid4().bytes + uuid.uuid4().bytes).decode().rstrip("=")
            body = dict(req.json or {})
            store[item_id] = body
            thread = f"19%3ameeting_{uuid.uuid4().hex}%40thread.v2"
            join = f"https://teams.microsoft.com/l/meetup-join/{thread}/0?context=%7b%22Tid%22%3a%22{self.tenant}%22%7d"
            if kind == "onlineMeetings":
                return _json(
                    201,
                    {
                        "id": item_id,
                        "subject": body.get("subject"),
                        "startDateTime": body.get("startDateTime"),
                        "endDateTime": body.get("endDateTime"),
                        "joinWebUrl": join,
                        "joinMeetingIdSettings": {"isPasscodeRequired": True, "joinMeetingId": "2345678901234", "passcode": "aB3cD4"},
                    },
                )
            return _json(201, {"id": item_id, **body, "onlineMeeting": {"joinUrl": join}})
        if item is not None and item in store:
            if req.method == "PATCH":
                store[item].update(req.json or {})
                return _json(200, {"id": item, **store[item]})
            if req.method == "DELETE":
                del store[item]
                return 204, {}, b""
        return _json(404, {"error": {"code": "NotFound", "message": "The meeting was not found."}})

    def _token(self, req: Request) -> Answer:
        form = req.form
        if form.get("grant_type") != "client_credentials":
            return _json(400, {"error": "unsupported_grant_type", "error_description": "AADSTS70003"})
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.secret:
            return _json(401, {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided."})
        token = "graphtok-" + uuid.uuid4().hex
        self.tokens.add(token)
        return _json(200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token})
