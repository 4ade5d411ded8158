"""Answers staff wrote for a group of questions (the question log's), each resting on passages of
the notices: what one is, whether the notices still bear it out, and how it is shown — first,
marked 工作人员审定, cited, with the assistant's own answer below it when that says something else.

The store is in assistant/staff/curated.py; answering only sees the CuratedSource protocol."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assistant.answer.compose import Answer, Citer, merge
from assistant.answer.similarity import question_key
from assistant.ingest.notices import NoticeRecord
from assistant.model import AnswerKind

CURATED_MARK = "【工作人员审定】"
OWN_LABEL = "助手根据通知整理的回答："


@dataclass(frozen=True)
class CuratedQuote:
    """A passage a curated answer rests on: verbatim, with its span in the notice's original text
    and the notice's SHA-256 when it was chosen (a replaced notice has another)."""

    notice: str
    sha256: str
    section: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class CuratedAnswer:
    id: int
    question: str  # the group's example question
    answer: str
    quotes: tuple[CuratedQuote, ...]
    variants: tuple[str, ...] = ()  # other wordings of the same question
    status: str = "active"  # active | review
    review_reason: str = ""
    created: str = ""
    updated: str = ""
    author: str = ""

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.question, *self.variants)


class CuratedSource(Protocol):
    """Where answering finds curated answers (the staff database's store)."""

    def match(self, question: str) -> CuratedAnswer | None: ...

    def flag(self, curated_id: int, reason: str) -> None: ...


@dataclass
class Bearing:
    """Whether a curated answer's passages are still in the notices as they were chosen."""

    ok: bool
    reason: str = ""  # why not, for the console


def bearing(curated: CuratedAnswer, notices: dict[str, NoticeRecord]) -> Bearing:
    """Every quote's notice present (not removed or disabled), unchanged (the same SHA-256, so not
    replaced), and the quote verbatim at its span."""
    problems = []
    for q in curated.quotes:
        notice = notices.get(q.notice)
        if notice is None:
            problems.append(f"引用的通知 {q.notice} 已删除或停用")
        elif notice.sha256 and q.sha256 and notice.sha256 != q.sha256:
            problems.append(f"引用的通知 {q.notice} 已被替换")
        elif notice.original[q.start : q.end] != q.quote:
            problems.append(f"引文不在通知 {q.notice} 的原位置")
    if not curated.quotes:
        problems.append("没有引用通知原文")
    return Bearing(not problems, "；".join(problems))


def curated_first(curated: CuratedAnswer, own: Answer, notices: dict[str, NoticeRecord]) -> Answer:
    """The curated answer, cited, then the assistant's own when it answers and says something else."""
    citer = Citer(notices)
    marks = "".join(citer.cite(q.notice, q.section, q.quote, q.start, q.end) for q in curated.quotes)
    first = Answer(f"{CURATED_MARK}{curated.answer.strip()}{marks}", AnswerKind.CURATED, citer.citations)
    parts = [first]
    if own.kind != AnswerKind.DECLINE and question_key(own.answer) not in question_key(curated.answer):
        parts.append(Answer(OWN_LABEL + "\n" + own.answer, own.kind, own.citations, notes=own.notes,
                            person=own.person))
    result = merge(parts, numbered=False)
    result.kind = AnswerKind.CURATED
    result.query, result.considered = own.query, own.considered
    result.person = own.person
    return result
