"""A notice's cross-references read and followed (answer/crossref.py, the reader)."""

from __future__ import annotations

import datetime as dt

from assistant.answer.crossref import answer_lines, item_line, names_section, only_points, references

from .conftest import with_notice


def test_a_reference_names_its_part_clause_and_item() -> None:
    (ref,) = references("2. 线上填报截止时间按本指南第二部分第（一）条第3项执行。")
    assert ref.headings == ("二、", "（一）") and ref.item == "3"
    assert names_section(ref, ["二、时间安排", "（一）中国科协时间安排"])
    assert not names_section(ref, ["二、时间安排", "（二）本市时间安排"])
    assert item_line(ref, "3. 平台申报截止：2057年12月5日24时。") and not item_line(ref, "2. 初评评审：12月。")


def test_an_annex_and_a_clause_are_references_too() -> None:
    (annex,) = references("名额分配见附件2。")
    assert names_section(annex, ["附件2 各区县推荐名额分配表"]) and not names_section(annex, ["附件1 材料清单"])
    (clause,) = references("联系方式同第三部分第（二）条。")
    assert names_section(clause, ["三、联系方式", "（二）市科协联系人"])
    assert references("按中国科协要求执行") == []


GUIDE = """临川市科学技术协会
2041年“科创中国”系列榜单申报指南
一、时间安排
（一）中国科协时间安排
1. 组织征集：2041年10月9日起。
2. 平台申报截止：2041年12月5日24时。
（二）本市时间安排
1. 材料报送：区县科协于2041年11月28日12:00前报送市科协。
二、申报程序
（一）网上填报
1. 申报单位登录平台填写申报书。
2. 线上填报截止时间按本指南第一部分第（一）条第2项执行。
"""


def test_the_reader_shows_what_a_passage_points_to(tmp_path, small_settings) -> None:  # noqa: ANN001
    bot = with_notice(small_settings, tmp_path, "linchuan_2041.txt", GUIDE, today=dt.date(2041, 10, 20))
    answer = bot.answer("临川市科协的指南里，线上填报截止时间按第一部分第（一）条第2项执行，那到底是几号？").answer
    assert "12月5日24时" in answer[:300]


FAQ = """问7：平台榜对机构有什么要求？
答7：机构类型为新型研发机构、专业技术转移机构中的一类。
成立时间须在2040年9月1日之前；创新联合体可放宽至2041年9月1日之前。
问8：创新联合体的成立时间有没有放宽？
答8：见问7第二段。
问9：名额多少？
答9：参照附表1。"""


def test_a_faqs_answer_that_only_points_names_the_answer_and_its_paragraph() -> None:
    (ref,) = references("答8：见问7第二段。")
    assert ref.question == "7" and ref.paragraph == 2
    assert answer_lines(ref, FAQ) == ["成立时间须在2040年9月1日之前；创新联合体可放宽至2041年9月1日之前。"]
    assert answer_lines(references("同问7。")[0], FAQ)[0].startswith("答7：")
    assert only_points("答8：见问7第二段。") and only_points("答9：参照附表1。")
    assert not only_points("答7：机构类型为新型研发机构，详见附件2。")


def test_the_reader_follows_a_faq_answer_to_the_answer_it_points_to(tmp_path, small_settings) -> None:  # noqa: ANN001
    faq = "临川省技术市场协会2041年“科创中国”系列榜单推荐工作常见问题解答\n" + FAQ.replace("2040", "2039").replace("2041", "2040")
    bot = with_notice(small_settings, tmp_path, "linchuan_faq_2041.txt", faq, today=dt.date(2041, 10, 20))
    lines = bot.answer("临川技术市场协会问答里，问8说创新联合体的成立时间放宽了没有？").answer.split("\n")
    pointer = next(i for i, line in enumerate(lines) if "见问7第二段" in line)
    assert "2040年9月1日之前" in lines[pointer + 1] or "2040年9月1日之前" in lines[pointer + 2]
