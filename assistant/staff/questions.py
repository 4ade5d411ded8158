"""The question log: every question asked in the app or through its API, with the answer's kind,
relevance, cited notices, latency and any 👍/👎, in the staff database with the feedback. Nothing
about the asker is stored beyond what they typed; rows older than the retention are deleted.

What staff read from it: the questions the assistant could not answer well (declines, weak
retrieval answers, 👎), grouped by similar question and counted."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, insert, select, update

from assistant.answer.compose import Answer
from assistant.answer.similarity import question_grams, question_key, same_question
from assistant.staff.database import Database, Store
from assistant.staff.schema import questions

MAX_TEXT = 2000
WEAK_RELEVANCE = 0.5  # a retrieval answer below this share of the question's terms is a near miss
WEAK_OPENING = "通知中未找到直接回答"
GROUP_COLUMNS = ["次数", "问题（示例）", "原因", "最近一次", "其他问法"]
LOG_COLUMNS = ["编号", "时间", "问题", "答案类型", "相关度", "引用通知", "耗时(ms)", "渠道", "评价", "未直接回答"]


@dataclass
class Group:
    question: str
    count: int
    reasons: set[str]
    last: str
    others: list[str] = field(default_factory=list)
    grams: set[str] = field(default_factory=set)


class QuestionLog(Store):
    def __init__(self, db: Database | Path | str, retention_days: int = 180) -> None:
        super().__init__(db)
        self.retention_days = retention_days
        self.purge()

    def record(self, question: str, answer: Answer, channel: str = "app", now: dt.datetime | None = None) -> int:
        notices = sorted({c.source for c in answer.citations})
        row = {
            "created": (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S"),
            "question": str(question or "")[:MAX_TEXT],
            "kind": str(answer.kind),
            "relevance": None if answer.relevance is None else round(float(answer.relevance), 3),
            "notices": json.dumps(notices, ensure_ascii=False),
            "latency_ms": round(float(answer.latency_ms), 1),
            "channel": channel,
            "weak": int(WEAK_OPENING in answer.answer[:40]),
        }
        with self.db.begin() as conn:
            return int(conn.execute(insert(questions).values(**row).returning(questions.c.id)).scalar_one())

    def rate(self, log_id: int, rating: int) -> None:
        with self.db.begin() as conn:
            conn.execute(update(questions).where(questions.c.id == int(log_id)).values(rating=rating))

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete what is older than the retention; returns how many rows went."""
        cutoff = ((now or dt.datetime.now()) - dt.timedelta(days=self.retention_days)).strftime("%Y-%m-%d %H:%M:%S")
        with self.db.begin() as conn:
            return int(conn.execute(delete(questions).where(questions.c.created < cutoff)).rowcount)

    def rows(self, since: str = "", limit: int = 100_000) -> list[list[object]]:
        c = questions.c
        query = (select(c.id, c.created, c.question, c.kind, c.relevance, c.notices, c.latency_ms, c.channel, c.rating,
                        c.weak).where(c.created >= since).order_by(c.id.desc()).limit(limit))
        with self.db.read() as conn:
            return [list(r) for r in conn.execute(query)]

    def count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(questions)).scalar_one())

    @staticmethod
    def reason(kind: str, relevance: float | None, rating: int | None, weak: bool = False) -> str | None:
        if rating == -1:
            return "用户点了👎"
        if kind == "decline":
            return "未能回答"
        if weak or (kind in ("retrieval", "llm") and relevance is not None and relevance < WEAK_RELEVANCE):
            return "相关度低"
        return None

    def unanswered(self, since: str = "") -> list[Group]:
        """Declines, weak answers and 👎, grouped by similar question, most asked first."""
        groups: list[Group] = []
        for _id, created, question, kind, relevance, _notices, _ms, _ch, rating, weak in reversed(self.rows(since)):
            why = self.reason(str(kind), relevance, rating, bool(weak))
            if why is None:
                continue
            grams = question_grams(str(question))
            group = next((g for g in groups if same_question(g.grams, grams)), None)
            if group is None:
                groups.append(Group(str(question), 1, {why}, str(created), grams=grams))
                continue
            group.count += 1
            group.reasons.add(why)
            group.last = max(group.last, str(created))
            if question_key(str(question)) != question_key(group.question) and len(group.others) < 3:
                group.others.append(str(question))
        groups.sort(key=lambda g: g.last, reverse=True)
        return sorted(groups, key=lambda g: -g.count)  # most asked first; among equals, the latest

    def summary_rows(self, since: str = "") -> list[list[object]]:
        return [[g.count, g.question, "、".join(sorted(g.reasons)), g.last, "；".join(g.others)] for g in self.unanswered(since)]

    def report(self, since: str = "") -> str:
        rows = self.rows(since)
        groups = self.unanswered(since)
        lines = [f"{since or '全部'}以来共 {len(rows)} 个问题；未能很好回答的 {sum(g.count for g in groups)} 个，"
                 f"归为 {len(groups)} 类："]
        for g in groups:
            lines.append(f"- {g.count} 次｜{'、'.join(sorted(g.reasons))}｜{g.question}" + (f"（另有问法：{'；'.join(g.others)}）" if g.others else ""))
        return "\n".join(lines)
