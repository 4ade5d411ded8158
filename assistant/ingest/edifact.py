"""A notice sent as an EDI message in UN/EDIFACT syntax ("UNA:+.? '", "BGM+通知+…'", "DTM+截止:20781102:102'",
"LIN+1++新锐企业榜'" with its "QTY+名额:6:个'", "NAD+联系单位+++…'" with "CTA+IC+:仇嘉禾'" and "COM+0662-…:TE'"):
each segment read as "qualifier：value" (a date in the format its code gives, as notices write dates), a
line item with the segments that follow it as one line ("新锐企业榜：名额：6个；本地条件：…"), a party with
its contact and communication segments as one contact line ("联系单位：…；联系人：…；电话：…；邮箱：…"). The
envelope (UNA, UNB, UNH, UNT, UNZ) goes, and so does an item whose status segment says it is void
("STS+作废'"). Separators come from the UNA service string when there is one; a released character
("?+", "?'", "?:") is text, its release mark not shown. Every value keeps its characters and their
place in the stored text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.copybook import VOID
from assistant.ingest.textmap import MappedText

SEGMENT_TAG = re.compile(r"[A-Z]{3}")
ENVELOPE = {"UNA", "UNB", "UNH", "UNT", "UNZ", "UNG", "UNE"}
ITEM_PARTS = {"QTY", "FTX", "STS", "PRI", "MEA", "DTM", "RFF", "PIA", "IMD"}  # what follows a line item is its own
PARTY_PARTS = {"CTA", "COM", "FTX", "RFF"}
# What a communication channel's code means (UN/EDIFACT 3155), and the contact function's (3139).
CHANNEL = {"TE": "电话", "EM": "邮箱", "FX": "传真", "AL": "手机", "MB": "手机", "AH": "网址", "TL": "电传"}
CONTACT = {"IC": "联系人", "CW": "联系人", "AD": "联系人", "PD": "联系人"}
MOBILE = re.compile(r"(?:\+?86[- ]?)?1[3-9]\d{9}")
DATE_CODE = {"137": "发文日期", "171": "参考日期", "2": "交付日期", "63": "截止日期", "64": "最早日期"}
MIN_SEGMENTS = 8
Piece = tuple[int, int] | str


@dataclass(frozen=True)
class _Syntax:
    component: str = ":"
    element: str = "+"
    release: str = "?"
    terminator: str = "'"


@dataclass(frozen=True)
class _Segment:
    tag: str
    elements: list[list[list[Piece]]]  # elements, each its components, each its pieces of text

    def value(self, element: int, component: int = 0) -> list[Piece]:
        if element < len(self.elements) and component < len(self.elements[element]):
            return self.elements[element][component]
        return []


def _syntax(text: str) -> _Syntax:
    if text.startswith("UNA") and len(text) >= 9:
        una = text[3:9]
        return _Syntax(component=una[0], element=una[1], release=una[3], terminator=una[5])
    return _Syntax()


def is_edifact(text: str) -> bool:
    """An interchange: UNA's service string or UNB's header first, and segments ending with the
    terminator one a line."""
    head = text.lstrip("\ufeff")[:3]
    if head not in ("UNA", "UNB", "UNH"):
        return False
    syntax = _syntax(text.lstrip("\ufeff"))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    segments = [ln for ln in lines if SEGMENT_TAG.match(ln) and ln.endswith(syntax.terminator)]
    return len(segments) >= MIN_SEGMENTS and len(segments) >= 0.8 * len(lines)


def _split(text: str, start: int, end: int, syntax: _Syntax) -> _Segment:
    """A segment's elements and components; a released character is text, its release mark left out."""
    elements: list[list[list[Piece]]] = [[[]]]
    run = start
    i = start

    def close(at: int) -> None:
        if at > run:
            elements[-1][-1].append((run, at))

    while i < end:
        ch = text[i]
        if ch == syntax.release and i + 1 < end:
            close(i)
            run = i + 1
            i += 2
            continue
        if ch in (syntax.element, syntax.component):
            close(i)
            if ch == syntax.element:
                elements.append([[]])
            else:
                elements[-1].append([])
            run = i + 1
        i += 1
    close(end)
    tag = text[start:start + 3]
    return _Segment(tag, elements[1:])


def _segments(text: str, syntax: _Syntax) -> list[_Segment]:
    out: list[_Segment] = []
    start = 0 if not text.startswith("UNA") else text.find("\n") + 1 or len(text)
    i = start
    while i < len(text):
        ch = text[i]
        if ch == syntax.release:
            i += 2
            continue
        if ch == syntax.terminator:
            seg_start = start
            while seg_start < i and text[seg_start] in " \t\r\n":
                seg_start += 1
            if SEGMENT_TAG.match(text, seg_start):
                out.append(_split(text, seg_start, i, syntax))
            start = i + 1
        i += 1
    return out


def _text(text: str, pieces: list[Piece]) -> str:
    return "".join(p if isinstance(p, str) else text[p[0]:p[1]] for p in pieces)


def _date(text: str, value: list[Piece], code: str) -> list[Piece]:
    """A date as its format code gives it (102 CCYYMMDD, 203 CCYYMMDDHHMM, 610 CCYYMM, 602 CCYY),
    written as notices write dates; anything else as it is."""
    raw = _text(text, value).strip()
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})?(\d{2})?(\d{2})?", raw)
    if m is None or code not in ("102", "203", "610", "602", ""):
        return value
    year, month, day, hour, minute = m.groups()
    said = f"{int(year)}年{int(month)}月" + (f"{int(day)}日" if day else "")
    if hour is not None and minute is not None:
        said += f"{hour}:{minute}"
    return [said]


def _label(text: str, segment: _Segment) -> str:
    qualifier = _text(text, segment.value(0)).strip()
    return DATE_CODE.get(qualifier, qualifier) if segment.tag == "DTM" else qualifier


def _said(text: str, segment: _Segment) -> list[Piece]:
    """A segment as "qualifier：value" (empty when it holds nothing a reader is told)."""
    if segment.tag == "DTM":
        label = _label(text, segment)
        value = _date(text, segment.value(0, 1), _text(text, segment.value(0, 2)).strip())
        return [label, "：", *value] if label and value else value
    if segment.tag == "QTY":
        label, amount, unit = segment.value(0, 0), segment.value(0, 1), segment.value(0, 2)
        return [*label, "：", *amount, *unit] if label else [*amount, *unit]
    if segment.tag == "COM":
        channel = _text(text, segment.value(0, 1)).strip()
        number = segment.value(0, 0)
        said = CHANNEL.get(channel, channel or "联系方式")
        if channel == "TE" and MOBILE.fullmatch(_text(text, number).strip()):
            said = "手机"  # (a telephone that is a mobile's number, as notices tell the two apart)
        return [said, "：", *number]
    if segment.tag == "CTA":
        role = _text(text, segment.value(0)).strip()
        name = segment.value(1, 1) or segment.value(1, 0)
        return [CONTACT.get(role, "联系人"), "：", *name] if name else []
    label = segment.value(0, 0)
    # (A bare code of one to three digits, "BGM+通知+…+9", is the message's function, nothing a reader is told.)
    values = [c for element in segment.elements[1:] for c in element
              if c and _text(text, c).strip() and not re.fullmatch(r"\d{1,3}", _text(text, c).strip())]
    if segment.tag == "RFF" and not values:
        label, values = segment.value(0, 0), [segment.value(0, 1)] if segment.value(0, 1) else []
    if not values:
        return []
    out: list[Piece] = [*label, "："] if label and not _text(text, label).isdigit() else []
    for n, value in enumerate(values):
        out += ([" "] if n else []) + value
    return out


def _group(text: str, head: _Segment, parts: list[_Segment]) -> list[Piece]:
    """A line item or a party with its segments, on one line."""
    if head.tag == "LIN":
        name = next((c for element in head.elements[1:] for c in element if c and not _text(text, c).isdigit()), [])
        line: list[Piece] = [*name, "："] if name else []
    else:
        line = _said(text, head)
    said = [s for s in (_said(text, p) for p in parts if p.tag != "STS") if s]
    # (A party's fields one record, as contact records are written: "…，联系人：…，电话：…".)
    mark = "；" if head.tag == "LIN" else "，"
    for n, s in enumerate(said):
        line += ([mark] if n or head.tag != "LIN" and line else []) + s
    return line


def edifact_text(mt: MappedText) -> MappedText:
    text = mt.text
    syntax = _syntax(text.lstrip("\ufeff"))
    segments = [s for s in _segments(text, syntax) if s.tag not in ENVELOPE]
    pieces: list[Piece] = []
    i = 0
    while i < len(segments):
        segment = segments[i]
        if segment.tag in ("LIN", "NAD"):
            own = ITEM_PARTS if segment.tag == "LIN" else PARTY_PARTS
            j = i + 1
            while j < len(segments) and segments[j].tag in own:
                j += 1
                if segments[j - 1].tag == "STS":
                    break  # (a status closes its item: what follows is the message's again)
            if segment.tag == "NAD":
                # A party's segments end with its last contact or phone: free text after them, or with
                # none, is the message's again.
                j = max((k + 1 for k in range(i + 1, j) if segments[k].tag in ("CTA", "COM")), default=i + 1)
            parts = segments[i + 1:j]
            void = any(p.tag == "STS" and VOID.search(_text(text, p.value(0))) for p in parts)
            if not void:
                line = _group(text, segment, parts)
                if line:
                    pieces += [*line, "\n"]
            i = j
            continue
        line = _said(text, segment)
        if line:
            pieces += [*line, "\n"]
        i += 1
    return mt.rearranged(0, len(text), pieces)
