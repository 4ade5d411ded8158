"""Where a notice's cross-references are read: "截止时间按本指南第二部分第（一）条第3项执行", "联系方式同第三部分
第（二）条", "名额分配见附件2" name the part of the same notice that holds the fact; the reader shows that
part after the sentence that points at it."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN = "一二三四五六七八九十"
REFERENCE = re.compile(
    r"(?:见|详见|按|参照)(?P<annex>附[件表]\s*\d{1,2})"
    rf"|(?:见|同|参照|详见)问(?P<question>\d{{1,2}})(?:第(?P<paragraph>[{CN}])段)?"
    rf"|(?:见|按|按照|依照|参照|同|详见)(?:本指南|本通知|本文件?|本办法|本方案)?的?(?=第)"
    rf"(?:第(?P<part>[{CN}]{{1,3}})部分)?(?:第[（(](?P<clause>[{CN}]{{1,3}})[)）]条?)?(?:第(?P<item>\d{{1,2}})项)?"
)
ITEM = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


@dataclass(frozen=True)
class Reference:
    text: str  # as written: "第二部分第（一）条第3项", "附件2", "问7第二段"
    headings: tuple[str, ...]  # what the headings it names start with: ("二、", "（一）") or ("附件2",); none for a question
    item: str  # the numbered item within them ("3"), if named
    question: str = ""  # a FAQ's question whose answer is meant ("同问10", "见问7第二段")
    paragraph: int = 0  # which paragraph of that answer, if named


def references(text: str) -> list[Reference]:
    """The parts of the same notice a passage points to."""
    found = []
    for m in REFERENCE.finditer(text):
        if m.group("question"):
            para = CN.index(m.group("paragraph")) + 1 if m.group("paragraph") else 0
            found.append(Reference(m.group(0), (), "", m.group("question"), para))
        elif m.group("annex"):
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
    if not ref.headings:
        return False  # (a question's answer is found by its line: answer_lines)
    if ref.headings[0].startswith("附"):
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


def answer_lines(ref: Reference, text: str) -> list[str]:
    """A FAQ's answer the reference names, from a passage's text: its paragraph named, else all of it
    ("答7：…" and the lines after it up to the next question)."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if re.match(rf"\s*答\s*{ref.question}\s*[：:]", line)), None)
    if at is None:
        return []
    answer = [lines[at]]
    for line in lines[at + 1 :]:
        if re.match(r"\s*问\s*\d", line) or not line.strip():
            break
        answer.append(line)
    return answer[ref.paragraph - 1 : ref.paragraph] if ref.paragraph else answer


def only_points(text: str) -> bool:
    """A line that says nothing but where to look ("答8：见问7第二段。", "答9：参照附表1。"): followed whatever is asked."""
    rest = REFERENCE.sub("", re.sub(r"^\s*答\s*\d{1,2}\s*[：:]", "", text))
    return bool(references(text)) and len(re.sub(r"[\W_]", "", rest)) <= 4

