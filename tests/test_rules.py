"""Each answerer on its own, over a fact store built straight from the extracted facts (no index,
no vectors, no retrieval to cover for it). Expected values come from the golden file, written by
reading the notices."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from assistant.answer.compose import Citer, quote_found
from assistant.answer.decline import DECLINE_MARKERS
from assistant.answer.phrasing import cn_date
from assistant.answer.profile import Profile
from assistant.answer.rules import ANSWERERS, Context, Reply, reply
from assistant.answer.rules.compare import answer_compare
from assistant.answer.store import FactStore
from assistant.answer.turn import read_turn, understand_part
from assistant.model import EligibilityFact, Intent

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))
ORIGINALS = {k: g for k, g in GOLDEN.items() if g["kind"] == "original"}
TODAY = dt.date(2023, 11, 25)


def run(store: FactStore, intent: Intent, text: str) -> tuple[Reply, Citer]:
    """One answerer, called directly: a test here fails when that answerer gives nothing."""
    q = understand_part(text, TODAY, store)
    citer = Citer(store.notices)
    result = ANSWERERS[intent](Context(q, store, citer, TODAY))
    assert result is not None, f"{intent} gave nothing for {text!r}"
    assert citer.citations, "a rule answer cites its facts"
    assert all(quote_found(c, store.notices) for c in citer.citations)
    return result, citer


def text_of(r: Reply) -> str:
    return "\n".join(r.lines())


def month_day(iso: str) -> str:
    return cn_date(str(iso))[5:]  # "2023年11月30日" -> "11月30日"


@pytest.mark.parametrize("key", sorted(ORIGINALS))
def test_contact_gives_each_persons_phones(store: FactStore, key: str) -> None:
    gold = GOLDEN[key]
    for person, phones in gold["contacts"].items():
        r, _ = run(store, Intent.CONTACT, f"{gold['year']}年{person}的电话是多少")
        assert all(str(p) in r.direct[0] for p in phones), (person, r.direct)
        assert r.person == person


def test_contact_of_a_list_is_its_review_body(store: FactStore) -> None:
    gold = GOLDEN["002"]
    for list_name, person in gold["list_contacts"].items():
        r, _ = run(store, Intent.CONTACT, f"{gold['year']}年{list_name}的联系人")
        assert person in text_of(r)


def test_contact_says_which_detail_the_notice_lacks(store: FactStore) -> None:
    r, _ = run(store, Intent.CONTACT, "2023年郑伯龙的邮箱")
    assert r.direct[0].startswith("通知中未找到邮箱")  # what is asked for is answered first
    assert DECLINE_MARKERS.search(r.direct[0])  # said as plainly as any other "not in the notices"


# (intent, golden entry, question, what the answer must hold) for every value of that entry.
PER_VALUE = [
    (Intent.SCHEDULE, "stages", "{year}年{name}是什么时候", lambda v: str(v).replace(" ", "")),
    (Intent.QUOTA, "quotas", "{year}年{name}每个单位推荐几个", lambda v: f"不超过{v}"),
]


@pytest.mark.parametrize(("intent", "entry", "question", "expected"), PER_VALUE, ids=[c[1] for c in PER_VALUE])
@pytest.mark.parametrize("key", sorted(ORIGINALS))
def test_each_value_of_a_year(store: FactStore, key: str, intent: Intent, entry: str, question, expected) -> None:  # noqa: ANN001
    gold = GOLDEN[key]
    for name, value in gold.get(entry, {}).items():
        r, _ = run(store, intent, question.format(year=gold["year"], name=name))
        assert expected(value) in text_of(r), (name, r.direct)


# (intent, question, golden entry whose every item the first line must name)
WHOLE_ROUND = [
    (Intent.LISTS, "{year}年设置了哪几类榜单", "lists"),
    (Intent.LISTS, "{year}年先导技术榜设哪些领域", "fields"),
]


@pytest.mark.parametrize(("intent", "question", "entry"), WHOLE_ROUND, ids=[c[2] for c in WHOLE_ROUND])
@pytest.mark.parametrize("key", sorted(ORIGINALS))
def test_a_rounds_lists_and_fields(store: FactStore, key: str, intent: Intent, question: str, entry: str) -> None:
    gold = GOLDEN[key]
    r, _ = run(store, intent, question.format(year=gold["year"]))
    assert all(name in r.direct[0] for name in gold[entry]), r.direct


@pytest.mark.parametrize("key", sorted(ORIGINALS))
def test_deadline_is_one_of_the_notices_dates(store: FactStore, key: str) -> None:
    gold = GOLDEN[key]
    r, _ = run(store, Intent.DEADLINE, f"{gold['year']}年申报截止时间是哪天")
    assert any(month_day(d) in r.direct[0] for d in gold["deadlines"]), r.direct


def test_deadline_shows_both_dates_when_a_notice_contradicts_itself(store: FactStore) -> None:
    r, _ = run(store, Intent.DEADLINE, "2021年申报截止时间")
    assert "两处日期不一致" in text_of(r) and r.notes


def test_deadline_of_a_society_alone_or_beside_the_platforms(store: FactStore) -> None:
    """A society's own date asked alone is answered alone; asked beside the platform's, both."""
    internal, platform = GOLDEN["001"]["internal_deadline"], GOLDEN["000"]["deadlines"][0]
    r, _ = run(store, Intent.DEADLINE, "学会会员内部报送材料的截止时间？")
    assert month_day(internal) in r.direct[0] and month_day(platform) not in text_of(r)
    r, _ = run(store, Intent.DEADLINE, "学会会员内部报送截止时间，和科协平台的截止时间")
    assert month_day(internal) in r.direct[0] and month_day(platform) in text_of(r)


def test_schedule_without_a_stage_lists_them_all(store: FactStore) -> None:
    r, _ = run(store, Intent.SCHEDULE, "2022年的工作安排")
    assert all(stage in text_of(r) for stage in GOLDEN["002"]["stages"])


def test_a_lists_name_in_each_round(store: FactStore) -> None:
    r, _ = run(store, Intent.LISTS, "融通组织那个榜，21年那会儿叫啥")
    assert r.direct[0].startswith("2021年名为“产学研融通组织榜”") and "融通创新组织榜" in r.direct[0]
    r, _ = run(store, Intent.LISTS, "先导技术榜以前叫什么名字")
    assert "各年名称相同。" in r.notes


def test_a_stage_asked_is_said_with_what_happens_in_it(bot) -> None:  # noqa: ANN001
    ans = bot.answer("2022年的榜单是在什么场合发布的")
    first = ans.answer.split("\n")[0]
    assert "2023年1月" in first and "年度会议" in first  # the period, then the sentence under its heading
    assert any("年度会议" in c.quote for c in ans.citations)


def test_a_list_handled_separately_still_has_its_contact(bot) -> None:  # noqa: ANN001
    # 2022's call says the list is organised separately, and still lists its review body's contact.
    ans = bot.answer("2022年国际创新合作榜评审机构的联系人和手机号，麻烦告知一下")
    assert "马倩" in ans.answer.split("\n[")[0][:300] and "15801401992" in ans.answer[:300]


def test_quota_without_a_list_gives_every_list(store: FactStore) -> None:
    r, _ = run(store, Intent.QUOTA, "2022年各单位的推荐名额")
    assert all(name in text_of(r) for name in GOLDEN["002"]["quotas"])


def test_planned_count_of_a_list(store: FactStore) -> None:
    for list_name, n in GOLDEN["004"]["counts"].items():
        r, _ = run(store, Intent.LISTS, f"2021年{list_name}设多少项")
        assert f"{n}项" in r.direct[0]


@pytest.mark.parametrize("key", sorted(ORIGINALS))
def test_platform_address(store: FactStore, key: str) -> None:
    gold = GOLDEN[key]
    r, _ = run(store, Intent.PLATFORM, f"{gold['year']}年申报平台网址")
    assert any(host in r.direct[0] for host in gold["platforms"])


def test_eligibility_of_every_list_that_has_conditions(store: FactStore) -> None:
    for list_name in GOLDEN["000"]["eligibility_lists"]:
        r, citer = run(store, Intent.ELIGIBILITY, f"2023年{list_name}的申报条件是什么")
        assert list_name in r.direct[0] and "申报条件" in r.direct[0]
        assert citer.citations[0].section.startswith("附件")


def test_eligibility_leads_with_the_closest_condition(store: FactStore) -> None:
    r, _ = run(store, Intent.ELIGIBILITY, "2023年新锐企业榜对企业成立年限有什么要求")
    assert "最相关的一条" in r.direct[0] and "年" in r.direct[0]


def self_checked(store: FactStore, text: str, intent: Intent = Intent.ELIGIBILITY) -> Reply:
    """An answerer given the message's first part with the asker's situation read from the whole message."""
    turn = read_turn(text, TODAY, store, None)
    result = ANSWERERS[intent](Context(turn.parts[0], store, Citer(store.notices), TODAY))
    assert result is not None
    return result


def test_self_check_picks_the_field_group_of_what_the_asker_does_and_quotes_what_bears_on_it(store: FactStore) -> None:
    r = self_checked(store, "我们做国产CAE仿真软件，想报2023年先导技术榜，够不够条件")
    assert "产业基础" in r.direct[0]  # the field group whose description names 工业基础软件
    assert "工业基础软件" in text_of(r)[:300]
    r = self_checked(store, "我们孵化器2019年成立，在试点城市，主要孵化文创企业，2023年融通创新组织榜能报吗")
    assert "节能环保" in text_of(r)[:500]  # the field clause in full, with what the asker does against it


def test_which_field_for_a_described_technology_names_the_closest_group(store: FactStore) -> None:
    r = self_checked(store, "我们团队研发了一款国产CAE仿真工业软件，2023年先导技术榜应该报哪个领域？", Intent.LISTS)
    assert "产业基础" in r.direct[0] and "工业基础软件" in r.direct[1]
    r = self_checked(store, "2023年先导技术榜设哪些领域？", Intent.LISTS)
    assert "最接近" not in text_of(r)  # no technology described, no pointing


@pytest.mark.parametrize("text", [
    "我是去年技术经理人先锋榜入选的，今年能推荐几个人来报？",
    "我去年入选了技术经理人先锋榜。今年想推荐同事申报，我最多能推荐几个人？",
])
def test_a_listed_person_asking_how_many_gets_the_per_person_quota(store: FactStore, text: str) -> None:
    r = self_checked(store, text, Intent.QUOTA)
    assert "每人可推荐1人" in r.direct[0]


def test_a_unit_speaking_as_we_gets_the_units_quota_not_a_persons(store: FactStore) -> None:
    r = self_checked(store, "我校作为推荐单位，在先导技术榜先进材料领域最多可推荐几项？", Intent.QUOTA)
    assert "每个领域各单位推荐不超过3个" in r.direct[0] and "每人" not in r.direct[0]


def test_a_unit_asking_how_many_gets_the_units_quota(store: FactStore) -> None:
    r = self_checked(store, "我们学会去年有项目入选了先导技术榜，今年技术经理人先锋榜能推荐几个人？", Intent.QUOTA)
    assert "不超过2人" in r.direct[0]


def test_compare_two_years_fields(store: FactStore) -> None:
    q = understand_part("2020年和2023年先导技术榜的领域有什么区别？", TODAY, store)
    citer = Citer(store.notices)
    r = answer_compare(Context(q, store, citer, TODAY), lambda one: reply(one, store, citer, TODAY))
    assert r is not None
    first = r.direct[0]
    assert first.startswith("从2020年到2023年：新增绿色低碳") and "不再设资源环境" in first
    # the earlier round first, whichever order the question names them in
    q = understand_part("23年跟20年比先导技术榜的领域有什么变化？", TODAY, store)
    r = answer_compare(Context(q, store, Citer(store.notices), TODAY), lambda one: reply(one, store, citer, TODAY))
    assert r is not None and r.direct[0].startswith("从2020年到2023年：新增绿色低碳")


def test_several_lists_are_answered_each_with_notes_after_them(store: FactStore) -> None:
    q = understand_part("2023年先导技术榜和新锐企业榜各推荐几个？", TODAY, store)
    citer = Citer(store.notices)
    r = reply(q, store, citer, TODAY)
    assert r is not None
    gold = GOLDEN["000"]["quotas"]
    assert f"不超过{gold['先导技术榜']}" in r.direct[0] and f"不超过{gold['新锐企业榜']}" in r.direct[1]
    assert text_of(r).index(r.direct[-1]) < min((text_of(r).index(n) for n in r.notes), default=10**6)


def test_every_intent_with_facts_has_an_answerer() -> None:
    assert set(ANSWERERS) == {Intent.CONTACT, Intent.DEADLINE, Intent.SCHEDULE, Intent.QUOTA, Intent.LISTS,
                              Intent.PLATFORM, Intent.ELIGIBILITY, Intent.NOTICE, Intent.ORGANISER, Intent.LOOKUP}


@pytest.mark.parametrize("key", sorted(k for k, g in ORIGINALS.items() if g.get("doc_number")))
def test_notice_says_what_a_notice_is(store: FactStore, key: str) -> None:
    gold = GOLDEN[key]
    r, citer = run(store, Intent.NOTICE, f"{gold['year']}年通知的文号是多少")
    assert gold["doc_number"] in r.direct[0]
    assert all(c.source.startswith(key) for c in citer.citations)
    assert r.direct[0].startswith(f"文号：{gold['doc_number']}")  # what is asked first, the title after
    r, _ = run(store, Intent.NOTICE, f"{gold['year']}年通知是哪天印发的")
    assert "落款日期" in r.direct[0].split("；")[0]  # the date, or that the notice writes none


def test_a_comparison_of_the_channels_is_not_one_of_the_lists(bot) -> None:  # noqa: ANN001
    ans = bot.answer("跟22年比，23年的推荐渠道多了哪些单位？")
    assert ans.answer.startswith("从2022年到2023年，新增：") and "副省级城市科协" in ans.answer[:80]


def test_a_platform_compared_across_years_says_whether_it_changed(bot) -> None:  # noqa: ANN001
    ans = bot.answer("21年和22年在科创中国平台申报用的是同一个网址吗？")
    assert ans.answer.startswith("2021年、2022年的申报平台网址不同。")
    assert "kczg.org.cn" in ans.answer and "ranking.kczg.cloud" in ans.answer


def test_a_units_own_step_is_answered_with_the_units_own_contact(bot) -> None:  # noqa: ANN001
    ans = bot.answer("学会内部材料要交给谁？")
    assert "李凤" in ans.answer[:300] and "郑伯龙" not in ans.answer[:300]  # not the review bodies it restates



def test_a_later_part_of_a_message_about_the_units_own_step_asks_the_units_contact(bot) -> None:  # noqa: ANN001
    """"…发给学会，来得及吗？来不及的话该找谁商量？": the second part names nothing; it is still the unit's step."""
    ans = bot.answer("我们是学会会员，申报样表估计11月25号才能弄完发给学会，来得及吗？来不及的话该找谁商量？")
    second = ans.answer.split("②", 1)[1] if "②" in ans.answer else ans.answer
    assert "李凤" in second[:200], ans.answer


def test_the_notice_the_askers_story_points_at_answers_each_part(bot) -> None:  # noqa: ANN001
    """"朋友转来学会那个榜单通知…要交什么表？什么格式？交到哪里？": the society's notice, pointed at in the
    story, answers; the place is where its members send things."""
    ans = bot.answer("朋友转来学会那个2023年的榜单通知，我们是单位会员。请问学会这边要交的是什么表？什么格式？交到哪里？").answer
    assert "申报样表" in ans[:200] and "Word" in ans[:250], ans
    second = ans.split("②", 1)[-1][:200]
    assert "jishujingjixuehui@vip.163.com" in second and "联合体秘书处" not in second, ans


def test_the_field_a_later_line_of_a_pasted_chat_names_is_the_earlier_contact_asks(bot) -> None:  # noqa: ANN001
    """"…报先导榜，初评找谁？ / 好像是先进材料？": the contact asked is the field's, not every field's."""
    ans = bot.answer("[转发]\n小赵：我们那个高温合金粉末今年报先导榜，初评找谁？\n老周：好像是先进材料？你问问\n——帮忙看下找谁").answer
    contact_lines = [line for line in ans.splitlines() if "联系人" in line and "先导技术榜" in line]
    assert contact_lines and "先进材料" in contact_lines[0], ans


def test_a_units_own_step_is_its_own_contacts_whatever_list_is_applied_to(store: FactStore) -> None:
    r, _ = run(store, Intent.CONTACT, "学会内部材料交了新锐企业榜的样表，想找学会秘书处确认是否收到，该联系谁？")
    assert "李凤" in text_of(r) and "李娜" not in text_of(r)


def test_cast_s_review_bodies_are_not_a_society_s_own_steps(store: FactStore) -> None:
    # "学会联合体" is where the call sends recommendations, not the society's internal deadline
    r, _ = run(store, Intent.DEADLINE, "2020年先导榜推荐材料几号前要送到对应的学会联合体")
    assert "11月20日" in text_of(r)


def test_the_recipient_on_a_mailing_address_is_looked_up_as_a_person(store: FactStore) -> None:
    r, _ = run(store, Intent.LOOKUP, "2020年通知里的“裴培”是负责哪块的")
    shown = text_of(r)
    assert "收件人" in shown and "生物医药" in shown and "13161972216" in shown


def test_asked_who_may_not_apply_the_conditions_that_rule_applicants_out_come_first(store: FactStore) -> None:
    q = understand_part("2023年新锐榜有没有一票否决的情况？哪些企业肯定报不了", TODAY, store)
    assert q.intent == Intent.ELIGIBILITY and q.excluding
    r, _ = run(store, Intent.ELIGIBILITY, "2023年先导技术榜什么样的技术是直接不收的？")
    first = r.direct[0]
    assert "排除的情形" in first and "不涉密" in first
    assert first.index("不涉密") < first.index("排除的情形") + 40  # before the conditions that qualify


def test_a_day_asked_of_a_stage_given_by_its_month_says_the_notice_gives_only_the_month(store: FactStore) -> None:
    r, _ = run(store, Intent.SCHEDULE, "2023年的榜单具体哪天公布？")
    assert r.direct[0] == "通知只写到月份，没有写具体日期：" and "2024年2月" in r.direct[1]
    r, _ = run(store, Intent.SCHEDULE, "2023年终评评审安排在几月？")
    assert "没有写具体日期" not in text_of(r)  # a month asked, a month given


def test_whether_a_past_rounds_list_is_still_set_up_says_its_name_in_each_round(store: FactStore) -> None:
    today = dt.date(2023, 10, 20)
    for text, first in (("21年的产学研融通组织榜今年还有吗？是不是改名了", "2021年的产学研融通组织榜在2023年名为融通创新组织榜。"),
                        ("去年的创业就业先锋榜今年还有吗", "2023年未设创业就业先锋榜。")):
        q = understand_part(text, today, store)
        assert len(q.years) == 2 and q.intent == Intent.COMPARE, text
        citer = Citer(store.notices)
        r = answer_compare(Context(q, store, citer, today), lambda one, c=citer: reply(one, store, c, today))
        assert r is not None and r.direct[0] == first


def test_an_internal_deadline_is_shown_with_the_calls_platform_date_else_its_own_notices(tmp_path: Path) -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import NoticeRecord, make_notice
    from assistant.names import Catalogue

    other = make_notice("a_other.txt", "甲省科协关于组织推荐2029年“科创中国”系列榜单的通知\n先导技术榜省内截止时间为2029年10月10日。\n"
                        "“科创中国”平台申报截止时间为2029年11月18日24时。\n甲省科协\n2029年9月5日\n")
    park = make_notice("park.txt", "云溪科学城科学技术协会关于组织申报2029年“科创中国”系列榜单的通知\n"
                       "先导技术榜园区内部截止时间为2029年10月22日17时。\n“科创中国”平台申报截止时间为2029年11月20日24时。\n"
                       "云溪科学城科学技术协会\n2029年9月28日\n")
    notices = [other, park]  # (no call of the round loaded: two units' notices)
    facts = [f for n in notices for f in extract_facts(n)]
    for n in notices:
        (tmp_path / n.id).write_text(n.original, encoding="utf-8")
    store = FactStore(facts, {n.id: NoticeRecord.of(n, tmp_path / n.id) for n in notices}, Catalogue.from_facts(facts))
    reply_, _ = run(store, Intent.DEADLINE, "云溪科学城先导榜内部截止是哪天，最终截止呢")
    said = text_of(reply_)
    assert "10月22日" in said and "11月20日" in said and "11月18日" not in said  # the park's own date, not 甲省's


def test_a_reward_for_those_listed_is_declined_where_no_notice_pointed_at_gives_one(store: FactStore) -> None:
    from assistant.answer.decline import not_in_notices

    asked = understand_part("入选先导技术榜以后有没有奖励资金？能给多少？", TODAY, store)
    assert "奖励" in (not_in_notices(asked, store) or "")
    told = understand_part("我们公司拿过政府补贴，今年能报新锐企业榜吗？", TODAY, store)
    assert not_in_notices(told, store) is None  # the asker's story, not the ask
    # A thing the asker tried, told in the clause before the ask, is not asked about.
    tried = understand_part("平台上传附件一直失败，换浏览器也不行，申报系统技术支持电话多少？", TODAY, store)
    assert not_in_notices(tried, store) is None
    assert "浏览器" in (not_in_notices(understand_part("申报平台用哪个浏览器？", TODAY, store), store) or "")


def test_a_years_winners_are_declined_however_the_list_is_named(store: FactStore) -> None:
    from assistant.answer.decline import not_in_notices

    for ask in ("麻烦查一下2021年先导技术榜最终入选的100项技术名单", "去年上榜企业名单能发一份吗",
                "我们学会2022年入选先导技术榜的那2项技术分别是什么？"):
        assert "入选名单" in (not_in_notices(understand_part(ask, TODAY, store), store) or ""), ask


def test_of_several_offices_the_one_that_says_the_askers_words_comes_first(tmp_path: Path) -> None:
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import NoticeRecord, make_notice
    from assistant.names import Catalogue

    n = make_notice("p.txt", "东川省科协关于组织推荐2029年“科创中国”系列榜单的通知\n五、联系方式\n"
                    "省科协科技创新部：联系人：全省总协调、设区市报送 林一舟；电话：0896-6611111\n"
                    "省科协学会学术部：联系人：省级学会报送 褚二水；电话：0896-6622222\n东川省科协\n2029年9月5日\n")
    facts = extract_facts(n)
    (tmp_path / n.id).write_text(n.original, encoding="utf-8")
    store = FactStore(facts, {n.id: NoticeRecord.of(n, tmp_path / n.id)}, Catalogue.from_facts(facts))
    r, _ = run(store, Intent.CONTACT, "我们是省级学会，2029年材料交给省科协哪个部门、联系谁？")
    said = text_of(r)
    assert "未找到" not in said  # the office is named by its block's header
    assert said.index("褚二水") < said.index("林一舟")


def test_another_rounds_society_is_not_the_askers(tmp_path: Path) -> None:
    """A member asks their society's mailbox; the latest round's society notice gives none: another
    round's society (another society) is not given in its place."""
    from assistant.ingest.facts import extract_facts
    from assistant.ingest.notices import NoticeRecord, make_notice
    from assistant.model import ContactFact
    from assistant.names import Catalogue

    old = make_notice("a.txt", "中国甲乙学会关于转发2028年“科创中国”系列榜单通知的通知\n各会员单位：\n五、联系方式\n"
                      "学会秘书处：联系人：王一；电话：010-61111111；邮箱：wangyi@jiayi.example.org\n中国甲乙学会\n2028年9月5日\n")
    new = make_notice("b.txt", "中国丙丁学会关于转发2029年“科创中国”系列榜单通知的通知\n各会员单位：\n五、联系方式\n"
                      "学会秘书处：联系人：赵二；电话：010-62222222\n中国丙丁学会\n2029年9月5日\n")
    facts = extract_facts(old) + extract_facts(new)
    records = {}
    for n in (old, new):
        (tmp_path / n.id).write_text(n.original, encoding="utf-8")
        records[n.id] = NoticeRecord.of(n, tmp_path / n.id)
    store = FactStore(facts, records, Catalogue.from_facts(facts))
    assert any(isinstance(f, ContactFact) and f.emails for f in facts)
    said = text_of(run(store, Intent.CONTACT, "我们是学会单位会员，样表发到学会哪个邮箱？")[0])
    assert "wangyi@jiayi.example.org" not in said


@pytest.mark.parametrize("text", ["推荐名单什么时候公示？公示几天？", "初评会在哪个会议室开？", "初评需不需要现场答辩？",
                                  "终评会在哪个城市开？", "初评打分各项指标权重是多少？", "外籍人员能报技术经理人先锋榜吗？",
                                  "平台账号密码忘了怎么找回？", "学会去年推荐的项目有几个上了先导技术榜？",
                                  "23年先导技术榜最后每个领域打算评出多少项？",
                                  "学会专家评议完了，哪天公布推荐结果？会不会公示？"])
def test_a_units_step_no_notice_states_is_declined(store: FactStore, text: str) -> None:
    from assistant.answer.decline import not_in_notices

    assert "没有相关信息" in (not_in_notices(understand_part(text, TODAY, store), store) or "")


def test_a_units_step_a_notice_states_is_not_declined(store: FactStore) -> None:
    from assistant.answer.decline import not_in_notices

    # (The seeds say nothing of a publicity period; "截止" is not asked as one.)
    assert not_in_notices(understand_part("新锐企业榜什么时候截止？", TODAY, store), store) is None
    # the 2021 call plans its counts ("先导技术榜100项")
    assert not_in_notices(understand_part("2021年先导技术榜计划发布多少项？", TODAY, store), store) is None


def test_steps_after_the_one_done_with_who_runs_each(small_settings) -> None:  # noqa: ANN001
    from dataclasses import replace

    from assistant.assistant import Assistant

    bot = Assistant(replace(small_settings, today=dt.date(2023, 10, 20)))
    shown = bot.answer("今年交完以后是什么流程，哪个环节谁负责？").answer
    assert "组织征集" not in shown  # the step the asker has done
    assert "初评机构" in shown[:300] and "联合体秘书处" in shown[:300]  # who runs the steps after it
    listed = bot.answer("今年的工作安排").answer
    assert "组织征集" in listed and "初评机构" not in listed


def test_a_lists_name_in_a_round_with_the_count_it_planned(store: FactStore) -> None:
    r, _ = run(store, Intent.LISTS, "融通创新组织榜21年的时候叫什么名字，那年设了几项")
    assert r.direct[0].startswith("2021年名为“产学研融通组织榜”") and "2021年产学研融通组织榜设10项" in text_of(r)


def test_what_changed_in_the_lists_says_the_fields_that_changed_too(store: FactStore) -> None:
    q = understand_part("21年和20年比榜单有什么变化", TODAY, store)
    citer = Citer(store.notices)
    r = answer_compare(Context(q, store, citer, TODAY), lambda one: reply(one, store, citer, TODAY))
    assert r is not None and "新增新锐企业榜" in r.direct[0] and "先导技术榜领域新增现代农林" in r.direct[0]


def test_a_list_no_notice_sets_up_is_said_to_be_missing_and_a_slip_is_not(store: FactStore) -> None:
    from assistant.answer.decline import not_in_notices

    asked = understand_part("今年“科创中国”科技服务团榜每个单位能推荐几个？", TODAY, store)
    assert "科技服务团榜" in (not_in_notices(asked, store) or "")
    for known in ("新锐企榜能报几个", "企业上了先导技术榜之后有什么好处", "今年的新锐企业榜名额"):
        assert not_in_notices(understand_part(known, TODAY, store), store) is None
    assert "答辩" in (not_in_notices(understand_part("终评要现场答辩吗", TODAY, store), store) or "")
    # the series the lists make up, named as one list: no list missing
    for series in ("企业上了今年的科创中国榜以后有什么支持", "进了科创中国系列榜有啥用"):
        assert not_in_notices(understand_part(series, TODAY, store), store) is None
    for phrase in ("之前报榜都是在www.kczg.org.cn上弄的，今年还是这个网址吗？", "大概什么时候能出榜？"):
        assert "已收录的通知中没有" not in (not_in_notices(understand_part(phrase, TODAY, store), store) or "")


def _contact_lines(answer: str) -> list[str]:
    """The lines of an answer that give a contact (not the quoted passages leading it)."""
    return [line for line in answer.splitlines() if "联系人：" in line and not line.startswith("通知原文")]


def _over(settings, folder, name: str, notice: str, today: dt.date = dt.date(2023, 10, 20)):  # noqa: ANN001, ANN202
    """An assistant over the corpus with one more notice imported."""
    from .conftest import with_notice

    return with_notice(settings, folder, name, notice, today=today)


def test_a_contact_a_notice_hands_the_work_away_from_is_not_the_one_to_send_materials_to(tmp_path, small_settings) -> None:
    """"原联系人X已调任…新联系人：Y": whom to send materials to now is Y; X is still found when asked by name."""
    bot = _over(small_settings, tmp_path, "huayue_2023.txt",
                "华岳能源集团科协关于组织推荐2023年“科创中国”系列榜单的通知\n各子公司：\n一、工作安排\n"
                "1. 集团内部申报材料截止时间为10月31日17:00，请各子公司汇总后报集团科协秘书处（联系人：耿书川，0571-87300001）。\n"
                "二、联系人变更\n原联系人耿书川已调任集团战略部，不再负责榜单工作。新联系人：雷映川，电话0571-87300002，手机13800000002。\n",
                today=dt.date(2023, 10, 25))
    given = _contact_lines(bot.answer("华岳集团科协的通知，材料现在发给谁").answer)
    assert given and "雷映川" in given[0] and not any("耿书川" in line for line in given)
    assert "0571-87300001" in bot.answer("耿书川的电话是多少").answer


def test_a_units_notice_set_beside_the_call_it_passes_on_says_what_it_adds(small_settings) -> None:
    """"学会转发的通知跟科协原文比多了哪些内容": the society's own deadline (with what is due) and contact, cited."""
    from dataclasses import replace

    from assistant.assistant import Assistant

    bot = Assistant(replace(small_settings, today=dt.date(2023, 10, 20)))
    ans = bot.answer("学会转发的那份2023年榜单通知，跟中国科协办公厅的原文比，多了哪些内容？")
    assert "另行规定" in ans.answer and "11月20日" in ans.answer and "李凤" in ans.answer
    # the call's own date is not an addition: it is shown only beside the unit's, as the call's
    added = re.sub(r"（中国科协通知的平台截止时间：[^）]*）", "", ans.answer.split("另行规定")[1])
    assert "11月30日" not in added and "中国科协通知的平台截止时间：2023年11月30日" in ans.answer


def test_the_person_a_message_is_written_to_comes_first_among_a_notices_contacts(tmp_path, small_settings) -> None:
    """"柏老师好！…回执发哪个邮箱？": of the notice's contact blocks, the one of the person greeted leads."""
    bot = _over(small_settings, tmp_path, "yuheng_2023.txt",
                "玉衡装备集团关于召开2023年“科创中国”榜单申报布置会的通知\n各二级单位：\n一、联系方式\n"
                "新锐企业榜：联系人：卓映雪；电话：010-66120001；邮箱：zhuoyx@example.org.cn\n"
                "集团内部：联系人：科技创新部 柏岚汐；电话：0531-66120002；邮箱：baillx@example.com.cn\n")
    given = _contact_lines(bot.answer("柏老师好！我们分管副总那天出差，回执发哪个邮箱？谢谢").answer)
    assert given and "柏岚汐" in given[0], given


def test_a_platform_asked_of_two_years_gives_each_years(store: FactStore) -> None:
    """"21年是在哪个网站上报的？和今年是不是同一个平台": each year's address, not only the latest."""
    r, _ = run(store, Intent.PLATFORM, "2021年和今年分别是在哪个网站上申报的？")
    assert "ranking.kczg.cloud" in text_of(r) and "kczg.org.cn" in text_of(r)


def test_a_later_part_asking_whether_it_was_the_same_person_then_gives_that_years_contact(bot) -> None:  # noqa: ANN001
    """"电子信息领域的初评联系人一直是郑伯龙吧？2020年那回也是他吗": the field's contact in 2020, to compare."""
    ans = bot.answer("电子信息领域的初评联系人一直是郑伯龙吧？2020年先导技术榜那回也是他吗？").answer
    assert "李小鹏" in ans[:300], ans


def test_a_date_results_are_told_by_is_not_when_materials_are_due(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"11月18日前告知初审结果" names the list asked and the materials, but nothing is due by it: the
    unit's own deadline is the day its applicants send their forms."""
    notice = ("青岚科技园区管理委员会关于组织园区企业申报2061年“科创中国”系列榜单的通知\n园区各企业：\n"
              "一、园区内部工作安排\n（一）企业报送\n有意申报的企业请于2061年11月12日17:00前，将申报样表报送园区企业服务中心。\n"
              "（二）园区初审\n园区组织专家对先导技术榜、新锐企业榜申报材料进行初审，11月18日前告知初审结果。\n")
    bot = _over(small_settings, tmp_path, "qinglan_2061.txt", notice, today=dt.date(2061, 10, 20))
    answer = bot.answer("青岚园区的通知：我们想报先导技术榜，园区这边材料最晚啥时候交过去？").answer
    assert re.search(r"截止时间：2061年(\d{1,2}月\d{1,2}日)", answer).group(1) == "11月12日"


def test_the_steps_after_the_one_the_asker_has_done_say_who_takes_each(bot) -> None:  # noqa: ANN001
    """"材料都在平台交齐了。之后谁先评、谁定最终名单，各在什么时候？": the stages after submitting, each with who runs it."""
    answer = bot.answer("我是高校科研院的，材料11月底之前在平台上都交齐了。之后谁先评、谁定最终名单，各在什么时候？").answer
    assert "初评机构根据申报情况组织开展榜单初评工作" in answer and "联合体秘书处组织开展榜单终评工作" in answer
    assert "组织征集" not in answer  # the step done is not a step to come


def test_the_quota_set_for_the_askers_part_of_the_unit_comes_first_and_a_retracted_one_not_at_all(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"我们学院每个领域能报几项": the college's own quota ("每个学院每个领域限报1项"), not the university's
    to CAST, nor the one the notice takes back ("我上次说的“每个学院每个领域限报2项”…现撤回")."""
    notice = ("青衡大学科研院关于组织申报2023年“科创中国”系列榜单的通知\n各学院：\n一、推荐名额\n"
              "先更正一处：我上次通知里说“先导技术榜每个学院每个领域限报2项”，那是去年的口径，现撤回。\n"
              "学校汇总评审后先导技术榜每个领域向中国科协推荐不超过4项。\n今年学校统一改为每个学院每个领域限报1项。\n")
    bot = _over(small_settings, tmp_path, "qingheng_2023.txt", notice)
    answer = bot.answer("青衡大学的通知，先导榜我们学院每个领域能报几项？").answer
    ruled = next(line for line in answer.split("\n") if line.startswith("青衡大学"))
    assert "限报1项" in ruled.split("；")[0] and "限报2项" not in ruled
    assert all("撤回" in line for line in answer.split("\n") if "限报2项" in line)  # said only as taken back


def test_a_units_deadline_asked_is_its_own_not_the_calls_it_restates_nor_a_step_the_body_takes_after(tmp_path, small_settings) -> None:
    """"材料最迟哪天交给市科协": the date materials are due to the city, not the CAST platform's date
    the city's page restates, nor the day the city itself confirms online; and a date results are
    told by ("预审意见于…前反馈") is no one's deadline."""
    bot = _over(small_settings, tmp_path, "lanzhou_2023.txt",
                "澜州市科学技术协会\n澜州市2023年“科创中国”系列榜单推荐申报办事指南\n办理流程\n"
                "1.材料提交：2023年11月8日17:00前在平台点击提交，同时上传盖章PDF至本事项页面；\n"
                "2.预审反馈：市科协委托专家预审，预审意见于11月12日前反馈申报单位；\n"
                "3.平台推荐：市科协于2023年11月24日前在平台完成推荐确认。中国科协平台申报截止时间为2023年11月30日24时。\n")
    ans = bot.answer("澜州这边企业报新锐榜，材料最迟哪天交给市科协？").answer
    assert "截止时间：2023年11月8日" in ans
    assert "截止时间：2023年11月24日" not in ans and "11月30日" not in ans and "两处日期不一致" not in ans


def test_a_number_no_person_holds_is_followed_by_its_line_to_the_round_asked(store: FactStore) -> None:
    """"客服电话010-63589150今年还对吗": the number under the same heading and label in the round asked."""
    r, _ = run(store, Intent.LOOKUP, "申报系统客服电话010-63589150，2023年还对吗？")
    assert "010-56057633" in r.direct[0] and "2021年" in text_of(r)


def test_a_forwarding_notices_own_deadline_stands_beside_the_calls(bot) -> None:  # noqa: ANN001
    answer = bot.answer("学会转发的那份通知和科协原文在交材料的时间上有什么不一样？").answer
    own = next(line for line in answer.split("\n") if "本单位截止时间" in line)
    assert "11月20日" in own and "11月30日" in own


def test_the_field_the_askers_work_falls_in_is_named(store: FactStore) -> None:
    r, _ = run(store, Intent.LISTS, "2021年报先导榜，我们是做城镇污水处理的，该选哪个领域？")
    assert "“资源环境”领域" in r.direct[0]


def test_a_person_only_a_mailing_address_names_is_found_when_their_contact_is_asked(bot) -> None:  # noqa: ANN001
    """"裴沛电话多少": the recipient of a body's mail (read as 裴培), though no contact block lists them."""
    assert "13161972216" in bot.answer("2020年通知里那个裴沛电话多少").answer[:300]


def test_bang_typed_after_a_new_lists_last_characters_is_read_as_that_list(tmp_path, small_settings) -> None:
    """"领航帮": 榜 typed as 帮 after the end of a list only a new round's notice names (技术经理人领航榜)."""
    bot = _over(small_settings, tmp_path, "lingyun_2023.txt",
                "凌云学会关于推荐2023年“科创中国”系列榜单的通知\n一、榜单\n今年学会推荐技术经理人领航榜。\n"
                "二、联系方式\n技术经理人领航榜：联系人：岑一帆，电话010-68000001。\n")
    answer = bot.answer("领航帮联系人电话多少")
    assert "岑一帆" in answer.answer and "010-68000001" in answer.answer


def test_a_value_only_an_older_round_holds_is_said_to_be_that_round_s(bot) -> None:  # noqa: ANN001
    """No year asked, and only the 2021 call sets the 开源创新榜 quota: the answer says the latest
    round's notices do not, not that it answered in the latest round."""
    from assistant.answer.turn import understand_part

    snap, fall = bot._snapshot, dt.date(2023, 10, 20)
    ctx = Context(understand_part("开源创新榜推荐名额是多少", fall, snap.store), snap.store, Citer(snap.notices), fall)
    assert ctx.year_note(2021) == "（2023年的通知中未写明，以上为2021年通知所列）"
    assert ctx.year_note(2023) == "（未指定年份，按最新一轮2023年通知回答）"


def test_where_to_post_paper_materials_is_read_from_any_sentence_that_sends_them_to_an_address(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"纸质材料一式两份寄送至…路77号…1203室" in a contact paragraph, no deadline beside it: the address asked."""
    bot = _over(small_settings, tmp_path, "haidai_2023.txt",
                "岱宗省科学技术协会关于转发2023年“科创中国”系列榜单通知的通知\n六、联系方式\n"
                "省科协科技服务中心联系人覃振宇，联系电话0531-86902217；纸质材料一式两份寄送至泺源市明湖东路77号省科技会堂1203室，"
                "信封注明“科创中国榜单”。\n")
    answer = bot.answer("岱宗省科协联系人覃振宇的邮寄地址是什么？").answer  # (his contact line gives none)
    assert "明湖东路77号省科技会堂1203室" in answer[:300] and "未找到邮寄地址" not in answer  # (not "the contacts list none")


def test_a_deadline_shared_by_every_list_is_said_of_the_list_asked(store: FactStore) -> None:
    r, _ = run(store, Intent.DEADLINE, "2023年融通创新组织榜平台上最晚什么时候交")
    assert r.direct[0].startswith("2023年融通创新组织榜申报截止时间：") and "（各榜单统一）" in r.direct[0]


def test_the_results_of_a_review_are_what_is_due_after_it(store: FactStore) -> None:
    r, _ = run(store, Intent.DEADLINE, "2023年先导技术榜评完的结果又是哪天前交")
    assert "初评结果" in r.direct[0] and "12月30日" in r.direct[0]


def test_a_system_problem_goes_to_the_platforms_support_whatever_list_is_named(store: FactStore) -> None:
    r, _ = run(store, Intent.CONTACT, "2020年先导技术榜系统填报遇到问题可以找谁")
    assert "李志" in text_of(r)
    r, _ = run(store, Intent.CONTACT, "我们是做高端数控系统的，2023年先导技术榜装备制造领域初评机构电话多少")
    assert "胡志强" in text_of(r)  # (a system the asker makes is no system problem)


def test_a_list_named_by_its_words_first_characters_is_that_list(store: FactStore) -> None:
    turn = read_turn("22年创就榜每家单位限推几个？", TODAY, store, None)
    assert turn.parts[0].list_key == "创业就业先锋榜" and not turn.parts[0].readings  # (not "年创就榜" misspelt)



def test_a_list_another_issuer_handles_separately_is_not_the_named_notices_arrangement(tmp_path, small_settings) -> None:  # noqa: ANN001
    """A university's "新锐企业榜由科技园另行组织" is its own arrangement: asked of a province's notice, the
    province's quota answers, not the university's words."""
    from dataclasses import replace

    from assistant.assistant import Assistant

    bot = Assistant(replace(small_settings, today=dt.date(2061, 10, 20)))
    uni = tmp_path / "qinghe_u.txt"
    uni.write_text("青禾大学科学技术研究院关于组织推荐2061年“科创中国”系列榜单的通知\n各学院：\n"
                   "一、我校重点组织先导技术榜。\n二、新锐企业榜由青禾大学科技园另行组织，不占用学院名额。\n"
                   "三、请于2061年11月2日前将材料报科研院。\n", encoding="utf-8")
    province = tmp_path / "lanze_prov.txt"
    province.write_text("澜泽省科学技术协会关于做好2061年“科创中国”系列榜单推荐工作的通知\n各设区市科协：\n"
                        "一、新锐企业榜：每个设区市推荐不超过3家。\n二、请于2061年11月20日前将推荐材料报省科协。\n",
                        encoding="utf-8")
    bot.ingest([uni, province])
    ans = bot.answer("澜泽省每个地市往省科协推新锐企业最多几家？").answer
    assert "3家" in ans[:300] and "另行组织" not in ans


def test_of_several_notices_conditions_the_set_the_situation_decides_most_is_checked() -> None:
    from assistant.answer.rules.eligibility import most_decided

    local = EligibilityFact(notice_id="a", section="", quote="", start=0, end=0, value="", year=2079, lists=["技术经理人先锋榜"],
                            conditions=["技术经理人先锋榜申报人须为本学会个人会员"], exclusions=[], heading="")
    full = EligibilityFact(notice_id="b", section="", quote="", start=0, end=0, value="", year=2079, lists=["技术经理人先锋榜"],
                           conditions=["从事技术转移工作满3年（计算至2079年9月30日）", "经过技术经理人培训及考试、认证"],
                           exclusions=[], heading="")
    told = Profile(experience_since=(2077, 4), trained=True)
    assert [f.notice_id for f in most_decided(told, [local, full], 2079)] == ["b", "a"]


def test_a_person_named_in_a_comparison_of_rounds_compares_their_contacts(bot) -> None:  # noqa: ANN001
    ans = bot.answer("工作咨询去年是徐春淼和董娜娜，今年换人了吗？").answer
    assert "董娜娜" in ans and "高辰麒" in ans  # each round's contact for the same work


def test_conditions_a_notice_sets_for_every_list_are_shown_with_the_lists_own(tmp_path, small_settings) -> None:  # noqa: ANN001
    """"能走园区推荐报新锐企业榜吗": the list's conditions, and those every applicant through the park must meet."""
    notice = ("云湾园区管理委员会关于组织申报2023年“科创中国”系列榜单的通知\n园区各企业：\n"
              "一、园区推荐对象须同时满足：\n1. 在云湾园区注册，且于2022年12月31日前入驻园区；\n2. 未列入经营异常名录。\n"
              "二、新锐企业榜：在中国境内（不包括港、澳、台地区）注册，成立年限不超过8年。\n"
              "三、先导技术榜：技术不涉密，达到一定成熟度。\n云湾园区管理委员会\n2023年10月9日\n")
    bot = _over(small_settings, tmp_path, "yunwan_2023.txt", notice)
    answer = bot.answer("我们公司今年3月刚搬进云湾园区，能报新锐企业榜吗？").answer
    assert "2022年12月31日前入驻园区" in answer and "成立年限不超过8年" in answer


def test_a_stage_asked_that_a_units_schedule_lacks_is_not_answered_with_its_other_stages(tmp_path, small_settings) -> None:  # noqa: ANN001
    notice = ("云溪市科学技术协会关于组织申报2091年“科创中国”系列榜单的通知\n四、时间安排\n"
              "市科协组织专家遴选：11月16日。\n市科协在平台完成推荐：11月22日前。\n云溪市科学技术协会\n2091年10月9日\n")
    bot = _over(small_settings, tmp_path, "yunxi_2091.txt", notice, today=dt.date(2091, 10, 20))
    answer = bot.answer("今年这轮榜单大概几月份发布？").answer
    assert "专家遴选" not in answer  # (the city's steps are no answer to when the lists are published)


CITY_2031 = ("东岚市科学技术协会关于组织推荐2031年“科创中国”系列榜单的通知\n各区科协、各有关单位：\n"
             "一、推荐条件\n新锐企业榜：在中国境内注册，成立年限不超过8年的中小型科技企业。\n"
             "通过我市推荐的企业须在本市注册并在本市纳税。\n"
             "二、时间安排\n各区科协于2031年11月19日前将推荐汇总表报市科协科技服务部。\n"
             "科协平台的截止时间为2031年12月5日24时，各单位不要自行上传。\n"
             "三、联系方式\n市科协科技服务部：戴沐成，电话0598-2267415。\n"
             "新锐企业榜初评机构：“科创中国”创新企业服务中心，联系人冼嘉和，电话010-57263318。\n")


def test_a_units_own_date_asked_is_not_led_by_the_calls_platform_cut_off(tmp_path, small_settings) -> None:
    """"市里的截止时间是几号": the city's own date; the platform's cut-off the city restates is not shown
    above it, however many of the ask's words ("截止时间") its sentence holds."""
    bot = _over(small_settings, tmp_path, "donglan_2031.txt", CITY_2031, today=dt.date(2031, 10, 20))
    ans = bot.answer("东岚市科协的通知，市里的截止时间是几号？").answer
    assert "11月19日" in ans and "12月5日" not in ans[: ans.find("11月19日")]


def test_whom_to_ask_of_a_unit_after_naming_a_list_is_the_units_own_contact(tmp_path, small_settings) -> None:
    """"…想报新锐企业榜…有问题找哪位老师": the list is the asker's, the one to ask is the city's own contact."""
    bot = _over(small_settings, tmp_path, "donglan_2031.txt", CITY_2031, today=dt.date(2031, 10, 20))
    ans = bot.answer("东岚市科协的老师好，我们想报新锐企业榜，材料几号截止？有问题找哪位老师？").answer
    third = ans[ans.find("②"):]
    assert "戴沐成" in third and ("冼嘉和" not in third or third.find("戴沐成") < third.find("冼嘉和"))


def test_a_units_own_condition_the_verdict_did_not_check_leads_it(tmp_path, small_settings) -> None:
    """"我们在外省注册…能通过市科协报新锐企业榜吗": the city's own condition ("须在本市注册") first, the
    list's conditions checked after it."""
    bot = _over(small_settings, tmp_path, "donglan_2031.txt", CITY_2031, today=dt.date(2031, 10, 20))
    ans = bot.answer("我们公司2028年在外省注册的，能通过东岚市科协报新锐企业榜吗？").answer
    assert ans.split("\n")[0].find("须在本市注册") >= 0


def test_whom_to_ask_of_a_unit_pointed_at_by_its_level_is_the_units_own_contact(tmp_path, small_settings) -> None:
    """"市科协那边谁具体负责对接": the city's own contact, not a review body it restates (nothing else named)."""
    bot = _over(small_settings, tmp_path, "donglan_2031.txt", CITY_2031, today=dt.date(2031, 10, 20))
    ans = bot.answer("市科协那边谁具体负责对接？").answer
    assert "戴沐成" in ans and ("冼嘉和" not in ans or ans.find("戴沐成") < ans.find("冼嘉和"))


def test_field_groups_restated_word_for_word_are_checked_once(monkeypatch) -> None:  # noqa: ANN001
    """Ten thousand notices restate a call's field groups alike: each wording is checked against the asker's
    situation once, not once per notice (the 10,000-notice answer p95 depends on it)."""
    from assistant.answer.profile import Profile
    from assistant.answer.rules import eligibility as rule
    from assistant.model import EligibilityFact

    calls: list[str] = []
    real = rule.check
    monkeypatch.setattr(rule, "check", lambda f, p, y: (calls.append(f.notice_id), real(f, p, y))[1])
    groups = [EligibilityFact(notice_id=f"n{i}.txt", year=2031, section="", quote=q, start=0, end=1, conditions=[q])
              for i in range(50) for q in ("1. 原始创新，打破国外垄断。", "1. 属于前沿领域，技术成熟度较高。")]
    ranked = rule._ranked(Profile(domain="原创"), groups, 2031)
    assert len(calls) == 2 and len(ranked) == 100
    # (the day a quote counts experience to is read by the check: a group worded alike but counted to another day is its own)
    calls.clear()
    counted = [EligibilityFact(notice_id=f"c{i}.txt", year=2031, section="", quote=q, start=0, end=1, conditions=["1. 从事技术转移相关工作满3年。"])
               for i, q in enumerate(("1. 从事技术转移相关工作满3年。", "1. 从事技术转移相关工作满3年（计算截至2031年6月30日）。"))]
    rule._ranked(Profile(), counted, 2031)
    assert len(calls) == 2
