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
    for phone in q.phones:  # the number as the notice writes it
        for p in f.phones:
            if len(_digits(p)) >= 7 and (phone in _digits(p) or _digits(p) in phone):
                return p
    for email in q.emails:
        for e in f.emails:
            if email.lower() == e.lower():
                return e
    if not q.phones and not q.emails and q.person and q.person in f.persons:
        return q.person
    return None


def _label(f: ContactFact, what: str) -> str:
    """What the notice calls the number asked about ("技术支持", "客服电话"), when it says."""
    digits = _digits(what)
    return next((label for phone, label in f.phone_labels.items()
                 if label and digits and (digits in _digits(phone) or _digits(phone) in digits)), "")


def _line(ctx: Context, f: ContactFact, what: str) -> str:
    who = "、".join(f.persons)
    org = f.body or f.org
    owner = "，".join(x for x in (f"{org} {who}".strip(), f"电话：{'、'.join(f.phones)}" if f.phones else "",
                                  f"邮箱：{'、'.join(f.emails)}" if f.emails else "") if x)
    source = ctx.store.label(f.notice_id) if not ctx.store.is_original(f) else "通知"
    label = _label(f, what)
    return f"{what}：{f.year}年{source}中{contact_scope(f)}的{label or '联系方式'}（{owner}）{ctx.cite(f)}"


def answer_lookup(ctx: Context) -> Reply | None:
    """Whose the entity is, in the years asked. A number or mailbox the asked year does not hold,
    with a person named beside it ("胡老师的座机我存的是…，今年还是这个号吗"): that person's contacts
    in the asked year first, then where the number was."""
    q = ctx.q
    if not (q.phones or q.emails or q.person):
        return None
    facts = ctx.store.select(ContactFact)
    years = set(q.years)
    found = [(f, what) for f in facts if (not years or f.year in years) and (what := _holds(f, ctx))]
    notes: list[str] = []
    if not found and years and (q.phones or q.emails):
        elsewhere = [(f, what) for f in facts if (what := _holds(f, ctx))]
        asked = "、".join(str(y) for y in sorted(years))
        if q.person:
            found = [(f, q.person) for f in facts if f.year in years and q.person in f.persons]
        if elsewhere:
            entity = elsewhere[0][1]
            seen = "、".join(dict.fromkeys(f"{f.year}年" for f, _ in elsewhere))
            notes.append(f"{entity} 不在{asked}年的通知中，它见于{seen}的通知：")
            notes += [_line(ctx, f, what) for f, what in sorted(elsewhere, key=lambda fw: -(fw[0].year or 0))[:3]]
    if not found:
        return None
    found.sort(key=lambda fw: -(fw[0].year or 0))
    direct = [_line(ctx, f, what) for f, what in found[:6]]
    return Reply(direct, notes, person=found[0][0].persons[0] if found[0][0].persons else None)
