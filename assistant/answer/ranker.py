"""Where answers are ranked: each candidate's signals, scored by a logistic model fitted on
labelled questions and kept as data (data/ranker.json; refit with `python -m assistant fit-ranker`).

A candidate's signals say how well it fits what is asked: how much of the ask its shown text holds,
whether it holds a value of the answer type asked, whether it cites the notice and year the
question points at, and what is known of the part (the relevance model's probability that the
notices answer, whether the ask has a recognised intent, whether it asks for a sentence or a value).
Every signal is weighted per answerer kind, so the same evidence may favour the reader and count
against a rule; the answerers' fixed precedence is one signal among them, and another answer replaces
its choice only by a margin fitted with the weights. The decline is one more candidate, scored by the
relevance model (answer/relevance.py, fitted for that decision). A learned decline of its own was
tried and kept out: on held-out sets it declined answerable questions more often than the relevance
model (docs/generalization.md).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from assistant.answer.candidates import (
    HEAD,
    OWN_ANSWER_INTENTS,
    SENTENCE_ASKS,
    Candidate,
    Situation,
    Source,
    unchecked_condition,
)
from assistant.answer.compose import Answer
from assistant.answer.decline import DECLINE_MARKERS
from assistant.answer.reader import Reader, value_pattern
from assistant.answer.understand import Query
from assistant.answer.years import YearDecision
from assistant.config import DATA_DIR
from assistant.model import AnswerType, Intent, RuleBasis

MODEL_FILE = DATA_DIR / "ranker.json"
SHOWN_QUOTES = 4
# The answer types each intent's rule gives.
INTENT_TYPES: dict[Intent, tuple[AnswerType, ...]] = {
    Intent.CONTACT: (AnswerType.CONTACT,), Intent.DEADLINE: (AnswerType.DATE,), Intent.SCHEDULE: (AnswerType.DATE,),
    Intent.QUOTA: (AnswerType.NUMBER,), Intent.LISTS: (AnswerType.NAMES, AnswerType.NUMBER),
    Intent.PLATFORM: (AnswerType.PLACE,), Intent.ELIGIBILITY: (AnswerType.YESNO, AnswerType.TEXT),
    Intent.LOOKUP: (AnswerType.CONTACT, AnswerType.TEXT), Intent.NOTICE: (AnswerType.TEXT, AnswerType.DATE),
    Intent.ORGANISER: (AnswerType.NAMES, AnswerType.TEXT),
}

# (Not a number or a contact: "文号是多少" asks for a number no count pattern reads, "由谁终审定榜" for a body
# a sentence names without any phone.)
VALUE_TYPES = (AnswerType.PLACE, AnswerType.DATE)


@dataclass(frozen=True)
class Signals:
    # of the candidate
    cover: float  # share of the ask's weight its first lines hold
    quote_cover: float  # the same for the passages it quotes (a rule words its value in its own way)
    fits_type: float  # 1: its answerer gives the answer type asked (a deadline rule a date…)
    subject: float  # 1: they name the list or field asked about
    typed: float  # 1: they hold a value of the answer type asked (a date, a phone, a number…)
    value_count: float  # log(1 + how many such values they hold): "各榜单…分别" asks for several
    cites_pointed: float  # share of its citations from the notices the question points at
    cites_year: float  # 1: it cites a notice of a year asked
    cites_original: float  # share of its citations from an original call (what a round's question means)
    says_missing: float  # 1: it says the notices do not hold it
    citations: float  # log(1 + its citations)
    fallback: float  # 1: a neighbouring intent's rule gave it
    preferred: float  # 1: the answerers' fixed precedence would give it (see precedence())
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
        # (Not asdict: it deep-copies every field, and a part's candidates are weighed many times.)
        return [float(getattr(self, name)) for name in self.__dataclass_fields__]


def precedence(q: Query, candidates: list[Candidate], situation: Situation) -> int:
    """The candidate the answerers' fixed order gives (the path before the ranker, kept as one
    signal among the others): a rule's value (led by the reader's sentence for yes/no and how-to
    asks and for one issuer's own notice), else the comparison read per year, else the reader when
    the relevance model says the passages answer or it read what the asker pointed at, else
    the decline."""
    by = {c.source: i for i, c in enumerate(candidates)}
    if situation.not_in_call:
        return by[Source.DECLINE]
    ruled = by.get(Source.RULE, by.get(Source.STATUS))
    led = (q.answer_type in SENTENCE_ASKS or situation.own_notice) and q.intent not in OWN_ANSWER_INTENTS
    if ruled is not None and candidates[ruled].source == Source.RULE and _says_missing(candidates[ruled].answer) \
            and not (led and Source.LED in by):
        # A rule that found nothing of what was asked ("未找到邮寄地址", of no list named) has no precedence (a yes/no
        # ask's reader sentence still leads what it says).
        ruled = None
    if ruled is not None and Source.LED in by and (led or _leads_unchecked(q, candidates[ruled], candidates[by[Source.LED]])):
        return by[Source.LED]
    if ruled is not None and (typed := _typed_reading(q, candidates, candidates[ruled])) is not None:
        return typed
    if ruled is not None:
        return ruled
    if Source.COMPARE in by:
        return by[Source.COMPARE]
    if Source.READER in by and situation.search.answers:
        return by[Source.READER]
    # Read from what the asker pointed at (the steps after one they told they had done, the unit of a
    # name they quoted): the notice answers it, however little of the ask's own words its passages hold.
    anchored = next((i for i, c in enumerate(candidates) if c.source == Source.READER and c.answer.anchored), None)
    if anchored is not None:
        return anchored
    return by[Source.DECLINE]


def _typed_reading(q: Query, candidates: list[Candidate], ruled: Candidate) -> int | None:
    """The reader's first answer holding a value of the type asked, when the rule's gives another type
    and holds none ("要什么格式、发到哪里" of a notice whose contact rule lists phones: the mailbox the
    material goes to is in the reader's sentence)."""
    pattern = value_pattern(q)
    # (Values a pattern tells for sure; a rule that looked up the very attribute asked, "邮寄地址", gives it.)
    if ruled.source != Source.RULE or pattern is None or q.answer_type not in VALUE_TYPES or q.attribute is not None \
            or q.answer_type in INTENT_TYPES.get(q.intent, ()) or pattern.search(ruled.answer.answer[:HEAD]):
        return None
    return next((i for i, c in enumerate(candidates) if c.source == Source.READER and pattern.search(c.answer.answer[:HEAD])), None)


def _leads_unchecked(q: Query, ruled: Candidate, led: Candidate) -> bool:
    """An eligibility verdict led by a condition it did not check (a unit's own condition written apart
    from the list's: "本地新锐企业榜条件：须在省内注册")."""
    if q.intent != Intent.ELIGIBILITY or not led.answer.citations or not ruled.answer.citations:
        return False
    lead = led.answer.citations[0]
    return lead.source == ruled.answer.citations[0].source and unchecked_condition(lead.quote, ruled.answer)


def _says_missing(answer: Answer) -> bool:
    """It says the notices do not hold what was asked, without having found what it was asked of."""
    return bool(DECLINE_MARKERS.search(answer.answer[:HEAD])) and not answer.states_absence


@dataclass(frozen=True)
class _Ask:
    """What every candidate of a part is weighed against, worked out once per part."""

    weights: dict[str, float]  # the ask's known terms and their weights
    total: float  # their weight with the words no notice uses
    pattern: re.Pattern[str] | None  # a value of the answer type asked


def signals_of(q: Query, candidates: list[Candidate], situation: Situation, reader: Reader) -> list[Signals]:
    """Each candidate's signals, in order."""
    weights = reader.ask_weights(q)
    # The ask's words no notice uses count in the whole: an ask about something else is covered
    # by no notice's text, however well its known words are.
    ask = _Ask(weights, (sum(weights.values()) + reader.unseen_weight(q)) or 1.0, value_pattern(q))
    own = [_signals(q, c, situation, ask) for c in candidates]
    best = max((s.cover for c, s in zip(candidates, own, strict=True) if c.source != Source.DECLINE), default=0.0)
    first = precedence(q, candidates, situation)
    return [replace(s, best_cover=best, preferred=1.0 if i == first else 0.0) for i, s in enumerate(own)]


def _signals(q: Query, candidate: Candidate, situation: Situation, ask: _Ask) -> Signals:
    """A candidate's signals (`best_cover` and `preferred` are filled in by signals_of, over all of
    a part's)."""
    answer = candidate.answer
    # A decline is scored on the part's evidence (rank()), not on the text it would show.
    head = "" if candidate.source == Source.DECLINE else answer.answer[:HEAD]
    # The ask's terms are looked for as written (no second segmentation of every candidate's text).
    quoted = "".join(c.quote for c in answer.citations[:SHOWN_QUOTES])
    weights, total, pattern = ask.weights, ask.total, ask.pattern
    cited = answer.citations
    pointed = sum(1 for c in cited if c.source in q.notice_ids) / len(cited) if cited and q.notice_ids else 0.0
    return Signals(
        cover=sum(w for t, w in weights.items() if t in head) / total,
        quote_cover=sum(w for t, w in weights.items() if t in quoted) / total,
        fits_type=1.0 if q.answer_type in INTENT_TYPES.get(q.intent, ()) else 0.0,
        subject=1.0 if any(name in head for name in situation.subject) else 0.0,
        # (A rule that found the entity asked and says it lists no such value answers the ask.)
        typed=1.0 if pattern is not None and (pattern.search(head) or answer.states_absence) else 0.0,
        value_count=math.log1p(len(set(pattern.findall(head)))) if pattern is not None else 0.0,
        cites_pointed=pointed,
        cites_year=1.0 if q.years and any(c.year in q.years for c in cited) else 0.0,
        cites_original=sum(1 for c in cited if c.source in situation.originals) / len(cited) if cited else 0.0,
        says_missing=1.0 if head and _says_missing(answer) else 0.0,
        citations=math.log1p(len(cited)),
        fallback=1.0 if answer.basis == RuleBasis.FALLBACK else 0.0,
        preferred=0.0,
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
    margin: float  # by how much an answer must outscore the fixed precedence's to replace it

    def rank(self, candidates: list[Candidate], signals: list[Signals]) -> list[Candidate]:
        """The candidates best first, each with its score. An answer's score is its probability of
        being right; the decline's, the relevance model's probability that the passages do not
        answer. The decline leads when the fixed precedence gives it (no rule holds a value and the
        relevance model judges the passages not to answer, or the ask is for what a call never
        holds: answer/relevance.py is the fitted decision of whether the notices answer)."""
        answering, declines, preferred = [], [], None
        for c, s in zip(candidates, signals, strict=True):
            c.signals = s
            if c.source == Source.DECLINE:
                c.score = 1.0 - s.probability
                declines.append(c)
                if s.preferred:
                    preferred = c
            else:
                c.score = self.answers.probability(features(c.source, s))
                answering.append(c)
                if s.preferred:
                    preferred = c
        answering.sort(key=lambda c: -c.score)
        if preferred is not None and preferred.source == Source.DECLINE or not answering:
            return declines + answering
        if preferred is not None and answering[0].score - preferred.score < self.margin:
            # Evidence that another answer is better must be clear before the fixed order is left.
            answering.remove(preferred)
            answering.insert(0, preferred)
        return answering + declines


@cache
def load_model(path: Path = MODEL_FILE) -> RankerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features") != feature_names():
        raise ValueError(f"{path}: fitted on other features; run python -m assistant fit-ranker")
    return RankerModel(Logistic.from_dict(data["answers"]), data["margin"])


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
