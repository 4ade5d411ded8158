"""A bundle of items, one of them the call: a research office's weekly digest of several calls
("信息一 … 信息二 2085年“科创中国”系列榜单征集遴选 …"), a newsletter issue of several articles
between separator lines, a quarterly work plan of many tasks. The items about something else (another
call's deadline, a conference's phone) are not part of the notice: they are set aside as a page's
chrome is (kept in the original, out of the facts and the passages).

A text is read as a bundle only when what comes before its first item does not name the series (a
notice about the lists names them in its title; a digest's masthead and a work plan's title do not),
and only items that name neither the series nor any list are set aside. Inside an item about the
lists that does not name them in its own first line ("三、科技经济融合"), its own items are read the
same way ("5. 开展院士专家工作站年度绩效评估…" beside "6. 组织“科创中国”系列榜单推荐").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.dates import cn_number
from assistant.ingest.textmap import MappedText

# What names the series or one of its lists ("科创中国", "榜单", "先导技术榜", "技术经理人先锋榜").
TOPIC = re.compile(r"科创中国|榜单|[\u4e00-\u9fff]{2,8}榜(?![样首眼])")
# Item openers, each a family: "信息一　…" (a label and its ordinal, the label repeated), "一、…", "1. …".
LABELLED = re.compile(r"^[ \t\u3000]*(?P<label>[\u4e00-\u9fff]{2,4}?)(?P<n>[一二三四五六七八九十]{1,3})(?=[ \t\u3000：:、])", re.M)
CHAPTER = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、．.]", re.M)
NUMBERED = re.compile(r"^[ \t\u3000]*\d{1,2}[.．、](?!\d)", re.M)
# A line of separator marks alone ("＊　＊　＊", "※※※"): the articles of an issue between them.
# (Rules of dashes, equals or box lines are a table's or a report's, a heading's underline: no separator.)
SEPARATOR = re.compile(r"^[ \t\u3000]*(?:[＊*※◆◇★☆●•][ \t\u3000]*){3,}$", re.M)
CONTENTS = re.compile(r"^[ \t\u3000]*(?:本期要目|本期目录|目录|要目|本期导读)[ \t\u3000]*$", re.M)
MIN_ITEMS = 3
SIGN_OFF_LINE = 30


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    topical: bool


def set_aside_other_items(mt: MappedText) -> MappedText:
    """The text without the items of a bundle that are about something else."""
    cuts = _other_items(mt.text, 0, len(mt.text), nested=False)
    for start, end in sorted(cuts, reverse=True):
        mt = mt.without(start, end)
    return mt


def _other_items(text: str, start: int, end: int, nested: bool) -> list[tuple[int, int]]:
    for items in (_separated(text, start, end), *(_family(text, start, end, opener) for opener in (LABELLED, CHAPTER, NUMBERED))):
        if len(items) < MIN_ITEMS or not any(i.topical for i in items) or all(i.topical for i in items):
            continue
        if _names_topic(_before(text, start, items[0].start), nested):
            return []  # a notice about the lists, its sections each about part of it
        cuts = [(i.start, _before_sign_off(text, i.end)) for i in items if not i.topical]
        for item in items:
            head = re.match(r"\s*([^\n]*)\n", text[item.start : item.end])  # the item's first line
            if item.topical and head and not TOPIC.search(head.group(1)):
                cuts += _other_items(text, item.start + head.end(), item.end, nested=True)
        return cuts
    return []


def _before_sign_off(text: str, end: int) -> int:
    """Where an item that runs to the end of the text ends: before its closing run of short lines
    (the issuer and the date signed below the last item are the notice's own)."""
    if text[end:].strip():
        return end
    lines = text[:end].rstrip().split("\n")
    kept = len(lines)
    while kept > 0 and (not lines[kept - 1].strip() or (len(lines[kept - 1].strip()) <= SIGN_OFF_LINE and "。" not in lines[kept - 1])):
        kept -= 1
    return len("\n".join(lines[:kept]))


def _before(text: str, start: int, first: int) -> str:
    """What comes before the first item, a table of contents left out (it names every item)."""
    head = text[start:first]
    contents = CONTENTS.search(head)
    return head[: contents.start()] if contents else head


def _names_topic(head: str, nested: bool) -> bool:
    return not nested and bool(TOPIC.search(head))


def _family(text: str, start: int, end: int, opener: re.Pattern[str]) -> list[Item]:
    """The items one family of openers starts (a labelled family: the label its most frequent)."""
    found = [m for m in opener.finditer(text, start, end)]
    if opener is LABELLED and found:
        labels = [m.group("label") for m in found]
        label = max(set(labels), key=labels.count)
        found = [m for m in found if m.group("label") == label]
    # One chain of ordinals (5, 6, 7…): an item's own sub-items ("1. …" inside task 6) are not items of it.
    chain: list[re.Match[str]] = []
    for m in found:
        if not chain or _ordinal(m.group(0)) == _ordinal(chain[-1].group(0)) + 1:
            chain.append(m)
    return _items(text, [m.start() for m in chain], end)


def _ordinal(opener: str) -> int:
    numeral = re.search(r"\d+|[一二三四五六七八九十]+", opener)
    return (cn_number(numeral.group(0)) or 0) if numeral else 0


def _separated(text: str, start: int, end: int) -> list[Item]:
    """The articles between separator lines (what comes before the first separator is the masthead)."""
    marks = [m for m in SEPARATOR.finditer(text, start, end)]
    if len(marks) < 2:
        return []
    return _items(text, [m.end() for m in marks], end)


def _items(text: str, starts: list[int], end: int) -> list[Item]:
    bounds = [*starts, end]
    return [Item(a, b, bool(TOPIC.search(text, a, b))) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]
