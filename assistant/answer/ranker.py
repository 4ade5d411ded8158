"""Where answers are ranked: each candidate's signals, scored by a logistic model fitted on
labelled questions and kept as data (data/ranker.json; refit with `python -m assistant fit-ranker`).

A candidate's signals say how well it fits what is asked: how much of the ask its shown text holds,
whether it holds a value of the answer type asked, whether it cites the notice and year the
question points at, and what is known of the part (the relevance model's probability that the
notices answer, whether the ask has a recognised intent, whether it asks for a sentence or a value).
Every signal is weighted per answerer kind, so the same evidence may favour the reader and count
against a rule. The decline is one more candidate with its own score, the probability that nothing
answers the part, judged on the best answer's score and the part's evidence; it leads when that is
above a threshold fitted with the rest. No single signal decides.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

from assistant.answer.candidates import HEAD, OWN_ANSWER_INTENTS, SENTENCE_ASKS, Candidate, Situation, Source
from assistant.answer.decline import DECLINE_MARKERS
from assistant.answer.reader import HOLDS, Reader
from assistant.answer.understand import Query
from assistant.answer.years import YearDecision
from assistant.config import DATA_DIR
from assistant.model import Intent, RuleBasis

MODEL_FILE = DATA_DIR / "ranker.json"


@dataclass(frozen=True)
class Signals:
    # of the candidate
    cover: float  # share of the ask's weight its first lines hold
    subject: float  # 1: they name the list or field asked about
    typed: float  # 1: they hold a value of the answer type asked (a date, a phone, a number…)
    cites_pointed: float  # share of its citations from the notices the question points at
    cites_year: float  # 1: it cites a notice of a year asked
    says_missing: float  # 1: it says the notices do not hold it
    citations: float  # log(1 + its citations)
    fallback: float  # 1: a neighbouring intent's rule gave it
    # of the part (the same for every candidate; weighted per kind)
    best_cover: float  # the most of the ask any answering candidate's first lines hold
    probability: float  # the relevance model's probability that the passages answer
    answers: float  # 1: the relevance model says they do
    intent: float  # 1: the ask has a recognised intent
    sentence_ask: float  # 1: a yes/no or how-to ask
    own_answer: float  # 1: an eligibility, look-up, notice or comparison ask
    own_notice: float  # 1: about one issuer's own notice
    not_in_call: float  # 1: it asks for what a call never holds
    named: float  # 1: it names a list or a field
    typed_ask: float  # 1: the answer type asked has a value pattern

    @staticmethod
    def names() -> list[str]:
        return list(Signals.__dataclass_fields__)

    def values(self) -> list[float]:
        return [float(v) for v in asdict(self).values()]


def signals_of(q: Query, candidates: list[Candidate], situation: Situation, reader: Reader) -> list[Signals]:
    """Each candidate's signals, in order."""
    own = [signals(q, c, situation, reader) for c in candidates]
    best = max((s.cover for c, s in zip(candidates, own, strict=True) if c.source != Source.DECLINE), default=0.0)
    return [replace(s, best_cover=best) for s in own]


def signals(q: Query, candidate: Candidate, situation: Situation, reader: Reader) -> Signals:
    """A candidate's signals (`best_cover` is filled in by signals_of, over all of a part's)."""
    answer = candidate.answer
    # (A decline's own text is the closest passage and whom to ask: how well that fits is its evidence.)
    head = answer.answer[:HEAD]
    weights = reader.ask_weights(q)
    # The ask's words no notice uses count in the whole: an ask about something else is covered
    # by no notice's text, however well its known words are.
    total = (sum(weights.values()) + reader.unseen_weight(q)) or 1.0
    shown = reader.tokens(head)
    pattern = HOLDS.get(q.answer_type)
    cited = answer.citations
    pointed = sum(1 for c in cited if c.source in q.notice_ids) / len(cited) if cited and q.notice_ids else 0.0
    return Signals(
        cover=sum(w for t, w in weights.items() if t in shown) / total,
        subject=1.0 if any(name in head for name in situation.subject) else 0.0,
        typed=1.0 if pattern is not None and pattern.search(head) else 0.0,
        cites_pointed=pointed,
        cites_year=1.0 if q.years and any(c.year in q.years for c in cited) else 0.0,
        says_missing=1.0 if DECLINE_MARKERS.search(head) else 0.0,
        citations=math.log1p(len(cited)),
        fallback=1.0 if answer.basis == RuleBasis.FALLBACK else 0.0,
        best_cover=0.0,
        probability=situation.search.probability,
        answers=1.0 if situation.search.answers else 0.0,
        intent=0.0 if q.intent == Intent.OTHER else 1.0,
        sentence_ask=1.0 if q.answer_type in SENTENCE_ASKS else 0.0,
        own_answer=1.0 if q.intent in OWN_ANSWER_INTENTS else 0.0,
        own_notice=1.0 if situation.own_notice else 0.0,
        not_in_call=1.0 if situation.not_in_call else 0.0,
        named=1.0 if (q.list_key or q.field_key) else 0.0,
        typed_ask=1.0 if pattern is not None else 0.0,
    )


ANSWERING = [kind for kind in Source if kind != Source.DECLINE]
# What the decline is judged on: the best answer's score and what is known of the part.
DECLINE_SIGNALS = ["best_score", "probability", "answers", "not_in_call", "intent", "best_cover", "named",
                   "own_notice", "best_is_rule", "no_answer"]


def features(source: Source, s: Signals) -> list[float]:
    """An answering candidate's row: each signal once per answerer kind (zero for the other
    kinds), plus the kind itself."""
    row: list[float] = []
    for kind in ANSWERING:
        on = 1.0 if kind == source else 0.0
        row += [on, *(on * v for v in s.values())]
    return row


def feature_names() -> list[str]:
    return [f"{kind}:{name}" for kind in ANSWERING for name in ("bias", *Signals.names())]


def decline_features(best: Candidate | None, part: Signals) -> list[float]:
    """The decline's row: how good the best answer is, and the part's evidence."""
    return [best.score if best else 0.0, part.probability, part.answers, part.not_in_call, part.intent,
            part.best_cover, part.named, part.own_notice,
            1.0 if best is not None and best.source in (Source.RULE, Source.STATUS) else 0.0,
            1.0 if best is None else 0.0]


@dataclass(frozen=True)
class Logistic:
    coef: list[float]
    intercept: float
    mean: list[float]  # feature standardisation, as fitted
    scale: list[float]

    def probability(self, row: list[float]) -> float:
        z = self.intercept + sum(c * (x - m) / s for c, x, m, s in zip(self.coef, row, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @staticmethod
    def from_dict(data: dict[str, list[float] | float]) -> Logistic:
        return Logistic(data["coef"], data["intercept"], data["mean"], data["scale"])  # type: ignore[arg-type]


@dataclass(frozen=True)
class RankerModel:
    answers: Logistic  # P(an answering candidate is right)
    decline: Logistic  # P(nothing answers the part)
    threshold: float  # the decline wins above this

    def rank(self, candidates: list[Candidate], signals: list[Signals]) -> list[Candidate]:
        """The candidates best first, each with its score: an answer's, its probability of being
        right; the decline's, the probability that nothing answers (it leads above the threshold)."""
        answering, declines = [], []
        for c, s in zip(candidates, signals, strict=True):
            if c.source == Source.DECLINE:
                declines.append((c, s))
            else:
                c.score = self.answers.probability(features(c.source, s))
                answering.append(c)
        answering.sort(key=lambda c: -c.score)
        best = answering[0] if answering else None
        for c, s in declines:
            c.score = self.decline.probability(decline_features(best, s))
        leads = [c for c, _ in declines if best is None or c.score > self.threshold]
        return leads + answering + [c for c, _ in declines if c not in leads]


@cache
def load_model(path: Path = MODEL_FILE) -> RankerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features") != feature_names() or data.get("decline_features") != DECLINE_SIGNALS:
        raise ValueError(f"{path}: fitted on other features; run python -m assistant fit-ranker")
    return RankerModel(Logistic.from_dict(data["answers"]), Logistic.from_dict(data["decline"]), data["threshold"])


def rank(q: Query, candidates: list[Candidate], situation: Situation, reader: Reader,
         model: RankerModel | None = None) -> list[Candidate]:
    """The candidates, best first, each with its score."""
    return (model or load_model()).rank(candidates, signals_of(q, candidates, situation, reader))


@dataclass
class Ranking:
    """A part's years as settled, its candidates best first, and what was known of it (None when
    its years were refused before any answerer ran)."""

    decision: YearDecision
    candidates: list[Candidate]
    situation: Situation | None

    @property
    def best(self) -> Candidate:
        return self.candidates[0]
