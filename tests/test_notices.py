"""Reading, cleaning with an offset map back to the original, and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.notices import NoticeError, clean_text, heading_level, make_notice, read_document
from assistant.ingest.textmap import MappedText, normalize_for_match


def test_offsets_map_every_clean_char_back_to_its_source(notices) -> None:
    for notice in notices.values():
        clean = notice.clean
        assert len(clean.offsets) == len(clean.text)
        assert clean.offsets == sorted(clean.offsets)
        for i, ch in enumerate(clean.text):
            src = notice.original[clean.offsets[i]]
            # identical, or a repair we made on purpose (full-width digit, bracket, tab, space)
            assert ch == src or normalize_for_match(ch) == normalize_for_match(src) or not normalize_for_match(ch)


def test_cleaning_repairs_pdf_artifacts() -> None:
    original = "科协办函创字„2022‟91号\n\n联 系 人：丁  波\n\n各榜单对应的初评机构根据申报情况组织开展榜单初评工\n\n作，于２０２３年12月30日前报送。\n\n — 2 — \n\n"
    clean = clean_text(original)
    assert "〔2022〕" in clean.text
    assert "联系人：丁波" in clean.text
    assert "初评工作，于2023年12月30日前" in clean.text
    assert "— 2 —" not in clean.text
    start = clean.text.index("初评工作")
    s, e = clean.original_span(start, start + 4)
    assert original[s:e].replace("\n", "") == "初评工作"


def test_cleaning_keeps_names_apart() -> None:
    clean = clean_text("联系人：“科创中国”联合体秘书处  徐春淼  董娜娜\n")
    assert "秘书处 徐春淼 董娜娜" in clean.text


def test_mapped_sub_maps_replacements() -> None:
    mt = MappedText.of("ab12cd").sub(r"\d+", "X")
    assert mt.text == "abXcd"
    assert mt.original_span(2, 3) == (2, 3)
    assert mt.original_span(3, 5) == (4, 6)


@pytest.mark.parametrize(
    ("line", "level"),
    [("一、榜单设置", 1), ("（二）推荐名额", 2), ("(一) 推荐渠道", 2), ("3. 先导技术榜（装备制造领域、产业基础领域）", 3),
     ("10．“科创中国”联合体秘书处（新锐企业榜）", 3), ("（1）技术介绍", 4), ("附件2", 0),
     ("1. 先导技术榜每个领域各单位推荐不超过3个；新锐企业榜各单位推荐不超过5个", None), ("联系人：郑伯龙", None),
     ("第五点 条件把关", 1), ("第二部分：申报条件", 1), ("第一点要说明的是，今年名额有调整。", None)],
)
def test_heading_levels(line: str, level: int | None) -> None:
    assert heading_level(line) == level


def test_metadata_of_a_forwarding_notice(notices) -> None:
    n = notices["001"]
    assert n.kind == "forwarding" and n.parent_doc_number and not n.doc_number
    assert notices["000"].issuer == "中国科协办公厅"


def test_reads_gbk_and_gb18030(tmp_path: Path, notices) -> None:
    text = notices["004"].original
    for enc in ("gbk", "gb18030"):
        p = tmp_path / f"n_{enc}.txt"
        p.write_bytes(text.encode(enc, errors="replace"))
        assert read_document(p).startswith("中国科协办公厅关于征集遴选2021")


def test_reads_docx(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in ["关于开展2025年“科创中国”系列榜单征集遴选工作的通知", "一、榜单设置", "2025年设置先导技术榜、新锐企业榜。"]:
        d.add_paragraph(line)
    p = tmp_path / "n.docx"
    d.save(str(p))
    notice = make_notice("n.txt", read_document(p))
    assert notice.year == 2025


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("empty.txt", b"", "为空"), ("bin.txt", b"\x00\x01\x02binary", "二进制"), ("bad.docx", b"not a zip", ".docx"),
     ("bad.pdf", b"%PDF-1.4 garbage", ".pdf"), ("x.exe", b"MZ", "不支持")],
)
def test_bad_files_get_clear_chinese_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(NoticeError, match=message):
        read_document(p)


def test_a_drawn_rule_and_a_date_alone_on_its_line_are_never_joined_to_their_neighbours() -> None:
    from assistant.ingest.notices import clean_text

    poster = ("成立不超过10年，未列入经营异常名录和严重违法失信企业名单\n━━━━━━━━━━━━━━\n关键时间\n━━━━━━━━━━━━━━\n"
              "政策宣讲会｜图书馆报告厅\n10月26日17:00\n校内报名截止\n")
    lines = clean_text(poster).text.split("\n")
    assert "━━━━━━━━━━━━━━" in lines and "10月26日17:00" in lines and "校内报名截止" in lines


def test_a_markdown_or_tabbed_tables_cells_stay_apart_after_full_width_punctuation() -> None:
    from assistant.ingest.notices import clean_text

    md = clean_text("| 榜单 | 名额 | 校内截止 |\n| --- | :---: | --- |\n| 先导技术榜（电子信息、人工智能） | 每个领域3项 | 10月24日 17:00 |\n")
    assert md.text.split("\n") == ["榜单 | 名额 | 校内截止", "先导技术榜（电子信息、人工智能） | 每个领域3项 | 10月24日17:00"]
    assert clean_text("先导技术榜（AI）\t3项\t10月24日").text == "先导技术榜（AI） | 3项 | 10月24日"


def test_a_blank_line_ends_a_paragraph_unless_the_text_was_wrapped_at_a_width_or_stops_mid_word() -> None:
    # A Markdown-like page: its author's lines, a blank line between them; none is half a sentence.
    page = "# 南屿省科协会议纪要\n\n〔2037〕第14期\n\n南屿省科学技术协会办公室　2037年10月13日\n\n## 关于推荐工作的专题会议纪要\n\n会议研究部署推荐工作。"
    lines = clean_text(page).text.split("\n")
    assert lines[:4] == ["南屿省科协会议纪要", "〔2037〕第14期", "南屿省科学技术协会办公室2037年10月13日", "关于推荐工作的专题会议纪要"]
    # A PDF's page break falls mid-word ("…初评工" / "作，…") or after a comma: joined across it.
    broken = "各榜单对应的初评机构根据申报情况组织开展榜单初评工\n\n作，于12月30日前报送。\n\n推荐单位须认真审核，\n\n确保材料真实。"
    assert clean_text(broken).text.split("\n") == ["各榜单对应的初评机构根据申报情况组织开展榜单初评工作，于12月30日前报送。",
                                                   "推荐单位须认真审核，确保材料真实。"]


def test_a_spreadsheet_exported_as_tsv_csv_or_xlsx_is_read_as_a_table(tmp_path: Path) -> None:
    from openpyxl import Workbook

    rows = [["榜单", "内部截止", "联系人"], ["新锐企业榜", "2037年10月22日17:00", "葛晓棠"]]
    (tmp_path / "a.tsv").write_text("\n".join("\t".join(r) for r in rows), encoding="utf-8")
    (tmp_path / "a.csv").write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    book = Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(r)
    book.save(tmp_path / "a.xlsx")
    for name in ("a.tsv", "a.csv", "a.xlsx"):
        text = clean_text(read_document(tmp_path / name)).text
        assert "新锐企业榜 | 2037年10月22日17:00 | 葛晓棠" in text, name
    with pytest.raises(NoticeError, match="xlsx"):
        (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
        read_document(tmp_path / "bad.xlsx")


def test_a_notice_in_traditional_characters_is_read_as_simplified_each_character_in_its_place() -> None:
    original = "關於轉發2026年「科創中國」系列榜單徵集通知的通告\n聯繫人：何嘉欣"
    clean = clean_text(original)
    assert clean.text.startswith("关于转发2026年“科创中国”系列榜单征集通知的通告")
    assert [original[i] for i in clean.offsets[:2]] == ["關", "於"]
    # Quotes and expected answers are compared the same way, whichever characters they are written in.
    assert normalize_for_match("联系人：何嘉欣") in normalize_for_match(original)


def test_a_scans_letters_inside_numbers_and_its_wrapped_numbered_items_are_read_as_printed() -> None:
    original = ("四、时间安排\n"
                "（三）列入全市推荐名单的申报人须在2O55年12月5日24时前在\n"
                "“科创中国”平台完成线上申报，逾期平台将关闭。\n"
                "（四）联系电话：0736-225l806\n")
    text = clean_text(original).text
    assert "（三）列入全市推荐名单的申报人须在2055年12月5日24时前在“科创中国”平台完成线上申报" in text
    assert "0736-2251806" in text
    assert "四、时间安排\n（三）" in text  # a short heading is still a line of its own


def test_a_posters_big_figure_inside_a_sentence_is_read_with_it_but_a_caption_figure_stays() -> None:
    text = "谁能报？\n新锐企业\n注册在澄江，成立不超过\n10\n年\n名额\n3\n个推荐名额（每个榜单）\n"
    lines = clean_text(text).text.split("\n")
    assert "注册在澄江，成立不超过10年" in lines
    assert "3" in lines  # a figure heading its own caption: the reader reads its lines together


def test_a_long_line_of_prompts_is_read_in_linear_time() -> None:
    import time

    from assistant.ingest.notices import clean_text

    # (a row of empty cells: "概念验证中心榜 |  |  | … | 2067年12月22日前" took 2.7 s in the navigation-bar pattern)
    line = "概念验证中心榜 " + "|  " * 14 + "| 2071年12月22日前"
    started = time.perf_counter()
    clean_text("关于征集2071年榜单的通知\n" + "\n".join([line] * 3))
    assert time.perf_counter() - started < 2.0


def test_markdown_links_show_where_they_lead_and_their_definitions_go() -> None:
    """"[科技创新局邮箱][mail]" with "[mail]: mailto:…" at the page's foot: the address where it is named (a
    reverse look-up finds whose it is); an inline link's address beside its text; a page's own path is no address."""
    page = ("六、联系方式\n- 园区科技创新局：卓一帆，0593-27758106，邮件请发[科技创新局邮箱][mail]\n"
            "- 平台：[“科创中国”平台][platform]；附件：[汇总表](/u/fj2.xlsx)；[原通知](https://example.org/214.html \"原通知\")\n\n"
            "[platform]: https://bangdan.example.cn \"平台\"\n[mail]: mailto:kjcxj@example.gov.cn\n")
    text = clean_text(page).text
    assert "卓一帆，0593-27758106，邮件请发科技创新局邮箱（kjcxj@example.gov.cn）" in text
    assert "“科创中国”平台（https://bangdan.example.cn）" in text and "附件：汇总表；原通知（https://example.org/214.html）" in text
    assert "[mail]" not in text and "mailto" not in text and "/u/fj2.xlsx" not in text


def test_a_printouts_running_head_and_foot_go_and_each_page_starts_on_its_own_line() -> None:
    """An OA system's printout: "XX省科协  文件打印  页码: 2/3  打印时间: …" atop every page, "操作员: …  第1页共3页"
    at every foot, a form feed between pages. The first page's head stays (it names the issuer); the rest go."""
    head = "岱宗省科学技术协会  文件打印  页码: {}/3  打印时间: 2041-09-26 14:22"
    foot = "操作员: bgs03  第{}页共3页"
    pages = [f"{head.format(n)}\n{body}\n{foot.format(n)}" for n, body in
             enumerate(["关于转发2041年“科创中国”系列榜单通知的通知", "二、各市科协于2041年11月4日前报送。", "三、联系人覃振宇。"], 1)]
    text = clean_text("\f".join(pages)).text
    assert text.count("页码") == 1 and text.startswith("岱宗省科学技术协会") and "操作员" not in text
    assert "二、各市科协于2041年11月4日前报送。" in text.split("\n") and "三、联系人覃振宇。" in text.split("\n")
