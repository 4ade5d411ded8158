"""Where a notice's cross-references are read: "截止时间按本指南第二部分第（一）条第3项执行", "联系方式同第三部分
第（二）条", "名额分配见附件2" name the part of the same notice that holds the fact; the reader shows that
part after the sentence that points at it."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN = "一二三四五六七八九十"
REFERENCE = re.compile(
    r"(?:见|详见|按)(?P<annex>附件\s*\d{1,2})"
    rf"|(?:见|按|按照|依照|参照|同|详见)(?:本指南|本通知|本文件?|本办法|本方案)?的?(?=第)"
    rf"(?:第(?P<part>[{CN}]{{1,3}})部分)?(?:第[（(](?P<clause>[{CN}]{{1,3}})[)）]条?)?(?:第(?P<item>\d{{1,2}})项)?"
)
ITEM = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


@dataclass(frozen=True)
class Reference:
    text: str  # as written: "第二部分第（一）条第3项", "附件2"
    headings: tuple[str, ...]  # what the headings it names start with: ("二、", "（一）") or ("附件2",)
    item: str  # the numbered item within them ("3"), if named


def references(text: str) -> list[Reference]:
    """The parts of the same notice a passage points to."""
    found = []
    for m in REFERENCE.finditer(text):
        if m.group("annex"):
            found.append(Reference(m.group("annex"), (re.sub(r"\s+", "", m.group("annex")),), ""))
        elif m.group("part") or m.group("clause"):
            heads = tuple(h for h in (f"{m.group('part')}、" if m.group("part") else "",
                                      f"（{m.group('clause')}）" if m.group("clause") else "") if h)
            found.append(Reference(m.group(0), heads, m.group("item") or ""))
    return found


def _normal(heading: str) -> str:
    return re.sub(r"\s+", "", heading).replace("(", "（").replace(")", "）")


def names_section(ref: Reference, path: list[str]) -> bool:
    """Whether a passage's headings are the part the reference names: each named heading in turn, the
    first at the top (a clause alone, "同第（二）条", at any depth below the top)."""
    heads = [_normal(h) for h in path]
    if ref.headings[0].startswith("附件"):
        return bool(heads) and heads[0].startswith(ref.headings[0])
    if ref.headings[0].endswith("、"):
        return len(heads) >= len(ref.headings) and all(h.startswith(want) for h, want in zip(heads, ref.headings, strict=False))
    return any(h.startswith(ref.headings[0]) for h in heads[1:])


def item_line(ref: Reference, line: str) -> bool:
    """Whether a line is the numbered item the reference names (any line when it names none)."""
    if not ref.item:
        return True
    m = ITEM.match(line)
    return bool(m) and m.group(1) == ref.item
