"""A database client's vertical output (MySQL's `\\G`: a `*** 1. row ***` line, then one
`field: value` line per column, aligned on the colon), read as the tables it shows: each query's
rows under a caption (its table in the notices' words, with the values its WHERE names: 联系方式（院内）)
and a header of its columns' labels (fieldnames.KEY_WORDS: `central_cap` 中国科协上限), a row a line with
its cells split by " | " as tables are read elsewhere; a query of one row its fields a line each
("标题：…"). NULL is an empty cell; ids, the client's prompts and footers ("6 rows in set") go.

Every value keeps its place in the file: only what lies between values is cut."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from assistant.ingest.keyed import said
from assistant.ingest.textmap import MappedText

ROW_MARK = re.compile(r"^\*{5,} *\d+\. row *\*{5,}[ \t]*$", re.M)
QUERY = re.compile(r"^(?:mysql|MariaDB \[[^\]\n]*\]|[\w-]+)>[ \t]*(?P<sql>.*)$", re.M)
FROM = re.compile(r"\bFROM\s+`?(\w+)`?", re.I)
WHERE_LITERAL = re.compile(r"'([^'\n]*[\u4e00-\u9fff][^'\n]*)'")
FIELD = re.compile(r"^[ \t]*(?P<key>[A-Za-z_]\w{0,40}):(?: (?P<value>.*?))?[ \t]*$", re.M)
MIN_ROWS = 3  # row marks a text needs to be read as a client's output


@dataclass
class Query:
    start: int  # the prompt's line
    end: int
    table: str
    literals: list[str]
    rows: list[list[re.Match[str]]] = field(default_factory=list)


def is_vertical_output(text: str) -> bool:
    return len(ROW_MARK.findall(text)) >= MIN_ROWS


def _shown_key(key: str) -> bool:
    k = key.lower()
    return k != "id" and not k.endswith("_id")  # a surrogate key says nothing of its row


def _queries(text: str) -> list[Query]:
    queries: list[Query] = []
    for q in QUERY.finditer(text):
        table = m.group(1) if (m := FROM.search(q.group("sql"))) else ""
        queries.append(Query(q.start(), q.end(), table, WHERE_LITERAL.findall(q.group("sql"))))
    query_starts = [q.start for q in queries]
    marks = [m.start() for m in ROW_MARK.finditer(text)]
    for f in FIELD.finditer(text):
        k = bisect.bisect_left(query_starts, f.start()) - 1
        owner = queries[k] if k >= 0 else None
        if owner is None or not owner.table:
            continue
        j = bisect.bisect_left(marks, f.start()) - 1  # the row mark nearest above the field
        last_mark = marks[j] if j >= 0 and marks[j] >= owner.end else None
        starts_row = not owner.rows or (last_mark is not None and owner.rows[-1][0].start() < last_mark)
        if not starts_row and any(r.group("key") == f.group("key") for r in owner.rows[-1]):
            starts_row = True  # rows printed without marks: a key seen again starts the next
        if starts_row:
            owner.rows.append([f])
        else:
            owner.rows[-1].append(f)
    return [q for q in queries if q.rows]


def vertical_text(mt: MappedText) -> MappedText:
    text = mt.text
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    for q in _queries(text):
        caption = said(q.table) + (f"（{'、'.join(q.literals)}）" if q.literals else "")
        shown = [[f for f in row if _shown_key(f.group("key"))] for row in q.rows]
        shown = [row for row in shown if row]
        if not shown:
            continue
        cuts.append((pos, q.end, "\n"))  # the query and what lies before it: prompts, footers, the client banner
        table = len(shown) > 1
        keys = list(dict.fromkeys(f.group("key") for row in shown for f in row))
        head = f"{caption}\n" + (" | ".join(said(k) or k for k in keys) + "\n" if table else "")
        lead = head
        for row in shown:
            values = {f.group("key"): f for f in row}
            gap_start = q.end if row is shown[0] else pos
            if table:
                first = values[keys[0]] if keys[0] in values else row[0]
                cuts.append((gap_start, first.start("value") if first.group("value") is not None else first.end(), lead))
                cuts.extend(_null(first))
                prev = first
                cells = [values.get(k) for k in keys]
                for k, cell in zip(keys[1:], cells[1:], strict=True):
                    if cell is None:
                        continue
                    cuts.append((_value_end(prev), _value_start(cell), " | " * (keys.index(k) - keys.index(prev.group("key")))))
                    cuts.extend(_null(cell))
                    prev = cell
                pos = _value_end(prev)
                cuts.append((pos, pos, "\n"))
            else:
                for k, f in enumerate(row):
                    label = said(f.group("key")) or f.group("key")
                    cuts.append((gap_start if k == 0 else _value_end(row[k - 1]), _value_start(f), f"{lead if k == 0 else chr(10)}{label}："))
                    cuts.extend(_null(f))
                pos = _value_end(row[-1])
            lead = ""
    cuts.append((pos, len(text), "\n"))
    return mt.splice(sorted(c for c in cuts if c[0] <= c[1]))


def _value_start(f: re.Match[str]) -> int:
    return f.start("value") if f.group("value") is not None else f.end()


def _value_end(f: re.Match[str]) -> int:
    return f.end("value") if f.group("value") is not None else f.end()


def _null(f: re.Match[str]) -> list[tuple[int, int, str]]:
    return [(f.start("value"), f.end("value"), "")] if (f.group("value") or "").upper() == "NULL" else []
