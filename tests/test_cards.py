"""Notices whose contacts come as structures: vCard blocks (ingest/markup.card_text), one 联系人 line of
several entries, a contact list line by line; and the contact answered by what the person handles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assistant.assistant import Assistant
from assistant.ingest.facts import extract_facts
from assistant.ingest.markup import card_text
from assistant.ingest.notices import clean_text, make_notice
from assistant.ingest.textmap import MappedText
from assistant.model import ContactFact

from .conftest import source_of

CARDS = """中国声学传感学会
关于组织推荐2043年“科创中国”系列榜单的说明

1. 榜单：先导技术榜（学会重点组织电子信息、先进材料两个领域）、新锐企业榜、成果转化先锋榜（原技术经理人先锋榜）。
2. 学会内部截止：请于2043年11月12日17:00前将申报书发送至学会邮箱。

附：联系人通讯录

BEGIN:VCARD
VERSION:3.0
N:蔺;书宁;;;
FN:蔺书宁
ORG:中国声学传感学会;会员服务部
TITLE:主管
TEL;TYPE=work:010-61234562
TEL;TYPE=cell:13611204967
EMAIL;TYPE=work:linshuning@example.org
NOTE:会籍与会费核验（入会时间、会费缴纳证明）
END:VCARD

BEGIN:VCARD
VERSION:3.0
FN:葛远帆
ORG:全国成果转化服务联盟
TITLE:成果转化先锋榜初评机构联系人
TEL;TYPE=work:010-64623107
TEL;TYPE=cell:13710674259
NOTE:申报条件咨询
END:VCARD

中国声学传感学会秘书处
2043年10月8日
"""


def test_a_card_reads_as_labelled_contact_lines_each_mapped_to_its_source() -> None:
    mt = card_text(MappedText.of(CARDS))
    assert "联系人：蔺书宁\n部门：中国声学传感学会 会员服务部\n职务：主管\n电话：010-61234562\n手机：13611204967" in mt.text
    assert "BEGIN:VCARD" not in mt.text and "VERSION" not in mt.text and "N:蔺" not in mt.text
    assert "负责：会籍与会费核验" in mt.text
    assert source_of(mt, CARDS, "13611204967") == "13611204967"


def test_each_card_is_one_contact_with_what_it_handles() -> None:
    contacts = [f for f in extract_facts(make_notice("cards", CARDS)) if isinstance(f, ContactFact)]
    by_person = {f.persons[0]: f for f in contacts if f.persons}
    assert set(by_person) == {"蔺书宁", "葛远帆"}
    assert by_person["蔺书宁"].phones == ["010-61234562", "13611204967"]
    assert by_person["葛远帆"].lists == ["成果转化先锋榜"]  # from the card's 职务


def test_a_labelled_item_sets_up_the_rounds_lists_and_fields() -> None:
    facts = extract_facts(make_notice("cards", CARDS))
    lists = next(f for f in facts if type(f).__name__ == "ListsFact")
    assert lists.lists == ["先导技术榜", "新锐企业榜", "成果转化先锋榜"]
    fields = next(f for f in facts if type(f).__name__ == "FieldsFact")
    assert fields.fields == ["电子信息", "先进材料"]


ENTRIES = """华岳集团科协关于组织推荐2043年“科创中国”系列榜单的通知

一、工作安排
各二级单位于2043年11月5日17:00前报送集团科协。

二、联系方式
中国科协初评机构联系人：先导技术榜（装备制造领域）　柏志衡，010-68314592；先导技术榜（绿色低碳领域）　宁川海，010-62837105/15011372846
"""


def test_one_contact_line_of_several_entries_is_one_contact_each() -> None:
    contacts = [f for f in extract_facts(make_notice("entries", ENTRIES)) if isinstance(f, ContactFact)]
    by_person = {f.persons[0]: f for f in contacts}
    assert by_person["宁川海"].fields == ["绿色低碳"] and by_person["宁川海"].phones == ["010-62837105", "15011372846"]
    assert by_person["柏志衡"].fields == ["装备制造"] and by_person["柏志衡"].phones == ["010-68314592"]


LISTED = """江城理工大学关于2043年“科创中国”榜单校内登记的通知

第1题　姓名【填空题】*

第2题　所属学院【单选题】*

第3题　技术简介【填空题】*

第4题　联系电话【填空题】*

第5题　承诺【单选题】*

—— 联系方式 ——
成果转化办公室　汤若溪，027-87650391（先导技术榜）
网络信息中心　龚琪，027-87651120
"""


def test_a_questionnaires_items_and_a_contact_list_keep_their_lines() -> None:
    text = clean_text(LISTED).text
    assert "第3题 技术简介【填空题】*\n第4题" in text  # items of their own, not one wrapped paragraph
    assert "——联系方式——\n成果转化办公室" in text
    assert "（先导技术榜）\n网络信息中心" in text  # each contact line with its own phone stays a line
    people = {p for f in extract_facts(make_notice("listed", LISTED)) if isinstance(f, ContactFact) for p in f.persons}
    assert people == {"汤若溪", "龚琪"}


def test_a_contact_is_found_by_what_its_card_says_the_person_handles(small_settings) -> None:  # noqa: ANN001
    (small_settings.corpus_dir / "cards.txt").write_text(CARDS, encoding="utf-8")
    bot = Assistant(replace(small_settings, today=dt.date(2043, 10, 20)))
    ans = bot.answer("会籍核验、缴会费证明找谁？要手机号")
    assert "蔺书宁" in ans.answer[:300] and "13611204967" in ans.answer[:300]
    assert "葛远帆" not in ans.answer[:300]


NEW_FIELD = """华岳集团科协关于组织推荐2043年“科创中国”系列榜单的通知

一、工作安排
各二级单位于2043年11月5日17:00前报送集团科协。先导技术榜每个领域推荐不超过2项。

二、联系方式
初评机构：先导技术榜（装备制造领域）中国科协智能制造学会联合体，联系人：柏志衡，电话：010-68314592
答复：人工智能领域的初评机构是中国科协人工智能学会联合体，联系人许望舒，电话010-62781934。
"""


def test_a_round_that_names_review_bodies_is_not_answered_with_an_older_rounds(small_settings) -> None:  # noqa: ANN001
    (small_settings.corpus_dir / "new_field.txt").write_text(NEW_FIELD, encoding="utf-8")
    bot = Assistant(replace(small_settings, today=dt.date(2043, 10, 20)))
    head = bot.answer("先导技术榜人工智能领域初评找谁，电话多少").answer[:300]
    # (人工智能 is read as 电子信息 where a round does not list it apart: the 2023 call's 电子信息 contact
    # is no answer where this round's notice names the field's own.)
    assert "许望舒" in head and "郑伯龙" not in head


def test_a_list_since_dropped_is_answered_from_the_last_round_that_had_it(bot) -> None:  # noqa: ANN001
    ans = bot.answer("开源榜联系人+电话？").answer  # (2023 sets up no 开源创新榜; 2022 does)
    assert "王朝刚" in ans[:300] and "未找到" not in ans[:300]


def test_a_cards_folded_line_is_joined_and_an_indented_line_outside_the_cards_is_not() -> None:
    text = "前言\n  缩进的一行\n正文\nBEGIN:VCARD\nVERSION:3.0\nFN:王某\nNOTE:负责先导技术榜\n 的推荐\nEND:VCARD\n"
    shown = card_text(MappedText.of(text)).text
    assert "\n  缩进的一行\n" in shown and "负责：负责先导技术榜的推荐" in shown
