"""Many notices per round: answering from the notice a question points at, saying so when that
notice lacks the fact (and giving the original call's, labelled), and naming in one line the
forwarding and internal notices that set their own deadline, quota or contact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from assistant.answer.compose import Citer
from assistant.answer.phrasing import contact_who, deadline_text, quota_limit
from assistant.answer.rules.base import Reply
from assistant.answer.store import FactStore
from assistant.answer.understand import Query
from assistant.model import ContactFact, DeadlineFact, DeadlineForm, Fact, Intent, QuotaFact, Role, Scope

# What each intent asks for, as "该通知未写明…" names it.
WHAT = {
    Intent.DEADLINE: "截止时间",
    Intent.SCHEDULE: "时间安排",
    Intent.QUOTA: "推荐名额",
    Intent.CONTACT: "联系方式",
    Intent.PLATFORM: "申报平台",
    Intent.ELIGIBILITY: "申报条件",
    Intent.LISTS: "榜单设置",
}
TECH_ASK = re.compile(r"系统|技术支持|技术问题|平台|登录|登陆|客服|报错|无法")  # the platform's support, not a society's
MAX_NOTICES = 4  # notices answered one by one when a question points at several
MAX_LISTED = 3  # other notices' own values named in the one-line note

Run = Callable[[Query], Reply | None]


def _what(q: Query) -> str:
    thing = WHAT.get(q.intent, "相关内容")
    return f"{q.list_mention}的{thing}" if q.list_mention and q.intent in (Intent.QUOTA, Intent.CONTACT) else thing


def labelled(reply: Reply, label: str) -> Reply:
    direct = [f"{label}：{reply.direct[0]}", *reply.direct[1:]] if reply.direct else reply.direct
    return Reply(direct, reply.notes, reply.person)


def pointed(q: Query, store: FactStore, run: Run) -> Reply | None:
    """The answer from the notices `q` points at, each labelled; else that they do not say, and the
    original call's answer labelled as such; None when neither has it."""
    found = []
    for nid in q.notice_ids[:MAX_NOTICES]:
        r = run(replace(q, notice_ids=[nid]))
        if r is not None:
            found.append(labelled(r, store.label(nid)))
    if found:
        # A line every notice's answer shares (the platform's deadline) is said once, after them.
        lines = [line for r in found for line in r.direct]
        shared = [line for line in dict.fromkeys(lines) if len(found) > 1 and lines.count(line) > 1]
        direct = [line for line in lines if line not in shared] + shared
        notes = list(dict.fromkeys(n for r in found for n in r.notes))
        if len(q.notice_ids) > MAX_NOTICES:
            notes.append(f"（共{len(q.notice_ids)}份通知符合，以上列出前{MAX_NOTICES}份。）")
        return Reply(direct, notes, found[0].person)
    years = q.years or sorted({y for i in q.notice_ids if (y := store.notices[i].year)}, reverse=True)
    originals = [i for y in years for i in store.originals(y) if i not in q.notice_ids]
    if not originals:
        return None
    fallback = run(replace(q, notice_ids=originals))
    if fallback is None:
        return None
    names = "、".join(dict.fromkeys(store.label(i) for i in q.notice_ids[:MAX_LISTED]))
    held = {store.notices[i].year for i in q.notice_ids}
    if q.years and not held & set(q.years):  # "江北省电子学会2021年…" with only its 2022 and 2023 notices
        missing = f"未收录{names.removesuffix('通知')}{'、'.join(map(str, q.years))}年的通知"
    else:
        missing = f"{names}未写明{_what(q)}"
    head = f"{missing}；{store.label(originals[0])}：{fallback.direct[0]}"
    return Reply([head, *fallback.direct[1:]], fallback.notes, fallback.person)


def _own_fact(facts: list[Fact], q: Query, restated: set[tuple[tuple[str, ...], int]]) -> Fact | None:
    """A forwarding or internal notice's own deadline, quota or contact, if it sets one."""
    for f in facts:
        if q.intent == Intent.DEADLINE and isinstance(f, DeadlineFact) and f.scope == Scope.INTERNAL:
            return f
        # A quota the original call sets too (restated by a forwarding notice) is not the notice's own.
        if (q.intent == Intent.QUOTA and isinstance(f, QuotaFact) and f.lists and (q.list_key is None or q.list_key in f.list_keys)
                and (tuple(f.list_keys), f.number) not in restated):
            return f
        if q.intent == Intent.CONTACT and isinstance(f, ContactFact) and f.role == Role.SOCIETY and (f.persons or f.phones or f.emails):
            return f
    return None


def _what_due(f: Fact) -> str:
    """"，需将…发送至学会秘书处邮箱": what a unit's date asks to be done by then."""
    return f"，需{f.action}" if isinstance(f, DeadlineFact) and f.form == DeadlineForm.BEFORE and f.action else ""


def _said(f: Fact, today: dt.date) -> str:
    if isinstance(f, DeadlineFact):
        return deadline_text(f, today)
    if isinstance(f, QuotaFact):
        return f"{'、'.join(f.lists)}{quota_limit(f)}"
    assert isinstance(f, ContactFact)
    return "，".join(x for x in [contact_who(f), "、".join(f.phones or f.emails)] if x)


def _restated(store: FactStore, year: int) -> set[tuple[tuple[str, ...], int]]:
    """The quotas the round's call sets: a unit's notice restating one does not set it of its own."""
    return {(tuple(o.list_keys), o.number) for o in store.select(QuotaFact, store.is_original, year=year)}


# What a forwarding or internal notice may set of its own, as its comparison with the call names it.
OWN_KINDS = ((Intent.DEADLINE, "本单位截止时间"), (Intent.QUOTA, "本单位名额"), (Intent.CONTACT, "本单位联系人"))


def notice_additions(q: Query, store: FactStore, citer: Citer, today: dt.date) -> Reply | None:
    """"学会转发的通知跟科协原文比多了什么": what the notice pointed at sets of its own (its deadline,
    quotas and contact), each cited, beside the call it passes on."""
    if len(q.notice_ids) != 1 or store.is_original_notice(q.notice_ids[0]):
        return None
    nid = q.notice_ids[0]
    facts = store.of_notice(nid)
    year = store.notices[nid].year
    restated = _restated(store, year) if year else set()
    lines = []
    for intent, label in OWN_KINDS:
        if f := _own_fact(facts, replace(q, intent=intent, list_key=None), restated):
            # "时间上有什么不一样": the unit's date means little without the call's beside it.
            call = _call_deadline(store, facts, year, f.date) if isinstance(f, DeadlineFact) else None
            beside = f"（中国科协通知的平台截止时间：{_said(call, today)}{citer.fact(call)}）" if call else ""
            lines.append(f"{label}：{_said(f, today)}{beside}{_what_due(f)}{citer.fact(f)}")
    if not lines:
        return None
    return Reply([f"{store.label(nid)}在转发中国科协通知之外，另行规定了：", *lines])


def _call_deadline(store: FactStore, facts: list[Fact], year: int | None, after: str) -> DeadlineFact | None:
    """The call's platform deadline, as the forwarding notice restates it, else as the call says it; never
    before the unit's own date `after` (a listing's other programme's date is not the call's)."""
    def platform(found: Iterable[Fact]) -> DeadlineFact | None:
        dated = [f for f in found if isinstance(f, DeadlineFact) and f.scope == Scope.PLATFORM and f.date > after]
        return min(dated, key=lambda f: f.form != DeadlineForm.BEFORE, default=None)  # what is due, if said

    return platform(facts) or (platform(store.select(DeadlineFact, store.is_original, year=year)) if year else None)


def own_values(q: Query, store: FactStore, year: int) -> list[tuple[str, Fact]]:
    """(notice, fact) for every forwarding or internal notice of the round that sets its own value
    for what `q` asks; worked out once per snapshot for each kind of question (a round may have
    thousands of forwarding notices)."""
    def find() -> list[tuple[str, Fact]]:
        restated = _restated(store, year) if q.intent == Intent.QUOTA else set()
        return [(nid, f) for nid in store.own_notices(year) if (f := _own_fact(store.of_notice(nid), q, restated))]

    return store.derived(("own", year, q.intent, q.list_key), find)


def others_note(q: Query, store: FactStore, citer: Citer, year: int, today: dt.date, answered: str = "") -> str | None:
    """One line naming the round's forwarding and internal notices that set their own value for
    what was asked (issuer: value, cited), a few at most; not the notice that `answered`."""
    if q.intent not in (Intent.DEADLINE, Intent.QUOTA, Intent.CONTACT):
        return None
    if q.intent == Intent.CONTACT and (q.person or q.body or q.list_key or q.field_key or q.attribute == "body"
                                       or TECH_ASK.search(q.text)):
        return None  # a list's review body or the platform's support is asked, not a society's secretariat
    values = [(nid, f) for nid, f in own_values(q, store, year) if nid != answered]
    if not values:
        return None
    shown = [f"{store.label(nid)}{_said(f, today)}{citer.fact(f)}" for nid, f in values[:MAX_LISTED]]
    more = f"等{len(values)}份" if len(values) > MAX_LISTED else ""
    return f"另：本轮转发或单位内部通知另定了{WHAT[q.intent]}（以所在单位通知为准）：{'；'.join(shown)}{more}。"
