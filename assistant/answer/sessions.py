"""Conversations: what a follow-up inherits (the previous query, the person last named)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from assistant.answer.understand import Query

MAX_SESSIONS = 5000
MAX_TURNS = 20


@dataclass
class Session:
    previous: Query | None = None
    person: str | None = None
    turns: list[tuple[str, str]] = field(default_factory=list)

    def record(self, q: Query, question: str, answer: str, person: str | None) -> None:
        self.previous = q
        self.person = person or q.person or self.person
        self.turns = [*self.turns[-(MAX_TURNS - 1):], (question, answer)]


class Sessions:
    """The least recently used conversations go beyond `capacity`, so memory stays bounded."""

    def __init__(self, capacity: int = MAX_SESSIONS) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, session_id: str) -> Session:
        with self._lock:
            session = self._items.pop(session_id, None) or Session()
            self._items[session_id] = session
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
            return session

    def drop(self, session_id: str) -> None:
        """Forget a conversation (one rebuilt for a single request, as the OpenAI endpoint does)."""
        with self._lock:
            self._items.pop(session_id, None)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, session_id: object) -> bool:
        return session_id in self._items
