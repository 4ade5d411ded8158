"""Limits per client: how many staff logins may fail, how many feedback and log writes may come.

`Throttle` counts events per key (a client address) in a sliding window. `LoginGuard` is ASGI
middleware in front of the staff console's login route: after `allowed` failed attempts within a
minute a client must wait, longer after each further failure (5 s, 10 s, 20 s … at most 5 minutes);
every failed attempt is logged with the client's address, a success clears its record."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger("assistant.staff.login")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class Throttle:
    """At most `limit` events per `window` seconds for each key."""

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 10_000:  # forget idle clients
                for k in [k for k, v in self._events.items() if not v][:5000]:
                    del self._events[k]
            return True

    def retry_after(self, key: str) -> float:
        """Seconds until this key may have its next event."""
        now = self.clock()
        with self._lock:
            events = self._events.get(key)
            if not events or len(events) < self.limit:
                return 0.0
            return max(0.0, events[0] + self.window - now)


class LoginGuard:
    def __init__(self, app: Callable[..., Awaitable[None]], path: str, allowed: int = 5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.path, self.allowed, self.clock = app, path.rstrip("/"), allowed, clock
        self._failures: dict[str, deque[float]] = {}
        self._blocked: dict[str, tuple[float, int]] = {}  # client -> (until, failures past the limit)
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds this client must still wait before trying again (0 when it may)."""
        with self._lock:
            until, _ = self._blocked.get(client, (0.0, 0))
        return max(0.0, until - self.clock())

    def failed(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            recent = self._failures.setdefault(client, deque())
            recent.append(now)
            while recent and recent[0] <= now - 60:
                recent.popleft()
            if len(recent) >= self.allowed:
                _, over = self._blocked.get(client, (0.0, 0))
                self._blocked[client] = (now + min(300.0, 5.0 * 2**over), over + 1)
        log.warning("staff login failed from %s (%d in the last minute)", client, len(recent))

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
            self._blocked.pop(client, None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or scope.get("method") != "POST" or scope.get("path", "").rstrip("/") != f"{self.path}/login":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        wait = self.wait(client)
        if wait > 0:
            log.warning("staff login from %s refused: %.0f s left to wait", client, wait)
            body = json.dumps({"detail": f"登录失败次数过多，请 {int(wait) + 1} 秒后再试。"}, ensure_ascii=False).encode()
            await send({"type": "http.response.start", "status": 429,
                        "headers": [(b"content-type", b"application/json; charset=utf-8"), (b"retry-after", str(int(wait) + 1).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        status: list[int] = []

        async def watch(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receive, watch)
        if status and status[0] == 200:
            self.succeeded(client)
        else:
            self.failed(client)


def weak_password(password: str) -> str | None:
    """Why a staff password is too weak, or None: at least 12 characters, letters and digits."""
    if len(password) < 12:
        return "至少需要 12 个字符"
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "需要同时包含字母和数字"
    return None
