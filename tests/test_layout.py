"""A PDF's layout leftovers: page furniture dropped, tables flattened one cell per line rebuilt,
numbered items never joined to the line before; every character still maps to the original."""

from __future__ import annotations

from assistant.ingest.layout import drop_page_furniture, rebuild_cell_tables
from assistant.ingest.notices import clean_text
from assistant.ingest.textmap import MappedText

from .conftest import source_of

PDF = """东岭市机械工程学会

关于推荐2026年榜单的通知
各会员单位：
现将有关事项通知如下：

— 1 —

东岭市机械工程学会

序号
榜单
推荐名额
联系人
联系电话
1
先导技术榜
不超过2项
周明川
0731-84120011
2
新锐企业榜
不超过1个

— 2 —

东岭市机械工程学会

何静
0731-84120012
联系方式
1. 学会办公室
联系人：邓一帆
电话：0731-84120013

2. 平台技术支持：17600471126；客服电话：010-56057700
"""


def test_page_numbers_and_the_running_head_beside_them_go_and_the_letterhead_stays() -> None:
    text = drop_page_furniture(MappedText.of(PDF)).text
    assert "— 1 —" not in text and "— 2 —" not in text
    assert text.count("东岭市机械工程学会") == 1 and text.startswith("东岭市机械工程学会")


def test_a_table_flattened_one_cell_per_line_is_read_back_row_by_row() -> None:
    clean = clean_text(PDF)
    lines = clean.text.split("\n")
    assert "序号 | 榜单 | 推荐名额 | 联系人 | 联系电话" in lines
    # a row broken by a page break is one row again
    assert "2 | 新锐企业榜 | 不超过1个 | 何静 | 0731-84120012" in lines
    row = "1 | 先导技术榜 | 不超过2项 | 周明川 | 0731-84120011"
    start = clean.text.index(row)
    a, b = clean.original_span(start, start + len(row))
    assert PDF[a:b].startswith("1\n先导技术榜") and PDF[a:b].endswith("0731-84120011")


def test_cells_that_do_not_line_up_are_left_as_lines() -> None:
    broken = "序号\n榜单\n联系人\n电话\n1\n先导技术榜\n周明川\n0731-84120011\n2\n新锐企业榜（由秘书处\n统一联系）\n何静\n0731-84120012\n"
    assert rebuild_cell_tables(MappedText.of(broken)).text == broken


def test_a_numbered_item_is_never_joined_to_the_line_before_it() -> None:
    lines = clean_text(PDF).text.split("\n")
    assert "电话：0731-84120013" in lines and "2. 平台技术支持：17600471126；客服电话：010-56057700" in lines


SHEET = """东岭市科技服务协会关于组织会员申报2025年“科创中国”系列榜单的通知
各会员单位：名额、截止时间和联系人见下表。
榜单,领域,本单位名额,内部截止,联系人,电话
先导技术榜,装备制造,3个,2025年11月3日17:00,梁一鸣,0757-83360001
先导技术榜,人工智能,2个,2025年11月3日17:00,梁一鸣,0757-83360001
新锐企业榜,不分领域,2个,2025年11月6日17:00,冯小川,13902880000
备注：平台截止时间以中国科协通知为准，地址：东岭市科技大厦1,2号楼。
东岭市科技服务协会
2025年10月16日
"""


def test_a_sheet_exported_as_comma_separated_rows_is_read_as_a_table() -> None:
    from assistant.ingest.layout import rebuild_csv_tables

    lines = rebuild_csv_tables(MappedText.of(SHEET)).text.split("\n")
    assert "榜单 | 领域 | 本单位名额 | 内部截止 | 联系人 | 电话" in lines
    assert "新锐企业榜 | 不分领域 | 2个 | 2025年11月6日17:00 | 冯小川 | 13902880000" in lines
    assert any("1,2号楼" in line for line in lines)  # a comma outside the sheet stays


def test_a_table_s_quota_and_deadline_columns_give_each_row_s_facts() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import DeadlineFact, QuotaFact, Scope

    facts = extract_facts(make_notice("dongling_sheet.txt", SHEET))
    quotas = {(tuple(f.lists), tuple(f.fields), f.value) for f in facts if isinstance(f, QuotaFact)}
    assert (("先导技术榜",), ("人工智能",), "2个") in quotas and (("新锐企业榜",), (), "2个") in quotas
    internal = {(tuple(f.lists), f.date) for f in facts if isinstance(f, DeadlineFact) and f.scope == Scope.INTERNAL}
    assert (("新锐企业榜",), "2025-11-06") in internal


ALIGNED = ("附表1  校内任务分工表\n"
           "榜单                    负责部门              联系人  电话                      内部截止\n"
           "------------------------------------------------------------------------------------\n"
           "先导技术榜（电子信息）  科研院成果转化办      韩冰洁  025-84316620              10月15日\n"
           "新锐企业榜              大学科技园管理办公室  杜凯    025-84319260/13813927514  10月20日\n"
           "平台账号及系统问题      科研院信息科          林朔    025-84316605              —\n"
           "\n注：内部截止均为当日17:00前。\n")


def test_a_table_aligned_with_spaces_is_split_where_its_header_s_columns_start() -> None:
    from assistant.ingest.layout import rebuild_aligned_tables

    lines = [line.rstrip() for line in rebuild_aligned_tables(MappedText.of(ALIGNED)).text.split("\n")]
    assert lines[1] == "榜单 | 负责部门 | 联系人 | 电话 | 内部截止"
    # a two-space gap between Chinese cells is a column's start too, when the header's column starts there
    assert lines[3] == "先导技术榜（电子信息） | 科研院成果转化办 | 韩冰洁 | 025-84316620 | 10月15日"
    assert lines[4] == "新锐企业榜 | 大学科技园管理办公室 | 杜凯 | 025-84319260/13813927514 | 10月20日"
    assert lines[-2] == "注：内部截止均为当日17:00前。"  # the table ends at the blank line
    assert "先导技术榜（电子信息） | 科研院成果转化办 | 韩冰洁 | 025-84316620 | 10月15日" in clean_text(ALIGNED).text


def test_a_markdown_tables_row_gives_the_fields_its_list_cell_names() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import DeadlineFact, QuotaFact

    page = ("# 2030年“科创中国”系列榜单 校内申报指南\n\n根据《中国科协办公厅关于征集遴选2030年“科创中国”系列榜单的通知》，"
            "今年设先导技术榜、新锐企业榜。先导技术榜设电子信息、人工智能、生物医药等领域。\n\n## 名额与校内截止\n\n"
            "| 榜单 | 学校名额 | 校内截止 | 联系人 |\n| --- | --- | --- | --- |\n"
            "| 先导技术榜（电子信息、人工智能） | 每个领域3项 | 10月24日 17:00 | 付晓琳 020-39381156 |\n"
            "| 新锐企业榜 | 4家 | 10月17日 17:00 | 梁卓然 020-39381150 |\n")
    facts = extract_facts(make_notice("wiki.txt", page))
    quotas = {(tuple(f.lists), tuple(f.fields), f.value) for f in facts if isinstance(f, QuotaFact)}
    assert (("先导技术榜",), ("电子信息", "人工智能"), "3项") in quotas and (("新锐企业榜",), (), "4家") in quotas
    assert any(isinstance(f, DeadlineFact) and f.lists == ["新锐企业榜"] and f.date == "2030-10-17" for f in facts)


SIDEWAYS = ("杭州市科协关于组织推荐2032年“科创中国”系列榜单候选对象的通知\n今年设先导技术榜、新锐企业榜、融通创新组织榜。\n"
            "表1 各榜单推荐工作要素一览\n"
            "项目 | 先导技术榜 | 新锐企业榜 | 融通创新组织榜\n"
            "各单位报送上限 | 每个领域不超过2项 | 不超过3家 | 不超过1家\n"
            "单位内部截止 | 11月3日17:00 | 11月5日17:00 | 11月5日17:00\n"
            "联系人 | 沈一帆 | 周婧 | 陆海川\n"
            "电话 | 0571-85171236 | 0571-85171239 | 0571-85171245\n"
            "邮箱 | xdjs@hzkx.org.cn | xrqy@hzkx.org.cn | rtcx@hzkx.org.cn\n")


def test_a_table_on_its_side_gives_each_list_columns_facts() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import ContactFact, DeadlineFact, QuotaFact

    notice = make_notice("hzkx_2032.txt", SIDEWAYS)
    assert "项目 | 先导技术榜 | 新锐企业榜 | 融通创新组织榜" in notice.text  # a table's header, not a navigation bar
    facts = extract_facts(notice)
    quotas = {(tuple(f.lists), f.value) for f in facts if isinstance(f, QuotaFact)}
    assert (("先导技术榜",), "2项") in quotas and (("融通创新组织榜",), "1家") in quotas
    assert any(isinstance(f, DeadlineFact) and f.lists == ["新锐企业榜"] and f.date == "2032-11-05" for f in facts)
    contacts = {f.lists[0]: f for f in facts if isinstance(f, ContactFact) and f.lists}
    assert contacts["新锐企业榜"].persons == ["周婧"] and contacts["新锐企业榜"].emails == ["xrqy@hzkx.org.cn"]
    assert not any(isinstance(f, ContactFact) and len(f.phones) >= 3 for f in facts)  # no contact of every column at once


QUOTED_SHEET = """工作计划表,,,,
说明：本表由共享表格导出。,,,,
序号,榜单,内部截止,责任人,备注
1,先导技术榜,10月27日17:00,"韦晨曦
010-63358417","优先推荐芯片方向，
其他方向从严"
2,新锐企业榜,10月24日17:00,"司马越 010-63358420",
3,融通创新组织榜,,,"只推荐""1""家"
4,技术经理人先锋榜,10月30日17:00,阮清妍,
阶段,时间,负责人,,
公示,11月5日—11月9日,,,
评审,11月2日,韦晨曦,,
"""


def test_a_quoted_sheet_with_merged_cells_is_read_row_by_row() -> None:
    from assistant.ingest.layout import rebuild_csv_tables

    mt = rebuild_csv_tables(MappedText.of(QUOTED_SHEET))
    lines = mt.text.split("\n")
    # a quoted cell's commas and line breaks stay inside it; its quotes go, a doubled one is kept once
    assert "1 | 先导技术榜 | 10月27日17:00 | 韦晨曦 010-63358417 | 优先推荐芯片方向， 其他方向从严" in lines
    # a blank between filled cells is a merged cell: the value above; blanks at a row's end are none
    assert '3 | 融通创新组织榜 | 10月24日17:00 | 司马越 010-63358420 | 只推荐"1"家' in lines
    assert "4 | 技术经理人先锋榜 | 10月30日17:00 | 阮清妍" in lines
    assert "公示 | 11月5日—11月9日" in lines and "工作计划表" in lines
    # the row's own characters still map back to the sheet
    assert source_of(mt, QUOTED_SHEET, "融通创新组织榜") == "融通创新组织榜"


WRAPPED = """表1  内部推荐安排

榜单及领域        推荐       申报要求                截止时间及        联系人
                  名额                               提交方式

先导技术榜        不超过3项  各领域合计不超过        10月25日17:00前   郝振东
（装备制造）                 2项；须经审核           OA上传            010-88316725

新锐企业榜        不超过4家  每个单位不超过          10月25日17:00前   郝振东
                             1家                     OA上传            13601152389

榜单及领域        推荐       申报要求                截止时间及        联系人
                  名额                               提交方式

技术经理人        不超过3人  须从事技术转移          10月27日17:00前   冼可欣
先锋榜                       满3年                   报转化中心        010-88316742

注：表中时间均为2033年。
"""


def test_a_pdf_table_with_wrapped_cells_is_read_row_by_row() -> None:
    from assistant.ingest.layout import rebuild_wrapped_tables

    mt = rebuild_wrapped_tables(MappedText.of(WRAPPED))
    lines = mt.text.split("\n")
    assert "榜单及领域 | 推荐名额 | 申报要求 | 截止时间及提交方式 | 联系人" in lines
    assert "先导技术榜（装备制造） | 不超过3项 | 各领域合计不超过2项；须经审核 | 10月25日17:00前OA上传 | 郝振东010-88316725" in lines
    assert "技术经理人先锋榜 | 不超过3人 | 须从事技术转移满3年 | 10月27日17:00前报转化中心 | 冼可欣010-88316742" in lines
    assert sum(line.startswith("榜单及领域") for line in lines) == 1  # the header printed again goes
    assert "注：表中时间均为2033年。" in lines
    # each piece keeps where it was: the second line of a cell maps back to its own place
    assert source_of(mt, WRAPPED, "13601152389") == "13601152389"


COLUMNS = ("二、名额\n表1 集团内部推荐安排\n榜单\n先导技术榜\n新锐企业榜\n技术经理人先锋榜\n集团内部截止\n10月31日\n11月2日\n11月6日\n"
           "联系人\n费敏求\n裴思远\n殷若谷\n电话\n010-59386721\n010-59386735\n13810945527\n注：截止时间均为当日17:00。\n")


def test_a_table_read_column_by_column_is_read_back_row_by_row() -> None:
    mt = clean_text(COLUMNS)
    assert "榜单 | 集团内部截止 | 联系人 | 电话\n先导技术榜 | 10月31日 | 费敏求 | 010-59386721\n" in mt.text
    assert "技术经理人先锋榜 | 11月6日 | 殷若谷 | 13810945527\n注：" in mt.text
    assert source_of(mt, COLUMNS, "殷若谷") == "殷若谷"  # each cell keeps its place in the source


def test_short_lines_without_a_header_every_so_many_lines_stay_lines() -> None:
    text = "附件：\n1. 申报表\n2. 推荐汇总表\n3. 承诺书\n4. 联系人名单\n5. 电话清单\n"
    assert clean_text(text).text.count("|") == 0


def test_a_row_read_back_from_columns_is_quoted_cell_by_cell() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.ingest.textmap import normalize_for_match, verbatim
    from assistant.model import DeadlineFact

    notice = make_notice("c.txt", "集团科协关于组织推荐2035年“科创中国”系列榜单的通知\n" + COLUMNS)
    found = [f for f in extract_facts(notice) if isinstance(f, DeadlineFact) and f.date.endswith("11-06")]
    assert found and found[0].quote == "技术经理人先锋榜 | 11月6日 | 殷若谷 | 13810945527"
    normalized = normalize_for_match(COLUMNS)
    assert verbatim(found[0].quote, normalized)
    assert not verbatim("技术经理人先锋榜 | 11月9日", normalized)  # every cell must be the notice's


def test_a_notice_pasted_as_one_wall_of_text_gets_a_line_per_heading_and_item() -> None:
    wall = ("某某学会文件\u3000某学发〔2036〕27号\u3000关于组织推荐2036年“科创中国”系列榜单的通知\u3000各分支机构：现将有关事项通知如下："
            "一、推荐名额（一）学会名额 按中国科协通知，新锐企业榜推荐不超过4个。（二）报送上限 1.每个分支机构新锐企业榜不超过3家。"
            "2.单位会员每类榜单限报1项。二、工作安排 申报单位于2036年10月25日18时前发送材料。" + "请各单位认真组织。" * 60
            + "附件：1.推荐汇总表")
    lines = clean_text(wall).text.split("\n")
    assert lines[:3] == ["某某学会文件", "某学发〔2036〕27号", "关于组织推荐2036年“科创中国”系列榜单的通知"]
    assert "一、推荐名额" in lines and "（二）报送上限" in lines
    assert "1.每个分支机构新锐企业榜不超过3家。" in lines and lines[-2:] == ["附件：", "1.推荐汇总表"]


def test_a_text_with_its_own_lines_is_not_broken_further() -> None:
    text = "一、安排\n各单位于10月25日前报送（一）汇总表和申报表。\n二、联系\n联系人：王敏"
    assert clean_text(text).text == text


def test_a_long_run_of_header_like_lines_is_read_in_time_proportional_to_its_length() -> None:
    import time

    # An upload of thousands of short lines that each look like a header ("联系人") must not make the
    # column-read table search try every start against every layout (it took over a minute at 8,000).
    text = "某单位通知\n" + "\n".join("联系人" for _ in range(4000))
    started = time.perf_counter()
    clean_text(text)
    assert time.perf_counter() - started < 2.0


def test_a_line_of_many_spaces_is_read_in_time_proportional_to_its_length() -> None:
    import time

    # A line of spaces alone (a PDF's blank line, a pasted form): the wall-of-text break, the <br> tag and the
    # navigation-bar patterns each tried every split of the run (40,000 spaces took minutes).
    text = "各单位：\n请报送。\n" + " " * 40_000 + "\n" + 'msgid "a"\nmsgstr "b"\n\n' * 6
    started = time.perf_counter()
    clean_text(text)
    assert time.perf_counter() - started < 2.0
    # Spaces before a line's text (the chat log's stamp tried every split of the run: 40,000 took 28 s).
    started = time.perf_counter()
    clean_text(" " * 40_000 + "关于2071年“科创中国”榜单的通知")
    assert time.perf_counter() - started < 2.0


def test_many_comma_records_and_many_unfinished_lines_are_read_in_linear_time() -> None:
    """4,000 records of a data literal (commas in every line, no sheet among them): the CSV reader tried a
    sheet from every line of the run, and the hard-wrap test compared every unfinished line's width with
    every other's (42 s); now a run that is no sheet is passed over whole and widths are counted sorted."""
    import time

    text = "export const n = {\n  lists: [\n" + "    { name: '先导技术榜', quota: 1 },\n" * 4000 + "  ],\n};\n"
    started = time.perf_counter()
    clean_text(text)
    assert time.perf_counter() - started < 2.0  # (0.4 s here; 3 s with either fix alone undone, 42 s with both)


def test_a_text_flowcharts_boxes_are_read_as_lines_whole_again() -> None:
    """Boxes drawn with ┌─┐│└─┘ and arrows between them: the drawing goes, each box's lines stay, and a
    line the box wrapped (indented under the one above) is one line again, so its contact is read."""
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import clean_text, make_notice
    from assistant.model import ContactFact

    text = ("临澜学院2041年“科创中国”榜单校内申报流程图\n\n"
            " ┌──────────────────────────────┐\n"
            " │ A2 学院初审：2041年10月31日前，学院将《学院   │\n"
            " │    推荐汇总表》报科研院               │\n"
            " └──────────────────────────────┘\n"
            "                 ↓\n"
            "┌────────────────────────────────┐\n"
            "│ 联系方式                       │\n"
            "│ 先导技术榜电子信息领域初评机构：中国科协某某信息技术 │\n"
            "│   学会联合体，联系人鲍景川，010-61234568/13912345679 │\n"
            "└────────────────────────────────┘\n")
    clean = clean_text(text).text
    assert "《学院推荐汇总表》" in clean and "│" not in clean and "┌" not in clean and "↓" not in clean
    contacts = [f for f in extract_facts(make_notice("flow.txt", text)) if isinstance(f, ContactFact)]
    person = next(f for f in contacts if "13912345679" in f.phones)
    assert person.persons == ["鲍景川"] and person.field_keys == ["电子信息"]


def _two_columns() -> str:
    """A board notice set in two columns, transcribed row by row (the right column opening with wide spaces)."""
    left = ["柘岭园区各企业：", "　　根据科协通知，园区将组织企业申报", "2061年榜单，现将有关事项通知如下：", "一、推荐名额",
            "　　先导技术榜每个领域各单位推荐不超过", "4个；新锐企业榜各单位推荐不超过6个；", "融通创新组织榜各单位推荐不超过2个。",
            "二、园区条件", "　　注册地和主要经营场所均须在园区范"]
    right = ["三、工作安排", "　　有意申报的企业请于2061年11月12日17:00", "前，将申报样表报送园区企业服务中心，", "同时发送电子版至园区邮箱。",
             "四、联系方式", "　　联系人：孟繁予", "　　电话：0573-86291140", "", ""]
    rows = []
    for a, b in zip(left, right, strict=True):
        pad = 50 - sum(2 if ord(ch) > 0x2000 else 1 for ch in a)
        rows.append((a + " " * pad + b).rstrip())
    rows.append("围内。")
    return "关于组织园区企业申报2061年榜单的通知\n\n" + "\n".join(rows) + "\n"


def test_a_page_in_two_columns_read_row_by_row_is_read_column_by_column() -> None:
    """Each line the left column's text, spaces, then the right column's: each column reads whole, in
    order, its wrapped sentences joined again, and every quote still maps to the original."""
    from assistant.ingest.layout import read_two_columns

    text = _two_columns()
    mt = read_two_columns(MappedText.of(text))
    assert mt.text.index("二、园区条件") < mt.text.index("三、工作安排")  # the left column first, whole
    clean = clean_text(text).text
    assert "新锐企业榜各单位推荐不超过6个" in clean.replace("\n", "")
    assert "请于2061年11月12日17:00前，将申报样表报送园区企业服务中心" in clean  # "…17:00" / "前…" runs on
    assert source_of(clean_text(text), text, "联系人：孟繁予") == "联系人：孟繁予"


def test_a_table_aligned_with_spaces_is_not_taken_for_two_columns() -> None:
    """Two short cells a line, split at one column: a table's rows, not a page's columns."""
    from assistant.ingest.layout import read_two_columns

    rows = [f"{name}{' ' * (40 - 2 * len(name))}{quota}" for name, quota in
            [("先导技术榜", "每个领域4个"), ("新锐企业榜", "6个"), ("融通创新组织榜", "2个"), ("技术经理人先锋榜", "3人"),
             ("场景创新榜", "2个"), ("开源创新榜", "2个"), ("青年创业榜", "3人")]]
    text = "\n".join(rows)
    assert read_two_columns(MappedText.of(text)).text == text


def test_a_forms_field_dump_reads_as_its_labels_and_values() -> None:
    """"字段名: 推荐单位联系人 | 值: 严若岚（只读）": the field's label and value, a line of its own (not a
    table's row, not the start of the next line); a drop-down's choices kept; check boxes as ☑/☐."""
    text = ("=== PDF 表单字段导出 ===\n字段名: 推荐单位联系人 | 值: 严若岚（只读）\n字段名: 推荐单位联系电话 | 值: 0532-86793318\n"
            "下拉: 申报榜单 | 选项: 新锐企业榜（上限6家）/场景创新榜（上限2个） | 值: 新锐企业榜（上限6家）\n"
            "[固定文本] 企业所处阶段\n复选框[ ] 初创期\n复选框[√] 成长期\n")
    lines = clean_text(text).text.split("\n")
    assert "推荐单位联系人：严若岚。" in lines and "推荐单位联系电话：0532-86793318。" in lines
    assert "申报榜单：新锐企业榜（上限6家）（选项：新锐企业榜（上限6家）/场景创新榜（上限2个））。" in lines
    assert lines[-3:] == ["企业所处阶段", "☐ 初创期", "☑ 成长期"]


TAB_SHEET = ("2057年榜单校内跟踪表\n"
             "学院\t榜单\t领域\t校内名额\t截止\t负责人\t备注\n"
             "海洋学院\t先导技术榜\t空天海洋\t2\t11月6日\t卓远\t截止顺延\n"
             "机械学院\t\t装备制造\t2\t10月30日\t邢航\t\n"
             "\t\t产业基础\t\t\t\t两个领域分别计算\n"
             "科技园\t新锐企业榜\t—\t4\t10月28日\t骆雨\t\n")


def test_a_sheet_exported_with_tabs_keeps_its_columns_and_reads_merged_cells_as_the_sheet_shows_them() -> None:
    mt = clean_text(TAB_SHEET)
    lines = mt.text.split("\n")
    assert "学院 | 榜单 | 领域 | 校内名额 | 截止 | 负责人 | 备注" in lines
    # a merged cell's blanks (its first row holds the value) read as the cell above
    assert "机械学院 | 先导技术榜 | 装备制造 | 2 | 10月30日 | 邢航" in lines  # no remark: the blank at the end goes
    assert "机械学院 | 先导技术榜 | 产业基础 | 2 | 10月30日 | 邢航 | 两个领域分别计算" in lines
    assert "科技园 | 新锐企业榜 | — | 4 | 10月28日 | 骆雨" in lines  # a remark is never a merged cell
    assert source_of(mt, TAB_SHEET, "两个领域分别计算") == "两个领域分别计算"


MERGED_SIDEWAYS = ("澄江市科协关于组织推荐2047年“科创中国”系列榜单的通知\n今年设先导技术榜、新锐企业榜、融通创新组织榜。\n"
                   "先导技术榜设电子信息、生物医药、绿色低碳等领域。\n"
                   "| 项目 | 先导技术榜 |  | 新锐企业榜 | 融通创新组织榜 |\n| --- | --- | --- | --- | --- |\n"
                   "| 适用范围 | 绿色低碳领域 | 电子信息、生物医药领域 | 中小企业 | 新型研发机构 |\n"
                   "| 推荐名额 | 市科协推荐不超过2个，各区报送不超过1个 | 每个领域市科协推荐不超过3个 | 不超过4家 | 不超过1家 |\n"
                   "| 受理部门 | 市科协融合部 | 市科协学会部 | 市科协企业部 | 市科协融合部 |\n"
                   "| 联系人 | 霍临川 | 简若溪 | 单明远 | 霍临川 |\n"
                   "| 电话 | 0871-61112201 | 0871-61112202 | 0871-61112203 | 0871-61112201 |\n"
                   "| 备注 | 优先推荐目录内项目 | 同一单位只报1项 | 须为市库在库企业 | 须在本市设立实体机构满1年 |\n")


def test_a_sideways_tables_merged_header_cells_multi_party_quotas_offices_and_remarks_are_each_columns() -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import make_notice
    from assistant.model import ContactFact, EligibilityFact, QuotaFact

    notice = make_notice("cjkx_2047.txt", MERGED_SIDEWAYS)
    facts = extract_facts(notice)
    quotas = {(tuple(f.lists), tuple(f.fields), f.subject, f.quote) for f in facts if isinstance(f, QuotaFact)}
    # The empty header cell is 先导技术榜's second column, told apart by the fields its scope row names;
    # a cell setting a limit for each party is one quota each, cited at its own words.
    assert quotas == {
        (("先导技术榜",), ("绿色低碳",), "市科协", "市科协推荐不超过2个"),
        (("先导技术榜",), ("绿色低碳",), "各区", "各区报送不超过1个"),
        (("先导技术榜",), ("电子信息", "生物医药"), "市科协", "每个领域市科协推荐不超过3个"),
        (("新锐企业榜",), (), "", "不超过4家"),
        (("融通创新组织榜",), (), "", "不超过1家"),
    }
    contacts = {(f.lists[0], tuple(f.fields)): f for f in facts if isinstance(f, ContactFact) and f.lists}
    assert contacts[("先导技术榜", ("电子信息", "生物医药"))].persons == ["简若溪"]
    assert contacts[("先导技术榜", ("电子信息", "生物医药"))].org == "市科协学会部"  # the office row
    conditions = {f.list_keys[0]: f.conditions for f in facts if isinstance(f, EligibilityFact)}
    assert conditions == {"新锐企业榜": ["须为市库在库企业"], "融通创新组织榜": ["须在本市设立实体机构满1年"]}


ACROSS_PAGES = ("澄江省科学技术协会关于组织推荐2047年“科创中国”系列榜单的通知\n一、名额\n"
                "榜单\t省内名额\t省内截止\t受理处室\t联系人\t电话\n"
                "先导技术榜\t每个领域2个\t2047年10月28日17:00\t学会学术部\t葛文朔\t0739-8621405\n"
                "融通创新组织榜\t1个\t2047年10月31日17:00\t科技服务处\n\n"
                "                                    — 2 —\n\n"
                "澄江省科学技术协会文件                              澄科协函〔2047〕57号\n\n"
                "榜单\t省内名额\t省内截止\t受理处室\t联系人\t电话\n"
                "\t\t\t骆明珊\t0739-8621433\n"
                "场景创新示范榜\t1个\t2047年11月3日17:00\t调研宣传部\t阚思远\t0739-8621452\n"
                "— 3 —\n澄江省科学技术协会文件                              澄科协函〔2047〕57号\n"
                "二、要求\n按时报送。\n")


def test_a_tab_table_across_a_page_break_is_one_table_its_cut_row_joined() -> None:
    from assistant.ingest.notices import make_notice

    lines = make_notice("cj.txt", ACROSS_PAGES).text.split("\n")
    assert "融通创新组织榜 | 1个 | 2047年10月31日17:00 | 科技服务处 | 骆明珊 | 0739-8621433" in lines
    assert lines.count("榜单 | 省内名额 | 省内截止 | 受理处室 | 联系人 | 电话") == 1  # the header repeated atop page 2 goes
    assert "场景创新示范榜 | 1个 | 2047年11月3日17:00 | 调研宣传部 | 阚思远 | 0739-8621452" in lines


def test_a_long_run_of_spaced_lines_is_read_in_linear_time() -> None:
    import time

    from assistant.ingest.notices import clean_text

    # (3,000 rows of an XML table, each a line of spaced cells, took 78 s in the two-column reader)
    row = "先导技术榜" + "   " + "   ".join(f"单元{i}" for i in range(12))
    started = time.perf_counter()
    clean_text("关于征集2071年榜单的通知\n" + "\n".join([row] * 2000))
    assert time.perf_counter() - started < 2.0  # (0.4 s here; 3 s with either fix alone undone, 42 s with both)


def test_a_semicolon_separated_sheet_reads_as_rows_and_a_row_marked_not_in_force_goes() -> None:
    from assistant.ingest.notices import clean_text

    sheet = "\n".join([
        "序号;类别;榜单;字段;值;备注;生效",
        "20;名额;新锐企业榜;设区市推荐上限;每个设区市不超过5家;2076-10-08录入;否",
        '21;名额;新锐企业榜;设区市推荐上限;每个设区市不超过3家;"更正; 替代第20行";是',
        "22;名额;融通协同平台榜;设区市推荐上限;每个设区市不超过2个;;是",
    ])
    lines = clean_text(sheet).text.split("\n")
    # (one fact a row: read as "subject field：value（remark）", longtables.py)
    assert "名额 新锐企业榜 设区市推荐上限：每个设区市不超过3家（更正; 替代第20行）" in lines
    assert not any("不超过5家" in line for line in lines)


def test_a_column_blank_in_the_sheets_first_row_has_empty_cells_not_merged_ones() -> None:
    from assistant.ingest.notices import clean_text

    sheet = "\n".join([
        "序号;类别;榜单;名额;截止",
        "1;文件;;;2076年10月8日",
        "2;名额;先导技术榜;每个领域不超过2个;11月20日",
        "3;名额;;可叠加推荐名额;11月20日",
        "4;时间;;—;2076年11月20日17:00前",
    ])
    lines = clean_text(sheet).text.split("\n")
    # the 榜单 column is blank in the first row: a merge writes its value there, so its blanks are empty
    assert "3 | 名额 |  | 可叠加推荐名额 | 11月20日" in lines
    assert "4 | 时间 |  | — | 2076年11月20日17:00前" in lines


def test_a_rule_table_whose_cell_says_invalid_keeps_its_row_and_a_remark_of_void_drops_it() -> None:
    from assistant.ingest.notices import clean_text

    assert "逾期提交或未盖章 | 无效" in clean_text("情形 | 处理\n逾期提交或未盖章 | 无效\n材料齐全 | 有效\n").text
    text = clean_text("阶段 | 截止时间 | 备注\n市科协报省科协 | 2090年11月4日 | 已作废\n市科协报省科协 | 2090年11月12日 | \n").text
    assert "11月4日" not in text and "11月12日" in text
