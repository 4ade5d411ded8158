"""The round: which lists a year has (with planned counts) and the fields of each list."""

from __future__ import annotations

import re

from assistant.ingest.chunking import PREAMBLE
from assistant.ingest.facts.common import Span, clauses, find_list_names, make_fact
from assistant.ingest.notices import CJK, Notice, heading_level
from assistant.model import Fact, FieldsFact, ListCountsFact, ListsFact

SETUP_HEADING = re.compile(r"榜单设置|榜单类别|设置|(?:申报|推荐|征集)(?:榜单|范围)")
ORGANISED_HEADING = re.compile(r"(?:院内|校内|所内|会内|本院|本校|本会|我院|我校|我会|学会|学校)(?:统一)?(?:组织|推荐|申报)(?:推荐|申报)?的?榜单")
NOT_ORGANISED = re.compile(r"不(?:组织|推荐|受理|申报)|(?:通过|经|向)(?:所在地|当地|其他|有关|所在)[^，,。；;]{0,8}(?:申报|推荐)|另行(?:通知|组织)")
# "推荐榜单：先导技术榜、新锐企业榜" (a 【推荐榜单】 label) in a notice with no such section.
# "1. 榜单：先导技术榜（…）、新锐企业榜…": the same label as an item of a list of points, when it names
# several lists (a record's "榜单：先导技术榜（电子信息领域）" names the one it is about).
SETUP_LABEL = re.compile(r"^(?:\d{1,2}\s*[.．、]\s*)?(?:(?:申报|推荐|征集)(?:榜单|范围)|榜单(?=[：:][^。]*?榜[^、。]*?、[^。]*?榜))[：:]")
COUNT = re.compile(rf"[“\"]?([{CJK}]{{2,14}}榜)[”\"]?(?:[（(][^）)]*[）)])?\s*(\d+)\s*项")
ENUM_FIELDS = re.compile(
    rf"(?:设|在|分为|包括|聚焦|围绕|涵盖|覆盖|面向|组织)((?:[{CJK}]{{2,8}}、)+[{CJK}]{{2,8}}?)\s*(?:等|[一二两三四五六七八九十\d]+个(?:类别|领域|方向|赛道))"
)
# A sentence setting up the round's lists, wherever it stands: "今年设先导技术榜、新锐企业榜…".
SETS_UP = re.compile(r"(?:设|设置|共设|设立|包括)[^，,。；;]{0,8}?[“\"]?[\u4e00-\u9fff]{2,10}榜[”\"]?[、，,]"
                     # "榜单共五类：1. 先导技术榜…；2. 新锐企业榜；…": the count announced, the lists after it
                     r"|(?:共|分为)[一二三四五六七八九十\d]+类(?:榜单)?[：:]\s*(?:\d{1,2}[.．、]\s*)?[“\"]?[\u4e00-\u9fff]{2,10}榜")
# "（一）先导技术榜。聚焦…，计划发布60项。": a planned count in the sentence after the list's name.
PLANNED = re.compile(r"计划(?:发布|遴选|推出)\s*(\d+)\s*(?:项|家|个|人|名)")
SPECIAL_FIELD = re.compile(rf"和([{CJK}]{{2,8}}?)(?:[一二三四五六七八九十\d]+个)?专项领域")


def _bare(name: str) -> str:
    """"先导技术榜单" → "先导技术榜"."""
    return re.sub(r"榜单$", "榜", name)


# "2038年“科创中国”系列榜单共五类：" on its own line, the lists numbered on the lines after it.
ANNOUNCED_LISTS = re.compile(r"(?:共|分为)[一二三四五六七八九十\d]+类(?:榜单)?[：:]\s*$")
ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}、|[-•·*])")


def _announced_block(notice: Notice) -> list[Span]:
    """The lines from a line announcing the lists ("…共五类：") to the last numbered item naming a
    list after it, as one passage."""
    found = list(clauses(notice, "。"))
    for i, head in enumerate(found):
        if not ANNOUNCED_LISTS.search(head.text):
            continue
        items = []
        for line in found[i + 1 : i + 12]:
            if not (ITEM_MARK.match(line.text) and find_list_names(line.text)):
                break
            items.append(line)
        if len(items) >= 2:
            return [Span(head.start, items[-1].end, notice.text[head.start : items[-1].end], head.section)]
    return []


def _setup_spans(notice: Notice) -> list[Span]:
    # A unit's own section on the lists it organises ("二、院内组织的榜单") over its restatement of the
    # round's ("一、2078年榜单设置"), without the lists it says it does not organise.
    own = [s for s in clauses(notice, "。") if s.section.path and ORGANISED_HEADING.search(s.section.path[0])
           and not NOT_ORGANISED.search(s.text)]
    if any(find_list_names(s.text) for s in own):
        return own
    spans = [s for s in clauses(notice, "。") if s.section.path and SETUP_HEADING.search(s.section.path[0])]
    spans = spans or [s for s in clauses(notice, "。") if SETUP_LABEL.match(s.text)]
    if not spans:
        # No such section or label (a report, a chat, a service guide): the sentences anywhere that set
        # up the round's lists ("今年设先导技术榜、新锐企业榜…") and the fields of one of them.
        spans = [s for s in clauses(notice, "。")
                 if SETS_UP.search(s.text) and len(find_list_names(s.text)) >= 2
                 or ENUM_FIELDS.search(s.text) and "领域" in s.text and "榜" in s.text][:4]
    spans = spans or _announced_block(notice)
    if not spans:  # no 榜单设置 section: the title and opening carry the list
        spans = [s for s in clauses(notice, "。") if s.section.path == [PREAMBLE]][:3]
    return spans


# Lists marked as organised (★, ✓, √, ☑) or not (☆, ×, ✗, ☐) on their own line or in a table row.
MARK_YES = re.compile(r"[★✓✔√☑]")
MARK_NO = re.compile(r"[☆×✗✘☐]")


def _item(line: str, name: str) -> str:
    """A marked line as the list it names, with its qualifier: "★ 先导技术榜（装备制造领域）——…" or a
    table row "| 先导技术榜 | 电子信息 | ✓ | 1项 |" -> "先导技术榜（电子信息）"."""
    if "|" in line:
        cells = [c.strip() for c in line.strip(" |").split("|")]
        at = next((i for i, c in enumerate(cells) if MARK_YES.search(c)), len(cells))
        before = [c for c in cells[:at] if c and not re.fullmatch(r"[—\-–]+", c)]
        return before[0] + (f"（{'、'.join(before[1:])}）" if len(before) > 1 else "") if before else name
    item = re.split(r"——|--|，|,", MARK_YES.sub("", line).strip())[0].strip()
    return item if item.startswith(name) else name


BOXED_NAME = re.compile(r"\s*[“\"]?([\u4e00-\u9fff]{2,12}?榜)")


def _item_name(name: str) -> bool:
    """A box's item that is a list's name (a new list's too), not a legend's words ("为今年组织推荐的榜")."""
    return not name.startswith(("为", "是", "表示", "指")) and "的" not in name


def _marked_items(line: str) -> list[tuple[str, str]]:
    """Each mark of a line with what follows it up to the next mark."""
    marks = list(re.finditer(f"{MARK_YES.pattern}|{MARK_NO.pattern}", line))
    ends = [m.start() for m in marks[1:]] + [len(line)]
    return [(m.group(0), line[m.end() : end]) for m, end in zip(marks, ends, strict=True)]


def _marked_lists(notice: Notice) -> tuple[list[str], list[str], Span | None]:
    """The lists a notice marks as organised, in order, each item as written ("先导技术榜（装备制造领域）"),
    and the passage from the first to the last line marking one; a list only ever marked as not
    organised is left out. Empty when the notice marks none."""
    yes: list[str] = []
    items: list[str] = []
    lines: list[Span] = []
    for span in clauses(notice, "\n"):
        marked_yes, marked_no = MARK_YES.search(span.text), MARK_NO.search(span.text)
        if not (marked_yes or marked_no):
            continue
        if marked_yes and marked_no:
            # A form's boxes, some ticked ("☑ 先导技术榜 | ☐ 技术经理人先锋榜"): the ticked ones; a legend
            # ("★为…，☆为…") names no list after its marks and marks nothing.
            # (the item is the name right after its box)
            listed = find_list_names(span.text)  # (a legend, "★为今年组织推荐的榜单", names none)
            names = [_bare(m.group(1)) for mark, said in _marked_items(span.text)
                     if MARK_YES.match(mark) and (m := BOXED_NAME.match(said)) and (m.group(1) in listed or _item_name(m.group(1)))
                     and not m.group(1).startswith(("系列", "科创中国"))]
        else:
            names = [_bare(n) for n in find_list_names(span.text) if not n.startswith(("系列", "科创中国"))]
        if not names or not marked_yes:
            continue
        yes += [n for n in names if n not in yes]
        items += names if marked_no else [_item(span.text, names[0])]  # (a row of boxes: each ticked one)
        lines.append(span)
    if not lines:
        return [], [], None
    first, last = lines[0], lines[-1]
    block = Span(first.start, last.end, notice.text[first.start : last.end], first.section)
    return yes, list(dict.fromkeys(items)), block


def extract_lists(notice: Notice, renamed: list[str] | None = None) -> list[Fact]:
    """The lists a notice sets up (and their counts), its fields; `renamed`: names the notice says
    lists were renamed to, which are list names wherever it writes them."""
    facts: list[Fact] = []
    marked, items, block = _marked_lists(notice)
    if marked and block is not None:
        # "★ 新锐企业榜 / ☆ 技术经理人先锋榜": the marks say which lists this notice organises.
        facts.append(make_fact(notice, ListsFact, block, value="、".join(items), lists=marked, counts={}, total=None))
    spans = _setup_spans(notice)
    names: list[str] = []
    quote_span: Span | None = None
    for span in spans:
        found = [n for n in find_list_names(span.text, renamed) if not n.startswith(("系列", "科创中国"))]
        found = [_bare(n) for n in found]
        if (found or (len(spans) > 1 and span is spans[1])) and quote_span is None and heading_level(span.text) is None:
            quote_span = span
        names += [n for n in found if n not in names]
    if not names:
        title_names = [_bare(n) for n in find_list_names(notice.title)]
        names = [n for n in title_names if not n.startswith(("系列", "科创中国"))]
        quote_span = next((s for s in spans if heading_level(s.text) is None), None)
    if not names or quote_span is None:
        return facts
    counts: dict[str, int] = {}
    current = ""  # the list the setup section last named
    for span in spans:
        named = [bare for n in find_list_names(span.text, names) if (bare := _bare(n)) in names]
        for m in COUNT.finditer(span.text):
            counts[m.group(1)] = int(m.group(2))
        planned = PLANNED.search(span.text)
        if planned and len(named) <= 1 and (named or current) and not COUNT.search(span.text):
            counts[named[0] if named else current] = int(planned.group(1))
        current = named[-1] if len(named) == 1 else ("" if named else current)
    total = None
    for span in spans:
        m = re.search(r"共(?:发布)?\s*(\d+)\s*项", span.text)
        if m and not counts:
            total = int(m.group(1))
    if total is not None and len(names) == 1:
        counts[names[0]] = total
    if not marked:
        facts.append(make_fact(notice, ListsFact, quote_span, value="、".join(names), lists=names, counts=counts, total=total))
    for span in spans:
        if COUNT.search(span.text) or PLANNED.search(span.text) or re.search(r"共(?:发布)?\s*\d+\s*项", span.text):
            facts.append(make_fact(notice, ListCountsFact, span, value=str(counts), lists=list(counts), counts=counts, total=total))
    facts.extend(_extract_fields(notice, spans, names))
    return facts


def _extract_fields(notice: Notice, spans: list[Span], names: list[str]) -> list[Fact]:
    facts = []
    for span in spans:
        m = ENUM_FIELDS.search(span.text)
        if not m:
            continue
        fields = [f.strip() for f in m.group(1).split("、") if f.strip()]
        special = SPECIAL_FIELD.search(span.text)
        special_fields = [special.group(1)] if special else []
        # The list named last before the fields owns them ("重点组织新锐企业榜…；先导技术榜只组织人工智能、
        # 电子信息两个领域"), else the first named.
        before = find_list_names(span.text[: m.start()], names)
        owner = [_bare(n) for n in (before[-1:] or find_list_names(span.text, names)) if not n.startswith(("系列", "科创中国"))]
        lists = owner[:1] or names[:1]
        facts.append(
            make_fact(
                notice,
                FieldsFact,
                span,
                value="、".join(fields + special_fields),
                lists=lists,
                fields=fields + special_fields,
                industry=fields, special=special_fields,
            )
        )
    return facts
