"""Fixed-width records described by a COBOL copybook printed above them ("05 LIST-NAME PIC X(20).",
"05 DL-DATA REDEFINES REC-DATA." with its own fields): each record cut into its fields by the widths
the copybook gives (a character a column), the variant of a redefined area chosen by the record's
type ("DL…" takes DL-DATA's fields), the padding gone, and read as "name：field，field…" (its codes,
sequence number and status out). A record whose status the copybook's legend calls void ("D=已作废")
is no longer the notice's and goes. Each field keeps its characters and their place in the notice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import MappedText, TextLine, text_lines

ENTRY = re.compile(r"^[ \t]*(?P<level>\d{2})[ \t]+(?P<name>[A-Z][A-Z0-9-]*)"
                   r"(?:[ \t]+REDEFINES[ \t]+(?P<redefines>[A-Z][A-Z0-9-]*))?"
                   r"(?:[ \t]+PIC(?:TURE)?[ \t]+(?P<pic>[X9A]+(?:\(\d+\))?))?[ \t]*\.", re.M)
PIC_WIDTH = re.compile(r"([X9A])(?:\((\d+)\))?")
LEGEND = re.compile(r"(?<![A-Za-z0-9])([A-Z0-9])[ \t]*=[ \t]*([^\s，,;；]+)")
VOID = re.compile(r"作废|废止|失效|无效|删除|停用|撤销|替代|void|deleted|obsolete", re.I)
STATUS_NAME = re.compile(r"STAT|FLAG|VALID")
SEQUENCE_NAME = re.compile(r"(?:^|-)(?:SEQ|NO|NUM|ID|CNT|COUNT)(?:-|$)")  # a record's number: no words of the notice
PADDING = " \u3000\t"
MIN_FIELDS = 3
MIN_RECORDS = 3


@dataclass
class Field:
    name: str
    width: int
    numeric: bool = False
    redefines: str = ""
    parts: list[Field] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """A record's fields in order, the variants of its redefined areas by name, and the status codes
    that mark a record void."""

    fields: list[Field]
    variants: list[Field]  # each redefining an area of `fields` with its own parts
    status: int | None  # the index of the status field
    void: frozenset[str]

    @property
    def width(self) -> int:
        return sum(f.width for f in self.fields)


def _width(pic: str) -> int:
    return sum(int(n) if n else 1 for _, n in PIC_WIDTH.findall(pic))


def read_copybook(text: str) -> Layout | None:
    """The record layout a copybook in the text gives, if it gives one of several fields."""
    entries = list(ENTRY.finditer(text))
    if not entries:
        return None
    top: list[Field] = []
    variants: list[Field] = []
    group: Field | None = None
    base_level = None
    for m in entries:
        level, name, pic = int(m.group("level")), m.group("name"), m.group("pic")
        if level == 1:
            continue
        if base_level is None:
            base_level = level
        f = Field(name, _width(pic) if pic else 0, bool(pic and pic.startswith("9")), m.group("redefines") or "")
        if level == base_level:
            group = f
            if f.redefines:
                variants.append(f)
            else:
                top.append(f)
        elif group is not None:
            group.parts.append(f)
            if not group.redefines:  # (a redefining group's parts lie over the area it redefines)
                group.width += f.width
    if len(top) < MIN_FIELDS or any(f.width == 0 for f in top):
        return None
    status = next((n for n, f in enumerate(top) if STATUS_NAME.search(f.name)), None)
    void: set[str] = set()
    if status is not None:
        at = next(m.end() for m in entries if m.group("name") == top[status].name)
        line_end = text.find("\n", at + 1)
        legend = text[at:(len(text) if line_end < 0 else line_end + 1) + 200]
        stop = ENTRY.search(legend)
        for code, meaning in LEGEND.findall(legend[: stop.start() if stop else len(legend)]):
            if VOID.search(meaning):
                void.add(code)
    return Layout(top, variants, status, frozenset(void))


def _variant(layout: Layout, area: str, record_type: str) -> list[Field] | None:
    """The parts a record of this type reads its area by: the variant redefining it named after the type
    ("DL-DATA" for a "DL" record)."""
    return next((v.parts for v in layout.variants if v.redefines == area and v.parts
                 and v.name.split("-")[0] == record_type), None)


def _spans(start: int, fields: list[Field]) -> list[tuple[Field, int, int]]:
    out, pos = [], start
    for f in fields:
        out.append((f, pos, pos + f.width))
        pos += f.width
    return out


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    b = min(b, len(text))
    while a < b and text[a] in PADDING:
        a += 1
    while b > a and text[b - 1] in PADDING:
        b -= 1
    return a, b


def _record_cuts(text: str, start: int, end: int, layout: Layout) -> list[tuple[int, int, str]]:
    """The cuts that read one record: its kept fields joined, the rest gone (or the whole record)."""
    spans = _spans(start, layout.fields)
    if layout.status is not None:
        _, a, b = spans[layout.status]
        if text[a:b].strip(PADDING) in layout.void:
            return [(start, min(end + 1, len(text)), "")]
    record_type = text[spans[0][1]:spans[0][2]].strip(PADDING)
    cells: list[tuple[int, int]] = []
    for n, (f, a, b) in enumerate(spans):
        if n == layout.status or (f.numeric and SEQUENCE_NAME.search(f.name)) \
                or (n == 0 and re.fullmatch(r"[A-Z0-9]{1,3}", record_type)):
            continue  # the record's type, its sequence number, its status: codes, not the notice's words
        parts = _variant(layout, f.name, record_type)
        pieces = _spans(a, parts) if parts else [(f, a, b)]
        for _, pa, pb in pieces:
            ca, cb = _trimmed(text, pa, min(pb, end))
            if cb > ca and text[ca:cb] not in ("—", "-", "－"):
                cells.append((ca, cb))
    if not cells:
        return []
    cuts = [(start, cells[0][0], "")]
    for n in range(1, len(cells)):
        cuts.append((cells[n - 1][1], cells[n][0], "：" if n == 1 else "，"))
    cuts.append((cells[-1][1], end, ""))
    return cuts


def _records(text: str, layout: Layout) -> list[TextLine]:
    """The lines that are records: below the copybook, they start with a code as wide as the first
    field, reach the last field and are no wider than a record."""
    first_code = re.compile(rf"^[A-Z0-9]{{{layout.fields[0].width}}}(?![a-z])")
    reach = sum(f.width for f in layout.fields[:-1])
    below = max(m.end() for m in ENTRY.finditer(text))
    return [line for line in text_lines(text) if line.start >= below and first_code.match(line.text)
            and reach < len(line.text.rstrip(PADDING)) <= layout.width and _fits(line.text, layout)]


def _fits(line: str, layout: Layout) -> bool:
    """A record's number fields hold digits, its status one code ("AI领域的…" is prose, not a record)."""
    for n, (f, a, b) in enumerate(_spans(0, layout.fields)):
        cell = line[a:b].strip(PADDING)
        if (f.numeric and not cell.isdigit()) or (n == layout.status and not re.fullmatch(r"[A-Z0-9]", cell)):
            return False
    return True


def is_copybook_file(text: str) -> bool:
    """Records under the copybook that describes them (a few of them at least)."""
    layout = read_copybook(text) if ENTRY.search(text) else None
    return layout is not None and len(_records(text, layout)) >= MIN_RECORDS


def copybook_records(mt: MappedText) -> MappedText:
    """The records under a copybook read field by field, one a line (the text as it is when it has none)."""
    layout = read_copybook(mt.text)
    if layout is None:
        return mt
    cuts: list[tuple[int, int, str]] = []
    for line in _records(mt.text, layout):
        cuts += _record_cuts(mt.text, line.start, line.end, layout)
    # The copybook's own entries are the records' schema, not the notice's words.
    cuts += [(m.start(), min(m.end() + 1, len(mt.text)), "") for m in ENTRY.finditer(mt.text)]
    return mt.splice(sorted(cuts))
