"""A web page's table as the page shows it: a cell spanning rows (rowspan="3": one office for three
lists) stands in each row it spans, so that every row reads whole ("新锐企业榜 | … | 省科技创新服务中心 |
龚一帆 | 0743-8265190"); a cell spanning the row's columns (a note) once. A line break inside a cell
is a space, so that a row stays one line. The cell's text is repeated with its own offsets: a quote
of any row maps back to the cell in the source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from assistant.ingest.textmap import MappedText

TABLE = re.compile(r"<table\b[^>]*>(.*?)</table\s*>", re.I | re.S)
ROW = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b)|$)", re.I | re.S)
CELL = re.compile(r"<(t[dh])\b([^>]*)>(.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.I | re.S)
SPAN = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?(\d{1,2})", re.I)
LINE_BREAK = re.compile(r"<br\s*/?>", re.I)


@dataclass(frozen=True)
class _Cell:
    tag: str  # td or th
    start: int  # its content's span in the text
    end: int
    rows: int
    columns: int


def _cells(row: re.Match[str], base: int) -> list[_Cell]:
    found = []
    for m in CELL.finditer(row.group(1)):
        spans = {k.lower(): int(v) for k, v in SPAN.findall(m.group(2))}
        found.append(_Cell(m.group(1).lower(), base + m.start(3), base + m.end(3),
                           max(1, spans.get("rowspan", 1)), max(1, spans.get("colspan", 1))))
    return found


class Spanning(Protocol):
    rows: int
    columns: int


S = TypeVar("S", bound=Spanning)


def spanned_grid(rows: Iterable[list[S]]) -> list[list[S]]:
    """Each row's cells by column, every column a cell covers: a cell spanning columns standing in
    each of them, one spanning rows standing again in the rows below it."""
    grid: list[list[S]] = []
    pending: dict[int, tuple[S, int]] = {}  # column -> (cell spanning down into it, rows left)
    for row in rows:
        own = list(row)
        shown: list[S] = []
        column = 0
        while own or any(c >= column for c in pending):
            if column in pending:
                cell, left = pending.pop(column)
                shown.append(cell)
                if left > 1:
                    pending[column] = (cell, left - 1)
                column += 1
                continue
            if not own:
                column += 1
                continue
            cell = own.pop(0)
            for k in range(cell.columns):
                shown.append(cell)
                if cell.rows > 1:
                    pending[column + k] = (cell, cell.rows - 1)
            column += cell.columns
        grid.append(shown)
    return grid


def _grid(table: re.Match[str]) -> list[list[_Cell]]:
    """Each row's cells in column order, a cell spanning rows standing again in the rows below it."""
    grid = spanned_grid(_cells(row, table.start(1) + row.start(1)) for row in ROW.finditer(table.group(1)))
    return [list(dict.fromkeys(row)) for row in grid]  # (a cell spanning columns once)


def spanned_tables(mt: MappedText) -> MappedText:
    """The page's source with each table that has a spanning cell rewritten row by row, every cell in
    each row it spans (the tags written anew, the cells' text kept with its offsets)."""
    for table in reversed(list(TABLE.finditer(mt.text))):
        if not re.search(r"rowspan\s*=\s*[\"']?[2-9]", table.group(1), re.I):
            continue
        parts: list[tuple[int, int] | str] = ["<table>"]
        for row in _grid(table):
            parts.append("<tr>")
            for cell in row:
                parts.append(f"<{cell.tag}>")
                pos = cell.start
                for br in LINE_BREAK.finditer(mt.text, cell.start, cell.end):
                    parts += [(pos, br.start()), " "]
                    pos = br.end()
                parts += [(pos, cell.end), f"</{cell.tag}>"]
            parts.append("</tr>")
        parts.append("</table>")
        mt = mt.rearranged(table.start(), table.end(), parts)
    return mt
