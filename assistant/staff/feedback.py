"""Feedback on answers, in the staff database: one transaction per write, so a crash loses nothing stored."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import func, insert, select

from assistant.staff.database import Store
from assistant.staff.export import to_csv
from assistant.staff.schema import feedback

COLUMNS = ["id", "created", "question", "answer", "kind", "citations", "rating", "comment"]
SUMMARY_COLUMNS = ["编号", "时间", "评价", "意见", "问题", "回答（摘要）"]
MAX_TEXT = 5000


class FeedbackStore(Store):

    def add(self, question: str, answer: dict[str, Any], rating: int, comment: str = "") -> int:
        if rating not in (1, -1):
            raise ValueError("rating must be 1 or -1")
        row = {
            "created": time.strftime("%Y-%m-%d %H:%M:%S"),
            "question": str(question)[:MAX_TEXT],
            "answer": str(answer.get("answer", ""))[:MAX_TEXT],
            "kind": str(answer.get("kind", "")),
            "citations": json.dumps(answer.get("citations", []), ensure_ascii=False)[:MAX_TEXT * 4],
            "rating": rating,
            "comment": str(comment or "")[:MAX_TEXT],
        }
        with self.db.begin() as conn:  # committed when the block ends, rolled back if it raises
            return int(conn.execute(insert(feedback).values(**row).returning(feedback.c.id)).scalar_one())

    def rows(self, limit: int = 1000) -> list[list[Any]]:
        query = select(*(feedback.c[c] for c in COLUMNS)).order_by(feedback.c.id.desc()).limit(limit)
        with self.db.read() as conn:
            return [list(r) for r in conn.execute(query)]

    def count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(feedback)).scalar_one())

    def summary(self, limit: int = 500) -> list[list[Any]]:
        """What the staff view shows: the full record is in the CSV export."""
        out = []
        for rid, created, question, answer, _kind, _cites, rating, comment in self.rows(limit):
            short = answer if len(answer) <= 60 else answer[:60] + "…"
            out.append([rid, created, "有帮助" if rating > 0 else "没帮助", comment, question, short])
        return out

    def to_csv(self) -> str:
        return to_csv(COLUMNS, self.rows(limit=1_000_000))
