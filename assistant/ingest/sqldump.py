"""A notice saved as a database dump (`CREATE TABLE` / `INSERT INTO … VALUES (…), (…);`), read as
the tables it holds: each table's rows under a header of its columns (their COMMENT labels, as the
schema names them), a one-row table's values a line each (a record: its doc number, title, issuer,
date, and its body with its escaped line ends as lines), the dump's remarks ("-- 注意：…") as
lines of text. An `UPDATE … SET … WHERE id=…;` later in the dump is in force: the row shows the new
value. The statements themselves (DROP, LOCK, SET, the schema) are set aside.

Every value keeps its place in the file: cells are cut apart where the file separates them, so a
quoted row is found again cell by cell (textmap.verbatim)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ingest.textmap import MappedText, disjoint

CREATE = re.compile(r"CREATE\s+TABLE\s+`?(\w+)`?\s*\((.*?)\)\s*(?:ENGINE|;)[^;]*;", re.S | re.I)
TABLE_COMMENT = re.compile(r"COMMENT\s*=\s*'((?:[^'\\]|\\.|'')*)'", re.I)
COLUMN = re.compile(r"^\s*`?(\w+)`?\s+\w+(?:\([^)]*\))?[^,\n]*?(?:COMMENT\s+'((?:[^'\\]|\\.|'')*)')?\s*,?\s*$", re.M | re.I)
INSERT = re.compile(r"INSERT\s+INTO\s+`?(\w+)`?\s*(?:\(([^)]*)\))?\s*VALUES\s*", re.I)
UPDATE = re.compile(r"UPDATE\s+`?(\w+)`?\s+SET\s+(.*?)\s+WHERE\s+`?(\w+)`?\s*=\s*'?([^';\s]+)'?\s*;", re.I | re.S)
ASSIGNMENT = re.compile(r"`?(\w+)`?\s*=\s*('(?:[^'\\]|\\.|'')*'|[^,]+)")
# What a dump says of itself and of the database, not of the notice.
STATEMENT = re.compile(r"^[ \t]*(?:DROP\s+TABLE|LOCK\s+TABLES|UNLOCK\s+TABLES|SET\s+|/\*!.*?\*/;?|USE\s+)[^\n]*$", re.M | re.I)
DUMP_REMARK = re.compile(r"^[ \t]*--(?:[ \t]*$|[ \t]+(?:MySQL dump|Host:|Server version|Dump completed|Table structure for|"
                         r"Dumping data for|-{3,}|PostgreSQL database dump)[^\n]*$)", re.M | re.I)
REMARK_MARK = re.compile(r"^[ \t]*--[ \t]?", re.M)
MIN_STATEMENTS = 2  # INSERT statements a text needs to be read as a dump


@dataclass
class Value:
    start: int  # the value's span in the text (without its quotes)
    end: int
    text: str  # as the database holds it (escapes read)
    null: bool = False


@dataclass
class Row:
    start: int  # the tuple's span, brackets and the comma or semicolon after it included
    end: int
    values: list[Value] = field(default_factory=list)


def is_sql_dump(text: str) -> bool:
    return len(INSERT.findall(text)) >= MIN_STATEMENTS and bool(CREATE.search(text))


ESCAPES = {"''": "'", "\\'": "'", '\\"': '"', "\\n": "\n", "\\t": "\t", "\\\\": "\\"}  # as a dump writes them
ESCAPE = re.compile("|".join(map(re.escape, ESCAPES)))


def _unescape(raw: str) -> str:
    return ESCAPE.sub(lambda m: ESCAPES[m.group(0)], raw)


def _surrogate(column: str) -> bool:
    """A surrogate key ("id") says nothing of its row: left out, header and cells."""
    return column.lower() == "id"


def _rows(text: str, at: int) -> list[Row]:
    """The tuples of one INSERT's VALUES from `at`."""
    rows: list[Row] = []
    i, n = at, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] != "(":
            break
        row = Row(i, i)
        i += 1
        while i < n and text[i] != ")":
            while i < n and text[i] in " \t\r\n,":
                i += 1
            if i < n and text[i] == "'":
                j = i + 1
                while j < n and not (text[j] == "'" and text[j + 1 : j + 2] != "'" and text[j - 1] != "\\"):
                    j += 2 if text[j] == "'" else 1
                row.values.append(Value(i + 1, j, _unescape(text[i + 1 : j])))
                i = j + 1
            else:
                j = i
                while j < n and text[j] not in ",)":
                    j += 1
                raw = text[i:j].strip()
                row.values.append(Value(i, i + len(raw), "" if raw.upper() == "NULL" else raw, raw.upper() == "NULL"))
                i = j
        i += 1  # the closing bracket
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] in ",;":
            i += 1
        row.end = i
        rows.append(row)
        if text[i - 1 : i] == ";":
            break
    return rows


def _schema(text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """Each table's caption (the COMMENT its schema gives it, else its name) and columns in order:
    (name, label), the label its COMMENT gives or its name."""
    tables: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for m in CREATE.finditer(text):
        cols = [(c.group(1), _unescape(c.group(2)) if c.group(2) else c.group(1)) for c in COLUMN.finditer(m.group(2))
                if c.group(1).upper() not in ("PRIMARY", "KEY", "UNIQUE", "CONSTRAINT", "INDEX", "FOREIGN")]
        said = TABLE_COMMENT.search(text, m.end(2), m.end())
        tables[m.group(1)] = (_unescape(said.group(1)) if said else m.group(1), cols)
    return tables


def _updates(text: str) -> dict[tuple[str, str, str], tuple[str, int, int]]:
    """(table, key value, column) -> (new value, the UPDATE statement's span): the last one wins."""
    out: dict[tuple[str, str, str], tuple[str, int, int]] = {}
    for m in UPDATE.finditer(text):
        for a in ASSIGNMENT.finditer(m.group(2)):
            raw = a.group(2).strip()
            value = _unescape(raw[1:-1]) if raw.startswith("'") else raw
            out[(m.group(1), m.group(4), a.group(1))] = (value, m.start(), m.end())
    return out


def sql_text(mt: MappedText) -> MappedText:
    text = mt.text
    tables = _schema(text)
    updates = _updates(text)
    cuts: list[tuple[int, int, str]] = []
    for m in CREATE.finditer(text):
        cuts.append((m.start(), m.end(), ""))
    for m in INSERT.finditer(text):
        rows = _rows(text, m.end())
        if not rows:
            continue
        caption, columns = tables.get(m.group(1), (m.group(1), []))
        named = [c.strip(" `") for c in m.group(2).split(",")] if m.group(2) else [c for c, _ in columns]
        labels = dict(columns)
        record = len(rows) == 1 and len(rows[0].values) > 2
        # A table: its caption and header in the statement's place (the caption sets it apart from the
        # table before it); a record: nothing, its values a line each.
        header = f"\n{caption}\n" + " | ".join(labels.get(c, c) for c in named if not _surrogate(c)) + "\n"
        cuts.append((m.start(), m.end(), "" if record else header))
        for row in rows:
            cuts.extend(_row_cuts(text, m.group(1), named, row, updates, record))
    for _, start, end in updates.values():
        cuts.append((start, end, ""))
    for pattern in (STATEMENT, DUMP_REMARK):
        cuts.extend((s.start(), s.end(), "") for s in pattern.finditer(text))
    cuts.extend((s.start(), s.end(), "") for s in REMARK_MARK.finditer(text))
    return mt.splice(disjoint(cuts))


def _row_cuts(text: str, table: str, named: list[str], row: Row, updates: dict[tuple[str, str, str], tuple[str, int, int]],
              record: bool) -> list[tuple[int, int, str]]:
    """A row's tuple cut into its cells: brackets, quotes and separators replaced, NULL left empty,
    an updated value replaced by the UPDATE's, escapes read."""
    sep = "\n" if record else " | "
    key = row.values[0].text if row.values else ""
    cuts: list[tuple[int, int, str]] = []
    pos = row.start
    first = True
    for k, value in enumerate(row.values):
        if k < len(named) and _surrogate(named[k]):
            cuts.append((pos, value.end, ""))
            pos = value.end
            continue
        cuts.append((pos, value.start, "" if first else sep))
        first = False
        new = updates.get((table, key, named[k] if k < len(named) else ""))
        if new is not None:
            cuts.append((value.start, value.end, new[0]))
        elif value.null:
            cuts.append((value.start, value.end, ""))
        else:
            cuts.extend((e.start(), e.end(), ESCAPES[e.group(0)]) for e in ESCAPE.finditer(text, value.start, value.end))
        pos = value.end
    cuts.append((pos, row.end, "\n"))
    return cuts

