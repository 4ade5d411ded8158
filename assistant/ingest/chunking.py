"""Structure-aware chunks: one per smallest section, with its heading path and spans."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from assistant.ingest.dates import cn_number
from assistant.ingest.headings import marked_levels
from assistant.ingest.notices import (
    DECIMAL,
    FORM_TITLE,
    LABEL,
    RULE_DRAWN,
    Notice,
    heading_level,
    outline_level,
    outlined,
)
from assistant.ingest.textmap import CELL, header_like

MAX_CHARS = 520
BOXED_MAX = 20  # a heading boxed by drawn rules is short

PREAMBLE = "（标题与正文开头）"
ATTACHMENT_LIST = re.compile(r"^附件\s*[:：]")


@dataclass
class Line:
    start: int  # offsets in the clean text
    end: int
    text: str


@dataclass
class Section:
    path: list[str]
    lines: list[Line] = field(default_factory=list)


@dataclass
class Chunk:
    id: str
    notice_id: str
    year: int | None
    path: list[str]
    start: int  # clean-text span
    end: int
    orig_start: int  # original-file span
    orig_end: int
    text: str
    # The header row of the table the chunk starts inside (cut from its rows by the chunk's size):
    # what its first rows' cells mean.
    table_header: str = ""

    @property
    def section(self) -> str:
        return " > ".join(self.path)

    def index_text(self) -> str:
        """What the retrievers see: the heading path keeps short sections findable."""
        return f"{self.section}\n{self.text}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Chunk:
        return cls(**data)  # type: ignore[arg-type]


def iter_lines(text: str) -> Iterator[Line]:
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


def sections(notice: Notice) -> list[Section]:
    """Split a notice on its official heading levels; attachments restart the hierarchy."""
    result: list[Section] = [Section([PREAMBLE])]
    stack: list[tuple[float, str]] = []
    in_attachment = False
    in_attachment_list = False  # "附件：1. …  2. …" lists attachments; its items are not headings
    lines = list(iter_lines(notice.text))
    decimal = outlined(line.text for line in lines)
    marked = marked_levels(notice)  # the levels the markup gave lines the numbering does not
    last_top: int | None = None  # the number of the last "一、" heading
    i = 0
    while i < len(lines):
        line = lines[i]
        level: float | None = heading_level(line.text)
        if level is None and line.start in marked and not in_attachment_list:
            level = marked[line.start]
        if level is None and _next_sibling(line.text, last_top):
            level = 1  # "二、" after the heading "一、": a heading however long its words (a form's section prompt)
        if level == 1 and (m := TOP_NUMBER.match(line.text)):
            last_top = cn_number(m.group(1))
        elif level == 0:
            last_top = None  # an attachment numbers its own parts
        if decimal and DECIMAL.match(line.text):
            # A Word outline numbered 1 / 1.1 / 1.1.1: a short numbered title heads its level's part.
            level = outline_level(line.text)
        title = line.text
        if ATTACHMENT_LIST.match(line.text):
            in_attachment_list = True
        elif level is not None and level <= 2:
            in_attachment_list = False
        if in_attachment_list and level is not None and level >= 3:
            level = None
        if level == 0:
            in_attachment = True
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and heading_level(nxt.text) is None and len(nxt.text) <= 90:
                # A long title carries a note in brackets: "申报样表(以下表单仅为样表…)"
                short = re.split(r"[（(]", nxt.text)[0] if len(nxt.text) > 40 else nxt.text
                title = f"{line.text} {short or nxt.text}"
                i += 1  # the attachment's title line belongs to its heading
        elif level is None and in_attachment and " | " not in line.text and FORM_TITLE.search(line.text) and len(line.text) <= 50:
            level = 0.5
        elif level is None and _boxed(lines, i):
            level = 1  # "━━━ / 准 备 材 料 / ━━━": a poster's or a slide's heading between drawn rules
        if level is None:
            result[-1].lines.append(line)
        else:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            heading_line = Line(line.start, lines[i].end, title) if title != line.text else line
            result.append(Section([t for _, t in stack], [heading_line]))
        i += 1
    return [s for s in result if s.lines]


TOP_NUMBER = re.compile(r"^([一二三四五六七八九十]{1,3})[、．.]")


def _next_sibling(text: str, last: int | None) -> bool:
    """A line numbered as the next of the top-level headings ("二、" after "一、"), no sentence in it."""
    m = TOP_NUMBER.match(text)
    return last is not None and m is not None and cn_number(m.group(1)) == last + 1 and "。" not in text


def _boxed(lines: list[Line], i: int) -> bool:
    """A short line with a drawn rule right above and right below it."""
    return 0 < i < len(lines) - 1 and len(lines[i].text) <= BOXED_MAX and bool(RULE_DRAWN.fullmatch(lines[i - 1].text)) \
        and bool(RULE_DRAWN.fullmatch(lines[i + 1].text))


def _chunk_id(notice_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{notice_id}:{start}:{end}".encode()).hexdigest()[:16]


def chunk_notice(notice: Notice, max_chars: int = MAX_CHARS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in sections(notice):
        group: list[Line] = []
        size = 0
        header = ""
        for line in section.lines:
            if group and size + len(line.text) > max_chars:
                cut = _cut_point(group)
                chunks.append(_make_chunk(notice, section.path, group[:cut], header))
                header = _table_header(group[:cut], header) if cut < len(group) else _table_header(group, header)
                group = group[cut:]
                size = sum(len(g.text) + 1 for g in group)
            group.append(line)
            size += len(line.text) + 1
        if group:
            chunks.append(_make_chunk(notice, section.path, group, header))
    return chunks


def _table_header(lines: list[Line], carried: str) -> str:
    """The header row of the table the lines end inside: the last header-like row with only rows
    after it (the one carried in when all of them are rows), else none."""
    for line in reversed(lines):
        if CELL not in line.text and "\t" not in line.text:
            return ""
        if header_like(line.text):
            return line.text
    return carried


# A chatbot's or a knowledge base's entry: the wordings users ask it by under one label ("示例问法：",
# "相似问题："), the reply under another ("标准答复：…"); one passage holds both.
WORDINGS_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:问法|问题|提问|问句)\s*[：:]\s*$")
REPLY_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:答复|回答|答案|解答|回复)\s*[：:]\s*(?P<said>.*)$")


def _cut_point(group: list[Line]) -> int:
    """Cut before the last block header ("中国科协…联合体（…领域）" above its 联系人 lines) so that
    a contact block is never split from its header, or before an entry's wordings whose reply has not
    come yet; else cut at the end."""
    worded = max((j for j, line in enumerate(group) if WORDINGS_LABEL.match(line.text)), default=0)
    if worded and not any(REPLY_LABEL.match(line.text) for line in group[worded:]):
        return worded
    for j in range(len(group) - 1, 0, -1):
        if not LABEL.match(group[j].text) and j + 1 < len(group) and LABEL.match(group[j + 1].text):
            return j
    return len(group)


def _make_chunk(notice: Notice, path: list[str], group: list[Line], header: str = "") -> Chunk:
    start, end = group[0].start, group[-1].end
    orig_start, orig_end = notice.original_span(start, end)
    return Chunk(
        id=_chunk_id(notice.id, orig_start, orig_end),
        notice_id=notice.id,
        year=notice.year,
        path=list(path),
        start=start,
        end=end,
        orig_start=orig_start,
        orig_end=orig_end,
        text=notice.text[start:end],
        table_header=header if group and (CELL in group[0].text or "\t" in group[0].text) else "",
    )
