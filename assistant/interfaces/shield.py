"""What every request and response passes through, before Gradio sees it (ASGI middleware):

- bodies bounded: a body larger than the route's cap gets 413 with a Chinese message, whether it
  says its length or streams it;
- the public app takes no files: its upload route is refused outright;
- the chat widget's paths only from our own origin or a widget site's: any other page gets 403;
- staff actions only from our own origin: a request to /staff with an Origin (or, without one, a
  Referer) that is neither the server's own nor an allowed one gets 403, and CORS never grants a
  foreign origin credentials;
- staff sessions end: cookies are SameSite=Lax (Secure where the request came over https), and a
  session idle or open too long must log in again;
- staff exports are served by the staff app only;
- security headers on every response: Content-Security-Policy with frame-ancestors (the allowed
  origins may frame the pages), X-Content-Type-Options, Referrer-Policy.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SAFE_METHODS = {"GET", "HEAD"}
# What staff exports (the question log, feedback, a triaged inbox) are named with: the public app
# never serves them, whoever holds the address.
STAFF_EXPORT = "staff-"


@dataclass(frozen=True)
class ShieldSettings:
    max_body: int  # bytes of any request body
    max_upload: int  # bytes of a staff upload's body (the files plus their form)
    staff_prefix: str = "/staff"
    allowed_origins: tuple[str, ...] = ()  # besides the server's own (scheme://host[:port])
    # Sites that may embed the chat widget: they may frame, and call, the paths under widget_prefix.
    widget_origins: tuple[str, ...] = ()
    widget_prefix: str = "/embed"
    idle_seconds: float = 2 * 3600
    absolute_seconds: float = 12 * 3600


class TooLarge(Exception):
    pass


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


class Shield:
    def __init__(self, app: Callable[..., Awaitable[None]], settings: ShieldSettings,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.settings, self.clock = app, settings, clock
        self._sessions: dict[str, tuple[float, float]] = {}  # staff token -> (first seen, last seen)
        self._lock = threading.Lock()
        self._allowed = {o.lower().rstrip("/") for o in settings.allowed_origins}
        self._widget_allowed = self._allowed | {o.lower().rstrip("/") for o in settings.widget_origins}
        self._security_headers = _security_headers(settings.allowed_origins)
        self._widget_headers = _security_headers((*settings.allowed_origins, *settings.widget_origins))

    # ------------------------------------------------------------ decisions

    def own_origin(self, scope: Scope, headers: dict[str, str]) -> str:
        return f"{scope.get('scheme', 'http')}://{headers.get('host', '')}".lower()

    def widget(self, path: str) -> bool:
        return path == self.settings.widget_prefix or path.startswith(self.settings.widget_prefix + "/")

    def allowed(self, origin: str, scope: Scope, headers: dict[str, str]) -> bool:
        sites = self._widget_allowed if self.widget(scope.get("path", "")) else self._allowed
        return origin == self.own_origin(scope, headers) or origin in sites

    def foreign(self, scope: Scope, headers: dict[str, str]) -> bool:
        """A staff request sent by a page of another site (an opaque "null" origin included)."""
        origin = headers.get("origin") or _origin_of(headers.get("referer", ""))
        if not origin:
            return False  # not sent by a browser page (curl, scripts): the login still guards it
        return origin == "null" or not self.allowed(origin.rstrip("/"), scope, headers)

    def expired(self, headers: dict[str, str]) -> bool:
        """Whether the staff session this request carries has been idle or open too long."""
        tokens = [token for token in _session_cookies(headers).values() if token]
        if not tokens:
            return False
        now = self.clock()
        with self._lock:
            first, last = self._sessions.get(tokens[0], (now, now))
            if now - last > self.settings.idle_seconds or now - first > self.settings.absolute_seconds:
                return True
            self._sessions[tokens[0]] = (first, now)
            if len(self._sessions) > 10_000:
                oldest = sorted(self._sessions, key=lambda t: self._sessions[t][1])[:5000]
                for t in oldest:
                    del self._sessions[t]
        return False

    def security_headers(self, path: str = "") -> list[tuple[bytes, bytes]]:
        """The widget's page may be framed by the widget's sites too; every other page by ours only."""
        return list(self._widget_headers if self.widget(path) else self._security_headers)

    # ------------------------------------------------------------ ASGI

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        path = scope.get("path", "")
        staff = path == self.settings.staff_prefix or path.startswith(self.settings.staff_prefix + "/")
        method = scope.get("method", "GET")
        if not staff and path.rstrip("/").endswith("/gradio_api/upload"):
            await _refuse(send, 403, "公开页面不接受上传文件。", self.security_headers())
            return
        if not staff and "/file=" in path and unquote(path.rsplit("/", 1)[-1]).startswith(STAFF_EXPORT):
            await _refuse(send, 404, "文件不存在。", self.security_headers())
            return
        if staff and self.foreign(scope, headers):
            await _refuse(send, 403, "员工工作台只接受来自本站页面的操作。", self.security_headers())
            return
        origin = headers.get("origin", "")
        foreign_origin = bool(origin) and not self.allowed(origin, scope, headers)
        if foreign_origin and self.widget(path):  # a page of a site not in WIDGET_ORIGINS calling the widget
            await _refuse(send, 403, "这个网站未获准使用问答挂件（请管理员在 WIDGET_ORIGINS 中加入它）。",
                          self.security_headers(path))
            return
        if staff and not path.endswith("/login") and self.expired(headers):
            # The session's cookies are cleared: a page load shows the login again, a call is refused.
            cleared = [(b"set-cookie", f"{name}=; Max-Age=0; Path=/; SameSite=Lax".encode("latin-1"))
                       for name in _session_cookies(headers)]
            if method in SAFE_METHODS:
                await send({"type": "http.response.start", "status": 302,
                            "headers": [(b"location", path.encode("latin-1")), *cleared, *self.security_headers()]})
                await send({"type": "http.response.body", "body": b""})
            else:
                await _refuse(send, 401, "登录已过期，请重新登录。", [*cleared, *self.security_headers()])
            return
        cap = self.settings.max_upload if staff and path.rstrip("/").endswith("/gradio_api/upload") else self.settings.max_body
        too_large = f"请求过大（上限 {cap // 1024} KB）。"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            await _refuse(send, 413, too_large, self.security_headers())
            return
        https = scope.get("scheme") == "https"  # (behind a trusted proxy, uvicorn sets it from X-Forwarded-Proto)
        started: list[bool] = []
        received = [0]

        async def bounded() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                received[0] += len(message.get("body", b""))
                if received[0] > cap:
                    raise TooLarge
            return message

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.append(True)
                kept = []
                for key, value in message.get("headers", []):
                    name = key.lower()
                    if foreign_origin and name in (b"access-control-allow-origin", b"access-control-allow-credentials"):
                        continue  # a foreign page may read nothing with the user's credentials
                    if name == b"set-cookie":
                        value = _lax(value, https)
                    kept.append((key, value))
                message["headers"] = kept + self.security_headers(path)
            await send(message)

        try:
            await self.app(scope, bounded, guarded)
        except TooLarge:
            if not started:
                await _refuse(send, 413, too_large, self.security_headers())


def _security_headers(ancestors: tuple[str, ...]) -> list[tuple[bytes, bytes]]:
    framers = " ".join(["'self'", *ancestors])
    return [(b"content-security-policy", f"frame-ancestors {framers}; object-src 'none'; base-uri 'self'".encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"strict-origin-when-cross-origin")]


def _session_cookies(headers: dict[str, str]) -> dict[str, str]:
    """Gradio's session cookies the request carries, by name."""
    found = {}
    for part in headers.get("cookie", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name.startswith("access-token"):
            found[name] = value
    return found


def _lax(cookie: bytes, https: bool) -> bytes:
    """A session cookie sent only with our own pages' requests (and over https only, on https)."""
    parts = [p.strip() for p in cookie.decode("latin-1").split(";")]
    kept = [p for p in parts if p.lower().split("=")[0] not in ("samesite", "secure")]
    kept.append("SameSite=Lax")
    if https:
        kept.append("Secure")
    return "; ".join(kept).encode("latin-1")


async def _refuse(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps({"error": message, "detail": message}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"), *extra]})
    await send({"type": "http.response.body", "body": body})
