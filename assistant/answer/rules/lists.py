"""Which lists a round sets up (with planned counts), and the fields of a list."""

from __future__ import annotations

import re

from assistant.answer.phrasing import cn_count
from assistant.answer.rules.base import Context, Reply
from assistant.answer.rules.eligibility import fitting_group
from assistant.model import FieldsFact, ListCountsFact, ListsFact, QuotaFact

COUNT_WORDS = re.compile(r"多少项|几项|项数|发布多少|遴选多少|发布几|共多少")


def _count_for(f: ListCountsFact, key: str) -> tuple[str, int] | None:
    for name, n in f.counts.items():
        if name == key or (key in f.list_keys and f.lists[f.list_keys.index(key)] == name):
            return name, n
    return None


def answer_fields(ctx: Context) -> Reply | None:
    picked = ctx.pick(FieldsFact, ctx.matches_list)
    if picked is None:
        return None
    year, in_year = picked
    f = in_year[0]
    industry = f.industry or f.fields
    kind = next((w for w in ("类别", "赛道", "方向") if w in f.quote), "领域")  # as the notice calls them
    text = f"{year}年{'、'.join(f.lists)}设{'、'.join(industry)}{'等' if kind == '领域' else ''}{len(industry)}个{kind}"
    if f.special:
        text += f"，另设{'、'.join(f.special)}专项领域"
    return Reply([*fitting_group(ctx, year), text + ctx.cite(f) + ctx.year_note(year)])


def _lists_from_quotas(ctx: Context) -> Reply | None:
    """A society's notice that names its lists only in its quotas ("先导技术榜 | 3项" under 名额分配)."""
    picked = ctx.pick(QuotaFact, lambda f: bool(f.lists))
    if picked is None:
        return None
    year, quotas = picked
    names = list(dict.fromkeys(n for f in quotas for n in f.lists))
    cites = "".join(ctx.cite(f) for f in quotas[:4])
    return Reply([f"{year}年组织推荐的榜单（据推荐名额）：{'、'.join(names)}{cites}{ctx.year_note(year)}"])


def list_names(ctx: Context) -> Reply | None:
    """The name a list went by in each round (the years asked first, every round's after them),
    each as the round's list of lists writes it: "2021年：产学研融通组织榜；2022年起：融通创新组织榜"
    (a round whose call is not in, as its units' notices restate it)."""
    q, store = ctx.q, ctx.store
    facts = store.select(ListsFact, lambda f: q.list_key in f.list_keys)
    by_year: dict[int, tuple[str, ListsFact]] = {}
    for f in sorted(facts, key=lambda f: (-(f.year or 0), not store.is_original(f))):
        if f.year and f.year not in by_year:
            by_year[f.year] = (f.lists[f.list_keys.index(q.list_key)], f)
    if not by_year:
        return None
    order = sorted(by_year, key=lambda y: (y not in q.years, -y))
    direct = [f"{y}年名为“{by_year[y][0]}”{ctx.cite(by_year[y][1])}" for y in order]
    names = {name for name, _ in by_year.values()}
    notes = ["各年名称相同。"] if len(names) == 1 else []
    return Reply(["；".join(direct)], notes)


def _planned(ctx: Context, year: int) -> str:
    """How many items a round plans for the list asked, as the passage words it ("计划发布30家", "设50项"),
    cited; empty when it gives none."""
    q, store = ctx.q, ctx.store
    found = [(c, hit) for c in store.select(ListCountsFact, lambda c: q.list_key in c.list_keys, year=year)
             if (hit := _count_for(c, q.list_key))]
    written = [(c, hit, m) for c, hit in found if (m := re.search(rf"(?<!\d){hit[1]}\s*(项|家|个|人|名)", c.quote))]
    if written:
        c, hit, unit = written[0]
        verb = "计划发布" if "计划" in c.quote else "设"
        return f"{year}年{hit[0]}{verb}{hit[1]}{unit.group(1)}{ctx.cite(c)}"
    if found:
        c, hit = found[0]
        return f"{year}年{hit[0]}设{hit[1]}项{ctx.cite(c)}"
    return ""


def answer_lists(ctx: Context) -> Reply | None:
    q, store = ctx.q, ctx.store
    if q.name_asked:
        named = list_names(ctx)
        if named is not None:
            # "21年叫什么名字，那年设了几项": the count that round planned, after its name.
            counted = _planned(ctx, q.years[0]) if q.years and COUNT_WORDS.search(q.text) else ""
            return Reply([*named.direct, counted], named.notes) if counted else named
    if re.search(r"领域|类别|赛道|方向", q.text):
        return answer_fields(ctx)
    picked = ctx.pick(ListsFact)
    if picked is None:
        return _lists_from_quotas(ctx) if ctx.own_notice else None
    year, in_year = picked
    f = in_year[0]
    note = ctx.year_note(year)
    if COUNT_WORDS.search(q.text) and q.list_key:
        counted = _planned(ctx, year)
        return Reply([counted + note]) if counted else None
    if store.is_original(f):
        direct = [f"{year}年共设置{cn_count(len(f.lists))}类榜单：{'、'.join(f.lists)}{ctx.cite(f)}{note}"]
    else:  # a society or a unit recommends for some of the round's lists; it sets none up
        direct = [f"{year}年组织推荐的榜单：{f.value or '、'.join(f.lists)}{ctx.cite(f)}{note}"]
    counts = store.select(ListCountsFact, year=year)
    if counts and counts[0].counts:
        direct.append("计划数量：" + "，".join(f"{k}{v}项" for k, v in counts[0].counts.items()) + ctx.cite(counts[0]))
    return Reply(direct)
