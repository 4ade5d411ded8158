"""A notice's cross-references read and followed (answer/crossref.py, the reader)."""

from __future__ import annotations

import datetime as dt

from assistant.answer.crossref import item_line, names_section, references

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
