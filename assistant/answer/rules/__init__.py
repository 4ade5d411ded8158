"""Deterministic answers: one answerer per intent over the extracted facts.

Each answerer returns None when no fact answers the question; the assistant then falls back
to retrieval. Nothing here knows a date, a phone or a quota: all of it comes from the facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assistant.answer.compose import Answer, Citer
from assistant.answer.rules.base import Answerer, Context, Reply
from assistant.answer.rules.compare import answer_compare
from assistant.answer.rules.contact import answer_contact
from assistant.answer.rules.deadline import answer_deadline
from assistant.answer.rules.eligibility import answer_eligibility
from assistant.answer.rules.lists import answer_lists
from assistant.answer.rules.platform import answer_platform
from assistant.answer.rules.quota import answer_quota
from assistant.answer.rules.schedule import answer_schedule
from assistant.answer.store import FactStore
from assistant.answer.understand import Query
from assistant.model import AnswerKind, Intent, ListsFact

__all__ = ["ANSWERERS", "Context", "Reply", "answer", "reply"]

ANSWERERS: dict[Intent, Answerer] = {
    Intent.CONTACT: answer_contact,
    Intent.DEADLINE: answer_deadline,
    Intent.SCHEDULE: answer_schedule,
    Intent.QUOTA: answer_quota,
    Intent.LISTS: answer_lists,
    Intent.PLATFORM: answer_platform,
    Intent.ELIGIBILITY: answer_eligibility,
}
# When the first answerer has nothing, these are worth a try before retrieval.
FALLBACKS = {Intent.DEADLINE: [Intent.SCHEDULE], Intent.SCHEDULE: [Intent.DEADLINE],
             Intent.ELIGIBILITY: [Intent.LISTS]}  # "有对应的领域可以报吗" with no conditions: the fields
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
                return result
            citer.rollback(mark)
        return None

    if q.intent == Intent.COMPARE:
        return answer_compare(Context(q, store, citer, today), run)
    absent = list_not_in_round(Context(q, store, citer, today))
    if absent is not None:
        return absent
    if q.other_lists and q.intent in PER_LIST:
        # One reply per list named, in the order the question names them; shared notes once.
        first = q.text.find(q.list_mention)
        named = sorted([(q.list_key, q.list_mention), *q.other_lists], key=lambda km: q.text.find(km[1]) if km[1] else first)
        found = [r for r in (run(replace(q, list_key=k, list_mention=m, other_lists=[])) for k, m in named) if r]
        if not found:
            return None
        direct = list(dict.fromkeys(line for r in found for line in r.direct))
        notes = [n for n in dict.fromkeys(n for r in found for n in r.notes) if n not in direct]
        return Reply(direct, notes, person=found[0].person)
    return run(q)


def list_not_in_round(ctx: Context) -> Reply | None:
    """A list asked about in a year whose round does not set it up: say so, with that year's lists,
    rather than answer with another list's facts."""
    q = ctx.q
    if q.list_key is None or len(q.years) != 1 or q.other_lists:
        return None
    picked = ctx.store.pick(ListsFact, q.years)
    if picked is None or picked[0] != q.years[0]:
        return None
    year, rounds = picked
    if ctx.store.mentions(q.list_key, year):
        return None  # some fact of that year is about the list (a forwarding notice's, a quota line)
    f = rounds[0]
    return Reply([f"{year}年通知未设置{q.list_mention or q.list_key}。{year}年设置的榜单为：{'、'.join(f.lists)}{ctx.cite(f)}"])


def answer(q: Query, store: FactStore, citer: Citer, today: dt.date) -> Answer | None:
    result = reply(q, store, citer, today)
    if result is None:
        return None
    return Answer("\n".join(result.lines()), AnswerKind.RULE, citer.citations, person=result.person)
