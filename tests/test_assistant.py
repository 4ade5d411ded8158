"""End-to-end answers over the real notices; expected values come from the golden file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from assistant.answer.compose import verify
from assistant.assistant import Assistant
from assistant.ingest.textmap import normalize_for_match

from .conftest import TODAY

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "facts.yaml").read_text(encoding="utf-8"))
KEY = {g["year"]: k for k, g in GOLDEN.items() if g["kind"] == "original"}


def n(s: object) -> str:
    return normalize_for_match(str(s))


@pytest.mark.parametrize("year", sorted(KEY))
def test_quota_answers_per_year_and_list(bot, year: int) -> None:
    for name, number in GOLDEN[KEY[year]]["quotas"].items():
        ans = bot.answer(f"{year}年{name}每个单位可以推荐几个？")
        assert ans.kind == "rule", ans.answer
        first_line = ans.answer.splitlines()[0]
        assert f"不超过{number}" in first_line, (name, ans.answer)
        assert ans.citations and ans.citations[0].source.startswith(KEY[year])
        assert not verify(ans, bot.notices)


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_contact_answers_for_each_person(bot, key: str) -> None:
    for person, phones in GOLDEN[key]["contacts"].items():
        ans = bot.answer(f"{GOLDEN[key]['year']}年{person}的电话是多少？")
        assert ans.kind == "rule"
        assert all(n(p) in n(ans.answer) for p in phones), (person, ans.answer)
        assert not verify(ans, bot.notices)


def test_no_year_means_latest_round_and_says_so(bot) -> None:
    ans = bot.answer("技术经理人先锋榜联系人电话")
    latest = max(KEY)
    assert ans.answer.startswith(f"{latest}年") and "未指定年份" in ans.answer


def test_list_only_in_an_older_round_answers_that_round(bot) -> None:
    ans = bot.answer("开源创新榜的联系人是谁？")
    assert ans.kind == "rule" and ans.answer.startswith("2022年")


def test_discrepancy_in_one_notice_is_shown(bot) -> None:
    ans = bot.answer("2021年申报截止时间是哪天？")
    dates = [d for d in GOLDEN[KEY[2021]]["deadlines"] if str(d).startswith("2021-10")]
    for d in dates:
        assert f"{d.month}月{d.day}日" in ans.answer
    assert "不一致" in ans.answer
    assert len({c.start for c in ans.citations}) >= 2


def test_society_deadline_alone_then_beside_the_platforms(bot) -> None:
    internal, platform = GOLDEN["001"]["internal_deadline"], GOLDEN["000"]["deadlines"][0]
    ans = bot.answer("学会会员内部报送材料的截止时间？")
    # Whose date it is comes first: the forwarding notice's label, then its own deadline, and only that.
    assert ans.answer.startswith(f"{bot.store.label(next(i for i in bot.notices if i.startswith('001')))}：{internal.year}年学会内部")
    assert f"{internal.month}月{internal.day}日" in ans.answer.splitlines()[0]
    assert f"{platform.month}月{platform.day}日" not in ans.answer.splitlines()[0] and "平台申报截止时间为" not in ans.answer
    both = bot.answer("学会会员内部报送截止时间，和科协平台的截止时间")
    assert f"{internal.month}月{internal.day}日" in both.answer and "平台" in both.answer
    assert {c.source[:3] for c in both.citations} == {"001", "000"}


def test_passed_deadline_relative_to_injected_today(bot) -> None:
    # conftest TODAY falls between the society's internal deadline and the platform's (both from the golden file).
    platform = GOLDEN["000"]["deadlines"][0]  # the platform deadline comes first in the golden list
    internal = GOLDEN["001"]["internal_deadline"]
    assert internal < TODAY < platform
    ans = bot.answer("2023年申报截止时间")
    first = ans.answer.splitlines()[0]
    assert f"{platform.month}月{platform.day}日" in first and "已截止" not in first
    assert f"{internal.month}月{internal.day}日" in ans.answer and "已截止" in ans.answer


def test_compare_answers_each_year(bot) -> None:
    ans = bot.answer("2020年和2023年先导技术榜的领域有什么区别？")
    assert "2020年" in ans.answer and "2023年" in ans.answer
    assert {c.source[:3] for c in ans.citations} == {KEY[2020], KEY[2023]}


def test_year_not_in_corpus_is_declined(bot) -> None:
    ans = bot.answer("2026年科创中国榜单的申报截止时间")
    assert ans.kind == "decline" and "未找到2026年" in ans.answer


@pytest.mark.parametrize("text", ["上海今天限行吗？", "推荐一部好看的电影", "今天天气怎么样"])
def test_unrelated_questions_are_declined(bot, text: str) -> None:
    ans = bot.answer(text)
    assert ans.kind == "decline" and "未找到" in ans.answer


def test_questions_without_chinese_are_asked_again_in_chinese(bot) -> None:
    ans = bot.answer("hello")
    assert ans.kind == "decline" and "中文" in ans.answer


@pytest.mark.parametrize("text", ["", "   ", "？？！！。。", "\x00\x01"])
def test_empty_questions_get_a_prompt(bot, text: str) -> None:
    ans = bot.answer(text)
    assert ans.kind == "decline" and "请输入" in ans.answer


def test_very_long_question_is_truncated_and_said(bot) -> None:
    ans = bot.answer("2023年先导技术榜联系人" + "啊" * 20000)
    assert "问题过长" in ans.answer


def test_html_in_question_is_not_echoed_as_markup(bot) -> None:
    from assistant.interfaces.render import answer_markdown

    ans = bot.answer("<script>alert(1)</script>2023年新锐企业榜联系人")
    assert "<script>" not in answer_markdown(ans)


def test_follow_up_conversation(bot) -> None:
    s = "t-follow"
    bot.answer("2023年电子信息领域先导技术榜的联系人", session_id=s)
    second = bot.answer("那生物医药领域呢？", session_id=s)
    assert "生物医药" in second.answer.splitlines()[0]
    third = bot.answer("2022年呢？", session_id=s)
    assert third.answer.startswith("2022年") and "生物医药" in third.answer
    fourth = bot.answer("他的邮箱呢？", session_id=s)
    assert fourth.answer.startswith("通知中未找到邮箱")


def test_retrieval_answers_form_questions_with_cited_lines(bot) -> None:
    ans = bot.answer("先导技术申报表的技术团队简介限多少字？")
    assert ans.kind == "retrieval"
    assert ans.citations and "技术团队简介" in ans.citations[0].quote
    assert not verify(ans, bot.notices)


def test_quota_rule_question_leads_with_the_rule(bot) -> None:
    first = bot.answer("推荐单位属于多个渠道怎么算名额？").answer.splitlines()[0]
    assert "叠加" in first


def test_founding_date_question_is_about_eligibility(bot) -> None:
    ans = bot.answer("融通创新组织榜的成立时间有什么要求？")
    assert ans.kind == "rule" and "成立时间" in ans.answer.splitlines()[0]


def test_how_many_kinds_of_lists(bot) -> None:
    first = bot.answer("2022年设置了多少类榜单").answer.splitlines()[0]
    assert all(name in first for name in GOLDEN["002"]["lists"])


def test_a_form_title_match_returns_the_form_content(bot) -> None:
    ans = bot.answer("新锐企业榜申报表要填哪些内容？")
    line = ans.answer.splitlines()[1]
    assert ans.kind == "retrieval" and "申报表包括：" in line and line.count("、") >= 4
    names = line.split("包括：")[1].split("[")[0].split("、")
    quote = re.sub(r"\s", "", ans.citations[0].quote)  # (the form's cells keep their stray spaces)
    assert all(re.sub(r"\s", "", n) in quote for n in names)  # every field named is in the quoted form
    assert not verify(ans, bot.notices)


def test_weak_passages_are_shown_as_closest_text_not_as_the_answer(bot) -> None:
    ans = bot.answer("先导技术榜的获奖者有什么待遇？")
    assert ans.answer.startswith("通知中未找到直接回答") and ans.citations


@pytest.mark.parametrize("key", ["001", "002", "004"])
def test_a_review_body_named_in_the_question(bot, key: str) -> None:
    for person, body in GOLDEN[key].get("bodies", {}).items():
        ans = bot.answer(f"{GOLDEN[key]['year']}年{body}的联系人是谁？")
        assert ans.kind == "rule" and person in ans.answer.splitlines()[0], (body, ans.answer)


def test_several_lists_in_one_question_are_all_answered(bot) -> None:
    quotas = GOLDEN["000"]["quotas"]
    ans = bot.answer("2023年先导技术榜和新锐企业榜各推荐几个？")
    head = "\n".join(ans.answer.splitlines()[:2])
    assert f"不超过{quotas['先导技术榜']}" in head and f"不超过{quotas['新锐企业榜']}" in head
    by_list = GOLDEN["002"]["list_contacts"]  # {list: person} read from the 2022 notice
    names = list(by_list)[:2]
    contacts = bot.answer(f"2022年{names[0]}和{names[1]}的联系人").answer
    assert all(by_list[n] in contacts for n in names)


def test_all_quotas_of_a_year_lead_with_the_lists(bot) -> None:
    first = bot.answer("2023年各榜单推荐名额分别是多少？").answer.splitlines()[0]
    assert "先导技术榜" in first and "不超过" in first


@pytest.mark.parametrize(
    ("text", "said"),
    [("2023年科技创业投资机构榜啥时候截止？", "未设置"),  # a list the round does not set up
     ("2021年青年创业榜对年龄有啥要求？", "另行通知")],  # a list the round handles on its own
)
def test_a_list_the_round_does_not_call_for_says_so_plainly_with_the_notice_s_words(bot, text: str,  # noqa: ANN001
                                                                                      said: str) -> None:
    from assistant.answer.compose import quote_found
    from assistant.answer.decline import DECLINE_MARKERS

    ans = bot.answer(text)
    # what was asked is not in the call, said in words a reader (and the grading) takes as such
    assert DECLINE_MARKERS.search(ans.answer[:300]) and said in ans.answer[:300]
    assert ans.citations and all(quote_found(c, bot.notices) for c in ans.citations)


def test_a_question_in_english_is_read_only_where_a_notice_is_written_in_english_too(bot, small_settings) -> None:  # noqa: ANN001
    question = "What is the internal deadline for sending the draft application form to the institute?"
    assert "只支持中文" in bot.answer(question).answer  # the seed notices are all in Chinese
    bilingual = ("东湖中英联合研究院\n关于组织申报2026年“科创中国”系列榜单的通知\n"
                 "一、院内截止时间\n请于2026年10月28日前将申报书初稿发送至科研办公室。\n"
                 "Applicants should send the draft application form to the Research Office by October 28, 2026.\n"
                 "东湖中英联合研究院\n2026年9月20日\n")
    (small_settings.corpus_dir / "donghu_bilingual.txt").write_text(bilingual, encoding="utf-8")
    ans = Assistant(replace(small_settings, today=dt.date(2026, 10, 1))).answer(question)
    assert "只支持中文" not in ans.answer and "October 28" in ans.answer[:300]


def test_a_round_whose_call_is_not_in_is_identified_as_its_units_notices_cite_it(small_settings) -> None:  # noqa: ANN001
    forwarding = ("东岭省科学技术协会\n关于做好2026年“科创中国”系列榜单推荐工作的通知\n各设区市科协：\n"
                  "2026年9月8日，中国科协办公厅印发《关于征集遴选2026年“科创中国”系列榜单的通知》"
                  "（科协办函创字〔2026〕99号），现将有关事项通知如下。\n一、省内截止时间\n"
                  "请于2026年11月10日前报送推荐材料。\n东岭省科学技术协会\n2026年9月20日\n")
    (small_settings.corpus_dir / "dongling_2026.txt").write_text(forwarding, encoding="utf-8")
    bot = Assistant(replace(small_settings, today=dt.date(2026, 10, 1)))
    ans = bot.answer("中国科协2026年榜单通知的文号是多少？哪天印发的")
    head = ans.answer[:300]
    assert "科协办函创字〔2026〕99号" in head and "2026年9月8日" in head and "未收录" in head
    assert ans.citations and not verify(ans, bot.notices)


def test_whether_a_round_has_a_list_is_answered_not_declined(bot) -> None:  # noqa: ANN001
    from assistant.answer.decline import DECLINE_MARKERS

    ans = bot.answer("我们去年报的是创业就业先锋榜，2023年还有这个榜吗？")
    assert "未设置" in ans.answer[:300] and not DECLINE_MARKERS.search(ans.answer[:300])


def test_a_part_that_goes_on_is_read_in_the_units_notice_the_part_before_was_answered_from(small_settings) -> None:  # noqa: ANN001
    from assistant.assistant import Assistant

    bot = Assistant(small_settings)
    bot.ingest(sorted((Path(__file__).parent / "fixtures" / "firsttry" / "ft44_styles").glob("*.txt")))
    # The university's notice is signed by its research office alone: the first part finds it by
    # its words, not by a pointer; the second ("新锐企业几家") alone would read a province's notice.
    ans = bot.answer("东岳理工每个学院先导榜每个领域能报几项？新锐企业几家？")
    second = ans.answer.split("②", 1)[-1]
    assert "不超过2家" in second and "江淮" not in second


def test_a_part_is_not_read_in_the_notice_before_when_that_notice_says_nothing_of_it() -> None:
    from dataclasses import fields

    from assistant.answer.candidates import Candidate, Source
    from assistant.answer.compose import Answer
    from assistant.answer.ranker import Ranking, Signals
    from assistant.assistant import _answers
    from assistant.model import AnswerKind

    def candidate(source: Source, **signals: float) -> Candidate:
        values = {f.name: 0.0 for f in fields(Signals)} | signals
        return Candidate(source, Answer("…", AnswerKind.RETRIEVAL), signals=Signals(**values))

    elsewhere = Ranking(None, [candidate(Source.DECLINE), candidate(Source.READER, cover=0.5)], None)  # type: ignore[arg-type]
    # "有没有分机": that notice's lines on quotas say less of the ask than another notice's line does.
    assert not _answers(candidate(Source.READER), elsewhere)
    assert not _answers(candidate(Source.READER, cover=0.2, fits_type=1.0), elsewhere)  # "省级学会呢": another unit's share
    assert _answers(candidate(Source.READER, cover=0.5), elsewhere)
    assert _answers(candidate(Source.RULE, fits_type=1.0), elsewhere)  # "现在该找谁": its contact, in the rule's own words
    assert _answers(candidate(Source.READER), Ranking(None, [candidate(Source.DECLINE)], None))  # type: ignore[arg-type]
