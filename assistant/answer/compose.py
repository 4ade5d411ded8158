"""Answers and citations: the direct answer first, then support, each quote checked verbatim."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from assistant.answer.phrasing import YEAR_NOTE, round_note
from assistant.ingest.notices import NoticeRecord
from assistant.ingest.textmap import normalize_for_match, verbatim
from assistant.model import AnswerKind, Fact, RuleBasis


@dataclass
class Citation:
    source: str
    title: str
    year: int | None
    section: str
    quote: str
    start: int
    end: int


@dataclass
class Answer:
    answer: str
    kind: AnswerKind
    citations: list[Citation] = field(default_factory=list)
    latency_ms: float = 0.0
    id: Any = None
    query: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # What a follow-up can refer to ("他的电话呢？").
    person: str | None = None
    relevance: float | None = None  # retrieval's best match (0..1); None for rule answers
    basis: RuleBasis | None = None  # a rule answer's: which rule gave it
    states_absence: bool = False  # a rule's: it says what the notices lack, having found what they hold
    # The reader's: read from what the asker pointed at (the steps after one they say they have done,
    # the unit holding every name they quote) or from a unit holding the value asked and most of the
    # ask's words, so the notices do hold what is asked.
    anchored: bool = False
    # The candidates each part weighed (answerer and score, best first): why this answer was given.
    considered: list[list[tuple[str, float]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "answer": self.answer,
            "kind": str(self.kind),
            "citations": [asdict(c) for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
            "candidates": [[{"source": source, "score": round(score, 3)} for source, score in part]
                           for part in self.considered],
        }


class Citer:
    """Numbers citations in the order an answer uses them, one number per distinct passage."""

    def __init__(self, notices: dict[str, NoticeRecord]) -> None:
        self.notices = notices
        self.citations: list[Citation] = []
        self._keys: dict[tuple[str, int, int], int] = {}

    def cite(self, source: str, section: str, quote: str, start: int, end: int) -> str:
        key = (source, start, end)
        if key not in self._keys:
            notice = self.notices.get(source)
            if notice is not None and not _quoted(quote, notice, start, end):
                quote = notice.original[start:end]
            self.citations.append(
                Citation(
                    source=source,
                    title=notice.title if notice else "",
                    year=notice.year if notice else None,
                    section=section,
                    quote=quote,
                    start=start,
                    end=end,
                )
            )
            self._keys[key] = len(self.citations)
        return f"[{self._keys[key]}]"

    def rollback(self, mark: int) -> None:
        """Forget citations made after `mark` (an answerer that gave up)."""
        del self.citations[mark:]
        self._keys = {k: v for k, v in self._keys.items() if v <= mark}

    def fact(self, f: Fact) -> str:
        return self.cite(f.notice_id, f.section, f.quote, f.start, f.end)


def _quoted(quote: str, notice: NoticeRecord, start: int, end: int) -> bool:
    """Whether the quote is the notice's text: looked for in its own span first, so that a citation
    costs its few lines, not normalising the whole notice."""
    return verbatim(quote, normalize_for_match(notice.original[start:end])) or verbatim(quote, notice.normalized)


def quote_found(c: Citation, notices: dict[str, NoticeRecord]) -> bool:
    """Whether the citation's quote is in the notice it names (after normalize_for_match)."""
    notice = notices.get(c.source)
    return notice is not None and verbatim(c.quote, notice.normalized)


def verify(answer: Answer, notices: dict[str, NoticeRecord]) -> list[str]:
    """Citations whose quote is not in the notice they name (should be none)."""
    return [f"{c.source}:{c.start}-{c.end}" for c in answer.citations if not quote_found(c, notices)]


MARK = re.compile(r"\[(\d{1,3})\]")


def merge(answers: list[Answer], numbered: bool = True) -> Answer:
    """Answers to the parts of one message, in order, as one answer: every part's direct answer
    first, then their notes (other years, second dates, whose value it is), citations renumbered
    across them (one number per passage), the same text given twice kept once."""
    if len(answers) == 1 and not answers[0].notes:
        return _round_said_once(answers[0])
    citations: list[Citation] = []
    seen: dict[tuple[str, int, int], int] = {}
    texts: list[str] = []
    notes: list[str] = []
    for ans in answers:
        mapping = {}
        for i, c in enumerate(ans.citations, 1):
            key = (c.source, c.start, c.end)
            if key not in seen:
                citations.append(c)
                seen[key] = len(citations)
            mapping[i] = seen[key]

        def renumbered(text: str, mp: dict[int, int] = mapping) -> str:
            return MARK.sub(lambda m: f"[{mp.get(int(m.group(1)), m.group(1))}]", text)

        text = renumbered(ans.answer)
        if text and text not in texts:
            texts.append(text)
        notes += [n for n in map(renumbered, ans.notes) if n not in notes]
    if numbered and len(texts) > 1:
        texts = _heads_first(texts)
    kinds = [a.kind for a in answers]
    kind = next((k for k in (AnswerKind.RULE, AnswerKind.LLM, AnswerKind.RETRIEVAL) if k in kinds), AnswerKind.DECLINE)
    person = next((a.person for a in reversed(answers) if a.person), None)
    text, citations = _in_order("\n".join(texts + notes), citations)
    return _round_said_once(Answer(text, kind, citations, person=person))


def _round_said_once(answer: Answer) -> Answer:
    """Which round a question without a year was answered in, said once at the end, not beside
    every value (phrasing.year_note): the values asked come first, within the lines a reader sees."""
    years = list(dict.fromkeys(YEAR_NOTE.findall(answer.answer)))
    if not years:
        return answer
    text = YEAR_NOTE.sub("", answer.answer).rstrip() + "\n" + round_note(years)
    return replace(answer, answer=text)  # (a reader's answer may be cached: never changed in place)


NUMBERS = "①②③④⑤⑥"
HEAD_CHARS = 60  # a part's direct answer: its lines up to about this long, its first line that says something at least
# "根据2023年通知：", "2023年相关联系方式如下：", "（尚未收录…，以下按…回答。）": what follows is the answer.
LEAD = re.compile(r"^(?:[^。；;\n]{0,80}[：:]|[（(][^\n]{0,100}[）)])$")
# "申报组织应符合以下条件：[3]": a cited line that only announces what follows it.
LEAD_IN = re.compile(r"^[^。；;\n]{0,80}[：:](?:\[\d+\])+$")


QUOTED_AS = re.compile(r"^通知原文：")  # how a rule leads a passage it quotes whole
SIDE = re.compile(r"^\d{4}年[：:]")  # "2022年：…" / "2023年：…": the sides of a comparison, one answer


CITED_END = re.compile(r"\[\d+\]$")


def _shown_before(line: str, shown: set[str]) -> bool:
    """A line shown already, however led ("通知原文：答：…[1]" is "答：…[1]"), or the start of one shown
    ("初评评审：2023年12月[1]" of "初评评审：2023年12月[1]——各榜单对应的初评机构…[2]")."""
    if line in shown or QUOTED_AS.sub("", line) in shown:
        return True
    return bool(CITED_END.search(line)) and any(s.startswith(line) for s in shown)


def _heads_first(texts: list[str]) -> list[str]:
    """Several parts' answers: each part's direct answer first (①②③), then what each adds, so that
    a later part's answer is not pushed down by an earlier part's detail; a line shown for one part is
    not shown again for the next."""
    heads: list[str] = []
    rest: list[str] = []
    shown: set[str] = set()
    for i, text in enumerate(texts):
        # (A passage quoted again is the same line however it is led: "通知原文：答：…[1]" and "答：…[1]".)
        lines = [ln for ln in text.split("\n") if LEAD.match(ln) or not _shown_before(ln, shown)]
        if not any(not LEAD.match(ln) for ln in lines):
            heads.append(f"{NUMBERS[i]} 见上。")
            continue
        n = 0
        while n < len(lines) - 1 and (LEAD.match(lines[n]) or LEAD_IN.match(lines[n])):
            n += 1  # what introduces the answer (and a passage announcing the items that follow it)
        n += 1  # the first line that says something
        while n < len(lines) and not LEAD.match(lines[n]) and (
                len("".join(lines[:n])) < HEAD_CHARS or (SIDE.match(lines[n - 1]) and SIDE.match(lines[n]))):
            n += 1
        shown.update(lines)
        shown.update(QUOTED_AS.sub("", ln) for ln in lines)
        heads.append(f"{NUMBERS[i]} " + "\n".join(lines[:n]))
        if lines[n:]:
            rest.append(f"{NUMBERS[i]}（续）" + "\n".join(lines[n:]))
    return heads + rest


def _in_order(text: str, citations: list[Citation]) -> tuple[str, list[Citation]]:
    """The citations numbered in the order the text first shows them (those it does not show after)."""
    order: list[int] = []
    for m in MARK.finditer(text):
        k = int(m.group(1))
        if 1 <= k <= len(citations) and k not in order:
            order.append(k)
    order += [k for k in range(1, len(citations) + 1) if k not in order]
    new = {old: i for i, old in enumerate(order, 1)}
    return (MARK.sub(lambda m: f"[{new.get(int(m.group(1)), m.group(1))}]", text),
            [citations[k - 1] for k in order])
