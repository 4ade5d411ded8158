"""A JSON export's table kept as arrays of cells reads as a table's rows."""

from __future__ import annotations

import json

from assistant.ingest.json_grids import json_grids
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

SHEETS = {
    "valueRanges": [
        {"range": "'安排'!A1:D5", "majorDimension": "ROWS", "values": [
            ["阶段", "截止时间", "负责", "备注"],
            ["市科协报省科协", "2090年11月4日", "省科协", "已作废"],
            ["市科协报省科协", "2090年11月12日", "省科协"],
            ["省科协遴选", "2090年11月17日"],
        ]},
        {"range": "'名额'!A1:C3", "majorDimension": "COLUMNS", "values": [
            ["榜单", "新锐企业榜", "先导技术榜"],
            ["给省科协名额", "4个", "2个"],
            ["每个市科协限报", "3家", "1项"],
        ]},
    ]
}


def test_rows_read_as_rows_each_as_wide_as_the_header_and_columns_turned_back_into_rows() -> None:
    text = json_grids(MappedText.of(json.dumps(SHEETS, ensure_ascii=False, indent=1))).text
    assert json.loads(text)  # (still JSON)
    lines = json.loads(text)["valueRanges"][0]["values"].split("\n")
    assert lines[0] == "阶段 | 截止时间 | 负责 | 备注" and lines[3] == "省科协遴选 | 2090年11月17日 |  |"
    by_columns = json.loads(text)["valueRanges"][1]["values"].split("\n")
    assert by_columns == ["榜单 | 给省科协名额 | 每个市科协限报", "新锐企业榜 | 4个 | 3家", "先导技术榜 | 2个 | 1项"]


def test_a_sheet_in_a_notice_reads_with_its_header_its_void_row_dropped() -> None:
    text = clean_text(json.dumps(SHEETS, ensure_ascii=False, indent=2)).text
    assert "阶段 | 截止时间 | 负责 | 备注" in text  # (a header as wide as its rows: not a navigation bar)
    assert "2090年11月12日" in text and "2090年11月4日" not in text  # (a 备注 of "已作废": the row is out of force)
    assert "新锐企业榜 | 4个 | 3家" in text


def test_a_list_of_values_or_of_records_is_no_grid() -> None:
    for value in ({"dates": ["2090年11月4日", "2090年11月12日"]}, {"rows": [{"a": "甲"}, {"a": "乙"}]}, {"one": [["甲"], ["乙"]]}):
        text = json.dumps(value, ensure_ascii=False)
        assert json_grids(MappedText.of(text)).text == text


def test_brackets_inside_a_string_are_its_words() -> None:
    text = json.dumps({"note": "评分矩阵 [[1,2],[3,4]] 见附件"}, ensure_ascii=False)
    assert json_grids(MappedText.of(text)).text == text
