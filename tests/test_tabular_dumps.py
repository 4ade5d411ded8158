"""Tables a tool printed in its own shape (a database client's vertical records, a spreadsheet dumped
cell by cell) and a reviewer's annotation export, read as the tables and passages they show."""

from __future__ import annotations

from assistant.ingest.annotations import is_annotation_export
from assistant.ingest.celldump import is_cell_dump
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import normalize_for_match, verbatim
from assistant.ingest.vertical import is_vertical_output

VERTICAL = "\n".join([
    "mysql> SELECT * FROM notice WHERE id = 7\\G",
    "*************************** 1. row ***************************",
    "     id: 7",
    "  title: 岭东研究院关于申报2071年“科创中国”榜单的通知",
    " doc_no: 岭研〔2071〕9号",
    "1 row in set (0.00 sec)",
    "",
    "mysql> SELECT * FROM contact WHERE scope = '院内'\\G",
    "*************************** 1. row ***************************",
    "      id: 1",
    "   topic: 申报组织",
    "  person: 温启明",
    "     tel: 0580-2260001",
    "  mobile: NULL",
    "*************************** 2. row ***************************",
    "      id: 2",
    "   topic: 先导技术榜（空天海洋领域）初评",
    "  person: 祁海岳",
    "     tel: 010-68410000",
    "  mobile: 15900000001",
    "2 rows in set (0.00 sec)",
])


def test_vertical_records_read_as_a_record_and_a_table() -> None:
    assert is_vertical_output(VERTICAL.replace("1 row in set", "*************************** 1. row ***************************"))
    lines = clean_text(VERTICAL).text.split("\n")
    assert "标题：岭东研究院关于申报2071年“科创中国”榜单的通知" in lines and "文号：岭研〔2071〕9号" in lines
    at = lines.index("联系方式（院内）")
    assert lines[at + 1] == "事项 | 联系人 | 电话 | 手机"
    assert lines[at + 2] == "申报组织 | 温启明 | 0580-2260001 |"  # NULL an empty cell, the id gone
    assert lines[at + 3] == "先导技术榜（空天海洋领域）初评 | 祁海岳 | 010-68410000 | 15900000001"
    assert not any("mysql" in line or "rows in set" in line for line in lines)


CELLS = "\n".join([
    "# dump of 岭东市科协榜单工作表.xlsx",
    "== sheet 名额 ==",
    "merged: A2:A3",
    "名额!A1 = 榜单",
    "名额!B1 = 领域",
    "名额!C1 = 区县上限",
    "名额!B3 = 空天海洋",
    "名额!C3 = 不超过1个",
    "名额!A2 = 先导技术榜",
    "名额!B2 = 绿色低碳",
    "名额!C2 = 不超过2个",
    "名额!A4 = 新锐企业榜",
    "名额!C4 = 不超过3家",
    "== sheet 联系人 ==",
    "联系人!A1 = 事项",
    "联系人!B1 = 联系人",
    "联系人!A2 = 总协调",
    "联系人!B2 = 钟若川",
])


def test_a_cell_dump_reads_as_its_sheets_rows_in_order_merged_cells_filled() -> None:
    assert is_cell_dump(CELLS)
    lines = clean_text(CELLS).text.split("\n")
    at = lines.index("名额")
    assert lines[at + 1 : at + 5] == ["榜单 | 领域 | 区县上限", "先导技术榜 | 绿色低碳 | 不超过2个",
                                      "先导技术榜 | 空天海洋 | 不超过1个", "新锐企业榜 | | 不超过3家"]
    assert lines[lines.index("联系人") + 2] == "总协调 | 钟若川"
    assert not any(line.startswith(("#", "merged")) for line in lines)
    assert verbatim("先导技术榜 | 空天海洋 | 不超过1个", normalize_for_match(CELLS))  # cells moved, still quotes


NOTES = "\n".join([
    "PDF 注释导出",
    "[第2页] 高亮：“各学院于2071年11月3日17:00前将推荐材料报送科研院”",
    "批注：此处应为11月8日17:00前，以更正通知为准。",
    "（作者：覃言　2071-10-13 10:05）",
    "[第2页] 高亮：“每个学院推荐先导技术不超过3项”",
    "批注：更正通知已改为每个学院不超过2项。",
    "[第4页] 高亮：“联系人：滕岚　联系方式：010-68570042”",
    "批注：号码已核对。",
])


def test_annotations_read_as_their_passages_with_corrections_in_force() -> None:
    assert is_annotation_export(NOTES)
    lines = clean_text(NOTES).text.split("\n")
    assert "各学院于2071年11月8日17:00前将推荐材料报送科研院" in lines  # the year kept, the date corrected
    assert "每个学院推荐先导技术不超过2项" in lines
    assert "联系人：滕岚 联系方式：010-68570042" in lines  # a comment with no correction changes nothing
    assert not any("作者" in line or "高亮" in line for line in lines)


def test_a_notices_field_codes_are_no_cell_dump() -> None:
    text = "关于2071年榜单的通知\n一、领域代码\n" + "\n".join(f"A{i}：电子信息{i}" for i in range(1, 12)) + "\n说明：A类每个学院限报2项。\n"
    assert not is_cell_dump(text) and "说明：A类每个学院限报2项。" in clean_text(text).text
