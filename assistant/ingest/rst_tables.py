"""reStructuredText's table directives read as rows: a `.. list-table::` ("* - 榜单" starts a row, "  - …" each
next cell) and a `.. csv-table::` (its `:header:` and quoted, comma-separated lines), each row a line of cells
apart, the directive's title a line over them, its options (":widths:", ":header-rows:") gone."""

from __future__ import annotations

import re

from assistant.ingest.textmap import CELL, MappedText

DIRECTIVE = re.compile(r"(?m)^(?P<indent>[ \t]*+)\.\. (?P<kind>list-table|csv-table)::[ \t]*+(?P<title>[^\n]*)\n")
OPTION = re.compile(r"^[ \t]++:(?P<name>[\w-]++):[ \t]*+(?P<value>[^\n]*)$")
ROW_START = re.compile(r"^[ \t]++\*[ \t]++-(?:[ \t]++|$)")
CELL_START = re.compile(r"^[ \t]++-(?:[ \t]++|$)")
CSV_FIELD = re.compile(r'"((?:[^"\n]|"")*+)"|([^,"\n]++)')


def _block(text: str, start: int, indent: int) -> int:
    """Where the directive's body ends: the first line indented no deeper than the directive itself."""
    pos = start
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return pos
        pos = end + 1
    return len(text)


def _csv_cuts(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """One quoted CSV line's cuts: the quotes and commas between fields become the cell mark."""
    cuts: list[tuple[int, int, str]] = []
    pos, first = start, True
    for m in CSV_FIELD.finditer(text, start, end):
        if m.group(2) is not None and not m.group(2).strip():
            continue
        body_start, body_end = m.span(1) if m.group(1) is not None else m.span(2)
        cuts.append((pos, body_start, "" if first else CELL))
        pos, first = body_end, False
    cuts.append((pos, end, ""))
    return cuts


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def rst_tables_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    for d in DIRECTIVE.finditer(text):
        body_end = _block(text, d.end(), len(d.group("indent")))
        cuts.append((d.start(), d.start("title"), ""))  # the title stays, a line of its own
        in_row = False
        for a, b in _lines(text, d.end(), body_end):
            line = text[a:b]
            option = OPTION.match(line)
            if option and option.group("name") == "header" and d.group("kind") == "csv-table":
                cuts.append((a, a + option.start("value"), ""))
                cuts += _csv_cuts(text, a + option.start("value"), b)
            elif option or not line.strip():
                cuts.append((a, b, ""))
            elif d.group("kind") == "csv-table":
                cuts += _csv_cuts(text, a, b)
            elif (m := ROW_START.match(line)) is not None:
                cuts.append((a, a + m.end(), ""))
                in_row = True
            elif in_row and (m := CELL_START.match(line)) is not None:
                cuts.append((a - 1, a + m.end(), CELL))  # (the line break before it too: one row, one line)
            else:  # a cell's text running on
                indent = len(line) - len(line.lstrip())
                cuts.append((a - 1, a + indent, ""))
    if not cuts:
        return mt
    return mt.splice(_tidy(cuts))


def _tidy(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cuts in order, none overlapping (an emptied line's break and the next line's cut)."""
    out: list[tuple[int, int, str]] = []
    for start, end, new in sorted(cuts):
        if out and start < out[-1][1]:
            start = out[-1][1]
            if start > end:
                continue
        out.append((start, end, new))
    return out
