"""Text with a map from every character back to its offset in the original file.

Cleaning rewrites the text many times; each rewrite goes through `MappedText.sub`, so a span of
the clean text can always be turned into the span of the original it came from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

Replacement = str | Callable[[re.Match[str]], str]


@dataclass
class MappedText:
    text: str
    offsets: list[int]  # offsets[i] = index in the original of text[i]

    @classmethod
    def of(cls, original: str) -> MappedText:
        return cls(original, list(range(len(original))))

    def _at(self, i: int) -> int:
        """The original offset a new character placed at text[i] maps to (past the end: the end)."""
        return self.offsets[i] if i < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)

    def sub(self, pattern: str | re.Pattern[str], repl: Replacement, flags: int = 0) -> MappedText:
        regex = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        out: list[str] = []
        offs: list[int] = []
        pos = 0
        for m in regex.finditer(self.text):
            out.append(self.text[pos : m.start()])
            offs.extend(self.offsets[pos : m.start()])
            new = repl(m) if callable(repl) else m.expand(repl)
            # A replacement char maps to the matched char at the same position, or the match's last one.
            last = max(m.end() - 1, m.start())
            for i in range(len(new)):
                src = min(m.start() + i, last)
                offs.append(self._at(src))
            out.append(new)
            pos = m.end()
        out.append(self.text[pos:])
        offs.extend(self.offsets[pos:])
        return MappedText("".join(out), offs)

    def splice(self, cuts: list[tuple[int, int, str]]) -> MappedText:
        """The text with each text[start:end] replaced by its new text (cuts in order, not
        overlapping); a new character maps to where its cut starts."""
        out: list[str] = []
        offs: list[int] = []
        pos = 0
        for start, end, new in cuts:
            out.append(self.text[pos:start])
            offs.extend(self.offsets[pos:start])
            out.append(new)
            offs.extend([self._at(start)] * len(new))
            pos = end
        out.append(self.text[pos:])
        offs.extend(self.offsets[pos:])
        return MappedText("".join(out), offs)

    def rearranged(self, start: int, end: int, parts: list[tuple[int, int] | str]) -> MappedText:
        """The text with text[start:end] replaced by `parts` in order: a span (a, b) of the text keeps
        its characters and their offsets (so pieces may come in another order), a string maps to
        where the region starts."""
        out, offs = [self.text[:start]], self.offsets[:start]
        anchor = self._at(start)
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                offs.extend([anchor] * len(part))
            else:
                out.append(self.text[part[0]:part[1]])
                offs.extend(self.offsets[part[0]:part[1]])
        out.append(self.text[end:])
        offs.extend(self.offsets[end:])
        return MappedText("".join(out), offs)

    def without(self, start: int, end: int) -> MappedText:
        """The text with text[start:end] left out (what remains keeps its offsets)."""
        return MappedText(self.text[:start] + self.text[end:], self.offsets[:start] + self.offsets[end:])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that clean text[start:end] came from."""
        if not self.offsets or start >= end:
            return (0, 0)
        end = min(end, len(self.offsets))
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def source_pieces(self, original: str, start: int, end: int) -> list[str]:
        """The runs of clean text[start:end] that are the original's own characters in order, what a
        reading wrote between them ("名额：", a line break) left out: a record gathered from a data
        file's scattered values quoted as its values ("新锐企业榜 | 6家"), each verbatim."""
        pieces: list[str] = []
        run = ""
        last = -2
        for i in range(start, min(end, len(self.offsets))):
            at, ch = self.offsets[i], self.text[i]
            own = at < len(original) and original[at] == ch
            if own and at == last + 1 and run:
                run += ch
            else:
                if run.strip():
                    pieces.append(run.strip())
                run = ch if own else ""
            last = at if own else -2
        if run.strip():
            pieces.append(run.strip())
        return pieces


def joined_lines(parts: list[MappedText]) -> MappedText:
    """Texts read apart (a dump's files, a form's fields) one after another: each without its blank lines at
    either end, a line break between two (mapped to where the one before ends), a blank one left out."""
    text: list[str] = []
    offsets: list[int] = []
    for part in (p for p in parts if p.text.strip()):
        if text:
            text.append("\n")
            offsets.append(offsets[-1])
        kept = part.text.strip("\n")
        lead = len(part.text) - len(part.text.lstrip("\n"))
        text.append(kept)
        offsets.extend(part.offsets[lead : lead + len(kept)])
    return MappedText("".join(text), offsets)


def disjoint(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cuts in order for `MappedText.splice`, one that starts inside the one before left out (a remark's
    mark inside a statement set aside, a font escape inside a request's line)."""
    out: list[tuple[int, int, str]] = []
    for start, end, new in sorted(cuts, key=lambda c: (c[0], -c[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end, new))
    return out


@dataclass(frozen=True)
class TextLine:
    """A line of a text, with where it starts (the readers of a layout walk lines and rewrite spans)."""

    start: int  # offset of its first character in the text
    text: str

    @property
    def end(self) -> int:  # (its newline not included)
        return self.start + len(self.text)

    @property
    def bare(self) -> str:
        return self.text.strip()


def text_lines(text: str) -> list[TextLine]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(TextLine(pos, raw))
        pos += len(raw) + 1
    return lines


_PUNCT_CATS = ("P", "S", "Z", "C")


@cache
def _simplified_table() -> dict[int, str]:
    """Traditional characters and their Simplified forms, those that map one to one (zhconv's table)."""
    from zhconv import zhconv

    zhconv.loaddict()
    return str.maketrans({k: v for k, v in zhconv.zhcdicts["zh2Hans"].items() if len(k) == 1 and len(v) == 1})


def simplified(s: str) -> str:
    """The text in Simplified characters, character for character (offsets stay): a notice from Hong
    Kong or Macao is read, searched and quoted like any other."""
    return s.translate(_simplified_table())


def to_simplified(mt: MappedText) -> MappedText:
    return MappedText(simplified(mt.text), mt.offsets)


@lru_cache(maxsize=65536)  # the same units, titles and quotes are compared for every question
def normalize_for_match(s: str) -> str:
    """NFKC, Simplified characters, no spaces or punctuation: how quotes and expected answers are compared."""
    s = simplified(unicodedata.normalize("NFKC", s))
    return "".join(ch for ch in s if not unicodedata.category(ch).startswith(_PUNCT_CATS))


CELL = " | "  # what stands between a table row's cells in clean text (layout.py and markup.py write it)


def verbatim(quote: str, normalized: str) -> bool:
    """Whether a quote is a notice's text (`normalized`: the notice as normalize_for_match leaves
    it). A table row ("新锐企业榜 | 1家 | 11月2日") is quoted cell by cell: a table read column by
    column, or wrapped, has its row's cells apart in the source, each of them verbatim."""
    said = normalize_for_match(quote)
    if said in normalized:
        return True
    cells = [c for c in quote.split(CELL) if c.strip()]
    if len(cells) >= 2 and all(normalize_for_match(c) in normalized for c in cells):
        return True
    return _amended(said, normalized)


AMENDED_PIECES = 3  # a passage as amended: the words before an edit, the edit's new value, the words after it
AMENDED_PIECE = 2  # characters a piece holds at least


def _amended(said: str, normalized: str) -> bool:
    """Whether a quote is a passage of the notice as a later edit amended it ("…每个领域" + "不超过3项" +
    "，新锐企业榜…" from an audit log's EDIT line): at most three pieces, each the notice's own text,
    read longest first."""
    pieces = 0
    while said:
        lo, hi = 0, len(said)
        while lo < hi:  # the longest start of what is left that the notice holds
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if said[:mid] in normalized else (lo, mid - 1)
        pieces += 1
        if lo < AMENDED_PIECE or pieces > AMENDED_PIECES:
            return False
        said = said[lo:]
    return pieces > 1


def locate(original: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The span of `original[start:end]` whose normalized text is the normalized `quote`:
    finds a cleaned passage again in the file it came from."""
    target = normalize_for_match(quote)
    if not target:
        return None
    chars, where = _normalized_positions(original)
    lo = bisect.bisect_left(where, start)
    hi = bisect.bisect_left(where, len(original) if end is None else end)
    i = chars.find(target, lo, hi)
    if i < 0:
        return None
    return where[i], where[i + len(target) - 1] + 1


@lru_cache(maxsize=256)
def _normalized_positions(original: str) -> tuple[str, list[int]]:
    """A file's text normalized character by character, with each normalized character's position in
    the file: every quote of an answer is located in the same few files, normalized once each."""
    chars: list[str] = []
    where: list[int] = []
    for pos, raw in enumerate(original):
        for ch in normalize_for_match(raw):
            chars.append(ch)
            where.append(pos)
    return "".join(chars), where


NOTE_IN_LABEL = re.compile(r"[（(][^）)]+[）)]")


def row_cells(line: str, outer: bool = True) -> list[str]:
    """A table row's cells: split by tabs, by " | " or by drawn bars, the empty ones kept (a column's
    place is its meaning), the row's outer bars and the empty cells after its last one dropped. Not
    `outer` (a table whose header has no outer bars): a bar at the start ends an empty first cell."""
    line = line.strip()
    cells = [c.strip() for c in re.split(r"\t|\s*[|│┃]\s*", line.strip("|│┃") if outer else line)]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def spanned_header(cells: list[str]) -> list[str]:
    """A header row's cells with each merged cell read over every column it spans: a merged cell is
    written once and the cells right of it left empty ("项目 | 先导技术榜 |  | 新锐企业榜"), so an empty
    cell right of a column label takes the label on its left (the first column labels the rows)."""
    spanned = cells[:2]
    for cell in cells[2:]:
        spanned.append(cell or spanned[-1])
    return spanned


# The words a table's header names its columns with.
HEADER_CELL = re.compile(r"序号|编号|榜单|领域|名额|数量|机构|单位|部门|联系人|负责人|姓名|电话|联系方式|方式|手机|邮箱|备注|说明|时间|时限|截止|环节|阶段|地点|任务|事项|内容|地址|职务|类别|类型|字段|名称|项目|取值|数值|^值$|状态|生效|是否有效")


def names_columns(cells: list[str]) -> bool:
    """A row that can only be a header, even inside a table: every cell a column's name, no figure
    ("先导技术榜·电子信息领域 | 4 | …" is a row; "榜单 | 领域" over "先导技术榜 | 电子信息" heads it)."""
    return len(cells) >= 2 and all(HEADER_CELL.search(c) and len(c) <= 12 and not re.search(r"\d", c) for c in cells)


def header_like(line: str) -> bool:
    """A table's header row: every cell a short label (no sentence, no figure but a year's); a label
    may carry its note ("中国科协名额（每推荐单位）")."""
    cells = [c for c in row_cells(line) if c]
    return len(cells) >= 2 and all(len(NOTE_IN_LABEL.sub("", c)) <= 12 and len(c) <= 20 and not re.search(r"[。；;，,：:]", c)
                                   and not re.search(r"\d(?!\d*\s*年)", c) for c in cells)
