"""Where a part's years are settled (answer/years.py): what is answered for, and what is said."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.understand import Query
from assistant.answer.years import default_round, settle
from assistant.ingest.notices import NoticeRecord
from assistant.model import YearSource


@dataclass
class Corpus:
    """What settle() reads of a corpus: the fact store is one."""

    years: list[int]
    rounds: list[int]
    called: set[int]
    notices: dict[str, NoticeRecord] = field(default_factory=dict)
    list_years: dict[str, set[int]] = field(default_factory=dict)

    def mentions(self, list_key: str, year: int) -> bool:
        return year in self.list_years.get(list_key, set())


# 2024 has forwarding notices only: CAST's 2024 call is not in yet.
CORPUS = Corpus(years=[2022, 2023, 2024], rounds=[2022, 2023, 2024], called={2022, 2023})


def test_a_relative_year_without_its_call_is_answered_from_that_years_notices_and_says_so() -> None:
    """"今年…" when only the units' notices of this year are in: they restate the call (its lists,
    quotas, platform deadline) with their own rules, so they answer, not last year's call."""
    decision = settle(Query("今年截止时间", years=[2024], year_source=YearSource.RELATIVE), CORPUS)
    assert decision.query.years == [2024] and decision.query.year_source == YearSource.RELATIVE
    assert "尚未收录2024年的原始征集通知" in decision.note and "该年各单位的通知" in decision.note
    assert decision.refusal is None


def test_a_relative_year_with_no_notice_at_all_is_answered_in_the_latest_round() -> None:
    """"明年…" with no notice of that year: the latest round the notices hold (its units' notices
    restate the call being run), said so."""
    decision = settle(Query("明年截止时间", years=[2025], year_source=YearSource.RELATIVE), CORPUS)
    assert decision.query.years == [2024] and decision.query.year_source == YearSource.LATEST
    assert "尚未收录2025年的通知" in decision.note and decision.refusal is None


def test_a_written_year_is_kept_even_without_its_call() -> None:
    """"2024年…": the forwarding notices of 2024 answer it (the rules label whose)."""
    decision = settle(Query("2024年截止时间", years=[2024], year_source=YearSource.EXPLICIT), CORPUS)
    assert decision.query.years == [2024] and decision.note == "" and decision.refusal is None


def test_a_year_no_notice_covers_is_refused_not_replaced() -> None:
    decision = settle(Query("2019年截止时间", years=[2019], year_source=YearSource.EXPLICIT), CORPUS)
    assert decision.refusal is not None and "2019" in decision.refusal and "2022、2023、2024" in decision.refusal


def test_the_default_round_is_the_latest_the_notices_hold() -> None:
    """Units' notices of 2024 with CAST's 2024 call not yet in: 2024 is the round being run; the 2023
    call would answer with last year's quotas and dates."""
    assert default_round(CORPUS) == 2024
    assert default_round(Corpus(years=[2021], rounds=[2021], called=set())) == 2021
    assert default_round(Corpus(years=[], rounds=[], called=set())) is None


def test_the_first_round_misremembered_as_an_earlier_year_is_the_first_round() -> None:
    """"我记得是19年吧，第一次搞先导技术榜单那回": the round meant is the first, said to be so."""
    q = Query("19年第一次那回", years=[2019], year_source=YearSource.EXPLICIT, first_round=True)
    decision = settle(q, CORPUS)
    assert decision.refusal is None and decision.query.years == [2022] and "第一次征集是2022年" in decision.note
    assert settle(Query("19年的名额", years=[2019], year_source=YearSource.EXPLICIT), CORPUS).refusal  # a year, no more


def test_this_round_asked_without_a_year_is_the_latest_round_unless_a_notice_is_named() -> None:
    """"这次想推3个先导技术": the call now open, though its words may be an older round's; a notice
    named ("青河市科协这次征集哪几个榜") keeps its own round (pointer.py settles that)."""
    decision = settle(Query("这次先导技术推几个", current_round=True), CORPUS)
    assert decision.query.years == [default_round(CORPUS)] and decision.note == ""
    named = settle(Query("青河市科协这次征集哪几个榜", current_round=True, notice_ids=["qinghe.txt"]), CORPUS)
    assert named.query.years == []


def test_years_the_asker_is_unsure_of_are_settled_by_the_list_they_name() -> None:
    """"20年还是21年来着…有个给投资机构上的榜": the year that list was set up in, said so; years named
    for a list set up in both are both kept."""
    corpus = Corpus(years=[2022, 2023, 2024], rounds=[2022, 2023, 2024], called={2022, 2023},
                    list_years={"投资机构榜": {2023}, "先导技术榜": {2022, 2023}})
    unsure = Query("22年还是23年来着有个投资机构榜", years=[2022, 2023], year_source=YearSource.EXPLICIT,
                   list_key="投资机构榜", years_unsure=True)
    decision = settle(unsure, corpus)
    assert decision.query.years == [2023] and "2022年未设此榜" in decision.note
    both = settle(Query("…", years=[2022, 2023], list_key="先导技术榜", years_unsure=True), corpus)
    assert both.query.years == [2022, 2023] and both.note == ""
    named = settle(Query("…", years=[2022, 2023], list_key="投资机构榜"), corpus)  # two years asked, not unsure
    assert named.query.years == [2022, 2023]


def test_the_round_of_a_step_the_asker_told_of_dates_an_ask_nothing_else_dates() -> None:
    """"22年榜单线上报完了，纸质材料还要寄吗": the 2022 round; not when the ask is whether to apply (the
    round now open), nor when the asker names this round or a notice."""
    import datetime as dt

    from assistant.answer.understand import story_years, understand
    from assistant.model import Intent

    today = dt.date(2024, 10, 20)
    assert story_years("2022年科创中国榜单线上报完了，纸质材料还要不要寄？") == [2022]
    assert story_years("我们2022年报过先导技术榜没选上，还能再报吗？") == []
    assert story_years("公司2022年成立，做芯片设计，想报新锐企业榜") == []
    q = understand("22年科创中国榜单线上报完了，纸质材料还要不要寄？", today)
    decision = settle(q, CORPUS)
    assert decision.query.years == [2022] and "2022年" in decision.note
    told = Query("纸质材料还要寄吗", story_years=[2022])
    assert settle(told, CORPUS).query.years == [2022]
    assert settle(Query("能报吗", story_years=[2022], intent=Intent.ELIGIBILITY), CORPUS).query.years == []
    assert settle(Query("这次纸质材料还寄吗", story_years=[2022], current_round=True), CORPUS).query.years == [2024]
