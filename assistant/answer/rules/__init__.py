"""Deterministic answers: one answerer per intent over the extracted facts.

Each answerer returns None when no fact answers the question; the assistant then falls back
to retrieval. Nothing here knows a date, a phone or a quota: all of it comes from the facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer.compose import Answer, Citer
from assistant.answer.rules.base import Answerer, Context, Reply
from assistant.answer.rules.compare import answer_compare
from assistant.answer.rules.contact import answer_contact
from assistant.answer.rules.deadline import answer_deadline
from assistant.answer.rules.eligibility import answer_eligibility
from assistant.answer.rules.lists import answer_lists
from assistant.answer.rules.lookup import answer_lookup
from assistant.answer.rules.notice import answer_notice
from assistant.answer.rules.organiser import answer_organiser
from assistant.answer.rules.platform import answer_platform
from assistant.answer.rules.quota import answer_quota
from assistant.answer.rules.schedule import answer_schedule
from assistant.answer.rules.scope import labelled, others_note, pointed
from assistant.answer.store import FactStore
from assistant.answer.understand import Query
from assistant.model import AnswerKind, AnswerType, Intent, ListsFact, RuleBasis
from assistant.names import variants

__all__ = ["ANSWERERS", "Context", "Reply", "answer", "reply"]

ANSWERERS: dict[Intent, Answerer] = {
    Intent.CONTACT: answer_contact,
    Intent.DEADLINE: answer_deadline,
    Intent.SCHEDULE: answer_schedule,
    Intent.QUOTA: answer_quota,
    Intent.LISTS: answer_lists,
    Intent.PLATFORM: answer_platform,
    Intent.ELIGIBILITY: answer_eligibility,
    Intent.NOTICE: answer_notice,
    Intent.ORGANISER: answer_organiser,
    Intent.LOOKUP: answer_lookup,
}
# When the first answerer has nothing, these are worth a try before retrieval.
FALLBACKS = {Intent.DEADLINE: [Intent.SCHEDULE], Intent.SCHEDULE: [Intent.DEADLINE],
             Intent.ELIGIBILITY: [Intent.LISTS],  # "有对应的领域可以报吗" with no conditions: the fields
             Intent.CONTACT: [Intent.LOOKUP]}  # "裴培电话多少": a person named where no contact block lists them (an address's recipient)
# Several lists named in one question are answered one by one for these intents.
PER_LIST = (Intent.CONTACT, Intent.QUOTA, Intent.ELIGIBILITY, Intent.DEADLINE)


def reply(q: Query, store: FactStore, citer: Citer, today: dt.date) -> Reply | None:
    """The rule reply to a query, or None. One citer numbers the citations of the whole answer."""

    def run(query: Query) -> Reply | None:
        for intent in [query.intent, *FALLBACKS.get(query.intent, [])]:
            fn = ANSWERERS.get(intent)
            if fn is None or (intent == Intent.LISTS and query.intent == Intent.ELIGIBILITY and "领域" not in query.text):
                continue
            mark = len(citer.citations)
            result = fn(Context(query, store, citer, today))
            if result is not None:
                if intent != query.intent:
                    result.basis = RuleBasis.FALLBACK
                return result
            citer.rollback(mark)
        return None

    def one(query: Query) -> Reply | None:
        """From the notices the query points at; else from the round's original call, with one line
        on the forwarding and internal notices that set their own value."""
        if query.notice_ids:
            return pointed(query, store, run)
        mark = len(citer.citations)
        result = run(query)
        if result is not None and len(citer.citations) > mark:
            source = citer.citations[mark].source
            year = store.notices[source].year if source in store.notices else None
            if year and not store.is_original_notice(source):
                # The round's call is not in (or does not say it): the answer is a forwarding
                # notice's own, and says whose.
                result = labelled(result, store.label(source))
                if year not in store.called:
                    result.notes.insert(0, f"（未收录{year}年的原始征集通知，以上为已收录的{year}年转发或单位内部通知的规定。）")
            note = others_note(query, store, citer, year, today, answered=source) if year else None
            if note:
                result.notes.append(note)
        return result

    def compare(query: Query) -> Reply | None:
        return answer_compare(Context(query, store, citer, today), run)

    if q.intent == Intent.COMPARE:
        return per_list(q, compare) if q.other_lists else compare(q)
    status = list_status(Context(q, store, citer, today))
    if status is not None:
        status.basis = RuleBasis.STATUS
        return status
    if q.other_lists and q.intent in PER_LIST:
        return per_list(q, one)
    return one(q)


def per_list(q: Query, answer: Callable[[Query], Reply | None]) -> Reply | None:
    """One reply per list the question names, in the order it names them; shared notes once
    ("先导榜和新锐榜各推荐几个", "先导榜、新锐榜的名额今年跟去年比有变化吗")."""
    first = q.text.find(q.list_mention)
    named = sorted([(q.list_key, q.list_mention), *q.other_lists], key=lambda km: q.text.find(km[1]) if km[1] else first)
    found = [r for r in (answer(replace(q, list_key=k, list_mention=m, other_lists=[])) for k, m in named) if r]
    if not found:
        return None
    direct = list(dict.fromkeys(line for r in found for line in r.direct))
    notes = [n for n in dict.fromkeys(n for r in found for n in r.notes) if n not in direct]
    return Reply(direct, notes, person=found[0].person, basis=found[0].basis)


# A list that a round handles on its own ("“青年创业榜”另行通知", "已另行组织", "专家提名").
SEPARATE = re.compile(r"另行通知|另行组织|另行发布|另行部署|专家提名|单独组织|单独发布|不在本次")
ABOUT_A_LIST = (Intent.CONTACT, Intent.LISTS, Intent.COMPARE)
# Asks for a fact a call states of a list (not whether it has the list).
FACT_INTENTS = (Intent.DEADLINE, Intent.QUOTA, Intent.ELIGIBILITY, Intent.SCHEDULE, Intent.PLATFORM, Intent.FORM)


def _list_names(ctx: Context, key: str) -> list[str]:
    """Every way the notices and the alias table write a list family, longest first."""
    names = {n for n, k in ctx.store.names.lists.items() if k == key}
    names |= {n for n in ctx.store.names.mentions if ctx.store.names.list_family(n) == key}
    names |= {v for v, k in variants("lists") if k == key}
    return sorted(names, key=len, reverse=True)


def _clause_about(sentence: str, names: list[str]) -> str | None:
    """The clause of a sentence that names the list and says it is handled separately, if any."""
    for clause in re.split(r"(?<=[，,])", sentence):
        if SEPARATE.search(clause) and any(n in clause for n in names):
            return clause.rstrip("，,") if len(sentence) > 120 else sentence
    return None


def list_status(ctx: Context) -> Reply | None:
    """A list asked about in a year whose notice does not call for it the usual way: not set up
    that year, or handled separately. Say so, quoting the notice, rather than answer with another
    list's facts or the round's general rules."""
    q = ctx.q
    if q.list_key is None or len(q.years) != 1 or q.other_lists or q.intent in ABOUT_A_LIST \
            or q.answer_type == AnswerType.CONTACT:  # (a person or a phone asked: a list's contact, however asked)
        return None
    year = q.years[0]
    rounds = ctx.store.pick(ListsFact, [year])
    if rounds is None or rounds[0] != year:
        return None
    names = _list_names(ctx, q.list_key)
    # (a notice named in the question: only its own words say how it handles the list; another
    # issuer's "另行组织" is that issuer's arrangement)
    said = next((p for p in ctx.store.sentences(year, SEPARATE) if _clause_about(p.text, names)
                 and (not q.notice_ids or p.notice_id in q.notice_ids)), None)
    set_up = ctx.store.mentions(q.list_key, year)
    if said is None and set_up:
        return None
    direct = []
    # A fact of the list asked (its deadline, its conditions) is not in the call: said plainly to be
    # missing, then why. Whether the list is there, or how it is handled, is answered by why itself.
    missing = q.intent in FACT_INTENTS and q.answer_type not in (AnswerType.YESNO, AnswerType.PROCEDURE)
    if not set_up:
        f = rounds[1][0]
        lead = f"{year}年通知没有相关安排：未设置{q.list_mention or q.list_key}。" if missing else \
            f"{year}年通知未设置{q.list_mention or q.list_key}的申报。"
        direct.append(f"{lead}{year}年设置的榜单为：{'、'.join(f.lists)}{ctx.cite(f)}")
    if said is not None:
        text = _clause_about(said.text, names) or said.text
        lead = f"{year}年通知没有相关的具体安排，原文：" if missing else f"{year}年通知："
        direct.append(f"{lead}{text}{ctx.cite_passage(said, text)}")
    return Reply(direct)


def answer(q: Query, store: FactStore, citer: Citer, today: dt.date) -> Answer | None:
    result = reply(q, store, citer, today)
    if result is None:
        return None
    # The notes (other years, a second date, a society's own value) go after every part's direct
    # answer when a message has several parts (compose.merge).
    direct = [line for line in result.direct if line]
    return Answer("\n".join(direct), AnswerKind.RULE, citer.citations, notes=[n for n in result.notes if n],
                  person=result.person, basis=result.basis, states_absence=result.states_absence)
