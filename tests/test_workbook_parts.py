"""A workbook saved as the text of its unzipped parts (ingest/workbook_parts.py), read as the sheet shows it."""

from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import normalize_for_match, verbatim
from assistant.ingest.workbook_parts import is_workbook_parts

SHARED = "\n".join([
    "===== xl/sharedStrings.xml =====",
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">',
    "<si><t>榜单</t></si>",  # 0
    "<si><t>名额</t></si>",  # 1
    "<si><t>备注</t></si>",  # 2
    "<si><t>新锐企业榜</t></si>",  # 3
    '<si><r><rPr><b/></rPr><t>须为单位会员</t></r><r><t>（已缴会费）</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></si>',  # 4
    "<si><t>事项</t></si>",  # 5
    "<si><t>时间</t></si>",  # 6
    "<si><t>状态</t></si>",  # 7
    "<si><t>作废</t></si>",  # 8
    "<si><t>现行</t></si>",  # 9
    "<si><t>学会截止</t></si>",  # 10
    "<si><t>联系人</t></si>",  # 11
    "<si><t>融通创新组织榜</t></si>",  # 12
    "</sst>",
])
SHEET1 = "\n".join([
    "===== xl/worksheets/sheet1.xml =====",
    "<worksheet><sheetData>",
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>6</v></c><c r="C2" t="s"><v>4</v></c></row>',
    '<row r="3"><c r="A3" t="s"><v>12</v></c><c r="C3" t="inlineStr"><is><t>成立满2年&amp;以上</t></is></c></row>',
    '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="s"><v>7</v></c></row>',
    '<row r="5"><c r="A5" t="s"><v>10</v></c><c r="B5" t="inlineStr"><is><t>2078年10月27日</t></is></c><c r="C5" t="s"><v>8</v></c></row>',
    '<row r="6"><c r="B6" t="inlineStr"><is><t>2078年11月3日</t></is></c><c r="C6" t="s"><v>9</v></c></row>',
    "</sheetData>",
    '<mergeCells count="1"><mergeCell ref="A5:A6"/></mergeCells>',
    "</worksheet>",
])
BOOK = "\n".join([
    "===== xl/workbook.xml =====",
    '<workbook><sheets><sheet name="安排" sheetId="1" r:id="rId1"/><sheet name="联系人表" sheetId="2" r:id="rId2"/></sheets></workbook>',
])
SHEET2 = "\n".join([
    "===== xl/worksheets/sheet2.xml =====",
    "<worksheet><sheetData>",
    '<row r="1"><c r="A1" t="s"><v>11</v></c><c r="B1" t="inlineStr"><is><t>伍可心 010-61873302</t></is></c></row>',
    "</sheetData></worksheet>",
])
PARTS = "\n".join([SHARED, SHEET1, BOOK, SHEET2])


def test_cells_are_read_from_the_shared_strings_they_point_to() -> None:
    assert is_workbook_parts(PARTS)
    text = clean_text(PARTS).text
    assert "新锐企业榜 | 6 | 须为单位会员（已缴会费）" in text  # a rich text's runs in order, its phonetic guide out
    assert "ふり" not in text and "<si>" not in text and "<v>" not in text
    assert text.index("安排") < text.index("新锐企业榜") < text.index("联系人表") < text.index("伍可心")


def test_an_empty_cell_is_no_merged_cell_but_a_declared_merge_spans_its_rows() -> None:
    text = clean_text(PARTS).text
    # B3 is empty in the sheet: not 6 carried down from the row above.
    assert "融通创新组织榜 | — | 成立满2年&以上" in text
    # A5:A6 is merged: the row in force shows its 事项, under the second table's own header.
    assert "学会截止 | 2078年11月3日 | 现行" in text


def test_a_row_the_status_column_voids_is_not_read_and_the_second_header_heads_its_rows() -> None:
    text = clean_text(PARTS).text
    assert "2078年10月27日" not in text
    assert "事项 | 时间 | 状态" in text


def test_every_cell_quoted_maps_back_to_the_stored_string() -> None:
    mt = clean_text(PARTS)
    at = mt.text.index("须为单位会员")
    start, end = mt.original_span(at, at + len("须为单位会员"))
    assert PARTS[start:end] == "须为单位会员"
    assert verbatim("新锐企业榜 | 6 | 须为单位会员", normalize_for_match(mt.text))


def test_a_notice_that_only_mentions_shared_strings_is_not_a_workbook() -> None:
    plain = "请将名额表（sharedStrings）按 <sst> 格式整理后，于11月3日前报送。<sheetData> 不需要。"
    assert not is_workbook_parts(plain)
