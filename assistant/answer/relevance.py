"""Where it is decided whether the notices answer a question: the evidence of the retrieved
passages, scored by a logistic model whose weights are fitted on labelled questions and kept as data
(data/relevance.json; refit with `python -m assistant fit-relevance`).

The evidence is judged on what the question asks (Query.ask), never on what the asker says of
themselves: the lexical share of the ask's weighted terms in the best passages (with and without the
terms no notice uses), how much of the ask no notice uses at all, the dense similarity, and whether
the question points at a notice or names a list or field."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from assistant.answer.reader import Reader
from assistant.answer.retrieval import Hit, HybridRetriever
from assistant.answer.understand import Query
from assistant.config import DATA_DIR

MODEL_FILE = DATA_DIR / "relevance.json"
TOP = 3



@dataclass(frozen=True)
class Evidence:
    lexical: float  # best share of the ask's weight in a top passage, unknown terms counted
    sentence: float  # the same for the sentence the reader would show first
    known: float  # the same over the terms some notice uses
    unseen: float  # share of the ask's weight that no notice uses
    dense: float | None  # best cosine of the question to a top passage (None without vectors)
    pointed: float  # 1: the question points at a notice
    named: float  # 1: the question names a list or field

    def vector(self) -> list[float]:
        """The features in order; a missing one (no vectors) is NaN."""
        return [math.nan if v is None else float(v) for v in asdict(self).values()]

    @staticmethod
    def names() -> list[str]:
        return list(Evidence.__dataclass_fields__)


def evidence(q: Query, hits: list[Hit], retriever: HybridRetriever, reader: Reader) -> Evidence:
    terms = set(retriever.tokenizer(q.ask or q.text))
    total = sum(retriever.term_weight(t) for t in terms) or 1.0
    unseen = sum(retriever.term_weight(t) for t in terms if not retriever.known(t)) / total
    lexical = max((h.relevance for h in hits[:TOP]), default=0.0)
    sentence = reader.sentence_coverage(q, hits)
    known = min(1.0, lexical / (1 - unseen)) if unseen < 1 else 0.0
    return Evidence(
        lexical=lexical,
        sentence=sentence,
        known=known,
        unseen=unseen,
        dense=max((h.similarity for h in hits[:TOP]), default=0.0) if retriever.dense else None,
        pointed=1.0 if q.notice_ids else 0.0,
        named=1.0 if (q.list_key or q.field_key) else 0.0,
    )


@dataclass(frozen=True)
class RelevanceModel:
    coef: list[float]
    intercept: float
    threshold: float  # probability that the notices answer, below which we decline
    mean: list[float]  # feature standardisation, as fitted
    scale: list[float]
    # The sentence rule: the sentence shown holds under `weak` of the ask, or under `weak_unseen`
    # while the ask has words no notice uses: the closest text, not the answer. Fitted with the rest.
    weak: float = 0.3
    weak_unseen: float = 0.5

    def probability(self, e: Evidence) -> float:
        # A missing feature counts as its fitted mean: it says nothing either way.
        z = self.intercept + sum(0.0 if math.isnan(x) else c * (x - m) / s
                                 for c, x, m, s in zip(self.coef, e.vector(), self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def judge(self, e: Evidence) -> tuple[bool, float]:
        """Whether the passages answer, and the model's probability (for comparing searches)."""
        p = self.probability(e)
        weak = e.sentence < self.weak or (e.unseen > 0 and e.sentence < self.weak_unseen)
        return not weak and p >= self.threshold, p

    def answers(self, e: Evidence) -> bool:
        return self.judge(e)[0]


@cache
def load_model(path: Path = MODEL_FILE) -> RelevanceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features") != Evidence.names():
        raise ValueError(f"{path}: fitted on other features; run python -m assistant fit-relevance")
    return RelevanceModel(data["coef"], data["intercept"], data["threshold"], data["mean"], data["scale"],
                          data.get("weak", 0.3), data.get("weak_unseen", 0.5))
