"""Two or more years side by side: each year's answer, and what was added or dropped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer.rules.base import Context, Reply
from assistant.answer.rules.scope import notice_additions
from assistant.answer.understand import Query
from assistant.model import FieldsFact, Intent, ListsFact, PlatformFact

# What else a comparison may be of than the lists a round sets up ("推荐渠道多了哪些单位"): each
# year's sentence is read instead.
OTHER_SUBJECT = re.compile(r"渠道|推荐单位|条件|要求|材料|流程|程序|评审|方式|报送|形式")


def _sub_intent(ctx: Context) -> str:
    q = ctx.q
    if re.search(r"名额|上限|限额|不超过|推荐.{0,6}(?:几|多少)|(?:推|报)(?:几|多少)", q.text):
        return "quota"
    if q.person or re.search(r"联系|电话|邮箱|换人|负责人|哪位", q.text):  # (a person named: whose place it was)
        return "contact"
    if re.search(r"截止|时间|安排", q.text):
        return "deadline"
    if re.search(r"网址|网站|链接|平台", q.text):
        return "platform"
    if q.list_key and re.search(r"改名|更名|还有吗|还有没有|还设|还在吗|叫什么|名字|名称", q.text):
        return "name"
    if "领域" in q.text or (ctx.store.names.has_fields(q.list_key) and not q.ask):
        return "fields"
    if re.search(r"榜单|哪些榜|几类|设置|(?:多|少|新增)了?(?:哪些|什么)?榜", q.text) or not (q.list_key or OTHER_SUBJECT.search(q.text)):
        return "lists"
    return ""  # another fact of a list: each year's sentence, read (Assistant._compare_read)


def answer_compare(ctx: Context, answer_for: Callable[[Query], Reply | None]) -> Reply | None:
    q = ctx.q
    if len(q.years) < 2:
        # One round, a unit's notice set beside the call it passes on: what it adds of its own.
        return notice_additions(q, ctx.store, ctx.citer, ctx.today) if q.notice_ids else None
    sub = _sub_intent(ctx)
    if not sub:
        return None
    if sub == "name":
        return _names_by_year(ctx)
    parts: list[str] = []
    sets: list[tuple[int, list[str]]] = []
    families: dict[str, str] = {}  # a list's name -> its family (a renamed list keeps the old one's)
    for y in q.years:
        one = replace(q, years=[y], intent=Intent.LISTS if sub in ("fields", "lists") else Intent(sub), compare=False)
        if sub == "fields" and "领域" not in q.text:
            one.text = q.text + "领域"
        reply = answer_for(one)
        if reply is None:
            parts.append(f"{y}年：通知中未找到相关信息。")
            continue
        parts.append("\n".join(reply.lines()))
        if sub == "fields":
            fact = next(iter(ctx.store.select(FieldsFact, ctx.matches_list, year=y)), None)
            if fact:
                sets.append((y, fact.fields))
        elif sub == "lists":
            # The round's whole set: the sentence naming most lists (a unit recommends for some of them).
            lists = max(ctx.store.select(ListsFact, ctx.matches_list, year=y), key=lambda f: len(f.lists), default=None)
            if lists:
                sets.append((y, lists.lists))
                families.update(zip(lists.lists, lists.list_keys, strict=True))
        elif sub == "platform":
            site = next(iter(ctx.store.select(PlatformFact, year=y)), None)
            if site:
                sets.append((y, [site.host or site.value]))
    if sub == "platform" and len(sets) >= 2:
        same = len({tuple(v) for _, v in sets}) == 1
        years = "、".join(f"{y}年" for y, _ in sets)
        parts.insert(0, f"{years}的申报平台网址{'相同' if same else '不同'}。")
    elif len(sets) >= 2:
        # The later round against the earlier, whichever order the question names them in.
        (y1, a), (y2, b) = min(sets), max(sets)
        # A list of the same family under another name was renamed, not dropped and added.
        renamed = [(old, new) for new in b if new not in a
                   for old in a if old not in b and families.get(old, old) == families.get(new, new)]
        moved = {name for pair in renamed for name in pair}
        added = [x for x in b if x not in a and x not in moved]
        removed = [x for x in a if x not in b and x not in moved]
        summary = f"从{y1}年到{y2}年："
        summary += f"新增{'、'.join(added)}" if added else "无新增"
        summary += "".join(f"；{old}更名为{new}" for old, new in renamed)
        summary += f"；不再设{'、'.join(removed)}" if removed else "；无删减"
        if sub == "lists" and not q.list_key:
            summary += _fields_changed(ctx, y1, y2)  # "有啥变化": a list's fields changed too
        parts.insert(0, summary + "。")
    return Reply(parts)


def _fields_changed(ctx: Context, y1: int, y2: int) -> str:
    """"；先导技术榜领域新增人工智能": the fields each fielded list gained or lost between two rounds."""
    def fields(key: str, y: int) -> list[str]:
        found = ctx.store.select(FieldsFact, lambda f: key in f.list_keys, year=y)
        return max((f.fields for f in found), key=len, default=[])

    said = []
    for key in ctx.store.names.fielded_lists:
        before, after = fields(key, y1), fields(key, y2)
        if not before or not after:
            continue
        gained = [f for f in after if f not in before]
        lost = [f for f in before if f not in after]
        if gained or lost:
            said.append(f"；{key}领域" + (f"新增{'、'.join(gained)}" if gained else "") + ("，" if gained and lost else "")
                        + (f"不再设{'、'.join(lost)}" if lost else ""))
    return "".join(said)


def _names_by_year(ctx: Context) -> Reply | None:
    """"21年的产学研融通组织榜今年还有吗？是不是改名了": the list's name in each round, or that the
    round does not set it up; a different name is the list renamed."""
    q = ctx.q
    lines: list[str] = []
    named: list[tuple[int, str]] = []
    read = 0  # rounds whose lists are known
    for y in sorted(q.years):
        fact = next(iter(ctx.store.select(ListsFact, year=y)), None)
        if fact is None:
            lines.append(f"{y}年：通知中未找到榜单设置。")
            continue
        read += 1
        name = next((n for n, k in zip(fact.lists, fact.list_keys, strict=True) if k == q.list_key), None)
        lines.append(f"{y}年：{'设' + name if name else '未设该榜'}{ctx.cite(fact)}")
        if name:
            named.append((y, name))
    if read < 2:
        return None
    latest = max(q.years)
    if named and named[-1][0] != latest:
        lines.insert(0, f"{latest}年未设{named[-1][1]}。")
    elif len(named) >= 2 and named[0][1] != named[-1][1]:
        lines.insert(0, f"{named[0][0]}年的{named[0][1]}在{named[-1][0]}年名为{named[-1][1]}。")
    elif len(named) >= 2:
        lines.insert(0, f"{named[-1][0]}年仍设{named[-1][1]}，名称未变。")
    return Reply(lines)
