"""The staff stores' SQLite file: one connection per call, WAL, one transaction per write, so a
crash loses nothing stored and readers never wait for writers."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class SqliteStore:
    SCHEMA = ""  # each store's CREATE TABLE IF NOT EXISTS

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()  # writes from this process one at a time
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(self.SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)
