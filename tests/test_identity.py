"""Who issued a notice, read from wherever the notice says it (ingest/identity.py), and the names a
question may call that issuer by (answer/pointer.py: issuer_names)."""

from __future__ import annotations

from assistant.answer.pointer import issuer_names
from assistant.ingest.identity import identify

BODY = "根据《中国科协办公厅关于征集遴选2025年“科创中国”系列榜单的通知》，现将有关事项通知如下。\n一、推荐名额\n新锐企业榜不超过5个。\n"


def test_a_red_header_names_its_issuer_even_when_the_scan_garbled_its_ending() -> None:
    text = "北湖大学科学技术研究阮文件\n\n北湖大科字[2025]7号\n\n关于组织申报2025年“科创中国”系列榜单的\n通知\n\n各学院：\n" + BODY
    meta = identify(text)
    assert meta["issuer"] == "北湖大学科学技术研究阮"
    assert meta["title"] == "关于组织申报2025年“科创中国”系列榜单的通知"  # one title over two lines
    assert meta["kind"] == "internal"


def test_an_issuer_in_a_labelled_field_of_a_post_or_a_sheet() -> None:
    post = "【群公告】某园区企业群\n发布人：西岭高新区科技创新服务中心-王小明\n发布时间：2025-10-20 09:15\n" + BODY
    sheet = "南江省技术市场协会\n2025年“科创中国”系列榜单推荐登记表\n发布单位：南江省技术市场协会秘书处\n" + BODY
    assert identify(post)["issuer"] == "西岭高新区科技创新服务中心"
    assert identify(post)["kind"] == "forwarding"
    assert identify(sheet)["issuer"] == "南江省技术市场协会"


def test_an_issuer_that_calls_itself_by_a_declared_short_name() -> None:
    text = ("# 关于组织申报2025年“科创中国”系列榜单的说明（集团内部）\n"
            "北辰重工集团有限公司科学技术协会（以下简称“集团科协”）统一组织申报。\n"
            "各单位材料报集团科协。集团科协组织评审。集团科协统一推荐。\n" + BODY)
    assert identify(text)["issuer"] == "北辰重工集团有限公司科学技术协会"
    once = "材料报送至东林材料学会（以下简称“材料学会”）秘书处。\n" + BODY  # named once: another organisation
    assert identify(once)["issuer"] != "东林材料学会"


def test_a_group_is_called_by_its_brand_and_a_park_by_its_place() -> None:
    assert "北辰集团" in issuer_names("北辰重工集团有限公司科学技术协会")
    assert "西岭" in issuer_names("西岭高新区科技创新服务中心")
    assert "集团" not in [n[-2:] for n in issuer_names("北湖大学科学技术研究院")]
