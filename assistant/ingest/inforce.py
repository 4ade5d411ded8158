"""Whether a data record says it is out of force: a status field ("status": "SUPERSEDED", "状态": "已作废")
or a flag set ("deleted": true). One decision for every reader of exported records: such a record is
read as empty, as a table's void rows are dropped (layout.void_rows_dropped)."""

from __future__ import annotations

import re

STATUS_KEY = re.compile(r"status|state|状态|是否有效|有效状态", re.I)
VOID_STATUS = re.compile(r"superseded|deprecated|void(?:ed)?|invalid|inactive|cancell?ed|revoked|withdrawn|obsolete|"
                         r"已?作废|已?失效|已?撤销|已?废止|已?停用|无效", re.I)
# A flag naming the record's end ("deleted": true, "is_void": 1, "已删除": "是").
VOID_FLAG = re.compile(r"(?:is_?)?(?:deleted|removed|void(?:ed)?|revoked|withdrawn|obsolete|superseded)|是否(?:删除|作废)|已?删除|已?作废",
                       re.I)
SET = frozenset({"true", "1", "yes", "y", "是"})


def void_field(key: str, value: str) -> bool:
    """Whether a record's field (its name and its value as written) says the record is out of force."""
    value = value.strip()
    return bool(STATUS_KEY.fullmatch(key) and VOID_STATUS.fullmatch(value)) or bool(VOID_FLAG.fullmatch(key) and value.lower() in SET)


# A field whose name says it holds the value replaced ("deadline_local_prev", "old_quota", "原截止时间").
OLD_VALUE_KEY = re.compile(r"(?:^|[_\-.\[])(?:prev|previous|old|former|superseded|deprecated)(?:$|[_\-.\]])|^原(?!因|文|则)", re.I)
