"""Dates, phones and layouts as other issuers write them: 2024.04.12, 二〇二四年三月二十八日,
020—8321 6655, (010)6857-1234, Markdown pasted from a web page. Each is read the same way as the
forms the seed notices use, and the quote stays the notice's own words."""

from __future__ import annotations

import pytest

from assistant.ingest.dates import DATE_LINE, cn_number, parse_date
from assistant.ingest.facts import extract_facts
from assistant.ingest.facts.common import PHONE, phone_text
from assistant.ingest.notices import make_notice
from assistant.ingest.textmap import normalize_for_match
from assistant.model import ContactFact, DeadlineFact, QuotaFact, StageFact


@pytest.mark.parametrize(("written", "parts"), [
    ("2024年4月12日", (2024, 4, 12)),
    ("4月12日", (None, 4, 12)),
    ("2024.04.12", (2024, 4, 12)),
    ("2024-4-2", (2024, 4, 2)),
    ("2024/4/20", (2024, 4, 20)),
    ("2024.4.12.", (2024, 4, 12)),  # an ASCII full stop after the date ends the sentence
    ("二〇二四年三月二十八日", (2024, 3, 28)),
    ("二○二三年十月十日", (2023, 10, 10)),
    ("二〇二三年十二月三十一日", (2023, 12, 31)),
    ("二O二四年三月一日", (2024, 3, 1)),  # typed with the letter O
    ("十月十八日", (None, 10, 18)),  # a month and day in characters, in prose
    ("十一月五日", (None, 11, 5)),
    ("十二月三十一日", (None, 12, 31)),
    ("11月5号", (None, 11, 5)),  # a day said with 号
    ("十一月七号", (None, 11, 7)),
])
def test_a_date_in_any_written_form_is_read(written: str, parts: tuple[int | None, int, int]) -> None:
    assert parse_date(f"请于{written}前报送") == parts


@pytest.mark.parametrize("text", ["版本3.5.1", "第1-2项", "2024.13.01", "2023年2月30日", "编号2024.04.123", "统一月度", "二十一日"])
def test_numbers_that_are_no_date_are_not_read_as_one(text: str) -> None:
    assert parse_date(text) is None


def test_a_deadline_written_all_in_characters_is_read_with_its_hour() -> None:
    notice = make_notice("cn.txt", "关于推荐的通知\n平台申报截止时间为二〇三三年十一月十五日二十四时，逾期系统关闭。\n"
                                   "各单位须于十月三十一日十七时前完成审核。\n某某科协\n二〇三三年九月二十六日\n")
    deadlines = {f.value: f.written for f in extract_facts(notice) if isinstance(f, DeadlineFact)}
    assert deadlines == {"2033-11-15 24时": "二〇三三年十一月十五日二十四时", "2033-10-31 17时": "十月三十一日十七时"}


def test_chinese_numbers_and_sign_off_lines() -> None:
    assert [cn_number(s) for s in ("一", "十", "十二", "二十", "二十八", "三十一", "7")] == [1, 10, 12, 20, 28, 31, 7]
    assert cn_number("甲") is None
    assert DATE_LINE.match("二〇二四年三月二十八日") and DATE_LINE.match("2024.3.28") and DATE_LINE.match("2024年3月28日")
    assert make_notice("o.txt", "关于推荐候选项目的通知\n各会员单位：\n请按时报送。\n某某学会\n二Ｏ二四年三月一日\n").year == 2024
    assert not DATE_LINE.match("2024年3月28日前报送")


@pytest.mark.parametrize(("text", "phones"), [
    ("电话：020—8321 6655；138 2600 1234", ["020-83216655", "13826001234"]),
    ("陈思远（0755-2688 1234，chen@example.cn）", ["0755-26881234"]),
    ("（010）6857-1234转801", ["010-68571234转801"]),
    ("电话 010 6851 7798", ["010-68517798"]),
    ("手机：139-1234-5678", ["13912345678"]),
    ("010-56057633/15810910998、18600593479", ["010-56057633", "15810910998", "18600593479"]),
    ("邮编518000，〔2023〕78号，2024年3月", []),
])
def test_phones_in_any_written_form(text: str, phones: list[str]) -> None:
    assert [phone_text(m.group(0)) for m in PHONE.finditer(text)] == phones


MARKDOWN = """# 关于组织申报2030年“科创中国”系列榜单的通知

各会员单位：

根据中国科协办公厅有关通知要求，本联盟现组织会员单位申报，有关事项通知如下。

## 一、申报榜单

- **先导技术榜**：每家会员单位限报1项，联盟择优推荐不超过三项；
- 新锐企业榜：联盟推荐名额为两家。

## 二、时间安排

- 材料提交截止：2030.04.12（星期五）17:00
- 联盟初审：2030.04.15—2030.04.19

## 三、联系方式

联系人：欧阳一鸣
电话：020—8000 6655

某某智能装备产业联盟秘书处
二〇三〇年三月二十八日
"""


def test_a_markdown_notice_reads_like_a_typed_one() -> None:
    notice = make_notice("md.txt", MARKDOWN)
    assert notice.title.startswith("关于组织申报") and notice.issuer == "某某智能装备产业联盟秘书处"
    assert (notice.year, notice.date) == (2030, "二〇三〇年三月二十八日")
    assert "#" not in notice.text and "**" not in notice.text and "\n- " not in notice.text
    facts = extract_facts(notice)
    deadline = next(f for f in facts if isinstance(f, DeadlineFact))
    assert (deadline.date, deadline.time, deadline.written) == ("2030-04-12", "17:00", "2030.04.12（星期五）17:00")
    quotas = {(f.value, tuple(f.lists)) for f in facts if isinstance(f, QuotaFact)}
    assert quotas == {("1项", ("先导技术榜",)), ("3项", ("先导技术榜",)), ("2家", ("新锐企业榜",))}
    stage = next(f for f in facts if isinstance(f, StageFact) and f.stage == "联盟初审")
    assert stage.period == "2030.04.15—2030.04.19"
    contact = next(f for f in facts if isinstance(f, ContactFact))
    assert (contact.persons, contact.phones) == (["欧阳一鸣"], ["020-80006655"])
    for f in facts:  # every quote is the notice's own words
        assert normalize_for_match(f.quote) in notice.normalized, f.quote


def test_a_contact_line_without_labels_under_a_contact_heading() -> None:
    text = ("某某市科学技术协会\n关于推荐2030年度“科创中国”系列榜单候选对象的通知\n各县（区）科协：\n"
            "一、推荐名额\n各单位推荐数量原则上不超过2项。\n二、联系方式\n市科协学会部  陈一帆（0755-2600 1234，chen@example.cn）\n"
            "某某市科学技术协会\n2030年3月30日\n")
    facts = extract_facts(make_notice("city.txt", text))
    contact = next(f for f in facts if isinstance(f, ContactFact))
    assert (contact.org, contact.persons, contact.phones, contact.emails) == (
        "市科协学会部", ["陈一帆"], ["0755-26001234"], ["chen@example.cn"])


@pytest.mark.parametrize("issuer", ["东海新能源产业联盟", "南江市工商业联合会", "西岭高新区管委会", "北川智能装备集团有限公司"])
def test_an_issuer_only_in_the_sign_off_is_read_whatever_its_kind(issuer: str) -> None:
    text = f"关于推荐2030年“科创中国”系列榜单候选项目的通知\n各成员单位：\n请于2030年5月10日前报送推荐材料。\n{issuer}\n2030年4月1日\n"
    notice = make_notice("signed.txt", text)
    assert (notice.issuer, notice.year, notice.kind) == (issuer, 2030, "forwarding")


CALL = """中国科协办公厅关于开展2030年“科创中国”系列榜单征集工作的通知
各全国学会、各地方科协：
现开展2030年“科创中国”系列榜单征集工作，有关事项通知如下。
一、榜单设置
2030年设置三类榜单：先导技术榜、新锐企业榜、融通创新组织榜。
（一）先导技术榜。聚焦信息技术、生命健康、高端装备3个领域，计划发布60项。
（二）新锐企业榜。计划发布30家。
二、时间安排
（一）组织推荐（2030年3月1日—2030年4月30日）
各推荐单位于2030年4月30日17:00前在平台完成提交。
三、联系方式
（一）平台技术支持
电话：400-888-9999
中国科协办公厅
2030年2月20日
"""


def test_a_new_years_call_written_a_little_differently() -> None:
    """聚焦… fields, 计划发布N项/家 after the list's own sentence, 提交 as a submission, a 400 line."""
    from assistant.model import FieldsFact, ListCountsFact

    facts = extract_facts(make_notice("call.txt", CALL))
    fields = next(f for f in facts if isinstance(f, FieldsFact))
    assert (fields.lists, fields.fields) == (["先导技术榜"], ["信息技术", "生命健康", "高端装备"])
    counts = next(f for f in facts if isinstance(f, ListCountsFact))
    assert counts.counts == {"先导技术榜": 60, "新锐企业榜": 30}
    deadline = next(f for f in facts if isinstance(f, DeadlineFact))
    assert (deadline.date, deadline.category) == ("2030-04-30", "submission")
    support = next(f for f in facts if isinstance(f, ContactFact))
    assert support.phones == ["400-888-9999"]


def test_a_contact_line_led_by_the_lists_it_serves_is_read_beside_labelled_lines() -> None:
    from assistant.ingest.facts.contacts import extract_contacts
    from assistant.ingest.notices import make_notice
    from assistant.model import ContactFact

    text = ("中国某某学会关于组织推荐2024年榜单的通知\n一、推荐名额\n每个领域推荐不超过3项。\n五、联系方式\n"
            "先导技术榜：林朝晖010-62017458\n新锐企业榜、科技成果转化先锋榜：宋佳怡 010-62017462\n"
            "电子邮箱：kczg@example.org.cn\n中国某某学会\n2024年9月12日\n")
    facts = [f for f in extract_contacts(make_notice("x.txt", text), [], []) if isinstance(f, ContactFact)]
    song = next(f for f in facts if "宋佳怡" in f.persons)
    assert song.lists == ["新锐企业榜", "科技成果转化先锋榜"] and song.phones == ["010-62017462"]
    assert any("林朝晖" in f.persons and f.lists == ["先导技术榜"] for f in facts)


def test_lists_marked_as_organised_or_not() -> None:
    from assistant.ingest.facts.rounds import extract_lists
    from assistant.ingest.notices import make_notice
    from assistant.model import ListsFact

    text = ("南江市科学技术协会\n关于做好2024年“科创中国”榜单推荐工作的通知\n一、组织推荐的榜单\n"
            "说明：★为组织推荐，☆为不组织。\n★ 先导技术榜（装备制造领域）\n☆ 技术经理人先锋榜——可通过其他渠道申报\n"
            "★ 新锐企业榜\n二、推荐名额\n| 榜单 | 领域 | 组织 |\n| 先导技术榜 | 电子信息 | × |\n")
    facts = [f for f in extract_lists(make_notice("n.txt", text)) if isinstance(f, ListsFact)]
    assert facts[0].lists == ["先导技术榜", "新锐企业榜"]
    assert facts[0].value == "先导技术榜（装备制造领域）、新锐企业榜"
    assert "技术经理人先锋榜" not in facts[0].lists


def test_a_forms_row_of_boxes_organises_the_ticked_lists_even_wrapped() -> None:
    from assistant.ingest.facts.rounds import extract_lists
    from assistant.ingest.notices import make_notice
    from assistant.model import ListsFact

    text = ("青川市科学技术协会\n2071年“科创中国”系列榜单推荐申报登记表\n一、通知信息\n"
            "本市组织推荐的榜单…………☑ 先导技术榜 | ☑ 新锐企业榜 | ☐ 协同创新平台榜\n"
            "                    ☐ 技术经理人先锋榜 ☑ 数智转型案例榜\n二、时间节点\n截止时间______2071年11月9日17:00\n")
    facts = [f for f in extract_lists(make_notice("n.txt", text)) if isinstance(f, ListsFact)]
    assert facts[0].lists == ["先导技术榜", "新锐企业榜", "数智转型案例榜"]  # the wrapped row's too, none unticked
    assert facts[0].value == "先导技术榜、新锐企业榜、数智转型案例榜"
    assert "截止时间：2071年11月9日17:00" in make_notice("n.txt", text).text.split("\n")  # a line to write on


def test_a_limit_with_its_verb_between_is_a_limit() -> None:
    from assistant.ingest.facts.quotas import LIMIT

    assert LIMIT.search("各研究部在每个领域最多报送2项").group(0).endswith("2项")
    assert LIMIT.search("每个单位最多推荐3个")


def test_a_contact_line_led_by_a_list_and_its_field_names_its_body_after_the_colon() -> None:
    from assistant.ingest.facts.contacts import extract_contacts
    from assistant.ingest.notices import make_notice
    from assistant.model import ContactFact

    text = ("中国某某学会关于组织推荐2071年榜单的通知\n一、推荐名额\n每个领域推荐不超过3项。\n五、初评机构联系方式\n"
            "先导技术榜（先进材料领域）：中国科协新材料产学联合体，柏亦宁，010-62570000/18911350000\n"
            "先导技术榜（生物医药领域）：中国科协健康医药学会联合体，苗雨彤，010-64210000/15311620000\n中国某某学会\n2071年9月12日\n")
    facts = [f for f in extract_contacts(make_notice("x.txt", text), ["先导技术榜"], []) if isinstance(f, ContactFact)]
    bai = next(f for f in facts if "柏亦宁" in f.persons)
    assert bai.body == "中国科协新材料产学联合体" and bai.fields == ["先进材料"]  # the field in brackets is no body
    assert bai.phones == ["010-62570000", "18911350000"]


def test_a_forwarding_notice_restating_the_calls_office_gives_the_rounds_enquiry_contact() -> None:
    from assistant.ingest.facts.contacts import extract_contacts
    from assistant.ingest.notices import make_notice
    from assistant.model import ContactFact, Role

    text = ("岭东大学关于组织申报2071年“科创中国”系列榜单的通知\n根据中国科协办公厅通知要求，现将有关事项通知如下。\n"
            "五、联系方式\n中国科协科技成果转化部 联系人：滕晓川 联系方式：010-68570000\n"
            "科学技术研究院成果转化办公室 联系人：芮思川 电话：0312-5070000\n岭东大学科学技术研究院\n2071年10月10日\n")
    notice = make_notice("x.txt", text)
    facts = {f.persons[0]: f for f in extract_contacts(notice, [], []) if isinstance(f, ContactFact) and f.persons}
    assert facts["滕晓川"].role == Role.GENERAL  # the call's office, restated
    assert facts["芮思川"].role == Role.SOCIETY  # the university's own


def test_a_legend_of_marks_names_no_list_and_a_new_lists_box_still_counts() -> None:
    from assistant.ingest.facts.rounds import extract_lists
    from assistant.ingest.notices import make_notice
    from assistant.model import ListsFact

    text = ("岭东市科协\n关于做好2071年“科创中国”榜单推荐工作的通知\n一、榜单\n（★为今年组织推荐的榜单，☆为今年不组织推荐的榜单）\n"
            "★ 先导技术榜\n☆ 新锐企业榜\n组织推荐：☑ 先导技术榜 | ☐ 新锐企业榜 | ☑ 星海创新场景榜\n")
    lists = [f.lists for f in extract_lists(make_notice("n.txt", text)) if isinstance(f, ListsFact)]
    assert lists and lists[0] == ["先导技术榜", "星海创新场景榜"]  # no "为今年组织推荐的榜"; the new list's box counts
