"""Feedback on answers, in SQLite: one transaction per write, so a crash loses nothing stored."""

from __future__ import annotations

import json
import time
from typing import Any

from assistant.staff.export import to_csv
from assistant.staff.sqlite import SqliteStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    kind TEXT NOT NULL,
    citations TEXT NOT NULL,
    rating INTEGER NOT NULL,   -- 1 useful, -1 not useful
    comment TEXT NOT NULL DEFAULT ''
)
"""
COLUMNS = ["id", "created", "question", "answer", "kind", "citations", "rating", "comment"]
SUMMARY_COLUMNS = ["编号", "时间", "评价", "意见", "问题", "回答（摘要）"]
MAX_TEXT = 5000


class FeedbackStore(SqliteStore):
    SCHEMA = SCHEMA

    def add(self, question: str, answer: dict[str, Any], rating: int, comment: str = "") -> int:
        if rating not in (1, -1):
            raise ValueError("rating must be 1 or -1")
        row = (
            time.strftime("%Y-%m-%d %H:%M:%S"),
            str(question)[:MAX_TEXT],
            str(answer.get("answer", ""))[:MAX_TEXT],
            str(answer.get("kind", "")),
            json.dumps(answer.get("citations", []), ensure_ascii=False)[:MAX_TEXT * 4],
            rating,
            str(comment or "")[:MAX_TEXT],
        )
        with self._lock, self._connect() as db:  # the context manager commits or rolls back
            cur = db.execute(
                "INSERT INTO feedback (created, question, answer, kind, citations, rating, comment) VALUES (?,?,?,?,?,?,?)",
                row,
            )
            return int(cur.lastrowid or 0)

    def rows(self, limit: int = 1000) -> list[list[Any]]:
        with self._connect() as db:
            return [list(r) for r in db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id DESC LIMIT ?", (limit,))]

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def summary(self, limit: int = 500) -> list[list[Any]]:
        """What the staff view shows: the full record is in the CSV export."""
        out = []
        for rid, created, question, answer, _kind, _cites, rating, comment in self.rows(limit):
            short = answer if len(answer) <= 60 else answer[:60] + "…"
            out.append([rid, created, "有帮助" if rating > 0 else "没帮助", comment, question, short])
        return out

    def to_csv(self) -> str:
        return to_csv(COLUMNS, self.rows(limit=1_000_000))
