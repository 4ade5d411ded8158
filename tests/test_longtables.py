"""A table of one fact a row: each row read as its subject, field and value; a record's rows as one line."""

from assistant.ingest.longtables import long_header, read_long_tables
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

SHEET = "\n".join([
    "序号;类别;榜单;字段;值;备注;生效",
    "1;名额;新锐企业榜;省级推荐上限;不超过4个;中国科协规定;是",
    "2;名额;新锐企业榜;设区市推荐上限;每个设区市不超过5家;录入;否",
    "3;名额;新锐企业榜;设区市推荐上限;每个设区市不超过3家;更正，替代第2行;是",
    "4;时间;;报送省科协;2076年11月20日17:00前;;是",
    "5;联系人;新锐企业榜;省科协联系人-姓名;苗嘉禾;兼管融通榜;是",
    "6;联系人;新锐企业榜;省科协联系人-电话;0872-63158024;;是",
    "7;联系人;先导技术榜;省科协联系人-姓名;宁书航;;是",
])


def test_each_row_reads_as_its_subject_field_and_value_with_its_remark() -> None:
    lines = clean_text(SHEET).text.split("\n")
    assert "名额 新锐企业榜 省级推荐上限：不超过4个（中国科协规定）" in lines
    assert "名额 新锐企业榜 设区市推荐上限：每个设区市不超过3家（更正，替代第2行）" in lines
    assert not any("5家" in line for line in lines)  # the row no longer in force
    assert "时间 报送省科协：2076年11月20日17:00前" in lines  # an empty subject cell leaves no gap


def test_a_records_attributes_on_rows_of_their_own_read_as_one_line() -> None:
    lines = clean_text(SHEET).text.split("\n")
    assert "联系人 新锐企业榜 省科协联系人：姓名：苗嘉禾（兼管融通榜），电话：0872-63158024" in lines
    # another subject is another record
    assert "联系人 先导技术榜 省科协联系人：姓名：宁书航" in lines


def test_the_cells_keep_their_place_in_the_notice() -> None:
    mt = clean_text(SHEET)
    line = "名额 新锐企业榜 省级推荐上限：不超过4个（中国科协规定）"
    at = mt.text.index(line)
    start, end = mt.offsets[at], mt.offsets[at + len(line) - 1]
    assert SHEET[start:end + 1].startswith("名额;新锐企业榜;省级推荐上限;不超过4个;中国科协规定")
    assert end > start  # the closing bracket maps to where the remark ends, not to the row's start


def test_a_two_column_table_or_a_table_without_field_and_value_columns_is_not_long() -> None:
    assert long_header(["事项", "内容"]) is None  # each row already a label and its value
    assert long_header(["榜单", "名额", "截止"]) is None
    assert long_header(["序号", "类别", "字段", "值"]) is not None
    table = MappedText.of("榜单 | 名额 | 截止\n先导技术榜 | 2项 | 10月30日\n新锐企业榜 | 1家 | 10月28日")
    assert read_long_tables(table).text == table.text


def test_a_row_marked_not_in_force_goes_whatever_the_tables_separator() -> None:
    tab = "类别\t榜单\t字段\t值\t是否生效\n时间\t新锐企业榜\t截止时间\t2078年11月12日\t否\n时间\t新锐企业榜\t截止时间\t2078年11月16日\t是\n"
    text = clean_text(tab).text
    assert "时间 新锐企业榜 截止时间：2078年11月16日" in text.split("\n") and "11月12日" not in text
