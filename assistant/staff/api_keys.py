"""API keys, in the staff database: created with a name, an optional expiry and a rate; the key
itself is shown once and only its SHA-256 is kept (a key is 256 random bits, so a plain hash is
as good as a slow one); each request is counted against its key."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from assistant.staff.database import Store
from assistant.staff.schema import api_keys

KEY_PREFIX = "kczg-"
MAX_NAME = 80
COLUMNS = ["编号", "名称", "密钥开头", "创建时间", "有效期至", "每分钟上限", "状态", "请求次数", "最近使用"]


class KeyRefused(ValueError):
    """A key that cannot be created as asked (the message is for the user, in Chinese)."""


@dataclass(frozen=True)
class ApiKey:
    id: int
    name: str
    prefix: str
    created: str
    expires: dt.date | None
    rate: int
    revoked: str | None
    requests: int
    last_used: str | None

    def live(self, today: dt.date) -> bool:
        return self.revoked is None and (self.expires is None or today <= self.expires)

    def status(self, today: dt.date) -> str:
        if self.revoked:
            return "已吊销"
        return "已过期" if not self.live(today) else "有效"

    def row(self, today: dt.date) -> list[object]:
        return [self.id, self.name, self.prefix + "…", self.created, self.expires.isoformat() if self.expires else "长期",
                self.rate, self.status(today), self.requests, self.last_used or ""]


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def _now() -> str:
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")


class KeyStore(Store):
    _FIELDS = ("id", "name", "prefix", "created", "expires", "rate", "revoked", "requests", "last_used")

    def create(self, name: str, expires: dt.date | None = None, rate: int = 60,
               today: dt.date | None = None) -> tuple[ApiKey, str]:
        """A new key: the record and the key itself, which is never stored or shown again."""
        name = " ".join(str(name or "").split())[:MAX_NAME]
        if not name:
            raise KeyRefused("请给密钥起个名字（例如使用它的系统或单位）。")
        if not 1 <= int(rate) <= 10_000:
            raise KeyRefused("每分钟请求上限须在 1 到 10000 之间。")
        if expires is not None and expires < (today or dt.date.today()):
            raise KeyRefused(f"有效期 {expires.isoformat()} 已经过去。")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        row = {"name": name, "prefix": secret[:12], "digest": _digest(secret), "created": _now(),
               "expires": expires.isoformat() if expires else None, "rate": int(rate)}
        with self.db.begin() as conn:
            key_id = int(conn.execute(insert(api_keys).values(**row).returning(api_keys.c.id)).scalar_one())
        return self.get(key_id), secret  # type: ignore[return-value]

    def _read(self, *where: object) -> list[ApiKey]:
        query = select(*(api_keys.c[f] for f in self._FIELDS)).where(*where).order_by(api_keys.c.id)  # type: ignore[arg-type]
        with self.db.read() as conn:
            rows = conn.execute(query).all()
        return [ApiKey(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]) if r[4] else None, r[5], r[6], r[7], r[8])
                for r in rows]

    def get(self, key_id: int) -> ApiKey | None:
        found = self._read(api_keys.c.id == int(key_id))
        return found[0] if found else None

    def all(self) -> list[ApiKey]:
        return self._read()

    def revoke(self, key_id: int) -> ApiKey | None:
        """Revoked at once: the next request with it is refused. None: no such key."""
        with self.db.begin() as conn:
            conn.execute(update(api_keys).where(api_keys.c.id == int(key_id), api_keys.c.revoked.is_(None))
                         .values(revoked=_now()))
        return self.get(key_id)

    def verify(self, secret: str, today: dt.date) -> ApiKey | None:
        """The live key this secret is, or None (unknown, revoked or expired)."""
        if not secret.startswith(KEY_PREFIX) or len(secret) > 200:
            return None
        found = self._read(api_keys.c.digest == _digest(secret))
        if not found or not found[0].live(today):
            return None
        return found[0]

    def count(self, key_id: int) -> None:
        """One more request made with this key."""
        with self.db.begin() as conn:
            conn.execute(update(api_keys).where(api_keys.c.id == key_id)
                         .values(requests=api_keys.c.requests + 1, last_used=_now()))
