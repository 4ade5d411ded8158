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
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.dates import cn_number
from assistant.ingest.textmap import MappedText

# What names the series or one of its lists ("科创中国", "榜单", "先导技术榜", "技术经理人先锋榜").
TOPIC = re.compile(r"科创中国|榜单|[\u4e00-\u9fff]{2,8}(?<!揭)(?<!光荣)(?<!排行)榜(?![样首眼挂])")
# Item openers, each a family: "信息一　…" (a label and its ordinal, the label repeated), "一、…", "1. …".
LABELLED = re.compile(r"^[ \t\u3000]*(?P<label>[\u4e00-\u9fff]{2,4}?)(?P<n>[一二三四五六七八九十]{1,3})(?=[ \t\u3000：:、])", re.M)
CHAPTER = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、．.]", re.M)
NUMBERED = re.compile(r"^[ \t\u3000]*\d{1,2}[.．、](?!\d)", re.M)
# A line of separator marks alone ("＊　＊　＊", "※※※"): the articles of an issue between them.
# (Rules of dashes, equals or box lines are a table's or a report's, a heading's underline: no separator.)
SEPARATOR = re.compile(r"^[ \t\u3000]*(?:[＊*※◆◇★☆●•][ \t\u3000]*){3,}$", re.M)
CONTENTS = re.compile(r"^[ \t\u3000]*(?:本期要目|本期目录|目录|要目|本期导读)[ \t\u3000]*$", re.M)
MIN_ITEMS = 3
# The issuer and the date signed below the last item: an organisation's name, a date (no number, no mailbox).
SIGN_OFF = re.compile(r"^(?:[\u4e00-\u9fff（）()]{2,30}(?:办公室|委员会|管委会|科协|学会|协会|研究会|研究院|大学|学院|集团|公司|中心|局|部|处)"
                      r"|(?:20\d{2}|二[〇○零一二三四五六七八九]{3})年[\d一二三四五六七八九十〇○]{1,3}月[\d一二三四五六七八九十〇○]{1,3}日)$")


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    topical: bool


def set_aside_other_items(mt: MappedText) -> MappedText:
    """The text without the items of a bundle that are about something else."""
    cuts = sorted((a, b) for a, b in _other_items(mt.text, 0, len(mt.text)) if a < b)
    if not cuts:
        return mt
    text, offsets, pos = [], [], 0  # (the kept ranges assembled once: a cut at a time copies the offsets each time)
    for start, end in cuts:
        start = max(start, pos)
        text.append(mt.text[pos:start])
        offsets += mt.offsets[pos:start]
        pos = max(pos, end)
    text.append(mt.text[pos:])
    offsets += mt.offsets[pos:]
    return MappedText("".join(text), offsets)


def _other_items(text: str, start: int, end: int, nested: bool = False) -> list[tuple[int, int]]:
    # (Numbered items only inside a chapter: at the top they are a notice's own list, "二、推荐名额 1. … 2. …".)
    openers = (LABELLED, CHAPTER, NUMBERED) if nested else (LABELLED, CHAPTER)
    for items in (_separated(text, start, end), *(_family(text, start, end, opener) for opener in openers)):
        if len(items) < MIN_ITEMS or not any(i.topical for i in items) or all(i.topical for i in items):
            continue
        if TOPIC.search(_before(text, start, items[0].start)):
            return []  # a notice about the lists (its title or lead-in names them), its sections each about part of it
        cuts = [(i.start, _before_sign_off(text, i)) for i in items if not i.topical and not _own_section(text, i)]
        for item in items:
            head = re.match(r"\s*([^\n]*)\n", text[item.start : item.end])  # the item's first line
            if item.topical and head and not TOPIC.search(head.group(1)):
                cuts += _other_items(text, item.start + head.end(), item.end, nested=True)
        return cuts
    return []


# A notice's own section by its heading ("三、时间安排", "四、联系方式"), not another matter's.
OWN_SECTION = re.compile(r"范围|名额|材料|时间|安排|联系|要求|条件|程序|流程|方式|说明|事项|注意|附件|步骤|报送|推荐|申报")
OWN_HEADING = 12  # characters: a longer first line is a task's or an article's own title


def _own_section(text: str, item: Item) -> bool:
    first = re.sub(r"^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*", "",
                   text[item.start : item.end].strip().split("\n", 1)[0])
    return len(first) <= OWN_HEADING and bool(OWN_SECTION.search(first))


def _before_sign_off(text: str, item: Item) -> int:
    """Where an item that runs to the end of the text ends: before the issuer and the date signed below
    the last item (the notice's own), never before the item's own start."""
    if text[item.end :].strip():
        return item.end
    lines = text[item.start : item.end].rstrip().split("\n")
    kept = len(lines)
    while kept > 1 and (not lines[kept - 1].strip() or SIGN_OFF.match(lines[kept - 1].strip())):
        kept -= 1
    return item.start + len("\n".join(lines[:kept]))


def _before(text: str, start: int, first: int) -> str:
    """What comes before the first item, a table of contents left out (it names every item)."""
    head = text[start:first]
    contents = CONTENTS.search(head)
    return head[: contents.start()] if contents else head


def _family(text: str, start: int, end: int, opener: re.Pattern[str]) -> list[Item]:
    """The items one family of openers starts (a labelled family: the label its most frequent)."""
    found = [m for m in opener.finditer(text, start, end)]
    if opener is LABELLED and found:
        label = Counter(m.group("label") for m in found).most_common(1)[0][0]
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
