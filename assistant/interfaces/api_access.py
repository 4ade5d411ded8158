"""Who may call the HTTP APIs, and how often: the API key a request carries (Authorization: Bearer
or X-API-Key), checked against the key store, counted, and held to its rate (429 with Retry-After
beyond it). Without a key a client is refused when keys are required (the default), else held to
the per-client rate."""

from __future__ import annotations

import datetime as dt
import math
import threading
from dataclasses import dataclass

from fastapi import Request

from assistant.interfaces.api_errors import ApiError
from assistant.interfaces.guard import Throttle
from assistant.staff.api_keys import ApiKey, KeyStore


@dataclass(frozen=True)
class Caller:
    """Whoever made a request: a key, or a client address when no key was needed."""

    key: ApiKey | None
    client: str

    @property
    def name(self) -> str:
        """Their own namespace for conversations: one caller never continues another's."""
        return f"key{self.key.id}" if self.key else f"client:{self.client}"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def hold(throttle: Throttle, who: str, message: str) -> None:
    """429 with Retry-After when `who` is over its rate; `message` says so, with {wait} seconds."""
    if not throttle.allow(who):
        wait = max(1, math.ceil(throttle.retry_after(who)))
        raise ApiError(429, "rate_limited", message.format(wait=wait), {"Retry-After": str(wait)})


def presented_key(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("x-api-key", "").strip()


class Access:
    """A FastAPI dependency: `caller: Caller = Depends(access)`."""

    def __init__(self, keys: KeyStore, require_key: bool, client_rate: int) -> None:
        self.keys, self.require_key = keys, require_key
        self.per_client = Throttle(client_rate, 60)
        self._per_key: dict[int, Throttle] = {}
        self._lock = threading.Lock()

    def _throttle(self, key: ApiKey) -> Throttle:
        with self._lock:
            found = self._per_key.get(key.id)
            if found is None or found.limit != key.rate:
                found = self._per_key[key.id] = Throttle(key.rate, 60)
            return found

    def __call__(self, request: Request) -> Caller:
        secret = presented_key(request)
        client = client_address(request)
        key = None
        if secret:
            key = self.keys.verify(secret, dt.date.today())
            if key is None:
                raise ApiError(401, "invalid_key", "API 密钥无效、已吊销或已过期。", {"WWW-Authenticate": "Bearer"})
        elif self.require_key:
            raise ApiError(401, "missing_key", "需要 API 密钥：请在请求头加上 Authorization: Bearer <密钥>"
                           "（密钥由管理员在工作台或用 python -m assistant apikey create 创建）。", {"WWW-Authenticate": "Bearer"})
        throttle, who = (self._throttle(key), str(key.id)) if key else (self.per_client, client)
        hold(throttle, who, f"请求过于频繁：每分钟至多 {throttle.limit} 次，请 {{wait}} 秒后再试。")
        if key is not None:
            self.keys.count(key.id)
        return Caller(key, client)
