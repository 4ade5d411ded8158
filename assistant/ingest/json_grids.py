"""A table a JSON export keeps as an array of rows, each an array of cells (a spreadsheet API's
"values": [["阶段", "截止时间"], ["…", "…"]]): read as a table's rows, cells apart, its first row its
header; a grid stored by columns ("majorDimension": "COLUMNS") turned back into rows first. The grid
becomes one JSON string of those lines, so the JSON stays JSON for the readers after this one."""

from __future__ import annotations

import json
import re

from assistant.ingest.textmap import CELL, MappedText

GRID_START = re.compile(r"\[\s*+\[")
BY_COLUMNS = re.compile(r"\"majorDimension\"\s*+:\s*+\"COLUMNS\"", re.I)
MIN_ROWS = 2
MAX_TRIES = 200  # grids looked for in one text at most (each try parses from its bracket on)
Scalar = str | int | float | None


def _is_grid(value: object) -> bool:
    """Rows of plain cells, at least one row of two or more (a list of dates is no table)."""
    return isinstance(value, list) and len(value) >= MIN_ROWS and all(
        isinstance(row, list) and all((isinstance(c, str | int | float) and not isinstance(c, bool)) or c is None for c in row)
        for row in value
    ) and any(len(row) >= 2 for row in value)


def _cell(value: Scalar) -> str:
    return "" if value is None else " ".join(str(value).split())


def _rows(grid: list[list[Scalar]], by_columns: bool) -> list[list[str]]:
    """The grid's rows, each as wide as the widest (an export drops a row's empty last cells; a table's
    rows hold as many cells as its header), an empty row left empty."""
    if by_columns:
        depth = max(len(col) for col in grid)
        grid = [[col[i] if i < len(col) else "" for col in grid] for i in range(depth)]
    width = max(len(row) for row in grid)
    return [[_cell(c) for c in row] + [""] * (width - len(row)) if row else [] for row in grid]


def grid_text(rows: list[list[str]]) -> str:
    """Each row on its line, its cells apart; an empty row an empty line (a sheet's paragraph break)."""
    return "\n".join(CELL.join(row).rstrip() if any(row) else "" for row in rows)


def _in_string(text: str, at: int) -> bool:
    """Whether `at` stands inside a JSON string on its line (an odd count of unescaped quotes before it)."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return len(re.findall(r'(?<!\\)"', line)) % 2 == 1


def json_grids(mt: MappedText) -> MappedText:
    text = mt.text
    if not text.lstrip().startswith(("{", "[")) or not GRID_START.search(text):
        return mt
    decoder = json.JSONDecoder()
    cuts: list[tuple[int, int, str]] = []
    pos, tries = 0, 0
    while (m := GRID_START.search(text, pos)) is not None and tries < MAX_TRIES:
        tries += 1
        if _in_string(text, m.start()):
            pos = m.start() + 1  # ("评分矩阵 [[1,2],[3,4]] 见附件": brackets inside a string are its words)
            continue
        try:
            value, end = decoder.raw_decode(text, m.start())
        except (ValueError, RecursionError):
            pos = m.start() + 1
            continue
        if not _is_grid(value):
            pos = m.start() + 1  # (an array of objects, or deeper: look inside it)
            continue
        owner = text.rfind("{", 0, m.start())  # (the object holding the grid says how it is stored)
        by_columns = owner >= 0 and bool(BY_COLUMNS.search(text, owner, m.start()))
        cuts.append((m.start(), end, json.dumps(grid_text(_rows(value, by_columns)), ensure_ascii=False)))
        pos = end
    return mt.splice(cuts) if cuts else mt
