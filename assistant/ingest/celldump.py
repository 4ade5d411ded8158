"""A spreadsheet dumped cell by cell, as a script prints it (`汇总!B3 = 不超过4家`, `merged: A2:A4`,
empty cells left out, rows not always in order): read as the sheets it holds, each under its name,
a row a line in row order with its cells in their columns split by " | " (row 1 its header), a
merged range's value in every cell it covers, as tables are read elsewhere. The dump's own lines
(its banner, `#` remarks) go.

Every value keeps its place in the file: rows are put in order by moving the values themselves
(MappedText.rearranged), so a quoted cell is found again where the dump wrote it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import CELL, MappedText

CELL_LINE = re.compile(r"^[ \t]*(?:(?P<sheet>[^!\s=:]{1,40})!)?(?P<col>[A-Z]{1,2})(?P<row>\d{1,5})[ \t]*[=:：][ \t]*(?P<value>.*?)[ \t]*$",
                       re.M)
SHEET_HEAD = re.compile(r"^[ \t]*(?:=+|#+|\[)?[ \t]*(?:sheet|工作表)[ \t:：]*(?P<name>[^\s(（=\]]+)[^\n]*$", re.M | re.I)
MERGED = re.compile(r"^[ \t]*merged?[ \t]*[:：][ \t]*(?P<ranges>[A-Z]{1,2}\d{1,5}:[A-Z]{1,2}\d{1,5}(?:[ ,;，][ \t]*[A-Z]{1,2}\d{1,5}:[A-Z]{1,2}\d{1,5})*)",
                    re.M | re.I)
MIN_CELLS = 10
MAX_MERGED = 10_000  # cells one merged range covers
MIN_CELL_SHARE = 0.5  # of the non-blank lines


@dataclass
class Sheet:
    name: str
    start: int  # the sheet's span in the text: its heading to its last cell line
    end: int
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (row, column) -> value span
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # rows and columns, inclusive


def is_cell_dump(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    # (a sheet's name or " = " says a dump; "A1：电子信息" is a notice's field code)
    cells = sum(1 for m in CELL_LINE.finditer(text) if m.group("sheet") or "=" in m.group(0))
    return cells >= MIN_CELLS and cells >= MIN_CELL_SHARE * len(lines)


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _address(cell: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]{1,2})(\d{1,5})", cell)
    assert m is not None
    return int(m.group(2)), _column(m.group(1))


def _sheets(text: str) -> list[Sheet]:
    sheets: list[Sheet] = []
    heads = list(SHEET_HEAD.finditer(text))
    starts = [h.start() for h in heads]
    named: dict[str, Sheet] = {}
    for m in CELL_LINE.finditer(text):
        above = bisect.bisect_left(starts, m.start()) - 1  # the sheet heading above the cell, if any
        name = m.group("sheet") or (heads[above].group("name") if above >= 0 else "")
        sheet = named.get(name)
        if sheet is None:
            head = next((h for h in reversed(heads[: above + 1]) if h.group("name") == name), None)
            sheet = named[name] = Sheet(name, head.start() if head else m.start(), m.end())
            sheets.append(sheet)
        sheet.end = max(sheet.end, m.end())
        sheet.cells[(int(m.group("row")), _column(m.group("col")))] = (m.start("value"), m.end("value"))
    for m in MERGED.finditer(text):
        owner = next((s for s in reversed(sheets) if s.start <= m.start()), None)
        if owner is None:
            continue
        for rng in re.findall(r"[A-Z]{1,2}\d{1,5}:[A-Z]{1,2}\d{1,5}", m.group("ranges")):
            (r1, c1), (r2, c2) = (_address(a) for a in rng.split(":"))
            if (r2 - r1 + 1) * (c2 - c1 + 1) <= MAX_MERGED:  # (a range no sheet of a notice merges is ignored)
                owner.merged.append((r1, c1, r2, c2))
    return sheets


def _filled(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int]]:
    """The sheet's cells, a merged range's value in each cell it covers."""
    cells = dict(sheet.cells)
    for r1, c1, r2, c2 in sheet.merged:
        value = cells.get((r1, c1))
        if value is None:
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                cells.setdefault((r, c), value)
    return cells


def cell_dump_text(mt: MappedText) -> MappedText:
    sheets = _sheets(mt.text)
    # (from the last sheet back: each rearrangement leaves the text before it where it was)
    for sheet in sorted(sheets, key=lambda s: s.start, reverse=True):
        cells = _filled(sheet)
        width = max(c for _, c in cells)
        parts: list[tuple[int, int] | str] = [f"\n{sheet.name}\n" if sheet.name else "\n"]
        by_row: dict[int, list[int]] = {}
        for r, c in cells:
            by_row.setdefault(r, []).append(c)
        for row in sorted(by_row):
            last = max(by_row[row])
            for col in range(1, min(last, width) + 1):
                if col > 1:
                    parts.append(CELL)
                if (span := cells.get((row, col))) is not None:
                    parts.append(span)
            parts.append("\n")
        mt = mt.rearranged(sheet.start, sheet.end, parts)
    # The dump's banner and remarks, and the merged ranges' lines (read above).
    return mt.sub(re.compile(r"(?m)^[ \t]*#[^\n]*$|^[ \t]*merged?[ \t]*[:：][^\n]*$", re.I), "")
