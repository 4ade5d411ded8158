"""Every answer that could apply to one question part, each with the evidence it rests on.

The answerers: the fact rules (`answer/rules/`), the reader's sentence leading a rule's value, the
reader over the retrieved passages (`answer/reader.py`), the per-year reading of a comparison, and
the decline ("nothing answers this", with the closest text and whom to ask). Each gives its answer
if it can; `answer/ranker.py` picks among them by their signals. Nothing here decides which wins.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from assistant.answer.compose import MARK, Answer, Citer, merge
from assistant.answer.decline import decline, not_in_notices
from assistant.answer.reader import ANNOUNCES, VALUE_ASKS, value_pattern
from assistant.answer.relevance import evidence, load_model
from assistant.answer.retrieval import Hit
from assistant.answer.rules import answer as rule_answer
from assistant.answer.rules.deadline import calls_cutoff
from assistant.answer.understand import Query
from assistant.answer.years import default_round
from assistant.ingest.facts.common import names_calls_side
from assistant.ingest.notices import heading_level
from assistant.model import AnswerKind, AnswerType, DeadlineFact, Intent, RuleBasis, Scope
from assistant.names import Catalogue

if TYPE_CHECKING:
    import datetime as dt

    from assistant.answer.ranker import Signals
    from assistant.answer.snapshot import Snapshot

log = logging.getLogger(__name__)

# Asks whose answer is a sentence, not a value (a signal for the ranker, not a decision).
SENTENCE_ASKS = (AnswerType.YESNO, AnswerType.PROCEDURE, AnswerType.PURPOSE)
# Intents whose answer is a verdict or an identification of its own.
OWN_ANSWER_INTENTS = (Intent.ELIGIBILITY, Intent.LOOKUP, Intent.NOTICE, Intent.COMPARE)
HEAD = 300  # what a user reads first (and what the grading reads)


class Source(StrEnum):
    RULE = "rule"  # a fact rule's value
    STATUS = "status"  # a fact rule's word that the list asked is not set up, or handled separately
    LED = "reader+rule"  # the reader's sentence, the rule's value after it
    READER = "reader"  # the reader over the retrieved passages
    COMPARE = "compare"  # one sentence per year, side by side
    DECLINE = "decline"  # nothing answers: the closest text, labelled, and whom to ask


@dataclass(frozen=True)
class Search:
    hits: list[Hit]
    default_year: int | None  # the round searched when the question names no year (None: widened)
    answers: bool  # the relevance model's decision (answer/relevance.py)
    probability: float
    # The passages of the notices the question means, when they are not all the round's: the
    # notices it points at, else the round's original calls.
    meant: list[Hit] = field(default_factory=list)


@dataclass
class Candidate:
    source: Source
    answer: Answer
    hits: list[Hit] = field(default_factory=list)  # passages a language model may answer from
    score: float = 0.0  # set by the ranker
    signals: Signals | None = None  # what the ranker weighed (answer/ranker.py)
    # What builds the answer when it is shown (a decline's closest text is read only if it wins).
    build: Callable[[], Answer] | None = None

    def shown(self) -> Answer:
        """The answer to give, built now if it was left for later."""
        if self.build is not None:
            self.answer, self.build = self.build(), None
        return self.answer


@dataclass(frozen=True)
class Situation:
    """What is known of the part before any answerer runs: shared by all its candidates' signals."""

    search: Search
    not_in_call: bool  # it asks for what a call never holds (results, experts' names, fees)
    own_notice: bool  # it points at one issuer's own (forwarding or internal) notice
    subject: tuple[str, ...] = ()  # every way the notices write the list and field asked about
    originals: frozenset[str] = frozenset()  # the original calls (a round's question means them)


def search(snap: Snapshot, q: Query) -> Search:
    """The passages for a question part. A question about one notice searches that notice first;
    one with no year, the latest round, then every round."""
    store, retriever = snap.store, snap.retriever
    model = load_model()

    def judged(hits: list[Hit]) -> tuple[bool, float]:
        return model.judge(evidence(q, hits, retriever, snap.reader)) if hits else (False, 0.0)

    years = {y for y in q.years if y in store.years}
    default_year = None if years else default_round(store)
    if default_year is not None:
        years = {default_year}
    meant: list[Hit] = []
    if q.notice_ids:
        meant = retriever.search(q.search_text, years=years, notices=set(q.notice_ids), ask=q.ask)
        ok, p = judged(meant)
        if ok:
            return Search(meant, default_year, ok, p, meant)
    else:
        originals = {i for y in years for i in store.originals(y)}
        if originals and any(store.own_notices(y) for y in years):
            meant = retriever.search(q.search_text, years=years, notices=originals, ask=q.ask)
    hits = retriever.search(q.search_text, years=years, ask=q.ask)
    ok, p = judged(hits)
    if not ok and default_year is not None and not _holds_value(snap, q, hits):
        # No year asked: the answer may sit in an older round, unless the latest round's passages hold
        # the value asked ("先导技术生物医药能报几个": its own table's "3项", not 2020's "5个领域").
        wider = retriever.search(q.search_text, ask=q.ask)
        ok_w, p_w = judged(wider)
        if (ok_w, p_w) > (ok, p):
            return Search(wider, None, ok_w, p_w, meant)
    return Search(hits, default_year, ok, p, meant)


VALUE_HELD = 0.5  # the share of the ask a unit holding the value asked covers, to count as holding it


def _holds_value(snap: Snapshot, q: Query, hits: list[Hit]) -> bool:
    """Whether the reader's best unit of these passages holds a value of the kind asked (a date, a
    count, a contact, a place) and most of the ask."""
    if value_pattern(q) is None or q.answer_type not in VALUE_ASKS:
        return False
    best = snap.reader.score(q, hits)[:1]
    return bool(best) and best[0].typed and best[0].coverage >= VALUE_HELD


def gather(snap: Snapshot, q: Query, today: dt.date, rules: bool = True) -> tuple[list[Candidate], Situation]:
    """Every candidate answer to the part, and what the ranker knows of the part."""
    store = snap.store
    found = search(snap, q)
    own_notice = len({store.notices[i].issuer for i in q.notice_ids}) == 1 and not any(
        store.is_original_notice(i) for i in q.notice_ids)
    unanswerable = not_in_notices(q, store)
    situation = Situation(found, unanswerable is not None, own_notice, _subject(q, store.names), store.original_ids)
    candidates: list[Candidate] = []
    ruled = None
    if rules:
        try:
            ruled = rule_answer(q, store, Citer(snap.notices), today)
        except Exception:  # an odd fact must cost the rule answer, not the answer
            log.exception("rule answer failed for %r", q.text[:200])
    if ruled is not None:
        candidates.append(Candidate(Source.STATUS if ruled.basis == RuleBasis.STATUS else Source.RULE, ruled))
        # The reader's sentence leading the value answers asks answered by a sentence (yes/no, how
        # to) and questions about one issuer's own notice, whose own words come first.
        led = _led(snap, q, ruled, own_notice, found) if q.answer_type in SENTENCE_ASKS or own_notice else None
        if led is not None:
            candidates.append(Candidate(Source.LED, led))
    if q.intent == Intent.COMPARE and len(q.years) >= 2:
        compared = compare_read(snap, q)
        if compared is not None:
            candidates.append(Candidate(Source.COMPARE, compared))
    read = snap.reader.read(q, found.hits, snap.notices, found.default_year) if found.hits else None
    if read is not None and ruled is None and not _of_field_asked(q, read, store.names):
        read = None  # "先进材料领域的初评机构联系人": another field's contact is no answer
    if read is not None:
        read.relevance = found.probability
        candidates.append(Candidate(Source.READER, read, found.hits))
    if found.meant and found.meant is not found.hits:
        # The notices the question means, read on their own even where their passages were judged
        # weaker than the round's: the pointed notice's own sentence ("学会那边材料最晚哪天交"), or
        # the original call's rather than a forwarding notice's restatement.
        own = snap.reader.read(q, found.meant, snap.notices, found.default_year)
        if own is not None:
            own.relevance = found.probability
            candidates.append(Candidate(Source.READER, own, found.meant))
    candidates.append(Candidate(Source.DECLINE, Answer("", AnswerKind.DECLINE),
                                build=lambda: _decline(snap, q, found, unanswerable)))
    return candidates, situation


def _of_field_asked(q: Query, read: Answer, names: Catalogue) -> bool:
    """Whether a contact read for a field asked names that field (no rule had its contact)."""
    if q.intent != Intent.CONTACT or q.field_key is None:
        return True
    return any(w and w in read.answer for w in _field_names(q, names))


def _field_names(q: Query, names: Catalogue) -> list[str]:
    """The field asked, every way the question and the notices write it."""
    return [q.field_mention, q.field_key or "", *(n for n, k in names.fields.items() if k == q.field_key)]


def _subject(q: Query, names: Catalogue) -> tuple[str, ...]:
    written = [q.list_mention, q.list_key or "", *_field_names(q, names)]
    written += [n for n, k in names.lists.items() if k == q.list_key]
    return tuple(sorted({w for w in written if w}, key=len, reverse=True))


def _decline(snap: Snapshot, q: Query, found: Search, reason: str | None) -> Answer:
    """That the notices do not answer: the reason a call never holds it, else the closest text
    (labelled as such) with whom to ask."""
    store = snap.store
    if reason is not None:
        return decline(reason, store, q)
    closest = snap.reader.read(q, found.hits, snap.notices, found.default_year, False) if found.hits else None
    if closest is None:
        return decline("通知中未找到与该问题相关的信息。", store)
    answer = merge([closest, decline("", store, q)], numbered=False)
    answer.kind, answer.relevance = AnswerKind.DECLINE, found.probability
    return answer


def _led(snap: Snapshot, q: Query, ruled: Answer, own_notice: bool, searched: Search) -> Answer | None:
    """The reader's sentence first, the rule's value after it ("纸质材料还要寄给初评机构吗"),
    read in the year the rule answered for so that the two agree. For one issuer's own notice,
    its own sentence only, and before a value only a sentence holding a value of the kind asked."""
    # (The year of its value, its first citation: a note's other years, "其他年份不同：2021年为…", are not it.)
    ruled_years = [year] if (year := next((c.year for c in ruled.citations if c.year), None)) else []
    same = replace(q, years=ruled_years) if not q.years and ruled_years else q
    # (The part's own search when it searched the same round.)
    found = searched if same is q or ruled_years == [searched.default_year] else search(snap, same)
    hits = found.hits
    if own_notice:
        hits = [h for h in hits if h.chunk.notice_id in q.notice_ids] if found.answers else []
    read = snap.reader.read(same, hits, snap.notices, found.default_year, alone=False) if hits else None
    if read is None:
        return None
    lead = first_line(read) if q.answer_type == AnswerType.YESNO else body(read)
    if q.intent == Intent.ELIGIBILITY:
        # The first of the reader's lines that sets a condition the verdict does not check (a unit's own,
        # "通过我市推荐的企业须在本市注册"): what decides beyond the list's conditions.
        # (Of the verdict's own notice: another unit's condition binds another channel.)
        own = {c.source for c in ruled.citations[:1]}
        lead = next((line for i in range(LEAD_LINES) if (line := body(read, lines=1, skip=i)).citations
                     and line.citations[0].source in own and unchecked_condition(line.citations[0].quote, ruled)), lead)
    if not lead.citations or all(heading_level(c.quote.strip()) is not None for c in lead.citations):
        return None  # a bare heading says nothing the value does not
    wanted = value_pattern(q)
    if own_notice and wanted and not wanted.search(lead.answer):
        return None
    if own_notice and wanted and _other_value(wanted, lead.answer, ruled.answer.split("\n")[0]) and (
            q.answer_type == AnswerType.CONTACT
            or q.intent == Intent.DEADLINE and not q.platform_side and _platform_cutoff(snap, lead)):
        # The unit's own contact the rule chose by role, or its own date, not another's line above it: a
        # review body's phone, the call's platform date ("市里的截止时间是几号"). (A count or a step's date
        # the lead gives is the unit's own beside what the rule restates: it stays.)
        return None
    return merge([lead, ruled], numbered=False)


LEAD_LINES = 4  # of the reader's lines, how many are looked at for a condition the verdict does not check
# What a sentence that sets a condition says ("须在省内注册", "不作为推荐对象", "只推荐控股子公司").
CONDITION = re.compile(r"须(?!知)|应当|(?<![相对响供适反效])应(?![用急])|不得|不能|不予|不作为|不纳入|方可|才能|才可|仅限|(?<!不)仅|只(?:受理|推荐|限|面向)|限于|"
                       r"不超过|不少于|满\d|不再|不属于|不包括|不含")


QUOTA_SENTENCE = re.compile(r"名额|(?:推荐|报送|申报|限报|分配)[^，,。；;]{0,12}?(?:不超过|不多于|最多|各)?\s*\d+\s*[个家项人名]")


def unchecked_condition(quote: str, verdict: Answer) -> bool:
    """A sentence that sets a condition (not one announcing them, "申报者应符合以下条件：") and that the
    eligibility verdict does not quote, however much of its sentence either quotes."""
    quote = _bare(quote)
    if not CONDITION.search(quote) or ANNOUNCES.search(quote) or QUOTA_SENTENCE.search(quote):
        return False  # (a count of what a unit recommends, "推荐新锐企业不超过2家", says how many, not who)
    return not any(said and (said in quote or quote in said) for c in verdict.citations if (said := _bare(c.quote)))


def _bare(quote: str) -> str:
    """A quote without its item number and its closing mark ("1. …注册。" and "…注册，" are one clause)."""
    return re.sub(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*", "", quote.strip()).rstrip("。；;，,.")


MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def _platform_cutoff(snap: Snapshot, lead: Answer) -> bool:
    """Whether a passage gives the call's platform cut-off (the date its own notice closes the platform
    on), not a unit's own step done on the platform by an earlier day."""
    cutoffs = {(int(f.date[5:7]), int(f.date[8:10])) for n in {c.source for c in lead.citations} for f in snap.store.of_notice(n)
               if isinstance(f, DeadlineFact) and f.scope == Scope.PLATFORM and calls_cutoff(f) and len(f.date or "") >= 10}
    dates = {(int(m), int(d)) for m, d in MONTH_DAY.findall(lead.answer)}
    # (Every date it gives: a second line may hold the unit's own step, "11月8日前：申报材料发送至学会邮箱".)
    return names_calls_side(lead.answer) and bool(dates) and dates <= cutoffs


def _other_value(wanted: re.Pattern[str], lead: str, value: str) -> bool:
    """The lead holds values of the kind asked, none of them the rule's."""
    theirs = {m.group(0) for m in wanted.finditer(lead)}
    ours = {m.group(0) for m in wanted.finditer(value)}
    return bool(theirs and ours and not theirs & ours)


def compare_read(snap: Snapshot, q: Query) -> Answer | None:
    """Any fact compared across years ("推荐渠道跟去年比有什么新变化"): the sentence each year's
    notices answer it with, side by side, each cited; first, what an enumeration adds or drops."""
    parts = []
    for subject in _each_list(q):
        lines: dict[int, Answer | None] = {}
        for year in q.years:
            lines[year] = _year_line(snap, subject, year)
        change = _change(lines)
        for year in q.years if not change and len(q.years) == 2 else []:
            # The same clause in the other round, read with that clause's words beside the ask's:
            # an enumeration one round's sentence lists ("推荐渠道") may be read in the other's.
            other = next(y for y in q.years if y != year)
            if lines[other] is not None:
                again = _year_line(snap, subject, year, _quote(lines[other]))
                tried = {**lines, year: again}
                if found := _change(tried):
                    lines, change = tried, found
                    break
        if change:
            parts.append(Answer(change, AnswerKind.RETRIEVAL))
        for year in q.years:
            line = lines[year]
            parts.append(line if line is not None else Answer(f"{year}年：通知中未找到相关内容。", AnswerKind.DECLINE))
    if all(p.kind == AnswerKind.DECLINE for p in parts):
        return None
    result = merge(parts, numbered=False)
    result.kind = AnswerKind.RETRIEVAL
    return result


def _year_line(snap: Snapshot, subject: Query, year: int, beside: str = "") -> Answer | None:
    """The sentence a year's notices answer a compared ask with (read with `beside`'s words too)."""
    one = replace(subject, years=[year], compare=False)
    if beside:
        one = replace(one, expansion=f"{one.expansion} {beside}".strip())
    hits = snap.retriever.search(subject.search_text, years={year}, ask=subject.ask)
    read = snap.reader.read(one, hits, snap.notices, None) if hits else None
    if read is None:
        return None
    line = first_line(read)
    line.answer = line.answer.replace("通知原文：", f"{year}年：", 1)
    return line


def _quote(line: Answer) -> str:
    return " ".join(c.quote for c in line.citations)


def _change(lines: dict[int, Answer | None]) -> str:
    return enumeration_change([(y, _quote(a)) for y, a in lines.items() if a is not None])


# An enumeration's items: "各省、自治区、直辖市、副省级城市科协，…由全国学会、协会…".
ITEM_MARK = re.compile(r"[、，,；;：:。“”\"《》]|由|以及|及其|和")
NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")
SHARED_ITEMS = 0.5  # of the longer enumeration's items the two must share to be the same clause


def _items(sentence: str) -> list[str]:
    pieces = (NUMBERING.sub("", p).strip() for p in ITEM_MARK.split(sentence))
    return list(dict.fromkeys(p for p in pieces if 2 <= len(p) <= 24 and not re.search(r"\d", p)))


def enumeration_change(said: list[tuple[int, str]]) -> str:
    """"推荐渠道跟去年比多了哪些": the items one round's clause lists and the other's does not, when
    both years' sentences are the same enumeration (they share a good part of their items)."""
    if len(said) < 2:
        return ""
    (y1, a), (y2, b) = min(said), max(said)
    old, new = _items(a), _items(b)
    shared = [x for x in new if any(x in o or o in x for o in old)]
    if len(shared) < 2 or len(shared) < SHARED_ITEMS * max(len(old), len(new)):
        return ""
    added = [x for x in new if not any(x in o or o in x for o in old)]
    removed = [x for x in old if not any(x in n or n in x for n in new)]
    if not (added or removed):
        return ""
    change = f"从{y1}年到{y2}年，" + (f"新增：{'、'.join(added)}" if added else "未新增")
    return change + (f"；不再列：{'、'.join(removed)}" if removed else "") + "。"


def _each_list(q: Query) -> list[Query]:
    """The part once per list it names (understand.ListAsk), so that each list's sentence is read;
    the part itself when it names one."""
    return [replace(q, text=a.text, ask=a.text, list_key=a.list_key, list_mention=a.mention, other_lists=[],
                    answer_type=a.answer_type, by_list=[]) for a in q.by_list] or [q]


def first_line(answer: Answer) -> Answer:
    """An extractive answer cut to its best passage, shown as the notice's words."""
    return body(answer, lines=1)


def body(answer: Answer, lines: int = 2, skip: int = 0) -> Answer:
    """An extractive answer's first lines without its head (a procedure's step and the next one),
    shown as the notice's words: the rule's value must stay within sight after it. (`skip`: from
    its line after that many.)"""
    _, _, rest = answer.answer.partition("\n")
    kept = "\n".join(rest.split("\n")[skip : skip + lines])
    used = {int(n) for n in MARK.findall(kept)}
    renumber = {old: new for new, old in enumerate(sorted(used), 1)}
    kept = MARK.sub(lambda m: f"[{renumber[int(m.group(1))]}]", kept)
    return Answer(f"通知原文：{kept}", answer.kind, [c for i, c in enumerate(answer.citations, 1) if i in used])
