"""Question understanding: years (explicit, relative, qualifiers), aliases, intents, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.answer.understand import answer_type, continue_from, inherit, understand
from assistant.model import AnswerType, Intent
from assistant.names import Catalogue

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "years"),
    [("2022年初评结果哪天报送", [2022]), ("今年的截止时间", [2026]), ("去年有哪些榜单", [2025]),
     ("2022年入选的技术经理人先锋人物可以推荐几人", []), ("2020年和2023年先导技术榜的领域有什么区别", [2020, 2023]),
     ("２０２１年新锐企业榜名额", [2021]),
     # a round named, then compared with a relative one
     ("2021年先导榜的领域划分跟今年比有啥不一样", [2021, 2026]),
     ("2020年报先导技术用的网站，跟今年申报用的平台是同一个网址吗", [2020, 2026]),
     # a courtesy's 了 tells nothing of the asker's story
     ("您好，2020年生物医药领域纸质材料邮寄地址麻烦了，谢谢老师。", [2020]),
     # a round named and a relative one, asked what changed between them
     ("21年的技术支持和客服电话我都存着，去年换了没有？", [2021, 2025]),
     # a change asked of the platform: both rounds, the one the asker used and the one asked
     ("前年我们在www.kczg.org.cn上报的，去年是不是换平台了？", [2024, 2025]),
     # the year of the asker's own event pointed back at ("按更名那年算") is a figure, not a round
     ("我们公司2015年成立的，2021年改制更名过，按更名那年算能报新锐企业榜吗", []),
     # ... but "改名那年的截止日期" points back at that round
     ("我们2021年改名了，改名那年新锐榜的截止日期是几号？", [2021])],
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
     ("融通创新组织榜的成立时间有什么要求？", "eligibility"),
     # who receives a stage's result is said in the stage's sentence, not a contact; whom to call is one
     ("学会联合体初评完了结果报给谁？", "other"), ("初评结果报给谁，联系人电话多少？", "contact"),
     # a named field's value written ("写"), not an eligibility condition
     ("“所在地区”写注册地还是别的？", "form"),
     # a body asked of a stage: whom the stage is run by
     ("初评是哪家？", "contact"),
     ("材料交给谁？", "contact"),
     # a body named and a day asked: when, not whom to call
     ("初评机构那边结果又是哪天报上去的？", "schedule"), ("学院最迟哪天要把材料交到科研院？", "deadline"), ("各所交榜单材料的deadline？", "deadline"), ("学院报送ddl是哪天", "deadline"),
     ("第一部分实践技能与经验成效，字数上限是多少？", "form"),
     # the asker's story says what they do ("负责"); the ask is whether they may apply
     ("本人区科技局公务员 主要负责科技成果转化对接 能报技术经理人先锋榜吗", "eligibility"),
     # a count asked of a list with nothing else counted; one more than the quota
     ("21年先导技术每个领域只能推2个，22年是放宽到几个了？", "quota"),
     ("电子信息领域已经攒了3个项目，又冒出来一个，还能再塞进去吗？", "quota"),
     # a review body asked by its role with the which-word after it
     ("当时的初评单位是哪家？", "contact"), ("先导榜评审机构是谁？", "contact"),
     # (a review's way, method or plan is no body: "评审方式是什么")
     ("评审方式是什么？", "other"), ("终评方法是什么", "schedule"),
     ("入选过先导技术榜的项目还能再报吗？", "eligibility"), ("技术是学校的，学校只想评奖，没打算转让，这样影响吗？", "eligibility"), ("新锐榜想报两家子公司，同一个榜能报两项吗？", "quota")],
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


@pytest.mark.parametrize(
    ("text", "years"),
    [("21年先导技术榜名额", [2021]), ("23年度新锐企业榜", [2023]), ("二〇二二年的截止时间", [2022]),
     ("成立年限不超过10年吗", []), ("我做技术转移工作8年了，能报吗", []),
     ("我们公司2012年3月在苏州注册的，今年还能报新锐企业榜吗？", [2026]),
     ("我们2021年上过产学研融通组织榜，2023年的融通创新组织榜还能报吗", [2023]),
     ("我是2022年技术经理人先锋榜的入选者，今年还能报吗", [2026]),
     ("2023年融通创新组织榜的成立时间有什么要求", [2023]),
     # an ask by 谁 or by A-not-A, "除了" no story's 了: the year is the round asked
     ("去年除了徐春淼还有谁", [2025]), ("今年的申报表能不能原样照搬过去", [2026])],
)
def test_years_as_users_write_them(text: str, years: list[int]) -> None:
    assert understand(text, TODAY).years == years


def test_homophones_and_one_wrong_character_are_read_as_the_name(catalogue: Catalogue) -> None:
    q = understand("新蕊企业榜22年推荐几家", TODAY, catalogue)
    assert q.list_key == "新锐企业榜" and q.readings == [("新蕊企业榜", "新锐企业榜")]
    q = understand("经理人先风榜谁初评", TODAY, catalogue)
    assert q.list_key == "技术经理人先锋榜"
    q = understand("胡智强座机多少", TODAY, catalogue)
    assert q.person == "胡志强" and q.readings == [("胡智强", "胡志强")]


def test_a_name_two_names_fit_is_not_guessed(catalogue: Catalogue) -> None:
    q = understand("22年先锋榜的名额", TODAY, catalogue)  # 技术经理人先锋榜 or 创业就业先锋榜 (2023 has one: the latest round settles it)
    assert q.list_key is None and q.readings == []


def test_a_message_is_split_into_questions_and_statements() -> None:
    from assistant.answer.message import read_message

    msg = read_message("李老师您好！我是XX大学科研院的小周。我们有一项技术想报先导技术榜。"
                       "请问截止时间是哪天？每个单位能推几个？麻烦您了，谢谢！——XX大学 周某")
    assert msg.questions == ["截止时间是哪天", "每个单位能推几个"]
    assert msg.statements == ["我是XX大学科研院的小周", "我们有一项技术想报先导技术榜"]
    assert read_message("我是2022年先锋榜入选者，想问两件事：今年还能报吗？").statements == ["我是2022年先锋榜入选者"]
    # 几何 (geometry) and 几乎 (almost) ask nothing: the sentence is the asker's situation
    told = read_message("我们团队做三维CAD几何建模内核，几乎都是自己写的。这种能报先导技术榜吗")
    assert told.questions == ["这种能报先导技术榜吗"] and len(told.statements) == 1


def test_the_other_branch_of_a_yes_no_question_is_one_question_with_it() -> None:
    from assistant.answer.message import read_message

    assert read_message("领导说10月31号之前传上去就行，是这样吗？还是得更早？").questions == [
        "领导说10月31号之前传上去就行，是这样吗，还是得更早"]
    # a branch naming something of its own, asking something of its own, or "still this one?", asks apart
    assert len(read_message("直接发PDF可以吗？还是对文件格式有要求？").questions) == 2
    assert len(read_message("新锐榜能报吗？还是找谁问一下？").questions) == 2
    assert len(read_message("截止是11月1日吗？还是这个网址吗？").questions) == 2


def test_enumerated_items_after_an_announced_number_of_asks_are_asks() -> None:
    from assistant.answer.message import read_message

    msg = read_message("您好！我校拟推荐一项技术。现有两个问题请教：一是先进材料领域初评的联系人及电话；"
                       "二是我校作为推荐单位，在该领域最多可推荐几项。盼复为感！")
    assert msg.questions == ["一是先进材料领域初评的联系人及电话", "二是我校作为推荐单位，在该领域最多可推荐几项"]
    assert read_message("俞老师您好，我是学会的单位会员。名额有几个？").addressee == "俞老师"
    # Without an announcement an enumerated sentence that asks nothing is the asker's story.
    assert read_message("一是我们成立于2020年。截止是哪天？").statements == ["一是我们成立于2020年"]


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("平台网址多少，登录不了找谁", ["平台网址多少", "登录不了找谁"]),
        ("请问今年先导榜截止是哪天，还来得及吗", ["今年先导榜截止是哪天，还来得及吗"]),
        ("我们公司2016年注册的，在深圳，今年还能报新锐企业榜吗", ["我们公司2016年注册的，在深圳，今年还能报新锐企业榜吗"]),
        # joined by 、 and by the spaces of a message typed without punctuation
        ("今年技术经理人先锋榜几个名额、截止哪天、初评找谁", ["今年技术经理人先锋榜几个名额", "截止哪天", "初评找谁"]),
        ("23年先导榜每个领域能推几个 新锐呢 融通呢", ["23年先导榜每个领域能推几个", "新锐呢", "融通呢"]),
        # the question mark asks for the last part; a request is an ask
        ("21年投资机构榜设几项，联系人电话？", ["21年投资机构榜设几项", "联系人电话"]),
        # pieces of one ask stay together
        ("技术经理人先锋榜联系人是谁、电话多少", ["技术经理人先锋榜联系人是谁、电话多少"]),
    ],
)
def test_two_asks_in_one_sentence_are_split_only_when_each_is_its_own_question(message: str, parts: list[str]) -> None:
    from assistant.answer.message import read_message

    assert read_message(message).questions == parts


def test_a_request_is_an_ask_and_an_elliptical_part_asks_what_the_part_before_asked(store) -> None:  # noqa: ANN001
    from assistant.answer.message import read_message
    from assistant.answer.turn import read_turn

    assert read_message("去年创业就业先锋榜是哪家初评的？联系人电话顺便也发我下").questions == [
        "去年创业就业先锋榜是哪家初评的", "联系人电话顺便也发我下"]
    # forwarding the notice to others is the asker's own doing, not a request
    forwarded = read_message("各位好，转发一下学会的通知给大家。想确认下科协平台最终截止是几号几点？")
    assert forwarded.questions == ["科协平台最终截止是几号几点"]
    first, second = read_turn("23年先导榜每个领域能推几个 新锐榜呢", dt.date(2023, 10, 20), store, None).parts
    assert second.intent == first.intent == Intent.QUOTA and second.list_key != first.list_key
    assert second.years == [2023] and "intent" in second.inherited
    # the elliptical subject may be a list's first characters only ("新锐", "融通"), when one list starts so
    parts = read_turn("23年先导榜每个领域能推几个 新锐呢 融通呢", dt.date(2023, 10, 20), store, None).parts
    assert [(p.list_key, p.intent) for p in parts] == [
        ("先导技术榜", Intent.QUOTA), ("新锐企业榜", Intent.QUOTA), ("融通创新组织榜", Intent.QUOTA)]
    assert read_turn("先导榜找谁 创业呢", dt.date(2023, 10, 20), store, None).parts[1].list_key in (None, "先导技术榜")
    # another list named with question words only ("新锐企业几家") asks what the part before asked
    first, second = read_turn("23年先导榜每个领域能推几个？新锐企业几家？", dt.date(2023, 10, 20), store, None).parts
    assert second.list_key == "新锐企业榜" and second.intent == first.intent == Intent.QUOTA


def test_a_short_list_name_typed_with_a_homophone_and_a_date_asked_of_the_platform() -> None:
    import datetime as dt

    from assistant.answer.understand import understand
    from assistant.model import Intent

    q = understand("21年突破短版那个榜找谁？要手机号", dt.date(2023, 10, 20))
    assert q.list_key == "突破短板关键技术榜" and q.readings == [("突破短版", "突破短板")]
    assert understand("22年平台几号关的？精确到几点", dt.date(2023, 10, 20)).intent == Intent.DEADLINE
    assert understand("平台网址是什么", dt.date(2023, 10, 20)).intent == Intent.PLATFORM


def test_a_topic_before_several_asks_leads_the_first_and_the_asks_still_split() -> None:
    from assistant.answer.message import read_message

    msg = read_message("鹭江高新区那份科创中国榜单实施细则，文号是多少，有效期到哪天？")
    assert msg.questions == ["鹭江高新区那份科创中国榜单实施细则，文号是多少", "有效期到哪天"]
    assert read_message("截止是哪天，还来得及吗？").questions == ["截止是哪天，还来得及吗"]  # one ask stays one


def test_which_organisation_does_a_stage_is_a_contact_ask_and_that_list_is_the_one_named_before(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    today = dt.date(2023, 10, 20)
    for text in ("23年新锐榜哪家初评", "新锐企业榜由哪家单位负责评审"):
        q = understand(text, today)
        assert q.intent == Intent.CONTACT and q.attribute == "body", text
    # "那个榜" refers back to the list the asker's own story named
    story = "我们公司21年报过突破短板关键技术榜，现在要找当时的初评单位。那个榜是哪家初评的、联系人是谁？"
    assert {p.list_key for p in read_turn(story, today, store, None).parts} == {"突破短板关键技术榜"}


def test_a_question_word_says_the_answer_type_before_a_verb_does() -> None:
    from assistant.answer.understand import answer_type
    from assistant.model import AnswerType

    assert answer_type("推荐材料几号前要送到对应的学会联合体") == AnswerType.DATE  # 送到 names where, 几号 asks
    assert answer_type("纸质材料寄到哪里") == AnswerType.PLACE
    assert answer_type("材料最晚要交到哪儿") == AnswerType.PLACE


def test_a_list_written_with_a_homophone_beside_lists_written_right_is_read_too(catalogue: Catalogue) -> None:
    q = understand("今年融通榜、经里人榜分别能推几个", TODAY, catalogue)
    assert {q.list_key, *(k for k, _ in q.other_lists)} == {"融通创新组织榜", "技术经理人先锋榜"}
    assert q.readings and q.readings[0][0] == "经里人榜"


def test_the_recipient_of_paper_materials_is_asked_of_the_mailing_address() -> None:
    assert understand("20年生物医药领域的纸质推荐材料，收件人写谁", TODAY).attribute == "address"


def test_asking_to_apply_again_is_an_eligibility_ask() -> None:
    for text in ("今年能换个名字再报一次吗", "还可以再申报吗"):
        assert understand(text, TODAY).intent == Intent.ELIGIBILITY, text


def test_a_field_written_with_a_homophone_is_read_as_the_field(catalogue: Catalogue) -> None:
    q = understand("绿色底碳那个方向的先导榜，有问题该问谁", TODAY, catalogue)
    assert q.field_key == "绿色低碳" and q.readings == [("绿色底碳", "绿色低碳")]


def test_who_signed_a_notice_and_when_is_asked_of_the_notice() -> None:
    for text in ("学会那封信是谁署名的", "这份通知落款哪天", "科协办函学字〔2020〕123号是哪个文件"):
        assert understand(text, TODAY).intent == Intent.NOTICE, text


def test_a_contact_ask_takes_the_list_the_story_names_unless_it_is_about_the_unit_s_own_step(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    today = dt.date(2023, 10, 20)
    mail = "您好！我们是一家开源基金会，想参加2021年的开源创新榜。请问纸质材料寄到哪里？联系人是谁？谢谢！"
    assert {p.list_key for p in read_turn(mail, today, store, None).parts} == {"开源创新榜"}
    member = "老师您好，我们是学会单位会员，打算通过学会报新锐企业榜。请问申报材料发到哪个邮箱？"
    part = read_turn(member, today, store, None).parts[0]
    assert part.list_key is None and not part.own_step  # the society's own mailbox: its story says so


def test_counting_the_askers_is_not_asking_a_number() -> None:
    from assistant.answer.understand import answer_type
    from assistant.model import AnswerType

    assert answer_type("我们几个90后创业者想报青年创业榜，是不是也由学会推荐") == AnswerType.YESNO
    assert answer_type("每个单位能推几个") == AnswerType.NUMBER


def test_a_value_heard_and_asked_to_be_checked_is_asked_as_its_question() -> None:
    from assistant.model import AnswerType

    q = understand("同事说今年科协平台11月20号就关了，真的假的？", TODAY)
    assert (q.intent, q.answer_type, q.years) == (Intent.DEADLINE, AnswerType.DATE, [2026])
    assert "11月20" not in q.ask  # the answer need not hold the value heard
    q = understand("今年先导榜每个领域能推3个，对吗？", TODAY)
    assert (q.intent, q.answer_type) == (Intent.QUOTA, AnswerType.NUMBER)
    # told as the asker's memory: the clause is still what is asked, searched without the value
    q = understand("我记得23年平台是12月1号截止，对不对", TODAY)
    assert q.intent == Intent.DEADLINE and "平台" in q.ask and "12月1" not in q.ask


def test_a_change_asked_of_a_year_compares_it_with_the_year_the_asker_states() -> None:
    q = understand("20年先导榜是5个领域，到21年变成几个了", TODAY)
    assert q.years == [2020, 2021] and q.intent == Intent.COMPARE


def test_a_later_part_asking_what_changed_compares_the_years_it_takes_from_before() -> None:
    from assistant.answer.understand import continue_from

    first = understand("20年先导榜是5个领域，到21年变成几个了", TODAY)
    later = continue_from(understand("多出来的是哪个", TODAY), first)
    assert later.years == [2020, 2021] and later.intent == Intent.COMPARE


def test_a_year_the_asker_says_they_were_founded_in_is_not_the_round() -> None:
    q = understand("子公司想报今年的新锐企业榜，成立时间都在2016年以后。", TODAY)
    assert q.years == [2026]
    # Nor one they started their work in ("2023年3月开始专职做技术转移"), unlike a round's own step asked.
    assert 2023 not in understand("我2023年3月开始专职做技术转移，想报经理人先锋榜，年限够吗", TODAY).years
    assert understand("2023年什么时候开始申报", TODAY).years == [2023]
    assert understand("2022年的通知从事技术转移要求几年", TODAY).years == [2022]


def test_the_topic_word_quota_asks_a_number_unless_the_ask_is_yes_or_no() -> None:
    from assistant.answer.understand import answer_type
    from assistant.model import AnswerType

    assert answer_type("先导技术榜是不是也按区县分配名额") == AnswerType.YESNO
    assert answer_type("新锐企业榜名额") == AnswerType.NUMBER
    assert answer_type("名额分配流程") == AnswerType.NUMBER


def test_a_person_addressed_with_a_homophone_is_looked_up_and_a_later_part_asks_about_them_too(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    parts = read_turn("何兵老师负责的是哪个榜？是哪个单位的", dt.date(2023, 10, 20), store, None).parts
    assert [p.person for p in parts] == ["何冰", "何冰"] and all(p.intent == Intent.LOOKUP for p in parts)


def test_a_statement_ending_in_ba_asks_for_confirmation() -> None:
    from assistant.answer.understand import answer_type
    from assistant.model import AnswerType

    assert answer_type("融通榜那边是邵雨桐老师负责吧") == AnswerType.YESNO


def test_a_later_part_asking_the_same_kind_of_value_and_nothing_else_restates_the_part_before(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    parts = read_turn("2023年的榜单具体哪天公布？要几月几号，我们好提前订会场", dt.date(2023, 10, 20), store, None).parts
    assert len(parts) == 1
    parts = read_turn("先导榜每个领域能推几个？新锐榜能推几个？", dt.date(2023, 10, 20), store, None).parts
    assert len(parts) == 2  # another subject is another question


def test_the_ask_is_read_in_the_notices_words_unless_a_notice_writes_the_users_word() -> None:
    q = understand("去年的榜最后是怎么公布的", TODAY)
    assert "发布" in q.ask and "公布" not in q.ask and "发布" in q.search_text
    names = Catalogue()
    names.learn_words(["保密审查意见表由二级单位保密办盖章。"])
    assert names.written == ["盖章"]
    assert "盖章" in understand("保密审查意见表要谁盖章", TODAY, names).ask  # the notices' own word
    assert "公章" in understand("申报表要盖章吗", TODAY).ask


def test_a_rough_count_is_no_question_and_a_short_list_name_is_settled_by_the_round(catalogue: Catalogue) -> None:
    from assistant.answer.message import QUESTION_WORDS

    assert not QUESTION_WORDS.search("这几年促成了十几项专利许可转让，服务过几十家企业")
    assert QUESTION_WORDS.search("能推几项")
    q = understand("我自己单干做技术经纪，今年先锋榜我还能报吗", TODAY, catalogue)
    assert q.list_key == "技术经理人先锋榜"  # 2023 has one list ending so
    old = understand("2022年先锋榜能推几个", TODAY, catalogue)
    assert old.list_key != "技术经理人先锋榜"  # 2022 has two (创业就业先锋榜 too): it settles nothing
    after = understand("不在企业也不在高校，这种情况能报经理人先锋榜吗", TODAY, catalogue)
    assert after.list_key == "技术经理人先锋榜" and after.readings == []  # "报" is a word of its own, no misspelling


def test_a_list_written_short_and_off_by_a_character_is_read_whole() -> None:
    names = Catalogue(lists={"融通创新平台榜": "融通创新平台榜", "新锐企业榜": "新锐企业榜"})
    q = understand("东江理工融通平台榜校内截止几号", TODAY, names)
    assert q.text == "东江理工融通创新平台榜校内截止几号"  # not "…融融通创新平台榜…"
    assert q.readings == [("融通平台榜", "融通创新平台榜")]


def test_an_ask_without_a_subject_asks_of_the_clause_before_it() -> None:
    q = understand("新锐榜和经理人榜的名额跟23年比变了，现在分别是多少？", TODAY)
    assert q.intent == Intent.QUOTA
    assert understand("我们公司去年营收三千万，现在分别是多少？", TODAY).intent != Intent.QUOTA


def test_a_field_is_read_through_a_homophone_not_through_any_wrong_character() -> None:
    assert understand("绿色底碳那个方向能推几个", TODAY).readings == [("绿色底碳", "绿色低碳")]
    assert understand("23年的榜提交完以后，是谁先审材料？", TODAY).readings == []


def test_a_yes_no_ask_of_a_list_after_the_askers_situation_is_whether_they_may_apply(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    today = dt.date(2023, 10, 20)
    (q,) = read_turn("我们是一家专业孵化器，2021年7月成立。今年的融通榜我们够格吗？", today, store, None).parts
    assert q.intent == Intent.ELIGIBILITY
    (plain,) = read_turn("今年的融通榜还有吗？", today, store, None).parts
    assert plain.intent != Intent.ELIGIBILITY  # no situation told: not a self-check
    (sized,) = read_turn("我们公司员工80来人，融通榜今年还有吗？", today, store, None).parts
    assert sized.intent != Intent.ELIGIBILITY  # a size no condition rules on
    (school,) = read_turn("我是南屿理工医学院的，今年学校组织先导技术榜生物医药领域的申报吗？", today, store, None).parts
    assert school.intent != Intent.ELIGIBILITY  # who is asking, not a situation to check


def test_a_part_naming_only_another_round_asks_what_the_part_before_asked(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    first, second = read_turn("今年科创中国平台申报截止是几号？23年那次是几号？", dt.date(2023, 10, 20), store, None).parts
    assert first.intent == second.intent == Intent.DEADLINE and second.years == [2023]
    assert "截止" in second.ask  # searched in the words of the part before


def test_a_part_naming_nothing_asks_what_the_part_before_asked_of_its_own_answer_type(store) -> None:  # noqa: ANN001
    """"…平台截止时间变了吗？去年是哪天": the date the part before asked, of the rounds it names; "…谁组织
    的？几月" asks a time of its own, not the organiser again."""
    from assistant.answer.turn import read_turn

    today = dt.date(2023, 10, 20)
    first, second = read_turn("跟去年比，平台申报截止时间变了吗？去年是哪天？", today, store, None).parts
    assert second.intent == first.intent == Intent.DEADLINE and "截止" in second.ask
    first, second = read_turn("23年终评谁组织？几月？", today, store, None).parts
    assert second.intent != first.intent and "组织" not in second.ask


def test_who_the_asker_is_is_no_step_of_theirs(store) -> None:  # noqa: ANN001
    """"我是华东某研究院科研处的陈晓…拟申报先导技术榜先进材料领域…烦请告知对接人": the field's contact (the
    科研处 is who writes, as is the signature after 此致); "学会这边的表最晚什么时候交" is a step of theirs."""
    from assistant.answer.turn import read_turn

    today = dt.date(2023, 10, 20)
    letter = ("尊敬的老师：\n您好！我是华东某材料研究院科研处的陈晓。我院有一项涂层技术拟申报今年“科创中国”先导技术榜先进"
              "材料领域，关于技术成熟度的测算口径，想直接向该领域初评机构请教。烦请告知对接人及联系电话。\n此致\n敬礼！\n陈晓\n科研处")
    q = read_turn(letter, today, store, None).parts[0]
    assert not q.own_step and q.field_key == "先进材料"
    assert read_turn("我是学会会员，学会这边的表最晚什么时候交？", today, store, None).parts[0].own_step


def test_a_few_of_something_told_in_a_statement_is_not_asked() -> None:
    from assistant.answer.message import read_message

    msg = read_message("我们厂2018年成立，有几项实用新型专利。这类产品算限制类，报新锐企业榜会不会有问题？")
    assert msg.questions == ["这类产品算限制类，报新锐企业榜会不会有问题"]
    assert read_message("先导榜每个领域能推几个？").questions == ["先导榜每个领域能推几个"]


def test_our_school_points_at_a_universitys_own_notice() -> None:
    from assistant.answer.pointer import KIND_WORDS
    from assistant.model import NoticeKind

    internal = dict(KIND_WORDS)[NoticeKind.INTERNAL]
    assert internal.search("我们学院先导榜能报几项？是按领域算吗")
    assert not internal.search("学院路的那家研究院能报吗")  # a place's name, not the asker's school



def test_the_societys_passed_on_notice_is_named_however_it_was_passed() -> None:
    from assistant.answer.pointer import KIND_WORDS
    from assistant.model import NoticeKind

    forwarding = dict(KIND_WORDS)[NoticeKind.FORWARDING]
    for said in ("学会转的那个榜单通知", "协会发的那份文件", "学会转过来的那条通知", "学会发来的那个通知"):
        assert forwarding.search(said), said


def test_a_pasted_chat_messages_furniture_is_not_the_askers_own_step(store) -> None:  # noqa: ANN001
    """"[转发自“会员服务群”] @秘书处 …想报先导技术榜…初评是哪家负责": a review body of the list asked,
    not the society's own step (a member group's name and the @ are the chat's, not the ask's)."""
    from assistant.answer.turn import read_turn

    turn = read_turn("[转发自“会员服务群”] @秘书处 我们想报先导技术榜产业基础领域。初评是哪家负责？",
                     dt.date(2023, 10, 20), store, None)
    q = turn.parts[0]
    assert not q.own_step and q.list_key == "先导技术榜" and q.attribute == "body"


@pytest.mark.parametrize(("text", "intent"), [
    ("30号晚上十一点半在平台上点提交还算数不", Intent.DEADLINE),  # whether a time still counts
    ("新锐企业榜最多能塞几家", Intent.QUOTA),  # how many may be put forward, said colloquially
    ("先导榜每个领域能推几个", Intent.QUOTA),
])
def test_colloquial_asks_of_a_deadline_and_a_quota(text: str, intent: Intent) -> None:
    from assistant.answer.understand import detect_intent

    assert detect_intent(text) == intent


def test_a_name_s_sound_across_two_words_is_not_that_name() -> None:
    from assistant.names import Catalogue

    names = Catalogue(people=["李娜"])
    # "柜里那份": 里那 sounds like 李娜 but runs over two words; "里那老师" would be read as 李娜.
    assert understand("档案柜里那份材料的联系人电话是多少？", TODAY, names).readings == []


def test_bang_typed_with_a_character_that_sounds_like_it_is_read_as_a_list(catalogue: Catalogue) -> None:
    q = understand("融通那个棒21年叫啥名字", TODAY, catalogue)
    assert q.list_key == "融通创新组织榜" and q.readings == [("那个棒", "那个榜")]
    assert understand("先导帮22年每个领域推几个", TODAY, catalogue).list_key == "先导技术榜"
    # 帮 as the word it is: no list is read into it
    assert understand("麻烦帮我看看截止时间", TODAY, catalogue).readings == []
    assert understand("新锐企业榜那个帮忙看下", TODAY, catalogue).readings == []


@pytest.mark.parametrize("text", ["2020年我们在资源环境领域推荐了3项先导技术，算不算超了？",
                                  "这次先导榜电子信息推3个、生物医药推3个，会不会超名额？"])
def test_a_count_checked_against_the_quota_asks_the_quota(text: str, catalogue: Catalogue) -> None:
    assert understand(text, TODAY, catalogue).intent == Intent.QUOTA


@pytest.mark.parametrize(("text", "parts"), [
    ("新锐企业榜的截止时间和推荐名额分别是多少？", ["新锐企业榜的截止时间", "推荐名额分别是多少"]),
    ("融通创新组织榜能推几个以及找谁初评？", ["融通创新组织榜能推几个", "找谁初评"]),
    ("技术经理人先锋榜名额和联系电话", ["技术经理人先锋榜名额", "联系电话"]),
    ("电子信息和生物医药的名额是多少？", ["电子信息和生物医药的名额是多少"]),  # two subjects, one ask
    ("联系人和电话是多少？", ["联系人和电话是多少"]),  # one ask, two details
])
def test_two_asks_joined_by_a_conjunction_are_two_questions(text: str, parts: list[str]) -> None:
    from assistant.answer.message import read_message

    assert read_message(text).questions == parts


def test_a_polite_request_is_an_ask() -> None:
    from assistant.answer.message import read_message

    msg = read_message("我们准备报先导技术榜。麻烦给个初评老师的电话。")
    assert msg.questions == ["麻烦给个初评老师的电话"] and msg.statements == ["我们准备报先导技术榜"]


def test_a_told_situation_makes_only_an_ask_about_applying_an_eligibility_ask(store) -> None:  # noqa: ANN001
    """"想报融通创新组织榜，成立时间符合要求吗？另外材料要不要交纸质版？": the second yes/no is about
    materials, not whether the asker may apply."""
    from assistant.answer.turn import read_turn

    turn = read_turn("我们是一家专业技术转移机构，2021年3月注册成立。想报融通创新组织榜，请问成立时间符合要求吗？"
                     "另外材料要不要交纸质版？", dt.date(2023, 10, 20), store, None)
    assert [q.intent for q in turn.parts] == [Intent.ELIGIBILITY, Intent.OTHER]


@pytest.mark.parametrize("text", ["21年新锐榜我们是10月31号上午传的材料 算晚吗", "集团内部几号截止？我们赶不赶得上",
                                  "省科协收推荐汇总表截到哪天几点", "11月30日晚上传的，过期了吗"])
def test_whether_a_time_is_late_is_a_deadline_ask(text: str) -> None:
    assert understand(text, TODAY).intent == Intent.DEADLINE


@pytest.mark.parametrize("text", ["还有‘所在地区’填注册地还是哪里？", "“所属行业”填锂电池行不行"])
def test_what_a_quoted_field_takes_is_a_form_ask(text: str) -> None:
    q = understand(text, TODAY)
    assert q.intent == Intent.FORM and q.quoted


def test_who_runs_each_step_of_a_process_is_a_schedule_ask() -> None:
    assert understand("今年交完以后是什么流程，哪个环节谁负责，大概什么时候能出榜？", TODAY).intent == Intent.SCHEDULE
    assert understand("先导榜电子信息领域谁负责初评？电话多少", TODAY).intent == Intent.CONTACT  # a phone asked


def test_asks_typed_with_spaces_are_split_when_the_first_asks_a_lists_name() -> None:
    from assistant.answer.message import read_message

    asks = read_message("融通创新组织榜21年的时候叫什么名字 那年设了几项 每家单位能推几个").questions
    assert len(asks) == 2 and asks[1] == "每家单位能推几个"


def test_a_wish_to_call_the_reviewers_asks_for_their_contact() -> None:
    from assistant.answer.message import read_message

    msg = read_message("申报表“类别”里我们是勾哪个拿不准，是不是只统计试点城市内的主体？想直接跟初评那边电话确认。——刘洋")
    assert msg.questions[-1] == "想直接跟初评那边电话确认"
    assert read_message("我们想了解一下政策。").questions == ["我们想了解一下政策"]  # (no call wished: the whole message)


def test_a_count_of_conditions_is_no_quota_and_steps_after_one_are_a_process() -> None:
    assert understand("20年那时候先导技术的基本推荐条件是哪几条？", TODAY).intent != Intent.QUOTA
    assert understand("平台上交完材料以后，后面是怎么个流程？", TODAY).intent == Intent.SCHEDULE


def test_a_first_part_that_asks_on_its_own_is_split_from_the_asks_after_it() -> None:
    from assistant.answer.message import read_message

    assert read_message("线上报完纸质的还用寄吗 终审几月 谁负责终审").questions == ["线上报完纸质的还用寄吗", "终审几月", "谁负责终审"]
    assert read_message("开的什么会，几月份？").questions == ["开的什么会，几月份"]  # (too short to ask on its own)


def test_how_many_a_stage_passes_on_is_no_quota() -> None:
    q = understand("2020年先导技术榜，学会联合体初评完之后，每个领域要报送多少项？", TODAY)
    assert q.intent != Intent.QUOTA
    assert understand("2020年先导技术榜每个领域能推荐多少项？", TODAY).intent == Intent.QUOTA


def test_a_later_contact_ask_with_no_subject_of_its_own_is_of_the_person_or_address_before() -> None:
    from assistant.answer.understand import continue_from

    names = Catalogue(people=["阎晚晴"])
    first = understand("阎晚晴老师是学会哪个部门的", TODAY, names)
    later = continue_from(understand("手机多少", TODAY, names), first)
    assert later.person == "阎晚晴" and later.intent == Intent.LOOKUP
    place = understand("海淀区红联南村54号那个邮寄地址是寄哪个领域材料的", TODAY)
    assert place.place == "海淀区红联南村54号" and place.intent == Intent.LOOKUP
    recipient = continue_from(understand("收件人电话多少", TODAY), place)
    assert recipient.place == place.place and recipient.intent == Intent.LOOKUP
    assert continue_from(understand("新锐企业榜联系人电话多少", TODAY), first).person is None  # a subject of its own


def test_years_named_as_alternatives_are_both_read_and_marked_unsure() -> None:
    q = understand("记得前几年（20年还是21年来着）有个投资机构的榜", TODAY)
    assert q.years == [2020, 2021] and q.years_unsure
    assert understand("近20年来科技创新很重要，今年先导榜截止是哪天", TODAY).years == [2026]


def test_whom_to_give_something_to_is_a_contact_ask() -> None:
    assert understand("材料现在发给谁", TODAY).intent == Intent.CONTACT


def test_a_count_the_asker_puts_forward_and_asks_about_is_a_quota_question() -> None:
    from assistant.answer.understand import asked_of_count

    assert understand("想先导榜报一个、新锐榜再报一个，可以吗", TODAY).intent == Intent.QUOTA
    later = asked_of_count(understand("现在回头看，当时是不是超额了", TODAY), "我们省科协就各推了3项；新锐企业那边推了5家")
    assert later.intent == Intent.QUOTA
    assert understand("我们公司成立3年了，可以报新锐企业榜吗", TODAY).intent != Intent.QUOTA  # a count of years, not put forward
    assert understand("先锋榜已经推了两个人了，还有一位也想报，还有别的办法吗", TODAY).intent == Intent.QUOTA
    # the ask has its own subject: not the count's
    assert understand("准备报3个先导技术榜项目，样表是旧版填的，还用重新填吗", TODAY).intent != Intent.QUOTA


def test_when_the_asker_did_it_asked_yes_or_no_is_checked_against_the_deadline() -> None:
    assert understand("去年我们是10月30号晚上十点多才在平台上点的提交，当时算按时交了吗？", TODAY).intent == Intent.DEADLINE
    assert understand("21年的时候我们是10月31号上午才在平台提交的，这算迟交吗？", TODAY).intent == Intent.DEADLINE
    assert understand("电子信息领域已经推了三个先导技术，手上还有一个想加进去，还能加吗", TODAY).intent == Intent.QUOTA


def test_a_year_the_asker_joined_or_moved_in_is_their_story_not_the_round() -> None:
    assert 2024 not in understand("我是学会个人会员，2024年12月入的会，干技术转移5年了，能通过学会报先锋榜吗？", TODAY).years
    assert 2025 not in understand("我们公司2020年注册的，2025年11月才从隔壁区搬进园区，能报新锐吗？", TODAY).years
    # a month-dated step of the asker's own, with no step of a round in its clause
    assert 2022 not in understand("我是2022年12月从企业跳到学校技术转移中心专职做成果转化的，想通过学校报先锋榜，资格够吗？", TODAY).years
    assert understand("2022年11月报的先导榜，结果什么时候公布？", TODAY).years == [2022]  # (a round's step)


def test_a_persons_homophone_the_segmenter_splits_is_still_read_as_the_name(catalogue: Catalogue) -> None:
    """"郭天环是哪个领域的联系人": jieba cuts 郭 / 天环是, yet a surname set apart as a name is (text start,
    then 是) reads as 郭天欢, the one person it sounds like."""
    q = understand("郭天环是哪个领域的联系人", TODAY, catalogue)
    assert q.person == "郭天欢" and q.readings == [("郭天环", "郭天欢")]


def test_an_address_with_its_building_and_room_is_looked_up_by_every_part_that_asks_of_it(store) -> None:  # noqa: ANN001
    """"收件地址写的是北京市丰台区方庄6号2号楼1单元213室，这是哪个机构、负责哪个领域的？收件人应该写谁": the
    address (a 庄's number, its building, unit and room) is what each part asks about."""
    from assistant.answer.turn import read_turn

    parts = read_turn("快递单上收件地址写的是北京市丰台区方庄6号2号楼1单元213室，这是科创中国哪个机构、负责哪个领域的？收件人应该写谁？",
                      dt.date(2023, 10, 20), store, None).parts
    assert len(parts) == 3 and all(p.place.endswith("方庄6号2号楼1单元213室") and p.intent == Intent.LOOKUP for p in parts)


def test_a_year_that_dates_a_persons_listing_is_not_the_round_and_one_more_put_forward_is_a_quota_ask() -> None:
    """"副理事长是2022年的技术经理人先锋人物，他以个人名义还能再推一位吗": the round now open, asked how many
    one may put forward."""
    q = understand("学会副理事长是2022年的技术经理人先锋人物，他以个人名义还能再推一位吗？", dt.date(2023, 10, 20))
    assert q.intent == Intent.QUOTA and 2022 not in q.years


def test_a_misspelt_lists_reading_is_the_same_in_every_process() -> None:
    """"经里人榜": the name it is read as does not depend on the process's hash seed (a set's order)."""
    import os
    import subprocess
    import sys

    code = ("from assistant.names import Catalogue\nfrom assistant.answer.understand import _list_tails\n"
            "names = Catalogue(lists={'技术经理人先锋榜': '技术经理人先锋榜'}, mentions=['今年更名为技术经理人先锋榜'])\n"
            "print(_list_tails(names)['经理人先锋榜'])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert seen == {"技术经理人先锋榜"}


def test_an_ask_of_question_words_only_asks_of_what_the_asker_says_before_it() -> None:
    from assistant.answer.understand import ask_clauses

    assert ask_clauses("我们科技处要给促进会交推荐汇总表，最晚哪天", TODAY) == "我们科技处要给促进会交推荐汇总表，最晚哪天"
    assert ask_clauses("要几月几号，我们好提前订会场", TODAY) == "要几月几号，"  # a purpose after it is not its subject
    assert ask_clauses("我们公司前年在无锡注册，今年能报新锐企业榜吗", TODAY) == "今年能报新锐企业榜吗"


def test_a_recipient_asked_is_answered_by_the_steps_sentence() -> None:
    q = understand("初评阶段各学会联合体把初评结果报给了科协哪个部门？", TODAY)
    assert q.answer_type == AnswerType.PROCEDURE


def test_a_list_dropped_between_two_rounds_asks_of_both() -> None:
    """"21年那七类榜单里，有哪几个到22年就没有了": the round told of and the one asked, compared."""
    q = understand("21年那七类榜单里，有哪几个到22年就没有了？", TODAY)
    assert q.years == [2021, 2022] and q.intent == Intent.COMPARE


def test_the_field_the_askers_work_falls_in_is_kept_when_the_field_is_asked() -> None:
    q = understand("我们是做城镇污水处理的，先导榜该选哪个领域？", TODAY)
    assert q.field_key is None and q.story_field is not None and q.story_field[0] == "绿色低碳"
    later = continue_from(understand("这个领域初评找谁？", TODAY), q)
    assert later.field_key == "绿色低碳"


def test_a_number_told_before_is_the_one_asked_whether_it_still_holds() -> None:
    told = understand("我存的客服电话是010-63589150。", TODAY)
    q = continue_from(understand("今年打这个还对吗？", TODAY), told)
    assert q.phones == told.phones and q.intent == Intent.LOOKUP


def test_next_years_month_is_a_date_of_this_rounds_schedule_not_the_next_round() -> None:
    """The round's schedule runs into the next year (终评 in January, 发布 in February): "明年一月…终评结束了没有"
    asks of this round."""
    assert understand("领导想在明年一月的工作会上通报，那时候终评结束了没有？", TODAY).years != [TODAY.year + 1]
    assert understand("明年还会评先导技术榜吗？", TODAY).years == [TODAY.year + 1]


def test_a_cantonese_question_is_read_as_its_mandarin() -> None:
    q = understand("本人係嶺峰大學副教授，我嘅公司2052年5月喺深圳註冊。今年可唔可以報新銳企業榜？", dt.date(2063, 10, 20))
    assert q.answer_type == AnswerType.YESNO and q.list_key == "新锐企业榜"
    assert "在深圳注册" in q.text and "是岭峰大学" in q.text
    # 係 of 關係 stays a relation.
    assert "关系" in understand("两个榜单的關係係點樣？", dt.date(2063, 10, 20)).text


def test_a_function_word_is_not_read_as_a_mistyped_ask_word() -> None:
    q = understand("去年工作咨询那里有位董娜老师，今年还是她吗", dt.date(2023, 10, 20))
    assert not q.readings and "那里" in q.text
    assert understand("连系人是谁", dt.date(2023, 10, 20)).readings  # a real typo is still read


def test_which_materials_to_hand_in_is_not_where_to_send_them() -> None:
    assert understand("报园区要交哪些材料？", dt.date(2063, 10, 20)).attribute is None
    assert understand("纸质材料交哪？", dt.date(2063, 10, 20)).attribute == "address"


def test_a_list_named_by_its_first_characters_before_a_pointing_word_is_that_list(catalogue: Catalogue) -> None:
    q = understand("新锐那块推了5家呢", TODAY, catalogue)
    assert q.list_key == "新锐企业榜"
    assert understand("融通这边截止哪天", TODAY, catalogue).list_key == "融通创新组织榜"
    assert understand("这边截止哪天", TODAY, catalogue).list_key is None


def test_a_round_compared_by_more_or_earlier_is_a_comparison_of_both_rounds(catalogue: Catalogue) -> None:
    fall = dt.date(2023, 10, 20)
    q = understand("21年先导榜比今年多一个领域？", fall, catalogue)
    assert q.years == [2021, 2023] and q.intent == Intent.COMPARE
    later = understand("去年的平台截止比今年早吗", fall, catalogue)
    assert later.years == [2022, 2023] and later.intent == Intent.COMPARE


def test_the_field_the_ask_names_wins_over_the_one_the_asker_tells_of(catalogue: Catalogue) -> None:
    q = understand("我们学会先导技术榜电子信息领域已经报满3个了，生物医药领域这边还能再报吗", TODAY, catalogue)
    assert q.field_key == "生物医药"


def test_a_short_second_sentence_of_the_same_ask_is_read_with_the_first(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    turn = read_turn("平台上交完以后谁评？一共几轮？", dt.date(2023, 10, 20), store, None)
    assert [p.intent for p in turn.parts] == [Intent.SCHEDULE] and "一共几轮" in turn.parts[0].text
    # A value of its own ("几月") or another stage is a part of its own.
    assert len(read_turn("初评几月？终评几月？", TODAY, store, None).parts) == 2
    assert len(read_turn("联系人是谁？电话多少？", TODAY, store, None).parts) == 2


def test_who_the_asker_says_they_are_is_read_for_the_route_that_is_theirs() -> None:
    q = understand("我们是澜江省下面一个州科协，推荐材料最晚哪天要交到省科协？", dt.date(2065, 10, 20))
    assert q.asker == "我们是澜江省下面一个州科协"
    assert understand("推荐材料最晚哪天交？", dt.date(2065, 10, 20)).asker == ""


def test_where_to_send_is_a_place_however_asked() -> None:
    assert answer_type("材料发到哪？") == AnswerType.PLACE and answer_type("交到哪里") == AnswerType.PLACE
    assert answer_type("发到哪天截止") != AnswerType.PLACE


def test_the_time_between_two_events_asks_when_each_is() -> None:
    from assistant.answer.message import read_message

    asked = read_message("２０２０年先导技术榜单从推荐截止到榜单发布，大概隔了多久？").questions
    assert asked == ["２０２０年先导技术榜单推荐截止是什么时候", "２０２０年先导技术榜单榜单发布是什么时候"]
    assert read_message("平台上传截止到初评报送截止，中间隔了几天？").questions == ["平台上传截止是什么时候", "初评报送截止是什么时候"]
    assert len(read_message("从10月1日到11月20日隔了几天？").questions) == 1  # two dates given: a sum, nothing to look up
    # The round and notice meant, said before "从" with a comma, stay with each event; any verb of the span.
    assert read_message("2020年先导技术榜单那份通知，从发文到平台截止一共给了多少天？").questions == [
        "2020年先导技术榜单那份通知，发文是什么时候", "2020年先导技术榜单那份通知，平台截止是什么时候"]


def test_when_a_notice_was_issued_is_asked_of_the_notice() -> None:
    from assistant.answer.understand import detect_intent

    for asked in ("2020年那份通知，发文是什么时候", "印发是哪天", "发文日期是几号"):
        assert detect_intent(asked) == Intent.NOTICE, asked
    assert detect_intent("榜单发布是什么时候") != Intent.NOTICE



def test_earlier_is_not_a_deadline() -> None:
    from assistant.answer.understand import detect_intent
    from assistant.model import Intent

    assert detect_intent("想要一下秘书处彭老师的手机号，之前通知上的号码打了好几次都是空号") == Intent.CONTACT
    assert detect_intent("材料要在11月20日之前交吗") == Intent.DEADLINE


def test_pointing_at_items_is_no_count_and_a_count_of_copies_is_a_number() -> None:
    assert understand("后面创新资源集聚那几项呢，是不是都一样", TODAY).intent != Intent.QUOTA
    assert answer_type("纸质材料要几份？") == AnswerType.NUMBER
    assert understand("鹭洲每个区最多报市里几家？", TODAY).intent == Intent.QUOTA  # the destination between


def test_a_step_told_on_the_platform_dates_the_round() -> None:
    from assistant.answer.understand import story_years

    assert story_years("2021年在平台上线上申报提交完了，纸质的推荐材料还要不要寄给初评机构") == [2021]  # (not 上线: launched)


def test_a_year_written_short_is_a_round_near_today() -> None:
    from assistant.answer.understand import normalize_years

    assert normalize_years("78年新设的那个榜叫什么", dt.date(2078, 10, 20)) == "2078年新设的那个榜叫什么"
    assert normalize_years("21年和22年比", dt.date(2023, 10, 20)) == "2021年和2022年比"
    # The series' early rounds stay theirs; two digits far from any round are no year.
    assert normalize_years("21年那次", dt.date(2078, 10, 20)) == "2021年那次"
    assert normalize_years("50年的老企业", dt.date(2023, 10, 20)) == "50年的老企业"
    assert normalize_years("99年那次", dt.date(2101, 3, 1)) == "2099年那次"
    # A year and its month told ("76年12月在园区注册的") is a date, however long before any round.
    assert normalize_years("公司是76年12月注册的", dt.date(2085, 10, 20)) == "公司是2076年12月注册的"
    assert normalize_years("76年的老厂", dt.date(2085, 10, 20)) == "76年的老厂"


def test_a_verb_asked_a_not_a_asks_and_an_item_after_a_list_comma_stays_in_its_ask() -> None:
    from assistant.answer.message import QUESTION_WORDS, read_message

    assert QUESTION_WORDS.search("纸质材料还用不用寄出去") and QUESTION_WORDS.search("需不需要盖章")
    assert not QUESTION_WORDS.search("一步一步来")
    for told in ("系统动不动就卡住", "平台时不时登录不上", "不管评不评得上都会报", "是不是改名了"):
        assert not QUESTION_WORDS.search(told), told
    # A noun item after "、" asks of its own: "名额多少、联系人？" is two asks.
    assert len(read_message("先导技术榜名额多少、联系人？").questions) == 2
    asked = read_message("我们想报青年创业榜，是不是也跟先导、新锐一样由学会推荐、在科创中国平台上申报？").questions
    assert len(asked) == 1 and asked[0].endswith("在科创中国平台上申报")
    # Items that each ask stay apart.
    assert len(read_message("几个名额、截止哪天、初评找谁？").questions) == 3


def test_a_deadlines_hour_asked_after_its_day_is_one_ask(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    parts = read_turn("我们是市科协，往省科协交推荐材料最晚哪天？几点截止？", dt.date(2023, 10, 20), store, None).parts
    assert len(parts) == 1 and "几点截止" in parts[0].text


def test_a_misspelt_list_is_found_past_a_window_inside_another_word() -> None:
    q = understand("青梧湾高新区企业报新蕊企业榜，截止是几号？", TODAY)
    assert q.list_key == "新锐企业榜"
    assert understand("青梧湾高新区企业报榜，截止是几号？", TODAY).list_key is None


def test_a_later_part_that_names_nothing_keeps_the_item_quoted_before(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    first, second = read_turn("推荐表“技术水平介绍”一栏500字写不下，能不能另附材料？另附的最多写多少字？",
                              dt.date(2023, 10, 20), store, None).parts
    assert second.quoted == ["技术水平介绍"] and "quoted" in second.inherited and "技术水平介绍" in second.carried
    own = read_turn("“技术水平介绍”写不下怎么办？先导技术榜联系人是谁？", dt.date(2023, 10, 20), store, None).parts[1]
    assert own.quoted == []  # a part naming its own subject (a list) does not take the quote


def test_a_short_year_after_dao_le_is_a_round_and_a_span_after_le_is_not() -> None:
    from assistant.answer.understand import normalize_years

    today = dt.date(2023, 10, 20)
    assert "到了2022年" in normalize_years("21年叫产学研融通组织榜，到了22年改叫啥了", today)
    assert "做了22年" in normalize_years("我做了22年技术转移", today)


def test_the_new_one_asked_after_a_comparison_of_rounds_is_of_the_later_round(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import read_turn

    parts = read_turn("工作咨询去年是徐春淼和董娜娜，今年换人了吗？新的那位电话多少？", dt.date(2023, 10, 20), store, None).parts
    assert parts[0].compare and parts[0].years == [2022, 2023]
    assert parts[1].years == [2023]


def test_a_units_own_platform_named_in_a_question_is_not_the_calls_side() -> None:
    from assistant.answer.understand import asks_platform_side

    assert not asks_platform_side("北湾高新区园区这边报送截止是哪天？就是园区企业服务平台那个")
    assert not asks_platform_side("学校科研管理系统几号关")
    assert asks_platform_side("省科协截止和平台截止分别是哪天") and asks_platform_side("平台那边最晚到什么时候")
    assert not asks_platform_side("院里最晚哪天在平台把推荐做完")  # (the platform as where the unit's step is done)


def test_whether_a_unit_may_put_one_forward_is_an_eligibility_ask_and_how_many_a_quota_ask(store) -> None:  # noqa: ANN001
    from assistant.answer.turn import understand_part

    today = dt.date(2023, 10, 20)
    assert understand_part("我们公司注册在香港，2019年成立，学校能推荐它报新锐企业榜吗", today, store).intent == Intent.ELIGIBILITY
    assert understand_part("学校新锐企业榜能推荐几家", today, store).intent == Intent.QUOTA


def test_a_limit_asked_of_each_part_of_a_form_is_a_form_ask_not_a_quota() -> None:
    from assistant.answer.understand import detect_intent

    assert detect_intent("后面“创新资源集聚情况”那五段，每段上限多少") == Intent.FORM
    assert detect_intent("新锐企业榜每个单位上限多少家") == Intent.QUOTA


def test_what_a_person_handles_is_looked_up_and_who_in_charge_asks_a_contact() -> None:
    people = Catalogue(people=["胡志强", "李娜"])
    assert understand("去年胡志强老师负责先导榜哪几个领域的初评？", TODAY, people).intent == "lookup"
    assert understand("李娜管哪几个榜？", TODAY, people).intent == "lookup"
    # a person named beside 负责的/管理/负责人 asks of something else
    assert understand("胡志强老师负责的申报材料寄到什么地方？", TODAY, people).intent != "lookup"
    assert understand("胡志强老师管理的材料要交什么？", TODAY, people).intent != "lookup"
    assert answer_type("院里谁具体负责对接？") == AnswerType.CONTACT
