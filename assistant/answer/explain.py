"""Why an answer is what it is: for each part of a message, what was understood, what the rules
answered, the reader's best units with their scores, and the relevance evidence with its decision.
For diagnosing a wrong answer without reading the code (`python -m assistant ask --explain`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class UnitView:
    text: str
    kind: str
    score: float
    coverage: float
    typed: bool
    notice: str
    section: str


@dataclass
class CandidateView:
    source: str  # which answerer (rule, reader+rule, reader, compare, decline)
    score: float  # the ranker's probability that it is right
    answer: str  # its first 300 characters
    signals: dict[str, float]  # what the ranker weighed (answer/ranker.py Signals)


@dataclass
class PartView:
    question: str
    ask: str
    years: list[int]
    year_source: str
    intent: str
    answer_type: str
    list_key: str | None
    field_key: str | None
    notices_pointed: list[str]
    candidates: list[CandidateView]  # every answer that could apply, best first
    chosen: str  # the answerer whose answer was given
    why: str  # why it won
    relevance: dict[str, Any]  # the evidence, the model's probability and its decision
    reader_units: list[UnitView] = field(default_factory=list)


@dataclass
class Explanation:
    message: str
    parts: list[PartView]
    answer: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
