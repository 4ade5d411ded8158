"""Look-ups from an entity: a phone number, an e-mail address or a person named in the question is
found in the contact facts of every year and answered with what the notices tie to it: whose it
is, which list and field, which year, which notice."""

from __future__ import annotations

import re

from assistant.answer.phrasing import contact_scope
from assistant.answer.rules.base import Context, Reply
from assistant.model import ContactFact


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _holds(f: ContactFact, ctx: Context) -> str | None:
    """How the fact matches the entity asked about, or None."""
    q = ctx.q
    for phone in q.phones:
        if any(phone in _digits(p) or _digits(p) in phone for p in f.phones if len(_digits(p)) >= 7):
            return phone
    for email in q.emails:
        if any(email.lower() == e.lower() for e in f.emails):
            return email
    if not q.phones and not q.emails and q.person and q.person in f.persons:
        return q.person
    return None


def answer_lookup(ctx: Context) -> Reply | None:
    q = ctx.q
    if not (q.phones or q.emails or q.person):
        return None
    years = set(q.years)
    found = [(f, what) for f in ctx.store.select(ContactFact)
             if (not years or f.year in years) and (what := _holds(f, ctx))]
    if not found:
        return None
    found.sort(key=lambda fw: -(fw[0].year or 0))
    direct = []
    for f, what in found[:6]:
        who = "、".join(f.persons)
        org = f.body or f.org
        scope = contact_scope(f)
        owner = "，".join(x for x in (f"{org} {who}".strip(), f"电话：{'、'.join(f.phones)}" if f.phones else "",
                                      f"邮箱：{'、'.join(f.emails)}" if f.emails else "") if x)
        source = ctx.store.label(f.notice_id) if not ctx.store.is_original(f) else "通知"
        direct.append(f"{what}：{f.year}年{source}中{scope}的联系方式（{owner}）{ctx.cite(f)}")
    return Reply(direct, person=found[0][0].persons[0] if found[0][0].persons else None)
