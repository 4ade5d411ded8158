"""A table in long format: one row per fact, a column naming the fact ("字段", "项目", "事项") and the
column after it holding its value ("值", "内容"); what the fact is about in the columns before
("类别", "榜单"), a remark and an in-force flag after. Its rows read as the record system meant them:
"名额 | 新锐企业榜 | 设区市推荐上限 | 每个设区市不超过3家 | 更正 | 是" is
"名额 新锐企业榜 设区市推荐上限：每个设区市不超过3家（更正）", a labelled value like any notice's
"截止时间：…", so the clause readers read it; a header-by-column reading would label each value
"值". Each cell keeps its characters and their place in the notice."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.columns import NOT_IN_FORCE, LongHeader, long_header
from assistant.ingest.textmap import CELL, MappedText, text_lines

MIN_ROWS = 2

# A field named "group-attribute" ("省科协联系人-电话", "contact.phone"): one attribute of a record whose
# other attributes are the rows beside it.
GROUPED_FIELD = re.compile(r"^(?P<group>[^-_./·—]{2,16})[-_./·—](?P<attribute>[^-_./·—]{1,8})$")

Part = tuple[int, int] | str  # a span of the text kept in place, or a joining string


@dataclass(frozen=True)
class LongRow:
    """One row of a long table: where it lies, the spans of its subject cells (what the fact is about),
    of its field's group and attribute, and the parts after the field."""

    start: int
    end: int
    subject_spans: tuple[tuple[int, int], ...]
    group: tuple[int, int] | None  # (a field not named "group-attribute": None)
    field: tuple[int, int]  # the whole field, or its attribute when grouped
    rest: tuple[Part, ...]  # "：" and the value, a remark in brackets, any other cell after a comma
    void: bool = False  # marked as no longer in force

    def key(self, text: str) -> tuple[tuple[str, ...], str] | None:
        if self.group is None:
            return None
        return tuple(text[a:b] for a, b in self.subject_spans), text[self.group[0]:self.group[1]]


def _cell_spans(start: int, line: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in line.split(CELL):
        spans.append((start + pos, start + pos + len(part)))
        pos += len(part) + len(CELL)
    return spans


def _long_row(text: str, start: int, line: str, head: LongHeader) -> LongRow:
    spans = _cell_spans(start, line)
    filled = [(n, (a, b)) for n, (a, b) in enumerate(spans) if n not in head.dropped and text[a:b].strip()]
    subject = [(a, b) for n, (a, b) in filled if n < head.field]
    a, b = spans[head.field]
    m = GROUPED_FIELD.match(text[a:b])
    group, field = ((a, a + m.end("group")), (a + m.start("attribute"), b)) if m else (None, (a, b))
    rest: list[Part] = []
    for n, (a, b) in filled:
        if n <= head.field:
            continue
        rest += ["：" if n == head.field + 1 else "（" if n in head.remarks else "，", (a, b)]
        if n in head.remarks:
            rest.append("）")
    flag = spans[head.in_force] if head.in_force is not None and head.in_force < len(spans) else None
    void = flag is not None and bool(NOT_IN_FORCE.fullmatch(text[flag[0]:flag[1]].strip()))
    return LongRow(start, start + len(line), tuple(subject), group, field, tuple(rest), void)


def _record_parts(rows: list[LongRow]) -> list[Part]:
    """Rows of one record (the same subject and field group) as one line: the subject and the group,
    then each attribute with its value ("…省科协联系人：姓名：苗嘉禾，电话：0872-…"); a row of its own
    as "subject field：value"."""
    first = rows[0]
    parts: list[Part] = []
    for span in first.subject_spans:
        parts += [span, " "]
    if first.group is not None:
        parts += [first.group, "："]
    for n, row in enumerate(rows):
        if n:
            parts.append("，")
        parts += [row.field, *row.rest]
    return parts


def read_long_tables(mt: MappedText) -> MappedText:
    """Each row of a long table under its header as one labelled fact, the rows of one record (a
    contact's 单位, 姓名 and 电话) as one line (the header line stays)."""
    text = mt.text
    lines = text_lines(text)
    records: list[list[LongRow]] = []
    cuts: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        head = long_header([c.strip() for c in lines[i].text.split(CELL)]) if CELL in lines[i].text else None
        if head is None:
            i += 1
            continue
        run = []
        j = i + 1
        while j < len(lines) and CELL in lines[j].text and head.field + 1 < len(lines[j].text.split(CELL)) <= head.width:
            run.append(_long_row(text, lines[j].start, lines[j].text, head))
            j += 1
        if len(run) >= MIN_ROWS:
            for row in run:
                if row.void:  # a row the export marks as no longer in force ("生效：否"): not read
                    cuts.append((row.start, min(row.end + 1, len(text)), ""))
                    continue
                key = row.key(text)
                if records and key is not None and records[-1][-1].key(text) == key \
                        and records[-1][-1].end + 1 == row.start:
                    records[-1].append(row)
                else:
                    records.append([row])
        i = j
    for record in records:
        cuts += _cuts(record[0].start, record[-1].end, _record_parts(record))
    return mt.splice(sorted(cuts))


def _cuts(start: int, end: int, parts: list[Part]) -> list[tuple[int, int, str]]:
    """The parts (spans in the text's order, joiners between them) as cuts of the region: what lies
    between two kept spans becomes their joiner, which so maps to where the span before it ends (a
    quote ending in a remark's "）" ends where the remark does)."""
    cuts: list[tuple[int, int, str]] = []
    pos, joiner = start, ""
    for part in parts:
        if isinstance(part, str):
            joiner += part
            continue
        cuts.append((pos, part[0], joiner))
        pos, joiner = part[1], ""
    cuts.append((pos, end, joiner))
    return cuts
