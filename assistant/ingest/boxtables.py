"""A table drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as a word processor or a console prints
one: a row is the lines between two rules, a cell's text wraps over several of them ("省科协科技" /
"创新部"), and a cell merged down several rows has no rule under it where the rows beside it do
("│ 先导技术榜 ├──────┤": the list's cell goes on beside each field). Read as a reader sees it: one line
per row, each cell whole, a merged cell standing in every row it spans (as a web page's rowspan, in
htmltables.py); the cells' text keeps its offsets, so a row's quote maps back to the drawing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import CELL, MappedText, TextLine, text_lines

# Every character that draws a rule or a corner; a cell's text lies between two of them.
SEPARATORS = "│┃║├┤┼┬┴┌┐└┘┣┫╋┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝"
SEPARATOR = re.compile(f"[{SEPARATORS}]")
RULE = re.compile(r"^[─━═\s]*[─━═][─━═\s]*$")  # a column's part of a rule line
DRAWN_LINE = re.compile(rf"(?m)^[ \t]*[{SEPARATORS}].*[{SEPARATORS}][ \t]*$")
# A table, not a flowchart's box: its rules are split into columns.
COLUMNED = re.compile(r"[┬┼╋┳╦╬]")
# Wrapped text is joined as written, except a number after words ("雷佩珊" / "0851-…") or after another number.
SPACED = re.compile(r"(?:[^\W\d_年月第约]|\d)$")


@dataclass(frozen=True)
class _Part:
    start: int  # a line's text of the cell
    end: int
    full: bool  # it runs to the cell's edge (wrapped there)


@dataclass
class _Cell:
    parts: list[_Part] = field(default_factory=list)  # its text, line by line


def _tokens(text: str, start: int) -> list[tuple[int, int]]:
    """The spans between a line's consecutive separators."""
    marks = [m.start() for m in SEPARATOR.finditer(text)]
    return [(start + a + 1, start + b) for a, b in zip(marks, marks[1:], strict=False)]


def _block_end(lines: list[TextLine], i: int) -> int:
    j = i
    while j < len(lines) and DRAWN_LINE.fullmatch(lines[j].text):
        j += 1
    return j


def _rows(mt: MappedText, lines: list[TextLine]) -> list[list[_Cell]] | None:
    """Each row's cells, or None when the lines do not keep the same columns."""
    tokens = [_tokens(line.text, line.start) for line in lines]
    columns = {len(spans) for spans in tokens}
    if len(columns) != 1 or (width := columns.pop()) < 2:
        return None
    open_cells = [_Cell() for _ in range(width)]
    rows: list[list[_Cell]] = []
    pending = False  # the row being read has text
    for spans in tokens:
        ruled = [bool(RULE.match(mt.text[a:b])) for a, b in spans]
        for cell, (a, b), r in zip(open_cells, spans, ruled, strict=True):
            piece = mt.text[a:b]
            if piece.strip() and not r:  # (a merged cell's text may go on beside the others' rule)
                lead = len(piece) - len(piece.lstrip())
                cell.parts.append(_Part(a + lead, a + lead + len(piece.strip()), len(piece) - lead - len(piece.strip()) <= 1))
                pending = pending or not any(ruled)
        if any(ruled):
            if pending:
                rows.append(list(open_cells))
            pending = False
            # A column with no rule here goes on: its cell spans into the next row.
            open_cells = [_Cell() if r else c for c, r in zip(open_cells, ruled, strict=True)]
    if pending:
        rows.append(list(open_cells))
    return rows if len(rows) >= 2 else None


def _cell_parts(mt: MappedText, cell: _Cell) -> list[tuple[int, int] | str]:
    out: list[tuple[int, int] | str] = []
    for before, part in zip([None, *cell.parts], cell.parts, strict=False):
        if before is not None:
            last = mt.text[before.end - 1]
            # (A number cut at the cell's edge goes on: "0851-86213" / "347".)
            wrapped = before.full and last.isdigit()
            if not wrapped and SPACED.search(last) and mt.text[part.start].isdigit():
                out.append(" ")
        out.append((part.start, part.end))
    return out


# A grid drawn with ASCII (reStructuredText's grid table, a console's): rules of + - =, cells between |.
GRID_RULE = re.compile(r"^[ \t]*\+(?:[-=]+\+){2,}[ \t]*$")
GRID_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
GRID_DRAWN = str.maketrans({"+": "┼", "-": "─", "=": "═", "|": "│"})


def _ascii_grids_drawn(mt: MappedText) -> MappedText:
    """Each ASCII grid (two rules at least, its rows between) drawn with box characters, character for
    character, so that one reading serves both."""
    lines = text_lines(mt.text)
    swaps: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (GRID_RULE.match(lines[j].text) or GRID_ROW.match(lines[j].text)):
            j += 1
        block = lines[i:j]
        if sum(bool(GRID_RULE.match(line.text)) for line in block) >= 2 and any(GRID_ROW.match(line.text) for line in block):
            for line in block:
                ruled = bool(GRID_RULE.match(line.text))
                for k, ch in enumerate(line.text):
                    if ch == "|" or (ruled and ch in "+-="):
                        swaps.append((line.start + k, line.start + k + 1, ch.translate(GRID_DRAWN)))
        i = max(j, i + 1)
    return mt.splice(swaps) if swaps else mt


def read_box_tables(mt: MappedText) -> MappedText:
    """Each box-drawn table rewritten one line per row, cells split by CELL (" | "); an ASCII grid too."""
    mt = _ascii_grids_drawn(mt)
    if not COLUMNED.search(mt.text):
        return mt
    lines = text_lines(mt.text)
    tables: list[tuple[int, int, list[list[_Cell]]]] = []
    i = 0
    while i < len(lines):
        end = _block_end(lines, i)
        if end - i >= 3 and any(COLUMNED.search(line.text) for line in lines[i:end]):
            rows = _rows(mt, lines[i:end])
            if rows is not None:
                tables.append((lines[i].start, lines[end - 1].end, rows))
        i = max(end, i + 1)
    for start, end, rows in reversed(tables):
        parts: list[tuple[int, int] | str] = []
        for n, row in enumerate(rows):
            if n:
                parts.append("\n")
            for c, cell in enumerate(row):
                if c:
                    parts.append(CELL)
                parts += _cell_parts(mt, cell)
        mt = mt.rearranged(start, end, parts)
    return mt
