"""Question understanding: years (explicit, relative, qualifiers), aliases, intents, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.answer.understand import inherit, understand
from assistant.names import Catalogue

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "years"),
    [("2022年初评结果哪天报送", [2022]), ("今年的截止时间", [2026]), ("去年有哪些榜单", [2025]),
     ("2022年入选的技术经理人先锋人物可以推荐几人", []), ("2020年和2023年先导技术榜的领域有什么区别", [2020, 2023]),
     ("２０２１年新锐企业榜名额", [2021])],
)
def test_years(text: str, years: list[int]) -> None:
    assert understand(text, TODAY).years == years


@pytest.mark.parametrize(
    ("text", "list_key", "field_key"),
    [("先导榜新材料领域联系人", "先导技术榜", "先进材料"), ("产学研融通组织榜设多少项", "融通创新组织榜", None),
     ("医疗器械方向找谁", None, "生物医药"), ("环保低碳领域", None, "绿色低碳"), ("技术经理人榜名额", "技术经理人先锋榜", None),
     ("纸质材料邮寄地址", None, None), ("联系人的电子邮箱", None, None)],
)
def test_aliases(text: str, list_key: str | None, field_key: str | None) -> None:
    q = understand(text, TODAY)
    assert (q.list_key, q.field_key) == (list_key, field_key)


@pytest.mark.parametrize(
    ("text", "intent"),
    [("2022年初评结果要在哪天前报送？", "deadline"), ("2023年终评评审安排在几月？", "schedule"),
     ("2021年新锐企业榜每个单位的推荐名额", "quota"), ("2021年设置了哪几类榜单？", "lists"),
     ("2021年青年创业榜设多少项？", "lists"), ("2022年的申报平台网址是什么？", "platform"),
     ("新锐企业榜对企业信用有什么要求？", "eligibility"), ("2021年开源创新榜联系人的邮箱", "contact"),
     ("2020年和2023年先导技术榜的领域有什么区别？", "compare"),
     ("2022年申报材料最晚什么时候上传？", "deadline"), ("2023年平台申报几号截止？", "deadline"),
     ("2020年推荐阶段是哪几个月？", "schedule"), ("2022年先导技术榜绿色低碳领域由谁初评？", "contact"),
     ("2022年先导技术榜有几个领域？", "lists"), ("先导技术申报表的技术团队简介限多少字？", "form"),
     ("融通创新组织榜的成立时间有什么要求？", "eligibility")],
)
def test_intents(text: str, intent: str) -> None:
    assert understand(text, TODAY).intent == intent


def test_person_is_recognised() -> None:
    q = understand("李娜的电话是多少？", TODAY, Catalogue(people=["李娜", "章普"]))
    assert q.person == "李娜" and q.intent == "contact" and q.attribute == "phone"


def test_follow_ups_inherit_what_they_leave_out(catalogue: Catalogue) -> None:
    first = understand("2023年电子信息领域先导技术榜的联系人", TODAY, catalogue)
    # The previous list is kept with a new field because the notices give that list fields.
    second = inherit(understand("那生物医药领域呢？", TODAY, catalogue), first, names=catalogue)
    assert (second.years, second.list_key, second.field_key, second.intent) == ([2023], "先导技术榜", "生物医药", "contact")
    third = inherit(understand("2022年呢？", TODAY, catalogue), second, names=catalogue)
    assert (third.years, third.field_key, third.intent) == ([2022], "生物医药", "contact")
    fourth = inherit(understand("他的电话呢？", TODAY, catalogue), third, previous_person="郭天欢", names=catalogue)
    assert fourth.person == "郭天欢" and fourth.attribute == "phone"


def test_a_new_question_does_not_inherit() -> None:
    first = understand("2023年电子信息领域先导技术榜的联系人", TODAY)
    q = inherit(understand("新锐企业榜对企业信用有什么要求？", TODAY), first)
    assert q.years == [] and q.field_key is None


def test_a_field_follow_up_after_a_list_without_fields_drops_the_list(catalogue: Catalogue) -> None:
    first = understand("2023年新锐企业榜的联系人", TODAY, catalogue)
    q = inherit(understand("那生物医药领域呢？", TODAY, catalogue), first, names=catalogue)
    assert q.list_key is None and q.field_key == "生物医药"
