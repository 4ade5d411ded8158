"""What a table's column header says its cells are: one home for the header words the table readers
(layout.py, longtables.py) act on."""

from __future__ import annotations

import re
from dataclasses import dataclass

ROW_NUMBER_CELL = re.compile(r"^(?:序号|编号|No\.?)$", re.I)
# A column of remarks is blank where a row has none, a form's column to fill in ("填写内容") is blank
# to be filled: their blanks are never a merged cell's.
UNMERGED_COLUMN = re.compile(r"备注|说明|填写|填报")
# A column saying whether each record holds, and what says it does not.
IN_FORCE_COLUMN = re.compile(r"生效|是否生效|有效|是否有效|状态|在用")
NOT_IN_FORCE = re.compile(r"否|无效|失效|作废|已作废|停用|已停用|废止|N|No|no|FALSE|false|0")
# A long table's column naming each row's fact, and the one holding its value.
FIELD_COLUMN = re.compile(r"字段|字段名|项目|事项|属性|参数|键|要素|key|field|attribute", re.I)
VALUE_COLUMN = re.compile(r"值|取值|内容|数值|value", re.I)


@dataclass(frozen=True)
class LongHeader:
    """The columns of a long table's header: which names the fact, which holds its value."""

    width: int
    field: int
    dropped: frozenset[int]  # row numbers and the in-force flag: no part of the fact
    remarks: frozenset[int]
    in_force: int | None = None  # the column saying whether the row holds


def long_header(cells: list[str]) -> LongHeader | None:
    """The header of a long table (one fact a row): a column of what each fact is about ("类别",
    "榜单"), then a field column with the value column right after it."""
    field = next((n for n, c in enumerate(cells[:-1]) if FIELD_COLUMN.fullmatch(c)
                  and VALUE_COLUMN.fullmatch(cells[n + 1])), None)
    if field is None:
        return None
    dropped = frozenset(n for n, c in enumerate(cells) if ROW_NUMBER_CELL.match(c) or IN_FORCE_COLUMN.fullmatch(c))
    if all(n in dropped for n in range(field)):
        return None  # no subject column: a two-column "事项 | 内容" table, each row already its label and value
    remarks = frozenset(n for n, c in enumerate(cells) if n > field + 1 and UNMERGED_COLUMN.search(c))
    in_force = next((n for n, c in enumerate(cells) if IN_FORCE_COLUMN.fullmatch(c)), None)
    return LongHeader(len(cells), field, dropped, remarks, in_force)
