"""Deterministic answers: one answerer per intent over the extracted facts.

Each answerer returns None when no fact answers the question; the assistant then falls back
to retrieval. Nothing here knows a date, a phone or a quota: all of it comes from the facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answer.compose import Answer, Citer
from assistant.answer.understand import Query, understand, unquote
from assistant.ingest.facts import Fact
from assistant.ingest.notices import NoticeRecord


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\w\u4e00-\u9fff]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(question: str, text: str) -> int:
    return len(bigrams(question) & bigrams(text))


def cn_date(iso: str, time: str = "") -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        s = f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    elif len(parts) == 2:
        s = f"{int(parts[0])}月{int(parts[1])}日"
    else:
        s = iso
    return s + time


class FactStore:
    def __init__(self, facts: list[Fact], notices: dict[str, NoticeRecord]) -> None:
        self.facts = facts
        self.notices = notices
        self.years = sorted({f.year for f in facts if f.year} | {n.year for n in notices.values() if n.year})
        self.people = {p for f in facts if f.kind == "contact" for p in f.attrs.get("persons", [])}
        self.list_names = {name for f in facts if f.kind == "lists" for name in f.lists}
        self.field_names = {name for f in facts if f.kind == "fields" for name in f.fields}
        self.body_names = {
            unquote(b) for f in facts if f.kind == "contact"
            for b in re.split(r"[、，]", f.attrs.get("body") or f.attrs.get("org") or "") if len(b) >= 4
        }
        # kind -> year -> facts, the CAST notice's first: answerers look at one year at a time.
        self.by_kind: dict[str, dict[int, list[Fact]]] = {}
        for f in sorted(facts, key=lambda f: not self.is_original(f)):
            self.by_kind.setdefault(f.kind, {}).setdefault(f.year or 0, []).append(f)

    def understand(self, text: str, today: dt.date) -> Query:
        return understand(text, today, self.people, self.list_names, self.field_names, self.body_names)


    def pick(self, kind: str, years: list[int], where: Callable[[Fact], bool] | None = None) -> tuple[int, list[Fact]] | None:
        """The facts of one year: the first asked year that has some, else the latest that has."""
        buckets = self.by_kind.get(kind, {})
        for year in [y for y in years if y in buckets] if years else sorted(buckets, reverse=True):
            found = [f for f in buckets[year] if where is None or where(f)]
            if found and year:
                return year, found
        return None

    def is_original(self, f: Fact) -> bool:
        notice = self.notices.get(f.notice_id)
        return notice is None or notice.kind == "original"

    def select(self, kind: str, where: Callable[[Fact], bool] | None = None, latest: int | None = None) -> list[Fact]:
        """Facts of every year (or of the `latest` few), the CAST notice's before a forwarding notice's."""
        buckets = self.by_kind.get(kind, {})
        years = sorted(buckets, reverse=True)[:latest] if latest else list(buckets)
        found = [f for y in years for f in buckets[y] if where is None or where(f)]
        return sorted(found, key=lambda f: not self.is_original(f))


@dataclass
class Context:
    q: Query
    store: FactStore
    citer: Citer
    today: dt.date


def _matches_list(f: Fact, q: Query) -> bool:
    return q.list_key is None or q.list_key in f.list_keys


def _matches_field(f: Fact, q: Query) -> bool:
    return q.field_key is None or q.field_key in f.field_keys


def _year_note(q: Query, year: int) -> str:
    return "" if q.years else f"（未指定年份，按最新一轮{year}年通知回答）"


def _answer(ctx: Context, lines: list[str]) -> Answer:
    return Answer(answer="\n".join(line for line in lines if line), kind="rule", citations=ctx.citer.citations)


# ---------------------------------------------------------------- contacts


def _contact_scope(f: Fact, q: Query) -> str:
    parts = []
    if f.lists:
        parts.append("、".join(dict.fromkeys(f.lists)))
    if f.fields:
        parts.append("（" + "、".join(f.fields) + "领域）")
    return "".join(parts) or f.attrs.get("header", "")


def _describe_contact(ctx: Context, f: Fact, attribute: str | None) -> str:
    a = f.attrs
    bits = []
    if a.get("body") and (attribute == "body" or a.get("role") == "review"):
        bits.append(f"初评/评审机构：{a['body']}")
    who = "、".join(a.get("persons", []))
    if a.get("org") and who:
        who = f"{a['org']} {who}"
    if who:
        bits.append(f"联系人：{who}")
    phones = a.get("phones", [])
    if phones:
        labels = a.get("phone_labels", {})
        if len(set(labels.values())) > 1:
            bits.append("，".join(f"{labels.get(p, '电话')}：{p}" for p in phones))
        else:
            bits.append("电话：" + "、".join(phones))
    if a.get("emails"):
        bits.append("邮箱：" + "、".join(a["emails"]))
    if a.get("address") and (attribute == "address" or not phones):
        addr = a["address"]
        if a.get("recipient"):
            addr += f"（收件人：{a['recipient']}，{a['recipient_phone']}）"
        bits.append(f"邮寄地址：{addr}")
    scope = _contact_scope(f, ctx.q)
    return f"{scope}：" + "；".join(bits) + ctx.citer.fact(f)


def answer_contact(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    text = q.text.replace(q.list_mention, "") if q.list_mention else q.text
    if q.person:
        kind, where = "contact", (lambda f: q.person in f.attrs.get("persons", []))
    elif q.body and not (q.list_key or q.field_key):
        kind, where = "contact", (lambda f: q.body in unquote((f.attrs.get("body") or "") + (f.attrs.get("org") or "")))
    elif q.list_key or q.field_key:
        kind, where = "contact", (lambda f: _matches_list(f, q) and _matches_field(f, q) and f.attrs.get("role") == "review")
    elif re.search(r"系统|技术支持|技术问题|平台|登录|客服|报错|无法", text):
        kind, where = "contact", (lambda f: f.attrs.get("role") == "tech")
    elif re.search(r"学会|会员|秘书处", text) and store.select("contact", lambda f: f.attrs.get("role") == "society"):
        kind, where = "contact", (lambda f: f.attrs.get("role") == "society")
    else:
        kind, where = "contact", (lambda f: f.attrs.get("role") == "general")
    picked = store.pick(kind, q.years, where)
    if picked is None:
        return None
    year, chosen = picked
    wanted = {"email": "emails", "address": "address", "body": "body"}.get(q.attribute or "")
    if wanted and any(f.attrs.get(wanted) for f in chosen):
        chosen = [f for f in chosen if f.attrs.get(wanted)]
    # One block per (list, field, header): the CAST notice's, unless only the other has the detail.
    seen: set[tuple[str, ...]] = set()
    unique = []
    for f in chosen:
        key = (*f.list_keys, *f.field_keys, f.attrs.get("header", "") if not f.list_keys else "", *f.attrs.get("persons", []))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    missing = ""
    if wanted and not any(f.attrs.get(wanted) for f in unique):
        label = {"emails": "邮箱", "address": "邮寄地址", "body": "初评机构"}[wanted]
        missing = f"（通知中未列出{label}，以下为已列出的联系方式）"
    body = [_describe_contact(ctx, f, q.attribute) for f in unique[:8]]
    if len(unique) == 1:
        lines = [f"{year}年" + body[0] + _year_note(q, year) + missing]
    else:
        lines = [f"{year}年相关联系方式如下{_year_note(q, year)}{missing}：", *body]
    if q.person and not q.years:
        cands = store.select(kind, where, latest=6)
        other = sorted({f.year for f in cands if f.year and f.year != year}, reverse=True)
        for y in other[:2]:
            f = next(f for f in cands if f.year == y)
            if set(f.attrs.get("phones", [])) != set(unique[0].attrs.get("phones", [])):
                lines.append(f"另：{y}年通知中{_describe_contact(ctx, f, q.attribute)}")
    result = _answer(ctx, lines)
    result.person = next(iter(unique[0].attrs.get("persons", [])), None)
    return result


# ---------------------------------------------------------------- deadlines and schedule


def _deadline_text(f: Fact, today: dt.date) -> str:
    s = cn_date(f.attrs["date"], f.attrs.get("time", ""))
    try:
        if dt.date.fromisoformat(f.attrs["date"]) < today:
            s += "（已截止）"
    except ValueError:
        pass
    return s


def answer_deadline(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    internal_asked = bool(re.search(r"学会|会员|内部|秘书处", q.text))
    if re.search(r"初评", q.text):
        kind, where = "deadline", (lambda f: f.attrs["category"] == "review")
    elif internal_asked:
        kind, where = "deadline", (lambda f: f.attrs["scope"] == "internal")
    elif re.search(r"终评|终审|发布|宣传", q.text):
        return None  # a stage, not a deadline: the schedule answers it
    else:
        kind, where = "deadline", (lambda f: f.attrs["category"] == "submission" and f.attrs["scope"] != "internal")
    picked = store.pick(kind, q.years, where)
    if picked is None:
        return None
    year, in_year = picked
    chosen = [f for f in in_year if _matches_list(f, q) or not f.lists]
    if not chosen:
        return None
    # Most specific first: an explicit "截止时间为…" line, then a stage's "…前" sentence.
    chosen.sort(key=lambda f: (not store.is_original(f) and not internal_asked, f.attrs["form"] != "截止", f.start))
    dates = list(dict.fromkeys(_deadline_text(f, ctx.today) for f in chosen))
    first = chosen[0]
    what = "学会内部材料报送截止时间" if first.attrs["scope"] == "internal" else (
        "初评结果报送截止时间" if first.attrs["category"] == "review" else "申报截止时间"
    )
    lines = [f"{year}年{what}：{dates[0]}{ctx.citer.fact(first)}{_year_note(q, year)}"]
    if first.attrs.get("action") and first.attrs["form"] == "前":
        lines[0] += f"，需{first.attrs['action']}"
    distinct = {f.attrs["date"] for f in chosen if store.is_original(f) or internal_asked}
    for f in chosen[1:]:
        if f.attrs["date"] != first.attrs["date"] and (store.is_original(f) or internal_asked):
            lines.append(
                f"注意：同一通知另处写的是{_deadline_text(f, ctx.today)}{ctx.citer.fact(f)}，两处日期不一致，请以较早者为准或向联系人确认。"
            )
    if len(distinct) == 1 and len(chosen) > 1:
        lines.append("依据：" + "".join(ctx.citer.fact(f) for f in chosen[1:3]))
    # The other side of "society vs CAST platform" deadlines, so the asker sees both.
    if internal_asked:
        platform = store.select("deadline", lambda f: f.year == year and f.attrs["scope"] == "platform" and f.attrs["form"] == "截止")
        if platform:
            lines.append(f"“科创中国”平台的申报截止时间为{_deadline_text(platform[0], ctx.today)}{ctx.citer.fact(platform[0])}。")
    elif first.attrs["category"] == "submission":
        internal = store.select("deadline", lambda f: f.year == year and f.attrs["scope"] == "internal")
        for f in internal[:1]:
            lines.append(
                f"另：转发通知要求其会员于{_deadline_text(f, ctx.today)}前{f.attrs.get('action', '')}{ctx.citer.fact(f)}（学会内部截止时间，早于平台截止）。"
            )
    return _answer(ctx, lines)


def answer_schedule(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    picked = store.pick("stage", q.years)
    if picked is None:
        return None
    year, stages = picked
    # The CAST notice's stages (a forwarding notice restates them, sometimes less precisely).
    originals = [f for f in stages if store.is_original(f)]
    stages = originals or stages
    asked = re.sub(r"阶段|评审|时间|安排", " ", q.text)

    def score(f: Fact) -> int:
        # Word pairs, not single characters: "上传" must not match "宣传推广".
        name = re.sub(r"阶段|评审", " ", f.attrs["stage"])
        return 2 * overlap(asked, name) + (len(set(name) & set(asked) - {" "}) >= 2)

    best = max((score(f) for f in stages), default=0)
    if best > 0:
        hits = [f for f in stages if score(f) == best]
        lines = [f"{year}年{f.attrs['stage']}：{f.attrs['period']}{ctx.citer.fact(f)}" for f in hits]
        lines[0] += _year_note(q, year)
        return _answer(ctx, lines)
    if re.search(r"截止|前", q.text):
        return None
    lines = [f"{year}年工作安排{_year_note(q, year)}："]
    lines += [f"{f.attrs['stage']}：{f.attrs['period']}{ctx.citer.fact(f)}" for f in stages]
    return _answer(ctx, lines)


# ---------------------------------------------------------------- quotas, lists, platforms


def answer_quota(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    picked = store.pick("quota", q.years)
    if picked is None:
        return None
    year, in_year = picked
    pool = [f for f in in_year if store.is_original(f)] or in_year
    if q.list_key or re.search(r"入选|每人|人物", q.text):
        ranked = sorted(pool, key=lambda f: (-(3 if q.list_key and q.list_key in f.list_keys else 0) - overlap(q.text, f.quote), f.start))
    else:  # every list's quota, in the notice's order; the per-person rule after them
        ranked = sorted(pool, key=lambda f: (bool(f.attrs.get("per_person")), f.start))
    if q.list_key and not any(q.list_key in f.list_keys or f.attrs.get("subject") for f in ranked):
        return None
    top = ranked[0]
    who = "、".join(top.lists) if top.lists else top.attrs.get("subject", "")
    per = "每个领域各单位" if top.attrs.get("per_field") else ("每人" if top.attrs.get("per_person") else "各单位")
    limit = f"可推荐{top.value}" if top.attrs.get("per_person") else f"推荐不超过{top.value}"
    hedge = "（原则上）" if top.attrs.get("in_principle") else ""
    prefix = f"{year}年通知：" if top.attrs.get("subject") else f"{year}年"
    rules = sorted(store.select("quota_rule", lambda f: f.year == year and store.is_original(f)),
                   key=lambda f: -overlap(q.text, f.quote))
    lines = []
    if rules and overlap(q.text, rules[0].quote) > max(3, overlap(q.text, top.quote)):
        # "属于多个渠道怎么算名额": the rule is the answer, the quotas its context.
        lines.append(f"{year}年通知：{rules[0].quote}{ctx.citer.fact(rules[0])}{_year_note(q, year)}")
        rules = rules[1:]
    lines.append(f"{prefix}{who}{per}{limit}{hedge}{ctx.citer.fact(top)}{'' if lines else _year_note(q, year)}")
    if not q.list_key and not top.attrs.get("per_person"):
        for f in ranked[1:6]:
            if f.attrs.get("per_person"):
                continue
            per_f = "每个领域各单位" if f.attrs.get("per_field") else "各单位"
            lines.append(f"{'、'.join(f.lists)}：{per_f}推荐不超过{f.value}{ctx.citer.fact(f)}")
    if q.list_key and q.list_key in top.list_keys and not q.years:
        others = []
        others_of = store.select("quota", lambda f: f.year != year and q.list_key in f.list_keys and store.is_original(f), latest=6)
        for f in others_of:
            if f.attrs["number"] != top.attrs.get("number") and f"{f.year}年" not in "".join(others):
                others.append(f"{f.year}年为不超过{f.value}{ctx.citer.fact(f)}")
        if others:
            lines.append("其他年份不同：" + "；".join(sorted(others, reverse=True)))
    for f in rules[:2]:
        lines.append(f"说明：{f.quote}{ctx.citer.fact(f)}")
    return _answer(ctx, lines)


def _count_for(f: Fact, key: str) -> tuple[str, int] | None:
    for name, n in f.attrs.get("counts", {}).items():
        if name == key or (f.list_keys and key in f.list_keys and f.lists[f.list_keys.index(key)] == name):
            return name, n
    return None


def answer_lists(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    wants_fields = "领域" in q.text
    wants_count = bool(re.search(r"多少项|几项|项数|发布多少|共多少", q.text))
    kind = "fields" if wants_fields else "lists"
    picked = store.pick(kind, q.years, lambda f: not wants_fields or _matches_list(f, q))
    if picked is None:
        return None
    year, in_year = picked
    f = in_year[0]
    note = _year_note(q, year)
    if wants_fields:
        special = f.attrs.get("special", [])
        industry = f.attrs.get("industry", f.fields)
        text = f"{year}年{'、'.join(f.lists)}设{'、'.join(industry)}等{len(industry)}个领域"
        if special:
            text += f"，另设{'、'.join(special)}专项领域"
        return _answer(ctx, [text + ctx.citer.fact(f) + note])
    if wants_count and q.list_key:
        counts = [c for c in store.select("list_counts", lambda c: c.year == year) if q.list_key in c.list_keys]
        for c in counts:
            hit = _count_for(c, q.list_key)
            if hit:
                return _answer(ctx, [f"{year}年{hit[0]}设{hit[1]}项{ctx.citer.fact(c)}{note}"])
        return None
    names = f.lists
    text = f"{year}年共设置{len(names)}类榜单：{'、'.join(names)}{ctx.citer.fact(f)}{note}"
    lines = [text]
    counts = store.select("list_counts", lambda c: c.year == year)
    if counts and counts[0].attrs.get("counts"):
        lines.append("计划数量：" + "，".join(f"{k}{v}项" for k, v in counts[0].attrs["counts"].items()) + ctx.citer.fact(counts[0]))
    return _answer(ctx, lines)


def answer_platform(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    picked = store.pick("platform", q.years)
    if picked is None:
        return None
    year, in_year = picked
    f = in_year[0]
    name = f.attrs.get("name") or "申报平台"
    return _answer(ctx, [f"{year}年通过{name}申报，网址：{f.value}{ctx.citer.fact(f)}{_year_note(q, year)}"])


def answer_eligibility(ctx: Context) -> Answer | None:
    q, store = ctx.q, ctx.store
    kind, where = "eligibility", (lambda f: _matches_list(f, q) and _matches_field(f, q) and f.attrs.get("conditions"))
    if q.list_key is None:
        return None  # conditions differ per list: without one, retrieval finds the passage asked about
    picked = store.pick(kind, q.years, where)
    if picked is None:
        return None
    year, facts = picked
    lines = []
    for f in facts[:2]:
        conds = sorted(f.attrs["conditions"], key=lambda c: -overlap(q.text, c))
        best = conds[0] if overlap(q.text, conds[0]) > overlap(q.text, conds[-1]) else None
        head = f"{year}年{'、'.join(f.lists)}（{f.attrs['heading']}）申报条件"
        cite = ctx.citer.fact(f)
        if best:
            lines.append(f"{head}中与您的问题最相关的一条：{best}{cite}")
            lines.append("全部条件：" + " ".join(f.attrs["conditions"]))
        else:
            lines.append(f"{head}：" + " ".join(f.attrs["conditions"]) + cite)
        for ex in f.attrs.get("exclusions", [])[:1]:
            lines.append(ex)
    lines[0] += _year_note(q, year)
    return _answer(ctx, lines)


# ---------------------------------------------------------------- comparison


def answer_compare(ctx: Context, answer_for: Callable[[Query], Answer | None]) -> Answer | None:
    q = ctx.q
    years = q.years if len(q.years) >= 2 else []
    if not years:
        return None
    if re.search(r"名额|推荐几|推荐多少", q.text):
        sub = "quota"
    elif re.search(r"联系|电话", q.text):
        sub = "contact"
    elif re.search(r"截止|时间|安排", q.text):
        sub = "deadline"
    elif "领域" in q.text or q.list_key == "先导技术榜":
        sub = "fields"
    else:
        sub = "lists"
    parts: list[str] = []
    sets: list[tuple[int, list[str]]] = []
    for y in years:
        one = Query(**{**q.to_dict(), "years": [y], "intent": "lists" if sub in ("fields", "lists") else sub, "compare": False})
        if sub == "fields":
            one.text = q.text if "领域" in q.text else q.text + "领域"
        sub_answer = answer_for(one)
        if sub_answer is None:
            parts.append(f"{y}年：通知中未找到相关信息。")
            continue
        parts.append(sub_answer.answer)
        kind = "fields" if sub == "fields" else "lists"
        fact = next((f for f in ctx.store.select(kind, lambda f, y=y: f.year == y and _matches_list(f, q))), None)
        if fact and sub in ("fields", "lists"):
            sets.append((y, fact.fields if sub == "fields" else fact.lists))
    if len(sets) >= 2:
        (y1, a), (y2, b) = sets[0], sets[-1]
        added = [x for x in b if x not in a]
        removed = [x for x in a if x not in b]
        summary = f"{y1}年与{y2}年相比："
        summary += f"新增{'、'.join(added)}" if added else "无新增"
        summary += f"；不再设{'、'.join(removed)}" if removed else "；无删减"
        parts.insert(0, summary + "。")
    return Answer(answer="\n".join(parts), kind="rule", citations=ctx.citer.citations)


ANSWERERS: dict[str, Callable[[Context], Answer | None]] = {
    "contact": answer_contact,
    "deadline": answer_deadline,
    "schedule": answer_schedule,
    "quota": answer_quota,
    "lists": answer_lists,
    "platform": answer_platform,
    "eligibility": answer_eligibility,
}
# When the first answerer has nothing, these are worth a try before retrieval.
FALLBACKS = {"deadline": ["schedule"], "schedule": ["deadline"]}


def answer(q: Query, store: FactStore, citer: Citer, today: dt.date) -> Answer | None:
    """The rule answer to a query, or None. One citer numbers the citations of the whole answer."""

    def run(query: Query) -> Answer | None:
        for intent in [query.intent, *FALLBACKS.get(query.intent, [])]:
            fn = ANSWERERS.get(intent)
            if fn is None:
                continue
            mark = len(citer.citations)
            result = fn(Context(query, store, citer, today))
            if result is not None:
                return result
            citer.rollback(mark)
        return None

    if q.intent == "compare":
        return answer_compare(Context(q, store, citer, today), run)
    if q.other_lists and q.intent in ("contact", "quota", "eligibility", "deadline"):
        # One answer per list named, in the order the question names them.
        first = q.text.find(q.list_mention)
        named = sorted([(q.list_key, q.list_mention), *q.other_lists], key=lambda km: q.text.find(km[1]) if km[1] else first)
        parts = [run(replace(q, list_key=k, list_mention=m, other_lists=[])) for k, m in named]
        found = [p for p in parts if p is not None]
        if found:
            lines = list(dict.fromkeys(line for p in found for line in p.answer.splitlines()))  # shared notes once
            notes = [line for line in lines if line.startswith(("说明", "其他年份", "另：", "注意", "依据"))]
            direct = [line for line in lines if line not in notes]
            return Answer(answer="\n".join(direct + notes), kind="rule", citations=citer.citations)
        return None
    return run(q)
