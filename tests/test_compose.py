"""Answers to several parts merged into one (answer/compose.py)."""

from __future__ import annotations

from assistant.answer.compose import Answer, Citation, merge
from assistant.model import AnswerKind


def _cite(n: int) -> Citation:
    return Citation(f"n{n}.txt", "", 2023, "", f"原文{n}", n, n + 1)


def test_each_part_s_direct_answer_comes_before_any_part_s_detail() -> None:
    first = Answer("根据2023年通知：\n甲的答案在这一行，足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长足够长。[1]\n"
                   "甲的细节一。[2]\n甲的细节二。[3]", AnswerKind.RETRIEVAL, [_cite(1), _cite(2), _cite(3)])
    second = Answer("2023年申报截止时间：2023年11月30日24时[1]", AnswerKind.RULE, [_cite(4)])
    merged = merge([first, second])
    lines = merged.answer.split("\n")
    assert lines[0] == "① 根据2023年通知："
    assert lines[2].startswith("② 2023年申报截止时间") and lines[3].startswith("①（续）甲的细节一")
    # Citations are numbered in the order the text shows them.
    assert [int(n) for n in __import__("re").findall(r"\[(\d+)\]", merged.answer)] == [1, 2, 3, 4]
    assert [c.quote for c in merged.citations] == ["原文1", "原文4", "原文2", "原文3"]


def test_a_line_shown_for_one_part_is_not_shown_again_for_the_next() -> None:
    same = "根据2020年通知：\n技术水平介绍：不超过500字。[1]"
    merged = merge([Answer(same, AnswerKind.RETRIEVAL, [_cite(1)]), Answer(same + "\n另一行。[2]", AnswerKind.RETRIEVAL,
                                                                       [_cite(1), _cite(2)])])
    assert merged.answer.count("技术水平介绍") == 1 and "② 根据2020年通知：\n另一行。" in merged.answer


def test_the_two_sides_of_a_comparison_are_one_direct_answer() -> None:
    side = "一二三四五六七八九十" * 7
    compared = Answer(f"2022年：{side}[1]\n2023年：{side}[2]", AnswerKind.RULE, [_cite(1), _cite(2)])
    merged = merge([compared, Answer("另一问的答案。[1]", AnswerKind.RULE, [_cite(3)])])
    assert merged.answer.split("\n")[1].startswith("2023年：")


def test_a_cited_lead_in_brings_what_it_announces_into_the_direct_answer() -> None:
    announced = Answer("通知原文：申报企业应符合以下条件：[1]\n按2023年新锐企业榜申报条件逐条核对：\n符合：成立不超过10年[2]\n"
                       "需要核实：其余5项条件[3]", AnswerKind.RULE, [_cite(1), _cite(2), _cite(3)])
    merged = merge([Answer("另一问的答案。[1]", AnswerKind.RULE, [_cite(4)]), announced])
    head = merged.answer.split("（续）")[0]
    assert "② 通知原文：申报企业应符合以下条件：" in head and "符合：成立不超过10年" in head
    alone = merge([Answer("另一问的答案。[1]", AnswerKind.RULE, [_cite(4)]),
                   Answer("申报组织应符合以下条件：[1]", AnswerKind.RETRIEVAL, [_cite(1)])])
    assert "② 申报组织应符合以下条件：" in alone.answer and "见上" not in alone.answer  # a lead-in alone is still shown


def test_the_round_of_a_question_without_a_year_is_said_once_at_the_end() -> None:
    first = Answer("2023年申报截止时间：2023年11月30日24时[1]（未指定年份，按最新一轮2023年通知回答）", AnswerKind.RULE, [_cite(1)])
    second = Answer("根据2023年通知（未指定年份，按最新一轮2023年通知回答）：\n每个领域不超过3个。[1]", AnswerKind.RETRIEVAL, [_cite(2)])
    merged = merge([first, second])
    assert merged.answer.count("未指定年份") == 1 and merged.answer.endswith("（未指定年份，以上按最新一轮2023年通知回答。）")
    assert "11月30日24时[1]\n" in merged.answer and "根据2023年通知：" in merged.answer
    assert "未指定年份" in first.answer  # the parts themselves are not changed


def test_a_passage_quoted_again_for_the_next_part_is_shown_once() -> None:
    line = "答：主要有三点：一是新增现代农业领域；二是截止提前到11月25日。[1]"
    first = Answer(f"通知原文：{line}", AnswerKind.RULE, [_cite(1)])
    second = Answer(f"根据2024年通知：\n{line}\n答：每个项目陈述8分钟。[2]", AnswerKind.RETRIEVAL, [_cite(1), _cite(2)])
    merged = merge([first, second])
    assert merged.answer.count("主要有三点") == 1 and "8分钟" in merged.answer.split("（续）")[0]


def test_a_part_whose_lines_start_lines_shown_already_is_said_to_be_above() -> None:
    first = "2023年工作安排：\n初评评审：2023年12月[1]——由初评机构组织。[2]\n终评评审：2024年1月[3]——由秘书处组织。[4]"
    second = "2023年工作安排：\n初评评审：2023年12月[1]\n终评评审：2024年1月[3]"
    cites = [_cite(i) for i in range(1, 5)]
    merged = merge([Answer(first, AnswerKind.RULE, cites), Answer(second, AnswerKind.RULE, cites)])
    assert "② 见上。" in merged.answer and merged.answer.count("终评评审") == 1
