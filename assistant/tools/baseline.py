"""The naive baseline every evaluation is reported against (shared/design.md, "The method"):
each notice cut into paragraphs of about 260 characters (whole lines; a new paragraph when the next
line would pass 260), BM25 over jieba `lcut_for_search` tokens with punctuation dropped, and the best
three paragraphs pasted as the answer, each cited verbatim. Graded like any answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

import bm25s
import jieba
import numpy as np

from assistant.answer.compose import Answer, Citation
from assistant.ingest.notices import NoticeRecord
from assistant.model import AnswerKind

PARAGRAPH_CHARS = 260
TOP = 3
WORD = re.compile(r"[\w\u4e00-\u9fff]")


@dataclass(frozen=True)
class Paragraph:
    notice_id: str
    start: int
    end: int
    text: str


def paragraphs(notice_id: str, text: str, size: int = PARAGRAPH_CHARS) -> list[Paragraph]:
    """Whole lines grouped until the next one would pass `size` characters."""
    out: list[Paragraph] = []
    start = end = 0
    pos = 0
    for raw in text.splitlines(keepends=True):
        line_end = pos + len(raw.rstrip("\r\n"))
        if raw.strip():
            if end > start and line_end - start > size:
                out.append(Paragraph(notice_id, start, end, text[start:end]))
                start = pos
            if end <= start:
                start = pos
            end = line_end
        pos += len(raw)
    if end > start:
        out.append(Paragraph(notice_id, start, end, text[start:end]))
    return out


def tokens(text: str) -> list[str]:
    return [t for t in jieba.lcut_for_search(text) if WORD.search(t)]


class NaiveBaseline:
    def __init__(self, notices: dict[str, NoticeRecord]) -> None:
        self.notices = notices
        self.paragraphs = [p for n in notices.values() for p in paragraphs(n.id, n.original)]
        self.bm25 = bm25s.BM25()
        self.bm25.index([tokens(p.text) or ["_"] for p in self.paragraphs], show_progress=False)

    def answer(self, question: str) -> Answer:
        query = tokens(question)
        if not query or not self.paragraphs:
            return Answer("", AnswerKind.RETRIEVAL)
        scores = self.bm25.get_scores(query)
        best = [int(i) for i in np.argsort(-scores)[:TOP] if scores[i] > 0]
        citations = []
        for i in best:
            p = self.paragraphs[i]
            notice = self.notices[p.notice_id]
            citations.append(Citation(p.notice_id, notice.title, notice.year, "", p.text, p.start, p.end))
        return Answer("\n".join(self.paragraphs[i].text for i in best), AnswerKind.RETRIEVAL, citations)
