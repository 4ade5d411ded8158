"""A workbook saved as the text of its unzipped parts (xl/sharedStrings.xml, xl/workbook.xml,
xl/worksheets/sheet1.xml…, each after a "===== path =====" line or simply one after another): each
sheet read as a real workbook shows it, its name above it when there are several, a row a line of
tab-separated cells. A cell's text is where the workbook keeps it: a shared string (t="s", its index
into sharedStrings.xml, rich-text runs in order, phonetic runs out), an inline string, or the value
itself; a merged cell's value stands in each row it spans (the sheet shows it beside each), and a cell
the sheet leaves empty between filled ones is written "—", so no later reading takes it for a merged
cell exported into its first row only (layout.merged_down: a workbook says which cells it merged). Every piece keeps its characters and their
place in the stored text, so a quote of a cell maps back to the string it is."""

from __future__ import annotations

import html
import re

from assistant.ingest.textmap import MappedText

SHARED = re.compile(r"<sst\b[^>]*>(?P<body>.*?)</sst>", re.S)
SHEET_DATA = re.compile(r"<sheetData\b[^>]*>(?P<body>.*?)</sheetData>|<sheetData\b[^>]*/>", re.S)
PART = re.compile(r"^[ \t]*=+[ \t]*(?P<path>[\w./-]+\.xml)[ \t]*=+[ \t]*$", re.M)
SHEET_PART = re.compile(r"sheet(\d+)\.xml$")
SHEET_NAME = re.compile(r"<sheet\b[^>]*?\bname=\"(?P<name>[^\"]*)\"[^>]*?\bsheetId=\"(?P<id>\d+)\"", re.S)
ITEM = re.compile(r"<si\b[^>]*>(?P<body>.*?)</si>|<si\b[^>]*/>", re.S)
PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
TEXT = re.compile(r"<t(?:\s[^<>]*)?>(?P<text>[^<]{0,4000})</t>")  # (not "<t/>", never past the next tag)
ROW = re.compile(r"<row\b[^>]*>(?P<body>.*?)</row>", re.S)
CELL = re.compile(r"<c\b(?P<attrs>[^<>]*?)(?:/>|>(?P<body>(?:(?!</?c\b).){0,4000}?)</c>)", re.S)
REF = re.compile(r"\br=\"(?P<col>[A-Z]{1,3})\d+\"")
KIND = re.compile(r"\bt=\"(?P<kind>\w+)\"")
VALUE = re.compile(r"<v\b[^>]*>(?P<value>.*?)</v>", re.S)
MERGE = re.compile(r"<mergeCell\b[^>]*\bref=\"(?P<c1>[A-Z]{1,3})(?P<r1>\d+):(?P<c2>[A-Z]{1,3})(?P<r2>\d+)\"")
ROW_NUMBER = re.compile(r"\br=\"(?P<row>\d+)\"")
BLANK = "—"

Piece = tuple[int, int] | str


def is_workbook_parts(text: str) -> bool:
    """Shared strings and a worksheet's rows of cells: a workbook's parts, not a notice's XML."""
    return "<sst" in text and "<sheetData" in text and bool(SHARED.search(text)) and bool(CELL.search(text))


def _spans(text: str, start: int, end: int) -> list[Piece]:
    """The text of each <t> between start and end, in order (phonetic guides left out); a text with an
    entity is given decoded (its characters then map to where it starts)."""
    body = text[start:end]
    hidden = [(m.start(), m.end()) for m in PHONETIC.finditer(body)]
    pieces: list[Piece] = []
    for m in TEXT.finditer(body):
        if any(a <= m.start() < b for a, b in hidden):
            continue
        a, b = start + m.start("text"), start + m.end("text")
        pieces.append(html.unescape(text[a:b]) if "&" in text[a:b] else (a, b))
    return pieces


def _shared(text: str) -> list[list[Piece]]:
    found = SHARED.search(text)
    if found is None:
        return []
    base = found.start("body")
    return [[] if m.group("body") is None else _spans(text, base + m.start("body"), base + m.end("body"))
            for m in ITEM.finditer(found.group("body"))]


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _cell(text: str, m: re.Match[str], shared: list[list[Piece]]) -> list[Piece]:
    if m.group("body") is None:
        return []
    kind = KIND.search(m.group("attrs"))
    kind_name = kind.group("kind") if kind else "n"
    if kind_name == "inlineStr":
        return _spans(text, m.start("body"), m.end("body"))
    value = VALUE.search(m.group("body"))
    if value is None:
        return []
    a, b = m.start("body") + value.start("value"), m.start("body") + value.end("value")
    if kind_name == "s":
        index = text[a:b].strip()
        return list(shared[int(index)]) if index.isdigit() and int(index) < len(shared) else []
    if kind_name == "b":
        return ["是" if text[a:b].strip() == "1" else "否"]
    raw = text[a:b]
    return [html.unescape(raw)] if "&" in raw else [(a, b)]


def _row(text: str, start: int, end: int, shared: list[list[Piece]]) -> list[list[Piece]]:
    """A row's cells by column, a skipped column an empty cell."""
    cells: list[list[Piece]] = []
    for m in CELL.finditer(text, start, end):
        ref = REF.search(m.group("attrs"))
        at = _column(ref.group("col")) if ref else len(cells)
        while len(cells) < at:
            cells.append([])
        if at == len(cells):
            cells.append(_cell(text, m, shared))
    return cells


def _merges(text: str, start: int, end: int) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell a merge covers below its first row, in the merge's first column -> that first cell
    (row, column); the merge's other columns show nothing."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for m in MERGE.finditer(text, start, end):
        top, col = int(m.group("r1")), _column(m.group("c1"))
        for row in range(top + 1, min(int(m.group("r2")), top + 10_000) + 1):
            covered[(row, col)] = (top, col)
    return covered


def _line(cells: list[list[Piece]]) -> list[Piece]:
    """Cells tab-separated, an empty one before the last filled one written BLANK."""
    while cells and not cells[-1]:
        cells.pop()
    out: list[Piece] = []
    for i, cell in enumerate(cells):
        if i:
            out.append("\t")
        out.extend(cell or [BLANK])
    return out


def _sheet_names(text: str) -> dict[int, tuple[int, int]]:
    """Each sheet's name (its place in the text) by its sheetId, as workbook.xml lists them."""
    return {int(m.group("id")): m.span("name") for m in SHEET_NAME.finditer(text)}


def workbook_text(mt: MappedText) -> MappedText:
    text = mt.text
    shared = _shared(text)
    names = _sheet_names(text)
    parts = [(m.start(), m.group("path")) for m in PART.finditer(text)]
    sheets = list(SHEET_DATA.finditer(text))
    pieces: list[Piece] = []
    for n, sheet in enumerate(sheets, start=1):
        path = next((p for at, p in reversed(parts) if at < sheet.start()), "")
        number = SHEET_PART.search(path)
        name = names.get(int(number.group(1)) if number else n)
        if name is not None and len(sheets) > 1 and name[1] > name[0]:
            pieces += [name, "\n"]
        if sheet.group("body") is not None:
            after = sheet.end()
            merged = _merges(text, after, min((m.start() for m in SHEET_DATA.finditer(text, after)), default=len(text)))
            seen: dict[tuple[int, int], list[Piece]] = {}
            for number, row in enumerate(ROW.finditer(text, sheet.start("body"), sheet.end("body")), start=1):
                said = ROW_NUMBER.search(text, row.start(), row.start("body"))
                at = int(said.group("row")) if said else number
                cells = _row(text, row.start("body"), row.end("body"), shared)
                for col, cell in enumerate(cells):
                    seen[(at, col)] = cell
                for (r, col), first in merged.items():
                    if r == at:
                        cells += [[] for _ in range(col + 1 - len(cells))]
                        cells[col] = cells[col] or list(seen.get(first, []))
                line = _line(cells)
                if line:
                    pieces += [*line, "\n"]
        pieces.append("\n")
    return mt.rearranged(0, len(text), pieces)
