"""Look-ups from an entity: a phone number (or its last digits), an e-mail address, an address or a
person named in the question is
found in the contact facts of every year and answered with what the notices tie to it: whose it
is, which list and field, which year, which notice."""

from __future__ import annotations

import re

from assistant.answer.phrasing import address_text, contact_scope
from assistant.answer.rules.base import Context, Reply
from assistant.answer.rules.contact import handed_over
from assistant.ingest.facts.common import digits
from assistant.model import ContactFact

PLACE_MIN = 4  # characters of an address that identify it ("气象路9号")


def _holds(f: ContactFact, ctx: Context) -> str | None:
    """How the fact matches the entity asked about, or None."""
    q = ctx.q
    for phone in q.phones:  # the number as the notice writes it
        for p in f.phones:
            if len(digits(p)) >= 7 and (phone in digits(p) or digits(p) in phone):
                return p
    if q.phone_tail:
        for p in f.phones:
            if digits(p).endswith(q.phone_tail):
                return p
    # The number of whoever receives the block's mail ("寄件单上的13161972216"): that person.
    got = digits(f.recipient_phone)
    if f.recipient and len(got) >= 7 and (any(phone in got or got in phone for phone in q.phones)
                                          or (q.phone_tail and got.endswith(q.phone_tail))):
        return f.recipient
    if q.place and f.address:
        # The longest end of what was written that the address holds ("快递寄到气象路9号" -> "气象路9号").
        held = next((q.place[i:] for i in range(len(q.place) - PLACE_MIN + 1) if q.place[i:] in f.address), None)
        if held:
            return held
    for email in q.emails:
        for e in f.emails:
            if email.lower() == e.lower():
                return e
    if not (q.phones or q.emails or q.phone_tail or q.place) and q.person and (q.person in f.persons or q.person == f.recipient):
        return q.person
    return None


def _label(f: ContactFact, what: str) -> str:
    """What the notice calls the number asked about ("技术支持", "客服电话"), when it says."""
    asked = digits(what)
    return next((label for phone, label in f.phone_labels.items()
                 if label and asked and (asked in digits(phone) or digits(phone) in asked)), "")


SEGMENT_END = re.compile(r"[；;。\n|]")


def _owner(f: ContactFact, what: str) -> tuple[str, str] | None:
    """Of a block listing several people, the one a number belongs to: the last name written before
    it in its own segment of the passage ("企业服务专员 白露 15092267731"), with that segment."""
    if len(f.persons) < 2 or (at := f.quote.find(what)) < 0:
        return None
    start = max((m.end() for m in SEGMENT_END.finditer(f.quote, 0, at)), default=0)
    before = f.quote[start:at]
    named = [(before.rfind(p), p) for p in f.persons if p in before]
    if not named:
        return None
    end = next((m.start() for m in SEGMENT_END.finditer(f.quote, at)), len(f.quote))
    return max(named)[1], f.quote[start:end].strip(" ，,：:")


def _line(ctx: Context, f: ContactFact, what: str) -> str:
    # "13911128844：2020年通知中先导技术榜（先进材料领域）": the entity, the year and notice, the list.
    where = f"{what}：{f.year}年{ctx.store.label(f.notice_id) if not ctx.store.is_original(f) else '通知'}中{contact_scope(f)}"
    if what == f.recipient:  # the person receives the mail of the block's body
        return f"{where}纸质材料的收件人（{f.body or f.org}，邮寄地址：{address_text(f)}）{ctx.cite(f)}"
    if f.address and what in f.address:  # an address asked: whose mail goes there, and who receives it
        shown = address_text(f)
        receiver = "" if "收件人" in shown else f"，收件人：{f.recipient or '、'.join(f.persons)}"
        return f"{where}纸质材料的邮寄地址（{shown}；{f.body or f.org}{receiver}）{ctx.cite(f)}"
    # One of several people listed together: whose number it is. (A person asked is the entity; the
    # names written before theirs are not their owner: "联系人：陶薇如、姜金领".)
    if what not in f.persons and (owner := _owner(f, what)):
        person, segment = owner
        return f"{where}{person}的{_label(f, what) or '联系方式'}（{segment}）{ctx.cite(f)}"
    who = "、".join(f.persons)
    org = f.body or f.org
    owner = "，".join(x for x in (f"{org} {who}".strip(), f"电话：{'、'.join(f.phones)}" if f.phones else "",
                                  f"邮箱：{'、'.join(f.emails)}" if f.emails else "") if x)
    label = _label(f, what) or "联系方式"
    # ("…联系中国科协申报系统技术支持：177…": the label written onto the words before it is read as written.)
    joined = "" if f"{contact_scope(f)}{label}" in f.quote else "的"
    return f"{where}{joined}{label}（{owner}）{ctx.cite(f)}"


def answer_lookup(ctx: Context) -> Reply | None:
    """Whose the entity is, in the years asked. A number or mailbox that is not its holder's in the
    round asked (or, none asked, in the latest round they appear in): "胡老师的座机我存的是…，今年还
    是这个号吗" gets the holder's contacts in that round first, then where the number was. The holder
    is the person named, or whoever the notices tie the number to."""
    q = ctx.q
    if not (q.phones or q.emails or q.phone_tail or q.place or q.person):
        return None
    facts = ctx.store.select(ContactFact)
    years = set(q.years)
    matched = [(f, what) for f in facts if (what := _holds(f, ctx))]
    found = [(f, what) for f, what in matched if not years or f.year in years]
    notes: list[str] = []
    if q.phones or q.emails:
        people = ({q.person} if q.person else set()) | {p for f, _ in matched for p in f.persons}
        theirs = [f for f in facts if people & set(f.persons)]
        asked = years or ({max(f.year or 0 for f in theirs)} if theirs else set())
        current = [(f, next(p for p in f.persons if p in people)) for f in theirs if f.year in asked]
        if not people:
            # A number no person holds ("客服电话：010-63589150"): its line is the holder, in each round
            # the number under the same heading and label.
            roles = {(f.header, label) for f, what in matched if (label := _label(f, what))}
            current = [(f, phone) for f in facts if f.year in asked for phone, label in f.phone_labels.items()
                       if (f.header, label) in roles]
        if current and not any(f.year in asked for f, _ in found):
            if years:  # the round asked: its contacts answer, the number's past is the note
                where = sorted(matched, key=lambda fw: -(fw[0].year or 0))[:3]
                found = current
            else:  # whose it is, answered; what the holder's number is now, the note
                where, current = [], sorted(current, key=lambda fw: -(fw[0].year or 0))[:3]
            if where:
                seen = "、".join(dict.fromkeys(f"{f.year}年" for f, _ in where))
                notes.append(f"{where[0][1]} 不在{'、'.join(str(y) for y in sorted(asked))}年的通知中，它见于{seen}的通知：")
                notes += [_line(ctx, f, what) for f, what in where]
            else:
                notes.append(f"{'、'.join(str(y) for y in sorted(asked))}年的通知中，{'、'.join(sorted(people))}的联系方式为：")
                notes += [_line(ctx, f, what) for f, what in current]
    if not found:
        return None
    found.sort(key=lambda fw: -(fw[0].year or 0))
    direct = [_line(ctx, f, what) for f, what in found[:6]]
    # "010-68935402 打了几次都没人接": the holder the notice later hands the work away from, and who took it.
    gone = handed_over(ctx.store)
    for f, _ in found[:6]:
        for person in f.persons:
            successor = gone.get((f.notice_id, person))
            if successor is None:
                continue
            now = next((g for g in facts if g.notice_id == f.notice_id and successor and successor in g.persons), None)
            reach = f"（电话：{'、'.join(now.phones)}）{ctx.cite(now)}" if now is not None and now.phones else ""
            direct.append(f"注意：{ctx.store.label(f.notice_id)}后来写明{person}不再负责此项工作"
                          + (f"，联系人改为{successor}{reach}。" if successor else "。"))
    return Reply(direct, notes, person=found[0][0].persons[0] if found[0][0].persons else None)
