"""The method's tools: the naive baseline, perturbations, a batch's own corpus, identity from the body."""

from __future__ import annotations

import random

from assistant.ingest.identity import identify
from assistant.tools.baseline import NaiveBaseline, paragraphs
from assistant.tools.evaluate import grade
from assistant.tools.perturb import NOT_FOR_DECLINES, TRANSFORMS, variants

from .conftest import source_of


def test_paragraphs_are_whole_lines_up_to_260_characters() -> None:
    text = "\n".join(f"第{i}行" + "字" * 50 for i in range(20))
    paras = paragraphs("n", text)
    assert len(paras) > 1
    assert all(len(p.text) <= 260 for p in paras)
    assert all(text[p.start : p.end] == p.text for p in paras)


def test_the_baseline_pastes_three_cited_paragraphs(bot) -> None:
    naive = NaiveBaseline(bot.notices)
    ans = naive.answer("2023年先导技术榜的申报截止时间")
    assert len(ans.citations) == 3
    row = grade({"id": "x", "all": ["11月30日"]}, ans, bot.notices)
    assert row["valid"]


def test_perturbations_are_seeded_distinct_and_spare_declines() -> None:
    q = "老师，2023年新锐企业榜的截止时间是什么时候？"
    a = variants(q, 5, random.Random(1))
    b = variants(q, 5, random.Random(1))
    assert a == b and len({v.transform for v in a}) == len(a) == 5
    assert all(v.q != q and v.transform in TRANSFORMS for v in a)
    for seed in range(20):
        assert not {v.transform for v in variants(q, 8, random.Random(seed), decline=True)} & NOT_FOR_DECLINES


def test_an_issuer_named_only_in_the_body_is_read() -> None:
    text = ("首页 | 通知公告\n关于组织推荐2024年榜单的通知\n发布时间：2024-09-12\n"
            "根据有关通知，东岭新能源学会（以下简称“我会”）现面向会员征集候选项目。\n请于10月10日前报送。")
    assert identify(text).issuer == "东岭新能源学会"


def test_a_scraped_pages_chrome_is_set_aside_and_the_rest_keeps_its_offsets() -> None:
    from assistant.ingest.notices import clean_text

    page = ("首页 | 学会概况 | 新闻中心 | 通知公告 | 联系我们\n您现在的位置：首页 > 通知公告\n"
            "关于组织推荐2024年榜单的通知\n【字体：大 中 小】 【打印本页】 【关闭窗口】\n"
            "一、推荐名额\n每个领域推荐不超过3项。\n二、联系方式\n联系人：王敏，电话：010-61234567\n"
            "上一篇：关于召开年会的通知\n相关文章\n版权所有 © 2024\n电话：010-99999999\n")
    mt = clean_text(page)
    assert "首页" not in mt.text and "字体" not in mt.text and "上一篇" not in mt.text
    assert "010-99999999" not in mt.text and "010-61234567" in mt.text
    assert source_of(mt, page, "每个领域") == "每个领域"


def test_a_wechat_articles_account_and_byline_give_its_issuer_and_date() -> None:
    from assistant.ingest.notices import clean_text

    article = ("东岭机械学会\n点击蓝字关注我们\n\n原创 东岭机械学会  2024年10月16日 09:12  江东\n\n"
               "申报通知丨2024年“科创中国”系列榜单开始征集啦！\n各位会员朋友：\n请于11月6日前报送。\n")
    text = clean_text(article).text
    assert "点击蓝字" not in text and text.split("\n")[0] == "东岭机械学会"
    meta = identify(text)
    assert meta.issuer == "东岭机械学会" and meta.date == "2024年10月16日"


def test_an_issuer_is_pointed_at_by_each_organiser_and_by_its_place() -> None:
    from assistant.answer.pointer import issuer_names

    joint = issuer_names("东川省科学技术协会东川省科学技术厅东川省工业和信息化厅")
    assert {"东川省科协", "东川省科学技术厅", "东川省工业和信息化厅", "东川省", "东川"} <= set(joint)
    assert {"澄州市科协", "澄州市", "澄州"} <= set(issuer_names("澄州市科学技术协会"))


def test_a_pdfs_space_columns_are_a_tables_rows_and_its_running_heads_go() -> None:
    from assistant.ingest.notices import clean_text

    text = ("南江省科学技术协会文件\n南科协发〔2024〕9号\n关于推荐2024年榜单的通知\n三、推荐名额\n"
            "榜单类别          设区市科协      高校科协      联系人\n"
            "先导技术榜        每领域1项       每领域2项     周明远\n\n- 2 -\n\n南科协发〔2024〕9号\n四、时间安排\n")
    mt = clean_text(text)
    assert "先导技术榜 | 每领域1项 | 每领域2项 | 周明远" in mt.text
    assert mt.text.count("南科协发〔2024〕9号") == 1 and "- 2 -" not in mt.text


def test_a_notice_declares_short_names_for_its_issuer() -> None:
    text = ("EU-China Green Technology Innovation Alliance (ECGTIA) — Secretariat\n中欧绿色技术创新联盟秘书处\n"
            "关于组织推荐2024年“科创中国”榜单的通知\n东岭流体学会（以下简称“流体学会”）与本联盟……\n")
    meta = identify(text)
    assert meta.aliases == ["ECGTIA"]  # 流体学会 is another organisation's short name
    signed = identify("中国某某学会关于推荐2024年榜单的通知\n中国某某学会（以下简称“某某学会”）现征集候选项目。\n")
    assert signed.issuer == "中国某某学会" and signed.aliases == ["某某学会"]
    assert "我会" not in identify("中国某学会（以下简称“我会”）现征集候选项目。\n").aliases
