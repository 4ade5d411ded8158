"""Every answerer that can gives its candidate (answer/candidates.py); and no module of the answer
path parses a question: only the understanding modules import the functions that read one."""

from __future__ import annotations

import ast
from pathlib import Path

from assistant.answer.candidates import Source, gather
from assistant.answer.turn import understand_part
from assistant.answer.years import settle

ANSWER = Path(__file__).resolve().parents[1] / "assistant" / "answer"
# Where a question is read: the words of a part, a message's parts, the asker's situation, the
# notices it points at, the sounds of names, and the Turn that puts them together.
UNDERSTANDING = {"understand.py", "message.py", "profile.py", "pointer.py", "spelling.py", "turn.py"}
# What the other modules may take from them: the typed records, never a function that reads text.
RECORDS = {"Query", "ListAsk", "Profile", "Pointer", "PointedBy", "NoticeIndex", "Turn", "Filters", "label", "in_series"}


def test_a_plain_question_gets_a_rule_a_reading_and_a_decline(bot) -> None:  # noqa: ANN001
    snap = bot._snapshot
    q = settle(understand_part("2023年新锐企业榜每个单位能推荐几个？", bot.settings.today, snap.store), snap.store).query
    candidates, situation = gather(snap, q, bot.settings.today)
    sources = [c.source for c in candidates]
    assert Source.RULE in sources and Source.READER in sources and sources[-1] == Source.DECLINE
    assert situation.search.answers and situation.search.hits
    rule = candidates[sources.index(Source.RULE)].answer
    assert "5" in rule.answer and rule.citations[0].source.startswith("000")
    # The decline's closest text is read only when it is shown.
    decline = candidates[-1]
    assert decline.build is not None and decline.answer.answer == ""
    assert decline.shown().answer.startswith("通知中未找到") and decline.build is None


def test_without_rules_only_the_reader_and_the_decline_answer(bot) -> None:  # noqa: ANN001
    snap = bot._snapshot
    q = understand_part("2023年新锐企业榜每个单位能推荐几个？", bot.settings.today, snap.store)
    candidates, _ = gather(snap, q, bot.settings.today, rules=False)
    assert {c.source for c in candidates} <= {Source.READER, Source.DECLINE}


def test_a_question_about_something_a_call_never_holds_is_known_before_ranking(bot) -> None:  # noqa: ANN001
    snap = bot._snapshot
    q = understand_part("先导技术榜评审专家都有谁？", bot.settings.today, snap.store)
    _, situation = gather(snap, q, bot.settings.today)
    assert situation.not_in_call


def test_only_the_understanding_modules_read_questions() -> None:
    """Every module of the answer path imports from the understanding modules only typed records
    (a Query, a Profile…), never a function that parses text."""
    offenders = []
    for path in sorted(ANSWER.rglob("*.py")):
        if path.name in UNDERSTANDING:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                module = node.module.rsplit(".", 1)[-1] + ".py"
                if node.module.startswith("assistant.answer.") and module in UNDERSTANDING:
                    offenders += [f"{path.relative_to(ANSWER)}: {a.name}" for a in node.names if a.name not in RECORDS]
    # snapshot.py builds the sound index of people's names once per snapshot, for understand.py.
    assert offenders == ["snapshot.py: people_sounds"], offenders


def test_a_comparison_of_several_lists_reads_each_list_in_each_year(bot) -> None:  # noqa: ANN001
    from assistant.answer.candidates import compare_read

    snap = bot._snapshot
    q = settle(understand_part("先导榜每个领域的名额、新锐榜每家的名额，2023年跟2022年比有变化吗？", bot.settings.today,
                               snap.store), snap.store).query
    assert [a.list_key for a in q.by_list] == ["先导技术榜", "新锐企业榜"]
    assert q.by_list[1].text == "新锐榜每家的名额"  # its own clause: what is asked of it
    compared = compare_read(snap, q)
    assert compared is not None
    lines = compared.answer.split("\n")
    assert sum("新锐企业榜" in line for line in lines) >= 2 and sum("先导技术榜" in line for line in lines) >= 2


def test_what_an_enumeration_adds_between_two_rounds() -> None:
    """"推荐渠道跟去年比多了哪些": the items the later round's clause lists that the earlier one's does
    not; nothing when the two sentences are not the same enumeration."""
    from assistant.answer.candidates import enumeration_change

    earlier = "由全国学会、协会、研究会，各省、自治区、直辖市科协，新疆生产建设兵团科协，“科创中国”试点城市（园区），中央企业科协组织申报和推荐；"
    later = "由全国学会、协会、研究会，各省、自治区、直辖市、副省级城市科协，新疆生产建设兵团科协，创新驱动示范市、“科创中国”试点城市（园区），中央企业科协组织申报和推荐。"
    assert enumeration_change([(2023, later), (2022, earlier)]) == "从2022年到2023年，新增：副省级城市科协、创新驱动示范市。"
    assert enumeration_change([(2022, "“先导技术榜”每个领域各单位推荐不超过3个；"), (2023, later)]) == ""


def test_a_condition_the_verdict_did_not_check_is_one_that_sets_who_may_apply() -> None:
    """A unit's own condition is one; a sentence announcing conditions, a count of what a unit recommends,
    and a condition the verdict quotes (however much of its sentence) are not."""
    from assistant.answer.candidates import unchecked_condition
    from assistant.answer.compose import Answer, Citation
    from assistant.model import AnswerKind

    verdict = Answer("…", AnswerKind.RULE, [Citation("n.txt", "某市通知", 2031, "二", "在中国境内注册，成立年限不超过8年", 0, 10)])
    assert unchecked_condition("通过我市推荐的企业须在本市注册并在本市纳税。", verdict)
    assert not unchecked_condition("申报者应符合以下条件：", verdict)
    assert not unchecked_condition("各乡镇向县科协推荐新锐企业不超过2家。", verdict)
    assert not unchecked_condition("新锐企业榜：在中国境内注册，成立年限不超过8年的中小型科技企业。", verdict)
    assert not unchecked_condition("科协今年设先导技术榜和场景应用示范榜五类。", verdict)


def test_a_checked_condition_is_told_apart_from_its_marks_and_words_that_only_look_like_conditions() -> None:
    from assistant.answer.candidates import unchecked_condition
    from assistant.answer.compose import Answer, Citation
    from assistant.model import AnswerKind

    verdict = Answer("…", AnswerKind.RULE, [Citation("n.txt", "某市通知", 2031, "二", "1. 申报企业须在我国境内注册，", 0, 10)])
    assert not unchecked_condition("申报企业须在我国境内注册。", verdict)
    for line in ("聚焦产业链供应链关键环节开展推荐。", "详见《申报须知》。", "请相应调整材料。", "不仅关注技术，也关注市场。"):
        assert not unchecked_condition(line, verdict), line
