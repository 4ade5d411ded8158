"""How many candidates a unit (or a person) may recommend, per list and field, and the rules
that go with the quotas (叠加, 不再推荐)."""

from __future__ import annotations

import re

from assistant.answer.phrasing import quota_limit
from assistant.answer.rules.base import Context, Reply
from assistant.answer.similarity import overlap
from assistant.model import QuotaFact, QuotaRuleFact


def own_words(f: QuotaFact) -> str:
    """The clause of a quota without the list's name before it, its number in digits when the
    notice wrote it in characters ("不超过三项" → "不超过三项（3项）")."""
    text = re.sub(r"^\d{1,2}[.．、]\s*", "", f.quote).rstrip("。；;，,. ")
    for name in f.lists:
        text = re.sub(rf"^[“\"]?{re.escape(name)}[”\"]?\s*[：:|｜]?\s*", "", text)  # "先导技术榜：…", "先导技术榜 | 3项"
    text = re.sub(r"^[\u4e00-\u9fff]{2,8}[：:]\s*", "", text)  # "推荐名额：本会推荐…"
    text = text if str(f.number) in text else f"{text}（{f.value}）"
    return f"{f.column}：{text}" if f.column and f.column not in text else text


def _said(f: QuotaFact) -> str:
    """What a quota says, with the header of its column: who the limit is for."""
    return f"{f.column} {f.quote}" if f.column else f.quote


RECOMMENDS = re.compile(r"推荐|推举|推(?:几|多少)")
# (A person, not "我校" / "我院" / "我会" / "我单位" speaking for a unit.)
PERSON_RECOMMENDS = re.compile(r"(?:我(?![校院所会们市省区司厂局部处中])(?!单位)|本人|个人|自己)[^，,。？?们]{0,6}"
                               r"(?:推荐|推举|推(?:几|多少|[一两1-9]?[位名人]))|每人")  # "以个人名义还能再推一位"


# A quota the notice takes back ("我13日回信里说“…限报2项”，…现撤回"): no quota now.
RETRACTED = re.compile(r"撤回|作废|说错|有误|不再适用")


def _for_party(f: QuotaFact, party: str) -> bool:
    """Whether a quota is the one set for that part ("每个学院每个领域限报1项", "同一单位会员…最多申报1项")."""
    return bool(party) and (party in f.quote or (party in ("单位会员", "会员单位") and "会员" in f.quote))


def answer_quota(ctx: Context) -> Reply | None:
    q, store = ctx.q, ctx.store
    picked = ctx.pick_original(QuotaFact)
    if picked is None:
        return None
    year, pool = picked
    pool = [f for f in pool if not RETRACTED.search(f.quote)] or pool
    party = q.speaks_for
    # A person recommending, not a unit: "我最多能推荐几个人", or one who says they were listed
    # ("我是去年技术经理人先锋榜入选的…能推荐几个人") asking of that list.
    listed_on = {k for k, _ in q.profile.prior}
    person = bool(PERSON_RECOMMENDS.search(q.text)) or bool(q.list_key in listed_on and RECOMMENDS.search(q.text))
    if person and any(f.per_person for f in pool):
        ranked = sorted(pool, key=lambda f: (not f.per_person, -overlap(q.text, f.quote), f.start))
    elif q.list_key or re.search(r"入选|人物", q.text):
        # The list asked's quota; the one set for the part of the unit the asker speaks for before the unit's own.
        # (The party's own limit comes first whatever words the unit's shares with the question, unless
        # it is another list's.)
        # (A quota set for other fields than the one asked comes after the list's others.)
        ranked = sorted(pool, key=lambda f: (bool(q.field_key and f.field_keys and q.field_key not in f.field_keys),
                                             -(3 if q.list_key and q.list_key in f.list_keys else 0)
                                             - ((20 if not f.list_keys or q.list_key in f.list_keys else 4) if _for_party(f, party) else 0)
                                             - overlap(q.text, _said(f)), f.start))
    else:  # every list's quota, in the notice's order; the per-person rule after them
        ranked = sorted(pool, key=lambda f: (f.per_person, f.start))
    if q.list_key and not any(q.list_key in f.list_keys or f.subject for f in ranked):
        return None
    top = ranked[0]
    who = "、".join(top.lists) if top.lists else top.subject
    hedge = "（原则上）" if top.in_principle else ""
    prefix = f"{year}年通知：" if top.subject else f"{year}年"
    rules = sorted(store.select(QuotaRuleFact, ctx.in_scope, year=year),
                   key=lambda f: -overlap(q.text, f.quote))
    direct: list[str] = []
    if rules and overlap(q.text, rules[0].quote) > max(3, overlap(q.text, top.quote)):
        # "属于多个渠道怎么算名额": the rule is the answer, the quotas its context.
        direct.append(f"{year}年通知：{rules[0].quote}{ctx.cite(rules[0])}{ctx.year_note(year)}")
        rules = rules[1:]
    if store.is_original(top):
        direct.append(f"{prefix}{who}{quota_limit(top)}{hedge}{ctx.cite(top)}{'' if direct else ctx.year_note(year)}")
    else:
        # A society's or a unit's own quotas say who may put forward how many ("每家会员单位限报1项，
        # 联盟择优推荐不超过三项"): its words, every limit it sets for the list.
        same = [f for f in ranked if f.notice_id == top.notice_id and set(f.list_keys) == set(top.list_keys)
                and set(f.field_keys) == set(top.field_keys)][:3]
        if top.column and (in_measure := [f for f in same if f.column and f.unit == q.count_measure]) and len(in_measure) < len(same):
            # One row's limits for several parties, the one in the measure asked ("报几家": 3家, not 4个).
            top, same = in_measure[0], in_measure
        elif top.column and overlap(q.text, top.column):
            # One row's limits for several parties, the asker's named by its column: that one alone.
            same = [f for f in same if not f.column or overlap(q.text, f.column) >= overlap(q.text, top.column)]
        parts = [f"{own_words(f)}{ctx.cite(f)}" for f in sorted(same, key=lambda f: f.start)]
        # (A quota set for no list names its party in its own words: "同一单位会员在同一领域最多申报1项".)
        direct.append(f"{prefix}{who + '：' if top.lists else ''}{'；'.join(parts)}{'' if direct else ctx.year_note(year)}")
        ranked = [top, *(f for f in ranked if f not in same)]  # the others are listed after ranked[0]
    if not q.list_key and not top.per_person:
        direct += [f"{'、'.join(f.lists)}：{quota_limit(f) if store.is_original(f) else own_words(f)}{ctx.cite(f)}"
                   for f in ranked[1:6] if not f.per_person]
    notes = []
    if q.list_key and q.list_key in top.list_keys and not q.years:
        others: list[str] = []
        others_of = store.select(QuotaFact, lambda f: f.year != year and q.list_key in f.list_keys and store.is_original(f), latest=6)
        for f in others_of:
            if f.number != top.number and f"{f.year}年" not in "".join(others):
                others.append(f"{f.year}年为不超过{f.value}{ctx.cite(f)}")
        if others:
            notes.append("其他年份不同：" + "；".join(sorted(others, reverse=True)))
    notes += [f"说明：{f.quote}{ctx.cite(f)}" for f in rules[:2]]
    return Reply(direct, notes)
